"""Person names in free text, found with DEDUCE and filtered by what a portfolio may hold.

DEDUCE (Menger et al. 2018, UMC Utrecht; the `deduce` package) is the reference method for
de-identifying Dutch text: patterns plus lookup lists of first names, surnames, prefixes and
initials. Its lookup tables take seconds to load (minutes to build on first use), so:

- it is imported only when a text has not been seen before (`NameCache`, one JSON file in
  `.prof-cache/`), and loaded at most once per process (`_engine`);
- the cache stores what DEDUCE found in a text, keyed on the text, the library's version and
  `FORMAT`; what a team allows (its workers' names, `namen_toegestaan`) is applied after the
  cache on every run, so a changed allow-list can never meet a stale answer.

A hit is a span DEDUCE tags as a person, less the forms practice uses to anonymise
("mevrouw A.", "meneer B. (45)", "cliënt C."), cited authors ("Gibbs (1988)") and the
allowed names. What it cannot find: names written in lower case, names DEDUCE's lists do not
know, and nicknames; README and SECURITY.md say so.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from profcli.repository.model import Portfolio, Repository

__all__ = [
    "RULE",
    "NameCache",
    "NameHit",
    "allowed_forms",
    "allowed_in",
    "cache_for",
    "cache_only",
    "current",
    "find",
    "library_version",
    "message",
    "share_cache",
    "using",
    "warm_up",
    "worth_scanning",
]

RULE = "privacy-naam"
FORMAT = "4"
"""Bump when what is stored per text changes."""
CACHE_DIR = ".prof-cache"

_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.-]*", re.UNICODE)
_INITIAL = re.compile(r"[A-ZÀ-ÖØ-Þ](?:\.|(?=$))(?:[A-ZÀ-ÖØ-Þ]\.?)*")

HONORIFICS = frozenset(
    [
        "meneer",
        "mevrouw",
        "mevr",
        "mevr.",
        "mw",
        "mw.",
        "mr",
        "mr.",
        "dhr",
        "dhr.",
        "heer",
        "juffrouw",
        "juf",
        "meester",
        "dokter",
        "dr",
        "dr.",
        "cliënt",
        "client",
        "cliënte",
        "klant",
        "bewoner",
        "inwoner",
        "burger",
        "jongere",
        "moeder",
        "vader",
        "mama",
        "papa",
        "ma",
        "pa",
        "oma",
        "opa",
        "zoon",
        "dochter",
        "broer",
        "zus",
        "zuster",
        "broertje",
        "zusje",
        "tante",
        "oom",
        "neef",
        "nicht",
        "opa's",
        "partner",
        "vriend",
        "vriendin",
        "man",
        "vrouw",
        "ex",
        "familie",
        "gezin",
        "collega",
        "wijkagent",
        "huisarts",
        "leidinggevende",
        "teamleider",
        "supervisor",
        "coach",
        "docent",
        "mentor",
        "buurman",
        "buurvrouw",
    ]
)
"""Words in front of a name that make a following lone initial an anonymised form."""

AUTHORS = frozenset(
    [
        "korthagen",
        "gibbs",
        "kolb",
        "schön",
        "schon",
        "rogers",
        "maslow",
        "balint",
        "bateson",
        "argyris",
        "kelchtermans",
        "bandura",
        "freire",
        "rosenberg",
        "brown",
    ]
)
"""Authors of methods a reflection cites by surname alone; a team adds others by name."""

ORGANISATIONS = (
    "rode kruis",
    "leger des heils",
    "veilig thuis",
    "voedselbank",
    "humanitas",
    "vluchtelingenwerk",
    "jeugdbescherming",
    "raad voor de kinderbescherming",
)
"""National organisations whose names look like a person's to DEDUCE."""

_KIN = (
    r"(?:[Mm]eneer|[Mm]evrouw|[Mm]evr\.|[Mm]w\.|[Dd]hr\.|[Dd]e heer|[Ff]amilie|[Gg]ezin|[Oo]ma|"
    r"[Oo]pa|[Tt]ante|[Oo]om|[Jj]uf|[Mm]eester)"
)
_UPPER_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:-[^\W\d_]+)*"
_KIN_NAME = re.compile(
    rf"(?<![\w-]){_KIN}[ ]+(?P<name>(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Ee]l|[Aa]l|[Tt]er)[ ]+)*"
    rf"{_UPPER_WORD})"
)
"""An honorific or a kinship word with a capitalised word after it: a name, known to DEDUCE's
lists or not ("de familie Bouzid", "oma Riet")."""
_PLACE_LIKE = re.compile(r"(?:De|Het|Den|Ter|Ten|'t) [A-ZÀ-ÖØ-Þ][^\W\d_]+")
_NUMBER_AFTER = re.compile(r" [0-9]")

_YEAR_AFTER = re.compile(r"\s*(?:,\s*)?\(?\s*(?:19|20)[0-9]{2}[a-z]?\)?|\s+et\s+al\.?", re.I)


@dataclass(frozen=True, slots=True)
class NameHit:
    """A suspected person name: its offsets and a suggested anonymised form."""

    start: int
    end: int
    text: str
    suggestion: str


def worth_scanning(text: str) -> bool:
    """DEDUCE finds names by their capital: a text without one (or an id) is skipped."""
    return _UPPER.search(text) is not None and _SLUG.fullmatch(text) is None


def library_version() -> str:
    try:
        return metadata.version("deduce")
    except metadata.PackageNotFoundError:
        return "geen"


# --- the engine ------------------------------------------------------------------------
_LOCK = threading.Lock()


@cache
def _engine() -> Any:
    """DEDUCE with its tables loaded, once per process (seconds; minutes the first time)."""
    import logging

    from deduce import Deduce  # type: ignore[import-untyped,import-not-found,unused-ignore]

    logging.getLogger().setLevel(max(logging.getLogger().level, logging.WARNING))
    return Deduce()


_WAITING: list[Callable[[], None]] = []
"""Called once when a check has to wait for the background load (`prof add` says so)."""


def when_waiting(tell: Callable[[], None]) -> None:
    _WAITING[:] = [tell]


def _loaded() -> Any:
    if not _LOCK.acquire(blocking=False):  # the other thread is still loading
        for tell in _WAITING if threading.current_thread() is threading.main_thread() else ():
            tell()
        _WAITING.clear()
        _LOCK.acquire()
    try:
        return _engine()
    finally:
        _LOCK.release()


def warm_up() -> None:
    """Start loading DEDUCE in the background (`prof add`: while the person types)."""
    if _CACHE_ONLY[0]:
        return
    threading.Thread(target=_loaded, name="deduce-laden", daemon=True).start()


COMMON = 1
"""Flag: one word of DEDUCE's list of common Dutch words ("Pas", "Boek")."""
FIRST_NAME = 2
"""Flag: one word of DEDUCE's list of first names ("Kevin")."""


def raw(text: str) -> list[tuple[int, int, int]]:
    """Spans DEDUCE tags as a person (or patient), before any allowance, with flags about a
    one-word span from DEDUCE's own lists (so that the filter never needs the tables)."""
    engine = _loaded()
    common, first = engine.lookup_structs["common_word"], engine.lookup_structs["first_name"]
    spans = set()
    for a in engine.deidentify(text).annotations:
        if "persoon" in a.tag or "patient" in a.tag:
            one = " " not in a.text
            flags = (COMMON if one and a.text.lower() in common else 0) | (
                FIRST_NAME if one and [a.text] in first else 0
            )
            spans.add((a.start_char, a.end_char, flags))
    return sorted(spans)


# --- the cache -------------------------------------------------------------------------
_SHARED: list[Path] = []
_CACHE_ONLY: list[bool] = [getattr(sys, "_profcli_names_cache_only", False) is True]
"""Only our own test suite switches this on: in-process with cache_only(), and in the `prof`
processes it starts through tests/hooks/sitecustomize.py, which sets the sys attribute before
anything is imported. No environment variable or option can: that would let a pipeline
switch the names check off."""


def cache_only(on: bool) -> None:
    """Answer only from the cache; a text not in it gets the pattern rule alone (an honorific
    or kinship word before a capital), never DEDUCE. For a test suite that starts `prof`
    hundreds of times on fresh texts: it would otherwise load 800 MB of tables in every
    process. Never meant for a team's own checks."""
    _CACHE_ONLY[0] = on


def share_cache(folder: Path | None) -> None:
    """Use one cache folder for every repository (`PROF_NAMENCACHE`: a test suite, CI)."""
    _SHARED[:] = [folder] if folder else []


class NameCache:
    """What DEDUCE found per text, in one JSON file; speed only, never a different answer."""

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

    def spans(self, text: str) -> list[tuple[int, int, int]]:
        key = self.key(text)
        found = self._stored().get(key)
        if found is None and _CACHE_ONLY[0]:
            return _with_kin(text, [])
        if found is None:
            found = [[s, e, f] for s, e, f in _with_kin(text, raw(text))]
            self._stored()[key] = found
            self._new[key] = found
        return [(s, e, f) for s, e, f in found]

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


# --- allowances ------------------------------------------------------------------------
def allowed_forms(workers: Iterable[str], team_allowed: Iterable[str]) -> frozenset[str]:
    """Lower-cased names that pass: a worker's full and first name; of a name the team
    allows, also its surname (the name without the first word)."""
    forms: set[str] = set()
    for name in workers:
        words = name.split()
        if words:
            forms.update({_norm(name), _norm(words[0])})
    for name in team_allowed:
        words = name.split()
        if words:
            forms.update({_norm(name), _norm(words[0]), _norm(" ".join(words[1:]))})
    forms.discard("")
    return frozenset(forms)


def allowed_in(repo: Repository, portfolio: Portfolio | None) -> frozenset[str]:
    """What passes in `portfolio`: its team's workers, the team's `namen_toegestaan` and
    `privacy_toegestaan`; for a portfolio without a readable team, every team's."""
    team = repo.team_of(portfolio) if portfolio is not None else None
    teams = [team] if team is not None else list(repo.teams())
    slugs = {t.slug for t in teams}
    workers = [
        w.profile.text("naam")
        for w in repo.workers()
        if w.profile is not None and (team is None or w.profile.text("team") in slugs)
    ]
    if portfolio is not None and portfolio.profile is not None:
        workers.append(portfolio.profile.text("naam"))
    # A worker whose profile (or folder) could not be read is still a colleague: her folder
    # name is her name as `prof new` wrote it ("noor-bakker").
    unread = {key[0] for key in repo.unreadable if key[1] in ("*", "profiel")}
    unread |= {slug for slug, p in repo.portfolios.items() if p.profile is None}
    workers += [slug.replace("-", " ") for slug in sorted(unread)]
    listed = [
        name
        for t in teams
        if t.profile is not None
        for key in ("namen_toegestaan", "privacy_toegestaan")
        if key not in t.profile.invalid_keys
        for name in t.profile.ids(key)
    ]
    return allowed_forms(workers, listed)


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split())


_BARE_HONORIFICS = frozenset(h.rstrip(".") for h in HONORIFICS)


def _strip_honorifics(words: list[str]) -> tuple[list[str], list[str]]:
    lead: list[str] = []
    while words:
        first = words[0].lower().rstrip(".")
        article = first in ("de", "het", "een") and len(words) > 1
        if first not in _BARE_HONORIFICS and not (
            article and words[1].lower().rstrip(".") in _BARE_HONORIFICS
        ):
            break
        lead.append(words[0])
        words = words[1:]
    return lead, words


def _sentence_start(text: str, start: int) -> bool:
    """At the start of a sentence, a line, a heading or a list item ("# Kop", "- Pas op")."""
    before = text[:start].rstrip(" \t\"'\u2018\u201c(#*>-")
    return not before or before[-1] in ".!?:;\n"


def _passes(text: str, start: int, end: int, flags: int, allowed: frozenset[str]) -> bool:
    span = text[start:end]
    lead, rest = _strip_honorifics(_TOKEN.findall(span))
    if not rest:
        return True
    before = _TOKEN.findall(text[max(0, start - 12) : start])
    after_honorific = bool(before) and before[-1].lower().rstrip(".") in _BARE_HONORIFICS
    if not lead and (not after_honorific or _sentence_start(text, start)):
        one_word = len(rest) == 1
        if one_word and _sentence_start(text, start) and (flags & COMMON or not flags & FIRST_NAME):
            return True  # "Pas toen ...", "Verwijs bewoners ...": capitalised as first word
        if _PLACE_LIKE.fullmatch(span):
            return True  # "buurthuis De Put", "in De Esch": a building or a neighbourhood
        if len(rest) == 1 and _NUMBER_AFTER.match(text, end):
            return True  # "Stap 3", "Kamer 12"
        if _norm(rest[-1]) in AUTHORS:
            return True  # "het boek van Brené Brown"
    lowered = text.lower()
    for organisation in ORGANISATIONS:
        at = lowered.find(organisation)
        while at != -1:
            if at < end and start < at + len(organisation):
                return True
            at = lowered.find(organisation, at + 1)
    if all(_INITIAL.fullmatch(w) for w in rest):
        return True  # mevrouw A., meneer B. (45), cliënt C., A.B.
    name = _norm(" ".join(rest))
    if name in allowed or _norm(span) in allowed:
        return True
    if name in AUTHORS or (len(rest) == 1 and _YEAR_AFTER.match(text, end)):
        return not lead  # "Gibbs (1988)"; "meneer Gibbs" is a person
    return False


def suggestion(span: str) -> str:
    """The anonymised form to write instead: honorific (or nothing) plus one initial."""
    lead, rest = _strip_honorifics(_TOKEN.findall(span))
    capitals = [w for w in rest if w[:1].isupper()] or rest
    initial = f"{capitals[0][0].upper()}." if capitals else "A."
    return f"{' '.join(w.lower() for w in lead)} {initial}".strip()


_BOUNDARY = re.compile(r"(?<=[^\W\d_]{2})[.!?]\s+")
_ABBREVIATIONS = frozenset({"mw", "mevr", "dhr", "mr", "dr", "drs", "ir", "ing", "st", "jr", "sr"})


def _split_sentences(text: str, spans: set[tuple[int, int, int]]) -> Iterator[tuple[int, int, int]]:
    """A span across a full stop ("collega. Signalen", "Noor. Pas") is two spans; the part
    after the stop starts a sentence (its flags from DEDUCE's lists are unknown: 0)."""
    for start, end, flags in spans:
        cut = start
        for m in _BOUNDARY.finditer(text, start, end):
            word = _TOKEN.findall(text[cut : m.start()])
            if word and word[-1].lower() in _ABBREVIATIONS:
                continue
            if cut < m.start():
                yield cut, m.start(), flags if cut == start else 0
            cut = m.end()
        if cut < end:
            yield cut, end, flags if cut == start else 0


def _with_kin(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """DEDUCE's spans plus the pattern rule's: stored together, so a cached text costs no
    regular expression at all."""
    found = set(spans)
    for m in _KIN_NAME.finditer(text):
        if not any(s <= m.start("name") < e for s, e, _ in found):
            found.add((*m.span(), 0))
    return sorted(found)


def find(text: str, allowed: frozenset[str], store: NameCache) -> list[NameHit]:
    """Suspected client names in `text`, minus what may stand in a portfolio."""
    if not worth_scanning(text):
        return []
    hits = []
    spans = set(store.spans(text))
    for start, end, flags in sorted(_split_sentences(text, spans)):
        if not _passes(text, start, end, flags, allowed):
            hits.append(NameHit(start, end, text[start:end], suggestion(text[start:end])))
    return hits


def message(hit: NameHit) -> str:
    """One Dutch line that quotes the name once and shows the anonymised form."""
    return (
        f"`{hit.text}` lijkt de naam van een cliënt of naaste; schrijf het geanonimiseerd "
        f"(`{hit.suggestion}`) of noem een rol (`een buurtbewoner`); mag de naam er staan, zet hem "
        "dan bij `namen_toegestaan` in het teamprofiel"
    )
