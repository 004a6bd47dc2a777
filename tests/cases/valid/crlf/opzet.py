"""A file with Windows line endings (CRLF), also inside a multi-line string."""

target = ROOT / "profielen/eva-de-wit/reflecties/2026-02-10-huisbezoek.toml"  # noqa: F821
lines = [
    "#:schema ../../../schemas/reflectie.schema.json",
    'titel = "Een huisbezoek"',
    "datum = 2026-02-10",
    'methode = "vrij"',
    "",
    "[vrij]",
    'tekst = """',
    "Eerste regel.",
    "Tweede regel.",
    '"""',
]
target.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
