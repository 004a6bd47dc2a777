"""The worker lists her own key in her profile and signs an approval of her own work."""

from tests import signing

root = ROOT  # noqa: F821
signing.basis_with_lead(root)
eva, line = signing.key(root.parent / "sleutels", "eva")
profile = root / "profielen/eva-de-wit/profiel.toml"
text = profile.read_text(encoding="utf-8").replace(
    "[registratie]", f'sleutels = ["{line}"]\n\n[registratie]'
)
profile.write_text(text, encoding="utf-8")
signing.commit(root, "mijn sleutel", eva)
signing.approve(root, "eva-de-wit", signing.STUK, "Noor Bakker")
signing.commit(root, "akkoord", eva)
