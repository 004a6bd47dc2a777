"""Browser fixtures: Debian's Chromium driven by Playwright, axe-core from the test extras
(axe-playwright-python ships it).

Skipped when Chromium or axe-core is missing, unless `PROF_REQUIRE_BROWSER=1` (CI), in which
case a missing browser is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from profcli.cli import main
from tests.publish_repo import ENGINES, REPO

HEADLESS_SHELL = Path("/usr/lib/chromium/chromium-headless-shell")
"""Debian's chromium-headless-shell: the same Chromium build without the browser's window
machinery, what Playwright itself runs for headless tests. A page opened and checked with axe
takes 0.63 s in it against 1.08 s in /usr/bin/chromium (same version, same pages); the browser
tests are most of the suite's CPU time."""
CHROMIUM = Path(
    os.environ.get("PROF_CHROMIUM")
    or (HEADLESS_SHELL if HEADLESS_SHELL.is_file() else Path("/usr/bin/chromium"))
)


def _axe() -> Path:
    """axe-core as the PyPI package axe-playwright-python ships it (a test extra), so that the
    README's test command runs the accessibility tests too; npm is not needed."""
    try:
        import axe_playwright_python  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return REPO / "node_modules" / "axe-core" / "axe.min.js"
    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


AXE = _axe()
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TODAY = "2026-11-22"


SEARCH_INDEX = re.compile(r"/search(?:/search_index)?\.json(?:[?#].*)?$")
"""The search index of MkDocs Material (search/search_index.json) and of Zensical
(search.json)."""


def without_search(page: Any) -> None:
    """Refuse `page` its search index: the theme's search worker then builds no index, which
    on a 2-core machine costs every page open CPU time the other test is waiting for. For the
    tests that do not search; the search test and the settling opens keep it."""
    page.route(SEARCH_INDEX, lambda route: route.abort())


def _missing(what: str) -> None:
    if os.environ.get("PROF_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} ontbreekt en PROF_REQUIRE_BROWSER=1")
    pytest.skip(f"{what} ontbreekt")


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        _missing("axe-core (pip install axe-playwright-python, in de test-extra's)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        _missing(f"Chromium ({CHROMIUM})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright voor Python")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Every browser test that builds a site runs on each engine's output (issue #18)."""
    return str(request.param)


def build_site(root: Path, *extra: str, engine: str = "mkdocs") -> Path:
    result = CliRunner().invoke(
        main,
        ["-C", str(root), "build", "--strict", "--vandaag", TODAY, "--engine", engine, *extra],
    )
    assert result.exit_code == 0, result.output
    return root / ("public" if "publiek" in extra else "teamsite")


@functools.cache
def _handler(directory: str) -> type[http.server.SimpleHTTPRequestHandler]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=directory, **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Quiet


def serve(public: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(str(public)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


@pytest.fixture(scope="session")
def example_site(example_site_builds: Any, engine: str) -> Iterator[str]:
    """The example team's team site, built once per session by each engine, served on a free
    local port."""
    base, server = serve(example_site_builds(engine)["team"] / "teamsite")
    yield base
    server.shutdown()
