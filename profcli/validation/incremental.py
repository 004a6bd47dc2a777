"""`prof validate` after a change: read and check again only the portfolios it can touch.

A whole run leaves, beside the snapshot, a *stand* (`.prof-cache/stand-<key>.json`): per
portfolio folder its print (`snapshot.prints`: `lstat` of every entry in it), its findings and
its files, and which portfolios belong together. Portfolios belong together when a rule can
look from one into the other: a worker and her team (meetings credit her hours, a session
logged twice, the names her team allows), and a team and every worker its meetings name.

The next run, after a change, loads every profile (they are small, and rules over profiles
span the repository: one registration number per person) and, in full, only the groups with
a portfolio whose print changed or whose evidence files did; it runs every rule over that
partial repository and keeps the stored findings of the other groups. It gives up, and the
caller makes a whole run, when the change can reach further than its group:

- the date, the tool, `kaders/`, `registers/`, `schemas/` or the top of `profielen/` changed
  (a portfolio added, removed or renamed);
- git's HEAD moved while approvals were checked against the history;
- the groups themselves changed (a worker moved to another team, a meeting names a worker
  of another group), or the team's time zone;
- some portfolio has no team (it is checked against the names and allowances of every
  team, and a folder without a profile lends its name to all);
- the last run met a folder it could not read.

`tests/test_incremental.py` checks on random edits that the answer is always that of a whole
run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from profcli import clock, snapshot
from profcli.findings import Finding, Result
from profcli.repository.discovery import PROFILES_DIR
from profcli.repository.kinds import BIJEENKOMST
from profcli.repository.loader import load_scope
from profcli.repository.model import Repository

FORMAT = 1
CROSS = frozenset({"uniek-registratienummer"})
"""Rules whose findings in a profile depend on other portfolios' profiles: always taken from
the run itself, which loads every profile."""
GLOBAL = ""
"""The group of everything outside a portfolio's folder (`kaders/`, `registers/`, `schemas/`)."""


def _file(root: Path) -> Path:
    return root / snapshot.CACHE_DIR / f"stand-{snapshot.key()}.json"


def top_of(path: str) -> str:
    """The portfolio folder a repository-relative path lies in ("" outside `profielen/`)."""
    parts = path.split("/", 2)
    return parts[1] if len(parts) >= 2 and parts[0] == PROFILES_DIR else GLOBAL


@dataclass(slots=True)
class Stand:
    """What a run leaves for the next one (all keys by portfolio folder name)."""

    day: str
    zone: str | None
    git: str | None
    prints: dict[str, str]
    untrusted: list[str]
    """Portfolios changed just before the run: never taken from the stand."""
    groups: dict[str, str]
    links: dict[str, list[str]]
    """Per team: the workers its meetings name (the links the rules follow into them)."""
    teamless: bool
    refs: dict[str, list[str]]
    """Per group: the evidence files its entries name, and their print in `refprints`."""
    refprints: dict[str, str]
    findings: dict[str, list[list[Any]]]
    files: dict[str, list[str]]

    def to_json(self) -> str:
        data = {"formaat": FORMAT, **{k: getattr(self, k) for k in self.__slots__}}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def read(cls, root: Path) -> Stand | None:
        try:
            data = json.loads(_file(root).read_text(encoding="utf-8"))
            if data.pop("formaat") != FORMAT:
                return None
            return cls(**data)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None


def _participants(repo: Repository, team_slugs: Iterable[str]) -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    for slug in team_slugs:
        team = repo.portfolios.get(slug)
        if team is None or team.soort != "team":
            continue
        named = {
            s
            for meeting in team.of(BIJEENKOMST)
            for s in (meeting.get("deelnemers") or [])
            if isinstance(s, str)
        }
        links[slug] = sorted(named)
    return links


def _groups(repo: Repository, tops: Iterable[str], links: dict[str, list[str]]) -> dict[str, str]:
    """Which portfolios belong together: a component of worker-team and meeting links,
    named after its first member."""
    parent = {top: top for top in tops}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

    for worker in repo.workers():
        own = repo.team_of(worker)
        if own is not None:
            union(worker.slug, own.slug)
    for team, named in links.items():
        for slug in named:
            union(team, slug)
    return {top: find(top) for top in parent}


def _teamless(repo: Repository) -> bool:
    return any(repo.team_of(p) is None for p in repo.portfolios.values())


def save(
    root: Path,
    probe: snapshot.Probe,
    run: snapshot.Run,
    repo: Repository,
    started: float,
    *,
    before: Stand | None = None,
    scope: frozenset[str] = frozenset(),
) -> None:
    """Leave the stand of this run: of a whole run, or of an incremental one over `scope`
    (`repo` then holds only those portfolios in full; the rest comes from `before`)."""
    prints = probe.prints()
    tops = sorted(t for t in prints if t != GLOBAL)
    links = dict(before.links) if before is not None else {}
    links = {t: v for t, v in links.items() if t not in scope}
    loaded_teams = [p.slug for p in repo.teams() if before is None or p.slug in scope]
    links.update(_participants(repo, loaded_teams))
    groups = _groups(repo, tops, links)
    findings: dict[str, list[list[Any]]] = {top: [] for top in [GLOBAL, *tops]}
    for finding in run.result.findings:
        findings.setdefault(top_of(finding.path), []).append(list(astuple(finding)))
    files: dict[str, list[str]] = {top: [] for top in [GLOBAL, *tops]}
    for path in run.files:
        files.setdefault(top_of(path), []).append(path)
    refs: dict[str, list[str]] = {}
    for entry in repo.entries():
        for ref in entry.ids("bewijs"):
            if "://" not in ref and (before is None or entry.profile in scope):
                refs.setdefault(groups.get(entry.profile, entry.profile), []).append(ref)
    if before is not None:
        for group, kept in before.refs.items():
            if not any(before.groups.get(t) == group for t in scope):
                refs.setdefault(group, []).extend(kept)
    refs = {g: sorted(set(r)) for g, r in refs.items()}
    cutoff = (started - snapshot.RACY_SECONDS) * 1e9
    stand = Stand(
        day=run.today.isoformat(),
        zone=run.zone,
        git=snapshot.git_head(root) if run.git else None,
        prints={t: p[0] for t, p in prints.items()},
        untrusted=sorted(t for t, p in prints.items() if p[1] > cutoff),
        groups=groups,
        links=links,
        teamless=_teamless(repo),
        refs=refs,
        refprints={g: snapshot.evidence(root, r)[0] for g, r in refs.items()},
        findings=findings,
        files=files,
    )
    target = _file(root)
    with contextlib.suppress(OSError):
        target.parent.mkdir(exist_ok=True)
        for stale in target.parent.glob("stand-*.json"):
            if stale != target:
                stale.unlink()
        from profcli.repository import writing

        writing.replace(target, stand.to_json())


@dataclass(slots=True)
class Incremental:
    """An incremental run: its answer, and what the next stand is made of."""

    run: snapshot.Run
    repo: Repository
    before: Stand
    scope: frozenset[str]


def run(root: Path, today: dt.date | None, probe: snapshot.Probe) -> Incremental | None:
    """The answer of a whole run, from the stand and the changed groups; None when the
    change may reach further (then make a whole run)."""
    stand = Stand.read(root)
    if stand is None:
        return None
    day = clock.reference_day(today, stand.zone)
    prints = probe.prints()
    if (
        stand.day != day.isoformat()
        or set(prints) != set(stand.prints)
        or prints[GLOBAL][0] != stand.prints[GLOBAL]
        or (stand.git is not None and snapshot.git_head(root) != stand.git)
        or GLOBAL in stand.untrusted
        or stand.teamless
        or any(f[3] == "bestand-lezen" for kept in stand.findings.values() for f in kept)
    ):
        return None
    changed = {t for t, p in prints.items() if p[0] != stand.prints[t]} | set(stand.untrusted)
    dirty = {stand.groups[t] for t in changed if t in stand.groups}
    for group, refs in stand.refs.items():
        if group not in dirty and snapshot.evidence(root, refs)[0] != stand.refprints[group]:
            dirty.add(group)
    scope = frozenset(t for t, g in stand.groups.items() if g in dirty)
    if any(not (root / PROFILES_DIR / t).is_dir() for t in scope):
        return None  # a file or link at the top of profielen/: the whole run says what
    from profcli.validation import check

    loaded = load_scope(root, scope)
    checked = check(loaded, today)
    repo = checked.repository
    links = {t: v for t, v in stand.links.items() if t not in scope}
    links.update(_participants(repo, [p.slug for p in repo.teams() if p.slug in scope]))
    if (
        _groups(repo, stand.groups, links) != stand.groups
        or repo.zone_name != stand.zone
        or checked.today != day
        or _teamless(repo) != stand.teamless
    ):
        return None
    findings: list[Finding] = []
    files: list[str] = []
    for top in [GLOBAL, *stand.groups]:
        if top in scope or top == GLOBAL:
            continue
        findings += [Finding(*f) for f in stand.findings.get(top, []) if f[3] not in CROSS]
        files += stand.files.get(top, [])
    for finding in checked.result.findings:
        top = top_of(finding.path)
        if top in scope or top == GLOBAL or finding.rule in CROSS:
            findings.append(finding)
    files += [f for f in loaded.files if top_of(f) in scope or top_of(f) == GLOBAL]
    refs = sorted(
        {r for group in stand.refs if group not in dirty for r in stand.refs[group]}
        | {
            r
            for p in scope
            if p in repo.portfolios
            for e in repo.portfolios[p].entries_flat()
            for r in e.ids("bewijs")
            if "://" not in r
        }
        | {r for p in scope if p in repo.portfolios for r in _profile_refs(repo, p)}
    )
    consulted = snapshot.run_of(checked).git or stand.git is not None
    result = Result(len(files), findings)
    return Incremental(
        snapshot.Run(result, files, refs, checked.today, stand.zone, consulted),
        repo,
        stand,
        scope,
    )


def _profile_refs(repo: Repository, slug: str) -> list[str]:
    profile = repo.portfolios[slug].profile
    return [r for r in profile.ids("bewijs") if "://" not in r] if profile else []
