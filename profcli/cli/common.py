"""What every command shares: finding the repository, and the reference date.

Imported by the group itself, before it knows which command runs: so it imports nothing of
the core at the top (`prof --version` and Tab completion should not pay for it)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from profcli.repository.model import Repository

EXAMPLE = (
    "Dit is een voorbeeldteam: prof rekent met de eigen peildatum van het voorbeeld, {day} "
    "(geef --vandaag voor een andere dag)."
)
"""Said when an example team's own date stands in for today (`voorbeeld_peildatum`)."""

_SENTENCE = re.compile(r"(?<=\.)\s+")


def spoken(description: str) -> str:
    """A schema description for a person at the terminal: without the sentence about how
    to write a value in TOML (quotes), which is for an editor."""
    return " ".join(s for s in _SENTENCE.split(description) if "aanhalingstekens" not in s)


@dataclass(slots=True)
class Invocation:
    """What one `prof` invocation shares between its commands: the repository option and the
    reference date. (Not to be confused with click.Context or publish.context.Context.)"""

    repo: str | None
    vandaag: dt.date | None = None
    """A fixed reference date (`--vandaag` or PROF_VANDAAG); None: the team's clock."""
    git: bool = True
    """Commit what a command writes (`prof --geen-git` or PROF_GIT=uit switch it off)."""

    def root(self, hint: Path | None = None) -> Path:
        """The repository root; RepositoryNotFound (exit 2) when there is none."""
        from profcli.repository.discovery import find_root

        start = Path(self.repo) if self.repo else (hint or Path.cwd())
        return find_root(start)

    def today(
        self,
        repo: Repository | None = None,
        *,
        overview: bool = False,
        fixed: dt.date | None = None,
    ) -> dt.date:
        """The command's reference date (`Repository.today`): `fixed` (a command's own
        `--vandaag`) or the group's `--vandaag`; for an `overview`, an example team's own date,
        said on stderr; else today in the zone of `repo`'s team (Europe/Amsterdam without a
        repository: reading an option, the age of a draft)."""
        from profcli import clock

        fixed = fixed or self.vandaag
        if repo is None:
            return clock.reference_day(fixed)
        day = repo.today(fixed, overview=overview)
        if overview and fixed is None and day == repo.example_date:
            click.echo(EXAMPLE.format(day=clock.shown(day)), err=True)
        return day

    def record(self, root: Path, paths: Sequence[Path], message: str) -> None:
        """Commit exactly `paths` (written or removed by this command) when `root` is in git,
        unless switched off here or by the team (`git_vastleggen = false`). Never fails: the
        files are written already, so a problem is a warning on stderr."""
        if not self.git:
            return
        from profcli.git import record as gitrecord

        if not gitrecord.commits_enabled(root):
            return
        outcome = gitrecord.record(root, paths, message)
        if outcome.warning:
            click.echo(f"let op: {outcome.warning}", err=True)
        elif outcome.committed:
            click.echo(f"Vastgelegd in git: {message}")


class DayType(click.ParamType[dt.date]):
    """A date as Dutch people write it: 2026-11-21, 21-11-2026, or vandaag/gisteren/eergisteren
    (counted from the command's reference date)."""

    name = "datum"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from profcli import clock

        obj = ctx.find_object(Invocation) if ctx else None
        try:
            day = clock.read_day(str(value), (obj or Invocation(None)).today())
        except ValueError as e:
            self.fail(str(e), param, ctx)
        if any(c.isalpha() for c in str(value)) and not (ctx and ctx.resilient_parsing):
            click.echo(f"{_name(param)}: `{value}` gelezen als {clock.shown(day)}.", err=True)
        return day

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "DATUM"


DAY = DayType()


class NumberType(click.ParamType[float]):
    """A number as Dutch people write it: 1,5 as well as 1.5."""

    name = "getal"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        if isinstance(value, int | float):
            return float(value)
        text = str(value).strip().replace(" ", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            self.fail(f"`{value}` is geen getal; schrijf bijvoorbeeld 1,5 of 1.5", param, ctx)
        if number != number or number in (float("inf"), float("-inf")):
            self.fail(f"`{value}` is geen getal", param, ctx)
        return number

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "GETAL"


NUMBER = NumberType()


class Choice(click.Choice[str]):
    """A choice read generously: any case, with or without accents and spaces, or a display
    name (`privé`, `Registerplein`); what was read otherwise than typed is said in one line.
    A typo gets the one close candidate as a suggestion instead of the whole list."""

    def __init__(self, choices: Sequence[str], labels: dict[str, str] | None = None) -> None:
        super().__init__(list(choices), case_sensitive=False)
        self.labels = labels or {}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from profcli.authoring import normalise

        text = str(value)
        options = [str(c) for c in self.choices]
        found = normalise.match(text, options, self.labels)
        if found is not None:
            note = normalise.noted(text, found)
            if note and not (ctx and ctx.resilient_parsing):
                click.echo(f"{_name(param)}: {note}.", err=True)
            return found
        close = normalise.suggest(text, options)
        if close is not None:
            self.fail(f"`{text}` is geen keuze; bedoelde je `{close}`?", param, ctx)
        self.fail(f"`{text}` is geen keuze; kies uit: {', '.join(options)}", param, ctx)


def _name(param: click.Parameter | None) -> str:
    if param is None:
        return "waarde"
    return param.opts[0] if getattr(param, "opts", None) else str(param.name)


def said(option: str, typed: str, value: str) -> None:
    """Say in one line what prof read in an option otherwise than typed."""
    from profcli.authoring import normalise

    note = normalise.noted(typed, value)
    if note:
        click.echo(f"{option}: {note}.", err=True)


def one_of(
    option: str,
    typed: str,
    options: Sequence[str],
    what: str,
    labels: dict[str, str] | None = None,
) -> str:
    """The one option `typed` names (any case, accents, spaces, a display name), said when
    read otherwise; refused with the one close candidate, or the known ones, when unclear."""
    from profcli.authoring import normalise

    found = normalise.match(typed, options, labels)
    if found is not None:
        said(option, typed, found)
        return found
    close = normalise.suggest(typed, options)
    hint = f"bedoelde je `{close}`?" if close else f"bekend: {', '.join(options) or 'geen'}"
    raise click.BadParameter(f"{what} `{typed}` bestaat niet; {hint}", param_hint=option)


def as_id(option: str, typed: str) -> str:
    """`typed` as an id (`Huiselijk geweld` -> `huiselijk-geweld`), said when changed."""
    from profcli.authoring import normalise

    found = normalise.as_id(typed)
    if found is None:
        raise click.BadParameter(
            f"`{typed}` kan geen naam zijn: gebruik letters, cijfers en streepjes",
            param_hint=option,
        )
    said(option, typed, found)
    return found


class SuggestingGroup(click.Group):
    """A group that answers a mistyped command with the one it probably is (`prof statsu`:
    bedoelde je `prof status`?), in Dutch, instead of only saying that it does not exist."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from profcli.authoring import normalise

            known = self.list_commands(ctx)
            where = ctx.command_path
            same = normalise.match(name, known)  # `prof Status`: one command only
            if same is not None:
                click.echo(f"{where} {normalise.noted(name, same)}.", err=True)
                return super().resolve_command(ctx, [same, *args[1:]])
            close = normalise.suggest(name, known)
            if close is not None:
                ctx.fail(f"opdracht `{name}` bestaat niet; bedoelde je `{where} {close}`?")
            ctx.fail(f"opdracht `{name}` bestaat niet; kies uit: {', '.join(known)}")
        return super().resolve_command(ctx, args)


FALLBACK_EDITORS = ("nano",)
"""Opened when no editor is set: nano names its keys at the bottom of the screen. Not vi,
which a social worker cannot leave, nor Debian's `sensible-editor`, which asks "Select an
editor" first (issue 26)."""

HOW_TO_CHOOSE = (
    'kies er een met bijvoorbeeld export EDITOR=nano (VS Code: export EDITOR="code --wait"; '
    "zet die regel in ~/.bashrc om hem te houden)"
)


class NoEditor(click.ClickException):
    """No editor is set and nano is not there."""

    def __init__(self) -> None:
        super().__init__(
            f"er is geen editor ingesteld (EDITOR) en nano is er niet; {HOW_TO_CHOOSE}"
        )


def chosen_editor() -> str | None:
    """$VISUAL, $EDITOR, or nano when it is there; None: there is no editor to open."""
    import os
    import shutil

    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if chosen:
        return chosen
    return next((name for name in FALLBACK_EDITORS if shutil.which(name)), None)


def edit_file(path: Path) -> None:
    """Open `path` in $VISUAL/$EDITOR, else in nano, saying so and how to save and close;
    NoEditor without either, click.ClickException when the editor fails."""
    import os

    chosen = chosen_editor()
    if chosen is None:
        raise NoEditor()
    if not (os.environ.get("VISUAL") or os.environ.get("EDITOR")):
        click.echo(
            f"Geen EDITOR ingesteld: prof opent {chosen}. Opslaan: Ctrl-O en Enter; sluiten: "
            'Ctrl-X. Een andere editor kiezen: export EDITOR="code --wait" (VS Code).',
            err=True,
        )
    click.edit(filename=str(path), editor=chosen)
