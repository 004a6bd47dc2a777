"""Reading one TOML file into a `Document` that remembers where each value stands."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from profcli.findings import Finding, Severity
from profcli.repository import accel
from profcli.repository.kinds import FOLDER_NAMED_TOML
from profcli.repository.tomlpos import Path as KeyPath
from profcli.repository.tomlpos import Position, PositionIndex

MAX_BYTES = 1024 * 1024
"""A portfolio entry is a page of text; anything this large is a mistake or an attack."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_AT = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")
_TOML_MESSAGES = {
    "Invalid value": "ongeldige waarde (tekst hoort tussen aanhalingstekens)",
    "Invalid statement": "ongeldige regel: verwacht `sleutel = waarde` of een [tabel]",
    "Expected '=' after a key in a key/value pair": "na een sleutel hoort `=`",
    "Cannot overwrite a value": "deze sleutel staat er al: een sleutel mag maar één keer voorkomen",
    "Cannot declare": "deze tabel staat er al: een tabel mag maar één keer voorkomen",
    "Unclosed array": "lijst niet afgesloten: er ontbreekt een `]`",
    "Unclosed inline table": "tabel niet afgesloten: er ontbreekt een `}`",
    "Unterminated string": "tekst niet afgesloten: er ontbreekt een aanhalingsteken",
    "Expected newline or end of document after a statement": (
        "na een waarde hoort een nieuwe regel (staan er twee waarden op één regel?)"
    ),
    "Invalid initial character for a key part": "ongeldig teken aan het begin van een sleutel",
    "Illegal character": "ongeldig teken; haal het weg",
    'Expected "\'"': "tekst niet afgesloten: er ontbreekt een `'`",
    "Invalid date or datetime": "ongeldige datum: schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-14",
}


@dataclass(slots=True)
class Document:
    """A parsed TOML file; positions are computed only when a message needs one."""

    path: Path
    display: str
    text: str
    data: dict[str, Any]
    _index: PositionIndex | None = field(default=None, repr=False)

    @property
    def index(self) -> PositionIndex:
        if self._index is None:
            self._index = PositionIndex(self.text)
        return self._index

    def finding(
        self,
        path: KeyPath,
        rule: str,
        message: str,
        *,
        at_key: bool = False,
        severity: Severity = "fout",
    ) -> Finding:
        line, col = self.index.key(path) if at_key else self.index.value(path)
        return Finding(self.display, line, col, rule, one_line(message), severity)

    def finding_text(
        self,
        path: KeyPath,
        needle: str,
        rule: str,
        message: str,
        nth: int = 0,
        severity: Severity = "fout",
    ) -> Finding:
        line, col = self.index.find(path, needle, nth)
        return Finding(self.display, line, col, rule, one_line(message), severity)


def one_line(message: str) -> str:
    """User values quoted in a message keep it on one line: a newline becomes `\\n`."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], message)


def load(path: Path, display: str, text: str | None = None) -> Document | Finding:
    """Read and parse `path` (or `text`, as if it were that file's content); every way it can
    fail becomes one finding, never an exception."""
    if text is not None:
        return _parse(path, display, text.encode("utf-8"))
    try:
        raw = _read(path)
    except NotRegularFile as e:
        return Finding(display, 1, 1, "bestand-lezen", e.message)
    except OSError as e:
        return Finding(display, 1, 1, "bestand-lezen", f"kan het bestand niet lezen: {_why(e)}")
    return _parse(path, display, raw)


class NotRegularFile(Exception):
    """A folder, pipe or device where a TOML file was expected."""

    def __init__(self, mode: int) -> None:
        super().__init__(mode)
        if stat.S_ISDIR(mode):
            self.message = FOLDER_NAMED_TOML
        elif stat.S_ISFIFO(mode):
            self.message = (
                "dit is geen gewoon bestand maar een pipe (FIFO), die niet gelezen wordt; haal "
                "het weg en zet er een gewoon tekstbestand neer"
            )
        else:
            self.message = (
                "dit is geen gewoon bestand (maar een apparaat of socket) en wordt niet "
                "gelezen; haal het weg en zet er een gewoon tekstbestand neer"
            )


def _parse(path: Path, display: str, raw: bytes) -> Document | Finding:
    if len(raw) > MAX_BYTES:
        return Finding(
            display,
            1,
            1,
            "bestand-te-groot",
            f"bestand is groter dan {MAX_BYTES // 1024 // 1024} MiB; een portfolio-item is korte "
            "tekst (zet grote bijlagen niet in een TOML-bestand)",
        )
    text, problem = _decode(raw, display)
    if problem is not None:
        return problem
    data = accel.parse_toml(text)
    if data is None:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            return _syntax_finding(str(e), text, display)
        except RecursionError:
            return _too_deep(display)
    if _nesting_chars(text) >= MAX_DEPTH and _depth(data) > MAX_DEPTH:
        return _too_deep(display)
    if not data:
        return Finding(
            display,
            1,
            1,
            "bestand-leeg",
            "bestand is leeg: er staan geen sleutels in; vul het in of haal het weg",
        )
    return Document(path, display, text, data)


def _read(path: Path) -> bytes:
    """At most MAX_BYTES + 1 bytes, by plain system calls (a third of the time of a Python
    file object, for tens of thousands of small files). What fstat announces is read in one
    go; a file that grew, or a device that reports no size, gets the bounded loop. Opened
    non-blocking, so a FIFO in the repository cannot hang a CI run."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(info.st_mode)
        size = info.st_size
        raw = os.read(fd, size + 1) if size <= MAX_BYTES else b""
        while len(raw) <= MAX_BYTES and (len(raw) > size or size > MAX_BYTES):
            more = os.read(fd, MAX_BYTES + 1 - len(raw))
            if not more:
                break
            raw += more
        return raw
    finally:
        os.close(fd)


MAX_DEPTH = 50
"""Entries nest tables two or three deep; deeper input would make recursive code overflow."""


def _too_deep(display: str) -> Finding:
    return Finding(
        display,
        1,
        1,
        "toml-syntax",
        f"te diep genest: lijsten of tabellen staan meer dan {MAX_DEPTH} keer in elkaar; "
        "maak het plat",
    )


def _nesting_chars(text: str) -> int:
    """Every level of nesting takes a `[`, `{` or `.`: few of them, no deep nesting possible."""
    return text.count("[") + text.count("{") + text.count(".")


def _depth(data: Any) -> int:
    """Nesting depth of parsed TOML, without recursion (dotted keys nest without limit)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return deepest


def _why(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "geen toegang; controleer de rechten van het bestand"
    if isinstance(error, IsADirectoryError):
        return "dit is een map"
    if isinstance(error, FileNotFoundError):
        return "het bestaat niet (meer), of is een koppeling naar niets"
    if error.errno == errno.ENXIO:
        return "dit is geen gewoon bestand (maar een socket of apparaat); haal het weg"
    return f"{error.strerror or error}"


def _decode(raw: bytes, display: str) -> tuple[str, Finding | None]:
    if b"\x00" in raw:
        return "", Finding(
            display,
            1,
            1,
            "bestand-codering",
            "dit is geen tekstbestand (het bevat binaire gegevens); haal het weg of sla het "
            "op als tekst",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        before = raw[raw.rfind(b"\n", 0, e.start) + 1 : e.start]
        column = len(before.decode("utf-8", errors="replace")) + 1
        return "", Finding(
            display,
            line,
            column,
            "bestand-codering",
            "bestand is geen geldige UTF-8-tekst; sla het op als UTF-8",
        )
    return text.removeprefix("\ufeff"), None


def _syntax_finding(message: str, text: str, display: str) -> Finding:
    match = _AT.search(message)
    lines = text.split("\n")  # as tomllib counts lines (splitlines() also splits at U+2028)
    if match and match.group(1):
        pos: Position = (int(match.group(1)), int(match.group(2)))
    else:
        pos = _last_statement(lines)
    english = _AT.sub("", message).strip()
    special = _specific(english, lines, pos)
    if special is not None:
        return Finding(display, *special[0], "toml-syntax", special[1])
    return Finding(display, pos[0], pos[1], "toml-syntax", _dutch(english))


def _dutch(english: str) -> str:
    dutch = next((nl for en, nl in _TOML_MESSAGES.items() if english.startswith(en)), None)
    return dutch or f"ongeldige TOML ({english})"


_DATE_LIKE = re.compile(r"=\s*(\d{4}-\d{1,2}-\d{1,2}[^\s,\]}#]*)")
_KEY_AT = re.compile(r"\s*([A-Za-z0-9_.\"' -]+?)\s*=")
_QUOTES = "\"'"
_OPEN_LITERAL = re.compile(r"=\s*'[^'\n]*$", re.MULTILINE)


def _specific(english: str, lines: list[str], pos: Position) -> tuple[Position, str] | None:
    """Messages that need the source text: a wrong date, a repeated key, an open string."""
    line = lines[pos[0] - 1] if 0 < pos[0] <= len(lines) else ""
    first = (pos[0], len(line) - len(line.lstrip()) + 1)
    dutch = _dutch_date(line)
    if dutch is not None:
        return (pos[0], dutch[0]), dutch[1]
    date = _DATE_LIKE.search(line)
    if date and english.startswith(("Invalid date", "Expected newline")) and not _is_date(date[1]):
        return (pos[0], date.start(1) + 1), (
            f"ongeldige datum `{date.group(1)}`: schrijf een bestaande dag als JJJJ-MM-DD, "
            "bijvoorbeeld 2026-03-14"
        )
    slash = line.rfind("\\", 0, pos[1] - 1)
    if english.startswith(("Unescaped '\\'", "Invalid hex value")) and slash >= 0:
        return (pos[0], slash + 1), (
            "losse `\\` in tekst: schrijf `\\\\`, of gebruik `/` in een pad "
            "(bijvoorbeeld `bewijs/certificaat.pdf`)"
        )
    if english.startswith("Cannot overwrite"):
        key = _KEY_AT.match(line)
        name = f"`{key.group(1).strip().strip(_QUOTES)}`" if key else "deze sleutel"
        return first, (
            f"{name} staat al eerder in het bestand; een sleutel mag maar één keer voorkomen"
        )
    if english.startswith("Cannot declare"):
        name = ".".join(re.findall(r"'([^']*)'", english))
        return first, (
            f"tabel [{name}] staat al eerder in het bestand; een tabel mag maar één keer "
            "voorkomen (voeg de twee samen)"
        )
    if english in ("Illegal character '\\n'", "Illegal character '\\r'"):
        return pos, (
            'tekst niet afgesloten: er ontbreekt een `"` aan het eind van de regel '
            '(tekst over meer regels zet je tussen `"""`)'
        )
    text = "\n".join(lines)
    if english == 'Expected "\'"' and (opened := _OPEN_LITERAL.search(text)):
        return _position(text, opened.end()), (
            "tekst niet afgesloten: er ontbreekt een `'` aan het eind van de regel"
        )
    opener = max(text.rfind('"""'), text.rfind("'''"))
    if english.startswith("Unterminated string") and opener >= 0:
        return _position(text, opener), (
            "tekst niet afgesloten: de tekst die hier begint mist de drie afsluitende "
            "aanhalingstekens"
        )
    if english.startswith("Unclosed") and pos[0] > 1 and not line[: pos[1] - 1].strip():
        return _last_statement(lines[: pos[0] - 1]), _dutch(english)  # where the `]` is missing
    return None


_DUTCH_DATE = re.compile(r"(?<![\w.:-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\w.:-])")


def _dutch_date(line: str) -> tuple[int, str] | None:
    """`datum = 21-04-2026` (day first, as Dutch people write it) outside quotes: the column
    and how to write it."""
    for match in _DUTCH_DATE.finditer(line):
        before = line[: match.start()]
        if before.count('"') % 2 or before.count("'") % 2 or "#" in before:
            continue
        if not before.rstrip().endswith(("=", "[", ",")):
            continue  # part of unquoted text: the quotes are what is missing
        day, month, year = int(match[1]), int(match[3]), int(match[4])
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:
            return match.start() + 1, (
                f"ongeldige datum `{match[0]}`: schrijf een bestaande dag als JJJJ-MM-DD "
                "(jaar-maand-dag), bijvoorbeeld 2026-03-14"
            )
        return match.start() + 1, (
            f"datum `{match[0]}` staat in de verkeerde volgorde: schrijf de datum als {iso} "
            "(jaar-maand-dag)"
        )
    return None


def _is_date(text: str) -> bool:
    try:
        return isinstance(tomllib.loads(f"d = {text}")["d"], dt.date)
    except tomllib.TOMLDecodeError:
        return False


def _position(text: str, offset: int) -> Position:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _last_statement(lines: list[str]) -> Position:
    """For errors 'at end of document': the end of the last line with content."""
    row = len(lines)
    while row > 1 and not lines[row - 1].strip():
        row -= 1
    return row, len(lines[row - 1].rstrip()) + 1
