"""Issue 26: without VISUAL or EDITOR, prof never starts the system's editor chooser
(Debian's `sensible-editor` asks "Select an editor") nor vi, which a social worker cannot
leave; it opens nano and says how to save and close, or asks in the terminal, or says how to
choose an editor."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click
import pytest

from profcli.cli import add
from profcli.cli.common import edit_file
from tests.authoring_repo import TEAM, WORKER


def _tool(folder: Path, name: str, line: str) -> None:
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(f'#!/bin/sh\necho "{line}" >> "$1"\n', encoding="utf-8")
    script.chmod(0o755)


@pytest.fixture
def no_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    bin_dir = tmp_path / "bin"
    _tool(bin_dir, "sensible-editor", "de keuzelijst van het systeem")
    monkeypatch.setenv("PATH", str(bin_dir))
    return bin_dir


def test_nano_is_opened_and_said(
    no_editor: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tool(no_editor, "nano", "in nano geschreven")
    target = tmp_path / "concept.toml"
    target.write_text("", encoding="utf-8")
    edit_file(target)
    assert target.read_text(encoding="utf-8") == "in nano geschreven\n"
    said = capsys.readouterr().err
    assert (
        "Geen EDITOR ingesteld: prof opent nano. Opslaan: Ctrl-O en Enter; sluiten: Ctrl-X" in said
    )


def test_without_nano_it_says_how_to_choose_and_never_opens_vi(
    no_editor: Path, tmp_path: Path
) -> None:
    _tool(no_editor, "vi", "in vi geschreven")
    target = tmp_path / "concept.toml"
    target.write_text("", encoding="utf-8")
    with pytest.raises(click.ClickException, match="export EDITOR=nano"):
        edit_file(target)
    assert target.read_text(encoding="utf-8") == ""  # neither the chooser nor vi was started


def test_an_editor_that_is_set_wins(
    no_editor: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tool(no_editor, "nano", "nano")
    _tool(no_editor, "mijneditor", "mijn editor")
    monkeypatch.setenv("EDITOR", str(no_editor / "mijneditor"))
    target = tmp_path / "concept.toml"
    target.write_text("", encoding="utf-8")
    edit_file(target)
    assert target.read_text(encoding="utf-8") == "mijn editor\n"
    assert os.environ["PATH"] == str(no_editor)


# --- the commands without an editor -----------------------------------------------------------


@pytest.fixture
def team(tmp_path: Path, no_editor: Path) -> Path:
    from tests.authoring_repo import make_repo

    root = make_repo(tmp_path)
    _tool(no_editor, "git", "")  # no git either: nothing to record
    return root


def _prof(root: Path, *args: str, input: str | None = None) -> Any:
    from click.testing import CliRunner

    from profcli.cli import main

    env = {"VISUAL": "", "EDITOR": "", "PROF_PROFIEL": WORKER}
    return CliRunner().invoke(main, ["--repo", str(root), *args], input=input, env=env)


def _entries(root: Path, folder: str, profile: str = TEAM) -> list[str]:
    found = root / "profielen" / profile / folder
    return sorted(p.name for p in found.glob("*.toml")) if found.is_dir() else []


def test_add_editor_without_an_editor_asks_in_the_terminal(
    team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(add, "stdin_is_tty", lambda: True)
    answers = "Weten wie wat weet\nDe sociale kaart van de wijk staat in de gedeelde map.\n\n"
    result = _prof(team, "add", "kennis", "--editor", input=answers + "\n" * 10)
    assert result.exit_code == 0, result.output
    assert "geen editor ingesteld (EDITOR) en nano is er niet, dus vraagt prof het hier" in (
        result.stderr
    )
    assert "export EDITOR=nano" in result.stderr
    assert _entries(team, "kennis") == ["weten-wie-wat-weet.toml"]


def test_add_editor_without_an_editor_or_a_terminal_says_how_to_choose(team: Path) -> None:
    result = _prof(team, "add", "kennis", "--editor", "--no-input")
    assert result.exit_code == 1
    assert "er is geen editor ingesteld (EDITOR) en nano is er niet" in result.stderr
    assert _entries(team, "kennis") == []
    assert not (team / ".prof-cache" / "concepten").exists()  # no template left behind


def test_edit_without_an_editor_points_at_zet(team: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _prof(team, "add", "leerdoel", "--titel", "Grenzen", "--status", "bezig", "--no-input")
    assert made.exit_code == 0, made.output
    [goal] = _entries(team, "leerdoelen", WORKER)
    before = (team / "profielen" / WORKER / "leerdoelen" / goal).read_text(encoding="utf-8")
    result = _prof(team, "edit", goal.removesuffix(".toml"))
    assert result.exit_code == 1
    assert "er is niets gewijzigd" in result.stderr
    assert f"prof edit {goal.removesuffix('.toml')} --zet SLEUTEL=WAARDE" in result.stderr
    assert (team / "profielen" / WORKER / "leerdoelen" / goal).read_text() == before
    assert not (team / ".prof-cache" / "concepten").exists()


def test_closing_the_editor_without_saving_keeps_nothing(
    team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tool(team.parent / "bin", "nano", "")  # a nano that was closed at once: no change
    (team.parent / "bin" / "nano").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    result = _prof(team, "add", "kennis", "--editor")
    assert result.exit_code == 1
    assert "Niets veranderd in de editor: er is niets opgeslagen en geen concept" in result.stderr
    assert "schema-leeg" not in result.output
    assert _entries(team, "kennis") == []
    assert not list((team / ".prof-cache" / "concepten").glob("*.toml"))
