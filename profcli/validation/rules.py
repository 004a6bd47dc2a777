"""What a schema cannot say: references, dates, hours, evidence paths, file names."""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from profcli.findings import Finding
from profcli.frameworks import VALUE_SOORTEN
from profcli.kinds import TEAM
from profcli.model import Entry, Portfolio, Repository

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


def _valid(portfolio: Portfolio, kind: str) -> Iterator[Entry]:
    return (e for e in portfolio.of(kind) if e.valid)


def portfolio_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """Where each kind may live, and what a profile points at."""
    for portfolio in repo.sorted():
        for kind, by_id in portfolio.entries.items():
            for entry in by_id.values():
                if portfolio.soort not in entry.kind.owners:
                    owner = "een teamprofiel" if TEAM in entry.kind.owners else "een werkerprofiel"
                    yield entry.doc.finding((), "soort-map",
                                            f"{entry.kind.label} horen bij {owner}, niet bij `{portfolio.slug}`")
        profile = portfolio.profile
        if profile is None or not profile.valid:
            continue
        team = profile.get("team")
        if isinstance(team, str):
            target = repo.portfolios.get(team)
            if target is None or target.soort != TEAM:
                yield profile.doc.finding(("team",), "ref-team", f"team `{team}` bestaat niet als teamprofiel"
                                          f"{_suggest(team, [t.slug for t in repo.teams()])}")
        for index, fid in enumerate(profile.ids("kaders")):
            if fid not in repo.catalog.frameworks:
                yield profile.doc.finding(("kaders", index), "ref-kader",
                                          f"kader `{fid}` is onbekend{_suggest(fid, repo.catalog.frameworks)}")


def reference_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """Goals, people and framework items named by id must exist."""
    workers = [p.slug for p in repo.workers()]
    for portfolio in repo.sorted():
        goals = list(portfolio.entries.get("leerdoel", {}))
        for entry in (e for e in portfolio.entries_flat() if e.valid):
            for index, goal in enumerate(entry.ids("leerdoelen")):
                if goal not in goals:
                    yield entry.doc.finding(("leerdoelen", index), "ref-leerdoel",
                                            f"leerdoel `{goal}` bestaat niet in `{portfolio.slug}`{_suggest(goal, goals)}")
            for key in ("deelnemers", "contactpersonen"):
                for index, slug in enumerate(entry.ids(key)):
                    if slug not in workers:
                        yield entry.doc.finding((key, index), "ref-persoon",
                                                f"werker `{slug}` bestaat niet{_suggest(slug, workers)}")
            for (kind, key), soorten in _REFERENCE_SOORTEN.items():
                if entry.kind.name != kind:
                    continue
                allowed = [i.id for i in repo.catalog.of_soort(*soorten)]
                for index, item in enumerate(entry.ids(key)):
                    if item not in allowed:
                        yield entry.doc.finding((key, index), "ref-kader-item",
                                                f"`{item}` is geen {' of '.join(soorten)} uit een bekend kader"
                                                f"{_suggest(item, allowed)}")
            if entry.kind.name == "zelftoets":
                yield from _self_check(repo, entry)


def _self_check(repo: Repository, entry: Entry) -> Iterator[Finding]:
    fid = entry.get("kader")
    framework = repo.catalog.frameworks.get(fid) if isinstance(fid, str) else None
    if framework is None:
        yield entry.doc.finding(("kader",), "ref-kader",
                                f"kader `{fid}` is onbekend{_suggest(str(fid), repo.catalog.frameworks)}")
        return
    ids = [i.id for i in framework.items]
    for item in entry.get("scores", {}):
        if item not in ids:
            yield entry.doc.finding(("scores", item), "ref-kader-item",
                                    f"kader `{fid}` kent geen onderdeel `{item}`{_suggest(item, ids)}", at_key=True)


def date_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """No `datum` in the future, deadlines after starts, file-name dates that match."""
    for entry in repo.entries():
        if not entry.valid:
            continue
        for key in ("datum", "bijgewerkt"):
            value = entry.get(key)
            if isinstance(value, dt.date) and value > today:
                yield entry.doc.finding((key,), "datum-toekomst",
                                        f"`{key}` {value.isoformat()} ligt in de toekomst")
        start, deadline = entry.get("start"), entry.get("deadline")
        if isinstance(start, dt.date) and isinstance(deadline, dt.date) and deadline < start:
            yield entry.doc.finding(("deadline",), "datum-volgorde",
                                    f"deadline {deadline.isoformat()} ligt voor de start {start.isoformat()}")
        if entry.kind.dated and entry.datum and not entry.id.startswith(entry.datum.isoformat()):
            yield entry.doc.finding(("datum",), "bestand-datum",
                                    f"datum {entry.datum.isoformat()} verschilt van de datum in de bestandsnaam "
                                    f"`{entry.id}.toml`")


def hours_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """Nobody logs more than 24 hours on one day (activities plus team meetings)."""
    per_day: dict[tuple[str, dt.date], float] = defaultdict(float)
    for team in repo.teams():
        for meeting in _valid(team, "bijeenkomst"):
            hours = meeting.get("duur_uren")
            if meeting.datum and isinstance(hours, int | float):
                for slug in meeting.ids("deelnemers"):
                    per_day[(slug, meeting.datum)] += hours
    for worker in repo.workers():
        for entry in _valid(worker, "activiteit"):
            hours = entry.get("uren")
            if entry.datum is None or not isinstance(hours, int | float):
                continue
            key = (worker.slug, entry.datum)
            per_day[key] += hours
            if per_day[key] > 24:
                yield entry.doc.finding(("uren",), "uren-per-dag",
                                        f"op {entry.datum.isoformat()} komen de uren van `{worker.slug}` "
                                        f"samen boven 24 ({per_day[key]:g})")


def evidence_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """Evidence is a web address or a file inside the repository."""
    root = repo.root.resolve()
    for entry in repo.entries():
        if not entry.valid:
            continue
        for index, ref in enumerate(entry.ids("bewijs")):
            problem = evidence_problem(root, ref)
            if problem:
                yield entry.doc.finding(("bewijs", index), *problem)


def evidence_problem(root: Path, ref: str) -> tuple[str, str] | None:
    """Rule id and message when `ref` is no acceptable evidence, else None."""
    if "://" in ref or ref.lower().startswith(("javascript:", "data:", "mailto:", "file:")):
        if ref.startswith("https://") or ref.startswith("http://"):
            return None
        return "bewijs-url", "bewijs mag alleen een http(s)-adres of een pad in de repository zijn"
    pure = PurePosixPath(ref.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or (len(ref) > 1 and ref[1] == ":"):
        return "bewijs-buiten", f"bewijs `{ref}` verwijst naar buiten de repository; gebruik een pad binnen de repository"
    target = root / pure
    try:
        resolved = target.resolve()
        resolved.relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return "bewijs-buiten", f"bewijs `{ref}` leidt via een koppeling naar buiten de repository"
    if not resolved.exists():
        return "bewijs-ontbreekt", f"bewijsbestand `{ref}` bestaat niet"
    return None


def uniqueness_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """Register numbers belong to one person."""
    seen: dict[tuple[str, str], str] = {}
    for worker in repo.workers():
        reg = worker.profile.get("registratie") if worker.profile and worker.profile.valid else None
        if not isinstance(reg, dict) or not isinstance(reg.get("nummer"), str):
            continue
        key = (str(reg.get("register")), reg["nummer"])
        if key in seen:
            assert worker.profile is not None
            yield worker.profile.doc.finding(("registratie", "nummer"), "uniek-registratienummer",
                                             f"registratienummer staat ook bij `{seen[key]}`")
        else:
            seen[key] = worker.slug


def _suggest(word: str, options: object) -> str:
    candidates = [str(o) for o in options] if isinstance(options, list | dict | tuple | set) else []
    close = difflib.get_close_matches(word, candidates, n=1)
    return f"; bedoelde je `{close[0]}`?" if close else ""


RULES: tuple[Rule, ...] = (
    portfolio_rules, reference_rules, date_rules, hours_rules, evidence_rules, uniqueness_rules,
)
