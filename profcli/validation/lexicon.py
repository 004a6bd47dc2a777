"""The word lists the names check asks, built once per machine into one memory-mapped file.

What a capitalised word in a Dutch text can be, and where each fact comes from:

- a Dutch word, capitalised at the start of a sentence or in a title ("Vandaag", "Schuld-
  hulpverlening"): pyspellchecker's Dutch list (343,000 words, from OpenSubtitles), less the
  words OpenTaal knows only as a proper noun (its list lowercases "Oksana" as well);
- an English word of practice ("Signs of Safety", "Housing First"): pyspellchecker's English
  list, the words seen at least `ENGLISH_FLOOR` times;
- a person's name: DEDUCE's lists of first names and surnames (the Meertens Institute's), and
  OpenTaal's proper nouns (data/opentaal-eigennamen.txt) for the rest;
- not a person: a place (DEDUCE's Dutch residences and municipalities, OpenTaal's places,
  data/praktijk.txt), an organisation, a law, a method, a holiday, a language
  (data/praktijk.txt), or an author of theory (data/auteurs.txt).

Measured on this 2-core machine (`python3 -c "from profcli.validation import lexicon;
lexicon.build()"` and `benchmarks/names.py`): building takes about 2 s once, the file is about
1.2 MB, and opening it costs about 1 ms (marisa-trie maps it; nothing is parsed). DEDUCE's own
load took 6-7 s and 1.1 GB in every process, because it also builds its street and
institution tables, which a portfolio's names check never used.

The file lives in the user's cache folder (`$XDG_CACHE_HOME/profcli`, else `~/.cache/profcli`),
never in the package folder, which may be read-only (a system or pipx install). Where no
folder is writable, the lists are built in memory for the process (the same answers, slower).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from profcli import resources

__all__ = ["Lexicon", "build", "lexicon", "version", "when_building"]

FORMAT = "1"
"""Bump when what is stored changes."""
DATA = Path(__file__).resolve().parent / "data"
ENGLISH_FLOOR = 1000
"""English words seen fewer times than this in pyspellchecker's list are left out: the list
also holds names ("ahmed" 176 times, "fatima" 50), practice words are far above it ("housing"
9,522, "motivational" 1,284)."""

PROPER_AS_WORD_FLOOR = 200
"""A word OpenTaal spells only with a capital is still a Dutch word when pyspellchecker's Dutch
list saw it this often (see `_entries`)."""

# One key space, a letter in front of each entry:
WORD, ENGLISH, FIRST, SURNAME, AFTER_INTERFIX, PROPER, PLACE, AUTHOR, COMMON, HEAD = "wevaiopuch"
COMMON_FLOOR = 20_000
"""A Dutch word seen this often is a function word or a very common one ("wel" 1.3 million,
"toch", "hoop"), never a name at the start of a sentence, whatever follows ("Wel bleef ze");
"roos" (2,312) and "storm" (11,836) stay below it."""


def _versions() -> str:
    here = Path(__file__).resolve().parent
    # this module and the rules that read the lists: an edited install never meets old answers
    parts = [FORMAT]
    parts += [hashlib.sha256((here / m).read_bytes()).hexdigest() for m in _RULES]
    for package in ("deduce", "pyspellchecker"):
        try:
            parts.append(metadata.version(package))
        except metadata.PackageNotFoundError:
            parts.append("geen")
    for path in sorted(DATA.glob("*.txt")):  # contents: pip sets every mtime at install
        parts.append(f"{path.name}:{hashlib.blake2b(path.read_bytes()).hexdigest()}")
    return "\0".join(parts)


_RULES = ("lexicon.py", "namefinder.py", "namewords.py")


@cache
def version() -> str:
    """What the lists are made of, as a short digest: part of every key of the names cache."""
    return hashlib.blake2b(_versions().encode(), digest_size=8).hexdigest()


class Lexicon:
    """Membership questions on the lists; every answer is one lookup in a trie."""

    def __init__(self, trie: Any) -> None:
        self._trie = trie
        self.memo: dict[tuple[str, bool], bool] = {}
        """What namefinder made of a word, kept for the process."""
        self.starts: dict[str, bool] = {}
        """Per capitalised word: a Dutch word and no name (namefinder.spans' quick path)."""

    def _has(self, kind: str, word: str) -> bool:
        return (kind + word) in self._trie

    def dutch(self, lower: str) -> bool:
        return self._has(WORD, lower)

    def common(self, lower: str) -> bool:
        return self._has(COMMON, lower)

    def english(self, lower: str) -> bool:
        return self._has(ENGLISH, lower)

    def first_name(self, word: str) -> bool:
        return self._has(FIRST, word)

    def surname(self, word: str) -> bool:
        return self._has(SURNAME, word)

    def after_interfix(self, word: str) -> bool:
        """A surname's part after "de", "van", "van der" ("Vries", "Jong", "Heuvel")."""
        return self._has(AFTER_INTERFIX, word)

    def proper_noun(self, word: str) -> bool:
        """OpenTaal spells it only with a capital (a name, or a place it does not mark)."""
        return self._has(PROPER, word)

    def place(self, lower: str) -> bool:
        """A place, organisation, law, method, holiday or language (one word or a phrase)."""
        return self._has(PLACE, lower)

    def author(self, lower: str) -> bool:
        return self._has(AUTHOR, lower)

    def phrase_head(self, lower: str) -> bool:
        """The first word of a place, organisation, method or author of several words."""
        return self._has(HEAD, lower)


def when_building(tell: Callable[[], None]) -> None:
    """`tell` is called once before the lists are built (the first use on a machine)."""
    resources.when_building(tell)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "profcli"


@cache
def lexicon() -> Lexicon:
    """The lists, opened from the cache folder, built there first if needed."""
    import marisa_trie  # type: ignore[import-untyped,import-not-found,unused-ignore]

    path = _cache_dir() / f"namenlijsten-{version()}.marisa"
    trie = marisa_trie.Trie()
    try:
        trie.mmap(str(path))
        return Lexicon(trie)
    except (OSError, RuntimeError):  # marisa says RuntimeError for a missing or torn file
        pass
    resources.building()
    built = marisa_trie.Trie(_entries())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        built.save(str(temporary))
        os.replace(temporary, path)
        for old in path.parent.glob("namenlijsten-*.marisa"):
            if old != path:
                old.unlink(missing_ok=True)
        trie.mmap(str(path))
    except (OSError, RuntimeError):
        return Lexicon(built)  # nowhere to keep it: this process uses it from memory
    return Lexicon(trie)


def build() -> Path:
    """Build the file now (`.ci/run` and a new machine's first command); returns its path."""
    lexicon()
    return _cache_dir() / f"namenlijsten-{version()}.marisa"


# --- the sources ------------------------------------------------------------------------
def _data_lines(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def _spelling(language: str) -> dict[str, int]:
    import spellchecker  # type: ignore[import-untyped,import-not-found,unused-ignore]

    path = Path(spellchecker.__file__).resolve().parent / "resources" / f"{language}.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data: dict[str, int] = json.load(handle)
    return data


@contextmanager
def _quiet_import() -> Iterator[None]:
    """Importing `deduce` calls logging.basicConfig(DEBUG, stdout): a handler in place first
    makes that call do nothing, so nothing of it reaches a person or `--format json`."""
    root = logging.getLogger()
    guard = logging.NullHandler()
    root.addHandler(guard)
    try:
        yield
    finally:
        root.removeHandler(guard)


def _deduce_lists() -> dict[str, set[str]]:
    """DEDUCE's own lists, read as DEDUCE reads them (exceptions removed, transforms applied),
    without building its lookup structures."""
    with _quiet_import():
        import deduce  # type: ignore[import-untyped,import-not-found,unused-ignore]
        from deduce.lookup_structs import (  # type: ignore[import-untyped,import-not-found,unused-ignore]
            load_raw_itemsets,
        )

    base = Path(deduce.__file__).resolve().parent / "data" / "lookup"
    lists = [
        "names/lst_first_name",
        "names/lst_surname",
        "names/lst_interfix_surname",
        "locations/lst_placename",
        "whitelist/lst_common_word",
        "whitelist/lst_stop_word",
        "whitelist/lst_medical_term",
    ]
    raw: dict[str, set[str]] = load_raw_itemsets(base_path=base, subdirs=lists)
    return raw


def _plain(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _entries() -> Iterable[str]:
    deduce = _deduce_lists()
    dutch = _spelling("nl")
    english = _spelling("en")
    # DEDUCE leaves out of its name lists the words on its whitelist (common words, stop
    # words, medical terms): "Zorg" is no surname.
    white = {w.lower() for key in ("common_word", "stop_word", "medical_term") for w in deduce[key]}
    first = {w for w in deduce["first_name"] if len(w) > 1 and w.lower() not in white}
    surnames = {
        w
        for key in ("surname", "interfix_surname")
        for w in deduce[key]
        if len(w) > 1 and w.lower() not in white
    }
    proper = set(_data_lines("opentaal-eigennamen.txt"))
    places = {w.lower() for w in deduce["placename"]}
    places |= {w.lower() for w in _data_lines("opentaal-plaatsen.txt")}
    places |= {w.lower() for w in _data_lines("praktijk.txt")}
    authors = {w.lower() for w in _data_lines("auteurs.txt")}
    # OpenTaal knows these only as proper nouns; the Dutch list has them from subtitles, at its
    # floor of 50 ("oksana", "emre", "mohammed"). Inflected words OpenTaal lists only as a
    # stem, whose capitalised form is also a surname ("Lange" 51,865, "Verwijst"), are far
    # above it and stay words. DEDUCE's names stay words where the list has them ("roos"):
    # at the start of a sentence they are words, inside one a name.
    not_words = {w.lower() for w in proper if dutch.get(w.lower(), 0) < PROPER_AS_WORD_FLOOR}
    names_lower = not_words | {w.lower() for w in first | surnames}
    words = {w for w in dutch if w not in not_words}
    words |= {_plain(w) for w in words}  # "Prive", "Cafe": written without the accent
    yield from (WORD + w for w in words)
    yield from (COMMON + w for w, n in dutch.items() if n >= COMMON_FLOOR)
    yield from (
        ENGLISH + w for w, n in english.items() if n >= ENGLISH_FLOOR and w not in names_lower
    )
    yield from (FIRST + w for w in first)
    yield from (SURNAME + w for w in surnames)
    yield from (AFTER_INTERFIX + w for w in deduce["interfix_surname"] if len(w) > 1)
    yield from (PROPER + w for w in proper)
    yield from (PLACE + w for w in places)
    yield from (AUTHOR + w for w in authors)
    heads = {w.split()[0] for w in places | authors if " " in w or "-" in w}
    heads |= {w.split("-")[0] for w in places | authors if "-" in w}
    yield from (HEAD + w for w in heads)


if __name__ == "__main__":  # python3 -m profcli.validation.lexicon: build and say where
    print(build(), file=sys.stderr)
