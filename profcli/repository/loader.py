"""Loading a team repository: the one way to get a `Repository`.

`load(root)` reads every portfolio and framework file, parses it and checks it against its
schema, and returns the model together with everything that could not be loaded (file, line,
why). It runs no cross-file rule and no privacy scan: `prof status`, `prof export`, shell
completion and `prof add` need the portfolios, not a verdict. Validation
(`profcli.validation`) is the rules run over this result.

A file that could not be read or parsed has no entry at all; an entry that breaks its schema
is kept with `valid=False`, so that totals and pages can leave it out *and say so*.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from profcli.findings import Finding
from profcli.repository import schema
from profcli.repository.discovery import (
    PROFILES_DIR,
    Source,
    discover,
    discover_profiles,
    discover_scope,
)
from profcli.repository.frameworks import Catalog, Framework, builtin, extended, from_data
from profcli.repository.kinds import BY_FOLDER, FRAMEWORK, REGISTER
from profcli.repository.loading import Document
from profcli.repository.loading import load as load_document
from profcli.repository.model import Entry, Portfolio, Repository
from profcli.repository.registers import Register, Registers
from profcli.repository.registers import builtin as registers_builtin
from profcli.repository.registers import from_data as register_from_data
from profcli.repository.registers import problems as register_problems


@dataclass(slots=True)
class Loaded:
    """A loaded repository and what kept parts of it out."""

    repository: Repository
    problems: list[Finding]
    """Layout, read, TOML and schema problems, and frameworks that could not be added."""
    files: list[str]
    """Every file looked at (display paths), for the summary and for `--format junit`."""
    documents: list[tuple[Document, str]] = field(default_factory=list)
    """Every parsed file with the slug of its portfolio (empty for frameworks)."""

    @property
    def complete(self) -> bool:
        return not any(p.severity == "fout" for p in self.problems)

    def problems_for(self, *slugs: str) -> list[Finding]:
        """Errors in the named portfolios, in frameworks, or outside any portfolio: what can
        make the totals of those portfolios wrong."""
        prefixes = tuple(f"{PROFILES_DIR}/{slug}/" for slug in slugs)
        return sorted(
            p
            for p in self.problems
            if p.severity == "fout"
            and (p.path.startswith(prefixes) or not p.path.startswith(f"{PROFILES_DIR}/"))
        )


def load(
    root: Path, *, candidate: tuple[Source, str] | None = None, replaces: Path | None = None
) -> Loaded:
    """Load everything under `root`.

    `candidate` is a file that is not written yet and its text: loaded as if it stood in the
    repository (replacing the file at its path, if any, and the file `replaces`: an entry that
    `prof edit` renames), so that `prof add` and `prof edit` can check an entry in its context
    before anything is written."""
    sources, problems = discover(root)
    texts: dict[Path, str] = {}
    if candidate is not None:
        source, text = candidate
        sources = [s for s in sources if s.path not in (source.path, replaces)] + [source]
        problems = [p for p in problems if p.path != source.display]
        texts[source.path] = text
    return _load(root, sources, problems, texts)


def load_scope(root: Path, slugs: Iterable[str]) -> Loaded:
    """The named portfolios in full, every other portfolio's profile, frameworks and
    registers (`discovery.discover_scope`): what an incremental `prof validate` reads."""
    sources, problems = discover_scope(root, slugs)
    return _load(root, sources, problems, {})


def load_profiles(root: Path) -> Repository:
    """The portfolios with their profiles only: enough for what the team profile settles
    (`Repository.today`) where a command needs the day before it loads everything (`prof
    edit --zet`, `prof done`). For 250 workers 0.03 s, against 1 to 1.5 s for a full load."""
    return _load(root, discover_profiles(root), [], {}).repository


def _load(
    root: Path, sources: list[Source], problems: list[Finding], texts: dict[Path, str]
) -> Loaded:
    portfolios: dict[str, Portfolio] = {}
    frameworks: list[Framework] = list(builtin())
    registers: list[Register] = list(registers_builtin())
    documents: list[tuple[Document, str]] = []
    unreadable = _unreadable_folders(problems)
    for source in sources:
        # Path hashing costs ~10 µs a file: only look up when a candidate stands in.
        doc = load_document(source.path, source.display, texts.get(source.path) if texts else None)
        if isinstance(doc, Finding):
            problems.append(doc)
            unreadable[(source.profile, source.kind.name, source.stem)] = source.display
            continue
        checked = schema.check(doc, source.kind.name)
        problems.extend(checked.findings)
        documents.append((doc, source.profile))
        valid = not checked.findings
        if source.kind is FRAMEWORK:
            if valid:
                problems.extend(_add_framework(frameworks, source, doc))
            continue
        if source.kind is REGISTER:
            if valid:
                problems.extend(_add_register(registers, source, doc))
            continue
        portfolio = portfolios.get(source.profile)
        if portfolio is None:
            portfolio = Portfolio(source.profile, root / PROFILES_DIR / source.profile)
            portfolios[source.profile] = portfolio
        portfolio.add(
            Entry(source.kind, source.profile, source.stem, doc, valid, checked.invalid_keys)
        )
    repo = Repository(
        root, portfolios, Catalog(frameworks), Registers(registers), unreadable=unreadable
    )
    return Loaded(repo, problems, [s.display for s in sources], documents)


def _unreadable_folders(problems: list[Finding]) -> dict[tuple[str, str, str], str]:
    """Portfolio and kind folders that could not be listed, as keys of `unreadable`."""
    found: dict[tuple[str, str, str], str] = {}
    for problem in problems:
        parts = problem.path.split("/")
        if (
            problem.rule != "bestand-lezen"
            or parts[0] != PROFILES_DIR
            or problem.path.endswith(".toml")
        ):
            continue
        if len(parts) == 2:
            found[(parts[1], "*", "*")] = problem.path
        elif len(parts) == 3 and parts[2] in BY_FOLDER:
            found[(parts[1], BY_FOLDER[parts[2]].name, "*")] = problem.path
    return found


def _add_framework(frameworks: list[Framework], source: Source, doc: Document) -> Iterator[Finding]:
    framework = from_data(doc.data, builtin=False)
    if framework.id != source.stem:
        yield doc.finding(
            ("id",),
            "bestand-naam",
            f"id `{framework.id}` verschilt van de "
            f"bestandsnaam `{source.stem}.toml`; maak ze gelijk",
        )
    elif any(f.id == framework.id and f.builtin for f in frameworks):
        yield from _extend_framework(frameworks, framework, doc)
    elif any(f.id == framework.id for f in frameworks):
        yield doc.finding(
            ("id",),
            "uniek-kader",
            f"er bestaat al een kader met id `{framework.id}`; kies een eigen id en bestandsnaam",
        )
    else:
        known = {i.id for f in frameworks for i in f.items}
        for index, item in enumerate(framework.items):
            if item.id in known:
                yield doc.finding(
                    ("items", index, "id"),
                    "uniek-kader",
                    f"onderdeel `{item.id}` bestaat al in een ander kader; kies een eigen id",
                )
        frameworks.append(framework)


def _extend_framework(
    frameworks: list[Framework], extra: Framework, doc: Document
) -> Iterator[Finding]:
    """A team completes a shipped framework with its own items (same id, more items)."""
    index = next(i for i, f in enumerate(frameworks) if f.id == extra.id)
    shipped = frameworks[index]
    own = {i.id for i in shipped.items}
    elsewhere = {i.id for f in frameworks if f is not shipped for i in f.items}
    clash = False
    for position, item in enumerate(extra.items):
        if item.id in own or item.id in elsewhere:
            where = "het meegeleverde kader" if item.id in own else "een ander kader"
            yield doc.finding(
                ("items", position, "id"),
                "uniek-kader",
                f"onderdeel `{item.id}` bestaat al in {where}; een eigen bestand met het id "
                f"`{extra.id}` vult alleen aan met nieuwe onderdelen",
            )
            clash = True
    if not clash:
        frameworks[index] = extended(shipped, doc.data)


def _add_register(registers: list[Register], source: Source, doc: Document) -> Iterator[Finding]:
    """A team's register file: added, or replacing the shipped one with the same id."""
    found = [
        doc.finding(path, "register", message) for path, message in register_problems(doc.data)
    ]
    if doc.data.get("id") != source.stem:
        found.append(
            doc.finding(
                ("id",),
                "bestand-naam",
                f"id `{doc.data.get('id')}` verschilt van de bestandsnaam `{source.stem}.toml`; "
                "maak ze gelijk",
            )
        )
    yield from found
    if not found:
        registers.append(register_from_data(doc.data, builtin=False))
