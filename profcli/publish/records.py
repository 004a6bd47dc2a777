"""A worker's records: reflections, self-checks with their trend, and hours against the norm."""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict

from profcli.publish import approved, charts
from profcli.publish import evidence as files
from profcli.publish.context import Context, Page, worker_page
from profcli.publish.labels import (
    METHODS,
    PRIVATE_NOT_COUNTED,
    SECTIONS,
    display,
    label,
    slug_words,
)
from profcli.publish.markdown import NONE, cell, datum, hours, join, link, rel, rich, table, text
from profcli.publish.pieces import feedback_on, item_link, item_title, scored, worker_menu
from profcli.registration import norm
from profcli.registration.hours import HourLine, HoursReport, pace_sentence
from profcli.repository.kinds import ACTIVITEIT, LEERDOEL, REFLECTIE, ZELFTOETS
from profcli.repository.model import Entry, Portfolio


def reflections(ctx: Context, worker: Portfolio) -> Page:
    here = worker_page(worker.slug, "reflecties")
    out = [f"# Reflecties van {text(worker.naam)}", "", worker_menu(ctx, worker, here), ""]
    entries = ctx.of(worker, REFLECTIE)
    goals = {g.id: g for g in ctx.of(worker, LEERDOEL)}
    if not entries:
        out.append("Nog geen gepubliceerde reflecties.")
    for entry in reversed(entries):
        out += [f"## {datum(entry.datum)}: {text(entry.text('titel'))} {{#{entry.id}}}", ""]
        facts = [f"**Methode:** {text(label(METHODS, entry.get('methode')))}"]
        linked = [
            link(goals[i].text("titel"), rel(here, worker_page(worker.slug)) + f"#doel-{i}")
            for i in entry.ids("leerdoelen")
            if i in goals
        ]
        if linked:
            facts.append(f"**Leerdoelen:** {', '.join(linked)}")
        if entry.ids("beroepscode"):
            values = ", ".join(item_link(ctx, here, i) for i in entry.ids("beroepscode"))
            facts.append(f"**Beroepscode:** {values}")
        if entry.ids("dimensies"):
            facts.append(
                "**Dimensies:** " + ", ".join(text(slug_words(d)) for d in entry.ids("dimensies"))
            )
        if entry.ids("tags"):
            words = ", ".join(text(slug_words(t)) for t in entry.ids("tags"))
            facts.append(f"**Trefwoorden:** {words}")
        out += [f"- {fact}" for fact in facts] + [""]
        method = str(entry.get("methode", "vrij"))
        sections = entry.get(method)
        if isinstance(sections, dict):
            for key, title in SECTIONS.get(method, ()):
                value = sections.get(key)
                if isinstance(value, str) and value.strip():
                    # A step is a heading without a ¶ link of its own: the reflection's
                    # title carries that (a page of twenty reflections had a hundred).
                    out += [f"<h3>{html.escape(title)}</h3>", "", rich(value), ""]
        out += approved.line(ctx, entry)
        out += [*feedback_on(ctx, here, entry), ""]
    return Page(here, f"Reflecties van {worker.naam}", join(out))


def self_checks(ctx: Context, worker: Portfolio) -> Page:
    here = worker_page(worker.slug, "zelftoetsen")
    out = [f"# Zelftoetsen van {text(worker.naam)}", "", worker_menu(ctx, worker, here), ""]
    entries = ctx.of(worker, ZELFTOETS)
    if not entries:
        out.append("Nog geen gepubliceerde zelftoetsen.")
        return Page(here, f"Zelftoetsen van {worker.naam}", join(out))
    by_framework: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_framework[str(entry.get("kader"))].append(entry)
    out += [
        "## Ontwikkeling per onderdeel",
        "",
        "Scores van 1 (nog veel te leren) tot 5 (gaat me goed af), per zelftoets.",
        "",
    ]
    for framework_id, checks in by_framework.items():
        framework = ctx.repo.catalog.frameworks.get(framework_id)
        name = framework.titel if framework else display(framework_id, capital=True)
        dates = sorted({e.datum for e in checks if e.datum})
        order = [i.id for i in framework.items] if framework else []
        seen = {k for e in checks for k in scored(ctx, e)}
        ids = [i for i in order if i in seen] + sorted(seen - set(order))
        series = [
            charts.Series(
                item_title(ctx, i),
                [(e.datum, scored(ctx, e)[i]) for e in checks if e.datum and i in scored(ctx, e)],
            )
            for i in ids
        ]
        out += [f"### {text(name)}", ""]
        out.append(
            charts.trend(
                f"{worker.slug}-{framework_id}",
                f"Verloop van de scores van {worker.naam}: {name}",
                dates,
                series,
            )
        )
        rows = [
            [item_link(ctx, here, i)] + [cell(scored(ctx, e).get(i, "")) for e in checks if e.datum]
            for i in ids
        ]
        header = [datum(e.datum) for e in checks if e.datum]
        out += ["", table(["Onderdeel", *header], rows), ""]
    out += ["## Alle zelftoetsen", ""]
    for entry in reversed(entries):
        framework = ctx.repo.catalog.frameworks.get(str(entry.get("kader")))
        name = framework.titel if framework else display(entry.get("kader"), capital=True)
        out += [f"### {datum(entry.datum)}: {text(name)} {{#{entry.id}}}", ""]
        scores = entry.get("scores") if isinstance(entry.get("scores"), dict) else {}
        rows = [
            [item_link(ctx, here, k), cell(v.get("score", "")), cell(v.get("toelichting", ""))]
            for k, v in scores.items()
            if isinstance(v, dict)
        ]
        out += [table(["Onderdeel", "Score", "Toelichting"], rows), ""]
        if entry.text("blinde_vlekken"):
            out += ["**Blinde vlekken**", "", rich(entry.text("blinde_vlekken")), ""]
        if entry.ids("actiepunten"):
            out += ["**Actiepunten**", ""] + [f"- {text(a)}" for a in entry.ids("actiepunten")]
            out.append("")
    return Page(here, f"Zelftoetsen van {worker.naam}", join(out))


def hours_page(ctx: Context, worker: Portfolio) -> Page:
    here = worker_page(worker.slug, "uren")
    report = ctx.hours(worker)
    out = [
        # The tables need the width, and the page has one section: no table of contents.
        "---",
        "hide:",
        "  - toc",
        "---",
        "",
        f"# Uren en punten van {text(worker.naam)}",
        "",
        worker_menu(ctx, worker, here),
        "",
    ]
    last = report.end - dt.timedelta(days=1)
    out.append(f"Huidige registratiecyclus: {datum(report.start)} tot en met {datum(last)}.")
    if not ctx.quiet:  # the team site; the public one has no `prof status` reader
        out += ["", PRIVATE_NOT_COUNTED, ""]
    register = report.register
    if register is None:
        out += [
            f"Geen register om mee te vergelijken: {text(report.problem)}; er geldt dus geen norm.",
            "",
        ]
        forms = norm.per_form(report)
        if forms:
            out.append(
                table(
                    ["Vorm", "Uren"], [[cell(display(v, capital=True)), hours(u)] for v, u in forms]
                )
            )
            out.append("")
    else:
        out.append(
            f"Regels van {text(register.titel)} ({register.cyclus_jaren} jaar); de bronnen "
            "staan in het colofon."
        )
        out += ["", f"**{text(pace_sentence(report))}**", ""]
        totals = report.categories()
        bars = [
            charts.Bar(
                _short(t.category.naam),
                t.counted,
                t.category.minimum or t.category.maximum,
                f"{hours(t.counted)} / {hours(t.category.minimum)} punten"
                if t.category.minimum
                else f"{hours(t.counted)} punten",
            )
            for t in totals
        ]
        out += [
            charts.bars(f"uren-{worker.slug}", f"Punten van {worker.naam} per categorie", bars),
            "",
        ]
        rows = [
            [
                cell(t.category.naam + ("" if t.category.bron.geverifieerd else " *")),
                hours(t.logged),
                hours(t.counted),
                hours(t.category.minimum) if t.category.minimum else NONE,
                hours(t.category.maximum) if t.category.maximum is not None else NONE,
                hours(t.missing) if t.category.minimum else NONE,
                hours(t.awarded),
            ]
            for t in totals
        ]
        out.append(
            table(
                ["Categorie", "Gelogd", "Telt mee", "Minimum", "Maximum", "Nog nodig", "Toegekend"],
                rows,
            )
        )
        for rule, counted, _ in report.combined():
            out.append(f"\n{text(rule.naam)}: {hours(counted)} van minimaal {hours(rule.minimum)}.")
        out.append(f"\n**{text(norm.summary(report))}**")
        beside = norm.beside(report)
        if beside:
            out.append("\nTelt niet voor de norm:\n")
            out += [f"- {text(b.sentence())}" for b in beside]
        if not register.verified:
            out.append("\n\\* Niet geverifieerd bij het register: een aanname (zie het colofon).")
        out.append("")
    shown = [line for line in reversed(report.lines) if ctx.shown_line(worker, line)]
    hidden = len(report.lines) - len(shown)
    out += ["", "## Activiteiten in deze cyclus", ""]
    if hidden:
        out += [
            f"{hidden} van de {len(report.lines)} regels staan niet op deze site (ze zijn niet "
            "gedeeld met deze lezers); ze tellen wel mee in de punten hierboven.",
            "",
        ]
    rows = [
        [
            cell(datum(line.datum)),
            " · ".join(
                [
                    cell(line.titel),
                    cell(display(line.vorm, capital=False)),
                    *(["teambijeenkomst"] if line.bron == "bijeenkomst" else []),
                    *_approved(ctx, worker, line),
                    *files.links(ctx, here, list(line.bewijs), "", f"uren: {line.titel}"),
                ]
            ),
            cell(_category(report, line.categorie)),
            hours(line.punten if line.counts else 0),
            cell(line.accreditatie_id) if line.accreditatie_id else NONE,
            cell(line.opmerking) if line.opmerking else NONE,
        ]
        for line in shown
    ]
    out.append(
        table(
            ["Datum", "Wat", "Categorie", "Punten", "Accreditatie", "Let op"],
            rows,
        )
        or "Nog geen gepubliceerde activiteiten in deze cyclus."
    )
    return Page(here, f"Uren en punten van {worker.naam}", join(out))


def _approved(ctx: Context, worker: Portfolio, line: HourLine) -> list[str]:
    """ "✓ akkoord Noor Bakker" beside an activity whose approval holds."""
    entry = (
        worker.entries.get(ACTIVITEIT.name, {}).get(line.id) if line.bron == "activiteit" else None
    )
    found = approved.of(ctx, entry) if entry is not None else None
    if found is None or not found.holds:
        return []
    when = f", {datum(found.day)}" if found.day else ""
    return [f"✓ akkoord: {cell(found.lead)}{when}, ondertekend"]


def _short(name: str) -> str:
    """A label that fits beside a bar: the register's name, or its first word when long."""
    return name if len(name) <= 18 else name.split()[0]


def _category(report: HoursReport, category_id: str) -> str:
    found = report.register.category(category_id) if report.register else None
    return found.naam if found else "telt niet mee"
