"""A team framework that is a symbolic link to a file outside the repository."""

import os

(ROOT / "kaders").mkdir()  # noqa: F821
os.symlink("/etc/hostname", ROOT / "kaders/eigen-kader.toml")  # noqa: F821
