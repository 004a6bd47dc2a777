"""`prof build`, `prof render` and the plugin: refusal of invalid content, strictness, canary."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli.cli import main
from tests.publish_repo import (
    CANARY,
    ENGINES,
    add_prive_canaries,
    first_worker,
    site_copy,
    team_slug,
    write,
)

TODAY = "2026-11-22"
FOLDER = {"team": "teamsite", "publiek": "public"}
"""Each audience its own output folder (DESIGN.md: `prof build`)."""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def built(example_builds: dict[str, Path]) -> Path:
    """The example team's team build (`prof build --strict`, shared by the session)."""
    return example_builds["team"]


def test_build_strict_passes_and_writes_teamsite(built: Path) -> None:
    public = built / "teamsite"
    assert (public / "index.html").is_file()
    assert (public / "search" / "search_index.json").is_file()
    worker = first_worker(built)
    assert (public / "werkers" / worker / "index.html").is_file()
    assert not any((built / "site").rglob("index.md")), "generated pages must not land in site/"
    assert not (built / "public").exists(), "the team build must not touch the public folder"


def test_build_output_is_offline(built: Path) -> None:
    for page in (built / "teamsite").rglob("*.html"):
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
    assert not (root / "public").exists() and not (root / "teamsite").exists()


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


SEARCH_INDEX = {"mkdocs": "search_index.json", "zensical": "search.json"}
"""Where each engine writes its search index (which must not hold a canary either)."""


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("audience", ["team", "publiek"])
def test_prive_canary_reaches_no_built_file(tmp_path: Path, audience: str, engine: str) -> None:
    root = site_copy(tmp_path)
    add_prive_canaries(root)
    code, output = run(
        "-C", str(root), "build", "--strict", "--voor", audience, "--vandaag", TODAY,
        "--engine", engine,
    )  # fmt: skip
    assert code == 0, output
    files = [p for p in (root / FOLDER[audience]).rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {SEARCH_INDEX[engine], "sitemap.xml", "index.html"} <= names
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        lowered = data.lower()
        assert CANARY.encode() not in lowered, path
        assert b"verborgen-werker" not in lowered, path
        assert CANARY not in path.as_posix()


TEAM_CANARY = "teamkanarie-k4w8p"


def _add_team_canaries(root: Path) -> None:
    """Entries for the team only: explicit `zichtbaarheid = "team"` and the default (omitted)."""
    worker, team = first_worker(root), team_slug(root)
    for n, line in enumerate(('zichtbaarheid = "team"\n', "")):
        write(
            root,
            f"profielen/{worker}/reflecties/2026-01-0{n + 6}-{TEAM_CANARY}-{n}.toml",
            f'titel = "Team {TEAM_CANARY}"\ndatum = 2026-01-0{n + 6}\nmethode = "vrij"\n'
            f'{line}tags = ["{TEAM_CANARY}"]\n[vrij]\ntekst = "Tekst {TEAM_CANARY}"\n',
        )
        write(
            root,
            f"profielen/{team}/kennis/{TEAM_CANARY}-{n}.toml",
            f'titel = "Kennis {TEAM_CANARY}"\ninhoud = "Inhoud {TEAM_CANARY}"\n{line}',
        )
        write(
            root,
            f"profielen/{worker}/activiteiten/2026-01-0{n + 6}-{TEAM_CANARY}-{n}.toml",
            f'datum = 2026-01-0{n + 6}\ntitel = "Cursus {TEAM_CANARY}"\n'
            f'vorm = "training"\nuren = 1\n{line}',
        )
    write(
        root,
        f"profielen/{team}/bijeenkomsten/2026-01-07-{TEAM_CANARY}.toml",
        f'datum = 2026-01-07\nsoort = "intervisie"\nduur_uren = 1\ndeelnemers = ["{worker}"]\n'
        f'thema = "Thema {TEAM_CANARY}"\nzichtbaarheid = "team"\n',
    )


def _leaks(public: Path, needle: str) -> list[str]:
    leaks = []
    for path in (p for p in public.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if needle.encode() in data.lower() or needle in path.as_posix():
            leaks.append(path.relative_to(public).as_posix())
    return leaks


@pytest.mark.parametrize("engine", ENGINES)
def test_team_canary_reaches_no_public_build(tmp_path: Path, engine: str) -> None:
    """`team` (and the default) stays off `--voor publiek`: pages, search index, sitemap."""
    root = site_copy(tmp_path)
    _add_team_canaries(root)
    common = ("-C", str(root), "build", "--strict", "--vandaag", TODAY, "--engine", engine)
    code, output = run(*common, "--voor", "team")
    assert code == 0, output
    seen = _leaks(root / "teamsite", TEAM_CANARY)
    assert any(p.endswith(SEARCH_INDEX[engine]) for p in seen), "control: the team build shows it"
    assert any(p.endswith(".html") for p in seen)
    code, output = run(*common, "--voor", "publiek")
    assert code == 0, output
    public = root / "public"
    names = {p.name for p in public.rglob("*")}
    assert {SEARCH_INDEX[engine], "sitemap.xml", "index.html"} <= names
    leaks = _leaks(public, TEAM_CANARY)
    print(f"\nteam-kanarie: {len(seen)} bestanden in team-build, {len(leaks)} lekken in publiek")
    assert leaks == []


def test_audience_comes_from_mkdocs_yml_never_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plain `mkdocs build` with `voor: publiek` stays public, whatever the shell says."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    root = site_copy(tmp_path)
    _add_team_canaries(root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - profcli\n" in text
    config.write_text(
        text.replace("  - profcli\n", "  - profcli:\n      voor: publiek\n"), encoding="utf-8"
    )
    for name in ("PROF_VOOR", "PROF_AUDIENCE", "VOOR"):
        monkeypatch.setenv(name, "team")
    mkdocs_build(load_config(str(config)))
    public = root / "public"
    assert (public / "index.html").is_file()
    assert _leaks(public, TEAM_CANARY) == []
    # Control: the same config saying team does show the canary.
    config.write_text(text, encoding="utf-8")
    mkdocs_build(load_config(str(config)))
    assert _leaks(root / "teamsite", TEAM_CANARY) != []
    assert _leaks(public, TEAM_CANARY) == [], "a plain team build must not write into public/"


def test_what_prof_build_hands_the_plugin_reaches_no_later_build(tmp_path: Path) -> None:
    """`prof build` hands the plugin its validated repository with the configuration of that
    one build (`plugin.Handed`): a plain `mkdocs build` later in the same process, with the
    same plugin instance, checks the repository itself and refuses it once it is broken."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    root = site_copy(tmp_path)
    code, output = run("-C", str(root), "build", "--vandaag", TODAY)
    assert code == 0, output
    profile = root / "profielen" / first_worker(root) / "profiel.toml"
    profile.write_text('naam = "half\n', encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    assert config.plugins["profcli"].config.handed is None
    with pytest.raises((MkDocsException, SystemExit)):
        mkdocs_build(config)


def test_prof_build_voor_overrides_mkdocs_yml(tmp_path: Path) -> None:
    """`prof build --voor publiek` wins over `voor: team` in mkdocs.yml (a config override,
    not an environment variable)."""
    root = site_copy(tmp_path)
    _add_team_canaries(root)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - profcli\n", "  - profcli:\n      voor: team\n"
        ),
        encoding="utf-8",
    )
    code, output = run("-C", str(root), "build", "--voor", "publiek", "--vandaag", TODAY)
    assert code == 0, output
    assert _leaks(root / "public", TEAM_CANARY) == []
