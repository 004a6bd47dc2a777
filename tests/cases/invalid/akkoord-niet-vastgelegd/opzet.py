"""An approval written but not (yet) committed: it does not count."""

from tests import signing

root = ROOT  # noqa: F821
signing.basis_with_lead(root)
signing.approve(root, "eva-de-wit", signing.STUK, "Noor Bakker")
