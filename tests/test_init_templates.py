"""The CI templates of `prof init`, run as a new team's first pipeline would run them.

The install command is taken out of each generated template and run in a fresh virtual
environment against a local source (this checkout); then the GitLab jobs' scripts and the
GitHub steps run in the new repository with that environment's `prof`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from tests.authoring_repo import prof

REPO = Path(__file__).resolve().parent.parent
INSTALL = re.compile(r'pip install "([^"]+)"')


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init") / "wijkteam-noord"
    made = prof(None, "init", str(root), "--team", "Wijkteam Noord", "--bron", str(REPO))
    assert made.exit_code == 0, made.output
    assert "bestaat alleen op deze computer" in made.output  # a local folder is not portable
    added = prof(root, "new", "Anna de Vries", "--register", "skj", "--cyclus-start", "2025-01-01")
    assert added.exit_code == 0, added.output
    return root


def _commands(root: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for name in (".gitlab-ci.yml", ".github/workflows/prof.yml"):
        found[name] = set(INSTALL.findall((root / name).read_text(encoding="utf-8")))
    return found


def test_templates_install_from_the_given_source_and_never_from_the_index(team: Path) -> None:
    commands = _commands(team)
    expected = f"profcli @ {REPO.as_uri()}"
    assert commands == {".gitlab-ci.yml": {expected}, ".github/workflows/prof.yml": {expected}}
    for name in (".gitlab-ci.yml", ".github/workflows/prof.yml"):
        assert "profcli==" not in (team / name).read_text(encoding="utf-8")


def test_templates_work_whatever_the_default_branch_is_called(team: Path) -> None:
    gitlab = yaml.safe_load((team / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "rules" not in gitlab["validate"]  # every push and merge request
    github = (team / ".github/workflows/prof.yml").read_text(encoding="utf-8")
    assert "branches: [main]" not in github and "default_branch" in github
    hooks = yaml.safe_load((team / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = hooks["repos"][0]["hooks"]
    assert hooks["repos"][0]["repo"] == "local" and hook["always_run"] is True
    gitignore = (team / ".gitignore").read_text(encoding="utf-8")
    assert ".prof-cache/" in gitignore and "dossiers/" in gitignore


@pytest.mark.skipif(sys.platform != "linux", reason="runs the pipeline's shell lines")
def test_first_pipeline_runs_green_from_the_template(team: Path, tmp_path: Path) -> None:
    """Install exactly as the templates say, in a new environment, then run the jobs."""
    [requirement] = _commands(team)[".gitlab-ci.yml"]
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            requirement,
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    env = {**os.environ, "PATH": f"{env_dir / 'bin'}:{os.environ['PATH']}"}
    gitlab = yaml.safe_load((team / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    for job in ("validate", "teamsite", "pages"):
        for line in gitlab[job]["script"]:
            done = subprocess.run(
                ["bash", "-c", line],
                cwd=team,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert done.returncode == 0, (job, line, done.stdout[-2000:], done.stderr[-2000:])
    assert (team / "prof-rapport.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert (team / "teamsite" / "index.html").is_file()
    assert (team / "public" / "index.html").is_file()
