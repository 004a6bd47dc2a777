"""A worker's conversations with her team lead on her page: the yearly one, the agreements
still open (overdue first), then each conversation with its report (issue 23)."""

from __future__ import annotations

import html

from profcli.publish import approved
from profcli.publish.context import Context, worker_page
from profcli.publish.labels import label
from profcli.publish.markdown import NONE, datum, link, rel, rich, table, text
from profcli.repository import conversations
from profcli.repository.kinds import GESPREK, LEERDOEL
from profcli.repository.model import Entry, Portfolio
from profcli.words import Publiek

SOORTEN = {
    "periodiek": "Jaargesprek (periodiek)",
    "voortgang": "Voortgangsgesprek",
    "loopbaan": "Loopbaangesprek",
}
MET = {
    "leidinggevende": "de leidinggevende",
    "teamleider": "de teamleider",
    "coach": "een coach",
    "praktijkbegeleider": "de praktijkbegeleider",
}
WIE = {"werker": "medewerker", "leidinggevende": "leidinggevende", "team": "team"}


def title(entry: Entry) -> str:
    return entry.text("titel") or label(SOORTEN, entry.get("soort"))


def section(ctx: Context, here: str, worker: Portfolio) -> list[str]:
    talks = ctx.of(worker, GESPREK)
    if ctx.quiet and not talks:
        return []  # the public site: no heading, and nothing about a conversation not held
    out = ["", "## Gesprekken met de leidinggevende", ""]
    last = conversations.last_periodic(talks)
    if ctx.quiet:
        pass  # the public site shows the conversations she published, no verdict on them
    elif last is None:
        out.append(
            "⚠ Geen jaargesprek op deze site; de Cao Sociaal Werk vraagt er één per jaar "
            "(een privé-gesprek staat hier niet)."
        )
    elif (ctx.today - last).days > conversations.YEARLY_DAYS:
        out.append(f"⚠ Het laatste jaargesprek was op {datum(last)}, meer dan een jaar geleden.")
    else:
        out.append(f"Het laatste jaargesprek was op {datum(last)}.")
    if not talks:
        return [*out, ""]
    agreed = conversations.agreements(talks)
    open_ones = [a for a in agreed if not a.klaar]
    out += ["", "### Open afspraken {#open-afspraken}", ""]
    if open_ones:
        rows = [
            [
                ("⚠ " if a.overdue(ctx.today) else "") + text(a.wat),
                text(label(WIE, a.wie)),
                datum(a.deadline) if a.deadline else NONE,
                link(datum(a.conversation.datum), f"#{a.conversation.id}"),
            ]
            for a in open_ones
        ]
        out.append(table(["Afspraak", "Wie", "Deadline", "Uit het gesprek van"], rows))
    else:
        out.append("Alle afspraken uit de gesprekken zijn klaar.")
    goals = {g.id: g for g in ctx.of(worker, LEERDOEL)}
    page = worker_page(worker.slug)
    for entry in reversed(talks):
        out += ["", f"### {datum(entry.datum)}: {text(title(entry))} {{#{entry.id}}}", ""]
        facts = [f"**Met:** {text(label(MET, entry.get('met') or 'leidinggevende'))}"]
        discussed = [
            link(goals[i].text("titel"), rel(here, page) + f"#doel-{i}")
            for i in entry.ids("besproken")
            if i in goals
        ]
        if discussed:
            facts.append(f"**Besproken leerdoelen:** {', '.join(discussed)}")
        out += [" · ".join(facts), "", rich(entry.text("verslag"))]
        out += approved.line(ctx, entry)
        mine = [a for a in agreed if a.conversation is entry]
        if mine:
            out += ["", "**Afspraken**", ""]
            for a in mine:
                state = "klaar" if a.klaar else ("te laat" if a.overdue(ctx.today) else "open")
                due = f", deadline {datum(a.deadline)}" if a.deadline else ""
                out.append(f"- *{state}*: {text(a.wat)} ({text(label(WIE, a.wie))}{due})")
    return [*out, ""]


def awaiting_approval(ctx: Context, here: str, workers: list[Portfolio]) -> list[str]:
    """The team's conversations (newest first) with their approval, filterable by it."""
    if ctx.audience != Publiek.TEAM:
        return []
    rows = [(worker, talk) for worker in workers for talk in ctx.of(worker, GESPREK)]
    if not rows:
        return []
    rows.sort(key=lambda r: (r[1].datum or ctx.today, r[1].id), reverse=True)
    waiting = sum(1 for _, talk in rows if approved.state(ctx, talk) != approved.GIVEN)
    options = "".join(
        f'<option value="{k}">{html.escape(v)}</option>' for k, v in approved.STATES.items()
    )
    lines = [
        '<div class="prof-filter" data-prof-filter="gesprekken">',
        '<form class="prof-filter__controls" hidden aria-label="Gesprekken filteren">',
        '<label>Akkoord <select name="akkoord"><option value="">Alle gesprekken</option>'
        f"{options}</select></label>",
        '<p class="prof-filter__count" role="status" aria-live="polite"></p>',
        "</form>",
        "<table>",
        "<thead><tr><th>Medewerker</th><th>Gesprek</th><th>Akkoord</th></tr></thead>",
        "<tbody>",
    ]
    for worker, talk in rows:
        # Raw HTML is not rewritten by the engine: link the built page (no directory URLs).
        built = rel(here, worker_page(worker.slug)).removesuffix(".md") + ".html"
        page = html.escape(built, quote=True)
        anchor = html.escape(talk.id, quote=True)
        found = approved.of(ctx, talk)
        now = approved.state(ctx, talk)
        said = approved.MARKS[now] + approved.STATES[now]
        if found is not None and now in (approved.GIVEN, approved.CHANGED):
            said += f" ({found.lead}, {datum(found.day)})" if found.day else f" ({found.lead})"
        when = datum(talk.datum) if talk.datum else ""
        lines.append(
            f'<tr data-akkoord="{now}">'
            f'<td><a href="{page}">{html.escape(worker.naam)}</a></td>'
            f'<td><a href="{page}#{anchor}">{html.escape(when)}: '
            f"{html.escape(title(talk))}</a></td>"
            f"<td>{html.escape(said)}</td></tr>"
        )
    lines += ["</tbody>", "</table>", "</div>"]
    intro = (
        f"{waiting} van de {len(rows)} gesprekken hebben nog geen geldig akkoord van de "
        "leidinggevende. Een akkoord geef je met `prof approve`; het wordt ondertekend "
        "vastgelegd en prof controleert het."
    )
    return ["## Gesprekken en akkoord", "", intro, "", "\n".join(lines), ""]
