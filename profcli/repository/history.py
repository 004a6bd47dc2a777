"""Who signed what, read from git's history: the keys a team trusts, and each approval's commit.

Approvals (`akkoorden/`) count only when git can show who made them. This module reads the
history of the profiles and the approval files and replays it, oldest first:

- The first keys a team profile ever lists are trusted on first use (TOFU, as SSH trusts a
  new host); `first` keeps that commit and the fingerprints, for the colophon.
- Every later commit in which the profile's keys differ from the ones trusted so far counts
  only if it is signed by a key trusted before it; otherwise the change is ignored and kept in
  `refused`, so that `prof validate` can say so on the profile.
- An approval's verdict is taken at its last commit: signed by a key that the worker's team
  trusted at that moment, or else why not.

Signatures are checked by git itself (`gpg.format ssh`: git runs `ssh-keygen -Y verify`) with
an allowed-signers file written to a temporary folder from every key the profiles ever listed;
this module only compares the fingerprints git reports. No cryptography of our own.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import subprocess
import tempfile
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from profcli.repository import writing
from profcli.repository.discovery import PROFILES_DIR

APPROVALS = "akkoorden"
VALID = "geldig"
TIMEOUT = 300.0
_SEP = "\x1f"
_START = "\x1e"


def fingerprint(line: str) -> str | None:
    """The SHA-256 fingerprint of an OpenSSH public key line, as `ssh-keygen -l` prints it
    (`SHA256:...`); None when the line is no such key (its blob must name its own type)."""
    parts = line.split()
    if len(parts) < 2:
        return None
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except (binascii.Error, ValueError):
        return None
    size = int.from_bytes(blob[:4], "big") if len(blob) >= 4 else -1
    if size < 1 or blob[4 : 4 + size] != parts[0].encode("ascii", "replace"):
        return None
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


@dataclass(frozen=True, slots=True)
class Key:
    """A public key as a profile lists it, with whose it is (a lead's name or a worker's slug)."""

    owner: str
    line: str
    fingerprint: str


def keys_in(data: dict[str, Any]) -> list[Key]:
    """The keys a parsed profile lists: a team's leads' (`[[leidinggevenden]] sleutels`, owned
    by their names) or a worker's own (`sleutels`, owned by the profile)."""
    found: list[Key] = []
    groups: list[tuple[str, Any]] = []
    if data.get("soort") == "team":
        leads = data.get("leidinggevenden")
        for lead in leads if isinstance(leads, list) else []:
            if isinstance(lead, dict) and isinstance(lead.get("naam"), str):
                groups.append((lead["naam"], lead.get("sleutels")))
    else:
        groups.append(("", data.get("sleutels")))
    for owner, lines in groups:
        for line in lines if isinstance(lines, list) else []:
            print_ = fingerprint(line) if isinstance(line, str) else None
            if print_ is not None:
                found.append(Key(owner, " ".join(line.split()[:2]), print_))
    return found


@dataclass(frozen=True, slots=True)
class Signature:
    """What git says of a commit's signature: `status` is git's `%G?` (G: good, by a key in the
    allowed-signers file; U: good, by a key not in it; B: bad; N: none; E: cannot be checked)."""

    status: str
    fingerprint: str = ""


@dataclass(frozen=True, slots=True)
class Verdict:
    """One approval file as its last commit left it."""

    commit: str
    day: dt.date
    outcome: str
    """`geldig`, or why not: `ongetekend`, `handtekening` (bad or uncheckable signature),
    `eigen` (the worker's own key), `ander-team` (a lead of another team), `sleutel` (a key
    the team did not trust at that moment)."""
    signer: str = ""
    """The lead's name (geldig), or whose key it was (eigen, ander-team)."""
    team: str = ""
    fingerprint: str = ""


@dataclass(frozen=True, slots=True)
class FirstKeys:
    """The commit that first listed a team's keys, trusted on first use."""

    commit: str
    day: dt.date
    keys: tuple[Key, ...]


@dataclass(frozen=True, slots=True)
class Refused:
    """A change to a profile's keys that does not count: not signed by a key trusted before."""

    profile: str
    commit: str
    day: dt.date
    added: tuple[Key, ...]
    removed: tuple[Key, ...]


@dataclass(slots=True)
class History:
    """What the history shows; `missing` says why it shows nothing (no git, no commits, a
    shallow clone), and then no approval counts as verified."""

    missing: str | None = None
    consulted: bool = False
    """Whether git was asked at all (not when nothing in the repository needs it)."""
    trusted: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per team slug: fingerprint -> lead's name, as trusted at HEAD."""
    first: dict[str, FirstKeys] = field(default_factory=dict)
    refused: list[Refused] = field(default_factory=list)
    approvals: dict[str, Verdict] = field(default_factory=dict)
    """Per approval file (repository-relative path), at its last commit."""
    uncommitted: set[str] = field(default_factory=set)
    """Approval files that are new or changed since their last commit."""
    own: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per worker slug: every key she ever listed as hers (fingerprint -> line)."""


class _GitError(Exception):
    pass


def _git(top: Path, *args: str, text: str | None = None, config: Sequence[str] = ()) -> str:
    """Run a reading git command; `_GitError` with git's words when it cannot."""
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    env.pop("GIT_LITERAL_PATHSPECS", None)  # the globs below are patterns
    command = ["git", "-c", "log.showSignature=false", *config, *args]
    try:
        done = subprocess.run(
            command,
            cwd=top,
            env=env,
            input=text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise _GitError(str(e)) from e
    if done.returncode != 0:
        raise _GitError(done.stderr.strip() or f"git {args[0]} gaf code {done.returncode}")
    return done.stdout


def read(root: Path, cache_dir: Path | None = None) -> History:
    """The history of `root`'s profiles and approvals; never raises."""
    found = _read(root, cache_dir)
    found.consulted = True
    return found


def _read(root: Path, cache_dir: Path | None) -> History:
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    except _GitError:
        return History(missing="geen-git")
    try:
        _git(top, "rev-parse", "--verify", "-q", "HEAD")
    except _GitError:
        return History(missing="geen-commits")
    try:
        if _git(top, "rev-parse", "--is-shallow-repository").strip() == "true":
            return History(missing="ondiep")
        prefix = _prefix(top, root)
        return _replay(top, prefix, cache_dir)
    except _GitError:
        return History(missing="geen-git")


def _prefix(top: Path, root: Path) -> str:
    """`root` relative to the top of the work tree ("" or "team/"), for git's paths."""
    relative = root.resolve().relative_to(top.resolve()).as_posix()
    return "" if relative == "." else relative + "/"


@dataclass(slots=True)
class _Commit:
    id: str
    day: dt.date
    changes: list[tuple[str, str]]


def _log(top: Path, prefix: str) -> list[_Commit]:
    out = _git(
        top,
        "log",
        "--reverse",
        "--topo-order",
        "--no-renames",
        "--name-status",
        f"--format={_START}%H{_SEP}%cs",
        "--",
        f":(glob){prefix}{PROFILES_DIR}/*/profiel.toml",
        f":(glob){prefix}{PROFILES_DIR}/*/{APPROVALS}/*.toml",
    )
    commits: list[_Commit] = []
    for block in out.split(_START)[1:]:
        head, _, rest = block.partition("\n")
        ident, _, day = head.partition(_SEP)
        changes = []
        for line in rest.splitlines():
            status, _, path = line.partition("\t")
            if path and path.startswith(prefix):
                changes.append((status[:1], path[len(prefix) :]))
        commits.append(_Commit(ident, dt.date.fromisoformat(day), changes))
    return commits


def _blobs(top: Path, wanted: Sequence[tuple[str, str]]) -> dict[tuple[str, str], bytes]:
    """File contents at commits, in one `git cat-file --batch` (missing ones left out)."""
    if not wanted:
        return {}
    request = "".join(f"{commit}:{path}\n" for commit, path in wanted).encode()
    try:
        done = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=top,
            input=request,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise _GitError(str(e)) from e
    data = done.stdout
    found: dict[tuple[str, str], bytes] = {}
    at = 0
    for key in wanted:
        end = data.index(b"\n", at)
        header = data[at:end].split()
        at = end + 1
        if len(header) < 3 or header[1] == b"missing":
            continue
        size = int(header[2])
        found[key] = data[at : at + size]
        at += size + 1
    return found


def _parse(raw: bytes | None) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return data


def _replay(top: Path, prefix: str, cache_dir: Path | None) -> History:
    history = History()
    commits = _log(top, prefix)
    profile_versions = [
        (c.id, f"{prefix}{path}")
        for c in commits
        for status, path in c.changes
        if status != "D" and path.endswith("/profiel.toml")
    ]
    blobs = _blobs(top, profile_versions)
    parsed = {(commit, path[len(prefix) :]): _parse(raw) for (commit, path), raw in blobs.items()}
    every_key = {k.fingerprint: k.line for data in parsed.values() if data for k in keys_in(data)}
    signing = [c.id for c in commits if _needs_signature(c, parsed)]
    signatures = _signatures(top, signing, every_key, cache_dir)

    listed: dict[str, tuple[Key, ...]] = {}  # per team: the keys trusted now
    team_of: dict[str, str] = {}
    for commit in commits:
        for status, path in commit.changes:
            slug = path.split("/")[1]
            if path.endswith("/profiel.toml"):
                data = parsed.get((commit.id, path)) if status != "D" else {}
                if data is None:
                    continue  # unreadable then: it changes nothing
                _profile(history, listed, team_of, slug, commit, data, signatures)
            elif status == "D":
                history.approvals.pop(path, None)
            else:
                history.approvals[path] = _verdict(
                    history, listed, team_of.get(slug, ""), slug, commit, signatures
                )
    history.trusted = {
        team: {k.fingerprint: k.owner for k in keys} for team, keys in listed.items()
    }
    history.uncommitted = _uncommitted(top, prefix)
    return history


def _needs_signature(commit: _Commit, parsed: dict[tuple[str, str], Any]) -> bool:
    for status, path in commit.changes:
        if not path.endswith("/profiel.toml"):
            return True  # an approval
        data = parsed.get((commit.id, path))
        if status == "D" or (data and keys_in(data)):
            return True
    return False


def _profile(
    history: History,
    listed: dict[str, tuple[Key, ...]],
    team_of: dict[str, str],
    slug: str,
    commit: _Commit,
    data: dict[str, Any],
    signatures: dict[str, Signature],
) -> None:
    keys = tuple(keys_in(data))
    if data.get("soort") != "team":
        if isinstance(data.get("team"), str):
            team_of[slug] = data["team"]
        for key in keys:
            history.own.setdefault(slug, {})[key.fingerprint] = key.line
        return
    before = listed.get(slug)
    if before is None:
        if keys:  # trusted on first use
            listed[slug] = keys
            history.first[slug] = FirstKeys(commit.id, commit.day, keys)
        return
    if set(keys) == set(before):
        return
    signature = signatures.get(commit.id, Signature("N"))
    if signature.status == "G" and signature.fingerprint in {k.fingerprint for k in before}:
        listed[slug] = keys
        return
    history.refused.append(
        Refused(
            f"{PROFILES_DIR}/{slug}/profiel.toml",
            commit.id,
            commit.day,
            tuple(k for k in keys if k not in before),
            tuple(k for k in before if k not in keys),
        )
    )


def _verdict(
    history: History,
    listed: dict[str, tuple[Key, ...]],
    team: str,
    worker: str,
    commit: _Commit,
    signatures: dict[str, Signature],
) -> Verdict:
    signature = signatures.get(commit.id, Signature("N"))

    def said(outcome: str, signer: str = "") -> Verdict:
        return Verdict(commit.id, commit.day, outcome, signer, team, signature.fingerprint)

    if signature.status == "N":
        return said("ongetekend")
    if signature.status not in ("G", "U"):
        return said("handtekening")
    mine = history.own.get(worker, {})
    if signature.fingerprint in mine:
        return said("eigen", worker)
    leads = {k.fingerprint: k.owner for k in listed.get(team, ())}
    if signature.status == "G" and signature.fingerprint in leads:
        return said(VALID, leads[signature.fingerprint])
    for other, keys in listed.items():
        if other != team and signature.fingerprint in {k.fingerprint for k in keys}:
            return said("ander-team", other)
    return said("sleutel")


def _signatures(
    top: Path, commits: Iterable[str], keys: dict[str, str], cache_dir: Path | None
) -> dict[str, Signature]:
    """git's verdict on each commit's signature against every listed key, cached per commit
    and set of keys (a verdict never changes while both stay the same)."""
    wanted = list(dict.fromkeys(commits))
    if not wanted:
        return {}
    allowed = "".join(f"profcli {line}\n" for _, line in sorted(keys.items()))
    digest = hashlib.sha256(allowed.encode()).hexdigest()[:16]
    stored = _load_cache(cache_dir, digest)
    missing = [c for c in wanted if c not in stored]
    if missing:
        with tempfile.TemporaryDirectory(prefix="prof-sleutels-") as folder:
            signers = Path(folder) / "allowed_signers"
            signers.write_text(allowed or "\n", encoding="utf-8")
            out = _git(
                top,
                "log",
                "--no-walk=unsorted",
                "--stdin",
                f"--format=%H{_SEP}%G?{_SEP}%GF",
                text="".join(f"{c}\n" for c in missing),
                config=("-c", f"gpg.ssh.allowedSignersFile={signers}", "-c", "gpg.format=ssh"),
            )
        for line in out.splitlines():
            parts = line.split(_SEP)
            if len(parts) == 3:
                stored[parts[0]] = Signature(parts[1], parts[2])
        _save_cache(cache_dir, digest, stored)
    return {c: stored[c] for c in wanted if c in stored}


def _cache_file(cache_dir: Path, digest: str) -> Path:
    return cache_dir / f"handtekeningen-{digest}.json"


def _load_cache(cache_dir: Path | None, digest: str) -> dict[str, Signature]:
    if cache_dir is None:
        return {}
    try:
        raw = json.loads(_cache_file(cache_dir, digest).read_text(encoding="utf-8"))
        return {c: Signature(s, f) for c, (s, f) in raw.items()}
    except (OSError, ValueError, TypeError):
        return {}


def _save_cache(cache_dir: Path | None, digest: str, stored: dict[str, Signature]) -> None:
    if cache_dir is None:
        return
    for old in cache_dir.glob("handtekeningen-*.json") if cache_dir.is_dir() else ():
        if old.name != _cache_file(cache_dir, digest).name:
            old.unlink(missing_ok=True)
    text = json.dumps({c: [s.status, s.fingerprint] for c, s in stored.items()})
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        writing.replace(_cache_file(cache_dir, digest), text)
    except OSError:
        pass  # a cache that cannot be written is only slower next time


def _uncommitted(top: Path, prefix: str) -> set[str]:
    out = _git(
        top,
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--no-renames",
        "--",
        f":(glob){prefix}{PROFILES_DIR}/*/{APPROVALS}/*.toml",
    )
    return {
        item[3:][len(prefix) :]
        for item in out.split("\0")
        if len(item) > 3 and item[3:].startswith(prefix)
    }
