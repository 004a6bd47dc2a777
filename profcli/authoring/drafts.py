"""The drafts in `.prof-cache/concepten/`: what each is for, and drafts of changed entries.

`prof add` keeps a new entry's text there when it is refused (see `authoring`); `prof edit`
does the same for a changed entry. An edit draft is the entry's own text with one extra
comment line saying which file it belongs to, so that `prof drafts --hervat` knows where it
goes; that line is taken out again before the text is checked and written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from profcli.authoring import adding as authoring
from profcli.authoring.adding import DRAFTS_DIR
from profcli.errors import DraftUnreadable
from profcli.repository import writing
from profcli.repository.discovery import Source
from profcli.repository.kinds import BY_NAME, Kind

_ADD = re.compile(r"^# concept voor: prof add (?P<kind>[a-z]+) --profiel (?P<profile>[a-z0-9-]+)")
_EDIT = re.compile(r"^# concept voor: prof edit (?P<path>profielen/\S+\.toml)\s*$", re.MULTILINE)
_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})-\d{6}-")


@dataclass(frozen=True, slots=True)
class DraftInfo:
    """One draft as `prof drafts` lists it."""

    path: Path
    kind: Kind | None
    profile: str
    target: str
    """For an edit: the entry's path in the repository; "" for a new entry."""
    day: dt.date | None

    @property
    def name(self) -> str:
        return self.path.stem


def folder(root: Path) -> Path:
    return root / DRAFTS_DIR


def all_drafts(root: Path) -> list[DraftInfo]:
    found = sorted(folder(root).glob("*.toml")) if folder(root).is_dir() else []
    return [info(path) for path in found]


def info(path: Path) -> DraftInfo:
    try:
        head = path.read_text(encoding="utf-8")[:2000]
    except (OSError, UnicodeDecodeError):
        head = ""
    stamp = _STAMP.match(path.name)
    day = dt.date(int(stamp[1]), int(stamp[2]), int(stamp[3])) if stamp else None
    edit = _EDIT.search(head)
    if edit:
        parts = edit["path"].split("/")
        kind = next((k for k in BY_NAME.values() if k.folder == parts[2]), None)
        return DraftInfo(path, kind, parts[1], edit["path"], day)
    for line in head.splitlines()[:5]:
        added = _ADD.match(line)
        if added:
            return DraftInfo(path, BY_NAME.get(added["kind"]), added["profile"], "", day)
    return DraftInfo(path, None, "", "", day)


def named(root: Path, name: str) -> Path:
    """A draft by its name (with or without `.toml`) or its path."""
    given = Path(name)
    candidates = [given] if given.suffix == ".toml" and given.exists() else []
    candidates.append(folder(root) / f"{given.name.removesuffix('.toml')}.toml")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    known = ", ".join(d.name for d in all_drafts(root)) or "geen"
    raise DraftUnreadable(f"concept `{name}` bestaat niet (concepten: {known})")


# --- drafts of changed entries ---------------------------------------------------------------


def _header(source: Source) -> str:
    return f"# concept voor: prof edit {source.display}"


def _schema_lines(root: Path, source: Source, draft_dir: Path) -> tuple[str, str]:
    schemas = authoring.schemas_for(root)
    return (
        writing.schema_line(source.path, schemas, source.kind.name),
        writing.schema_line(draft_dir / "x.toml", schemas, source.kind.name),
    )


def edit_text(root: Path, source: Source, text: str) -> str:
    """The entry's text as a draft: the header line after the `#:schema` line (which is made
    to point at the schema from the drafts folder, so the editor still checks the file)."""
    in_entry, in_draft = _schema_lines(root, source, folder(root))
    lines = text.split("\n")
    end = "\r" if lines[0].endswith("\r") else ""
    if lines[0].rstrip("\r") == in_entry:
        return "\n".join([in_draft + end, _header(source) + end, *lines[1:]])
    return "\n".join([_header(source) + end, *lines])


def header_line(text: str) -> int:
    """The 1-based line of the header in a draft (0: none), to point findings at the draft."""
    for number, line in enumerate(text.split("\n"), 1):
        if _EDIT.fullmatch(line.rstrip("\r")):
            return number
    return 0


def entry_text(root: Path, source: Source, draft_text: str) -> str:
    """The draft's text as the entry's text again: the header out, the schema line back."""
    in_entry, in_draft = _schema_lines(root, source, folder(root))
    lines = [line for line in draft_text.split("\n") if not _EDIT.fullmatch(line.rstrip("\r"))]
    if lines and lines[0].rstrip("\r") == in_draft:
        lines[0] = in_entry + ("\r" if lines[0].endswith("\r") else "")
    return "\n".join(lines)


def save_edit(root: Path, source: Source, text: str, path: Path | None = None) -> Path:
    return authoring.save_draft(root, source.kind, edit_text(root, source, text), path)
