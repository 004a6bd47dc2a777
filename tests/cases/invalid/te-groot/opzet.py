"""A 2 MiB file: too large to be a portfolio entry (and too large to commit as a case)."""

target = ROOT / "profielen/eva-de-wit/feedback/2026-02-15-collega.toml"  # noqa: F821
line = 'samenvatting = "' + "x" * 1000 + '"\n'
repeat = 2 * 1024 * 1024 // len(line) + 1
target.write_text("datum = 2026-02-15\n" + line * repeat, encoding="utf-8")
