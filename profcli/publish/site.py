"""Building, serving and rendering the site for the CLI, without Click.

MkDocs is imported only inside these functions, so that the CLI can set
`NO_MKDOCS_2_WARNING` before Material is loaded and `prof validate` stays fast.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from profcli.errors import ProfError, WriteRefused
from profcli.model import Repository
from profcli.publish.pages import build_pages

CONFIG_FILE = "mkdocs.yml"


class SiteError(ProfError):
    """MkDocs could not build the site (configuration, plugin, or a warning in strict mode)."""


@dataclass(frozen=True, slots=True)
class Built:
    site_dir: Path
    pages: int
    seconds: float


def quiet_material() -> None:
    """Material announces MkDocs 2 on import; our own messages matter more here."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def config_file(root: Path) -> Path:
    path = root / CONFIG_FILE
    if not path.is_file():
        raise SiteError(f"{CONFIG_FILE} ontbreekt in {root}; maak het met `prof init`")
    return path


def build(
    root: Path,
    repo: Repository,
    *,
    audience: str,
    strict: bool,
    today: dt.date,
    site_dir: Path | None = None,
) -> Built:
    """Build the site into `site_dir` (default: `site_dir` of mkdocs.yml, i.e. `public/`)."""
    quiet_material()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from profcli.publish.plugin import ENV_AUDIENCE, ENV_TODAY, ProfcliPlugin

    start = time.perf_counter()
    overrides = {"site_dir": str(site_dir)} if site_dir else {}
    try:
        with _environment(**{ENV_AUDIENCE: audience, ENV_TODAY: today.isoformat()}):
            config = load_config(str(config_file(root)), strict=strict, **overrides)
            plugin = config.plugins.get("profcli")
            if not isinstance(plugin, ProfcliPlugin):
                raise SiteError(f"{CONFIG_FILE} noemt de plugin `profcli` niet onder `plugins:`")
            plugin.preloaded = repo
            _log_to_stderr()
            mkdocs_build(config)
    except MkDocsException as e:
        raise SiteError(f"de site is niet gebouwd: {e}") from e
    except SystemExit as e:  # mkdocs' Abort is a ClickException in some versions
        raise SiteError("de site is niet gebouwd") from e
    return Built(Path(config.site_dir), plugin.generated, time.perf_counter() - start)


def _log_to_stderr() -> None:
    """MkDocs logs warnings through `logging`; show them when nobody configured a handler."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
        logger.propagate = False


def serve(root: Path, *, audience: str, address: str, today: dt.date | None) -> None:
    """Preview with live reload; the plugin rebuilds the pages when `profielen/` changes."""
    quiet_material()
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    from profcli.publish.plugin import ENV_AUDIENCE, ENV_TODAY

    os.environ[ENV_AUDIENCE] = audience
    if today:
        os.environ[ENV_TODAY] = today.isoformat()
    _log_to_stderr()
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        mkdocs_serve(str(config_file(root)), dev_addr=address, livereload=True)
    except MkDocsException as e:
        raise SiteError(f"de site kan niet worden getoond: {e}") from e


def render(root: Path, repo: Repository, out: Path, *, audience: str, today: dt.date) -> list[Path]:
    """Write the generated Markdown pages to `out` for another engine or a plain `mkdocs build`."""
    target = out.resolve()
    docs = (root / "site").resolve()
    if target == docs or docs in target.parents:
        raise WriteRefused(
            f"{out} ligt in site/: gegenereerde pagina's horen niet tussen de handgeschreven "
            "pagina's; kies een andere map"
        )
    written = []
    for page in build_pages(repo, today=today, audience=audience):
        path = target / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
        written.append(path)
    return written
