"""The names check alone: time per text over every free text of a generated team.

Builds (or opens) the word lists first and says how long that took, then runs the rules of
profcli.validation.namefinder over each unique text once, as a cold `prof validate` with an
empty names cache does, and counts how many texts took the quick path.

    python3 benchmarks/names.py --werkers 250 --map /tmp/bench22
"""

from __future__ import annotations

import sys
import time
import tomllib
from pathlib import Path
from typing import Any

if not __package__:  # run as `python3 benchmarks/NAME.py`: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import arguments, workdir
from benchmarks.generate import generate
from profcli.validation import lexicon, namefinder, names


def texts_of(root: Path) -> list[str]:
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted((root / "profielen").rglob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return sorted(t for t in found if names.worth_scanning(t))


def main() -> None:
    args = arguments(__doc__.splitlines()[0], [250], 1).parse_args()
    base = workdir(args.map)
    start = time.perf_counter()
    lists = lexicon.lexicon()
    print(f"woordenlijsten geopend of gebouwd in {time.perf_counter() - start:.3f} s")
    for n in args.werkers:
        root = base / f"team-{n}"
        if not (root / "profielen").is_dir():
            generate(root, n, args.seed)
        texts = texts_of(root)
        quick = 0
        start = time.perf_counter()
        for text in texts:
            namefinder.spans(text, lists)
        seconds = time.perf_counter() - start
        for text in texts:
            quick += all(
                lists.starts.get(m.group(), False) and namefinder._sentence_start(text, m.start())
                for m in namefinder._CAPITAL.finditer(text)
            )
        print(
            f"== {n} werkers: {len(texts)} unieke teksten in {seconds:.2f} s, "
            f"{seconds / len(texts) * 1e6:.1f} µs per tekst; {quick} via de snelle weg"
        )


if __name__ == "__main__":
    main()
