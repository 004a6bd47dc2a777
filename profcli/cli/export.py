"""`prof export`: the re-registration dossier (CSV and Markdown) of one worker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from profcli import export as core
from profcli.cli.asking import today
from profcli.cli.common import Invocation
from profcli.cli.completion import DATE, slugs
from profcli.errors import InvalidContent
from profcli.kinds import TEAM, WERKER
from profcli.loader import load
from profcli.status import incomplete


@click.command()
@click.argument("slug", envvar="PROF_PROFIEL", shell_complete=slugs(WERKER))
@click.option(
    "--cyclus",
    "start",
    type=DATE,
    metavar="JJJJ-MM-DD",
    help="Begin van de cyclus (standaard: de huidige cyclus vanaf cyclus_start in je profiel).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor dossier.csv en dossier.md (standaard: dossier-<slug>).",
)
@click.option(
    "--concept",
    is_flag=True,
    help="Maak het dossier ook als er bestanden niet meetellen omdat ze fouten bevatten; "
    "elke pagina zegt dan dat het een onvolledig concept is.",
)
@click.pass_obj
def export(
    obj: Invocation, slug: str, start: dt.date | None, out: Path | None, concept: bool
) -> None:
    """Maak het herregistratiedossier van een werker: dossier.csv (één regel per activiteit en
    per teambijeenkomst waarvan de uren meetellen) en dossier.md (uren per categorie tegenover
    de norm, reflecties en bewijsstukken). De totalen zijn dezelfde als in `prof status`.

    \b
    Voorbeelden:
      prof export sanne-de-boer
      prof export sanne-de-boer --cyclus 2023-09-01 --out ~/herregistratie
    """
    loaded = load(obj.root())
    repo = loaded.repository
    worker = repo.portfolios.get(slug)
    if worker is None or worker.soort == TEAM:
        known = ", ".join(w.slug for w in repo.workers()) or "geen"
        raise click.BadParameter(f"`{slug}` is geen werker (bekend: {known})", param_hint="SLUG")
    team = repo.team_of(worker)
    problems = loaded.problems_for(slug, *([team.slug] if team else []))
    if problems:
        click.echo(incomplete(problems), err=True)
        if not concept:
            raise InvalidContent(
                "geen dossier gemaakt: het zou uren missen. Verbeter de bestanden hierboven, "
                "of maak een onvolledig concept met --concept."
            )
    folder = out or Path(f"dossier-{slug}")
    missing = sorted({p.path for p in problems})
    csv_path, md_path, report = core.export(
        repo, worker, today(repo), folder, start, incomplete=missing
    )
    totals = ", ".join(f"{c} {v:g}" for c, v in report.counted.items())
    what = "Onvolledig concept" if problems else "Dossier"
    click.echo(f"{what} geschreven: {csv_path} en {md_path}")
    click.echo(f"Uren die meetellen: {totals}")
