"""`prof list/show/edit/done/rm/drafts` on a copy of the example team (issue #12, item 1)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete
from click.testing import CliRunner, Result

from profcli.cli import main
from profcli.cli.common import Invocation

WORKER = "sanne-de-boer"
GOAL = "grenzen-stellen-bij-huisbezoeken"
PLANNED = "netwerkberaad-organiseren"
ACTIVITY = "2026-05-21-congres-armoede-en-schulden"
Recorded = list[tuple[Path, list[Path], str]]


@pytest.fixture
def root(example_copy: Path) -> Path:
    return example_copy


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Recorded:
    """What the commands hand to the git recorder (a no-op on this branch)."""
    calls: Recorded = []

    def record(self: Invocation, root: Path, paths: Sequence[Path], message: str) -> None:
        calls.append((root, list(paths), message))

    monkeypatch.setattr(Invocation, "record", record)
    return calls


def prof(
    root: Path, *args: str, input: str | None = None, env: dict[str, str] | None = None
) -> Result:
    full_env = {"PROF_PROFIEL": "", "EDITOR": "false", "VISUAL": "", **(env or {})}
    return CliRunner().invoke(main, ["-C", str(root), *args], input=input, env=full_env)


def goal_path(root: Path, name: str = GOAL, profile: str = WORKER) -> Path:
    return root / "profielen" / profile / "leerdoelen" / f"{name}.toml"


def drafts_in(root: Path) -> list[Path]:
    folder = root / ".prof-cache" / "concepten"
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def with_comment(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    path.write_text(changed, encoding="utf-8")
    return changed


# --- list ------------------------------------------------------------------------------------


def test_list_filters_by_kind_and_status_in_any_case(root: Path) -> None:
    result = prof(root, "list", "--profiel", WORKER, "--soort", "LEERDOEL", "--status", "Bezig")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "SOORT", "DATUM", "STATUS", "TITEL"]
    assert [line.split()[0] for line in lines[1:]] == [GOAL, "schuldenproblematiek-herkennen"]
    assert lines[1].split()[1:4] == ["leerdoel", "18-12-2026", "bezig"]


def test_list_by_tag_and_text(root: Path) -> None:
    tagged = prof(root, "list", "--profiel", WORKER, "--tag", "huisbezoek")
    ids = [line.split()[0] for line in tagged.stdout.splitlines()[1:]]
    assert GOAL in ids and "2025-03-04-escalatie-tijdens-huisbezoek" in ids
    assert "motiverende-gespreksvoering" not in ids
    text = prof(root, "list", "--profiel", WORKER, "--soort", "reflectie", "--tekst", "SCHAAMTE")
    assert [line.split()[0] for line in text.stdout.splitlines()[1:]] == [
        "2026-04-21-schaamte-over-schulden"
    ]


def test_list_without_a_profile_names_the_portfolio(root: Path) -> None:
    result = prof(root, "list", "--soort", "kennis")
    assert result.exit_code == 0
    rows = result.stdout.splitlines()[1:]
    assert rows and all(r.startswith("wijkteam-feijenoord-noord/") for r in rows)


def test_an_empty_list_points_at_the_team(root: Path) -> None:
    result = prof(root, "list", "--soort", "bijeenkomst", env={"PROF_PROFIEL": WORKER})
    assert result.exit_code == 0
    assert result.stdout == (
        "Geen stukken gevonden.\n"
        "Stukken van het team (bijeenkomsten, kennis, leeropdrachten): "
        "prof list --profiel wijkteam-feijenoord-noord\n"
    )


def test_list_json(root: Path) -> None:
    result = prof(root, "list", "--profiel", WORKER, "--status", "gepland", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["onleesbaar"] == []
    [goal] = data["stukken"]
    assert goal == {
        "id": PLANNED,
        "profiel": WORKER,
        "soort": "leerdoel",
        "datum": "2027-06-30",
        "status": "gepland",
        "titel": "Een netwerkberaad voorbereiden en leiden",
        "pad": f"profielen/{WORKER}/leerdoelen/{PLANNED}.toml",
        "geldig": True,
    }


def test_list_says_which_files_it_could_not_read(root: Path) -> None:
    broken = root / "profielen" / WORKER / "reflecties" / "2026-10-01-kapot.toml"
    broken.write_text('titel = "Half\n', encoding="utf-8")
    result = prof(root, "list", "--profiel", WORKER, "--soort", "leerdoel")
    assert result.exit_code == 1
    assert GOAL in result.stdout
    assert "de lijst is onvolledig; dit bestand kan niet gelezen worden" in result.stderr
    assert f"profielen/{WORKER}/reflecties/2026-10-01-kapot.toml:1:" in result.stderr


def test_list_unknown_profile_is_a_usage_error(root: Path) -> None:
    result = prof(root, "list", "--profiel", "niemand")
    assert result.exit_code == 2
    assert "portfolio `niemand` bestaat niet" in result.stderr


# --- show ------------------------------------------------------------------------------------


def test_show_reads_as_dutch_with_numbered_actions(root: Path) -> None:
    result = prof(root, "show", "grenzen-stellen")  # a unique beginning is enough
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Leerdoel: Veilig blijven en grenzen stellen bij huisbezoeken\n")
    assert f"Bestand: profielen/{WORKER}/leerdoelen/{GOAL}.toml" in out
    assert "Startdatum: 01-04-2025" in out
    assert "  1. [x] Training omgaan met agressie en de-escalatie volgen" in out
    assert "  3. [ ] Veiligheidsafspraken voor huisbezoeken vastleggen" in out


def test_show_a_team_entry_from_a_workers_profile(root: Path) -> None:
    result = prof(root, "show", "2025-03-13-intervisie", env={"PROF_PROFIEL": "noor-bakker"})
    assert result.exit_code == 0, result.output
    assert "Soort bijeenkomst: intervisie" in result.stdout


def test_unknown_id(root: Path) -> None:
    result = prof(root, "show", "bestaat-niet")
    assert result.exit_code == 2
    assert result.stderr == "fout: geen stuk met id `bestaat-niet`; zie `prof list` voor de id's\n"


def test_id_in_another_portfolio_is_named(root: Path) -> None:
    result = prof(root, "show", GOAL, "--profiel", "noor-bakker")
    assert result.exit_code == 2
    assert "het staat in sanne-de-boer" in result.stderr


def test_ambiguous_id_lists_the_candidates(root: Path) -> None:
    shutil.copy(goal_path(root), goal_path(root, profile="noor-bakker"))
    result = prof(root, "show", GOAL)
    assert result.exit_code == 2
    assert f"`{GOAL}` past bij 2 stukken; kies met --profiel SLUG:" in result.stderr
    assert f"  profielen/noor-bakker/leerdoelen/{GOAL}.toml" in result.stderr
    assert prof(root, "show", GOAL, "--profiel", WORKER).exit_code == 0
    prefix = prof(root, "show", "2026-0", "--profiel", WORKER)
    assert prefix.exit_code == 2
    assert "geef het hele id" in prefix.stderr


# --- edit ------------------------------------------------------------------------------------

FAKE_EDITOR = """
import json, os, sys
path = sys.argv[1]
text = open(path, encoding="utf-8", newline="").read()  # an editor keeps line ends
for old, new in json.loads(os.environ["FAKE_EDITS"]).items():
    assert old in text, old
    text = text.replace(old, new)
open(path, "w", encoding="utf-8", newline="").write(text)
"""


def editor(tmp_path: Path, edits: dict[str, str]) -> dict[str, str]:
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR)
    return {"EDITOR": f"{sys.executable} {script}", "FAKE_EDITS": json.dumps(edits)}


def test_edit_in_the_editor_keeps_comments(root: Path, tmp_path: Path, recorded: Recorded) -> None:
    path = goal_path(root, PLANNED)
    before = with_comment(path, 'status = "gepland"', 'status = "gepland"  # na de zomer')
    env = editor(tmp_path, {'status = "gepland"': 'status = "bezig"'})
    result = prof(root, "edit", PLANNED, env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Opgeslagen: profielen/{WORKER}/leerdoelen/{PLANNED}.toml\n"
    assert path.read_text() == before.replace('"gepland"', '"bezig"')
    assert drafts_in(root) == []
    assert recorded == [
        (root.resolve(), [path], f"prof: leerdoel {PLANNED} bijgewerkt"),
    ]


def test_refused_edit_keeps_a_draft_and_the_file(
    root: Path, tmp_path: Path, recorded: Recorded
) -> None:
    path = goal_path(root, PLANNED)
    before = path.read_text()
    env = editor(tmp_path, {'status = "gepland"': 'status = "klaar"  # mijn notitie'})
    result = prof(root, "edit", PLANNED, env=env)
    assert result.exit_code == 1
    assert path.read_text() == before
    assert recorded == []
    [draft] = drafts_in(root)
    assert 'status = "klaar"  # mijn notitie' in draft.read_text()
    shown = f".prof-cache/concepten/{draft.name}"
    assert f"{shown}:4:10: fout: " in result.stderr  # the line in the draft the user opens
    assert "[schema-keuze]" in result.stderr
    assert f"niet opgeslagen: profielen/{WORKER}/leerdoelen/{PLANNED}.toml is niet gewijzigd" in (
        result.stderr
    )
    assert f"prof drafts --hervat {draft.stem}" in result.stderr

    listed = prof(root, "drafts")
    assert listed.exit_code == 0
    # The draft's age counts from the clock that named it, so only its start is fixed here.
    assert listed.stdout.startswith(
        f"{draft.stem}  wijziging van profielen/{WORKER}/leerdoelen/{PLANNED}.toml  ("
    )

    fix = editor(tmp_path, {'status = "klaar"': 'status = "bezig"'})
    resumed = prof(root, "drafts", "--hervat", draft.stem, env=fix)
    assert resumed.exit_code == 0, resumed.output
    assert path.read_text() == before.replace(
        'status = "gepland"', 'status = "bezig"  # mijn notitie'
    )
    assert path.read_text().startswith("#:schema ../../../schemas/leerdoel.schema.json\n")
    assert drafts_in(root) == []
    assert [message for _, _, message in recorded] == [f"prof: leerdoel {PLANNED} bijgewerkt"]


def test_unchanged_edit_changes_nothing(root: Path, tmp_path: Path, recorded: Recorded) -> None:
    path = goal_path(root, PLANNED)
    stat = path.stat()
    result = prof(root, "edit", PLANNED, env=editor(tmp_path, {}))
    assert result.exit_code == 0
    assert result.stdout == f"Niets gewijzigd in profielen/{WORKER}/leerdoelen/{PLANNED}.toml.\n"
    assert path.stat().st_mtime_ns == stat.st_mtime_ns
    assert drafts_in(root) == [] and recorded == []


def test_edit_zet_keeps_comments_and_types_values(root: Path, recorded: Recorded) -> None:
    path = goal_path(root, PLANNED)
    before = with_comment(path, "deadline = 2027-06-30", "deadline = 2027-06-30  # afgesproken")
    result = prof(
        root, "edit", PLANNED, "--zet", "deadline=31-12-2027", "--zet", "tags=netwerk, familie"
    )
    assert result.exit_code == 0, result.output
    expected = before.replace("2027-06-30", "2027-12-31").replace(
        'tags = ["netwerkversterking"]', 'tags = ["netwerk", "familie"]'
    )
    assert path.read_text() == expected
    assert len(recorded) == 1


def test_edit_zet_refused(root: Path, recorded: Recorded) -> None:
    path = goal_path(root, PLANNED)
    before = path.read_text()
    wrong = prof(root, "edit", PLANNED, "--zet", "status=klaar")
    assert wrong.exit_code == 2  # refused as read, before the entry is checked
    assert "`status`: `klaar` kan niet; kies uit: gepland, bezig, behaald, gestopt" in wrong.stderr
    typo = prof(root, "edit", PLANNED, "--zet", "status=bzig")
    assert typo.exit_code == 2
    assert "`status`: `bzig` kan niet; bedoelde je `bezig`?" in typo.stderr
    bad_date = prof(root, "edit", PLANNED, "--zet", "deadline=morgen")
    assert bad_date.exit_code == 2
    assert "`deadline`: `morgen` is geen datum" in bad_date.stderr
    no_pair = prof(root, "edit", PLANNED, "--zet", "status")
    assert no_pair.exit_code == 2
    assert path.read_text() == before
    assert drafts_in(root) == [] and recorded == []


def test_edit_zet_offers_a_typo_in_a_terminal_as_add_does(
    root: Path, recorded: Recorded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 26: a typo in an option is answered as at a question, for --zet too."""
    from profcli.cli import edit

    monkeypatch.setattr(edit, "stdin_is_tty", lambda: True)
    path = goal_path(root, PLANNED)
    before = path.read_text()
    declined = prof(root, "edit", PLANNED, "--zet", "status=bzig", input="n\n")
    assert declined.exit_code == 2
    assert "bedoelde je `bezig`? [J/n]" in declined.stderr
    assert path.read_text() == before
    taken = prof(root, "edit", PLANNED, "--zet", "tags=netwerk", "--zet", "status=bzig", input="\n")
    assert taken.exit_code == 0, taken.output
    after = path.read_text()
    assert 'status = "bezig"' in after and 'tags = ["netwerk"]' in after
    assert len(recorded) == 1


# --- done ------------------------------------------------------------------------------------


def test_done_marks_a_goal_reached_today(root: Path, recorded: Recorded) -> None:
    path = goal_path(root)
    before = with_comment(path, 'status = "bezig"', 'status = "bezig"  # sinds april')
    result = prof(root, "done", GOAL)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Leerdoel {GOAL} behaald op 22-11-2026; let op: 1 actie staat nog open.\n"
    )
    text = path.read_text()
    assert 'status = "behaald"  # sinds april\n' in text
    assert "\nbehaald_op = 2026-11-22\n" in text
    assert text.replace('"behaald"', '"bezig"').replace("behaald_op = 2026-11-22\n", "") == before
    assert recorded == [(root.resolve(), [path], f"prof: leerdoel {GOAL} behaald")]
    again = prof(root, "done", GOAL)
    assert again.exit_code == 0
    assert "was al behaald (op 22-11-2026); niets gewijzigd." in again.stdout
    assert len(recorded) == 1


def test_done_ticks_one_action(root: Path, recorded: Recorded) -> None:
    path = goal_path(root)
    result = prof(root, "done", GOAL, "--actie", "3", "--op", "21-11-2026")
    assert result.exit_code == 0, result.output
    assert "klaar op 21-11-2026" in result.stdout
    tail = path.read_text().split("[[acties]]")[3]
    assert "klaar = true\nklaar_op = 2026-11-21\n" in tail
    assert 'status = "bezig"' in path.read_text()
    assert recorded[0][2] == f"prof: actie 3 van leerdoel {GOAL} klaar"
    shown = prof(root, "show", GOAL)
    assert "3. [x] Veiligheidsafspraken" in shown.stdout and "(klaar op 21-11-2026)" in shown.stdout


def test_done_refusals(root: Path, recorded: Recorded) -> None:
    before = goal_path(root).read_text()
    missing = prof(root, "done", GOAL, "--actie", "9")
    assert missing.exit_code == 2
    assert "heeft geen actie 9; kies een nummer:\n  1. Training omgaan met agressie" in (
        missing.stderr
    )
    not_goal = prof(root, "done", "2025-03-04-escalatie-tijdens-huisbezoek")
    assert not_goal.exit_code == 2
    assert "geen leerdoel of gesprek met id" in not_goal.stderr  # done: a goal or a conversation
    future = prof(root, "done", GOAL, "--op", "2027-01-01")
    assert future.exit_code == 1
    assert "`behaald_op` 2027-01-01 ligt in de toekomst [datum-toekomst]" in future.stderr
    assert goal_path(root).read_text() == before
    assert recorded == []


# --- rm --------------------------------------------------------------------------------------


def activity(root: Path) -> Path:
    return root / "profielen" / WORKER / "activiteiten" / f"{ACTIVITY}.toml"


def test_rm_refuses_a_goal_others_refer_to(root: Path, recorded: Recorded) -> None:
    result = prof(root, "rm", GOAL, "--ja")
    assert result.exit_code == 1
    assert f"niet verwijderd: profielen/{WORKER}/leerdoelen/{GOAL}.toml wordt nog genoemd in:" in (
        result.stderr
    )
    assert f"  profielen/{WORKER}/reflecties/2025-03-04-escalatie-tijdens-huisbezoek.toml" in (
        result.stderr
    )
    assert goal_path(root).exists() and recorded == []


def test_rm_refuses_a_file_given_as_evidence(root: Path, recorded: Recorded) -> None:
    other = root / "profielen" / WORKER / "activiteiten" / "2026-07-09-supervisie-reeks.toml"
    shown = f"profielen/{WORKER}/activiteiten/{ACTIVITY}.toml"
    with other.open("a", encoding="utf-8") as handle:
        handle.write(f'bewijs = ["{shown}"]\n')
    assert prof(root, "validate", str(other)).exit_code == 0
    result = prof(root, "rm", ACTIVITY, "--ja")
    assert result.exit_code == 1
    assert result.stderr == (
        f"fout: niet verwijderd: {shown} wordt nog genoemd in:\n"
        f"  profielen/{WORKER}/activiteiten/2026-07-09-supervisie-reeks.toml\n"
        "Haal het daar eerst weg (`prof edit ID`).\n"
    )
    assert activity(root).exists() and recorded == []


def test_rm_asks_first(root: Path, recorded: Recorded) -> None:
    no = prof(root, "rm", ACTIVITY, input="n\n")
    assert no.exit_code == 0
    assert 'Dit wordt verwijderd: activiteit "Landelijk congres armoede en schulden"' in no.stdout
    assert "Niets verwijderd." in no.stdout
    assert activity(root).exists()
    unclear = prof(root, "rm", ACTIVITY, input="misschien\nja\n")
    assert unclear.exit_code == 0
    assert "Antwoord met j (ja) of n (nee)." in unclear.stderr
    assert not activity(root).exists()
    assert recorded == [
        (root.resolve(), [activity(root)], f"prof: activiteit {ACTIVITY} verwijderd")
    ]


def test_rm_without_a_question(root: Path, recorded: Recorded) -> None:
    refused = prof(root, "rm", ACTIVITY, "--no-input")
    assert refused.exit_code == 1
    assert "niet verwijderd: bevestig met --ja" in refused.stderr
    assert activity(root).exists()
    done = prof(root, "rm", ACTIVITY, "--ja", "--no-input")
    assert done.exit_code == 0
    assert not activity(root).exists()
    assert len(recorded) == 1


# --- drafts ----------------------------------------------------------------------------------


def test_drafts_list_and_delete(root: Path) -> None:
    assert prof(root, "drafts").stdout == "Geen concepten.\n"
    folder = root / ".prof-cache" / "concepten"
    folder.mkdir(parents=True)
    draft = folder / "20261120-101500-reflectie.toml"
    draft.write_text(
        "#:schema ../../schemas/reflectie.schema.json\n"
        f'# concept voor: prof add reflectie --profiel {WORKER}\ntitel = ""\n'
    )
    listed = prof(root, "drafts")
    assert listed.stdout.splitlines()[0] == (
        f"20261120-101500-reflectie  nieuw: reflectie voor {WORKER}  (2 dagen oud)"
    )
    unknown = prof(root, "drafts", "--verwijder", "bestaat-niet")
    assert unknown.exit_code == 2
    assert "concept `bestaat-niet` bestaat niet (concepten: 20261120-101500-reflectie)" in (
        unknown.stderr
    )
    gone = prof(root, "drafts", "--verwijder", "20261120-101500-reflectie")
    assert gone.exit_code == 0
    assert not draft.exists()


def test_drafts_resume_a_new_entry_through_prof_add(root: Path, tmp_path: Path) -> None:
    folder = root / ".prof-cache" / "concepten"
    folder.mkdir(parents=True)
    draft = folder / "20261120-101500-leerdoel.toml"
    draft.write_text(
        "#:schema ../../schemas/leerdoel.schema.json\n"
        f"# concept voor: prof add leerdoel --profiel {WORKER}\n"
        'titel = "Outreachend werken in de wijk"\nstatus = "misschien"\n'
    )
    env = editor(tmp_path, {'"misschien"': '"gepland"'})
    # Without a terminal nothing can be asked: the draft is checked as it is, and kept.
    kept = prof(root, "drafts", "--hervat", "20261120-101500-leerdoel", env=env)
    assert kept.exit_code == 1 and "[schema-keuze]" in kept.output and draft.exists()
    result = prof(root, "drafts", "--hervat", "20261120-101500-leerdoel", "--editor", env=env)
    assert result.exit_code == 0, result.output
    assert goal_path(root, "outreachend-werken-in-de-wijk").is_file()
    assert not draft.exists()


# --- completion and help ---------------------------------------------------------------------


def complete(root: Path, args: list[str], incomplete: str) -> list[str]:
    old = os.environ.pop("PROF_PROFIEL", None)
    try:
        shell = ShellComplete(main, {}, "prof", "_PROF_COMPLETE")
        return [c.value for c in shell.get_completions(["-C", str(root), *args], incomplete)]
    finally:
        if old is not None:
            os.environ["PROF_PROFIEL"] = old


def test_completion_offers_ids(root: Path) -> None:
    assert complete(root, ["show"], "grenzen-st") == [GOAL]
    goals = complete(root, ["done", "--profiel", WORKER], "")
    assert goals[:4] == [
        GOAL,
        "motiverende-gespreksvoering",
        PLANNED,
        "schuldenproblematiek-herkennen",
    ]
    assert "armoede-en-schulden-vroeg-signaleren" in goals[4:]  # the team's, after her own
    assert not any(g.startswith("20") for g in goals)
    rm = complete(root, ["rm", "--profiel", WORKER], "2026-05")
    assert rm == [ACTIVITY]
    folder = root / ".prof-cache" / "concepten"
    folder.mkdir(parents=True)
    (folder / "20261120-101500-reflectie.toml").write_text("titel = 1\n")
    assert complete(root, ["drafts", "--hervat"], "2026") == ["20261120-101500-reflectie"]


@pytest.mark.parametrize("command", ["list", "show", "edit", "done", "rm", "drafts"])
def test_help_is_dutch(root: Path, command: str) -> None:
    result = prof(root, command, "--help")
    assert result.exit_code == 0
    assert "Voorbeelden:" in result.stdout and "Opties" in result.stdout


def test_a_file_that_does_not_parse_can_be_mended_with_edit(
    root: Path, tmp_path: Path, recorded: Recorded
) -> None:
    path = goal_path(root, PLANNED)
    broken = path.read_text().replace('status = "gepland"', 'status = "gepland')
    path.write_text(broken)
    done = prof(root, "done", PLANNED)
    assert done.exit_code == 1
    assert f"leerdoel {PLANNED} is geen geldige TOML (regel 3," in done.stderr
    shown = prof(root, "show", PLANNED)
    assert shown.exit_code == 1
    assert "Dit bestand kan niet gelezen worden:" in shown.stderr
    fixed = prof(root, "edit", PLANNED, env=editor(tmp_path, {'"gepland\n': '"gepland"\n'}))
    assert fixed.exit_code == 0, fixed.output
    assert 'status = "gepland"\n' in path.read_text()
    assert len(recorded) == 1


def test_edit_zet_inside_a_table(root: Path) -> None:
    name = "2025-03-04-escalatie-tijdens-huisbezoek"
    path = root / "profielen" / WORKER / "reflecties" / f"{name}.toml"
    result = prof(root, "edit", name, "--zet", "starr.resultaat=Niemand raakte gewond.")
    assert result.exit_code == 0, result.output
    text = path.read_text()
    assert 'resultaat = "Niemand raakte gewond."' in text.split("[starr]")[1]
    assert prof(root, "validate", str(path)).exit_code == 0
    wrong_place = prof(root, "edit", name, "--zet", "gibbs.beschrijving=Iets")
    assert wrong_place.exit_code == 1
    assert '`gibbs` hoort niet bij methode = "starr"' in wrong_place.stderr
    assert path.read_text() == text


def test_id_commands_load_no_validator_for_completion() -> None:
    """Tab on an ID imports the command's module; it must not pay for jsonschema or tomlkit."""
    code = (
        "import sys\nfrom profcli.cli import main\nimport click\n"
        "ctx = click.Context(main)\n"
        "for name in ('show', 'edit', 'done', 'rm'):\n"
        "    assert main.get_command(ctx, name) is not None\n"
        "heavy = ('jsonschema', 'tomlkit', 'profcli.repository.loader')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_finding_within_a_profile_walks_only_that_portfolio(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from profcli.authoring import entries

    def everything(root: Path) -> None:
        raise AssertionError("walked every portfolio")

    monkeypatch.setattr(entries, "discover", everything)
    found = entries.find(root, "2025-03-13-intervisie", "noor-bakker")  # in her team's folder
    assert found.profile == "wijkteam-feijenoord-noord"
    assert entries.find(root, PLANNED, WORKER).display.endswith(f"{PLANNED}.toml")


def test_done_keeps_a_byte_order_mark_and_windows_line_ends(root: Path) -> None:
    path = goal_path(root)
    original = path.read_text(encoding="utf-8")
    path.write_bytes(("\ufeff" + original).replace("\n", "\r\n").encode("utf-8"))
    result = prof(root, "done", GOAL)
    assert result.exit_code == 0, result.output
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf#:schema")
    assert b'status = "behaald"\r\n' in raw and b"behaald_op = 2026-11-22\r\n" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")


def test_edit_keeps_windows_line_ends(root: Path, tmp_path: Path) -> None:
    path = goal_path(root, PLANNED)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    env = editor(tmp_path, {'status = "gepland"': 'status = "bezig"'})
    assert prof(root, "edit", PLANNED, env=env).exit_code == 0
    assert prof(root, "edit", PLANNED, "--zet", "start=2026-11-01").exit_code == 0
    raw = path.read_bytes()
    assert raw.startswith(b"#:schema ../../../schemas/leerdoel.schema.json\r\n")
    assert b'status = "bezig"\r\n' in raw and b"start = 2026-11-01\r\n" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert drafts_in(root) == []


def test_a_new_date_moves_a_dated_entry(root: Path, recorded: Recorded) -> None:
    old = activity(root)
    new = old.with_name("2026-05-20-congres-armoede-en-schulden.toml")
    result = prof(root, "edit", ACTIVITY, "--zet", "datum=20-05-2026")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Opgeslagen: profielen/{WORKER}/activiteiten/{new.name} "
        f"(was profielen/{WORKER}/activiteiten/{ACTIVITY}.toml)\n"
    )
    assert not old.exists() and "datum = 2026-05-20\n" in new.read_text()
    assert recorded == [
        (
            root.resolve(),
            [old, new],
            f"prof: activiteit {ACTIVITY} bijgewerkt (nu 2026-05-20-congres-armoede-en-schulden, "
            "de datum is veranderd)",
        )
    ]
    assert prof(root, "validate").exit_code == 0


def test_a_new_date_never_overwrites_another_entry(root: Path, recorded: Recorded) -> None:
    other = activity(root).with_name("2026-05-20-congres-armoede-en-schulden.toml")
    shutil.copy(activity(root), other)
    text = other.read_text().replace("datum = 2026-05-21", "datum = 2026-05-20")
    other.write_text(text)
    before = activity(root).read_text()
    result = prof(root, "edit", ACTIVITY, "--zet", "datum=2026-05-20")
    assert result.exit_code == 1
    assert "zou het bestand 2026-05-20-congres-armoede-en-schulden.toml heten, maar" in (
        result.stderr
    )
    assert activity(root).read_text() == before and other.read_text() == text
    assert recorded == []


def test_her_own_goal_before_her_teams_of_the_same_name(root: Path) -> None:
    team = "wijkteam-feijenoord-noord"
    shutil.copy(goal_path(root), goal_path(root, profile=team))
    mine = prof(root, "show", GOAL, "--profiel", WORKER)
    assert mine.exit_code == 0 and f"Portfolio: {WORKER}" in mine.stdout
    theirs = prof(root, "show", GOAL, "--profiel", team)
    assert theirs.exit_code == 0 and f"Portfolio: {team}" in theirs.stdout
    by_path = prof(root, "show", f"profielen/{team}/leerdoelen/{GOAL}.toml")
    assert by_path.exit_code == 0 and f"Portfolio: {team}" in by_path.stdout


def test_a_failing_editor_changes_nothing_and_leaves_no_draft(root: Path) -> None:
    path = goal_path(root, PLANNED)
    before = path.read_text()
    result = prof(root, "edit", PLANNED, env={"EDITOR": "false"})
    assert result.exit_code == 1
    assert result.stderr.startswith("fout: de editor gaf een fout (false: bewerken mislukt")
    assert "er is niets gewijzigd" in result.stderr
    assert path.read_text() == before and drafts_in(root) == []


def test_a_failing_editor_keeps_a_draft_being_resumed(root: Path, tmp_path: Path) -> None:
    refused = prof(root, "edit", PLANNED, env=editor(tmp_path, {'"gepland"': '"klaar"'}))
    assert refused.exit_code == 1
    [draft] = drafts_in(root)
    kept = draft.read_text()
    result = prof(root, "drafts", "--hervat", draft.stem, env={"EDITOR": "false"})
    assert result.exit_code == 1
    assert f"ga verder met: prof drafts --hervat {draft.stem}" in result.stderr
    assert drafts_in(root) == [draft] and draft.read_text() == kept


def test_an_id_in_other_case_is_read_and_a_typo_gets_a_suggestion(root: Path) -> None:
    shown = prof(root, "show", "Netwerkberaad Organiseren", "--profiel", WORKER)
    assert shown.exit_code == 0, shown.output
    typo = prof(root, "show", "netwerkbraad", "--profiel", WORKER)
    assert typo.exit_code == 2
    assert f"geen stuk met id `netwerkbraad` in `{WORKER}`; bedoelde je `{PLANNED}`?" in (
        typo.stderr
    )


def test_an_id_without_its_date_finds_the_entry(example_copy: Path) -> None:
    """A person types the title part of a dated id (`prof edit intervisie-wijkteam`)."""
    from profcli.authoring import entries
    from profcli.errors import EntryNotFound

    found = entries.find(example_copy, "intervisie-begeleiden", "marieke-jansen")
    assert found.stem == "2026-01-29-intervisie-begeleiden"
    assert entries.find(example_copy, "Congres Sociaal", "marieke-jansen").stem == (
        "2023-10-12-congres-sociaal-werk"
    )
    # Two dated entries whose titles start alike: named, none picked.
    with pytest.raises(EntryNotFound, match=r"past bij 2 stukken"):
        entries.find(example_copy, "training", "marieke-jansen")
