"""The last bad-input gaps (issue #12, item 7), from the outside: exact lines, exit codes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from profcli.findings import Finding
from profcli.repository.loading import load as load_document
from tests.authoring_repo import WORKER, make_repo, prof
from tests.conftest import with_hooks

PYTHON_PROF = (sys.executable, "-c", "from profcli.cli import main; main()")
LEARNED = 'geleerd = "Setting en houding bepalen of een jongere gaat praten."'
GOAL = "profielen/noor-bakker/leerdoelen/gesprekken-met-pubers.toml"


def validate(root: Path, *paths: str) -> tuple[int, list[str]]:
    result = prof(root, "validate", *(str(root / p) for p in paths))
    return result.exit_code, result.output.splitlines()


def test_references_into_a_broken_file_name_that_file(example_copy: Path) -> None:
    """One broken goal file: its own parse error, and each reference to it says where the
    goal is and that it could not be read; never 'bestaat niet'."""
    goal = example_copy / GOAL
    goal.write_text(goal.read_text(encoding="utf-8").replace('status = "', "status = ", 1))
    code, lines = validate(example_copy)
    assert code == 1
    assert not [line for line in lines if "bestaat niet" in line]
    [error] = [line for line in lines if ": fout: " in line]
    assert error.startswith(f"{GOAL}:3:10: fout: ")
    assert error.endswith("[toml-syntax]")
    pointers = [line for line in lines if line.endswith("[ref-niet-gelezen]")]
    assert len(pointers) >= 5  # every reference to the goal in the example, each once
    assert len(set(pointers)) == len(pointers)
    assert (
        "profielen/noor-bakker/reflecties/2025-12-04-gesprek-met-een-boze-puber.toml:5:15: "
        "waarschuwing: leerdoel `gesprekken-met-pubers` staat in "
        f"`{GOAL}`, dat niet gelezen kon worden (zie de fout daar); deze verwijzing is nog niet "
        "gecontroleerd [ref-niet-gelezen]"
    ) in pointers
    assert re.fullmatch(
        rf"\d+ bestanden gecontroleerd: 1 fout, {len(pointers)} waarschuwingen", lines[-1]
    )


def test_a_reference_checked_alone_still_points_at_the_broken_file(example_copy: Path) -> None:
    goal = example_copy / GOAL
    goal.write_text("titel = \n", encoding="utf-8")
    reflection = "profielen/noor-bakker/reflecties/2025-12-04-gesprek-met-een-boze-puber.toml"
    code, lines = validate(example_copy, reflection)
    assert code == 0  # the reflection itself is fine; the broken goal fails its own run
    assert [line.rsplit("[", 1)[1] for line in lines[:-1]] == ["ref-niet-gelezen]"]


def refuse(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make `folder` unlistable. As root chmod 000 does not stop reading, so the refusal is
    simulated where discovery lists folders (os.scandir)."""
    real = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


UNREADABLE = (
    "fout: kan de map niet lezen: geen toegang; controleer de rechten van de map (bijvoorbeeld "
    "`chmod u+rx`); wat erin staat is niet gecontroleerd [bestand-lezen]"
)


@pytest.mark.parametrize(
    "folder", ["profielen/noor-bakker/feedback", "profielen/noor-bakker", "profielen"]
)
def test_an_unreadable_folder_is_named_not_skipped(
    monkeypatch: pytest.MonkeyPatch, example_copy: Path, folder: str
) -> None:
    """One error for the folder: not "profiel.toml is missing", not silence; references into
    it (Noor takes part in team meetings) say where the target is, as warnings."""
    refuse(monkeypatch, example_copy / folder)
    code, lines = validate(example_copy)
    assert code == 1
    assert [line for line in lines if ": fout: " in line] == [f"{folder}:1:1: {UNREADABLE}"]
    others = [line for line in lines[:-1] if ": fout: " not in line]
    assert all(line.endswith("[ref-niet-gelezen]") for line in others), others
    # Noor takes part in meetings and holds agreements: each of those references, once.
    assert bool(others) == (folder == "profielen/noor-bakker")
    assert len(set(others)) == len(others)
    assert all(f"werker `noor-bakker` staat in `{folder}`, dat niet" in line for line in others)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="as root (as in CI containers) chmod 000 does not stop reading a folder; the "
    "monkeypatched test above covers the message",
)
def test_an_unreadable_folder_for_real(example_copy: Path) -> None:
    folder = example_copy / "profielen/noor-bakker/feedback"
    folder.chmod(0)
    try:
        code, lines = validate(example_copy)
    finally:
        folder.chmod(0o755)
    assert code == 1
    assert lines[0].startswith("profielen/noor-bakker/feedback:1:1: fout: kan de map niet lezen")


def test_a_pipe_named_like_an_entry_does_not_hang(example_copy: Path) -> None:
    """A FIFO is never opened for a blocking read: a subprocess with a timeout proves it."""
    pipe = example_copy / "profielen/noor-bakker/reflecties/2026-01-05-pijp.toml"
    os.mkfifo(pipe)
    done = subprocess.run(
        [*PYTHON_PROF, "--repo", str(example_copy), "validate"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": with_hooks(str(Path(__file__).resolve().parents[1]))},
    )
    assert done.returncode == 1
    assert done.stdout.splitlines()[:-1] == [
        "profielen/noor-bakker/reflecties/2026-01-05-pijp.toml:1:1: fout: dit is geen gewoon "
        "bestand maar een pipe (FIFO), die niet gelezen wordt; haal het weg en zet er een gewoon "
        "tekstbestand neer [bestand-lezen]"
    ]
    assert "Traceback" not in done.stderr


def test_a_folder_named_like_an_entry(example_copy: Path) -> None:
    (example_copy / "profielen/noor-bakker/leerdoelen/map.toml").mkdir()
    (example_copy / "profielen/noor-bakker/oud.toml").mkdir()
    (example_copy / "kaders").mkdir()
    (example_copy / "kaders/eigen.toml").mkdir()
    code, lines = validate(example_copy)
    assert code == 1
    message = (
        "fout: dit is een map, geen bestand, maar haar naam eindigt op `.toml`; hernoem de map "
        "(zonder `.toml`) of haal haar weg [bestand-lezen]"
    )
    assert lines[:-1] == [
        f"kaders/eigen.toml:1:1: {message}",
        f"profielen/noor-bakker/leerdoelen/map.toml:1:1: {message}",
        f"profielen/noor-bakker/oud.toml:1:1: {message}",
    ]


def test_a_reflection_in_the_goals_folder_is_in_the_wrong_folder(example_copy: Path) -> None:
    source = example_copy / "profielen/noor-bakker/reflecties"
    reflection = source / "2025-12-04-gesprek-met-een-boze-puber.toml"
    target = example_copy / "profielen/noor-bakker/leerdoelen/boze-puber.toml"
    target.write_text(reflection.read_text(encoding="utf-8"), encoding="utf-8")
    code, lines = validate(example_copy)
    assert code == 1
    assert lines[:-1] == [
        "profielen/noor-bakker/leerdoelen/boze-puber.toml:1:1: fout: verkeerde map: dit lijkt "
        "een reflectie (het heeft de sleutels daarvan); verplaats het naar "
        "`profielen/noor-bakker/reflecties/` en zet de datum voor de naam "
        "(`2025-12-04-boze-puber.toml`) [verkeerde-map]"
    ]


def test_a_goal_with_a_wrong_key_is_not_called_misplaced(example_copy: Path) -> None:
    """Only a file that has another kind's keys (and not its own) is 'wrong folder'."""
    goal = example_copy / GOAL
    goal.write_text(goal.read_text(encoding="utf-8") + "datum = 2026-01-01\n", encoding="utf-8")
    code, lines = validate(example_copy)
    assert code == 1
    assert [line.rsplit("[", 1)[1] for line in lines[:-1]] == ["schema-onbekend]"]


@pytest.mark.parametrize(
    ("value", "column", "message"),
    [
        ("21-04-2026", 9, "datum `21-04-2026` staat in de verkeerde volgorde: schrijf de datum "
         "als 2026-04-21 (jaar-maand-dag)"),
        ("1/4/2026", 9, "datum `1/4/2026` staat in de verkeerde volgorde: schrijf de datum als "
         "2026-04-01 (jaar-maand-dag)"),
        ("31-02-2026", 9, "ongeldige datum `31-02-2026`: schrijf een bestaande dag als "
         "JJJJ-MM-DD (jaar-maand-dag), bijvoorbeeld 2026-03-14"),
    ],
)  # fmt: skip
def test_a_day_first_date(example_copy: Path, value: str, column: int, message: str) -> None:
    path = "profielen/noor-bakker/feedback/2026-02-12-burger-jongere.toml"
    entry = example_copy / path
    text = entry.read_text(encoding="utf-8").replace("datum = 2026-02-12", f"datum = {value}")
    entry.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"datum = {value}") + 1
    code, lines = validate(example_copy, path)
    assert code == 1
    assert lines[:-1] == [f"{path}:{line}:{column}: fout: {message} [toml-syntax]"]


def test_a_date_inside_text_is_left_alone(example_copy: Path) -> None:
    """A day-first date in quoted text is fine TOML; the hint is only for parse errors."""
    path = "profielen/noor-bakker/feedback/2026-02-12-burger-jongere.toml"
    entry = example_copy / path
    text = entry.read_text(encoding="utf-8").replace(LEARNED, 'geleerd = "afspraak op 21-04-2026"')
    entry.write_text(text, encoding="utf-8")
    code, _ = validate(example_copy, path)
    assert code == 0


def test_a_postcode_alone_warns_and_does_not_fail(example_copy: Path) -> None:
    path = "profielen/noor-bakker/feedback/2026-02-12-burger-jongere.toml"
    entry = example_copy / path
    text = entry.read_text(encoding="utf-8")
    line = text.splitlines().index(LEARNED) + 1
    alone = 'geleerd = "Hij woont in 3072 AP, bij de markt."'
    entry.write_text(text.replace(LEARNED, alone), encoding="utf-8")
    code, lines = validate(example_copy, path)
    assert code == 0
    assert lines == [
        f"{path}:{line}:25: waarschuwing: dit lijkt een postcode; samen met een naam of "
        "huisnummer wijst die één huis aan: noem liever de wijk [privacy-postcode-alleen]",
        "1 bestand gecontroleerd: 0 fouten, 1 waarschuwing",
    ]
    with_number = 'geleerd = "Hij woont op 3072 AP 14."'
    entry.write_text(text.replace(LEARNED, with_number), encoding="utf-8")
    code, lines = validate(example_copy, path)
    assert code == 1
    assert lines[0].endswith("[privacy-postcode]")


def test_a_second_entry_with_the_same_title_says_its_file_name(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    args = ("add", "reflectie", "--profiel", WORKER, "--titel", "Huisbezoek", "--datum")
    rest = ("2026-03-02", "--methode", "vrij", "--tekst", "Tekst.", "--no-input")
    first = prof(root, *args, *rest)
    assert first.exit_code == 0, first.output
    second = prof(root, *args, *rest)
    assert second.exit_code == 0, second.output
    folder = f"profielen/{WORKER}/reflecties"
    assert second.output == (
        f"Opgeslagen: {folder}/2026-03-02-huisbezoek-2.toml\n"
        "Er stond al een item met de naam 2026-03-02-huisbezoek.toml (dezelfde titel en datum); "
        "dit nieuwe item heet daarom 2026-03-02-huisbezoek-2.toml. Het bestaande item is niet "
        "veranderd.\n"
    )
    assert sorted(p.name for p in (root / folder).iterdir()) == [
        "2026-03-02-huisbezoek-2.toml",
        "2026-03-02-huisbezoek.toml",
    ]


def test_a_broken_team_profile_turns_its_allowed_values_into_warnings(example_copy: Path) -> None:
    """The team allows its own e-mail address in `privacy_toegestaan`; with that profile
    unreadable the address is a warning that says why, not a false privacy error."""
    team = example_copy / "profielen/wijkteam-feijenoord-noord/profiel.toml"
    team.write_text(team.read_text(encoding="utf-8") + 'naam = "x\n', encoding="utf-8")
    code, lines = validate(example_copy)
    assert code == 1
    [error] = [line for line in lines if ": fout: " in line]
    assert error.endswith("[toml-syntax]")
    # the team lead's name (allowed by `[[leidinggevenden]]`, issue 23) is unknown too
    lead, warning = [line for line in lines if ": waarschuwing: " in line]
    assert lead.startswith("profielen/marieke-jansen/gesprekken/2026-03-10-jaargesprek-2026.toml:")
    assert "`Hanneke Verbeek`" in lead and lead.endswith(
        "(of het team de naam toestaat, is nu niet te zien: "
        "`profielen/wijkteam-feijenoord-noord/profiel.toml` kon niet gelezen worden) "
        "[privacy-naam]"
    )
    assert warning.startswith("profielen/wijkteam-feijenoord-noord/kennis/werken-met-tolken.toml:")
    assert warning.endswith(
        "(of het bij de toegestane teamgegevens staat, is nu niet te zien: "
        "`profielen/wijkteam-feijenoord-noord/profiel.toml` kon niet gelezen worden) "
        "[privacy-email]"
    )


def test_a_pipe_as_draft_is_refused_not_read(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    pipe = tmp_path / "concept.toml"
    os.mkfifo(pipe)
    done = subprocess.run(
        [*PYTHON_PROF, "--repo", str(root), "add", "--draft", str(pipe)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": with_hooks(str(Path(__file__).resolve().parents[1]))},
    )
    assert done.returncode == 2, done.stderr  # DraftUnreadable: a wrong --draft is usage
    assert done.stderr == f"fout: kan concept {pipe} niet lezen: het is geen gewoon bestand\n"


def test_wrong_folder_tolerates_a_typo_and_knows_team_kinds(example_copy: Path) -> None:
    worker = example_copy / "profielen/noor-bakker"
    reflection = worker / "reflecties/2025-12-04-gesprek-met-een-boze-puber.toml"
    text = reflection.read_text(encoding="utf-8").replace("tags = [", "tagz = [")
    (worker / "leerdoelen/2025-12-04-puber.toml").write_text(text, encoding="utf-8")
    meetings = example_copy / "profielen/wijkteam-feijenoord-noord/bijeenkomsten"
    meeting = sorted(meetings.iterdir())[0]
    (worker / "activiteiten" / meeting.name).write_text(meeting.read_text("utf-8"), "utf-8")
    code, lines = validate(example_copy)
    assert code == 1
    assert lines[:-1] == [
        f"profielen/noor-bakker/activiteiten/{meeting.name}:1:1: fout: verkeerde map: dit lijkt "
        "een bijeenkomst (het heeft de sleutels daarvan); verplaats het naar `bijeenkomsten/` in "
        "het portfolio van het team [verkeerde-map]",
        "profielen/noor-bakker/leerdoelen/2025-12-04-puber.toml:1:1: fout: verkeerde map: dit "
        "lijkt een reflectie (het heeft de sleutels daarvan); verplaats het naar "
        "`profielen/noor-bakker/reflecties/` [verkeerde-map]",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("datum = 21-04-2026\n", "1:9: datum `21-04-2026` staat in de verkeerde volgorde"),
        ("x = [2026-01-01, 3.4.2026]\n", "1:18: datum `3.4.2026` staat in de verkeerde volgorde"),
        ("tekst = op 21-04-2026 was\n", "1:9: ongeldige waarde (tekst hoort tussen"),
        ('t = "21-04-2026" x\n', "1:18: na een waarde hoort een nieuwe regel"),
    ],
)
def test_day_first_dates_only_where_a_value_stands(text: str, expected: str) -> None:
    """The hint is for a date where a TOML value stands, not for unquoted text around it."""
    found = load_document(Path("x.toml"), "x.toml", text)
    assert isinstance(found, Finding)
    assert f"{found.line}:{found.column}: {found.message}".startswith(expected)
