"""Dutch messages for JSON Schema errors: one plain sentence per problem, at its position.

jsonschema reports in English and sometimes several errors for one mistake (a misspelt key is
both unknown and missing); this turns them into what a social worker can act on.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from profcli import resources
from profcli.findings import Finding
from profcli.repository.loading import Document
from profcli.repository.writing import slugify

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "true of false",
    "array": "een lijst",
    "object": "een tabel",
}


GUESS_LIMIT = 100
"""More unknown keys than this in one table are no typos (a file of 50,000 keys took 20 s of
close-match guessing): each is then reported with the keys that are allowed."""


def typos(errors: list[ValidationError]) -> dict[tuple[Any, ...], str]:
    """Missing required keys that an unknown key beside them misspells (`samenvating`).

    The unknown key's message names the right spelling, so one typo gives one line.
    """
    unknown: dict[tuple[Any, ...], list[str]] = {}
    for e in errors:
        if e.validator == "additionalProperties" and isinstance(e.instance, Mapping):
            known = e.schema.get("properties", {}) if isinstance(e.schema, Mapping) else {}
            unknown.setdefault(tuple(e.absolute_path), []).extend(
                str(k) for k in e.instance if k not in known
            )
    typos: dict[tuple[Any, ...], str] = {}
    for e in errors:
        path = tuple(e.absolute_path)
        if e.validator == "required" and path in unknown:
            required: Any = e.validator_value
            if len(unknown[path]) > GUESS_LIMIT:
                continue
            for key in required:
                close = difflib.get_close_matches(key, unknown[path], n=1)
                if close and isinstance(e.instance, Mapping) and key not in e.instance:
                    typos[(*path, key)] = close[0]
    return typos


def forbidden(kind: str, error: ValidationError, doc: Document) -> list[str]:
    """Keys a `false` schema rejected: jsonschema names only their parent object."""
    node: Any = resources.schema(kind)
    for step in error.absolute_schema_path:
        node = node[step]
    parent = _original(doc, tuple(error.absolute_path))
    if not isinstance(node, Mapping) or not isinstance(parent, Mapping):
        return []
    return [k for k, sub in node.items() if sub is False and k in parent]


RETIRED = {
    "normen": (
        "`normen` staan niet meer in het teamprofiel: de regels voor herregistratie komen uit "
        "het register zelf, met hun bron (zie `prof status`). Haal [normen] weg; wijken jullie "
        "regels af, zet ze dan in registers/<id>.toml"
    ),
}
"""Keys of an earlier version, with what to do instead."""


def translate(
    error: ValidationError, doc: Document, kind: str, typos: Mapping[tuple[Any, ...], str]
) -> Iterator[Finding]:
    path = tuple(error.absolute_path)
    name = _name(path)
    keyword: Any = error.validator  # None for a `false` schema
    value: Any = error.validator_value
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    when = _condition(kind, error)

    if keyword == "additionalProperties" and isinstance(error.instance, Mapping):
        known = list(schema.get("properties", {}))
        guess = sum(1 for key in error.instance if key not in known) <= GUESS_LIMIT
        for key in error.instance:
            if key not in known and not path and key in RETIRED:
                yield doc.finding((key,), "schema-onbekend", RETIRED[key], at_key=True)
            elif key not in known:
                meant = [k[-1] for k, typo in typos.items() if k[:-1] == path and typo == key]
                hint = meant or (guess and difflib.get_close_matches(str(key), known, n=1))
                extra = (
                    f"; bedoelde je `{hint[0]}`?" if hint else f"; toegestaan: {', '.join(known)}"
                )
                yield doc.finding(
                    (*path, key),
                    "schema-onbekend",
                    f"onbekende sleutel `{key}`{_where(path)}{extra}",
                    at_key=True,
                )
        return
    if keyword is None:  # a `false` schema: the key is forbidden in this combination
        rest = f" bij {when}" if when else " in dit bestand"
        for key in forbidden(kind, error, doc):
            yield doc.finding(
                (*path, key),
                "schema-niet-toegestaan",
                f"`{_name((*path, key))}` hoort niet{rest}; haal het weg",
                at_key=True,
            )
        return
    if keyword == "dependentRequired" and isinstance(error.instance, Mapping):
        for key, needed in value.items():
            if key not in error.instance:
                continue
            for other in needed:
                if other not in error.instance:
                    yield doc.finding(
                        (*path, key),
                        "schema-verplicht",
                        f"bij `{_name((*path, key))}` hoort ook `{other}`: schrijf erbij waarom",
                        at_key=True,
                    )
        return
    if keyword == "required":
        for key in value:
            if isinstance(error.instance, Mapping) and key not in error.instance:
                if (*path, key) in typos:
                    continue  # reported as the misspelt unknown key
                sub = _property(kind, error, key)
                what = f"tabel [{key}]" if sub.get("type") == "object" else f"sleutel `{key}`"
                rest = f" (verplicht bij {when})" if when else ""
                # A table that a condition demands: point at the condition (`methode = ...`).
                at = (*path, next(iter(_condition_keys(kind, error)))) if when else path
                yield doc.finding(
                    at,
                    "schema-verplicht",
                    f"verplichte {what} ontbreekt{_where(path)}{rest}",
                    at_key=True,
                )
        return
    if "propertyNames" in error.absolute_schema_path:  # a key, not a value, is wrong
        key = str(error.instance)
        example = slugify(key) or "omgaan-met-agressie"
        yield doc.finding(
            (*path, key),
            "schema-patroon",
            (
                f"ongeldige naam {_show(key)}{_where(path)}: gebruik kleine letters, "
                f"cijfers en losse streepjes (bijvoorbeeld `{example}`)"
            ),
            at_key=True,
        )
        return
    at = path
    if keyword == "uniqueItems" and (index := _repeated(error.instance)) is not None:
        at = (*path, index)  # the second mention
    yield doc.finding(at, *_simple(keyword, value, schema, error.instance, name, doc, path))


def _simple(
    keyword: str,
    value: Any,
    schema: Mapping[str, Any],
    instance: Any,
    name: str,
    doc: Document,
    path: tuple[Any, ...],
) -> tuple[str, str]:
    """Rule id and message for keywords that need one finding at the value."""
    subject = f"`{name}`" if name else "dit bestand"
    if keyword == "type":
        wanted: list[str] = value if isinstance(value, list) else [value]
        want = " of ".join(_TYPE_NAMES.get(t, t) for t in wanted)
        if schema.get("format") == "date":
            want = "een datum (JJJJ-MM-DD, zonder aanhalingstekens)"
        original = _original(doc, path)
        hint = ""
        if wanted == ["array"] and not isinstance(original, dict | list):
            hint = f"; zet de waarde tussen [ ], bijvoorbeeld [{_show(instance)}]"
        return "schema-type", f"{subject} moet {want} zijn, niet {_kind_of(original)}{hint}"
    if keyword in ("enum", "const"):
        options = value if keyword == "enum" else [value]
        shown = ", ".join(str(o) for o in options)
        return "schema-keuze", (
            f"{subject} = {_show(instance)} is geen geldige keuze; kies uit: {shown}"
        )
    if keyword == "format" and isinstance(_original(doc, path), dt.datetime | dt.time):
        return "schema-datum", f"{subject} moet een dag zijn (JJJJ-MM-DD), zonder tijd"
    if keyword == "format":
        return "schema-datum", (
            f"{subject} = {_show(instance)} is geen geldige datum; "
            "schrijf JJJJ-MM-DD zonder aanhalingstekens"
        )
    if keyword == "pattern":
        example = slugify(str(instance)) or "omgaan-met-agressie"
        return "schema-patroon", (
            f"{subject} = {_show(instance)} is geen geldige id: gebruik kleine letters, cijfers en "
            f"losse streepjes (bijvoorbeeld `{example}`)"
        )
    if keyword in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        relation = {
            "minimum": "minstens",
            "exclusiveMinimum": "groter dan",
            "maximum": "hoogstens",
            "exclusiveMaximum": "kleiner dan",
        }[keyword]
        return "schema-bereik", f"{subject} = {_show(instance)} moet {relation} {value} zijn"
    if keyword in ("minLength", "minItems", "minProperties"):
        return "schema-leeg", f"{subject} mag niet leeg zijn"
    if keyword in ("maxLength", "maxItems", "maxProperties"):
        unit = "tekens" if isinstance(instance, str) else "onderdelen"
        return "schema-lengte", f"{subject} is te lang (hoogstens {value} {unit})"
    if keyword == "uniqueItems":
        index = _repeated(instance)
        twice = _show(instance[index]) if index is not None else "een waarde"
        return "schema-dubbel", f"{subject} noemt {twice} twee keer; haal er één weg"
    return "schema", f"{subject}: {_show(instance)} voldoet niet aan het schema ({keyword})"


def _condition(kind: str, error: ValidationError) -> str:
    """For errors under `if`/`then`: the condition in words, e.g. `methode = "starr"`."""
    return " en ".join(f"{k} = {_show(v)}" for k, v in _condition_keys(kind, error).items())


def _condition_keys(kind: str, error: ValidationError) -> dict[str, Any]:
    """The `const` values of the `if` whose `then` raised `error`, e.g. {"methode": "starr"}."""
    trail = list(error.absolute_schema_path)
    if "then" not in trail:
        return {}
    node: Any = resources.schema(kind)
    for step in trail[: len(trail) - 1 - trail[::-1].index("then")]:
        node = node[step]
    props = node.get("if", {}).get("properties", {}) if isinstance(node, Mapping) else {}
    return {k: v["const"] for k, v in props.items() if isinstance(v, Mapping) and "const" in v}


def _property(kind: str, error: ValidationError, key: str) -> Mapping[str, Any]:
    """The schema of `key` in the object that `error` is about, also for a `then` branch."""
    local = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
    if isinstance(local.get(key), Mapping):
        return local[key]  # type: ignore[no-any-return]
    node: Any = resources.schema(kind)
    for step in error.absolute_path:
        node = (
            node.get("properties", {}).get(step, {})
            if isinstance(step, str)
            else (node.get("items", {}))
        )
    sub = node.get("properties", {}).get(key, {}) if isinstance(node, Mapping) else {}
    return sub if isinstance(sub, Mapping) else {}


def _repeated(items: Any) -> int | None:
    """Index of the first item that repeats an earlier one."""
    for index, item in enumerate(items if isinstance(items, list) else []):
        if item in items[:index]:
            return index
    return None


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
    if path and isinstance(path[-1], int):  # an [[array-of-tables]] block
        return f" in [[{_name(path[:-1])}]] nummer {path[-1] + 1}"
    return f" in [{_name(path)}]" if path else ""


def _show(value: Any) -> str:
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)  # quoted, newlines as \\n
    else:
        text = str(value).lower() if isinstance(value, bool) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
