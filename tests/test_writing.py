"""TOML rendering round-trips, slugs, and create-only atomic writes."""

from __future__ import annotations

import datetime as dt
import os
import threading
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profcli.errors import WriteRefused
from profcli.repository import writing

HOSTILE = [
    'zei "nee"',
    "C:\\pad\\naar",
    'drie """ quotes',
    '""""',
    'eindigt op "',
    'eindigt op ""',
    "tab\there",
    "bel\x07 nul\x00 del\x7f c1\x85",
    "regel\r\nwindows",
    "\\",
    "\\\n",
    '"\n"',
    "één — \u2018quote\u2019 🙂 \u2028 zwj\u200d",
    "",
    "\n",
    "\n\n begint met newline",
    "slot\\",
    'multi\nline met """ en \\ en "',
    "trailing spaces   \nnext  ",
    'key = "waarde"\n[tabel]',
]

text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
scalars = st.one_of(
    text,
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.dates(),
    st.sampled_from(HOSTILE),
)
keys = st.one_of(text, st.sampled_from(["titel", "a.b", "", "met spatie", "x-y_z"]))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(keys, inner, max_size=4),
    ),
    max_leaves=12,
)
documents = st.dictionaries(keys, values, max_size=6)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_strings_round_trip(hostile: str) -> None:
    data: dict[str, Any] = {
        "tekst": hostile,
        "lijst": [hostile, hostile],
        "tabel": {hostile: hostile},
    }
    assert tomllib.loads(writing.render(data)) == data


@settings(max_examples=400, deadline=None)
@given(documents)
def test_render_round_trips(data: dict[str, Any]) -> None:
    assert tomllib.loads(writing.render(data)) == data


def test_render_reads_like_the_examples() -> None:
    data = {
        "titel": "Huisbezoek",
        "datum": dt.date(2026, 3, 2),
        "uren": 1.5,
        "klaar": False,
        "tags": ["a", "b"],
        "omschrijving": "regel een\nregel twee\n",
        "starr": {"situatie": "x"},
        "normen": {"skj": {"reflectie": 60}},
        "acties": [{"omschrijving": "bellen", "klaar": False}],
    }
    text = writing.render(data, header="#:schema ../../../schemas/reflectie.schema.json")
    assert text == (
        "#:schema ../../../schemas/reflectie.schema.json\n"
        'titel = "Huisbezoek"\ndatum = 2026-03-02\nuren = 1.5\nklaar = false\ntags = ["a", "b"]\n'
        'omschrijving = """\nregel een\nregel twee\n"""\n\n[starr]\nsituatie = "x"\n\n'
        '[normen.skj]\nreflectie = 60\n\n[[acties]]\nomschrijving = "bellen"\nklaar = false\n'
    )


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Éva van den Berg", "eva-van-den-berg"),
        ("  Gesprek   met  tolk!! ", "gesprek-met-tolk"),
        ("Straße & Ørsted", "strasse-orsted"),
        ("🙂", ""),
        ("a" * 80, "a" * 60),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert writing.slugify(name) == slug


def test_create_never_overwrites(tmp_path: Path) -> None:
    first = writing.create(tmp_path, "x", "a = 1\n")
    second = writing.create(tmp_path, "x", "a = 2\n")
    assert (first.name, second.name) == ("x.toml", "x-2.toml")
    assert first.read_text() == "a = 1\n"
    with pytest.raises(WriteRefused):
        writing.create(tmp_path, "x", "a = 3\n", rename=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-2.toml", "x.toml"]


def test_create_concurrently(tmp_path: Path) -> None:
    made: list[Path] = []
    barrier = threading.Barrier(8)

    def worker(number: int) -> None:
        barrier.wait()
        made.append(writing.create(tmp_path, "zelfde", f"n = {number}\n"))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({p.name for p in made}) == 8
    assert sorted(tomllib.loads(p.read_text())["n"] for p in made) == list(range(8))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("broken", ["fsync", "link"])
def test_interrupted_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    def boom(*args: object) -> None:
        raise OSError(5, "schijf kapot")

    monkeypatch.setattr(os, broken, boom)
    with pytest.raises(OSError):
        writing.create(tmp_path, "x", "a = 1\n")
    assert list(tmp_path.iterdir()) == []


def test_no_hard_links_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*args: object) -> None:
        raise OSError(1, "not permitted")

    monkeypatch.setattr(os, "link", no_links)
    writing.create(tmp_path, "x", "a = 1\n")
    assert writing.create(tmp_path, "x", "a = 2\n").name == "x-2.toml"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-2.toml", "x.toml"]


def test_schema_line(tmp_path: Path) -> None:
    file = tmp_path / "profielen" / "anna" / "reflecties" / "2026-03-02-x.toml"
    assert writing.schema_line(file, tmp_path / "schemas", "reflectie") == (
        "#:schema ../../../schemas/reflectie.schema.json"
    )
