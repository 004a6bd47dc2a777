"""Frameworks ("kaders"): the professional code, IFSW principles and the competency frame.

Shipped as TOML data in `data/`; a team may add its own in `kaders/<id>.toml`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from profcli.resources import frameworks_dir

VALUE_SOORTEN = frozenset({"kernwaarde", "artikel", "principe"})
"""Item kinds a reflection's `beroepscode` may name."""


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    soort: str
    titel: str
    omschrijving: str
    framework: str


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    titel: str
    omschrijving: str
    items: tuple[Item, ...]
    builtin: bool
    volledig: bool = True
    """False when the framework lacks items its source has (the beroepscode's articles)."""

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


def from_data(data: Mapping[str, Any], *, builtin: bool) -> Framework:
    """Build a framework from schema-valid data."""
    fid = str(data["id"])
    items = tuple(
        Item(str(i["id"]), str(i["soort"]), str(i["titel"]), str(i["omschrijving"]), fid)
        for i in data["items"]
    )
    return Framework(
        fid,
        str(data["titel"]),
        str(data.get("omschrijving", "")),
        items,
        builtin,
        data.get("volledig") is not False,
    )


def extended(shipped: Framework, data: Mapping[str, Any]) -> Framework:
    """A shipped framework with a team's extra items (a `kaders/` file with the same id): the
    team completes it from its own copy of the source, e.g. the beroepscode's articles."""
    extra = from_data(data, builtin=False)
    known = {i.id for i in shipped.items}
    items = shipped.items + tuple(i for i in extra.items if i.id not in known)
    return Framework(
        shipped.id,
        shipped.titel,
        shipped.omschrijving,
        items,
        True,
        data.get("volledig") is True or shipped.volledig,
    )


@cache
def builtin() -> tuple[Framework, ...]:
    found = []
    for path in sorted(frameworks_dir().glob("*.toml")):
        with path.open("rb") as handle:
            found.append(from_data(tomllib.load(handle), builtin=True))
    return tuple(found)


class Catalog:
    """All frameworks in use, with item ids looked up across them."""

    def __init__(self, frameworks: Iterable[Framework]) -> None:
        self.frameworks: dict[str, Framework] = {}
        self.items: dict[str, Item] = {}
        for framework in frameworks:
            self.frameworks.setdefault(framework.id, framework)
            for item in framework.items:
                self.items.setdefault(item.id, item)

    def of_soort(self, *soorten: str) -> list[Item]:
        return [i for i in self.items.values() if i.soort in soorten]
