"""`prof status` and `prof export`: the same hours as profcli.registration.hours, and the
dossier files."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from profcli.registration import hours
from profcli.repository.loader import load
from tests.authoring_repo import prof

EXAMPLE = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)
WORKER = "sanne-de-boer"


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "voorbeeld"
    for name in ("profielen", "schemas", "bewijs"):
        if (EXAMPLE / name).is_dir():
            shutil.copytree(EXAMPLE / name, root / name, symlinks=True)
    monkeypatch.setenv("PROF_VANDAAG", TODAY.isoformat())
    return root


def logged_by_hand(root: Path, worker: str, start: dt.date, end: dt.date) -> float:
    """All net hours of the worker in the cycle straight from the TOML files: activities plus
    the team meetings she took part in (one point per hour at both registers)."""
    total = 0.0
    for path in (root / "profielen" / worker / "activiteiten").glob("*.toml"):
        data = tomllib.loads(path.read_text())
        if start <= data["datum"] < end:
            total += data["uren"]
    team = tomllib.loads((root / "profielen" / worker / "profiel.toml").read_text())["team"]
    for path in (root / "profielen" / team / "bijeenkomsten").glob("*.toml"):
        data = tomllib.loads(path.read_text())
        if start <= data["datum"] < end and worker in data["deelnemers"]:
            total += data["duur_uren"]
    return total


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def test_export_rows_add_up_to_the_status_totals(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "dossier"
    result = prof(example, "export", WORKER, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["dossier.csv", "dossier.html", "dossier.md"]
    raw = (out / "dossier.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdatum;titel;") and b"\r\n" in raw  # Excel-ready
    repo = load(example).repository
    report = hours.report(repo, repo.portfolios[WORKER], TODAY)
    rows = _csv(out / "dossier.csv")
    assert sum(_number(r["uren"]) for r in rows) == pytest.approx(
        logged_by_hand(example, WORKER, report.start, report.end)
    )
    assert {r["bron"].split()[0] for r in rows} == {"activiteit", "bijeenkomst"}
    per_category: dict[str, float] = {}
    for row in rows:
        per_category[row["categorie"]] = per_category.get(row["categorie"], 0) + _number(
            row["punten"]
        )
    data = json.loads(prof(example, "status", WORKER, "--format", "json").output)
    for category in data["categorieen"]:
        assert per_category.get(category["naam"], 0) == pytest.approx(category["gelogd"])
        assert category["telt"] == min(category["gelogd"], category["maximum"] or 1e9)
    markdown = (out / "dossier.md").read_text()
    for category in data["categorieen"]:
        assert f"| {category['naam']} | {_dutch(category['gelogd'])} | " in markdown
    assert f"Nog nodig: {_dutch(data['tekort'])} punten" in markdown


def _dutch(value: float) -> str:
    return f"{round(value, 2):g}".replace(".", ",")


def test_status_json_shape(example: Path) -> None:
    result = prof(example, "status", "marieke-jansen", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"voldoet", "tekort", "tempo", "per_maand", "cyclus", "categorieen", "register"} <= set(
        data
    )
    assert data["voldoet"] is False and data["tekort"] > 0
    assert data["tempo"] == "risico"
    assert data["cyclus"]["eind"] == "2026-12-31"
    assert data["register"]["id"] == "registerplein-maatschappelijk-werker"
    assert data["register"]["geverifieerd"] is False
    assert data["tekort"] == sum(c["tekort"] for c in data["categorieen"])


def test_export_with_cycle_start(example: Path, tmp_path: Path) -> None:
    result = prof(example, "export", WORKER, "--cyclus", "2018-01-01", "--out", str(tmp_path / "d"))
    assert result.exit_code == 0
    assert "- Cyclus: 01-01-2018 t/m 31-12-2022" in (tmp_path / "d" / "dossier.md").read_text()
    assert len(_csv(tmp_path / "d" / "dossier.csv")) == 0  # header only


def test_export_refuses_a_team(example: Path) -> None:
    result = prof(example, "export", "wijkteam-feijenoord-noord")
    assert result.exit_code == 2
    assert "`wijkteam-feijenoord-noord` is geen werker" in result.output


def test_status_of_a_worker(example: Path) -> None:
    result = prof(example, "status", WORKER)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Sanne de Boer (sanne-de-boer)"
    assert "Open leerdoelen:" in lines
    assert "Herregistratie: Registerplein, Register Sociaal Werkers" in lines
    assert any(line.startswith("Cyclus 01-09-2023 t/m 31-08-2028: nog ") for line in lines)
    assert any(line.startswith("Laatste reflectie: ") for line in lines)
    assert "\x1b[" not in result.output


def test_status_marks_overdue_goals(example: Path) -> None:
    goal = example / "profielen" / WORKER / "leerdoelen" / "oud.toml"
    goal.write_text('titel = "Oud doel"\nstatus = "bezig"\ndeadline = 2020-01-01\n')
    result = prof(example, "status", WORKER)
    assert "  - Oud doel [bezig] deadline 01-01-2020 (te laat)" in result.output


def test_status_of_the_team_is_one_table(example: Path) -> None:
    result = prof(example, "status", "wijkteam-feijenoord-noord")
    assert result.exit_code == 0
    repo = load(example).repository
    team = repo.portfolios["wijkteam-feijenoord-noord"]
    header = next(line for line in result.output.splitlines() if line.startswith("werker"))
    assert "tekort" in header and "tempo" in header and "zelftoets" in header
    rows = [line for line in result.output.splitlines() if line.split(" ")[0] in repo.portfolios]
    members = [w.slug for w in repo.workers() if repo.team_of(w) is team]
    assert sorted(line.split(" ")[0] for line in rows) == sorted(members)
    assert rows[0].startswith("marieke-jansen ") and " risico " in rows[0]  # most urgent first


def test_status_unknown_slug(example: Path) -> None:
    result = prof(example, "status", "niemand")
    assert result.exit_code == 2
    assert "portfolio `niemand` bestaat niet" in result.output


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from profcli.cli.status import use_colour

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    monkeypatch.delenv("NO_COLOR")
    assert not use_colour()


def test_a_session_logged_twice_counts_once_everywhere(example: Path, tmp_path: Path) -> None:
    """Issue 17: Sanne also logged the team's intervisie of 11 June as her own activity. The
    validator warns and names both files; status and dossier count it once and say why."""
    before = json.loads(prof(example, "status", WORKER, "--format", "json").output)
    own = example / "profielen" / WORKER / "activiteiten" / "2026-06-11-intervisie.toml"
    own.write_text(
        'datum = 2026-06-11\ntitel = "Intervisie tolk"\nvorm = "intervisie"\nuren = 2\n',
        encoding="utf-8",
    )
    checked = prof(example, "validate")
    assert checked.exit_code == 0, checked.output  # a warning, not an error
    [warning] = [line for line in checked.output.splitlines() if "[dubbele-sessie]" in line]
    assert warning.startswith(f"profielen/{WORKER}/activiteiten/2026-06-11-intervisie.toml:3:8:")
    assert "2026-06-11-intervisie-tolk-in-het-gezinsgesprek.toml" in warning

    after = json.loads(prof(example, "status", WORKER, "--format", "json").output)
    assert after["categorieen"] == before["categorieen"]
    text = prof(example, "status", WORKER).output
    assert "11-06-2026 Intervisie tolk: dezelfde sessie als bijeenkomst" in text

    out = tmp_path / "dossier"
    assert prof(example, "export", WORKER, "--out", str(out)).exit_code == 0
    [row] = [r for r in _csv(out / "dossier.csv") if r["titel"] == "Intervisie tolk"]
    assert _number(row["punten"]) == 0
    assert "telt één keer" in row["opmerking"]

    own.write_text(
        own.read_text(encoding="utf-8") + 'aparte_sessie = "Intervisie bij het jeugdteam"\n',
        encoding="utf-8",
    )
    assert "[dubbele-sessie]" not in prof(example, "validate").output
    both = json.loads(prof(example, "status", WORKER, "--format", "json").output)
    reflectie = {c["naam"]: c["gelogd"] for c in both["categorieen"]}
    assert reflectie != {c["naam"]: c["gelogd"] for c in before["categorieen"]}
