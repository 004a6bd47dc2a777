"""Evidence that looks inside the repository but is a symbolic link to /etc/passwd."""

import os

os.symlink("/etc/passwd", ROOT / "bewijs/certificaat.txt")  # noqa: F821
