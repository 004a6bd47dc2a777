"""Validating a team repository: layout, TOML, schemas, meaning and privacy, in one pass."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from profcli import clock, resources, snapshot
from profcli.findings import Finding, Result
from profcli.frameworks import Catalog, Framework, builtin, from_data
from profcli.kinds import FRAMEWORK
from profcli.loading import Document
from profcli.model import Entry, Portfolio, Repository
from profcli.repository import PROFILES_DIR, Source, discover, display_path
from profcli.validation import files, rules


@dataclass(slots=True)
class Checked:
    """The repository as loaded, and what validating it found."""

    repository: Repository
    result: Result


def check_repository(
    root: Path, *, today: dt.date | None = None, only: Sequence[Path] = ()
) -> Checked:
    """Validate everything under `root`; report only on `only` (files or folders) if given.

    A single file is always checked in the context of the whole repository, so that its
    references resolve.
    """
    repo, findings, files, _ = _check_all(root, today)
    selected = [display_path(root, p.resolve()) for p in only]
    return Checked(repo, Result(len(files), findings).select(files, selected))


def validate(
    root: Path,
    *,
    today: dt.date | None = None,
    only: Sequence[Path] = (),
    cache: bool = False,
    probe: snapshot.Probe | None = None,
) -> Result:
    """What `prof validate` reports; with `cache` (or a `probe` already made), an unchanged
    repository is not read again (see profcli.snapshot)."""
    started = time.time()
    if probe is None and cache:
        probe = snapshot.Probe(root, today)
    selected = [display_path(root, p.resolve()) for p in only]
    if probe is not None and probe.hit is not None:
        return probe.hit.select(probe.files, selected)
    repo, findings, files, day = _check_all(root, today)
    result = Result(len(files), findings)
    if probe is not None:
        refs = sorted({r for e in repo.entries() for r in e.ids("bewijs") if "://" not in r})
        snapshot.save(probe, day, repo.zone_name, result, files, refs, started)
    return result.select(files, selected)


@contextlib.contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Loading builds hundreds of thousands of small dicts and lists and no cycles worth
    collecting; the cyclic collector only keeps rescanning them (7.2 s against 4.5 s for
    94,000 files, see benchmarks/README.md). Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # Everything allocated meanwhile would otherwise be scanned by the first
            # collection after `enable`; frozen objects are still freed by reference counting.
            gc.freeze()
            gc.enable()


def _check_all(
    root: Path, today: dt.date | None
) -> tuple[Repository, list[Finding], list[str], dt.date]:
    with _without_cyclic_gc():
        return _check_all_files(root, today)


def _check_all_files(
    root: Path, today: dt.date | None
) -> tuple[Repository, list[Finding], list[str], dt.date]:
    sources, findings = discover(root)
    portfolios: dict[str, Portfolio] = {}
    frameworks: list[Framework] = list(builtin())
    docs: list[tuple[Document, str, list[Finding]]] = []
    for source, (loaded, problems, hits) in zip(sources, files.check_files(sources), strict=True):
        if isinstance(loaded, Finding):
            findings.append(loaded)
            continue
        findings.extend(problems)
        docs.append((loaded, source.profile, hits))
        if source.kind is FRAMEWORK:
            findings.extend(_add_framework(frameworks, source, loaded, valid=not problems))
            continue
        portfolio = portfolios.get(source.profile)
        if portfolio is None:
            portfolio = Portfolio(source.profile, root / PROFILES_DIR / source.profile)
            portfolios[source.profile] = portfolio
        portfolio.add(Entry(source.kind, source.profile, source.stem, loaded, valid=not problems))

    repo = Repository(root, portfolios, Catalog(frameworks))
    day = today or clock.today(repo.zone_name)
    findings.extend(rules.run(repo, day))
    findings.extend(_privacy(repo, docs))
    findings.extend(_schema_copies(root))
    return repo, findings, [s.display for s in sources], day


def _add_framework(
    frameworks: list[Framework], source: Source, doc: Document, *, valid: bool
) -> Iterator[Finding]:
    if not valid:
        return
    framework = from_data(doc.data, builtin=False)
    if framework.id != source.stem:
        yield doc.finding(
            ("id",),
            "bestand-naam",
            f"id `{framework.id}` verschilt van de "
            f"bestandsnaam `{source.stem}.toml`; maak ze gelijk",
        )
    elif any(f.id == framework.id for f in frameworks):
        yield doc.finding(
            ("id",),
            "uniek-kader",
            f"er bestaat al een kader met id `{framework.id}`; kies een eigen id en bestandsnaam",
        )
    else:
        known = {i.id for f in frameworks for i in f.items}
        for index, item in enumerate(framework.items):
            if item.id in known:
                yield doc.finding(
                    ("items", index, "id"),
                    "uniek-kader",
                    f"onderdeel `{item.id}` bestaat al in een ander kader; kies een eigen id",
                )
        frameworks.append(framework)


def _privacy(
    repo: Repository, docs: list[tuple[Document, str, list[Finding]]]
) -> Iterator[Finding]:
    """Privacy findings, less what a team allows (scanned again only where there were hits)."""
    allowed_by_team = {t.slug: _allowed(t) for t in repo.teams()}
    everything = [v for values in allowed_by_team.values() for v in values]
    for doc, profile, hits in docs:
        portfolio = repo.portfolios.get(profile)
        team = repo.team_of(portfolio) if portfolio else None
        allowed = allowed_by_team.get(team.slug, []) if team else everything
        if portfolio is not None and portfolio is not team:
            allowed = [*allowed, *_allowed(portfolio)]  # a team whose `soort` is misspelt
        yield from files.scan(doc, allowed) if hits and allowed else hits


def _allowed(team: Portfolio) -> list[str]:
    profile = team.profile
    if profile is None or "privacy_toegestaan" in profile.doc.invalid_keys:
        return []
    return profile.ids("privacy_toegestaan")


def _schema_copies(root: Path) -> Iterator[Finding]:
    """A team's own `schemas/` (for editors) should match what `prof validate` uses."""
    local = root / "schemas"
    installed = resources.schemas_dir()
    if not local.is_dir() or local.resolve() == installed.resolve():
        return
    for shipped in sorted(installed.glob("*.schema.json")):
        copy = local / shipped.name
        if not copy.is_file() or copy.read_bytes() != shipped.read_bytes():
            what = "wijkt af van het schema van" if copy.is_file() else "ontbreekt; het hoort bij"
            yield Finding(
                display_path(root, copy),
                1,
                1,
                "schema-kopie",
                f"{what} deze versie van profcli, dus editors controleren anders dan "
                "`prof validate`; schrijf de schema's opnieuw met `prof init --schemas`",
                "waarschuwing",
            )
