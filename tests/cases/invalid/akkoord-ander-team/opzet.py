"""Signed by the trusted lead of another team: she is not Eva's lead."""

from tests import signing

root = ROOT  # noqa: F821
signing.basis_with_lead(root)
ilse, line = signing.key(root.parent / "sleutels", "ilse")
signing.lead(root, "team-noord", "Ilse Jansen", line)
signing.commit(root, "team Noord en zijn leidinggevende")
signing.approve(root, "eva-de-wit", signing.STUK, "Ilse Jansen")
signing.commit(root, "akkoord", ilse)
