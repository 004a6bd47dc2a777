"""Team pages: leeropdrachten, meetings, the knowledge base and "wie weet wat".

With one team `team` is None and the pages go under `team/`; with several teams each team gets
these pages under `teams/<slug>/`, its index opening with the dashboard of its members (the
overviews of all teams are in summary.py).
"""

from __future__ import annotations

from collections import defaultdict

from profcli.publish import dashboard, followup
from profcli.publish.context import Context, Page, worker_page
from profcli.publish.labels import MEETINGS as MEETING_LABELS
from profcli.publish.labels import display, label, slug_words
from profcli.publish.markdown import NONE, datum, join, link, rel, rich, table, text, url_link
from profcli.publish.pieces import (
    expertise_links,
    goal_section,
    goal_table,
    participants,
    teams_menu,
)
from profcli.repository.agreements import agreements
from profcli.repository.kinds import BIJEENKOMST, KENNIS, LEERDOEL
from profcli.repository.model import Entry, Portfolio


def _teams(ctx: Context, team: Portfolio | None) -> list[Portfolio]:
    """The teams a page is about: this one, or all visible teams when there is one set."""
    return ctx.teams() if team is None else [team]


def _workers(ctx: Context, team: Portfolio | None) -> list[Portfolio]:
    return ctx.workers() if team is None else ctx.members(team)


def index(ctx: Context, team: Portfolio | None) -> Page:
    here = ctx.team_page(team)
    teams = _teams(ctx, team)
    title = team.naam if team else "Team"
    out = [f"# {text(title)}", "", teams_menu(ctx, team, here), ""]
    if team is not None:
        out += dashboard.sections(ctx, here, _workers(ctx, team), teams)
    if not teams:
        out.append("Er is geen gepubliceerd teamprofiel.")
    for each in teams:
        profile = each.profile
        assert profile is not None
        out += [f"## {text(each.naam)}", ""]
        if profile.text("gemeente"):
            out += [f"Gemeente: {text(profile.text('gemeente'))}", ""]
        out += [rich(profile.text("omschrijving")), ""]
        members = ctx.members(each)
        if members:
            out += ["**Medewerkers:** " + expertise_links(ctx, here, [w.slug for w in members]), ""]
        goals = ctx.of(each, LEERDOEL)
        described = profile.text("gemeente") or profile.text("omschrijving")
        if ctx.quiet and not (described or members or goals):  # a new team's public site
            out += [
                "Dit team heeft nog niets openbaar gemaakt. Leeropdrachten, bijeenkomsten "
                "en kennis van het team verschijnen hier zodra ze op publiek staan.",
                "",
            ]
        if goals or not ctx.quiet:
            out += ["### Leeropdrachten", ""]
            out.append(goal_table(ctx, here, goals) or "Nog geen gepubliceerde leeropdrachten.")
        meetings = ctx.of(each, BIJEENKOMST)
        meetings_page = rel(here, ctx.team_page(team, "bijeenkomsten"))
        for goal in goals:
            section = goal_section(ctx, here, goal, [], [])
            section[0] = "#" + section[0]
            out += ["", *section]
            linked = [m for m in meetings if goal.id in m.ids("leerdoelen")]
            if linked:
                out += ["", "**Bijeenkomsten**", ""]
                out += [
                    f"- {link(m.text('thema'), meetings_page + '#' + m.id)} ({datum(m.datum)})"
                    for m in reversed(linked)
                ]
    return Page(here, title, join(out), in_nav=team is None)


def meetings(ctx: Context, team: Portfolio | None) -> Page:
    here = ctx.team_page(team, "bijeenkomsten")
    teams = _teams(ctx, team)
    out = ["# Bijeenkomsten", "", teams_menu(ctx, team, here), ""]
    meetings = [m for t in teams for m in ctx.of(t, BIJEENKOMST)]
    meetings.sort(key=lambda m: m.id, reverse=True)
    if not meetings:
        out.append("Nog geen gepubliceerde bijeenkomsten.")
    else:
        out += [
            "## Overzicht",
            "",
            "Alle bijeenkomsten, de nieuwste eerst. Kies een soort of een signaal om de tabel te "
            "filteren; een afspraak is open tot iemand haar als klaar markeert.",
            "",
            *followup.overview(meetings),
        ]
    for meeting in meetings:
        kind = label(MEETING_LABELS, meeting.get("soort"))
        out += [f"## {datum(meeting.datum)}: {text(meeting.text('thema'))} {{#{meeting.id}}}", ""]
        facts = [f"**Soort:** {text(kind)}"]
        if meeting.text("methode"):
            facts.append(f"**Methode:** {text(display(meeting.text('methode'), capital=True))}")
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
        if meeting.ids("inzichten"):
            out += ["### Inzichten", ""] + [f"- {text(v)}" for v in meeting.ids("inzichten")]
            out.append("")
        found = agreements(meeting)
        if found:
            out += ["### Afspraken", ""]
            out += [followup.agreement_line(ctx, here, a) for a in found] + [""]
    return Page(here, "Bijeenkomsten", join(out))


def knowledge(ctx: Context, team: Portfolio | None) -> Page:
    here = ctx.team_page(team, "kennis")
    teams = _teams(ctx, team)
    out = ["# Kennisbank", "", teams_menu(ctx, team, here), ""]
    items = [k for t in teams for k in ctx.of(t, KENNIS)]
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
            words = ", ".join(text(slug_words(t)) for t in item.ids("tags"))
            facts.append(f"**Trefwoorden:** {words}")
        if item.get("bijgewerkt"):
            facts.append(f"**Bijgewerkt:** {datum(item.get('bijgewerkt'))}")
        out += [f"- {fact}" for fact in facts] + [""]
        out += [rich(item.text("inhoud")), ""]
        if item.ids("bronnen"):
            out += ["**Bronnen**", ""] + [f"- {url_link(b)}" for b in item.ids("bronnen")] + [""]
    return Page(here, "Kennisbank", join(out))


def who_knows(ctx: Context, team: Portfolio | None) -> Page:
    here = ctx.team_page(team, "wie-weet-wat")
    teams, workers = _teams(ctx, team), _workers(ctx, team)
    out = [
        "# Wie weet wat",
        "",
        teams_menu(ctx, team, here),
        "",
        "Expertise uit de profielen en de kennisitems waarvoor iemand aanspreekpunt is.",
        "",
    ]
    synonyms = synonyms_of(teams)
    by_tag: dict[str, list[str]] = defaultdict(list)
    knowledge: dict[str, list[Entry]] = defaultdict(list)
    for each in teams:
        for item in ctx.of(each, KENNIS):
            for slug in item.ids("contactpersonen"):
                knowledge[slug].append(item)
    rows = []
    for worker in workers:
        tags = worker.profile.ids("expertise") if worker.profile else []
        for tag in tags:
            names = by_tag[synonyms.get(tag, tag)]
            if worker.slug not in names:
                names.append(worker.slug)
        rows.append(
            [
                link(worker.naam, rel(here, worker_page(worker.slug))),
                ", ".join(text(slug_words(t)) for t in tags) or NONE,
                ", ".join(
                    link(k.text("titel"), rel(here, ctx.owner_page(k, "kennis")) + "#" + k.id)
                    for k in knowledge.get(worker.slug, [])
                )
                or NONE,
            ]
        )
    if rows or not ctx.quiet:
        out += [
            "## Per persoon",
            "",
            table(["Naam", "Expertise", "Aanspreekpunt voor"], rows)
            or "Nog geen gepubliceerde profielen.",
            "",
        ]
    if by_tag:
        out += ["## Per onderwerp", ""]
        variants: dict[str, list[str]] = defaultdict(list)
        for word, subject in synonyms.items():
            variants[subject].append(word)
        rows = [
            [_subject(tag, variants.get(tag, [])), expertise_links(ctx, here, slugs)]
            for tag, slugs in sorted(by_tag.items(), key=lambda pair: display(pair[0]))
        ]
        out.append(table(["Onderwerp", "Wie"], rows))
    return Page(here, "Wie weet wat", join(out))


def synonyms_of(teams: list[Portfolio]) -> dict[str, str]:
    """Word → the subject it is listed under in the `[synoniemen]` of these teams' profiles
    (a word the first team already placed keeps that place)."""
    found: dict[str, str] = {}
    for team in teams:
        table_ = team.profile.get("synoniemen") if team.profile else None
        if not isinstance(table_, dict):
            continue
        for subject, words in table_.items():
            for word in words if isinstance(words, list) else []:
                if isinstance(word, str) and word != subject:
                    found.setdefault(word, str(subject))
    return found


def _subject(tag: str, variants: list[str]) -> str:
    """A subject's name, with the other words the team uses for it."""
    name = text(display(tag, capital=True))
    if not variants:
        return name
    return f"{name} (ook: {', '.join(text(display(v)) for v in sorted(variants))})"
