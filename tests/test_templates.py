"""Fields come from the schemas: every kind gets options, and its editor template parses."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from profcli import resources
from profcli.authoring.templates import assemble, template
from profcli.authoring.templates.editor import editor_text
from profcli.repository.kinds import ENTRY_KINDS


@pytest.mark.parametrize("kind", [k.name for k in ENTRY_KINDS])
def test_every_required_key_is_an_option(kind: str) -> None:
    tpl = template(kind)
    keys = {f.path[0] for f in tpl.fields}
    assert set(resources.schema(kind)["required"]) <= keys
    assert all(f.description for f in tpl.fields)


@pytest.mark.parametrize("kind", [k.name for k in ENTRY_KINDS])
def test_editor_template_is_toml_with_the_required_keys(kind: str) -> None:
    tpl = template(kind)
    dated = any(f.key == "datum" for f in tpl.fields)
    data: dict[str, object] = {"datum": dt.date(2026, 3, 2)} if dated else {}
    for section in tpl.sections:
        if section.selector:
            data.setdefault(section.selector, section.value)
    parsed = tomllib.loads(editor_text(tpl, data, ["#:schema x"]))
    top_required = {
        f.key for f in tpl.fields if f.required and not f.section and f.shape == "scalar"
    }
    assert top_required <= set(parsed)


def test_reflection_sections_follow_the_method() -> None:
    tpl = template("reflectie")
    data = assemble(tpl, {"methode": "vrij", "tekst": "x", "situatie": "weg"})
    assert data == {"methode": "vrij", "vrij": {"tekst": "x"}}
    assert [f.option for f in tpl.missing(data)] == ["--titel", "--datum"]


def test_a_new_goal_is_not_asked_when_it_was_reached() -> None:
    """`prof done` fills in `behaald_op`; the questions of `prof add leerdoel` skip it, while
    the option stays for who wants it."""
    goal = template("leerdoel")
    assert not goal.field("behaald_op").offered
    assert goal.field("deadline").offered
