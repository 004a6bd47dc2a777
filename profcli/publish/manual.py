"""The manual ("Handleiding"): what each page shows, how an entry gets there, who sees what and
where the numbers come from, in plain Dutch for readers who never see the files.

The text is a template shipped with the package (`handleiding.md`), so it is written and read
as a page, not as Python strings. Blocks between `::: team` (or `::: publiek`) and `:::` are
for that audience only; `@@NAME@@` is a link or a figure filled in here, so the manual states
the thresholds the pages really use. A team replaces the page with its own
`site/handleiding.md` (the plugin lets a page in `site/` win over a generated one).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from profcli.publish.attention import THRESHOLDS
from profcli.publish.context import (
    COLOPHON,
    FRAMEWORKS,
    HOME,
    MANUAL,
    TEAM,
    WORKERS,
    Context,
    Page,
)
from profcli.publish.dashboard import HORIZON
from profcli.publish.markdown import join, rel
from profcli.publish.pieces import MIN_GROUP
from profcli.registration.hours import RISK_WINDOW
from profcli.words import Publiek

TEMPLATE = Path(__file__).resolve().parent / "handleiding.md"
_BLOCK = re.compile(r"^::: (team|publiek)\n(.*?)^:::\n", re.M | re.S)
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")


@functools.cache
def _template() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


def values() -> dict[str, str]:
    """What the placeholders stand for: links from the manual, and the figures the pages use."""
    links = {
        "HOME": HOME,
        "WORKERS": WORKERS,
        "TEAM": TEAM,
        "FRAMEWORKS": FRAMEWORKS,
        "COLOPHON": COLOPHON,
    }
    return {
        **{name: rel(MANUAL, path) for name, path in links.items()},
        "REFLECTIE_DAGEN": str(THRESHOLDS["reflectie"]),
        "ZELFTOETS_DAGEN": str(THRESHOLDS["zelftoets"]),
        "HORIZON_WEKEN": str(HORIZON.days // 7),
        "MIN_GROEP": str(MIN_GROUP),
        "RISICO_MAANDEN": str(round(RISK_WINDOW.days / 30.4)),
    }


def render(audience: str) -> str:
    """The manual for `audience`: its own blocks kept, the other audience's blocks left out."""
    text = _BLOCK.sub(lambda m: m.group(2) if m.group(1) == audience else "", _template())
    filled = values()
    return join(_PLACEHOLDER.sub(lambda m: filled[m.group(1)], text).splitlines())


def page(ctx: Context) -> Page:
    audience = Publiek.PUBLIEK if ctx.audience == Publiek.PUBLIEK else Publiek.TEAM
    return Page(MANUAL, "Handleiding", render(audience), in_nav=True)
