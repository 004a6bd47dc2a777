"""A file saved with a UTF-8 byte order mark (as some Windows editors do)."""

target = ROOT / "profielen/eva-de-wit/feedback/2026-02-15-collega.toml"  # noqa: F821
text = 'datum = 2026-02-15\nvan = "collega"\nsamenvatting = "Een reëel gesprek."\n'
target.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
