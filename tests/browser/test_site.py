"""End to end: the example team's site in headless Chromium, checked with axe-core."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pytest

from tests.publish_repo import DASHBOARD_SECTIONS, REPO

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "werkers/sanne-de-boer/",
    "werkers/sanne-de-boer/uren/",
    "werkers/sanne-de-boer/zelftoetsen/",
    "team/bijeenkomsten/",
    "kaders/integriteit/",
    "handleiding/",
]


def open_page(browser: Any, url: str, scheme: str = "light") -> tuple[Any, list[str]]:
    """A page that records (and blocks) every request to a host other than 127.0.0.1."""
    page = browser.new_page(color_scheme=scheme)
    foreign: list[str] = []

    def route(request_route: Any) -> None:
        host = urlparse(request_route.request.url).hostname
        if request_route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            request_route.continue_()
        else:
            foreign.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="networkidle")
    return page, foreign


def test_home_shows_the_dashboard(browser: Any, example_site: str) -> None:
    page, foreign = open_page(browser, example_site)
    body = page.inner_text("article")
    for text in (*DASHBOARD_SECTIONS, "Sanne de Boer"):
        assert text in body
    # "Aandacht nodig" comes first, the most urgent worker on top (Marieke: cycle ends soon).
    first = page.locator("article table").first.locator("tbody tr").first.inner_text()
    assert first.startswith("Marieke Jansen") and "risico" in first
    assert page.get_attribute("html", "lang") == "nl"
    page.screenshot(path=str(REPO / ".pytest_cache" / "home.png"), full_page=True)
    assert foreign == []


def test_worker_pages_show_goals_and_hours(browser: Any, example_site: str) -> None:
    page, foreign = open_page(browser, example_site + "werkers/sanne-de-boer/")
    body = page.inner_text("article")
    assert "Sanne de Boer" in body and "Leerdoelen" in body and "acties" in body
    page.click("article a:has-text('Uren')")
    page.wait_for_load_state("networkidle")
    body = page.inner_text("article")
    assert "Nog nodig" in body and "Geaccrediteerde deskundigheidsbevordering" in body
    assert page.locator("article svg[role=img] title").count() == 1
    assert foreign == []


def test_search_works_offline(browser: Any, example_site: str) -> None:
    page, foreign = open_page(browser, example_site)
    page.click("input.md-search__input")
    page.keyboard.type("schulden")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert page.locator(".md-search-result__item").count() > 0
    assert foreign == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(
    browser: Any, example_site: str, axe_source: str, path: str, scheme: str
) -> None:
    page, foreign = open_page(browser, example_site + path, scheme)
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        "async () => (await axe.run()).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
    )
    assert violations == []
    assert foreign == []
