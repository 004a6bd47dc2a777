"""Issue 23: the team lead's part. Conversations (`gesprek`) with agreements, feedback on one
entry (`op`), the team's leads whose names pass, the yearly conversation and late agreements
in `prof status`, on the home page and the worker's page, and `prof prepare`.

The example team holds the cases: Sanne de Boer's last yearly conversation was in November
2024 and one of its agreements is past its deadline; Marieke Jansen's lead has an agreement
past its deadline; Youssef El Amrani never had one; Noor Bakker got feedback on a goal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli.cli import main
from profcli.publish import build_pages
from profcli.validation import check_repository, namecache, names
from tests.conftest import TODAY

DAY = TODAY.isoformat()


def prof(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--repo", str(root), "--vandaag", DAY, *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def team_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    from tests.conftest import REPO

    checked = check_repository(REPO, today=TODAY)
    assert checked.result.ok, [f.text() for f in checked.result.sorted()]
    return {p.path: p.markdown for p in build_pages(checked.repository, today=TODAY)}


def test_status_says_when_the_yearly_conversation_is_due_and_which_agreements_are_late(
    example_copy: Path,
) -> None:
    code, out = prof(example_copy, "status", "sanne-de-boer")
    assert code == 0, out
    assert "Jaargesprek: het laatste was 05-11-2024, 747 dagen geleden; plan het volgende." in out
    assert (
        "  - De vragenlijst vroegsignalering schulden gebruiken bij elk eerste huisbezoek. "
        "(werker) deadline 30-09-2025 (te laat)" in out
    )
    code, out = prof(example_copy, "status", "youssef-el-amrani")
    assert "Jaargesprek: nog nooit; de Cao Sociaal Werk vraagt er één per jaar." in out
    assert "Open afspraken: geen" in out


def test_status_json_carries_the_conversation(example_copy: Path) -> None:
    code, out = prof(example_copy, "status", "marieke-jansen", "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert data["jaargesprek"] == {"laatste": "2026-03-10", "nodig": False}
    assert [(a["wie"], a["deadline"], a["te_laat"]) for a in data["open_afspraken"]] == [
        ("leidinggevende", "2026-09-01", True),
        ("werker", "2027-02-28", False),
    ]
    assert data["open_afspraken"][0]["gesprek"] == "2026-03-10-jaargesprek-2026"


def test_home_page_names_who_is_due_and_what_is_late(team_pages: dict[str, str]) -> None:
    home = team_pages["index.md"]
    assert "| Jaargesprek | Afspraken |" in home
    attention = home.split("## Aandacht nodig", 1)[1].split("\n## ", 1)[0]
    rows = {
        line.split("](")[0].lstrip("| ["): line
        for line in attention.splitlines()
        if "](werkers/" in line
    }
    assert "⚠\u00a005\u201111\u20112024" in rows["Sanne de Boer"]  # non-breaking hyphens
    assert (
        "[1 te laat](werkers/sanne-de-boer/index.md#open-afspraken) (sinds 30\u201109\u20112025)"
        in rows["Sanne de Boer"]
    )
    assert "⚠\u00a0nooit" in rows["Youssef El Amrani"]
    assert "[1 te laat](werkers/marieke-jansen/index.md#open-afspraken)" in rows["Marieke Jansen"]
    assert rows["Noor Bakker"].rstrip(" |").endswith("| 0")


def test_worker_page_shows_conversations_open_agreements_first(
    team_pages: dict[str, str],
) -> None:
    page = team_pages["werkers/marieke-jansen/index.md"]
    talks = page.split("## Gesprekken met de leidinggevende", 1)[1].split("\n## ", 1)[0]
    assert "Het laatste jaargesprek was op 10 maart 2026." in talks
    table = talks.split("### Open afspraken {#open-afspraken}", 1)[1].split("###", 1)[0]
    late, later = table.index("⚠ Het inwerken"), table.index("Twee moreel beraden")
    assert late < later and "Inschrijven voor de opleiding" not in table  # done: not open
    assert "- *klaar*: Inschrijven voor de opleiding gespreksleider moreel beraad." in talks
    assert "{#2026-03-10-jaargesprek-2026}" in talks


def test_feedback_on_a_goal_is_shown_with_that_goal(team_pages: dict[str, str]) -> None:
    page = team_pages["werkers/noor-bakker/index.md"]
    goal = page.split("{#doel-meldcode-toepassen}", 1)[1].split("\n### ", 1)[0]
    assert "**Feedback hierop**" in goal
    assert "[10 november 2026](#2026-11-10-leidinggevende-meldcode), van de leidinggevende:" in goal


def test_a_team_leads_name_passes_where_the_workers_names_pass() -> None:
    store = namecache.NameCache(None)
    text = "Mijn leidinggevende Hanneke Verbeek vroeg door; Hanneke gaf me de ruimte."
    assert [h.text for h in names.find(text, frozenset(), store)] == [
        "Hanneke Verbeek",
        "Hanneke",
    ]
    allowed = names.allowed_forms(["Hanneke Verbeek"], [])
    assert names.find(text, allowed, store) == []


def test_add_gesprek_as_a_one_liner_with_two_agreements(example_copy: Path) -> None:
    code, out = prof(
        example_copy, "add", "gesprek", "--profiel", "youssef-el-amrani", "--datum", "20-11-2026",
        "--soort", "periodiek", "--verslag", "Eerste jaargesprek; Hanneke Verbeek was positief.",
        "--afspraak", "Een casus inbrengen in de intervisie.", "--afspraak",
        "Een training werken met tolken zoeken.", "--no-input",
    )  # fmt: skip
    assert code == 0, out
    path = example_copy / "profielen/youssef-el-amrani/gesprekken/2026-11-20-periodiek.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count("[[afspraken]]") == 2 and "klaar = false" in text
    code, out = prof(example_copy, "status", "youssef-el-amrani")
    assert "Jaargesprek: 20-11-2026 (2 dagen geleden)" in out


def test_add_gesprek_refuses_a_goal_that_does_not_exist_and_keeps_the_rest(
    example_copy: Path,
) -> None:
    code, out = prof(
        example_copy, "add", "gesprek", "--profiel", "sanne-de-boer", "--datum", "20-11-2026",
        "--soort", "voortgang", "--verslag", "Kort over de voortgang.",
        "--besproken", "netwerkberaad-organiseeren", "--no-input",
    )  # fmt: skip
    assert code == 1
    assert "bedoelde je `netwerkberaad-organiseren`?" in out
    assert "Ga verder met: prof drafts --hervat " in out
    assert not (
        example_copy / "profielen/sanne-de-boer/gesprekken/2026-11-20-voortgang.toml"
    ).exists()


def test_add_feedback_on_an_entry(example_copy: Path) -> None:
    code, out = prof(
        example_copy, "add", "feedback", "--profiel", "sanne-de-boer", "--datum", "20-11-2026",
        "--van", "leidinggevende", "--samenvatting", "Helder verslag van het netwerkberaad.",
        "--op", "netwerkberaad-organiseren", "--no-input",
    )  # fmt: skip
    assert code == 0, out
    code, out = prof(
        example_copy, "add", "feedback", "--profiel", "sanne-de-boer", "--datum", "20-11-2026",
        "--van", "collega", "--samenvatting", "Goed gedaan.", "--op", "bestaat-niet",
        "--no-input",
    )  # fmt: skip
    assert code == 1 and "--op bestaat-niet" in out


def test_prepare_writes_markdown_and_a_printable_page(example_copy: Path) -> None:
    code, out = prof(example_copy, "prepare", "sanne-de-boer")
    assert code == 0, out
    folder = example_copy / "dossiers/sanne-de-boer"
    assert f"Voorbereiding geschreven in {folder}" in out
    md = (folder / f"voorbereiding-{DAY}.md").read_text(encoding="utf-8")
    for heading in (
        "## Leerdoelen",
        "## Punten voor de herregistratie",
        "## Reflecties",
        "## Feedback",
        "## Zelftoetsen",
        "## Open afspraken",
        "## Vragen om over na te denken",
    ):
        assert heading in md
    assert "Het laatste jaargesprek was op 05-11-2024." in md
    assert "2 reflecties sinds het vorige gesprek (12-06-2025)" in md
    assert "(medewerker; deadline 30-09-2025, te laat)" in md
    page = (folder / f"voorbereiding-{DAY}.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "http" not in page.replace("https://", "")
    assert "<script" not in page and "src=" not in page


def test_prepare_escapes_what_a_worker_wrote(example_copy: Path) -> None:
    goal = example_copy / "profielen/sanne-de-boer/leerdoelen/netwerkberaad-organiseren.toml"
    text = goal.read_text(encoding="utf-8")
    goal.write_text(
        text.replace('titel = "', 'titel = "<script>alert(1)</script> *x* | ', 1), encoding="utf-8"
    )
    code, out = prof(example_copy, "prepare", "sanne-de-boer")
    assert code == 0, out
    folder = example_copy / "dossiers/sanne-de-boer"
    page = (folder / f"voorbereiding-{DAY}.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    md = (folder / f"voorbereiding-{DAY}.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "\\*x\\* \\|" in md


def test_prepare_says_which_files_it_could_not_read(example_copy: Path) -> None:
    broken = example_copy / "profielen/sanne-de-boer/reflecties/2026-04-21-kapot.toml"
    broken.write_text('titel = "kapot\n', encoding="utf-8")
    code, out = prof(example_copy, "prepare", "sanne-de-boer")
    assert code == 0 and "2026-04-21-kapot.toml" in out
    md = (example_copy / f"dossiers/sanne-de-boer/voorbereiding-{DAY}.md").read_text("utf-8")
    assert md.splitlines()[2].startswith("Onvolledig: deze bestanden bevatten fouten")


def test_done_ticks_off_one_agreement_of_a_conversation(example_copy: Path) -> None:
    talk = "2026-03-10-jaargesprek-2026"
    code, out = prof(example_copy, "done", talk, "--afspraak", "2")
    assert code == 0, out
    assert out.startswith("Afspraak 2 (Het inwerken van nieuwe collega's opnemen")
    code, out = prof(example_copy, "status", "marieke-jansen", "--format", "json")
    assert [a["deadline"] for a in json.loads(out)["open_afspraken"]] == ["2027-02-28"]
    code, out = prof(example_copy, "done", talk)
    assert code != 0 and "welke afspraak? kies een nummer met --afspraak:" in out
    assert "  3. Twee moreel beraden in het team begeleiden" in out


def test_the_site_says_what_its_totals_leave_out(tmp_path: Path) -> None:
    """Issue 26 (in part): a privé activity counts in `prof status` and the dossier, never on
    a site; the site says so beside its points and on the home page, always, so that the
    sentence itself tells nothing about whether a worker has privé entries."""
    from profcli.publish.labels import PRIVATE_NOT_COUNTED
    from tests.publish_repo import site_copy, write

    root = site_copy(tmp_path)
    before = prof(root, "status", "sanne-de-boer", "--format", "json")
    write(
        root,
        "profielen/sanne-de-boer/activiteiten/2026-11-03-intervisie-prive.toml",
        'titel = "Intervisie"\ndatum = 2026-11-03\nvorm = "intervisie"\nuren = 1.5\n'
        'zichtbaarheid = "prive"\n',
    )
    after = prof(root, "status", "sanne-de-boer", "--format", "json")
    assert json.loads(before[1])["tekort"] - json.loads(after[1])["tekort"] == 1.5
    checked = check_repository(root, today=TODAY)
    assert checked.result.ok, [f.text() for f in checked.result.sorted()]
    pages = {p.path: p.markdown for p in build_pages(checked.repository, today=TODAY)}
    home = pages["index.md"]
    assert "58 / 140 (nog 82, " in home  # the site's figure, without the privé hours
    sentence = PRIVATE_NOT_COUNTED.replace('\\"', '"')
    assert sentence in home and sentence in pages["werkers/sanne-de-boer/uren.md"]


def test_behind_says_how_far(team_pages: dict[str, str]) -> None:
    """Issue 26 (in part): "▲ achter" on the home page says by how many points, the shortfall
    against an even pace through the cycle, computed from the same report as `prof status`."""
    from profcli.registration import hours
    from profcli.repository.loader import load
    from tests.conftest import REPO

    repo = load(REPO).repository
    report = hours.report(repo, repo.portfolios["sanne-de-boer"], TODAY)
    assert report.pace == "achter"
    length = (report.end - report.start).days
    # the same total the pace is judged on (what counts, extras included)
    expected = (TODAY - report.start).days / length * 140 - report.counted_total
    assert abs(report.behind - expected) < 0.1
    home = team_pages["index.md"]
    row = next(line for line in home.splitlines() if line.startswith("| [Sanne de Boer]"))
    assert f"**▲ achter** ({round(report.behind)} punten)" in row
