"""Loading apart from validation, and totals that never leave a file out without a word."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli.cli import main
from profcli.repository.loader import load
from tests.conftest import REPO

WORKER = "sanne-de-boer"
BROKEN = "2024-03-14-training-motiverende-gespreksvoering"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The example team with one activity whose `uren` is text ("zes")."""
    root = tmp_path / "team"
    for name in ("profielen", "schemas", "bewijs"):
        shutil.copytree(REPO / name, root / name, symlinks=True)
    path = root / "profielen" / WORKER / "activiteiten" / f"{BROKEN}.toml"
    text = path.read_text(encoding="utf-8")
    assert "\nuren = 12\n" in text
    path.write_text(text.replace("\nuren = 12\n", '\nuren = "zes"\n'), encoding="utf-8")
    return root


def prof(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["-C", str(root), "--vandaag", "2026-11-22", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_load_keeps_the_entry_but_reports_it(broken: Path) -> None:
    loaded = load(broken)
    assert not loaded.complete
    [problem] = loaded.problems
    assert problem.path == f"profielen/{WORKER}/activiteiten/{BROKEN}.toml"
    assert (problem.line, problem.rule) == (5, "schema-type")
    entry = loaded.repository.portfolios[WORKER].entries["activiteit"][BROKEN]
    assert not entry.valid
    assert entry.invalid_keys == frozenset({"uren"})
    assert loaded.problems_for("noor-bakker") == []
    assert loaded.problems_for(WORKER) == [problem]


def test_load_runs_no_rule_and_no_privacy_scan(tmp_path: Path) -> None:
    """A reference that does not resolve and a phone number are validation's business."""
    root = tmp_path / "team"
    shutil.copytree(REPO / "profielen", root / "profielen")
    goal = root / "profielen" / WORKER / "leerdoelen" / "nieuw.toml"
    goal.write_text(
        'titel = "Bel 06-12345678"\nstatus = "bezig"\ncompetenties = ["bestaat-niet"]\n',
        encoding="utf-8",
    )
    assert load(root).problems == []
    code, out, _ = prof(root, "validate", "--no-cache")
    assert code == 1
    assert "[privacy-telefoon]" in out and "[ref-kader-item]" in out


def test_status_says_the_totals_are_incomplete_and_names_the_file(broken: Path) -> None:
    code, out, _ = prof(broken, "status", WORKER)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("Let op: deze cijfers zijn onvolledig.")
    assert any(f"{BROKEN}.toml:5:8: fout: `uren` moet een getal zijn" in line for line in lines)
    assert "Sanne de Boer (sanne-de-boer)" in lines


def test_status_of_an_unaffected_worker_is_complete(broken: Path) -> None:
    code, out, _ = prof(broken, "status", "noor-bakker")
    assert code == 0
    assert "Noor Bakker (noor-bakker)" in out
    assert "onvolledig" not in out


def test_status_of_the_team_is_incomplete_too(broken: Path) -> None:
    team = next(
        p.parent.name
        for p in (broken / "profielen").glob("*/profiel.toml")
        if 'soort = "team"' in p.read_text(encoding="utf-8")
    )
    code, out, _ = prof(broken, "status", team)
    assert code == 1
    assert "onvolledig" in out.splitlines()[0]


def test_export_refuses_an_incomplete_dossier(broken: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "dossier"
    code, _, err = prof(broken, "export", WORKER, "--out", str(out_dir))
    assert code == 1
    assert "fout: geen dossier gemaakt" in err and f"{BROKEN}.toml" in err
    assert not out_dir.exists()


def test_export_draft_says_so_on_every_page(broken: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "dossier"
    code, out, _ = prof(broken, "export", WORKER, "--out", str(out_dir), "--concept")
    assert code == 0
    assert out.startswith("Onvolledig concept geschreven")
    rows = list(csv.reader((out_dir / "dossier.csv").open(encoding="utf-8-sig"), delimiter=";"))
    assert rows[0][0].startswith("CONCEPT, ONVOLLEDIG") and BROKEN in rows[0][0]
    markdown = (out_dir / "dossier.md").read_text(encoding="utf-8")
    assert "CONCEPT, ONVOLLEDIG" in markdown.split("\n## ")[0]
    page = (out_dir / "dossier.html").read_text(encoding="utf-8")
    assert '<p class="concept">CONCEPT, ONVOLLEDIG' in page


def test_a_complete_repository_exports_without_draft_marks(tmp_path: Path) -> None:
    root = tmp_path / "team"
    for name in ("profielen", "schemas", "bewijs"):
        shutil.copytree(REPO / name, root / name, symlinks=True)
    out_dir = tmp_path / "dossier"
    code, out, _ = prof(root, "export", WORKER, "--out", str(out_dir))
    assert code == 0, out
    assert "CONCEPT" not in (out_dir / "dossier.csv").read_text(encoding="utf-8")
