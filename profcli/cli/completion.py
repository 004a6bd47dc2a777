"""Shell completion and parameter types shared by the authoring commands.

Completion runs before any command callback, so the repository is found here from
`--repo`/`PROF_REPO` or the working directory, and every failure completes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.shell_completion import CompletionItem

from profcli.cli.common import DAY

if TYPE_CHECKING:
    from profcli.repository.model import Repository

Completer = Callable[[click.Context, click.Parameter, str], list[CompletionItem]]

DATE = DAY
"""Dates in options: see profcli.cli.common.DayType."""


def root_of(ctx: click.Context) -> Path | None:
    """The repository root for completion (from `--repo`, PROF_REPO or the working folder)."""
    from profcli.repository.discovery import find_root

    try:
        repo_opt = ctx.find_root().params.get("repo") or os.environ.get("PROF_REPO")
        return find_root(Path(repo_opt) if repo_opt else Path.cwd())
    except Exception:  # completion must never crash the shell
        return None


def repository(ctx: click.Context) -> Repository | None:
    """The loaded repository for completion, or None."""
    from profcli.repository.discovery import find_root
    from profcli.repository.loader import load

    try:
        repo_opt = ctx.find_root().params.get("repo") or os.environ.get("PROF_REPO")
        root = find_root(Path(repo_opt) if repo_opt else Path.cwd())
        return load(root).repository
    except Exception:  # completion must never crash the shell
        return None


def slugs(soort: str | None = None) -> Completer:
    """Complete portfolio slugs (optionally only workers or teams)."""

    def complete(
        ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        repo = repository(ctx)
        if repo is None:
            return []
        return [
            CompletionItem(p.slug, help=p.naam)
            for p in repo.sorted()
            if p.slug.startswith(incomplete) and (soort is None or p.soort == soort)
        ]

    return complete


def known(field: str, kind: str) -> Completer:
    """Complete ids that `field` may name (goals, workers, framework items)."""

    def complete(
        ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        from profcli.authoring.adding import known_ids

        repo = repository(ctx)
        if repo is None:
            return []
        profile = ctx.params.get("profiel") or os.environ.get("PROF_PROFIEL", "")
        portfolio = repo.portfolios.get(str(profile))
        data = {"kader": ctx.params.get("kader")}
        prefix = incomplete.split("=", 1)[0] if "=" in incomplete else incomplete
        ids = known_ids(repo, portfolio, field, data)
        suffix = "=" if param.metavar == "ID=WAARDE" else ""
        return [CompletionItem(i + suffix) for i in ids if i.startswith(prefix)]

    return complete


def entry_ids(kinds: tuple[str, ...] = ()) -> Completer:
    """Complete entry ids from file names only (no parse, no schema): fast in any repository.

    Within `--profiel`/PROF_PROFIEL (and its team) when one is given; `kinds` narrows to
    e.g. goals for `prof done`."""

    def complete(
        ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        from profcli.authoring.entries import in_scope

        root = root_of(ctx)
        try:
            profile = ctx.params.get("profiel") or os.environ.get("PROF_PROFIEL")
            found = in_scope(root, str(profile) if profile else None) if root else []
        except Exception:  # completion must never crash the shell
            return []
        return [
            CompletionItem(s.stem, help=f"{s.kind.name}, {s.profile}")
            for s in found
            if s.stem.startswith(incomplete) and (not kinds or s.kind.name in kinds)
        ]

    return complete
