"""What a schema cannot say: references, dates, hours, evidence paths (`evidence`), file names.

A value that failed the schema is reported there once; the rules leave exactly that value
alone (`valid`, `_ids`) but still check the rest of the file, so that one run shows every
problem and no problem twice.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from profcli import clock, resources
from profcli.findings import Finding
from profcli.registration.hours import same_session
from profcli.repository.frameworks import VALUE_SOORTEN
from profcli.repository.kinds import ACTIVITEIT, BIJEENKOMST, TEAM
from profcli.repository.model import Entry, Portfolio, Repository
from profcli.validation.agreements import agreement_rules
from profcli.validation.evidence import evidence_rules
from profcli.validation.references import person, portfolio_soort, suggest, unread, valid
from profcli.validation.registration import registration_rules

Rule = Callable[[Repository, dt.date], Iterator[Finding]]

_REFERENCE_SOORTEN = {
    ("leerdoel", "competenties"): ("competentie",),
    ("leerdoel", "contexten"): ("context",),
    ("reflectie", "beroepscode"): tuple(sorted(VALUE_SOORTEN)),
}


def run(repo: Repository, today: dt.date) -> list[Finding]:
    found: list[Finding] = []
    for rule in RULES:
        found.extend(rule(repo, today))
    return found


def _ids(entry: Entry, key: str) -> list[str]:
    return [] if key in entry.invalid_keys else entry.ids(key)


def _datum(entry: Entry) -> dt.date | None:
    return None if "datum" in entry.invalid_keys else entry.datum


def portfolio_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """Where each kind may live, and what a profile points at."""
    for portfolio in repo.sorted():
        soort = portfolio_soort(portfolio)
        for entry in portfolio.entries_flat():
            if soort is not None and soort not in entry.kind.owners:
                owner = "een team" if TEAM in entry.kind.owners else "een werker"
                yield entry.doc.finding(
                    (),
                    "soort-map",
                    (
                        f"{entry.kind.label} horen bij het profiel van {owner}, en "
                        f"`{portfolio.slug}` is dat niet; verplaats het bestand"
                    ),
                )
        profile = portfolio.profile
        if profile is None:
            continue
        zone = valid(profile, "tijdzone")
        if isinstance(zone, str) and not clock.known_zone(zone):
            yield profile.doc.finding(
                ("tijdzone",),
                "tijdzone",
                f"tijdzone `{zone}` is onbekend; schrijf een IANA-naam zoals `Europe/Amsterdam`",
            )
        team = valid(profile, "team")
        target = repo.portfolios.get(team) if isinstance(team, str) else None
        broken = repo.unread(str(team), "profiel", "profiel")
        if target is None and broken is not None:
            yield unread(profile, ("team",), f"team `{team}`", broken)
        elif isinstance(team, str) and target is None:
            yield profile.doc.finding(
                ("team",),
                "ref-team",
                f"team `{team}` bestaat niet{suggest(team, [t.slug for t in repo.teams()])}",
            )
        elif target is not None and portfolio_soort(target) not in (TEAM, None):
            yield profile.doc.finding(
                ("team",), "ref-team", f"`{team}` is het profiel van een werker, geen team"
            )
        for index, fid in enumerate(_ids(profile, "kaders")):
            broken = repo.unreadable.get(("", "kader", fid))
            if fid not in repo.catalog.frameworks and broken is not None:
                yield unread(profile, ("kaders", index), f"kader `{fid}`", broken)
            elif fid not in repo.catalog.frameworks:
                yield profile.doc.finding(
                    ("kaders", index),
                    "ref-kader",
                    f"kader `{fid}` is onbekend{suggest(fid, repo.catalog.frameworks)}",
                )
        yield from _synonyms(profile)


def _synonyms(profile: Entry) -> Iterator[Finding]:
    """Each word means one subject: a word under two subjects (or a subject that is also
    another subject's synonym) would put the same workers under two headings."""
    table = valid(profile, "synoniemen")
    if not isinstance(table, dict):
        return
    owner: dict[str, str] = {main: main for main in table}
    for main, words in table.items():
        if not isinstance(words, list):
            continue
        for index, word in enumerate(words):
            if not isinstance(word, str):
                continue
            earlier = owner.get(word)
            if earlier is None:
                owner[word] = main
                continue
            if word == main:
                why = "is het onderwerp zelf; laat het hier weg"
            elif word == earlier:
                why = "is zelf een onderwerp in [synoniemen]; noem het maar op één plek"
            else:
                why = f"staat ook bij `{earlier}`; een woord hoort bij één onderwerp"
            yield profile.doc.finding(
                ("synoniemen", main, index), "synoniem-dubbel", f"`{word}` {why}"
            )


def reference_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """Goals, people and framework items named by id must exist."""
    workers = [p.slug for p in repo.workers()]
    for portfolio in repo.sorted():
        goals = list(portfolio.entries.get("leerdoel", {}))
        what = "leeropdracht" if portfolio.soort == TEAM else "leerdoel"
        for entry in portfolio.entries_flat():
            for key in ("leerdoelen", "besproken"):  # a conversation's goals discussed
                for index, goal in enumerate(_ids(entry, key)):
                    broken = repo.unread(portfolio.slug, "leerdoel", goal)
                    if goal not in goals and broken is not None:
                        yield unread(entry, (key, index), f"{what} `{goal}`", broken)
                    elif goal not in goals:
                        yield entry.doc.finding(
                            (key, index),
                            "ref-leerdoel",
                            f"{what} `{goal}` bestaat niet in `{portfolio.slug}`"
                            f"{suggest(goal, goals)}",
                        )
            if entry.kind.name == "feedback":
                yield from _about(repo, portfolio, entry)
            for key in ("deelnemers", "contactpersonen"):
                for index, slug in enumerate(_ids(entry, key)):
                    yield from person(repo, entry, (key, index), slug, workers)
            for (kind, key), soorten in _REFERENCE_SOORTEN.items():
                if entry.kind.name == kind:
                    for index, item in enumerate(_ids(entry, key)):
                        yield from _item(repo, entry, (key, index), item, soorten)
            if entry.kind.name == "zelftoets":
                yield from _self_check(repo, entry)


def _about(repo: Repository, portfolio: Portfolio, entry: Entry) -> Iterator[Finding]:
    """Feedback `op` one entry: the id of one of the same worker's entries."""
    target = valid(entry, "op")
    if not isinstance(target, str):
        return
    ids = {i for kind, found in portfolio.entries.items() if kind != "feedback" for i in found}
    if target in ids:
        return
    if target in portfolio.entries.get("feedback", {}):
        message = f"`{target}` is zelf feedback; noem het stuk waar de feedback over gaat"
    else:
        message = (
            f"`{target}` is geen stuk in `{portfolio.slug}` (een leerdoel, reflectie, "
            f"zelftoets, activiteit of gesprek){suggest(target, sorted(ids))}"
        )
    yield entry.doc.finding(("op",), "ref-op", message)


def _item(
    repo: Repository, entry: Entry, path: tuple[str, int], item: str, soorten: tuple[str, ...]
) -> Iterator[Finding]:
    allowed = [i.id for i in repo.catalog.of_soort(*soorten)]
    if item in allowed:
        return
    wanted = " of ".join(", ".join(soorten).rsplit(", ", 1))
    known = repo.catalog.items.get(item)
    if known is not None:
        yield entry.doc.finding(
            path, "ref-kader-item", f"`{item}` is een {known.soort}, geen {wanted}"
        )
    else:
        yield entry.doc.finding(
            path,
            "ref-kader-item",
            f"`{item}` is geen {wanted} uit een bekend kader{suggest(item, allowed)}",
        )


def _self_check(repo: Repository, entry: Entry) -> Iterator[Finding]:
    fid = valid(entry, "kader")
    if not isinstance(fid, str):
        return
    framework = repo.catalog.frameworks.get(fid)
    broken = repo.unreadable.get(("", "kader", fid))
    if framework is None and broken is not None:
        yield unread(entry, ("kader",), f"kader `{fid}`", broken)
        return
    if framework is None:
        yield entry.doc.finding(
            ("kader",),
            "ref-kader",
            f"kader `{fid}` is onbekend{suggest(fid, repo.catalog.frameworks)}",
        )
        return
    ids = [i.id for i in framework.items]
    scores = valid(entry, "scores")
    for item in scores if isinstance(scores, dict) else {}:
        if item not in ids:
            yield entry.doc.finding(
                ("scores", item),
                "ref-kader-item",
                f"kader `{fid}` kent geen onderdeel `{item}`{suggest(item, ids)}",
                at_key=True,
            )


def date_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """No `datum` (or day something was done) in the future, deadlines and reached goals
    after starts, file-name dates that match."""
    for entry in repo.entries():
        future = False
        for key in ("datum", "bijgewerkt", "behaald_op"):
            value = valid(entry, key)
            if isinstance(value, dt.date) and value > today:
                future = key != "behaald_op"
                yield entry.doc.finding(
                    (key,), "datum-toekomst", f"`{key}` {value.isoformat()} ligt in de toekomst"
                )
        yield from _actions_done(entry, today)
        yield from _conversation_agreements(entry)
        start = valid(entry, "start")
        for key in ("deadline", "behaald_op"):
            value = valid(entry, key)
            if isinstance(start, dt.date) and isinstance(value, dt.date) and value < start:
                what = "deadline" if key == "deadline" else "behaald op"
                yield entry.doc.finding(
                    (key,),
                    "datum-volgorde",
                    f"{what} {value.isoformat()} ligt voor de start {start.isoformat()}",
                )
        yield from _quoted_dates(entry)
        datum = _datum(entry)
        if entry.kind.dated and datum and not future and not entry.id.startswith(datum.isoformat()):
            yield entry.doc.finding(
                ("datum",),
                "bestand-datum",
                f"datum {datum.isoformat()} verschilt van de datum in de "
                f"bestandsnaam `{entry.id}.toml`; pas een van beide aan",
            )


def _conversation_agreements(entry: Entry) -> Iterator[Finding]:
    """An agreement made in a conversation cannot be due before the conversation."""
    if entry.kind.name != "gesprek":
        return
    datum, agreements = _datum(entry), valid(entry, "afspraken")
    for index, agreement in enumerate(agreements if isinstance(agreements, list) else []):
        due = agreement.get("deadline") if isinstance(agreement, dict) else None
        if isinstance(datum, dt.date) and isinstance(due, dt.date) and due < datum:
            yield entry.doc.finding(
                ("afspraken", index, "deadline"),
                "gesprek-afspraak",
                f"deadline {clock.shown(due)} ligt voor het gesprek van {clock.shown(datum)}",
            )


def _actions_done(entry: Entry, today: dt.date) -> Iterator[Finding]:
    """A step cannot have been taken on a day still to come (`klaar_op` in `[[acties]]`)."""
    actions = valid(entry, "acties")
    for index, action in enumerate(actions if isinstance(actions, list) else []):
        value = action.get("klaar_op") if isinstance(action, dict) else None
        if isinstance(value, dt.date) and value > today:
            yield entry.doc.finding(
                ("acties", index, "klaar_op"),
                "datum-toekomst",
                f"`klaar_op` {value.isoformat()} ligt in de toekomst",
            )


def _quoted_dates(entry: Entry) -> Iterator[Finding]:
    """`datum = "2026-03-14"` passes the schema (dates are checked as ISO strings) but is text:
    every date rule, the hours and the site would silently skip it."""
    for path in _date_paths(entry.kind.name):
        value: object = None if path[0] in entry.invalid_keys else entry.data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str):
            yield entry.doc.finding(
                path,
                "datum-tekst",
                f"`{path[-1]}` is tekst, geen datum: haal de aanhalingstekens "
                f"weg ({path[-1]} = {value})",
            )


@cache
def _date_paths(kind: str) -> tuple[tuple[str, ...], ...]:
    """Keys that the kind's schema declares as dates, e.g. `("registratie", "cyclus_start")`."""
    found: list[tuple[str, ...]] = []

    def walk(node: dict[str, Any], path: tuple[str, ...]) -> None:
        for key, sub in node.get("properties", {}).items():
            if isinstance(sub, dict):
                if sub.get("format") == "date":
                    found.append((*path, key))
                walk(sub, (*path, key))

    walk(resources.schema(kind), ())
    return tuple(found)


def hours_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """Nobody logs more than 24 hours on one day (activities plus team meetings).

    Reported once per person and day, at the entry that takes the day over 24.
    """
    per_day: dict[tuple[str, dt.date], float] = defaultdict(float)
    logged: list[tuple[str, Entry, str]] = [
        (slug, meeting, "duur_uren")
        for team in repo.teams()
        for meeting in team.of(BIJEENKOMST)
        for slug in _ids(meeting, "deelnemers")
    ]
    logged += [(w.slug, e, "uren") for w in repo.workers() for e in w.of(ACTIVITEIT)]
    for slug, entry, key in logged:
        hours, datum = valid(entry, key), _datum(entry)
        if datum is None or not isinstance(hours, int | float) or isinstance(hours, bool):
            continue
        before = per_day[(slug, datum)]
        per_day[(slug, datum)] += hours
        if before <= 24 < before + hours:
            yield entry.doc.finding(
                (key,),
                "uren-per-dag",
                (
                    f"op {datum.isoformat()} staan voor `{slug}` al {before:g} uur aan "
                    f"activiteiten en bijeenkomsten; met deze {hours:g} uur erbij is het meer "
                    "dan 24 uur op één dag"
                ),
            )


def session_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """One session logged twice: as an own activity and as a team meeting she took part in."""
    for worker in repo.workers():
        for activity, meeting in same_session(repo, worker):
            yield activity.doc.finding(
                ("vorm",),
                "dubbele-sessie",
                (
                    f"deze {activity.text('vorm')} op {meeting.datum} staat ook als bijeenkomst "
                    f"in `{meeting.doc.display}`, met `{worker.slug}` als deelnemer; de uren "
                    "tellen één keer (via de bijeenkomst): haal deze activiteit weg, of zet "
                    '`aparte_sessie = "..."` met de reden als het een andere sessie was'
                ),
                severity="waarschuwing",
            )


def uniqueness_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """Register numbers belong to one person."""
    seen: dict[tuple[str, str], str] = {}
    for worker in repo.workers():
        profile = worker.profile
        reg = valid(profile, "registratie") if profile else None
        if profile is None or not isinstance(reg, dict) or not isinstance(reg.get("nummer"), str):
            continue
        key = (str(reg.get("register")), reg["nummer"])
        if key in seen:
            yield profile.doc.finding(
                ("registratie", "nummer"),
                "uniek-registratienummer",
                f"registratienummer `{reg['nummer']}` staat ook bij "
                f"`{seen[key]}`; een nummer hoort bij één persoon",
            )
        else:
            seen[key] = worker.slug


RULES: tuple[Rule, ...] = (
    portfolio_rules,
    reference_rules,
    date_rules,
    hours_rules,
    session_rules,
    evidence_rules,
    uniqueness_rules,
    registration_rules,
    agreement_rules,
)
