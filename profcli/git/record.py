"""Record the files a command wrote in git, for people who do not know git (as `pass` does).

Only the paths a command names are committed (`git commit --only`), so whatever else the user
has changed or staged stays exactly as it was. Outside a git work tree, or without git, nothing
happens. Every failure becomes a Dutch warning: the file is already written and stays.
"""

from __future__ import annotations

import os
import subprocess
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from profcli.repository.discovery import PROFILES_DIR

SETTING = "git_vastleggen"
"""Key in a team profile: `false` switches the automatic commits off for the repository."""

TIMEOUT = 120.0
"""Seconds a git command may take; commit hooks (pre-commit, a linter) can be slow."""


@dataclass(frozen=True, slots=True)
class Recorded:
    """What happened: committed or not, and a Dutch warning when something stood in the way."""

    committed: bool
    warning: str | None = None


class GitFailed(Exception):
    """A git command could not run or returned an error (carries git's own last lines)."""


def git(
    top: Path, *args: str, timeout: float = TIMEOUT, english: bool = False, asks: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run git in `top`; GitFailed when it cannot start or times out.

    `english`: git's messages untranslated, for the few places that read them. `asks`: git may
    ask for a password on the terminal (fetching and sending); otherwise it never prompts."""
    env = {**os.environ, "GIT_LITERAL_PATHSPECS": "1"}  # a path is a path, never a pattern
    if not asks:
        env["GIT_TERMINAL_PROMPT"] = "0"
    if english:
        env["LC_ALL"] = "C"
    try:
        return subprocess.run(
            ["git", *args],
            cwd=top,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            stdin=None if asks else subprocess.DEVNULL,
            check=False,
        )
    except FileNotFoundError as e:
        raise GitFailed("git is niet geïnstalleerd") from e
    except subprocess.TimeoutExpired as e:
        raise GitFailed(f"git gaf na {timeout:.0f} seconden nog geen antwoord") from e
    except OSError as e:
        raise GitFailed(f"git kon niet starten ({e.strerror or e})") from e


def work_tree(root: Path) -> Path | None:
    """The top of the git work tree holding `root`; None outside git or without git."""
    try:
        done = git(root, "rev-parse", "--show-toplevel", timeout=30)
    except GitFailed:
        return None
    if done.returncode != 0 or not done.stdout.strip():
        return None
    return Path(done.stdout.strip())


def commits_enabled(root: Path) -> bool:
    """False when a team profile says `git_vastleggen = false`.

    Read straight from the team profiles (a few small files), so that every writing command
    can ask without loading the repository; an unreadable profile counts as not saying."""
    for profile in sorted((root / PROFILES_DIR).glob("*/profiel.toml")):
        try:
            data = tomllib.loads(profile.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        if data.get("soort") == "team" and data.get(SETTING) is False:
            return False
    return True


def whole(text: str) -> str:
    """Everything git said, each line indented under the Dutch sentence: a refusal is
    explained best by git's own full message, never by a cut-off tail of it."""
    kept = [line.rstrip() for line in text.strip().splitlines() if line.strip()]
    return "".join(f"\n    {line}" for line in kept) or " (niets)"


def tail(text: str, lines: int = 3) -> str:
    """Git's last few lines, on one line, for a warning."""
    kept = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " / ".join(kept[-lines:])


IDENTITY_HELP = (
    "git weet niet wie je bent, dus is er niets vastgelegd. Je bestand is wel bewaard. "
    'Vertel het git één keer met: git config --global user.name "Je Naam" en '
    'git config --global user.email "je@organisatie.nl"; daarna legt prof je werk vanzelf vast.'
)


def record(root: Path, paths: Sequence[Path], message: str) -> Recorded:
    """Commit exactly `paths` (written or removed by the command) with `message`."""
    top = work_tree(root)
    if top is None:
        return Recorded(False)
    try:
        return _record(top, [p if p.is_absolute() else root / p for p in paths], message)
    except GitFailed as e:
        return Recorded(False, f"niet vastgelegd in git: {e}. Je bestand is wel bewaard.")


def _record(top: Path, paths: list[Path], message: str) -> Recorded:
    relative = [_relative(top, p) for p in paths]
    names = [n for n in relative if n is not None and _wanted(top, n)]
    if not names:
        return Recorded(False)
    changed = git(top, "status", "--porcelain", "--untracked-files=all", "--", *names)
    if changed.returncode != 0:
        return Recorded(False, f"niet vastgelegd in git: {tail(changed.stderr)}")
    if not changed.stdout.strip():
        return Recorded(False)  # nothing new: the files are already as git has them
    for variable in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):
        if git(top, "var", variable).returncode != 0:
            return Recorded(False, IDENTITY_HELP)
    has_head = git(top, "rev-parse", "--verify", "-q", "HEAD").returncode == 0
    added = git(top, "add", "--all", "--", *names)
    if added.returncode != 0:
        return Recorded(False, f"niet vastgelegd in git: {tail(added.stderr)}")
    done = git(top, "commit", "--only", "--quiet", "-m", message, "--", *names)
    if done.returncode == 0:
        return Recorded(True)
    # A hook (or a merge in progress) refused: leave the index as the user had it.
    if has_head:
        git(top, "reset", "--quiet", "--", *names)
    else:
        git(top, "rm", "--cached", "--quiet", "--ignore-unmatch", "--", *names)
    reason = tail(done.stderr + "\n" + done.stdout) or "git gaf geen reden"
    return Recorded(
        False,
        f"niet vastgelegd in git, je bestand is wel bewaard. Git meldt: {reason}",
    )


def _relative(top: Path, path: Path) -> str | None:
    """The path relative to the work tree, or None when it lies outside (never committed)."""
    try:
        resolved = path.parent.resolve() / path.name
        return resolved.relative_to(top.resolve()).as_posix()
    except (ValueError, OSError):
        return None


def _wanted(top: Path, name: str) -> bool:
    """Present and not ignored, or removed while git still tracks it."""
    if (top / name).exists():
        return git(top, "check-ignore", "-q", "--", name).returncode != 0
    return bool(git(top, "ls-files", "--", name).stdout.strip())
