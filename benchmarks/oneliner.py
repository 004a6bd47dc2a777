"""What a worker waits for: `prof add` one-liners with a new text against a text seen before.

A new text is one the names check has not seen (its per-text cache in `.prof-cache/` has no
answer for it); a seen text is answered from that cache. Issue 22's bound: new at most 1.5x
seen. Each round runs both, in turn, in a copy of the example team, so that a slow moment of
the machine falls on both; the figures are medians, the memory the highest peak.

    python3 benchmarks/oneliner.py                                   # this checkout's prof
    python3 benchmarks/oneliner.py --prof /tmp/venv-base/bin/prof    # another install
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

if not __package__:  # run as `python3 benchmarks/NAME.py`: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Run, run

ROOT = Path(__file__).resolve().parent.parent
WORKER = "marieke-jansen"


def one_liner(prof: str, root: Path, text: str, slug: str) -> list[str]:
    return [
        prof, "--vandaag", "2026-11-22", "--geen-git", "add", "activiteit",
        "--profiel", WORKER, "--titel", "Training huiselijk geweld", "--datum", "2026-11-20",
        "--vorm", "training", "--uren", "3,5", "--omschrijving", text, "--slug", slug,
        "--no-input",
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prof", default=shutil.which("prof") or "prof")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="prof-oneliner-"))
    root = base / "team"
    root.mkdir()
    for name in ("profielen", "bewijs", "schemas", "mkdocs.yml", "site"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.exists():
            shutil.copy2(source, root / name)
    seen_text = "Ik oefende met de meldcode en het afwegingskader."
    folder = root / "profielen" / WORKER / "activiteiten"
    run(one_liner(args.prof, root, seen_text, "warm-maken"), root)  # the seen text, seen
    runs: dict[str, list[Run]] = {"nieuw": [], "gezien": []}
    for i in range(args.rounds):
        for key, text in (("nieuw", f"{seen_text} Ronde {i}: nieuw."), ("gezien", seen_text)):
            runs[key].append(run(one_liner(args.prof, root, text, f"{key}-{i}"), root))
            for made in folder.glob(f"*-{key}-{i}.toml"):
                made.unlink()
    new, seen = (statistics.median(r.seconds for r in runs[k]) for k in ("nieuw", "gezien"))
    peak = {k: max(r.peak_mib for r in v) for k, v in runs.items()}
    print(f"{args.prof}: mediaan van {args.rounds} rondes")
    print(f"  nieuwe tekst   {new:6.2f} s  {peak['nieuw']:6.0f} MiB")
    print(f"  geziene tekst  {seen:6.2f} s  {peak['gezien']:6.0f} MiB")
    print(f"  nieuw / gezien {new / seen:6.2f}x")
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
