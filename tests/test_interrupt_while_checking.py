"""Ctrl-C while an answer is being checked (the names check can take seconds while DEDUCE
loads) keeps the answers so far as a draft, like Ctrl-C at a question.

At a question Ctrl-C arrives as click.Abort; during a check it is a bare KeyboardInterrupt.
Both must end in the same place: a draft, a message saying where it is, exit code 1.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import click
import pytest

from profcli.authoring import adding as authoring
from profcli.authoring.templates import template
from profcli.cli import asking
from profcli.cli.interview import Interview
from profcli.repository.kinds import REFLECTIE

WORKER = "marieke-jansen"
DAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize("signal", [KeyboardInterrupt, click.Abort])
def test_ctrl_c_during_a_check_keeps_the_answers(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch, signal: type[BaseException]
) -> None:
    def run(self: Interview, **_: bool) -> dict[str, object]:
        self.data["titel"] = "Een gesprek aan de telefoon"
        self.asked.add("titel")
        raise signal()

    monkeypatch.setattr(Interview, "run", run)
    repo = asking.load(example_copy)
    owner, kind = repo.portfolios[WORKER], REFLECTIE
    header = authoring.draft_header(example_copy, kind, WORKER, "")
    try:
        with pytest.raises(click.exceptions.Exit) as stopped:
            asking.interview(
                example_copy, repo, owner, template("reflectie"), {}, header, kind, day=DAY
            )
    except KeyboardInterrupt:  # escaping would stop the whole test run, not fail this test
        pytest.fail("Ctrl-C during a check escaped the interview: nothing was kept")
    assert stopped.value.exit_code == 1
    [draft] = sorted((example_copy / ".prof-cache" / "concepten").iterdir())
    data = tomllib.loads(draft.read_text(encoding="utf-8"))
    assert data["titel"] == "Een gesprek aan de telefoon"
