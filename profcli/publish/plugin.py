"""The MkDocs plugin `profcli`: a thin adapter that adds the generated pages in memory.

All logic lives in `profcli.publish.pages`; here we only load the repository, turn pages
into `File.generated(...)` objects and ask `mkdocs serve` to watch `profielen/`.
"""

from __future__ import annotations

import datetime as dt
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

from profcli import clock
from profcli.discovery import PROFILES_DIR
from profcli.errors import ProfError
from profcli.findings import Finding
from profcli.model import Repository
from profcli.publish import preview
from profcli.publish.context import AUDIENCES
from profcli.publish.pages import build_pages
from profcli.words import Publiek

log = logging.getLogger("mkdocs.plugins.profcli")

ASSETS = Path(__file__).resolve().parent / "assets"
STYLESHEET = "assets/profcli/profcli.css"
"""Accessible palette and chart styles; shipped with the package so every team gets them."""
SCRIPT = "assets/profcli/profcli.js"

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

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """A new session. Defining this hook also makes MkDocs keep this one instance across the
        rebuilds of `serve`, which is what lets `last_good` survive a broken file."""
        self.serving = command == "serve"
        self.last_good = None
        self.problems = ()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # MkDocs may reuse this instance for a later build in the same process: what one
        # `prof build` handed over must not leak into the next.
        self.preloaded = None
        self.fixed_today = None

    def on_build_error(self, *, error: Exception) -> None:
        self.preloaded = None
        self.fixed_today = None

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

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if all(str(s) != SCRIPT for s in config.extra_javascript):
            config.extra_javascript.append(SCRIPT)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for path, asset in ((STYLESHEET, "profcli.css"), (SCRIPT, "profcli.js")):
            content = (ASSETS / asset).read_text(encoding="utf-8")
            files.append(File.generated(config, path, content=content))
        fixed = self.fixed_day()
        repo = self._repository(config, fixed)
        if repo is None:  # serving, and nothing good yet: one page that says what to do
            if files.get_file_from_path("index.md") is None:
                files.append(File.generated(config, "index.md", content=preview.WAITING_PAGE))
            self.generated = 0
            return files
        today = fixed or clock.today(repo.zone_name)
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
            files.append(
                File.generated(config, page.path, content=page.markdown, inclusion=inclusion)
            )
        self.generated = len(pages)
        log.debug("profcli: %d pagina's gegenereerd", len(pages))
        return files

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        if not self.serving or not self.problems:
            return output
        return preview.with_banner(output, self.problems, stale=self.last_good is not None)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        root = self.root(config)
        for folder in (root / PROFILES_DIR, root / "kaders", root / "registers"):
            if folder.is_dir():
                server.watch(str(folder))
        server.builder = preview.never_stuck(server.builder, log)
        return server
