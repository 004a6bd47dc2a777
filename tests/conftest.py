"""Shared fixtures: case repositories built from `cases/basis` plus an overlay."""

from __future__ import annotations

import datetime as dt
import os
import runpy
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
CASES = TESTS / "cases"
TODAY = dt.date(2026, 11, 22)
"""Fixed 'today' so that results do not depend on the day the suite runs."""


@pytest.fixture(autouse=True, scope="session")
def _fixed_today() -> Iterator[None]:
    """No test reads the real clock: every command (also in a subprocess) takes TODAY, as
    `prof --vandaag` would. Tests of the clock itself pass their own `now`."""
    old = os.environ.get("PROF_VANDAAG")
    os.environ["PROF_VANDAAG"] = TODAY.isoformat()
    yield
    if old is None:
        os.environ.pop("PROF_VANDAAG", None)
    else:
        os.environ["PROF_VANDAAG"] = old


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: needs headless Chromium (and axe-core)")
    if not hasattr(config, "workerinput"):  # once, in the controller, before any worker
        _compile_package()


def _compile_package() -> None:
    """Byte-compile profcli before the suite starts its hundreds of `prof` subprocesses.

    An editable install has no .pyc files, and where PYTHONDONTWRITEBYTECODE is set (as on
    the CI machines) Python never writes them, so every subprocess would compile every module
    it imports again. A pip-installed profcli has them (pip compiles on install): this makes
    the suite start `prof` the way a user's machine does. Reading a .pyc is Python's own
    check (source mtime and size), so an edited module is never run stale."""
    import compileall

    compileall.compile_dir(REPO / "profcli", quiet=2, workers=1)


def build_case(case: Path, target: Path) -> Path:
    """The basis repository with the case's overlay applied.

    A case folder holds `repo/` (files copied over the basis, symlinks kept), optionally
    `verwijder.txt` (paths to delete) and `opzet.py` (run with `ROOT` set, for inputs too
    large or odd to commit), and `verwacht.txt` (the expected lines).
    """
    root = target / "repo"
    shutil.copytree(CASES / "basis", root, symlinks=True)
    overlay = case / "repo"
    if overlay.is_dir():
        shutil.copytree(overlay, root, symlinks=True, dirs_exist_ok=True)
    removals = case / "verwijder.txt"
    if removals.is_file():
        for line in removals.read_text(encoding="utf-8").split():
            victim = root / line
            if victim.is_dir():
                shutil.rmtree(victim)
            else:
                victim.unlink()
    setup = case / "opzet.py"
    if setup.is_file():
        runpy.run_path(str(setup), init_globals={"ROOT": root})
    return root


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of this repository's example team (profielen/, bewijs/, schemas/)."""
    root = tmp_path / "voorbeeld"
    root.mkdir()
    for name in ("profielen", "bewijs", "schemas"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, root / name, symlinks=True)
    return root


def check_jsonschema_command() -> list[str]:
    """The check-jsonschema CLI (a test dependency), next to this Python if not on PATH."""
    found = shutil.which("check-jsonschema")
    if found:
        return [found]
    local = Path(sys.executable).with_name("check-jsonschema")
    if local.exists():
        return [str(local)]
    pytest.fail("check-jsonschema (a test dependency) is not installed")


@pytest.fixture(scope="session")
def example_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example team built once per session (per xdist worker) for the tests that only
    read the built pages: audience -> the repository copy it was built in (`teamsite/` for
    team, `public/` for publiek; each in its own copy, so neither holds the other's folder).
    A test that changes a repository or a build makes its own."""
    from click.testing import CliRunner

    from profcli.cli import main
    from tests.publish_repo import site_copy

    roots = {}
    for audience in ("team", "publiek"):
        root = site_copy(tmp_path_factory.mktemp(f"voorbeeld-{audience}"))
        result = CliRunner().invoke(
            main,
            ["-C", str(root), "build", "--strict", "--voor", audience, "--vandaag", str(TODAY)],
        )
        assert result.exit_code == 0, result.output
        roots[audience] = root
    return roots
