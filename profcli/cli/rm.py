"""`prof rm ID`: remove an entry, after asking; never one that others refer to."""

from __future__ import annotations

import click

from profcli.authoring import entries
from profcli.cli.common import Invocation
from profcli.cli.picking import id_argument, locate, profile_option
from profcli.errors import WriteRefused
from profcli.repository.kinds import LEERDOEL

_YES = {"j", "ja", "y", "yes"}
_NO = {"n", "nee", "no", ""}


@click.command(short_help="Verwijder een stuk (prof vraagt het eerst).")
@id_argument()
@profile_option
@click.option("--ja", "yes", is_flag=True, help="Niet vragen: verwijder meteen.")
@click.option(
    "--no-input", is_flag=True, help="Vraag niets; zonder --ja wordt er dan niets verwijderd."
)
@click.pass_obj
def rm(obj: Invocation, ident: str, profiel: str | None, yes: bool, no_input: bool) -> None:
    """Verwijder een stuk uit een portfolio. prof laat eerst zien wat er weg gaat en vraagt
    het je (j/n).

    Een leerdoel waar nog andere stukken naar verwijzen, verwijdert prof niet: haal eerst die
    verwijzingen weg, of zet het leerdoel op gestopt (`prof edit ID --zet status=gestopt`).
    In de geschiedenis van de repository blijft het stuk terug te vinden.

    \b
    Voorbeelden:
      prof rm 2026-05-21-congres-armoede-en-schulden
      prof rm 2026-05-21-congres-armoede-en-schulden --ja
    """
    # Imported here: shell completion imports this module and must stay fast.
    from profcli.authoring import changes
    from profcli.repository import loader

    root, source = locate(obj, ident, profiel)
    loaded = loader.load(root)
    portfolio = loaded.repository.portfolios.get(source.profile)
    entry = portfolio.entries.get(source.kind.name, {}).get(source.stem) if portfolio else None
    refs = entries.referrers(loaded.repository, source)
    if refs:
        listed = "\n".join(f"  {e.doc.display}" for e in refs)
        stop = (
            f", of zet het leerdoel op gestopt: prof edit {source.stem} --zet status=gestopt"
            if source.kind is LEERDOEL
            else "."
        )
        raise WriteRefused(
            f"niet verwijderd: {source.display} wordt nog genoemd in:\n{listed}\n"
            f"Haal het daar eerst weg (`prof edit ID`){stop}"
        )
    title = entries.title(source.kind, entry.data) if entry else "(kan niet gelezen worden)"
    click.echo(f'Dit wordt verwijderd: {source.kind.name} "{title}"\n  {source.display}')
    if not yes:
        if no_input:
            raise WriteRefused(
                "niet verwijderd: bevestig met --ja (met --no-input vraagt prof niets)"
            )
        if not _ask():
            click.echo("Niets verwijderd.")
            return
    changes.remove(source.path)
    click.echo(f"Verwijderd: {source.display}")
    obj.record(root, [source.path], f"prof: {source.kind.name} {source.stem} verwijderd")


def _ask() -> bool:
    while True:
        answer = click.prompt("Verwijderen? [j/N]", default="", show_default=False, err=True)
        text = str(answer).strip().lower()
        if text in _YES:
            return True
        if text in _NO:
            return False
        click.echo("Antwoord met j (ja) of n (nee).", err=True)
