"""Derive profcli/validation/data/opentaal-*.txt from OpenTaal's Dutch Hunspell dictionary.

OpenTaal (https://opentaal.org, Revised BSD or CC BY 3.0) spells every proper noun with its
capital: "Oksana/PN", "Emre/PN", "Utrecht/PNSvPIGl", next to lowercase words ("roos", "bakker").
The names check needs two facts from it that no word-frequency list has, because those lists
lowercase everything: which words are *only* proper nouns (no lowercase twin), and which of
those are places or adjectives of a place or language ("Arabisch", "Alphense": the flags PI
and Aa/Ll). Run once when the dictionary changes; the output is committed.

    apt-get install hunspell-nl && python3 tools/opentaal.py /usr/share/hunspell/nl.dic
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "profcli" / "validation" / "data"
WORD = re.compile(r"[^\W\d_][\w'-]*")
PLACE_FLAGS = re.compile(r"PI|Aa|Ll|Lr")
HEADER = (
    "# Derived by tools/opentaal.py from OpenTaal's Hunspell dictionary {version}\n"
    "# (https://opentaal.org; Revised BSD License or CC BY 3.0, (c) OpenTaal). {what}\n"
)


def main() -> None:
    dic = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/nl.dic")
    aff = dic.with_suffix(".aff").read_text(encoding="utf-8")
    version = next((ln.split(":", 1)[1].strip() for ln in aff.splitlines() if "version" in ln), "?")
    entries = []
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        word, _, flags = line.strip().partition("/")
        word = word.replace("\u0133", "ij").replace("\u0132", "IJ")
        entries.append((word, flags))
    lower = {w for w, _ in entries if w[:1].islower()}
    names: set[str] = set()
    places: set[str] = set()
    for word, flags in entries:
        if not word[:1].isupper() or word.isupper() or not WORD.fullmatch(word):
            continue
        if word.lower() in lower:
            continue
        (places if PLACE_FLAGS.search(flags) else names).add(word)
    (OUT / "opentaal-eigennamen.txt").write_text(
        HEADER.format(version=version, what="Proper nouns with no lowercase twin.")
        + "\n".join(sorted(names - places))
        + "\n",
        encoding="utf-8",
    )
    (OUT / "opentaal-plaatsen.txt").write_text(
        HEADER.format(version=version, what="Places and their adjectives (flags PI, Aa, Ll).")
        + "\n".join(sorted(places))
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(names - places)} eigennamen, {len(places)} plaatsen en bijvoeglijke vormen")


if __name__ == "__main__":
    main()
