"""The SVG charts and the team's scores over time, without a browser.

The browser tests (tests/browser/test_site.py) measure what these promise: text of at least
12 px at 390 px, no chart wider than the screen.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from profcli.publish import charts
from profcli.publish.pieces import MIN_GROUP
from profcli.publish.scores import age, moments, picture_over_time

D = dt.date


def _drawings(svg: str) -> tuple[str, str]:
    wide, narrow = re.findall(r"<svg .*?</svg>", svg, flags=re.S)
    return wide, narrow


def _texts(svg: str, css: str) -> list[str]:
    return re.findall(rf'<text [^>]*class="{css}"[^>]*>([^<]*)</text>', svg)


def _points(svg: str) -> list[float]:
    return [float(x) for x in re.findall(r'<circle cx="([0-9.]+)"', svg)]


def test_time_axis_is_proportional_to_the_dates() -> None:
    # One month, then eleven: the gaps between the points are about 1 : 10.
    days = [D(2025, 1, 1), D(2025, 2, 1), D(2026, 1, 1)]
    svg = charts.trend(
        "t",
        "Verloop",
        days,
        [charts.Series("Integriteit", list(zip(days, [2, 3, 4], strict=True)))],
    )
    for drawing in _drawings(svg):
        a, b, c = _points(drawing)
        assert (c - b) / (b - a) == pytest.approx((days[2] - days[1]).days / 31, rel=0.01)
        assert 9.5 < (c - b) / (b - a) < 11.5


def test_equal_gaps_only_for_equal_intervals() -> None:
    """The old chart spaced self-checks evenly whatever their dates; this one does not."""
    days = [D(2024, 2, 12), D(2026, 3, 10), D(2026, 9, 15)]
    svg = charts.trend(
        "t", "Verloop", days, [charts.Series("X", list(zip(days, [3, 4, 4], strict=True)))]
    )
    a, b, c = _points(_drawings(svg)[0])
    assert (b - a) > 3 * (c - b)


def test_ticks_are_dutch_months_and_values_stand_beside_the_points() -> None:
    days = [D(2025, 3, 4), D(2025, 11, 20), D(2026, 8, 1)]
    svg = charts.trend(
        "t",
        "Gemiddelde",
        days,
        [charts.Series("Gemiddelde", list(zip(days, [3.5, 4.0, 2.25], strict=True)))],
    )
    for drawing in _drawings(svg):
        ticks = _texts(drawing, "prof-as")
        assert ticks and all(
            re.fullmatch(r"(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) 20\d\d", t)
            for t in ticks
        )
        assert "2025-03-04" not in drawing
        assert _texts(drawing, "prof-waarde") == ["3,5", "4", "2,2"]
    assert "jul 2025" in _texts(_drawings(svg)[0], "prof-as")


def test_ticks() -> None:
    assert charts.ticks(D(2026, 5, 12), D(2026, 5, 19), 4) == [D(2026, 5, 12)]
    assert charts.ticks(D(2026, 4, 20), D(2026, 5, 19), 4) == [D(2026, 4, 20), D(2026, 5, 19)]
    found = charts.ticks(D(2020, 1, 15), D(2026, 11, 1), 4)
    assert 2 <= len(found) <= 4 and all(d.day == 1 for d in found)
    assert charts.month_label(D(2025, 3, 1)) == "mrt 2025"


def test_labels_and_values_stay_inside_the_drawing() -> None:
    """Labels are never cut off: every text starts and (estimated) ends within the width."""
    days = [D(2020, 1, 1), D(2026, 12, 31)]
    long_name = "Respect voor menselijke waardigheid en autonomie van de burger"
    svg = charts.trend(
        "t", "X", days, [charts.Series(long_name, list(zip(days, [5, 5], strict=True)))]
    )
    for drawing, width in zip(_drawings(svg), (charts.WIDE, charts.NARROW), strict=True):
        for match in re.finditer(r'<text x="([0-9.]+)"([^>]*)>([^<]*)</text>', drawing):
            x, attributes, content = float(match[1]), match[2], match[3]
            size = len(content) * charts.CHAR
            start = x - size / 2 if "middle" in attributes else x
            assert start >= 0 and start + size <= width, (content, width)


def test_both_drawings_are_named_images() -> None:
    svg = charts.bars("t", "Uren van <Anna>", [charts.Bar("Scholing", 10, 20, "10 / 20")])
    wide, narrow = _drawings(svg)
    for drawing, variant in ((wide, "prof-breed"), (narrow, "prof-smal")):
        assert variant in drawing and 'role="img"' in drawing and "&lt;Anna&gt;" in drawing
        assert "Scholing" in drawing and "10 / 20" in drawing
    assert 'viewBox="0 0 340 ' in narrow and 'id="grafiek-t-smal"' in narrow


def test_age_in_months() -> None:
    today = D(2026, 11, 22)
    assert age(D(2026, 11, 1), today) == "minder dan een maand oud"
    assert age(D(2026, 10, 20), today) == "1 maand oud"
    assert age(D(2026, 5, 23), today) == "5 maanden oud"
    assert age(D(2025, 11, 22), today) == "1 jaar oud"
    assert age(D(2024, 8, 1), today) == "2 jaar en 3 maanden oud"


def test_picture_over_time_uses_the_latest_score_at_each_moment() -> None:
    today = D(2026, 11, 22)
    assert moments(D(2025, 3, 1), today) == [D(2025, 6, 30), D(2025, 12, 31), D(2026, 6, 30), today]
    history = [
        [(D(2025, 2, 1), 2), (D(2026, 3, 1), 4)],
        [(D(2025, 5, 1), 3)],
        [(D(2025, 9, 1), 5)],
    ]
    picture = picture_over_time(history, today)
    # 30 June 2025: only two workers had scored, too few to show.
    assert [d for d, _ in picture] == [D(2025, 12, 31), D(2026, 6, 30), today]
    assert sorted(picture[0][1]) == [2, 3, 5] and sorted(picture[1][1]) == [3, 4, 5]
    assert picture_over_time(history[: MIN_GROUP - 1], today) == []
