"""Issue #11.4: the built site works when opened straight from disk (file://).

Both audiences of the example team are built once; Chromium opens `index.html` from the
folder, clicks through the tabs, a worker's pages and a framework item, and checks that real
pages load (no directory listing), that the right tab is marked active and that every page
says for whom it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def sites(example_site_builds: Any, engine: str) -> dict[str, Path]:
    built = example_site_builds(engine)
    return {
        "team": built["team"] / "teamsite",
        "publiek": built["publiek"] / "public",
    }


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.errors = errors
    yield opened
    context.close()


def _is_a_real_page(page: Any, heading: str) -> None:
    assert page.url.startswith("file://") and page.url.endswith(".html"), page.url
    assert "Index of" not in page.title()
    assert page.locator("article h1").first.inner_text().strip().rstrip("¶") == heading
    assert page.locator(".md-header").count() == 1


def _active_tab(page: Any) -> str:
    active = page.locator(".md-tabs__item--active")
    assert active.count() == 1, page.url
    return str(active.inner_text()).strip()


def _other_errors(page: Any) -> list[str]:
    """Material asks for a search index script that only a server gives; nothing else fails."""
    return [e for e in page.errors if "search_index.js" not in e]


def test_team_site_from_disk_tabs_worker_pages_and_frameworks(
    page: Any, sites: dict[str, Path]
) -> None:
    page.goto((sites["team"] / "index.html").as_uri())
    assert page.locator(".prof-publiek--team").inner_text().startswith("Teamsite")
    assert _active_tab(page) == "Home"
    # Search needs a server: from disk no search box that finds nothing (README).
    assert not page.locator(".md-search").first.is_visible()

    page.locator(".md-tabs__link", has_text="Medewerkers").click()
    _is_a_real_page(page, "Medewerkers")
    assert page.url.endswith("/werkers/index.html")
    assert _active_tab(page) == "Medewerkers"

    page.locator("article a", has_text="Noor Bakker").first.click()
    _is_a_real_page(page, "Noor Bakker")
    assert page.url.endswith("/werkers/noor-bakker/index.html")
    assert _active_tab(page) == "Medewerkers"

    # Her own pages are in the sidebar, under her name, and so is every colleague (a link to
    # her profile: navigation.prune leaves the colleagues' own pages out of this page).
    sidebar = page.locator("nav.md-nav--primary")
    own = sidebar.locator('a[href="reflecties.html"], a[href="./reflecties.html"]')
    assert own.count() == 1 and own.is_visible()
    assert sidebar.locator('a[href$="sanne-de-boer/index.html"]').count() == 1
    assert sidebar.locator('a[href$="sanne-de-boer/reflecties.html"]').count() == 0
    own.click()
    _is_a_real_page(page, "Reflecties van Noor Bakker")
    assert _active_tab(page) == "Medewerkers"

    page.locator("article a", has_text="Priya Ramdin").first.click()  # "volgende medewerker"
    _is_a_real_page(page, "Priya Ramdin")
    page.locator("article a", has_text="Noor Bakker").first.click()  # "vorige medewerker"
    _is_a_real_page(page, "Noor Bakker")

    page.locator(".md-tabs__link", has_text="Kaders").click()
    _is_a_real_page(page, "Kaders")
    assert _active_tab(page) == "Kaders"
    page.locator('article a[href$="netwerken.html"]').first.click()
    _is_a_real_page(page, "Netwerken")
    assert page.url.endswith("/kaders/netwerken.html")
    assert _active_tab(page) == "Kaders"

    page.locator(".md-tabs__link", has_text="Team").click()
    _is_a_real_page(page, "Team")
    assert _active_tab(page) == "Team"
    assert _other_errors(page) == []


def test_public_site_from_disk_shows_the_opted_in_worker_and_team_entries(
    page: Any, sites: dict[str, Path]
) -> None:
    page.goto((sites["publiek"] / "index.html").as_uri())
    assert page.locator(".prof-publiek--publiek").inner_text().startswith("Openbare site")
    assert "Teamsite" not in page.content()

    page.locator(".md-tabs__link", has_text="Medewerkers").click()
    _is_a_real_page(page, "Medewerkers")
    names = page.locator("article table a").all_inner_texts()
    assert names == ["Priya Ramdin"]
    page.locator("article table a", has_text="Priya Ramdin").click()
    _is_a_real_page(page, "Priya Ramdin")
    assert _active_tab(page) == "Medewerkers"
    assert page.locator("article", has_text="vorige medewerker").count() == 0  # she is the only one

    page.locator(".md-tabs__link", has_text="Team").click()
    page.locator("article a", has_text="Kennisbank").first.click()
    _is_a_real_page(page, "Kennisbank")
    assert page.locator("article h2", has_text="Samenwerken met ervaringsdeskundigen").count()
    assert _active_tab(page) == "Team"
    assert _other_errors(page) == []


def test_narrow_screen_from_disk_reaches_a_worker_through_the_drawer(
    browser: Any, sites: dict[str, Path]
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto((sites["team"] / "index.html").as_uri())
        # Search needs a server: from disk no magnifier that opens nothing (README).
        assert not page.locator('label.md-header__button[for="__search"]').is_visible()
        # Two choices in the drawer reach any colleague: Medewerkers, then her name.
        page.locator('label.md-header__button[for="__drawer"]').click()
        drawer = page.locator("nav.md-nav--primary")
        drawer.locator("a.md-nav__link", has_text="Medewerkers").first.click()
        _is_a_real_page(page, "Medewerkers")
        page.locator('label.md-header__button[for="__drawer"]').click()
        page.wait_for_timeout(400)  # the drawer slides
        colleague = drawer.locator('a[href$="marieke-jansen/index.html"]').first
        assert colleague.is_visible()
        colleague.click()
        _is_a_real_page(page, "Marieke Jansen")
        # Her own pages are in the drawer of her profile.
        page.locator('label.md-header__button[for="__drawer"]').click()
        page.wait_for_timeout(400)
        drawer.locator('a[href$="reflecties.html"]').filter(has_text="Reflecties").first.click()
        _is_a_real_page(page, "Reflecties van Marieke Jansen")
    finally:
        context.close()
