"""The team's self-check scores for one framework item: now, over time, and how old they are.

No names: pages show only counts and averages, and only where at least MIN_GROUP workers
scored, so that nobody's own score can be read off.
"""

from __future__ import annotations

import datetime as dt

from profcli.publish.context import Context
from profcli.publish.pieces import MIN_GROUP, scored
from profcli.repository.frameworks import Item
from profcli.repository.kinds import ZELFTOETS

Dated = list[tuple[dt.date, int]]


def score_history(ctx: Context, item: Item) -> list[Dated]:
    """Per visible worker who shares her scores, her dated scores for the item, oldest first."""
    found = []
    for worker in ctx.workers():
        if not ctx.shows_scores(worker):
            continue
        dated = [
            (c.datum, scored(ctx, c)[item.id])
            for c in ctx.of(worker, ZELFTOETS)
            if c.datum and c.get("kader") == item.framework and item.id in scored(ctx, c)
        ]
        if dated:
            found.append(sorted(dated))
    return found


def latest_scores(ctx: Context, item: Item) -> list[int]:
    """Each visible worker's latest score for the item (workers who share their scores)."""
    return [dated[-1][1] for dated in score_history(ctx, item)]


def moments(first: dt.date, today: dt.date) -> list[dt.date]:
    """Half-year ends (30 June, 31 December) from the first score on, and today."""
    found = []
    for year in range(first.year, today.year + 1):
        found += [d for d in (dt.date(year, 6, 30), dt.date(year, 12, 31)) if first <= d < today]
    return [*found, today]


def picture_over_time(history: list[Dated], today: dt.date) -> list[tuple[dt.date, list[int]]]:
    """At each moment, the latest score each worker had then; moments where fewer than
    MIN_GROUP workers had one are left out (they would show individual scores)."""
    if not history:
        return []
    first = min(dated[0][0] for dated in history)
    found = []
    for moment in moments(first, today):
        then = [[v for d, v in dated if d <= moment] for dated in history]
        latest = [scores[-1] for scores in then if scores]
        if len(latest) >= MIN_GROUP:
            found.append((moment, latest))
    return found


def age(day: dt.date, today: dt.date) -> str:
    """How old a score is, in months: `3 maanden oud`, `2 jaar en 1 maand oud`."""
    months = (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day)
    if months < 1:
        return "minder dan een maand oud"
    years, rest = divmod(months, 12)
    parts = [f"{years} jaar"] if years else []
    if rest:
        parts.append(f"{rest} {'maand' if rest == 1 else 'maanden'}")
    return " en ".join(parts) + " oud"
