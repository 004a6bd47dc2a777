"""The Dutch help of every command, exactly, and the command reference made from it.

Rewrite the golden help files with
`UPDATE_GOLDEN=1 python3 -m pytest -p no:cacheprovider tests/test_reference.py`, and the
reference with `python3 -m profcli.cli.reference docs/opdrachten.md`; read the diff.
"""

from __future__ import annotations

import os

import pytest

from profcli.cli import COMMANDS
from profcli.cli.reference import REGENERATE, WIDTH, command_paths, golden_name, help_text, markdown
from tests.conftest import REPO, TESTS

GOLDEN = TESTS / "golden" / "help"
PATHS = command_paths()
UPDATE = "UPDATE_GOLDEN=1 python3 -m pytest -p no:cacheprovider tests/test_reference.py"


def test_every_command_is_in_the_reference() -> None:
    """New commands (a line in COMMANDS) are picked up without touching this test."""
    assert {words[0] for words in PATHS if words} == set(COMMANDS)
    assert () in PATHS


@pytest.mark.parametrize("words", PATHS, ids=lambda w: " ".join(w) or "prof")
def test_help_is_exactly_the_golden_file(words: tuple[str, ...]) -> None:
    text = help_text(words)
    golden = GOLDEN / golden_name(words)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), (
        f"`prof {' '.join(words)}` has no golden help file {golden.relative_to(REPO)}; "
        f"write it with `{UPDATE}` and read it before committing"
    )
    assert text == golden.read_text(encoding="utf-8"), (
        f"`prof {' '.join(words)} --help` differs from {golden.relative_to(REPO)}; if the "
        f"change is intended: `{UPDATE}`, then `{REGENERATE}`"
    )


def test_no_golden_file_without_a_command() -> None:
    """A removed or renamed command leaves no stale golden file behind."""
    expected = {golden_name(words) for words in PATHS}
    assert sorted(p.name for p in GOLDEN.glob("*.txt") if p.name not in expected) == []


def test_help_does_not_depend_on_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    wide = help_text(("validate",))
    monkeypatch.setenv("COLUMNS", "40")
    assert help_text(("validate",)) == wide
    assert max(len(line) for line in wide.splitlines()) <= WIDTH


def test_committed_reference_is_up_to_date() -> None:
    committed = REPO / "docs" / "opdrachten.md"
    assert committed.is_file(), f"docs/opdrachten.md is missing; make it with `{REGENERATE}`"
    assert committed.read_text(encoding="utf-8") == markdown(), (
        f"docs/opdrachten.md differs from the commands' --help; regenerate it with `{REGENERATE}`"
    )


def test_reference_holds_every_help_text_verbatim() -> None:
    text = markdown()
    for words in PATHS:
        title = " ".join(("prof", *words))
        assert f"\n## {title}\n\n```text\n{help_text(words)}```\n" in text
