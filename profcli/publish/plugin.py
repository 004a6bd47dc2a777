"""The MkDocs plugin `profcli`: a thin adapter that hands the site to MkDocs in memory.

What the site is (its pages, their titles, the menu, the banner and meta tag, our assets and
theme) comes from `publish.pages` and `publish.source`, the same as for any other engine. Here
we only load the repository, put the settings into MkDocs' configuration, turn the documents
into `File.generated(...)` objects, keep each audience in its own folder and keep the preview
of `mkdocs serve` going.

`prof build` and `prof serve` hand their run to the plugin as one frozen value (`Handed`), in
the plugin's own configuration: MkDocs makes a new configuration for every build, so nothing
handed to one build can reach the next, and there is nothing to clear.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

from profcli import clock
from profcli.errors import ProfError
from profcli.findings import Finding
from profcli.publish import preview, source
from profcli.publish.context import AUDIENCES, HOME, Page
from profcli.publish.pages import build_pages
from profcli.repository.discovery import PROFILES_DIR
from profcli.repository.model import Repository
from profcli.words import Publiek

log = logging.getLogger("mkdocs.plugins.profcli")

ENV_TODAY = clock.ENV_TODAY
"""A fixed date for a plain `mkdocs build` (like SOURCE_DATE_EPOCH). The audience, by contrast,
is never taken from the environment: a stray shell variable must not publish the team site."""


@dataclass(frozen=True, slots=True)
class Handed:
    """What `prof build` or `prof serve` hands the plugin for its run."""

    today: dt.date | None
    """The command's fixed reference date; None: the repository's own (`Repository.today`)
    at every build, so that a preview left running past midnight moves on."""
    repository: Repository | None = None
    """Validated already (`prof build`); None: loaded and checked at every build, as the
    preview needs to."""


class ProfcliConfig(base.Config):  # type: ignore[no-untyped-call]
    voor = c.Choice(AUDIENCES, default=Publiek.TEAM.value)
    """For whom: `team` (team and publiek entries) or `publiek` (publiek entries only)."""
    vandaag = c.Optional(c.Type(str))
    """Fixed date (YYYY-MM-DD) for reproducible builds; default today."""
    repository = c.Optional(c.Type(str))
    """Team repository; default the folder of mkdocs.yml."""
    handed = c.Optional(c.Type(Handed))
    """Set by `prof build` and `prof serve` (`publish.site`), never in mkdocs.yml."""


class ProfcliPlugin(BasePlugin[ProfcliConfig]):  # type: ignore[no-untyped-call]
    generated: int = 0
    """Pages added in the last build (for `prof build`'s figures)."""
    refused: str = ""
    """Why the last build was refused (a page without its audience), for `prof build`."""

    command: str = "build"
    """The MkDocs command (`build`, `serve`, `gh-deploy`), from `on_startup`."""
    serving: bool = False
    """Under `mkdocs serve`/`prof serve`: errors in the portfolios do not stop the preview."""
    last_good: Repository | None = None
    """While serving: the last repository without errors, shown while a file is broken."""
    problems: tuple[Finding, ...] = ()
    """While serving: the errors of the last check, shown at the top of every page."""

    pages: list[Page]
    """This build's pages, made in on_config (the menu is made from them) and added in
    on_files."""
    repo: Repository | None = None

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

    def handed(self) -> Handed:
        """What the runner handed this build; for a plain `mkdocs build` or `mkdocs serve`,
        the same made from mkdocs.yml and the environment."""
        return self.config.handed or Handed(self._fixed_day())

    def _fixed_day(self) -> dt.date | None:
        value = os.environ.get(ENV_TODAY) or self.config.vandaag
        if not value:
            return None
        try:
            return clock.parse_day(value)
        except ValueError as e:
            raise PluginError(f"profcli: {e}") from e

    def _repository(self, config: MkDocsConfig, today: dt.date | None) -> Repository | None:
        """The repository checked now; while serving, the last good one (None before any)."""
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
        """A new session (`prof build` starts one too, as `mkdocs build` does). Defining this
        hook also makes MkDocs keep this one instance for the process, which is what lets
        `last_good` survive a broken file across the rebuilds of `serve`; what one build is
        given comes with its configuration (`Handed`)."""
        self.command = command
        self.serving = command == "serve"
        self.last_good = None
        self.problems = ()

    def on_shutdown(self) -> None:
        self.command = "build"

    def site_dir_for(self, config: MkDocsConfig) -> Path:
        """The audience's own folder (`publish.source.output_dir`), also for a plain
        `mkdocs build`."""
        try:
            return source.output_dir(self.root(config), config.site_dir, self.audience())
        except ProfError as e:
            raise PluginError(f"profcli: {e}") from e

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
        self.refused = ""
        if self.command != "serve" and self.config.handed is None:
            # A plain `mkdocs build`: the audience's own folder. (`mkdocs serve` builds in a
            # temporary folder of its own; `prof build` in a fresh one it swaps into place.)
            config.site_dir = str(self.site_dir_for(config))
        dirs = config.theme.dirs
        if config.theme.name == "material" and str(source.THEME) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(source.THEME))
        if "toc" in config.markdown_extensions:  # the ¶ beside each heading, read aloud
            options = config.mdx_configs.setdefault("toc", {})
            options.setdefault("permalink_title", source.PERMALINK)
            options.setdefault("toc_depth", source.TOC_DEPTH)
        features = config.theme.get("features") or []
        config.theme["features"] = source.with_prune(features)
        config.extra_css = source.with_assets(config.extra_css, source.STYLESHEETS)
        config.extra_javascript = source.with_assets(config.extra_javascript, source.SCRIPTS)
        config.extra["profcli"] = source.audience_extra(self.audience())
        self.pages, self.repo = self._pages(config, self.handed())
        own = [p.relative_to(config.docs_dir).as_posix() for p in _markdown(config.docs_dir)]
        config.nav = source.site_nav(config.nav, self.pages, own, self.repo)
        return config

    def _pages(self, config: MkDocsConfig, handed: Handed) -> tuple[list[Page], Repository | None]:
        repo = handed.repository or self._repository(config, handed.today)
        if repo is None:  # serving, and nothing good yet
            return [], None
        today = repo.today(handed.today, overview=True)
        try:
            return build_pages(repo, today=today, audience=self.audience()), repo
        except ProfError as e:  # the plugin's one translation of core errors
            raise PluginError(f"profcli: {e}") from e

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for path, content in source.assets():
            files.append(File.generated(config, path, content=content))
        pages, repo = getattr(self, "pages", []), getattr(self, "repo", None)
        self.generated = len(pages)
        if repo is None:  # serving, and nothing good yet: one page that says what to do
            if files.get_file_from_path(HOME) is None:
                files.append(File.generated(config, HOME, content=preview.WAITING_PAGE))
            return files
        for page in pages:
            if files.get_file_from_path(page.path) is not None:
                log.info(
                    "profcli: %s in %s vervangt de gegenereerde pagina", page.path, config.docs_dir
                )
            elif page.source:  # an evidence file, copied as it is
                source_path = str(repo.root / page.source)
                files.append(File.generated(config, page.path, abs_src_path=source_path))
            else:
                inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
                content = source.document(page)
                files.append(
                    File.generated(config, page.path, content=content, inclusion=inclusion)
                )
        self.pages, self.repo = [], None
        log.debug("profcli: %d pagina's gegenereerd", len(pages))
        return files

    def on_post_page(self, output: str, /, *, page: MkPage, config: MkDocsConfig) -> str:
        self._check_label(output, page.file.src_uri)
        output = source.compact(output)
        if not self.serving or not self.problems:
            return output
        return preview.with_banner(output, self.problems, stale=self.last_good is not None)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content
        self._check_label(output_content, template_name)
        return source.compact(output_content)

    def _check_label(self, output: str, name: str) -> None:
        """Every page says for whom it is (the theme's `main.html` prints it): a site that does
        not is not built, since the CI guard could not tell it from the other audience's."""
        meta = f'<meta name="profcli-publiek" content="{self.audience()}">'
        if meta not in output:
            self.refused = (
                f"{name} zegt niet voor wie hij is (`{meta}` ontbreekt). Heeft het team een "
                "eigen main.html? Laat die dan de blokken `extrahead` en `header` van het "
                "thema aanvullen met super()."
            )
            raise PluginError(f"profcli: {self.refused}")

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        root = self.root(config)
        for folder in (root / PROFILES_DIR, root / "kaders", root / "registers", root / "bewijs"):
            if folder.is_dir():
                server.watch(str(folder))
        server.builder = preview.never_stuck(server.builder, log)
        return server


def _markdown(folder: str) -> list[Path]:
    root = Path(folder)
    return sorted(root.rglob("*.md")) if root.is_dir() else []
