"""Per-file validation results, keyed by content hash, so an unchanged repository checks fast.

Only what depends on one file alone is kept: the parsed data, its schema findings and its
privacy findings (the latter also keyed by the team's allowed list). Cross-file rules are
always computed. The cache file is `.prof-cache/validate-<key>.json`; the key covers the tool
version, the installed schemas and frameworks and the code that produces per-file findings,
so an upgrade never reuses old results. A damaged cache file is ignored, writes are atomic.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import astuple
from functools import cache
from pathlib import Path
from typing import Any

from profcli import __version__, resources
from profcli.findings import Finding
from profcli.loading import Document

CACHE_DIR = ".prof-cache"
_FORMAT = 1
_TAGS: dict[str, Callable[[str], Any]] = {
    "\x00d": dt.date.fromisoformat,
    "\x00dt": dt.datetime.fromisoformat,
    "\x00t": dt.time.fromisoformat,
}
_SOURCES = (
    "loading.py",
    "tomlpos.py",
    "findings.py",
    "validation/schema.py",
    "validation/privacy.py",
    "validation/__init__.py",
    "cache.py",
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


class Cache:
    """Results of the previous run; what this run uses or computes is written back."""

    def __init__(self, root: Path) -> None:
        self.path = root / CACHE_DIR / f"validate-{key()}.json"
        self.old: dict[str, Any] = _read(self.path)
        self.new: dict[str, Any] = {}
        self.hashes: dict[str, str] = {}
        self.changed = False

    def document(self, path: Path, display: str) -> tuple[Document | Finding, list[Finding]] | None:
        """The parsed file and its schema findings, if the file is unchanged since last time."""
        try:
            raw = path.read_bytes()
        except OSError:
            return None  # loading reports it
        digest = hashlib.sha256(raw).hexdigest()
        self.hashes[display] = digest
        entry = self.old.get(display)
        if not isinstance(entry, dict) or entry.get("sha") != digest:
            return None
        try:
            schema = [_finding(f) for f in entry["schema"]]
            if entry.get("load") is not None:
                loaded: Document | Finding = _finding(entry["load"])
            else:
                text = raw.decode("utf-8").removeprefix("\ufeff")
                data = json.loads(entry["data"], object_hook=_decode)
                loaded = Document(path, display, text, data, frozenset(entry["invalid"]))
        except (KeyError, TypeError, ValueError):
            return None
        self.new[display] = entry
        return loaded, schema

    def store(self, display: str, loaded: Document | Finding, schema: list[Finding]) -> None:
        digest = self.hashes.get(display)
        if digest is None:
            return
        entry: dict[str, Any] = {"sha": digest, "schema": [list(astuple(f)) for f in schema]}
        if isinstance(loaded, Finding):
            entry["load"] = list(astuple(loaded))
        else:
            if _nul_key(loaded.data):
                return  # a key that could pass for our date tag: not worth caching
            try:
                entry["data"] = json.dumps(loaded.data, default=_encode, ensure_ascii=False)
            except (TypeError, ValueError):
                return
            entry["invalid"] = sorted(loaded.invalid_keys)
        self.new[display] = entry
        self.changed = True

    def privacy(
        self, display: str, allowed: list[str], compute: Callable[[], list[Finding]]
    ) -> list[Finding]:
        """Privacy findings of one file under the given allowed list, cached when possible."""
        entry = self.new.get(display)
        if entry is None:
            return compute()
        signature = hashlib.sha256("\x00".join(allowed).encode()).hexdigest()
        cached = entry.get("privacy")
        if isinstance(cached, list) and len(cached) == 2 and cached[0] == signature:
            with contextlib.suppress(KeyError, TypeError, ValueError):
                return [_finding(f) for f in cached[1]]
        found = compute()
        entry["privacy"] = [signature, [list(astuple(f)) for f in found]]
        self.changed = True
        return found

    def save(self) -> None:
        """Write atomically; a read-only checkout simply goes without a cache."""
        if not self.changed and set(self.new) == set(self.old):
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(exist_ok=True)
            for stale in self.path.parent.glob("validate-*.json"):
                if stale != self.path:
                    stale.unlink()
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".validate-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(
                        {"files": self.new}, handle, ensure_ascii=False, separators=(",", ":")
                    )
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as handle:
            files = json.load(handle).get("files")
    except (OSError, ValueError, AttributeError, RecursionError):
        return {}
    return files if isinstance(files, dict) else {}


def _finding(fields: Any) -> Finding:
    path, line, column, rule, message, severity = fields
    if not (
        isinstance(line, int) and isinstance(column, int) and severity in ("fout", "waarschuwing")
    ):
        raise ValueError("not a finding")
    return Finding(str(path), line, column, str(rule), str(message), severity)


def _nul_key(value: Any) -> bool:
    if isinstance(value, dict):
        return any("\x00" in k or _nul_key(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_nul_key(v) for v in value)
    return False


def _encode(value: Any) -> dict[str, str]:
    if isinstance(value, dt.datetime):
        return {"\x00dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"\x00d": value.isoformat()}
    if isinstance(value, dt.time):
        return {"\x00t": value.isoformat()}
    raise TypeError(type(value).__name__)


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        ((tag, value),) = obj.items()
        parse = _TAGS.get(tag)
        if parse is not None and isinstance(value, str):
            return parse(value)
    return obj
