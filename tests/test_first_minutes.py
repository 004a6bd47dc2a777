"""docs/eerste-tien-minuten.md works as written: every `prof` line of its shell blocks runs,
in order, in a fresh folder, and says what the page says it says."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli.cli import main
from tests.conftest import REPO

PAGE = REPO / "docs" / "eerste-tien-minuten.md"
SKIPPED = {"serve"}
"""`prof serve` runs until Ctrl+C; `prof build` shows the same site."""


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)


def test_every_prof_line_of_the_page_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PROF_PROFIEL", raising=False)
    monkeypatch.delenv("PROF_REPO", raising=False)
    ran: dict[str, str] = {}
    for line in "".join(_blocks("sh")).splitlines():
        words = shlex.split(line)
        if words[0] == "cd":
            os.chdir(words[1])
        elif words[0] == "export":
            monkeypatch.setenv(*words[1].split("=", 1))
        elif words[0] == "prof" and words[1] not in SKIPPED:
            args = [*words[1:], "--no-input"] if words[1] == "add" else words[1:]
            result = CliRunner().invoke(main, args, catch_exceptions=False)
            assert result.exit_code == 0, f"{line}\n{result.output}"
            ran[words[1]] = result.output
        else:
            assert words[0] in ("python3", "git"), f"unexpected line in the page: {line}"
    assert set(ran) == {"--version", "init", "new", "add", "validate", "status", "build"}
    [shown] = _blocks("text")
    assert ran["validate"] == shown
    root = tmp_path / "wijkteam-noord"
    assert (root / "teamsite" / "index.html").is_file()
    ci = (root / ".github" / "workflows" / "prof.yml").read_text(encoding="utf-8")
    source = "profcli @ git+https://github.com/jullie-organisatie/profcli.git@v1.0"
    assert f'pip install "{source}"' in ci


def test_the_page_is_linked_from_the_readme_and_the_reference() -> None:
    assert "(docs/eerste-tien-minuten.md)" in (REPO / "README.md").read_text(encoding="utf-8")
    assert "(eerste-tien-minuten.md)" in (REPO / "docs" / "opdrachten.md").read_text("utf-8")
