"""`prof validate` and check-jsonschema agree on which files break their schema.

Editors and CI may check files with any JSON Schema tool; a file that `prof validate` lets
through must not fail there, and the other way round. For every case and for the example
team, every TOML file that tomllib parses is given to check-jsonschema, once per kind for all
files of that kind; it must fail exactly the files for which `prof validate` reports a
schema finding (`schema-*`, except the `schema-kopie` warning about the repository's copy).
"""

from __future__ import annotations

import json
import subprocess
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from profcli.repository.discovery import discover
from profcli.repository.loading import Document, load
from profcli.validation import check_repository
from tests.conftest import CASES, REPO, TODAY, build_case, check_jsonschema_command

SCHEMAS = REPO / "schemas"
CASE_DIRS = sorted(
    p for group in ("valid", "invalid") for p in (CASES / group).iterdir() if p.is_dir()
)
EXAMPLE = "voorbeeldteam"


@dataclass(frozen=True, slots=True)
class Checked:
    """One TOML file as both tools see it."""

    case: str
    display: str
    kind: str
    prof_fails: bool


def _schema_level(rule: str) -> bool:
    """A finding that means the file fails its schema (a file in the wrong folder fails the
    schema of that folder; prof says so in one line instead of the schema's many)."""
    return (rule.startswith("schema-") and rule != "schema-kopie") or rule == "verkeerde-map"


def _parses(path: Path) -> bool:
    """As check-jsonschema reads it: raw UTF-8 bytes through tomllib (so no BOM)."""
    try:
        tomllib.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, OSError):
        return False
    return True


def _collect(case: str, root: Path, files: dict[Path, Checked]) -> None:
    result = check_repository(root, today=TODAY).result
    failing = {f.path for f in result.findings if _schema_level(f.rule)}
    sources, _ = discover(root)
    for source in sources:
        if not source.path.is_file():  # a FIFO case: opening it to compare would block
            continue
        # Files that prof refuses before any schema check (empty, too large) are not compared.
        if _parses(source.path) and isinstance(load(source.path, source.display), Document):
            files[source.path] = Checked(
                case, source.display, source.kind.name, source.display in failing
            )


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Checked, bool]]]:
    """Per case: every compared file with check-jsonschema's verdict (True = it fails)."""
    files: dict[Path, Checked] = {}
    for case in CASE_DIRS:
        _collect(case.name, build_case(case, tmp_path_factory.mktemp(case.name)), files)
    _collect(EXAMPLE, REPO, files)

    by_kind: dict[str, list[Path]] = defaultdict(list)
    for path, checked in files.items():
        by_kind[checked.kind].append(path)
    failing: set[Path] = set()
    for kind, paths in sorted(by_kind.items()):
        run = subprocess.run(
            [
                *check_jsonschema_command(),
                "--schemafile",
                str(SCHEMAS / f"{kind}.schema.json"),
                "-o",
                "json",
                *map(str, paths),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        report = json.loads(run.stdout)
        assert report.get("parse_errors", []) == [], report["parse_errors"]
        failing.update(Path(error["filename"]) for error in report.get("errors", []))

    result: dict[str, list[tuple[Checked, bool]]] = defaultdict(list)
    for path, checked in files.items():
        result[checked.case].append((checked, path in failing))
    return result


@pytest.mark.parametrize("case", [*(p.name for p in CASE_DIRS), EXAMPLE])
def test_prof_and_check_jsonschema_agree(
    case: str, verdicts: dict[str, list[tuple[Checked, bool]]]
) -> None:
    compared = verdicts.get(case, [])
    disagree = [
        f"{checked.display}: prof {'faalt' if checked.prof_fails else 'slaagt'}, "
        f"check-jsonschema {'faalt' if theirs else 'slaagt'}"
        for checked, theirs in compared
        if checked.prof_fails != theirs
    ]
    assert disagree == []


def test_the_comparison_covers_both_outcomes(
    verdicts: dict[str, list[tuple[Checked, bool]]],
) -> None:
    """Guard against a vacuous pass: many files are compared, and many fail on both sides."""
    everything = [item for items in verdicts.values() for item in items]
    assert len(everything) > 500
    assert sum(1 for checked, _ in everything if checked.prof_fails) >= 30
    assert {checked.kind for checked, _ in everything} == {
        "profiel",
        "leerdoel",
        "reflectie",
        "zelftoets",
        "activiteit",
        "feedback",
        "gesprek",
        "bijeenkomst",
        "kennis",
        "akkoord",
        "kader",
        "register",
    }
