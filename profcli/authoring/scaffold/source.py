"""Where a new team's CI installs profcli from: a source that exists.

profcli is not on the package index, so `pip install profcli==X` fails. The default is where
the running profcli came from (PEP 610 `direct_url.json`: a git address with its commit, or
an archive address), then a repository address in the package metadata. A profcli installed
from a folder on this computer gives that folder, which CI cannot reach: `prof init` says so
and asks for `--bron`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from profcli import __version__


@dataclass(frozen=True, slots=True)
class Source:
    requirement: str
    """What follows `pip install`, e.g. `profcli @ git+https://…@<commit>`."""
    portable: bool
    """False when the address only exists on this computer."""


_URL = re.compile(r"^(git\+|hg\+|svn\+|bzr\+)?(https?|ssh|file)://")


def requirement(address: str) -> Source:
    """A pip requirement for profcli from what a person typed after `--bron`."""
    text = address.strip()
    if text.startswith("profcli"):
        return Source(text, "file://" not in text)
    if _URL.match(text):
        return Source(f"profcli @ {text}", not text.startswith("file://"))
    path = Path(text).expanduser().resolve()
    return Source(f"profcli @ {path.as_uri()}", False)


def default() -> Source | None:
    """Where this profcli was installed from, or its repository address; None if unknown."""
    try:
        dist = metadata.distribution("profcli")
    except metadata.PackageNotFoundError:
        return None
    direct = dist.read_text("direct_url.json")
    if direct:
        info = json.loads(direct)
        url = str(info.get("url", ""))
        vcs = info.get("vcs_info")
        if isinstance(vcs, dict):
            ref = vcs.get("commit_id") or vcs.get("requested_revision") or ""
            return Source(f"profcli @ {vcs.get('vcs', 'git')}+{url}@{ref}", True)
        if url.startswith("file://"):
            return Source(f"profcli @ {url}", False)
        if url:
            return Source(f"profcli @ {url}", True)
    for value in dist.metadata.get_all("Project-URL") or []:
        label, _, address = value.partition(",")
        if label.strip().lower() in ("repository", "source", "source code"):
            return Source(f"profcli @ git+{address.strip()}@v{__version__}", True)
    return None
