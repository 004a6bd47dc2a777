"""The per-text cache of the names check: what the word lists found in a text, kept in one
file per repository (`.prof-cache/namen-<format>-<lists' version>-<python>.bin`, marshal:
four times quicker to read than JSON for a thousand workers' texts, and read on every run).

A wrapper around `names.raw`, keyed on everything its answer depends on: the text, `FORMAT`
and the version of the lists. It stores the spans before any allowance, so that what a team
allows (`names.find`) is applied on every run and a changed allow-list can never meet a stale
answer. Speed only, never a different finding (tests/test_cache.py).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from profcli.validation import names

__all__ = ["NameCache", "cache_for", "current", "library_version", "share_cache", "using"]

FORMAT = "6"
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


Stored = tuple[set[bytes], dict[bytes, tuple[tuple[int, int], ...]]]
"""The digests of the texts without a name, and the spans of those with one (about 3 in
100): a set of 200,000 short `bytes` reads in a fiftieth of a second, a dict of lists in a
fifth (measured at 1,000 workers)."""


class NameCache:
    """What the word lists found per text, in one file; speed only, never a different
    answer."""

    def __init__(self, folder: Path | None) -> None:
        self.version = library_version()
        python = f"{sys.version_info[0]}{sys.version_info[1]}"
        self.path = folder / f"namen-{FORMAT}-{self.version}-{python}.bin" if folder else None
        self._data: Stored | None = None
        self._new: Stored = (set(), {})

    def _stored(self) -> Stored:
        if self._data is None:
            self._data = _read(self.path) if self.path else (set(), {})
        return self._data

    def key(self, text: str) -> bytes:
        raw_key = f"{FORMAT}\0{self.version}\0{text}".encode()
        return hashlib.blake2b(raw_key, digest_size=16).digest()

    def spans(self, text: str) -> list[tuple[int, int]]:
        key = self.key(text)
        empty, hits = self._stored()
        if key in empty:
            return []
        found = hits.get(key)
        if found is None:
            found = tuple(names.raw(text))
            if found:
                hits[key] = self._new[1][key] = found
            else:
                empty.add(key)
                self._new[0].add(key)
        return list(found)

    def save(self) -> None:
        """Merge what was new into the file (another process may have added to it)."""
        if not (self._new[0] or self._new[1]) or self.path is None:
            return
        empty, hits = _read(self.path)
        empty |= self._new[0]
        hits.update(self._new[1])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps((frozenset(empty), hits)))
            os.replace(temporary, self.path)
        except OSError:
            return  # a read-only checkout: the next run computes again
        self._new = (set(), {})


def _read(path: Path | None) -> Stored:
    if path is None:
        return set(), {}
    try:
        empty, hits = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return set(), {}
    if not isinstance(empty, frozenset | set) or not isinstance(hits, dict):
        return set(), {}
    return set(empty), hits


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
