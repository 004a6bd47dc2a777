"""The words a supervisor reads: display names for ids, team synonyms, one title per page,
"medewerkers", a Dutch footer and the manual, checked on the page model and on built sites."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.generate import generate
from profcli.cli import main
from profcli.publish import build_pages
from profcli.publish.context import TEAM_SITE_DIR
from profcli.publish.labels import display, label, medewerkers
from profcli.publish.manual import render
from profcli.validation import check_repository
from tests.authoring_repo import make_repo
from tests.publish_repo import REPO, site_copy, team_slug, write

TODAY = dt.date(2026, 11, 22)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def pages_of(root: Path, audience: str = "team") -> dict[str, str]:
    checked = check_repository(root, today=TODAY)
    assert checked.result.ok, [f.text() for f in checked.result.sorted()][:5]
    return {
        p.path: p.markdown for p in build_pages(checked.repository, today=TODAY, audience=audience)
    }


@pytest.fixture(scope="module")
def built(example_builds: dict[str, Path]) -> dict[str, Path]:
    """The example team built for both audiences (shared by the session): audience -> its
    output folder."""
    return {
        "team": example_builds["team"] / TEAM_SITE_DIR,
        "publiek": example_builds["publiek"] / "public",
    }


def visible_text(page: str) -> str:
    """What a reader sees of a built page: no scripts, styles, charts' markup or tags."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def article(page: str) -> str:
    found = re.search(r"<article\b.*?</article>", page, re.S)
    return found.group(0) if found else ""


# --- display names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("moreel-beraad", "moreel beraad"),
        ("e-learning", "e-learning"),
        ("taalbarriere", "taalbarrière"),
        ("werken-met-tolken", "werken met tolken"),
        ("e-learning-meldcode", "e-learning meldcode"),
        ("ex-partner", "ex-partner"),
        ("co-ouderschap", "co-ouderschap"),
        ("jeugd-en-gezinsprofessional", "jeugd- en gezinsprofessional"),
        ("client-en-netwerk", "cliënt en netwerk"),
        ("skj", "SKJ"),
        ("Al in woorden", "Al in woorden"),  # not an id: shown as typed
        ("", ""),
    ],
)
def test_display_names(value: str, shown: str) -> None:
    assert display(value) == shown


def test_display_capital_only_when_asked() -> None:
    assert display("moreel-beraad", capital=True) == "Moreel beraad"
    assert display("e-learning", capital=True) == "E-learning"
    assert display("skj", capital=True) == "SKJ"
    assert label({"vrij": "Vrije reflectie"}, "vrij") == "Vrije reflectie"
    assert label({}, "collegiale-consultatie") == "Collegiale consultatie"
    assert medewerkers(1) == "1 medewerker" and medewerkers(0) == "0 medewerkers"


def _example_ids() -> set[str]:
    """Every id-like value of the example team that has a display name of its own."""
    found = set()
    for path in (REPO / "profielen").rglob("*.toml"):
        text = path.read_text(encoding="utf-8")
        for key in ("tags", "expertise", "signalen", "dimensies", "vorm", "methode", "fase"):
            for line in re.findall(rf"^{key} = (.*)$", text, re.M):
                found.update(re.findall(r'"([a-z0-9-]+)"', line))
    return {i for i in found if display(i) != i}


def test_no_raw_ids_on_built_pages(built: dict[str, Path]) -> None:
    ids = _example_ids()
    assert {"moreel-beraad", "taalbarriere", "systemisch-werken"} <= ids
    raw = re.compile(r"(?<![\w/-])(" + "|".join(map(re.escape, ids)) + r")(?![\w/.-])")
    for audience, public in built.items():
        for page in public.rglob("*.html"):
            found = raw.findall(visible_text(article(page.read_text(encoding="utf-8"))))
            assert not found, (audience, page, found)


# --- synonyms --------------------------------------------------------------------------------


def test_synonyms_meet_under_one_subject(tmp_path: Path) -> None:
    who = pages_of(REPO)["team/wie-weet-wat.md"]
    subjects = who.split("## Per onderwerp", 1)[1]
    row = next(line for line in subjects.splitlines() if line.startswith("| Schuldhulp"))
    assert "(ook: geldzorgen, schulden, schuldhulpverlening)" in row
    assert "priya-ramdin" in row and "sanne-de-boer" in row
    assert "| Schulden " not in subjects
    # Without the team's [synoniemen] the two words are two subjects again.
    root = tmp_path / "team"
    for name in ("profielen", "bewijs"):
        shutil.copytree(REPO / name, root / name)
    profile = root / "profielen" / team_slug(root) / "profiel.toml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.split("[synoniemen]")[0], encoding="utf-8")
    plain = pages_of(root)["team/wie-weet-wat.md"].split("## Per onderwerp", 1)[1]
    assert "| Schulden | " in plain and "| Schuldhulp | " in plain


# --- titles and words on built pages -----------------------------------------------------------


def test_every_page_has_exactly_one_title(built: dict[str, Path]) -> None:
    for audience, public in built.items():
        pages = [p for p in public.rglob("*.html") if article(p.read_text(encoding="utf-8"))]
        assert len(pages) > 20
        for page in pages:
            count = article(page.read_text(encoding="utf-8")).count("<h1")
            assert count == 1, (audience, page, count)


WERKER = re.compile(r"(?<![\w-])(?<!sociaal )(?<!maatschappelijk )werkers?\b", re.I)
"""'werker(s)' on its own: the site says 'medewerker(s)'; 'sociaal werker' and 'maatschappelijk
werker' (a register's name) are professions."""


def test_pages_say_medewerkers_not_werkers(built: dict[str, Path]) -> None:
    for audience, public in built.items():
        index = (public / "werkers" / "index.html").read_text(encoding="utf-8")
        assert "Medewerkers" in visible_text(index)
        for page in public.rglob("*.html"):
            text = visible_text(page.read_text(encoding="utf-8"))
            assert not WERKER.findall(text), (audience, page, WERKER.findall(text))


def test_every_generated_page_has_one_title_also_with_several_teams(tmp_path: Path) -> None:
    """The page model writes exactly one `# ` heading per page, so MkDocs Material never adds
    a second title (it adds the page title as h1 only when the Markdown has none)."""
    generate(tmp_path, 48)
    checked = check_repository(tmp_path, today=TODAY)
    assert checked.result.ok
    for audience in ("team", "publiek"):
        pages = build_pages(checked.repository, today=TODAY, audience=audience)
        assert any(p.path.startswith("teams/") for p in pages)
        for page in pages:
            titles = [line for line in page.markdown.splitlines() if line.startswith("# ")]
            assert len(titles) == 1, (audience, page.path, titles)


def test_nested_lists_in_knowledge_render_nested() -> None:
    kennis = pages_of(REPO)["team/kennis.md"]
    nested = re.search(r"plichten:<ul>\n<li><em>Toestemming</em>", kennis)
    assert nested, "the six questions are typed three spaces in and must nest"


def test_no_developer_text_on_user_pages(built: dict[str, Path]) -> None:
    for audience, public in built.items():
        colophon = visible_text((public / "colofon.html").read_text(encoding="utf-8"))
        assert "sociaal-werk-competenties" not in colophon and "<id>" not in colophon
        kaders = visible_text((public / "kaders" / "index.html").read_text(encoding="utf-8"))
        assert "kaders/.toml" not in kaders and "Onvolledig" in kaders
        # Where the team can complete a framework is for the team, not for the public.
        assert ("kaders/beroepscode-2021.toml" in kaders) == (audience == "team")
        over = visible_text((public / "over.html").read_text(encoding="utf-8"))
        assert "TOML" not in over and "site/over.md" not in over


# --- footer ----------------------------------------------------------------------------------


def test_footer_404_and_permalinks_are_dutch_in_both_builds(built: dict[str, Path]) -> None:
    for public in built.values():
        for page in public.rglob("*.html"):
            source = page.read_text(encoding="utf-8")
            assert "Made with" not in source, page
            assert "Permanent link" not in source, page
        footer = (public / "index.html").read_text(encoding="utf-8")
        assert "Gemaakt met profcli" in footer
        assert 'href="handleiding.html"' in footer and 'href="colofon.html"' in footer
        assert 'title="Vaste link naar dit kopje"' in footer
        missing = (public / "404.html").read_text(encoding="utf-8")
        assert "Pagina niet gevonden" in missing and "Not found" not in missing


def test_a_team_built_from_prof_init_gets_the_footer_and_the_manual(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    code, output = run("-C", str(root), "build", "--vandaag", "2026-11-22")
    assert code == 0, output
    home = (root / TEAM_SITE_DIR / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in home and "Gemaakt met profcli" in home
    assert (root / TEAM_SITE_DIR / "handleiding.html").is_file()
    assert re.search(r'<a[^>]*href="handleiding.html"[^>]*>\s*Handleiding', home)


# --- the manual ------------------------------------------------------------------------------


def test_manual_for_each_audience() -> None:
    team, public = render("team"), render("publiek")
    for text in (team, public):
        assert text.startswith("# Handleiding\n") and text.count("\n# ") == 0
        assert "@@" not in text and ":::" not in text
        for page in ("index.md", "werkers/index.md", "team/index.md", "colofon.md"):
            assert f"]({page})" in text
        assert "Waar de getallen vandaan komen" in text
    # The team's manual explains how an entry gets there and the visibility rules in full.
    for words in ("prof add", "prof validate", "**prive**", "teamprofiel zelf prive", "92 dagen"):
        assert words in team
    # The public one has nothing about the team's own supervision or its tools.
    for words in ("Aandacht nodig", "prof add", "repository", "92 dagen"):
        assert words not in public
    assert "publiek" in public and "prive" in public


def test_manual_in_both_builds_and_in_the_nav(built: dict[str, Path]) -> None:
    for audience, public in built.items():
        page = (public / "handleiding.html").read_text(encoding="utf-8")
        assert "Wie ziet wat" in visible_text(article(page)), audience
        assert ("prof add" in page) == (audience == "team")
        nav = (public / "index.html").read_text(encoding="utf-8")
        assert re.search(r'href="handleiding.html"[^>]*>\s*(<span[^>]*>\s*)?Handleiding', nav)


def test_a_team_replaces_the_manual_with_its_own_page(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    write(root, "site/handleiding.md", "# Handleiding\n\nOnze eigen afspraken over de site.\n")
    code, output = run("-C", str(root), "build", "--vandaag", "2026-11-22")
    assert code == 0, output
    page = (root / TEAM_SITE_DIR / "handleiding.html").read_text(encoding="utf-8")
    assert "Onze eigen afspraken" in page and "prof add" not in page


def test_an_older_mkdocs_yml_gets_the_manual_in_its_menu(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - Handleiding: handleiding.md\n", ""),
        encoding="utf-8",
    )
    code, output = run("-C", str(root), "build", "--strict", "--vandaag", "2026-11-22")
    assert code == 0, output
    home = (root / TEAM_SITE_DIR / "index.html").read_text(encoding="utf-8")
    manual, colophon = home.find('href="handleiding.html"'), home.find('href="colofon.html"')
    assert 0 < manual < colophon


def test_a_team_footer_in_its_own_custom_dir_wins(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    write(root, "overrides/partials/copyright.html", '<div class="md-copyright">Ons team</div>')
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    own = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    config.write_text(own, encoding="utf-8")
    code, output = run("-C", str(root), "build", "--vandaag", "2026-11-22")
    assert code == 0, output
    home = (root / TEAM_SITE_DIR / "index.html").read_text(encoding="utf-8")
    assert "Ons team" in home and "Gemaakt met profcli" not in home
    # The Dutch 404 page still comes from profcli: the team did not replace that one.
    assert "Pagina niet gevonden" in (root / TEAM_SITE_DIR / "404.html").read_text(encoding="utf-8")
