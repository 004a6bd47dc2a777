"""The whole-run snapshot: reused only while nothing that validation reads has changed."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from profcli import snapshot
from profcli.validation import validate
from tests.conftest import CASES, TODAY, build_case


def _aged(root: Path) -> Path:
    """Every file an hour old, so that no entry is 'racy' and the snapshot may be stored."""
    past = time.time() - 3600
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            os.utime(Path(folder) / name, (past, past), follow_symlinks=False)
    return root


def _repo(tmp_path: Path) -> Path:
    root = build_case(CASES / "basis", tmp_path)
    goal = root / "profielen/eva-de-wit/leerdoelen/grenzen-stellen.toml"
    goal.write_text(goal.read_text().replace('status = "bezig"', 'status = "klaar"'))
    return _aged(root)


def _texts(result: object) -> list[str]:
    return [f.text() for f in result.sorted()]  # type: ignore[attr-defined]


def test_second_run_comes_from_the_snapshot_with_the_same_findings(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    first = validate(root, today=TODAY, cache=True)
    assert snapshot.Probe(root, TODAY).hit is not None
    second = validate(root, today=TODAY, cache=True)
    assert _texts(second) == _texts(first) == _texts(validate(root, today=TODAY))
    assert second.files_checked == first.files_checked == 10


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    validate(root, today=TODAY, cache=True)
    goal = root / "profielen/eva-de-wit/leerdoelen/grenzen-stellen.toml"
    goal.write_text(goal.read_text().replace('status = "klaar"', 'status = "bezig"'))
    assert snapshot.Probe(root, TODAY).hit is None
    assert validate(root, today=TODAY, cache=True).ok


def test_an_added_file_and_a_removed_evidence_file_are_noticed(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    validate(root, today=TODAY, cache=True)
    (root / "bewijs/training.md").unlink()
    assert snapshot.Probe(root, TODAY).hit is None
    rules = {f.rule for f in validate(root, today=TODAY, cache=True).findings}
    assert "bewijs-ontbreekt" in rules
    _aged(root)
    validate(root, today=TODAY, cache=True)
    extra = root / "profielen/eva-de-wit/feedback/2026-02-16-collega.toml"
    extra.write_text('datum = 2026-02-16\nvan = "collega"\nsamenvatting = "Goed gedaan."\n')
    assert snapshot.Probe(root, TODAY).hit is None


def test_another_day_is_another_run(tmp_path: Path) -> None:
    """`datum-toekomst` depends on the date, so a snapshot holds for one day only."""
    root = _repo(tmp_path)
    validate(root, today=TODAY, cache=True)
    assert snapshot.Probe(root, TODAY + dt.timedelta(days=1)).hit is None


def test_a_run_right_after_a_write_stores_no_snapshot(tmp_path: Path) -> None:
    """A file written within the racy window could change again unseen (same size, same
    timestamp tick): such a run leaves no snapshot behind."""
    root = _repo(tmp_path)
    (root / "profielen/eva-de-wit/profiel.toml").touch()
    validate(root, today=TODAY, cache=True)
    assert snapshot.Probe(root, TODAY).hit is None


def test_selection_from_the_snapshot(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    validate(root, today=TODAY, cache=True)
    only = validate(root, today=TODAY, cache=True, only=[root / "profielen/team-zuid"])
    assert (only.files_checked, only.findings) == (4, [])


def test_a_damaged_snapshot_is_ignored(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    expected = _texts(validate(root, today=TODAY, cache=True))
    for stored in (root / ".prof-cache").glob("snapshot-*.json"):
        stored.write_text('{"vandaag": "2026-11-22", "meldingen": [[1]]')
    assert _texts(validate(root, today=TODAY, cache=True)) == expected
