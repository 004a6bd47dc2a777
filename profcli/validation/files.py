"""The privacy scan of one loaded document's free text.

Each file is scanned on its own. Worker processes were tried and measured slower on two
cores: shipping the parsed documents back (57 MB of pickles at 250 workers) cost more than
the parallel work saved (benchmarks/README.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from profcli.findings import Finding, Severity
from profcli.repository.history import APPROVALS
from profcli.repository.loading import Document
from profcli.repository.tomlpos import Path as KeyPath
from profcli.validation import names, privacy

NOT_FREE_TEXT = frozenset(
    {"bewijs", "bronnen", "accreditatie_id", "nummer", "privacy_toegestaan", "sleutels"}
)
"""Keys whose strings are paths, addresses, the worker's own register number or public keys."""
APPROVAL_KEYS = frozenset({"stuk", "door", "inhoud"})
"""An approval's keys other than its remark: an entry's path, a lead's name (checked against
the team's leads by `akkoord-door`) and a digest; `opmerking` is free text like any other."""


def _skipped(doc: Document) -> frozenset[str]:
    return APPROVAL_KEYS if f"/{APPROVALS}/" in doc.display else frozenset()


NOT_A_CLIENT = NOT_FREE_TEXT | {"naam", "namen_toegestaan", "contactpersonen", "deelnemers"}
"""Keys whose strings name the worker or team itself, or people the team allows."""


def scan(doc: Document, allowed: Sequence[str]) -> list[Finding]:
    """Privacy findings in the free text of one document."""
    found = []
    for path, text in _candidates(doc.data, _skipped(doc)):
        for hit in privacy.scan(text, allowed):
            needle = text[hit.start : hit.end]
            nth = text.count(needle, 0, hit.start)  # the same number twice: two findings
            severity: Severity = "waarschuwing" if hit.rule in privacy.WARNINGS else "fout"
            found.append(doc.finding_text(path, needle, hit.rule, hit.message, nth, severity))
    return found


def scan_names(
    doc: Document,
    allowed: frozenset[str],
    store: names.Spans,
    invalid: frozenset[str] = frozenset(),
) -> list[Finding]:
    """`privacy-naam` findings: person names in the free text of one document (not in a
    value the schema refused already: one problem, one message)."""
    found = []
    skipped = invalid | _skipped(doc)
    for path, text in _texts(doc.data):
        if path[0] in skipped:
            continue
        for hit in names.find(text, allowed, store):
            nth = text.count(hit.text, 0, hit.start)
            found.append(doc.finding_text(path, hit.text, names.RULE, names.message(hit), nth))
    return found


def _texts(data: dict[str, Any]) -> list[tuple[KeyPath, str]]:
    """Every free-text string with a capital in it, in document order."""
    found: list[tuple[KeyPath, str]] = []
    stack: list[tuple[Any, KeyPath]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if key in NOT_A_CLIENT:
                continue
            if type(item) is str:
                if names.worth_scanning(item):
                    found.append(((*path, key), item))
            elif isinstance(item, dict | list):
                stack.append((item, (*path, key)))
    found.reverse()
    return found


def _candidates(data: dict[str, Any], skipped: frozenset[str]) -> list[tuple[KeyPath, str]]:
    """Free-text strings that could hold an identifier at all (a digit or an `@`).

    An explicit stack instead of a generator frame per value, and most strings (plain
    prose) are dropped here before the privacy detectors see them.
    """
    found: list[tuple[KeyPath, str]] = []
    top = {k: v for k, v in data.items() if k not in skipped} if skipped else data
    stack: list[tuple[Any, KeyPath]] = [(top, ())]
    digit = privacy.DIGIT.search  # inlined `privacy.worth_scanning`: millions of strings
    while stack:
        value, path = stack.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if type(item) is str:
                if ("@" in item or digit(item)) and key not in NOT_FREE_TEXT:
                    found.append(((*path, key), item))
            elif isinstance(item, dict | list) and key not in NOT_FREE_TEXT:
                stack.append((item, (*path, key)))
    found.reverse()
    return found
