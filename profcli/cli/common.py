"""What every command shares: finding the repository and turning core errors into exits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from profcli.errors import RepositoryNotFound
from profcli.repository import find_root


@dataclass(slots=True)
class Context:
    repo: str | None

    def root(self, hint: Path | None = None) -> Path:
        """The repository root; a missing repository is a usage error (exit 2)."""
        start = Path(self.repo) if self.repo else (hint or Path.cwd())
        try:
            return find_root(start)
        except RepositoryNotFound as e:
            raise click.UsageError(str(e)) from e
