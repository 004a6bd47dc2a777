"""Helpers for the publishing tests: a tmp copy of the example team with its site config."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CANARY = "kanarie-x7q9z"
DASHBOARD_SECTIONS = (
    "Leerdoelen per status",
    "Deadlines",
    "Aandacht nodig",
    "Zelftoetsen",
    "Recente bijeenkomsten",
    "Maatschappelijke signalen",
)
"""What a supervisor looks for on a team dashboard."""


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


def add_prive_canaries(root: Path) -> None:
    """Private entries of every visible kind, and a private worker, each holding CANARY
    (and 7.25 hours, a figure that appears nowhere else)."""
    worker, team = first_worker(root), team_slug(root)
    write(
        root,
        f"profielen/{worker}/reflecties/2026-01-05-{CANARY}.toml",
        f'''
titel = "Geheim {CANARY}"
datum = 2026-01-05
methode = "vrij"
zichtbaarheid = "prive"
tags = ["{CANARY}"]
[vrij]
tekst = "Tekst {CANARY}"
''',
    )
    write(
        root,
        f"profielen/{worker}/leerdoelen/{CANARY}.toml",
        f"""
titel = "Doel {CANARY}"
status = "bezig"
deadline = 2026-12-01
zichtbaarheid = "prive"
""",
    )
    write(  # issue 23: a private conversation, its agreement, and feedback on it
        root,
        f"profielen/{worker}/gesprekken/2026-01-07-{CANARY}.toml",
        f"""
datum = 2026-01-07
soort = "periodiek"
titel = "Gesprek {CANARY}"
verslag = "Verslag {CANARY}"
zichtbaarheid = "prive"
[[afspraken]]
wat = "Afspraak {CANARY}"
deadline = 2026-02-01
""",
    )
    write(
        root,
        f"profielen/{worker}/feedback/2026-01-08-{CANARY}.toml",
        f"""
datum = 2026-01-08
van = "leidinggevende"
samenvatting = "Feedback {CANARY}"
op = "2026-01-07-{CANARY}"
zichtbaarheid = "prive"
""",
    )
    write(
        root,
        f"profielen/{worker}/activiteiten/2026-01-06-{CANARY}.toml",
        f"""
titel = "Cursus {CANARY}"
datum = 2026-01-06
vorm = "cursus"
uren = 7.25
zichtbaarheid = "prive"
""",
    )
    write(
        root,
        f"profielen/{team}/kennis/{CANARY}.toml",
        f"""
titel = "Kennis {CANARY}"
inhoud = "Inhoud {CANARY}"
zichtbaarheid = "prive"
""",
    )
    write(
        root,
        "profielen/verborgen-werker/profiel.toml",
        f'''
naam = "Verborgen {CANARY}"
soort = "werker"
team = "{team}"
zichtbaarheid = "prive"
''',
    )


def zensical_missing() -> str:
    """Why Zensical cannot be used here ("" when it can)."""
    try:
        from profcli.publish.engine import zensical_version

        zensical_version()
    except Exception as e:  # EngineUnavailable: missing or too old
        return str(e)
    return ""


def engine_params() -> list[object]:
    """`mkdocs` and `zensical` for tests that must hold on every engine's output. Without
    Zensical the second skips, unless PROF_REQUIRE_BROWSER=1 (CI), where it fails."""
    import os

    import pytest

    reason = zensical_missing()
    if reason and os.environ.get("PROF_REQUIRE_BROWSER") != "1":
        zensical = pytest.param("zensical", marks=pytest.mark.skip(reason=reason))
    else:
        zensical = pytest.param("zensical")
    return ["mkdocs", zensical]


ENGINES = engine_params()
"""Parametrise with `@pytest.mark.parametrize("engine", ENGINES)`."""
