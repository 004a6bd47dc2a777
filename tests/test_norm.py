"""Figures that add up (profcli.registration.norm): done toward the norm + still needed =
required, for every worker of the example team and for hand-made cases; what does not
count is named with its reason; a worker without a register sees her hours per form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli.cli import main
from profcli.publish.pages import build_pages
from profcli.registration import hours, norm
from profcli.repository.loader import load
from tests.conftest import REPO, TODAY
from tests.test_hours import _repo, activity, meeting


@pytest.mark.parametrize("slug", ["marieke-jansen", "noor-bakker", "priya-ramdin",
                                  "sanne-de-boer", "youssef-el-amrani"])  # fmt: skip
def test_done_and_still_needed_make_the_norm(slug: str) -> None:
    repo = load(REPO).repository
    report = hours.report(repo, repo.portfolios[slug], TODAY)
    assert report.register is not None
    assert norm.toward(report) + report.tekort == report.register.required
    in_categories = sum(
        b.punten for b in norm.beside(report) if "maximum" not in b.reden and "(" not in b.reden
    )
    assert norm.toward(report) + in_categories == pytest.approx(report.counted_total)


def test_a_category_without_minimum_is_extra_with_its_reason(tmp_path: Path) -> None:
    """Registerplein sociaal werker: geaccrediteerd >= 80, reflectie >= 60, overige max 60 and
    no minimum. 10 accredited, 5 reflection, 70 overige (counts 60): 15 toward the 140; 60
    overige beside the norm (no minimum), 10 above its maximum; a 0,5 h intervisie that is not
    face to face counts nowhere."""
    files = dict(
        [
            activity("2025-01-10", "training", 10, 'accreditatie_id = "PE-1"\n'),
            activity("2025-02-10", "supervisie", 5),
            *(activity(f"2025-03-1{d}", "literatuur", 20) for d in range(3)),
            activity("2025-03-13", "literatuur", 10),
        ]
    )
    repo = _repo(tmp_path, 'register = "registerplein"', files)
    report = hours.report(repo, repo.portfolios["eva-de-wit"], TODAY)
    assert (norm.toward(report), report.tekort, norm.required(report)) == (15, 125, 140)
    assert norm.summary(report) == "15 van 140 punten voor de norm; nog 125 nodig."
    assert [b.sentence() for b in norm.beside(report)] == [
        "60 punten: Overige deskundigheidsbevordering heeft geen minimum; deze punten "
        "verlagen niet wat nog nodig is",
        "10 punten: Overige deskundigheidsbevordering: boven het maximum van 60 dat meetelt",
    ]


def test_skj_points_above_the_combined_minimum_are_extra(tmp_path: Path) -> None:
    files = dict(
        [
            *(
                activity(f"2025-01-1{d}", "training", 20, 'accreditatie_id = "S1"\n')
                for d in range(2)
            ),
            activity("2025-01-12", "training", 10, 'accreditatie_id = "S1"\n'),
            activity("2025-03-10", "literatuur", 15),
            meeting("2025-06-10", "intervisie", 0.5),  # shorter than an hour: counts nowhere
        ]
    )
    repo = _repo(tmp_path, 'register = "skj"', files)
    report = hours.report(repo, repo.portfolios["eva-de-wit"], TODAY)
    # formeel 50 (40 own minimum + 10 of the combined 20), informeel 15 (10 fill the combined
    # minimum of 60, 5 are extra), reflectie 0 of 60
    assert (norm.toward(report), report.tekort, norm.required(report)) == (60, 60, 120)
    sentences = [b.sentence() for b in norm.beside(report)]
    assert (
        sentences[0] == "5 punten: Informeel leren: meer dan het register in deze categorie vraagt"
    )
    assert sentences[1].startswith("0,5 punten: telt niet mee (korter dan 1 uur")


def test_status_and_export_say_what_adds_up(tmp_path: Path) -> None:
    out = tmp_path / "dossier"
    runner = CliRunner()
    status = runner.invoke(main, ["--repo", str(REPO), "status", "marieke-jansen"])
    assert status.exit_code == 0, status.output
    repo = load(REPO).repository
    report = hours.report(repo, repo.portfolios["marieke-jansen"], TODAY)
    summary = norm.summary(report)
    assert f"  {summary}\n  Telt niet voor de norm:\n    15 punten: Overige" in status.output
    made = runner.invoke(main, ["--repo", str(REPO), "export", "marieke-jansen", "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert summary in made.output
    assert summary in (out / "dossier.md").read_text(encoding="utf-8")
    assert "Telt niet voor de norm: 15 punten" in (out / "dossier.md").read_text(encoding="utf-8")


def test_a_worker_without_a_register_sees_her_hours_per_form(tmp_path: Path) -> None:
    files = dict(
        [
            activity(f"{TODAY.year}-01-10", "training", 6),
            activity(f"{TODAY.year}-02-10", "intervisie", 1.5),
            activity(f"{TODAY.year}-03-10", "training", 2),
        ]
    )
    repo = _repo(tmp_path, 'register = "registerplein"', files)
    profile = repo.root / "profielen/eva-de-wit/profiel.toml"
    text = profile.read_text(encoding="utf-8")
    start = text.index("[registratie]")
    end = text.find("\n[", start + 1)
    profile.write_text(text[:start] + (text[end + 1 :] if end != -1 else ""), encoding="utf-8")
    pages = build_pages(load(repo.root).repository, today=TODAY)
    [hours_page] = [p.markdown for p in pages if p.path == "werkers/eva-de-wit/uren.md"]
    assert "er geldt dus geen norm" in hours_page
    assert "| Training | 8 |" in hours_page and "| Intervisie | 1,5 |" in hours_page
    result = CliRunner().invoke(main, ["--repo", str(repo.root), "status", "eva-de-wit"])
    assert result.exit_code == 0, result.output
    assert "Herregistratie: het profiel noemt geen register, dus er geldt geen norm." in (
        result.output
    )
    assert "profielen/eva-de-wit/profiel.toml, bijvoorbeeld:\n  [registratie]\n" in result.output
    assert (
        f"Gelogde uren sinds 01-01-{TODAY.year} (het begin van dit jaar: zonder registratie is "
        "er geen eigen periode), per vorm:"
    ) in result.output
    assert "  training    8 uur\n  intervisie  1,5 uur\nSamen: 9,5 uur." in result.output
    assert dt.date(TODAY.year, 1, 1) <= TODAY


def test_hours_outside_the_cycle_are_named_and_never_counted(tmp_path: Path) -> None:
    files = dict([activity("2025-01-10", "training", 4), activity("2001-01-10", "training", 3)])
    repo = _repo(tmp_path, 'register = "registerplein"', files)
    report = hours.report(repo, repo.portfolios["eva-de-wit"], TODAY)
    assert sum(line.uren for line in report.lines) == 4
    outside = norm.outside_cycle(repo, repo.portfolios["eva-de-wit"], report)
    assert outside is not None
    assert outside.sentence() == "3 punten: 1 activiteit buiten deze cyclus (telt niet mee)"
    result = CliRunner().invoke(
        main, ["--repo", str(repo.root), "--vandaag", TODAY.isoformat(), "status", "eva-de-wit"]
    )
    assert "  Ook gelogd: 3 punten: 1 activiteit buiten deze cyclus (telt niet mee)." in (
        result.output
    )
