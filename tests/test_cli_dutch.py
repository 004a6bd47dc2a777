"""Dutch habits and Dutch words: Click's own texts, decimal commas, Dutch dates, any case."""

from __future__ import annotations

import tomllib
from pathlib import Path

import click
import pytest

from profcli.cli import main
from tests.authoring_repo import WORKER, entries, make_repo, prof

ENGLISH = (
    "Usage:",
    "Options:",
    "Commands:",
    "Show this message and exit",
    "Show the version",
    "[OPTIONS]",
    "COMMAND [ARGS]",
    "Error:",
    "is not a valid",
    "is not one of",
    "Missing",
    "No such",
    "Aborted",
    " TEXT",
    " INTEGER",
    " FLOAT",
    "DIRECTORY",
    "PATHS",
)


def _commands() -> list[list[str]]:
    found: list[list[str]] = [[]]
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        found.append([name])
        for sub in getattr(command, "commands", {}):
            found.append([name, sub])
    return found


@pytest.mark.parametrize("words", _commands(), ids=lambda w: " ".join(w) or "prof")
def test_help_of_every_command_is_dutch(words: list[str]) -> None:
    result = prof(None, *words, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Gebruik: ")
    for english in ENGLISH:
        assert english not in result.output, (words, english)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path)


def _only_entry(root: Path, folder: str) -> dict[str, object]:
    [name] = entries(root, WORKER, folder)
    path = root / "profielen" / WORKER / folder / name
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_decimal_comma_dutch_date_and_any_case(repo: Path) -> None:
    result = prof(
        repo,
        "add",
        "activiteit",
        "--profiel",
        WORKER,
        "--titel",
        "Intervisie",
        "--vorm",
        "Intervisie",
        "--uren",
        "1,5",
        "--datum",
        "21-11-2026",
        "--no-input",
    )
    assert result.exit_code == 0, result.output
    data = _only_entry(repo, "activiteiten")
    assert (data["uren"], data["vorm"], str(data["datum"])) == (1.5, "intervisie", "2026-11-21")


def test_a_dated_entry_defaults_to_today_in_the_team_zone(repo: Path) -> None:
    result = prof(
        repo,
        "--vandaag",
        "2026-11-20",
        "add",
        "feedback",
        "--profiel",
        WORKER,
        "--van",
        "collega",
        "--samenvatting",
        "Je bleef rustig.",
        "--no-input",
    )
    assert result.exit_code == 0, result.output
    assert entries(repo, WORKER, "feedback") == ["2026-11-20-collega.toml"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--uren", "zes"], "fout: --uren zes: `zes` is geen getal"),
        (["--datum", "31-02-2026"], "`31-02-2026` is geen bestaande dag"),
        (["--vorm", "workshop"], "`workshop` is geen keuze; kies uit: training, "),
        (["--vorm", "intervisei"], "`intervisei` is geen keuze; bedoelde je `intervisie`?"),
    ],
)
def test_bad_values_get_a_dutch_message_and_are_kept(
    repo: Path, args: list[str], message: str
) -> None:
    """Issue 22: a value Click cannot read is refused like any other, with exit code 1 and
    every value kept in a draft (it was a usage error, exit 2, with nothing kept)."""
    result = prof(repo, "add", "activiteit", "--profiel", WORKER, "--no-input", *args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Error" not in result.output and "Traceback" not in result.output
    [draft] = sorted((repo / ".prof-cache" / "concepten").iterdir())
    assert args[1] in draft.read_text(encoding="utf-8")
    assert f"Ga verder met: prof drafts --hervat {draft.stem}" in result.output


def test_unknown_command(repo: Path) -> None:
    result = prof(repo, "stauts")
    assert result.exit_code == 2
    prog = result.output.split()[1]  # CliRunner calls the program `main`
    assert f"fout: opdracht `stauts` bestaat niet; bedoelde je `{prog} status`?" in result.output
    assert prof(repo, "add", "reflectei").output.endswith(
        f"fout: opdracht `reflectei` bestaat niet; bedoelde je `{prog} add reflectie`?\n"
    )
    assert prof(repo, "ad").exit_code == 2
