"""The page model on its own: golden pages for the example team, and what each audience sees.

Rewrite the golden files with `UPDATE_GOLDEN=1 python3 -m pytest tests/test_publish_pages.py`.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import generate
from profcli.publish import build_pages
from profcli.validation import check_repository
from tests.publish_repo import (
    CANARY,
    DASHBOARD_SECTIONS,
    REPO,
    add_prive_canaries,
    first_worker,
    site_copy,
    team_slug,
    write,
)

TODAY = dt.date(2026, 11, 22)
GOLDEN = Path(__file__).resolve().parent / "golden"


def pages_of(root: Path, audience: str = "team") -> dict[str, str]:
    checked = check_repository(root, today=TODAY)
    assert checked.result.ok, [f.text() for f in checked.result.sorted()][:5]
    return {
        p.path: p.markdown for p in build_pages(checked.repository, today=TODAY, audience=audience)
    }


def test_no_mkdocs_in_the_page_model() -> None:
    code = (
        "import sys, profcli.publish.pages; "
        "sys.exit(any(m.startswith('mkdocs') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize("audience", ["team", "publiek"])
def test_golden_pages(audience: str) -> None:
    pages = pages_of(REPO, audience)
    folder = GOLDEN / audience
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for old in folder.rglob("*.md"):
            old.unlink()
        for path, markdown in pages.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
    expected = {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in folder.rglob("*.md")
    }
    assert sorted(pages) == sorted(expected), "set UPDATE_GOLDEN=1 to rewrite the golden pages"
    for path, markdown in pages.items():
        assert markdown == expected[path], f"{path} differs from tests/golden/{audience}/{path}"


def test_pages_are_few_per_worker_and_nav_is_small() -> None:
    checked = check_repository(REPO, today=TODAY)
    pages = build_pages(checked.repository, today=TODAY)
    workers = checked.repository.workers()
    per_worker = [
        p for p in pages if p.path.startswith("werkers/") and p.path != "werkers/index.md"
    ]
    assert len(per_worker) <= 4 * len(workers)
    assert not any(p.in_nav for p in per_worker)
    home = next(p for p in pages if p.path == "index.md")
    for heading in DASHBOARD_SECTIONS:
        assert heading in home.markdown


def test_prive_entries_and_hidden_workers_never_appear(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    add_prive_canaries(root)
    before = pages_of(site_copy(tmp_path / "schoon"))
    for audience in ("team", "publiek"):
        pages = pages_of(root, audience)
        for path, markdown in pages.items():
            assert CANARY not in path and CANARY not in markdown, path
            assert "verborgen-werker" not in markdown, path
            assert "7,25" not in markdown, path
    assert pages_of(root) == before, "prive entries must not change any page, count or total"


def test_publiek_shows_only_public_entries_and_shared_figures(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    worker = first_worker(root)
    profile = root / "profielen" / worker / "profiel.toml"
    text = profile.read_text(encoding="utf-8")
    text = "\n".join(
        line
        for line in text.splitlines()
        if not line.startswith(("zichtbaarheid", "publiek_tonen"))
    )
    text = text.replace(
        'soort = "werker"',
        'soort = "werker"\nzichtbaarheid = "publiek"\npubliek_tonen = ["zelftoetsen"]',
        1,
    )
    profile.write_text(text, encoding="utf-8")
    team = root / "profielen" / team_slug(root) / "profiel.toml"
    team_text = "\n".join(
        line
        for line in team.read_text(encoding="utf-8").splitlines()
        if not line.startswith("zichtbaarheid")
    )
    team.write_text(
        team_text.replace('soort = "team"', 'soort = "team"\nzichtbaarheid = "publiek"', 1),
        encoding="utf-8",
    )
    write(
        root,
        f"profielen/{worker}/reflecties/2026-01-07-openbaar.toml",
        """
titel = "Openbare reflectie"
datum = 2026-01-07
methode = "vrij"
zichtbaarheid = "publiek"
[vrij]
tekst = "Dit mag iedereen lezen."
""",
    )
    write(
        root,
        f"profielen/{worker}/reflecties/2026-01-08-alleen-team.toml",
        """
titel = "Alleen voor het team"
datum = 2026-01-08
methode = "vrij"
[vrij]
tekst = "Dit is voor het team."
""",
    )
    team_pages = pages_of(root, "team")
    public = pages_of(root, "publiek")
    assert "Alleen voor het team" in team_pages[f"werkers/{worker}/reflecties.md"]
    reflections = public[f"werkers/{worker}/reflecties.md"]
    assert "Openbare reflectie" in reflections and "Alleen voor het team" not in reflections
    assert f"werkers/{worker}/zelftoetsen.md" in public
    assert f"werkers/{worker}/uren.md" not in public
    assert "uren.md" not in public["index.md"]
    opted_in = {
        p.parent.name
        for p in (root / "profielen").glob("*/profiel.toml")
        if 'zichtbaarheid = "publiek"' in p.read_text(encoding="utf-8")
    }
    shown = {p.split("/")[1] for p in public if p.count("/") == 2}
    assert worker in shown and len(opted_in) > 1, "control: the example opts in a worker too"
    assert shown == opted_in - {team_slug(root)}, "only workers whose profile opts in appear"


def test_colophon_shows_the_privacy_allow_list(tmp_path: Path) -> None:
    """An exception to the privacy guard is never hidden: every reader can see it."""
    root = site_copy(tmp_path)
    team = root / "profielen" / team_slug(root) / "profiel.toml"
    text = team.read_text(encoding="utf-8")
    team.write_text(
        text.replace("privacy_toegestaan = [", 'privacy_toegestaan = ["010 123 45 67", '),
        encoding="utf-8",
    )
    colophon = pages_of(root)["colofon.md"]
    assert "| 010 123 45 67; teampostbus@wijkteam-feijenoord-noord.example |" in colophon


def test_colophon_shows_the_allowed_names(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    team = root / "profielen" / team_slug(root) / "profiel.toml"
    text = team.read_text(encoding="utf-8")
    team.write_text(
        text.replace(
            "privacy_toegestaan = [", 'namen_toegestaan = ["Karin Smits"]\nprivacy_toegestaan = ['
        ),
        encoding="utf-8",
    )
    colophon = pages_of(root)["colofon.md"]
    assert "namen van personen" in colophon
    assert "| Karin Smits |" in colophon


def test_a_session_logged_twice_is_said_on_the_hours_page(tmp_path: Path) -> None:
    """Issue 17: the site counts one session once and says which line it left out."""
    root = site_copy(tmp_path)
    meeting = next((root / "profielen" / team_slug(root) / "bijeenkomsten").glob("*intervisie*"))
    day = meeting.name[:10]
    worker = next(
        line.split('"')[1]
        for line in meeting.read_text(encoding="utf-8").splitlines()
        if line.startswith("deelnemers")
    )
    before = pages_of(root)[f"werkers/{worker}/uren.md"]
    (root / "profielen" / worker / "activiteiten" / f"{day}-intervisie.toml").write_text(
        f'datum = {day}\ntitel = "Intervisie met het team"\nvorm = "intervisie"\nuren = 2\n',
        encoding="utf-8",
    )
    after = pages_of(root)[f"werkers/{worker}/uren.md"]
    assert "Intervisie met het team" in after and "dezelfde sessie als bijeenkomst" in after
    assert "Intervisie met het team" not in before


def _generated_pages(root: Path, werkers: int) -> dict[str, str]:
    generate(root, werkers)
    today = dt.date(2026, 7, 1)
    checked = check_repository(root, today=today)
    assert checked.result.ok
    return {p.path: p.markdown for p in build_pages(checked.repository, today=today)}


def test_several_teams_get_pages_of_their_own_and_shared_pages_stay_small(
    tmp_path: Path,
) -> None:
    small = _generated_pages(tmp_path / "klein", 24)
    large = _generated_pages(tmp_path / "groot", 72)
    teams = {p.split("/")[1] for p in large if p.startswith("teams/")}
    assert len(teams) >= 4
    for team in teams:
        dashboard = large[f"teams/{team}/index.md"]
        for heading in (*DASHBOARD_SECTIONS, "Leeropdrachten"):
            assert heading in dashboard
        for page in ("bijeenkomsten", "kennis", "wie-weet-wat", "kaders"):
            assert f"teams/{team}/{page}.md" in large
        assert f"teams/{team}/index.md" in large["index.md"]
    shared = [
        p for p in small if not p.startswith(("teams/", "werkers/")) or p == "werkers/index.md"
    ]
    for path in shared:
        assert len(large[path]) < 1.6 * len(small[path]) + 2000, path


def test_public_site_shows_team_entries_marked_publiek(tmp_path: Path) -> None:
    """DESIGN: a team entry marked publiek appears on the public site unless the team profile
    is prive; nothing of the team's supervision ("Aandacht nodig") goes public."""
    root = tmp_path / "team"
    for name in ("profielen", "bewijs"):
        shutil.copytree(REPO / name, root / name)
    public = pages_of(root, "publiek")
    assert "Samenwerken met ervaringsdeskundigen" in public["team/kennis.md"]
    assert "Aandacht nodig" not in public["index.md"]
    assert "Aandacht nodig" in pages_of(root, "team")["index.md"]
    profile = root / "profielen/wijkteam-feijenoord-noord/profiel.toml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace('soort = "team"', 'soort = "team"\nzichtbaarheid = "prive"'))
    hidden = pages_of(root, "publiek")
    assert all("Samenwerken met ervaringsdeskundigen" not in page for page in hidden.values())


EMPTY = ("Nog geen", "Geen ", "Er zijn geen", "Er zijn (nog) geen", "Er is geen")


def _empty_sections(markdown: str) -> list[str]:
    """Headings with nothing under them before the next heading of the same or a higher level."""
    lines = [line for line in markdown.splitlines() if line.strip()]
    found = []
    for n, line in enumerate(lines):
        if not line.startswith("#"):
            continue
        level = len(line) - len(line.lstrip("#"))
        after = lines[n + 1] if n + 1 < len(lines) else "#"
        if after.startswith("#") and len(after) - len(after.lstrip("#")) <= level:
            found.append(line)
    return found


def test_public_site_of_the_example_shows_team_entries_and_no_empty_headings() -> None:
    """Issue #11: the example marks team knowledge, meetings and leeropdrachten `publiek`;
    the public site shows them and prints no empty section or "nothing yet" line."""
    public = pages_of(REPO, "publiek")
    for path, markdown in public.items():
        assert _empty_sections(markdown) == [], path
        lines = [line for line in markdown.splitlines() if line.startswith(EMPTY)]
        assert lines == [], (path, lines)
    assert "## Samenwerken met ervaringsdeskundigen" in public["team/kennis.md"]
    assert "### Leeropdrachten" in public["team/index.md"]
    assert "### Maatschappelijke signalen" in public["index.md"]
    assert "Armoede" in public["index.md"].split("### Maatschappelijke signalen")[1]
    assert "Wat op de openbare site komt" in public["colofon.md"]
    # Control: the team site still says when there is nothing (a supervisor wants to know).
    team = pages_of(REPO, "team")
    assert any(line.startswith(EMPTY) for md in team.values() for line in md.splitlines())
    assert _empty_sections("# A\n\n## B\n\n## C\n\ntext\n") == ["## B"]


def test_public_workers_page_says_why_nobody_is_there(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    for profile in (root / "profielen").glob("*/profiel.toml"):
        text = profile.read_text(encoding="utf-8")
        if 'soort = "werker"' in text:
            profile.write_text(text.replace('zichtbaarheid = "publiek"\n', ""), encoding="utf-8")
    public = pages_of(root, "publiek")
    assert not any(p.startswith("werkers/") and p.count("/") == 2 for p in public)
    assert "kiest zelf of haar portfolio op de openbare site staat" in public["werkers/index.md"]
    assert "## Samenwerken met ervaringsdeskundigen" in public["team/kennis.md"]


@pytest.mark.parametrize("audience", ["team", "publiek"])
def test_points_on_the_site_are_the_workers_real_standing(audience: str) -> None:
    """The site never shows a smaller total because some activities are shared with the team
    only: the totals count everything not `prive`, only the list is limited."""
    from profcli.publish.markdown import text
    from profcli.registration import hours

    checked = check_repository(REPO, today=TODAY)
    repo = checked.repository
    pages = pages_of(REPO, audience)
    compared = 0
    for worker in repo.workers():
        page = pages.get(f"werkers/{worker.slug}/uren.md")
        if page is None:
            continue
        report = hours.report(repo, worker, TODAY, visible=lambda e: e.visibility != "prive")
        assert text(hours.pace_sentence(report)) in page, worker.slug
        listed = page.split("## Activiteiten in deze cyclus", 1)[1]
        rows = [r for r in listed.splitlines() if r.startswith("| ") and "Datum" not in r]
        if len(rows) < len(report.lines):
            assert f"van de {len(report.lines)} regels staan niet op deze site" in listed
        compared += 1
    assert compared >= (4 if audience == "team" else 1)
