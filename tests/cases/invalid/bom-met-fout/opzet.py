"""A byte order mark must not shift the column of a problem on the first line."""

target = ROOT / "profielen/eva-de-wit/feedback/2026-02-15-collega.toml"  # noqa: F821
text = 'van = "buurman"\ndatum = 2026-02-15\nsamenvatting = "Een reëel gesprek."\n'
target.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
