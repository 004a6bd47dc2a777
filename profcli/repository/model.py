"""The loaded repository: portfolios, their entries, and the frameworks in use.

Entries keep their TOML data as parsed (dates stay `datetime.date`); accessors here give
the few typed views that the rules, the terminal and the site share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from profcli import clock
from profcli.repository.frameworks import Catalog
from profcli.repository.kinds import PROFILE, TEAM, WERKER, Kind
from profcli.repository.loading import Document
from profcli.repository.registers import Registers
from profcli.repository.registers import builtin as builtin_registers
from profcli.words import Zichtbaarheid

VISIBILITY: tuple[str, ...] = tuple(v.value for v in Zichtbaarheid)


@dataclass(slots=True)
class Entry:
    """One TOML file of a portfolio."""

    kind: Kind
    profile: str
    id: str
    doc: Document
    valid: bool = True
    """False when the schema check failed: totals and pages leave the entry out (and say so)."""
    invalid_keys: frozenset[str] = frozenset()
    """Top-level keys with schema problems: the rules leave those values alone."""

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data

    def get(self, key: str, default: Any = None) -> Any:
        return self.doc.data.get(key, default)

    def text(self, key: str) -> str:
        value = self.doc.data.get(key)
        return value if isinstance(value, str) else ""

    def ids(self, key: str) -> list[str]:
        value = self.doc.data.get(key)
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    @property
    def datum(self) -> dt.date | None:
        value = self.doc.data.get("datum")
        return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None

    @property
    def visibility(self) -> str:
        value = self.doc.data.get("zichtbaarheid", Zichtbaarheid.TEAM)
        return value if value in VISIBILITY else Zichtbaarheid.TEAM


@dataclass(slots=True)
class Portfolio:
    """A worker's or a team's folder under `profielen/`."""

    slug: str
    path: Path
    profile: Entry | None = None
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)

    @property
    def soort(self) -> str:
        value = self.profile.get("soort") if self.profile else None
        return value if value in (WERKER, TEAM) else WERKER

    @property
    def naam(self) -> str:
        return (self.profile.text("naam") if self.profile else "") or self.slug

    def of(self, kind: Kind) -> list[Entry]:
        """Entries of one kind, in file-name order (dated kinds: oldest first)."""
        return sorted(self.entries.get(kind.name, {}).values(), key=lambda e: e.id)

    def entries_flat(self) -> Iterator[Entry]:
        for by_id in self.entries.values():
            yield from by_id.values()

    def add(self, entry: Entry) -> None:
        if entry.kind is PROFILE:
            self.profile = entry
        else:
            self.entries.setdefault(entry.kind.name, {})[entry.id] = entry


@dataclass(slots=True)
class Repository:
    root: Path
    portfolios: dict[str, Portfolio]
    catalog: Catalog
    registers: Registers = field(default_factory=lambda: Registers(builtin_registers()))
    unreadable: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """Files that could not be read or parsed: (profile slug, kind name, id) -> display path,
    so that a reference to one says so instead of "does not exist". A folder that could not
    be listed stands for all it holds: id `*` (a kind's folder) or kind and id `*`."""
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Views computed once per load (the approvals read from git's history)."""

    def unread(self, slug: str, kind: str, id: str) -> str | None:
        """The file or folder that could not be read and may hold this entry, if any."""
        for key in ((slug, kind, id), (slug, kind, "*"), (slug, "*", "*")):
            found = self.unreadable.get(key)
            if found is not None:
                return found
        return None

    def workers(self) -> list[Portfolio]:
        return [p for p in self.sorted() if p.soort == WERKER]

    def teams(self) -> list[Portfolio]:
        return [p for p in self.sorted() if p.soort == TEAM]

    def sorted(self) -> list[Portfolio]:
        return [self.portfolios[k] for k in sorted(self.portfolios)]

    def entries(self) -> Iterator[Entry]:
        for portfolio in self.sorted():
            if portfolio.profile:
                yield portfolio.profile
            for by_id in portfolio.entries.values():
                yield from by_id.values()

    @property
    def zone_name(self) -> str | None:
        """The team's time zone (`tijdzone` in its profile), if one is set."""
        for team in self.teams():
            value = team.profile.get("tijdzone") if team.profile else None
            if isinstance(value, str) and "tijdzone" not in team.profile.invalid_keys:  # type: ignore[union-attr]
                return value
        return None

    @property
    def example_date(self) -> dt.date | None:
        """The day an example team plays on (`voorbeeld_peildatum` in its profile), so that a
        demo built later does not age; None for a real team."""
        for team in self.teams():
            value = team.profile.get("voorbeeld_peildatum") if team.profile else None
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return value
        return None

    def today(self, fixed: dt.date | None = None, *, overview: bool = False) -> dt.date:
        """The reference date of a command on this repository (`clock.reference_day`): `fixed`
        wins; an overview (status, export, prepare, the site) then takes an example team's
        own date; else today in the team's zone. Validation and writing never take the
        example's date: an entry is dated, and checked against, the real day."""
        return clock.reference_day(fixed, self.zone_name, self.example_date if overview else None)

    def worker_teams(self) -> dict[str, str]:
        """Worker slug -> the slug of her team, for every worker who has one."""
        found = {}
        for worker in self.workers():
            team = self.team_of(worker)
            if team is not None:
                found[worker.slug] = team.slug
        return found

    def team_of(self, portfolio: Portfolio) -> Portfolio | None:
        if portfolio.soort == TEAM:
            return portfolio
        slug = portfolio.profile.get("team") if portfolio.profile else None
        team = self.portfolios.get(slug) if isinstance(slug, str) else None
        return team if team and team.soort == TEAM else None
