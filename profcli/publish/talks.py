"""A worker's conversations with her team lead on her page: the yearly one, the agreements
still open (overdue first), then each conversation with its report (issue 23)."""

from __future__ import annotations

from profcli.publish.context import Context, worker_page
from profcli.publish.labels import label
from profcli.publish.markdown import NONE, datum, link, rel, rich, table, text
from profcli.repository import conversations
from profcli.repository.kinds import GESPREK, LEERDOEL
from profcli.repository.model import Entry, Portfolio

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
        mine = [a for a in agreed if a.conversation is entry]
        if mine:
            out += ["", "**Afspraken**", ""]
            for a in mine:
                state = "klaar" if a.klaar else ("te laat" if a.overdue(ctx.today) else "open")
                due = f", deadline {datum(a.deadline)}" if a.deadline else ""
                out.append(f"- *{state}*: {text(a.wat)} ({text(label(WIE, a.wie))}{due})")
    return [*out, ""]
