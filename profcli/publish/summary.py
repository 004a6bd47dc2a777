"""Overview pages when the repository holds several teams.

Each team gets its own dashboard, meetings, knowledge base and "wie weet wat" under
`teams/<slug>/`. The shared pages (home, werkers, team/...) then show one row per team and the
latest few items only, so that no page grows with the number of workers.
"""

from __future__ import annotations

from profcli.publish.context import TEAM, WORKERS, Context, Page
from profcli.publish.dashboard import teams_table
from profcli.publish.labels import MEETINGS as MEETING_LABELS
from profcli.publish.labels import label, medewerkers
from profcli.publish.markdown import NONE, cell, datum, join, link, rel, table, text
from profcli.publish.pieces import LATEST, MENU, latest_meetings, team_has
from profcli.repository.kinds import BIJEENKOMST, FEEDBACK, KENNIS, Kind
from profcli.repository.model import Entry, Portfolio


def workers_index(ctx: Context) -> Page:
    """With several teams the werkers page points to the teams, whose pages list the workers."""
    out = [
        "# Medewerkers",
        "",
        "Iedere medewerker heeft een eigen portfolio: profiel en leerdoelen, reflecties, "
        "zelftoetsen en uren. Kies een team; het dashboard van het team noemt alle medewerkers.",
        "",
    ]
    out += [
        f"- {link(t.naam, rel(WORKERS, ctx.team_page(t)))} ({medewerkers(len(ctx.members(t)))})"
        for t in ctx.teams()
    ]
    return Page(WORKERS, "Medewerkers", join(out), in_nav=True)


def _menu(here: str) -> str:
    names = [(f"team/{p}.md", t.replace("Team en leeropdrachten", "Teams")) for p, t in MENU]
    return " · ".join(f"**{t}**" if p == here else link(t, rel(here, p)) for p, t in names)


def _team_links(ctx: Context, here: str, page: str, count: Kind | None) -> list[str]:
    """Links to each team's page, with how many `count` entries (None: members) it has."""
    lines = []
    for team in ctx.teams():
        if not team_has(ctx, team, page):
            lines.append(f"- {text(team.naam)} ({count_of(ctx, team, count)})")
            continue
        target = rel(here, ctx.team_page(team, page))
        lines.append(f"- {link(team.naam, target)} ({count_of(ctx, team, count)})")
    return lines


def count_of(ctx: Context, team: Portfolio, what: Kind | None) -> str:
    if what is None:
        return medewerkers(len(ctx.members(team)))
    return f"{len(ctx.of(team, what))} {what.label}"


def team_index(ctx: Context) -> Page:
    here = TEAM
    out = ["# Teams", "", _menu(here), ""]
    out += teams_table(ctx, here)[2:]
    return Page(here, "Team", join(out), in_nav=True)


def meetings(ctx: Context) -> Page:
    here = "team/bijeenkomsten.md"
    meetings = latest_meetings(ctx, LATEST)
    out = ["# Bijeenkomsten", "", _menu(here), ""]
    out += [
        f"De laatste {LATEST} bijeenkomsten van alle teams; alle bijeenkomsten staan per team.",
        "",
    ]
    out += [*_team_links(ctx, here, "bijeenkomsten", BIJEENKOMST), ""]
    rows = [
        [
            cell(datum(m.datum)),
            _team_of(ctx, here, m),
            link(m.text("thema"), rel(here, ctx.owner_page(m, "bijeenkomsten")) + "#" + m.id),
            cell(label(MEETING_LABELS, m.get("soort"))),
        ]
        for m in meetings
    ]
    out.append(
        table(["Datum", "Team", "Thema", "Soort"], rows) or "Nog geen gepubliceerde bijeenkomsten."
    )
    return Page(here, "Bijeenkomsten", join(out))


def _team_of(ctx: Context, here: str, entry: Entry) -> str:
    team = ctx.repo.portfolios.get(entry.profile)
    return link(team.naam, rel(here, ctx.team_page(team))) if team else NONE


def knowledge(ctx: Context) -> Page:
    here = "team/kennis.md"
    items = [k for t in ctx.teams() for k in ctx.of(t, KENNIS)]
    items.sort(key=lambda k: (str(k.get("bijgewerkt") or ""), k.id), reverse=True)
    out = ["# Kennisbank", "", _menu(here), ""]
    out += [f"De {LATEST} laatst bijgewerkte kennisitems; de hele kennisbank staat per team.", ""]
    out += [*_team_links(ctx, here, "kennis", KENNIS), ""]
    rows = [
        [
            link(k.text("titel"), rel(here, ctx.owner_page(k, "kennis")) + "#" + k.id),
            _team_of(ctx, here, k),
            cell(datum(k.get("bijgewerkt")) if k.get("bijgewerkt") else ""),
        ]
        for k in items[:LATEST]
    ]
    out.append(
        table(["Kennisitem", "Team", "Bijgewerkt"], rows) or "Nog geen gepubliceerde kennis."
    )
    return Page(here, "Kennisbank", join(out))


def who_knows(ctx: Context) -> Page:
    here = "team/wie-weet-wat.md"
    out = ["# Wie weet wat", "", _menu(here), ""]
    out += [
        "Expertise uit de profielen en de kennisitems waarvoor iemand aanspreekpunt is, per team.",
        "",
    ]
    out += _team_links(ctx, here, "wie-weet-wat", None)
    return Page(here, "Wie weet wat", join(out))


def citizens(ctx: Context) -> Page:
    """With several teams, what citizens tell each team is on that team's own page."""
    here = "team/burgers.md"
    out = ["# Wat burgers ons vertellen", "", _menu(here), ""]
    out += [
        "Wat inwoners en cliënten de werkers vertelden, per team naast de leeropdrachten en de "
        "signalen van dat team.",
        "",
    ]
    for team in ctx.teams():
        told = sum(
            1 for w in ctx.members(team) for f in ctx.of(w, FEEDBACK) if f.get("van") == "burger"
        )
        name = team.naam
        if team_has(ctx, team, "burgers"):
            name = link(team.naam, rel(here, ctx.team_page(team, "burgers")))
        else:
            name = text(name)
        out.append(f"- {name} ({told} keer feedback van burgers)")
    return Page(here, "Wat burgers ons vertellen", join(out))
