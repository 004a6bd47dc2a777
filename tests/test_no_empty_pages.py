"""No empty pages: a team page with nothing to show for its audience (meetings, knowledge,
"wie weet wat", what citizens say) is left out of the build, of the team menu and of a
`nav:` that lists it; every link between generated pages still lands on a page; and
`prof build --voor publiek` says how many entries the public site holds."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli.cli import main
from profcli.publish.navigation import prune_nav
from profcli.publish.pages import build_pages
from profcli.repository.loader import load
from tests.conftest import REPO, TODAY

OPTIONAL = ("team/bijeenkomsten.md", "team/kennis.md", "team/wie-weet-wat.md", "team/burgers.md")
_LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


def _new_team(tmp_path: Path) -> Path:
    runner = CliRunner()
    made = runner.invoke(main, ["init", str(tmp_path / "nieuw"), "--team", "Wijkteam Noord"])
    assert made.exit_code == 0, made.output
    root = tmp_path / "nieuw"
    worker = runner.invoke(main, ["--repo", str(root), "--geen-git", "new", "Anna de Vries"])
    assert worker.exit_code == 0, worker.output
    return root


def _links_land(pages: dict[str, str]) -> None:
    for path, markdown in pages.items():
        for target in _LINK.findall(markdown):
            if "://" in target:
                continue
            landed = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert landed in pages, f"{path} links to {target}, which is not built"


@pytest.mark.parametrize("audience", ["team", "publiek"])
def test_a_new_team_has_no_empty_team_pages(tmp_path: Path, audience: str) -> None:
    repo = load(_new_team(tmp_path)).repository
    pages = {p.path: p.markdown for p in build_pages(repo, today=TODAY, audience=audience)}
    absent = [p for p in OPTIONAL if p not in pages]
    kept_for_team = ["team/wie-weet-wat.md"] if audience == "team" else []  # Anna is there
    assert absent == [p for p in OPTIONAL if p not in kept_for_team]
    assert all("Nog geen gepubliceerde" not in pages[p] for p in OPTIONAL if p in pages)
    menu = pages["team/index.md"]
    assert "bijeenkomsten.md" not in menu and "kennis.md" not in menu
    _links_land(pages)


@pytest.mark.parametrize("audience", ["team", "publiek"])
def test_the_example_keeps_every_page_and_every_link_lands(audience: str) -> None:
    pages = {p.path: p.markdown for p in build_pages(load(REPO).repository, today=TODAY,
                                                      audience=audience)}  # fmt: skip
    assert all(p in pages for p in OPTIONAL)
    _links_land(pages)


def test_a_page_comes_back_with_its_first_entry(tmp_path: Path) -> None:
    root = _new_team(tmp_path)
    meeting = root / "profielen/wijkteam-noord/bijeenkomsten/2026-11-20-intervisie.toml"
    meeting.parent.mkdir(parents=True, exist_ok=True)
    meeting.write_text(
        'datum = 2026-11-20\nsoort = "intervisie"\nduur_uren = 2\n'
        'deelnemers = ["anna-de-vries"]\nthema = "Veilig op huisbezoek"\n',
        encoding="utf-8",
    )
    loaded = load(root)
    assert loaded.problems == []
    pages = {p.path: p.markdown for p in build_pages(loaded.repository, today=TODAY)}
    assert "team/bijeenkomsten.md" in pages and "bijeenkomsten.md" in pages["team/index.md"]
    _links_land(pages)


def test_prune_nav_drops_only_absent_optional_team_pages() -> None:
    nav = [
        {"Home": "index.md"},
        {"Team": ["team/index.md", "team/bijeenkomsten.md", "team/kennis.md"]},
        {"Eigen": "team/eigen.md"},
        {"Kennis": "teams/noord/kennis.md"},
    ]
    present = {"index.md", "team/index.md", "team/kennis.md"}
    assert prune_nav(nav, present) == [
        {"Home": "index.md"},
        {"Team": ["team/index.md", "team/kennis.md"]},
        {"Eigen": "team/eigen.md"},  # a team's own page is its own business
    ]


def test_build_says_how_many_entries_the_public_site_holds(tmp_path: Path) -> None:
    root = _new_team(tmp_path)
    result = CliRunner().invoke(main, ["--repo", str(root), "build", "--voor", "publiek"])
    assert result.exit_code == 0, result.output
    assert "De openbare site toont 0 stukken.\nZo maak je een stuk openbaar: " in result.output
    assert "WARNING" not in result.output
    built = {p.relative_to(root / "public").as_posix() for p in (root / "public").rglob("*.html")}
    assert "team/index.html" in built and "team/bijeenkomsten.html" not in built


def _built(root: Path, audience: str) -> dict[str, str]:
    return {p.path: p.markdown for p in build_pages(load(root).repository, today=TODAY,
                                                     audience=audience)}  # fmt: skip


def test_a_new_teams_public_team_page_says_why_it_is_empty(tmp_path: Path) -> None:
    """A new team's public site had a team page with only its name on it."""
    root = _new_team(tmp_path)
    assert "nog niets openbaar gemaakt" in _built(root, "publiek")["team/index.md"]
    assert "nog niets openbaar gemaakt" not in _built(root, "team")["team/index.md"]
    # Once the team describes itself, that is what the public page shows.
    profile = root / "profielen" / "wijkteam-noord" / "profiel.toml"
    text = profile.read_text(encoding="utf-8")
    text = text.replace(
        'soort = "team"\n', 'soort = "team"\nomschrijving = "Wij werken in Noord."\n'
    )
    profile.write_text(text, encoding="utf-8")
    assert "nog niets openbaar gemaakt" not in _built(root, "publiek")["team/index.md"]
