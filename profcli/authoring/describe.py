"""One entry as readable Dutch text for `prof show`: the schema's own titles as labels."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Mapping
from typing import Any

from profcli import clock, resources
from profcli.repository.kinds import Kind

WIDTH = 88


def lines(kind: Kind, data: Mapping[str, Any]) -> list[str]:
    """Every key of the entry, labelled as the schema titles it, in the file's order."""
    return _table(resources.schema(kind.name), data, "")


def _table(schema: Mapping[str, Any], data: Mapping[str, Any], indent: str) -> list[str]:
    props: Mapping[str, Any] = schema.get("properties", {})
    out: list[str] = []
    for key, value in data.items():
        prop = props.get(key, {})
        label = str(prop.get("title") or key.replace("_", " ").capitalize())
        if isinstance(value, Mapping):
            out += ["", f"{indent}{label}:"]
            out += _mapping(prop, value, indent + "  ")
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            out += ["", f"{indent}{label}:"]
            out += _records(prop.get("items", {}), value, indent + "  ")
        else:
            out += _field(f"{indent}{label}: ", value, indent)
    return out


def _mapping(prop: Mapping[str, Any], value: Mapping[str, Any], indent: str) -> list[str]:
    """A table with known keys (`[starr]`), or one per id (`[scores.<id>]`)."""
    if prop.get("properties"):
        return _table(prop, value, indent)
    each = prop.get("additionalProperties")
    out: list[str] = []
    for item, inner in value.items():
        if isinstance(inner, Mapping):
            out.append(f"{indent}{item}:")
            out += _table(each if isinstance(each, Mapping) else {}, inner, indent + "  ")
        else:
            out += _field(f"{indent}{item}: ", inner, indent)
    return out


def _records(schema: Mapping[str, Any], items: list[Any], indent: str) -> list[str]:
    """`[[acties]]` as a numbered checklist (the numbers `prof done --actie` takes)."""
    out: list[str] = []
    for number, item in enumerate(items, 1):
        rest = dict(item)
        box = ""
        if "klaar" in rest:
            box = "[x] " if rest.pop("klaar") is True else "[ ] "
        text = rest.pop("omschrijving", "")
        done = rest.pop("klaar_op", None)
        head = f"{indent}{number}. {box}{_inline(text)}" + (
            f" (klaar op {_inline(done)})" if done else ""
        )
        out.append(head)
        out += _table(schema, rest, indent + "   ")
    return out


def _field(prefix: str, value: Any, indent: str) -> list[str]:
    text = _inline(value)
    if isinstance(value, list) and len(prefix + text) > WIDTH:
        pad = indent + "    "
        return [
            prefix.rstrip(),
            *(
                line
                for item in value
                for line in textwrap.wrap(
                    _inline(item), WIDTH, initial_indent=indent + "  - ", subsequent_indent=pad
                )
            ),
        ]
    if isinstance(value, str) and ("\n" in value.strip() or len(prefix + text) > WIDTH):
        body: list[str] = []
        for paragraph in re.split(r"\n\s*\n", value.strip()):
            if body:
                body.append("")
            body += _paragraph(paragraph, indent + "  ")
        return [prefix.rstrip(), *body]
    return [prefix + text]


def _paragraph(text: str, indent: str) -> list[str]:
    """Free text reflowed to the terminal; Markdown lists, headings and tables kept as typed."""
    rows = text.split("\n")
    if any(_STRUCTURED.match(row) for row in rows):
        return [indent + row.rstrip() for row in rows]
    joined = " ".join(row.strip() for row in rows)
    return textwrap.wrap(joined, WIDTH, initial_indent=indent, subsequent_indent=indent)


_STRUCTURED = re.compile(r"^\s*([-*+#|>]|\d+[.)])\s")


def _inline(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return clock.shown(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, list):
        return ", ".join(_inline(v) for v in value) or "-"
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {_inline(v)}" for k, v in value.items())
    return str(value)
