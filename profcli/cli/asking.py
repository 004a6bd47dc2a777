"""Getting an entry's values from a person: options, prompts, or an editor on a draft."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from profcli.authoring.answers import Choices
from profcli.authoring.templates import Field, Template, assemble
from profcli.cli import dutch
from profcli.cli.common import edit_file, one_of
from profcli.repository import loader
from profcli.repository.kinds import TEAM, WERKER, Kind
from profcli.repository.model import Portfolio, Repository


def load(root: Path) -> Repository:
    """The portfolios, without running the rules (`prof add` checks the new entry itself)."""
    return loader.load(root).repository


def portfolio(repo: Repository, kind: Kind, slug: str | None, interactive: bool) -> Portfolio:
    """The portfolio an entry goes to; a worker's team for team kinds."""
    wanted = TEAM if kind.owners == {TEAM} else WERKER
    if slug:
        names = {p.slug: p.naam for p in repo.sorted()}  # a name or a slug in any case
        found = repo.portfolios[one_of("--profiel", slug, list(names), "portfolio", names)]
    else:
        candidates = repo.teams() if wanted == TEAM else repo.workers()
        if len(candidates) == 1:
            found = candidates[0]
        elif interactive and candidates:
            from profcli.cli.questions import choose

            slugs = tuple(p.slug for p in candidates)
            names = {p.slug: p.naam for p in candidates}
            choice = choose(
                "Portfolio", Choices(slugs, frozenset(slugs), "portfolio"), labels=names
            )
            found = repo.portfolios[str(choice)]
        else:
            known = ", ".join(p.slug for p in candidates) or "geen; maak er een met `prof new`"
            raise click.UsageError(
                f"welk portfolio? Geef --profiel SLUG of zet PROF_PROFIEL (bekend: {known})"
            )
    if found.soort in kind.owners:
        return found
    team = repo.team_of(found) if wanted == TEAM else None
    if team is not None:
        return team
    owner = "een team" if wanted == TEAM else "een werker"
    raise click.BadParameter(
        f"een {kind.name} hoort bij {owner}; `{found.slug}` is dat niet", param_hint="--profiel"
    )


def collect(tpl: Template, values: Mapping[str, Any]) -> dict[str, Any]:
    """Entry data from the options; `ID=WAARDE` pairs are split and typed here."""
    converted: dict[str, Any] = {}
    for f in tpl.fields:
        given = values.get(f.name)
        if f.shape == "map" and given:
            converted[f.name] = [_pair(f, text) for text in given]
        elif isinstance(given, dt.date):
            converted[f.name] = given
        else:
            converted[f.name] = given
    return assemble(tpl, converted)


def _pair(f: Field, text: str) -> tuple[str, Any]:
    item, sep, raw = text.partition("=")
    if not sep or not item.strip():
        raise click.BadParameter(
            f"schrijf ID=WAARDE, bijvoorbeeld integriteit=4 (niet `{text}`)", param_hint=f.option
        )
    if f.type == "integer":
        try:
            return item.strip(), int(raw)
        except ValueError as e:
            raise click.BadParameter(f"`{raw}` is geen geheel getal", param_hint=f.option) from e
    return item.strip(), raw


def edit(path: Path) -> None:
    dutch.install(lazy=("click._termui_impl",))
    try:
        edit_file(path)
    except click.ClickException as e:
        click.echo(
            f"De editor gaf een fout ({e.format_message()}). Je concept staat in {path}.", err=True
        )
        sys.exit(1)
