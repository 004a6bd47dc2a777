"""The reference date: the team's calendar day, whatever zone the machine runs in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli import clock
from profcli.cli import main
from tests.conftest import CASES, build_case

UTC = dt.UTC


def at(utc: str) -> clock.Now:
    """A clock that stands still at the given UTC moment."""
    moment = dt.datetime.fromisoformat(utc).replace(tzinfo=UTC)
    return lambda zone: moment.astimezone(zone)


def test_just_after_midnight_in_rotterdam_is_already_the_next_day() -> None:
    # 23:30 UTC on 20 November is 00:30 on 21 November in Rotterdam (CET, UTC+1).
    now = at("2026-11-20T23:30:00")
    assert clock.today(now=now) == dt.date(2026, 11, 21)
    assert clock.today("UTC", now=now) == dt.date(2026, 11, 20)


def test_summer_time_is_taken_into_account() -> None:
    # 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam (CEST, UTC+2).
    assert clock.today(now=at("2026-06-30T22:30:00")) == dt.date(2026, 7, 1)
    assert clock.today(now=at("2026-06-30T21:30:00")) == dt.date(2026, 6, 30)


def test_a_team_in_the_caribbean_has_its_own_day() -> None:
    # 02:00 UTC on 21 November is still 20 November on Bonaire (UTC-4).
    assert clock.today("America/Kralendijk", now=at("2026-11-21T02:00:00")) == dt.date(2026, 11, 20)


def test_an_unknown_zone_falls_back_to_amsterdam() -> None:
    assert clock.today("Mars/Olympus", now=at("2026-11-20T23:30:00")) == dt.date(2026, 11, 21)
    assert not clock.known_zone("Mars/Olympus")
    assert clock.known_zone("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-11-21", dt.date(2026, 11, 21)),
        ("21-11-2026", dt.date(2026, 11, 21)),
        ("1-3-2026", dt.date(2026, 3, 1)),
        ("21/11/2026", dt.date(2026, 11, 21)),
        (" 21.11.2026 ", dt.date(2026, 11, 21)),
    ],
)
def test_dutch_and_iso_dates(text: str, day: dt.date) -> None:
    assert clock.parse_day(text) == day


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31-02-2026", "`31-02-2026` is geen bestaande dag: februari 2026 heeft 28 dagen"),
        ("31-11-2026", "`31-11-2026` is geen bestaande dag: november 2026 heeft 30 dagen"),
        ("morgen", "`morgen` is geen datum; schrijf bijvoorbeeld 21-11-2026, vandaag of gisteren"),
        ("11/21/2026", "`11/21/2026` is geen bestaande dag: een jaar heeft 12 maanden"),
    ],
)
def test_what_is_not_a_date(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(") + "$"):
        clock.parse_day(text)


def _validate(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["-C", str(root), *args, "validate", "--no-cache"])
    return result.exit_code, result.stdout


def test_validate_takes_the_reference_date_from_the_option(tmp_path: Path) -> None:
    root = build_case(CASES / "invalid" / "bijgewerkt-toekomst", tmp_path)
    code, out = _validate(root, "--vandaag", "2026-11-22")
    assert code == 1
    assert "2026-11-23 ligt in de toekomst [datum-toekomst]" in out
    code, out = _validate(root, "--vandaag", "23-11-2026")
    assert code == 0, out


def test_validate_uses_the_team_zone_not_the_machine_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a UTC runner at 23:30 on 22 November it is already 23 November in Rotterdam."""
    root = build_case(CASES / "invalid" / "bijgewerkt-toekomst", tmp_path)
    monkeypatch.delenv("PROF_VANDAAG")
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setattr(clock, "_wall_clock", at("2026-11-22T23:30:00"))
    code, out = _validate(root)
    assert code == 0, out
    monkeypatch.setattr(clock, "_wall_clock", at("2026-11-22T22:30:00"))
    code, out = _validate(root)
    assert code == 1
    assert "[datum-toekomst]" in out
