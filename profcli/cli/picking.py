"""What the commands on one existing entry share: `--profiel`, the ID argument, finding it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from profcli.authoring import entries
from profcli.cli.common import Invocation
from profcli.cli.completion import entry_ids, slugs
from profcli.errors import WriteRefused
from profcli.repository.discovery import Source
from profcli.repository.kinds import ENTRY_KINDS, Kind

if TYPE_CHECKING:  # completion imports this module: nothing more at run time
    from profcli.findings import Finding
    from profcli.repository.model import Portfolio, Repository

F = TypeVar("F", bound=Callable[..., Any])


def _folded(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--profiel "Anna de Vries"` names the folder anna-de-vries: read so, and said."""
    if not value:
        return value
    from profcli.authoring import normalise

    found = normalise.as_id(value)
    if found is None:
        return value  # not found later, with the portfolios that are known
    note = normalise.noted(value, found)
    if note and not ctx.resilient_parsing:
        click.echo(f"--profiel: {note}.", err=True)
    return found


def profile_option(function: F) -> F:
    return click.option(
        "--profiel",
        envvar="PROF_PROFIEL",
        metavar="SLUG",
        callback=_folded,
        shell_complete=slugs(),
        help="Zoek in dit portfolio (en zijn team); standaard $PROF_PROFIEL, anders overal.",
    )(function)


def id_argument(*kinds: str, metavar: str = "ID") -> Callable[[F], F]:
    def decorate(function: F) -> F:
        return click.argument("ident", metavar=metavar, shell_complete=entry_ids(kinds))(function)

    return decorate


def locate(
    obj: Invocation, ident: str, profile: str | None, kinds: Iterable[Kind] = ENTRY_KINDS
) -> tuple[Path, Source]:
    """The repository root and the entry `ident` names."""
    root = obj.root().resolve()
    return root, entries.find(root, ident, profile or None, kinds)


def read(source: Source) -> str:
    from profcli.authoring.changes import read_exact

    try:
        return read_exact(source.path)
    except (OSError, UnicodeDecodeError) as e:
        raise WriteRefused(f"{source.display} kan niet gelezen worden ({e})") from e


def today(obj: Invocation, root: Path) -> dt.date:
    """The command's reference date before the entry is checked (which loads everything):
    from the team profile, loaded on its own (`loader.load_profiles`)."""
    from profcli.repository.loader import load_profiles

    return obj.today(load_profiles(root))


def label(source: Source, data: dict[str, Any] | None) -> str:
    """`leerdoel "Titel" (profielen/…/x.toml)` for messages."""
    name = entries.title(source.kind, data) if data else source.stem
    return f'{source.kind.name} "{name}" ({source.display})'


def one_worker(root: Path, slug: str) -> tuple[Repository, Portfolio, list[Finding]]:
    """The repository, the worker `slug` names, and the problems in her files and her team's
    (a total made from them must say it is incomplete). Not a worker: a usage error."""
    from profcli.repository.kinds import TEAM
    from profcli.repository.loader import load

    loaded = load(root)
    repo = loaded.repository
    worker = repo.portfolios.get(slug)
    if worker is None or worker.soort == TEAM:
        known = ", ".join(w.slug for w in repo.workers()) or "geen"
        raise click.BadParameter(f"`{slug}` is geen werker (bekend: {known})", param_hint="SLUG")
    team = repo.team_of(worker)
    return repo, worker, loaded.problems_for(slug, *([team.slug] if team else []))
