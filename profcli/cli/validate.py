"""`prof validate`: check the repository, or some files in its context."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from profcli import snapshot
from profcli.cli.common import Context
from profcli.reporting import REPORTERS, summary
from profcli.repository import display_path


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(REPORTERS)),
    default="text",
    show_default=True,
    help="Uitvoer: text (per regel), json, github (annotaties) of junit (XML).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Controleer elk bestand opnieuw, zonder de resultaten in .prof-cache/ te gebruiken.",
)
@click.pass_obj
def validate(obj: Context, paths: tuple[Path, ...], fmt: str, no_cache: bool) -> None:
    """Controleer portfolio's: schema's, verwijzingen, datums, uren, bewijs en privacy.

    Zonder PAD wordt de hele repository gecontroleerd. Met PAD (bestanden of mappen)
    meldt prof alleen wat daar mis is, maar verwijzingen worden gecontroleerd tegen de
    hele repository.

    Elke melding staat op één regel: pad:regel:kolom: fout: uitleg [code].
    Exitcode 0: alles in orde; 1: er zijn fouten; 2: verkeerd gebruik.

    \b
    Voorbeelden:
      prof validate
      prof validate profielen/sanne-de-boer/reflecties/2026-03-02-huisbezoek.toml
      prof validate --format junit > rapport.xml
    """
    try:
        root = obj.root()
    except click.UsageError:
        if not paths:
            raise
        root = obj.root(paths[0])  # run from elsewhere: the repository of the given path
    for path in paths:
        try:
            path.resolve().relative_to(root)
        except ValueError as e:
            raise click.BadParameter(
                f"{path} ligt buiten de repository {root}", param_hint="PAD"
            ) from e
    today = obj.vandaag  # None: today in the team's time zone, once the team is known
    probe = None if no_cache else snapshot.Probe(root, today)
    if probe is not None and probe.hit is not None:  # unchanged: no need to load the validator
        result = probe.hit.select(probe.files, [display_path(root, p.resolve()) for p in paths])
    else:
        from profcli.validation import validate as validate_repository

        result = validate_repository(root, today=today, only=paths, probe=probe)
    reporter = REPORTERS[fmt]()
    output = reporter.render(result)
    if output:
        click.echo(output)
    if reporter.summary_to_stderr:
        click.echo(summary(result), err=True)
    sys.exit(0 if result.ok else 1)
