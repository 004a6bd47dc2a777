"""Prompts of `prof add`: each answer checked as it is typed, with the reason, then asked
again; optional fields offered; long texts over several lines; drafts resumed by name.

The checks themselves (profcli.authoring.answers) are tested without Click; the flows through
CliRunner. tests/test_terminal.py drives the same prompts in a real terminal.
"""

from __future__ import annotations

import datetime as dt
import importlib
import tomllib
from pathlib import Path

import pytest

from profcli.authoring import answers
from profcli.authoring.answers import Choices, Context
from profcli.authoring.templates import template
from profcli.errors import AnswerRejected
from tests.authoring_repo import WORKER, entries, make_repo, prof
from tests.conftest import TODAY

CTX = Context(TODAY)


def rejected(call: object, *args: object) -> str:
    with pytest.raises(AnswerRejected) as caught:
        call(*args)  # type: ignore[operator]
    return str(caught.value)


# --- the checks --------------------------------------------------------------------------------


def test_a_date_in_the_future_is_refused_with_the_reason() -> None:
    datum = template("reflectie").field("datum")
    assert rejected(answers.scalar, datum, "2026-11-23", CTX) == (
        "23 november 2026 ligt in de toekomst; geef een dag tot en met vandaag (22 november 2026)"
    )
    assert answers.scalar(datum, "2026-11-22", CTX) == TODAY


def test_dutch_dates_and_relative_days() -> None:
    datum = template("activiteit").field("datum")
    assert answers.scalar(datum, "21-11-2026", CTX) == dt.date(2026, 11, 21)
    assert answers.scalar(datum, "21/11/2026", CTX) == dt.date(2026, 11, 21)
    assert answers.scalar(datum, "Gisteren", CTX) == dt.date(2026, 11, 21)
    assert rejected(answers.scalar, datum, "31-02-2026", CTX) == (
        "`31-02-2026` is geen bestaande dag: februari 2026 heeft 28 dagen"
    )
    assert rejected(answers.scalar, datum, "volgende week", CTX) == (
        "`volgende week` is geen datum; schrijf bijvoorbeeld 21-11-2026, vandaag of gisteren"
    )


def test_a_deadline_may_lie_ahead_but_not_before_the_start() -> None:
    deadline = template("leerdoel").field("deadline")
    assert answers.scalar(deadline, "01-06-2027", CTX) == dt.date(2027, 6, 1)
    started = Context(TODAY, {"start": dt.date(2026, 9, 1)})
    assert rejected(answers.scalar, deadline, "2026-08-31", started) == (
        "de deadline 31 augustus 2026 ligt voor de start (1 september 2026)"
    )


def test_score_outside_one_to_five() -> None:
    score = template("zelftoets").field("score")
    assert rejected(answers.scalar, score, "9", CTX) == "9 kan niet: kies van 1 tot en met 5"
    assert rejected(answers.scalar, score, "0", CTX) == "0 kan niet: kies van 1 tot en met 5"
    assert rejected(answers.scalar, score, "4,5", CTX) == (
        "`4,5` is geen geheel getal; schrijf bijvoorbeeld 4"
    )
    assert answers.scalar(score, "5", CTX) == 5


def test_hours_more_than_zero_and_at_most_24_with_a_decimal_comma() -> None:
    uren = template("activiteit").field("uren")
    assert rejected(answers.scalar, uren, "0", CTX) == (
        "0 kan niet: het moet meer dan 0 en hoogstens 24 zijn"
    )
    assert rejected(answers.scalar, uren, "24,5", CTX) == (
        "24,5 kan niet: het moet meer dan 0 en hoogstens 24 zijn"
    )
    assert rejected(answers.scalar, uren, "anderhalf", CTX) == (
        "`anderhalf` is geen getal; schrijf bijvoorbeeld 1,5 of 2"
    )
    assert answers.scalar(uren, "1,5", CTX) == 1.5
    assert answers.scalar(uren, "0.25", CTX) == 0.25


def test_choices_by_number_or_name_in_any_case() -> None:
    methode = template("reflectie").field("methode")
    assert answers.scalar(methode, "STARR", CTX) == "starr"
    assert answers.scalar(methode, "2", CTX) == "korthagen"
    assert rejected(answers.scalar, methode, "strr", CTX) == (
        "`strr` is geen keuze; bedoelde je `starr`?"
    )
    assert rejected(answers.scalar, methode, "5", CTX) == "kies een nummer van 1 tot en met 4"
    assert rejected(answers.scalar, methode, "xyz", CTX) == (
        "`xyz` is geen keuze; kies uit: starr, korthagen, gibbs, vrij"
    )


def test_a_goal_must_exist_and_any_goal_may_be_named() -> None:
    goals = template("reflectie").field("leerdoelen")
    choices = Choices(("grenzen",), frozenset({"grenzen", "oud-doel"}), "leerdoel")
    assert answers.items(goals, "1, Oud-Doel", CTX, choices) == ["grenzen", "oud-doel"]
    assert rejected(answers.items, goals, "1, grenzn", CTX, choices) == (
        "`grenzn` is geen leerdoel; bedoelde je `grenzen`?"
    )
    assert rejected(answers.items, goals, "agressie", CTX, choices) == (
        "`agressie` is geen leerdoel; kies uit: grenzen"
    )
    people = Choices(("sanne-de-boer", "noor-bakker"), frozenset(), "werker")
    assert rejected(answers.choose, "sanne", people) == (
        "`sanne` is geen werker; bedoelde je `sanne-de-boer`?"
    )
    nothing = Choices((), frozenset(), "leerdoel")
    assert rejected(answers.items, goals, "x", CTX, nothing) == (
        "er is hier geen leerdoel om uit te kiezen"
    )


def test_tags_are_slugs_with_a_suggestion() -> None:
    tags = template("reflectie").field("tags")
    assert answers.items(tags, "Armoede;SCHULDEN", CTX, None) == ["armoede", "schulden"]
    assert answers.items(tags, "agressie, huisbezoek , agressie", CTX, None) == [
        "agressie",
        "huisbezoek",
    ]
    assert answers.items(tags, " Omgaan met  Agressie", CTX, None) == ["omgaan-met-agressie"]
    assert answers.items(tags, "privé, Één", CTX, None) == ["prive", "een"]
    assert rejected(answers.items, tags, "omgaan/agressie", CTX, None) == (
        "`omgaan/agressie` kan zo niet: gebruik kleine letters, cijfers en losse streepjes "
        "(bijvoorbeeld `omgaan-agressie`)"
    )


def test_yes_and_no() -> None:
    flag = template("activiteit").field("geaccrediteerd")
    assert answers.scalar(flag, "Ja", CTX) is True
    assert answers.scalar(flag, "n", CTX) is False
    assert rejected(answers.scalar, flag, "misschien", CTX) == (
        "`misschien` is geen ja of nee; typ j of n"
    )


def test_client_data_in_a_line_of_text_is_refused() -> None:
    text = template("activiteit").field("omschrijving")
    assert rejected(answers.line, text, "Bel mevrouw op 06-12345678", [], CTX).startswith(
        "`06-12345678`: dit lijkt een telefoonnummer"
    )
    allowed = Context(TODAY, privacy_allowed=("06-12345678",))
    assert answers.line(text, "Bel het team op 06-12345678", [], allowed)
    # a number that is not an identifier stays
    assert answers.line(text, "Twee dagdelen van 3,5 uur in 2026", [], CTX)


def test_evidence_must_exist(tmp_path: Path) -> None:
    bewijs = template("activiteit").field("bewijs")
    (tmp_path / "bewijs").mkdir()
    (tmp_path / "bewijs" / "certificaat.pdf").write_text("x")
    ctx = Context(TODAY, root=tmp_path)
    assert answers.line(bewijs, "bewijs/certificaat.pdf", [], ctx) == "bewijs/certificaat.pdf"
    assert answers.line(bewijs, "https://example.org/c.pdf", [], ctx)
    assert "bestaat niet" in rejected(answers.line, bewijs, "bewijs/certficaat.pdf", [], ctx)


def test_long_text_stops_at_its_max_length() -> None:
    titel = template("reflectie").field("titel")
    assert rejected(answers.scalar, titel, "x" * 301, CTX) == "dit is te lang: hoogstens 300 tekens"


# --- the flows ---------------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(importlib.import_module("profcli.cli.add"), "stdin_is_tty", lambda: True)
    return make_repo(tmp_path)


def read_entry(root: Path, folder: str) -> dict[str, object]:
    [name] = entries(root, WORKER, folder)
    return tomllib.loads((root / "profielen" / WORKER / folder / name).read_text())


def test_bad_answers_are_explained_and_asked_again(repo: Path) -> None:
    typed = [
        "2026-12-01",  # datum: in the future
        "21-11-2026",
        "",  # titel: required
        "Training de-escalatie",
        "0",  # uren: not more than 0
        "1,5",
        "trainng",  # vorm: a typo
        "TRAINING",
        "Geleerd hoe ik rustig blijf.",  # omschrijving, two lines
        "Bel me op 06-12345678",  # refused line: the earlier one is kept
        "En wanneer ik hulp vraag.",
        "",
    ]
    result = prof(
        repo, "add", "activiteit", "--profiel", WORKER, input="\n".join(typed) + "\n" * 12
    )
    assert result.exit_code == 0, result.output
    out = result.output
    # CliRunner echoes what is typed after each prompt
    assert (
        "Datum (bijvoorbeeld 21-11-2026 of gisteren) [22-11-2026]: 2026-12-01\n"
        "  1 december 2026 ligt in de toekomst; geef een dag tot en met vandaag "
        "(22 november 2026).\nDatum (bijvoorbeeld 21-11-2026 of gisteren) [22-11-2026]: "
        "21-11-2026\n"
    ) in out
    assert "Titel: \n  Dit veld is verplicht; typ een antwoord" in out
    assert "0\n  0 kan niet: het moet meer dan 0 en hoogstens 24 zijn.\nUren (" in out
    assert (
        "  `trainng` is geen keuze; bedoelde je `training`? [J/n]: TRAINING\n"
        "  `TRAINING` gelezen als `training`.\n"
    ) in out  # another answer than j or n at the suggestion answers the question
    assert "dit lijkt een telefoonnummer" in out and "; verbeter deze regel." in out
    assert "Aanbieder (optioneel, Enter om over te slaan): " in out
    assert "Geaccrediteerd (j/n; optioneel, Enter om over te slaan): " in out
    assert "Categorie" not in out  # "leave this out, usually": not offered
    data = read_entry(repo, "activiteiten")
    assert data["datum"] == dt.date(2026, 11, 21)
    assert data["uren"] == 1.5
    assert data["vorm"] == "training"
    assert data["omschrijving"] == "Geleerd hoe ik rustig blijf.\nEn wanneer ik hulp vraag."
    assert entries(repo, WORKER, "activiteiten") == ["2026-11-21-training-de-escalatie.toml"]
    assert not (repo / ".prof-cache" / "concepten").exists() or not any(
        (repo / ".prof-cache" / "concepten").iterdir()
    )


def test_score_nine_and_an_unknown_item_are_asked_again(repo: Path) -> None:
    typed = ["", "beroepscode-2021", "integriteit, eerlijkhied", "integriteit", "9", "4", "", ""]
    result = prof(repo, "add", "zelftoets", "--profiel", WORKER, input="\n".join(typed) + "\n" * 6)
    assert result.exit_code == 0, result.output
    assert "  9 kan niet: kies van 1 tot en met 5.\n" in result.output
    assert "is geen onderdeel van het kader" in result.output
    data = read_entry(repo, "zelftoetsen")
    assert data["scores"] == {"integriteit": {"score": 4}}


def test_a_refused_score_is_asked_again_on_its_own_when_resumed(repo: Path) -> None:
    """A one-liner with a score of 6: nothing asked, all kept; resuming asks that one score
    again (its note kept), not the whole list of items (issue 26)."""
    given = [
        "add", "zelftoets", "--profiel", WORKER, "--kader", "beroepscode-2021",
        "--score", "integriteit=6", "--toelichting", "integriteit=Eerlijk over wat ik niet weet",
        "--score", "deskundigheid=3",
    ]  # fmt: skip
    refused = prof(repo, *given)
    assert refused.exit_code == 1
    assert "--score integriteit=6: 6 kan niet: kies van 1 tot en met 5." in refused.output
    [draft] = sorted((repo / ".prof-cache" / "concepten").glob("*.toml"))
    resumed = prof(repo, "drafts", "--hervat", draft.stem, input="4\n")
    assert resumed.exit_code == 0, resumed.output
    assert "Welke wil je scoren?" not in resumed.output
    assert "Toelichting" not in resumed.output  # the note was given already
    data = read_entry(repo, "zelftoetsen")
    assert data["scores"] == {
        "integriteit": {"score": 4, "toelichting": "Eerlijk over wat ik niet weet"},
        "deskundigheid": {"score": 3},
    }


def test_an_unknown_item_given_is_chosen_again_when_resumed(repo: Path) -> None:
    given = ["add", "zelftoets", "--profiel", WORKER, "--kader", "beroepscode-2021",
             "--score", "integriteit=6", "--score", "autonomie=3"]  # fmt: skip
    refused = prof(repo, *given)
    assert refused.exit_code == 1
    [draft] = sorted((repo / ".prof-cache" / "concepten").glob("*.toml"))
    # integriteit asked again (4, no note), then the list for autonomie: deskundigheid, 3
    resumed = prof(
        repo, "drafts", "--hervat", draft.stem, input="4\n\ndeskundigheid\n3\n\n" + "\n" * 8
    )
    assert resumed.exit_code == 0, resumed.output
    assert "Niet in het kader: autonomie; kies hieronder wat je bedoelde." in resumed.output
    assert read_entry(repo, "zelftoetsen")["scores"] == {
        "integriteit": {"score": 4},
        "deskundigheid": {"score": 3},
    }


def test_an_unknown_goal_is_asked_again(repo: Path) -> None:
    made = prof(
        repo, "add", "leerdoel", "--profiel", WORKER, "--titel", "Grenzen", "--status", "bezig",
        "--no-input",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    typed = ["Huisbezoek", "", "VRIJ", "Tekst.", "", "grenzn", "1"]
    result = prof(repo, "add", "reflectie", "--profiel", WORKER, input="\n".join(typed) + "\n" * 6)
    assert result.exit_code == 0, result.output
    assert "  `grenzn` is geen leerdoel; bedoelde je `grenzen`? [J/n]: 1\n" in result.output
    data = read_entry(repo, "reflecties")
    assert data["methode"] == "vrij"
    assert data["leerdoelen"] == ["grenzen"]


def test_no_input_asks_nothing_and_names_what_is_missing(repo: Path) -> None:
    result = prof(repo, "add", "activiteit", "--profiel", WORKER, "--titel", "X", "--no-input")
    assert result.exit_code == 2
    assert "verplicht voor activiteit: --uren, --vorm (of gebruik --editor)" in result.output
    assert "Uren" not in result.output.replace("--uren", "")


def test_an_interrupted_interview_resumes_with_the_open_questions(repo: Path) -> None:
    first = prof(
        repo,
        "add",
        "activiteit",
        "--profiel",
        WORKER,
        "--vorm",
        "cursus",
        input="gisteren\nCursus motiverende gespreksvoering\n",  # then Ctrl-D at uren
    )
    assert first.exit_code == 1
    [draft] = sorted((repo / ".prof-cache" / "concepten").iterdir())
    assert f"prof drafts --hervat {draft.stem}\n" in first.output
    assert entries(repo, WORKER, "activiteiten") == []
    resumed = prof(repo, "add", "--draft", draft.stem, input="7,5\n" + "\n" * 10)
    assert resumed.exit_code == 0, resumed.output
    assert "Titel" not in resumed.output and "Vorm" not in resumed.output
    assert "Uren (meer dan 0 tot en met 24): " in resumed.output
    data = read_entry(repo, "activiteiten")
    assert data["titel"] == "Cursus motiverende gespreksvoering"
    assert data["uren"] == 7.5
    assert data["vorm"] == "cursus"
    assert data["datum"] == dt.date(2026, 11, 21)
    assert not draft.exists()


def test_a_text_cut_off_by_ctrl_c_is_kept_and_continued(repo: Path) -> None:
    first = prof(
        repo,
        "add",
        "reflectie",
        "--profiel",
        WORKER,
        input="Huisbezoek\n\nstarr\nEerste regel.\nTweede regel.\n",
    )
    assert first.exit_code == 1
    [draft] = sorted((repo / ".prof-cache" / "concepten").iterdir())
    kept = tomllib.loads(draft.read_text())
    assert kept["starr"] == {"situatie": "Eerste regel.\nTweede regel."}
    rest = "Derde regel.\n\nT\n\nA\n\nR\n\nRe\n\n" + "\n" * 8
    resumed = prof(repo, "add", "--draft", str(draft), input=rest)
    assert resumed.exit_code == 0, resumed.output
    assert "  | Tweede regel.\n" in resumed.output
    data = read_entry(repo, "reflecties")
    starr = data["starr"]
    assert isinstance(starr, dict)
    assert starr["situatie"] == "Eerste regel.\nTweede regel.\nDerde regel."


def test_ctrl_c_before_any_answer_keeps_nothing(repo: Path) -> None:
    result = prof(repo, "add", "feedback", "--profiel", WORKER, input="")
    assert result.exit_code == 1
    assert "Er was nog niets ingevuld; er is niets bewaard." in result.output
    assert not (repo / ".prof-cache" / "concepten").exists()


def test_an_unknown_draft_name_is_a_usage_error(repo: Path) -> None:
    result = prof(repo, "add", "--draft", "20260101-000000-reflectie")
    assert result.exit_code == 2
    assert "concept `20260101-000000-reflectie` bestaat niet" in result.output


def test_ctrl_c_while_the_entry_is_checked_keeps_the_answers(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(importlib.import_module("profcli.authoring.adding"), "check", interrupted)
    typed = ["", "collega", "Je luistert goed.", "", "Vaker doorvragen.", ""]
    result = prof(repo, "add", "feedback", "--profiel", WORKER, input="\n".join(typed) + "\n" * 4)
    assert result.exit_code == 1
    [draft] = sorted((repo / ".prof-cache" / "concepten").iterdir())
    assert f"Ga later verder met: prof drafts --hervat {draft.stem}\n" in result.output
    assert tomllib.loads(draft.read_text())["samenvatting"] == "Je luistert goed."
    assert entries(repo, WORKER, "feedback") == []


def test_which_portfolio_is_asked_with_numbers(repo: Path) -> None:
    made = prof(repo, "new", "Noor Bakker")
    assert made.exit_code == 0, made.output
    typed = ["noor", "1", "", "burger", "Fijn gesprek.", "", "", ""]
    result = prof(repo, "add", "feedback", input="\n".join(typed) + "\n" * 4)
    assert result.exit_code == 0, result.output
    assert (
        "   1. eva-van-den-berg (Éva van den Berg)\n   2. noor-bakker (Noor Bakker)\n"
        "Portfolio (nummer of naam): "
    ) in result.output
    assert "`noor` is geen portfolio; bedoelde je `noor-bakker`? [J/n]: 1\n" in result.output
    assert entries(repo, WORKER, "feedback") != []


def test_options_get_the_same_checks_and_a_bad_one_is_asked(repo: Path) -> None:
    result = prof(
        repo,
        "add",
        "activiteit",
        "--profiel",
        WORKER,
        "--uren",
        "0",
        "--datum",
        "2026-12-24",
        "--titel",
        "Congres",
        "--vorm",
        "congres",
    )
    # issue 22: a one-liner whose values are refused writes nothing and keeps them all
    assert result.exit_code == 1, result.output
    assert "--uren 0: 0 kan niet: het moet meer dan 0 en hoogstens 24 zijn.\n" in result.output
    assert "--datum 2026-12-24: 24 december 2026 ligt in de toekomst" in result.output
    assert not (repo / "profielen" / WORKER / "activiteiten").is_dir() or not list(
        (repo / "profielen" / WORKER / "activiteiten").iterdir()
    )
    [draft] = sorted((repo / ".prof-cache" / "concepten").iterdir())
    # resumed: only the two refused values are asked (Enter takes today's date), the rest kept
    resumed = prof(repo, "add", "--draft", draft.stem, input="\n2\n")
    assert resumed.exit_code == 0, resumed.output
    assert "Titel" not in resumed.output  # a good option is not asked again
    data = read_entry(repo, "activiteiten")
    assert (data["datum"], data["uren"], data["titel"]) == (TODAY, 2.0, "Congres")


def test_scores_cut_off_by_ctrl_c_are_kept_and_the_rest_is_offered(repo: Path) -> None:
    first = prof(
        repo,
        "add",
        "zelftoets",
        "--profiel",
        WORKER,
        input="\nberoepscode-2021\nintegriteit, deskundigheid\n4\nEerlijk zijn.\n",
    )
    assert first.exit_code == 1
    [draft] = sorted((repo / ".prof-cache" / "concepten").iterdir())
    kept = tomllib.loads(draft.read_text())
    assert kept["scores"] == {"integriteit": {"score": 4, "toelichting": "Eerlijk zijn."}}
    resumed = prof(repo, "add", "--draft", draft.stem, input="deskundigheid\n3\n\n" + "\n" * 6)
    assert resumed.exit_code == 0, resumed.output
    listed = resumed.output.split("Welke wil je scoren?")[0]
    assert "deskundigheid" in listed and "integriteit (" not in listed
    data = read_entry(repo, "zelftoetsen")
    assert data["scores"] == {
        "integriteit": {"score": 4, "toelichting": "Eerlijk zijn."},
        "deskundigheid": {"score": 3},
    }
