"""Getting an entry's values from a person: options, prompts, or an editor on a draft."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from profcli import authoring, clock, loader, writing
from profcli.cli import dutch
from profcli.cli.common import NUMBER, Invocation
from profcli.kinds import TEAM, WERKER, Kind
from profcli.model import Portfolio, Repository
from profcli.templates import Field, Template, assemble, editor_text, merge


def today(repo: Repository | None = None) -> dt.date:
    """The running command's reference date (`--vandaag`), else today in the team's zone."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_object(Invocation) if ctx else None
    fixed = obj.vandaag if obj else None
    return fixed or clock.today(repo.zone_name if repo else None)


def load(root: Path) -> Repository:
    """The portfolios, without running the rules (`prof add` checks the new entry itself)."""
    return loader.load(root).repository


def portfolio(repo: Repository, kind: Kind, slug: str | None, interactive: bool) -> Portfolio:
    """The portfolio an entry goes to; a worker's team for team kinds."""
    wanted = TEAM if kind.owners == {TEAM} else WERKER
    if slug:
        found = repo.portfolios.get(slug)
        if found is None:
            known = ", ".join(p.slug for p in repo.sorted()) or "geen"
            raise click.BadParameter(
                f"portfolio `{slug}` bestaat niet (bekend: {known})", param_hint="--profiel"
            )
    else:
        candidates = repo.teams() if wanted == TEAM else repo.workers()
        if len(candidates) == 1:
            found = candidates[0]
        elif interactive and candidates:
            choice = click.prompt("Portfolio", type=click.Choice([p.slug for p in candidates]))
            found = repo.portfolios[choice]
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


def prompt_missing(
    root: Path,
    repo: Repository,
    owner: Portfolio,
    tpl: Template,
    data: dict[str, Any],
    header: list[str],
    kind: Kind,
) -> dict[str, Any]:
    """Ask for each missing required field; Ctrl-C keeps what was typed as a draft."""
    given = dict(data)
    try:
        while missing := tpl.missing(data):
            data = merge(tpl, data, _ask(repo, owner, tpl, missing[0], data))
        if "leerdoelen" in {f.name for f in tpl.fields} and "leerdoelen" not in data:
            goals = _offer_goals(owner)
            if goals:
                data = merge(tpl, data, {"leerdoelen": goals})
    except click.Abort:
        if data != given:
            text = "\n".join([*header, writing.render(data)])
            kept = authoring.save_draft(root, kind, text)
            click.echo(
                f"\nAfgebroken. Wat je typte staat in {authoring.display(root, kept)}; "
                f"ga verder met: prof add --draft {authoring.display(root, kept)} --editor",
                err=True,
            )
        raise
    return data


def _ask(
    repo: Repository, owner: Portfolio, tpl: Template, f: Field, data: Mapping[str, Any]
) -> dict[str, Any]:
    click.echo(click.style(f"{f.title}: {f.description}", dim=True), err=True)
    known = authoring.known_ids(repo, owner, f.name, data)
    if f.shape == "map":
        return {f.path[0]: _ask_map(tpl, f, known, repo)}
    if f.shape in ("list", "records"):
        if known or f.enum:
            click.echo(f"  Keuze: {', '.join(f.enum or known)}", err=True)
        text = click.prompt(f"{f.title} (gescheiden door komma's)")
        items = [part.strip() for part in text.split(",") if part.strip()]
        value: Any = items if f.shape == "list" else [{f.record_key: i} for i in items]
    elif f.enum or (known and f.type == "string" and not f.long):
        value = click.prompt(
            f.title,
            type=click.Choice(list(f.enum or known), case_sensitive=False),
            show_choices=True,
        )
    elif f.type == "date":
        value = click.prompt(f.title, type=_date_type(), default=today().isoformat())
    elif f.type in ("number", "integer"):
        value = click.prompt(f.title, type=NUMBER if f.type == "number" else int)
    elif f.type == "boolean":
        value = click.confirm(f.title)
    else:
        value = click.prompt(f.title).strip()
    return {f.section: {f.key: value}} if f.section else {f.key: value}


def _date_type() -> click.ParamType[dt.date]:
    from profcli.cli.completion import DATE

    return DATE


def _ask_map(tpl: Template, f: Field, items: list[str], repo: Repository) -> dict[str, Any]:
    """One question per framework item (empty skips it); the other keys of the table follow."""
    others = [o for o in tpl.fields if o.shape == "map" and o.path[0] == f.path[0] and o is not f]
    table: dict[str, Any] = {}
    while not table:
        for item in items or [click.prompt("Id van het onderdeel")]:
            label = repo.catalog.items[item].titel if item in repo.catalog.items else item
            raw = click.prompt(
                f"{label} — {f.title.lower()} (leeg = overslaan)", default="", show_default=False
            ).strip()
            if not raw:
                continue
            entry: dict[str, Any] = {
                f.key: int(raw) if f.type == "integer" and raw.isdigit() else raw
            }
            for other in others:
                extra = click.prompt(
                    f"  {other.title} (leeg = geen)", default="", show_default=False
                ).strip()
                if extra:
                    entry[other.key] = extra
            table[item] = entry
        if not table:
            click.echo("Geef minstens één onderdeel een waarde.", err=True)
    return table


def _offer_goals(owner: Portfolio) -> list[str]:
    goals = authoring.open_goals(owner)
    if not goals:
        return []
    click.echo("Open leerdoelen:", err=True)
    for number, goal in enumerate(goals, 1):
        click.echo(f"  {number}. {goal}", err=True)
    text = click.prompt(
        "Koppel aan leerdoelen (nummers of id's, komma's; leeg = geen)",
        default="",
        show_default=False,
    )
    chosen: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if part.isdigit() and 1 <= int(part) <= len(goals):
            chosen.append(goals[int(part) - 1])
        elif part:
            chosen.append(part)
    return list(dict.fromkeys(chosen))


def via_editor(
    root: Path,
    repo: Repository,
    owner: Portfolio,
    tpl: Template,
    data: dict[str, Any],
    header: list[str],
    kind: Kind,
) -> tuple[Path, str]:
    """Write a commented template as a draft, open the editor on it, and read it back."""
    for f in tpl.fields:
        if f.type == "date" and f.required and f.key not in data and not f.section:
            data[f.key] = today()
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
        click.edit(filename=str(path))
    except click.ClickException as e:
        click.echo(
            f"De editor gaf een fout ({e.format_message()}). Je concept staat in {path}.", err=True
        )
        sys.exit(1)
