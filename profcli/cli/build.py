"""`prof build`, `prof serve` and `prof render`: the site for supervisors, from the portfolios."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from pathlib import Path

import click

from profcli.cli.common import DAY, Choice, Invocation
from profcli.errors import EngineUnavailable, InvalidContent
from profcli.publish.context import AUDIENCES
from profcli.reporting import REPORTERS
from profcli.repository.model import Repository
from profcli.validation import check_repository
from profcli.words import Publiek

_VOOR = click.option(
    "--voor",
    type=Choice(AUDIENCES),
    default=Publiek.TEAM.value,
    show_default=True,
    help="Voor wie: team (team- en publieke onderdelen) of publiek (alleen publieke).",
)
_ENGINE = click.option(
    "--engine",
    type=Choice(("mkdocs", "zensical")),
    default="mkdocs",
    show_default=True,
    help="Waarmee de site wordt gebouwd: MkDocs met Material, of Zensical (de opvolger). "
    "Dezelfde pagina's in dezelfde map.",
)
_VANDAAG = click.option(
    "--vandaag",
    type=DAY,
    default=None,
    hidden=True,
    help="Rekendatum voor een reproduceerbare site (zoals `prof --vandaag`).",
)


def _validated(obj: Invocation, fixed: dt.date | None) -> tuple[Path, Repository, dt.date]:
    """Refuse to publish an invalid repository: same lines and exit code as `prof validate`."""
    root = obj.root()
    fixed = fixed or obj.vandaag
    result = check_repository(root, today=fixed)
    output = REPORTERS["text"]().render(result.result)
    if output:
        click.echo(output)
    if not result.result.ok:
        raise InvalidContent(
            "de site is niet gebouwd: los eerst de fouten op (zie `prof validate`)"
        )
    repo = result.repository
    return root, repo, obj.today(repo, overview=True, fixed=fixed)


@click.command()
@_VOOR
@click.option("--strict", is_flag=True, help="Stop bij elke waarschuwing van de bouwer.")
@_ENGINE
@_VANDAAG
@click.pass_obj
def build(obj: Invocation, voor: str, strict: bool, engine: str, vandaag: dt.date | None) -> None:
    """Bouw de site: voor het team in teamsite/, voor publiek in public/.

    Eerst wordt alles gecontroleerd. De vorige site in die map wordt pas vervangen als de
    nieuwe helemaal klaar is.

    Gegenereerde pagina's worden niet in site/ geschreven en horen niet in git.

    \b
    Voorbeelden:
      prof build
      prof build --voor publiek --strict
      prof build --engine zensical
    """
    from profcli.publish import site

    if engine == "zensical":  # missing or too old: say so before checking anything
        from profcli.publish.engine import zensical_version

        zensical_version()
    # The loaded repository lives until the end of the build: collecting while it is built
    # finds nothing, and freezing it keeps MkDocs' full collections from walking it again.
    # A one-shot command, so the switch is safe here (benchmarks/README.md has the figure).
    gc.disable()
    try:
        root, repo, today = _validated(obj, vandaag)
        gc.freeze()
    finally:
        gc.enable()
    built = site.build(root, repo, audience=voor, strict=strict, today=today, engine=engine)
    shown = built.site_dir
    with contextlib.suppress(ValueError):
        shown = built.site_dir.relative_to(root)
    click.echo(
        f"Site gebouwd voor {voor}: {built.pages} gegenereerde pagina's in {shown}/ "
        f"({built.seconds:.1f} s)"
    )
    click.echo(f"Open {shown}/index.html in je browser, of bekijk de site met `prof serve`.")
    if voor == Publiek.PUBLIEK:
        from profcli.publish.pages import public_entries

        count = public_entries(repo, today)
        held = "1 stuk" if count == 1 else f"{count} stukken"
        click.echo(f"De openbare site toont {held}.")
        if count == 0:
            click.echo(HOW_TO_PUBLISH)


HOW_TO_PUBLISH = (
    "Zo maak je een stuk openbaar: zet het op publiek, bijvoorbeeld met "
    "`prof edit ID --zet zichtbaarheid=publiek`. Een stuk van een werker komt er pas op als "
    'ook haar profiel op publiek staat (`zichtbaarheid = "publiek"` in profiel.toml); een '
    "stuk van het team komt erop zolang het teamprofiel niet op prive staat."
)


@click.command()
@_VOOR
@click.option(
    "--adres",
    "-a",
    "--dev-addr",
    "adres",
    default="127.0.0.1:8000",
    show_default=True,
    help="Adres en poort voor de voorvertoning (ook: --dev-addr, zoals bij mkdocs).",
)
@click.option(
    "--engine",
    type=Choice(("mkdocs", "zensical")),
    default="mkdocs",
    show_default=True,
    help="Alleen mkdocs: Zensical voert geen plugin uit en kan de pagina's dus niet opnieuw "
    "maken terwijl je schrijft.",
)
@_VANDAAG
@click.pass_obj
def serve(obj: Invocation, voor: str, adres: str, engine: str, vandaag: dt.date | None) -> None:
    """Bekijk de site terwijl je schrijft; wijzigingen in profielen/ laden vanzelf opnieuw.

    Zitten er fouten in de portfolio's, dan start de voorvertoning toch: elke pagina toont
    bovenaan de fouten (bestand en regel) en verder de laatste versie zonder fouten.
    Is de poort bezet of onmogelijk, dan stopt prof met exitcode 2.

    \b
    Voorbeeld:
      prof serve --adres 127.0.0.1:8001
    """
    from profcli.publish import site

    if engine == "zensical":
        raise EngineUnavailable(
            "de voorvertoning werkt alleen met MkDocs: Zensical voert geen plugin uit, dus "
            "niemand maakt de pagina's opnieuw als je een portfolio bewaart. Bekijk de site "
            "met `prof serve`, of bouw met `prof build --engine zensical` en open "
            "teamsite/index.html."
        )
    host, port = site.parse_address(adres)
    site.check_address(host, port)  # before the first build, which takes seconds
    root = obj.root()
    fixed = vandaag or obj.vandaag
    checked = check_repository(root, today=fixed)
    result = checked.result
    # Said here, once, when an example's own date stands in; the plugin works the day out
    # again at every rebuild, so that a preview left running past midnight moves on.
    obj.today(checked.repository, overview=True, fixed=fixed)
    output = REPORTERS["text"]().render(result)
    if output:
        click.echo(output)
    if not result.ok:
        click.echo(
            f"let op: er {'is 1 fout' if result.errors == 1 else f'zijn {result.errors} fouten'}"
            "; de voorvertoning start toch en toont ze bovenaan elke pagina.",
            err=True,
        )
    site.serve(root, audience=voor, address=adres, today=fixed)


@click.command()
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Map waarin de Markdown-pagina's komen.",
)
@_VOOR
@_VANDAAG
@click.pass_obj
def render(obj: Invocation, out: Path, voor: str, vandaag: dt.date | None) -> None:
    """Schrijf de gegenereerde Markdown-pagina's naar een map, voor een andere bouwer.

    \b
    Voorbeeld:
      prof render --out /tmp/paginas --voor publiek
    """
    from profcli.publish import site

    root, repo, today = _validated(obj, vandaag)
    written = site.render(root, repo, out, audience=voor, today=today)
    click.echo(f"{len(written)} pagina's geschreven naar {out}")
