"""Evidence on the site, meeting agreements, the meetings overview and what citizens tell us.

Page content is checked through the page model (`build_pages`); that evidence files really
are copied, or not, is checked on a real MkDocs build.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from benchmarks.generate import generate
from profcli.publish import build_pages, site
from profcli.repository.agreements import agreements
from profcli.repository.kinds import BIJEENKOMST
from profcli.validation import check_repository
from tests.publish_repo import CANARY, first_worker, site_copy, team_slug, write

TODAY = dt.date(2026, 11, 22)
TEAM_FILE = "bewijs/teamkanarie/presentielijst-k4w8p.pdf"
PRIVE_FILE = f"bewijs/prive/{CANARY}.pdf"
LOOSE_FILE = f"bewijs/los/los-{CANARY}.pdf"
PDF = b"%PDF-1.4\n% presentielijst\n%%EOF\n"
SECRET = b"%PDF-1.4\n% " + CANARY.encode() + b"\n%%EOF\n"


def pages_of(root: Path, audience: str = "team") -> dict[str, str]:
    checked = check_repository(root, today=TODAY)
    assert checked.result.ok, [f.text() for f in checked.result.sorted()][:5]
    return {
        p.path: p.markdown or f"<kopie van {p.source}>"
        for p in build_pages(checked.repository, today=TODAY, audience=audience)
    }


def _goal(root: Path, worker: str, slug: str, evidence: list[str], visibility: str) -> None:
    refs = ", ".join(f'"{e}"' for e in evidence)
    write(
        root,
        f"profielen/{worker}/leerdoelen/{slug}.toml",
        f'titel = "Doel {slug}"\nstatus = "bezig"\nbewijs = [{refs}]\n'
        f'zichtbaarheid = "{visibility}"\n',
    )


def _evidence_repo(root: Path) -> tuple[Path, str]:
    """The example team with a team-visible goal, a prive goal and a loose file, each with a
    PDF of its own; a second team goal names the same file as the first."""
    worker = first_worker(root)
    for ref in (TEAM_FILE, PRIVE_FILE, LOOSE_FILE):
        (root / ref).parent.mkdir(parents=True, exist_ok=True)
        (root / ref).write_bytes(PDF if ref == TEAM_FILE else SECRET)
    _goal(root, worker, "met-presentielijst", [TEAM_FILE], "team")
    _goal(root, worker, "ook-presentielijst", [TEAM_FILE], "team")
    _goal(root, worker, f"doel-{CANARY}", [PRIVE_FILE], "prive")
    return root, worker


def test_evidence_follows_the_visibility_of_its_entries(tmp_path: Path) -> None:
    root, worker = _evidence_repo(site_copy(tmp_path))
    team = pages_of(root, "team")
    target = f"bijlagen/{TEAM_FILE}"
    assert team[target] == f"<kopie van {TEAM_FILE}>"
    assert sum(1 for p in team if p == target) == 1
    profile = team[f"werkers/{worker}/index.md"]
    assert profile.count(f"(../../{target})") == 2, "linked beside each entry that names it"
    assert "[presentielijst-k4w8p.pdf &#40;PDF, 1 kB&#41;](" in profile
    public = pages_of(root, "publiek")
    assert target not in public
    for audience in (team, public):
        for path, markdown in audience.items():
            assert CANARY not in path and CANARY not in markdown, path


def test_markdown_evidence_is_a_sanitised_page_with_links_back(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    worker = first_worker(root)
    write(
        root,
        "bewijs/verslag.md",
        "# Verslag <b>intervisie</b>\n\nTekst <script>alert(1)</script> en "
        "[klik](javascript:alert(2)).\n",
    )
    _goal(root, worker, "met-verslag", ["bewijs/verslag.md"], "team")
    page = pages_of(root)["bijlagen/bewijs/verslag.md"]
    assert page.startswith("# Verslag &#60;b&#62;intervisie&#60;/b&#62;\n")
    assert "<script" not in page and "javascript:" not in page
    assert f"[leerdoel Doel met-verslag](../../werkers/{worker}/index.md#doel-met-verslag)" in page


def test_unsafe_evidence_kinds_are_never_copied(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    worker = first_worker(root)
    write(root, "bewijs/pagina.html", "<script>alert(1)</script>")
    write(root, "bewijs/plaatje.svg", "<svg onload='alert(1)'></svg>")
    _goal(root, worker, "met-html", ["bewijs/pagina.html", "bewijs/plaatje.svg"], "team")
    pages = pages_of(root)
    assert not any(p.endswith((".html", ".svg")) for p in pages)
    profile = pages[f"werkers/{worker}/index.md"]
    assert "bewijs/pagina.html (niet op de site)" in profile


@pytest.fixture(scope="module")
def evidence_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Real MkDocs builds (strict: a broken evidence link fails) for both audiences."""
    root, _ = _evidence_repo(site_copy(tmp_path_factory.mktemp("bewijs")))
    checked = check_repository(root, today=TODAY)
    assert checked.result.ok
    built = {}
    for audience in ("team", "publiek"):
        done = site.build(root, checked.repository, audience=audience, strict=True, today=TODAY)
        built[audience] = done.site_dir
    return built


def test_build_copies_team_evidence_for_the_team_only(evidence_builds: dict[str, Path]) -> None:
    team, public = evidence_builds["team"], evidence_builds["publiek"]
    assert (team / "bijlagen" / TEAM_FILE).read_bytes() == PDF
    assert (team / "bijlagen/bewijs/priya-ramdin/verslag-buurtgesprek-armoede.html").is_file()
    assert not (public / "bijlagen" / TEAM_FILE).exists()
    for folder in (team, public):
        assert (folder / "team/burgers.html").is_file()
        assert (folder / "assets/profcli/filter.js").is_file()
        for path in folder.rglob("*"):
            assert CANARY not in path.as_posix(), path
            if path.is_file() and path.suffix != ".gz":
                assert CANARY.encode() not in path.read_bytes(), path


def _meeting(root: Path, afspraken: str, extra: str = "") -> str:
    team = team_slug(root)
    worker = first_worker(root)
    write(
        root,
        f"profielen/{team}/bijeenkomsten/2026-11-12-intervisie-test.toml",
        f'datum = 2026-11-12\nsoort = "intervisie"\nduur_uren = 1.5\n'
        f'deelnemers = ["{worker}"]\nthema = "Test <script>x</script>"\n'
        f"afspraken = [\n{afspraken}\n]\n{extra}",
    )
    return worker


def test_agreements_read_plain_lines_and_tables(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    worker = first_worker(root)
    _meeting(
        root,
        '  "Een oude afspraak als tekst",\n'
        f'  {{ wat = "Nog te doen", wie = ["{worker}"] }},\n'
        '  { wat = "Gedaan", klaar = true },\n'
        '  { wat = "Gedaan op een dag", klaar_op = 2026-11-19 },',
    )
    checked = check_repository(root, today=TODAY)
    assert checked.result.ok
    meeting = next(
        m for t in checked.repository.teams() for m in t.of(BIJEENKOMST) if m.id.endswith("test")
    )
    found = agreements(meeting)
    assert [(a.wat, a.open) for a in found] == [
        ("Een oude afspraak als tekst", True),
        ("Nog te doen", True),
        ("Gedaan", False),
        ("Gedaan op een dag", False),
    ]
    assert found[1].wie == (worker,)
    assert found[3].klaar_op == dt.date(2026, 11, 19)


def test_meetings_page_marks_done_and_open_and_home_lists_open_ones(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    _meeting(
        root,
        '  { wat = "Open afspraak zeven", wie = ["marieke-jansen"] },\n'
        '  { wat = "Klare afspraak acht", klaar_op = 2026-11-19 },',
    )
    pages = pages_of(root)
    meetings = pages["team/bijeenkomsten.md"]
    assert "- **klaar** op 19 november 2026: Klare afspraak acht" in meetings
    assert (
        "- **open**: Open afspraak zeven ([Marieke Jansen](../werkers/marieke-jansen/index.md))"
        in (meetings)
    )
    home = pages["index.md"]
    section = home[home.index("## Open afspraken") : home.index("## Leerdoelen per status")]
    assert "Open afspraak zeven" in section and "Klare afspraak acht" not in section
    assert home.index("## Aandacht nodig") < home.index("## Open afspraken")
    # Open agreements are for the team's supervisors: never on the public site.
    assert "## Open afspraken" not in pages_of(root, "publiek")["index.md"]


def test_meetings_overview_table_escapes_and_carries_the_filters(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    _meeting(root, '  "Iets",', 'signalen = ["armoede"]\n')
    page = pages_of(root)["team/bijeenkomsten.md"]
    overview = page[page.index("## Overzicht") : page.index("</table>")]
    rows = [line for line in overview.splitlines() if line.startswith("<tr data-soort")]
    headings = [line for line in page.splitlines() if line.startswith("## ") and "{#" in line]
    assert len(rows) == len(headings) == 9
    assert rows[0].startswith('<tr data-soort="intervisie" data-signalen="armoede">')
    assert "<script>" not in page and "Test &lt;script&gt;x&lt;/script&gt;" in rows[0]
    assert rows[0].endswith("<td>armoede</td><td>1</td></tr>")
    assert '<form class="prof-filter__controls" hidden aria-label="Bijeenkomsten filteren">' in page
    assert '<label>Soort <select name="soort">' in page
    assert '<option value="-">Zonder signalen</option>' in page


def test_citizens_page_shows_citizen_feedback_by_role_only(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    worker = first_worker(root)
    write(
        root,
        f"profielen/{worker}/feedback/2026-11-02-burger-{CANARY}.toml",
        f'datum = 2026-11-02\nvan = "burger"\nsamenvatting = "Prive {CANARY}"\n'
        'zichtbaarheid = "prive"\n',
    )
    page = pages_of(root)["team/burgers.md"]
    assert CANARY not in page
    # Each citizen's feedback of the example team, and no feedback of colleagues or managers.
    assert page.count("*Van een inwoner aan ") == 8
    assert "Mijn teamleider" not in page
    assert "| bejegening | 4 | nog niet |" in page
    assert "| armoede | 2 | in 5 bijeenkomsten |" in page
    assert page.index("### 2026") < page.index("### 2025")
    assert "## Waar het team zelf aan werkt" in page and "### Signalen uit de bijeenkomsten" in page
    # The public site: only what a worker who opted in (Priya Ramdin) marked publiek.
    public = pages_of(root, "publiek")["team/burgers.md"]
    assert CANARY not in public
    assert 0 < public.count("*Van een inwoner aan ") < 8
    assert public.count("*Van een inwoner aan ") == public.count("aan [Priya Ramdin]")


def test_citizens_feedback_has_no_field_for_a_name(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    write(
        root,
        f"profielen/{first_worker(root)}/feedback/2026-11-03-burger.toml",
        'datum = 2026-11-03\nvan = "burger"\nnaam = "Mevrouw Jansen"\nsamenvatting = "Fijn"\n',
    )
    result = check_repository(root, today=TODAY).result
    assert [f.rule for f in result.sorted()] == ["schema-onbekend"]


def test_worker_page_shows_feedback_per_year_newest_first(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    page = pages_of(root)["werkers/marieke-jansen/index.md"]
    feedback = page[page.index("## Feedback") :]
    assert "| 2026 | 1 | \u2013 | 1 | \u2013 |" in feedback
    assert "| 2025 | 1 | \u2013 | \u2013 | 1 |" in feedback
    years = [line for line in feedback.splitlines() if line.startswith("### ")]
    assert years == ["### 2026", "### 2025", "### 2023"]
    assert "#### 16 oktober 2025, van een inwoner {#2025-10-16-burger-tevredenheidsgesprek}" in (
        feedback
    )


def test_several_teams_each_get_a_citizens_page(tmp_path: Path) -> None:
    generate(tmp_path, 24)
    pages = pages_of(tmp_path)
    teams = {p.split("/")[1] for p in pages if p.startswith("teams/")}
    assert len(teams) >= 2
    overview = pages["team/burgers.md"]
    for team in teams:
        assert f"teams/{team}/burgers.md" in pages
        assert f"(../teams/{team}/burgers.md)" in overview


def test_public_goal_of_an_opted_in_worker_publishes_its_evidence(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    worker = first_worker(root)
    profile = root / "profielen" / worker / "profiel.toml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace('soort = "werker"', 'soort = "werker"\nzichtbaarheid = "publiek"', 1),
        encoding="utf-8",
    )
    write(root, "bewijs/openbaar.pdf", "%PDF-1.4\n")
    _goal(root, worker, "openbaar-doel", ["bewijs/openbaar.pdf"], "publiek")
    _goal(root, worker, "team-doel", ["bewijs/alleen-team.pdf"], "team")
    write(root, "bewijs/alleen-team.pdf", "%PDF-1.4\n")
    public = pages_of(root, "publiek")
    assert public["bijlagen/bewijs/openbaar.pdf"] == "<kopie van bewijs/openbaar.pdf>"
    assert "bijlagen/bewijs/alleen-team.pdf" not in public
    assert "alleen-team" not in public[f"werkers/{worker}/index.md"]


def test_evidence_named_by_a_goal_and_its_activity_is_listed_once(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    worker = first_worker(root)
    write(root, "bewijs/certificaat.pdf", "%PDF-1.4\n")
    _goal(root, worker, "met-training", ["bewijs/certificaat.pdf"], "team")
    write(
        root,
        f"profielen/{worker}/activiteiten/2026-11-05-training.toml",
        'datum = 2026-11-05\ntitel = "Training"\nvorm = "training"\n'
        'uren = 4\nbewijs = ["bewijs/certificaat.pdf"]\nleerdoelen = ["met-training"]\n',
    )
    profile = pages_of(root)[f"werkers/{worker}/index.md"]
    section = profile[profile.index("{#doel-met-training}") :]
    section = section[: section.index("\n### ")] if "\n### " in section else section
    assert section.count("bijlagen/bewijs/certificaat.pdf") == 1
    assert "- Training (5 november 2026)" in section
