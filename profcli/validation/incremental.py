"""`prof validate` after a change: read and check again only the portfolios it can touch.

A whole run leaves, beside the snapshot, a *stand* (`.prof-cache/stand-<key>-<python>.bin`): per
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
- the prints are of another kind than the stand's (`stat` locally; `git` in CI, where each
  checkout writes every file anew, so that prints come from git's index:
  `snapshot.content_prints`);
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
import marshal
import os
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

FORMAT = 2
CROSS = frozenset({"uniek-registratienummer"})
"""Rules whose findings in a profile depend on other portfolios' profiles: always taken from
the run itself, which loads every profile."""
GLOBAL = ""
"""The group of everything outside a portfolio's folder (`kaders/`, `registers/`, `schemas/`)."""


def top_of(path: str) -> str:
    """The portfolio folder a repository-relative path lies in ("" outside `profielen/`)."""
    parts = path.split("/", 2)
    return parts[1] if len(parts) >= 2 and parts[0] == PROFILES_DIR else GLOBAL


@dataclass(slots=True)
class Stand:
    """What a run leaves for the next one (all keys by portfolio folder name)."""

    mode: str
    """`stat` (prints from `lstat`) or `git` (from git's index in CI: `content_prints`)."""
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
    teams: dict[str, str]
    """Per worker: her team."""
    profiles: dict[str, list[int] | list[str]]
    """Per portfolio: `lstat` of its profile (size, mtime, inode): unchanged, a change in the
    worker's other files cannot reach her teammates."""
    refs: dict[str, list[str]]
    """Per portfolio: the evidence files its entries name, and their print in `refprints`."""
    refprints: dict[str, str]
    findings: dict[str, list[list[Any]]]
    files: dict[str, list[str]]

    def dump(self) -> bytes:
        """marshal: plain dicts, lists and strings, ten times quicker than JSON for the
        94,000 paths of a thousand workers (the file name carries the Python version)."""
        return marshal.dumps({"formaat": FORMAT, **{k: getattr(self, k) for k in self.__slots__}})

    @classmethod
    def read(cls, root: Path) -> Stand | None:
        try:
            data = marshal.loads(snapshot.stand_file(root).read_bytes())
            if data.pop("formaat") != FORMAT:
                return None
            return cls(**data)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, EOFError):
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


@dataclass(frozen=True, slots=True)
class _Seen:
    """The repository as this run sees it: prints per portfolio, and how to print a profile
    and a list of evidence files, all of one kind (`stat` or `git`)."""

    mode: str
    prints: snapshot.Prints
    blobs: dict[str, str]

    @classmethod
    def of(cls, probe: snapshot.Probe) -> _Seen:
        content = probe.content()
        if content is not None:
            return cls(snapshot.CONTENT, content[0], content[1])
        return cls("stat", probe.prints(), {})

    def profile(self, root: Path, slug: str) -> list[int] | list[str]:
        if self.mode == snapshot.CONTENT:
            return [self.blobs.get(f"{PROFILES_DIR}/{slug}/profiel.toml", "-")]
        return _profile_stat(root, slug)

    def evidence(self, root: Path, refs: list[str]) -> str:
        if self.mode == snapshot.CONTENT:
            return snapshot.presence(root, refs)
        return snapshot.evidence(root, refs)[0]


def _profile_stat(root: Path, slug: str) -> list[int]:
    try:
        st = os.lstat(root / PROFILES_DIR / slug / "profiel.toml")
    except OSError:
        return [-1, -1, -1]
    return [st.st_size, st.st_mtime_ns, st.st_ino]


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
    fresh: frozenset[str] = frozenset(),
    files_by_top: dict[str, list[str]] | None = None,
) -> None:
    """Leave the stand of this run: of a whole run, or of an incremental one that loaded
    `scope` in full and checked `fresh` (a part of it) again; the rest comes from `before`."""
    seen = _Seen.of(probe)
    prints = seen.prints
    tops = sorted(t for t in prints if t != GLOBAL)
    links = dict(before.links) if before is not None else {}
    links = {t: v for t, v in links.items() if t not in scope}
    loaded_teams = [p.slug for p in repo.teams() if before is None or p.slug in scope]
    links.update(_participants(repo, loaded_teams))
    groups = _groups(repo, tops, links)
    findings: dict[str, list[list[Any]]] = {top: [] for top in [GLOBAL, *tops]}
    for finding in run.result.findings:
        findings.setdefault(top_of(finding.path), []).append(list(astuple(finding)))
    files = files_by_top
    if files is None:
        files = {top: [] for top in [GLOBAL, *tops]}
        for path in run.files:
            files.setdefault(top_of(path), []).append(path)
    refs: dict[str, list[str]] = {}
    for entry in repo.entries():
        for ref in entry.ids("bewijs"):
            if "://" not in ref and (before is None or entry.profile in fresh):
                refs.setdefault(entry.profile, []).append(ref)
    if before is not None:
        refs.update({t: kept for t, kept in before.refs.items() if t not in fresh})
    refs = {t: sorted(set(r)) for t, r in refs.items()}
    cutoff = (started - snapshot.RACY_SECONDS) * 1e9
    stand = Stand(
        mode=seen.mode,
        day=run.today.isoformat(),
        zone=run.zone,
        git=snapshot.git_head(root) if run.git else None,
        prints={t: p[0] for t, p in prints.items()},
        untrusted=sorted(t for t, p in prints.items() if p[1] > cutoff),
        groups=groups,
        links=links,
        teamless=_teamless(repo),
        teams=repo.worker_teams(),
        profiles={t: seen.profile(root, t) for t in tops},
        refs=refs,
        refprints={t: seen.evidence(root, r) for t, r in refs.items()},
        findings=findings,
        files=files,
    )
    target = snapshot.stand_file(root)
    with contextlib.suppress(OSError):
        target.parent.mkdir(exist_ok=True)
        for stale in target.parent.glob("stand-*"):
            if stale != target:
                stale.unlink()
        from profcli.repository import writing

        writing.replace(target, stand.dump())


@dataclass(slots=True)
class Incremental:
    """An incremental run: its answer, and what the next stand is made of."""

    run: snapshot.Run
    repo: Repository
    before: Stand
    scope: frozenset[str]
    """Loaded in full."""
    fresh: frozenset[str]
    """Checked again: their findings, files and evidence come from this run."""
    files_by_top: dict[str, list[str]]


def run(root: Path, today: dt.date | None, probe: snapshot.Probe) -> Incremental | None:
    """The answer of a whole run, from the stand and the changed groups; None when the
    change may reach further (then make a whole run)."""
    stand = Stand.read(root)
    if stand is None:
        return None
    day = clock.reference_day(today, stand.zone)
    seen = _Seen.of(probe)
    prints = seen.prints
    if (
        stand.mode != seen.mode
        or stand.day != day.isoformat()
        or set(prints) != set(stand.prints)
        or prints[GLOBAL][0] != stand.prints[GLOBAL]
        or (stand.git is not None and snapshot.git_head(root) != stand.git)
        or GLOBAL in stand.untrusted
        or stand.teamless
        or any(f[3] == "bestand-lezen" for kept in stand.findings.values() for f in kept)
    ):
        return None
    changed = {t for t, p in prints.items() if p[0] != stand.prints[t]}
    scope: set[str] = set()
    fresh: set[str] = set()
    for top in changed | set(stand.untrusted):
        if top not in stand.groups:
            return None
        if (
            top in stand.teams
            and top in changed
            and top not in stand.untrusted
            and seen.profile(root, top) == stand.profiles.get(top)
        ):
            # A worker's own entries changed, not her profile: only her findings may change.
            # Her team and the teams whose meetings name her are read too (hours, a session
            # logged twice), their findings kept; her teammates are not read at all.
            linked = {team for team, named in stand.links.items() if top in named}
            scope |= {top, stand.teams[top], *linked}
            fresh.add(top)
        else:
            group = {t for t, g in stand.groups.items() if g == stand.groups[top]}
            scope |= group
            fresh |= group
    for top, refs in stand.refs.items():
        if seen.evidence(root, refs) != stand.refprints[top]:
            group = {t for t, g in stand.groups.items() if g == stand.groups.get(top, top)}
            scope |= group
            fresh |= group
    if any(not (root / PROFILES_DIR / t).is_dir() for t in scope):
        return None  # a file or link at the top of profielen/: the whole run says what
    if len(scope) * 2 > len(stand.groups):
        return None  # most of it changed (a fresh checkout): a whole run is quicker
    from profcli.validation import check

    loaded = load_scope(root, scope)
    checked = check(loaded, today, scanned=frozenset(fresh))
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
    by_top: dict[str, list[str]] = {top: [] for top in [GLOBAL, *fresh]}
    for path in loaded.files:
        top = top_of(path)
        if top in by_top:
            by_top[top].append(path)
    for top in stand.groups:
        if top in fresh:
            continue
        findings += [Finding(*f) for f in stand.findings.get(top, []) if f[3] not in CROSS]
        by_top[top] = stand.files.get(top, [])
    for finding in checked.result.findings:
        top = top_of(finding.path)
        if top in fresh or top == GLOBAL or finding.rule in CROSS:
            findings.append(finding)
    files = [path for top in sorted(by_top) for path in by_top[top]]
    refs = sorted(
        {r for top, kept in stand.refs.items() if top not in fresh for r in kept}
        | {
            r
            for e in repo.entries()
            if e.profile in fresh
            for r in e.ids("bewijs")
            if "://" not in r
        }
    )
    consulted = snapshot.run_of(checked).git or stand.git is not None
    result = Result(len(files), findings)
    return Incremental(
        snapshot.Run(result, files, refs, checked.today, stand.zone, consulted),
        repo,
        stand,
        frozenset(scope),
        frozenset(fresh),
        by_top,
    )
