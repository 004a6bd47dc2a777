"""The MkDocs plugin `profcli`: a thin adapter that adds the generated pages in memory.

All logic lives in `profcli.publish.pages`; here we only load the repository, turn pages
into `File.generated(...)` objects and ask `mkdocs serve` to watch `profielen/`.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage

from profcli import clock
from profcli.errors import ProfError
from profcli.findings import Finding
from profcli.publish import preview
from profcli.publish.context import (
    AUDIENCE_LABEL,
    AUDIENCES,
    COLOPHON,
    FRAMEWORKS,
    HOME,
    MANUAL,
    TEAM,
    TEAM_SITE_DIR,
    WORKERS,
    WORKERS_IN_NAV,
)
from profcli.publish.pages import build_pages, prune_nav
from profcli.repository.discovery import PROFILES_DIR
from profcli.repository.model import Repository
from profcli.words import Publiek

log = logging.getLogger("mkdocs.plugins.profcli")

ASSETS = Path(__file__).resolve().parent / "assets"
STYLESHEET = "assets/profcli/profcli.css"
"""Accessible palette and chart styles; shipped with the package so every team gets them."""
SCRIPT = "assets/profcli/profcli.js"
THEME = Path(__file__).resolve().parent / "theme"
"""Material template overrides (a Dutch footer and 404 page), after the team's `custom_dir`."""

PERMALINK = "Vaste link naar dit kopje"
"""The title of a heading's permalink (Python-Markdown says "Permanent link")."""

FILTER_SCRIPT = "assets/profcli/filter.js"
"""Filters the meetings overview by kind and signal; the table works without it."""
FILTER_STYLESHEET = "assets/profcli/filter.css"

ENV_TODAY = clock.ENV_TODAY
"""A fixed date for a plain `mkdocs build` (like SOURCE_DATE_EPOCH). The audience, by contrast,
is never taken from the environment: a stray shell variable must not publish the team site."""


class ProfcliConfig(base.Config):  # type: ignore[no-untyped-call]
    voor = c.Choice(AUDIENCES, default=Publiek.TEAM.value)
    """For whom: `team` (team and publiek entries) or `publiek` (publiek entries only)."""
    vandaag = c.Optional(c.Type(str))
    """Fixed date (YYYY-MM-DD) for reproducible builds; default today."""
    repository = c.Optional(c.Type(str))
    """Team repository; default the folder of mkdocs.yml."""


class ProfcliPlugin(BasePlugin[ProfcliConfig]):  # type: ignore[no-untyped-call]
    preloaded: Repository | None = None
    """Set by `prof build`, which has already validated the repository."""
    fixed_today: dt.date | None = None
    """Set by `prof build`/`prof serve`: the command's reference date."""
    generated: int = 0
    """Pages added in the last build (for `prof build`'s figures)."""
    serving: bool = False
    """Under `mkdocs serve`/`prof serve`: errors in the portfolios do not stop the preview."""
    last_good: Repository | None = None
    """While serving: the last repository without errors, shown while a file is broken."""
    problems: tuple[Finding, ...] = ()
    """While serving: the errors of the last check, shown at the top of every page."""

    command: str = "build"
    """The MkDocs command (`build`, `serve`, `gh-deploy`), from `on_startup`."""
    build_into: Path | None = None
    """Set by `prof build`: a fresh folder to build in, swapped into place afterwards."""
    workers_pages: dict[str, list[str]]
    """Each visible worker's generated pages, in site order (for the sidebar)."""
    titles: dict[str, str]
    """Generated page path → its title (a page's own title is known only once it is read)."""
    tabs: dict[str, Any]
    """First path segment → the top navigation item (tab) its pages belong to."""
    marked: Any = None

    def root(self, config: MkDocsConfig) -> Path:
        if self.config.repository:
            return Path(self.config.repository)
        return Path(config.config_file_path or ".").resolve().parent

    def audience(self) -> str:
        """From mkdocs.yml (or `prof build --voor`, which sets this option), never from the
        environment."""
        value = self.config.voor
        if value not in AUDIENCES:
            raise PluginError(f"profcli: onbekend publiek `{value}`; kies team of publiek")
        return value

    def fixed_day(self) -> dt.date | None:
        if self.fixed_today is not None:
            return self.fixed_today
        value = os.environ.get(ENV_TODAY) or self.config.vandaag
        if not value:
            return None
        try:
            return clock.parse_day(value)
        except ValueError as e:
            raise PluginError(f"profcli: {e}") from e

    def _repository(self, config: MkDocsConfig, today: dt.date | None) -> Repository | None:
        """The repository to publish; while serving, the last good one (None before any)."""
        if self.preloaded is not None:
            return self.preloaded
        from profcli.validation import check_repository

        checked = check_repository(self.root(config), today=today)
        if self.serving:
            self.problems = tuple(f for f in checked.result.sorted() if f.severity == "fout")
            if not self.problems:
                self.last_good = checked.repository
            else:
                log.warning(
                    "profcli: de portfolio's bevatten %d fout(en); de site toont %s, met de "
                    "fouten bovenaan elke pagina",
                    len(self.problems),
                    "de laatste goede versie" if self.last_good else "alleen een foutpagina",
                )
            return self.last_good
        if not checked.result.ok:
            count = checked.result.errors
            raise PluginError(
                f"profcli: de portfolio's bevatten {count} fout(en); de site wordt niet gebouwd. "
                "Bekijk ze met `prof validate`."
            )
        return checked.repository

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """A new session. Defining this hook also makes MkDocs keep this one instance across the
        rebuilds of `serve`, which is what lets `last_good` survive a broken file; state for one
        build is cleared in on_post_build."""
        self.command = command
        self.serving = command == "serve"
        self.last_good = None
        self.problems = ()

    def on_shutdown(self) -> None:
        self.command = "build"

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Forget what `prof build` handed to this one build: MkDocs may reuse this instance for
        a later build in the same process."""
        self.preloaded = None
        self.fixed_today = None
        self.build_into = None

    def on_build_error(self, *, error: Exception) -> None:
        self.preloaded = None
        self.fixed_today = None
        self.build_into = None

    def site_dir_for(self, config: MkDocsConfig) -> Path:
        """Each audience its own folder: the public site in `site_dir` of mkdocs.yml
        (`public/`, what GitLab Pages publishes), the team site in `teamsite/` beside
        mkdocs.yml, which no Pages job publishes. They never coincide."""
        public = Path(config.site_dir)
        if self.audience() != Publiek.TEAM:
            return public
        team = self.root(config) / TEAM_SITE_DIR
        if team.resolve() == public.resolve():
            raise PluginError(
                f"profcli: `site_dir: {config.site_dir}` is de map van de teamsite; kies voor de "
                "publieke site een andere map (meestal `public`)"
            )
        return team

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.command == "gh-deploy" and self.audience() == Publiek.TEAM:
            raise PluginError(
                "profcli: de teamsite wordt nooit gepubliceerd; zet `voor: publiek` of "
                "gebruik `prof build --voor publiek`"
            )
        if config.use_directory_urls:
            # Links to `.../index.html` work when the site is opened straight from disk.
            log.info("profcli: use_directory_urls staat uit, zodat de site ook vanaf schijf werkt")
            config.use_directory_urls = False
        if self.command != "serve":  # `mkdocs serve` builds in a temporary folder of its own
            config.site_dir = str(self.build_into or self.site_dir_for(config))
        dirs = config.theme.dirs
        if config.theme.name == "material" and str(THEME) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        _add_manual_to_nav(config)
        if "toc" in config.markdown_extensions:  # the ¶ beside each heading, read aloud
            config.mdx_configs.setdefault("toc", {}).setdefault("permalink_title", PERMALINK)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if all(str(s) != SCRIPT for s in config.extra_javascript):
            config.extra_javascript.append(SCRIPT)

        for sheet in (STYLESHEET, FILTER_STYLESHEET):
            if sheet not in config.extra_css:
                config.extra_css.append(sheet)
        for script in (SCRIPT, FILTER_SCRIPT):
            if all(str(s) != script for s in config.extra_javascript):
                config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for path in (STYLESHEET, SCRIPT, FILTER_STYLESHEET, FILTER_SCRIPT):
            asset = path.rsplit("/", 1)[1]
            content = (ASSETS / asset).read_text(encoding="utf-8")
            files.append(File.generated(config, path, content=content))
        fixed = self.fixed_day()
        repo = self._repository(config, fixed)
        self.workers_pages, self.titles = {}, {}
        if repo is None:  # serving, and nothing good yet: one page that says what to do
            if files.get_file_from_path("index.md") is None:
                files.append(File.generated(config, "index.md", content=preview.WAITING_PAGE))
            self.generated = 0
            return files
        today = fixed or repo.example_date or clock.today(repo.zone_name)
        try:
            pages = build_pages(repo, today=today, audience=self.audience())
        except ProfError as e:  # the plugin's one translation of core errors
            raise PluginError(f"profcli: {e}") from e
        for page in pages:
            if files.get_file_from_path(page.path) is not None:
                log.info(
                    "profcli: %s in %s vervangt de gegenereerde pagina", page.path, config.docs_dir
                )
                continue
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            if page.source:  # an evidence file, copied as it is
                source = str(repo.root / page.source)
                files.append(File.generated(config, page.path, abs_src_path=source))
                continue
            files.append(
                File.generated(config, page.path, content=page.markdown, inclusion=inclusion)
            )
        self.generated = len(pages)
        if isinstance(config.nav, list):  # a listed team page with nothing to show is left out
            config.nav = prune_nav(config.nav, {f.src_uri for f in files})
        self.titles = {page.path: page.title for page in pages}
        for page in pages:
            parts = page.path.split("/")
            if page.path.startswith("werkers/") and len(parts) == 3:
                self.workers_pages.setdefault(parts[1], []).append(page.path)
        log.debug("profcli: %d pagina's gegenereerd", len(pages))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str:
        """A generated page's title, HTML-escaped, as its `title` meta. Without it MkDocs takes
        the first heading and Material prints it through `striptags`, which undoes our escaping:
        a worker named `</title><script>…` would run a script in every reader's browser."""
        title = getattr(self, "titles", {}).get(page.file.src_uri)
        if title is not None and page.file.src_uri != HOME:
            page.meta["title"] = html.escape(title, quote=True)
        return markdown

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Worker pages belong to the Werkers tab: each worker a section in the sidebar (for a
        team of ordinary size; a very large one keeps the overview table only, since every
        page carries the whole navigation). Other generated pages mark their tab active."""
        top: dict[str, Any] = {}
        for item in nav.items:
            file = getattr(item, "file", None)
            if file is not None:
                top[file.src_uri] = item
            for child in getattr(item, "children", None) or []:
                if getattr(child, "file", None) is not None:
                    top.setdefault(child.file.src_uri, item)
        self.tabs = {}
        for segment, path in (("werkers", WORKERS), ("kaders", FRAMEWORKS)):
            if path in top:
                self.tabs[segment] = top[path]
        if TEAM in top:  # a single team's pages and, with several teams, each team's own
            self.tabs["team"] = self.tabs["teams"] = top[TEAM]
        overview = top.get(WORKERS)
        pages_of = self.workers_pages
        if not isinstance(overview, MkPage) or not 0 < len(pages_of) <= WORKERS_IN_NAV:
            return nav
        sections = []
        for paths in pages_of.values():
            found = [f.page for f in map(files.get_file_from_path, paths) if f and f.page]
            if not found:
                continue
            # A Page's title is plain text (a worker's name, user input); MkDocs' templates do
            # not escape, so a section title must be HTML-escaped here.
            title = html.escape(self.titles.get(paths[0], paths[0]), quote=True)
            sections.append(Section(title, list(found)))
        werkers = Section(overview.title or "Werkers", [overview, *sections])
        werkers.parent = overview.parent
        for section in sections:
            section.parent = werkers
            for page in section.children:
                page.parent = section
        overview.parent = werkers
        siblings = werkers.parent.children if werkers.parent else nav.items
        siblings[siblings.index(overview)] = werkers
        self.tabs["werkers"] = werkers
        ordered = _pages(nav.items)
        for before, after in zip([None, *ordered], [*ordered, None], strict=False):
            if before is not None:
                before.next_page = after
            if after is not None:
                after.previous_page = before
        return Navigation(nav.items, ordered)

    def on_page_context(
        self, context: Any, /, *, page: MkPage, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        """A page outside the navigation (a framework item, a team's own page) still shows
        under which tab it belongs."""
        if page.parent is None:
            tab = getattr(self, "tabs", {}).get(page.file.src_uri.split("/")[0])
            if tab is not None and not tab.active:
                tab.active = True
                self.marked = tab
        return context

    def on_post_page(self, output: str, /, *, page: MkPage, config: MkDocsConfig) -> str:
        if self.marked is not None:
            self.marked.active = False
            self.marked = None
        output = self._label(output)
        if not self.serving or not self.problems:
            return output
        return preview.with_banner(output, self.problems, stale=self.last_good is not None)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return self._label(output_content) if template_name.endswith(".html") else output_content

    def _label(self, html: str) -> str:
        """Every page says for whom it is: a banner above the header, and a meta tag that a
        CI job can check before it publishes."""
        audience = self.audience()
        label = AUDIENCE_LABEL[audience]
        meta = f'<meta name="profcli-publiek" content="{audience}">'
        banner = f'<div class="prof-publiek prof-publiek--{audience}" role="note">{label}</div>'
        html = html.replace("</head>", f"{meta}</head>", 1)
        at = html.find('<header class="md-header')
        if at < 0:
            at = html.find("<body")
            at = html.find(">", at) + 1 if at >= 0 else 0
        return html[:at] + banner + html[at:]

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        root = self.root(config)
        for folder in (root / PROFILES_DIR, root / "kaders", root / "registers", root / "bewijs"):
            if folder.is_dir():
                server.watch(str(folder))
        server.builder = preview.never_stuck(server.builder, log)
        return server


def _pages(items: list[Any]) -> list[MkPage]:
    found: list[MkPage] = []
    for item in items:
        if isinstance(item, MkPage):
            found.append(item)
        found += _pages(getattr(item, "children", None) or [])
    return found


def _add_manual_to_nav(config: MkDocsConfig) -> None:
    """A team whose mkdocs.yml predates the manual still gets it in its menu, before the
    colophon. A team that names `handleiding.md` itself (or has no `nav:`) is left alone."""
    nav = config.nav
    if not isinstance(nav, list) or _names(nav, MANUAL):
        return
    at = next((i for i, item in enumerate(nav) if _names([item], COLOPHON)), len(nav))
    nav.insert(at, {"Handleiding": MANUAL})


def _names(nav: object, path: str) -> bool:
    """Whether a `nav:` tree mentions the page `path` anywhere."""
    if isinstance(nav, str):
        return nav == path
    if isinstance(nav, dict):
        return any(_names(v, path) for v in nav.values())
    if isinstance(nav, list):
        return any(_names(v, path) for v in nav)
    return False
