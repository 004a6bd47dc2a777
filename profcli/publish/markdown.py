"""Turning portfolio text into Markdown that cannot carry HTML, scripts or link tricks.

Short texts (titles, list items, table cells) are escaped: every character that Markdown,
its extensions or HTML could read as syntax becomes a numeric entity, so the text shows as
typed. Long texts may use Markdown: we render them here, clean the HTML with nh3 (only
http/https and relative links, no images, no attributes but `href`/`title`) and hand the
result to MkDocs as a raw HTML block that it leaves alone.
"""

from __future__ import annotations

import functools
import posixpath
import re

import markdown as md
import nh3

_ALWAYS = frozenset('\\`*_{}[]()#!|<>&~^=:$%"')
"""Escaped wherever they appear: emphasis, links, attr_list, tables, HTML, autolinks."""
_ESCAPES = {ord(c): f"&#{ord(c)};" for c in _ALWAYS}
_AT_START = frozenset("+-")
"""List markers only matter at the start of a line."""
_NUMBERED = re.compile(r"^(\d+)\.")
"""`1. ` at the start would begin a numbered list."""

_TAGS = frozenset({
    "p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "code", "pre", "blockquote", "h3",
    "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "del", "sub",
    "sup", "abbr", "dl", "dt", "dd",
})  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
_HEADING = re.compile(r"<(/?)h([1-6])>")
_CONVERTER = md.Markdown(extensions=["tables", "sane_lists"], output_format="html")
"""One converter for all texts: building a parser per text was half of page generation."""
NONE = "\u2013"
"""Shown for an empty value (an en dash)."""


def text(value: object) -> str:
    """Inline Markdown for a short text: shown literally, on one line."""
    raw = " ".join(str(value).split())  # the same as \s+ → " " and strip, but faster
    if not raw:
        return ""
    numbered = _NUMBERED.match(raw)
    if numbered:
        dot = numbered.end() - 1
        return raw[:dot] + "&#46;" + raw[dot + 1 :].translate(_ESCAPES)
    first = raw[0]
    head = f"&#{ord(first)};" if first in _AT_START else first.translate(_ESCAPES)
    return head + raw[1:].translate(_ESCAPES)


def cell(value: object) -> str:
    """A table cell; an empty value shows as a dash so columns stay readable."""
    escaped = text(value)
    return escaped if escaped else NONE


def rich(value: str, *, css_class: str = "prof-tekst", demote: int = 2) -> str:
    """A long text as a sanitised HTML block; Markdown in it is honoured. Its headings move
    `demote` levels down, below the page's own."""
    if not value.strip():
        return ""
    plain = _plain_paragraphs(value)
    if plain is not None:  # letters, punctuation and <p> only: nothing to sanitise
        return f'<div class="{css_class}">\n{plain}\n</div>'
    html = _CONVERTER.reset().convert(nest_lists(value))
    html = _HEADING.sub(functools.partial(_demote, by=demote), html)
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    clean = clean.strip()
    if not clean:
        return ""
    return f'<div class="{css_class}">\n{clean}\n</div>'


_PLAIN = re.compile(r"[^\W\d_]+(?:[ ,.;:'?!()\"][^\W\d_]*|-[^\W\d_]+)*[,.;:'?!()\"]*")
"""A line of words and sentence punctuation only: nothing Markdown could read as syntax."""
_PLAIN_LINE = re.compile(r"[(\"']*" + _PLAIN.pattern)


def _plain_paragraphs(value: str) -> str | None:
    """What Markdown makes of plain prose (paragraphs only), or None if it has any syntax.

    Most texts are plain sentences; skipping the Markdown parser for them halves the cost of
    generating pages. The result is byte-identical to Markdown's (tests/test_publish_markdown.py).
    """
    paragraphs = []
    for block in re.split(r"\n{2,}", value.strip("\n")):
        lines = block.split("\n")
        if not all(_PLAIN_LINE.fullmatch(line) and line[-1] != " " for line in lines):
            return None
        paragraphs.append("<p>" + "\n".join(lines) + "</p>")
    return "\n".join(paragraphs)


_ITEM = re.compile(r"( *)([-*+]|\d{1,9}[.)])( +|$)")
"""A list item: its indent, its marker and the spaces after it."""
_INTERRUPTS = frozenset({"-", "*", "+", "1.", "1)"})
"""Items that may start a list right under a line of text (as in CommonMark)."""
_LIST_LINE = re.compile(r"^ *(?:[-*+]|\d{1,9}[.)])(?: |$)", re.M)
_FENCE = re.compile(r" {0,3}(```|~~~)")


def nest_lists(value: str) -> str:
    """Lists as people type them, in the form Python-Markdown needs: a nested item two or
    three spaces deeper than the item above becomes four spaces a level, and a list straight
    under a line of text ("Wat ik deed:") starts a list instead of continuing the sentence.

    Only lines inside a list change: an item is one level deeper than the nearest item above
    it with less indent, and a line that continues an item gets that item's text indent. Text
    outside lists, and so an indented code block, is left exactly as it was.
    """
    if not _LIST_LINE.search(value):
        return value
    out: list[str] = []
    levels: list[tuple[int, int]] = []  # per open level: the item's indent, its text indent
    fenced = False
    blank = True
    for line in value.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or _FENCE.match(line):
            out.append(line)
            levels, blank = [], False
            continue
        if not line.strip():
            out.append(line)
            blank = True
            continue
        indent = len(line) - len(line.lstrip(" "))
        item = _ITEM.match(line)
        starts = indent <= 3 and (
            blank or (item is not None and item.group(2) in _INTERRUPTS and bool(item.group(3)))
        )
        if item and (levels or starts):
            if not levels and not blank:
                out.append("")  # "Wat ik deed:" straight above a list, as people type it
            while levels and levels[-1][0] > indent:
                levels.pop()
            if levels and indent - levels[-1][0] < 2:
                levels.pop()  # a sibling of the item above
            text_indent = indent + len(item.group(2)) + max(len(item.group(3)), 1)
            levels.append((indent, text_indent))
            out.append("    " * (len(levels) - 1) + line[indent:])
        elif levels and indent > 0:
            depth = next(
                (d for d in range(len(levels), 0, -1) if indent >= levels[d - 1][0] + 2),
                1,
            )
            item_indent, text_indent = levels[depth - 1]
            # Text under an item starts at the item's text (as typed) or four spaces in (as
            # Python-Markdown wants it); four more than the item's text is code, kept as code.
            if indent >= text_indent + 4 or indent < item_indent + 4:
                extra = max(indent - text_indent, 0)
            else:
                extra = 0
            out.append("    " * depth + " " * extra + line[indent:])
        else:
            if blank:
                levels = []  # a paragraph at the left margin ends the list
            out.append(line)
        blank = False
    return "\n".join(out)


def _demote(match: re.Match[str], by: int = 2) -> str:
    """User headings sit below our own `##`/`###` so the page outline stays ours."""
    return f"<{match.group(1)}h{min(int(match.group(2)) + by, 6)}>"


def link(label: str, target: str) -> str:
    """A Markdown link with an escaped label; `target` is ours, never user text."""
    return f"[{text(label)}]({target})"


def url_link(value: str, *, short: bool = False) -> str:
    """Evidence or a source: an http(s) address becomes a link, anything else plain text.
    `short`: the link reads as the site's name only (for narrow table columns)."""
    stripped = value.strip()
    if re.fullmatch(r"https?://[^\s<>\"'`()\[\]{}|\\^]+", stripped):
        label = stripped.split("/")[2].removeprefix("www.") if short else stripped
        return f"[{text(label)}]({stripped})"
    return text(stripped)


def rel(from_page: str, to_page: str) -> str:
    """A relative link between two page paths (`a/b.md` → `c/index.md`)."""
    target, _, anchor = to_page.partition("#")
    path = _relpath(target, posixpath.dirname(from_page) or ".") if target else ""
    return f"{path}#{anchor}" if anchor else path


@functools.lru_cache(maxsize=65536)
def _relpath(target: str, base: str) -> str:
    """posixpath.relpath is slow and the same few thousand pairs recur on every page."""
    return posixpath.relpath(target, base)


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table from already escaped cells."""
    if not rows:
        return ""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def hours(value: float) -> str:
    """Hours the Dutch way: `12`, `7,5`."""
    rounded = round(value, 1)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.1f}".replace(".", ",")


MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def datum(day: object) -> str:
    """A date as Dutch readers write it: `21 april 2026`."""
    if hasattr(day, "year") and hasattr(day, "month") and hasattr(day, "day"):
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return NONE


def join(lines: list[str]) -> str:
    """Page text from lines: at most one blank line in a row, one newline at the end."""
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip() + "\n"
