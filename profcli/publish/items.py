"""A page per framework item: the team's self-check picture and the work that touches it.

Scores are aggregated over the latest self-check of each worker; no names, no ranking.
"""

from __future__ import annotations

from profcli.frameworks import Framework, Item
from profcli.publish import charts
from profcli.publish.context import FRAMEWORKS, Context, Page, item_page, worker_page
from profcli.publish.labels import STATUS, label
from profcli.publish.markdown import cell, datum, join, link, rel, rich, table, text
from profcli.publish.records import scored

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


def pages(ctx: Context) -> list[Page]:
    return [_index(ctx), *(_item(ctx, item) for item in page_items(ctx))]


def _index(ctx: Context) -> Page:
    out = [
        "# Kaders",
        "",
        "De beroepscode, de internationale principes en het competentieprofiel: per onderdeel "
        "hoe het team zichzelf inschat en welke reflecties erover gaan.",
        "",
    ]
    for framework in frameworks(ctx):
        out += [f"## {text(framework.titel)}", "", rich(framework.omschrijving), ""]
        out += [
            f"- {link(i.titel, rel(FRAMEWORKS, item_page(i.id)))} "
            f"({SOORT_LABELS.get(i.soort, i.soort).lower()})"
            for i in framework.items
            if i.soort in SOORTEN
        ] + [""]
    return Page(FRAMEWORKS, "Kaders", join(out), in_nav=True)


def latest_scores(ctx: Context, item: Item) -> list[int]:
    """Each visible worker's latest score for the item (workers who share their scores)."""
    found = []
    for worker in ctx.workers():
        if not ctx.shows_scores(worker):
            continue
        checks = [
            c
            for c in ctx.of(worker, "zelftoets")
            if c.get("kader") == item.framework and item.id in scored(ctx, c)
        ]
        if checks:
            found.append(scored(ctx, checks[-1])[item.id])
    return found


def _item(ctx: Context, item: Item) -> Page:
    here = item_page(item.id)
    framework = ctx.repo.catalog.frameworks.get(item.framework)
    out = [
        f"# {text(item.titel)}",
        "",
        f"{SOORT_LABELS.get(item.soort, item.soort)} uit "
        f"{link(framework.titel if framework else item.framework, rel(here, FRAMEWORKS))}",
        "",
        rich(item.omschrijving),
        "",
    ]
    scores = latest_scores(ctx, item)
    out += ["## Zelftoetsen van het team", ""]
    if scores:
        average = sum(scores) / len(scores)
        counts = [scores.count(s) for s in range(1, 6)]
        out.append(
            f"Laatste score van {len(scores)} werker(s); gemiddeld "
            f"{f'{average:.1f}'.replace('.', ',')} op een schaal van 1 tot 5. "
            "Alleen de verdeling wordt getoond, niet wie wat scoorde."
        )
        out += [
            "",
            charts.bars(
                f"item-{item.id}",
                f"Verdeling van de laatste scores voor {item.titel}",
                [
                    charts.Bar(f"score {s}", counts[s - 1], None, f"{counts[s - 1]} werker(s)")
                    for s in range(1, 6)
                ],
            ),
            "",
        ]
        out.append(
            table(["Score", "Aantal werkers"], [[str(s), str(counts[s - 1])] for s in range(1, 6)])
        )
    else:
        out.append("Nog geen gepubliceerde zelftoetsen die dit onderdeel scoren.")
    out += ["", "## Reflecties", ""]
    rows = []
    for worker in ctx.workers():
        for entry in ctx.of(worker, "reflectie"):
            if item.id in entry.ids("beroepscode"):
                target = rel(here, worker_page(worker.slug, "reflecties")) + "#" + entry.id
                rows.append(
                    (
                        entry.id,
                        [
                            cell(datum(entry.datum)),
                            link(entry.text("titel"), target),
                            link(worker.naam, rel(here, worker_page(worker.slug))),
                        ],
                    )
                )
    rows.sort(key=lambda r: r[0], reverse=True)
    out.append(
        table(["Datum", "Reflectie", "Werker"], [r for _, r in rows])
        or "Nog geen gepubliceerde reflecties over dit onderdeel."
    )
    goals = []
    for portfolio in [*ctx.teams(), *ctx.workers()]:
        for goal in ctx.of(portfolio, "leerdoel"):
            if item.id in goal.ids("competenties") + goal.ids("contexten"):
                owner = link(
                    portfolio.naam,
                    rel(here, worker_page(portfolio.slug))
                    if portfolio.soort == "werker"
                    else rel(here, "team/index.md"),
                )
                target = (
                    rel(here, worker_page(portfolio.slug))
                    if portfolio.soort == "werker"
                    else rel(here, "team/index.md")
                ) + f"#doel-{goal.id}"
                goals.append(
                    [
                        link(goal.text("titel"), target),
                        owner,
                        cell(label(STATUS, goal.get("status"))),
                    ]
                )
    if goals:
        out += ["", "## Leerdoelen", "", table(["Leerdoel", "Van", "Status"], goals)]
    return Page(here, item.titel, join(out))
