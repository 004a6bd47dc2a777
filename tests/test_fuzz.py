"""Fuzzing the front door: whatever lands in a portfolio file, validation answers with findings.

`check_repository` must return (never raise), and every finding must have a known rule id, a
line and column inside its file and a one-line Dutch message. `prof validate` must print the
same findings without a traceback and exit 1 exactly when one of them is an error. Bounded by
`PROF_FUZZ_EXAMPLES` (default 40 per test) so CI stays near a minute.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profcli.cli import main
from profcli.findings import Finding
from profcli.repository import writing
from profcli.validation import check_repository
from profcli.validation.rule_ids import RULE_IDS
from tests.conftest import CASES, TODAY, build_case

EXAMPLES = int(os.environ.get("PROF_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

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


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_QUOTED = re.compile(
    r"`[^`]*(?:`|$)"  # `sleutel`
    r'|"(?:\\.|[^"\\])*(?:"|$)'  # "tekst" (JSON-quoted, perhaps cut off with …)
    r"|(?<![^\W\d_])'[^']*(?:'|$)"  # 'repr' of a value, not the ' of "schema's"
    r"|\[[^\[\]]*\]|\{[^{}]*\}|\([^()]*\)"  # [tabel], {...}, (the parser's own words)
)
_WORDS = re.compile(r"[^\W\d_]+")
# fmt: off
DUTCH = frozenset({  # a message has at least one of these outside quotes
    "de", "het", "een", "en", "of", "in", "op", "van", "bij", "niet", "geen", "is", "moet",
    "mag", "hoort", "staat", "ontbreekt", "ongeldig", "ongeldige", "dit", "deze", "er", "te",
    "met", "zonder", "voor", "naar", "als", "zijn", "onbekende", "onbekend", "sleutel",
    "toegestaan", "verplichte", "bestand", "tekst", "datum", "lijst", "tabel", "waarde", "regel",
    "kies", "gebruik", "haal", "weg", "schrijf", "zet",
})
ENGLISH = frozenset({  # and none of these (a library's message shining through)
    "the", "and", "not", "with", "must", "should", "expected", "unexpected", "invalid",
    "required", "property", "properties", "additional", "error", "exception", "traceback",
    "allowed", "does", "cannot", "missing", "found", "value", "key", "line", "column", "file",
    "string", "array", "integer", "number", "character"
})
# fmt: on


def _outside_quotes(message: str) -> str:
    """The message without what it quotes (user values, key names, the parser's own words).

    A long value is cut off with `…` (perhaps inside quotes or brackets): the template goes
    on after it, so each part up to a `…` is stripped on its own."""
    parts = []
    for part in message.split("…"):
        previous = None
        while previous != part:
            previous, part = part, _QUOTED.sub(" ", part)
        parts.append(part)
    return " ".join(parts)


def _lines_of(root: Path, path: str) -> list[bytes] | None:
    """The lines of the file a finding points at; None for a folder (or a dangling link)."""
    assert not path.startswith("/") and ".." not in path.split("/"), path
    target = root / path
    assert target.exists() or target.is_symlink(), path
    return target.read_bytes().split(b"\n") if target.is_file() else None  # TOML: \n, \r\n


def check_finding(finding: Finding, lines: list[bytes] | None) -> None:
    """One finding: a known rule, a place inside its file, a one-line Dutch message."""
    assert finding.rule in RULE_IDS, finding
    assert finding.severity in ("fout", "waarschuwing"), finding
    assert finding.line >= 1 and finding.column >= 1, finding
    if lines is None:
        assert (finding.line, finding.column) == (1, 1), finding
    else:
        assert finding.line <= len(lines), (finding, len(lines))
        width = len(lines[finding.line - 1].decode("utf-8", errors="replace"))
        assert finding.column <= width + 1, (finding, width)
    message = finding.message
    assert message and message == message.strip(), finding
    assert not _CONTROL.search(message), finding  # one line: a newline shows as `\n`
    words = set(_WORDS.findall(_outside_quotes(message).lower()))
    assert words & DUTCH, finding
    assert not words & ENGLISH, finding


def check(root: Path) -> None:
    """The two doors, the library call and the CLI: neither may crash, and they agree."""
    result = check_repository(root, today=TODAY).result
    files = {path: _lines_of(root, path) for path in {f.path for f in result.findings}}
    for finding in result.findings:
        check_finding(finding, files[finding.path])
    assert result.ok == (not any(f.severity == "fout" for f in result.findings))
    cli = CliRunner().invoke(main, ["-C", str(root), "validate"])
    assert cli.exception is None or isinstance(cli.exception, SystemExit), (
        cli.exception,
        cli.output,
    )
    assert "Traceback" not in cli.output
    assert cli.exit_code == (0 if result.ok else 1), (result.findings, cli.output)
    # Every finding on a line of its own, the same ones as the library's, then the summary.
    assert cli.stdout.split("\n")[:-2] == [f.text() for f in result.sorted()], cli.output


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
    with_file(basis, relative, content)


@FUZZ
@given(relative=st.sampled_from([*TARGETS, NEW_FILE]), data=documents)
def test_arbitrary_toml_documents(basis: Path, relative: str, data: dict[str, Any]) -> None:
    with_file(basis, relative, writing.render(data).encode())


@FUZZ
@given(mutation=mutations())
def test_mutated_examples(basis: Path, mutation: tuple[str, bytes]) -> None:
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
    with_file(basis, relative, content.encode())


def test_each_fuzz_test_runs_its_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hypothesis really tries `EXAMPLES` inputs per fuzz test (no filter or small search space
    cuts them short); the release note cites the figures printed here (`-s`). The three tests
    run again with validation left out (their own runs check it), so this is quick and holds
    alone and in any order."""
    tried: list[str] = []

    def record(root: Path, relative: str, content: bytes) -> None:
        tried.append(relative)

    monkeypatch.setattr(f"{__name__}.with_file", record)
    counts: dict[str, int] = {}
    for name, test in [
        ("bytes", test_arbitrary_bytes),
        ("toml", test_arbitrary_toml_documents),
        ("mutaties", test_mutated_examples),
    ]:
        tried.clear()
        test(basis=tmp_path)
        counts[name] = len(tried)
    print(f"\nfuzz: {sum(counts.values())} voorbeelden ({counts})")
    assert min(counts.values()) >= EXAMPLES, counts
