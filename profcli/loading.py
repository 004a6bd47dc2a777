"""Reading one TOML file into a `Document` that remembers where each value stands."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from profcli.findings import Finding
from profcli.tomlpos import Path as KeyPath
from profcli.tomlpos import PositionIndex, Position

MAX_BYTES = 1024 * 1024
"""A portfolio entry is a page of text; anything this large is a mistake or an attack."""

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
    "Illegal character": "ongeldig teken",
    "Invalid date or datetime": "ongeldige datum (schrijf JJJJ-MM-DD)",
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
        self, path: KeyPath, rule: str, message: str, *, at_key: bool = False, severity: str = "fout"
    ) -> Finding:
        line, col = self.index.key(path) if at_key else self.index.value(path)
        return Finding(self.display, line, col, rule, message, severity)  # type: ignore[arg-type]

    def finding_text(self, path: KeyPath, needle: str, rule: str, message: str) -> Finding:
        line, col = self.index.find(path, needle)
        return Finding(self.display, line, col, rule, message)


def load(path: Path, display: str) -> Document | Finding:
    """Read and parse `path`; every way it can fail becomes one finding, never an exception."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as e:
        return Finding(display, 1, 1, "bestand-lezen", f"kan het bestand niet lezen ({e.strerror})")
    if len(raw) > MAX_BYTES:
        return Finding(
            display, 1, 1, "bestand-te-groot",
            f"bestand is groter dan {MAX_BYTES // 1024} KiB; een portfolio-item is korte tekst",
        )
    text, problem = _decode(raw, display)
    if problem is not None:
        return problem
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        return _syntax_finding(str(e), text, display)
    if not data:
        return Finding(display, 1, 1, "bestand-leeg", "bestand is leeg: er staan geen sleutels in")
    return Document(path, display, text, data)


def _decode(raw: bytes, display: str) -> tuple[str, Finding | None]:
    if b"\x00" in raw:
        return "", Finding(
            display, 1, 1, "bestand-codering", "dit is geen tekstbestand (het bevat binaire gegevens)"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        return "", Finding(
            display, line, column, "bestand-codering",
            "bestand is geen geldige UTF-8-tekst; sla het op als UTF-8",
        )
    return text.removeprefix("\ufeff"), None


def _syntax_finding(message: str, text: str, display: str) -> Finding:
    match = _AT.search(message)
    if match and match.group(1):
        pos: Position = (int(match.group(1)), int(match.group(2)))
    else:
        lines = text.splitlines() or [""]
        pos = (len(lines), len(lines[-1]) + 1)
    english = _AT.sub("", message).strip()
    dutch = next((nl for en, nl in _TOML_MESSAGES.items() if english.startswith(en)), None)
    detail = dutch or f"ongeldige TOML ({english})"
    return Finding(display, pos[0], pos[1], "toml-syntax", detail)
