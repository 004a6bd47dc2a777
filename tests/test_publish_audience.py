"""Issue #11.6: the wrong audience cannot go out by mistake.

The example team is built once for each audience (builds are slow), with canaries planted:
a `prive` one that reaches no built file at all and a `team` one that reaches the team folder
only. Before the public build, `public/` is filled with a copy of the team site, as an old
`prof build` (which wrote the team site there) would have left it: the public build must
leave none of it behind.
"""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.publish_repo import CANARY, ENGINES, add_prive_canaries, site_copy
from tests.test_publish_build import TEAM_CANARY, _add_team_canaries, _leaks, run

TODAY = "2026-11-22"
META = re.compile(r'<meta name="profcli-publiek" content="(team|publiek)">')


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = site_copy(tmp_path_factory.mktemp("publiek"))
    add_prive_canaries(root)
    _add_team_canaries(root)
    code, output = run("-C", str(root), "build", "--strict", "--vandaag", TODAY)
    assert code == 0, output
    assert "teamsite/" in output
    assert not (root / "public").exists(), "the team build wrote into the public folder"
    shutil.copytree(root / "teamsite", root / "public")  # what an old team build left there
    (root / "public" / "oud-teambestand.html").write_text(TEAM_CANARY, encoding="utf-8")
    code, output = run(
        "-C", str(root), "build", "--strict", "--voor", "publiek", "--vandaag", TODAY
    )
    assert code == 0, output
    assert "public/" in output
    return root


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace").lower()


def test_each_audience_lands_in_its_own_folder(root: Path) -> None:
    for folder in ("teamsite", "public"):
        assert (root / folder / "index.html").is_file()
        assert (root / folder / "search" / "search_index.json").is_file()
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".")]
    assert not [n for n in leftovers if "bouw" in n or "oud" in n], leftovers


def test_prive_canary_is_in_neither_folder(root: Path) -> None:
    for folder in ("teamsite", "public"):
        files = _files(root / folder)
        assert len(files) > 50
        leaks = [p for p in files if CANARY in _text(p) or CANARY in p.as_posix()]
        assert leaks == [], leaks


def test_team_canary_is_in_the_team_folder_only(root: Path) -> None:
    seen = _leaks(root / "teamsite", TEAM_CANARY)
    assert "search/search_index.json" in seen, "control: the team build shows the canary"
    assert _leaks(root / "public", TEAM_CANARY) == []


def test_public_build_leaves_no_team_page_in_the_public_folder(root: Path) -> None:
    public = root / "public"
    assert not (public / "oud-teambestand.html").exists()
    # Pages that only the team build has (workers who did not opt in) are gone too.
    team_only = {p.relative_to(root / "teamsite") for p in _files(root / "teamsite")} - {
        p.relative_to(public) for p in _files(public)
    }
    assert any(p.parts[0] == "werkers" for p in team_only), "control: the team has more pages"
    for relative in team_only:
        assert not (public / relative).exists(), relative


@pytest.mark.parametrize(("folder", "audience"), [("teamsite", "team"), ("public", "publiek")])
def test_every_page_names_its_audience(root: Path, folder: str, audience: str) -> None:
    pages = list((root / folder).rglob("*.html"))
    assert len(pages) > 20
    banner = f'class="prof-publiek prof-publiek--{audience}"'
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert META.findall(html) == [audience], page
        assert banner in html, page
    label = "Teamsite: alleen voor het team" if audience == "team" else "Openbare site"
    assert label in (root / folder / "index.html").read_text(encoding="utf-8")


def test_links_go_to_html_files_so_the_site_works_from_disk(root: Path) -> None:
    """use_directory_urls is off: every internal link names a file that exists."""
    for folder in ("teamsite", "public"):
        base = root / folder
        for page in [base / "index.html", *base.glob("werkers/*/index.html")]:
            html = page.read_text(encoding="utf-8")
            hrefs = re.findall(r'href="([^"#:?]+)(?:#[^"]*)?"', html)
            assert hrefs, page
            for href in hrefs:
                target = (page.parent / href).resolve()
                assert target.is_file(), (page.relative_to(base), href)


@pytest.mark.parametrize("engine", ENGINES)
def test_worker_name_in_the_sidebar_is_escaped(tmp_path: Path, engine: str) -> None:
    """The sidebar's section per worker and every page title take her name from the page model
    (plain text); the themes do not escape them, so the menu and the front matter must. (Before,
    a name with `</title><script>` ran the script: Material's `striptags` undid the escaping.)"""
    root = site_copy(tmp_path)
    profile = root / "profielen" / "noor-bakker" / "profiel.toml"
    text = profile.read_text(encoding="utf-8")
    payload = 'Noor Bakker </title><b id="naam-xss">x</b>'  # her first name stays hers
    profile.write_text(
        text.replace('naam = "Noor Bakker"', f"naam = '{payload}'"), encoding="utf-8"
    )
    team = root / "profielen" / "wijkteam-feijenoord-noord" / "profiel.toml"
    team.write_text(  # her evidence names her as 'Noor Bakker', no longer her profile's name
        'namen_toegestaan = ["Noor Bakker"]\n' + team.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    code, output = run("-C", str(root), "build", "--vandaag", TODAY, "--engine", engine)
    assert code == 0, output
    # The Medewerkers tab lists every worker in its sidebar (other tabs prune it).
    index = (root / "teamsite" / "werkers" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b id=&quot;naam-xss&quot;&gt;x&lt;/b&gt;" in index  # in the sidebar
    for page in (root / "teamsite").rglob("*.html"):
        assert 'id="naam-xss"' not in page.read_text(encoding="utf-8"), page


def _plugin(root: Path, voor: str, **overrides: str) -> tuple[Any, Any]:
    from mkdocs.config import load_config

    from profcli.publish.plugin import ProfcliPlugin

    config = load_config(
        str(root / "mkdocs.yml"), plugins=["search", {"profcli": {"voor": voor}}], **overrides
    )
    plugin = config.plugins["profcli"]
    assert isinstance(plugin, ProfcliPlugin)
    return config, plugin


def test_the_team_site_is_never_deployed_nor_built_into_the_public_folder(tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError

    root = site_copy(tmp_path)
    config, plugin = _plugin(root, "team")
    try:
        plugin.on_startup(command="gh-deploy", dirty=False)
        with pytest.raises(PluginError, match="nooit gepubliceerd"):
            plugin.on_config(config)
    finally:
        plugin.on_shutdown()
    config, plugin = _plugin(root, "team", site_dir=str(root / "teamsite"))
    with pytest.raises(PluginError, match="map van de teamsite"):
        plugin.on_config(config)
    config, plugin = _plugin(root, "team")
    plugin.on_config(config)
    assert Path(config.site_dir) == root / "teamsite" and config.use_directory_urls is False
    config, plugin = _plugin(root, "publiek")
    plugin.on_config(config)
    assert Path(config.site_dir) == root / "public"
