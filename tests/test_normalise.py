"""Reading input generously (profcli.authoring.normalise): what can mean one id only is read
as that id; what could mean two things is not guessed; one close candidate is suggested."""

from __future__ import annotations

import pytest

from profcli.authoring import normalise

STATUSES = ["gepland", "bezig", "behaald", "gestopt"]


@pytest.mark.parametrize(
    ("typed", "options", "labels", "meant"),
    [
        ("Bezig", STATUSES, None, "bezig"),
        ("  bezig ", STATUSES, None, "bezig"),
        ("privé", ["prive", "team", "publiek"], None, "prive"),
        ("Sociaal Werker", ["sociaal-werker", "sociaal-agoog"], None, "sociaal-werker"),
        ("Wijkteam Noord", ["noord"], {"noord": "Wijkteam Noord"}, "noord"),
        ("bzig", STATUSES, None, None),  # a typo is suggested, never taken silently
        ("a b", ["a-b", "a_b"], None, None),  # two options fold alike: undecided
    ],
)
def test_match(
    typed: str, options: list[str], labels: dict[str, str] | None, meant: str | None
) -> None:
    assert normalise.match(typed, options, labels) == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("Huiselijk  Geweld", "huiselijk-geweld"), ("Één", "een"), ("a/b", None), ("", None)],
)
def test_as_id(typed: str, meant: str | None) -> None:
    assert normalise.as_id(typed) == meant


@pytest.mark.parametrize(
    ("typed", "options", "close"),
    [
        ("bzig", STATUSES, "bezig"),
        ("intervisei", ["intervisie", "supervisie", "training"], "intervisie"),
        ("statsu", ["status", "sync", "show"], "status"),
        ("ad", ["add", "done"], "add"),
        (
            "grenzn",
            ["grenzen-stellen-bij-huisbezoeken", "groepswerk"],
            "grenzen-stellen-bij-huisbezoeken",
        ),
        ("ge", STATUSES, None),  # gepland or gestopt: no suggestion
        ("xyz", STATUSES, None),
    ],
)
def test_suggest(typed: str, options: list[str], close: str | None) -> None:
    assert normalise.suggest(typed, options) == close


def test_noted_says_what_changed_but_not_spaces() -> None:
    assert normalise.noted("Privé", "prive") == "`Privé` gelezen als `prive`"
    assert normalise.noted("  bezig ", "bezig") is None
