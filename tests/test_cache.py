"""The snapshot changes speed only: findings are identical with and without it, on a
generated repository with an error of every family seeded in."""

from __future__ import annotations

import datetime as dt
import marshal
import os
import shutil
import time
from pathlib import Path

import pytest

from benchmarks.generate import generate
from profcli.cli.validate import validated as validate
from profcli.findings import Finding
from profcli.snapshot import CACHE_DIR

TODAY = dt.date(2026, 7, 1)


def _findings(root: Path, *, cache: bool) -> list[Finding]:
    return validate(root, today=TODAY, cache=cache).sorted()


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    _age(path.parents[3])


def _age(root: Path) -> None:
    """Files an hour old: fresh ones are 'racy' and never trusted by the snapshot."""
    past = time.time() - 3600
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            os.utime(Path(folder) / name, (past, past), follow_symlinks=False)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated team with one error of every family seeded in."""
    root = tmp_path_factory.mktemp("cache") / "team"
    generate(root, 3, seed=7)
    people = sorted((root / "profielen").iterdir())
    workers = [p for p in people if not p.name.startswith("wijkteam-")]
    first = workers[0]
    _append(sorted((first / "reflecties").iterdir())[0], 'onbekend = "sleutel"\n')
    feedback = sorted((first / "feedback").iterdir())[0]
    text = feedback.read_text(encoding="utf-8")
    feedback.write_text(
        text.replace(
            'samenvatting = "',
            'samenvatting = "Bel 06-12345678 of mail jan@voorbeeld.nl. Meneer Pietersen belde. ',
            1,
        ),
        encoding="utf-8",
    )
    _append(sorted((first / "leerdoelen").iterdir())[0], "kapot = [\n")  # TOML syntax
    _append(sorted((workers[1] / "activiteiten").iterdir())[0], "\n[extra]\nx = 1\n")
    (workers[1] / "feedback" / "2026-05-05-kapot.toml").write_text(
        'datum = 2099-01-01\nvan = "collega"\nsamenvatting = "Bel 010-1234567."\n'
        'leerdoelen = ["bestaat-niet"]\n',
        encoding="utf-8",
    )
    _age(root)
    return root


def test_findings_identical_with_and_without_cache(repo: Path) -> None:
    plain = _findings(repo, cache=False)
    rules = {f.rule for f in plain}
    assert {"privacy-telefoon", "privacy-email", "privacy-naam", "ref-leerdoel"} <= rules
    assert "datum-toekomst" in rules
    assert len(plain) >= 6
    assert not (repo / CACHE_DIR).exists()
    assert _findings(repo, cache=True) == plain  # cold: stores the snapshot
    assert list((repo / CACHE_DIR).glob("snapshot-*"))
    assert _findings(repo, cache=True) == plain  # warm
    assert _findings(repo, cache=True) == plain


def test_changed_file_and_allowed_list_are_recomputed(repo: Path) -> None:
    phones = sum(f.rule == "privacy-telefoon" for f in _findings(repo, cache=True))
    team = next(p for p in (repo / "profielen").iterdir() if p.name.startswith("wijkteam-"))
    profile = team / "profiel.toml"
    before = profile.read_text(encoding="utf-8")
    try:
        line = 'privacy_toegestaan = ["010-1234567"]\n'
        assert "\nkaders = " in before
        allowed = before.replace("\nkaders = ", f"\n{line}kaders = ", 1)
        profile.write_text(allowed, encoding="utf-8")
        _age(repo)
        plain = _findings(repo, cache=False)
        assert sum(f.rule == "privacy-telefoon" for f in plain) == phones - 1
        assert _findings(repo, cache=True) == plain
        assert _findings(repo, cache=True) == plain
    finally:
        profile.write_text(before, encoding="utf-8")
        _age(repo)
    assert _findings(repo, cache=True) == _findings(repo, cache=False)


@pytest.mark.parametrize(
    "garbage", [b"", b"{niet json", b'{"files": []}', b'{"files": {"x": 1}}', b"\xff\xfe"]
)
def test_corrupt_cache_is_ignored(repo: Path, garbage: bytes) -> None:
    plain = _findings(repo, cache=False)
    _findings(repo, cache=True)
    for path in (repo / CACHE_DIR).glob("snapshot-*"):
        path.write_bytes(garbage)
    assert _findings(repo, cache=True) == plain
    assert _findings(repo, cache=True) == plain


def test_damaged_entries_are_ignored(repo: Path) -> None:
    plain = _findings(repo, cache=False)
    _findings(repo, cache=True)
    for path in (repo / CACHE_DIR).glob("snapshot-*"):
        stored = marshal.loads(path.read_bytes())
        stored["meldingen"].insert(0, ["x"])  # a finding with one field instead of six
        path.write_bytes(marshal.dumps(stored))
    assert _findings(repo, cache=True) == plain


def test_names_cache_gives_the_same_findings_and_spares_deduce(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-text cache of the names check (issue 17): the first run asks the word lists
    and stores what they found; a later cold run (no snapshot) answers every text from the
    cache, with the same findings as a run that uses no cache at all."""
    from profcli.validation import check_repository, namecache, names

    monkeypatch.setattr(namecache, "_SHARED", [])  # this repository's own .prof-cache/
    copy = tmp_path / "team"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns(CACHE_DIR))
    plain = check_repository(copy, today=TODAY, name_cache=False).result.sorted()
    assert not (copy / CACHE_DIR).exists()
    assert any(f.rule == "privacy-naam" for f in plain)
    assert check_repository(copy, today=TODAY).result.sorted() == plain  # fills the cache
    [stored] = (copy / CACHE_DIR).glob("namen-*")
    assert stored.stat().st_size > 2

    def no_lists(text: str) -> list[tuple[int, int]]:
        raise AssertionError(f"the lists were asked about a text the cache holds: {text[:40]}")

    monkeypatch.setattr(names, "raw", no_lists)
    monkeypatch.setattr(namecache, "_CACHES", {})  # as a new process: read from the file
    assert check_repository(copy, today=TODAY).result.sorted() == plain


def test_the_word_lists_give_the_same_findings_from_their_file_and_from_memory(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 22: the lists are mapped from a file in the user's cache folder, or built in
    memory where no folder is writable; either way the findings are the same."""
    from profcli.validation import check_repository, lexicon

    mapped = check_repository(repo, today=TODAY, name_cache=False).result.sorted()
    assert any(f.rule == "privacy-naam" for f in mapped)
    blocked = tmp_path / "een-bestand"
    blocked.write_text("geen map", encoding="utf-8")
    monkeypatch.setattr(lexicon, "_cache_dir", lambda: blocked / "profcli")
    lexicon.lexicon.cache_clear()
    try:
        in_memory = check_repository(repo, today=TODAY, name_cache=False).result.sorted()
    finally:
        lexicon.lexicon.cache_clear()
    assert in_memory == mapped
    assert not (blocked / "profcli").exists()
