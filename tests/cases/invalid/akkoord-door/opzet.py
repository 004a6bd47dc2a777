"""Signed by Noor, while `door` names the other lead."""

from tests import signing

root = ROOT  # noqa: F821
noor = signing.basis_with_lead(root)
profile = root / "profielen/team-zuid/profiel.toml"
profile.write_text(
    profile.read_text(encoding="utf-8") + '\n[[leidinggevenden]]\nnaam = "Sanne Visser"\n',
    encoding="utf-8",
)
signing.commit(root, "tweede leidinggevende", noor)
signing.approve(root, "eva-de-wit", signing.STUK, "Sanne Visser")
signing.commit(root, "akkoord", noor)
