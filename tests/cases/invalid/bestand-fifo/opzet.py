"""A named pipe under an entry's name (git cannot hold one): read without blocking, and named."""

import os

os.mkfifo(ROOT / "profielen/eva-de-wit/reflecties/2026-03-02-pijp.toml")  # noqa: F821
