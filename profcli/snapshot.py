"""The whole-run result of `prof validate`, reused while nothing it read has changed.

A repository that did not change at all since the last run (the common case for a pre-commit
hook or a second CI step) need not be read again: walk the folders, compare each entry's size,
modification time and inode with the last run, and print the stored findings. Like git's
index, this trusts `stat`; an entry modified within `RACY_SECONDS` of a run is never trusted,
so a quick second write of the same size cannot hide behind an unchanged timestamp.

What a run reads: `profielen/`, `kaders/`, `schemas/`, the evidence files the entries name,
the installed tool (via `key()`) and the date (future dates depend on it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import marshal
import os
import stat
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import astuple, dataclass
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from profcli import __version__, clock, resources
from profcli.findings import Finding, Result

if TYPE_CHECKING:
    from profcli.validation import Checked

CACHE_DIR = ".prof-cache"
_FORMAT = 3
FOLDERS = ("profielen", "kaders", "registers", "schemas")
RACY_SECONDS = 2.0


@cache
def key() -> str:
    """Everything a run's findings depend on apart from the repository and the date."""
    return key_for(
        Path(__file__).resolve().parent,
        resources.schemas_dir(),
        resources.frameworks_dir(),
        names_library(),
    )


def names_library() -> str:
    """The installed packages the names check reads its word lists from, by the names of
    their dist-info folders (`deduce-3.0.6.dist-info pyspellchecker-0.8.3.dist-info`): the
    findings depend on their versions (the lists shipped in profcli are hashed with its
    files). Found without importing them and without importlib.metadata (which reads every
    installed package)."""
    import importlib.util

    found: list[str] = []
    for module, dist in (("deduce", "deduce"), ("spellchecker", "pyspellchecker")):
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.origin:
            found.append(f"geen {dist}")
            continue
        folder = Path(spec.origin).resolve().parent.parent
        found += sorted(p.name for p in folder.glob(f"{dist}-*.dist-info")) or [f"{dist}?"]
    return " ".join(found)


def key_for(package: Path, schemas: Path, frameworks: Path, library: str = "") -> str:
    """Every module of the package (an edited install must not answer from an old result),
    the registers' rules shipped in it, the schemas and the frameworks: about 130 small
    files (the names check's word lists among them), hashed in a few milliseconds; and the
    versions of the packages those lists come from (`library`)."""
    digest = hashlib.sha256(f"{_FORMAT} {__version__} {library}".encode())
    files = [
        (p.relative_to(package).as_posix(), p)
        for pattern in ("*.py", "*.toml", "*.txt")  # modules, registers' rules, word lists
        for p in sorted(package.rglob(pattern))
    ]
    files += [(f"schemas/{p.name}", p) for p in sorted(schemas.glob("*.json"))]
    files += [(f"kaders/{p.name}", p) for p in sorted(frameworks.glob("*.toml"))]
    for name, path in files:
        digest.update(name.encode() + b"\x00")
        with contextlib.suppress(OSError):
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


Rows = list[tuple[str, int, int, int, int]]
Print = tuple[str, int]
"""A digest, and the newest modification time seen (nanoseconds)."""


Prints = dict[str, Print]
"""A print per entry at the top of `profielen/` (a portfolio's folder, by its name), and under
"" everything else a run reads: `kaders/`, `registers/`, `schemas/`, and `profielen/` itself
when it cannot be listed. `validation.incremental` checks again only the portfolios whose
print changed."""


def tree(root: Path) -> Print:
    """Every entry below the watched folders, by `lstat` (symlinks also by their target)."""
    return combined(prints(root))


def prints(root: Path) -> Prints:
    """The prints of the whole tree, computed as two halves (alternate portfolios), so that
    two cores can share the work."""
    return {**_half(root, 0), **_half(root, 1)}


def combined(found: Prints) -> Print:
    """One print for the whole tree, from the prints of its parts."""
    digest = hashlib.sha256(
        "\n".join(f"{name}\0{found[name][0]}" for name in sorted(found)).encode()
    ).hexdigest()
    return digest, max((newest for _, newest in found.values()), default=0)


def _half(root: Path, half: int) -> Prints:
    """Half 0: `kaders/`, `registers/`, `schemas/` (under "") and the even portfolios; half 1:
    the odd portfolios."""
    found: Prints = {}
    rows: Rows = []
    profiles = os.path.join(root, FOLDERS[0])
    try:
        tops = sorted(os.listdir(profiles))[half::2]
    except OSError:
        tops = []
        rows.append((profiles, -1, -1, -1, -1))
    if half == 0:
        _walk(rows, [os.path.join(root, name) for name in FOLDERS[1:]])
        found[""] = _digest(rows)
    for name in tops:
        path = os.path.join(profiles, name)
        try:
            st = os.lstat(path)
        except OSError:
            found[name] = _digest([(path, -1, -1, -1, -1)])
            continue
        rows = [(path, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ino)]
        if stat.S_ISDIR(st.st_mode):
            _walk(rows, [path])
        elif stat.S_ISLNK(st.st_mode):
            _add_path(rows, path + "\0->", follow=True)
        found[name] = _digest(rows)
    return found


def _walk(rows: Rows, stack: list[str]) -> None:
    add = rows.append
    while stack:
        folder = stack.pop()
        try:
            entries = os.scandir(folder)
        except OSError:
            add((folder, -1, -1, -1, -1))
            continue
        with entries:
            for entry in entries:
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                add((entry.path, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ino))
                if stat.S_ISDIR(st.st_mode):
                    stack.append(entry.path)
                elif stat.S_ISLNK(st.st_mode):
                    _add_path(rows, entry.path + "\0->", follow=True)


def evidence(root: Path, refs: Iterable[str]) -> Print:
    """The evidence files entries name (they may live anywhere in the repository)."""
    rows: Rows = []
    for ref in refs:
        _add_path(rows, os.path.join(root, ref), follow=False)
    rows.sort()  # a few rows, from a set
    return _digest(rows)


def presence(root: Path, refs: Iterable[str]) -> str:
    """What the evidence rules see of the files entries name: whether each exists, as what,
    and where it really leads; not when or where on disk it was written, so that the print
    holds across checkouts (`content_prints`)."""
    rows = []
    top = os.path.realpath(root)
    for ref in sorted(refs):
        path = os.path.join(root, ref)
        try:
            st = os.lstat(path)
            leads = os.path.relpath(os.path.realpath(path), top)  # the same in every checkout
            rows.append(f"{ref}\0{stat.S_IFMT(st.st_mode)}\0{leads}")
        except OSError:
            rows.append(f"{ref}\0-")
    return hashlib.sha256("\n".join(rows).encode("utf-8", "surrogateescape")).hexdigest()


CONTENT = "git"
"""The kind of prints `content_prints` gives (a stand records the kind its prints are)."""


def content_prints(root: Path) -> tuple[Prints, dict[str, str]] | None:
    """In CI (`CI` set, as GitHub and GitLab do), where a job checks out exactly what git
    holds: a print per portfolio from git's index (each file's blob id: its content), not
    from `lstat`, whose times and inodes are new in every checkout. With it, a stand restored
    from an earlier pipeline's cache still matches every portfolio that did not change.
    None outside CI, without git, or when `git status` shows anything under the watched
    folders that is not exactly in the index (changed, untracked or ignored)."""
    if not os.environ.get("CI"):
        return None
    import subprocess

    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    env.pop("GIT_LITERAL_PATHSPECS", None)
    watched = [name for name in FOLDERS if os.path.lexists(os.path.join(root, name))]
    try:
        status = subprocess.run(
            [
                "git",
                "status",
                "--porcelain=v1",
                "-z",
                "--ignored=matching",
                "--untracked-files=all",
                "--",
                *watched,
            ],
            cwd=root,
            env=env,
            capture_output=True,
            timeout=300,
            check=False,
        )
        listed = subprocess.run(
            ["git", "ls-files", "-s", "-z", "--", *watched],
            cwd=root,
            env=env,
            capture_output=True,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if status.returncode or listed.returncode or status.stdout.strip(b"\0") or not watched:
        return None
    rows: dict[str, list[str]] = {"": []}
    blobs: dict[str, str] = {}
    for item in listed.stdout.split(b"\0"):
        meta, _, raw = item.partition(b"\t")
        if not raw:
            continue
        mode, blob, _ = meta.decode().split(" ", 2)
        path = raw.decode("utf-8", "surrogateescape")
        blobs[path] = f"{mode} {blob}"
        parts = path.split("/", 2)
        top = parts[1] if parts[0] == FOLDERS[0] and len(parts) > 1 else ""
        rows.setdefault(top, []).append(f"{path}\0{mode}\0{blob}")
    found = {
        top: (
            hashlib.sha256("\n".join(sorted(r)).encode("utf-8", "surrogateescape")).hexdigest(),
            0,
        )
        for top, r in rows.items()
    }
    return found, blobs


def _digest(rows: Rows) -> Print:
    # No sort: a folder that did not change lists its entries in the same order, and a
    # different order could only cause a full run, never a wrong result.
    newest = max(map(itemgetter(3), rows), default=0)
    # marshal: the quickest stable serialisation of plain tuples (a new Python version may
    # serialise differently; that only costs one full run)
    return hashlib.sha256(marshal.dumps(rows)).hexdigest(), newest


def _add_path(rows: Rows, path: str, *, follow: bool) -> None:
    """A path outside the walk: its own entry, and where it really leads."""
    real = path.removesuffix("\0->")
    try:
        st = os.stat(real) if follow else os.lstat(real)
    except OSError:
        rows.append((path, -1, -1, -1, -1))
        return
    rows.append((path, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ino))
    rows.append((os.path.realpath(real), 0, 0, 0, 0))


def _consulted_git(approvals: object) -> bool:
    return bool(getattr(getattr(approvals, "history", None), "consulted", False))


def git_head(root: Path) -> str:
    """The commit git's HEAD names (and whether the clone is shallow), read from `.git`
    without starting git: a run that checked approvals depends on the history."""
    for folder in (root, *root.parents):
        dot = folder / ".git"
        if dot.exists():
            break
    else:
        return ""
    try:
        if dot.is_file():  # a worktree or submodule: "gitdir: <path>"
            dot = (folder / dot.read_text(encoding="utf-8").partition(":")[2].strip()).resolve()
        head = (dot / "HEAD").read_text(encoding="utf-8").strip()
        common = dot
        if (dot / "commondir").is_file():
            common = (dot / (dot / "commondir").read_text(encoding="utf-8").strip()).resolve()
        if head.startswith("ref:"):
            ref = head[4:].strip()
            loose = common / ref
            if loose.is_file():
                head = loose.read_text(encoding="utf-8").strip()
            else:
                packed = (common / "packed-refs").read_text(encoding="utf-8")
                head = next((ln.split()[0] for ln in packed.splitlines() if ln.endswith(ref)), ref)
        return f"{head} {'ondiep' if (common / 'shallow').exists() else 'heel'}"
    except (OSError, UnicodeDecodeError):
        return "onleesbaar"


def stand_file(root: Path) -> Path:
    """Where `validation.incremental` keeps what the last run found per portfolio."""
    return root / CACHE_DIR / f"stand-{key()}-{sys.version_info[0]}{sys.version_info[1]}.bin"


def _file(root: Path) -> Path:
    """marshal, not JSON: read on every run, 94,000 paths for a thousand workers (the name
    carries the Python version whose format it is)."""
    return root / CACHE_DIR / f"snapshot-{key()}-{sys.version_info[0]}{sys.version_info[1]}.bin"


class Probe:
    """What the last run stored, checked against the repository as it is now.

    The tree is read once, before the run: a file that changes while it runs then differs
    from the stored print next time, so a run can never pair new content with an old print.
    """

    def __init__(self, root: Path, today: dt.date | None) -> None:
        self.root = root
        self.hit: Result | None = None
        self.files: list[str] = []
        self._prints: Prints | None = None
        self._content: tuple[Prints, dict[str, str]] | None = None
        self._asked = False
        self._pending: Pending = None
        try:
            stored: Any = marshal.loads(_file(root).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            stored = None
        if not isinstance(stored, dict) and not stand_file(root).is_file():
            # A cold run: the other core reads the tree while this one reads the files.
            self._pending = _forked(prints, root)
            return
        # A snapshot or a stand to compare with: the prints are needed first, both cores.
        other = _forked(_half, root, 1)
        mine = _half(root, 0)
        self._prints = {**mine, **(_result(other) or _half(root, 1))}
        if not isinstance(stored, dict):
            return
        with contextlib.suppress(KeyError, TypeError, ValueError):
            zone = stored["tijdzone"]
            day = clock.reference_day(today, zone if isinstance(zone, str) else None)
            if stored["vandaag"] != day.isoformat():
                return
            tree_digest = combined(self._prints)[0]
            if f"{tree_digest} {evidence(root, stored['bewijs'])[0]}" != stored["vingerafdruk"]:
                return
            if stored.get("git") is not None and stored["git"] != git_head(root):
                return  # approvals were checked against a history that has moved on
            findings = [Finding(*fields) for fields in stored["meldingen"]]
            self.files = [str(f) for f in stored["bestanden"]]
            self.hit = Result(len(self.files), findings)

    def prints(self) -> Prints:
        if self._prints is None:
            self._prints = _result(self._pending) or prints(self.root)
        return self._prints

    def content(self) -> tuple[Prints, dict[str, str]] | None:
        """`content_prints`, asked once per run."""
        if not self._asked:
            self._content, self._asked = content_prints(self.root), True
        return self._content

    def tree(self) -> Print:
        return combined(self.prints())


Pending = tuple[int, int] | None
"""A forked helper still working: its process id and the pipe it will answer on."""


def _forked(function: Callable[..., Prints], *args: Any) -> Pending:
    """Run `function` in a forked child on the other core; None where that is not safe.

    The walk is Python code and holds the interpreter lock, so a thread would not help.
    Forking is only safe while this process runs one thread, and only the default on Linux.
    """
    if sys.platform != "linux" or threading.active_count() != 1:
        return None
    try:
        read, write = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the child: answer on the pipe, then leave without any clean-up
        try:
            os.close(read)
            answer = json.dumps(function(*args)).encode()
            while answer:
                answer = answer[os.write(write, answer) :]
        finally:
            os._exit(0)
    os.close(write)
    return pid, read


def _result(pending: Pending) -> Prints | None:
    """What the helper answered, or None (no helper, or it failed: the caller reads itself)."""
    if pending is None:
        return None
    pid, read = pending
    answer = b""
    try:
        while chunk := os.read(read, 4096):
            answer += chunk
    finally:
        os.close(read)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    try:
        found = json.loads(answer)
        return {str(k): (str(v[0]), int(v[1])) for k, v in found.items()}
    except (ValueError, TypeError, AttributeError, IndexError):
        return None


@dataclass(frozen=True, slots=True)
class Run:
    """What a run found and what it depended on, as both stores keep it."""

    result: Result
    files: list[str]
    refs: list[str]
    """The evidence files the entries name (repository-relative, no URLs), sorted."""
    today: dt.date
    zone: str | None
    git: bool
    """Whether the run read git's history (approvals): then it depends on HEAD."""


def run_of(checked: Checked) -> Run:
    repo = checked.repository
    refs = sorted({r for e in repo.entries() for r in e.ids("bewijs") if "://" not in r})
    consulted = _consulted_git(repo.derived.get("akkoorden"))
    return Run(checked.result, checked.loaded.files, refs, checked.today, repo.zone_name, consulted)


def save(probe: Probe, run: Run, started: float) -> None:
    """Store the run unless a file changed just before it (then it is racy)."""
    root = probe.root
    result, files, refs = run.result, run.files, run.refs
    (tree_digest, tree_newest), (refs_digest, refs_newest) = probe.tree(), evidence(root, refs)
    if max(tree_newest, refs_newest) / 1e9 > started - RACY_SECONDS:
        return
    content = {
        "vandaag": run.today.isoformat(),
        "tijdzone": run.zone,
        "vingerafdruk": f"{tree_digest} {refs_digest}",
        "bewijs": refs,
        "bestanden": files,
        "meldingen": [list(astuple(f)) for f in result.findings],
        "git": git_head(root) if run.git else None,
    }
    target = _file(root)
    with contextlib.suppress(OSError):
        target.parent.mkdir(exist_ok=True)
        for stale in target.parent.glob("snapshot-*"):
            if stale != target:
                stale.unlink()
        from profcli.repository import writing  # the cold path only: a hit never writes

        writing.replace(target, marshal.dumps(content))
