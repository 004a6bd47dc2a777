"""`prof init`: the files of a new team repository, and refreshing its copy of the schemas.

The text files live beside this module in `files/`; the team profile and the editor
configuration are generated from the kinds table so that they follow new kinds.
"""

from __future__ import annotations

import json
from pathlib import Path

from profcli import __version__, resources
from profcli.errors import WriteRefused
from profcli.repository import writing
from profcli.repository.discovery import FRAMEWORKS_DIR, PROFILES_DIR
from profcli.repository.frameworks import builtin
from profcli.repository.kinds import FRAMEWORK, KINDS, PROFILE, TEAM
from profcli.repository.writing import replace

_FILES = Path(__file__).resolve().parent / "files"
_STATIC = {
    "mkdocs.yml": "mkdocs.yml",
    "site/over.md": "over.md",
    ".gitignore": "gitignore",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".github/workflows/prof.yml": "github/prof.yml",
    ".gitlab-ci.yml": "gitlab-ci.yml",
}


def files(
    team_name: str, team_slug: str, requirement: str = f"profcli=={__version__}"
) -> dict[str, str]:
    """Every file `prof init` writes, by repository-relative path (schemas excluded).
    `requirement` is what the CI templates give to `pip install` (see scaffold.source)."""
    out: dict[str, str] = {}
    for target, source in _STATIC.items():
        text = (_FILES / source).read_text(encoding="utf-8")
        name = json.dumps(team_name, ensure_ascii=False) if target == "mkdocs.yml" else team_name
        text = text.replace("@@TEAM_NAAM@@", name).replace("@@VERSIE@@", __version__)
        out[target] = text.replace("@@BRON@@", requirement.replace('"', ""))
    out[".taplo.toml"] = taplo()
    out[f"{PROFILES_DIR}/{team_slug}/profiel.toml"] = team_profile(team_name)
    return out


def schema_files() -> dict[str, bytes]:
    return {
        f"schemas/{p.name}": p.read_bytes()
        for p in sorted(resources.schemas_dir().glob("*.schema.json"))
    }


def team_profile(name: str) -> str:
    data = {
        "naam": name,
        "soort": TEAM.value,
        "kaders": [f.id for f in builtin()],
    }
    header = "\n".join(
        [
            "#:schema ../../schemas/profiel.schema.json",
            "# Het teamprofiel. De regels voor herregistratie komen uit de registers zelf",
            "# (zie `prof status`); wijken die van jullie reglement af, zet dan een eigen",
            "# registers/<id>.toml in deze repository.",
            "# In git legt prof elk bestand dat het schrijft meteen vast; legt het team liever",
            "# zelf vast, zet dan `git_vastleggen = false` in dit bestand.",
        ]
    )
    synonyms = "\n".join(
        [
            "",
            "# Woorden die collega's door elkaar gebruiken, zet 'wie weet wat' onder één",
            "# onderwerp. Haal de # weg en vul aan:",
            "# [synoniemen]",
            '# schuldhulp = ["schulden", "schuldhulpverlening"]',
        ]
    )
    return writing.render(data, header=header) + synonyms + "\n"


def taplo() -> str:
    """Editor support: each folder of a portfolio gets its own schema (taplo, Even Better TOML)."""
    lines = [
        "# Koppelt elke map aan zijn schema, zodat editors met taplo (zoals VS Code met",
        "# Even Better TOML) aanvullen en controleren. Gemaakt door `prof init`.",
    ]
    globs = [(PROFILE, f"{PROFILES_DIR}/*/profiel.toml")]
    globs += [(k, f"{PROFILES_DIR}/*/{k.folder}/*.toml") for k in KINDS if k is not PROFILE]
    globs.append((FRAMEWORK, f"{FRAMEWORKS_DIR}/*.toml"))
    for kind, glob in globs:
        lines += [
            "",
            "[[rule]]",
            f'name = "{kind.name}"',
            f'include = ["{glob}"]',
            "",
            "[rule.schema]",
            f'path = "schemas/{kind.schema_file}"',
        ]
    return "\n".join(lines) + "\n"


def conflicts(root: Path, planned: dict[str, str]) -> list[str]:
    return sorted(p for p in planned if (root / p).exists() or (root / p).is_symlink())


def write_files(root: Path, planned: dict[str, str | bytes], *, force: bool) -> list[str]:
    """Write every planned file; without `force`, an existing file stops everything first."""
    existing = conflicts(root, {k: "" for k in planned})
    if existing and not force:
        raise WriteRefused("bestaat al: " + ", ".join(existing))
    for relative, content in planned.items():
        replace(root / relative, content)
    return sorted(planned)


def refresh_schemas(root: Path) -> list[str]:
    """Rewrite `schemas/` from the installed package; returns the files that changed."""
    changed = []
    for relative, content in schema_files().items():
        path = root / relative
        if not path.is_file() or path.read_bytes() != content:
            replace(path, content)
            changed.append(relative)
    return changed
