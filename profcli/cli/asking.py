"""Getting an entry's values from a person: options, prompts, or an editor on a draft."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

import click

from profcli.authoring import adding as authoring
from profcli.authoring.answers import Choices
from profcli.authoring.templates import Field, Template, assemble
from profcli.authoring.templates.editor import editor_text
from profcli.cli import dutch
from profcli.cli.common import edit_file, one_of
from profcli.repository import loader, writing
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


def interview(
    root: Path,
    repo: Repository,
    owner: Portfolio,
    tpl: Template,
    data: dict[str, Any],
    header: list[str],
    kind: Kind,
    *,
    day: dt.date,
    asked: set[str] | None = None,
    draft: Path | None = None,
    optional: bool = True,
    one_liner: bool = False,
) -> str:
    """Ask for the open fields, each answer checked as typed (profcli.cli.interview) on the
    command's reference date `day`, and return the entry as draft text (the header, the
    fields asked, the TOML).

    Ctrl-C or Ctrl-D keeps every answer so far as a draft (or updates `draft`), prints how
    to go on, and ends the command with exit code 1. So does a refused value in a
    `one_liner` (every required field given as an option): nothing is asked or written.
    """
    from profcli.cli.interview import Interview, Refused, given

    talk = Interview(repo, owner, tpl, data, given(tpl, data) if asked is None else asked, day)
    try:
        talk.run(optional=optional, one_liner=one_liner)
    except Refused as e:
        asked = {f.name for f in tpl.fields} - set(e.fields)
        refused_draft(root, kind, draft_text(header, asked, talk.data), len(e.fields), draft)
    except (click.Abort, KeyboardInterrupt):  # at a question, or while an answer is checked
        kept = talk.kept()
        if not kept and draft is None:
            click.echo("\nAfgebroken. Er was nog niets ingevuld; er is niets bewaard.", err=True)
            raise click.exceptions.Exit(1) from None
        interrupted(root, kind, draft_text(header, talk.asked, kept), draft)
    return draft_text(header, talk.asked, talk.data)


def checked(
    repo: Repository, owner: Portfolio, tpl: Template, data: dict[str, Any], day: dt.date
) -> tuple[dict[str, Any], list[str], set[str]]:
    """The values given as options, read and checked like answers, without a terminal: what
    was read generously is said; returns the values as read, one line per value that
    cannot be used (naming the option: the file is not written) and those fields' names."""
    from profcli.cli.interview import Interview, given

    talk = Interview(repo, owner, tpl, data, given(tpl, data), day)
    refused = talk.recheck(terminal=False)
    return talk.data, refused, set(talk.refused)


def draft_text(header: list[str], asked: set[str], data: dict[str, Any]) -> str:
    return "\n".join([*header, authoring.asked_line(asked), writing.render(data)])


def refused_draft(
    root: Path, kind: Kind, text: str, count: int, draft: Path | None = None
) -> NoReturn:
    """A one-liner with a refused value: nothing is written; all values, the refused ones
    too, are kept as a draft that asks only for what was refused."""
    from profcli.errors import InvalidContent

    kept = authoring.save_draft(root, kind, text, draft)
    fault = "is 1 waarde" if count == 1 else f"zijn {count} waarden"
    raise InvalidContent(
        f"niet opgeslagen: er {fault} niet goed (zie hierboven). Alles wat je gaf staat in "
        f"{authoring.display(root, kept)}.\nGa verder met: prof drafts --hervat {kept.stem}\n"
        "(prof vraagt dan alleen wat niet goed was, met je tekst klaar om te verbeteren)"
    )


def interrupted(root: Path, kind: Kind, text: str, draft: Path | None) -> NoReturn:
    """Keep `text` as a draft, say where and how to go on, and stop with exit code 1."""
    kept = authoring.save_draft(root, kind, text, draft)
    click.echo(
        f"\nAfgebroken. Je antwoorden tot nu toe staan in {authoring.display(root, kept)}.\n"
        f"Ga later verder met: prof drafts --hervat {kept.stem}",
        err=True,
    )
    raise click.exceptions.Exit(1)


def via_editor(
    root: Path,
    repo: Repository,
    owner: Portfolio,
    tpl: Template,
    data: dict[str, Any],
    header: list[str],
    kind: Kind,
    day: dt.date,
) -> tuple[Path, str]:
    """Write a commented template as a draft (a required date filled in with `day`), open
    the editor on it, and read it back."""
    for f in tpl.fields:
        if f.type == "date" and f.required and f.key not in data and not f.section:
            data[f.key] = day
    for section in tpl.sections:
        if section.selector and section.selector not in data:
            data[section.selector] = section.value
    hints = {f.name: authoring.known_ids(repo, owner, f.name, data) for f in tpl.fields}
    draft = authoring.save_draft(root, kind, editor_text(tpl, data, header, hints))
    edit(draft)
    return draft, draft.read_text(encoding="utf-8")


def edit(path: Path) -> None:
    dutch.install(lazy=("click._termui_impl",))
    try:
        edit_file(path)
    except click.ClickException as e:
        click.echo(
            f"De editor gaf een fout ({e.format_message()}). Je concept staat in {path}.", err=True
        )
        sys.exit(1)
