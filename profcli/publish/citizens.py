"""'Wat burgers ons vertellen': the team looks at its work through citizens' eyes.

Social-work programmes ask teams to learn from what the people they serve say. This page gathers
the feedback of citizens (`van = "burger"`) from the members' portfolios, as far as this
audience may see it, next to the team's leeropdrachten and the signals from its meetings. The
giver appears only by role; the schema has no field for a name.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from profcli.publish.context import Context, Page, worker_page
from profcli.publish.labels import STATUS, label, medewerkers, slug_words
from profcli.publish.markdown import cell, datum, join, link, rel, table, text
from profcli.publish.pieces import feedback_lines, teams_menu
from profcli.repository.kinds import BIJEENKOMST, FEEDBACK, LEERDOEL
from profcli.repository.model import Entry, Portfolio

CITIZEN = "burger"


def _teams(ctx: Context, team: Portfolio | None) -> list[Portfolio]:
    return ctx.teams() if team is None else [team]


def citizen_feedback(ctx: Context, teams: list[Portfolio]) -> list[Entry]:
    """Visible feedback of citizens to the members of these teams, newest first."""
    found = [
        f
        for t in teams
        for w in ctx.members(t)
        for f in ctx.of(w, FEEDBACK)
        if f.get("van") == CITIZEN
    ]
    return sorted(found, key=lambda f: (f.datum is not None, f.datum, f.id), reverse=True)


def page(ctx: Context, team: Portfolio | None) -> Page:
    here = ctx.team_page(team, "burgers")
    teams = _teams(ctx, team)
    feedback = citizen_feedback(ctx, teams)
    meetings = [m for t in teams for m in ctx.of(t, BIJEENKOMST)]
    out = [
        "# Wat burgers ons vertellen",
        "",
        teams_menu(ctx, team, here),
        "",
        "Wat inwoners en cliënten de medewerkers van het team vertelden, naast de "
        "leeropdrachten van het team en de signalen uit de bijeenkomsten: zo kijkt het team "
        "met de ogen van burgers naar het eigen werk. De gever staat er alleen met een rol "
        "bij, nooit met een naam.",
        "",
    ]
    if feedback:
        givers = {f.profile for f in feedback}
        first = min((f.datum for f in feedback if f.datum), default=None)
        since = f" sinds {datum(first)}" if first else ""
        told = f"{len(feedback)} keer feedback van burgers aan {medewerkers(len(givers))}"
        out += [f"{told}{since}.", ""]
    out += _themes(ctx, here, feedback, meetings)
    out += ["## Wat burgers vertelden", ""]
    if not feedback:
        out += ["Er is (nog) geen gepubliceerde feedback van burgers.", ""]
    by_year: dict[int, list[Entry]] = defaultdict(list)
    for entry in feedback:
        by_year[entry.datum.year if entry.datum else 0].append(entry)
    for year, entries in by_year.items():
        out += [f"### {year or 'Zonder datum'}", ""]
        for entry in entries:
            worker = ctx.worker(entry.profile)
            if worker is None:
                continue
            name = link(worker.naam, rel(here, worker_page(worker.slug)))
            heading = f"#### {datum(entry.datum)}, aan {text(worker.naam)}"
            intro = f"*Van een inwoner aan {name}, in de woorden van de medewerker samengevat.*"
            learned = "Wat de medewerker ervan leerde"
            out += feedback_lines(ctx, here, entry, heading, learned, intro)
    out += _team_work(ctx, here, team, teams, meetings)
    return Page(here, "Wat burgers ons vertellen", join(out))


def _themes(ctx: Context, here: str, feedback: list[Entry], meetings: list[Entry]) -> list[str]:
    """Each theme citizens raised, beside how often the team signalled it in a meeting."""
    told = Counter(t for f in feedback for t in f.ids("tags"))
    if not told:
        return []
    signalled = Counter(s for m in meetings for s in m.ids("signalen"))
    rows = [
        [
            cell(slug_words(theme)),
            str(n),
            _meetings(signalled[theme]) if signalled[theme] else "nog niet",
        ]
        for theme, n in sorted(told.items(), key=lambda x: (-x[1], x[0]))
    ]
    return [
        "## Thema's",
        "",
        "Waar de feedback over ging, en of het team hetzelfde onderwerp als signaal inbracht.",
        "",
        table(["Thema", "Keer genoemd door burgers", "Als signaal van het team"], rows),
        "",
    ]


def _meetings(count: int) -> str:
    return "in 1 bijeenkomst" if count == 1 else f"in {count} bijeenkomsten"


def _team_work(
    ctx: Context,
    here: str,
    team: Portfolio | None,
    teams: list[Portfolio],
    meetings: list[Entry],
) -> list[str]:
    """The team's own agenda beside what citizens said: leeropdrachten and signals."""
    out = ["## Waar het team zelf aan werkt", "", "### Leeropdrachten", ""]
    rows = []
    for each in teams:
        for goal in ctx.of(each, LEERDOEL):
            target = rel(here, ctx.team_page(team)) + f"#doel-{goal.id}"
            rows.append([link(goal.text("titel"), target), cell(label(STATUS, goal.get("status")))])
    out += [table(["Leeropdracht", "Status"], rows) or "Nog geen gepubliceerde leeropdrachten.", ""]
    out += ["### Signalen uit de bijeenkomsten", ""]
    latest: dict[str, Entry] = {}
    counts = Counter[str]()
    for meeting in sorted(meetings, key=lambda m: m.id):
        for signal in meeting.ids("signalen"):
            counts[signal] += 1
            latest[signal] = meeting
    rows = [
        [
            cell(slug_words(signal)),
            str(n),
            link(
                f"{datum(latest[signal].datum)}: {latest[signal].text('thema')}",
                rel(here, ctx.team_page(team, "bijeenkomsten")) + "#" + latest[signal].id,
            ),
        ]
        for signal, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    ]
    out.append(
        table(["Signaal", "Bijeenkomsten", "Laatst"], rows)
        or "Nog geen signalen uit gepubliceerde bijeenkomsten."
    )
    return [*out, ""]
