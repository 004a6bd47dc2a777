"""Building with Zensical: the site source in a folder (`publish.folder`), then `zensical
build` on it in a process of its own.

Zensical reads mkdocs.yml but runs no MkDocs plugin, so it gets everything the plugin would
add already written out. Its own process keeps its cache (`.cache/`) inside the temporary
source folder and its Rust runtime out of ours.
"""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

from profcli.errors import EngineUnavailable, SiteError

MKDOCS, ZENSICAL = "mkdocs", "zensical"
ENGINES = (MKDOCS, ZENSICAL)
"""`prof build --engine`: MkDocs with Material (the default) or Zensical."""

ZENSICAL_TESTED = "0.0.73"
"""The newest Zensical that installs from the package index here (0.0.74 and 0.1.x need
`zensical-ui`, which it does not have); the browser tests run against it."""
ZENSICAL_MINIMUM = (0, 0, 73)


def _numbers(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", version)[:3])


def zensical_version() -> str:
    """The installed Zensical, or a Dutch refusal (exit 2) when it is missing or too old."""
    try:
        version = importlib.metadata.version("zensical")
    except importlib.metadata.PackageNotFoundError as e:
        raise EngineUnavailable(
            "Zensical is niet geïnstalleerd. Installeer het met "
            "`python3 -m pip install 'profcli[zensical]'`, of bouw zonder `--engine zensical` "
            "(met MkDocs)."
        ) from e
    if _numbers(version) < ZENSICAL_MINIMUM:
        raise EngineUnavailable(
            f"Zensical {version} is te oud voor profcli; nodig is {ZENSICAL_TESTED} of nieuwer "
            "(`python3 -m pip install --upgrade 'profcli[zensical]'`)."
        )
    return version


def zensical_build(config: Path, *, strict: bool) -> None:
    """`zensical build` on the folder that holds `config`; its messages only when it fails."""
    command = [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config)]
    if strict:
        command.append("--strict")
    try:
        done = subprocess.run(
            command, cwd=config.parent, capture_output=True, text=True, check=False, timeout=3600
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise SiteError(f"Zensical kon niet starten: {e}") from e
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()[-15:]
        raise SiteError(
            f"Zensical heeft de site niet gebouwd (exitcode {done.returncode}):\n" + "\n".join(said)
        )
