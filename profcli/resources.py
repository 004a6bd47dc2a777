"""Files shipped inside the package: schemas, frameworks, and the names check's word lists."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any


@cache
def schemas_dir() -> Path:
    """The installed schemas; in a source checkout (editable install) the top-level `schemas/`.

    The package is installed as plain files (hatchling wheels are never zip-imported), so
    the folder next to this module is the one; no `importlib.resources` needed at start-up.
    """
    packaged = Path(__file__).resolve().parent / "schemas"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "schemas"


@cache
def schema(name: str) -> dict[str, Any]:
    with (schemas_dir() / f"{name}.schema.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def frameworks_dir() -> Path:
    return Path(__file__).resolve().parent / "repository" / "frameworks" / "data"


_BUILDING: list[Callable[[], None]] = []


def when_building(tell: Callable[[], None]) -> None:
    """`tell` is called once, before the names check's word lists are built (the first use
    on a machine, about 2 s). Set by the CLI, which says so to the person; lives here, in a
    light module, so that setting it imports nothing of the validator."""
    _BUILDING[:] = [tell]


def building() -> None:
    for tell in _BUILDING:
        tell()
    _BUILDING.clear()
