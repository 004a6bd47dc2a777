"""Exceptions of the core; the CLI and the MkDocs plugin translate them at the edge."""

from __future__ import annotations


class ProfError(Exception):
    """Base of every error profcli raises on purpose."""


class RepositoryNotFound(ProfError):
    """No team repository (a folder with `profielen/`) was found."""


class InvalidContent(ProfError):
    """The repository or an entry does not validate."""


class WriteRefused(ProfError):
    """A write would overwrite something or leave the repository."""
