"""What "today" is: one date for a whole command, in the team's time zone, never the machine's.

A CI runner keeps UTC; a worker in Rotterdam who writes an entry at 00:30 on 21 November
must not be told by that runner that 21 November lies in the future. Every command takes its
reference date from `reference_day` (through `Repository.today` where the repository is
loaded): a fixed date (`--vandaag`, `PROF_VANDAAG`) wins, so that builds and tests are
reproducible; an overview of an example team then takes the example's own date; otherwise
the wall clock, read in the team's zone.
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


def reference_day(
    fixed: dt.date | None, zone_name: str | None = None, example: dt.date | None = None
) -> dt.date:
    """The one rule for a command's "today": `fixed` (`--vandaag`, PROF_VANDAAG) wins; then
    `example`, an example team's own date (`voorbeeld_peildatum`), which only overviews pass
    so that a demo does not age; else the calendar date in the team's zone."""
    return fixed or example or today(zone_name)


RELATIVE_DAYS = {"vandaag": 0, "gisteren": 1, "eergisteren": 2}
"""Words for a day counted back from the command's reference date."""

_MONTHS: tuple[str, ...] = ("januari", "februari", "maart", "april", "mei", "juni", "juli")
_MONTHS += ("augustus", "september", "oktober", "november", "december")


def read_day(text: str, today: dt.date) -> dt.date:
    """The one date rule for everything a person types (options, prompts, `--zet`):
    `vandaag`, `gisteren`, `eergisteren` (from `today`), `21-11-2026` or `2026-11-21`.

    Raises ValueError with one Dutch sentence."""
    word = text.strip().lower()
    if word in RELATIVE_DAYS:
        return today - dt.timedelta(days=RELATIVE_DAYS[word])
    return parse_day(text)


def shown(day: dt.date) -> str:
    """A date as the terminal and the dossier show it to a person: 21-11-2026."""
    return day.strftime("%d-%m-%Y")


def parse_day(text: str) -> dt.date:
    """A date as Dutch people write it: `2026-11-21` or `21-11-2026` (also with / or .).

    Raises ValueError with a Dutch message."""
    value = text.strip()
    iso = _ISO.match(value)
    dutch = _DUTCH.match(value)
    parts = (iso[1], iso[2], iso[3]) if iso else (dutch[3], dutch[2], dutch[1]) if dutch else None
    if parts is None:
        raise ValueError(
            f"`{text.strip()}` is geen datum; schrijf bijvoorbeeld 21-11-2026, vandaag of gisteren"
        )
    year, month, day = (int(p) for p in parts)
    try:
        return dt.date(year, month, day)
    except ValueError as e:
        if 1 <= month <= 12:
            last = ((dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)).day
            why = f"{_MONTHS[month - 1]} {year} heeft {last} dagen"
        else:
            why = "een jaar heeft 12 maanden"
        raise ValueError(f"`{text.strip()}` is geen bestaande dag: {why}") from e
