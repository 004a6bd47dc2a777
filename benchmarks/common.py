"""Shared helpers for the benchmark scripts: timing a subprocess with its peak memory."""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = shutil.which("time") if Path("/usr/bin/time").exists() else None


@dataclass
class Run:
    seconds: float
    peak_mib: float  # peak resident set size of the process (max over chunks)


def run(cmd: Sequence[str], cwd: Path, *, ok: tuple[int, ...] = (0,)) -> Run:
    """Run `cmd` once; wall time and peak RSS (GNU time if present, else getrusage)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        full = list(cmd)
        if GNU_TIME:
            full = ["/usr/bin/time", "-f", "%M", "-o", out.name, *full]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        done = subprocess.run(
            full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False
        )
        seconds = time.perf_counter() - start
        if done.returncode not in ok:
            sys.exit(
                f"{' '.join(cmd[:3])} ... gaf exitcode {done.returncode}:\n{done.stderr[-2000:]}"
            )
        if GNU_TIME:
            kib = float(out.read().split()[-1])
        else:  # only a lower bound when an earlier child was bigger
            kib = float(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
    return Run(seconds, kib / 1024)


def chunks(args: Sequence[str], budget: int = 0) -> list[list[str]]:
    """Split arguments like xargs so a command line stays below the system limit."""
    budget = budget or min(os.sysconf("SC_ARG_MAX") // 2, 1_000_000)
    out: list[list[str]] = [[]]
    size = 0
    for arg in args:
        if out[-1] and size + len(arg) + 1 > budget:
            out.append([])
            size = 0
        out[-1].append(arg)
        size += len(arg) + 1
    return out


def median(runs: Sequence[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mib for r in runs))


def prof() -> list[str]:
    """The `prof` next to this interpreter if there is one, so the right install is measured."""
    local = Path(sys.executable).with_name("prof")
    return [str(local)] if local.exists() else [shutil.which("prof") or "prof"]


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def arguments(description: str, werkers: list[int], runs: int) -> argparse.ArgumentParser:
    """The options every benchmark takes; a script adds its own."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--werkers", type=int, nargs="+", default=werkers)
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--map",
        type=Path,
        default=None,
        help="werkmap voor de gegenereerde repositories (standaard tijdelijk)",
    )
    return parser


def workdir(chosen: Path | None) -> Path:
    return chosen or Path(tempfile.mkdtemp(prefix="prof-bench-"))
