"""The site's navigation as a `nav:` tree, made from the pages without any engine.

Any engine that reads an MkDocs `nav:` (MkDocs, ProperDocs, Zensical) builds the same menu
from it: each worker a section under Medewerkers, each framework item under Kaders, each
team's own pages under Team. A page that sits in the tree also marks its tab as active, which
no engine can do for a page outside it. With Material's `navigation.prune` a page carries only
the branch it is on, so a section of fifty workers costs a worker's page fifty links, not
every colleague's pages.

Titles the team did not write (a worker's name, a team's name) are HTML-escaped here: the
themes print section titles as they are.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Mapping, Sequence
from typing import Any

from profcli.publish.context import FRAMEWORKS, TEAM, WORKERS, WORKERS_IN_NAV, Page

Nav = list[Any]
"""An MkDocs `nav:`: a list of paths, `{title: path}` and `{title: [children]}`."""


def escaped(title: str) -> str:
    return html.escape(title, quote=True)


def _folder(path: str) -> tuple[str, str]:
    """`werkers/sanne/uren.md` -> (`werkers`, `sanne`); other depths give empty parts."""
    parts = path.split("/")
    return (parts[0], parts[1]) if len(parts) == 3 else ("", "")


def branches(pages: Sequence[Page], team_of: Mapping[str, str] | None = None) -> dict[str, Nav]:
    """What hangs under each generated overview page: anchor path -> its children.

    On a site of several teams (`teams/<slug>/` pages) the workers are grouped per team
    (`team_of`: worker slug -> team slug), so a worker's page lists her team's colleagues and
    the other teams, not every worker of the organisation; the overview table still lists
    everyone."""
    workers: dict[str, list[Page]] = {}
    teams: dict[str, list[Page]] = {}
    items: list[str] = []
    for page in pages:
        if page.source:
            continue
        top, slug = _folder(page.path)
        if top == "werkers":
            workers.setdefault(slug, []).append(page)
        elif top == "teams":
            teams.setdefault(slug, []).append(page)
        elif _is_item(page.path):
            items.append(page.path)
    found: dict[str, Nav] = {}
    if 0 < len(workers) <= WORKERS_IN_NAV:
        found[WORKERS] = _grouped(workers, teams, team_of or {})
    if teams:
        found[TEAM] = [_section(own) for own in teams.values()]
    if items:
        found[FRAMEWORKS] = items
    return found


def _is_item(path: str) -> bool:
    return path.startswith("kaders/") and path.count("/") == 1 and path != FRAMEWORKS


def _grouped(
    workers: dict[str, list[Page]], teams: dict[str, list[Page]], team_of: Mapping[str, str]
) -> Nav:
    if len(teams) < 2:
        return [_section(own) for own in workers.values()]
    groups: dict[str, Nav] = {slug: [] for slug in teams}
    loose: Nav = []
    for slug, own in workers.items():
        team = team_of.get(slug, "")
        groups.get(team, loose).append(_section(own))
    titled = [
        {escaped(teams[slug][0].title): members} for slug, members in groups.items() if members
    ]
    return [*titled, *loose]


def _section(pages: list[Page]) -> dict[str, Nav]:
    """A worker's or a team's pages, titled with her (its) name: the first page's title."""
    return {escaped(pages[0].title): [p.path for p in pages]}


def default_nav(pages: Sequence[Page], own: Sequence[str]) -> Nav:
    """Without a `nav:` in mkdocs.yml: the generated top pages, then the team's own pages
    (top level, sorted), as MkDocs would otherwise list everything in the folder."""
    generated = {p.path for p in pages}
    top = [p.path for p in pages if p.in_nav]
    extra = sorted(p for p in own if p.endswith(".md") and "/" not in p and p not in generated)
    return [*top, *extra]


def expand(nav: Nav, pages: Sequence[Page], team_of: Mapping[str, str] | None = None) -> Nav:
    """The team's `nav:` with the generated branches hung under their overview pages.

    An overview that opens a section of its own (`Team: [team/index.md, ...]`) gets the
    branch appended to that section; one that stands alone (`Medewerkers: werkers/index.md`)
    becomes a section with the overview as its index page. Pages the team's nav already
    names are not added twice."""
    found = branches(pages, team_of)
    named = _mentioned(nav)
    for anchor, children in list(found.items()):
        kept = [c for c in children if not (_mentioned([c]) & named)]
        if kept:
            found[anchor] = kept
        else:
            del found[anchor]
    return _walk(nav, found)


def _walk(items: Nav, found: dict[str, Nav], *, section: bool = False) -> Nav:
    out: Nav = []
    tail: Nav = []
    for at, item in enumerate(items):
        title, value = _split(item)
        if isinstance(value, list):
            children = _walk(value, found, section=True)
            out.append({title: children} if title is not None else children)
        elif section and at == 0 and value in found:
            # The index page of the enclosing section: the branch goes at its end.
            out.append(item)
            tail = found.pop(value)
        elif value in found:
            out.append({title or _default_title(value): [value, *found.pop(value)]})
        else:
            out.append(item)
    return out + tail


def _default_title(path: str) -> str:
    return {WORKERS: "Medewerkers", FRAMEWORKS: "Kaders", TEAM: "Team"}.get(
        path, posixpath.splitext(posixpath.basename(path))[0]
    )


def _split(item: Any) -> tuple[str | None, Any]:
    if isinstance(item, dict) and len(item) == 1:
        ((title, value),) = item.items()
        return str(title), value
    return None, item


def _path(item: Any) -> Any:
    return _split(item)[1]


def _mentioned(nav: Any) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(_mentioned(v) for v in nav.values())) if nav else set()
    if isinstance(nav, list):
        return set().union(*(_mentioned(v) for v in nav)) if nav else set()
    return set()


OPTIONAL_PAGES = frozenset({"bijeenkomsten", "kennis", "wie-weet-wat", "burgers"})
"""Team pages that are left out when they have nothing to show (`pieces.team_has`)."""


def prune_nav(nav: object, present: set[str]) -> object:
    """A `nav:` tree without the optional team pages that were not built for this audience,
    so that a team's mkdocs.yml that lists them gives no warning (and no empty tab)."""
    if isinstance(nav, list):
        items = [prune_nav(item, present) for item in nav]
        return [item for item in items if item not in (None, [], {})]
    if isinstance(nav, dict):
        pairs = {key: prune_nav(value, present) for key, value in nav.items()}
        return {k: v for k, v in pairs.items() if v not in (None, [], {})} or None
    if isinstance(nav, str) and nav not in present:
        parts = nav.removesuffix(".md").split("/")
        if parts[0] in ("team", "teams") and parts[-1] in OPTIONAL_PAGES:
            return None
    return nav
