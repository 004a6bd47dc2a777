"""Inline SVG charts: no JavaScript, no external files, readable in light and dark mode.

Colours come from `currentColor` and CSS classes (styled with Material's variables in
`profcli/publish/assets/profcli.css`); every chart is an image with a name (`role="img"`,
`aria-label`, `<title>`), and the pages put a table with the same numbers beside it.

SVG text scales with the drawing: a 640-wide drawing squeezed onto a 390 px phone shows 14 px
text at 7.8 px. So every chart is drawn twice, once wide and once narrow (labels above the
bars and lines instead of beside them), and the stylesheet shows one of them by screen
width. Measured in Chromium (tests/browser): the narrow drawing at 390 px renders its text at
about 14.5 px, the wide one at 600 px and up at 12.5 px or more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

WIDE = 640
"""Width of the drawing for screens of 600 px and wider."""
NARROW = 340
"""Width of the drawing for phones: at 390 px the article is about 359 px wide."""
FONT = 14
"""Text size in drawing units (the stylesheet uses the same)."""
CHAR = 8.0
"""Width of an average character at FONT, for margins (Roboto/system sans, measured)."""
LABEL = 190
ROW = 34
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    norm: float | None = None
    note: str = ""
    """Text after the bar, e.g. `40 / 80 uur`."""


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def dutch(value: float) -> str:
    """A value as shown beside a point: `3`, `3,5` (one decimal, decimal comma)."""
    return _num(value).replace(".", ",")


Drawing = tuple[int, list[str]]
"""Height and SVG elements of one drawing."""


def _svg(label: str, chart_id: str, width: int, drawing: Drawing, variant: str) -> str:
    height, body = drawing
    name = escape(label, quote=True)
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{name}" '
            f'aria-labelledby="{chart_id}" viewBox="0 0 {width} {height}" width="100%" '
            f'preserveAspectRatio="xMinYMin meet" class="prof-svg {variant}" '
            'fill="currentColor">',
            f'<title id="{chart_id}">{escape(label)}</title>',
            *body,
            "</svg>",
        ]
    )


def _frame(label: str, chart_id: str, draw: Callable[[int], Drawing]) -> str:
    """The chart drawn wide and narrow; the stylesheet shows one (the other is `display:
    none`, so screen readers meet one image)."""
    return "\n".join(
        [
            '<div class="prof-grafiek">',
            _svg(label, chart_id, WIDE, draw(WIDE), "prof-breed"),
            _svg(label, f"{chart_id}-smal", NARROW, draw(NARROW), "prof-smal"),
            "</div>",
        ]
    )


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _text(x: float, y: float, content: str, css: str = "prof-label", anchor: str = "") -> str:
    where = f' text-anchor="{anchor}"' if anchor else ""
    return f'<text x="{_num(x)}" y="{_num(y)}"{where} class="{css}">{escape(content)}</text>'


def bars(key: str, label: str, rows: list[Bar]) -> str:
    """Horizontal bars; a dashed line marks the norm where there is one."""
    top = max([r.value for r in rows] + [r.norm or 0 for r in rows] + [1.0])
    notes = [r.note or _num(r.value) for r in rows]
    note_room = int(max(len(n) for n in notes) * CHAR + 12) if rows else 0

    def draw(width: int) -> Drawing:
        narrow = width < WIDE
        left = 4 if narrow else LABEL
        row = 48 if narrow else ROW
        span = max(width - left - note_room, 60)
        body: list[str] = []
        for index, (bar, note) in enumerate(zip(rows, notes, strict=True)):
            y = 5 + index * row + (16 if narrow else 0)  # narrow: the label above the bar
            if narrow:
                limit = int((width - 8) / CHAR)
                body.append(_text(left, y + 1, _short(bar.label, limit)))
            else:
                body.append(_text(LABEL - 8, y + 20, _short(bar.label), anchor="end"))
            body.append(
                f'<rect x="{left}" y="{y + 6}" width="{span}" height="18" class="prof-track" '
                'fill-opacity="0.08"/>'
            )
            done = bar.norm is not None and bar.value >= bar.norm
            kind = "prof-bar prof-bar-klaar" if done else "prof-bar"
            body.append(
                f'<rect x="{left}" y="{y + 6}" width="{_num(span * bar.value / top)}" '
                f'height="18" class="{kind}"/>'
            )
            if bar.norm is not None:
                x = left + span * bar.norm / top
                body.append(
                    f'<line x1="{_num(x)}" x2="{_num(x)}" y1="{y + 2}" y2="{y + 28}" '
                    'class="prof-norm" stroke="currentColor" stroke-width="2" '
                    'stroke-dasharray="4 3"/>'
                )
            body.append(_text(left + span + 8, y + 20, note))
        return row * len(rows) + 10 + (16 if narrow else 0), body

    return _frame(label, f"grafiek-{key}", draw)


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    points: list[tuple[dt.date, float]]


def month_label(day: dt.date) -> str:
    """A tick on the time axis: `mrt 2025`."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def ticks(first: dt.date, last: dt.date, most: int) -> list[dt.date]:
    """First days of months between `first` and `last`, evenly spaced, at most `most`; at
    least the months of the two ends when no month start falls between them."""
    months = (last.year - first.year) * 12 + last.month - first.month
    for step in (1, 2, 3, 6, 12, 24, 36, 60, 120):
        if months // step + 1 <= most:
            break
    found = []
    index = first.year * 12 + first.month - 1
    while index <= last.year * 12 + last.month - 1:
        day = dt.date(index // 12, index % 12 + 1, 1)
        if first <= day <= last and (index % step == 0):
            found.append(day)
        index += 1
    if len(found) < 2:
        ends = [first] if month_label(first) == month_label(last) else [first, last]
        return ends[:most]
    return found


def trend(
    key: str,
    label: str,
    dates: list[dt.date],
    series: list[Series],
    *,
    low: float = 1,
    high: float = 5,
) -> str:
    """One small line per item over time: x proportional to the date, the value beside each
    point, month ticks in Dutch (`mrt 2025`) under the lines."""
    days = sorted({*dates, *(day for s in series for day, _ in s.points)})
    first, last = (days[0], days[-1]) if days else (dt.date.min, dt.date.min)
    tick_width = len("mrt 2025") * CHAR

    def draw(width: int) -> Drawing:
        x0 = tick_width / 2 + 4
        x1 = width - max(tick_width / 2, 3 * CHAR + 10) - 4
        span = x1 - x0
        head, band = 40, 30  # the item's name on a line of its own, above its line
        row = head + band + 18

        def x_of(day: dt.date) -> float:
            if last == first:
                return x0 + span / 2
            return x0 + span * (day - first).days / (last - first).days

        height = row * len(series) + 34
        body: list[str] = []
        marks = ticks(first, last, int(span // (tick_width + 16)) + 1) if days else []
        for day in marks:
            x = x_of(day)
            body.append(
                f'<line x1="{_num(x)}" x2="{_num(x)}" y1="4" y2="{height - 26}" '
                'class="prof-raster"/>'
            )
            body.append(_text(x, height - 8, month_label(day), "prof-as", "middle"))
        for index, item in enumerate(series):
            top = 6 + index * row
            base = top + head + band + 4
            body.append(_text(4, top + 14, _short(item.label, int((width - 8) / CHAR))))
            body.append(
                f'<line x1="{_num(x0 - 6)}" x2="{_num(x1 + 6)}" y1="{base}" y2="{base}" '
                'class="prof-basis"/>'
            )
            points = sorted(item.points)
            coords = [
                (x_of(day), base - 2 - (value - low) * band / max(high - low, 1))
                for day, value in points
            ]
            if len(coords) > 1:
                path = " ".join(f"{_num(x)},{_num(y)}" for x, y in coords)
                body.append(f'<polyline points="{path}" class="prof-lijn"/>')
            previous = -1e9
            for (x, y), (_, value) in zip(coords, points, strict=True):
                body.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" class="prof-punt"/>')
                # Above and right of the point, clear of a flat line; below it when the
                # previous value's text is too close.
                close = x - previous < 3 * CHAR + 8
                body.append(_text(x + 6, y + (17 if close else -7), dutch(value), "prof-waarde"))
                previous = x
        return height, body

    return _frame(label, f"grafiek-{key}", draw)
