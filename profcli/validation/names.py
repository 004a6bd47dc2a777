"""Person names in free text, found from word lists and filtered by what a portfolio may hold.

A capitalised word that is no Dutch word, no place, organisation, method, holiday, language or
author, or that a list of first names or surnames knows, is a name (`namefinder`, with the lists
of `lexicon`: DEDUCE's Meertens lists of Dutch names, OpenTaal, pyspellchecker). The lists
open in a millisecond from one memory-mapped file, so the check costs nothing noticeable
even for a text never seen before; it no longer loads DEDUCE's 1.1 GB of tables.

- What the lists find in a text (`raw`) is kept per text by `namecache` (one JSON file in
  `.prof-cache/`); what a team allows (its workers' and leads' names, `namen_toegestaan`) is
  applied here, after the cache, on every run, so a changed allow-list can never meet a
  stale answer. `find` asks whatever gives it the spans of a text (`Spans`): the cache.
- A hit is less the forms practice uses to anonymise ("mevrouw A.", "meneer B. (45)",
  "cliënt C."), cited authors ("Gibbs (1988)", "het model van Egan") and the allowed names.

What it cannot find: names written in lower case, a name that is also an ordinary Dutch word
where nothing marks it as a person ("Storm is boos", "ik belde Vos"), and nicknames. README
and SECURITY.md say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from profcli.repository.model import Portfolio, Repository
from profcli.validation.namewords import HONORIFICS, INTERFIXES, norm

__all__ = [
    "RULE",
    "NameHit",
    "Spans",
    "allowed_forms",
    "allowed_in",
    "find",
    "message",
    "raw",
    "worth_scanning",
]

RULE = "privacy-naam"

_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.-]*", re.UNICODE)
_INITIAL = re.compile(r"[A-ZÀ-ÖØ-Þ](?:\.|(?=$))(?:[A-ZÀ-ÖØ-Þ]\.?)*")
_PLACE_LIKE = re.compile(r"(?:De|Het|Den|Ter|Ten|'t) [A-ZÀ-ÖØ-Þ][^\W\d_]+")
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


def raw(text: str) -> list[tuple[int, int]]:
    """The names in `text` by the word lists, before any allowance."""
    from profcli.validation import lexicon, namefinder

    return namefinder.spans(text, lexicon.lexicon())


class Spans(Protocol):
    """What gives `find` the names in a text before any allowance (`namecache.NameCache`)."""

    def spans(self, text: str) -> list[tuple[int, int]]: ...


# --- allowances ------------------------------------------------------------------------
def allowed_forms(workers: Iterable[str], team_allowed: Iterable[str]) -> frozenset[str]:
    """Lower-cased names that pass: a worker's full and first name; of a name the team
    allows, also its surname (the name without the first word)."""
    forms: set[str] = set()
    for name in workers:
        words = name.split()
        if words:
            forms.update({norm(name), norm(words[0])})
    for name in team_allowed:
        words = name.split()
        if words:
            forms.update({norm(name), norm(words[0]), norm(" ".join(words[1:]))})
    forms.discard("")
    return frozenset(forms)


def allowed_in(repo: Repository, portfolio: Portfolio | None) -> frozenset[str]:
    """What passes in `portfolio`: its team's workers, the team's `namen_toegestaan` and
    `privacy_toegestaan`; for a portfolio without a readable team, every team's."""
    team = repo.team_of(portfolio) if portfolio is not None else None
    teams = [team] if team is not None else list(repo.teams())
    colleagues = _colleagues(repo)
    if team is not None:
        workers = list(colleagues.get(team.slug, []))
    else:
        workers = [n for team, names in colleagues.items() if team != _UNREAD for n in names]
    if portfolio is not None and portfolio.profile is not None:
        workers.append(portfolio.profile.text("naam"))
    workers += colleagues.get(_UNREAD, [])
    listed = [
        name
        for t in teams
        if t.profile is not None
        for key in ("namen_toegestaan", "privacy_toegestaan")
        if key not in t.profile.invalid_keys
        for name in t.profile.ids(key)
    ]
    leads = [name for t in teams for name in lead_names(t)]
    return allowed_forms([*workers, *leads], listed)


def _colleagues(repo: Repository) -> dict[str, list[str]]:
    """The workers' names per team their profile names, worked out once per loaded
    repository: asked for every portfolio, a walk over all workers each time grew with the
    square of the team's size (0.13 s at 250 workers, seconds at 1,000)."""
    known = repo.derived.get("collegas")
    if isinstance(known, dict):
        return known
    found: dict[str, list[str]] = {}
    for worker in repo.workers():
        if worker.profile is not None:
            found.setdefault(worker.profile.text("team"), []).append(worker.profile.text("naam"))
    # A worker whose profile (or folder) could not be read is still a colleague: her folder
    # name is her name as `prof new` wrote it ("noor-bakker").
    unread = {key[0] for key in repo.unreadable if key[1] in ("*", "profiel")}
    unread |= {slug for slug, p in repo.portfolios.items() if p.profile is None}
    found[_UNREAD] = [slug.replace("-", " ") for slug in sorted(unread)]
    repo.derived["collegas"] = found
    return found


_UNREAD = "\0onleesbaar"
"""The key of the unreadable colleagues' names in `_colleagues` (no team is called so)."""


def lead_names(team: Portfolio) -> list[str]:
    """The names of a team's leads (`[[leidinggevenden]]` in its profile): they pass where
    the team's workers' names pass (issue 23)."""
    profile = team.profile
    if profile is None or "leidinggevenden" in profile.invalid_keys:
        return []
    leads = profile.get("leidinggevenden")
    return [
        " ".join(lead["naam"].split())
        for lead in (leads if isinstance(leads, list) else [])
        if isinstance(lead, dict) and isinstance(lead.get("naam"), str)
    ]


def _strip_honorifics(words: list[str]) -> tuple[list[str], list[str]]:
    lead: list[str] = []
    while words:
        first = words[0].lower().rstrip(".")
        article = first in ("de", "het", "een") and len(words) > 1
        if first not in HONORIFICS and not (article and words[1].lower().rstrip(".") in HONORIFICS):
            break
        lead.append(words[0])
        words = words[1:]
    return lead, words


def _passes(text: str, start: int, end: int, allowed: frozenset[str]) -> bool:
    span = text[start:end]
    lead, rest = _strip_honorifics(_TOKEN.findall(span))
    if not rest:
        return True
    if all(_INITIAL.fullmatch(w) for w in rest):
        return True  # mevrouw A., meneer B. (45), cliënt C., A.B.
    name = norm(" ".join(rest))
    if name in allowed or norm(span) in allowed:
        return True
    if not lead and _PLACE_LIKE.fullmatch(span):
        return True  # "buurthuis De Put": a building or a neighbourhood
    return not lead and len(rest) == 1 and _YEAR_AFTER.match(text, end) is not None
    # "Yalom (1995)": an author cited with a year; "meneer Yalom (1995)" is a person


def suggestion(span: str) -> str:
    """The anonymised form to write instead: honorific (or nothing) plus one initial; after
    an honorific the surname's (`mevrouw Bouchra El Amrani`: `mevrouw E.`), as one says
    `mevrouw E.`, else the first name's (`Bouchra El Amrani`: `B.`)."""
    lead, rest = _strip_honorifics(_TOKEN.findall(span))
    capitals = [w for w in rest if w[:1].isupper()] or rest
    if lead and len(capitals) > 1 and capitals[0].lower() not in INTERFIXES:
        capitals = capitals[1:]  # a first name before the surname ("Van den Heuvel" is one)
    initial = f"{capitals[0][0].upper()}." if capitals else "A."
    return f"{' '.join(w.lower() for w in lead)} {initial}".strip()


def find(text: str, allowed: frozenset[str], store: Spans) -> list[NameHit]:
    """Suspected client names in `text`, minus what may stand in a portfolio."""
    if not worth_scanning(text):
        return []
    hits = []
    for start, end in store.spans(text):
        if not _passes(text, start, end, allowed):
            hits.append(NameHit(start, end, text[start:end], suggestion(text[start:end])))
    return hits


def message(hit: NameHit) -> str:
    """One Dutch line that quotes the name once and shows the anonymised form."""
    return (
        f"`{hit.text}` lijkt de naam van een cliënt of naaste; schrijf het geanonimiseerd "
        f"(`{hit.suggestion}`) of noem een rol (`een buurtbewoner`); mag de naam er staan, zet hem "
        "dan bij `namen_toegestaan` in het profiel van het team (profielen/TEAM/profiel.toml)"
    )
