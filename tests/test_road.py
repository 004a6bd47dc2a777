"""The one road to a new entry (`authoring/road.make`), driven without a terminal: a scripted
`Asker` stands in for the person, so that what the road does is seen apart from how the
terminal asks (tests/test_terminal.py drives the real prompts)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from profcli.authoring import road
from profcli.authoring.templates import Field, template
from profcli.errors import AnswerRejected
from profcli.repository.kinds import ACTIVITEIT, ZELFTOETS, Kind
from profcli.repository.loader import load

WORKER = "marieke-jansen"
DAY = dt.date(2026, 11, 22)


class Scripted:
    """An Asker that answers from a script: per field name a value (or an exception), and
    takes or declines an offered correction."""

    def __init__(self, answers: dict[str, Any] | None = None, *, take: bool = True) -> None:
        self.answers = answers or {}
        self.take = take
        self.said: list[str] = []
        self.offered: list[tuple[str, str | None]] = []
        self.asked: list[str] = []

    def say(self, line: str) -> None:
        self.said.append(line)

    def offer(self, option: str, rejected: AnswerRejected) -> str | None:
        self.offered.append((option, rejected.suggestion))
        return rejected.suggestion if self.take else None

    def ask(self, values: road.Values, f: Field) -> None:
        self.asked.append(f.name)
        answer = self.answers.get(f.name)
        if isinstance(answer, BaseException):
            raise answer
        if answer is not None:
            values.store(f, answer)


def _make(
    root: Path,
    kind: Kind,
    data: dict[str, Any],
    asker: road.Asker | None,
    *,
    one_liner: bool = False,
) -> road.Made:
    repo = load(root).repository
    values = road.Values(repo, repo.portfolios[WORKER], template(kind.name), data, None, DAY)
    request = road.Request(root, kind, WORKER, DAY, commit=False)
    return road.make(request, values, asker=asker, optional=False, one_liner=one_liner)


def _written(root: Path, kind: Kind) -> list[Path]:
    return sorted((root / "profielen" / WORKER / kind.folder).glob(f"{DAY.isoformat()}-*.toml"))


def _activity(**changes: Any) -> dict[str, Any]:
    return {"titel": "Intervisie", "datum": DAY, "uren": 1.5, "vorm": "intervisie", **changes}


def test_a_typo_is_offered_and_the_correction_saved(example_copy: Path) -> None:
    asker = Scripted()
    made = _make(example_copy, ACTIVITEIT, _activity(vorm="intervisei"), asker, one_liner=True)
    assert asker.offered == [("--vorm", "intervisie")]
    assert made.outcome == "opgeslagen"
    [path] = _written(example_copy, ACTIVITEIT)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["vorm"] == "intervisie"


def test_a_declined_typo_in_a_one_liner_keeps_everything_and_writes_nothing(
    example_copy: Path,
) -> None:
    made = _make(
        example_copy, ACTIVITEIT, _activity(vorm="intervisei"), Scripted(take=False), one_liner=True
    )
    assert made.outcome == "geweigerd"
    assert made.draft is not None
    text = made.draft.read_text(encoding="utf-8")
    assert tomllib.loads(text)["vorm"] == "intervisei"  # kept as given, to be corrected
    [asked] = [line for line in text.splitlines() if line.startswith("# al gevraagd:")]
    assert {"datum", "titel", "uren"} <= set(asked.split()) and "vorm" not in asked.split()
    assert _written(example_copy, ACTIVITEIT) == []


def test_without_anyone_to_ask_a_refused_value_is_reported_not_offered(
    example_copy: Path,
) -> None:
    made = _make(example_copy, ACTIVITEIT, _activity(vorm="intervisei", uren=30.0), None)
    assert made.outcome == "geweigerd"
    assert [line.split(":")[0] for line in made.refused] == ["--uren 30", "--vorm intervisei"]
    assert "intervisie" in made.refused[1]  # the suggestion is in the line
    assert not made.told
    assert _written(example_copy, ACTIVITEIT) == []


def test_without_anyone_to_ask_a_missing_field_keeps_nothing(example_copy: Path) -> None:
    data = _activity()
    del data["uren"]
    made = _make(example_copy, ACTIVITEIT, data, None)
    assert made.outcome == "onvolledig"
    assert [f.name for f in made.missing] == ["uren"]
    assert not (example_copy / ".prof-cache" / "concepten").exists()


def test_what_a_value_was_read_as_is_said(example_copy: Path) -> None:
    made = _make(example_copy, ACTIVITEIT, _activity(vorm="Intervisie"), None)
    assert made.outcome == "opgeslagen"
    assert made.notes == ["--vorm: `Intervisie` gelezen als `intervisie`."]


def test_a_score_of_six_is_refused_before_the_first_question(example_copy: Path) -> None:
    data = {"datum": DAY, "kader": "beroepscode-2021", "scores": {"deskundigheid": {"score": 6}}}
    asker = Scripted({"score": {"deskundigheid": {"score": 4}}})
    made = _make(example_copy, ZELFTOETS, data, asker)
    assert asker.said and asker.said[0].startswith("--score deskundigheid=6:")
    assert asker.asked == ["score"]  # said before anything was asked, then asked again
    assert made.outcome == "opgeslagen"
    [path] = _written(example_copy, ZELFTOETS)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["scores"]["deskundigheid"]["score"] == 4


def test_interrupted_at_a_question_keeps_the_answers(example_copy: Path) -> None:
    data = _activity()
    del data["uren"]
    made = _make(example_copy, ACTIVITEIT, data, Scripted({"uren": KeyboardInterrupt()}))
    assert made.outcome == "afgebroken"
    assert made.draft is not None
    kept = made.draft.read_text(encoding="utf-8")
    assert tomllib.loads(kept)["titel"] == "Intervisie"
    assert _written(example_copy, ACTIVITEIT) == []
