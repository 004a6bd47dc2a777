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


def test_only_an_overview_takes_the_example_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """`Repository.today`: a fixed date wins; an overview then takes the example's own date;
    validation and writing take the real day in the team's zone."""
    from profcli import clock

    monkeypatch.setattr(clock, "_wall_clock", lambda zone: dt.datetime(2027, 1, 5, 12, tzinfo=zone))
    repo = load(REPO).repository
    assert repo.today(overview=True) == EXAMPLE_DAY
    assert repo.today() == dt.date(2027, 1, 5)
    assert repo.today(dt.date(2027, 2, 1), overview=True) == dt.date(2027, 2, 1)


def test_the_team_profile_alone_gives_the_same_day(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`loader.load_profiles` (for `prof edit` and `prof done`, before the whole repository is
    loaded) knows the team's zone and the example's date as a full load does."""
    from profcli import clock
    from profcli.repository.loader import load_profiles

    profile = example_copy / "profielen" / "wijkteam-feijenoord-noord" / "profiel.toml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace('soort = "team"\n', 'soort = "team"\ntijdzone = "America/Curacao"\n'),
        encoding="utf-8",
    )
    # 03:30 UTC on 5 January is still 4 January on Curaçao (UTC-4).
    moment = dt.datetime(2027, 1, 5, 3, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(clock, "_wall_clock", lambda zone: moment.astimezone(zone))
    full, alone = load(example_copy).repository, load_profiles(example_copy)
    assert alone.zone_name == full.zone_name == "America/Curacao"
    assert alone.today() == full.today() == dt.date(2027, 1, 4)
    assert alone.today(overview=True) == full.today(overview=True) == EXAMPLE_DAY


@pytest.mark.usefixtures("no_fixed_day")
def test_an_entry_is_dated_with_the_real_day(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing is no overview: `prof done` in the example team records the day it is."""
    from profcli import clock

    monkeypatch.setattr(clock, "_wall_clock", lambda zone: dt.datetime(2027, 1, 5, 12, tzinfo=zone))
    args = ["--geen-git", "-C", str(example_copy), "done", "beeldbellen-inzetten"]
    result = CliRunner().invoke(main, [*args, "--profiel", "marieke-jansen"])
    assert result.exit_code == 0, result.output
    assert "behaald op 05-01-2027" in result.output
    assert "voorbeeldteam" not in result.output
