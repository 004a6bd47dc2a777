"""Benchmark `prof build` on each engine against plain `mkdocs build` of the same site.

For every size: `prof build` (MkDocs through the plugin), `prof build --engine zensical` (when
Zensical is installed) and a plain `mkdocs build` of the very folder that Zensical builds
(`publish.folder.write`: the same documents, menu, assets, theme overrides and settings, no
profcli plugin). So the ratio prof/mkdocs is the cost of our generation, validation included.
Each line: seconds, pages/s, the average HTML page and the peak memory.

    python3 benchmarks/build.py                      # 50 and 200 workers
    python3 benchmarks/build.py --werkers 100 400    # the growth from 100 to 400
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

if not __package__:  # run as `python3 benchmarks/NAME.py`: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Run, arguments, median, prof, run, workdir
from benchmarks.generate import generate
from profcli.publish import folder
from profcli.publish.pages import build_pages
from profcli.validation import check_repository

TODAY = "2026-07-01"  # fixed, like the generated dates


def average_page(site: Path) -> tuple[int, float]:
    """(pages, average KiB) of the HTML pages of a built site, the 404 page left out."""
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    return len(pages), sum(p.stat().st_size for p in pages) / max(len(pages), 1) / 1024


def plain_source(root: Path) -> Path:
    """The site source folder with its mkdocs.yml, as `prof build --engine zensical` makes it."""
    today = dt.date.fromisoformat(TODAY)
    repo = check_repository(root, today=today).repository
    out = root / "plain-bron"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    pages = build_pages(repo, today=today)
    return folder.write(root, pages, out, audience="team", site_dir=Path("site"), repo=repo)


def zensical_installed() -> bool:
    from profcli.errors import EngineUnavailable
    from profcli.publish.engine import zensical_version

    try:
        zensical_version()
    except EngineUnavailable:
        return False
    return True


def line(name: str, result: Run, pages: int, kib: float) -> str:
    return (
        f"{name:<22} {result.seconds:8.2f} s {pages / result.seconds:8.0f} pagina's/s "
        f"{kib:8.1f} KiB/pagina {result.peak_mib:7.0f} MiB piek"
    )


def measure(root: Path, runs: int, engines: list[str]) -> dict[str, float]:
    """Each run builds with every engine and then plain MkDocs, one after the other, so that
    a busy moment of the machine falls on both sides of a ratio (medians of `runs`)."""
    figures: dict[str, float] = {}
    # The names check (DEDUCE) runs once per new text and keeps its answer in .prof-cache/, as
    # a team's CI keeps it: filled here first, and said, so that the timed builds compare the
    # build itself (a first build on a new clone also pays this, once).
    names = run([*prof(), "--vandaag", TODAY, "validate"], root)
    print(f"eerst: prof validate vult de cache van de namencontrole: {names.seconds:.2f} s")
    figures["names_s"] = names.seconds
    config = plain_source(root)
    mkdocs = shutil.which("mkdocs") or "mkdocs"
    timings: dict[str, list[Run]] = {name: [] for name in [*engines, "plain"]}
    for _ in range(runs):
        for engine in engines:
            command = [*prof(), "build", "--vandaag", TODAY, "--engine", engine]
            timings[engine].append(run(command, root))
            figures["pages"], figures[f"{engine}_kib"] = average_page(root / "teamsite")
        timings["plain"].append(run([mkdocs, "build", "-q", "-f", str(config)], root))
    print(f"{'':<22} {'tijd':>10} {'snelheid':>17} {'gem. pagina':>18} {'geheugen':>16}")
    for engine in engines:
        built = median(timings[engine])
        print(
            line(f"prof build ({engine})", built, int(figures["pages"]), figures[f"{engine}_kib"])
        )
        figures[f"{engine}_s"], figures[f"{engine}_mib"] = built.seconds, built.peak_mib
    plain = median(timings["plain"])
    pages, kib = average_page(config.parent / "site")
    print(line("mkdocs build (kaal)", plain, pages, kib))
    figures["plain_s"] = plain.seconds
    ratios = ", ".join(f"{e} {figures[f'{e}_s'] / plain.seconds:.2f}x" for e in engines)
    print(f"prof build / mkdocs build: {ratios}")
    if runs > 1:
        pairs = ", ".join(
            f"{e} "
            + " ".join(
                f"{a.seconds / b.seconds:.2f}"
                for a, b in zip(timings[e], timings["plain"], strict=True)
            )
            for e in engines
        )
        print(f"per ronde: {pairs}")
    return figures


def main() -> None:
    parser = arguments(__doc__.splitlines()[0], [50, 200], 1)
    parser.add_argument(
        "--engine",
        nargs="+",
        default=None,
        help="bouwers om te meten (standaard mkdocs, en zensical als het is geïnstalleerd)",
    )
    args = parser.parse_args()
    engines = args.engine or ["mkdocs", *(["zensical"] if zensical_installed() else [])]
    base = workdir(args.map)
    results: dict[int, dict[str, float]] = {}
    for n in args.werkers:
        root = base / f"site-{n}"
        print(f"== {n} werkers ({generate(root, n, args.seed)} bestanden) in {root}")
        results[n] = measure(root, args.runs, engines)
    if len(results) > 1:
        low, high = min(results), max(results)
        for engine in engines:
            time_ratio = results[high][f"{engine}_s"] / results[low][f"{engine}_s"]
            size_ratio = results[high][f"{engine}_kib"] / results[low][f"{engine}_kib"]
            print(
                f"{engine}: {high} tegen {low} werkers: tijd {time_ratio:.2f}x, "
                f"gemiddelde pagina {size_ratio:.2f}x"
            )
    if args.map is None:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
