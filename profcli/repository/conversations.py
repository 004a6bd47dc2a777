"""A worker's conversations with her team lead (`gesprekken/`) and what was agreed in them.

The Cao Sociaal Werk (art. 3.2) asks for a periodic conversation at least once a year about
professional development, with its outcomes in writing: `soort = "periodiek"`. What follows
from a conversation is read here once, for `prof status`, the site and `prof prepare`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from profcli.repository.model import Entry

YEARLY_DAYS = 365
"""A periodic conversation is due when the last one is more than this many days ago."""


@dataclass(frozen=True, slots=True)
class Agreement:
    """One `[[afspraken]]` table of a conversation."""

    conversation: Entry
    index: int
    wat: str
    wie: str
    deadline: dt.date | None
    klaar: bool

    def overdue(self, today: dt.date) -> bool:
        return not self.klaar and self.deadline is not None and self.deadline < today


def agreements(conversations: Iterable[Entry]) -> list[Agreement]:
    """Every agreement, open ones first (by deadline, none last), then the done ones."""
    found: list[Agreement] = []
    for entry in conversations:
        if "afspraken" in entry.invalid_keys:
            continue
        items = entry.get("afspraken")
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or not isinstance(item.get("wat"), str):
                continue
            deadline = item.get("deadline")
            found.append(
                Agreement(
                    entry,
                    index,
                    item["wat"],
                    str(item.get("wie") or "werker"),
                    deadline if isinstance(deadline, dt.date) else None,
                    item.get("klaar") is True,
                )
            )
    far = dt.date.max
    return sorted(found, key=lambda a: (a.klaar, a.deadline or far, a.conversation.id, a.index))


def last_periodic(conversations: Iterable[Entry]) -> dt.date | None:
    days = [c.datum for c in conversations if c.get("soort") == "periodiek" and c.datum]
    return max(days) if days else None


def periodic_due(conversations: Iterable[Entry], today: dt.date) -> bool:
    """No periodic conversation at all, or the last one more than a year ago."""
    last = last_periodic(conversations)
    return last is None or (today - last).days > YEARLY_DAYS
