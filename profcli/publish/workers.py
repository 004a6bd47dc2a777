"""Pages about workers: the overview that links them, and each worker's profile and goals."""

from __future__ import annotations

import datetime as dt

from profcli.kinds import ACTIVITEIT, FEEDBACK, LEERDOEL, REFLECTIE
from profcli.model import Entry, Portfolio
from profcli.publish import records
from profcli.publish.context import (
    WHO_KNOWS,
    WORKERS,
    Context,
    Page,
    item_page,
    worker_page,
)
from profcli.publish.labels import FEEDBACK_FROM, REGISTERS, STATUS, label, slug_words
from profcli.publish.markdown import NONE, cell, datum, join, link, rel, rich, table, text, url_link
from profcli.words import OPEN_STATUSES


def overview(ctx: Context) -> Page:
    rows = []
    for worker in ctx.workers():
        goals = ctx.of(worker, LEERDOEL)
        open_goals = sum(1 for g in goals if g.get("status") in OPEN_STATUSES)
        profile = worker.profile
        rows.append(
            [
                link(worker.naam, rel(WORKERS, worker_page(worker.slug))),
                cell(profile.text("functie") if profile else ""),
                cell(slug_words(profile.text("fase")) if profile else ""),
                f"{open_goals} van {len(goals)}",
            ]
        )
    body = [
        "# Werkers",
        "",
        "Iedere werker heeft een eigen portfolio: profiel en leerdoelen, reflecties, "
        "zelftoetsen en uren. Kies een naam.",
        "",
        table(["Naam", "Functie", "Fase", "Open leerdoelen"], rows)
        or "Er zijn (nog) geen gepubliceerde portfolio's.",
        "",
        f"Zie ook {link('wie weet wat', rel(WORKERS, WHO_KNOWS))}.",
    ]
    return Page(WORKERS, "Werkers", "\n".join(body) + "\n", in_nav=True)


def pages(ctx: Context, worker: Portfolio) -> list[Page]:
    found = [_index(ctx, worker), records.reflections(ctx, worker)]
    if ctx.shows_scores(worker):
        found.append(records.self_checks(ctx, worker))
    if ctx.shows_hours(worker):
        found.append(records.hours_page(ctx, worker))
    return found


def _index(ctx: Context, worker: Portfolio) -> Page:
    here = worker_page(worker.slug)
    profile = worker.profile
    assert profile is not None
    out = [f"# {text(worker.naam)}", "", records._menu(ctx, worker, here), "", "## Profiel", ""]
    team = ctx.repo.team_of(worker)
    facts = [
        ("Functie", cell(profile.text("functie"))),
        (
            "Team",
            link(team.naam, rel(here, ctx.team_page(team)))
            if team and ctx.portfolio_visible(team)
            else NONE,
        ),
        ("Fase", cell(slug_words(profile.text("fase")))),
        ("Contexten", items(ctx, here, profile.ids("contexten"))),
        ("Expertise", ", ".join(text(slug_words(t)) for t in profile.ids("expertise")) or NONE),
    ]
    registratie = profile.get("registratie")
    if isinstance(registratie, dict):
        register = label(REGISTERS, registratie.get("register"))
        facts.append(
            ("Register", f"{text(register)}, cyclus vanaf {datum(registratie.get('cyclus_start'))}")
        )
    out += [f"- **{name}:** {value}" for name, value in facts]
    out += ["", rich(profile.text("omschrijving")), "", "## Leerdoelen", ""]
    goals = ctx.of(worker, LEERDOEL)
    out.append(goal_table(ctx, here, goals) or "Nog geen gepubliceerde leerdoelen.")
    reflections = ctx.of(worker, REFLECTIE)
    activities = ctx.of(worker, ACTIVITEIT) if ctx.shows_hours(worker) else []
    for goal in goals:
        out += ["", *goal_section(ctx, here, goal, reflections, activities)]
    feedback = ctx.of(worker, FEEDBACK)
    if feedback:
        out += ["", "## Feedback", ""]
        for entry in reversed(feedback):
            van = label(FEEDBACK_FROM, entry.get("van"))
            out += [f"### {datum(entry.datum)}, van {text(van)} {{#{entry.id}}}", ""]
            out += [rich(entry.text("samenvatting")), ""]
            if entry.text("geleerd"):
                out += ["**Wat ik ervan leerde**", "", rich(entry.text("geleerd")), ""]
            out += [_goal_links(ctx, here, worker, entry), ""]
    return Page(here, worker.naam, join(out))


def items(ctx: Context, here: str, ids: list[str]) -> str:
    """Framework items by title, linked to their page where there is one."""
    parts = []
    for item_id in ids:
        item = ctx.repo.catalog.items.get(item_id)
        title = item.titel if item else slug_words(item_id)
        parts.append(
            link(title, rel(here, item_page(item_id))) if item_id in ctx.item_pages else text(title)
        )
    return ", ".join(parts) or NONE


def progress(goal: Entry) -> tuple[int, int]:
    acties = goal.get("acties")
    acties = [a for a in acties if isinstance(a, dict)] if isinstance(acties, list) else []
    return sum(1 for a in acties if a.get("klaar") is True), len(acties)


def deadline_note(day: object, today: dt.date) -> str:
    if not isinstance(day, dt.date):
        return NONE
    delta = (day - today).days
    if delta < 0:
        return f"{datum(day)} (**{-delta} dagen te laat**)"
    return f"{datum(day)} (nog {delta} dagen)"


def goal_table(ctx: Context, here: str, goals: list[Entry]) -> str:
    rows = []
    for goal in goals:
        done, total = progress(goal)
        rows.append(
            [
                link(goal.text("titel"), f"#doel-{goal.id}"),
                cell(label(STATUS, goal.get("status"))),
                f"{done} van {total} acties" if total else NONE,
                deadline_note(goal.get("deadline"), ctx.today)
                if goal.get("status") in OPEN_STATUSES
                else cell(datum(goal.get("deadline"))),
            ]
        )
    return table(["Leerdoel", "Status", "Voortgang", "Deadline"], rows)


def goal_section(
    ctx: Context, here: str, goal: Entry, reflections: list[Entry], activities: list[Entry]
) -> list[str]:
    done, total = progress(goal)
    out = [f"### {text(goal.text('titel'))} {{#doel-{goal.id}}}", ""]
    facts = [f"**Status:** {text(label(STATUS, goal.get('status')))}"]
    if total:
        facts.append(f"**Voortgang:** {done} van {total} acties klaar")
    if goal.get("deadline"):
        facts.append(f"**Deadline:** {datum(goal.get('deadline'))}")
    out += [" · ".join(facts), "", rich(goal.text("omschrijving"))]
    if goal.text("succescriterium"):
        out += ["", "**Succescriterium**", "", rich(goal.text("succescriterium"))]
    acties = goal.get("acties")
    if isinstance(acties, list) and acties:
        out += ["", "**Acties**", ""]
        for actie in acties:
            if isinstance(actie, dict):
                mark = "klaar" if actie.get("klaar") is True else "open"
                out.append(f"- *{mark}*: {text(actie.get('omschrijving', ''))}")
    ids = goal.ids("competenties") + goal.ids("contexten")
    if ids:
        out += ["", f"**Competenties en contexten:** {items(ctx, here, ids)}"]
    linked = [r for r in reflections if goal.id in r.ids("leerdoelen")]
    if linked:
        out += ["", "**Reflecties**", ""]
        page = worker_page(goal.profile, "reflecties")
        out += [
            f"- {link(r.text('titel'), rel(here, page) + '#' + r.id)} ({datum(r.datum)})"
            for r in reversed(linked)
        ]
    evidence = [f"- {url_link(b)}" for b in goal.ids("bewijs")]
    for activity in activities:
        if goal.id in activity.ids("leerdoelen"):
            evidence.append(f"- {text(activity.text('titel'))} ({datum(activity.datum)})")
            evidence += [f"    - {url_link(b)}" for b in activity.ids("bewijs")]
    if evidence:
        out += ["", "**Bewijs**", "", *evidence]
    return out


def _goal_links(ctx: Context, here: str, worker: Portfolio, entry: Entry) -> str:
    goals = {g.id: g for g in ctx.of(worker, LEERDOEL)}
    found = [
        link(goals[i].text("titel"), f"#doel-{i}") for i in entry.ids("leerdoelen") if i in goals
    ]
    return f"Leerdoelen: {', '.join(found)}" if found else ""


def expertise_links(ctx: Context, here: str, slugs: list[str]) -> str:
    """Names of visible workers, linked; hidden ones are left out entirely."""
    found = [ctx.worker(s) for s in slugs]
    return ", ".join(link(w.naam, rel(here, worker_page(w.slug))) for w in found if w) or NONE
