"""`prof init`: scaffold a team repository, or refresh its copy of the schemas."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from profcli.authoring import scaffold
from profcli.authoring.scaffold import source
from profcli.cli.common import Invocation
from profcli.errors import WriteRefused
from profcli.repository import writing


@click.command()
@click.argument(
    "directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "--team", "team", metavar="NAAM", help='Naam van het team, bijvoorbeeld "Wijkteam Noord".'
)
@click.option("--force", is_flag=True, help="Overschrijf bestaande bestanden.")
@click.option(
    "--schemas",
    "only_schemas",
    is_flag=True,
    help="Schrijf alleen schemas/ opnieuw vanuit de geïnstalleerde profcli.",
)
@click.option(
    "--bron",
    metavar="ADRES",
    help="Waar CI profcli installeert: een git-adres (git+https://…@versie), een adres van een "
    "wheel, of een map. Standaard: waar deze profcli vandaan komt.",
)
@click.option("--no-input", is_flag=True, help="Vraag niets; zonder --team is dat een fout.")
@click.pass_obj
def init(
    obj: Invocation,
    directory: Path,
    team: str | None,
    force: bool,
    only_schemas: bool,
    bron: str | None,
    no_input: bool,
) -> None:
    """Maak een team-repository: mkdocs.yml, profielen/, schemas/, site/, CI en editorinstellingen.

    Bestaande bestanden blijven staan: prof init stopt (exitcode 1) en noemt ze, tenzij je
    --force geeft. Met --schemas werk je in een bestaande repository alleen de kopie van de
    schema's bij (dat vraagt `prof validate` als ze afwijken).

    \b
    Voorbeelden:
      prof init wijkteam-noord --team "Wijkteam Noord"
      cd wijkteam-noord && git init && prof new "Anna de Vries"
      prof init --schemas          schema's bijwerken na een nieuwe versie van profcli
    """
    if only_schemas:
        root = obj.root(directory)
        changed = scaffold.refresh_schemas(root)
        click.echo(
            f"{len(changed)} schema's bijgewerkt in {root / 'schemas'}"
            if changed
            else "De schema's waren al bijgewerkt."
        )
        return
    if not team:
        if no_input or not sys.stdin.isatty():
            raise click.UsageError("geef de naam van het team met --team NAAM")
        team = click.prompt("Naam van het team")
    slug = writing.slugify(team)
    if not slug:
        raise click.BadParameter("de naam heeft geen letters of cijfers", param_hint="--team")
    found = source.requirement(bron) if bron else source.default()
    if found is None:
        raise click.UsageError(
            "waar moet CI profcli vandaan halen? Geef --bron, bijvoorbeeld "
            "--bron git+https://example.org/profcli.git@v1.0 (profcli staat niet op PyPI)"
        )
    planned: dict[str, str | bytes] = {
        **scaffold.files(team, slug, found.requirement),
        **scaffold.schema_files(),
    }
    try:
        scaffold.write_files(directory, planned, force=force)
    except WriteRefused as e:
        existing = scaffold.conflicts(directory, {k: "" for k in planned})
        listed = "".join(f"\n  {path}" for path in existing)
        raise WriteRefused(
            f"niets geschreven: deze bestanden bestaan al in {directory}:{listed}\n"
            "Gebruik --force om ze te overschrijven."
        ) from e
    click.echo(f"Team-repository gemaakt in {directory} voor {team} (profielen/{slug}/).")
    click.echo(f'CI installeert profcli met: pip install "{found.requirement}"')
    if not found.portable:
        click.echo(
            "Let op: dat adres bestaat alleen op deze computer, dus de controle in CI kan "
            "profcli nog niet installeren. Je kunt gewoon beginnen; vraag wie profcli voor "
            "jullie team beheert om een adres dat CI kan bereiken, en draai dan "
            "prof init --force --bron ADRES.",
            err=True,
        )
    from profcli.git.record import work_tree

    if work_tree(directory) is None:  # prof records nothing until there is one
        click.echo(
            f"Nog geen git-repository: maak er een met `git init` in {directory}; daarna legt "
            "prof elk stuk dat je toevoegt meteen vast."
        )
    click.echo('Volgende stap: prof new "Voornaam Achternaam"')
