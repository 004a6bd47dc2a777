"""`prof validate` from the outside: exact exit codes and exact lines."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli.cli import main
from tests.conftest import CASES, REPO, build_case
from tests.signing import fresh

INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=cwd) if cwd is None else _chdir(cwd):
        result = runner.invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


class _chdir:
    def __init__(self, path: Path) -> None:
        self.path, self.old = path, Path.cwd()

    def __enter__(self) -> None:
        import os

        os.chdir(self.path)

    def __exit__(self, *exc: object) -> None:
        import os

        os.chdir(self.old)


def test_example_team_is_valid() -> None:
    code, out, _ = run("validate", "profielen", cwd=REPO)
    assert code == 0, out
    assert out.splitlines()[-1].endswith(": 0 fouten, 0 waarschuwingen")


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_case_through_the_cli(case: Path, tmp_path: Path) -> None:
    """Every invalid case: no traceback, its expected lines, a summary, the right exit code."""
    root = build_case(case, tmp_path)
    expected = (case / "verwacht.txt").read_text(encoding="utf-8").splitlines()
    code, out, _ = run("validate", cwd=root)
    lines = out.splitlines()
    assert [fresh(line) for line in lines[:-1]] == expected
    assert "bestanden gecontroleerd" in lines[-1] or "bestand gecontroleerd" in lines[-1]
    has_error = any(": fout: " in line for line in expected)
    assert code == (1 if has_error else 0)


def _broken(tmp_path: Path) -> Path:
    root = build_case(CASES / "basis", tmp_path)
    goal = root / "profielen/eva-de-wit/leerdoelen/grenzen-stellen.toml"
    goal.write_text(goal.read_text().replace('status = "bezig"', 'status = "klaar"'))
    return root


BROKEN_LINE = (
    'profielen/eva-de-wit/leerdoelen/grenzen-stellen.toml:3:10: fout: `status` = "klaar" is '
    "geen geldige keuze; kies uit: gepland, bezig, behaald, gestopt [schema-keuze]"
)


def test_text_format_exact(tmp_path: Path) -> None:
    code, out, _ = run("validate", cwd=_broken(tmp_path))
    assert code == 1
    assert out.splitlines() == [BROKEN_LINE, "10 bestanden gecontroleerd: 1 fout, 0 waarschuwingen"]


def test_single_file_is_checked_in_context(tmp_path: Path) -> None:
    """A reflection that links a goal validates alone: the goal is found in the repository."""
    root = build_case(CASES / "basis", tmp_path)
    code, out, _ = run(
        "validate", "profielen/eva-de-wit/reflecties/2026-02-10-huisbezoek.toml", cwd=root
    )
    assert (code, out.splitlines()) == (0, ["1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen"])


def test_selection_hides_other_files(tmp_path: Path) -> None:
    root = _broken(tmp_path)
    code, out, _ = run("validate", "profielen/team-zuid", cwd=root)
    assert code == 0
    assert out.splitlines() == ["4 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen"]


def test_json_format(tmp_path: Path) -> None:
    code, out, err = run("validate", "--format", "json", cwd=_broken(tmp_path))
    data = json.loads(out)
    assert code == 1
    assert data["fouten"] == 1 and data["bestanden"] == 10
    assert data["meldingen"][0] == {
        "pad": "profielen/eva-de-wit/leerdoelen/grenzen-stellen.toml",
        "regel": 3,
        "kolom": 10,
        "ernst": "fout",
        "code": "schema-keuze",
        "melding": '`status` = "klaar" is geen geldige keuze; '
        "kies uit: gepland, bezig, behaald, gestopt",
    }
    assert "1 fout" in err


def test_github_format(tmp_path: Path) -> None:
    code, out, _ = run("validate", "--format", "github", cwd=_broken(tmp_path))
    assert code == 1
    assert out.splitlines() == [
        "::error file=profielen/eva-de-wit/leerdoelen/grenzen-stellen.toml,line=3,col=10,"
        'title=schema-keuze::`status` = "klaar" is geen geldige keuze; kies uit: gepland, bezig, '
        "behaald, gestopt [schema-keuze]"
    ]


def test_junit_format(tmp_path: Path) -> None:
    code, out, _ = run("validate", "--format", "junit", cwd=_broken(tmp_path))
    suite = ET.fromstring(out)
    assert code == 1
    assert suite.get("failures") == "1"
    failure = suite.find("testcase/failure")
    assert failure is not None and failure.get("type") == "schema-keuze"


def test_missing_path_is_usage_error(tmp_path: Path) -> None:
    root = build_case(CASES / "basis", tmp_path)
    code, _, err = run("validate", "bestaat-niet.toml", cwd=root)
    assert code == 2
    assert "bestaat-niet.toml" in err


def test_no_repository_is_usage_error(tmp_path: Path) -> None:
    code, _, err = run("validate", cwd=tmp_path)
    assert code == 2
    assert "geen team-repository gevonden" in err


def test_path_outside_repository_is_usage_error(tmp_path: Path) -> None:
    root = build_case(CASES / "basis", tmp_path)
    outside = tmp_path / "elders.toml"
    outside.write_text('titel = "x"\n')
    code, _, err = run("validate", str(outside), cwd=root)
    assert code == 2
    assert "buiten de repository" in err


def test_unknown_format_is_usage_error(tmp_path: Path) -> None:
    code, _, err = run("validate", "--format", "xml", cwd=build_case(CASES / "basis", tmp_path))
    assert code == 2
    assert "xml" in err


def test_copy_of_example_validates(example_copy: Path) -> None:
    shutil.rmtree(example_copy / "schemas")
    code, out, _ = run("validate", cwd=example_copy)
    assert code == 0, out
