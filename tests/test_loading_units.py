"""Unit tests without Click: positions in TOML (tomlpos), reading files (loading), reporters."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from profcli.findings import Finding, Result
from profcli.reporting import REPORTERS, summary
from profcli.repository.loading import MAX_BYTES, Document, load, one_line
from profcli.repository.tomlpos import PositionIndex

# --- tomlpos ------------------------------------------------------------------------------

DOC = """\
#:schema ../../../schemas/leerdoel.schema.json
titel = "Grenzen stellen"   # a comment with = and [brackets]
x.y = 2
tags = ["a", "b",
  "c"]
"a b" = 'letterlijk'
t = { a = 1, b = { c = "x" } }
tekst = \"\"\"
eerste regel
met "quotes" en een 06-nummer
\"\"\"
na = "een \\" in tekst"
letterlijk = '''
twee '' quotes
'''
einde = true

[registratie]
nummer = "RP-1"

[scores."item-1"]
score = 4

[[acties]]
omschrijving = "een"

[[acties]]
omschrijving = "twee"
klaar = false
"""


@pytest.fixture(scope="module")
def index() -> PositionIndex:
    return PositionIndex(DOC)


@pytest.mark.parametrize(
    ("path", "key", "value"),
    [
        (("titel",), (2, 1), (2, 9)),
        (("x",), (3, 1), (3, 1)),  # no value of its own: falls back to its key
        (("x", "y"), (3, 3), (3, 7)),
        (("tags",), (4, 1), (4, 8)),
        (("a b",), (6, 1), (6, 9)),
        (("t",), (7, 1), (7, 5)),
        (("t", "b", "c"), (7, 20), (7, 24)),
        (("tekst",), (8, 1), (8, 9)),
        (("na",), (12, 1), (12, 6)),
        (("letterlijk",), (13, 1), (13, 14)),
        (("einde",), (16, 1), (16, 9)),
        (("registratie",), (18, 2), (18, 2)),
        (("registratie", "nummer"), (19, 1), (19, 10)),
        (("scores", "item-1"), (21, 9), (21, 9)),
        (("scores", "item-1", "score"), (22, 1), (22, 9)),
    ],
)
def test_keys_and_values(
    index: PositionIndex, path: tuple[str, ...], key: tuple[int, int], value: tuple[int, int]
) -> None:
    assert index.key(path) == key
    assert index.value(path) == value


def test_array_elements(index: PositionIndex) -> None:
    assert [index.value(("tags", i)) for i in range(3)] == [(4, 9), (4, 14), (5, 3)]
    assert index.value(("t", "a")) == (7, 11)


def test_array_of_tables(index: PositionIndex) -> None:
    assert index.key(("acties",)) == (24, 3)
    assert index.key(("acties", 0)) == (24, 3)
    assert index.key(("acties", 1)) == (27, 3)
    assert index.key(("acties", 0, "omschrijving")) == (25, 1)
    assert index.value(("acties", 1, "omschrijving")) == (28, 16)
    assert index.value(("acties", 1, "klaar")) == (29, 9)


def test_unknown_paths_fall_back_to_the_nearest_parent(index: PositionIndex) -> None:
    assert index.key(("acties", 1, "bestaat-niet")) == (27, 3)
    assert index.value(("registratie", "cyclus_start")) == (18, 2)
    assert index.key(("nergens",)) == (1, 1)
    assert index.key(()) == (1, 1)


def test_find_text_inside_a_multiline_string(index: PositionIndex) -> None:
    assert index.find(("tekst",), "06-nummer") == (10, 21)
    assert index.find(("tekst",), "regel") == (9, 8)
    assert index.find(("tekst",), "regel", nth=1) == (8, 9)  # there is no second: the value
    assert index.find(("tekst",), "bestaat niet") == (8, 9)  # not found: the value itself


def test_find_counts_repeated_needles() -> None:
    ix = PositionIndex('s = "06-1 en 06-1 en 06-1"\n')
    assert [ix.find(("s",), "06-1", n) for n in range(3)] == [(1, 6), (1, 14), (1, 22)]


def test_crlf_gives_the_same_positions(index: PositionIndex) -> None:
    crlf = PositionIndex(DOC.replace("\n", "\r\n"))
    assert crlf.keys == index.keys
    assert crlf.values == index.values


def test_an_unfollowable_text_gives_a_partial_index_not_an_exception() -> None:
    ix = PositionIndex('a = 1\nb = "open\n')
    assert ix.value(("a",)) == (1, 5)
    assert ix.value(("b",)) == (2, 5)


# --- loading ------------------------------------------------------------------------------


def _load(tmp_path: Path, content: bytes | str) -> Document | Finding:
    path = tmp_path / "x.toml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return load(path, "x.toml")


def _finding(tmp_path: Path, content: bytes | str) -> str:
    result = _load(tmp_path, content)
    assert isinstance(result, Finding)
    return result.text()


def test_a_good_file_becomes_a_document(tmp_path: Path) -> None:
    doc = _load(tmp_path, '\ufefftitel = "Één"\r\nstatus = "bezig"\r\n')
    assert isinstance(doc, Document)
    assert doc.data == {"titel": "Één", "status": "bezig"}
    assert doc.finding(("status",), "r", "m").text() == "x.toml:2:10: fout: m [r]"
    assert doc.finding(("status",), "r", "m", at_key=True).line == 2


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", refuse)  # how `loading` reads a file
    assert load(tmp_path / "x.toml", "x.toml") == Finding(
        "x.toml",
        1,
        1,
        "bestand-lezen",
        "kan het bestand niet lezen: geen toegang; controleer de rechten van het bestand",
    )


def test_a_folder_named_toml(tmp_path: Path) -> None:
    (tmp_path / "map.toml").mkdir()
    result = load(tmp_path / "map.toml", "map.toml")
    assert isinstance(result, Finding)
    assert result.rule == "bestand-lezen"


def test_too_large(tmp_path: Path) -> None:
    assert _finding(tmp_path, "# " + "x" * MAX_BYTES + "\n").endswith("[bestand-te-groot]")
    assert isinstance(_load(tmp_path, "a = 1\n# " + "x" * (MAX_BYTES - 10)), Document)


def test_binary(tmp_path: Path) -> None:
    assert _finding(tmp_path, b"a = 1\n\x00\x01").startswith("x.toml:1:1: fout: dit is geen tekst")


def test_not_utf8_points_at_the_character(tmp_path: Path) -> None:
    # The column counts characters, also after a multi-byte one before it.
    latin1 = b"\xeb"  # an e with diaeresis as Windows-1252 writes it
    text = _finding(tmp_path, 'a = 1\nb = "één '.encode() + latin1 + b'"\n')
    assert text.startswith("x.toml:2:10: fout: bestand is geen geldige UTF-8-tekst")
    assert text.endswith("[bestand-codering]")


@pytest.mark.parametrize("content", ["", "\n\n", "# alleen commentaar\n", "#:schema x.json\n"])
def test_empty(tmp_path: Path, content: str) -> None:
    assert _finding(tmp_path, content) == (
        "x.toml:1:1: fout: bestand is leeg: er staan geen sleutels in; vul het in of haal het "
        "weg [bestand-leeg]"
    )


@pytest.mark.parametrize(
    ("content", "where", "start"),
    [
        ('a = "open\nb = 1\n', "1:10", 'tekst niet afgesloten: er ontbreekt een `"`'),
        ("a = 'open\nb = 1\n", "1:10", "tekst niet afgesloten: er ontbreekt een `'`"),
        ('a = 1\nb = """open\nc = 2\n', "2:5", "tekst niet afgesloten: de tekst die hier"),
        ("a = 1\na = 2\nb = 3\n", "2:1", "`a` staat al eerder in het bestand"),
        ("a = 1\nb = 2\n  a = 3\n", "3:3", "`a` staat al eerder in het bestand"),
        ('t = "x\u2028y"\na = 1\na = 2\n', "3:1", "`a` staat al eerder"),  # lines as TOML counts
        ("[t]\na = 1\n[t]\n", "3:1", "tabel [t] staat al eerder in het bestand"),
        ('a = ["x"\n\nb = 2\n', "1:9", "lijst niet afgesloten: er ontbreekt een `]`"),
        ("a = [1,\n2", "2:2", "lijst niet afgesloten"),
        ("a = {b = 1\nc = 2\n", "1:11", "tabel niet afgesloten"),
        ("datum = 2026-13-45\n", "1:9", "ongeldige datum `2026-13-45`"),
        ("datum = 2026-02-30\n", "1:9", "ongeldige datum `2026-02-30`"),
        ("datum = 2026-2-3\n", "1:9", "ongeldige datum `2026-2-3`"),
        ("datum = 2026-02-15 x\n", "1:20", "na een waarde hoort een nieuwe regel"),
        ("van = collega\n", "1:7", "ongeldige waarde (tekst hoort tussen aanhalingstekens)"),
        ('pad = "C:\\map"\n', "1:10", "losse `\\` in tekst"),
        ('pad = "C:\\Users"\n', "1:10", "losse `\\` in tekst"),
        ("= 3\n", "1:1", "ongeldige regel"),
        ("a b = 3\n", "1:3", "na een sleutel hoort `=`"),
    ],
)
def test_toml_syntax_in_dutch(tmp_path: Path, content: str, where: str, start: str) -> None:
    text = _finding(tmp_path, content)
    assert text.startswith(f"x.toml:{where}: fout: {start}"), text
    assert text.endswith("[toml-syntax]")


def test_messages_stay_on_one_line() -> None:
    assert one_line('`tags` = "a\nb\tc"') == '`tags` = "a\\nb\\tc"'


# --- reporters ----------------------------------------------------------------------------

RESULT = Result(
    3,
    [
        Finding("profielen/a/x.toml", 2, 5, "schema-keuze", 'waarde "x": 100% fout, <echt> & zo'),
        Finding("profielen/a/x.toml", 1, 1, "privacy-bsn", "dit lijkt een BSN"),
        Finding("profielen/b.toml", 3, 1, "ref-team", "team `x` bestaat niet"),
    ],
)
WARNING = Result(1, [Finding("schemas/a.schema.json", 1, 1, "schema-kopie", "oud", "waarschuwing")])


def test_result_counts() -> None:
    assert (RESULT.errors, RESULT.warnings, RESULT.ok) == (3, 0, False)
    assert (WARNING.errors, WARNING.warnings, WARNING.ok) == (0, 1, True)
    assert summary(RESULT) == "3 bestanden gecontroleerd: 3 fouten, 0 waarschuwingen"
    assert summary(WARNING) == "1 bestand gecontroleerd: 0 fouten, 1 waarschuwing"


def test_text_reporter() -> None:
    assert REPORTERS["text"]().render(RESULT).splitlines() == [
        "profielen/a/x.toml:1:1: fout: dit lijkt een BSN [privacy-bsn]",
        'profielen/a/x.toml:2:5: fout: waarde "x": 100% fout, <echt> & zo [schema-keuze]',
        "profielen/b.toml:3:1: fout: team `x` bestaat niet [ref-team]",
        "3 bestanden gecontroleerd: 3 fouten, 0 waarschuwingen",
    ]
    assert not REPORTERS["text"].summary_to_stderr


def test_json_reporter() -> None:
    data = json.loads(REPORTERS["json"]().render(RESULT))
    assert (data["bestanden"], data["fouten"], data["waarschuwingen"]) == (3, 3, 0)
    assert data["meldingen"][1] == {
        "pad": "profielen/a/x.toml",
        "regel": 2,
        "kolom": 5,
        "ernst": "fout",
        "melding": 'waarde "x": 100% fout, <echt> & zo',
        "code": "schema-keuze",
    }
    assert REPORTERS["json"].summary_to_stderr


def test_github_reporter() -> None:
    lines = REPORTERS["github"]().render(RESULT).splitlines()
    assert lines[1] == (
        "::error file=profielen/a/x.toml,line=2,col=5,title=schema-keuze::"
        'waarde "x": 100%25 fout, <echt> & zo [schema-keuze]'
    )
    assert len(lines) == 3
    assert REPORTERS["github"]().render(WARNING).startswith("::warning file=schemas/a.schema.json,")


def test_github_reporter_escapes_properties() -> None:
    odd = Result(1, [Finding("a,b:c%.toml", 1, 1, "r", "regel 1\nregel 2")])
    assert REPORTERS["github"]().render(odd) == (
        "::error file=a%2Cb%3Ac%25.toml,line=1,col=1,title=r::regel 1%0Aregel 2 [r]"
    )


def test_junit_reporter_is_valid_xml() -> None:
    suite = ET.fromstring(REPORTERS["junit"]().render(RESULT).encode("utf-8"))
    assert suite.tag == "testsuite"
    assert suite.get("failures") == "3"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["profielen/a/x.toml", "profielen/b.toml"]
    failures = cases[0].findall("failure")
    assert [f.get("type") for f in failures] == ["privacy-bsn", "schema-keuze"]
    assert failures[1].get("message") == 'waarde "x": 100% fout, <echt> & zo'
    assert failures[1].text == (
        'profielen/a/x.toml:2:5: fout: waarde "x": 100% fout, <echt> & zo [schema-keuze]'
    )


def test_junit_reporter_keeps_warnings_out_of_failures() -> None:
    suite = ET.fromstring(REPORTERS["junit"]().render(WARNING).encode("utf-8"))
    assert suite.get("failures") == "0"
    case = suite.find("testcase")
    assert case is not None and case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and "waarschuwing" in (out.text or "")


def test_junit_reporter_without_findings() -> None:
    suite = ET.fromstring(REPORTERS["junit"]().render(Result(4, [])).encode("utf-8"))
    assert (suite.get("tests"), suite.get("failures"), suite.findall("testcase")) == ("4", "0", [])
