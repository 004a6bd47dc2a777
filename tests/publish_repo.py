"""Helpers for the publishing tests: a tmp copy of the example team with its site config."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CANARY = "kanarie-x7q9z"


def site_copy(target: Path) -> Path:
    """Copy of the example team plus `mkdocs.yml` and `site/`, so it builds on its own."""
    root = target / "team"
    root.mkdir(parents=True)
    for name in ("profielen", "bewijs", "schemas", "kaders", "site"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, root / name, symlinks=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def write(root: Path, relative: str, content: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def first_worker(root: Path) -> str:
    for profile in sorted((root / "profielen").glob("*/profiel.toml")):
        if 'soort = "werker"' in profile.read_text(encoding="utf-8"):
            return profile.parent.name
    raise AssertionError("het voorbeeldteam heeft geen werker")


def team_slug(root: Path) -> str:
    for profile in sorted((root / "profielen").glob("*/profiel.toml")):
        if 'soort = "team"' in profile.read_text(encoding="utf-8"):
            return profile.parent.name
    raise AssertionError("het voorbeeldteam heeft geen team")
