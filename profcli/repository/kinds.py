"""The table of entry kinds: adding a kind means one row here, one schema and one template."""

from __future__ import annotations

import re
from dataclasses import dataclass

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATED_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")

from profcli.words import Soort  # noqa: E402

WERKER = Soort.WERKER
TEAM = Soort.TEAM


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of file in a portfolio."""

    name: str
    """Singular Dutch name, used as CLI argument and schema name."""
    folder: str
    """Folder inside a portfolio; empty for the profile itself."""
    label: str
    """Plural Dutch label for headings and messages."""
    dated: bool
    """File names start with the entry's date (`YYYY-MM-DD-<slug>.toml`)."""
    owners: frozenset[str]
    """Kinds of portfolio (`werker`, `team`) that may hold this kind."""

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"


BOTH = frozenset({WERKER, TEAM})

PROFILE = Kind("profiel", "", "profielen", False, BOTH)
LEERDOEL = Kind("leerdoel", "leerdoelen", "leerdoelen", False, BOTH)
REFLECTIE = Kind("reflectie", "reflecties", "reflecties", True, frozenset({WERKER}))
ZELFTOETS = Kind("zelftoets", "zelftoetsen", "zelftoetsen", True, frozenset({WERKER}))
ACTIVITEIT = Kind("activiteit", "activiteiten", "activiteiten", True, frozenset({WERKER}))
FEEDBACK = Kind("feedback", "feedback", "feedback", True, frozenset({WERKER}))
GESPREK = Kind("gesprek", "gesprekken", "gesprekken", True, frozenset({WERKER}))
"""A conversation with the team lead (Cao Sociaal Werk art. 3.2: a `periodiek` one yearly)."""
BIJEENKOMST = Kind("bijeenkomst", "bijeenkomsten", "bijeenkomsten", True, frozenset({TEAM}))
KENNIS = Kind("kennis", "kennis", "kennisitems", False, frozenset({TEAM}))
AKKOORD = Kind("akkoord", "akkoorden", "akkoorden", False, frozenset({WERKER}))
"""A team lead's approval of one entry, written by `prof approve` in a signed commit: not an
entry the worker adds, lists or shows (`ENTRY_KINDS` leaves it out)."""
KINDS: tuple[Kind, ...] = (
    PROFILE,
    LEERDOEL,
    REFLECTIE,
    ZELFTOETS,
    ACTIVITEIT,
    FEEDBACK,
    GESPREK,
    BIJEENKOMST,
    KENNIS,
    AKKOORD,
)
FRAMEWORK = Kind("kader", "kaders", "kaders", False, frozenset())
REGISTER = Kind("register", "registers", "registers", False, frozenset())
"""A team's own register rules (`registers/<id>.toml`), beside the shipped ones."""

BY_NAME: dict[str, Kind] = {k.name: k for k in (*KINDS, FRAMEWORK, REGISTER)}
BY_FOLDER: dict[str, Kind] = {k.folder: k for k in KINDS if k.folder}
ENTRY_KINDS: tuple[Kind, ...] = tuple(k for k in KINDS if k not in (PROFILE, AKKOORD))
"""What a worker or team adds, lists, shows and publishes."""


def is_slug(text: str) -> bool:
    return SLUG_RE.fullmatch(text) is not None


FOLDER_NAMED_TOML = (
    "dit is een map, geen bestand, maar haar naam eindigt op `.toml`; hernoem de map (zonder "
    "`.toml`) of haal haar weg"
)
"""The message for a folder whose name ends in `.toml`: said by discovery and by loading."""
