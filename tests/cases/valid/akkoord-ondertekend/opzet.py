"""A lead's approval in a commit signed with her key, trusted on first use: it holds."""

from tests import signing

root = ROOT  # noqa: F821
noor = signing.basis_with_lead(root)
signing.approve(root, "eva-de-wit", signing.STUK, "Noor Bakker")
signing.commit(root, "akkoord", noor)
