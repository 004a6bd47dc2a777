"""Fuzzing the front door: whatever lands in a portfolio file, validation answers with findings.

`check_repository` must return (never raise) and `prof validate` must exit 0 or 1 without a
traceback. Bounded by `PROF_FUZZ_EXAMPLES` (default 40 per test) so CI stays near a minute.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profcli import writing
from profcli.cli import main
from profcli.validation import check_repository
from tests.conftest import CASES, TODAY, build_case

EXAMPLES = int(os.environ.get("PROF_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
RUN: Counter[str] = Counter()
"""Examples run per test, printed by the last test so the release note can cite it."""

TARGETS = [
    "profielen/eva-de-wit/profiel.toml",
    "profielen/eva-de-wit/leerdoelen/grenzen-stellen.toml",
    "profielen/eva-de-wit/reflecties/2026-02-10-huisbezoek.toml",
    "profielen/eva-de-wit/activiteiten/2026-01-20-training-de-escalatie.toml",
    "profielen/eva-de-wit/feedback/2026-02-15-collega.toml",
    "profielen/eva-de-wit/zelftoetsen/2026-03-01-beroepscode.toml",
    "profielen/team-zuid/profiel.toml",
    "profielen/team-zuid/bijeenkomsten/2026-03-12-leercirkel-schulden.toml",
    "profielen/team-zuid/kennis/schuldhulp.toml",
]
NEW_FILE = "profielen/eva-de-wit/leerdoelen/fuzz.toml"


@pytest.fixture(scope="module")
def basis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One copy of the basis case; each example changes one file and puts it back."""
    yield build_case(CASES / "basis", tmp_path_factory.mktemp("fuzz"))


def check(root: Path) -> None:
    """The two doors: the library call and the CLI. Neither may crash."""
    checked = check_repository(root, today=TODAY)
    assert isinstance(checked.result.findings, list)
    for finding in checked.result.findings:
        assert "\n" not in finding.message, finding
    result = CliRunner().invoke(main, ["-C", str(root), "validate"])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception,
        result.output,
    )
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output


def with_file(root: Path, relative: str, content: bytes) -> None:
    """Write `content` to `relative`, validate, and restore the original."""
    path = root / relative
    original = path.read_bytes() if path.exists() else None
    try:
        path.write_bytes(content)
        check(root)
    finally:
        if original is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(original)


# --- strategies ------------------------------------------------------------------------------

text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)
keys = st.one_of(
    text,
    st.sampled_from(
        [
            "titel",
            "datum",
            "status",
            "zichtbaarheid",
            "soort",
            "team",
            "leerdoelen",
            "uren",
            "omschrijving",
            "naam",
            "acties",
            "vrij",
            "tekst",
            "methode",
            "deadline",
        ]
    ),
)
scalars = st.one_of(
    text,
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True),
    st.dates(),
    st.sampled_from(["prive", "team", "publiek", "bezig", "eva-de-wit", "team-zuid", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=15,
)
documents = st.dictionaries(keys, values, max_size=8)


def _lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\n")


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """One example file, damaged in one of the ways files get damaged."""
    relative = draw(st.sampled_from(TARGETS))
    raw = (CASES / "basis" / relative).read_bytes()
    how = draw(
        st.sampled_from(
            ["flip", "truncate", "delete-line", "duplicate-line", "swap-type", "insert", "long"]
        )
    )
    if how == "flip":
        for _ in range(draw(st.integers(1, 5))):
            at = draw(st.integers(0, len(raw) - 1))
            raw = raw[:at] + bytes([raw[at] ^ (1 << draw(st.integers(0, 7)))]) + raw[at + 1 :]
    elif how == "truncate":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif how in ("delete-line", "duplicate-line"):
        lines = _lines(raw)
        at = draw(st.integers(0, len(lines) - 1))
        lines[at : at + 1] = [] if how == "delete-line" else [lines[at], lines[at]]
        raw = b"\n".join(lines)
    elif how == "swap-type":
        lines = _lines(raw)
        at = draw(st.integers(0, len(lines) - 1))
        if b" = " in lines[at]:
            name = lines[at].split(b" = ", 1)[0]
            other = draw(
                st.sampled_from(
                    [
                        b"1",
                        b"-1.5e308",
                        b"true",
                        b"2026-02-30",
                        b"[]",
                        b"{}",
                        b'"x"',
                        b'[1, "a"]',
                        b"{ a = 1 }",
                        b"inf",
                        b"nan",
                        b"1979-05-27T07:32:00Z",
                        b"07:32:00",
                    ]
                )
            )
            lines[at] = name + b" = " + other
        raw = b"\n".join(lines)
    elif how == "insert":
        lines = _lines(raw)
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.binary(max_size=40)))
        raw = b"\n".join(lines)
    else:
        size = draw(st.sampled_from([10_000, 200_000, 1024 * 1024 + 10]))
        char = draw(st.sampled_from(["a", "é", "🙂", "\\u0000", " ", "\u202e"]))
        raw += f'\nlang = "{char * (size // max(len(char.encode()), 1))}"\n'.encode()
    return relative, raw


# --- tests -----------------------------------------------------------------------------------


@FUZZ
@given(relative=st.sampled_from([*TARGETS, NEW_FILE]), content=st.binary(max_size=2000))
def test_arbitrary_bytes(basis: Path, relative: str, content: bytes) -> None:
    RUN["bytes"] += 1
    with_file(basis, relative, content)


@FUZZ
@given(relative=st.sampled_from([*TARGETS, NEW_FILE]), data=documents)
def test_arbitrary_toml_documents(basis: Path, relative: str, data: dict[str, Any]) -> None:
    RUN["toml"] += 1
    with_file(basis, relative, writing.render(data).encode())


@FUZZ
@given(mutation=mutations())
def test_mutated_examples(basis: Path, mutation: tuple[str, bytes]) -> None:
    RUN["mutaties"] += 1
    with_file(basis, *mutation)


DEEP = 10_000


@pytest.mark.parametrize(
    "content",
    [
        "a = " + "[" * DEEP + "]" * DEEP,
        "a = " + "{ b = " * DEEP + "1" + " }" * DEEP,
        "a = " + "[" * DEEP,
        ".".join(["a"] * DEEP) + " = 1",
        "[" + ".".join(["a"] * DEEP) + "]\nb = 1",
        "a = " + "[" * 500 + "]" * 500,
        "a = " + "{ b = " * 500 + "1" + " }" * 500,
        'titel = "' + "x" * (1024 * 1024 - 20) + '"',
        'titel = """' + "\n" * 200_000 + '"""',
        "titel = " + "'" * 3 + "\\" * 100_000 + "'" * 3,
        "\n".join(f"k{i} = {i}" for i in range(50_000)),
    ],
    ids=[
        "lijst-10000",
        "tabel-10000",
        "open-lijst-10000",
        "punt-sleutel-10000",
        "kop-10000",
        "lijst-500",
        "tabel-500",
        "lange-tekst",
        "veel-regels",
        "backslashes",
        "veel-sleutels",
    ],
)
@pytest.mark.parametrize("relative", [TARGETS[1], TARGETS[0]])
def test_extreme_files(basis: Path, relative: str, content: str) -> None:
    RUN["extreem"] += 1
    with_file(basis, relative, content.encode())


def test_zz_report_examples_run() -> None:
    """Printed with `-s`; the release note cites these figures."""
    total = sum(RUN.values())
    print(f"\nfuzz: {total} voorbeelden ({dict(sorted(RUN.items()))})")
    if os.environ.get("PROF_FUZZ_EXAMPLES") is None and len(RUN) == 4:
        assert total >= 3 * EXAMPLES
