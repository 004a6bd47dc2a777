"""The user's SSH signing key as git knows it, and a signed commit of one file.

git ≥ 2.34 signs commits with an SSH key when `gpg.format = ssh` and `user.signingkey` names
the key (a path to the public or private key file, or `key::ssh-ed25519 AAAA...`). prof only
reads that configuration and asks git to sign; it never handles a private key itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from profcli.git.record import GitFailed, git, tail, whole
from profcli.repository.history import fingerprint

MINIMUM = (2, 34)


@dataclass(frozen=True, slots=True)
class SigningKey:
    line: str
    """The public key in OpenSSH's one-line form, without its comment."""
    fingerprint: str


class NoSigningKey(Exception):
    """Git cannot sign here; the message says why in Dutch (the caller adds how to set it up)."""


def version(top: Path) -> tuple[int, int]:
    found = re.search(r"(\d+)\.(\d+)", git(top, "--version").stdout)
    return (int(found.group(1)), int(found.group(2))) if found else (0, 0)


def signing_key(top: Path) -> SigningKey:
    """The key git signs with in `top`; NoSigningKey when there is none git can use."""
    try:
        have = version(top)
    except GitFailed as e:
        raise NoSigningKey(str(e)) from e
    if have < MINIMUM:
        raise NoSigningKey(
            f"git {have[0]}.{have[1]} kan niet met een SSH-sleutel ondertekenen; daarvoor is "
            "git 2.34 of nieuwer nodig"
        )
    fmt = git(top, "config", "--get", "gpg.format").stdout.strip()
    setting = git(top, "config", "--get", "user.signingkey").stdout.strip()
    if fmt != "ssh" or not setting:
        missing = "gpg.format staat niet op ssh" if fmt != "ssh" else "user.signingkey ontbreekt"
        raise NoSigningKey(
            f"git is nog niet ingesteld om met een SSH-sleutel te ondertekenen ({missing})"
        )
    line = _public_line(setting)
    print_ = fingerprint(line) if line else None
    if line is None or print_ is None:
        raise NoSigningKey(
            f"git wil ondertekenen met `{setting}`, maar daar staat geen publieke SSH-sleutel "
            "die prof kan lezen"
        )
    return SigningKey(" ".join(line.split()[:2]), print_)


def _public_line(setting: str) -> str | None:
    if setting.startswith("key::"):
        return setting[5:].strip()
    if setting.startswith(("ssh-", "ecdsa-", "sk-")):
        return setting
    path = Path(setting).expanduser()
    for candidate in (path, path.with_name(path.name + ".pub")):
        try:
            text = candidate.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if text and fingerprint(text) is not None:
            return text.splitlines()[0]
    return None


def commit_signed(top: Path, path: str, message: str) -> str | None:
    """Commit exactly `path` (relative to `top`), signed; None when done, else git's reason.

    git may ask for the key's passphrase on the terminal (ssh-keygen asks on /dev/tty)."""
    added = git(top, "add", "--", path)
    if added.returncode != 0:
        return tail(added.stderr)
    done = git(top, "commit", "--only", "--quiet", "-S", "-m", message, "--", path, asks=True)
    if done.returncode == 0:
        return None
    git(top, "reset", "--quiet", "--", path)
    return whole(done.stderr + "\n" + done.stdout)
