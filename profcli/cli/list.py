"""`prof list`: a portfolio's entries with their ids."""

from __future__ import annotations

import json
import sys

import click

from profcli import clock
from profcli.authoring import entries
from profcli.cli.common import Choice, Invocation
from profcli.cli.picking import profile_option
from profcli.repository import loader
from profcli.repository.kinds import ENTRY_KINDS
from profcli.words import Status

_HEADINGS = ("ID", "SOORT", "DATUM", "STATUS", "TITEL")


@click.command("list", short_help="Toon de stukken van een portfolio met hun id.")
@profile_option
@click.option(
    "--soort",
    type=Choice([k.name for k in ENTRY_KINDS]),
    help="Alleen deze soort stukken.",
)
@click.option(
    "--status",
    type=Choice([s.value for s in Status]),
    help="Alleen leerdoelen met deze status.",
)
@click.option("--tag", help="Alleen stukken met dit trefwoord (of signaal, bij bijeenkomsten).")
@click.option(
    "--tekst", help="Alleen stukken waarin deze tekst voorkomt (hoofdletters maken niet uit)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"], case_sensitive=False),
    default="text",
    show_default=True,
    help="Tabel of JSON.",
)
@click.pass_obj
def list_(
    obj: Invocation,
    profiel: str | None,
    soort: str | None,
    status: str | None,
    tag: str | None,
    tekst: str | None,
    fmt: str,
) -> None:
    """Toon de stukken van een portfolio met hun id, om ze te bekijken (`prof show ID`),
    te wijzigen (`prof edit ID`) of af te ronden (`prof done ID`).

    Zonder --profiel en zonder PROF_PROFIEL: de stukken van alle portfolio's. De
    bijeenkomsten, kennis en leeropdrachten van het team staan onder het team
    (`prof list --profiel TEAM`). Bij
    leerdoelen staat onder DATUM de deadline. Kan een bestand niet gelezen worden, dan
    staat het onder de tabel en eindigt prof met code 1.

    \b
    Voorbeelden:
      prof list
      prof list --soort leerdoel --status bezig
      prof list --tag huisbezoek
      prof list --tekst agressie --format json
    """
    root = obj.root()
    loaded = loader.load(root)
    if profiel and profiel not in loaded.repository.portfolios:
        known = ", ".join(sorted(loaded.repository.portfolios)) or "geen"
        raise click.BadParameter(
            f"portfolio `{profiel}` bestaat niet (bekend: {known})", param_hint="--profiel"
        )
    filters = entries.Filters(profiel or None, soort, status, tag, tekst)
    found = entries.listing(loaded, filters)
    if fmt.lower() == "json":
        click.echo(json.dumps(_as_json(found), ensure_ascii=False, indent=2))
    else:
        _table(found, show_profile=not profiel)
        if not found.rows and profiel:
            portfolio = loaded.repository.portfolios[profiel]
            team = loaded.repository.team_of(portfolio)
            if team is not None and team is not portfolio:
                click.echo(
                    f"Stukken van het team (bijeenkomsten, kennis, leeropdrachten): "
                    f"prof list --profiel {team.slug}"
                )
    if found.unreadable:
        sys.exit(1)


def _as_json(found: entries.Listing) -> dict[str, object]:
    return {
        "stukken": [
            {
                "id": r.id,
                "profiel": r.profile,
                "soort": r.kind.name,
                "datum": r.day.isoformat() if r.day else None,
                "status": r.status or None,
                "titel": r.title,
                "pad": r.path,
                "geldig": r.valid,
            }
            for r in found.rows
        ],
        "onleesbaar": [
            {"pad": p.path, "regel": p.line, "kolom": p.column, "melding": p.message}
            for p in found.unreadable
        ],
    }


def _table(found: entries.Listing, *, show_profile: bool) -> None:
    if not found.rows:
        click.echo("Geen stukken gevonden.")
    rows: list[tuple[str, ...]] = []
    for r in found.rows:
        ident = f"{r.profile}/{r.id}" if show_profile else r.id
        title = r.title if r.valid else f"{r.title} (klopt niet met het schema)"
        day = clock.shown(r.day) if r.day else "-"
        rows.append((ident, r.kind.name, day, r.status or "-", title))
    if rows:
        widths = [max(len(row[i]) for row in [_HEADINGS, *rows]) for i in range(4)]
        for row in [_HEADINGS, *rows]:
            cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:4])]
            click.echo("  ".join([*cells, row[4]]).rstrip())
    if found.unreadable:
        files = sorted({p.path for p in found.unreadable})
        which = "dit bestand kan" if len(files) == 1 else f"deze {len(files)} bestanden kunnen"
        click.echo(f"\nLet op: de lijst is onvolledig; {which} niet gelezen worden:", err=True)
        for problem in found.unreadable:
            click.echo(f"  {problem.text()}", err=True)
        click.echo(
            "Verbeter het (ook `prof edit ID` opent het) en controleer met `prof validate`.",
            err=True,
        )
