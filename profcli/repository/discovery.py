"""Finding the team repository and the TOML files in it, by the layout in DESIGN.md."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from profcli.errors import RepositoryNotFound
from profcli.findings import Finding
from profcli.repository.kinds import (
    BY_FOLDER,
    DATED_RE,
    FOLDER_NAMED_TOML,
    FRAMEWORK,
    PROFILE,
    REGISTER,
    SLUG_RE,
    Kind,
    is_slug,
)

PROFILES_DIR = "profielen"
FRAMEWORKS_DIR = "kaders"
REGISTERS_DIR = "registers"

_OUTSIDE = (
    "symbolische koppeling naar buiten de repository; vervang haar door een echte kopie of "
    "haal haar weg"
)

Problem = Callable[[Path, str, str], None]


@dataclass(frozen=True, slots=True)
class Source:
    """A TOML file that belongs to the repository, and what kind of entry it should be."""

    path: Path
    display: str
    kind: Kind
    profile: str
    stem: str


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds `profielen/`."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for candidate in (here, *here.parents):
        if (candidate / PROFILES_DIR).is_dir():
            return candidate
    raise RepositoryNotFound(
        f"geen team-repository gevonden in {start} of erboven (een map met `{PROFILES_DIR}/`); "
        "maak er een met `prof init`"
    )


def display_path(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def discover(root: Path) -> tuple[list[Source], list[Finding]]:
    """All portfolio and framework files; layout problems become findings."""
    sources: list[Source] = []
    findings: list[Finding] = []

    def problem(path: Path, rule: str, message: str) -> None:
        findings.append(Finding(display_path(root, path), 1, 1, rule, message))

    profiles = root / PROFILES_DIR
    for item in _listing(profiles, problem) or ():
        if _leaves_root(root, item):
            problem(item, "bestand-buiten", _OUTSIDE)
        elif item.is_dir() and not item.is_symlink():
            if not is_slug(item.name):
                problem(
                    item,
                    "map-slug",
                    f"mapnaam `{item.name}` is geen geldige slug: gebruik kleine letters, "
                    "cijfers en streepjes (bijvoorbeeld `anna-de-vries`)",
                )
                continue
            _portfolio(root, item, sources, problem)
        elif item.suffix == ".toml":
            problem(
                item,
                "bestand-onbekend",
                "TOML-bestand hoort in de map van een profiel (`profielen/<slug>/`); verplaats het",
            )

    _shared_data(root, sources, problem)
    return sources, findings


def discover_scope(root: Path, slugs: Iterable[str]) -> tuple[list[Source], list[Finding]]:
    """What `discover` finds, for the named portfolios in full and for every other portfolio
    only its profile: an incremental `prof validate` reads again only what may have changed
    (the layout problems of the other portfolios are its own to keep)."""
    scope = set(slugs)
    findings: list[Finding] = []

    def problem(path: Path, rule: str, message: str) -> None:
        findings.append(Finding(display_path(root, path), 1, 1, rule, message))

    sources = [s for s in discover_profiles(root) if s.profile not in scope]
    for slug in sorted(scope):
        folder = root / PROFILES_DIR / slug
        if is_slug(slug) and folder.is_dir() and not folder.is_symlink():
            _portfolio(root, folder, sources, problem)
    _shared_data(root, sources, problem)
    return sources, findings


def _shared_data(root: Path, sources: list[Source], problem: Problem) -> None:
    """A team's own frameworks and registers (`kaders/`, `registers/`)."""
    for name, kind in ((FRAMEWORKS_DIR, FRAMEWORK), (REGISTERS_DIR, REGISTER)):
        for item in _listing(root / name, problem) or ():
            if item.suffix == ".toml":
                if _leaves_root(root, item):
                    problem(item, "bestand-buiten", _OUTSIDE)
                else:
                    sources.append(Source(item, display_path(root, item), kind, "", item.stem))


def discover_portfolios(root: Path, slugs: Iterable[str]) -> list[Source]:
    """The files of the named portfolios only, without their layout problems: finding one
    entry of a worker should not cost a walk over every portfolio of the repository."""
    sources: list[Source] = []
    for slug in dict.fromkeys(slugs):
        folder = root / PROFILES_DIR / slug
        if is_slug(slug) and folder.is_dir() and not _leaves_root(root, folder):
            _portfolio(root, folder, sources, lambda *_: None)
    return sources


def discover_profiles(root: Path) -> list[Source]:
    """Every portfolio's `profiel.toml` and nothing else, without layout problems: what the
    team profile settles (its time zone) should not cost a walk over every entry. One
    `scandir` and one `stat` a portfolio (an incremental `prof validate` reads all profiles)."""
    sources: list[Source] = []
    profiles = root / PROFILES_DIR
    try:
        with os.scandir(profiles) as listing:
            folders = sorted(e.name for e in listing if e.is_dir(follow_symlinks=False))
    except OSError:
        return sources
    for name in folders:
        if not is_slug(name):
            continue
        path = profiles / name / "profiel.toml"
        try:
            mode = os.stat(path).st_mode  # a link to a file counts, if it stays inside
        except OSError:
            continue
        if stat.S_ISREG(mode) and not _leaves_root(root, path):
            sources.append(
                Source(path, f"{PROFILES_DIR}/{name}/profiel.toml", PROFILE, name, "profiel")
            )
    return sources


def _portfolio(root: Path, folder: Path, sources: list[Source], problem: Problem) -> None:
    slug = folder.name
    items = _listing(folder, problem)
    if items is None:
        return  # said so; "profiel.toml is missing" would be a guess
    if not any(item.name == "profiel.toml" for item in items):
        problem(
            folder,
            "profiel-ontbreekt",
            "deze map mist een `profiel.toml` (met `naam` en `soort`); maak het aan of haal de "
            "map weg",
        )
    for item in items:
        if _leaves_root(root, item):
            problem(item, "bestand-buiten", _OUTSIDE)
        elif item.name == "profiel.toml":
            sources.append(Source(item, display_path(root, item), PROFILE, slug, "profiel"))
        elif item.suffix == ".toml" and item.is_dir() and not item.is_symlink():
            problem(item, "bestand-lezen", FOLDER_NAMED_TOML)
        elif item.is_dir() and not item.is_symlink():
            kind = BY_FOLDER.get(item.name)
            for entry in _walk_toml(item, kind, slug, display_path(root, item), sources):
                if isinstance(entry, _Unreadable):
                    problem(entry.path, "bestand-lezen", _unreadable_folder(entry.error))
                elif _leaves_root(root, entry):
                    problem(entry, "bestand-buiten", _OUTSIDE)
                elif entry.is_dir():
                    problem(entry, "bestand-lezen", FOLDER_NAMED_TOML)
                elif kind is None:
                    known = ", ".join(sorted(BY_FOLDER))
                    problem(
                        entry,
                        "bestand-onbekend",
                        f"onbekende plek voor een TOML-bestand; bekende mappen: {known}",
                    )
                elif entry.parent != item:
                    problem(
                        entry,
                        "bestand-onbekend",
                        f"submappen worden niet gelezen; zet het bestand direct in `{item.name}/`",
                    )
                elif _name_ok(kind, entry.stem, problem, entry):
                    sources.append(Source(entry, display_path(root, entry), kind, slug, entry.stem))
        elif item.suffix == ".toml":
            problem(item, "bestand-onbekend", "onbekend bestand; alleen `profiel.toml` hoort hier")


def _name_ok(kind: Kind, stem: str, problem: Problem, path: Path) -> bool:
    if kind.dated:
        if DATED_RE.fullmatch(stem):
            return True
        form, example = "JJJJ-MM-DD-<slug>.toml", "2026-03-14-huisbezoek.toml"
    else:
        if is_slug(stem):
            return True
        form, example = "<slug>.toml", "omgaan-met-agressie.toml"
    problem(
        path,
        "bestand-naam",
        f"ongeldige bestandsnaam: {kind.label} heten {form} met kleine letters, cijfers en "
        f"streepjes, bijvoorbeeld `{example}`",
    )
    return False


@dataclass(frozen=True, slots=True)
class _Unreadable:
    """A folder that exists but cannot be listed."""

    path: Path
    error: OSError


def _unreadable_folder(error: OSError) -> str:
    if isinstance(error, PermissionError):
        why = "geen toegang; controleer de rechten van de map (bijvoorbeeld `chmod u+rx`)"
    else:
        why = f"{error.strerror or error}"
    return f"kan de map niet lezen: {why}; wat erin staat is niet gecontroleerd"


def _listing(folder: Path, problem: Problem) -> list[Path] | None:
    """The visible entries of `folder`; a folder that is missing is empty, a folder that
    cannot be read is a problem and None (not silently empty: its files would go unchecked)."""
    try:
        with os.scandir(folder) as it:
            return sorted(Path(e.path) for e in it if not e.name.startswith("."))
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as e:
        problem(folder, "bestand-lezen", _unreadable_folder(e))
        return None


def _walk_toml(
    folder: Path,
    kind: Kind | None = None,
    slug: str = "",
    display: str = "",
    sources: list[Source] | None = None,
) -> list[Path | _Unreadable]:
    """TOML files below `folder` that need a closer look.

    With `sources`, the common case (a regular file with a well-formed name directly in a
    kind's folder) is added straight away, without building and probing a `Path` per file:
    a large repository has tens of thousands of them.
    """
    found: list[Path | _Unreadable] = []
    try:
        with os.scandir(folder) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return found
    except OSError as e:
        return [_Unreadable(folder, e)]
    pattern = (DATED_RE if kind.dated else SLUG_RE) if kind is not None else None
    for entry in entries:
        name = entry.name
        if entry.is_symlink():
            if name.endswith(".toml"):
                found.append(Path(entry.path))
        elif entry.is_dir(follow_symlinks=False) and name.endswith(".toml"):
            found.append(Path(entry.path))  # a folder named like a file: said so, not walked
        elif entry.is_dir(follow_symlinks=False):
            found.extend(_walk_toml(Path(entry.path)))
        elif name.endswith(".toml"):
            stem = name[:-5]
            if sources is not None and pattern is not None and pattern.fullmatch(stem):
                assert kind is not None
                sources.append(Source(Path(entry.path), f"{display}/{name}", kind, slug, stem))
            else:
                found.append(Path(entry.path))
    return found


def _leaves_root(root: Path, path: Path) -> bool:
    if not path.is_symlink():
        return False
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return True
    return False
