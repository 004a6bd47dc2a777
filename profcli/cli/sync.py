"""`prof sync`: fetch the colleagues' work, check the whole repository, send one's own."""

from __future__ import annotations

import click

from profcli.cli.common import Invocation
from profcli.cli.validate import validated
from profcli.errors import SyncFailed
from profcli.git import sync as gitsync
from profcli.git.record import GitFailed
from profcli.reporting import REPORTERS


@click.command()
@click.pass_obj
def sync(obj: Invocation) -> None:
    """Deel je werk met je team: haal op, controleer en verstuur.

    Eerst haalt prof het werk van je collega's op en zet je eigen vastgelegde werk daarachter
    (git pull --rebase). Dan controleert prof de hele repository zoals `prof validate`; is er
    een fout, dan wordt er niets verstuurd. Daarna verstuurt prof je werk (git push).

    Elke `prof new`, `prof add`, `prof edit`, `prof done` en `prof rm` legt zijn eigen
    bestanden al vast; `prof sync` deelt ze. Exitcode 0: gedeeld; 1: iets stond in de weg
    (de melding zegt wat je kunt doen); 2: deze map staat niet in git.

    \b
    Voorbeeld:
      prof sync
    """
    root = obj.root()
    try:
        place = gitsync.target(root)
        click.echo("Ophalen… (het werk van je collega's)")
        clashes = gitsync.pull(place)
        if clashes:
            names = "".join(f"\n  {name}" for name in clashes)
            click.echo(
                "let op: deze bestanden had je veranderd zonder dat het was vastgelegd, en een "
                f"collega veranderde ze ook:{names}\nJe ziet nu jouw tekst; die van je collega "
                "staat in git. Kijk samen welke tekst klopt voordat je verder gaat.",
                err=True,
            )
        click.echo("Controleren…")
        result = validated(root, today=obj.vandaag)
        output = REPORTERS["text"]().render(result)
        if output:
            click.echo(output)
        if not result.ok:
            raise SyncFailed(
                f"niet verstuurd: de repository bevat {_errors(result.errors)} (hierboven). "
                "Verbeter ze en doe daarna opnieuw `prof sync`. Staat de fout in het werk van "
                "een collega, laat het die collega dan weten."
            )
        if gitsync.ahead(place) == 0:
            click.echo("Niets te versturen: je collega's hebben al je vastgelegde werk.")
        else:
            click.echo("Versturen…")
            gitsync.push(place)
            click.echo("Klaar: je werk is gedeeld met je team.")
        waiting = gitsync.unrecorded(place)
    except GitFailed as e:
        raise SyncFailed(f"niet gesynchroniseerd: {e}") from e
    if waiting:
        names = "".join(f"\n  {name}" for name in waiting[:20])
        more = f"\n  … en nog {len(waiting) - 20}" if len(waiting) > 20 else ""
        click.echo(
            "let op: deze bestanden zijn veranderd maar niet vastgelegd, dus niet gedeeld "
            f"(prof legt alleen vast wat het zelf schrijft):{names}{more}",
            err=True,
        )


def _errors(count: int) -> str:
    return "1 fout" if count == 1 else f"{count} fouten"
