"""A page per framework item: the team's self-check picture and the work that touches it.

Scores are aggregated over the latest self-check of each worker; no names, no ranking.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from profcli.publish import charts
from profcli.publish.attention import short_date
from profcli.publish.context import (
    FRAMEWORKS,
    MANUAL,
    Context,
    Page,
    item_page,
    worker_page,
)
from profcli.publish.labels import STATUS, display, label, medewerkers
from profcli.publish.markdown import cell, datum, join, link, rel, rich, table, text
from profcli.publish.pieces import LATEST, MIN_GROUP, teams_menu
from profcli.publish.scores import Dated, age, picture_over_time, score_history
from profcli.repository.frameworks import Framework, Item
from profcli.repository.kinds import LEERDOEL, REFLECTIE, WERKER, Kind
from profcli.repository.model import Entry, Portfolio
from profcli.words import Publiek

SOORTEN = ("kernwaarde", "artikel", "principe", "competentie", "context")
SOORT_LABELS = {
    "kernwaarde": "Kernwaarde",
    "artikel": "Artikel",
    "principe": "Principe",
    "competentie": "Kerntaak",
    "context": "Context",
    "fase": "Fase",
}


def frameworks(ctx: Context) -> list[Framework]:
    """The team's frameworks (all known ones when no team names any)."""
    named = [f for t in ctx.teams() if t.profile for f in t.profile.ids("kaders")]
    catalog = ctx.repo.catalog.frameworks
    chosen = [catalog[f] for f in dict.fromkeys(named) if f in catalog]
    return chosen or list(catalog.values())


def page_items(ctx: Context) -> list[Item]:
    return [i for f in frameworks(ctx) for i in f.items if i.soort in SOORTEN]


Pair = tuple[Entry, Portfolio]
About = dict[str, list[Pair]]


@dataclass(frozen=True, slots=True)
class Mentions:
    """Per framework item the reflections and goals that name it, gathered once for all pages."""

    reflections: About
    goals: About


def mentions(ctx: Context) -> Mentions:
    return Mentions(
        _about(ctx, ctx.workers(), REFLECTIE, ("beroepscode",)),
        _about(ctx, [*ctx.teams(), *ctx.workers()], LEERDOEL, ("competenties", "contexten")),
    )


def _about(ctx: Context, portfolios: list[Portfolio], kind: Kind, keys: tuple[str, ...]) -> About:
    """Per framework item the entries that name it, with their owner, in portfolio order."""
    found: About = defaultdict(list)
    for portfolio in portfolios:
        for entry in ctx.of(portfolio, kind):
            for item_id in dict.fromkeys(i for key in keys for i in entry.ids(key)):
                found[item_id].append((entry, portfolio))
    return found


def index(ctx: Context) -> Page:
    out = [
        "# Kaders",
        "",
        "De beroepscode, de internationale principes en het competentieprofiel: per onderdeel "
        "hoe het team zichzelf inschat en welke reflecties erover gaan.",
        "",
    ]
    for framework in frameworks(ctx):
        out += [f"## {text(framework.titel)}", "", rich(framework.omschrijving), ""]
        if not framework.volledig:
            fix = (
                " Het team kan het aanvullen met een eigen versie in de repository van het team, "
                f"in het bestand `kaders/{framework.id}.toml` (de "
                f"{link('handleiding', rel(FRAMEWORKS, MANUAL))} legt uit hoe)."
                if ctx.audience == Publiek.TEAM
                else ""
            )
            out += [
                '!!! warning "Onvolledig"',
                f"    Dit kader bevat nog niet alle onderdelen van de bron.{fix}",
                "",
            ]
        out += [
            f"- {link(i.titel, rel(FRAMEWORKS, item_page(i.id)))} "
            f"({SOORT_LABELS.get(i.soort, display(i.soort)).lower()})"
            for i in framework.items
            if i.soort in SOORTEN
        ] + [""]
    return Page(FRAMEWORKS, "Kaders", join(out), in_nav=True)


def _average(scores: list[int]) -> str:
    return f"{sum(scores) / len(scores):.1f}".replace(".", ",")


def _over_time(ctx: Context, item: Item, history: list[Dated]) -> list[str]:
    """The team's picture at each half-year end: average and spread, as a line and a table."""
    picture = picture_over_time(history, ctx.today)
    out = ["### Door de tijd", ""]
    if len(picture) < 2:
        return [*out, "Nog te weinig zelftoetsen om een verloop te tonen.", ""]
    out += [
        "Op elke peildatum (eind juni, eind december en vandaag) de laatste score die iedere "
        f"medewerker toen had; alleen peildata waarop minstens {MIN_GROUP} medewerkers een "
        "score hadden.",
        "",
        charts.trend(
            f"item-tijd-{item.id}",
            f"Gemiddelde score van het team door de tijd voor {item.titel}",
            [d for d, _ in picture],
            [charts.Series("Gemiddelde", [(d, sum(s) / len(s)) for d, s in picture])],
        ),
        "",
    ]
    rows = [
        [cell(short_date(d)), str(len(s)), _average(s), *(str(s.count(v)) for v in range(1, 6))]
        for d, s in picture
    ]
    header = ["Peildatum", "Medewerkers", "Gemiddeld", *(f"Score {v}" for v in range(1, 6))]
    return [*out, table(header, rows), ""]


def page(ctx: Context, item: Item, about: Mentions) -> Page:
    """The page of one framework item: `kaders/<item>.md`."""
    here = item_page(item.id)
    framework = ctx.repo.catalog.frameworks.get(item.framework)
    out = [
        f"# {text(item.titel)}",
        "",
        f"{SOORT_LABELS.get(item.soort, display(item.soort, capital=True))} uit "
        f"{link(framework.titel if framework else display(item.framework), rel(here, FRAMEWORKS))}",
        "",
        rich(item.omschrijving),
        "",
    ]
    history = score_history(ctx, item)
    scores = [dated[-1][1] for dated in history]
    if scores or not ctx.quiet:
        out += ["## Zelftoetsen van het team", ""]
    if 0 < len(scores) < MIN_GROUP:
        out.append(
            f"Minder dan {MIN_GROUP} medewerkers scoorden dit onderdeel; de scores worden niet "
            "getoond, omdat dan te zien zou zijn wie wat scoorde."
        )
    elif scores:
        counts = [scores.count(s) for s in range(1, 6)]
        out.append(
            f"Laatste score van {medewerkers(len(scores))}; gemiddeld {_average(scores)} op een "
            "schaal van 1 tot 5. Alleen de verdeling wordt getoond, niet wie wat scoorde."
        )
        out += [
            "",
            charts.bars(
                f"item-{item.id}",
                f"Verdeling van de laatste scores voor {item.titel}",
                [
                    charts.Bar(f"score {s}", counts[s - 1], None, medewerkers(counts[s - 1]))
                    for s in range(1, 6)
                ],
            ),
            "",
        ]
        out.append(
            table(
                ["Score", "Aantal medewerkers"], [[str(s), str(counts[s - 1])] for s in range(1, 6)]
            )
        )
        dates = sorted((dated[-1][0] for dated in history), reverse=True)
        out += ["", "Hoe oud deze scores zijn (nieuwste eerst):", ""]
        out += [f"- {datum(d)}: {age(d, ctx.today)}" for d in dates]
        out += ["", *_over_time(ctx, item, history)]
    elif not ctx.quiet:
        out.append("Nog geen gepubliceerde zelftoetsen die dit onderdeel scoren.")
    reflections = _newest(about.reflections.get(item.id, []))
    goals = about.goals.get(item.id, [])
    if reflections or not ctx.quiet:
        out += ["", "## Reflecties", ""]
    if ctx.split and len(reflections) + len(goals) > 2 * LATEST:
        out += [
            f"De laatste {LATEST} van {len(reflections)} reflecties en de eerste {LATEST} van "
            f"{len(goals)} leerdoelen; alles over dit onderdeel staat per team:",
            "",
            *(
                f"- {link(t.naam, rel(here, ctx.team_page(t, 'kaders')) + '#' + item.id)}"
                for t in ctx.teams()
            ),
            "",
        ]
        reflections, goals = reflections[:LATEST], goals[:LATEST]
    if reflections or not ctx.quiet:
        out.append(
            table(["Datum", "Reflectie", "Medewerker"], _reflection_rows(here, reflections))
            or "Nog geen gepubliceerde reflecties over dit onderdeel."
        )
    if goals:
        out += [
            "",
            "## Leerdoelen",
            "",
            table(["Leerdoel", "Van", "Status"], _goal_rows(ctx, here, goals)),
        ]
    return Page(here, item.titel, join(out))


def team_page(ctx: Context, team: Portfolio, about: Mentions) -> Page:
    """With several teams: per framework item, this team's reflections and goals about it."""
    here = ctx.team_page(team, "kaders")
    members = {id(p) for p in [team, *ctx.members(team)]}
    out = [f"# Kaders: {text(team.naam)}", "", teams_menu(ctx, team, here), ""]
    out += ["Per onderdeel van de kaders de reflecties en leerdoelen van dit team.", ""]
    for item in page_items(ctx):
        reflections = _newest(
            [p for p in about.reflections.get(item.id, []) if id(p[1]) in members]
        )
        goals = [p for p in about.goals.get(item.id, []) if id(p[1]) in members]
        if not reflections and not goals:
            continue
        title = link(item.titel, rel(here, item_page(item.id)))
        out += [f"## {title} {{#{item.id}}}", ""]
        if reflections:
            out += [
                table(["Datum", "Reflectie", "Medewerker"], _reflection_rows(here, reflections)),
                "",
            ]
        if goals:
            out += [table(["Leerdoel", "Van", "Status"], _goal_rows(ctx, here, goals)), ""]
    return Page(here, f"Kaders: {team.naam}", join(out))


def _newest(pairs: list[Pair]) -> list[Pair]:
    return sorted(pairs, key=lambda pair: pair[0].id, reverse=True)


def _reflection_rows(here: str, reflections: list[Pair]) -> list[list[str]]:
    """Reflections that name an item (newest first), with their worker."""
    return [
        [
            cell(datum(entry.datum)),
            link(
                entry.text("titel"),
                rel(here, worker_page(worker.slug, "reflecties")) + "#" + entry.id,
            ),
            link(worker.naam, rel(here, worker_page(worker.slug))),
        ]
        for entry, worker in reflections
    ]


def _goal_rows(ctx: Context, here: str, goals: list[Pair]) -> list[list[str]]:
    """Goals (of workers or a team) that name an item as competence or context."""
    rows = []
    for goal, portfolio in goals:
        page = (
            worker_page(portfolio.slug) if portfolio.soort == WERKER else ctx.team_page(portfolio)
        )
        rows.append(
            [
                link(goal.text("titel"), rel(here, page) + f"#doel-{goal.id}"),
                link(portfolio.naam, rel(here, page)),
                cell(label(STATUS, goal.get("status"))),
            ]
        )
    return rows
