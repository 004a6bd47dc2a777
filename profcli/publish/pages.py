"""The page model: from loaded portfolios to a set of Markdown pages, with no MkDocs in sight.

`build_pages` is a pure function of the repository, the date and the audience, so it can be
tested on its own, written to a folder (`prof render`) or served by the MkDocs plugin.
"""

from __future__ import annotations

import datetime as dt

from profcli.publish import (
    citizens,
    colophon,
    evidence,
    home,
    items,
    manual,
    records,
    summary,
    team,
    workers,
)
from profcli.publish.context import (
    COLOPHON,
    FRAMEWORKS,
    HOME,
    MANUAL,
    TEAM,
    WORKERS,
    Context,
    Page,
)
from profcli.publish.pieces import team_has
from profcli.repository.kinds import ENTRY_KINDS
from profcli.repository.model import Repository
from profcli.words import Publiek

NAV: tuple[tuple[str, str], ...] = (
    ("Home", HOME),
    ("Medewerkers", WORKERS),
    ("Team", TEAM),
    ("Kaders", FRAMEWORKS),
    ("Handleiding", MANUAL),
    ("Colofon", COLOPHON),
)
"""Top sections only: worker pages are linked from the overview, not listed in the nav."""


def public_entries(repo: Repository, today: dt.date) -> int:
    """How many entries the public site shows (the profiles that opt in not counted)."""
    ctx = Context(repo, today, Publiek.PUBLIEK)
    return sum(
        len(ctx.of(portfolio, kind))
        for portfolio in [*ctx.workers(), *ctx.teams()]
        for kind in ENTRY_KINDS
    )


def build_pages(repo: Repository, *, today: dt.date, audience: str = Publiek.TEAM) -> list[Page]:
    """Every generated page for `audience` ("team" or "publiek"), in a stable order.

    This is the one list of pages: page modules only render a page, they never call each other.
    """
    ctx = Context(repo, today, audience)
    ctx.item_pages = {i.id for i in items.page_items(ctx)}
    found = [home.page(ctx), summary.workers_index(ctx) if ctx.split else workers.overview(ctx)]
    for worker in ctx.workers():
        found += [workers.profile_page(ctx, worker), records.reflections(ctx, worker)]
        if ctx.shows_scores(worker):
            found.append(records.self_checks(ctx, worker))
        if ctx.shows_hours(worker):
            found.append(records.hours_page(ctx, worker))
    if ctx.split:
        found += [
            summary.team_index(ctx),
            summary.meetings(ctx),
            summary.knowledge(ctx),
            summary.who_knows(ctx),
            summary.citizens(ctx),
        ]
    for each in ctx.teams() if ctx.split else [None]:
        found.append(team.index(ctx, each))
        found += [
            make(ctx, each)
            for name, make in (
                ("bijeenkomsten", team.meetings),
                ("kennis", team.knowledge),
                ("wie-weet-wat", team.who_knows),
                ("burgers", citizens.page),
            )
            if team_has(ctx, each, name)  # a page with nothing to show is left out
        ]
    about = items.mentions(ctx)
    found.append(items.index(ctx))
    found += [items.page(ctx, item, about) for item in items.page_items(ctx)]
    if ctx.split:
        found += [items.team_page(ctx, each, about) for each in ctx.teams()]
    found.append(manual.page(ctx))
    found.append(colophon.page(ctx))
    # Last: only the evidence that the pages above linked is published.
    found += evidence.pages(ctx)
    return found
