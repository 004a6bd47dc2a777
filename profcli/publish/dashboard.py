"""The dashboard sections: what a supervisor checks first, on the home page and per team.

With one team the home page shows all sections; with several teams the home page shows
`teams_table` and the meetings, and each team's own page shows the sections for its members.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from profcli.publish import attention, followup, talks
from profcli.publish.context import Context, worker_page
from profcli.publish.labels import MEETINGS as MEETING_LABELS
from profcli.publish.labels import OPEN_STATUS, STATUS, display, label, slug_words
from profcli.publish.markdown import NONE, cell, datum, link, rel, table, text
from profcli.publish.pieces import latest_meetings, participants
from profcli.repository.kinds import BIJEENKOMST, LEERDOEL, ZELFTOETS
from profcli.repository.model import Entry, Portfolio
from profcli.words import Publiek, Soort

HORIZON = dt.timedelta(weeks=8)
COVERAGE = dt.timedelta(days=183)
SIGNAL_WINDOW = dt.timedelta(days=365)


def sections(
    ctx: Context, here: str, workers: list[Portfolio], teams: list[Portfolio]
) -> list[str]:
    """What a supervisor checks first, for these workers and teams."""
    # "Aandacht nodig" is for the team's supervisors, never for the public site.
    first: list[str] = []
    if ctx.audience == Publiek.TEAM:
        first = (
            attention.section(ctx, here, workers)
            + talks.awaiting_approval(ctx, here, workers)
            + followup.open_agreements(ctx, here, teams)
        )
    return (
        first
        + _goals(ctx, here, workers, teams)
        + _deadlines(ctx, here, workers, teams)
        + _coverage(ctx, here, workers)
        + meetings(ctx, here, teams)
    )


def _owner_link(ctx: Context, here: str, portfolio: Portfolio) -> str:
    return link(portfolio.naam, rel(here, _owner_page(ctx, portfolio)))


def _owner_page(ctx: Context, portfolio: Portfolio) -> str:
    if portfolio.soort == Soort.WERKER:
        return worker_page(portfolio.slug)
    return ctx.team_page(portfolio)


def _goals(ctx: Context, here: str, workers: list[Portfolio], teams: list[Portfolio]) -> list[str]:
    rows, total = [], Counter[str]()
    for portfolio in [*workers, *teams]:
        counts = Counter(str(g.get("status")) for g in ctx.of(portfolio, LEERDOEL))
        total.update(counts)
        name = _owner_link(ctx, here, portfolio)
        if portfolio.soort == Soort.TEAM:
            name += " (leeropdrachten)"
        rows.append([name, *(str(counts.get(s, 0)) for s in STATUS)])
    if rows:
        rows.append(["**Totaal**", *(f"**{total.get(s, 0)}**" for s in STATUS)])
    if ctx.quiet and not total:
        return []
    return [
        "## Leerdoelen per status",
        "",
        table(["Wie", *STATUS.values()], rows) or "Nog geen gepubliceerde leerdoelen.",
        "",
    ]


def _deadlines(
    ctx: Context, here: str, workers: list[Portfolio], teams: list[Portfolio]
) -> list[str]:
    late: list[tuple[dt.date, list[str]]] = []
    soon: list[tuple[dt.date, list[str]]] = []
    for portfolio in [*workers, *teams]:
        for goal in ctx.of(portfolio, LEERDOEL):
            day = goal.get("deadline")
            if goal.get("status") not in OPEN_STATUS or not isinstance(day, dt.date):
                continue
            target = _owner_page(ctx, portfolio)
            row = [
                cell(datum(day)),
                link(goal.text("titel"), rel(here, target) + f"#doel-{goal.id}"),
                _owner_link(ctx, here, portfolio),
                cell(label(STATUS, goal.get("status"))),
            ]
            if day < ctx.today:
                late.append((day, [*row, f"{(ctx.today - day).days} dagen te laat"]))
            elif day <= ctx.today + HORIZON:
                soon.append((day, [*row, f"over {(day - ctx.today).days} dagen"]))
    header = ["Deadline", "Leerdoel", "Van", "Status", "Wanneer"]
    if ctx.quiet and not late and not soon:
        return []
    out = ["## Deadlines", ""]
    if late or not ctx.quiet:
        out += ["### Verlopen", ""]
        out.append(
            table(header, [r for _, r in sorted(late, key=lambda x: x[0])])
            or "Geen open leerdoelen met een verlopen deadline."
        )
        out.append("")
    if soon or not ctx.quiet:
        out += ["### In de komende acht weken", ""]
        out.append(
            table(header, [r for _, r in sorted(soon, key=lambda x: x[0])])
            or "Geen deadlines in de komende acht weken."
        )
        out.append("")
    return out


def _coverage(ctx: Context, here: str, workers: list[Portfolio]) -> list[str]:
    since = ctx.today - COVERAGE
    rows, done = [], 0
    for worker in workers:
        if not ctx.shows_scores(worker):
            continue
        checks: list[Entry] = [c for c in ctx.of(worker, ZELFTOETS) if c.datum]
        last = max((c.datum for c in checks if c.datum), default=None)
        recent = last is not None and last >= since
        done += recent
        rows.append(
            [
                link(worker.naam, rel(here, worker_page(worker.slug, "zelftoetsen"))),
                cell(datum(last) if last else ""),
                "ja" if recent else "**nee**",
            ]
        )
    out = ["## Zelftoetsen", ""]
    if not rows:
        return [] if ctx.quiet else [*out, "Er zijn geen gepubliceerde zelftoetsen.", ""]
    out += [
        f"{done} van {len(rows)} medewerkers deden een zelftoets in de afgelopen zes maanden "
        f"(sinds {datum(since)}).",
        "",
        table(["Medewerker", "Laatste zelftoets", "In de afgelopen zes maanden"], rows),
        "",
    ]
    return out


def meetings(ctx: Context, here: str, teams: list[Portfolio]) -> list[str]:
    """The latest meetings of these teams and the social signals they raised this year."""
    out = ["## Recente bijeenkomsten", ""]
    meetings = latest_meetings(ctx, 5, teams)
    if ctx.quiet and not meetings:
        return []
    rows = [
        [
            cell(datum(m.datum)),
            cell(label(MEETING_LABELS, m.get("soort"))),
            link(m.text("thema"), rel(here, ctx.owner_page(m, "bijeenkomsten")) + "#" + m.id),
            participants(ctx, here, m),
            ", ".join(text(slug_words(s)) for s in m.ids("signalen")) or NONE,
        ]
        for m in meetings
    ]
    out.append(
        table(["Datum", "Soort", "Thema", "Deelnemers", "Signalen"], rows)
        or "Nog geen gepubliceerde bijeenkomsten."
    )
    since = ctx.today - SIGNAL_WINDOW
    signals = Counter(
        s
        for t in teams
        for m in ctx.of(t, BIJEENKOMST)
        if m.datum and since <= m.datum <= ctx.today
        for s in m.ids("signalen")
    )
    if ctx.quiet and not signals:
        return [*out, ""]
    out += ["", "### Maatschappelijke signalen", ""]
    if signals:
        out += ["Signalen die het team in de bijeenkomsten van het afgelopen jaar inbracht.", ""]
        out.append(
            table(
                ["Signaal", "Aantal bijeenkomsten"],
                [
                    [cell(display(s, capital=True)), str(n)]
                    for s, n in sorted(signals.items(), key=lambda x: (-x[1], x[0]))
                ],
            )
        )
    else:
        out.append("Geen signalen in het afgelopen jaar.")
    return [*out, ""]


def teams_table(ctx: Context, here: str) -> list[str]:
    """One row per team with the figures that tell where to look first."""
    since = ctx.today - COVERAGE
    rows = []
    for team in ctx.teams():
        members = ctx.members(team)
        goals = [g for p in [*members, team] for g in ctx.of(p, LEERDOEL)]
        late = sum(
            1
            for g in goals
            if g.get("status") in OPEN_STATUS
            and isinstance(g.get("deadline"), dt.date)
            and g.get("deadline") < ctx.today
        )
        missing = [
            ctx.hours(w).tekort for w in members if ctx.shows_hours(w) and ctx.hours(w).register
        ]
        scored = [w for w in members if ctx.shows_scores(w)]
        recent = sum(
            1 for w in scored if any(c.datum and c.datum >= since for c in ctx.of(w, ZELFTOETS))
        )
        meetings = ctx.of(team, BIJEENKOMST)
        rows.append(
            [
                link(team.naam, rel(here, ctx.team_page(team))),
                str(len(members)),
                str(sum(1 for g in goals if g.get("status") in OPEN_STATUS)),
                f"**{late}**" if late else "0",
                f"{sum(1 for m in missing if m <= 0)} van {len(missing)}" if missing else NONE,
                f"{recent} van {len(scored)}" if scored else NONE,
                cell(datum(meetings[-1].datum) if meetings else ""),
            ]
        )
    header = [
        "Team",
        "Medewerkers",
        "Open leerdoelen",
        "Verlopen deadlines",
        "Norm gehaald",
        "Zelftoets in zes maanden",
        "Laatste bijeenkomst",
    ]
    return [
        "## Teams",
        "",
        "Per team de stand van zaken; het dashboard van een team toont leerdoelen, deadlines, "
        "uren en zelftoetsen per medewerker.",
        "",
        table(header, rows) or "Er is geen gepubliceerd teamprofiel.",
        "",
    ]
