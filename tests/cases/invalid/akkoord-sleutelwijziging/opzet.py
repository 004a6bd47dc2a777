"""A second key added in an unsigned commit: it does not count (yet)."""

from tests import signing

root = ROOT  # noqa: F821
signing.basis_with_lead(root)
_, line = signing.key(root.parent / "sleutels", "eva")
signing.lead(root, "team-zuid", "Eva de Wit", line)
signing.commit(root, "mijn sleutel erbij")
