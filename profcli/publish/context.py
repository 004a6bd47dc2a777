"""Who the site is for, and what each page may therefore show.

Every page module asks this one object what is visible, so that `prive` entries and hidden
workers can never slip into a page, a link, a count or an hours total.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from profcli import words
from profcli.errors import UnknownAudience
from profcli.registration import hours
from profcli.registration.hours import HourLine
from profcli.repository.kinds import ACTIVITEIT, BIJEENKOMST, WERKER, Kind
from profcli.repository.model import Entry, Portfolio, Repository
from profcli.words import Publiek, Soort, Zichtbaarheid

AUDIENCES = words.AUDIENCES

TEAM_SITE_DIR = "teamsite"
"""Where the team site is built, beside mkdocs.yml; the public one goes to `site_dir`
(`public/`, the folder GitLab Pages publishes). Never the same folder."""
AUDIENCE_LABEL: dict[str, str] = {
    Publiek.TEAM: "Teamsite: alleen voor het team. Niet delen of publiceren.",
    Publiek.PUBLIEK: "Openbare site: alleen wat als publiek is gemarkeerd.",
}
"""Shown on every page, so nobody mistakes one site for the other."""
WORKERS_IN_NAV = 60
"""Up to this many workers each get a section in the sidebar; every page carries the whole
navigation, so a very large team keeps the overview table only."""


@dataclass(slots=True)
class Context:
    repo: Repository
    today: dt.date
    audience: str = Publiek.TEAM
    item_pages: set[str] = field(default_factory=set)
    """Framework items that get a page of their own (so links to them never break)."""
    evidence: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Evidence files linked from a page so far, with (page#anchor, label) of each entry that
    names them: only these are published (publish/evidence.py), so a file reaches the site
    exactly when an entry that may be shown to this audience links it."""
    _hours: dict[str, hours.HoursReport] = field(default_factory=dict)
    _of: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    _portfolios: dict[str, list[Portfolio]] = field(default_factory=dict)
    _position: dict[str, int] = field(default_factory=dict)
    _members: dict[str, list[Portfolio]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.audience not in AUDIENCES:
            raise UnknownAudience(f"onbekend publiek `{self.audience}`; kies team of publiek")

    def _allowed(self, visibility: str) -> bool:
        if self.audience == Publiek.PUBLIEK:
            return visibility == Zichtbaarheid.PUBLIEK
        return visibility != Zichtbaarheid.PRIVE

    def portfolio_visible(self, portfolio: Portfolio | None) -> bool:
        """A worker's portfolio appears only if her own profile may be published to this
        audience (on the public site: she opted in with `zichtbaarheid = "publiek"`). A team's
        portfolio appears unless the team profile is `prive`, so that its entries marked
        `publiek` reach the public site (DESIGN.md, Visibility)."""
        if portfolio is None or portfolio.profile is None or not portfolio.profile.valid:
            return False
        if portfolio.soort == Soort.TEAM:
            return portfolio.profile.visibility != Zichtbaarheid.PRIVE
        return self._allowed(portfolio.profile.visibility)

    def visible(self, entry: Entry) -> bool:
        """An entry appears only if it and its portfolio may be published."""
        if not entry.valid or not self._allowed(entry.visibility):
            return False
        return self.portfolio_visible(self.repo.portfolios.get(entry.profile))

    def of(self, portfolio: Portfolio, kind: Kind) -> list[Entry]:
        """The visible entries of one kind; asked for by many pages, so computed once."""
        key = (portfolio.slug, kind.name)
        if key not in self._of:
            shown = self.portfolio_visible(portfolio)
            self._of[key] = [e for e in portfolio.of(kind) if self.visible(e)] if shown else []
        return list(self._of[key])

    def workers(self) -> list[Portfolio]:
        if Soort.WERKER not in self._portfolios:
            self._portfolios[Soort.WERKER] = [
                w for w in self.repo.workers() if self.portfolio_visible(w)
            ]
        return list(self._portfolios[Soort.WERKER])

    def teams(self) -> list[Portfolio]:
        if Soort.TEAM not in self._portfolios:
            self._portfolios[Soort.TEAM] = [
                t for t in self.repo.teams() if self.portfolio_visible(t)
            ]
        return list(self._portfolios[Soort.TEAM])

    def neighbours(self, worker: Portfolio) -> tuple[Portfolio | None, Portfolio | None]:
        """The visible workers before and after this one, in the order of the overview."""
        workers = self.workers()
        if not self._position:
            self._position = {w.slug: n for n, w in enumerate(workers)}
        n = self._position.get(worker.slug)
        if n is None:
            return None, None
        before = workers[n - 1] if n > 0 else None
        after = workers[n + 1] if n + 1 < len(workers) else None
        return before, after

    @property
    def quiet(self) -> bool:
        """Leave out a section with nothing in it. The team site says "none yet" (a supervisor
        wants to know); the public site shows only what there is, no empty headings."""
        return self.audience == Publiek.PUBLIEK

    @property
    def split(self) -> bool:
        """More than one team: each gets pages of its own so no page grows with their number."""
        return len(self.teams()) > 1

    def members(self, team: Portfolio) -> list[Portfolio]:
        """Asked for by every team page and dashboard: computed once per team."""
        if team.slug not in self._members:
            self._members[team.slug] = [w for w in self.workers() if self.repo.team_of(w) is team]
        return list(self._members[team.slug])

    def team_page(self, team: Portfolio | None, page: str = "index") -> str:
        """A team page: `team/<page>.md` for a single team, `teams/<slug>/<page>.md` if split."""
        if not self.split or team is None:
            return f"team/{page}.md"
        return f"teams/{team.slug}/{page}.md"

    def owner_page(self, entry: Entry, page: str) -> str:
        """The team page that holds a team entry (a meeting, a knowledge item)."""
        return self.team_page(self.repo.portfolios.get(entry.profile), page)

    def worker(self, slug: str) -> Portfolio | None:
        found = self.repo.portfolios.get(slug)
        if found is None or found.soort != WERKER or not self.portfolio_visible(found):
            return None
        return found

    def _shares(self, worker: Portfolio, what: str) -> bool:
        if self.audience == Publiek.TEAM:
            return True
        return worker.profile is not None and what in worker.profile.ids("publiek_tonen")

    def shows_hours(self, worker: Portfolio) -> bool:
        return self._shares(worker, "uren")

    def shows_scores(self, worker: Portfolio) -> bool:
        return self._shares(worker, "zelftoetsen")

    def hours(self, worker: Portfolio) -> hours.HoursReport:
        """The worker's current cycle: everything that is not `prive`, whichever audience
        reads it, so that a page sharing her points (`shows_hours`) shows her real standing and
        not a smaller sum of what happens to be public. Only the list of lines is limited to
        what this audience may see (`shown_line`). A `prive` entry leaves no trace on any site,
        not even in a total; `prof status` and the dossier count it."""
        if worker.slug not in self._hours:
            self._hours[worker.slug] = hours.report(
                self.repo, worker, self.today, visible=_not_prive
            )
        return self._hours[worker.slug]

    def shown_line(self, worker: Portfolio, line: HourLine) -> bool:
        """Whether this audience may see the activity or meeting behind a line of points."""
        if line.bron == "bijeenkomst":
            owner = self.repo.team_of(worker)
            kind = BIJEENKOMST
        else:
            owner, kind = worker, ACTIVITEIT
        return owner is not None and any(e.id == line.id for e in self.of(owner, kind))


def _not_prive(entry: Entry) -> bool:
    return entry.visibility != Zichtbaarheid.PRIVE


def worker_page(slug: str, page: str = "index") -> str:
    return f"werkers/{slug}/{page}.md"


def item_page(item_id: str) -> str:
    return f"kaders/{item_id}.md"


HOME = "index.md"
WORKERS = "werkers/index.md"
TEAM = "team/index.md"
MEETINGS = "team/bijeenkomsten.md"
KNOWLEDGE = "team/kennis.md"
WHO_KNOWS = "team/wie-weet-wat.md"
FRAMEWORKS = "kaders/index.md"
COLOPHON = "colofon.md"
MANUAL = "handleiding.md"


@dataclass(frozen=True, slots=True)
class Page:
    """One generated page: where it goes, its title (plain text) and its Markdown."""

    path: str
    title: str
    markdown: str
    in_nav: bool = False
    source: str = ""
    """For a copied file (evidence such as a PDF): its path in the repository; `markdown` is
    then empty and the file is published as it is."""
