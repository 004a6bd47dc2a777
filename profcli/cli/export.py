"""`prof export`: the re-registration dossier (CSV and Markdown) of one worker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from profcli.cli.common import Invocation
from profcli.cli.completion import DATE, slugs
from profcli.cli.picking import one_worker
from profcli.errors import InvalidContent
from profcli.registration import export as core
from profcli.registration.status import incomplete
from profcli.repository.kinds import WERKER


@click.command()
@click.argument("slug", envvar="PROF_PROFIEL", shell_complete=slugs(WERKER))
@click.option(
    "--cyclus",
    "start",
    type=DATE,
    help="Begin van de cyclus (standaard: de huidige cyclus vanaf cyclus_start in je profiel).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor het dossier (standaard: dossiers/<slug>/ in de repository; git negeert die "
    "map, zodat een dossier niet per ongeluk gedeeld wordt).",
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
    """Maak het herregistratiedossier van een werker, in de categorieën van haar register.

    \b
    dossier.csv   één regel per activiteit of bijeenkomst, klaar om over te nemen in Mijn SKJ
                  of PE-online (opent goed in Excel: puntkomma's, decimale komma)
    dossier.md    punten per categorie tegenover de regels, met hun bronnen
    dossier.html  hetzelfde om af te drukken (A4, of 'Opslaan als PDF' in je browser)

    De totalen zijn dezelfde als in `prof status` en op de site.

    \b
    Voorbeelden:
      prof export sanne-de-boer
      prof export sanne-de-boer --cyclus 2023-09-01 --out ~/herregistratie
    """
    repo, worker, problems = one_worker(obj.root(), slug)
    if problems:
        click.echo(incomplete(problems), err=True)
        if not concept:
            raise InvalidContent(
                "geen dossier gemaakt: het zou uren missen. Verbeter de bestanden hierboven, "
                "of maak een onvolledig concept met --concept."
            )
    folder = out or repo.root / "dossiers" / slug
    missing = sorted({p.path for p in problems})
    written, report = core.export(
        repo, worker, obj.today(repo, overview=True), folder, start, incomplete=missing
    )
    what = "Onvolledig concept" if problems else "Dossier"
    click.echo(f"{what} geschreven in {folder}: {', '.join(p.name for p in written)}")
    totals = ", ".join(f"{t.category.naam} {core.number(t.counted)}" for t in report.categories())
    click.echo(f"Punten per categorie: {totals or 'geen register bekend'}")
    if report.register is not None:
        from profcli.registration import norm

        click.echo(norm.summary(report))
        for beside in norm.beside(report):
            click.echo(f"Telt niet voor de norm: {beside.sentence()}.")
