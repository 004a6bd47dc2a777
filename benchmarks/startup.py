"""Start-up of `prof` against the floor `python3 -c "import click"`, measured interleaved.

Three things a person waits for many times a day: `prof --version`, a warm `prof validate` (the
snapshot answers; the pre-commit hook runs it on every commit) and Tab completion of an id
(`prof show 2026`, as Marieke). Each round runs the floor and the three commands once, in
turn, so that a slow moment of the machine falls on all of them; the ratios are of the medians.

    python3 benchmarks/startup.py                       # the example team, 15 rounds
    python3 benchmarks/startup.py --rounds 21 --prof /tmp/venv-base/bin/prof \
        --python /tmp/venv-base/bin/python3          # another install, e.g. the one before

Bounds (issue #16): --version 1.6x, warm validate 1.8x, completion 2.0x.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOUNDS = {"--version": 1.6, "validate (warm)": 1.8, "Tab: show 2026": 2.0}


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} gaf exitcode {done.returncode}:\n{done.stderr[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="runs of each command (>= 9)")
    parser.add_argument("--repo", type=Path, default=ROOT, help="team repository (example team)")
    parser.add_argument("--prof", default="prof", help="the prof executable to measure")
    parser.add_argument("--python", default=sys.executable, help="python for the floor")
    parser.add_argument(
        "--prof-python", default=sys.executable, help="the python that runs --prof (to compile)"
    )
    parser.add_argument(
        "--no-compile", action="store_true", help="measure without .pyc files of profcli"
    )
    args = parser.parse_args()
    if args.rounds < 9:
        parser.error("--rounds: at least 9")
    env = {**os.environ, "PROF_VANDAAG": "2026-11-25", "PROF_GIT": "uit"}
    complete = {
        **env,
        "_PROF_COMPLETE": "bash_complete",
        "COMP_WORDS": "prof show 2026",
        "COMP_CWORD": "2",
    }
    commands = {
        "floor: import click": ([args.python, "-c", "import click"], env),
        "--version": ([args.prof, "--version"], env),
        "validate (warm)": ([args.prof, "validate"], env),
        "Tab: show 2026": ([args.prof], {**complete, "PROF_PROFIEL": "marieke-jansen"}),
    }
    # As installed by pip: with .pyc files. An editable install under PYTHONDONTWRITEBYTECODE
    # (set on these machines) would otherwise compile every module on every start.
    if not args.no_compile:
        found = subprocess.run(
            [
                args.prof_python,
                "-c",
                "import profcli, pathlib; print(pathlib.Path(profcli.__file__).parent)",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        subprocess.run([args.prof_python, "-m", "compileall", "-q", found], check=True)
    # Warm-up: the snapshot of the example team, the page cache.
    for cmd, cmd_env in commands.values():
        timed(cmd, args.repo, cmd_env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, (cmd, cmd_env) in commands.items():
            times[name].append(timed(cmd, args.repo, cmd_env))
    floor = statistics.median(times["floor: import click"])
    print(f"{args.rounds} rounds, interleaved; prof = {args.prof}")
    print(f"{'':24} {'median':>9} {'ratio':>7} {'bound':>7}")
    failed = False
    for name, values in times.items():
        median = statistics.median(values)
        bound = BOUNDS.get(name)
        ratio = median / floor
        mark = ""
        if bound is not None:
            mark = "ok" if ratio <= bound else "TE TRAAG"
            failed |= ratio > bound
        print(
            f"{name:24} {median * 1000:7.1f}ms {ratio:6.2f}x "
            f"{(f'{bound:.1f}x' if bound else ''):>7} {mark}"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
