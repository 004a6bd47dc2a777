"""`prof sync` without Click: fetch colleagues' work (rebase), then send one's own.

Validation sits between the two steps and belongs to the caller; this module only speaks git
and turns each way it can go wrong into a Dutch `SyncFailed` that says what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from profcli.errors import NotInGit, SyncFailed
from profcli.git.record import git, whole, work_tree

NETWORK_TIMEOUT = 600.0
"""Seconds for a pull or push; the person may have to type a password first."""

ASK_FOR_HELP = "Vraag je teamleider of een collega die git kent om mee te kijken."


@dataclass(frozen=True, slots=True)
class Target:
    """Where the branch is shared: `remote/branch`, and whether git already tracks it."""

    top: Path
    branch: str
    remote: str
    tracked: bool


def target(root: Path) -> Target:
    """The shared place of the current branch; NotInGit or SyncFailed when there is none."""
    top = work_tree(root)
    if top is None:
        raise NotInGit(
            "prof sync werkt alleen in een repository die met git wordt gedeeld, en deze map "
            f"({root}) staat niet in git. {ASK_FOR_HELP}"
        )
    head = git(top, "symbolic-ref", "--quiet", "--short", "HEAD")
    if head.returncode != 0:
        raise SyncFailed(
            "git staat nu niet op een tak (een 'detached HEAD'), dus prof weet niet waarheen "
            f"je werk moet. {ASK_FOR_HELP}"
        )
    branch = head.stdout.strip()
    upstream = git(top, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}")
    if upstream.returncode == 0 and "/" in upstream.stdout:
        remote = git(top, "config", f"branch.{branch}.remote").stdout.strip()
        return Target(top, branch, remote or upstream.stdout.split("/", 1)[0], True)
    remotes = git(top, "remote").stdout.split()
    if len(remotes) != 1:
        raise SyncFailed(
            "deze repository heeft geen gedeelde plek (een 'remote') waar prof je werk heen "
            "kan sturen"
            + (" (of meer dan één, en prof weet niet welke)" if remotes else "")
            + f". Je werk staat wel veilig op deze computer. {ASK_FOR_HELP}"
        )
    return Target(top, branch, remotes[0], False)


def _signing(top: Path) -> list[str]:
    """`--gpg-sign` for someone who signs with an SSH key: a rebase makes new commits, and a
    team lead's approval (`prof approve`) counts only while its commit carries her signature.
    Only one's own commits that were not shared yet are rebased, so her key is the right one."""
    fmt = git(top, "config", "--get", "gpg.format").stdout.strip()
    key = git(top, "config", "--get", "user.signingkey").stdout.strip()
    return ["--gpg-sign"] if fmt == "ssh" and key else []


def pull(place: Target) -> list[str]:
    """Put one's own commits on top of the colleagues' (rebase); explain a conflict.

    Returns the files with changes that were not committed and that a colleague changed too:
    git's autostash then leaves conflict markers in them; they get the person's own text
    back (the colleague's is in the history, and git keeps a copy in its stash)."""
    args = ["pull", "--rebase", "--autostash", "--no-edit", *_signing(place.top)]
    if not place.tracked:
        exists = git(place.top, "ls-remote", "--exit-code", "--heads", place.remote, place.branch)
        if exists.returncode != 0:
            return []  # nothing shared yet: the push creates it
        args += [place.remote, place.branch]
    done = git(place.top, *args, timeout=NETWORK_TIMEOUT, english=True, asks=True)
    if done.returncode == 0:
        return _own_text_back(place.top)
    if _rebasing(place.top):
        conflicts = git(place.top, "diff", "--name-only", "--diff-filter=U").stdout.split()
        git(place.top, "rebase", "--abort")
        files = "".join(f"\n  {name}" for name in conflicts) or "\n  (git noemt geen bestand)"
        raise SyncFailed(
            "niet gesynchroniseerd: een collega heeft hetzelfde bestand veranderd als jij, en "
            f"git kan de twee versies niet vanzelf samenvoegen:{files}\n"
            "Er is niets kwijt: je bestanden staan weer zoals vóór `prof sync`, en je eigen werk "
            "is vastgelegd op deze computer. Spreek met die collega af welke tekst klopt; "
            "vraag je teamleider of iemand die git kent om de twee versies samen te voegen. "
            "Daarna werkt `prof sync` weer. Intussen kun je gewoon doorwerken."
        )
    if "autostash" in done.stderr.lower() or "autostash" in done.stdout.lower():
        raise SyncFailed(
            "het werk van je collega's is opgehaald, maar je eigen wijzigingen die nog niet "
            "waren vastgelegd passen er niet meer op. Ze staan veilig opzij in git (git stash). "
            + ASK_FOR_HELP
        )
    raise SyncFailed(
        "het ophalen van het werk van je collega's lukte niet. Controleer je internetverbinding "
        f"en probeer het opnieuw; lukt het dan nog niet, {ASK_FOR_HELP[0].lower()}"
        f"{ASK_FOR_HELP[1:]} Git meldt:{whole(done.stderr + chr(10) + done.stdout)}"
    )


def ahead(place: Target) -> int:
    """How many commits are not shared yet (all of them when git tracks no remote branch)."""
    if not place.tracked:
        return 1
    done = git(place.top, "rev-list", "--count", "@{u}..HEAD")
    try:
        return int(done.stdout.strip() or "0")
    except ValueError:
        return 1


def push(place: Target) -> None:
    """Send one's commits; explain a refusal."""
    args = ["push"] if place.tracked else ["push", "--set-upstream", place.remote, "HEAD"]
    done = git(place.top, *args, timeout=NETWORK_TIMEOUT, english=True, asks=True)
    if done.returncode == 0:
        return
    said = done.stderr + "\n" + done.stdout
    if "fetch first" in said or "non-fast-forward" in said:
        raise SyncFailed(
            "niet verstuurd: een collega stuurde net ook werk in. Doe nog eens `prof sync`; "
            "dan komt jouw werk erachter."
        )
    if "[rejected]" in said or "[remote rejected]" in said or "denied" in said.lower():
        raise SyncFailed(
            "niet verstuurd: de gedeelde repository weigert je werk (bijvoorbeeld omdat deze "
            f"tak beschermd is of je er niet mag schrijven). Git meldt:{_remote_said(said)}\n"
            f"Je werk staat veilig op deze computer. {ASK_FOR_HELP}"
        )
    raise SyncFailed(
        "niet verstuurd: de gedeelde repository was niet te bereiken. Controleer je "
        f"internetverbinding en probeer het opnieuw. Git meldt:{whole(said)}"
    )


def unrecorded(place: Target) -> list[str]:
    """Files changed on this computer that no commit holds (they are not shared)."""
    done = git(place.top, "status", "--porcelain", "--untracked-files=normal")
    return [line[3:] for line in done.stdout.splitlines() if len(line) > 3]


def _own_text_back(top: Path) -> list[str]:
    clashes = git(top, "diff", "--name-only", "--diff-filter=U").stdout.split()
    for name in clashes:
        git(top, "checkout", "--theirs", "--", name)  # the stashed side: the person's text
        git(top, "reset", "--quiet", "--", name)
    return clashes


def _rebasing(top: Path) -> bool:
    for name in ("rebase-merge", "rebase-apply"):
        found = git(top, "rev-parse", "--git-path", name).stdout.strip()
        if found and (top / found).exists():
            return True
    return False


def _remote_said(said: str) -> str:
    """What the server said (`remote: …` lines), which explains a refusal best."""
    lines = [line[len("remote:") :].strip() for line in said.splitlines()]
    remote = [
        line
        for line, raw in zip(lines, said.splitlines(), strict=True)
        if raw.startswith("remote:") and line
    ]
    return whole("\n".join(remote)) if remote else whole(said)
