"""The meetings filter, the citizens page and an evidence page in headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

MEETINGS = "team/bijeenkomsten.html"


def _visible_rows(page: Any) -> int:
    """Rows the reader sees: not hidden, and not shown anyway by a stylesheet (on a phone the
    rows are stacked as cards with `display: block`, which must not beat `hidden`)."""
    return int(
        page.eval_on_selector_all(
            ".prof-filter tbody tr",
            "rs => rs.filter(r => r.getBoundingClientRect().height > 0).length",
        )
    )


def test_meetings_filter_by_kind_and_signal(browser: Any, example_site: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(example_site + MEETINGS, wait_until="load")
    count = page.locator(".prof-filter__count")
    assert page.is_visible(".prof-filter__controls")
    assert count.inner_text() == "8 van 8 bijeenkomsten"
    page.get_by_label("Soort").select_option("leercirkel")
    assert count.inner_text() == "3 van 8 bijeenkomsten" and _visible_rows(page) == 3
    page.get_by_label("Signaal").select_option("huisvesting")
    assert count.inner_text() == "0 van 8 bijeenkomsten" and _visible_rows(page) == 0
    page.get_by_label("Soort").select_option("")
    assert count.inner_text() == "1 van 8 bijeenkomsten"
    # Keyboard only: Tab reaches the controls and arrow keys change the choice.
    page.get_by_label("Signaal").select_option("")
    page.get_by_label("Soort").focus()
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("Soort").input_value() == "casusbespreking"
    assert count.inner_text() == "2 van 8 bijeenkomsten"
    page.close()


@pytest.mark.parametrize("width", [390, 1400])
def test_home_filters_the_conversations_by_their_approval(
    browser: Any, example_site: str, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(example_site + "index.html", wait_until="load")
    box = page.locator('[data-prof-filter="gesprekken"]')
    count = box.locator(".prof-filter__count")
    assert count.inner_text() == "5 van 5 gesprekken"
    box.get_by_label("Akkoord").select_option("gegeven")  # the example has no approvals yet
    assert count.inner_text() == "0 van 5 gesprekken" and _visible_rows(page) == 0
    box.get_by_label("Akkoord").select_option("wacht")
    assert count.inner_text() == "5 van 5 gesprekken"
    visible = box.locator("tbody tr:not([hidden])")
    assert visible.count() == 5
    # The links in the table lead to the conversation on the worker's page.
    box.locator("tbody tr a").nth(1).click()
    page.wait_for_load_state("load")
    assert page.url.endswith("#2026-09-15-loopbaan")
    page.close()


def test_meetings_table_without_script(browser: Any, example_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_site + MEETINGS)
    assert not page.is_visible(".prof-filter__controls"), "no controls that cannot work"
    assert _visible_rows(page) == 8
    context.close()


@pytest.mark.parametrize("width", [390, 1400])
@pytest.mark.parametrize(
    "path",
    [
        MEETINGS,
        "team/burgers.html",
        "bijlagen/bewijs/priya-ramdin/verslag-buurtgesprek-armoede.html",
    ],
)
def test_new_pages_pass_axe(
    browser: Any, example_site: str, axe_source: str, path: str, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(example_site + path, wait_until="load")  # the page's scripts have run
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways page"
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        "async () => (await axe.run()).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
    )
    assert violations == []
    page.close()
