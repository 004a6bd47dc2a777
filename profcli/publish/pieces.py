"""Building blocks that several pages show: goals, links to workers and items, menus, meetings.

Page modules import these instead of each other, so that no page depends on another page.
"""

from __future__ import annotations

import datetime as dt

from profcli.publish import approved
from profcli.publish import evidence as files
from profcli.publish.context import TEAM, Context, item_page, worker_page
from profcli.publish.labels import FEEDBACK_FROM, STATUS, label, slug_words
from profcli.publish.markdown import NONE, cell, datum, link, rel, rich, table, text
from profcli.repository.kinds import BIJEENKOMST, FEEDBACK, KENNIS, LEERDOEL
from profcli.repository.model import Entry, Portfolio
from profcli.words import OPEN_STATUSES

LATEST = 20
MIN_GROUP = 3
"""Fewer self-check scores than this and a distribution would show individual scores."""
"""Overview pages of several teams show this many of the latest items; the rest is per team."""

MENU = (
    ("index", "Team en leeropdrachten"),
    ("bijeenkomsten", "Bijeenkomsten"),
    ("kennis", "Kennisbank"),
    ("wie-weet-wat", "Wie weet wat"),
    ("burgers", "Wat burgers ons vertellen"),
)
"""The pages every team has, in menu order (`teams/<slug>/<page>.md` or `team/<page>.md`)."""


def team_has(ctx: Context, team: Portfolio | None, page: str) -> bool:
    """Whether a team page has anything to show this audience; a page with nothing is left
    out of the build and of every menu (a new team's public site has no empty pages)."""
    teams = ctx.teams() if team is None else [team]
    if page == "bijeenkomsten":
        return any(ctx.of(t, BIJEENKOMST) for t in teams)
    if page == "kennis":
        return any(ctx.of(t, KENNIS) for t in teams)
    if page == "wie-weet-wat":
        return bool(ctx.workers() if team is None else ctx.members(team))
    if page == "burgers":
        return any(
            ctx.of(t, LEERDOEL)
            or any(m.ids("signalen") for m in ctx.of(t, BIJEENKOMST))
            or any(f.get("van") == "burger" for w in ctx.members(t) for f in ctx.of(w, FEEDBACK))
            for t in teams
        )
    return True


def teams_menu(ctx: Context, team: Portfolio | None, here: str) -> str:
    """The row of links between a team's pages (with several teams: also to all teams)."""
    names = [(ctx.team_page(team, p), t) for p, t in MENU if team_has(ctx, team, p)]
    if team is not None and ctx.split:
        names += [(ctx.team_page(team, "kaders"), "Kaders"), (TEAM, "Alle teams")]
    if len(names) == 1:  # only the page itself: no menu
        return ""
    return " · ".join(f"**{t}**" if p == here else link(t, rel(here, p)) for p, t in names)


def worker_menu(ctx: Context, worker: Portfolio, here: str) -> str:
    """The row of links between a worker's pages."""
    names = [("index", "Profiel en leerdoelen"), ("reflecties", "Reflecties")]
    if ctx.shows_scores(worker):
        names.append(("zelftoetsen", "Zelftoetsen"))
    if ctx.shows_hours(worker):
        names.append(("uren", "Uren"))
    parts = []
    for page, title in names:
        path = worker_page(worker.slug, page)
        parts.append(f"**{title}**" if path == here else link(title, rel(here, path)))
    menu = " · ".join(parts)
    before, after = ctx.neighbours(worker)
    steps = []
    if before is not None:
        to = rel(here, worker_page(before.slug))
        steps.append(f"← vorige medewerker: {link(before.naam, to)}")
    if after is not None:
        to = rel(here, worker_page(after.slug))
        steps.append(f"volgende medewerker: {link(after.naam, to)} →")
    if steps:
        menu += "\n\n" + " · ".join(steps) + "\n{: .prof-buren }"
    return menu


def expertise_links(ctx: Context, here: str, slugs: list[str]) -> str:
    """Names of visible workers, linked; hidden ones are left out entirely."""
    found = [ctx.worker(s) for s in slugs]
    return ", ".join(link(w.naam, rel(here, worker_page(w.slug))) for w in found if w) or NONE


def participants(ctx: Context, here: str, meeting: Entry) -> str:
    return expertise_links(ctx, here, meeting.ids("deelnemers"))


def latest_meetings(ctx: Context, count: int, teams: list[Portfolio] | None = None) -> list[Entry]:
    """The newest `count` meetings of these teams (all visible teams when None)."""
    found = [m for t in (ctx.teams() if teams is None else teams) for m in ctx.of(t, BIJEENKOMST)]
    return sorted(found, key=lambda m: m.id, reverse=True)[:count]


def item_title(ctx: Context, item_id: str) -> str:
    item = ctx.repo.catalog.items.get(item_id)
    return item.titel if item else slug_words(item_id)


def item_link(ctx: Context, here: str, item_id: str) -> str:
    """A framework item by title, linked to its page where there is one."""
    title = item_title(ctx, item_id)
    if item_id in ctx.item_pages:
        return link(title, rel(here, item_page(item_id)))
    return text(title)


def item_links(ctx: Context, here: str, ids: list[str]) -> str:
    return ", ".join(item_link(ctx, here, i) for i in ids) or NONE


def scored(ctx: Context, entry: Entry) -> dict[str, int]:
    """A self-check's scores by item, leaving out items without a whole-number score."""
    scores = entry.get("scores")
    if not isinstance(scores, dict):
        return {}
    return {
        k: v["score"]
        for k, v in scores.items()
        if isinstance(v, dict) and isinstance(v.get("score"), int)
    }


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
    """A goal in full, with the reflections and activities (and their evidence) that name it."""
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
        out += ["", f"**Competenties en contexten:** {item_links(ctx, here, ids)}"]
    out += approved.line(ctx, goal)
    out += feedback_on(ctx, here, goal)
    linked = [r for r in reflections if goal.id in r.ids("leerdoelen")]
    if linked:
        out += ["", "**Reflecties**", ""]
        page = worker_page(goal.profile, "reflecties")
        out += [
            f"- {link(r.text('titel'), rel(here, page) + '#' + r.id)} ({datum(r.datum)})"
            for r in reversed(linked)
        ]
    anchor, what = f"doel-{goal.id}", f"leerdoel {goal.text('titel')}"
    listed = set(goal.ids("bewijs"))
    evidence = [f"- {b}" for b in files.links(ctx, here, goal.ids("bewijs"), anchor, what)]
    for activity in activities:
        if goal.id in activity.ids("leerdoelen"):
            evidence.append(f"- {text(activity.text('titel'))} ({datum(activity.datum)})")
            # A file the goal already names (a certificate of this training) is listed once.
            refs = [r for r in activity.ids("bewijs") if r not in listed]
            listed.update(refs)
            label_of = f"activiteit {activity.text('titel')}"
            evidence += [f"    - {b}" for b in files.links(ctx, here, refs, anchor, label_of)]
    if evidence:
        out += ["", "**Bewijs**", "", *evidence]
    return out


FEEDBACK_ROLES = ("burger", "collega", "leidinggevende", "ketenpartner")


def feedback_on(ctx: Context, here: str, entry: Entry) -> list[str]:
    """The feedback given on this entry (`op` in a piece of feedback), each with who gave it
    (a role) and a link to it on the worker's page (issue 23)."""
    owner = ctx.worker(entry.profile)
    given = [f for f in ctx.of(owner, FEEDBACK) if f.get("op") == entry.id] if owner else []
    if not given:
        return []
    page = rel(here, worker_page(entry.profile)) if here != worker_page(entry.profile) else ""
    out = ["", "**Feedback hierop**", ""]
    for f in reversed(given):
        van = text(label(FEEDBACK_FROM, f.get("van")))
        out.append(
            f"- {link(datum(f.datum), f'{page}#{f.id}')}, van {van}: "
            f"{text(_first_line(f.text('samenvatting')))}"
        )
    return out


def _first_line(value: str, limit: int = 160) -> str:
    line = " ".join(value.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def feedback_lines(
    ctx: Context, here: str, entry: Entry, heading: str, learned: str, intro: str = ""
) -> list[str]:
    """One piece of feedback: `heading` and `intro` (already escaped), what was said, what was
    learned, its themes and the goals it feeds. The giver is only ever named by role."""
    out = [f"{heading} {{#{entry.id}}}", "", intro, "", rich(entry.text("samenvatting")), ""]
    if entry.text("geleerd"):
        out += [f"**{learned}**", "", rich(entry.text("geleerd")), ""]
    facts = []
    if entry.ids("tags"):
        facts.append("Thema's: " + ", ".join(text(slug_words(t)) for t in entry.ids("tags")))
    owner = ctx.worker(entry.profile)
    goals = {g.id: g for g in ctx.of(owner, LEERDOEL)} if owner else {}
    page = rel(here, worker_page(entry.profile)) if here != worker_page(entry.profile) else ""
    found = [
        link(goals[i].text("titel"), f"{page}#doel-{i}")
        for i in entry.ids("leerdoelen")
        if i in goals
    ]
    if found:
        facts.append(f"Leerdoelen: {', '.join(found)}")
    return [*out, " · ".join(facts), ""] if facts else out
