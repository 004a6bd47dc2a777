"""References between entries, shared by the rules that check them: a worker named by slug,
a reference into a file that could not be read, and the one suggestion for a typo."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from profcli.findings import Finding
from profcli.repository.kinds import TEAM
from profcli.repository.model import Entry, Portfolio, Repository


def valid(entry: Entry, key: str) -> Any:
    """The value at `key`, or None when the schema rejected it (reported there already)."""
    return None if key in entry.invalid_keys else entry.get(key)


def portfolio_soort(portfolio: Portfolio) -> str | None:
    """`werker` or `team`; None when the profile is missing or its `soort` is wrong."""
    profile = portfolio.profile
    if profile is None or valid(profile, "soort") is None:
        return None
    return portfolio.soort


def unread(entry: Entry, path: tuple[str | int, ...], what: str, broken: str) -> Finding:
    """A reference into a file that could not be read: not "does not exist" (a warning; the
    file's own error fails the run)."""
    return entry.doc.finding(
        path,
        "ref-niet-gelezen",
        f"{what} staat in `{broken}`, dat niet gelezen kon worden (zie de fout daar); "
        "deze verwijzing is nog niet gecontroleerd",
        severity="waarschuwing",
    )


def person(
    repo: Repository, entry: Entry, path: tuple[str | int, ...], slug: str, workers: list[str]
) -> Iterator[Finding]:
    """A reference to a worker: missing, a team, or in a profile that could not be read."""
    target = repo.portfolios.get(slug)
    broken = repo.unread(slug, "profiel", "profiel")
    if target is None and broken is not None:
        yield unread(entry, path, f"werker `{slug}`", broken)
    elif target is None:
        yield entry.doc.finding(
            path, "ref-persoon", f"werker `{slug}` bestaat niet{suggest(slug, workers)}"
        )
    elif portfolio_soort(target) == TEAM:
        yield entry.doc.finding(path, "ref-persoon", f"`{slug}` is een team, geen werker")


def suggest(word: str, options: object) -> str:
    candidates = [str(o) for o in options] if isinstance(options, list | dict | tuple | set) else []
    close = difflib.get_close_matches(word, candidates, n=1)
    return f"; bedoelde je `{close[0]}`?" if close else ""
