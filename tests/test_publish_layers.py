"""The layers of profcli/publish, checked on the source so they cannot silently erode.

Pages share pieces through modules they all import, never through each other: a page module
imports only the base modules and the shared piece modules, and only `pages.py` (the one list
of pages) imports the page modules. Every module has to be placed in a layer here, so a new one
is a conscious choice and not a way around the rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PUBLISH = Path(__file__).resolve().parent.parent / "profcli" / "publish"
PACKAGE = "profcli.publish"

BASE = {"context", "labels", "markdown", "charts"}
"""Rendering tools and the audience: no pages, no pieces."""
PIECES = {
    "pieces",
    "dashboard",
    "attention",
    "followup",
    "evidence",
    "scores",
    "talks",
    "approved",
}
"""Building blocks that several pages show."""
PAGES = {
    "home",
    "workers",
    "records",
    "team",
    "summary",
    "items",
    "colophon",
    "manual",
    "citizens",
}
"""Each renders pages; the list of pages and their order is in `pages.py`."""
ASSEMBLY = {"pages"}
SOURCE = {"navigation", "source", "folder"}
"""What any engine needs besides the pages: the menu, the documents with their titles, our
assets and theme, the settings, and all of it written to a folder (for Zensical)."""
ADAPTERS = {"__init__", "site", "plugin", "preview", "engine"}
"""Writing the pages to a folder or serving them through MkDocs (preview: what the live
preview adds, the errors on each page and a rebuild that cannot hang the server)."""

ALLOWED = {
    **dict.fromkeys(BASE, BASE),
    **dict.fromkeys(PIECES, BASE | PIECES),
    **dict.fromkeys(PAGES, BASE | PIECES),
    **dict.fromkeys(ASSEMBLY, BASE | PIECES | PAGES),
    **dict.fromkeys(SOURCE, BASE | SOURCE),
    **dict.fromkeys(ADAPTERS, BASE | ASSEMBLY | SOURCE | ADAPTERS),
}


def publish_imports(path: Path) -> set[str]:
    """The profcli.publish modules a file imports, anywhere in it (also inside functions)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = PACKAGE.rsplit(".", node.level - 1)[0] if node.level > 1 else PACKAGE
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            if module == PACKAGE:
                names = [f"{PACKAGE}.{alias.name}" for alias in node.names]
            else:
                names = [module]
        else:
            continue
        for name in names:
            if name.startswith(PACKAGE + "."):
                found.add(name.removeprefix(PACKAGE + ".").split(".")[0])
    return found


MODULES = sorted(p.stem for p in PUBLISH.glob("*.py"))


def test_every_publish_module_has_a_layer() -> None:
    unplaced = sorted(set(MODULES) - set(ALLOWED))
    assert not unplaced, f"place {unplaced} in a layer in tests/test_publish_layers.py"


@pytest.mark.parametrize("module", sorted(PAGES))
def test_a_page_module_imports_no_other_page_module(module: str) -> None:
    other_pages = publish_imports(PUBLISH / f"{module}.py") & (PAGES - {module})
    assert not other_pages, (
        f"publish/{module}.py imports page module(s) {sorted(other_pages)}: move what they "
        "share into a piece module (pieces.py, dashboard.py) that both import"
    )


@pytest.mark.parametrize("module", MODULES)
def test_imports_stay_within_the_layers(module: str) -> None:
    imported = publish_imports(PUBLISH / f"{module}.py") - {module}
    outside = sorted(imported - ALLOWED.get(module, set()))
    assert not outside, f"publish/{module}.py may not import {outside}"


def test_pages_py_lists_every_page_module() -> None:
    assert publish_imports(PUBLISH / "pages.py") >= PAGES, "pages.py lists every page module"


def test_the_checker_sees_every_form_of_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import profcli.publish.home\n"
        "from profcli.publish import team, charts as c\n"
        "from profcli.publish.records import scored\n"
        "from .summary import x\n"
        "from . import items\n"
        "from profcli.repository.model import Entry\n"
        "def f():\n"
        "    from profcli.publish.workers import profile_page\n",
        encoding="utf-8",
    )
    assert publish_imports(sample) == {
        "home",
        "team",
        "charts",
        "records",
        "summary",
        "items",
        "workers",
    }
