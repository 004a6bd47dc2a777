"""Git histories with SSH-signed commits, for the approval tests and cases.

Every key is made here with `ssh-keygen` (no passphrase); nothing depends on a real key, on
the user's git configuration or on an SSH agent.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from pathlib import Path

from profcli.repository.approvals import digest

ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+01:00",
    "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+01:00",
}
"""A fixed identity and date: unsigned commits get the same ids in every run; signed ones
differ only by their fresh keys (see `fresh`)."""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=root,
        env={**os.environ, **ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def init(root: Path) -> None:
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "gpg.format", "ssh")
    git(root, "config", "commit.gpgsign", "false")


def key(folder: Path, name: str) -> tuple[Path, str]:
    """A new ed25519 key: the private key's path and the public key's line."""
    folder.mkdir(parents=True, exist_ok=True)
    private = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"{name}@laptop", "-f", str(private)],
        check=True,
    )
    return private, (folder / f"{name}.pub").read_text(encoding="utf-8").strip()


def commit(root: Path, message: str, signer: Path | None = None) -> str:
    """Commit everything; signed with `signer`'s key when given. Returns the commit id."""
    git(root, "add", "--all")
    if signer is None:
        git(root, "commit", "-q", "--allow-empty", "-m", message)
    else:
        git(
            root,
            "-c",
            f"user.signingkey={signer}",
            "commit",
            "-q",
            "-S",
            "--allow-empty",
            "-m",
            message,
        )
    return git(root, "rev-parse", "HEAD")


def lead(root: Path, team: str, naam: str, *lines: str) -> None:
    """Add a lead with `lines` as her keys to the team profile (appended as TOML text)."""
    profile = root / "profielen" / team / "profiel.toml"
    keys = ", ".join(f'"{line}"' for line in lines)
    text = profile.read_text(encoding="utf-8").rstrip("\n")
    profile.write_text(f'{text}\n\n[[leidinggevenden]]\nnaam = "{naam}"\nsleutels = [{keys}]\n')


def approve(root: Path, worker: str, stuk: str, door: str, datum: str = "2026-11-20") -> Path:
    """Write an approval of `stuk` (`gesprekken/2026-...`) with the entry's current digest."""
    folder, _, ident = stuk.partition("/")
    target = root / "profielen" / worker / folder / f"{ident}.toml"
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    path = root / "profielen" / worker / "akkoorden" / f"{folder}-{ident}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "#:schema ../../../schemas/akkoord.schema.json\n"
        f'stuk = "{stuk}"\ndoor = "{door}"\ndatum = {datum}\ninhoud = "{digest(data)}"\n',
        encoding="utf-8",
    )
    return path


STUK = "reflecties/2026-02-10-huisbezoek"
"""An entry of the basis case (`tests/cases/basis`), by Eva de Wit of team-zuid."""


def basis_with_lead(root: Path) -> Path:
    """The basis case in git, with Noor Bakker as team-zuid's lead and her key trusted on
    first use; returns her private key (kept beside the repository, never in it)."""
    init(root)
    commit(root, "begin")
    noor, line = key(root.parent / "sleutels", "noor")
    lead(root, "team-zuid", "Noor Bakker", line)
    commit(root, "sleutel van Noor")
    return noor


_FRESH = (
    (re.compile(r"SHA256:[A-Za-z0-9+/]{43}"), "SHA256:<sleutel>"),
    (re.compile(r"commit [0-9a-f]{10}\b"), "commit <commit>"),
)


def fresh(line: str) -> str:
    """A finding with its key fingerprints and commit ids written as placeholders: the
    approval cases make new SSH keys in every run (`opzet.py`), so those differ each time."""
    for pattern, placeholder in _FRESH:
        line = pattern.sub(placeholder, line)
    return line
