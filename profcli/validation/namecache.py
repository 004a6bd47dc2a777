"""The per-text cache of the names check: what the word lists found in a text, kept in one
JSON file per repository (`.prof-cache/namen-<format>-<lists' version>.json`).

A wrapper around `names.raw`, keyed on everything its answer depends on: the text, `FORMAT`
and the version of the lists. It stores the spans before any allowance, so that what a team
allows (`names.find`) is applied on every run and a changed allow-list can never meet a stale
answer. Speed only, never a different finding (tests/test_cache.py).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from profcli.validation import names

__all__ = ["NameCache", "cache_for", "current", "library_version", "share_cache", "using"]

FORMAT = "5"
"""Bump when what is stored per text changes."""
CACHE_DIR = ".prof-cache"

_SHARED: list[Path] = []


def library_version() -> str:
    """The version of the word lists (part of every cache key)."""
    from profcli.validation import lexicon

    return lexicon.version()


def share_cache(folder: Path | None) -> None:
    """Use one cache folder for every repository (`PROF_NAMENCACHE`: a test suite, CI)."""
    _SHARED[:] = [folder] if folder else []


class NameCache:
    """What the word lists found per text, in one JSON file; speed only, never a different
    answer."""

    def __init__(self, folder: Path | None) -> None:
        self.version = library_version()
        self.path = folder / f"namen-{FORMAT}-{self.version}.json" if folder else None
        self._data: dict[str, list[list[int]]] | None = None
        self._new: dict[str, list[list[int]]] = {}

    def _stored(self) -> dict[str, list[list[int]]]:
        if self._data is None:
            self._data = _read(self.path) if self.path else {}
        return self._data

    def key(self, text: str) -> str:
        raw_key = f"{FORMAT}\0{self.version}\0{text}".encode()
        return hashlib.blake2b(raw_key, digest_size=16).hexdigest()

    def spans(self, text: str) -> list[tuple[int, int]]:
        key = self.key(text)
        found = self._stored().get(key)
        if found is None:
            found = [[s, e] for s, e in names.raw(text)]
            self._stored()[key] = found
            self._new[key] = found
        return [(s, e) for s, e in found]

    def save(self) -> None:
        """Merge what was new into the file (another process may have added to it)."""
        if not self._new or self.path is None:
            return
        merged = _read(self.path)
        merged.update(self._new)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps(merged, separators=(",", ":")), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            return  # a read-only checkout: the next run computes again
        self._new = {}


def _read(path: Path | None) -> dict[str, list[list[int]]]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


_CACHES: dict[Path | None, NameCache] = {}


_CURRENT: ContextVar[NameCache | None] = ContextVar("names_cache", default=None)


@contextmanager
def using(store: NameCache) -> Iterator[NameCache]:
    """Within this block, `current` is `store` (one validation run: rules and evidence)."""
    token = _CURRENT.set(store)
    try:
        yield store
    finally:
        _CURRENT.reset(token)
        store.save()


def current(root: Path | None) -> NameCache:
    return _CURRENT.get() or cache_for(root)


def cache_for(root: Path | None) -> NameCache:
    """The cache of a repository (or the shared one), one object per process."""
    folder = _SHARED[0] if _SHARED else (root / CACHE_DIR if root else None)
    found = _CACHES.get(folder)
    if found is None or found.version != library_version():
        found = _CACHES[folder] = NameCache(folder)
    return found
