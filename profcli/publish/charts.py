"""Inline SVG charts: no JavaScript, no external files, readable in light and dark mode.

Colours come from `currentColor` and CSS classes (styled with Material's variables in
`profcli/publish/assets/profcli.css`); every chart is an image with a name (`role="img"`,
`aria-label`, `<title>`), and the pages put a table with the same numbers beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

WIDTH = 640
LABEL = 190
ROW = 34


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    norm: float | None = None
    note: str = ""
    """Text after the bar, e.g. `40 / 80 uur`."""


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _frame(label: str, height: int, body: list[str], chart_id: str) -> str:
    name = escape(label, quote=True)
    return "\n".join(
        [
            '<div class="prof-grafiek">',
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{name}" '
            f'aria-labelledby="{chart_id}" viewBox="0 0 {WIDTH} {height}" width="100%" '
            f'preserveAspectRatio="xMinYMin meet" class="prof-svg" fill="currentColor">',
            f'<title id="{chart_id}">{escape(label)}</title>',
            *body,
            "</svg>",
            "</div>",
        ]
    )


def _short(label: str, limit: int = 26) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bars(key: str, label: str, rows: list[Bar]) -> str:
    """Horizontal bars; a dashed line marks the norm where there is one."""
    chart_id = f"grafiek-{key}"
    top = max([r.value for r in rows] + [r.norm or 0 for r in rows] + [1.0])
    span = WIDTH - LABEL - 120
    height = ROW * len(rows) + 10
    body: list[str] = []
    for index, row in enumerate(rows):
        y = 5 + index * ROW
        width = span * row.value / top
        body.append(
            f'<text x="{LABEL - 8}" y="{y + 19}" text-anchor="end" class="prof-label">'
            f"{escape(_short(row.label))}</text>"
        )
        body.append(
            f'<rect x="{LABEL}" y="{y + 6}" width="{span}" height="18" class="prof-track" '
            'fill-opacity="0.08"/>'
        )
        done = row.norm is not None and row.value >= row.norm
        kind = "prof-bar prof-bar-klaar" if done else "prof-bar"
        body.append(
            f'<rect x="{LABEL}" y="{y + 6}" width="{_num(width)}" height="18" class="{kind}"/>'
        )
        if row.norm is not None:
            x = LABEL + span * row.norm / top
            body.append(
                f'<line x1="{_num(x)}" x2="{_num(x)}" y1="{y + 2}" y2="{y + 28}" '
                'class="prof-norm" stroke="currentColor" stroke-width="2" stroke-dasharray="4 3"/>'
            )
        note = row.note or _num(row.value)
        body.append(
            f'<text x="{LABEL + span + 8}" y="{y + 19}" class="prof-label">{escape(note)}</text>'
        )
    return _frame(label, height, body, chart_id)


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    points: list[tuple[dt.date, int]]


def trend(
    key: str, label: str, dates: list[dt.date], series: list[Series], *, low: int = 1, high: int = 5
) -> str:
    """One small line per item over the self-checks (scores `low`..`high`)."""
    chart_id = f"grafiek-{key}"
    row = 44
    span = WIDTH - LABEL - 60
    height = row * len(series) + 30
    step = span / max(len(dates) - 1, 1)
    x_of = {
        day: LABEL + 10 + (i * step if len(dates) > 1 else span / 2) for i, day in enumerate(dates)
    }
    body: list[str] = []
    for day, x in x_of.items():
        body.append(
            f'<text x="{_num(x)}" y="{height - 8}" text-anchor="middle" class="prof-as">'
            f"{day.isoformat()}</text>"
        )
    for index, item in enumerate(series):
        top = 6 + index * row
        body.append(
            f'<text x="{LABEL - 8}" y="{top + 20}" text-anchor="end" class="prof-label">'
            f"{escape(_short(item.label))}</text>"
        )
        body.append(
            f'<line x1="{LABEL}" x2="{LABEL + span + 20}" y1="{top + 34}" y2="{top + 34}" '
            'stroke="currentColor" stroke-opacity="0.2"/>'
        )
        points = [(day, score) for day, score in item.points if day in x_of]
        coords = [
            (x_of[day], top + 32 - (score - low) * 26 / max(high - low, 1)) for day, score in points
        ]
        if len(coords) > 1:
            path = " ".join(f"{_num(x)},{_num(y)}" for x, y in coords)
            body.append(
                f'<polyline points="{path}" class="prof-lijn" fill="none" stroke="currentColor" '
                'stroke-width="2"/>'
            )
        for (x, y), (_, score) in zip(coords, points, strict=True):
            body.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" class="prof-punt"/>')
            body.append(
                f'<text x="{_num(x + 7)}" y="{_num(y + 4)}" class="prof-waarde">{score}</text>'
            )
    return _frame(label, height, body, chart_id)
