"""The wheel carries what the installed tool reads: schemas (from the one copy in schemas/),
frameworks, site assets and the `prof init` templates."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_contents(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("profcli-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    schemas = {f"profcli/schemas/{p.name}" for p in (REPO / "schemas").glob("*.schema.json")}
    assert len(schemas) == 12 and schemas <= names
    frameworks = {
        f"profcli/repository/frameworks/data/{p.name}"
        for p in (REPO / "profcli/repository/frameworks/data").glob("*")
    }
    assert len(frameworks) == 3 and frameworks <= names
    registers = {
        f"profcli/repository/registers/data/{p.name}"
        for p in (REPO / "profcli/repository/registers/data").glob("*")
    }
    assert len(registers) == 5 and registers <= names
    # the names check's word lists (issue 22): read from the package, never written there
    lists = {
        f"profcli/validation/data/{p.name}"
        for p in (REPO / "profcli/validation/data").glob("*.txt")
    }
    assert len(lists) == 4 and lists <= names
    assert {
        "profcli/publish/assets/profcli.css",
        "profcli/publish/theme/partials/copyright.html",
        "profcli/publish/theme/404.html",
        "profcli/publish/handleiding.md",
        "profcli/authoring/scaffold/files/mkdocs.yml",
    } <= names
    assert not any(n.startswith(("tests/", "profielen/", "benchmarks/")) for n in names)
