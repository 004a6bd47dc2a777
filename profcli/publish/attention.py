""" "Aandacht nodig": the supervisor's first question, who needs me now, as one table.

One row per worker, most urgent first: register and cycle end, days left, points done and
still needed, the pace in a word and a symbol (never colour alone), overdue goals, and how
long ago the last reflection, self-check, feedback and intervision were, each against a
threshold. The figures come from `profcli.registration.hours`, the same as `prof status`.
"""

from __future__ import annotations

import datetime as dt

from profcli.publish.context import Context, worker_page
from profcli.publish.labels import OPEN_STATUS, PRIVATE_NOT_COUNTED, REGISTERS, label
from profcli.publish.markdown import NONE, hours, link, rel, table, text
from profcli.registration import norm
from profcli.registration.hours import PACE_SYMBOLS, HoursReport
from profcli.repository import conversations
from profcli.repository.kinds import (
    BIJEENKOMST,
    FEEDBACK,
    GESPREK,
    LEERDOEL,
    REFLECTIE,
    ZELFTOETS,
    Kind,
)
from profcli.repository.model import Portfolio

THRESHOLDS: dict[str, int] = {"reflectie": 92, "zelftoets": 183, "feedback": 183, "intervisie": 92}
"""Days after which a missing entry is flagged (about three and six months)."""

URGENCY = {"risico": 0, "achter": 1, "onbekend": 2, "op schema": 3, "voldoet": 4}


def section(ctx: Context, here: str, workers: list[Portfolio]) -> list[str]:
    rows = sorted((_row(ctx, here, w) for w in workers), key=lambda r: r[0])
    out = ["## Aandacht nodig", ""]
    if not rows:
        return [*out, "Er zijn geen gepubliceerde portfolio's van medewerkers.", ""]
    out += [
        "Per medewerker, de meest urgente bovenaan: hoe de herregistratie ervoor staat, te late "
        f"leerdoelen, en wanneer er voor het laatst werd gereflecteerd (meer dan "
        f"{THRESHOLDS['reflectie']} dagen: ⚠), een zelftoets werd gedaan of feedback kwam "
        f"(meer dan {THRESHOLDS['zelftoets']} dagen: ⚠). Punten: wat meetelt voor de norm "
        "/ wat de cyclus vraagt, en wat nog nodig is (ook per maand tot het einde van de "
        "cyclus); meetellend en nog nodig samen zijn de "
        "norm. *Extra* zijn punten die de norm niet dichterbij brengen, zoals die in een "
        "categorie zonder minimum of boven een maximum; de urenpagina zegt waarom. "
        "*Achter* zegt hoeveel punten er ontbreken tegenover een gelijk tempo door de cyclus. "
        "*Jaargesprek*: het laatste periodieke gesprek met de leidinggevende (ouder dan een "
        "jaar, of nooit: ⚠; de Cao Sociaal Werk vraagt er één per jaar). *Afspraken*: "
        "afspraken uit die gesprekken die over hun deadline zijn en niet klaar. "
        + PRIVATE_NOT_COUNTED,
        "",
    ]
    header = [
        "Medewerker",
        "Tempo",
        "Einde cyclus",
        "Punten (nog nodig)",
        "Te laat",
        "Reflectie",
        "Zelftoets",
        "Feedback",
        "Intervisie",
        "Jaargesprek",
        "Afspraken",
    ]
    body = []
    for _, worker, report, cells in rows:
        name = link(worker.naam, rel(here, worker_page(worker.slug)))
        body.append([name, *_hours_cells(ctx, worker, report), *cells])
    out.append(table(header, body))
    return [*out, ""]


def _row(
    ctx: Context, here: str, worker: Portfolio
) -> tuple[tuple[int, int, str], Portfolio, HoursReport, list[str]]:
    report = ctx.hours(worker)
    pace = report.pace if ctx.shows_hours(worker) else "onbekend"
    late = sum(
        1
        for g in ctx.of(worker, LEERDOEL)
        if g.get("status") in OPEN_STATUS
        and isinstance(g.get("deadline"), dt.date)
        and g.get("deadline") < ctx.today
    )
    cells = [
        f"**{late}**" if late else "0",
        _since(ctx, worker, REFLECTIE, "reflectie"),
        _since(ctx, worker, ZELFTOETS, "zelftoets"),
        _since(ctx, worker, FEEDBACK, "feedback"),
        _intervision(ctx, worker),
        *_conversation_cells(ctx, here, worker),
    ]
    key = (URGENCY.get(pace, 9), report.days_left if report.register else 99999, worker.slug)
    return key, worker, report, cells


def _hours_cells(ctx: Context, worker: Portfolio, report: HoursReport) -> list[str]:
    if not ctx.shows_hours(worker) or report.register is None:
        return [NONE] * 3
    last = report.end - dt.timedelta(days=1)
    pace = PACE_SYMBOLS[report.pace]
    register = text(label(REGISTERS, report.register.register))
    need = (
        f"nog {hours(report.tekort)}, {hours(report.per_month)}/maand"  # as prof status says
        if report.tekort
        else "klaar"
    )
    if report.pace == "risico":
        need = f"**{need}**"
    extra = sum(b.punten for b in norm.beside(report))
    figures = f"{hours(norm.toward(report))} / {hours(norm.required(report))} ({need})"
    if report.pace == "achter":  # how far: points short of an even pace through the cycle
        pace = f"**{pace}** ({round(report.behind)} punten)"
    elif report.pace == "risico":
        pace = f"**{pace}**"
    return [
        pace,
        f"{short_date(last)} ({report.days_left} d, {register})",
        figures + (f" + {hours(extra)} *extra*" if extra else ""),
    ]


def short_date(day: dt.date) -> str:
    """A compact Dutch date for narrow columns: 31-12-2026."""
    return day.strftime("%d\u2011%m\u2011%Y")  # non-breaking hyphens: one line


def _since(ctx: Context, worker: Portfolio, kind: Kind, threshold: str) -> str:
    dates = [e.datum for e in ctx.of(worker, kind) if e.datum]
    return _age(ctx, max(dates) if dates else None, THRESHOLDS[threshold])


def _intervision(ctx: Context, worker: Portfolio) -> str:
    """The last intervision, supervision or case discussion: a team meeting or one logged."""
    dates = [
        m.datum
        for team in ctx.teams()
        for m in ctx.of(team, BIJEENKOMST)
        if m.datum
        and worker.slug in m.ids("deelnemers")
        and m.get("soort") in ("intervisie", "casusbespreking")
    ]
    return _age(ctx, max(dates) if dates else None, THRESHOLDS["intervisie"])


def _conversation_cells(ctx: Context, here: str, worker: Portfolio) -> list[str]:
    """The last yearly conversation, and how many agreements are past their deadline (since
    when), linked to them on the worker's page: the table must fit an A4 page."""
    talks = ctx.of(worker, GESPREK)
    last = conversations.last_periodic(talks)
    late = [a for a in conversations.agreements(talks) if a.overdue(ctx.today)]
    if not late:
        agreed = "0"
    else:
        first = late[0]  # the oldest deadline
        due = short_date(first.deadline) if first.deadline else ""
        page = rel(here, worker_page(worker.slug)) + "#open-afspraken"
        agreed = link(f"{len(late)} te laat", page) + (f" (sinds {due})" if due else "")
    return [_age(ctx, last, conversations.YEARLY_DAYS), agreed]


def _age(ctx: Context, day: dt.date | None, threshold: int) -> str:
    if day is None:
        return "⚠\u00a0nooit"
    days = (ctx.today - day).days
    shown = short_date(day)
    return f"⚠\u00a0{shown}" if days > threshold else shown
