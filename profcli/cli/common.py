"""What every command shares: finding the repository, and the reference date.

Imported by the group itself, before it knows which command runs: so it imports nothing of
the core at the top (`prof --version` and Tab completion should not pay for it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click


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

    def today(self, zone_name: str | None = None) -> dt.date:
        """The command's reference date: the fixed one, or today in the team's time zone."""
        from profcli import clock

        return self.vandaag or clock.today(zone_name)

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


_DAYS = {"vandaag": 0, "gisteren": 1, "eergisteren": 2}


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

        text = str(value).strip().lower()
        if text in _DAYS:
            obj = ctx.find_object(Invocation) if ctx else None
            base = obj.today() if obj else clock.today()
            return base - dt.timedelta(days=_DAYS[text])
        try:
            return clock.parse_day(text)
        except ValueError as e:
            self.fail(f"{e} (of `vandaag`)", param, ctx)

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "JJJJ-MM-DD"


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
