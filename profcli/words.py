"""The domain's words as names: a typo in one of these fails mypy, not a user.

The values are the Dutch words of the TOML files and the CLI; members are `StrEnum`s, so they
compare equal to the strings read from a file (`entry.get("status") in OPEN_STATUSES`).
"""

from __future__ import annotations

from enum import StrEnum


class Soort(StrEnum):
    """What a portfolio is (`soort` in profiel.toml)."""

    WERKER = "werker"
    TEAM = "team"


class Status(StrEnum):
    """Where a learning goal stands."""

    GEPLAND = "gepland"
    BEZIG = "bezig"
    BEHAALD = "behaald"
    GESTOPT = "gestopt"


OPEN_STATUSES: frozenset[str] = frozenset({Status.GEPLAND, Status.BEZIG})
"""Goals still to work on: they have deadlines that can pass."""


class Zichtbaarheid(StrEnum):
    """Who may see an entry on a built site (`zichtbaarheid`)."""

    PRIVE = "prive"
    TEAM = "team"
    PUBLIEK = "publiek"


class Publiek(StrEnum):
    """For whom a site is built (`prof build --voor`, `voor:` in mkdocs.yml)."""

    TEAM = "team"
    PUBLIEK = "publiek"


AUDIENCES: tuple[str, ...] = tuple(a.value for a in Publiek)
