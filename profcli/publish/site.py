"""Building, serving and rendering the site for the CLI, without Click.

MkDocs is imported only inside these functions, so that the CLI can set
`NO_MKDOCS_2_WARNING` before Material is loaded and `prof validate` stays fast.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from profcli.errors import SiteError, WriteRefused
from profcli.model import Repository
from profcli.publish.pages import build_pages

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True, slots=True)
class Built:
    site_dir: Path
    pages: int
    seconds: float


def quiet_material() -> None:
    """Material announces MkDocs 2 on import; our own messages matter more here."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def plugins_for(path: Path, audience: str, today: dt.date | None = None) -> list[Any]:
    """The `plugins:` of mkdocs.yml with `voor` of the profcli plugin set to `audience`.

    Given to MkDocs as a configuration override, so the audience reaches the plugin through
    its own configuration, never through the environment."""
    from mkdocs.utils.yaml import yaml_load

    with path.open("rb") as handle:
        raw = yaml_load(handle) or {}
    plugins = raw.get("plugins", [])
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    if not isinstance(plugins, list):
        raise SiteError(f"{CONFIG_FILE}: `plugins:` is geen lijst")
    result: list[Any] = []
    found = False
    for item in plugins:
        if item == "profcli":
            item = {"profcli": {}}
        if isinstance(item, dict) and "profcli" in item:
            options = dict(item["profcli"] or {})
            options["voor"] = audience
            if today is not None:
                options["vandaag"] = today.isoformat()
            item = {**item, "profcli": options}
            found = True
        result.append(item)
    if not found:
        raise SiteError(f"{CONFIG_FILE} noemt de plugin `profcli` niet onder `plugins:`")
    return result


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

    from profcli.publish.plugin import ProfcliPlugin

    start = time.perf_counter()
    path = config_file(root)
    overrides: dict[str, Any] = {"plugins": plugins_for(path, audience)}
    if site_dir:
        overrides["site_dir"] = str(site_dir)
    try:
        config = load_config(str(path), strict=strict, **overrides)
        plugin = config.plugins.get("profcli")
        if not isinstance(plugin, ProfcliPlugin):
            raise SiteError(f"{CONFIG_FILE} noemt de plugin `profcli` niet onder `plugins:`")
        plugin.preloaded = repo
        plugin.fixed_today = today
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

    path = config_file(root)
    overrides: dict[str, Any] = {"plugins": plugins_for(path, audience, today)}
    _log_to_stderr()
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        mkdocs_serve(str(path), dev_addr=address, livereload=True, **overrides)
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
        if page.source:  # an evidence file, copied as it is
            path.write_bytes((root / page.source).read_bytes())
        else:
            path.write_text(page.markdown, encoding="utf-8")
        written.append(path)
    return written
