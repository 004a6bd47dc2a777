"""The whole-run snapshot: reused only while nothing that validation reads has changed."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from profcli import snapshot
from profcli.cli.validate import validated as validate
from profcli.findings import Finding
from tests.conftest import CASES, TODAY, build_case


def _aged(root: Path) -> Path:
    """Every file an hour old, so that no entry is 'racy' and the snapshot may be stored."""
    past = time.time() - 3600
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            os.utime(Path(folder) / name, (past, past), follow_symlinks=False)
    return root


def _repo(tmp_path: Path) -> Path:
    root = build_case(CASES / "basis", tmp_path)
    goal = root / "profielen/eva-de-wit/leerdoelen/grenzen-stellen.toml"
    goal.write_text(goal.read_text().replace('status = "bezig"', 'status = "klaar"'))
    return _aged(root)


def _texts(result: object) -> list[str]:
    return [f.text() for f in result.sorted()]  # type: ignore[attr-defined]


def test_second_run_comes_from_the_snapshot_with_the_same_findings(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    first = validate(root, today=TODAY, cache=True)
    assert snapshot.Probe(root, TODAY).hit is not None
    second = validate(root, today=TODAY, cache=True)
    assert _texts(second) == _texts(first) == _texts(validate(root, today=TODAY))
    assert second.files_checked == first.files_checked == 10


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    validate(root, today=TODAY, cache=True)
    goal = root / "profielen/eva-de-wit/leerdoelen/grenzen-stellen.toml"
    goal.write_text(goal.read_text().replace('status = "klaar"', 'status = "bezig"'))
    assert snapshot.Probe(root, TODAY).hit is None
    assert validate(root, today=TODAY, cache=True).ok


def test_an_added_file_and_a_removed_evidence_file_are_noticed(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    validate(root, today=TODAY, cache=True)
    (root / "bewijs/training.md").unlink()
    assert snapshot.Probe(root, TODAY).hit is None
    rules = {f.rule for f in validate(root, today=TODAY, cache=True).findings}
    assert "bewijs-ontbreekt" in rules
    _aged(root)
    validate(root, today=TODAY, cache=True)
    extra = root / "profielen/eva-de-wit/feedback/2026-02-16-collega.toml"
    extra.write_text('datum = 2026-02-16\nvan = "collega"\nsamenvatting = "Goed gedaan."\n')
    assert snapshot.Probe(root, TODAY).hit is None


def test_another_day_is_another_run(tmp_path: Path) -> None:
    """`datum-toekomst` depends on the date, so a snapshot holds for one day only."""
    root = _repo(tmp_path)
    validate(root, today=TODAY, cache=True)
    assert snapshot.Probe(root, TODAY + dt.timedelta(days=1)).hit is None


def test_a_run_right_after_a_write_stores_no_snapshot(tmp_path: Path) -> None:
    """A file written within the racy window could change again unseen (same size, same
    timestamp tick): such a run leaves no snapshot behind."""
    root = _repo(tmp_path)
    (root / "profielen/eva-de-wit/profiel.toml").touch()
    validate(root, today=TODAY, cache=True)
    assert snapshot.Probe(root, TODAY).hit is None


def test_selection_from_the_snapshot(tmp_path: Path) -> None:
    """A selection is answered from the snapshot. Proof: a change that keeps size, mtime and
    inode (which the snapshot trusts, like git's index) is not seen; reading the files sees it."""
    root = _repo(tmp_path)
    stored = validate(root, today=TODAY, cache=True).sorted()

    def part(relative: str) -> list[Finding]:
        return [f for f in stored if f.path == relative or f.path.startswith(relative + "/")]

    team = root / "profielen/team-zuid"
    relative = "profielen/team-zuid/bijeenkomsten/2026-03-12-leercirkel-schulden.toml"
    meeting = root / relative
    before = meeting.stat()
    text = meeting.read_text(encoding="utf-8")
    assert "datum = 2026-03-12" in text
    meeting.write_text(text.replace("datum = 2026-03-12", "datum = 2099-03-12"), encoding="utf-8")
    os.utime(meeting, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = meeting.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    read = validate(root, today=TODAY, cache=False, only=[team])
    assert "datum-toekomst" in {f.rule for f in read.findings}
    assert "datum-toekomst" not in {f.rule for f in part("profielen/team-zuid")}

    only = validate(root, today=TODAY, cache=True, only=[team])
    assert (only.files_checked, only.sorted()) == (4, part("profielen/team-zuid"))
    one = validate(root, today=TODAY, cache=True, only=[meeting])
    assert (one.files_checked, one.sorted()) == (1, part(relative))
    worker = validate(root, today=TODAY, cache=True, only=[root / "profielen/eva-de-wit"])
    assert (worker.files_checked, worker.sorted()) == (6, part("profielen/eva-de-wit"))
    assert ("grenzen-stellen.toml", "schema-keuze") in {  # the "klaar" of _repo
        (Path(f.path).name, f.rule) for f in worker.findings
    }


def test_a_damaged_snapshot_is_ignored(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    expected = _texts(validate(root, today=TODAY, cache=True))
    for stored in (root / ".prof-cache").glob("snapshot-*.json"):
        stored.write_text('{"vandaag": "2026-11-22", "meldingen": [[1]]')
    assert _texts(validate(root, today=TODAY, cache=True)) == expected


def test_key_covers_every_module_schema_and_framework(tmp_path: Path) -> None:
    """Editing any installed module (also kinds.py, model.py, errors.py...) or a shipped
    register's rules changes the key, so an edited or updated install (the version stays the
    same between commits) never answers from a stale snapshot."""
    import shutil

    from profcli import resources, snapshot

    package = Path(snapshot.__file__).resolve().parent
    copy = tmp_path / "profcli"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "schemas"))
    schemas = tmp_path / "schemas"
    shutil.copytree(resources.schemas_dir(), schemas)
    frameworks = copy / "frameworks" / "data"
    if not frameworks.is_dir():
        frameworks = tmp_path / "kaders"
        shutil.copytree(resources.frameworks_dir(), frameworks)

    def key() -> str:
        return snapshot.key_for(copy, schemas, frameworks)

    original = key()
    assert original == snapshot.key_for(
        package, resources.schemas_dir(), resources.frameworks_dir()
    )
    registers = sorted(copy.rglob("registers/data/*.toml"))
    inputs = [
        *sorted(copy.rglob("*.py")),
        *schemas.glob("*.json"),
        *frameworks.glob("*.toml"),
        *registers,
    ]
    assert {p.name for p in inputs} >= {"kinds.py", "model.py", "resources.py", "errors.py"}
    assert "skj-jeugd-en-gezinsprofessional.toml" in {p.name for p in registers}
    for path in inputs:
        content = path.read_bytes()
        path.write_bytes(content + b"\n")
        assert key() != original, f"{path.relative_to(tmp_path)} is not part of the key"
        path.write_bytes(content)
    assert key() == original
    # and the version of DEDUCE: the names check's findings depend on it
    assert snapshot.key_for(copy, schemas, frameworks, "deduce-3.0.7.dist-info") != original
    assert snapshot.names_library().startswith("deduce-")  # installed with profcli
    assert snapshot.key() == snapshot.key_for(
        package, resources.schemas_dir(), resources.frameworks_dir(), snapshot.names_library()
    )
