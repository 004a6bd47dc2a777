"""Exceptions of the core; the CLI group and the MkDocs plugin translate them at the edge.

Each carries the exit code the CLI gives it (DESIGN.md: 1 content invalid or a write refused,
2 usage). The message is Dutch and says what to do; the CLI prints it as `fout: <message>`.
"""

from __future__ import annotations


class ProfError(Exception):
    """Base of every error profcli raises on purpose."""

    exit_code = 1


class RepositoryNotFound(ProfError):
    """No team repository (a folder with `profielen/`) was found."""

    exit_code = 2


class InvalidContent(ProfError):
    """The repository or an entry does not validate, so the command did not go on."""


class WriteRefused(ProfError):
    """A write would overwrite something or leave the repository."""


class DraftUnreadable(ProfError):
    """A draft named with `--draft` cannot be read or does not say what it is."""

    exit_code = 2


class SiteError(ProfError):
    """MkDocs could not build or serve the site (configuration, plugin, strict warning)."""


class UnknownAudience(ProfError):
    """An audience other than `team` or `publiek` was asked for."""

    exit_code = 2


class NotInGit(ProfError):
    """`prof sync` was asked for in a repository that git does not track."""

    exit_code = 2


class SyncFailed(ProfError):
    """`prof sync` could not fetch or send; the message says what happened and what to do."""


class AddressUnusable(ProfError):
    """`prof serve` cannot listen at the address asked for (busy, impossible, not ours)."""

    exit_code = 2


class AnswerRejected(ProfError):
    """An answer typed at a prompt cannot be used; the prompt says why and asks again."""

    def __init__(self, message: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.suggestion = suggestion
        """The whole answer as it was probably meant (one clear candidate), to offer."""


class EntryNotFound(ProfError):
    """No entry has the id that was asked for (or more than one has it)."""

    exit_code = 2


class BadChange(ProfError):
    """A change cannot be made as asked: a key, a value or an action number is wrong."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        suggestion: str | None = None,
        *,
        typed: str = "",
        assignment: int | None = None,
    ) -> None:
        super().__init__(message)
        self.suggestion = suggestion
        """The word as it was probably meant (one clear candidate), to offer."""
        self.typed = typed
        """The word that was typed instead."""
        self.assignment = assignment
        """Which `--zet` (counted from 0) holds it."""


class EngineUnavailable(ProfError):
    """The site engine asked for (`--engine`) is not installed, or too old to use."""

    exit_code = 2
