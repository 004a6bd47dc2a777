"""Anyone can write an approval; committed without a signature it is forged."""

from tests import signing

root = ROOT  # noqa: F821
signing.basis_with_lead(root)
signing.approve(root, "eva-de-wit", signing.STUK, "Noor Bakker")
signing.commit(root, "akkoord, zonder handtekening")
