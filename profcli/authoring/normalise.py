"""Input as people type it, read as the id it unambiguously means.

`Registerplein`, `Sociaal Werker`, ` huiselijk geweld `, `privé`: each can mean one id only
(`registerplein`, `sociaal-werker`, `huiselijk-geweld`, `prive`), so prof takes it and says
so in one line (`noted`). What could mean two things is never guessed: `match` then returns
None, and `suggest` may offer the one close candidate for the person to take or leave.
Nothing here talks to a terminal.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

from profcli.repository import writing

ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
"""The pattern of every id in the schemas (slugs, tags, references)."""
_SLUG = re.compile(ID_PATTERN)


def fold(text: str) -> str:
    """The id `text` stands for when it is read generously: case, accents, spaces and
    underscores folded (`Huiselijk  Geweld` -> `huiselijk-geweld`); punctuation other than
    hyphens is kept, so `a/b` stays distinct from `a-b`."""
    words = re.split(r"[\s_]+", text.strip())
    joined = "-".join(w for w in words if w)
    folded = writing.slugify(joined.replace("-", " "), limit=10_000)
    kept = re.sub(r"[A-Za-z0-9\s_\-\u00C0-\u024F]", "", joined)
    return folded if not kept else joined.lower()


def as_id(text: str) -> str | None:
    """`text` as an id (`^[a-z0-9]+(-[a-z0-9]+)*$`) when it can only mean that, else None."""
    folded = fold(text)
    return folded if _SLUG.fullmatch(folded) else None


def match(text: str, options: Iterable[str], labels: Mapping[str, str] | None = None) -> str | None:
    """The one option `text` names: the option itself in any case, with or without accents
    and spaces, or its display name (`Registerplein` for `registerplein`). None when no
    option or more than one fits."""
    listed = list(dict.fromkeys(options))
    if text in listed:
        return text
    wanted = fold(text)
    found = {o for o in listed if fold(o) == wanted}
    if not found and labels:
        found = {o for o in listed if o in labels and fold(labels[o]) == wanted}
    return found.pop() if len(found) == 1 else None


def suggest(text: str, options: Iterable[str]) -> str | None:
    """One clear candidate for a typo or a beginning (`bzig` -> `bezig`, `sanne` ->
    `sanne-de-boer`), or None when there is none or several are as close."""
    listed = list(dict.fromkeys(options))
    if not listed or not text.strip():
        return None
    wanted = fold(text)
    by_fold: dict[str, str] = {}
    for option in listed:
        by_fold.setdefault(fold(option), option)
    starting = [f for f in by_fold if f.startswith(wanted)]
    if len(starting) == 1:
        return by_fold[starting[0]]
    containing = [f for f in by_fold if wanted in f]
    if len(containing) == 1 and len(wanted) >= 3:
        return by_fold[containing[0]]
    close = difflib.get_close_matches(wanted, by_fold, n=2, cutoff=0.6)
    if len(close) == 1:
        return by_fold[close[0]]
    if len(close) == 2:
        ratios = [difflib.SequenceMatcher(None, wanted, c).ratio() for c in close]
        if ratios[0] - ratios[1] >= 0.1:
            return by_fold[close[0]]
    # A typo in the beginning of a long id (`grenzn` for grenzen-stellen-...).
    heads = {f[: len(wanted) + 1]: f for f in by_fold} if len(wanted) >= 4 else {}
    starts = difflib.get_close_matches(wanted, heads, n=2, cutoff=0.8)
    if len(starts) == 1:
        return by_fold[heads[starts[0]]]
    return None


def noted(typed: str, value: str) -> str | None:
    """The one line that says what prof made of `typed`, or None when nothing changed but
    the surrounding spaces."""
    if typed.strip() == value.strip():
        return None
    return f"`{typed.strip()}` gelezen als `{value}`"
