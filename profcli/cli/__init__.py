"""The `prof` command line: thin Click commands over the core."""

from __future__ import annotations

import datetime as dt
import importlib
import os
from pathlib import Path

import click

from profcli import __version__, resources
from profcli.cli import dutch
from profcli.cli.common import DAY, Invocation, SuggestingGroup
from profcli.errors import ProfError

COMMANDS: dict[str, str] = {
    "add": "profcli.cli.add",
    "approve": "profcli.cli.approve",
    "build": "profcli.cli.build",
    "done": "profcli.cli.done",
    "drafts": "profcli.cli.drafts",
    "edit": "profcli.cli.edit",
    "export": "profcli.cli.export",
    "init": "profcli.cli.init",
    "list": "profcli.cli.list",
    "new": "profcli.cli.new",
    "prepare": "profcli.cli.prepare",
    "render": "profcli.cli.build",
    "rm": "profcli.cli.rm",
    "serve": "profcli.cli.build",
    "show": "profcli.cli.show",
    "status": "profcli.cli.status",
    "sync": "profcli.cli.sync",
    "validate": "profcli.cli.validate",
}
"""Command name -> module defining it (as a function of the same name, or with a trailing
underscore where the name is a Python builtin: `list_`)."""


class LazyGroup(SuggestingGroup):
    """Imports a command's module only when that command runs.

    `prof validate` in CI and in a pre-commit hook should not pay for the site generator
    and the authoring prompts on every start.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def invoke(self, ctx: click.Context) -> object:
        """The one place where core errors become a Dutch line and an exit code."""
        try:
            return super().invoke(ctx)
        except ProfError as e:
            click.echo(f"fout: {e}", err=True)
            ctx.exit(e.exit_code)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        imported = importlib.import_module(module)
        command = getattr(imported, f"{cmd_name}_", None) or getattr(imported, cmd_name)
        assert isinstance(command, click.Command)
        dutch.localise(command)
        return command


dutch.install()

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", message="prof (profcli) %(version)s")
@click.option(
    "--repo",
    "-C",
    "repo",
    type=click.Path(file_okay=False, path_type=str),
    envvar="PROF_REPO",
    help="Map van de team-repository (standaard: de huidige map of erboven, met profielen/).",
)
@click.option(
    "--vandaag",
    type=DAY,
    envvar="PROF_VANDAAG",
    default=None,
    metavar="DATUM",
    help="Reken alsof het vandaag DATUM is (ook: PROF_VANDAAG), voor een herhaalbare "
    "controle of site. Standaard de datum van vandaag in de tijdzone van het team.",
)
@click.option(
    "--geen-git",
    "geen_git",
    is_flag=True,
    help="Leg niets vast in git (ook: PROF_GIT=uit). Standaard legt prof in een "
    "git-repository elk bestand vast dat het schrijft of weghaalt, en niets anders.",
)
@click.pass_context
def main(ctx: click.Context, repo: str | None, vandaag: dt.date | None, geen_git: bool) -> None:
    """profcli: je professionele ontwikkeling als platte tekst, in je eigen repository.

    \b
    Voorbeelden:
      prof validate                    controleer de hele repository
      prof validate profielen/anna     controleer één portfolio
      prof validate --format github    meldingen als annotaties in GitHub Actions
    """
    ctx.obj = Invocation(repo, vandaag, git=not geen_git and _git_from_environment())
    _names_from_environment()
    resources.when_building(
        lambda: click.echo(
            "Eenmalig: prof zet de woordenlijsten voor de namencontrole klaar (een paar seconden)…",
            err=True,
        )
    )


def _names_from_environment() -> None:
    """PROF_NAMENCACHE=MAP: one cache of the names check for every repository (a test suite,
    a CI job). Imported only when set, so that a warm `prof validate` stays light. There is
    deliberately no variable that switches the check itself off."""
    folder = os.environ.get("PROF_NAMENCACHE", "").strip()
    if not folder:
        return
    from profcli.validation import namecache

    namecache.share_cache(Path(folder))


_OFF = {"uit", "nee", "0", "false", "off", "no"}
_ON = {"aan", "ja", "1", "true", "on", "yes", ""}


def _git_from_environment() -> bool:
    """PROF_GIT=uit switches the commits off (a setting for a shell or a CI job)."""
    value = os.environ.get("PROF_GIT", "").strip().lower()
    if value in _OFF:
        return False
    if value not in _ON:
        raise click.UsageError(f"PROF_GIT={value} begrijp ik niet; kies aan of uit")
    return True


dutch.localise(main)
