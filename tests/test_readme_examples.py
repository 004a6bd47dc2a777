"""The README's and the first-ten-minutes page's examples work exactly as written, typed by a
person at a terminal: every `prof` line runs in order in a fresh folder, a one-liner that
gives every required field is saved without a single question (stdin is a terminal that
answers nothing, so a question would end the command), and nothing fails.

A few lines name things that only exist elsewhere (a draft's name, an entry of the example
team, the home folder); they are listed in SKIPPED with the reason, and the test fails when
such a line disappears from the page, so the list cannot go stale.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli.cli import add, main
from tests.conftest import REPO

PAGES = {
    "README.md": ("prof init wijkteam-noord", "prof sync"),
    "docs/eerste-tien-minuten.md": ("prof init wijkteam-noord", "prof build"),
}
"""Each page's examples from the first line that starts a team up to (not including) the
first that needs a network, a browser or a long build."""

SKIPPED = {
    "prof rm 2026-05-21-congres-armoede-en-schulden": "an entry of the example team",
    "prof drafts --hervat 20261122-101500-leerdoel": "the name of a draft that is kept",
    "prof export eva-van-den-berg --out ~/herregistratie --concept": "writes in the home folder",
    'prof approve 2026-11-24-jaargesprek-2026 --profiel eva-van-den-berg --opmerking "Goed '
    'gesprek."': "a team lead's signing key and git history (tests/test_approvals.py)",
}


def _lines(page: str) -> list[str]:
    text = (REPO / page).read_text(encoding="utf-8")
    blocks = "".join(re.findall(r"```sh\n(.*?)```", text, re.S))
    lines = [line.split("  #")[0].strip() for line in blocks.splitlines()]
    first, stop = PAGES[page]
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith(stop))
    return [line for line in lines[start:end] if line and not line.startswith("#")]


@pytest.mark.parametrize("page", sorted(PAGES))
def test_examples_run_as_written_at_a_terminal(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("PROF_PROFIEL", "PROF_REPO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PROF_GIT", "uit")
    monkeypatch.setenv("EDITOR", "true")  # `prof edit ID` opens it and changes nothing
    monkeypatch.setattr(add, "stdin_is_tty", lambda: True)
    skipped, added = [], 0
    for line in _lines(page):
        words = shlex.split(line)
        if line in SKIPPED:
            skipped.append(line)
        elif words[0] == "cd":
            os.chdir(words[1])
        elif words[0] == "export":
            monkeypatch.setenv(*words[1].split("=", 1))
        elif words[0] == "prof":
            result = CliRunner().invoke(main, words[1:], input="", catch_exceptions=False)
            assert result.exit_code == 0, f"{line}\n{result.output}"
            assert "Traceback" not in result.output
            if words[1] == "add":
                added += 1
                assert "Opgeslagen: " in result.output, f"{line}\n{result.output}"
                assert "optioneel" not in result.output and "Afgebroken" not in result.output
        else:
            assert words[0] == "git", f"unexpected line in {page}: {line}"
    assert added >= 4
    assert skipped == [line for line in SKIPPED if line in _lines(page)]


def test_every_skipped_line_is_still_on_a_page() -> None:
    everywhere = {line for page in PAGES for line in _lines(page)}
    assert set(SKIPPED) <= everywhere


def test_every_add_example_of_the_command_reference_saves_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`prof add SOORT --help` ends with a one-liner per kind (docs/opdrachten.md holds the
    same text): in the README's team each saves as written, without a question."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PROF_GIT", "uit")
    monkeypatch.setattr(add, "stdin_is_tty", lambda: True)
    runner = CliRunner()
    setup = [
        ["init", "wijkteam-noord", "--team", "Wijkteam Noord"],
        ["--repo", "wijkteam-noord", "new", "Éva van den Berg"],
    ]
    for args in setup:
        assert runner.invoke(main, args).exit_code == 0
    reference = (REPO / "docs" / "opdrachten.md").read_text(encoding="utf-8")
    examples = re.findall(r"^    (prof add [a-z]+ --(?!editor).*)$", reference, re.M)
    assert len({shlex.split(e)[2] for e in examples}) == 8  # every kind
    monkeypatch.setenv("PROF_PROFIEL", "eva-van-den-berg")
    for example in examples:
        words = shlex.split(example)
        args = ["--repo", "wijkteam-noord", *words[1:]]
        result = runner.invoke(main, args, input="", catch_exceptions=False)
        assert result.exit_code == 0, f"{example}\n{result.output}"
        assert "Opgeslagen: " in result.output and "optioneel" not in result.output
