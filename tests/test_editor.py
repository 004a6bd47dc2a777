"""Issue 26: without VISUAL or EDITOR, prof never starts the system's editor chooser
(Debian's `sensible-editor` asks "Select an editor"); it opens nano (or vi) and says so, or
says how to choose one."""

from __future__ import annotations

import os
from pathlib import Path

import click
import pytest

from profcli.cli.common import edit_file


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
    assert "Geen EDITOR ingesteld: prof opent nano" in capsys.readouterr().err


def test_without_nano_or_vi_it_says_how_to_choose(no_editor: Path, tmp_path: Path) -> None:
    target = tmp_path / "concept.toml"
    target.write_text("", encoding="utf-8")
    with pytest.raises(click.ClickException, match="export EDITOR=nano"):
        edit_file(target)
    assert target.read_text(encoding="utf-8") == ""  # the chooser was never started


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
