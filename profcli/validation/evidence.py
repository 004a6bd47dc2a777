"""Evidence (`bewijs`): a web address, or a file that really lies inside the repository."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from profcli.findings import Finding
from profcli.repository.model import Repository
from profcli.validation import namecache, names, privacy

TEXT = (".md", ".markdown", ".txt")
"""Evidence that the site shows as text, so it gets the same privacy scan as the portfolios."""
LIMIT = 1_000_000
"""Larger text evidence is not shown on the site (publish/evidence.py), so not scanned."""


def evidence_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """Evidence is a web address or a file inside the repository; text evidence holds no
    client identifiers."""
    root = repo.root.resolve()
    texts: dict[str, set[str]] = {}
    people: dict[str, set[str]] = {}
    for entry in repo.entries():
        if "bewijs" in entry.invalid_keys:
            continue  # reported by the schema check
        for index, ref in enumerate(entry.ids("bewijs")):
            problem = evidence_problem(root, ref)
            if problem:
                yield entry.doc.finding(("bewijs", index), *problem)
            elif "://" not in ref and ref.lower().endswith(TEXT):
                portfolio = repo.portfolios.get(entry.profile)
                team = repo.team_of(portfolio) if portfolio else None
                allowed = team.profile.ids("privacy_toegestaan") if team and team.profile else []
                texts.setdefault(PurePosixPath(ref).as_posix(), set()).update(allowed)
                people.setdefault(PurePosixPath(ref).as_posix(), set()).update(
                    names.allowed_in(repo, portfolio)
                )
    store = namecache.current(repo.root)
    for ref, permitted in sorted(texts.items()):
        yield from _scan_text(root, ref, permitted, frozenset(people[ref]), store)


def _scan_text(
    root: Path, ref: str, allowed: set[str], people: frozenset[str], store: names.Spans
) -> Iterator[Finding]:
    """Privacy findings in a text evidence file, at their line and column in that file."""
    path = root / ref
    try:
        if path.stat().st_size > LIMIT:
            return
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return
    found = [(h.start, h.rule, h.message) for h in privacy.scan(content, sorted(allowed))]
    offset = 0
    for paragraph in content.split("\n\n"):  # one text per paragraph: cached apart
        found += [
            (offset + h.start, names.RULE, names.message(h))
            for h in names.find(paragraph, people, store)
        ]
        offset += len(paragraph) + 2
    for start, rule, message in sorted(found):
        line = content.count("\n", 0, start) + 1
        column = start - (content.rfind("\n", 0, start) + 1) + 1
        yield Finding(ref, line, column, rule, message)


def evidence_problem(root: Path, ref: str) -> tuple[str, str] | None:
    """Rule id and message when `ref` is no acceptable evidence, else None."""
    if "://" in ref or ref.lower().startswith(("javascript:", "data:", "mailto:", "file:")):
        if ref.startswith("https://") or ref.startswith("http://"):
            return None
        return "bewijs-url", (
            f"bewijs `{ref}` is geen http(s)-adres; gebruik een https-adres of een pad in de "
            "repository"
        )
    pure = PurePosixPath(ref.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or (len(ref) > 1 and ref[1] == ":"):
        return "bewijs-buiten", (
            f"bewijs `{ref}` verwijst naar buiten de repository; zet het bestand in de repository "
            "(bijvoorbeeld in `bewijs/`) en gebruik dat pad"
        )
    target = root / pure
    try:
        resolved = target.resolve()
        resolved.relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return "bewijs-buiten", (
            f"bewijs `{ref}` leidt via een symbolische koppeling naar buiten de repository; "
            "zet het bestand zelf in de repository"
        )
    if not resolved.exists():
        return "bewijs-ontbreekt", f"bewijsbestand `{ref}` bestaat niet{_near(target, pure)}"
    return None


def _near(target: Path, pure: PurePosixPath) -> str:
    """A file with a similar name in the same folder, as a hint for a typo."""
    try:
        siblings = [p.name for p in target.parent.iterdir()]
    except OSError:
        siblings = []
    close = difflib.get_close_matches(pure.name, siblings, n=1)
    if close:
        return f"; bedoelde je `{(pure.parent / close[0]).as_posix()}`?"
    return " (een pad begint bij de hoofdmap van de repository)"
