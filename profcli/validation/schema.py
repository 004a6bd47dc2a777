"""Schema checks: JSON Schema errors turned into one plain Dutch message per problem."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from profcli import resources
from profcli.findings import Finding
from profcli.loading import Document

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "geheel getal",
    "number": "getal",
    "boolean": "true of false",
    "array": "lijst",
    "object": "tabel",
}


@cache
def validator(kind: str) -> Draft202012Validator:
    """Compiled once per kind and process."""
    return Draft202012Validator(resources.schema(kind), format_checker=FormatChecker(["date"]))


def normalise(value: Any) -> Any:
    """TOML dates and times become ISO strings, as JSON Schema (and check-jsonschema) sees them."""
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def check(doc: Document, kind: str) -> list[Finding]:
    """All schema problems of one document, each once."""
    errors = list(validator(kind).iter_errors(normalise(doc.data)))
    forbidden = {(*e.absolute_path, key) for e in errors if e.validator is None for key in _forbidden(kind, e, doc)}
    found: dict[tuple[int, int, str], Finding] = {}
    for error in errors:
        path = tuple(error.absolute_path)
        if any(path[: len(f)] == f for f in forbidden):
            continue  # the whole table is out of place: its inner problems are noise
        for finding in _translate(error, doc, kind, forbidden):
            found.setdefault((finding.line, finding.column, finding.message), finding)
    return list(found.values())


def _forbidden(kind: str, error: ValidationError, doc: Document) -> list[str]:
    """Keys a `false` schema rejected: jsonschema names only their parent object."""
    node: Any = resources.schema(kind)
    for step in error.absolute_schema_path:
        node = node[step]
    parent = _original(doc, tuple(error.absolute_path))
    if not isinstance(node, Mapping) or not isinstance(parent, Mapping):
        return []
    return [k for k, sub in node.items() if sub is False and k in parent]


def _translate(
    error: ValidationError, doc: Document, kind: str, forbidden: set[tuple[Any, ...]]
) -> Iterator[Finding]:
    path = tuple(error.absolute_path)
    name = _name(path)
    keyword = error.validator
    value = error.validator_value
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    when = _condition(kind, error)

    if keyword == "additionalProperties" and isinstance(error.instance, Mapping):
        known = list(schema.get("properties", {}))
        for key in error.instance:
            if key not in known:
                hint = difflib.get_close_matches(str(key), known, n=1)
                extra = f"; bedoelde je `{hint[0]}`?" if hint else f"; toegestaan: {', '.join(known)}"
                yield doc.finding((*path, key), "schema-onbekend",
                                  f"onbekende sleutel `{key}`{_where(path)}{extra}", at_key=True)
        return
    if keyword is None:  # a `false` schema: the key is forbidden in this combination
        rest = f" bij {when}" if when else " in dit bestand"
        for key in _forbidden(kind, error, doc):
            yield doc.finding((*path, key), "schema-niet-toegestaan",
                              f"`{_name((*path, key))}` hoort niet{rest}; haal het weg", at_key=True)
        return
    if keyword == "required":
        for key in value:
            if isinstance(error.instance, Mapping) and key not in error.instance:
                sub = schema.get("properties", {}).get(key, {})
                what = f"tabel [{key}]" if sub.get("type") == "object" else f"sleutel `{key}`"
                rest = f" (verplicht bij {when})" if when else ""
                yield doc.finding(path, "schema-verplicht",
                                  f"verplichte {what} ontbreekt{_where(path)}{rest}", at_key=True)
        return
    yield doc.finding(path, *_simple(keyword, value, schema, error.instance, name, doc, path))


def _simple(
    keyword: str, value: Any, schema: Mapping[str, Any], instance: Any, name: str,
    doc: Document, path: tuple[Any, ...],
) -> tuple[str, str]:
    """Rule id and message for keywords that need one finding at the value."""
    subject = f"`{name}`" if name else "dit bestand"
    if keyword == "type":
        wanted = value if isinstance(value, list) else [value]
        want = " of ".join(_TYPE_NAMES.get(t, t) for t in wanted)
        if schema.get("format") == "date":
            want = "een datum (JJJJ-MM-DD, zonder aanhalingstekens)"
        return "schema-type", f"{subject} moet {want} zijn, niet {_kind_of(_original(doc, path))}"
    if keyword in ("enum", "const"):
        options = value if keyword == "enum" else [value]
        shown = ", ".join(str(o) for o in options)
        return "schema-keuze", f"{subject} = {_show(instance)} is geen geldige keuze; kies uit: {shown}"
    if keyword == "format":
        return "schema-datum", (
            f"{subject} = {_show(instance)} is geen geldige datum; "
            "schrijf JJJJ-MM-DD zonder aanhalingstekens"
        )
    if keyword == "pattern":
        return "schema-patroon", (
            f"{subject} = {_show(instance)} is geen geldige id: gebruik kleine letters, cijfers en "
            "losse streepjes (bijvoorbeeld `omgaan-met-agressie`)"
        )
    if keyword == "propertyNames":
        return "schema-patroon", f"ongeldige naam {_show(instance)} in {subject}"
    if keyword in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        relation = {
            "minimum": "minstens", "exclusiveMinimum": "groter dan",
            "maximum": "hoogstens", "exclusiveMaximum": "kleiner dan",
        }[keyword]
        return "schema-bereik", f"{subject} = {_show(instance)} moet {relation} {value} zijn"
    if keyword in ("minLength", "minItems", "minProperties"):
        return "schema-leeg", f"{subject} mag niet leeg zijn"
    if keyword in ("maxLength", "maxItems", "maxProperties"):
        return "schema-lengte", f"{subject} is te lang (hoogstens {value})"
    if keyword == "uniqueItems":
        return "schema-dubbel", f"{subject} noemt een waarde twee keer"
    return "schema", f"{subject}: {_show(instance)} voldoet niet aan het schema ({keyword})"


def _condition(kind: str, error: ValidationError) -> str:
    """For errors under `if`/`then`: the condition in words, e.g. `methode = "starr"`."""
    trail = list(error.absolute_schema_path)
    if "then" not in trail:
        return ""
    node: Any = resources.schema(kind)
    for step in trail[: len(trail) - 1 - trail[::-1].index("then")]:
        node = node[step]
    props = node.get("if", {}).get("properties", {}) if isinstance(node, Mapping) else {}
    parts = [f"{k} = {_show(v['const'])}" for k, v in props.items() if isinstance(v, Mapping) and "const" in v]
    return " en ".join(parts)


def _original(doc: Document, path: Sequence[Any]) -> Any:
    node: Any = doc.data
    for step in path:
        node = node[step]
    return node


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dt.date | dt.time):
        return "een datum of tijd"
    if isinstance(value, int):
        return "een geheel getal"
    if isinstance(value, float):
        return "een getal"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list):
        return "een lijst"
    return "een tabel"


def _name(path: Sequence[Any]) -> str:
    return ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in path).replace(".[", "[")


def _where(path: Sequence[Any]) -> str:
    return f" in [{_name(path)}]" if path else ""


def _show(value: Any) -> str:
    text = f'"{value}"' if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
