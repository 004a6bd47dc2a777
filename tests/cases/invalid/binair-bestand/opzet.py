"""A binary file (a picture saved under a .toml name): bytes with NUL in them."""

target = ROOT / "profielen/eva-de-wit/feedback/2026-02-15-collega.toml"  # noqa: F821
target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
