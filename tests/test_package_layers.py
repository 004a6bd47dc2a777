"""The layers of the whole package, checked on the source so they cannot silently erode.

Packages name what they hold: `repository/` (files, model, shipped data), `registration/`
(hours, status, dossier), `authoring/` (writing entries), `git/`, `validation/` (the rules),
`publish/` (the site) and `cli/` (Click). Only the cross-cutting basics lie loose under
`profcli/`. Dependencies point one way; no two modules import each other, also not through an
import inside a function.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "profcli"
MAX_LOOSE = 10

LAYERS: dict[str, set[str]] = {
    "loose": {"loose"},
    "repository": {"loose", "repository"},
    "registration": {"loose", "repository", "registration"},
    "git": {"loose", "repository", "git"},
    "validation": {"loose", "repository", "registration", "validation"},
    "authoring": {"loose", "repository", "validation", "git", "authoring"},
    "publish": {"loose", "repository", "registration", "validation", "publish"},
    "cli": {
        "loose",
        "repository",
        "registration",
        "validation",
        "authoring",
        "git",
        "publish",
        "cli",
    },
}
"""What each layer may import."""

EXCEPTIONS = {"profcli.snapshot": {"repository", "validation"}}
"""`snapshot.py` is the warm path of `prof validate`: it lies loose so that a hit imports
neither the validator nor the package `__init__` that loads it; it writes atomically
(`repository.writing`) and stores a validation result (`validation`, inside a function)."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py"))}


def imports(name: str, path: Path) -> Iterator[str]:
    """The profcli modules `path` imports, anywhere in it (also inside functions)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("profcli"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            if not module.startswith("profcli"):
                continue
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                yield sub if sub in MODULES else module


GRAPH = {name: set(imports(name, path)) - {name} for name, path in MODULES.items()}


def layer(name: str) -> str:
    parts = name.split(".")
    if (len(parts) == 2 and (PACKAGE_DIR / f"{parts[1]}.py").is_file()) or name == "profcli":
        return "loose"
    return parts[1]


def test_few_loose_modules() -> None:
    loose = sorted(p.name for p in PACKAGE_DIR.glob("*.py") if p.name != "__init__.py")
    assert len(loose) <= MAX_LOOSE, f"{len(loose)} loose modules under profcli/: {loose}"


def test_every_package_has_a_layer() -> None:
    unplaced = {layer(name) for name in MODULES} - set(LAYERS)
    assert not unplaced, f"place {sorted(unplaced)} in LAYERS in tests/test_package_layers.py"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_point_down(name: str) -> None:
    allowed = LAYERS[layer(name)] | EXCEPTIONS.get(name, set())
    wrong = sorted(m for m in GRAPH[name] if layer(m) not in allowed)
    assert not wrong, f"{name} ({layer(name)}) may not import {wrong}"


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_a_module_that_imports_it() -> None:
    assert cycles(GRAPH) == []


def test_the_cycle_finder_finds_a_cycle_through_a_late_import() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_checker_sees_every_form_of_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import profcli.clock\n"
        "from profcli.repository import kinds, model as m\n"
        "from profcli.validation import Checked\n"
        "def f():\n"
        "    from profcli.registration.hours import report\n",
        encoding="utf-8",
    )
    assert set(imports("profcli.x", sample)) == {
        "profcli.clock",
        "profcli.repository.kinds",
        "profcli.repository.model",
        "profcli.validation",
        "profcli.registration.hours",
    }


def test_click_only_in_cli() -> None:
    users = sorted(
        name
        for name, path in MODULES.items()
        if layer(name) != "cli"
        and "click"
        in {
            a.name.split(".")[0]
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Import | ast.ImportFrom)
            for a in (
                node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
            )
        }
    )
    assert users == []


def test_the_names_check_does_not_know_its_cache() -> None:
    """The per-text cache wraps the names check (`namecache` asks `names.raw`): the modules
    that find names in a text never import it."""
    engine = ("names", "namefinder", "namewords", "lexicon")
    knowing = [
        m for m in engine if "profcli.validation.namecache" in GRAPH[f"profcli.validation.{m}"]
    ]
    assert knowing == []
    assert "profcli.validation.names" in GRAPH["profcli.validation.namecache"]
