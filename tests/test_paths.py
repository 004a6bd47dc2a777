"""Hostile names and paths: refused with a clear message, nothing written outside the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from profcli.cli import main
from tests.authoring_repo import TEAM, WORKER, make_repo


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "binnen")
    (tmp_path / "buiten").mkdir()
    return root


def run(root: Path, *args: str) -> Result:
    result = CliRunner().invoke(main, ["--repo", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def snapshot(top: Path) -> set[str]:
    return {p.relative_to(top).as_posix() for p in top.rglob("*")}


def outside(root: Path) -> set[str]:
    """Everything under the test's tmp dir except the repository itself."""
    top = root.parent.parent
    return {p for p in snapshot(top) if not p.startswith("binnen/")}


FEEDBACK = ["--datum", "2026-01-08", "--van", "collega", "--samenvatting", "Goed", "--no-input"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "feedback", "--profiel", "../../x", *FEEDBACK], "bestaat niet"),
        (["add", "feedback", "--profiel", "..", *FEEDBACK], "bestaat niet"),
        (["add", "feedback", "--profiel", "/tmp", *FEEDBACK], "bestaat niet"),
        (["add", "feedback", "--profiel", f"{WORKER}/../{TEAM}", *FEEDBACK], "bestaat niet"),
        (["add", "feedback", "--profiel", WORKER, "--slug", "../x", *FEEDBACK], "kleine letters"),
        (["add", "feedback", "--profiel", WORKER, "--slug", "../../../x", *FEEDBACK], "kleine"),
        (["add", "feedback", "--profiel", WORKER, "--slug", "/tmp/x", *FEEDBACK], "kleine"),
        (["add", "feedback", "--profiel", WORKER, "--slug", "a/b", *FEEDBACK], "kleine letters"),
        (["add", "feedback", "--profiel", WORKER, "--slug", ".verborgen", *FEEDBACK], "kleine"),
        (["new", "Xander", "--slug", "../../x"], "kleine letters"),
        (["new", "Xander", "--slug", "/tmp/x"], "kleine letters"),
        (["new", "Xander", "--slug", ".."], "kleine letters"),
        (["new", "Xander", "--team", "../.."], "bestaat niet"),
        (["new", "...", "--team", TEAM], "kleine letters"),
    ],
)
def test_hostile_names_are_refused(repo: Path, args: list[str], message: str) -> None:
    before, inside = outside(repo), snapshot(repo)
    result = run(repo, *args)
    assert result.exit_code in (1, 2), result.output
    assert message in result.output
    assert outside(repo) == before
    assert snapshot(repo) - inside <= {".prof-cache", ".prof-cache/concepten"} | {
        p for p in snapshot(repo) if p.startswith(".prof-cache/concepten/")
    }


def test_new_with_a_path_as_name_stays_inside(repo: Path) -> None:
    """`prof new "../../x"`: the name is only a name; its slug is made of letters."""
    before = outside(repo)
    result = run(repo, "new", "../../x")
    assert result.exit_code == 0, result.output
    assert (repo / "profielen" / "x" / "profiel.toml").is_file()
    assert outside(repo) == before


def test_symlinked_portfolio_leading_out_is_not_written(repo: Path) -> None:
    away = repo.parent.parent / "buiten"
    (away / "profiel.toml").write_text(
        f'naam = "Buiten"\nsoort = "werker"\nteam = "{TEAM}"\n', encoding="utf-8"
    )
    os.symlink(away, repo / "profielen" / "buiten")
    before = snapshot(away)
    result = run(repo, "add", "feedback", "--profiel", "buiten", *FEEDBACK)
    assert result.exit_code in (1, 2), result.output
    assert snapshot(away) == before
    validated = run(repo, "validate")
    assert validated.exit_code == 1
    assert "profielen/buiten" in validated.output


def test_symlinked_kind_folder_leading_out_is_not_written(repo: Path) -> None:
    away = repo.parent.parent / "buiten"
    os.symlink(away, repo / "profielen" / WORKER / "feedback")
    result = run(repo, "add", "feedback", "--profiel", WORKER, *FEEDBACK)
    assert result.exit_code in (1, 2), result.output
    assert snapshot(away) == set()
    assert "buiten de repository" in result.output


def test_symlinked_entry_leading_out_is_reported(repo: Path) -> None:
    away = repo.parent.parent / "buiten" / "geheim.toml"
    away.write_text('datum = 2026-01-08\nvan = "collega"\nsamenvatting = "x"\n')
    folder = repo / "profielen" / WORKER / "feedback"
    folder.mkdir()
    os.symlink(away, folder / "2026-01-08-link.toml")
    result = run(repo, "validate")
    assert result.exit_code == 1
    assert "2026-01-08-link.toml" in result.output


def test_draft_outside_the_repository_writes_nothing_outside(repo: Path) -> None:
    away = repo.parent.parent / "buiten" / "concept.toml"
    away.write_text("titel = 1\n")
    before = outside(repo)
    result = run(repo, "add", "--draft", str(away))
    assert result.exit_code in (1, 2), result.output
    assert outside(repo) == before
