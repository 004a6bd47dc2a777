"""Re-registration rules as data: one TOML file per register (or kamer), each rule sourced.

Shipped in `data/`; a team adds a register, or replaces a shipped one when a reglement
changes, with `registers/<id>.toml` in its repository (same id: the team's file wins).
A worker's profile names `register` and, where a register has several, `kamer`.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a rule stands, when it was checked, and whether the figure was found there."""

    adres: str
    geverifieerd: bool
    gecontroleerd: dt.date | None = None
    toelichting: str = ""


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    naam: str
    bron: Source
    minimum: float = 0.0
    maximum: float | None = None
    vormen: tuple[str, ...] = ()
    accreditatie: bool = False
    zonder_accreditatie: str | None = None
    min_sessie_uren: float = 0.0
    fysiek: bool = False


@dataclass(frozen=True, slots=True)
class Combined:
    """A minimum over several categories together (SKJ: formeel + informeel leren >= 60)."""

    naam: str
    categorieen: tuple[str, ...]
    minimum: float
    bron: Source


@dataclass(frozen=True, slots=True)
class Condition:
    tekst: str
    bron: Source


@dataclass(frozen=True, slots=True)
class Register:
    id: str
    register: str
    kamer: str
    titel: str
    cyclus_jaren: int
    punten_per_uur: float
    bron: Source
    standaard_categorie: str
    categorieen: tuple[Category, ...]
    samen: tuple[Combined, ...] = ()
    voorwaarden: tuple[Condition, ...] = ()
    standaard: bool = False
    builtin: bool = True
    werkervaring_uren: float | None = None

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categorieen if c.id == category_id), None)

    def for_form(self, vorm: str) -> Category:
        """The category a form of activity falls in (the default one if no category names it)."""
        found = next((c for c in self.categorieen if vorm in c.vormen), None)
        if found is None:
            found = self.category(self.standaard_categorie)
        assert found is not None, f"{self.id}: standaard_categorie bestaat niet"
        return found

    @property
    def required(self) -> float:
        """Points the cycle asks for in all: every category's minimum, or a combined
        minimum where that is larger than its parts."""
        total = sum(c.minimum for c in self.categorieen)
        for rule in self.samen:
            parts = sum(c.minimum for c in self.categorieen if c.id in rule.categorieen)
            total += max(0.0, rule.minimum - parts)
        return total

    def sources(self) -> list[tuple[str, Source]]:
        """Every rule with its source, for the colophon, the dossier and `prof status`."""
        found = [(f"cyclus van {self.cyclus_jaren} jaar", self.bron)]
        for c in self.categorieen:
            limits = [f"minimaal {c.minimum:g}" if c.minimum else "", _max(c.maximum)]
            found.append((f"{c.naam}: {', '.join(x for x in limits if x) or 'geen norm'}", c.bron))
        found += [(f"{r.naam}: minimaal {r.minimum:g}", r.bron) for r in self.samen]
        found += [(v.tekst, v.bron) for v in self.voorwaarden]
        return found

    @property
    def verified(self) -> bool:
        return all(source.geverifieerd for _, source in self.sources())


def _max(value: float | None) -> str:
    return "" if value is None else f"telt tot {value:g}"


def _source(data: Any, fallback: Source | None = None) -> Source:
    if not isinstance(data, Mapping):
        assert fallback is not None
        return fallback
    checked = data.get("gecontroleerd")
    return Source(
        str(data["adres"]),
        bool(data["geverifieerd"]),
        checked if isinstance(checked, dt.date) else None,
        str(data.get("toelichting", "")),
    )


def from_data(data: Mapping[str, Any], *, builtin: bool) -> Register:
    """A register from schema-valid data."""
    bron = _source(data["bron"])
    categories = tuple(
        Category(
            str(c["id"]),
            str(c["naam"]),
            _source(c.get("bron"), bron),
            float(c.get("minimum", 0)),
            float(c["maximum"]) if "maximum" in c else None,
            tuple(str(v) for v in c.get("vormen", ())),
            bool(c.get("accreditatie", False)),
            str(c["zonder_accreditatie"]) if "zonder_accreditatie" in c else None,
            float(c.get("min_sessie_uren", 0)),
            bool(c.get("fysiek", False)),
        )
        for c in data["categorieen"]
    )
    combined = tuple(
        Combined(
            str(r["naam"]),
            tuple(str(x) for x in r["categorieen"]),
            float(r["minimum"]),
            _source(r.get("bron"), bron),
        )
        for r in data.get("samen", ())
    )
    conditions = tuple(
        Condition(str(v["tekst"]), _source(v.get("bron"), bron))
        for v in data.get("voorwaarden", ())
    )
    return Register(
        str(data["id"]),
        str(data["register"]),
        str(data["kamer"]),
        str(data["titel"]),
        int(data["cyclus_jaren"]),
        float(data.get("punten_per_uur", 1)),
        bron,
        str(data["standaard_categorie"]),
        categories,
        combined,
        conditions,
        bool(data.get("standaard", False)),
        builtin,
        float(data["werkervaring_uren"]) if "werkervaring_uren" in data else None,
    )


def problems(data: Mapping[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """What a schema cannot say about a register file: ids that must exist."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    ids = [str(c["id"]) for c in data.get("categorieen", ())]
    known = ", ".join(ids)
    if data.get("standaard_categorie") not in ids:
        found.append(
            (
                ("standaard_categorie",),
                f"`{data.get('standaard_categorie')}` is geen categorie van dit register; "
                f"kies uit: {known}",
            )
        )
    for index, c in enumerate(data.get("categorieen", ())):
        if "zonder_accreditatie" in c and c["zonder_accreditatie"] not in ids:
            found.append(
                (
                    ("categorieen", index, "zonder_accreditatie"),
                    "noemt geen categorie van dit register",
                )
            )
    for index, rule in enumerate(data.get("samen", ())):
        for position, cid in enumerate(rule.get("categorieen", ())):
            if cid not in ids:
                found.append(
                    (("samen", index, "categorieen", position), f"categorie `{cid}` bestaat niet")
                )
    return found


@cache
def builtin() -> tuple[Register, ...]:
    found = []
    for path in sorted(DATA_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            found.append(from_data(tomllib.load(handle), builtin=True))
    return tuple(found)


class Registers:
    """The registers in use: the shipped ones, with a team's own files added or replacing."""

    def __init__(self, registers: Iterable[Register]) -> None:
        self.by_id: dict[str, Register] = {}
        for register in registers:
            self.by_id[register.id] = register  # later (the team's) wins

    def find(self, register: str, kamer: str | None) -> Register | None:
        """The entry for a profile's `register` and `kamer` (no kamer: the standard one)."""
        candidates = [r for r in self.by_id.values() if r.register == register]
        if kamer:
            return next((r for r in candidates if r.kamer == kamer), None)
        standard = [r for r in candidates if r.standaard]
        if standard:
            return standard[0]
        return candidates[0] if len(candidates) == 1 else None

    def kamers(self, register: str) -> list[str]:
        return sorted(r.kamer for r in self.by_id.values() if r.register == register)

    def names(self) -> list[str]:
        return sorted({r.register for r in self.by_id.values()})
