"""A fresh team repository made with `prof init` and `prof new`, for the authoring tests."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from profcli.cli import main

TEAM = "wijkteam-noord"
WORKER = "eva-van-den-berg"


def prof(
    root: Path | None, *args: str, input: str | None = None, env: dict[str, str] | None = None
) -> Result:
    prefix = ["--repo", str(root)] if root is not None else []
    return CliRunner().invoke(main, [*prefix, *args], input=input, env=env, catch_exceptions=False)


def make_repo(tmp_path: Path) -> Path:
    root = tmp_path / "team"
    made = prof(None, "init", str(root), "--team", "Wijkteam Noord")
    assert made.exit_code == 0, made.output
    added = prof(
        root,
        "new",
        "Éva van den Berg",
        "--register",
        "registerplein",
        "--cyclus-start",
        "2024-01-01",
    )
    assert added.exit_code == 0, added.output
    return root


def entries(root: Path, profile: str, folder: str) -> list[str]:
    path = root / "profielen" / profile / folder
    return sorted(p.name for p in path.iterdir()) if path.is_dir() else []
