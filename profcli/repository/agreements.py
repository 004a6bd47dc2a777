"""A meeting's agreements (`afspraken`): plain lines, or tables that say who and whether done.

Older files hold plain strings; they stay valid and count as open agreements without an owner.
The site and the validation rules read them through `agreements`, so both agree on what is open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from profcli.repository.model import Entry


@dataclass(frozen=True, slots=True)
class Agreement:
    index: int
    """Position in the meeting's `afspraken` list (for findings and anchors)."""
    wat: str
    wie: tuple[str, ...] = ()
    klaar: bool = False
    klaar_op: dt.date | None = None

    @property
    def open(self) -> bool:
        return not self.klaar and self.klaar_op is None


def agreements(meeting: Entry) -> list[Agreement]:
    """The readable agreements of a meeting; malformed items are left to the schema check."""
    value = meeting.get("afspraken")
    found: list[Agreement] = []
    for index, item in enumerate(value if isinstance(value, list) else []):
        if isinstance(item, str) and item.strip():
            found.append(Agreement(index, item))
        elif isinstance(item, dict) and isinstance(item.get("wat"), str):
            wie = item.get("wie")
            day = item.get("klaar_op")
            found.append(
                Agreement(
                    index,
                    item["wat"],
                    tuple(w for w in wie if isinstance(w, str)) if isinstance(wie, list) else (),
                    item.get("klaar") is True,
                    day if isinstance(day, dt.date) and not isinstance(day, dt.datetime) else None,
                )
            )
    return found
