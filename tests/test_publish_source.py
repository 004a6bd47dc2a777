"""The engine-free site source (issue #18): documents, menu and settings without an engine."""

from __future__ import annotations

from pathlib import Path

import yaml

from profcli.publish import navigation, source
from profcli.publish.context import FRAMEWORKS, HOME, TEAM, WORKERS, Page


def _front(text: str) -> tuple[dict[str, object], str]:
    assert text.startswith("---\n")
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head), body


def test_a_document_carries_its_escaped_title_once() -> None:
    page = Page("werkers/x/index.md", "</title><script>x</script> & co", "# Naam\n")
    meta, body = _front(source.document(page))
    assert meta == {"title": "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; co"}
    assert body.strip() == "# Naam"


def test_front_matter_of_the_page_itself_is_kept_in_one_block() -> None:
    page = Page("werkers/x/uren.md", "Punten", "---\nhide:\n  - toc\n---\n\n# Punten\n")
    text = source.document(page)
    meta, body = _front(text)
    assert meta == {"title": "Punten", "hide": ["toc"]}
    assert "---" not in body and "hide" not in body
    assert source.document(Page(HOME, "Home", "# Team\n")) == "# Team\n"


def _pages() -> list[Page]:
    made = [Page(HOME, "Home", "", in_nav=True), Page(WORKERS, "Medewerkers", "", in_nav=True)]
    for slug, name in (("ann", "Ann <b>"), ("bo", "Bo")):
        made += [
            Page(f"werkers/{slug}/index.md", name, ""),
            Page(f"werkers/{slug}/uren.md", "", ""),
        ]
    made += [Page(TEAM, "Team", "", in_nav=True), Page(FRAMEWORKS, "Kaders", "", in_nav=True)]
    made += [
        Page("kaders/integriteit.md", "Integriteit", ""),
        Page("bijlagen/a.pdf", "", "", source="a"),
    ]
    return made


def test_the_menu_hangs_workers_and_items_under_their_overview() -> None:
    team_nav = [
        {"Home": "index.md"},
        {"Medewerkers": "werkers/index.md"},
        {"Team": ["team/index.md", "team/kennis.md"]},
        {"Kaders": "kaders/index.md"},
        {"Colofon": "colofon.md"},
    ]
    nav = source.site_nav(team_nav, _pages(), ["team/kennis.md"])  # the team's own page
    assert nav[1] == {
        "Medewerkers": [
            "werkers/index.md",
            {"Ann &lt;b&gt;": ["werkers/ann/index.md", "werkers/ann/uren.md"]},
            {"Bo": ["werkers/bo/index.md", "werkers/bo/uren.md"]},
        ]
    }
    assert nav[2] == {"Team": ["team/index.md", "team/kennis.md"]}
    assert nav[3] == {"Kaders": ["kaders/index.md", "kaders/integriteit.md"]}
    assert nav[4] == {"Handleiding": "handleiding.md"} and nav[5] == {"Colofon": "colofon.md"}


def test_workers_are_grouped_per_team_on_a_site_of_several_teams() -> None:
    teams = [Page("teams/noord/index.md", "Noord", ""), Page("teams/zuid/index.md", "Zuid", "")]
    pages = [*_pages(), *teams]
    found = navigation.branches(pages, {"ann": "zuid", "bo": "noord"})
    assert found[WORKERS] == [
        {"Noord": [{"Bo": ["werkers/bo/index.md", "werkers/bo/uren.md"]}]},
        {"Zuid": [{"Ann &lt;b&gt;": ["werkers/ann/index.md", "werkers/ann/uren.md"]}]},
    ]
    assert found[TEAM] == [{"Noord": ["teams/noord/index.md"]}, {"Zuid": ["teams/zuid/index.md"]}]


def test_without_a_nav_the_generated_pages_come_first_then_the_teams_own() -> None:
    nav = source.site_nav(None, _pages(), ["over.md", "index.md", "sub/x.md"])
    assert nav[0] == HOME and nav[-1] == "over.md"
    assert "sub/x.md" not in str(nav)


def test_prune_is_added_unless_the_team_expands_everything() -> None:
    assert source.with_prune(["navigation.tabs"]) == ["navigation.tabs", "navigation.prune"]
    assert source.with_prune(["navigation.expand"]) == ["navigation.expand"]


def test_compact_keeps_every_line_break_and_preformatted_pages() -> None:
    assert (
        source.compact("<ul>\n    <li>\n      a\n\n    </li>\n</ul>")
        == "<ul>\n<li>\na\n</li>\n</ul>"
    )
    kept = "<pre>\n    code\n</pre>\n   <p>x</p>"
    assert source.compact(kept) == kept


def test_unlabelled_finds_a_page_without_banner_or_with_the_wrong_audience(tmp_path: Path) -> None:
    good = (
        '<meta name="profcli-publiek" content="team"><div class="prof-publiek prof-publiek--team">'
    )
    (tmp_path / "a.html").write_text(good, encoding="utf-8")
    (tmp_path / "b.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "c.html").write_text(good.replace("team", "publiek"), encoding="utf-8")
    assert source.unlabelled(tmp_path, "team") == ["b.html", "c.html"]
