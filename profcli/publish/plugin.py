"""The MkDocs plugin `profcli`: a thin adapter that adds the generated pages in memory.

All logic lives in `profcli.publish.pages`; here we only load the repository, turn pages
into `File.generated(...)` objects and ask `mkdocs serve` to watch `profielen/`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from profcli import clock
from profcli.discovery import PROFILES_DIR
from profcli.errors import ProfError
from profcli.model import Repository
from profcli.publish.context import AUDIENCES
from profcli.publish.pages import build_pages
from profcli.words import Publiek

log = logging.getLogger("mkdocs.plugins.profcli")

ASSETS = Path(__file__).resolve().parent / "assets"
STYLESHEET = "assets/profcli/profcli.css"
"""Accessible palette and chart styles; shipped with the package so every team gets them."""
SCRIPT = "assets/profcli/profcli.js"
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

    def _repository(self, config: MkDocsConfig, today: dt.date | None) -> Repository:
        if self.preloaded is not None:
            return self.preloaded
        from profcli.validation import check_repository

        checked = check_repository(self.root(config), today=today)
        if not checked.result.ok:
            count = checked.result.errors
            raise PluginError(
                f"profcli: de portfolio's bevatten {count} fout(en); de site wordt niet gebouwd. "
                "Bekijk ze met `prof validate`."
            )
        return checked.repository

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
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
            if page.source:  # an evidence file, copied as it is
                source = str(repo.root / page.source)
                files.append(File.generated(config, page.path, abs_src_path=source))
                continue
            files.append(
                File.generated(config, page.path, content=page.markdown, inclusion=inclusion)
            )
        self.generated = len(pages)
        log.debug("profcli: %d pagina's gegenereerd", len(pages))
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        root = self.root(config)
        for folder in (root / PROFILES_DIR, root / "kaders", root / "bewijs"):
            if folder.is_dir():
                server.watch(str(folder))
        return server
