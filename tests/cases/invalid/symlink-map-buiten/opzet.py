"""A portfolio folder that is a symbolic link to a folder outside the repository."""

import os

os.symlink("/tmp", ROOT / "profielen/tijdelijk")  # noqa: F821
