"""The whole-run result of `prof validate`, reused while nothing it read has changed.

The per-file cache (`profcli.cache`) still reads and hashes every file. A repository that did
not change at all since the last run (the common case for a pre-commit hook or a second CI
step) needs less: walk the folders, compare each entry's size, modification time and inode
with the last run, and print the stored findings. Like git's index, this trusts `stat`; an
entry modified within `RACY_SECONDS` of a run is never trusted, so a quick second write of the
same size cannot hide behind an unchanged timestamp.

What a run reads: `profielen/`, `kaders/`, `schemas/`, the evidence files the entries name,
the installed tool (via `key()`) and the date (future dates depend on it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import pickle
import stat
import tempfile
import time
from collections.abc import Iterable
from dataclasses import astuple
from functools import cache
from pathlib import Path
from typing import Any

from profcli import __version__, resources
from profcli.findings import Finding, Result

CACHE_DIR = ".prof-cache"
_FORMAT = 1
FOLDERS = ("profielen", "kaders", "schemas")
RACY_SECONDS = 2.0


_SOURCES = (
    "accel.py",
    "loading.py",
    "tomlpos.py",
    "findings.py",
    "validation/schema.py",
    "validation/privacy.py",
    "validation/__init__.py",
    "validation/files.py",
    "snapshot.py",
    "validation/rules.py",
    "validation/evidence.py",
    "repository.py",
    "frameworks/__init__.py",
)


@cache
def key() -> str:
    """Everything that per-file findings depend on, apart from the file itself."""
    digest = hashlib.sha256(f"{_FORMAT} {__version__}".encode())
    package = Path(__file__).resolve().parent
    files = sorted(resources.schemas_dir().glob("*.json"))
    files += sorted(resources.frameworks_dir().glob("*.toml"))
    files += [package / name for name in _SOURCES]
    for path in files:
        digest.update(path.name.encode() + b"\x00")
        with contextlib.suppress(OSError):
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def fingerprint(root: Path, evidence: Iterable[str]) -> tuple[str, int]:
    """A digest of every entry below the watched folders and of the evidence paths, and the
    newest modification time seen (nanoseconds)."""
    rows: list[tuple[str, int, int, int, int]] = []
    add = rows.append
    stack = [str(root / name) for name in FOLDERS]
    while stack:
        folder = stack.pop()
        try:
            entries = os.scandir(folder)
        except OSError:
            add((folder, -1, -1, -1, -1))
            continue
        with entries:
            for entry in entries:
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                add((entry.path, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ino))
                if stat.S_ISDIR(st.st_mode):
                    stack.append(entry.path)
                elif stat.S_ISLNK(st.st_mode):
                    _add_path(rows, entry.path + "\0->", follow=True)
    for ref in evidence:
        _add_path(rows, os.path.join(root, ref), follow=False)
    rows.sort()
    newest = max((row[3] for row in rows), default=0)
    digest = hashlib.sha256(pickle.dumps(rows, protocol=5)).hexdigest()
    return digest, newest


def _add_path(rows: list[tuple[str, int, int, int, int]], path: str, *, follow: bool) -> None:
    """A path outside the walk: its own entry, and where it really leads."""
    real = path.removesuffix("\0->")
    try:
        st = os.stat(real) if follow else os.lstat(real)
    except OSError:
        rows.append((path, -1, -1, -1, -1))
        return
    rows.append((path, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ino))
    rows.append((os.path.realpath(real), 0, 0, 0, 0))


def _file(root: Path) -> Path:
    return root / CACHE_DIR / f"snapshot-{key()}.json"


def load(root: Path, today: dt.date) -> tuple[Result, list[str]] | None:
    """The stored result and the checked files' paths, if nothing has changed."""
    try:
        with _file(root).open(encoding="utf-8") as handle:
            stored: Any = json.load(handle)
        if stored["vandaag"] != today.isoformat():
            return None
        digest, _ = fingerprint(root, stored["bewijs"])
        if digest != stored["vingerafdruk"]:
            return None
        findings = [Finding(*fields) for fields in stored["meldingen"]]
        files = [str(f) for f in stored["bestanden"]]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return Result(len(files), findings), files


def save(
    root: Path,
    today: dt.date,
    result: Result,
    files: list[str],
    evidence: list[str],
    started: float,
) -> None:
    """Store the run unless a file changed just before or during it (then it is racy)."""
    digest, newest = fingerprint(root, evidence)
    if newest / 1e9 > started - RACY_SECONDS or time.time() - started > 3600:
        return
    content = {
        "vandaag": today.isoformat(),
        "vingerafdruk": digest,
        "bewijs": evidence,
        "bestanden": files,
        "meldingen": [list(astuple(f)) for f in result.findings],
    }
    target = _file(root)
    with contextlib.suppress(OSError):
        target.parent.mkdir(exist_ok=True)
        for stale in target.parent.glob("snapshot-*.json"):
            if stale != target:
                stale.unlink()
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".snapshot-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                # dumps, not dump: only the one-shot encoder is the C one
                handle.write(json.dumps(content, ensure_ascii=False, separators=(",", ":")))
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
