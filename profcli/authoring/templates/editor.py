"""The commented TOML template that `prof add --editor` opens, built from a kind's fields."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from profcli.repository.writing import key, value

if TYPE_CHECKING:
    from profcli.authoring.templates import Field, Template


def editor_text(
    tpl: Template,
    data: Mapping[str, Any],
    header: Iterable[str],
    hints: Mapping[str, Iterable[str]] | None = None,
) -> str:
    """A commented TOML template: required keys ready to fill in, optional ones commented out.

    `hints` names known ids per field (open goals, framework items) to show in the comments.
    """
    hints = hints or {}
    lines = [*header, *_wrap(f"{tpl.title}: {tpl.description}")]
    lines += [
        "# Vul de waarden in, sla op en sluit de editor. Regels met # zijn uitleg.",
        '# Tekst over meerdere regels zet je tussen drie aanhalingstekens: """ ... """.',
        "# Een datum schrijf je in dit bestand als 2026-03-14, zonder aanhalingstekens (zo leest",
        "# TOML hem; 14-03-2026 en gisteren kun je typen als prof het vraagt, niet hier).",
    ]
    plain = [f for f in tpl.fields if not f.section and f.shape in ("scalar", "list")]
    for f in plain:
        lines += ["", *_comment(f, hints.get(f.name, ()))]
        lines.append(_slot(f, data.get(f.key)))
    for section in tpl.sections:
        first = next(s for s in tpl.sections if s.selector == section.selector)
        if not (
            tpl.active(section.name, data)
            or (section is first and section.selector and section.selector not in data)
        ):
            continue
        lines += ["", f"[{section.name}]"]
        if section.selector:
            others = [
                s.name for s in tpl.sections if s.selector == section.selector and s is not section
            ]
            lines += _wrap(
                f'Deze tabel hoort bij {section.selector} = "{section.value}". Kies je '
                f"een andere {section.selector} ({', '.join(others)}), zet dan hier de "
                f"tabel met die naam en de onderdelen daarvan (zie `prof add {tpl.kind} --help`)."
            )
        values = data.get(section.name, {})
        for f in (f for f in tpl.fields if f.section == section.name):
            lines += _comment(f, ())
            lines.append(_slot(f, values.get(f.key)))
    maps = [f for f in tpl.fields if f.shape == "map"]
    for table in dict.fromkeys(f.path[0] for f in maps):
        parts = [f for f in maps if f.path[0] == table]
        lines += ["", *_comment(parts[0], hints.get(parts[0].name, ()), title=table)]
        for f in parts:
            lines += _wrap(f"{f.key}: {f.description}")
        for item, entry in data.get(table, {}).items():
            lines += [f"[{table}.{item}]", *(_line(k, v) for k, v in entry.items()), ""]
        example = next(iter(hints.get(parts[0].name, ())), "id")
        lines += [f"# [{table}.{example}]", *(f"# {_line(f.key, _empty(f))}" for f in parts)]
    for f in (f for f in tpl.fields if f.shape == "records"):
        lines += ["", *_comment(f, ())]
        for record in data.get(f.key, []):
            lines += [f"[[{f.key}]]", *(_line(k, v) for k, v in record.items())]
        lines += [
            f"# [[{f.key}]]",
            f"# {_line(f.record_key, '')}",
            *(f"# {_line(k, v)}" for k, v in f.record_defaults),
        ]
    return "\n".join(lines) + "\n"


def _slot(f: Field, given: Any) -> str:
    if given is not None:
        return _line(f.key, given)
    return ("" if f.required else "# ") + _line(f.key, _empty(f))


def _comment(f: Field, hints: Iterable[str], title: str = "") -> list[str]:
    label = (title.capitalize() if title else f.title) + (" (verplicht)" if f.required else "")
    text = f"{label}: {f.description}"
    if f.enum:
        text += f" Kies uit: {', '.join(f.enum)}."
    known = list(hints)
    if known:
        text += f" Bekend: {', '.join(known[:12])}{' ...' if len(known) > 12 else ''}."
    return _wrap(text)


def _wrap(text: str, width: int = 96) -> list[str]:
    return ["# " + line for line in textwrap.wrap(text, width - 2)] or ["#"]


def _empty(f: Field) -> Any:
    if f.shape in ("list", "records"):
        return []
    return {"date": "JJJJ-MM-DD", "number": 0, "integer": 0, "boolean": False}.get(f.type, "")


def _line(name: str, item: Any) -> str:
    if item == "JJJJ-MM-DD":
        return f"{key(name)} = JJJJ-MM-DD"
    return f"{key(name)} = {value(item)}"
