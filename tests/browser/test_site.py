"""End to end: the example team's site in headless Chromium, checked with axe-core."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from profcli.publish.context import TEAM_SITE_DIR
from tests.browser.conftest import without_search
from tests.publish_repo import DASHBOARD_SECTIONS, REPO

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "werkers/index.html",
    "werkers/sanne-de-boer/index.html",
    "werkers/sanne-de-boer/reflecties.html",
    "werkers/sanne-de-boer/zelftoetsen.html",
    "werkers/sanne-de-boer/uren.html",
    "kaders/index.html",
    "kaders/integriteit.html",
    "team/index.html",
    "team/bijeenkomsten.html",
    "team/kennis.html",
    "team/wie-weet-wat.html",
    "team/burgers.html",
    "handleiding.html",
    "colofon.html",
    "over.html",
]
"""Every kind of page of a one-team site (a team of several teams adds per-team copies)."""
CHART_PAGES = [
    "werkers/sanne-de-boer/zelftoetsen.html",
    "werkers/sanne-de-boer/uren.html",
    "kaders/integriteit.html",
]
PHONE, DESKTOP = 390, 1400
FOREIGN = re.compile(r"^(?!(?:data:|blob:|[a-z][a-z0-9+.-]*://127\.0\.0\.1(?:[:/?#]|$)))", re.I)
"""Every address but data:, blob: and those of host 127.0.0.1 (the test server), whatever
the scheme or port: `http://127.0.0.1.evil.example/` and `http://localhost/` match."""


def open_page(
    browser: Any, url: str, scheme: str = "light", width: int = 1280, *, settle: bool = False
) -> tuple[Any, list[str]]:
    """A page that records (and blocks) every request to a host other than 127.0.0.1.

    It returns once the page has loaded (its scripts have run). With `settle` it waits
    until the network has been quiet for half a second (Material's search worker fetching its
    index): the window in which a late request to another host would still show. That costs
    0.75 s a page, so one test per page and engine settles (the light accessibility check,
    the first page of the several-teams site, search and instant navigation); the rest
    measure the loaded page, without the search index (`without_search`)."""
    page = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 900})
    foreign: list[str] = []

    def route(request_route: Any) -> None:
        foreign.append(request_route.request.url)
        request_route.abort()

    # Only the requests FOREIGN matches come to Python; the browser lets the local ones (the
    # site's own files, a page's dozen) through by itself instead of asking this process.
    page.route(FOREIGN, route)
    if not settle:
        without_search(page)
    page.goto(url, wait_until="networkidle" if settle else "load")
    return page, foreign


def test_foreign_addresses_are_those_of_other_hosts() -> None:
    """`open_page` blocks and records exactly what FOREIGN matches."""
    for url in (
        "https://fonts.googleapis.com/css?family=Roboto",
        "http://127.0.0.1.evil.example/x.js",
        "http://localhost:8000/",
        "wss://example.org/socket",
        "//cdn.example/x.js",
    ):
        assert FOREIGN.match(url), url
    for url in ("http://127.0.0.1:8123/", "http://127.0.0.1/a.css", "data:,x", "blob:http://x/1"):
        assert not FOREIGN.match(url), url


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
    page.close()


def test_worker_pages_show_goals_and_hours(browser: Any, example_site: str) -> None:
    page, foreign = open_page(browser, example_site + "werkers/sanne-de-boer/index.html")
    body = page.inner_text("article")
    assert "Sanne de Boer" in body and "Leerdoelen" in body and "acties" in body
    page.click("article a:has-text('Uren')")
    page.wait_for_load_state("networkidle")
    body = page.inner_text("article")
    assert "Nog nodig" in body and "Geaccrediteerde deskundigheidsbevordering" in body
    # One chart, drawn wide and narrow; the reader (and her screen reader) meets one of them.
    assert page.locator("article .prof-grafiek").count() == 1
    assert page.locator("article svg[role=img]:visible").count() == 1
    assert foreign == []
    page.close()


ZENSICAL_RESULTS = """() => [...document.querySelectorAll('*')].filter(e => e.shadowRoot)
  .flatMap(e => [...e.shadowRoot.querySelectorAll('a[href*="?h=schulden"]')]).length"""
"""Zensical draws its search dialog in a shadow root; each result links with `?h=`."""


def test_search_works_offline(browser: Any, example_site: str, engine: str) -> None:
    page, foreign = open_page(browser, example_site, settle=True)
    if engine == "zensical":  # the theme's own chrome: another search dialog
        page.click(".md-search__button")
        page.keyboard.type("schulden")
        page.wait_for_function(f"({ZENSICAL_RESULTS})() > 0", timeout=10000)
    else:
        page.click("input.md-search__input")
        page.keyboard.type("schulden")
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        assert page.locator(".md-search-result__item").count() > 0
    assert foreign == []
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(
    browser: Any, example_site: str, axe_source: str, path: str, scheme: str
) -> None:
    page, foreign = open_page(browser, example_site + path, scheme, settle=scheme == "light")
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        "async () => (await axe.run()).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
    )
    assert violations == []
    assert foreign == []
    page.close()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways(browser: Any, example_site: str, path: str, width: int) -> None:
    page, foreign = open_page(browser, example_site + path, width=width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert foreign == []
    page.close()


def test_the_attention_table_fits_a_desktop(browser: Any, example_site: str) -> None:
    """At 1400 px the home page's table of ten columns and more shows its last column (the
    agreements) without a sideways scroll inside its box (it used to hide behind one)."""
    page, _ = open_page(browser, example_site + "index.html", width=DESKTOP)
    widths = page.evaluate(
        """() => [...document.querySelectorAll('table[data-prof-zeer-breed]')].map(t => {
            const box = t.closest('.md-typeset__scrollwrap') || t.parentElement;
            return [box.scrollWidth, box.clientWidth];
        })"""
    )
    assert widths, "the home page has no table of ten columns or more"
    assert all(scroll <= client for scroll, client in widths), widths
    page.close()


RENDERED_TEXT = """() => Array.from(document.querySelectorAll('article svg text'))
  .filter(t => t.getBoundingClientRect().width > 0)
  .map(t => {
    const svg = t.ownerSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const box = t.getBoundingClientRect();
    return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
            left: box.left, right: box.right,
            svgLeft: svg.getBoundingClientRect().left, svgRight: svg.getBoundingClientRect().right};
  })"""


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("path", CHART_PAGES)
def test_chart_text_is_readable(browser: Any, example_site: str, path: str, width: int) -> None:
    """SVG text shrinks with its drawing: measure what the reader actually gets."""
    page, _ = open_page(browser, example_site + path, width=width)
    # the drawing for this width, once the stylesheet has picked it (a CI run once measured
    # before any chart text was laid out: 1 of 1,604 tests, not reproduced)
    page.locator("article .prof-grafiek svg:visible").first.wait_for(timeout=10_000)
    texts = page.evaluate(RENDERED_TEXT)
    assert texts, "geen zichtbare grafiektekst"
    small = [(t["text"], round(t["px"], 1)) for t in texts if t["px"] < 12]
    assert small == []
    # Labels are not cut off: every text lies within its drawing (1 px for rounding).
    cut = [
        t["text"] for t in texts if t["left"] < t["svgLeft"] - 1 or t["right"] > t["svgRight"] + 1
    ]
    assert cut == []
    page.close()


def test_trend_has_a_time_axis_in_dutch(browser: Any, example_site: str) -> None:
    page, _ = open_page(
        browser, example_site + "werkers/sanne-de-boer/zelftoetsen.html", width=PHONE
    )
    chart = page.locator("article .prof-grafiek svg.prof-smal").first
    ticks = chart.locator("text.prof-as").all_text_contents()
    assert ticks and all(re.fullmatch(r"[a-z]{3} 20\d\d", t) for t in ticks)
    # Sanne's self-checks: 12 Feb 2024, 10 Mar 2026, 15 Sep 2026; x follows the dates.
    xs = [
        float(x)
        for x in chart.locator("circle").evaluate_all(
            "cs => cs.slice(0, 3).map(c => c.cx.baseVal.value)"
        )
    ]
    assert (xs[1] - xs[0]) / (xs[2] - xs[1]) == pytest.approx(757 / 189, rel=0.02)
    assert chart.locator("text.prof-waarde").count() >= 3
    page.close()


def _column(page: Any, table: Any, index: int) -> list[str]:
    return [
        c.strip() for c in table.locator(f"tbody tr > :nth-child({index + 1})").all_inner_texts()
    ]


def _dutch_date(text: str) -> tuple[int, int, int]:
    day, month, year = text.replace("\u2011", "-").split()[:3] if " " in text else ("", "", "")
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]  # fmt: skip
    return int(year), months.index(month) + 1, int(day)


def test_tables_sort_by_clicking_a_header(browser: Any, example_site: str) -> None:
    page, foreign = open_page(browser, example_site)
    table = page.locator("article table").first  # Aandacht nodig
    header = table.locator("thead th").first
    button = header.locator("button.prof-sorteer")
    assert button.inner_text().startswith("Medewerker")
    before = _column(page, table, 0)
    button.click()
    names = _column(page, table, 0)
    assert header.get_attribute("aria-sort") == "ascending"
    assert names == sorted(before, key=str.casefold) and names != before
    button.click()
    assert header.get_attribute("aria-sort") == "descending"
    assert _column(page, table, 0) == sorted(before, key=str.casefold, reverse=True)
    # Keyboard: the header is a button, Enter on it sorts by "Punten (nog nodig)" as numbers
    # with a decimal comma ("57,5 / 140").
    points = table.locator("thead th").nth(3)
    points.locator("button").focus()
    page.keyboard.press("Enter")
    assert points.get_attribute("aria-sort") == "ascending"
    assert header.get_attribute("aria-sort") is None
    values = [float(v.split("/")[0].replace(",", ".")) for v in _column(page, table, 3)]
    assert values == sorted(values) and len(set(values)) > 1
    assert foreign == []
    page.close()


def test_dates_sort_as_dates(browser: Any, example_site: str) -> None:
    page, _ = open_page(browser, example_site + "werkers/sanne-de-boer/uren.html")
    table = page.locator("article table").nth(1)  # all activities, newest first
    header = table.locator("thead th").first
    assert header.inner_text().startswith("Datum")
    header.locator("button").click()
    dates = [_dutch_date(d) for d in _column(page, table, 0)]
    assert dates == sorted(dates) and len(set(dates)) > 2
    page.close()


def test_wide_tables_stack_on_a_phone(browser: Any, example_site: str) -> None:
    """On a phone the columns that matter stay in view: every value of the Aandacht table
    is on screen, named by its column."""
    page, _ = open_page(browser, example_site, width=PHONE)
    row = page.locator("article table").first.locator("tbody tr").first
    for name in ("Medewerker", "Tempo", "Einde cyclus", "Punten (nog nodig)"):
        cell = row.locator(f'td[data-label="{name}"]')
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE, name
        assert cell.evaluate("c => getComputedStyle(c, '::before').content") == f'"{name}"'
    page.close()


A4_TEXT_WIDTH = 688
"""A4 (210 mm) less the print stylesheet's margins (2 x 14 mm), in CSS pixels (96 per inch)."""


@pytest.mark.parametrize(
    "path",
    [
        "",
        "werkers/sanne-de-boer/index.html",
        "werkers/sanne-de-boer/uren.html",
        "werkers/sanne-de-boer/zelftoetsen.html",
    ],
)
def test_pages_print_on_a4(browser: Any, example_site: str, path: str) -> None:
    page, _ = open_page(browser, example_site + path, width=A4_TEXT_WIDTH)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_TEXT_WIDTH
    cut = page.evaluate(
        "Array.from(document.querySelectorAll('article table'))"
        ".filter(t => t.getBoundingClientRect().right > innerWidth + 1).length"
    )
    assert cut == 0
    assert (
        page.locator("article svg.prof-breed").count()
        == page.locator("article .prof-grafiek").count()
    )
    pdf = page.pdf(format="A4", print_background=False)
    sizes = set(re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf))
    assert sizes and all(abs(float(w) - 595.9) < 1 and abs(float(h) - 842.9) < 1 for w, h in sizes)
    page.close()


def test_dossier_prints_on_a4(browser: Any, tmp_path: Any) -> None:
    from click.testing import CliRunner

    from profcli.cli import main
    from tests.browser.conftest import TODAY
    from tests.publish_repo import site_copy

    root = site_copy(tmp_path)
    out = tmp_path / "dossier"
    result = CliRunner().invoke(
        main, ["-C", str(root), "--vandaag", TODAY, "export", "sanne-de-boer", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    width = 658  # A4 less the dossier's 2 x 18 mm margins
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto((out / "dossier.html").as_uri())
    page.emulate_media(media="print")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    pdf = page.pdf(prefer_css_page_size=True)
    sizes = set(re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf))
    assert sizes and all(abs(float(w) - 595.9) < 1 and abs(float(h) - 842.9) < 1 for w, h in sizes)
    pages = len(re.findall(rb"/Type /Page\b", pdf))
    assert 1 <= pages <= 4
    page.close()


@pytest.mark.parametrize(
    "path",
    [
        "",
        "werkers/sanne-de-boer/uren.html",
        "werkers/sanne-de-boer/zelftoetsen.html",
        "kaders/integriteit.html",
    ],
)
def test_no_serious_accessibility_violations_on_a_phone(
    browser: Any, example_site: str, axe_source: str, path: str
) -> None:
    """The stacked tables and the narrow charts are only laid out on a phone: check them there."""
    page, _ = open_page(browser, example_site + path, width=PHONE)
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        "async () => (await axe.run()).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
    )
    assert violations == []
    page.close()


def test_sorting_survives_instant_navigation(browser: Any, tmp_path: Any, engine: str) -> None:
    """With Material's instant navigation a page change swaps the content without loading the
    scripts again; the tables of the new page must still sort (profcli.js follows document$)."""
    from tests.browser.conftest import build_site, serve
    from tests.publish_repo import site_copy

    root = site_copy(tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    - navigation.tabs\n" in text
    # Instant navigation needs a site_url whose host and port are those of the server
    # (Material keeps only the path of the sitemap's addresses): serve first, then build.
    base, server = serve(root / TEAM_SITE_DIR)
    text = text.replace(
        "    - navigation.tabs\n", "    - navigation.tabs\n    - navigation.instant\n"
    )
    config.write_text(f"site_url: {base}\n" + text, encoding="utf-8")
    build_site(root, engine=engine)
    try:
        page, foreign = open_page(browser, base, settle=True)
        page.evaluate("window.profMarker = 1")  # gone if the browser loads a whole new page
        page.click("article a:has-text('alle medewerkers')")
        page.wait_for_url("**/werkers/index.html")
        # The address changes before the new content replaces the old: wait for the new
        # page's heading, or the home page's tables would be measured (one CI run did).
        page.wait_for_function(
            "() => (document.querySelector('article h1') || {}).textContent"
            " && document.querySelector('article h1').textContent.trim()"
            ".startsWith('Medewerkers')"
        )
        page.wait_for_selector("article table th button.prof-sorteer")
        assert page.evaluate("window.profMarker") == 1
        table = page.locator("article table").first
        header = table.locator("thead th").first
        assert table.locator("thead th button").count() == table.locator("thead th").count()
        before = _column(page, table, 0)
        header.locator("button").click()
        header.locator("button").click()
        assert header.get_attribute("aria-sort") == "descending"
        assert _column(page, table, 0) == sorted(before, key=str.casefold, reverse=True)
        assert foreign == []
        page.close()
    finally:
        server.shutdown()


TEAMS_WORKERS = 20
"""Two teams (benchmarks.generate: one per 12 workers, rounded) of ten: several teams, each
with pages of its own, and no more pages than that needs."""


@pytest.fixture(scope="session")
def teams_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Iterator[tuple[str, str]]:
    """A generated repository of several teams: the per-team pages exist only there. Built
    once per run and engine, shared by the xdist workers. Yields the address and the slug of
    the first team."""
    from benchmarks.generate import generate
    from tests.browser.conftest import build_site, serve
    from tests.conftest import shared_folder

    def make(folder: Path) -> None:
        generate(folder / "repo", TEAMS_WORKERS)
        build_site(folder / "repo", engine=engine)

    public = shared_folder(tmp_path_factory, f"teams-{engine}", make) / "repo" / TEAM_SITE_DIR
    teams = sorted(p.name for p in (public / "teams").iterdir())
    assert len(teams) >= 2, teams
    base, server = serve(public)
    yield base, teams[0]
    server.shutdown()


TEAM_PAGES = ["", "index.html", "kaders.html", "bijeenkomsten.html", "kennis.html", "burgers.html"]
"""The home page, and the pages of the first team (one test each, so xdist can spread them)."""


@pytest.mark.parametrize("name", TEAM_PAGES)
def test_team_pages_of_several_teams(
    browser: Any, teams_site: tuple[str, str], axe_source: str, name: str
) -> None:
    base, team = teams_site
    path = f"teams/{team}/{name}" if name else ""
    page, foreign = open_page(browser, base + path, width=PHONE, settle=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE, path
    assert foreign == []
    page.close()
    for scheme in ("light", "dark"):
        page, _ = open_page(browser, base + path, scheme)
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(
            "async () => (await axe.run()).violations"
            ".filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)"
        )
        assert violations == [], (path, scheme)
        page.close()
