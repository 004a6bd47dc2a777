"""`prof status`: a worker's or a team's overview in the terminal."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys

import click

from profcli.cli.common import Invocation
from profcli.cli.completion import slugs
from profcli.registration import status as core
from profcli.repository.kinds import TEAM
from profcli.repository.loader import load


def use_colour() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _paint(text: str, colour: str) -> str:
    if colour == "bold":
        return click.style(text, bold=True)
    if colour == "dim":
        return click.style(text, dim=True)
    return click.style(text, fg=colour)


@click.command()
@click.argument("slug", required=False, envvar="PROF_PROFIEL", shell_complete=slugs())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: dezelfde cijfers voor scripts en CI-herinneringen (zie de README voor de vorm).",
)
@click.pass_obj
def status(obj: Invocation, slug: str | None, fmt: str) -> None:
    """Overzicht van een werker of een team: open leerdoelen en deadlines, punten in de
    huidige cyclus tegenover de regels van het register (met wat nog nodig is, per maand, en
    of het op schema ligt), en hoe lang de laatste reflectie en zelftoets geleden zijn.

    Zonder SLUG: $PROF_PROFIEL, of het team als de repository er één heeft. Kleur alleen in een
    terminal en niet als NO_COLOR is gezet.

    Kan een bestand dat meetelt niet gelezen worden (of klopt het niet met het schema), dan
    zegt prof dat de cijfers onvolledig zijn, noemt het bestand, en eindigt met exitcode 1.

    \b
    Voorbeelden:
      prof status                      jezelf (met PROF_PROFIEL) of het team
      prof status sanne-de-boer
      prof status wijkteam-feijenoord-noord
      prof status sanne-de-boer --format json
    """
    loaded = load(obj.root())
    repo = loaded.repository
    if not slug:
        teams = repo.teams()
        if len(teams) != 1:
            raise click.UsageError("geef een SLUG of zet PROF_PROFIEL")
        slug = teams[0].slug
    portfolio = repo.portfolios.get(slug)
    if portfolio is None:
        known = ", ".join(p.slug for p in repo.sorted()) or "geen"
        raise click.BadParameter(
            f"portfolio `{slug}` bestaat niet (bekend: {known})", param_hint="SLUG"
        )
    paint = _paint if use_colour() else core.plain
    day: dt.date = obj.today(repo, overview=True)
    team = repo.team_of(portfolio)
    if portfolio.soort == TEAM:
        members = [w.slug for w in repo.workers() if repo.team_of(w) is portfolio]
        problems = loaded.problems_for(portfolio.slug, *members)
    else:
        problems = loaded.problems_for(portfolio.slug, *([team.slug] if team else []))
    if fmt == "json":
        if portfolio.soort == TEAM:
            raise click.BadParameter("--format json is er voor een werker", param_hint="SLUG")
        data = core.as_json(core.worker(repo, portfolio, day), problems)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        sys.exit(1 if problems else 0)
    if portfolio.soort == TEAM:
        text = core.render_team(repo, portfolio, day, paint)
    else:
        text = core.render_worker(core.worker(repo, portfolio, day), day, paint)
    click.echo(core.incomplete(problems, paint) + text, color=use_colour())
    if problems:
        sys.exit(1)
