"""What the live preview (`prof serve`) adds: the errors on every page, and a server that
never waits for a build that failed.

Plain functions without MkDocs, used by the plugin while it serves.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Sequence

from profcli.findings import Finding

SHOWN = 50
"""Errors listed on a page; the rest is counted (`prof validate` lists them all)."""

WAITING_PAGE = """# De site wacht op een verbetering

Er zijn fouten in de portfolio's, en er is nog geen eerdere goede versie van de site om te
laten zien. Bovenaan deze pagina staat wat er mis is, met het bestand en de regel.

Verbeter die bestanden en sla ze op: deze pagina laadt dan vanzelf opnieuw. Alles nog eens
nalopen kan met `prof validate`.
"""

_ARTICLE = re.compile(r"<article\b[^>]*>")
_BODY = re.compile(r"<body\b[^>]*>")


def banner(problems: Sequence[Finding], *, stale: bool) -> str:
    """An alert listing the errors with file, line and column; every piece of text escaped."""
    count = len(problems)
    title = "1 fout in de portfolio's" if count == 1 else f"{count} fouten in de portfolio's"
    what = (
        "Je ziet de laatste versie van de site zonder fouten."
        if stale
        else "De site kan pas worden getoond als ze zijn verbeterd."
    )
    items = "".join(
        f"<li><code>{html.escape(f'{f.path}:{f.line}:{f.column}')}</code> "
        f"{html.escape(f.message)} <small>[{html.escape(f.rule)}]</small></li>"
        for f in problems[:SHOWN]
    )
    more = (
        f"<li>… en nog {count - SHOWN}; <code>prof validate</code> toont ze allemaal.</li>"
        if count > SHOWN
        else ""
    )
    return (
        '<div class="admonition danger profcli-fouten" role="alert">'
        f'<p class="admonition-title">{title}</p>'
        f"<p>{what} Verbeter de bestanden hieronder en sla ze op; de pagina laadt dan vanzelf "
        f"opnieuw.</p><ul>{items}{more}</ul></div>"
    )


def with_banner(page: str, problems: Sequence[Finding], *, stale: bool) -> str:
    """The page with the alert at the top of its content (or of its body)."""
    alert = banner(problems, stale=stale)
    for pattern in (_ARTICLE, _BODY):
        found = pattern.search(page)
        if found:
            return page[: found.end()] + alert + page[found.end() :]
    return alert + page


def never_stuck(builder: Callable[[], None], log: logging.Logger) -> Callable[[], None]:
    """The serve loop's rebuild, made unable to raise.

    MkDocs' server lets every page request wait until the build it started has finished;
    when the build raises, that moment never comes and each request hangs (the ten-minute
    hang of issue #12). Swallowing the error lets the server serve what it has."""

    def rebuild() -> None:
        try:
            builder()
        except Exception as e:  # anything: the server must go on
            log.error(
                "profcli: de site kon niet opnieuw worden gebouwd (%s); je ziet de vorige "
                "versie. Verbeter het en sla op, dan wordt het opnieuw geprobeerd.",
                e,
            )

    return rebuild
