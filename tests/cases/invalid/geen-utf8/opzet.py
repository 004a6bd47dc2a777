"""A file saved as Latin-1 (Windows-1252) instead of UTF-8: the 'e' with diaeresis breaks it."""

target = ROOT / "profielen/eva-de-wit/feedback/2026-02-15-collega.toml"  # noqa: F821
target.write_bytes(b'datum = 2026-02-15\nvan = "collega"\nsamenvatting = "Een re\xebel gesprek."\n')
