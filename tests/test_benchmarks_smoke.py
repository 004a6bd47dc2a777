"""The benchmark scripts still run (tiny sizes, no timing assertions), so they don't rot."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_generate_is_valid_and_deterministic(tmp_path: Path) -> None:
    _run("generate.py", "--werkers", "3", "--out", str(tmp_path / "a"), "--seed", "5")
    _run("generate.py", "--werkers", "3", "--out", str(tmp_path / "b"), "--seed", "5")
    a, b = tmp_path / "a", tmp_path / "b"
    files = sorted(p.relative_to(a) for p in (a / "profielen").rglob("*.toml"))
    assert len(files) > 200
    assert files == sorted(p.relative_to(b) for p in (b / "profielen").rglob("*.toml"))
    for rel in files:
        text = (tmp_path / "a" / rel).read_text(encoding="utf-8")
        assert text.startswith("#:schema ")
        assert text == (tmp_path / "b" / rel).read_text(encoding="utf-8")
    assert (tmp_path / "a" / "schemas" / "reflectie.schema.json").is_file()
    prof = shutil.which("prof") or "prof"
    done = subprocess.run(
        [prof, "validate", "--no-cache"],
        cwd=tmp_path / "a",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="check-jsonschema ontbreekt")
def test_validate_benchmark(tmp_path: Path) -> None:
    out = _run("validate.py", "--werkers", "2", "--runs", "1", "--map", str(tmp_path))
    assert "prof validate warm" in out and "check-jsonschema" in out
    assert "koud, namen bewaard" in out


def test_build_benchmark(tmp_path: Path) -> None:
    out = _run("build.py", "--werkers", "2", "--engine", "mkdocs", "--map", str(tmp_path))
    assert "prof build (mkdocs)" in out and "mkdocs build (kaal)" in out
    assert "KiB/pagina" in out and "prof build / mkdocs build: mkdocs" in out


def test_names_benchmark(tmp_path: Path) -> None:
    out = _run("names.py", "--werkers", "2", "--map", str(tmp_path))
    assert "unieke teksten" in out and "via de snelle weg" in out


def test_oneliner_benchmark() -> None:
    out = _run("oneliner.py", "--rounds", "1")
    assert "nieuwe tekst" in out and "geziene tekst" in out and "nieuw / gezien" in out
