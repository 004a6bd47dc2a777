"""Everything a site needs besides the engine: its files, its menu and its settings.

`build_pages` makes the Markdown; this module adds what an engine would otherwise have to be
told by a plugin, so that MkDocs (through the thin plugin), ProperDocs and Zensical (from a
folder) build the same site:

- each page as a document with its title in front matter, HTML-escaped (the themes print a
  `title` as it is; without one they take the first heading through `striptags`, which undoes
  the escaping: a worker named `</title><script>` would run a script);
- our stylesheets and scripts, and the theme overrides (`theme/`) whose `main.html` puts the
  audience banner above the header and `<meta name="profcli-publiek">` in the head of every
  page, the 404 page included, from `extra.profcli` of the configuration;
- the settings that make the site work from disk (`use_directory_urls: false`) and the
  navigation (`publish/navigation.py`), with the manual in an older `nav:`.

No engine is imported here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from profcli.errors import SiteError
from profcli.publish import navigation
from profcli.publish.context import (
    AUDIENCE_LABEL,
    COLOPHON,
    HOME,
    MANUAL,
    TEAM_SITE_DIR,
    Page,
)
from profcli.repository.model import Repository
from profcli.words import Publiek

HERE = Path(__file__).resolve().parent
ASSETS = HERE / "assets"
THEME = HERE / "theme"
"""Template overrides for Material (and Zensical): the audience on every page, a Dutch
footer and 404 page. Searched after the team's own `custom_dir`."""

STYLESHEETS = ("assets/profcli/profcli.css", "assets/profcli/filter.css")
"""Accessible palette and chart styles; the meetings filter."""
SCRIPTS = ("assets/profcli/profcli.js", "assets/profcli/filter.js")
"""Sortable tables, search hidden from disk; the meetings filter (the table works without)."""

PERMALINK = "Vaste link naar dit kopje"
"""The title of a heading's permalink (Python-Markdown says "Permanent link")."""

PRUNE = "navigation.prune"
"""Material's feature that renders only the visible branch of the menu on each page: at 50
workers the average page drops from about 180 KiB to under 50 (benchmarks/README.md)."""

TOC_DEPTH = 2
"""Headings in the table of contents: a reflection's title, not each of its STARR steps. The
themes print the contents twice (the sidebar, and the menu on a narrow screen), so on a page
of twenty reflections the steps alone weighed more than the reflections."""

_INDENT = re.compile(r"\n[ \t\n]+")
_PRESERVING = ("<pre", "<textarea")

_FRONT = "---\n"
META = re.compile(rb'<meta name="profcli-publiek" content="(team|publiek)">')


def document(page: Page) -> str:
    """The page as a file: its escaped title as front matter, then its Markdown.

    The home page keeps no title of its own, so the themes show the site's name there."""
    if page.path == HOME:
        return page.markdown
    title = f"title: {json.dumps(navigation.escaped(page.title), ensure_ascii=False)}\n"
    if page.markdown.startswith(_FRONT):  # the page has front matter already (`hide: toc`)
        return _FRONT + title + page.markdown.removeprefix(_FRONT)
    return f"{_FRONT}{title}---\n\n{page.markdown}"


def assets() -> list[tuple[str, str]]:
    """(site path, text) of our stylesheets and scripts."""
    return [
        (path, (ASSETS / path.rsplit("/", 1)[1]).read_text(encoding="utf-8"))
        for path in (*STYLESHEETS, *SCRIPTS)
    ]


def audience_extra(audience: str) -> dict[str, str]:
    """`extra.profcli` of the configuration: what the theme overrides print on every page."""
    return {"voor": audience, "label": AUDIENCE_LABEL[audience]}


def site_nav(
    team_nav: Any, pages: Sequence[Page], own: Iterable[str], repo: Repository | None = None
) -> list[Any]:
    """The `nav:` to build with: the team's (plus the manual, if it predates it) or a default
    one, with the generated branches under their overview pages."""
    if isinstance(team_nav, list):  # a listed team page with nothing to show is left out
        present = {page.path for page in pages} | set(own)
        pruned = navigation.prune_nav(team_nav, present)
        nav = with_manual(pruned if isinstance(pruned, list) else [])
    else:
        nav = navigation.default_nav(pages, list(own))
    return navigation.expand(nav, pages, teams_of(repo) if repo else {})


def teams_of(repo: Repository) -> dict[str, str]:
    """Worker slug -> the slug of her team, for grouping the menu (names come from pages)."""
    return repo.worker_teams()


def with_manual(nav: list[Any]) -> list[Any]:
    """A team whose mkdocs.yml predates the manual still gets it in its menu, before the
    colophon. A team that names `handleiding.md` itself is left alone."""
    if _names(nav, MANUAL):
        return list(nav)
    at = next((i for i, item in enumerate(nav) if _names([item], COLOPHON)), len(nav))
    return [*nav[:at], {"Handleiding": MANUAL}, *nav[at:]]


def _names(nav: object, path: str) -> bool:
    """Whether a `nav:` tree mentions the page `path` anywhere."""
    if isinstance(nav, str):
        return nav == path
    if isinstance(nav, dict):
        return any(_names(v, path) for v in nav.values())
    if isinstance(nav, list):
        return any(_names(v, path) for v in nav)
    return False


def with_prune(features: Sequence[Any]) -> list[Any]:
    """The theme's features plus pruning, unless the team expands every section (the two
    exclude each other)."""
    listed = list(features)
    if PRUNE in listed or "navigation.expand" in listed:
        return listed
    return [*listed, PRUNE]


def output_dir(root: Path, site_dir: str | Path, audience: str) -> Path:
    """Each audience its own folder: the public site in `site_dir` of mkdocs.yml (`public/`,
    what GitLab Pages publishes), the team site in `teamsite/` beside mkdocs.yml, which no
    Pages job publishes. They never coincide."""
    public = root / site_dir
    if audience != Publiek.TEAM:
        return public
    team = root / TEAM_SITE_DIR
    if team.resolve() == public.resolve():
        raise SiteError(
            f"`site_dir: {site_dir}` is de map van de teamsite; kies voor de publieke site een "
            "andere map (meestal `public`)"
        )
    return team


def with_assets(listed: Sequence[Any], ours: Sequence[str]) -> list[Any]:
    """`extra_css` or `extra_javascript` with ours added once, after the team's."""
    have = {str(item) for item in listed}
    return [*listed, *(path for path in ours if path not in have)]


def compact(page: str) -> str:
    """The page without the templates' indentation and blank lines, which were a quarter of
    its bytes. Every line break stays (so inline scripts mean the same); a page with
    preformatted text is left as it is."""
    if any(tag in page for tag in _PRESERVING):
        return page
    return _INDENT.sub("\n", page)


def compact_folder(folder: Path) -> None:
    """`compact` every built page in place (for an engine without a hook per page)."""
    for path in folder.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        smaller = compact(text)
        if len(smaller) != len(text):
            path.write_text(smaller, encoding="utf-8")


def unlabelled(folder: Path, audience: str) -> list[str]:
    """Built pages without the banner and the meta tag of `audience`: the check after every
    build, whatever the engine, since the CI guard relies on the tag."""
    wanted = f'<meta name="profcli-publiek" content="{audience}">'.encode()
    banner = f'class="prof-publiek prof-publiek--{audience}"'.encode()
    missing = []
    for page in sorted(folder.rglob("*.html")):
        data = page.read_bytes()
        if wanted not in data or banner not in data or len(META.findall(data)) != 1:
            missing.append(page.relative_to(folder).as_posix())
    return missing
