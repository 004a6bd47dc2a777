"""Issue 25: after any edit, the incremental `prof validate` says exactly what a whole run says.

A property test: two teams with a worker each (the basis case and a copy of it), and random
sequences of edits: a changed text (a client's name, a phone number), a comment, broken TOML,
an unknown key, a file removed or renamed, a goal renamed under the entries that name it, a
worker moved to the other team, a meeting naming a worker of the other team, evidence removed
and restored, a registration number taken twice, a new portfolio. After every edit the cached
run (snapshot, else incremental, else whole) is compared with a whole run without any cache.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from profcli.cli.validate import validated
from profcli.validation import check_repository, incremental
from tests import signing
from tests.conftest import CASES, TODAY, build_case

WORKERS = ("eva-de-wit", "tom-bakker")
TEAMS = ("team-zuid", "team-noord")


def _base(target: Path) -> Path:
    """The basis case (team-zuid with Eva, whose meeting names her) plus a copy of it: team-noord
    with Tom."""
    root = build_case(CASES / "basis", target)
    eva = root / "profielen/eva-de-wit"
    tom = root / "profielen/tom-bakker"
    shutil.copytree(eva, tom)
    profile = tom / "profiel.toml"
    profile.write_text(
        profile.read_text(encoding="utf-8")
        .replace("Eva de Wit", "Tom Bakker")
        .replace('team = "team-zuid"', 'team = "team-noord"')
        .replace("4610210042", "4610210043"),
        encoding="utf-8",
    )
    noord = root / "profielen/team-noord"
    shutil.copytree(root / "profielen/team-zuid", noord)
    for path in noord.rglob("*.toml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("Wijkteam Zuid", "Wijkteam Noord").replace("eva-de-wit", "tom-bakker"),
            encoding="utf-8",
        )
    return root


_BASE: list[Path] = []


def _fresh_copy(into: Path) -> Path:
    if not _BASE:
        _BASE.append(_base(Path(tempfile.mkdtemp(prefix="prof-incrementeel-"))))
    root = into / "repo"
    shutil.copytree(_BASE[0], root, symlinks=True)
    return root


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in (root / "profielen").rglob("*.toml") if p.name != "profiel.toml")


def _edit(root: Path, op: str, n: int) -> None:
    files = _entries(root)
    target = files[n % len(files)] if files else None
    worker = root / "profielen" / WORKERS[n % 2]
    if op == "tekst" and target is not None:
        text = target.read_text(encoding="utf-8")
        said = ["Meneer Pietersen belde.", "Bel 06-12345678.", "Een rustig gesprek."][n % 3]
        target.write_text(text.replace('= "', f'= "{said} ', 1), encoding="utf-8")
    elif op == "opmerking" and target is not None:
        target.write_text(target.read_text(encoding="utf-8") + "# bijgewerkt\n")
    elif op == "kapot" and target is not None:
        target.write_text(target.read_text(encoding="utf-8") + "kapot = [\n")
    elif op == "onbekend" and target is not None:
        target.write_text(target.read_text(encoding="utf-8") + 'onbekend = "x"\n')
    elif op == "weg" and target is not None:
        target.unlink()
    elif op == "hernoem" and target is not None:
        target.rename(target.with_name(f"2026-01-0{n % 9 + 1}-hernoemd.toml"))
    elif op == "doel-hernoemd":
        goals = sorted((worker / "leerdoelen").glob("*.toml"))
        if goals:
            goals[0].rename(goals[0].with_name(f"ander-doel-{n % 5}.toml"))
    elif op == "ander-team":
        profile = worker / "profiel.toml"
        text = profile.read_text(encoding="utf-8")
        now, other = ("team-zuid", "team-noord") if "team-zuid" in text else TEAMS[::-1]
        profile.write_text(text.replace(f'team = "{now}"', f'team = "{other}"'))
    elif op == "deelnemers":
        found = sorted((root / "profielen" / TEAMS[n % 2] / "bijeenkomsten").glob("*.toml"))
        if found:
            meeting = found[0]
            text = meeting.read_text(encoding="utf-8")
            guest = WORKERS[(n + 1) % 2]  # the worker of the other team
            if guest not in text:
                named = text.replace('deelnemers = ["', f'deelnemers = ["{guest}", "', 1)
                meeting.write_text(named, encoding="utf-8")
    elif op == "bewijs":
        evidence = root / "bewijs/training.md"
        if evidence.exists():
            evidence.unlink()
        else:
            evidence.write_text("Certificaat de-escalatie.\n", encoding="utf-8")
    elif op == "nummer":  # one number for two people: said at the second profile, Tom's
        mine, other = ("4610210043", "4610210042") if n % 2 else ("4610210042", "4610210043")
        profile = worker / "profiel.toml"
        profile.write_text(profile.read_text(encoding="utf-8").replace(mine, other))
    elif op == "lange-dag":  # with a meeting the same day: over 24 hours (hours_rules)
        day = worker / "activiteiten/2026-03-12-lange-dag.toml"
        if day.parent.is_dir():
            day.write_text(
                'datum = 2026-03-12\ntitel = "Lange dag"\nvorm = "training"\nuren = 23\n',
                encoding="utf-8",
            )
    elif op == "nieuw":
        new = root / "profielen" / f"nieuwe-collega-{n % 3}"
        new.mkdir(exist_ok=True)
        (new / "profiel.toml").write_text(
            f'naam = "Nieuwe Collega"\nsoort = "werker"\nteam = "{TEAMS[n % 2]}"\n'
        )


OPS = (
    "tekst",
    "opmerking",
    "kapot",
    "onbekend",
    "weg",
    "hernoem",
    "doel-hernoemd",
    "ander-team",
    "deelnemers",
    "bewijs",
    "nummer",
    "lange-dag",
    "nieuw",
)

_TICK = [0.0]


def _age(root: Path) -> None:
    """What was just written, older than git's racy window, each time at a new moment (so
    that an edit of the same size still changes the print, as a real clock would); what was
    not touched keeps its time."""
    _TICK[0] += 1
    now = time.time()
    past = now - 3600 + _TICK[0]
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            if path.lstat().st_mtime > now - 600:
                os.utime(path, (past, past), follow_symlinks=False)


def _whole(root: Path) -> tuple[int, list[str]]:
    result = check_repository(root, today=TODAY).result
    return result.files_checked, [f.text() for f in result.sorted()]


def _cached(root: Path) -> tuple[int, list[str]]:
    result = validated(root, today=TODAY, cache=True)
    return result.files_checked, [f.text() for f in result.sorted()]


ANSWERED: dict[str, int] = {"incrementeel": 0, "anders": 0}


@pytest.fixture(autouse=True)
def _count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)  # prints from lstat, unless a test says CI
    real = incremental.run

    def counted(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        ANSWERED["incrementeel" if found is not None else "anders"] += 1
        return found

    monkeypatch.setattr(incremental, "run", counted)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 99)), min_size=1, max_size=6))
# Findings that land in a group the edit did not touch (they must come from the run):
@example(edits=[("lange-dag", 1), ("deelnemers", 0)])  # Tom named in Zuid's meeting: 25 hours
@example(edits=[("deelnemers", 0), ("lange-dag", 1)])  # his own day, read with Zuid's meeting
@example(edits=[("nummer", 0)])  # Eva takes Tom's number: said at Tom's profile
@example(edits=[("ander-team", 1), ("opmerking", 3)])  # Tom moves to Zuid, then an edit
def test_incremental_answers_as_a_whole_run(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[str, int]]
) -> None:
    root = _fresh_copy(tmp_path_factory.mktemp("stand"))
    _age(root)
    assert _cached(root) == _whole(root)  # the first run: whole, leaves the stand
    for op, n in edits:
        _edit(root, op, n)
        _age(root)
        assert _cached(root) == _whole(root), (op, n)


def test_most_single_edits_are_answered_incrementally(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The property test above must exercise the incremental path, not only whole runs: one
    edit of each kind, on its own repository (self-contained, so that it holds however
    pytest-xdist spreads the tests over workers)."""
    ANSWERED.update(incrementeel=0, anders=0)
    for op in OPS:
        root = _fresh_copy(tmp_path_factory.mktemp("een-wijziging"))
        _age(root)
        assert _cached(root) == _whole(root)
        _edit(root, op, 1)
        _age(root)
        assert _cached(root) == _whole(root), op
    assert ANSWERED["incrementeel"] >= 8, ANSWERED


def test_one_changed_file_reads_only_its_worker_and_team(tmp_path: Path) -> None:
    root = _fresh_copy(tmp_path)
    _age(root)
    validated(root, today=TODAY, cache=True)
    reflection = next((root / "profielen/eva-de-wit/reflecties").glob("*.toml"))
    reflection.write_text(reflection.read_text(encoding="utf-8") + "# bijgewerkt\n")
    _age(root)
    from profcli import snapshot

    probe = snapshot.Probe(root, TODAY)
    assert probe.hit is None
    found = incremental.run(root, TODAY, probe)
    assert found is not None
    assert found.fresh == {"eva-de-wit"}  # only her findings can change
    assert found.scope == {"eva-de-wit", "team-zuid"}  # her team is read (meetings, hours)
    assert not found.repo.portfolios["tom-bakker"].entries  # only its profile was read


def _clone(source: Path, target: Path) -> Path:
    signing.git(source.parent, "clone", "-q", str(source), str(target))
    return target


def test_in_ci_a_stand_from_an_earlier_pipeline_serves_a_fresh_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh checkout writes every file anew (new times, new inodes): in CI the prints come
    from git's index, so the cache an earlier pipeline left still matches what did not change."""
    from profcli import snapshot

    monkeypatch.setenv("CI", "true")
    origin = _fresh_copy(tmp_path / "bron")
    (origin / ".gitignore").write_text(".prof-cache/\n", encoding="utf-8")
    signing.init(origin)
    signing.commit(origin, "begin")
    first = _clone(origin, tmp_path / "pijplijn-1")
    assert _cached(first) == _whole(first)
    reflection = next((origin / "profielen/eva-de-wit/reflecties").glob("*.toml"))
    reflection.write_text(reflection.read_text(encoding="utf-8") + 'tags = ["huisbezoek"]\n')
    signing.commit(origin, "een reflectie bijgewerkt")
    second = _clone(origin, tmp_path / "pijplijn-2")
    shutil.copytree(first / ".prof-cache", second / ".prof-cache")  # actions/cache
    found = incremental.run(second, TODAY, snapshot.Probe(second, TODAY))
    assert found is not None and found.fresh == {"eva-de-wit"}
    assert _cached(second) == _whole(second)
    # Anything git does not hold as it is (here an untracked file): prints from lstat, which
    # the stand from git's index does not match; a whole run answers.
    (second / "profielen/eva-de-wit/leerdoelen/nieuw.toml").write_text('titel = "Nieuw"\n')
    assert snapshot.content_prints(second) is None
    assert incremental.run(second, TODAY, snapshot.Probe(second, TODAY)) is None
    assert _cached(second) == _whole(second)


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01kapot", b"{niet marshal", b"\xe9" * 64])
def test_a_damaged_stand_is_ignored(tmp_path: Path, garbage: bytes) -> None:
    from profcli import snapshot

    root = _fresh_copy(tmp_path)
    _age(root)
    whole = _whole(root)
    assert _cached(root) == whole
    snapshot.stand_file(root).write_bytes(garbage)
    reflection = next((root / "profielen/eva-de-wit/reflecties").glob("*.toml"))
    reflection.write_text(reflection.read_text(encoding="utf-8") + "# bijgewerkt\n")
    _age(root)
    assert incremental.run(root, TODAY, snapshot.Probe(root, TODAY)) is None
    assert _cached(root) == _whole(root)  # a whole run, which leaves a good stand again
    assert incremental.Stand.read(root) is not None
