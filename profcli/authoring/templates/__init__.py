"""The fields of each kind of entry, read from its JSON Schema.

Kinds are data: options, prompts, choices, help texts and the editor template all come from
the schema, so a new kind needs a schema and a row in `profcli.repository.kinds`, not new code here.
Shapes that need a name of their own on the command line are listed in `_RECORD_OPTIONS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from profcli import resources

LONG_TEXT = 300
"""Strings that may be longer than this are free text: prompts and templates treat them so."""

_RECORD_OPTIONS = {"acties": "actie", "afspraken": "afspraak"}
"""Arrays of tables whose required key is filled by a singular option (`--actie TEXT`)."""

NOT_OFFERED = frozenset(
    {"categorie", "categorie_reden", "telt_als", "telt_als_reden", "behaald_op", "aparte_sessie"}
)
"""Optional fields whose help says "leave this out, usually" (or that `prof done` fills in):
prompts do not offer them (an option or the editor still sets them)."""

_SLUG_SOURCES = ("titel", "thema", "kader", "van", "soort")
"""Where an entry's file name comes from when `--slug` is not given."""


@dataclass(frozen=True, slots=True)
class Field:
    """One value the user can give, with everything a prompt or a help text needs."""

    name: str
    """Option name without dashes (`duur_uren` -> `--duur-uren`); unique within a kind."""
    path: tuple[str, ...]
    """Where the value lives: `("titel",)`, `("starr", "situatie")`, `("scores", "score")`."""
    shape: str
    """`scalar`, `list` (repeat the option), `map` (`ID=VALUE`) or `records` (one table each)."""
    type: str
    """`string`, `date`, `number`, `integer` or `boolean` (of each item for lists and maps)."""
    title: str
    description: str
    required: bool
    """Required whenever its section is in use (see `section`)."""
    enum: tuple[str, ...] = ()
    section: str = ""
    """The table this field belongs to (`starr`), or "" for top-level keys."""
    long: bool = False
    pattern: str = ""
    record_key: str = ""
    """For `records`: the key of each table that the option fills."""
    record_defaults: tuple[tuple[str, Any], ...] = ()
    minimum: float | None = None
    """The schema's `minimum` (or `exclusiveMinimum`, then `exclusive_minimum` is true)."""
    exclusive_minimum: bool = False
    maximum: float | None = None
    min_length: int = 0
    max_length: int = 0
    """0: no limit. For lists, maps and records: of each item's text."""
    min_items: int = 0

    @property
    def offered(self) -> bool:
        """Whether prompts offer this field when it is optional (see `NOT_OFFERED`)."""
        return self.required or self.name not in NOT_OFFERED

    @property
    def key(self) -> str:
        return self.path[-1]

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


@dataclass(frozen=True, slots=True)
class Section:
    """A table like `[starr]`: in use when `selector` has `value` (without one: when filled)."""

    name: str
    title: str
    selector: str
    value: str


@dataclass(frozen=True, slots=True)
class Template:
    kind: str
    title: str
    description: str
    fields: tuple[Field, ...]
    sections: tuple[Section, ...]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)

    def active(self, section: str, data: Mapping[str, Any]) -> bool:
        found = self.section(section)
        if found is None or not found.selector:
            return section in data
        return data.get(found.selector) == found.value

    def missing(self, data: Mapping[str, Any]) -> list[Field]:
        """Required fields without a value, in schema order."""
        return [
            f
            for f in self.fields
            if f.required
            and _lookup(data, f) is None
            and (not f.section or self.active(f.section, data))
        ]

    def slug_source(self, data: Mapping[str, Any]) -> str:
        return next(
            (str(data[k]) for k in _SLUG_SOURCES if isinstance(data.get(k), str)), self.kind
        )


@cache
def template(kind: str) -> Template:
    schema = resources.schema(kind)
    required = set(schema.get("required", ()))
    selected = _selected_sections(schema)
    fields: list[Field] = []
    sections: list[Section] = []
    for name, prop in schema.get("properties", {}).items():
        kind_of = _type(prop)
        if kind_of == "object" and "properties" in prop:
            selector, value = selected.get(name, ("", ""))
            sections.append(Section(name, _title(prop, name), selector, value))
            inner = set(prop.get("required", ()))
            for sub, sub_prop in prop["properties"].items():
                fields.append(_field(sub, (name, sub), sub_prop, sub in inner, section=name))
        elif kind_of == "object" and isinstance(prop.get("additionalProperties"), dict):
            value_schema = prop["additionalProperties"]
            inner = set(value_schema.get("required", ()))
            for sub, sub_prop in value_schema.get("properties", {}).items():
                fields.append(
                    _field(
                        sub,
                        (name, sub),
                        sub_prop,
                        name in required and sub in inner,
                        shape="map",
                        description=prop.get("description", ""),
                    )
                )
        elif kind_of == "array" and _type(prop.get("items", {})) == "object":
            fields.append(_records(name, prop, name in required))
        elif kind_of == "array":
            fields.append(_field(name, (name,), prop, name in required, shape="list"))
        else:
            fields.append(_field(name, (name,), prop, name in required))
    names = [f.name for f in fields]
    if len(names) != len(set(names)):
        raise ValueError(f"schema {kind}: two fields share an option name: {sorted(names)}")
    return Template(
        kind,
        schema.get("title", kind),
        schema.get("description", ""),
        tuple(fields),
        tuple(sections),
    )


def assemble(tpl: Template, values: Mapping[str, Any]) -> dict[str, Any]:
    """Entry data from option values keyed by field name, in schema order; empties dropped.

    Map values arrive as `(id, value)` pairs, records as their texts, the rest as typed values.
    """
    data: dict[str, Any] = {}
    for f in tpl.fields:
        given = values.get(f.name)
        if given is None or given == () or given == []:
            continue
        if f.shape == "map":
            table = data.setdefault(f.path[0], {})
            for item, item_value in given:
                table.setdefault(item, {})[f.key] = item_value
        elif f.shape == "records":
            data[f.path[0]] = [{f.record_key: text, **dict(f.record_defaults)} for text in given]
        elif f.shape == "list":
            data[f.path[0]] = list(dict.fromkeys(given))
        elif f.section:
            data.setdefault(f.section, {})[f.key] = given
        else:
            data[f.key] = given
    # Sections of another method than the chosen one would make the entry invalid: drop them.
    for section in tpl.sections:
        if section.selector and section.name in data and not tpl.active(section.name, data):
            del data[section.name]
    return _schema_order(tpl, data)


def merge(tpl: Template, base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """`base` with `extra` added, one level deep for sections and maps."""
    data = dict(base)
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(data.get(k), dict):
            data[k] = {**data[k], **v}
        else:
            data[k] = v
    return _schema_order(tpl, data)


def _schema_order(tpl: Template, data: dict[str, Any]) -> dict[str, Any]:
    order = {name: index for index, name in enumerate(dict.fromkeys(f.path[0] for f in tpl.fields))}
    return dict(sorted(data.items(), key=lambda item: order.get(item[0], len(order))))


def _lookup(data: Mapping[str, Any], f: Field) -> Any:
    if f.shape == "map":
        table = data.get(f.path[0])
        return table or None
    current: Any = data
    for part in f.path:
        if not isinstance(current, Mapping) or part not in current:
            return None
        current = current[part]
    return None if current in ("", [], {}) else current


def _field(
    name: str,
    path: tuple[str, ...],
    prop: Mapping[str, Any],
    required: bool,
    *,
    shape: str = "scalar",
    section: str = "",
    description: str = "",
) -> Field:
    item = prop.get("items", {}) if shape == "list" else prop
    kind_of = _type(item) or "string"
    if kind_of == "string" and item.get("format") == "date":
        kind_of = "date"
    return Field(
        name=name,
        path=path,
        shape=shape,
        type=kind_of,
        title=_title(prop, name),
        description=prop.get("description", "") or description,
        required=required,
        enum=tuple(str(v) for v in item.get("enum", ())),
        section=section,
        long=int(item.get("maxLength", 0)) > LONG_TEXT,
        pattern=str(item.get("pattern", "")),
        **_limits(item),
        min_items=int(prop.get("minItems", 0)) if shape == "list" else 0,
    )


def _limits(prop: Mapping[str, Any]) -> dict[str, Any]:
    """Range and length from a property's schema, for checking an answer as it is typed."""
    exclusive = "exclusiveMinimum" in prop
    low = prop.get("exclusiveMinimum", prop.get("minimum"))
    high = prop.get("maximum")
    return {
        "minimum": float(low) if isinstance(low, int | float) else None,
        "exclusive_minimum": exclusive,
        "maximum": float(high) if isinstance(high, int | float) else None,
        "min_length": int(prop.get("minLength", 0)),
        "max_length": int(prop.get("maxLength", 0)),
    }


def _records(name: str, prop: Mapping[str, Any], required: bool) -> Field:
    item = prop["items"]
    inner = list(item.get("required", ())) or list(item.get("properties", {}))[:1]
    record_key = inner[0]
    defaults = tuple(
        (k, False)
        for k, p in item.get("properties", {}).items()
        if _type(p) == "boolean" and k not in inner
    )
    key_prop = item.get("properties", {}).get(record_key, {})
    return Field(
        name=_RECORD_OPTIONS.get(name, name),
        path=(name,),
        shape="records",
        type="string",
        title=_title(prop, name),
        description=prop.get("description", ""),
        required=required,
        long=int(key_prop.get("maxLength", 0)) > LONG_TEXT,
        **_limits(key_prop),
        min_items=int(prop.get("minItems", 0)),
        record_key=record_key,
        record_defaults=defaults,
    )


def _selected_sections(schema: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """Sections required by an `allOf` `if {K: const V} then required [S]`: S -> (K, V)."""
    found: dict[str, tuple[str, str]] = {}
    for rule in schema.get("allOf", ()):
        condition = rule.get("if", {}).get("properties", {})
        then = rule.get("then", {})
        for selector, test in condition.items():
            if isinstance(test, dict) and "const" in test:
                for section in then.get("required", ()):
                    found[section] = (selector, str(test["const"]))
    return found


def _type(prop: Mapping[str, Any]) -> str:
    value = prop.get("type", "")
    return value if isinstance(value, str) else ""


def _title(prop: Mapping[str, Any], name: str) -> str:
    return str(prop.get("title") or name)


def default_date(f: Field, today: dt.date) -> dt.date | None:
    """Today for the entry's own date; other dates (deadline, start) have no default."""
    return today if f.type == "date" and f.name in ("datum", "bijgewerkt") else None


def choices_text(values: Iterable[str]) -> str:
    return ", ".join(values)


__all__ = ["Field", "Section", "Template", "assemble", "merge", "template"]
