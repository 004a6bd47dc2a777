"""The page model: from loaded portfolios to a set of Markdown pages, with no MkDocs in sight.

`build_pages` is a pure function of the repository, the date and the audience, so it can be
tested on its own, written to a folder (`prof render`) or served by the MkDocs plugin.
"""

from __future__ import annotations

import datetime as dt

from profcli.model import Repository
from profcli.publish import colophon, home, items, summary, team, workers
from profcli.publish.colophon import COLOPHON
from profcli.publish.context import (
    FRAMEWORKS,
    HOME,
    TEAM,
    WORKERS,
    Context,
    Page,
)
from profcli.words import Publiek

NAV: tuple[tuple[str, str], ...] = (
    ("Home", HOME),
    ("Werkers", WORKERS),
    ("Team", TEAM),
    ("Kaders", FRAMEWORKS),
    ("Colofon", COLOPHON),
)
"""Top sections only: worker pages are linked from the overview, not listed in the nav."""


def build_pages(repo: Repository, *, today: dt.date, audience: str = Publiek.TEAM) -> list[Page]:
    """Every generated page for `audience` ("team" or "publiek"), in a stable order."""
    ctx = Context(repo, today, audience)
    ctx.item_pages = {i.id for i in items.page_items(ctx)}
    found = [home.page(ctx), summary.workers_index(ctx) if ctx.split else workers.overview(ctx)]
    for worker in ctx.workers():
        found += workers.pages(ctx, worker)
    if ctx.split:
        found += summary.pages(ctx)
    found += team.pages(ctx, home.dashboard)
    found += items.pages(ctx)
    found.append(colophon.page(ctx))
    return found
