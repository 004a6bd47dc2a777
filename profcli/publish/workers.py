"""Pages about workers: the overview that links them, and each worker's profile and goals."""

from __future__ import annotations

from profcli.kinds import ACTIVITEIT, FEEDBACK, LEERDOEL, REFLECTIE
from profcli.model import Entry, Portfolio
from profcli.publish.context import WHO_KNOWS, WORKERS, Context, Page, worker_page
from profcli.publish.labels import FEEDBACK_FROM, REGISTERS, display, label, slug_words
from profcli.publish.markdown import NONE, cell, datum, join, link, rel, rich, table, text
from profcli.publish.pieces import goal_section, goal_table, item_links, worker_menu
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
        f"Zie ook {link('wie weet wat', rel(WORKERS, WHO_KNOWS))}.",
    ]
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


def _goal_links(ctx: Context, here: str, worker: Portfolio, entry: Entry) -> str:
    goals = {g.id: g for g in ctx.of(worker, LEERDOEL)}
    found = [
        link(goals[i].text("titel"), f"#doel-{i}") for i in entry.ids("leerdoelen") if i in goals
    ]
    return f"Leerdoelen: {', '.join(found)}" if found else ""
