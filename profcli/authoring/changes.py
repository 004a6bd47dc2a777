"""Changing an entry that exists: fields set by `prof edit --zet`, `prof done`, `prof rm`.

Changes go through tomlkit, so the worker's comments, order and layout survive; the new text
is validated like any other (`authoring.check`) before `write` puts it in place atomically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import ParseError, TOMLKitError
from tomlkit.items import AoT, Table

from profcli import clock, resources
from profcli.authoring import normalise
from profcli.errors import BadChange, InvalidContent, WriteRefused
from profcli.repository import writing
from profcli.repository.kinds import DATED_RE, Kind
from profcli.words import Status


@dataclass(frozen=True, slots=True)
class Change:
    """The new text of an entry and what to tell the user (the text is unchanged if nothing
    needed doing)."""

    text: str
    message: str


_BOM = "\ufeff"


def _dumps(doc: tomlkit.TOMLDocument, original: str) -> str:
    """The changed text with the byte-order mark and line ends the file had (editors on
    Windows write both); tomlkit writes new lines as `\n`."""
    text = tomlkit.dumps(doc)
    if "\r\n" in original:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return (_BOM if original.startswith(_BOM) else "") + text


def _parse(text: str, what: str) -> tomlkit.TOMLDocument:
    try:
        return tomlkit.parse(text.removeprefix(_BOM))
    except TOMLKitError as e:
        where = f" (regel {e.line}, kolom {e.col})" if isinstance(e, ParseError) else ""
        raise InvalidContent(
            f"{what} is geen geldige TOML{where}; verbeter het eerst met `prof edit`"
        ) from e


def mark_done(text: str, what: str, day: dt.date, action: int | None = None) -> Change:
    """A goal reached on `day` (`status`, `behaald_op`), or its action number `action` ticked
    (`klaar`, `klaar_op`); numbers count from 1, as `prof show` shows them."""
    doc = _parse(text, what)
    if action is None:
        if doc.get("status") == Status.BEHAALD:
            since = doc.get("behaald_op")
            if isinstance(since, dt.date):
                since = clock.shown(since)
            return Change(text, f"{what} was al behaald" + (f" (op {since})" if since else ""))
        doc["status"] = Status.BEHAALD.value
        doc["behaald_op"] = day
        open_actions = [a for a in _actions(doc) if not a.get("klaar")]
        count = len(open_actions)
        note = {0: "", 1: "; let op: 1 actie staat nog open"}.get(
            count, f"; let op: {count} acties staan nog open"
        )
        return Change(_dumps(doc, text), f"{what} behaald op {clock.shown(day)}{note}")
    actions = _actions(doc)
    if not 1 <= action <= len(actions):
        listed = "".join(f"\n  {n}. {a.get('omschrijving', '')}" for n, a in enumerate(actions, 1))
        raise BadChange(
            f"{what} heeft geen actie {action}"
            + (f"; kies een nummer:{listed}" if actions else "; het heeft geen acties")
        )
    item = actions[action - 1]
    label = f"actie {action} ({item.get('omschrijving', '')})"
    if item.get("klaar") is True:
        return Change(text, f"{label} was al klaar")
    item["klaar"] = True
    item["klaar_op"] = day
    return Change(_dumps(doc, text), f"{label} klaar op {clock.shown(day)}")


def agreement_done(text: str, what: str, number: int | None) -> Change:
    """Agreement `number` of a conversation (`[[afspraken]]`, counted from 1) set klaar."""
    doc = _parse(text, what)
    agreements = _actions(doc, "afspraken")
    listed = "".join(f"\n  {n}. {a.get('wat', '')}" for n, a in enumerate(agreements, 1))
    if number is None or not 1 <= number <= len(agreements):
        if not agreements:
            raise BadChange(f"{what} heeft geen afspraken")
        which = "welke afspraak?" if number is None else f"{what} heeft geen afspraak {number};"
        raise BadChange(f"{which} kies een nummer met --afspraak:{listed}")
    item = agreements[number - 1]
    label = f"afspraak {number} ({item.get('wat', '')})"
    if item.get("klaar") is True:
        return Change(text, f"{label} was al klaar")
    item["klaar"] = True
    return Change(_dumps(doc, text), f"{label} klaar")


def _actions(doc: tomlkit.TOMLDocument, key: str = "acties") -> list[Table]:
    found = doc.get(key)
    if isinstance(found, AoT):
        return list(found)
    return [a for a in found if isinstance(a, Table)] if isinstance(found, list) else []


def set_fields(
    text: str,
    what: str,
    kind: Kind,
    assignments: Sequence[str],
    today: dt.date,
    said: list[str] | None = None,
) -> str:
    """`sleutel=waarde` pairs (a table's key as `starr.situatie`) written into the text; an
    empty value removes the key. Values get the type the schema gives the key, read as
    answers are (`gisteren` from `today`, `Bezig`, `privé`); what was read otherwise than
    typed is added to `said`."""
    doc = _parse(text, what)
    for number, assignment in enumerate(assignments):
        name, sep, raw = assignment.partition("=")
        path = [p.strip() for p in name.split(".")]
        if not sep or not all(path):
            raise BadChange(
                f"schrijf --zet SLEUTEL=WAARDE, bijvoorbeeld status=bezig (niet `{assignment}`)"
            )
        table: Any = doc
        for part in path[:-1]:
            if part not in table:
                table[part] = tomlkit.table()
            table = table[part]
            if not isinstance(table, dict):
                raise BadChange(f"`{'.'.join(path)}`: `{part}` is geen tabel")
        key = path[-1]
        if raw.strip() == "":
            if key in table:
                del table[key]
            continue
        name = ".".join(path)
        try:
            value = _typed(raw.strip(), _property(kind, path), name, today)
        except BadChange as e:
            e.assignment = number
            raise
        if said is not None and isinstance(value, str | list) and not isinstance(value, bool):
            shown = ", ".join(value) if isinstance(value, list) else value
            typed = raw.strip() if isinstance(value, str) else ", ".join(_split(raw))
            note = normalise.noted(typed, shown)
            if note:
                said.append(f"{name}: {note}")
        table[key] = value
    return _dumps(doc, text)


def corrected(assignment: str, typed: str, word: str) -> str:
    """`assignment` (`SLEUTEL=WAARDE`) with the word `typed` replaced by `word` (one item of
    a list, or the whole value)."""
    name, _, raw = assignment.partition("=")
    parts = _split(raw) if "," in raw else [raw.strip()]
    return f"{name}=" + ", ".join(word if part == typed else part for part in parts)


def _split(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


def _word(raw: str, prop: dict[str, Any], name: str) -> str:
    """One word of a choice or an id, read generously; refused with a suggestion."""
    choices = [str(c) for c in prop.get("enum", ())]
    if choices:
        found = normalise.match(raw, choices)
        if found is not None:
            return found
        close = normalise.suggest(raw, choices)
        hint = f"bedoelde je `{close}`?" if close else f"kies uit: {', '.join(choices)}"
        raise BadChange(f"`{name}`: `{raw}` kan niet; {hint}", close, typed=raw)
    if prop.get("pattern") == normalise.ID_PATTERN:
        found = normalise.as_id(raw)
        if found is None:
            raise BadChange(f"`{name}`: `{raw}` kan zo niet; gebruik letters, cijfers en streepjes")
        return found
    return raw


def _property(kind: Kind, path: list[str]) -> dict[str, Any]:
    node: dict[str, Any] = resources.schema(kind.name)
    for part in path:
        node = node.get("properties", {}).get(part, {})
    return node


_TRUE = {"ja", "j", "true", "waar", "1"}
_FALSE = {"nee", "n", "false", "onwaar", "0"}


def _typed(raw: str, prop: dict[str, Any], name: str, today: dt.date) -> Any:
    kind = prop.get("type")
    if prop.get("format") == "date":
        try:
            return clock.read_day(raw, today)
        except ValueError as e:
            raise BadChange(f"`{name}`: {e}") from e
    try:
        if kind == "integer":
            return int(raw)
        if kind == "number":
            return float(raw.replace(",", ".")) if raw.count(",") == 1 else float(raw)
    except ValueError as e:
        raise BadChange(f"`{name}`: `{raw}` is geen getal") from e
    if kind == "boolean":
        if raw.lower() in _TRUE | _FALSE:
            return raw.lower() in _TRUE
        raise BadChange(f"`{name}`: schrijf ja of nee (niet `{raw}`)")
    if kind == "array":
        items = prop.get("items", {})
        return list(dict.fromkeys(_word(part, items, name) for part in _split(raw)))
    return _word(raw, prop, name)


def read_exact(path: Path) -> str:
    """The file's text with its own line ends (`read_text` would turn `\r\n` into `\n`)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def write(path: Path, before: str, after: str) -> None:
    """Put `after` in place of the entry, atomically, unless someone changed the file since
    it was read as `before` (then nothing is written)."""
    try:
        current = read_exact(path)
    except (OSError, UnicodeDecodeError) as e:
        raise WriteRefused(f"{path.name} kan niet gelezen worden ({e}); niets gewijzigd") from e
    if current != before:
        raise WriteRefused(
            f"{path.name} is intussen door iemand anders gewijzigd; niets opgeslagen. "
            "Probeer het opnieuw."
        )
    # A link inside the repository (discovery refuses others) keeps pointing at the new text.
    writing.replace(path.resolve() if path.is_symlink() else path, after)


def moved_stem(kind: Kind, stem: str, text: str) -> str | None:
    """The new file name (without .toml) of a dated entry whose `datum` was changed, so that
    name and date agree again; None when it stays where it is."""
    match = DATED_RE.fullmatch(stem)
    if not kind.dated or match is None:
        return None
    try:
        datum = tomllib.loads(text.removeprefix(_BOM)).get("datum")
    except tomllib.TOMLDecodeError:
        return None
    if not isinstance(datum, dt.date) or isinstance(datum, dt.datetime):
        return None
    return None if match[1] == datum.isoformat() else f"{datum.isoformat()}-{match[2]}"


def move(path: Path, target: Path, before: str, after: str) -> None:
    """Write `after` as `target` (never over an existing file), then remove `path`; nothing
    happens if `path` changed since it was read as `before`."""
    if read_exact(path) != before:
        raise WriteRefused(
            f"{path.name} is intussen door iemand anders gewijzigd; niets opgeslagen. "
            "Probeer het opnieuw."
        )
    try:
        writing.create(target.parent, target.stem, after, rename=False)
    except WriteRefused as e:
        raise WriteRefused(
            f"niet opgeslagen: met de nieuwe datum zou het bestand {target.name} heten, maar "
            "dat bestaat al. Kies een andere datum, of verwijder of hernoem het andere stuk."
        ) from e
    remove(path)


def remove(path: Path) -> None:
    path.unlink()
    with contextlib.suppress(OSError):
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
