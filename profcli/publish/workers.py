"""Pages about workers: the overview that links them, and each worker's profile and goals."""

from __future__ import annotations

from collections import defaultdict

from profcli.publish import talks
from profcli.publish.context import WHO_KNOWS, WORKERS, Context, Page, worker_page
from profcli.publish.labels import FEEDBACK_FROM, REGISTERS, display, label, slug_words
from profcli.publish.markdown import NONE, cell, datum, join, link, rel, rich, table, text
from profcli.publish.pieces import (
    FEEDBACK_ROLES,
    feedback_lines,
    goal_section,
    goal_table,
    item_links,
    worker_menu,
)
from profcli.repository.kinds import ACTIVITEIT, FEEDBACK, LEERDOEL, REFLECTIE
from profcli.repository.model import Entry, Portfolio
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
                cell(display(profile.text("fase"), capital=True) if profile else ""),
                f"{open_goals} van {len(goals)}",
            ]
        )
    body = [
        "# Medewerkers",
        "",
        "Iedere medewerker heeft een eigen portfolio: profiel en leerdoelen, reflecties, "
        "zelftoetsen en uren. Kies een naam.",
        "",
        table(["Naam", "Functie", "Fase", "Open leerdoelen"], rows)
        or (
            "Een medewerker kiest zelf of haar portfolio op de openbare site staat; nog niemand "
            "heeft dat gedaan."
            if ctx.quiet
            else "Er zijn (nog) geen gepubliceerde portfolio's."
        ),
        "",
    ]
    if rows:  # "wie weet wat" is left out when nobody's portfolio is shown
        body.append(f"Zie ook {link('wie weet wat', rel(WORKERS, WHO_KNOWS))}.")
    return Page(WORKERS, "Medewerkers", "\n".join(body) + "\n", in_nav=True)


def profile_page(ctx: Context, worker: Portfolio) -> Page:
    """The worker's profile, goals and feedback: `werkers/<slug>/index.md`."""
    here = worker_page(worker.slug)
    profile = worker.profile
    assert profile is not None
    out = [f"# {text(worker.naam)}", "", worker_menu(ctx, worker, here), "", "## Profiel", ""]
    team = ctx.repo.team_of(worker)
    facts = [
        ("Functie", cell(profile.text("functie"))),
        (
            "Team",
            link(team.naam, rel(here, ctx.team_page(team)))
            if team and ctx.portfolio_visible(team)
            else NONE,
        ),
        ("Fase", cell(display(profile.text("fase"), capital=True))),
        ("Contexten", item_links(ctx, here, profile.ids("contexten"))),
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
    out += talks.section(ctx, here, worker)
    out += _feedback(ctx, here, worker)
    return Page(here, worker.naam, join(out))


def _feedback(ctx: Context, here: str, worker: Portfolio) -> list[str]:
    """Her feedback over time: how much per year and from whom, then each piece, newest first."""
    feedback = ctx.of(worker, FEEDBACK)
    if not feedback:
        return []
    by_year: dict[int, list[Entry]] = defaultdict(list)
    for entry in reversed(feedback):
        by_year[entry.datum.year if entry.datum else 0].append(entry)
    first = min((f.datum for f in feedback if f.datum), default=None)
    out = ["", "## Feedback", ""]
    out += [
        f"{len(feedback)} keer feedback" + (f" sinds {datum(first)}" if first else "") + ", per "
        "jaar en naar wie het gaf (alleen een rol, nooit een naam).",
        "",
    ]
    rows = [
        [str(year or "zonder datum")]
        + [str(sum(1 for e in entries if e.get("van") == r) or NONE) for r in FEEDBACK_ROLES]
        for year, entries in by_year.items()
    ]
    headers = [
        label(FEEDBACK_FROM, r).removeprefix("een ").removeprefix("de ") for r in FEEDBACK_ROLES
    ]
    out += [table(["Jaar", *(h.capitalize() for h in headers)], rows), ""]
    for year, entries in by_year.items():
        out += [f"### {year or 'Zonder datum'}", ""]
        for entry in entries:
            van = label(FEEDBACK_FROM, entry.get("van"))
            heading = f"#### {datum(entry.datum)}, van {text(van)}"
            out += feedback_lines(ctx, here, entry, heading, "Wat ik ervan leerde")
    return out
