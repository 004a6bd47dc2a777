"""The home page: the team dashboard a supervisor opens first."""

from __future__ import annotations

from profcli.publish import dashboard
from profcli.publish.context import HOME, TEAM, WORKERS, Context, Page
from profcli.publish.markdown import datum, join, link, rel, text


def page(ctx: Context) -> Page:
    teams = ctx.teams()
    title = teams[0].naam if len(teams) == 1 else "Teamoverzicht"
    out = [
        # The dashboard's tables need the width: no navigation or table of contents beside them.
        "---",
        "hide:",
        "  - navigation",
        "  - toc",
        "---",
        "",
        f"# {text(title)}",
        "",
        f"Stand van zaken op {datum(ctx.today)}, gemaakt uit de portfolio's van het team. "
        f"Zie ook {link('alle medewerkers', rel(HOME, WORKERS))} en "
        f"{link('het team', rel(HOME, TEAM))}.",
        "",
    ]
    example = ctx.repo.example_date
    if example is not None:
        on_its_day = (
            " De stand is die op de eigen peildatum van het voorbeeld, zodat het niet veroudert."
            if example == ctx.today
            else ""
        )
        out += [
            f'!!! note "Voorbeeld"\n    Dit is een voorbeeldteam: alle personen en situaties '
            f"zijn verzonnen.{on_its_day}",
            "",
        ]
    if ctx.split:
        out += dashboard.teams_table(ctx, HOME) + dashboard.meetings(ctx, HOME, teams)
    else:
        out += dashboard.sections(ctx, HOME, ctx.workers(), teams)
    return Page(HOME, "Home", join(out), in_nav=True)
