"""Validating a team repository: the rules run over what `profcli.repository.loader` loaded.

Loading already reports layout, TOML and schema problems; here come the rules a schema
cannot express (references, dates, hours, evidence, uniqueness), the privacy scan and the
check of a team's copied schemas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from profcli import resources
from profcli.findings import Finding, Result
from profcli.repository.discovery import display_path
from profcli.repository.loader import Loaded, load
from profcli.repository.model import Portfolio, Repository
from profcli.validation import files, namecache, names, rules
from profcli.validation.approvals import approval_rules


@dataclass(slots=True)
class Checked:
    """The repository as loaded, what validating it found, and the reference date used."""

    loaded: Loaded
    result: Result
    today: dt.date

    @property
    def repository(self) -> Repository:
        return self.loaded.repository


def check(
    loaded: Loaded,
    today: dt.date | None = None,
    *,
    name_cache: bool = True,
    scanned: frozenset[str] | None = None,
) -> Checked:
    """Run every rule over a load; `today` is a fixed date (else `Repository.today`: today in
    the team's time zone).

    Without `name_cache`, the names check asks the word lists about every text again (the same
    findings, only slower: tests/test_cache.py). With `scanned`, only those portfolios' texts
    (and files outside any portfolio) get the privacy and names scan: an incremental run
    keeps what the others' scan found (`validation.incremental`)."""
    repo = loaded.repository
    day = repo.today(today)
    findings = list(loaded.problems)
    store = namecache.cache_for(repo.root) if name_cache else namecache.NameCache(None)
    texts = loaded
    if scanned is not None:
        documents = [(d, p) for d, p in loaded.documents if not p or p in scanned]
        texts = replace(loaded, documents=documents)
    with namecache.using(store):
        findings.extend(rules.run(repo, day))
        findings.extend(_privacy(repo, texts))
        findings.extend(_names(repo, texts, store))
    findings.extend(approval_rules(repo))
    findings.extend(_schema_copies(repo.root))
    return Checked(loaded, Result(len(loaded.files), findings), day)


def check_repository(
    root: Path, *, today: dt.date | None = None, name_cache: bool = True
) -> Checked:
    """Load everything under `root` and validate it. (`prof validate PAD` reports on part of
    the result: `Result.select`.)"""
    return check(load(root), today, name_cache=name_cache)


def _privacy(repo: Repository, loaded: Loaded) -> Iterator[Finding]:
    """Privacy findings, less what a team allows (scanned again only where there were hits)."""
    allowed_by_team = {t.slug: _allowed(t) for t in repo.teams()}
    everything = [v for values in allowed_by_team.values() for v in values]
    for doc, profile in loaded.documents:
        hits = files.scan(doc, ())
        portfolio = repo.portfolios.get(profile)
        team = repo.team_of(portfolio) if portfolio else None
        allowed = allowed_by_team.get(team.slug, []) if team else everything
        if portfolio is not None and portfolio is not team:
            allowed = [*allowed, *_allowed(portfolio)]  # a team whose `soort` is misspelt
        found = files.scan(doc, allowed) if hits and allowed else hits
        unread = _unread_team_profile(repo, portfolio)
        if unread is None:
            yield from found
            continue
        for finding in found:  # the team may allow this value; its profile could not be read
            if finding.rule in NEVER_ALLOWED:
                yield finding
                continue
            yield replace(
                finding,
                message=f"{finding.message} (of het bij de toegestane teamgegevens staat, is nu "
                f"niet te zien: `{unread}` kon niet gelezen worden)",
                severity="waarschuwing",
            )


def _names(repo: Repository, loaded: Loaded, store: names.Spans) -> Iterator[Finding]:
    """`privacy-naam`: client names in free text. Where the team profile cannot be read, its
    allowed names and its leads' names are unknown: a hit is then a warning that says so."""
    allowed: dict[str, frozenset[str]] = {}
    invalid = {id(e.doc): e.invalid_keys for e in repo.entries()}  # said by the schema once
    for doc, profile in loaded.documents:
        if profile not in allowed:
            allowed[profile] = names.allowed_in(repo, repo.portfolios.get(profile))
        found = files.scan_names(doc, allowed[profile], store, invalid.get(id(doc), frozenset()))
        unread = _unread_team_profile(repo, repo.portfolios.get(profile))
        if unread is None:
            yield from found
            continue
        for finding in found:  # the team may allow the name (a lead's); it cannot be read
            yield replace(
                finding,
                message=f"{finding.message} (of het team de naam toestaat, is nu niet te zien: "
                f"`{unread}` kon niet gelezen worden)",
                severity="waarschuwing",
            )


NEVER_ALLOWED = frozenset({"privacy-bsn", "privacy-geboortedatum"})
"""Privacy hits no team lists as its own: an error even while the team profile is broken."""


def _unread_team_profile(repo: Repository, portfolio: Portfolio | None) -> str | None:
    """The team profile that holds `privacy_toegestaan` for `portfolio`, if it could not be
    read: then a privacy hit there may be allowed, and is a warning until it can be read."""
    if portfolio is None:
        return None
    team = portfolio.profile.get("team") if portfolio.profile else portfolio.slug
    if not isinstance(team, str):
        return None
    return repo.unread(team, "profiel", "profiel")


def _allowed(team: Portfolio) -> list[str]:
    profile = team.profile
    if profile is None or "privacy_toegestaan" in profile.invalid_keys:
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
