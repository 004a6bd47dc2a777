"""A goal title of 301 characters (the limit is 300)."""

target = ROOT / "profielen/eva-de-wit/leerdoelen/grenzen-stellen.toml"  # noqa: F821
target.write_text(f'titel = "{"a" * 301}"\nstatus = "bezig"\n', encoding="utf-8")
