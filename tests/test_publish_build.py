"""`prof build`, `prof render` and the plugin: refusal of invalid content, strictness, canary."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli.cli import main
from tests.publish_repo import CANARY, first_worker, site_copy, team_slug, write

TODAY = "2026-11-22"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = site_copy(tmp_path_factory.mktemp("gebouwd"))
    code, output = run("-C", str(root), "build", "--strict", "--vandaag", TODAY)
    assert code == 0, output
    return root


def test_build_strict_passes_and_writes_public(built: Path) -> None:
    public = built / "public"
    assert (public / "index.html").is_file()
    assert (public / "search" / "search_index.json").is_file()
    worker = first_worker(built)
    assert (public / "werkers" / worker / "index.html").is_file()
    assert not any((built / "site").rglob("index.md")), "generated pages must not land in site/"


def test_build_output_is_offline(built: Path) -> None:
    for page in (built / "public").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        for tag in (
            '<script src="http',
            '<link href="http',
            '<img src="http',
            '<script src="//',
            '<link href="//',
            "<iframe",
        ):
            assert tag not in html, (page, tag)


def test_build_refuses_invalid_repository(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    write(root, f"profielen/{first_worker(root)}/leerdoelen/kapot.toml", 'titel = "Kapot"\n')
    code, validate_output = run("-C", str(root), "validate")
    assert code == 1
    code, output = run("-C", str(root), "build", "--vandaag", TODAY)
    assert code == 1
    for line in validate_output.splitlines():
        assert line in output
    assert "niet gebouwd" in output
    assert not (root / "public").exists()


def test_render_writes_markdown_but_never_into_site(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    out = tmp_path / "paginas"
    code, output = run("-C", str(root), "render", "--out", str(out), "--vandaag", TODAY)
    assert code == 0, output
    assert (out / "index.md").is_file() and (out / "werkers" / "index.md").is_file()
    code, output = run("-C", str(root), "render", "--out", str(root / "site" / "gen"))
    assert code == 1 and "site/" in output
    assert not (root / "site" / "gen").exists()


def test_unknown_audience_is_a_usage_error(tmp_path: Path) -> None:
    code, _ = run("-C", str(site_copy(tmp_path)), "build", "--voor", "iedereen")
    assert code == 2


def _add_canaries(root: Path) -> None:
    worker, team = first_worker(root), team_slug(root)
    write(
        root,
        f"profielen/{worker}/reflecties/2026-01-05-{CANARY}.toml",
        f'''
titel = "Geheim {CANARY}"
datum = 2026-01-05
methode = "vrij"
zichtbaarheid = "prive"
tags = ["{CANARY}"]
[vrij]
tekst = "Tekst {CANARY}"
''',
    )
    write(
        root,
        f"profielen/{worker}/leerdoelen/{CANARY}.toml",
        f"""
titel = "Doel {CANARY}"
status = "bezig"
deadline = 2026-12-01
zichtbaarheid = "prive"
""",
    )
    write(
        root,
        f"profielen/{team}/kennis/{CANARY}.toml",
        f"""
titel = "Kennis {CANARY}"
inhoud = "Inhoud {CANARY}"
zichtbaarheid = "prive"
""",
    )
    write(
        root,
        "profielen/verborgen-werker/profiel.toml",
        f'''
naam = "Verborgen {CANARY}"
soort = "werker"
team = "{team}"
zichtbaarheid = "prive"
''',
    )


@pytest.mark.parametrize("audience", ["team", "publiek"])
def test_prive_canary_reaches_no_built_file(tmp_path: Path, audience: str) -> None:
    root = site_copy(tmp_path)
    _add_canaries(root)
    code, output = run("-C", str(root), "build", "--strict", "--voor", audience, "--vandaag", TODAY)
    assert code == 0, output
    files = [p for p in (root / "public").rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"search_index.json", "sitemap.xml", "index.html"} <= names
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        lowered = data.lower()
        assert CANARY.encode() not in lowered, path
        assert b"verborgen-werker" not in lowered, path
        assert CANARY not in path.as_posix()
