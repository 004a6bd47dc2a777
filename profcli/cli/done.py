"""`prof done GOAL`: a goal reached, or one of its actions done, with the date; `prof done
CONVERSATION --afspraak N`: an agreement of a conversation done."""

from __future__ import annotations

import datetime as dt

import click

from profcli.cli.common import DAY, Invocation
from profcli.cli.picking import id_argument, locate, profile_option, read, today
from profcli.errors import InvalidContent
from profcli.repository.kinds import GESPREK, LEERDOEL


@click.command(short_help="Zet een leerdoel op behaald, of vink één actie of afspraak af.")
@id_argument(LEERDOEL.name, metavar="LEERDOEL")
@profile_option
@click.option(
    "--actie",
    type=click.IntRange(min=1),
    metavar="NUMMER",
    help="Vink alleen deze actie af (het nummer uit `prof show`), niet het hele leerdoel.",
)
@click.option(
    "--afspraak",
    type=click.IntRange(min=1),
    metavar="NUMMER",
    help="Bij een gesprek: vink deze afspraak af (het nummer uit `prof show`).",
)
@click.option("--op", "day", type=DAY, help="De datum (standaard vandaag).")
@click.pass_obj
def done(
    obj: Invocation,
    ident: str,
    profiel: str | None,
    actie: int | None,
    afspraak: int | None,
    day: dt.date | None,
) -> None:
    """Zet een leerdoel op behaald (status = "behaald", behaald_op = vandaag), of vink één
    actie af (klaar = true, klaar_op = vandaag), of bij een gesprek één afspraak (klaar =
    true). Je opmerkingen in het bestand blijven staan.

    \b
    Voorbeelden:
      prof done grenzen-stellen-bij-huisbezoeken
      prof done grenzen-stellen-bij-huisbezoeken --actie 3
      prof done motiverende-gespreksvoering --op 14-03-2026
      prof done 2026-03-10-jaargesprek-2026 --afspraak 2
    """
    # Imported here: shell completion imports this module and must stay fast.
    from profcli.authoring import adding as authoring
    from profcli.authoring import changes

    root, source = locate(obj, ident, profiel, [LEERDOEL, GESPREK])
    original = read(source)
    when = day or today(obj, root)
    if source.kind is GESPREK:
        change = changes.agreement_done(original, f"gesprek {source.stem}", afspraak)
    elif afspraak is not None:
        raise click.UsageError("--afspraak hoort bij een gesprek; bij een leerdoel: --actie")
    else:
        change = changes.mark_done(original, f"leerdoel {source.stem}", when, actie)
    if change.text == original:
        click.echo(change.message[0].upper() + change.message[1:] + "; niets gewijzigd.")
        return
    # `--vandaag`, else the day of the repository the check loads (Repository.today)
    result = authoring.check(root, source.path, change.text, today=obj.vandaag)
    for finding in result.sorted():
        click.echo(finding.text(), err=True)
    if not result.ok:
        raise InvalidContent(
            f"niet opgeslagen: {source.display} is niet gewijzigd. Verbeter eerst de "
            "fouten hierboven (`prof edit`)."
        )
    changes.write(source.path, original, change.text)
    what = (
        f"afspraak {afspraak} van gesprek {source.stem} klaar"
        if source.kind is GESPREK
        else f"actie {actie} van leerdoel {source.stem} klaar"
        if actie
        else f"leerdoel {source.stem} behaald"
    )
    click.echo(change.message[0].upper() + change.message[1:] + ".")
    obj.record(root, [source.path], f"prof: {what}")
