"""Writing portfolio files: TOML text, slugs, and atomic create-only writes.

There is no TOML writer dependency: the subset portfolios use (strings, numbers, booleans,
dates, arrays, tables, arrays of tables) is small, and a round-trip test keeps it honest.
Files are created, never overwritten, so two people adding on the same day never lose work.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import math
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from profcli.errors import WriteRefused
from profcli.repository.tomlpos import BARE_KEY

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
_INLINE_ARRAY_WIDTH = 88
SLUG_MAX = 60
_FOLD = str.maketrans(
    {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "\u0131": "i"}
)


# --- slugs -----------------------------------------------------------------------------------


def slugify(text: str, *, limit: int = SLUG_MAX) -> str:
    """A file-name slug: accents folded, lower case, words joined by hyphens (or "")."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "")


# --- TOML text -------------------------------------------------------------------------------


def render(data: Mapping[str, Any], *, header: str = "") -> str:
    """TOML text for `data`; `tomllib.loads(render(data)) == data` for every supported value."""
    lines: list[str] = [header] if header else []
    _table(data, (), lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def key(name: str) -> str:
    return name if BARE_KEY.fullmatch(name) else _basic(name)  # `$` would allow "a\n"


def value(item: Any) -> str:
    """One TOML value; text with line breaks becomes a multi-line string."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if math.isnan(item):
            return "nan"
        if math.isinf(item):
            return "inf" if item > 0 else "-inf"
        return repr(item)
    if isinstance(item, str):
        return _multiline(item) if "\n" in item else _basic(item)
    if isinstance(item, dt.datetime | dt.date | dt.time):
        return item.isoformat()
    if isinstance(item, Mapping):
        inner = ", ".join(f"{key(k)} = {value(v)}" for k, v in item.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(item, list | tuple):
        parts = [value(v) for v in item]
        one_line = "[" + ", ".join(parts) + "]"
        if len(one_line) <= _INLINE_ARRAY_WIDTH and "\n" not in one_line:
            return one_line
        return "[\n" + "".join(f"    {p},\n" for p in parts) + "]"
    raise TypeError(f"cannot write {type(item).__name__} as TOML")


def _is_table_array(item: Any) -> bool:
    return (
        isinstance(item, list | tuple) and bool(item) and all(isinstance(v, Mapping) for v in item)
    )


def _table(data: Mapping[str, Any], path: tuple[str, ...], lines: list[str]) -> None:
    """Plain keys first, then sub-tables, then arrays of tables: the order TOML requires."""
    tables = [(k, v) for k, v in data.items() if isinstance(v, Mapping)]
    arrays = [(k, v) for k, v in data.items() if _is_table_array(v)]
    for k, v in data.items():
        if not isinstance(v, Mapping) and not _is_table_array(v):
            lines.append(f"{key(k)} = {value(v)}")
    for k, v in tables:
        sub = (*path, k)
        if _needs_header(v):
            lines.extend(["", f"[{'.'.join(key(p) for p in sub)}]"])
        _table(v, sub, lines)
    for k, items in arrays:
        sub = (*path, k)
        for item in items:
            lines.extend(["", f"[[{'.'.join(key(p) for p in sub)}]]"])
            _table(item, sub, lines)


def _needs_header(table: Mapping[str, Any]) -> bool:
    """A table holding only sub-tables is implied by their headers, like `[normen.skj]`."""
    return not table or any(not isinstance(v, Mapping) for v in table.values())


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if unicodedata.category(char) == "Cc":
        return f"\\u{ord(char):04x}"
    return char


def _basic(text: str) -> str:
    return '"' + "".join(_escape(c) for c in text) + '"'


def _multiline(text: str) -> str:
    """A `\"\"\"` string that keeps line breaks readable; quotes are escaped only where needed."""
    out: list[str] = []
    quotes = 0
    for index, char in enumerate(text):
        if char == "\n":
            out.append("\n")
        elif char == '"':
            quotes += 1
            last = index == len(text) - 1
            out.append('\\"' if quotes % 3 == 0 or last else '"')
            continue
        elif char == "\t":
            out.append("\t")
        else:
            out.append(_escape(char))
        quotes = 0
    body = "".join(out)
    if text.endswith("\n"):
        return f'"""\n{body}"""'
    # A line-ending backslash trims the newline before the closing quotes.
    return f'"""\n{body}\\\n"""'


# --- files -----------------------------------------------------------------------------------


def schema_line(file: Path, schemas: Path, kind: str) -> str:
    """The `#:schema` comment that lets taplo/tombi editors check the file."""
    target = schemas / f"{kind}.schema.json"
    try:
        relative = Path(os.path.relpath(target, file.parent)).as_posix()
    except ValueError:  # another drive on Windows
        relative = target.as_posix()
    return f"#:schema {relative}"


def create(folder: Path, stem: str, text: str, *, rename: bool = True) -> Path:
    """Write `text` to `folder/stem.toml` without ever replacing an existing file.

    The text goes to a hidden temp file in the same folder, is flushed to disk, and is then
    hard-linked to its final name, which fails if that name exists: an existing file is never
    touched and nobody ever sees half a file. On a clash the name gets `-2`, `-3`, ... when
    `rename` is true; otherwise `WriteRefused` is raised.
    """
    folder.mkdir(parents=True, exist_ok=True)
    _sweep(folder)
    temp = _temp_file(folder, stem, text)
    try:
        for candidate in _names(folder, stem, rename):
            if _publish(temp, candidate):
                _sync_dir(folder)
                return candidate
        raise WriteRefused(f"{folder / (stem + '.toml')} bestaat al; kies een andere naam (--slug)")
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


_TEMP = re.compile(r"^\..+\.(\d+)\.\d+\.tmp$")


def _sweep(folder: Path) -> None:
    """Remove temp files left by a writer that was killed (kill -9, power cut) mid-write.

    Only files of processes that no longer exist; POSIX only (on Windows `os.kill` kills).
    """
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _TEMP.match(entry.name)
            if match is None or int(match.group(1)) == os.getpid():
                continue
            try:
                os.kill(int(match.group(1)), 0)
            except ProcessLookupError:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
            except (PermissionError, OverflowError):
                continue


def _names(folder: Path, stem: str, rename: bool) -> Iterator[Path]:
    yield folder / f"{stem}.toml"
    if rename:
        for number in range(2, 1000):
            yield folder / f"{stem}-{number}.toml"


def _temp_file(folder: Path, stem: str, text: str | bytes) -> Path:
    data = text.encode("utf-8") if isinstance(text, str) else text
    for attempt in range(100):
        temp = folder / f".{stem}.{os.getpid()}.{attempt}.tmp"
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
            raise
        return temp
    raise WriteRefused(f"kan geen tijdelijk bestand maken in {folder}")


def _publish(temp: Path, target: Path) -> bool:
    """Give `temp` the name `target` unless that exists; False on a clash."""
    try:
        os.link(temp, target)
        return True
    except FileExistsError:
        return False
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
    # No hard links here (some network or FAT drives): reserve the name, then replace it.
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except FileExistsError:
        return False
    try:
        os.replace(temp, target)
    except BaseException:
        target.unlink()
        raise
    return True


def replace(path: Path, content: str | bytes) -> None:
    """Atomically put `content` at `path`, replacing what is there: for generated files
    (schemas, CI templates, dossiers, caches), and for an entry only when the worker asked
    for the change and it was checked (`changes.write`; new entries use `create`).
    Readers see the old file or the new one, never half of either."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    temp = _temp_file(path.parent, path.name, data)
    try:
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _sync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
