"""Approvals (`akkoorden/`): which entry each one is about, and whether it still holds.

An approval holds when git's history shows it was committed, signed by a key that a lead of
the worker's team held trusted at that moment (`history`), and when the entry still has the
content it had then (`digest`). Everything that reads approvals (validation, the site, the
dossier, `prof approve`) asks `approvals(repo)`, which reads the history once per load.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any

from profcli.repository import history
from profcli.repository.kinds import AKKOORD, BY_FOLDER
from profcli.repository.model import Entry, Repository

CACHE_DIR = ".prof-cache"

HOLDS = history.VALID
CHANGED = "gewijzigd"
"""Signed and trusted, but the entry changed afterwards."""
UNCOMMITTED = "niet-vastgelegd"
NO_HISTORY = "geschiedenis"


def digest(data: dict[str, Any]) -> str:
    """A fingerprint of an entry's content: its parsed TOML as canonical JSON, so that
    comments, spacing, key order and line endings change nothing and every value does."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_iso)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _iso(value: object) -> str:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def file_stem(entry: Entry) -> str:
    """The approval file's name for `entry` (`gesprekken-2026-11-12-jaargesprek`)."""
    return f"{entry.kind.folder}-{entry.id}"


def target_of(repo: Repository, approval: Entry) -> Entry | None:
    """The entry an approval's `stuk` names (`gesprekken/2026-11-12-jaargesprek`), if any."""
    stuk = approval.get("stuk")
    if not isinstance(stuk, str) or "/" not in stuk or "stuk" in approval.invalid_keys:
        return None
    folder, _, ident = stuk.partition("/")
    kind = BY_FOLDER.get(folder)
    portfolio = repo.portfolios.get(approval.profile)
    if kind is None or portfolio is None:
        return None
    return portfolio.entries.get(kind.name, {}).get(ident)


@dataclass(frozen=True, slots=True)
class Approval:
    """One approval file and what the history says of it."""

    entry: Entry
    target: Entry | None
    state: str
    """`geldig`, `gewijzigd` (holds, but the entry changed since), `niet-vastgelegd`,
    `geschiedenis` (no history to check it against: `missing` says why) or one of
    `history.Verdict.outcome`'s reasons why not."""
    verdict: history.Verdict | None
    missing: str | None = None

    @property
    def lead(self) -> str:
        return self.verdict.signer if self.verdict and self.state in (HOLDS, CHANGED) else ""

    @property
    def day(self) -> dt.date | None:
        value = self.entry.get("datum")
        return value if isinstance(value, dt.date) else None

    @property
    def holds(self) -> bool:
        """Signed, trusted, and about the entry as it stands."""
        return self.state == HOLDS


@dataclass(slots=True)
class Approvals:
    history: history.History
    all: list[Approval]

    def of(self, entry: Entry) -> Approval | None:
        """The approval of `entry` (the newest if there are several), or None."""
        found = [a for a in self.all if a.target is entry]
        return max(found, key=lambda a: (a.day or dt.date.min, a.entry.id)) if found else None


def approvals(repo: Repository) -> Approvals:
    """Every approval in `repo` with its state; the history is read once per loaded repository
    and only when there is something to read it for (an approval, or a key in a profile)."""
    known = repo.derived.get("akkoorden")
    if isinstance(known, Approvals):
        return known
    entries = [e for p in repo.sorted() for e in p.of(AKKOORD)]
    keyed = any(history.keys_in(p.profile.data) for p in repo.sorted() if p.profile is not None)
    read = history.read(repo.root, repo.root / CACHE_DIR) if entries or keyed else history.History()
    found = Approvals(read, [_state(repo, read, e) for e in entries])
    repo.derived["akkoorden"] = found
    return found


def _state(repo: Repository, read: history.History, entry: Entry) -> Approval:
    target = target_of(repo, entry)
    path = entry.doc.display
    if read.missing is not None:
        return Approval(entry, target, NO_HISTORY, None, read.missing)
    if path in read.uncommitted or path not in read.approvals:
        return Approval(entry, target, UNCOMMITTED, read.approvals.get(path))
    verdict = read.approvals[path]
    worker = repo.portfolios.get(entry.profile)
    if verdict.outcome == history.VALID and worker is not None and verdict.signer == worker.naam:
        # a lead who is also this worker: never her own approval
        verdict = replace(verdict, outcome="eigen", signer=worker.slug)
    if verdict.outcome != history.VALID:
        return Approval(entry, target, verdict.outcome, verdict)
    if target is not None and entry.get("inhoud") != digest(target.data):
        return Approval(entry, target, CHANGED, verdict)
    return Approval(entry, target, HOLDS, verdict)
