"""Schema checks: the compiled fast path, then jsonschema for the files that fail it.

The Dutch wording of each problem lives in `messages.py`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from profcli import accel, resources
from profcli import schema_messages as messages
from profcli.findings import Finding
from profcli.loading import Document

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    """`pattern` as ECMAScript reads it, like check-jsonschema and editors do: Python's `$`
    also matches before a final newline, so `"armoede\\n"` would pass as a slug."""
    from jsonschema.exceptions import ValidationError

    if isinstance(instance, str) and not re.search(_ecma(pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _ecma(pattern: str) -> str:
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        return pattern[:-1] + r"\Z"
    return pattern


@cache
def validator(kind: str) -> Draft202012Validator:
    """Compiled once per kind and process; jsonschema is imported only when a file needs the
    precise path (see profcli.accel), which keeps `prof validate` quick to start."""
    from jsonschema import Draft202012Validator, FormatChecker, validators

    extended = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"pattern": _pattern}
    )
    checked: Draft202012Validator = extended(
        resources.schema(kind), format_checker=FormatChecker(["date"])
    )
    return checked


_PLAIN = frozenset({str, int, float, bool})


def normalise(value: Any) -> Any:
    """TOML dates and times become ISO strings, as JSON Schema (and check-jsonschema) sees them.

    Copy on change: a table or list without dates is returned as it is. This runs on every
    file of every run, and most values are plain text.
    """
    if isinstance(value, dict):
        changed: dict[str, Any] | None = None
        for k, v in value.items():
            if type(v) in _PLAIN:
                continue
            new = normalise(v)
            if new is not v:
                if changed is None:
                    changed = dict(value)
                changed[k] = new
        return value if changed is None else changed
    if isinstance(value, list):
        if all(type(v) in _PLAIN for v in value):
            return value
        return [normalise(v) for v in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


@dataclass(frozen=True, slots=True)
class Checked:
    """The schema problems of one document, and the top-level keys they concern (the rules
    leave those values alone)."""

    findings: list[Finding]
    invalid_keys: frozenset[str]


VALID = Checked([], frozenset())


def check(doc: Document, kind: str) -> Checked:
    """All schema problems of one document, each once."""
    instance = normalise(doc.data)
    if accel.schema_valid(kind, instance):
        return VALID
    errors = list(validator(kind).iter_errors(instance))
    forbidden = {
        (*e.absolute_path, key)
        for e in errors
        if e.validator is None
        for key in messages.forbidden(kind, e, doc)
    }
    misspelt = messages.typos(errors)
    found: dict[tuple[int, int, str], Finding] = {}
    for error in errors:
        path = tuple(error.absolute_path)
        if any(path[: len(f)] == f for f in forbidden):
            continue  # the whole table is out of place: its inner problems are noise
        for finding in messages.translate(error, doc, kind, misspelt):
            found.setdefault((finding.line, finding.column, finding.message), finding)
    invalid = frozenset(
        {str(e.absolute_path[0]) for e in errors if e.absolute_path}
        | {str(f[0]) for f in forbidden}
    )
    return Checked(list(found.values()), invalid)
