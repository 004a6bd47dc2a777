"""The core of `prof edit/done/show/drafts` without Click: text in, text out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from profcli.authoring import changes, describe, drafts, entries
from profcli.errors import BadChange, InvalidContent
from profcli.repository.discovery import Source
from profcli.repository.kinds import LEERDOEL, REFLECTIE

GOAL = """#:schema ../../../schemas/leerdoel.schema.json
# Mijn belangrijkste doel dit jaar.
titel = "Grenzen stellen"  # kort
status = "bezig"
start = 2026-01-05

[[acties]]
omschrijving = "Training volgen"
klaar = false  # staat gepland in maart

[[acties]]
omschrijving = "Casus inbrengen"
"""
DAY = dt.date(2026, 11, 22)


def test_mark_done_keeps_everything_else() -> None:
    change = changes.mark_done(GOAL, "leerdoel x", DAY)
    assert change.message == "leerdoel x behaald op 22-11-2026; let op: 2 acties staan nog open"
    expected = GOAL.replace('status = "bezig"', 'status = "behaald"').replace(
        "start = 2026-01-05\n", "start = 2026-01-05\nbehaald_op = 2026-11-22\n"
    )
    assert change.text == expected


def test_tick_an_action() -> None:
    change = changes.mark_done(GOAL, "leerdoel x", DAY, 1)
    assert change.message == "actie 1 (Training volgen) klaar op 22-11-2026"
    assert "klaar = true  # staat gepland in maart\nklaar_op = 2026-11-22\n" in change.text
    second = changes.mark_done(change.text, "leerdoel x", DAY, 2)
    tail = 'omschrijving = "Casus inbrengen"\nklaar = true\nklaar_op = 2026-11-22\n'
    assert second.text.endswith(tail)
    assert changes.mark_done(second.text, "leerdoel x", DAY, 1).text == second.text
    with pytest.raises(BadChange, match="heeft geen actie 3; kies een nummer:"):
        changes.mark_done(GOAL, "leerdoel x", DAY, 3)


def test_set_fields_types_values_by_the_schema() -> None:
    text = changes.set_fields(
        GOAL, "x", LEERDOEL, ["deadline=31-12-2026", "tags=a, b", "titel=Nieuw", "start="], DAY
    )
    assert 'titel = "Nieuw"  # kort\n' in text
    assert "deadline = 2026-12-31\n" in text and 'tags = ["a", "b"]\n' in text
    assert "start" not in text
    assert text.startswith("#:schema ../../../schemas/leerdoel.schema.json\n# Mijn belangrijkste")
    with pytest.raises(BadChange, match="`deadline`: `31-31-2026` is geen bestaande dag"):
        changes.set_fields(GOAL, "x", LEERDOEL, ["deadline=31-31-2026"], DAY)
    with pytest.raises(InvalidContent, match="is geen geldige TOML"):
        changes.set_fields('titel = "half', "x", LEERDOEL, ["status=bezig"], DAY)


def test_describe_labels_from_the_schema() -> None:
    data = {
        "titel": "Een huisbezoek",
        "datum": dt.date(2026, 3, 4),
        "methode": "starr",
        "starr": {"situatie": "Eerste alinea.\n\n- punt een\n- punt twee\n"},
        "leerdoelen": ["a", "b"],
    }
    assert describe.lines(REFLECTIE, data) == [
        "Titel: Een huisbezoek",
        "Datum: 04-03-2026",
        "Methode: starr",
        "",
        "STARR:",
        "  Situatie:",
        "    Eerste alinea.",
        "",
        "    - punt een",
        "    - punt twee",
        "Leerdoelen: a, b",
    ]


def test_edit_draft_round_trip(tmp_path: Path) -> None:
    root = tmp_path
    (root / "schemas").mkdir()  # the repository's own copy: what `#:schema` lines point at
    path = root / "profielen" / "eva" / "leerdoelen" / "x.toml"
    source = Source(path, "profielen/eva/leerdoelen/x.toml", LEERDOEL, "eva", "x")
    as_draft = drafts.edit_text(root, source, GOAL)
    lines = as_draft.split("\n")
    assert lines[1] == "# concept voor: prof edit profielen/eva/leerdoelen/x.toml"
    assert drafts.header_line(as_draft) == 2
    assert lines[0] == "#:schema ../../schemas/leerdoel.schema.json"
    assert drafts.entry_text(root, source, as_draft) == GOAL
    foreign = GOAL.replace("../../../schemas", "https://example.org")
    assert drafts.edit_text(root, source, foreign).split("\n")[0].startswith("# concept voor")
    assert drafts.entry_text(root, source, drafts.edit_text(root, source, foreign)) == foreign


def test_titles_and_dates_for_every_kind() -> None:
    assert entries.title(LEERDOEL, {"titel": " Doel "}) == "Doel"
    assert entries.title(REFLECTIE, {"van": "collega"}) == "feedback van collega"
    assert entries.title(REFLECTIE, {"kader": "beroepscode-2021"}) == "zelftoets beroepscode-2021"
    assert entries.when(LEERDOEL, {"deadline": dt.date(2027, 1, 1)}) == dt.date(2027, 1, 1)
