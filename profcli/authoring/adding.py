"""Adding an entry: where it goes, checking it before it exists, and keeping drafts.

An entry is validated with the same rules as `prof validate`, in a temporary copy of the
repository's TOML files, so that nothing reaches the portfolio unless it is valid. What the
user typed is kept as a draft under `.prof-cache/concepten/` until it is saved.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from profcli.authoring.answers import Choices
from profcli.errors import DraftUnreadable, WriteRefused
from profcli.findings import Finding, Result
from profcli.repository import writing
from profcli.repository.discovery import PROFILES_DIR, Source, display_path
from profcli.repository.frameworks import VALUE_SOORTEN
from profcli.repository.kinds import BY_FOLDER, BY_NAME, FRAMEWORK, LEERDOEL, PROFILE, Kind
from profcli.repository.loader import load
from profcli.repository.model import Portfolio, Repository
from profcli.validation import check as check_loaded
from profcli.words import OPEN_STATUSES

DRAFTS_DIR = ".prof-cache/concepten"
_DRAFT_HEADER = re.compile(
    r"^# concept voor: prof add (?P<kind>[a-z]+) --profiel (?P<profile>[a-z0-9-]+)"
    r"(?: --slug (?P<slug>[a-z0-9-]+))?\s*$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Draft:
    """Text waiting to become an entry, and what it is for."""

    path: Path
    kind: Kind
    profile: str
    slug: str
    text: str


def draft_header(root: Path, kind: Kind, profile: str, slug: str = "") -> list[str]:
    folder = root / DRAFTS_DIR
    line = f"# concept voor: prof add {kind.name} --profiel {profile}" + (
        f" --slug {slug}" if slug else ""
    )
    return [writing.schema_line(folder / "x.toml", schemas_for(root), kind.name), line]


_ASKED = re.compile(r"^# al gevraagd: (?P<names>[a-z_ ]*)$", re.MULTILINE)


def asked_line(names: set[str]) -> str:
    """The draft's note of the fields already asked, so that resuming asks only the rest."""
    return "# al gevraagd: " + " ".join(sorted(names))


def asked_in(text: str) -> set[str] | None:
    """The fields a draft says were asked; None for a draft without that note."""
    found = _ASKED.search(text)
    return set(found["names"].split()) if found else None


def schemas_for(root: Path) -> Path:
    """The repository's own copy of the schemas if it has one (editors read those)."""
    from profcli.resources import schemas_dir

    local = root / "schemas"
    return local if local.is_dir() else schemas_dir()


def save_draft(root: Path, kind: Kind, text: str, path: Path | None = None) -> Path:
    """Keep `text` as a draft (a new file, or `path` rewritten) and return where it is."""
    if path is not None:
        writing.replace(path, text)
        return path
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = root / DRAFTS_DIR
    try:
        return writing.create(folder, f"{stamp}-{kind.name}", text)
    except OSError:
        # The disk is failing us: a plain write is still better than losing the text.
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(1, 100):
            path = folder / f"{stamp}-{kind.name}-nood-{number}.toml"
            with contextlib.suppress(FileExistsError), path.open("x", encoding="utf-8") as handle:
                handle.write(text)
                return path
        raise


def find_draft(given: Path, root: Callable[[], Path]) -> Path:
    """A draft by its path, or by its name in the repository's draft folder."""
    if given.is_file():
        return given
    if given.exists():  # a folder or a pipe: reading could block
        raise DraftUnreadable(f"kan concept {given} niet lezen: het is geen gewoon bestand")
    if given.parent == Path("."):
        folder = root() / DRAFTS_DIR
        for candidate in (folder / given, folder / f"{given}.toml"):
            if candidate.is_file():
                return candidate
    raise DraftUnreadable(f"concept `{given}` bestaat niet; de concepten staan in {DRAFTS_DIR}/")


def read_draft(path: Path) -> Draft:
    if path.exists() and not path.is_file():  # a folder or a pipe: reading could block
        raise DraftUnreadable(f"kan concept {path} niet lezen: het is geen gewoon bestand")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DraftUnreadable(f"kan concept {path} niet lezen ({e})") from e
    match = _DRAFT_HEADER.search(text)
    kind = BY_NAME.get(match["kind"]) if match else None
    if match is None or kind is None or kind in (PROFILE, FRAMEWORK):
        raise DraftUnreadable(
            f"{path} is geen concept van `prof add`: de regel "
            "`# concept voor: prof add SOORT --profiel SLUG` ontbreekt"
        )
    return Draft(path, kind, match["profile"], match["slug"] or "", text)


def parse(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def target(
    root: Path, kind: Kind, profile: str, data: Mapping[str, Any] | None, slug: str, today: dt.date
) -> tuple[Path, str]:
    """Folder and file stem for a new entry: `<slug>` or `YYYY-MM-DD-<slug>`."""
    folder = root / PROFILES_DIR / profile / kind.folder
    inside(root, folder)
    if not slug:
        source = _slug_source(kind, data or {})
        slug = writing.slugify(source) or kind.name
    if not kind.dated:
        return folder, slug
    datum = (data or {}).get("datum")
    day = datum if isinstance(datum, dt.date) else today
    return folder, f"{day.isoformat()}-{slug}"


def _slug_source(kind: Kind, data: Mapping[str, Any]) -> str:
    from profcli.authoring.templates import template

    return template(kind.name).slug_source(data)


def check(
    root: Path,
    path: Path,
    text: str,
    *,
    today: dt.date | None = None,
    replaces: Path | None = None,
) -> Result:
    """Findings for `text` as if it were the file `path` (instead of `replaces`, when an entry
    moves), without touching the repository: one load with the text in place of that file,
    and the rules over it."""
    root = root.resolve()
    target = path if path.is_absolute() else root / path
    relative = target.resolve().relative_to(root)
    parts = relative.parts
    if len(parts) == 3 and parts[0] == PROFILES_DIR and parts[2] == "profiel.toml":
        kind = PROFILE
    else:
        kind = BY_FOLDER[parts[2]]
    display = relative.as_posix()
    source = Source(target, display, kind, parts[1], target.stem)
    result = check_loaded(load(root, candidate=(source, text), replaces=replaces), today).result
    return result.select([display], [display])


def relocate(result: Result, draft: str) -> list[Finding]:
    """The findings, pointing at the draft the user can open (the target does not exist)."""
    return [
        Finding(draft, f.line, f.column, f.rule, f.message, f.severity) for f in result.sorted()
    ]


def entry_text(root: Path, path: Path, kind: Kind, data: Mapping[str, Any]) -> str:
    return writing.render(data, header=writing.schema_line(path, schemas_for(root), kind.name))


def save(
    root: Path, kind: Kind, folder: Path, stem: str, data: Mapping[str, Any], *, rename: bool
) -> Path:
    text = entry_text(root, folder / f"{stem}.toml", kind, data)
    inside(root, folder)
    return writing.create(folder, stem, text, rename=rename)


def inside(root: Path, folder: Path) -> None:
    """A symlinked portfolio or kind folder must not carry a new entry out of the repo."""
    if not folder.resolve().is_relative_to(root.resolve()):
        raise WriteRefused(
            f"{display_path(root.absolute(), folder.absolute())} wijst naar een map buiten de "
            "repository (symbolische koppeling); daar schrijft prof niet"
        )


def known_ids(
    repo: Repository, portfolio: Portfolio | None, field: str, data: Mapping[str, Any] | None = None
) -> list[str]:
    """Ids a field may name, for prompts, templates and shell completion."""
    team = repo.team_of(portfolio) if portfolio else None
    if field in ("leerdoelen", "besproken"):
        return open_goals(portfolio) if portfolio else []
    if field == "op":  # feedback on one of her entries, the newest first
        found = (
            [e for e in portfolio.entries_flat() if e.kind.name != "feedback"] if portfolio else []
        )
        return [
            e.id for e in sorted(found, key=lambda e: (e.datum or dt.date.min, e.id), reverse=True)
        ]
    if field in ("deelnemers", "contactpersonen"):
        workers = repo.workers()
        if team is not None:
            workers = [w for w in workers if repo.team_of(w) is team] or workers
        return [w.slug for w in workers]
    if field == "kader":
        return sorted(repo.catalog.frameworks)
    if field in ("score", "toelichting"):
        framework = repo.catalog.frameworks.get(str((data or {}).get("kader", "")))
        return [i.id for i in framework.items] if framework else []
    soorten = {
        "beroepscode": tuple(VALUE_SOORTEN),
        "competenties": ("competentie",),
        "contexten": ("context",),
    }.get(field)
    if soorten:
        return [i.id for i in repo.catalog.items.values() if i.soort in soorten]
    return []


def choices(
    repo: Repository, portfolio: Portfolio, field: str, data: Mapping[str, Any]
) -> Choices | None:
    """The ids a prompt lists for `field` and the ids it accepts; None: no reference."""
    offered = known_ids(repo, portfolio, field, data)
    if field == "op":
        return Choices(tuple(offered[:12]), frozenset(offered), "stuk")
    if field in ("leerdoelen", "besproken"):
        allowed = list(portfolio.entries.get(LEERDOEL.name, {}))
        what = "leeropdracht" if portfolio.soort == "team" else "leerdoel"
    elif field in ("deelnemers", "contactpersonen"):
        allowed, what = [w.slug for w in repo.workers()], "werker"
    elif field == "kader":
        allowed, what = offered, "kader"
    elif field in ("score", "toelichting"):
        allowed, what = offered, "onderdeel van het kader"
    elif offered:
        allowed = offered
        what = {"competenties": "competentie", "contexten": "context"}.get(
            field, "kernwaarde, artikel of principe"
        )
    else:
        return None
    return Choices(tuple(offered), frozenset(allowed), what)


def privacy_allowed(repo: Repository, portfolio: Portfolio) -> tuple[str, ...]:
    """Contact details the team permits in free text (its own phone number, say)."""
    team = repo.team_of(portfolio)
    profile = team.profile if team is not None else None
    return tuple(profile.ids("privacy_toegestaan")) if profile is not None else ()


def open_goals(portfolio: Portfolio) -> list[str]:
    return [e.id for e in portfolio.of(LEERDOEL) if e.get("status") in OPEN_STATUSES]


def display(root: Path, path: Path) -> str:
    return display_path(root.resolve(), path.resolve())


@dataclass(frozen=True, slots=True)
class Finished:
    """What `finish` did: the entry written, or the draft kept because the text was refused."""

    path: Path | None
    """The entry as written (its name may end in `-2` when the wanted one was taken)."""
    wanted: str
    """The name the entry would have had (`stem`)."""
    draft: Path | None
    """Where the refused text is kept."""
    findings: list[Finding]
    """What the check said (pointing at the draft when refused); warnings when written."""
    errors: int
    readable: bool
    """Whether the text was TOML at all (if not, only an editor can mend it)."""


def finish(
    root: Path,
    kind: Kind,
    profile: str,
    slug: str,
    text: str,
    draft: Path | None,
    data: dict[str, Any] | None,
    day: dt.date,
) -> Finished:
    """The end of every road to a new entry (options, answers, a draft, the editor): check
    `text` in its place in the repository, then write `data` (or `text` parsed) atomically,
    never over an existing entry, or keep the text as a draft. Nothing is printed and nothing
    recorded in git: that is the caller's (`cli/add.py`)."""
    parsed = data if data is not None else parse(text)
    folder, stem = target(root, kind, profile, parsed, slug, day)
    result = check(root, folder / f"{stem}.toml", text, today=day)
    if not result.ok or parsed is None:
        kept = save_draft(root, kind, text, draft)
        found = relocate(result, display(root, kept))
        return Finished(None, stem, kept, found, result.errors, parsed is not None)
    try:
        path = save(root, kind, folder, stem, parsed, rename=not slug)
    except (WriteRefused, OSError) as e:
        kept = save_draft(root, kind, text, draft)
        raise WriteRefused(f"niet opgeslagen: {e}. Je tekst staat in {display(root, kept)}.") from e
    if draft is not None:
        draft.unlink(missing_ok=True)
    return Finished(path, stem, None, result.sorted(), 0, True)
