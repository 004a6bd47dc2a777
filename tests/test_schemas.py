"""The schemas themselves: valid draft 2020-12, documented in Dutch, and the shipped frameworks
valid against `kader.schema.json` with item ids unique across frameworks."""

from __future__ import annotations

import json
import re
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from profcli.repository.kinds import BY_NAME
from profcli.repository.schema import normalise
from profcli.resources import frameworks_dir
from tests.conftest import REPO, check_jsonschema_command

SCHEMAS = sorted((REPO / "schemas").glob("*.schema.json"))
FRAMEWORKS = sorted(frameworks_dir().glob("*.toml"))
DRAFT = "https://json-schema.org/draft/2020-12/schema"

_ENGLISH = frozenset(
    {
        "the",
        "and",
        "with",
        "which",
        "should",
        "must",
        "this",
        "that",
        "from",
        "when",
        "where",
        "your",
        "you",
        "are",
        "not",
    }
)
"""Words that give away an English text."""
_DUTCH = frozenset(
    {
        "de",
        "het",
        "een",
        "van",
        "en",
        "in",
        "op",
        "voor",
        "met",
        "of",
        "die",
        "dat",
        "je",
        "is",
        "niet",
        "zoals",
        "als",
        "bij",
        "naar",
        "wat",
        "wie",
        "alleen",
        "hoe",
        "over",
        "door",
        "uit",
        "aan",
        "om",
        "te",
        "ook",
        "zonder",
    }
)


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _properties(node: Any, where: str) -> Iterator[tuple[str, Any]]:
    """Every property schema anywhere in `node` (also in items, $defs and `then` branches)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "if":
                continue  # conditions (`methode = "starr"`), not keys a user writes
            if key == "properties" and isinstance(value, dict):
                for name, sub in value.items():
                    yield f"{where}.{name}", sub
                    yield from _properties(sub, f"{where}.{name}")
            else:
                yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{where}[{index}]")


def _objects(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield where, node
        for key, value in node.items():
            yield from _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _objects(value, f"{where}[{index}]")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]+", text.lower()))


def test_there_is_a_schema_per_kind() -> None:
    assert sorted(p.name for p in SCHEMAS) == sorted(k.schema_file for k in BY_NAME.values())


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    schema = _load(path)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT
    assert schema["$id"] == f"https://profcli.example/schemas/{path.name}"
    assert schema["type"] == "object"


def test_check_jsonschema_accepts_every_schema() -> None:
    result = subprocess.run(
        [*check_jsonschema_command(), "--check-metaschema", *map(str, SCHEMAS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_property_has_a_dutch_title_and_description(path: Path) -> None:
    schema = _load(path)
    problems = []
    for where, sub in [(path.name, schema), *_properties(schema, path.name)]:
        if sub is False:
            continue  # a forbidden key inside an if/then: documented where it is allowed
        title, description = sub.get("title"), sub.get("description")
        if not (isinstance(title, str) and title.strip()):
            problems.append(f"{where}: geen title")
        if not (isinstance(description, str) and len(description) >= 10):
            problems.append(f"{where}: geen (of te korte) description")
            continue
        words = _words(f"{title} {description}")
        if words & _ENGLISH or not words & _DUTCH:
            problems.append(f"{where}: title/description lijkt niet Nederlands: {description!r}")
    assert problems == []


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_schema_follows_the_conventions(path: Path) -> None:
    """No unknown keys anywhere (additionalProperties false), and no oneOf/anyOf (bad messages)."""
    schema = _load(path)
    text = json.dumps(schema)
    assert '"oneOf"' not in text and '"anyOf"' not in text
    loose = [
        where
        for where, node in _objects(schema, path.name)
        if "properties" in node and node.get("additionalProperties") is not False
    ]
    assert loose == []


@pytest.mark.parametrize("path", FRAMEWORKS, ids=[p.stem for p in FRAMEWORKS])
def test_shipped_framework_is_valid(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    validator = Draft202012Validator(
        _load(REPO / "schemas/kader.schema.json"), format_checker=FormatChecker()
    )
    assert [e.message for e in validator.iter_errors(normalise(data))] == []
    assert data["id"] == path.stem


def test_shipped_frameworks_pass_check_jsonschema() -> None:
    result = subprocess.run(
        [
            *check_jsonschema_command(),
            "--schemafile",
            str(REPO / "schemas/kader.schema.json"),
            *map(str, FRAMEWORKS),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_framework_item_ids_are_unique_across_frameworks() -> None:
    seen: dict[str, str] = {}
    doubles = []
    for path in FRAMEWORKS:
        framework = tomllib.loads(path.read_text(encoding="utf-8"))
        for item in framework["items"]:
            if item["id"] in seen:
                doubles.append(f"{item['id']}: {seen[item['id']]} en {path.stem}")
            seen.setdefault(item["id"], path.stem)
    assert doubles == []
    assert {"beroepscode-2021", "ifsw-2018", "sociaal-werk-competenties"} <= {
        p.stem for p in FRAMEWORKS
    }
