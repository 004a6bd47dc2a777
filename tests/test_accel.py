"""The compiled fast paths never change a verdict: they may only say "fine" when it is.

`profcli.repository.accel` parses with toml_rs and checks with jsonschema_rs; everything they reject
goes the precise way. These tests hold them to tomllib and jsonschema on every case file,
the example team and generated input.
"""

from __future__ import annotations

import math
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profcli.repository import accel, schema
from profcli.repository.discovery import discover
from tests.conftest import CASES, REPO, build_case

EXAMPLES = int(os.environ.get("PROF_FUZZ_EXAMPLES", "40"))

TOML_BITS = [
    "a = 1",
    "a = {b = 1,\n c = 2}",
    'a = "\\e"',
    'a = "\\x41"',
    "t = 07:32",
    "a = {b = 1,}",
    "d = 1979-05-27 07:32",
    "a = 1\na = 2",
    "a = 0x_1",
    "a = 1__0",
    'a."b" = 1',
    "a = inf",
    "a = 1e1000",
    "x = 1979-05-27T07:32:00Z",
    "[a]\n[a]",
    "[[a]]\n[a]",
    "a = [1,]",
    'a = """\n\\  x"""',
    "a = '''\n''''",
    "[a.b]\n[a]\nb=1",
    "a.b = 1\n[a]\nc = 1",
    "datum = 2026-02-30",
    "a = 2026-01-01T25:00:00",
    "a = +1",
    "a = 1_000",
    "a = 0o17",
    'titel = "x"\n[starr]\nsituatie = """\nregel\n"""',
]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _agrees(text: str) -> None:
    fast = accel.parse_toml(text)
    try:
        slow: Any = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        slow = None
    if fast is not None:
        assert slow is not None, f"toml_rs accepted what tomllib rejects: {text!r}"
        assert _same(fast, slow), text


@pytest.mark.parametrize("text", TOML_BITS)
def test_toml_fast_path_agrees_on_known_differences(text: str) -> None:
    """TOML 1.1 features (newlines in inline tables, `\\e`, times without seconds) stay errors."""
    _agrees(text)


@settings(max_examples=EXAMPLES * 5, deadline=None)
@given(
    st.lists(
        st.sampled_from([*TOML_BITS, "\n", " ", "#", "=", "[", "]", "{", "}", '"', ","]),
        max_size=12,
    ).map("".join)
)
def test_toml_fast_path_agrees_on_generated_text(text: str) -> None:
    _agrees(text)


def test_toml_fast_path_leaves_deep_nesting_to_tomllib() -> None:
    """toml_rs overflows its stack (a crash, not an exception) on thousands of brackets."""
    assert accel.parse_toml("a = " + "[" * 5000 + "]" * 5000) is None
    assert accel.parse_toml("a = " + "{b = " * 5000 + "1" + "}" * 5000) is None


def _files(root: Path) -> list[tuple[str, Path]]:
    sources, _ = discover(root)
    return [(s.kind.name, s.path) for s in sources]


def _all_files(tmp: Path) -> list[tuple[str, Path]]:
    found = _files(REPO)
    for index, case in enumerate(
        sorted((CASES / "invalid").iterdir()) + sorted((CASES / "valid").iterdir())
    ):
        found += _files(build_case(case, tmp / str(index)))
    return found


def test_fast_paths_agree_on_every_case_and_the_example_team(tmp_path: Path) -> None:
    checked = 0
    for kind, path in _all_files(tmp_path):
        if not path.is_file():
            continue  # a pipe or folder case (`bestand-fifo`): a plain read would block
        try:
            text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError):
            continue
        _agrees(text)
        try:
            data = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError):
            continue
        instance = schema.normalise(data)
        slow_valid = not list(schema.validator(kind).iter_errors(instance))
        assert accel.schema_valid(kind, instance) == slow_valid, path
        checked += 1
    assert checked > 500


_VALUES = st.one_of(
    st.text(max_size=12),
    st.integers(-3, 30),
    st.floats(allow_nan=False),
    st.booleans(),
    st.sampled_from(
        [
            "2026-02-30",
            "2026-1-5",
            "20260105",
            "2026-01-05",
            "2026-01-05T10:00",
            "armoede\n",
            "Armoede",
            "a--b",
            "-a",
            "ab",
            "starr",
            "gibbs",
            "werker",
        ]
    ),
    st.lists(st.sampled_from(["a", "a", "B", "2026-01-05", "x y"]), max_size=3),
)


@settings(max_examples=EXAMPLES * 5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(["leerdoel", "reflectie", "activiteit", "profiel", "bijeenkomst"]),
    key=st.sampled_from(
        [
            "titel",
            "status",
            "datum",
            "start",
            "uren",
            "tags",
            "methode",
            "soort",
            "deelnemers",
            "duur_uren",
            "zichtbaarheid",
            "naam",
            "x",
        ]
    ),
    value=_VALUES,
)
def test_schema_fast_path_agrees_on_mutations(kind: str, key: str, value: Any) -> None:
    base: dict[str, dict[str, Any]] = {
        "leerdoel": {"titel": "Grenzen stellen", "status": "bezig", "tags": ["agressie"]},
        "reflectie": {
            "titel": "Huisbezoek",
            "datum": "2026-01-05",
            "methode": "vrij",
            "vrij": {"tekst": "Wat ik leerde."},
        },
        "activiteit": {
            "datum": "2026-01-05",
            "titel": "Training",
            "categorie": "scholing",
            "uren": 3,
        },
        "profiel": {"naam": "Eva", "soort": "werker"},
        "bijeenkomst": {
            "datum": "2026-01-05",
            "soort": "intervisie",
            "duur_uren": 2,
            "deelnemers": ["eva"],
            "thema": "Grenzen",
        },
    }
    instance = {**base[kind], key: value}
    slow_valid = not list(schema.validator(kind).iter_errors(instance))
    assert accel.schema_valid(kind, instance) == slow_valid, instance
