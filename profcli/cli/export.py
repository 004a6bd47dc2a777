"""`prof export`: the re-registration dossier (CSV and Markdown) of one worker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from profcli import export as core
from profcli.cli.asking import load, today
from profcli.cli.common import Context
from profcli.cli.completion import DATE, slugs
from profcli.kinds import TEAM


@click.command()
@click.argument("slug", envvar="PROF_PROFIEL", shell_complete=slugs("werker"))
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
@click.pass_obj
def export(obj: Context, slug: str, start: dt.date | None, out: Path | None) -> None:
    """Maak het herregistratiedossier van een werker: dossier.csv (één regel per activiteit en
    per teambijeenkomst waarvan de uren meetellen) en dossier.md (uren per categorie tegenover
    de norm, reflecties en bewijsstukken). De totalen zijn dezelfde als in `prof status`.

    \b
    Voorbeelden:
      prof export sanne-de-boer
      prof export sanne-de-boer --cyclus 2023-09-01 --out ~/herregistratie
    """
    repo = load(obj.root())
    worker = repo.portfolios.get(slug)
    if worker is None or worker.soort == TEAM:
        known = ", ".join(w.slug for w in repo.workers()) or "geen"
        raise click.BadParameter(f"`{slug}` is geen werker (bekend: {known})", param_hint="SLUG")
    folder = out or Path(f"dossier-{slug}")
    csv_path, md_path, report = core.export(repo, worker, today(repo), folder, start)
    totals = ", ".join(f"{c} {v:g}" for c, v in report.counted.items())
    click.echo(f"Dossier geschreven: {csv_path} en {md_path}")
    click.echo(f"Uren die meetellen: {totals}")
