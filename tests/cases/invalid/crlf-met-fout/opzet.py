"""Windows line endings (CRLF) must not shift lines or columns of problems."""

target = ROOT / "profielen/eva-de-wit/reflecties/2026-02-10-huisbezoek.toml"  # noqa: F821
lines = [
    "#:schema ../../../schemas/reflectie.schema.json",
    'titel = "Een huisbezoek"',
    "datum = 2026-02-10",
    'methode = "vrij"',
    'tags = ["Huisbezoek"]',
    "",
    "[vrij]",
    'tekst = """',
    "Eerste regel.",
    "Bel me op 06-12345678.",
    '"""',
]
target.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
