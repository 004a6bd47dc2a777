"""Data-driven cases: each invalid case gives exactly the lines in its `verwacht.txt`."""

from __future__ import annotations

from pathlib import Path

import pytest

from profcli.validation import check_repository
from profcli.validation.rule_ids import RULE_IDS
from tests.conftest import CASES, TODAY, build_case
from tests.signing import fresh

UNTESTABLE_HERE: set[str] = set()
"""Rule ids no case folder can produce (none now: `bestand-lezen` has the FIFO case)."""

VALID = sorted(p for p in (CASES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())


def test_basis_is_valid(tmp_path: Path) -> None:
    result = check_repository(build_case(CASES / "basis", tmp_path), today=TODAY).result
    assert [f.text() for f in result.sorted()] == []
    assert result.files_checked == 10


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_case(case: Path, tmp_path: Path) -> None:
    result = check_repository(build_case(case, tmp_path), today=TODAY).result
    assert [f.text() for f in result.sorted()] == []


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_case(case: Path, tmp_path: Path) -> None:
    expected = (case / "verwacht.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case.name}: verwacht.txt is empty"
    result = check_repository(build_case(case, tmp_path), today=TODAY).result
    assert [fresh(f.text()) for f in result.sorted()] == expected
    # Warnings alone (a stale schemas/ copy) never fail a run; any error does.
    assert result.ok == all(": waarschuwing: " in line for line in expected)


def test_every_rule_has_a_case() -> None:
    """At least one invalid case per rule id that the validator can emit."""
    seen = set()
    for case in INVALID:
        for line in (case / "verwacht.txt").read_text(encoding="utf-8").splitlines():
            seen.add(line.rsplit("[", 1)[1].rstrip("]"))
    assert sorted(set(RULE_IDS) - seen - UNTESTABLE_HERE) == []
