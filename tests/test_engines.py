"""Issue #18: the same site on every engine.

MkDocs (the plugin), Zensical (`prof build --engine zensical`, from a folder) and ProperDocs
(the MkDocs 1.x fork, running the plugin unchanged from `properdocs.yml`) build the example
team. Every page exists on each, with the same content (the `<article>`, whitespace and
Zensical's own skip anchor aside), and says for whom it is. Without Zensical, `--engine
zensical` is a Dutch usage error.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from profcli.publish import source
from tests.publish_repo import ENGINES, site_copy
from tests.test_publish_build import TODAY, run

FOLDER = {"team": "teamsite", "publiek": "public"}


def _article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    start, end = html.find("<article"), html.find("</article>")
    assert 0 <= start < end, path
    body = html[start:end].replace('<a id="__skip" tabindex="-1"></a>', "")  # Zensical's
    return re.sub(r"\s*(<[^>]+>)\s*", r"\1", re.sub(r"\s+", " ", body)).strip()


def _pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return site_copy(tmp_path_factory.mktemp("motoren"))


def _build(root: Path, engine: str, audience: str) -> dict[str, Path]:
    code, output = run(
        "-C", str(root), "build", "--strict", "--vandaag", TODAY, "--voor", audience,
        "--engine", engine,
    )  # fmt: skip
    assert code == 0, output
    assert f"in {FOLDER[audience]}/" in output
    kept = root.parent / f"{engine}-{audience}"
    shutil.rmtree(kept, ignore_errors=True)
    shutil.copytree(root / FOLDER[audience], kept)
    return _pages(kept)


@pytest.mark.parametrize("audience", ["team", "publiek"])
@pytest.mark.parametrize("engine", [e for e in ENGINES if e != "mkdocs"])
def test_every_engine_builds_the_same_pages(example: Path, engine: str, audience: str) -> None:
    mkdocs = _build(example, "mkdocs", audience)
    other = _build(example, engine, audience)
    assert len(mkdocs) > 20
    assert sorted(other) == sorted(mkdocs), "a page that only one engine produces is a bug"
    differ = [path for path in mkdocs if _article(mkdocs[path]) != _article(other[path])]
    assert differ == []
    kept = example.parent / f"{engine}-{audience}"
    assert source.unlabelled(kept, audience) == []
    # The team site never reaches public/, whichever engine builds it.
    if audience == "team":
        assert not (example / "public").exists()


def test_properdocs_runs_the_plugin_unchanged(tmp_path: Path) -> None:
    """ProperDocs, the maintained fork of MkDocs 1.x, is the road when MkDocs 1.6 stops
    working: it wants `properdocs.yml` and runs our plugin as it is."""
    try:
        importlib.metadata.version("properdocs")
    except importlib.metadata.PackageNotFoundError:
        if os.environ.get("PROF_REQUIRE_BROWSER") == "1":
            pytest.fail("ProperDocs ontbreekt en PROF_REQUIRE_BROWSER=1")
        pytest.skip("ProperDocs ontbreekt")
    root = site_copy(tmp_path)
    shutil.copy2(root / "mkdocs.yml", root / "properdocs.yml")
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict"],
        cwd=root,
        env={**os.environ, "PROF_VANDAAG": TODAY, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    built = _pages(root / "teamsite")
    assert not (root / "public").exists()
    assert source.unlabelled(root / "teamsite", "team") == []
    code, output = run("-C", str(root), "build", "--strict", "--vandaag", TODAY)
    assert code == 0, output
    mkdocs = _pages(root / "teamsite")
    assert sorted(built) == sorted(mkdocs) and len(built) > 20


def test_zensical_missing_or_too_old_is_a_dutch_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site_copy(tmp_path)
    real = importlib.metadata.version

    def missing(name: str) -> str:
        if name == "zensical":
            raise importlib.metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    code, output = run("-C", str(root), "build", "--engine", "zensical", "--vandaag", TODAY)
    assert code == 2
    assert "Zensical is niet geïnstalleerd" in output and "profcli[zensical]" in output
    assert not (root / "teamsite").exists()
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: "0.0.40" if name == "zensical" else real(name)
    )
    code, output = run("-C", str(root), "build", "--engine", "zensical", "--vandaag", TODAY)
    assert code == 2 and "Zensical 0.0.40 is te oud" in output


def test_serve_with_zensical_says_why_not(tmp_path: Path) -> None:
    code, output = run("-C", str(site_copy(tmp_path)), "serve", "--engine", "zensical")
    assert code == 2
    assert "voorvertoning werkt alleen met MkDocs" in output


@pytest.mark.parametrize("engine", ENGINES)
def test_a_team_main_html_without_the_label_is_refused(tmp_path: Path, engine: str) -> None:
    """A team's own main.html that drops our blocks would leave pages that do not say for whom
    they are; no engine builds such a site."""
    root = site_copy(tmp_path)
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  name: material\n" in text
    config.write_text(
        text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
        encoding="utf-8",
    )
    code, output = run("-C", str(root), "build", "--vandaag", TODAY, "--engine", engine)
    assert code == 1, output
    assert "main.html" in output
    assert not (root / "teamsite").exists()
