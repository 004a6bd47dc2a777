"""Ctrl-C anywhere on the road to a new entry keeps the answers so far as a draft.

At a question Ctrl-C arrives as click.Abort (the terminal turns it into KeyboardInterrupt);
while an answer is checked (the names check can take seconds) or while the whole entry is
checked at the end, it is a bare KeyboardInterrupt. All must end in the same place: a draft,
a message saying where it is, exit code 1.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import click
import pytest

from profcli.authoring import adding, road
from profcli.authoring.templates import Field, template
from profcli.cli import asking
from profcli.cli.interview import Terminal
from profcli.repository.kinds import REFLECTIE

WORKER = "marieke-jansen"
DAY = dt.date(2026, 11, 22)


def _values(root: Path, data: dict[str, object] | None = None) -> road.Values:
    repo = asking.load(root)
    return road.Values(repo, repo.portfolios[WORKER], template("reflectie"), data or {}, None, DAY)


def _draft(root: Path) -> dict[str, object]:
    [draft] = sorted((root / ".prof-cache" / "concepten").iterdir())
    return tomllib.loads(draft.read_text(encoding="utf-8"))


@pytest.mark.parametrize("signal", [KeyboardInterrupt, click.Abort])
def test_ctrl_c_at_a_question_or_during_its_check_keeps_the_answers(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch, signal: type[BaseException]
) -> None:
    def ask(self: Terminal, f: Field) -> None:
        self.values.store(f, "Een gesprek aan de telefoon")
        self.values.answered(f)
        raise signal()

    monkeypatch.setattr(Terminal, "_ask", ask)
    request = road.Request(example_copy, REFLECTIE, WORKER, DAY)
    try:
        made = road.make(request, _values(example_copy), asker=Terminal())
    except (KeyboardInterrupt, click.Abort):  # escaping would stop the whole test run
        pytest.fail("Ctrl-C escaped the road: nothing was kept")
    assert made.outcome == "afgebroken"
    assert made.draft is not None
    assert _draft(example_copy)["titel"] == "Een gesprek aan de telefoon"


def test_ctrl_c_while_the_whole_entry_is_checked_keeps_the_answers(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def finish(*_: object, **__: object) -> adding.Finished:
        raise KeyboardInterrupt

    monkeypatch.setattr(adding, "finish", finish)
    data = {
        "titel": "Een gesprek aan de telefoon",
        "datum": DAY,
        "methode": "vrij",
        "vrij": {"tekst": "Wat ik leerde."},
    }
    request = road.Request(example_copy, REFLECTIE, WORKER, DAY)
    made = road.make(request, _values(example_copy, data))
    assert made.outcome == "afgebroken"
    assert _draft(example_copy)["vrij"] == {"tekst": "Wat ik leerde."}
    assert not list((example_copy / "profielen" / WORKER / "reflecties").glob("2026-11-22-*"))


def test_ctrl_c_before_anything_was_given_keeps_nothing(example_copy: Path) -> None:
    class Gone:
        def say(self, line: str) -> None:
            pass

        def offer(self, option: str, rejected: object) -> str | None:
            return None

        def ask(self, values: road.Values, f: Field) -> None:
            raise KeyboardInterrupt

    request = road.Request(example_copy, REFLECTIE, WORKER, DAY)
    made = road.make(request, _values(example_copy), asker=Gone())
    assert (made.outcome, made.draft) == ("afgebroken", None)
    assert not (example_copy / ".prof-cache" / "concepten").exists()
