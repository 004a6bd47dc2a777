"""Benchmark `prof validate` (cold, warm, one file changed) against check-jsonschema.

check-jsonschema only checks the schemas (no references, dates, hours or privacy) and gets
its best case: one invocation per kind with all files of that kind (in xargs-like chunks).

    python3 benchmarks/validate.py --werkers 250 1000 --runs 3
    python3 benchmarks/validate.py --werkers 250 --prof /tmp/venv-base/bin/prof   # another install

"koud" removes `.prof-cache/` entirely, so the names check answers every text anew (an empty
names cache: a new clone, a CI job without a cache); "koud, namen bewaard" removes only the
snapshot, so the texts are answered from the per-text names cache.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

if not __package__:  # run as `python3 benchmarks/NAME.py`: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Run, arguments, chunks, median, prof, run, workdir
from benchmarks.generate import generate
from profcli.repository.kinds import KINDS, PROFILE
from profcli.snapshot import RACY_SECONDS

CACHE = ".prof-cache"


def kind_files(root: Path) -> dict[str, list[str]]:
    """Repository-relative files per kind, as check-jsonschema gets them."""
    out: dict[str, list[str]] = {}
    for kind in KINDS:
        pattern = (
            "profielen/*/profiel.toml" if kind is PROFILE else f"profielen/*/{kind.folder}/*.toml"
        )
        files = sorted(p.relative_to(root).as_posix() for p in root.glob(pattern))
        if files:
            out[kind.name] = files
    return out


def check_jsonschema(root: Path, files: dict[str, list[str]]) -> Run:
    exe = shutil.which("check-jsonschema") or "check-jsonschema"
    total = Run(0.0, 0.0)
    for kind, paths in files.items():
        for part in chunks(paths):
            r = run([exe, "--schemafile", f"schemas/{kind}.schema.json", *part], root)
            total = Run(total.seconds + r.seconds, max(total.peak_mib, r.peak_mib))
    return total


def measure(root: Path, runs: int, with_cjs: bool, exe: list[str] | None = None) -> dict[str, Run]:
    files = kind_files(root)
    count = sum(len(v) for v in files.values())
    cmd = [*(exe or prof()), "validate"]
    changed = root / files["reflectie"][0]
    original = changed.read_bytes()
    results: dict[str, list[Run]] = {
        "cold": [],
        "names": [],
        "warm": [],
        "changed": [],
        "cjs": [],
    }
    for i in range(runs):
        # Files written less than RACY_SECONDS ago are never trusted by stat alone (see
        # profcli.snapshot): let the repository rest as it would between two commits.
        time.sleep(RACY_SECONDS + 0.2)
        shutil.rmtree(root / CACHE, ignore_errors=True)
        results["cold"].append(run(cmd, root))
        for stored in [*(root / CACHE).glob("snapshot*"), *(root / CACHE).glob("stand*")]:
            stored.unlink()  # a whole run that keeps only the names cache (issue 25: the stand)
        results["names"].append(run(cmd, root))
        results["warm"].append(run(cmd, root))
        changed.write_bytes(original + f"# wijziging {'i' * (i + 1)}\n".encode())
        results["changed"].append(run(cmd, root))
        if with_cjs:
            results["cjs"].append(check_jsonschema(root, files))
    changed.write_bytes(original)
    med = {k: median(v) for k, v in results.items() if v}
    print(f"\n{count} bestanden, mediaan van {runs} run(s)")
    print(f"{'':24}{'seconden':>10}{'bestanden/s':>13}{'piek MiB':>10}{'cjs / dit':>11}")
    labels = {
        "cold": "prof validate koud",
        "names": "koud, namen bewaard",
        "warm": "prof validate warm",
        "changed": "prof validate 1 gewijzigd",
        "cjs": "check-jsonschema",
    }
    for key, r in med.items():
        ratio = med["cjs"].seconds / r.seconds if "cjs" in med else float("nan")
        print(
            f"{labels[key]:24}{r.seconds:10.2f}{count / r.seconds:13.0f}"
            f"{r.peak_mib:10.0f}{ratio:10.1f}x"
        )
    return med


def main() -> None:
    parser = arguments(__doc__.splitlines()[0], [250, 1000], 3)
    parser.add_argument("--zonder-check-jsonschema", dest="cjs", action="store_false")
    parser.add_argument("--prof", help="de prof die gemeten wordt (standaard die naast python)")
    args = parser.parse_args()
    base = workdir(args.map)
    for n in args.werkers:
        root = base / f"team-{n}"
        files = generate(root, n, args.seed)
        print(f"== {n} werkers ({files} bestanden) in {root}")
        measure(root, args.runs, args.cjs, [args.prof] if args.prof else None)
    if args.map is None:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
