"""`prof status` and `prof export`: the same hours as profcli.hours, and the dossier files."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from profcli import hours
from profcli.cli.asking import load
from tests.authoring_repo import prof

EXAMPLE = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)
WORKER = "sanne-de-boer"


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "voorbeeld"
    for name in ("profielen", "schemas", "bewijs"):
        if (EXAMPLE / name).is_dir():
            shutil.copytree(EXAMPLE / name, root / name, symlinks=True)
    monkeypatch.setenv("PROF_VANDAAG", TODAY.isoformat())
    return root


def logged_by_hand(root: Path, worker: str, start: dt.date, end: dt.date) -> dict[str, float]:
    """The worker's hours straight from the TOML files, without profcli.hours."""
    sums = dict.fromkeys(hours.CATEGORIES, 0.0)
    for path in (root / "profielen" / worker / "activiteiten").glob("*.toml"):
        data = tomllib.loads(path.read_text())
        if start <= data["datum"] < end:
            sums[data["categorie"]] += data["uren"]
    team = tomllib.loads((root / "profielen" / worker / "profiel.toml").read_text())["team"]
    for path in (root / "profielen" / team / "bijeenkomsten").glob("*.toml"):
        data = tomllib.loads(path.read_text())
        if start <= data["datum"] < end and worker in data["deelnemers"]:
            sums["reflectie"] += data["duur_uren"]
    return sums


def test_export_totals_equal_logged_plus_meeting_hours(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "dossier"
    result = prof(example, "export", WORKER, "--out", str(out))
    assert result.exit_code == 0, result.output
    repo = load(example)
    report = hours.report(repo, repo.portfolios[WORKER], TODAY)
    expected = logged_by_hand(example, WORKER, report.start, report.end)
    with (out / "dossier.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    from_csv = dict.fromkeys(hours.CATEGORIES, 0.0)
    for row in rows:
        from_csv[row["categorie"]] += float(row["uren"])
    assert from_csv == pytest.approx(expected)
    assert {r["bron"] for r in rows} == {"activiteit", "bijeenkomst"}
    markdown = (out / "dossier.md").read_text()
    for category in hours.CATEGORIES:
        assert f"| {category} | {expected[category]:g} |" in markdown
    status = prof(example, "status", WORKER)
    for category in hours.CATEGORIES:
        assert f"{category:<10} {report.counted[category]:g}/" in status.output


def test_export_with_cycle_start(example: Path, tmp_path: Path) -> None:
    result = prof(example, "export", WORKER, "--cyclus", "2018-01-01", "--out", str(tmp_path / "d"))
    assert result.exit_code == 0
    assert "- Cyclus: 2018-01-01 t/m 2022-12-31" in (tmp_path / "d" / "dossier.md").read_text()
    assert (tmp_path / "d" / "dossier.csv").read_text().count("\n") == 1  # header only


def test_export_refuses_a_team(example: Path) -> None:
    result = prof(example, "export", "wijkteam-feijenoord-noord")
    assert result.exit_code == 2
    assert "`wijkteam-feijenoord-noord` is geen werker" in result.output


def test_status_of_a_worker(example: Path) -> None:
    result = prof(example, "status", WORKER)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Sanne de Boer (sanne-de-boer)"
    assert "Open leerdoelen:" in lines
    assert any(line.startswith("Uren in de cyclus 2023-09-01 t/m 2028-08-31") for line in lines)
    assert any(line.startswith("Laatste reflectie: ") for line in lines)
    assert "\x1b[" not in result.output


def test_status_marks_overdue_goals(example: Path) -> None:
    goal = example / "profielen" / WORKER / "leerdoelen" / "oud.toml"
    goal.write_text('titel = "Oud doel"\nstatus = "bezig"\ndeadline = 2020-01-01\n')
    result = prof(example, "status", WORKER)
    assert "  - Oud doel [bezig] deadline 2020-01-01 (te laat)" in result.output


def test_status_of_the_team_is_one_table(example: Path) -> None:
    result = prof(example, "status", "wijkteam-feijenoord-noord")
    assert result.exit_code == 0
    repo = load(example)
    team = repo.portfolios["wijkteam-feijenoord-noord"]
    header = next(line for line in result.output.splitlines() if line.startswith("werker"))
    assert "scholing" in header and "dagen sinds zelftoets" in header
    for worker in repo.workers():
        if repo.team_of(worker) is team:
            assert any(line.startswith(worker.slug + " ") for line in result.output.splitlines())


def test_status_unknown_slug(example: Path) -> None:
    result = prof(example, "status", "niemand")
    assert result.exit_code == 2
    assert "portfolio `niemand` bestaat niet" in result.output


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from profcli.cli.status import use_colour

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    monkeypatch.delenv("NO_COLOR")
    assert not use_colour()
