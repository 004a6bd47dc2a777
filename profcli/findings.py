"""Findings: one problem at one place, and the result of a whole run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One problem, pointing at a file, line and column (1-based)."""

    path: str
    line: int
    column: int
    rule: str
    message: str
    severity: Severity = "fout"

    def text(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"
        )


@dataclass(slots=True)
class Result:
    """Everything one validation run found; it never stops at the first failure."""

    files_checked: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "fout")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "waarschuwing")

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def sorted(self) -> list[Finding]:
        return sorted(set(self.findings))

    def select(self, files: Sequence[str], selected: Sequence[str]) -> Result:
        """Only what concerns the selected paths (repository-relative files or folders)."""
        if not selected:
            return self
        return Result(
            sum(1 for f in files if _under(f, selected)),
            [f for f in self.findings if _under(f.path, selected)],
        )


def _under(path: str, selected: Sequence[str]) -> bool:
    return any(
        s in ("", ".") or path == s or path.startswith(s.rstrip("/") + "/") for s in selected
    )
