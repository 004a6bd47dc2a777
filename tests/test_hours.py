"""Hours per category: logged activities plus credited team meetings, against the norm."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from profcli import hours
from profcli.validation import check_repository
from tests.conftest import CASES, TODAY, build_case


def _repo(tmp_path: Path):  # type: ignore[no-untyped-def]
    return check_repository(build_case(CASES / "basis", tmp_path), today=TODAY).repository


def test_meeting_hours_are_credited_as_reflection(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    report = hours.report(repo, repo.portfolios["eva-de-wit"], TODAY)
    assert (report.start, report.end) == (dt.date(2022, 1, 1), dt.date(2027, 1, 1))
    assert report.totals == {"scholing": 8.0, "reflectie": 2.0, "overig": 0.0}
    assert [(line.bron, line.id) for line in report.lines] == [
        ("activiteit", "2026-01-20-training-de-escalatie"),
        ("bijeenkomst", "2026-03-12-leercirkel-schulden"),
    ]
    assert report.missing == {"scholing": 52.0, "reflectie": 38.0, "overig": 20.0}


def test_cycle_rolls_forward_in_whole_cycles(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    report = hours.report(repo, repo.portfolios["eva-de-wit"], dt.date(2027, 3, 1))
    assert (report.start, report.end) == (dt.date(2027, 1, 1), dt.date(2032, 1, 1))
    assert report.totals == {"scholing": 0.0, "reflectie": 0.0, "overig": 0.0}


def test_explicit_cycle_start_and_visibility_filter(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    worker = repo.portfolios["eva-de-wit"]
    only_meetings = hours.report(
        repo,
        worker,
        TODAY,
        start=dt.date(2026, 2, 1),
        visible=lambda e: e.kind.name == "bijeenkomst",
    )
    assert only_meetings.start == dt.date(2026, 2, 1)
    assert only_meetings.totals["reflectie"] == 2.0
    assert only_meetings.totals["scholing"] == 0.0


def test_overig_is_capped_by_the_norm(tmp_path: Path) -> None:
    root = build_case(CASES / "basis", tmp_path)
    folder = root / "profielen/eva-de-wit/activiteiten"
    for day in range(1, 4):
        (folder / f"2026-05-0{day}-lezen.toml").write_text(
            f'datum = 2026-05-0{day}\ntitel = "Vakliteratuur"\ncategorie = "overig"\nuren = 10\n'
        )
    repo = check_repository(root, today=TODAY).repository
    report = hours.report(repo, repo.portfolios["eva-de-wit"], TODAY)
    assert report.totals["overig"] == 30.0
    assert report.counted["overig"] == 20.0
    assert report.missing["overig"] == 0.0
