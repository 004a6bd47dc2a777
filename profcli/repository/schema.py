"""Schema checks: the compiled fast path, then jsonschema for the files that fail it.

The Dutch wording of each problem lives in `messages.py`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from profcli import resources
from profcli.findings import Finding
from profcli.repository import accel
from profcli.repository import schema_messages as messages
from profcli.repository.kinds import BY_FOLDER, DATED_RE, TEAM, Kind
from profcli.repository.loading import Document

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
    precise path (see profcli.repository.accel), which keeps `prof validate` quick to start."""
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
    other = _looks_like(kind, doc.data)
    if other is not None:
        return Checked([_wrong_folder(doc, other)], frozenset(doc.data))
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


def _keys(kind: str) -> tuple[frozenset[str], frozenset[str]]:
    """The top-level keys a kind allows, and those it requires."""
    found = resources.schema(kind)
    return frozenset(found.get("properties", {})), frozenset(found.get("required", []))


def _looks_like(kind: str, data: dict[str, Any]) -> Kind | None:
    """The other kind of entry whose keys this document has, when it fits that kind clearly
    better than its own: a reflection saved in `leerdoelen/` gets "wrong folder", not a schema
    error per key. One stray key (a typo) is tolerated; a tie is no verdict."""
    if kind not in {k.name for k in BY_FOLDER.values()}:
        return None
    keys = frozenset(data)
    allowed, required = _keys(kind)
    own_strays = len(keys - allowed)
    if own_strays < 2 and required <= keys:
        return None  # its own kind, with a typo or two: the schema says which
    scored = sorted(
        (stray, other.name, other)
        for other in BY_FOLDER.values()
        if other.name != kind
        and (shape := _keys(other.name))[1] <= keys
        and (stray := len(keys - shape[0])) <= 1
        and stray < own_strays
    )
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][2]


_ONE = {"kennis": "een kennisitem", "feedback": "feedback"}


def _wrong_folder(doc: Document, other: Kind) -> Finding:
    parts = doc.display.split("/")
    if other.owners == {TEAM}:
        where = f"`{other.folder}/` in het portfolio van het team"
    elif len(parts) >= 3:
        where = "`" + "/".join([*parts[:-2], other.folder]) + "/`"
    else:
        where = f"`{other.folder}/`"
    stem = parts[-1].removesuffix(".toml")
    name = ""
    if other.dated and not DATED_RE.fullmatch(stem):
        datum = doc.data.get("datum")
        day = datum.isoformat() if isinstance(datum, dt.date) else "JJJJ-MM-DD"
        name = f" en zet de datum voor de naam (`{day}-{stem}.toml`)"
    what = _ONE.get(other.name, f"een {other.name}")
    return Finding(
        doc.display,
        1,
        1,
        "verkeerde-map",
        f"verkeerde map: dit lijkt {what} (het heeft de sleutels daarvan); verplaats het naar "
        f"{where}{name}",
    )
