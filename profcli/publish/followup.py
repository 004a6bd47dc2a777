"""Follow-up of meetings: the filterable overview table and the open agreements.

The overview is a plain HTML table (escaped here) so that each row can carry its kind and
signals as data attributes; `assets/filter.js` shows the filter controls and hides rows. Without
script the controls stay hidden and the whole table is still there.
"""

from __future__ import annotations

import datetime as dt
import html

from profcli.publish.context import Context, worker_page
from profcli.publish.labels import MEETINGS as MEETING_LABELS
from profcli.publish.labels import label, slug_words
from profcli.publish.markdown import NONE, cell, datum, link, rel, table, text
from profcli.repository.agreements import Agreement, agreements
from profcli.repository.kinds import BIJEENKOMST
from profcli.repository.model import Entry, Portfolio


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def open_count(meeting: Entry) -> int:
    return sum(1 for a in agreements(meeting) if a.open)


def overview(meetings: list[Entry]) -> list[str]:
    """The overview table (newest first) with its filter controls, as one raw HTML block."""
    if not meetings:
        return []
    kinds = sorted({str(m.get("soort")) for m in meetings})
    signals = sorted({s for m in meetings for s in m.ids("signalen")})
    soort_options = "".join(
        f'<option value="{_e(k)}">{_e(label(MEETING_LABELS, k))}</option>' for k in kinds
    )
    signal_options = "".join(
        f'<option value="{_e(s)}">{_e(slug_words(s))}</option>' for s in signals
    )
    lines = [
        '<div class="prof-filter" data-prof-filter="bijeenkomsten">',
        '<form class="prof-filter__controls" hidden aria-label="Bijeenkomsten filteren">',
        '<label>Soort <select name="soort"><option value="">Alle soorten</option>'
        f"{soort_options}</select></label>",
        '<label>Signaal <select name="signaal"><option value="">Alle bijeenkomsten</option>'
        '<option value="*">Met signalen</option><option value="-">Zonder signalen</option>'
        f"{signal_options}</select></label>",
        '<p class="prof-filter__count" role="status" aria-live="polite"></p>',
        "</form>",
        "<table>",
        "<thead><tr><th>Datum</th><th>Soort</th><th>Thema</th><th>Signalen</th>"
        "<th>Open afspraken</th></tr></thead>",
        "<tbody>",
    ]
    for m in meetings:
        words = ", ".join(slug_words(s) for s in m.ids("signalen"))
        still = open_count(m)
        tags = " ".join(m.ids("signalen"))
        lines.append(
            f'<tr data-soort="{_e(m.get("soort"))}" data-signalen="{_e(tags)}">'
            f"<td>{_e(datum(m.datum))}</td>"
            f"<td>{_e(label(MEETING_LABELS, m.get('soort')))}</td>"
            f'<td><a href="#{_e(m.id)}">{_e(m.text("thema"))}</a></td>'
            f"<td>{_e(words) if words else 'geen'}</td>"
            f"<td>{still if still else 'geen'}</td></tr>"
        )
    lines += ["</tbody>", "</table>", "</div>"]
    return ["\n".join(lines), ""]


def agreement_line(ctx: Context, here: str, agreement: Agreement) -> str:
    """One agreement as a list item: done or open, with whom."""
    if agreement.klaar_op is not None:
        mark = f"**klaar** op {datum(agreement.klaar_op)}"
    elif agreement.klaar:
        mark = "**klaar**"
    else:
        mark = "**open**"
    who = _who(ctx, here, agreement)
    return f"- {mark}: {text(agreement.wat)}" + (f" ({who})" if who != NONE else "")


def _who(ctx: Context, here: str, agreement: Agreement) -> str:
    found = [ctx.worker(s) for s in agreement.wie]
    return ", ".join(link(w.naam, rel(here, worker_page(w.slug))) for w in found if w) or NONE


def open_agreements(ctx: Context, here: str, teams: list[Portfolio]) -> list[str]:
    """Agreements nobody marked done yet, oldest first: a section for the team's dashboard."""
    rows: list[tuple[dt.date, str, list[str]]] = []
    for team in teams:
        for meeting in ctx.of(team, BIJEENKOMST):
            day = meeting.datum or ctx.today
            target = rel(here, ctx.owner_page(meeting, "bijeenkomsten")) + "#" + meeting.id
            for agreement in agreements(meeting):
                if not agreement.open:
                    continue
                rows.append(
                    (
                        day,
                        meeting.id,
                        [
                            cell(agreement.wat),
                            _who(ctx, here, agreement),
                            link(f"{datum(meeting.datum)}: {meeting.text('thema')}", target),
                            str((ctx.today - day).days),
                        ],
                    )
                )
    rows.sort(key=lambda r: (r[0], r[1]))
    out = ["## Open afspraken", ""]
    if not rows:
        return [*out, "Alle afspraken uit de bijeenkomsten zijn afgerond.", ""]
    out += [
        f"{len(rows)} afspraken uit bijeenkomsten zijn nog niet als klaar gemarkeerd; de oudste "
        "staan bovenaan.",
        "",
        table(["Afspraak", "Wie", "Bijeenkomst", "Dagen open"], [r for _, _, r in rows]),
        "",
    ]
    return out
