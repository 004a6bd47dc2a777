"""A signed approval whose commit was altered afterwards: the signature no longer fits."""

import subprocess

from tests import signing

root = ROOT  # noqa: F821
noor = signing.basis_with_lead(root)
signing.approve(root, "eva-de-wit", signing.STUK, "Noor Bakker")
signing.commit(root, "akkoord", noor)
raw = signing.git(root, "cat-file", "commit", "HEAD").replace("\nakkoord", "\nakkoord!")
forged = subprocess.run(
    ["git", "hash-object", "-t", "commit", "-w", "--stdin"],
    cwd=root,
    input=raw + "\n",
    capture_output=True,
    text=True,
    check=True,
).stdout.strip()
signing.git(root, "update-ref", "HEAD", forged)
