"""Benchmark `prof build` against plain `mkdocs build` of the same pages.

The pages are written beforehand with `prof render --out DIR`; plain MkDocs builds them with
the team's mkdocs.yml minus the profcli plugin, so the ratio is the cost of our generation
(including validation, which `prof build` always does first).

    python3 benchmarks/build.py --werkers 100 400
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import yaml

if not __package__:  # run as `python3 benchmarks/NAME.py`: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import arguments, median, prof, run, size_of, workdir
from benchmarks.generate import generate
from profcli.publish.pages import build_pages
from profcli.validation import check_repository

TODAY = "2026-07-01"  # fixed, like the generated dates


def plain_config(root: Path, docs: Path, site: Path) -> Path:
    """The team's mkdocs.yml without the profcli plugin, pointing at rendered pages.

    The plugin keeps most generated pages out of the navigation; without the same `nav`
    MkDocs would list all of them on every page (quadratic), which is not a fair baseline.
    """
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config.get("plugins", []) if p != "profcli"]
    config["docs_dir"], config["site_dir"] = str(docs), str(site)
    today = dt.date.fromisoformat(TODAY)
    pages = build_pages(check_repository(root, today=today).repository, today=today)
    config.setdefault("nav", [{p.title: p.path} for p in pages if p.in_nav])
    out = root / "mkdocs-plain.yml"
    out.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return out


def measure(root: Path, runs: int) -> dict[str, float]:
    builds = [run([*prof(), "build", "--vandaag", TODAY], root) for _ in range(runs)]
    public = root / "teamsite"
    pages = [p for p in public.rglob("*.html") if p.name != "404.html"]
    html = sum(p.stat().st_size for p in pages)
    docs, site = root / "plain-docs", root / "plain-site"
    shutil.rmtree(docs, ignore_errors=True)
    run([*prof(), "render", "--out", str(docs), "--vandaag", TODAY], root)
    for extra in (root / "site").rglob("*"):  # hand-written pages, as prof build adds them
        target = docs / extra.relative_to(root / "site")
        if extra.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(extra, target)
    config = plain_config(root, docs, site)
    mkdocs = shutil.which("mkdocs") or "mkdocs"
    plain = [run([mkdocs, "build", "-q", "-f", str(config)], root) for _ in range(runs)]
    b, p = median(builds), median(plain)
    figures = {
        "pages": len(pages),
        "prof_s": b.seconds,
        "prof_mib": b.peak_mib,
        "mkdocs_s": p.seconds,
        "mkdocs_mib": p.peak_mib,
        "ratio": b.seconds / p.seconds,
        "site_mib": size_of(public) / 2**20,
        "avg_kib": html / len(pages) / 1024,
    }
    print(
        f"prof build:   {figures['pages']} pagina's in {b.seconds:.2f} s "
        f"({figures['pages'] / b.seconds:.0f} pagina's/s), piek {b.peak_mib:.0f} MiB, "
        f"site {figures['site_mib']:.1f} MiB, gemiddeld {figures['avg_kib']:.1f} KiB per pagina"
    )
    print(
        f"mkdocs build: {p.seconds:.2f} s, piek {p.peak_mib:.0f} MiB; "
        f"prof build / mkdocs build = {figures['ratio']:.2f}x"
    )
    return figures


def main() -> None:
    parser = arguments(__doc__.splitlines()[0], [100, 400], 1)
    args = parser.parse_args()
    base = workdir(args.map)
    results: dict[int, dict[str, float]] = {}
    for n in args.werkers:
        root = base / f"site-{n}"
        print(f"== {n} werkers ({generate(root, n, args.seed)} bestanden) in {root}")
        results[n] = measure(root, args.runs)
    if len(results) > 1:
        low, high = min(results), max(results)
        time_ratio = results[high]["prof_s"] / results[low]["prof_s"]
        size_ratio = results[high]["avg_kib"] / results[low]["avg_kib"]
        print(
            f"{high} tegen {low} werkers: tijd {time_ratio:.2f}x, "
            f"gemiddelde paginagrootte {size_ratio:.2f}x"
        )
    if args.map is None:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
