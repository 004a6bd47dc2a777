"""The demo does not age: the example team names its own date (`voorbeeld_peildatum`), and
without `--vandaag` the site, `prof status` and the dossier are made for that day and say
that it is an example. A real team has no such date and is never affected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli.cli import main
from profcli.publish.pages import build_pages
from profcli.repository.loader import load
from tests.conftest import CASES, REPO, build_case

EXAMPLE_DAY = dt.date(2026, 11, 22)


@pytest.fixture
def no_fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROF_VANDAAG", raising=False)


def test_the_example_team_names_its_day_and_a_real_team_does_not(tmp_path: Path) -> None:
    assert load(REPO).repository.example_date == EXAMPLE_DAY
    assert load(build_case(CASES / "basis", tmp_path)).repository.example_date is None


@pytest.mark.usefixtures("no_fixed_day")
def test_status_without_vandaag_uses_the_example_day() -> None:
    result = CliRunner().invoke(main, ["--repo", str(REPO), "status", "marieke-jansen"])
    assert result.exit_code == 0, result.output
    assert (
        "Dit is een voorbeeldteam: prof rekent met de eigen peildatum van het voorbeeld, "
        "22-11-2026 (geef --vandaag voor een andere dag)."
    ) in result.output
    days = (dt.date(2027, 1, 1) - EXAMPLE_DAY).days
    assert f"Cyclus 01-01-2022 t/m 31-12-2026: nog {days} dagen." in result.output


def test_vandaag_still_wins() -> None:
    result = CliRunner().invoke(
        main, ["--repo", str(REPO), "--vandaag", "2026-11-25", "status", "marieke-jansen"]
    )
    assert result.exit_code == 0, result.output
    assert "voorbeeldteam" not in result.output
    assert "nog 37 dagen" in result.output


def test_the_home_page_says_it_is_an_example() -> None:
    repo = load(REPO).repository
    on_its_day = {p.path: p for p in build_pages(repo, today=EXAMPLE_DAY)}["index.md"].markdown
    assert "Dit is een voorbeeldteam: alle personen en situaties zijn verzonnen." in on_its_day
    assert "eigen peildatum van het voorbeeld" in on_its_day
    later = {p.path: p for p in build_pages(repo, today=dt.date(2027, 3, 1))}["index.md"].markdown
    assert "Dit is een voorbeeldteam" in later and "eigen peildatum" not in later


def test_a_real_team_home_page_says_nothing_of_examples(tmp_path: Path) -> None:
    repo = load(build_case(CASES / "basis", tmp_path)).repository
    home = {p.path: p for p in build_pages(repo, today=EXAMPLE_DAY)}["index.md"].markdown
    assert "voorbeeld" not in home.lower()
