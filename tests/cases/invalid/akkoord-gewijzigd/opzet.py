"""The worker changed her reflection after the lead's approval."""

from tests import signing

root = ROOT  # noqa: F821
noor = signing.basis_with_lead(root)
signing.approve(root, "eva-de-wit", signing.STUK, "Noor Bakker")
signing.commit(root, "akkoord", noor)
entry = root / "profielen/eva-de-wit" / f"{signing.STUK}.toml"
text = entry.read_text(encoding="utf-8").replace("even te pauzeren", "een pauze te nemen")
entry.write_text(text, encoding="utf-8")
signing.commit(root, "reflectie aangevuld")
