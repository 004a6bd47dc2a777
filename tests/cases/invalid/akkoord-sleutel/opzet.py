"""Signed with a key nobody listed (a colleague's, or one made for the occasion)."""

from tests import signing

root = ROOT  # noqa: F821
signing.basis_with_lead(root)
other, _ = signing.key(root.parent / "sleutels", "iemand")
signing.approve(root, "eva-de-wit", signing.STUK, "Noor Bakker")
signing.commit(root, "akkoord", other)
