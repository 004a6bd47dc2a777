"""Shared fixtures: case repositories built from `cases/basis` plus an overlay."""

from __future__ import annotations

import datetime as dt
import os
import runpy
import shutil
import sys
from collections.abc import Callable, Iterator
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


HOOKS = Path(__file__).resolve().parent / "hooks"
"""tests/hooks/sitecustomize.py: the names check from the cache only, in `prof` subprocesses."""


def with_hooks(pythonpath: str = "") -> str:
    """A PYTHONPATH that starts with tests/hooks (for a test that sets its own)."""
    return os.pathsep.join(p for p in (str(HOOKS), pythonpath) if p)


@pytest.fixture(autouse=True, scope="session")
def _shared_names_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One cache of the names check for the whole run, also across xdist workers (they share
    the parent of their base temp folder) and `prof` subprocesses (PROF_NAMENCACHE).

    The check itself runs everywhere, in every `prof` the tests start: since issue 22 it
    opens its word lists in a millisecond, so the cache-only mode the suite needed while
    DEDUCE loaded 1.1 GB per process is gone. The findings are the same with or without the
    cache (tests/test_cache.py)."""
    from profcli.validation import namecache

    folder = tmp_path_factory.getbasetemp().parent / "prof-namencache"
    folder.mkdir(exist_ok=True)
    old = {key: os.environ.get(key) for key in ("PROF_NAMENCACHE", "PYTHONPATH")}
    os.environ["PROF_NAMENCACHE"] = str(folder)
    os.environ["PYTHONPATH"] = with_hooks(old["PYTHONPATH"] or "")
    namecache.share_cache(folder)
    yield
    namecache.share_cache(None)
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: needs headless Chromium (and axe-core)")
    if not hasattr(config, "workerinput"):  # once, in the controller, before any worker
        _steal_work(config)
        _compile_package()
        _build_name_tables()


def _steal_work(config: pytest.Config) -> None:
    """`-n` without `--dist`: xdist's `worksteal` instead of its default `load`.

    `load` gives each worker a quarter of its share up front, in collection order, and never
    takes it back: the worker that got the slow tests (SLOW_FIRST, the several-teams browser
    pages) still had minutes of them queued when the other ran out of work, idle. With
    `worksteal` an idle worker takes queued tests from a busy one. A `--dist` on the command
    line, in PYTEST_ADDOPTS or in addopts is kept as it is."""
    if config.getoption("dist", "no") != "load":
        return
    given = [
        *config.invocation_params.args,
        *os.environ.get("PYTEST_ADDOPTS", "").split(),
        *config.getini("addopts"),
    ]
    if not any(str(arg).startswith("--dist") or arg == "-d" for arg in given):
        config.option.dist = "worksteal"


SLOW_FIRST = (
    "tests/test_init_templates.py::test_first_pipeline_runs_green_from_the_template",
    "tests/test_benchmarks_smoke.py::test_build_benchmark",
    "tests/browser/test_xss_corpus.py::test_no_payload_runs_on_any_page",
    "tests/test_engines.py::test_properdocs_runs_the_plugin_unchanged",
    "tests/browser/test_site.py::test_team_pages_of_several_teams",
    "tests/test_publish_pages.py::test_several_teams_get_pages_of_their_own",
    "tests/test_benchmarks_smoke.py::test_validate_benchmark",
    "tests/test_cache.py::test_findings_identical_with_and_without_cache",
    "tests/test_publish_followup.py::test_several_teams_each_get_a_citizens_page",
)
"""The slowest tests (10-45 s each), longest first. xdist hands out tests in collection
order, so a slow test collected last would run alone at the end while the other cores sit
idle; started first, they run alongside the many short ones (and `_steal_work` lets the
other workers take the short ones queued behind them)."""


@pytest.hookimpl(trylast=True)  # after pytest's own grouping of parametrised fixtures
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        for n, prefix in enumerate(SLOW_FIRST):
            if item.nodeid.startswith(prefix):
                return n
        return len(SLOW_FIRST)

    items.sort(key=rank)  # stable: every other test keeps its place


def _build_name_tables() -> None:
    """The names check's word lists are built once per machine (about 2 s) into the user's
    cache folder; the controller builds them before the workers start, so that they do not
    all build them at once."""
    from profcli.validation import lexicon

    lexicon.build()


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


def shared_folder(
    tmp_path_factory: pytest.TempPathFactory, key: str, make: Callable[[Path], None]
) -> Path:
    """A folder made once per test run, also across xdist workers: the first worker to ask
    for `key` calls `make(folder)` while holding a lock; the others wait for it and get the
    same folder. For things that are slow to make and only read afterwards (a built site).

    Under xdist the workers share the parent of their base temp folder (a new one per run);
    a run without xdist keeps it in its own base temp folder, so nothing outlives the run."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / "gedeeld" / key
    folder.parent.mkdir(parents=True, exist_ok=True)
    done = folder.with_name(key + ".klaar")
    with open(folder.with_name(key + ".slot"), "w") as lock:
        _lock(lock.fileno())
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a worker that failed half-way
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def _lock(fd: int) -> None:
    """Block until this process holds the lock on `fd` (released when it is closed)."""
    if sys.platform == "win32":
        import msvcrt

        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:  # LK_LOCK gives up after 10 s; a build may take longer
                continue
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)


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
def example_site_builds(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[str], dict[str, Path]]:
    """The example team built once per run (shared by the xdist workers, see
    `shared_folder`) and per engine, for the tests that only read the built pages: engine ->
    audience -> the repository copy it was built in (`teamsite/` for team, `public/` for
    publiek; each in its own copy, so neither holds the other's folder). A test that changes
    a repository or a build makes its own."""
    from click.testing import CliRunner

    from profcli.cli import main
    from tests.publish_repo import site_copy

    built: dict[str, dict[str, Path]] = {}

    def get(engine: str = "mkdocs") -> dict[str, Path]:
        if engine not in built:
            roots = {}
            for audience in ("team", "publiek"):

                def make(folder: Path, audience: str = audience) -> None:
                    root = site_copy(folder)
                    args = ["-C", str(root), "build", "--strict", "--voor", audience]
                    args += ["--vandaag", str(TODAY), "--engine", engine]
                    result = CliRunner().invoke(main, args)
                    assert result.exit_code == 0, result.output

                key = f"voorbeeld-{engine}-{audience}"
                roots[audience] = shared_folder(tmp_path_factory, key, make) / "team"
            built[engine] = roots
        return built[engine]

    return get


@pytest.fixture(scope="session")
def example_builds(example_site_builds: Callable[[str], dict[str, Path]]) -> dict[str, Path]:
    """The example team built by MkDocs, the default engine (see `example_site_builds`)."""
    return example_site_builds("mkdocs")
