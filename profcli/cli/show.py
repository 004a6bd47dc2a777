"""`prof show ID`: one entry, readable."""

from __future__ import annotations

import sys

import click

from profcli.authoring import entries
from profcli.cli.common import Invocation
from profcli.cli.picking import id_argument, locate, profile_option
from profcli.findings import Finding


@click.command(short_help="Toon één stuk, leesbaar.")
@id_argument()
@profile_option
@click.pass_obj
def show(obj: Invocation, ident: str, profiel: str | None) -> None:
    """Toon één stuk: alle velden met hun naam, en het bestand waarin het staat.

    ID is het id uit `prof list` (de bestandsnaam zonder .toml); het begin is genoeg als
    maar één stuk zo begint.

    \b
    Voorbeelden:
      prof show grenzen-stellen-bij-huisbezoeken
      prof show 2025-03-04-escalatie --profiel sanne-de-boer
    """
    # Imported here: shell completion imports this module and must stay fast.
    from profcli.authoring import describe
    from profcli.repository.loading import load as load_document
    from profcli.repository.schema import check

    _, source = locate(obj, ident, profiel)
    doc = load_document(source.path, source.display)
    if isinstance(doc, Finding):
        click.echo(f"{source.kind.name.capitalize()} {source.stem} ({source.display})")
        click.echo(f"Dit bestand kan niet gelezen worden:\n  {doc.text()}", err=True)
        click.echo("Verbeter het met `prof edit`.", err=True)
        sys.exit(1)
    click.echo(f"{source.kind.name.capitalize()}: {entries.title(source.kind, doc.data)}")
    click.echo(f"Id: {source.stem}   Portfolio: {source.profile}")
    click.echo(f"Bestand: {source.display}\n")
    for line in describe.lines(source.kind, doc.data):
        click.echo(line)
    findings = check(doc, source.kind.name).findings
    if findings:
        click.echo("\nDit stuk klopt niet met het schema:", err=True)
        for finding in findings:
            click.echo(f"  {finding.text()}", err=True)
        sys.exit(1)
