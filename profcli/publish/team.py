"""Team pages: leeropdrachten, meetings, the knowledge base and "wie weet wat"."""

from __future__ import annotations

from collections import defaultdict

from profcli.model import Entry, Portfolio
from profcli.publish.context import (
    KNOWLEDGE,
    MEETINGS,
    TEAM,
    WHO_KNOWS,
    Context,
    Page,
    worker_page,
)
from profcli.publish.labels import MEETINGS as MEETING_LABELS
from profcli.publish.labels import label, slug_words
from profcli.publish.markdown import NONE, cell, datum, join, link, rel, rich, table, text, url_link
from profcli.publish.workers import expertise_links, goal_section, goal_table


def pages(ctx: Context) -> list[Page]:
    return [_index(ctx), _meetings(ctx), _knowledge(ctx), _who_knows(ctx)]


def _teams_menu(here: str) -> str:
    names = [
        (TEAM, "Team en leeropdrachten"),
        (MEETINGS, "Bijeenkomsten"),
        (KNOWLEDGE, "Kennisbank"),
        (WHO_KNOWS, "Wie weet wat"),
    ]
    return " · ".join(f"**{t}**" if p == here else link(t, rel(here, p)) for p, t in names)


def _index(ctx: Context) -> Page:
    here = TEAM
    out = ["# Team", "", _teams_menu(here), ""]
    teams = ctx.teams()
    if not teams:
        out.append("Er is geen gepubliceerd teamprofiel.")
    for team in teams:
        profile = team.profile
        assert profile is not None
        out += [f"## {text(team.naam)}", ""]
        if profile.text("gemeente"):
            out += [f"Gemeente: {text(profile.text('gemeente'))}", ""]
        out += [rich(profile.text("omschrijving")), ""]
        members = [w for w in ctx.workers() if ctx.repo.team_of(w) is team]
        if members:
            out += ["**Werkers:** " + expertise_links(ctx, here, [w.slug for w in members]), ""]
        goals = ctx.of(team, "leerdoel")
        out += ["### Leeropdrachten", ""]
        out.append(goal_table(ctx, here, goals) or "Nog geen gepubliceerde leeropdrachten.")
        meetings = ctx.of(team, "bijeenkomst")
        for goal in goals:
            section = goal_section(ctx, here, goal, [], [])
            section[0] = "#" + section[0]
            out += ["", *section]
            linked = [m for m in meetings if goal.id in m.ids("leerdoelen")]
            if linked:
                out += ["", "**Bijeenkomsten**", ""]
                out += [
                    f"- {link(m.text('thema'), rel(here, MEETINGS) + '#' + m.id)} "
                    f"({datum(m.datum)})"
                    for m in reversed(linked)
                ]
    return Page(here, "Team", join(out), in_nav=True)


def participants(ctx: Context, here: str, meeting: Entry) -> str:
    return expertise_links(ctx, here, meeting.ids("deelnemers"))


def _meetings(ctx: Context) -> Page:
    here = MEETINGS
    out = ["# Bijeenkomsten", "", _teams_menu(here), ""]
    meetings = [m for t in ctx.teams() for m in ctx.of(t, "bijeenkomst")]
    meetings.sort(key=lambda m: m.id, reverse=True)
    if not meetings:
        out.append("Nog geen gepubliceerde bijeenkomsten.")
    for meeting in meetings:
        kind = label(MEETING_LABELS, meeting.get("soort"))
        out += [f"## {datum(meeting.datum)}: {text(meeting.text('thema'))} {{#{meeting.id}}}", ""]
        facts = [f"**Soort:** {text(kind)}"]
        if meeting.text("methode"):
            facts.append(f"**Methode:** {text(slug_words(meeting.text('methode')))}")
        duur = meeting.get("duur_uren")
        if isinstance(duur, int | float):
            facts.append(f"**Duur:** {text(str(duur).replace('.', ','))} uur")
        facts.append(f"**Deelnemers:** {participants(ctx, here, meeting)}")
        if meeting.ids("signalen"):
            facts.append(
                "**Signalen:** " + ", ".join(text(slug_words(s)) for s in meeting.ids("signalen"))
            )
        out += [f"- {fact}" for fact in facts] + [""]
        if meeting.text("casus"):
            out += ["### Casus", "", rich(meeting.text("casus")), ""]
        for key, title in (("inzichten", "Inzichten"), ("afspraken", "Afspraken")):
            if meeting.ids(key):
                out += [f"### {title}", ""] + [f"- {text(v)}" for v in meeting.ids(key)] + [""]
    return Page(here, "Bijeenkomsten", join(out))


def _knowledge(ctx: Context) -> Page:
    here = KNOWLEDGE
    out = ["# Kennisbank", "", _teams_menu(here), ""]
    items = [k for t in ctx.teams() for k in ctx.of(t, "kennis")]
    items.sort(key=lambda k: k.text("titel").lower())
    if not items:
        out.append("Nog geen gepubliceerde kennis.")
    else:
        out += [f"- {link(k.text('titel'), '#' + k.id)}" for k in items] + [""]
    for item in items:
        out += [f"## {text(item.text('titel'))} {{#{item.id}}}", ""]
        facts = []
        if item.ids("contactpersonen"):
            facts.append(
                f"**Vraag het aan:** {expertise_links(ctx, here, item.ids('contactpersonen'))}"
            )
        if item.ids("tags"):
            facts.append("**Tags:** " + ", ".join(text(slug_words(t)) for t in item.ids("tags")))
        if item.get("bijgewerkt"):
            facts.append(f"**Bijgewerkt:** {datum(item.get('bijgewerkt'))}")
        out += [f"- {fact}" for fact in facts] + [""]
        out += [rich(item.text("inhoud")), ""]
        if item.ids("bronnen"):
            out += ["**Bronnen**", ""] + [f"- {url_link(b)}" for b in item.ids("bronnen")] + [""]
    return Page(here, "Kennisbank", join(out))


def _who_knows(ctx: Context) -> Page:
    here = WHO_KNOWS
    out = [
        "# Wie weet wat",
        "",
        _teams_menu(here),
        "",
        "Expertise uit de profielen en de kennisitems waarvoor iemand aanspreekpunt is.",
        "",
    ]
    by_tag: dict[str, list[str]] = defaultdict(list)
    knowledge: dict[str, list[Entry]] = defaultdict(list)
    for team in ctx.teams():
        for item in ctx.of(team, "kennis"):
            for slug in item.ids("contactpersonen"):
                knowledge[slug].append(item)
    rows = []
    for worker in ctx.workers():
        tags = worker.profile.ids("expertise") if worker.profile else []
        for tag in tags:
            by_tag[tag].append(worker.slug)
        rows.append(
            [
                link(worker.naam, rel(here, worker_page(worker.slug))),
                ", ".join(text(slug_words(t)) for t in tags) or NONE,
                ", ".join(
                    link(k.text("titel"), rel(here, KNOWLEDGE) + "#" + k.id)
                    for k in knowledge.get(worker.slug, [])
                )
                or NONE,
            ]
        )
    out += [
        "## Per persoon",
        "",
        table(["Naam", "Expertise", "Aanspreekpunt voor"], rows)
        or "Nog geen gepubliceerde profielen.",
        "",
    ]
    if by_tag:
        out += ["## Per onderwerp", ""]
        rows = [
            [cell(slug_words(tag)), expertise_links(ctx, here, slugs)]
            for tag, slugs in sorted(by_tag.items())
        ]
        out.append(table(["Onderwerp", "Wie"], rows))
    return Page(here, "Wie weet wat", join(out))


def latest_meetings(ctx: Context, count: int) -> list[Entry]:
    found = [m for t in ctx.teams() for m in ctx.of(t, "bijeenkomst")]
    return sorted(found, key=lambda m: m.id, reverse=True)[:count]


__all__ = ["Portfolio", "latest_meetings", "pages", "participants"]
