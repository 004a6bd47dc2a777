"""The `prof` command line: thin Click commands over the core."""

from __future__ import annotations

import click

from profcli import __version__
from profcli.cli.add import add
from profcli.cli.build import build, render, serve
from profcli.cli.common import Context
from profcli.cli.export import export
from profcli.cli.init import init
from profcli.cli.new import new
from profcli.cli.status import status
from profcli.cli.validate import validate

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", message="prof (profcli) %(version)s")
@click.option(
    "--repo",
    "-C",
    "repo",
    type=click.Path(file_okay=False, path_type=str),
    envvar="PROF_REPO",
    help="Map van de team-repository (standaard: de huidige map of erboven, met profielen/).",
)
@click.pass_context
def main(ctx: click.Context, repo: str | None) -> None:
    """profcli: je professionele ontwikkeling als platte tekst, in je eigen repository.

    \b
    Voorbeelden:
      prof validate                    controleer de hele repository
      prof validate profielen/anna     controleer één portfolio
      prof validate --format github    meldingen als annotaties in GitHub Actions
    """
    ctx.obj = Context(repo)


main.add_command(validate)
main.add_command(build)
main.add_command(serve)
main.add_command(render)
main.add_command(add)
main.add_command(init)
main.add_command(new)
main.add_command(status)
main.add_command(export)
