"""What "today" is: one date for a whole command, in the team's time zone, never the machine's.

A CI runner keeps UTC; a worker in Rotterdam who writes an entry at 00:30 on 21 November
must not be told by that runner that 21 November lies in the future. Every command takes its
reference date from here: a fixed date (`--vandaag`, `PROF_VANDAAG`) wins, so that builds and
tests are reproducible; otherwise the wall clock, read in the team's zone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Europe/Amsterdam"
ENV_TODAY = "PROF_VANDAAG"
"""Environment variable with a fixed reference date (the same as `prof --vandaag`)."""

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")

Now = Callable[[dt.tzinfo], dt.datetime]


def _wall_clock(zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.now(zone)


def zone(name: str | None) -> dt.tzinfo:
    """The named IANA zone; an unknown or missing name falls back to Europe/Amsterdam
    (validation reports an unknown name in the team profile)."""
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def today(zone_name: str | None = None, *, now: Now | None = None) -> dt.date:
    """The calendar date in the given zone (default Europe/Amsterdam)."""
    return (now or _wall_clock)(zone(zone_name)).date()


def parse_day(text: str) -> dt.date:
    """A date as Dutch people write it: `2026-11-21` or `21-11-2026` (also with / or .).

    Raises ValueError with a Dutch message."""
    value = text.strip()
    iso = _ISO.match(value)
    dutch = _DUTCH.match(value)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dutch:
            return dt.date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
    except ValueError as e:
        raise ValueError(f"`{text}` is geen bestaande dag") from e
    raise ValueError(f"`{text}` is geen datum: schrijf 2026-11-21 of 21-11-2026")
