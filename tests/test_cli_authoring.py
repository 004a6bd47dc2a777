"""`prof init`, `prof new` and `prof add`: exit codes, messages, prompts, editor, drafts."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from profcli.cli import main
from profcli.repository import writing
from tests.authoring_repo import TEAM, WORKER, entries, make_repo, prof
from tests.conftest import TODAY


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path)


@pytest.fixture
def tty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.import_module("profcli.cli.add"), "stdin_is_tty", lambda: True)


def drafts(root: Path) -> list[Path]:
    folder = root / ".prof-cache" / "concepten"
    return sorted(folder.iterdir()) if folder.is_dir() else []


# --- init ------------------------------------------------------------------------------------


def test_init_scaffolds_a_valid_repository(repo: Path) -> None:
    for name in (
        "mkdocs.yml",
        ".gitignore",
        ".taplo.toml",
        ".pre-commit-config.yaml",
        ".github/workflows/prof.yml",
        ".gitlab-ci.yml",
        "site/over.md",
        "schemas/reflectie.schema.json",
        f"profielen/{TEAM}/profiel.toml",
    ):
        assert (repo / name).is_file(), name
    mkdocs = (repo / "mkdocs.yml").read_text()
    for line in ("docs_dir: site", "site_dir: public", "language: nl", "font: false", "- profcli"):
        assert line in mkdocs
    assert (repo / ".gitignore").read_text().count(".prof-cache/") == 1
    taplo = tomllib.loads((repo / ".taplo.toml").read_text())
    rules = {r["include"][0]: r["schema"]["path"] for r in taplo["rule"]}
    assert rules["profielen/*/reflecties/*.toml"] == "schemas/reflectie.schema.json"
    assert "--format github" in (repo / ".github/workflows/prof.yml").read_text()
    assert "junit" in (repo / ".gitlab-ci.yml").read_text()
    team = tomllib.loads((repo / f"profielen/{TEAM}/profiel.toml").read_text())
    assert team["soort"] == "team" and team["naam"] == "Wijkteam Noord"
    result = prof(repo, "validate")
    assert result.exit_code == 0, result.output


def test_init_says_when_there_is_no_git_repository_yet(tmp_path: Path) -> None:
    outside = CliRunner().invoke(main, ["init", str(tmp_path / "los"), "--team", "Wijkteam Zuid"])
    assert outside.exit_code == 0, outside.output
    assert "Nog geen git-repository: maak er een met `git init`" in outside.output
    inside = tmp_path / "met-git"
    inside.mkdir()
    subprocess.run(["git", "init", "-q", str(inside)], check=True)
    within = CliRunner().invoke(main, ["init", str(inside / "team"), "--team", "Wijkteam Zuid"])
    assert within.exit_code == 0, within.output
    assert "git-repository" not in within.output


def test_init_twice_refuses(repo: Path) -> None:
    before = (repo / "mkdocs.yml").read_text()
    result = prof(None, "init", str(repo), "--team", "Ander Team")
    assert result.exit_code == 1
    assert f"fout: niets geschreven: deze bestanden bestaan al in {repo}:" in result.output
    assert "  mkdocs.yml" in result.output
    assert "Gebruik --force om ze te overschrijven." in result.output
    assert not (repo / "profielen/ander-team").exists()
    assert (repo / "mkdocs.yml").read_text() == before
    forced = prof(None, "init", str(repo), "--team", "Ander Team", "--force")
    assert forced.exit_code == 0


def test_init_without_team_is_a_usage_error(tmp_path: Path) -> None:
    result = prof(None, "init", str(tmp_path / "x"), "--no-input")
    assert result.exit_code == 2
    assert "geef de naam van het team met --team NAAM" in result.output
    assert not (tmp_path / "x").exists()


def test_init_schemas_rewrites_only_schemas(repo: Path) -> None:
    (repo / "schemas/reflectie.schema.json").write_text("{}")
    warned = prof(repo, "validate")
    assert "[schema-kopie]" in warned.output and "prof init --schemas" in warned.output
    (repo / "mkdocs.yml").write_text("eigen")
    result = prof(repo, "init", "--schemas")
    assert result.exit_code == 0
    assert result.output.startswith("1 schema's bijgewerkt")
    assert (repo / "mkdocs.yml").read_text() == "eigen"
    assert "[schema-kopie]" not in prof(repo, "validate").output


# --- new -------------------------------------------------------------------------------------


def test_new_makes_a_slug_and_refuses_twice(repo: Path) -> None:
    profile = tomllib.loads((repo / f"profielen/{WORKER}/profiel.toml").read_text())
    assert profile["naam"] == "Éva van den Berg" and profile["team"] == TEAM
    assert (
        (repo / f"profielen/{WORKER}/profiel.toml")
        .read_text()
        .startswith("#:schema ../../schemas/profiel.schema.json\n")
    )
    again = prof(repo, "new", "Eva van den Berg")
    assert again.exit_code == 1
    assert again.output == (
        f"fout: niet gemaakt: profielen/{WORKER} bestaat al. Kies een andere naam met --slug.\n"
    )


def test_new_with_all_options(repo: Path) -> None:
    result = prof(
        repo,
        "new",
        "Anna de Vries",
        "--functie",
        "Sociaal werker",
        "--fase",
        "vakbekwaam",
        "--register",
        "skj",
        "--nummer",
        "110000001",
        "--cyclus-start",
        "2025-01-01",
        "--expertise",
        "schulden",
        "--expertise",
        "jeugd",
    )
    assert result.exit_code == 0
    assert (
        result.output == "Portfolio gemaakt: profielen/anna-de-vries/profiel.toml\n"
        "Tip: export PROF_PROFIEL=anna-de-vries   (zet die regel in ~/.bashrc, dan geldt hij "
        "ook in een nieuwe terminal)\n"
    )
    data = tomllib.loads((repo / "profielen/anna-de-vries/profiel.toml").read_text())
    assert data["registratie"]["nummer"] == "110000001" and data["expertise"] == [
        "schulden",
        "jeugd",
    ]


def test_new_without_a_name_asks_name_and_registration(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importlib.import_module("profcli.cli.new"), "stdin_is_tty", lambda: True)
    # name; register by name in capitals; kamer skipped; number; start typed the Dutch way
    typed = "Sanne Visser\nRegisterplein\n\n4610187654\n01-03-2025\n"
    result = prof(repo, "--vandaag", "2026-12-07", "new", input=typed)
    assert result.exit_code == 0, result.output
    assert "In welk register sta je?" in result.output
    data = tomllib.loads((repo / "profielen" / "sanne-visser" / "profiel.toml").read_text())
    assert data["naam"] == "Sanne Visser"
    assert data["registratie"] == {
        "register": "registerplein",
        "nummer": "4610187654",
        "cyclus_start": dt.date(2025, 3, 1),
    }
    assert "Tip: export PROF_PROFIEL=sanne-visser" in result.output


def test_new_without_a_name_or_a_terminal_says_how(repo: Path) -> None:
    result = prof(repo, "new")
    assert result.exit_code == 2
    assert 'prof new "Voornaam Achternaam"' in result.output
    assert not (repo / "profielen" / "sanne-visser").exists()


def test_new_unknown_team(repo: Path) -> None:
    result = prof(repo, "new", "X", "--team", "bestaat-niet")
    assert result.exit_code == 2
    assert "team `bestaat-niet` bestaat niet; bekend: wijkteam-noord" in result.output


# --- add: options, --no-input ----------------------------------------------------------------


def test_add_with_options_writes_a_valid_file(repo: Path) -> None:
    result = prof(
        repo,
        "add",
        "reflectie",
        "--profiel",
        WORKER,
        "--titel",
        'Huisbezoek met "ruzie"',
        "--datum",
        "2026-03-02",
        "--methode",
        "vrij",
        "--tekst",
        "Regel 1\nRegel 2\n",
        "--no-input",
    )
    assert result.exit_code == 0
    path = f"profielen/{WORKER}/reflecties/2026-03-02-huisbezoek-met-ruzie.toml"
    assert result.output == f"Opgeslagen: {path}\n"
    text = (repo / path).read_text()
    assert text.startswith("#:schema ../../../schemas/reflectie.schema.json\n")
    assert tomllib.loads(text)["vrij"]["tekst"] == "Regel 1\nRegel 2\n"
    assert prof(repo, "validate").exit_code == 0


def test_add_missing_field_without_input_is_usage_error(repo: Path) -> None:
    result = prof(repo, "add", "activiteit", "--profiel", WORKER, "--titel", "X", "--no-input")
    assert result.exit_code == 2
    assert "fout: verplicht voor activiteit: --uren, --vorm (of gebruik --editor)" in result.output
    assert entries(repo, WORKER, "activiteiten") == []


def test_add_profile_from_environment_and_team_kinds_go_to_team(repo: Path) -> None:
    result = prof(
        repo,
        "add",
        "kennis",
        "--titel",
        "Schuldhulp",
        "--inhoud",
        "# Kop",
        "--no-input",
        env={"PROF_PROFIEL": WORKER},
    )
    assert result.exit_code == 0
    assert entries(repo, TEAM, "kennis") == ["schuldhulp.toml"]


def test_add_unknown_profile(repo: Path) -> None:
    result = prof(repo, "add", "feedback", "--profiel", "niemand", "--no-input")
    assert result.exit_code == 2
    assert "portfolio `niemand` bestaat niet" in result.output


def test_add_invalid_keeps_a_draft_and_writes_nothing(repo: Path) -> None:
    result = prof(
        repo,
        "add",
        "feedback",
        "--profiel",
        WORKER,
        "--datum",
        "2026-01-08",
        "--van",
        "burger",
        "--samenvatting",
        "BSN 123456782",
        "--no-input",
    )
    assert result.exit_code == 1
    assert entries(repo, WORKER, "feedback") == []
    [draft] = drafts(repo)
    shown = f".prof-cache/concepten/{draft.name}"
    # checked as an option before anything is written: the message names the option
    assert "fout: --samenvatting: `123456782`: " in result.output
    said = "fout: niet opgeslagen: er is 1 waarde niet goed (zie hierboven)."
    assert f"{said} Alles wat je gaf staat in {shown}." in result.output
    assert "BSN 123456782" in draft.read_text()
    # Fix the draft and resume it.
    draft.write_text(draft.read_text().replace("BSN 123456782", "Fijn gesprek"))
    resumed = prof(repo, "add", "--draft", str(draft))
    assert resumed.exit_code == 0, resumed.output
    assert entries(repo, WORKER, "feedback") == ["2026-01-08-burger.toml"]
    assert drafts(repo) == []


def test_explicit_slug_clash_is_refused(repo: Path) -> None:
    args = [
        "add",
        "feedback",
        "--profiel",
        WORKER,
        "--datum",
        "2026-01-08",
        "--van",
        "collega",
        "--samenvatting",
        "Goed",
        "--slug",
        "gesprek",
        "--no-input",
    ]
    assert prof(repo, *args).exit_code == 0
    again = prof(repo, *args)
    assert again.exit_code == 1
    assert "bestaat al" in again.output
    assert entries(repo, WORKER, "feedback") == ["2026-01-08-gesprek.toml"]


def test_same_title_twice_gets_a_suffix(repo: Path) -> None:
    args = [
        "add",
        "feedback",
        "--profiel",
        WORKER,
        "--datum",
        "2026-01-08",
        "--van",
        "collega",
        "--samenvatting",
        "Goed",
        "--no-input",
    ]
    assert prof(repo, *args).exit_code == 0
    assert prof(repo, *args).exit_code == 0
    assert entries(repo, WORKER, "feedback") == [
        "2026-01-08-collega-2.toml",
        "2026-01-08-collega.toml",
    ]


def add_command(repo: Path, title: str = "Training", day: str = "2026-02-02") -> list[str]:
    """`prof add activiteit` as a separate process, so it can run in parallel or be killed."""
    return [
        sys.executable,
        "-c",
        "from profcli.cli import main; main()",
        "--repo",
        str(repo),
        "add",
        "activiteit",
        "--profiel",
        WORKER,
        "--datum",
        day,
        "--titel",
        title,
        "--vorm",
        "training",
        "--uren",
        "1",
        "--no-input",
    ]


CONCURRENT = 20


def test_concurrent_adds_all_succeed(repo: Path) -> None:
    procs = [
        subprocess.Popen(add_command(repo), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(CONCURRENT)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * CONCURRENT, outputs
    expected = ["2026-02-02-training.toml"] + [
        f"2026-02-02-training-{n}.toml" for n in range(2, CONCURRENT + 1)
    ]
    assert entries(repo, WORKER, "activiteiten") == sorted(expected)
    saved = sorted(out.decode().splitlines()[0].rsplit("/", 1)[-1] for out, _ in outputs)
    assert saved == sorted(expected), "every process reports its own file"
    assert prof(repo, "validate").exit_code == 0
    print(f"\ngelijktijdig: {CONCURRENT} x prof add, {len(expected)} geldige items")


KILLS = 25


def test_killed_adds_lose_nothing_and_leave_no_debris(repo: Path) -> None:
    """SIGKILL at a random moment (0-300 ms; one add takes about 200 ms): all or nothing."""
    rng = random.Random(int(os.environ.get("PROF_KILL_SEED", "6")))
    folder = repo / "profielen" / WORKER / "activiteiten"
    started = time.monotonic()
    subprocess.run(add_command(repo, "Maat", "2026-03-02"), check=True, capture_output=True)
    window = max(0.3, 1.2 * (time.monotonic() - started))  # a slow machine: cover the write too
    finished = killed = debris = 0
    for n in range(KILLS):
        proc = subprocess.Popen(
            add_command(repo, f"Training {n}", f"2026-02-{n + 1:02d}"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0, window))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        finished += proc.wait(timeout=60) == 0
        names = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        # A hidden temp file may outlive a kill -9 (nothing runs after it); the next write
        # sweeps it. Every visible file is a complete entry.
        hidden = [name for name in names if name.startswith(".")]
        assert all(name.endswith(".tmp") for name in hidden), hidden
        debris += len(hidden)
        for name in set(names) - set(hidden):
            assert tomllib.loads((folder / name).read_text())["uren"] == 1, name
        assert prof(repo, "validate").exit_code == 0
    last = subprocess.run(add_command(repo, "Laatste", "2026-03-01"), capture_output=True)
    assert last.returncode == 0, last.stderr
    stray = [p for p in repo.rglob("*") if p.suffix == ".tmp" or p.name.startswith(".prof-")]
    stray = [p for p in stray if ".prof-cache" not in p.parts]
    assert stray == []
    print(
        f"\nkill -9: {KILLS} pogingen, {killed} gestopt met SIGKILL, {finished} zelf klaar, "
        f"{len(entries(repo, WORKER, 'activiteiten')) - 2} complete items, "
        f"{debris}x een verborgen temp-bestand gezien (opgeruimd), 0 resten"
    )


def test_debris_of_dead_writers_is_swept_and_live_ones_kept(repo: Path) -> None:
    folder = repo / "profielen" / WORKER / "activiteiten"
    folder.mkdir(parents=True)
    dead = folder / ".2026-02-02-training.999999999.0.tmp"
    live = folder / f".2026-02-02-training.{os.getppid()}.0.tmp"
    other = folder / ".notities.tmp"
    for path in (dead, live, other):
        path.write_text("half")
    assert subprocess.run(add_command(repo), capture_output=True).returncode == 0
    assert not dead.exists() and live.exists() and other.exists()


def test_interrupted_write_leaves_nothing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(fd: int) -> None:
        raise OSError(5, "schijf kapot")

    monkeypatch.setattr(os, "fsync", broken)
    result = prof(
        repo,
        "add",
        "feedback",
        "--profiel",
        WORKER,
        "--datum",
        "2026-01-08",
        "--van",
        "collega",
        "--samenvatting",
        "Goed",
        "--no-input",
    )
    monkeypatch.undo()
    assert result.exit_code == 1
    assert "fout: niet opgeslagen: [Errno 5] schijf kapot." in result.output
    folder = repo / "profielen" / WORKER / "feedback"
    assert not folder.exists() or list(folder.iterdir()) == []
    assert len(drafts(repo)) == 1


# --- add: prompts ----------------------------------------------------------------------------


def test_prompts_ask_for_missing_fields(repo: Path, tty: None) -> None:
    made = prof(
        repo,
        "add",
        "leerdoel",
        "--profiel",
        WORKER,
        "--titel",
        "Grenzen",
        "--status",
        "bezig",
        "--no-input",
    )
    assert made.exit_code == 0
    # titel, datum (Enter: today), methode, the five STARR parts (each ended by an empty
    # line), then the optional ones: transfer, leerdoelen, beroepscode, dimensies, tags, ...
    answers = "Huisbezoek\n\nstarr\nS\n\nT\n\nA\n\nR\n\nRe\n\n\n1\n" + "\n" * 5
    result = prof(repo, "add", "reflectie", "--profiel", WORKER, input=answers)
    assert result.exit_code == 0, result.output
    assert "Methode (nummer of naam): " in result.output
    assert "   1. starr\n   2. korthagen\n" in result.output
    assert "   1. grenzen (Grenzen)\n" in result.output
    [name] = entries(repo, WORKER, "reflecties")
    data = tomllib.loads((repo / "profielen" / WORKER / "reflecties" / name).read_text())
    assert data["starr"] == {
        "situatie": "S",
        "taak": "T",
        "actie": "A",
        "resultaat": "R",
        "reflectie": "Re",
    }
    assert data["leerdoelen"] == ["grenzen"]
    assert name.endswith("-huisbezoek.toml")


def test_prompts_for_self_check_scores(repo: Path, tty: None) -> None:
    # datum, kader, which items (Enter: all), then score and note per item (Enter skips)
    answers = "2026-01-06\nberoepscode-2021\n\n4\nEerlijk\n\n" + "\n" * 20
    result = prof(repo, "add", "zelftoets", "--profiel", WORKER, input=answers)
    assert result.exit_code == 0, result.output
    [name] = entries(repo, WORKER, "zelftoetsen")
    data = tomllib.loads((repo / "profielen" / WORKER / "zelftoetsen" / name).read_text())
    first = next(iter(data["scores"]))
    assert data["scores"][first] == {"score": 4, "toelichting": "Eerlijk"}


def test_ctrl_c_keeps_what_was_typed(repo: Path, tty: None) -> None:
    result = prof(repo, "add", "activiteit", "--profiel", WORKER, input="\nTraining\n")
    assert result.exit_code == 1
    [draft] = drafts(repo)
    assert "Afgebroken. Je antwoorden tot nu toe staan in .prof-cache/concepten/" in result.output
    assert f"Ga later verder met: prof drafts --hervat {draft.stem}\n" in result.output
    assert 'titel = "Training"' in draft.read_text()
    assert "# al gevraagd: datum titel\n" in draft.read_text()
    assert entries(repo, WORKER, "activiteiten") == []


# --- add: editor -----------------------------------------------------------------------------

FAKE_EDITOR = """
import json, os, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
for old, new in json.loads(os.environ["FAKE_EDITS"]).items():
    text = text.replace(old, new)
open(path, "w", encoding="utf-8").write(text)
"""


def editor_env(tmp_path: Path, edits: dict[str, str]) -> dict[str, str]:
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR)
    return {"EDITOR": f"{sys.executable} {script}", "VISUAL": "", "FAKE_EDITS": json.dumps(edits)}


def test_editor_writes_a_valid_entry(repo: Path, tmp_path: Path) -> None:
    env = editor_env(
        tmp_path,
        {
            'titel = ""': 'titel = "Na het huisbezoek"',
            'situatie = ""': 'situatie = "S"',
            'taak = ""': 'taak = "T"',
            'actie = ""': 'actie = "A"',
            'resultaat = ""': 'resultaat = "R"',
            'reflectie = ""': 'reflectie = "Re"',
        },
    )
    result = prof(
        repo, "add", "reflectie", "--profiel", WORKER, "--editor", "--datum", "2026-01-05", env=env
    )
    assert result.exit_code == 0, result.output
    assert entries(repo, WORKER, "reflecties") == ["2026-01-05-na-het-huisbezoek.toml"]
    text = (
        repo / "profielen" / WORKER / "reflecties" / "2026-01-05-na-het-huisbezoek.toml"
    ).read_text()
    assert text.startswith("#:schema ../../../schemas/reflectie.schema.json\n")
    assert "# " not in text.split("\n", 1)[1]
    assert drafts(repo) == []


def test_invalid_editor_content_keeps_draft_and_writes_nothing(repo: Path, tmp_path: Path) -> None:
    env = editor_env(tmp_path, {'titel = ""': 'titel = "Kapot'})
    result = prof(repo, "add", "reflectie", "--profiel", WORKER, "--editor", env=env)
    assert result.exit_code == 1
    assert entries(repo, WORKER, "reflecties") == []
    [draft] = drafts(repo)
    assert "[toml-syntax]" in result.output
    assert f"prof drafts --hervat {draft.stem} --editor" in result.output
    assert 'titel = "Kapot' in draft.read_text()
    # Resume with the editor fixing it.
    fix = editor_env(
        tmp_path,
        {
            'titel = "Kapot': 'titel = "Heel"',
            'situatie = ""': 'situatie = "S"',
            'taak = ""': 'taak = "T"',
            'actie = ""': 'actie = "A"',
            'resultaat = ""': 'resultaat = "R"',
            'reflectie = ""': 'reflectie = "Re"',
        },
    )
    resumed = prof(repo, "add", "--draft", str(draft), "--editor", env=fix)
    assert resumed.exit_code == 0, resumed.output
    assert [n.endswith("-heel.toml") for n in entries(repo, WORKER, "reflecties")] == [True]


def test_untouched_template_is_not_saved(repo: Path, tmp_path: Path) -> None:
    result = prof(
        repo, "add", "activiteit", "--profiel", WORKER, "--editor", env=editor_env(tmp_path, {})
    )
    assert result.exit_code == 1
    assert "Niets veranderd in de editor" in result.stderr
    assert entries(repo, WORKER, "activiteiten") == []
    assert drafts(repo) == []  # closed without saving: nothing meant, nothing kept


def test_draft_that_is_no_draft(repo: Path, tmp_path: Path) -> None:
    other = tmp_path / "x.toml"
    other.write_text("a = 1\n")
    result = prof(repo, "add", "--draft", str(other))
    assert result.exit_code == 2
    assert "is geen concept van `prof add`" in result.output


# --- help and completion ---------------------------------------------------------------------


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
    return found


@pytest.mark.parametrize("path", [(), *_commands(main)], ids=lambda p: " ".join(p) or "prof")
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = prof(None, *path, "--help")
    assert result.exit_code == 0
    assert "Voorbeeld" in result.output


def test_completion_of_kinds_profiles_and_enums(repo: Path) -> None:
    def complete(args: str) -> list[str]:
        env = {
            **os.environ,
            "_PROF_COMPLETE": "bash_complete",
            "COMP_WORDS": args,
            "COMP_CWORD": str(len(args.split(" ")) - 1),
            "PROF_REPO": str(repo),
        }
        code = "import sys; from profcli.cli import main; main(prog_name='prof')"
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        return [line.split(",", 1)[1] for line in out.stdout.splitlines()]

    assert "reflectie" in complete("prof add ")
    assert complete(f"prof add reflectie --profiel {WORKER[:3]}") == [WORKER]
    assert complete("prof add activiteit --vorm ")[:3] == ["training", "cursus", "congres"]
    assert "beroepscode-2021" in complete("prof add zelftoets --kader ")


def test_render_is_what_add_writes(repo: Path) -> None:
    prof(
        repo,
        "add",
        "kennis",
        "--profiel",
        TEAM,
        "--titel",
        "T",
        "--inhoud",
        'a "b" \\ c',
        "--no-input",
    )
    text = (repo / "profielen" / TEAM / "kennis" / "t.toml").read_text()
    assert text == writing.render(
        # `bijgewerkt` defaults to the reference date, like `datum` of the dated kinds
        {"titel": "T", "inhoud": 'a "b" \\ c', "bijgewerkt": TODAY},
        header="#:schema ../../../schemas/kennis.schema.json",
    )


def test_scaffold_mkdocs_yml_matches_this_repository() -> None:
    """`prof init` gives a team the same site settings the example site is tested with."""
    from profcli.authoring.scaffold import files

    ours = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    theirs = files("Ontwikkeling van het wijkteam", "team")["mkdocs.yml"]

    def strip(text: str) -> list[str]:
        return [line for line in text.splitlines() if not line.startswith("#")]

    name = "site_name: Ontwikkeling van het wijkteam"
    assert strip(theirs) == [
        line.replace(name, f'site_name: "{name[11:]}"') for line in strip(ours)
    ]


# --- issue 19: habits read generously, said in one line -------------------------------------


def test_new_reads_display_names_case_and_spaces(repo: Path) -> None:
    result = prof(
        repo, "new", "  Anna  de Vries ", "--register", "Registerplein", "--kamer",
        "Sociaal Werker", "--cyclus-start", "01-01-2025", "--expertise", "Huiselijk geweld",
        "--fase", "Vakbekwaam",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for line in (
        "--register: `Registerplein` gelezen als `registerplein`.",
        "--kamer: `Sociaal Werker` gelezen als `sociaal-werker`.",
        "--expertise: `Huiselijk geweld` gelezen als `huiselijk-geweld`.",
        "--fase: `Vakbekwaam` gelezen als `vakbekwaam`.",
    ):
        assert line in result.output
    data = tomllib.loads((repo / "profielen/anna-de-vries/profiel.toml").read_text("utf-8"))
    assert data["naam"] == "Anna de Vries"
    assert data["registratie"]["register"] == "registerplein"
    assert data["registratie"]["kamer"] == "sociaal-werker"
    assert data["expertise"] == ["huiselijk-geweld"]


def test_new_refuses_what_it_cannot_decide_with_one_line(repo: Path) -> None:
    typo = prof(repo, "new", "Bo", "--register", "registerplijn", "--cyclus-start", "vandaag")
    assert typo.exit_code == 2
    assert typo.output.endswith(
        "fout: ongeldige waarde voor --register: register `registerplijn` bestaat niet; "
        "bedoelde je `registerplein`?\n"
    )
    assert not (repo / "profielen/bo").exists()
    unknown = prof(repo, "new", "Bo", "--register", "NVMW", "--cyclus-start", "vandaag")
    assert "register `NVMW` bestaat niet; bekend: registerplein, skj" in unknown.output
    assert "profielen/bo/profiel.toml" not in unknown.output  # never a path not written


def test_profiel_by_name_and_an_option_value_in_any_case(repo: Path) -> None:
    result = prof(
        repo, "add", "feedback", "--profiel", "Éva van den Berg", "--van", "Collega",
        "--samenvatting", "Je bleef rustig.", "--zichtbaarheid", "Privé", "--no-input",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "--zichtbaarheid: `Privé` gelezen als `prive`." in result.output
    [name] = entries(repo, WORKER, "feedback")
    text = (repo / "profielen" / WORKER / "feedback" / name).read_text("utf-8")
    assert 'zichtbaarheid = "prive"' in text and 'van = "collega"' in text


def test_a_clients_name_is_refused_and_the_anonymised_form_accepted(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17, through the CLI: the name is refused with one line that quotes it and shows
    `meneer J.`; nothing is written but the draft; the anonymised sentence is accepted."""
    args = ["add", "feedback", "--profiel", WORKER, "--datum", "2026-01-08", "--van", "burger"]
    name = "Meneer Jansen zei dat hij zich voor het eerst gehoord voelde."
    refused = prof(repo, *args, "--samenvatting", name, "--no-input")
    assert refused.exit_code == 1
    assert entries(repo, WORKER, "feedback") == []
    [line] = [x for x in refused.output.splitlines() if "lijkt de naam" in x]
    assert line.startswith("fout: --samenvatting: ")  # the option named, as every refusal
    assert "`Meneer Jansen`" in line and "`meneer J.`" in line
    assert "Traceback" not in refused.output
    [draft] = drafts(repo)
    draft.unlink()
    accepted = prof(
        repo, *args, "--samenvatting", name.replace("Meneer Jansen", "Meneer J."), "--no-input"
    )
    assert accepted.exit_code == 0, accepted.output
    assert entries(repo, WORKER, "feedback") == ["2026-01-08-burger.toml"]


def test_no_environment_variable_switches_the_names_check_off(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pipeline with the old PROF_NAMEN=alleen-cache still gets the whole check: a first
    name without an honorific is refused."""
    monkeypatch.setenv("PROF_NAMEN", "alleen-cache")
    args = ["add", "feedback", "--profiel", WORKER, "--datum", "2026-01-09", "--van", "burger"]
    text = "Kevin Bouzid vertelde dat hij nu zelf zijn post opent."
    refused = prof(repo, *args, "--samenvatting", text, "--no-input")
    assert refused.exit_code == 1, refused.output
    assert "`Kevin Bouzid`" in refused.output
    assert entries(repo, WORKER, "feedback") == []


# --- issue 22: a refused value is never dropped --------------------------------------------

ONE_LINER = (
    "add", "activiteit", "--profiel", WORKER, "--titel", "Training huiselijk geweld",
    "--datum", "2026-01-10", "--vorm", "training", "--uren", "3,5", "--aanbieder", "Movisie",
)  # fmt: skip
CLIENT = "Semhar vertelde me na afloop hoe de training haar hielp."


def test_a_refused_option_writes_nothing_and_keeps_every_value(repo: Path) -> None:
    refused = prof(repo, *ONE_LINER, "--omschrijving", CLIENT, "--no-input")
    assert refused.exit_code == 1, refused.output
    assert entries(repo, WORKER, "activiteiten") == []
    assert "`Semhar`" in refused.output and "--omschrijving" in refused.output
    [draft] = drafts(repo)
    assert f"Ga verder met: prof drafts --hervat {draft.stem}\n" in refused.output
    assert "--editor" not in refused.output  # the one command, no editor needed
    kept = draft.read_text(encoding="utf-8")
    for value in ("Training huiselijk geweld", "Movisie", CLIENT, "3.5"):
        assert value in kept


def test_a_refused_option_in_a_terminal_one_liner_is_not_dropped(repo: Path, tty: None) -> None:
    """Before issue 22 the entry was saved without the refused text (exit 0, no draft)."""
    refused = prof(repo, *ONE_LINER, "--omschrijving", CLIENT)
    assert refused.exit_code == 1, refused.output
    assert entries(repo, WORKER, "activiteiten") == []
    [draft] = drafts(repo)
    assert f"prof drafts --hervat {draft.stem}" in refused.output
    assert CLIENT in draft.read_text(encoding="utf-8")


def test_resuming_asks_only_what_was_refused(repo: Path, tty: None) -> None:
    prof(repo, *ONE_LINER, "--omschrijving", CLIENT, "--no-input")
    [draft] = drafts(repo)
    resumed = prof(
        repo, "add", "--draft", draft.stem,
        input="Mevrouw S. vertelde me na afloop hoe de training haar hielp.\n\n",
    )  # fmt: skip
    assert resumed.exit_code == 0, resumed.output
    asked = [line.split(" — ")[0] for line in resumed.output.splitlines() if " — " in line]
    assert asked == ["Omschrijving"], resumed.output
    [name] = entries(repo, WORKER, "activiteiten")
    saved = (repo / "profielen" / WORKER / "activiteiten" / name).read_text(encoding="utf-8")
    assert "Mevrouw S. vertelde" in saved and "Movisie" in saved and "uren = 3.5" in saved
    assert drafts(repo) == []


def test_a_refused_zet_keeps_the_change_as_a_draft(repo: Path) -> None:
    made = prof(repo, *ONE_LINER, "--no-input")
    assert made.exit_code == 0, made.output
    [name] = entries(repo, WORKER, "activiteiten")
    path = repo / "profielen" / WORKER / "activiteiten" / name
    before = path.read_bytes()
    refused = prof(repo, "edit", name.removesuffix(".toml"), "--zet", f"omschrijving={CLIENT}")
    assert refused.exit_code == 1, refused.output
    assert path.read_bytes() == before
    [draft] = drafts(repo)
    assert CLIENT in draft.read_text(encoding="utf-8")
    assert f"prof drafts --hervat {draft.stem}" in refused.output


def test_a_day_given_as_a_word_says_which_date_it_became(repo: Path) -> None:
    """Issue 26: `--datum gisteren` was taken without saying the date."""
    args = [a if a != "2026-01-10" else "gisteren" for a in ONE_LINER]
    made = prof(repo, *args, "--no-input")
    assert made.exit_code == 0, made.output
    assert "--datum: `gisteren` gelezen als " in made.output
