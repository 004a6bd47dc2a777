"""Finding entries by id, listing them, and what refers to them (`prof list/show/rm`).

An entry's id is its file name without `.toml` (DESIGN.md), unique within a portfolio and
its kind. Finding one needs only the file names (`discover`), never a parse: shell completion
and `prof edit` on a file that does not parse both depend on that.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from profcli.errors import EntryNotFound
from profcli.findings import Finding
from profcli.repository.discovery import Source, discover, discover_portfolios
from profcli.repository.kinds import AKKOORD, ENTRY_KINDS, LEERDOEL, Kind

if TYPE_CHECKING:  # completion imports this module: it need not load jsonschema
    from profcli.repository.loader import Loaded
    from profcli.repository.model import Entry, Repository

ENTRY_KIND_SET = frozenset(ENTRY_KINDS)


def sources(root: Path, profiles: Iterable[str] | None = None) -> list[Source]:
    """Every entry file (no profiles, frameworks or registers), of all portfolios or of the
    named ones."""
    found = discover(root)[0] if profiles is None else discover_portfolios(root, profiles)
    return [s for s in found if s.kind in ENTRY_KIND_SET]


def team_slug(root: Path, profile: str) -> str | None:
    """The team named in a worker's profile, read directly (no schema, no other file)."""
    try:
        with (root / "profielen" / profile / "profiel.toml").open("rb") as handle:
            team = tomllib.load(handle).get("team")
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return team if isinstance(team, str) else None


def in_scope(root: Path, profile: str | None) -> list[Source]:
    """The entries of `profile` and of its team (team kinds go there, as with `prof add`),
    her own first; without a profile, every entry."""
    if not profile:
        return sources(root)
    team = team_slug(root, profile)
    return sources(root, [profile, *([team] if team else [])])


_DATED = re.compile(r"\d{4}-\d{2}-\d{2}-")
"""The date that starts the id of an activity, reflection, meeting or piece of feedback."""


def _undated(stem: str) -> str:
    """The id without the date in front; empty for an id without one."""
    dated = _DATED.match(stem)
    return stem[dated.end() :] if dated else ""


def find(
    root: Path, ident: str, profile: str | None = None, kinds: Iterable[Kind] = ENTRY_KINDS
) -> Source:
    """The one entry called `ident`: its id, the start of its id or of the id's part after
    its date (`intervisie-begeleiden`), or a path to its file."""
    kinds = tuple(kinds)
    wanted = frozenset(kinds)
    if ident.endswith(".toml"):
        by_path = _by_path(root, ident, [s for s in sources(root) if s.kind in wanted])
        if by_path is not None:
            return by_path
    if profile and not (root / "profielen" / profile).is_dir():
        raise EntryNotFound(f"portfolio `{profile}` bestaat niet (--profiel of PROF_PROFIEL)")
    from profcli.authoring import normalise  # here: completion imports this module

    within = [s for s in in_scope(root, profile) if s.kind in wanted]
    name = ident.removesuffix(".toml")
    if not any(s.stem.startswith(name) for s in within):  # `Grenzen Stellen`: case, spaces
        name = normalise.as_id(name) or name
    exact = [s for s in within if s.stem == name]
    own = [s for s in exact if s.profile == profile]
    if len(exact) > 1 and len(own) == 1:  # her own goal before her team's of the same name
        return own[0]
    matches = exact or [s for s in within if s.stem.startswith(name)]
    if not matches:  # `intervisie-wijkteam` for 2026-12-06-intervisie-wijkteam: the title part
        matches = [s for s in within if _undated(s.stem).startswith(name)]
    named = list(dict.fromkeys(kinds))  # the caller's order: a set's order varies per run
    what = " of ".join(k.name for k in named) if len(named) < 3 else "stuk"
    if not matches:
        elsewhere = _places([s for s in sources(root) if s.kind in wanted], name) if profile else ""
        close = None if elsewhere else normalise.suggest(name, [s.stem for s in within])
        raise EntryNotFound(
            f"geen {what} met id `{name}`"
            + (f" in `{profile}`" if profile else "")
            + (f"; bedoelde je `{close}`?" if close else "; zie `prof list` voor de id's")
            + (f" (of laat --profiel weg: het staat in {elsewhere})" if elsewhere else "")
        )
    if len(matches) > 1:
        listed = "\n".join(f"  {s.display}" for s in matches[:20])
        more = f"\n  ... en nog {len(matches) - 20}" if len(matches) > 20 else ""
        hint = "geef het hele id" if not exact else "kies met --profiel SLUG"
        raise EntryNotFound(f"`{name}` past bij {len(matches)} stukken; {hint}:\n{listed}{more}")
    return matches[0]


def _places(candidates: list[Source], name: str) -> str:
    return ", ".join(sorted({s.profile for s in candidates if s.stem == name}))


def _by_path(root: Path, ident: str, candidates: list[Source]) -> Source | None:
    if not ident.endswith(".toml") or "/" not in ident.replace("\\", "/"):
        return None
    path = Path(ident)
    target = (path if path.is_absolute() else Path.cwd() / path).resolve()
    for source in candidates:
        if source.display == ident or source.path.resolve() == target:
            return source
    return None


def referrers(repo: Repository, source: Source) -> list[Entry]:
    """Entries that would point at nothing without this one: a goal named in `leerdoelen` of
    its own portfolio, an approval of it (`akkoorden/`), or the file given as `bewijs`
    anywhere."""
    found: list[Entry] = []
    portfolio = repo.portfolios.get(source.profile)
    if source.kind is LEERDOEL and portfolio is not None:
        found += [e for e in portfolio.entries_flat() if source.stem in e.ids("leerdoelen")]
    if portfolio is not None:
        stuk = f"{source.kind.folder}/{source.stem}"
        found += [a for a in portfolio.of(AKKOORD) if a.get("stuk") == stuk]
    found += [e for e in repo.entries() if source.display in e.ids("bewijs")]
    unique = {e.doc.display: e for e in found if e.doc.display != source.display}
    return [unique[k] for k in sorted(unique)]


# --- what an entry is called and when it is ---------------------------------------------------


def title(kind: Kind, data: Mapping[str, Any]) -> str:
    """A one-line name for any kind: `titel`, a meeting's `thema`, or what it is about."""
    for key in ("titel", "thema"):
        if isinstance(data.get(key), str) and data[key].strip():
            return str(data[key]).strip()
    if isinstance(data.get("van"), str):
        return f"feedback van {data['van']}"
    if isinstance(data.get("kader"), str):
        return f"zelftoets {data['kader']}"
    return kind.name


def when(kind: Kind, data: Mapping[str, Any]) -> dt.date | None:
    """The date a list shows: `datum`, a goal's deadline, a knowledge item's `bijgewerkt`."""
    for key in ("datum", "deadline", "bijgewerkt"):
        value = data.get(key)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
    return None


# --- listing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filters:
    """What `prof list` keeps; empty fields keep everything."""

    profile: str | None = None
    kind: str | None = None
    status: str | None = None
    tag: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    profile: str
    kind: Kind
    day: dt.date | None
    title: str
    status: str
    path: str
    valid: bool


@dataclass(frozen=True, slots=True)
class Listing:
    rows: list[Row]
    unreadable: list[Finding]
    """Problems of files that could not be read at all: they are not in `rows`."""


def listing(loaded: Loaded, filters: Filters) -> Listing:
    repo = loaded.repository
    profiles = {filters.profile} if filters.profile else None
    rows: list[Row] = []
    shown: set[str] = set()
    for portfolio in repo.sorted():
        for entry in portfolio.entries_flat():
            shown.add(entry.doc.display)
            if profiles is not None and entry.profile not in profiles:
                continue
            if _keeps(entry, filters):
                rows.append(_row(entry))
    rows.sort(key=lambda r: (r.profile, ENTRY_KINDS.index(r.kind), r.id))
    prefixes = tuple(f"profielen/{p}/" for p in profiles or ())
    unreadable = sorted(
        p
        for p in loaded.problems
        if p.severity == "fout"
        and p.path not in shown
        and p.path.startswith("profielen/")
        and (not prefixes or p.path.startswith(prefixes))
        and not p.path.endswith("/profiel.toml")
    )
    return Listing(rows, unreadable)


def _row(entry: Entry) -> Row:
    status = entry.get("status")
    return Row(
        entry.id,
        entry.profile,
        entry.kind,
        when(entry.kind, entry.data),
        title(entry.kind, entry.data),
        status if isinstance(status, str) else "",
        entry.doc.display,
        entry.valid,
    )


def _keeps(entry: Entry, filters: Filters) -> bool:
    if filters.kind and entry.kind.name != filters.kind.lower():
        return False
    if filters.status and str(entry.get("status", "")).lower() != filters.status.lower():
        return False
    if filters.tag:
        tags = {t.lower() for key in ("tags", "signalen") for t in entry.ids(key)}
        if filters.tag.lower() not in tags:
            return False
    if filters.text:
        needle = filters.text.casefold()
        if needle not in entry.id and not any(needle in t.casefold() for t in _texts(entry.data)):
            return False
    return True


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
