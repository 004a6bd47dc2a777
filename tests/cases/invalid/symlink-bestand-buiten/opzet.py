"""A reflection that is a symbolic link to a file outside the repository."""

import os

os.symlink("/etc/passwd", ROOT / "profielen/eva-de-wit/reflecties/2026-03-01-wachtwoorden.toml")  # noqa: F821
