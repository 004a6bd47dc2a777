"""Where each key and value of a TOML document stands (line and column).

`tomllib` parses but forgets positions. This scanner walks the same text once more, only
for documents that `tomllib` already accepted, and records the position of every key and
value by its path (`("acties", 0, "omschrijving")`). It never raises: whatever it cannot
follow simply has no position, and callers fall back to the nearest known parent.
"""

from __future__ import annotations

import bisect
import contextlib
import re
import tomllib

Path = tuple[str | int, ...]
Position = tuple[int, int]

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
"""A TOML key that needs no quotes."""
_SCALAR_END = re.compile(r"[,\]}#\n]")


class PositionIndex:
    """Positions of keys and values in one TOML text, looked up by path."""

    def __init__(self, text: str) -> None:
        self.keys: dict[Path, Position] = {}
        self.values: dict[Path, Position] = {}
        self._text = text
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]
        # A partial index is fine: lookups fall back to parents.
        with contextlib.suppress(IndexError, ValueError, tomllib.TOMLDecodeError):
            _Scanner(self, text).run()

    def at(self, offset: int) -> Position:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def key(self, path: Path) -> Position:
        """Position of the key (or table header) at `path`, else of its nearest parent."""
        return self._lookup(path, self.keys, self.values)

    def value(self, path: Path) -> Position:
        """Position of the value at `path`, else of its key, else of its nearest parent."""
        return self._lookup(path, self.values, self.keys)

    def find(self, path: Path, needle: str, nth: int = 0) -> Position:
        """Position of the `nth` (0-based) `needle` in the source from the value at `path` on.

        Text hits are found in the parsed string; the same needle in the source text stands at
        the same place unless escapes change it, in which case the value itself is returned.
        """
        line, col = self.value(path)
        found = self._starts[line - 1] + col - 1 if line else 0
        for _ in range(nth + 1):
            found = self._text.find(needle, found)
            if found < 0:
                return line, col
            found += 1
        return self.at(found - 1)

    @staticmethod
    def _lookup(path: Path, first: dict[Path, Position], second: dict[Path, Position]) -> Position:
        for end in range(len(path), 0, -1):
            prefix = path[:end]
            if prefix in first:
                return first[prefix]
            if prefix in second:
                return second[prefix]
        return (1, 1)


class _Scanner:
    def __init__(self, index: PositionIndex, text: str) -> None:
        self.ix = index
        self.s = text
        self.i = 0
        self.n = len(text)
        self.aot: dict[Path, int] = {}

    def run(self) -> None:
        table: Path = ()
        while True:
            self._skip(newlines=True)
            if self.i >= self.n:
                return
            if self.s.startswith("[[", self.i):
                self.i += 2
                segments = self._key()
                base = (*self._resolve(segments[:-1]), segments[-1][0])
                index = self.aot.get(base, -1) + 1
                self.aot[base] = index
                table = (*base, index)
                self.ix.keys.setdefault(base, segments[-1][1])
                self.ix.keys[table] = segments[-1][1]
                self._expect("]]")
            elif self.s[self.i] == "[":
                self.i += 1
                segments = self._key()
                table = self._resolve(segments)
                self.ix.keys.setdefault(table, segments[-1][1])
                self._expect("]")
            else:
                self._pair(table)

    def _resolve(self, segments: list[tuple[str, Position]]) -> Path:
        """Header key path to real path: array-of-tables segments get their current index."""
        path: Path = ()
        for name, pos in segments:
            path = (*path, name)
            self.ix.keys.setdefault(path, pos)
            if path in self.aot:
                path = (*path, self.aot[path])
        return path

    def _pair(self, table: Path) -> None:
        path = table
        for name, pos in self._key():
            path = (*path, name)
            self.ix.keys.setdefault(path, pos)
        self._skip()
        self._expect("=")
        self._value(path)

    def _key(self) -> list[tuple[str, Position]]:
        segments: list[tuple[str, Position]] = []
        while True:
            self._skip()
            pos = self.ix.at(self.i)
            ch = self.s[self.i]
            if ch in "\"'":
                start = self.i
                self._string()
                name = tomllib.loads("k = " + self.s[start : self.i])["k"]
            else:
                match = BARE_KEY.match(self.s, self.i)
                if not match:
                    raise ValueError("no key")
                name = match.group()
                self.i = match.end()
            segments.append((str(name), pos))
            self._skip()
            if self.i < self.n and self.s[self.i] == ".":
                self.i += 1
                continue
            return segments

    def _value(self, path: Path) -> None:
        self._skip()
        self.ix.values[path] = self.ix.at(self.i)
        ch = self.s[self.i]
        if ch in "\"'":
            self._string()
        elif ch == "[":
            self.i += 1
            index = 0
            while True:
                self._skip(newlines=True)
                if self.s[self.i] == "]":
                    self.i += 1
                    return
                self._value((*path, index))
                index += 1
                self._skip(newlines=True)
                if self.s[self.i] == ",":
                    self.i += 1
        elif ch == "{":
            self.i += 1
            while True:
                self._skip()
                if self.s[self.i] == "}":
                    self.i += 1
                    return
                self._pair(path)
                self._skip()
                if self.s[self.i] == ",":
                    self.i += 1
        else:
            match = _SCALAR_END.search(self.s, self.i)
            self.i = match.start() if match else self.n

    def _string(self) -> None:
        quote = self.s[self.i]
        if self.s.startswith(quote * 3, self.i):
            end = self.i + 3
            while True:
                end = self.s.index(quote * 3, end)
                if quote == '"' and _escaped(self.s, end):
                    end += 1
                    continue
                break
            end += 3
            while end < self.n and self.s[end] == quote:  # up to two quotes may close the text
                end += 1
            self.i = end
            return
        end = self.i + 1
        while True:
            end = self.s.index(quote, end)
            if quote == '"' and _escaped(self.s, end):
                end += 1
                continue
            break
        self.i = end + 1

    def _skip(self, newlines: bool = False) -> None:
        s, n = self.s, self.n
        while self.i < n:
            ch = s[self.i]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.i += 1
            elif ch == "#":
                end = s.find("\n", self.i)
                self.i = n if end < 0 else end
            else:
                return

    def _expect(self, token: str) -> None:
        self._skip()
        if not self.s.startswith(token, self.i):
            raise ValueError(f"expected {token!r}")
        self.i += len(token)


def _escaped(text: str, at: int) -> bool:
    """True when the character at `at` is preceded by an odd number of backslashes."""
    count = 0
    while at - count - 1 >= 0 and text[at - count - 1] == "\\":
        count += 1
    return count % 2 == 1
