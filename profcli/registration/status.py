"""`prof status`: where a worker or a team stands today, as plain terminal text.

Hours come from `profcli.registration.hours`, so these figures equal the dossier's and the site's.
Colour is applied through a `paint` function that the CLI passes in (or not).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from profcli import clock
from profcli.findings import Finding
from profcli.registration import hours, norm
from profcli.repository import conversations
from profcli.repository.kinds import GESPREK, LEERDOEL, REFLECTIE, ZELFTOETS
from profcli.repository.model import Entry, Portfolio, Repository
from profcli.words import OPEN_STATUSES

Paint = Callable[[str, str], str]
"""`paint(text, colour)`; colour is one of red, yellow, green, or dim."""


def plain(text: str, colour: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Goal:
    id: str
    titel: str
    status: str
    deadline: dt.date | None
    overdue: bool


@dataclass(slots=True)
class WorkerStatus:
    portfolio: Portfolio
    goals: list[Goal]
    hours: hours.HoursReport
    last_reflection: dt.date | None
    last_selfcheck: dt.date | None
    outside: norm.Beside | None = None
    """Hours logged outside the cycle: they never count for it."""
    last_periodic: dt.date | None = None
    """The last yearly conversation (`gesprek` with `soort = "periodiek"`)."""
    agreements: tuple[conversations.Agreement, ...] = ()
    """The agreements of her conversations that are not done, nearest deadline first."""


def goals(portfolio: Portfolio, today: dt.date) -> list[Goal]:
    """Open goals, those with the nearest deadline first."""
    found = []
    for entry in portfolio.of(LEERDOEL):
        if entry.get("status") not in OPEN_STATUSES:
            continue
        deadline = entry.get("deadline")
        deadline = deadline if isinstance(deadline, dt.date) else None
        found.append(
            Goal(
                entry.id,
                entry.text("titel") or entry.id,
                str(entry.get("status")),
                deadline,
                deadline is not None and deadline < today,
            )
        )
    return sorted(found, key=lambda g: (g.deadline is None, g.deadline or today, g.id))


def worker(repo: Repository, portfolio: Portfolio, today: dt.date) -> WorkerStatus:
    report = hours.report(repo, portfolio, today)
    talks = portfolio.of(GESPREK)
    return WorkerStatus(
        portfolio,
        goals(portfolio, today),
        report,
        _last(portfolio.of(REFLECTIE)),
        _last(portfolio.of(ZELFTOETS)),
        norm.outside_cycle(repo, portfolio, report) if report.register else None,
        conversations.last_periodic(talks),
        tuple(a for a in conversations.agreements(talks) if not a.klaar),
    )


def conversation_lines(status: WorkerStatus, today: dt.date, paint: Paint) -> list[str]:
    """The yearly conversation and the open agreements (issue 23)."""
    last = status.last_periodic
    if last is None:
        never = "Jaargesprek: nog nooit; de Cao Sociaal Werk vraagt er één per jaar."
        lines = [paint(never, "red")]
    elif (today - last).days > conversations.YEARLY_DAYS:
        when = f"{clock.shown(last)}, {days_ago(last, today)}"
        lines = [paint(f"Jaargesprek: het laatste was {when}; plan het volgende.", "red")]
    else:
        lines = [f"Jaargesprek: {clock.shown(last)} ({days_ago(last, today)})"]
    if not status.agreements:
        return [*lines, "Open afspraken: geen"]
    lines.append("Open afspraken:")
    for a in status.agreements:
        when = f"deadline {clock.shown(a.deadline)}" if a.deadline else "geen deadline"
        if a.overdue(today):
            when = paint(f"{when} (te laat)", "red")
        lines.append(f"  - {a.wat} ({a.wie}) {when}")
    return lines


def _last(entries: list[Entry]) -> dt.date | None:
    dates = [e.datum for e in entries if e.datum]
    return max(dates) if dates else None


def days_ago(day: dt.date | None, today: dt.date) -> str:
    if day is None:
        return "nog nooit"
    days = (today - day).days
    return "vandaag" if days == 0 else f"{days} dag{'en' if days != 1 else ''} geleden"


def _register_lines(report: hours.HoursReport, paint: Paint) -> list[str]:
    register = report.register
    if register is None:
        return _without_register(report)
    end = report.end - dt.timedelta(days=1)
    lines = [
        f"Herregistratie: {register.titel}",
        f"Cyclus {clock.shown(report.start)} t/m {clock.shown(end)}: nog {report.days_left} dagen.",
    ]
    rows = [["categorie", "telt mee", "minimum", "tekort", "ingediend", "toegekend"]]
    for total in report.categories():
        c = total.category
        minimum = f"{c.minimum:g}" if c.minimum else "-"
        if c.maximum is not None:
            minimum += f" (max {c.maximum:g})"
        rows.append(
            [
                c.naam + ("" if c.bron.geverifieerd else " *"),
                _points(total.counted)
                + (f" (gelogd {_points(total.logged)})" if total.logged != total.counted else ""),
                minimum,
                _points(total.missing) if c.minimum else "-",
                _points(total.submitted),
                _points(total.awarded),
            ]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        text = "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
        lines.append(paint(text.rstrip(), "dim") if index == 0 else text.rstrip())
    for rule, counted, _ in report.combined():
        mark = "" if rule.bron.geverifieerd else " *"
        lines.append(f"  {rule.naam}{mark}: {_points(counted)} van minimaal {rule.minimum:g}")
    lines.append("  " + norm.summary(report))
    beside = norm.beside(report)
    if beside:
        lines.append("  Telt niet voor de norm:")
        lines += [f"    {b.sentence()}" for b in beside]
    lines.append(_verdict(report, paint))
    if not register.verified:
        lines.append(
            "  * niet geverifieerd bij het register: een aanname, controleer het reglement "
            "(bronnen: prof status --format json)"
        )
    skipped = [x for x in report.lines if x.opmerking]
    if skipped:
        lines.append("Let op bij deze activiteiten:")
        lines += [f"  {clock.shown(x.datum)} {x.titel}: {x.opmerking}" for x in skipped]
    return lines


def _without_register(report: hours.HoursReport) -> list[str]:
    """A worker without a register still sees what she logged, per form."""
    problem = report.problem or "geen register bekend"
    if problem == "geen registratie in het profiel":
        lines = [
            f"Herregistratie: {norm.NO_NORM}. Sta je in een register, zet het dan in "
            f"profielen/{report.worker}/profiel.toml, bijvoorbeeld:",
            "  [registratie]",
            '  register = "registerplein"    # of "skj"',
            '  nummer = "4610123456"        # je registratienummer',
            "  cyclus_start = 2026-01-01     # de eerste dag van je registratieperiode",
        ]
    else:
        lines = [f"Herregistratie: {problem}; er geldt dus geen norm."]
    forms = norm.per_form(report)
    since = clock.shown(report.start)
    if not forms:
        return [*lines, f"Geen uren gelogd sinds {since}."]
    why = ""
    if problem == "geen registratie in het profiel":
        why = " (het begin van dit jaar: zonder registratie is er geen eigen periode)"
    lines.append(f"Gelogde uren sinds {since}{why}, per vorm:")
    width = max(len(form) for form, _ in forms)
    lines += [f"  {form.ljust(width)}  {_points(uren)} uur" for form, uren in forms]
    lines.append(f"Samen: {_points(sum(u for _, u in forms))} uur.")
    return lines


def _verdict(report: hours.HoursReport, paint: Paint) -> str:
    pace = report.pace
    if pace == "voldoet":
        return paint("Voldoet: alle punten voor deze cyclus zijn binnen.", "green")
    need = f"Nog nodig: {_points(report.tekort)} punten"
    if report.days_left:
        need += f", {_points(report.per_month)} per maand tot het einde van de cyclus"
    if pace == "risico":
        return paint(f"RISICO. {need}. De cyclus eindigt binnen zes maanden.", "red")
    if pace == "achter":
        return paint(f"ACHTER op schema. {need}.", "yellow")
    return f"Op schema. {need}."


def _points(value: float) -> str:
    """Dutch notation: a decimal comma."""
    return f"{round(value, 2):g}".replace(".", ",")


VOG_NOTICE = dt.timedelta(days=90)


def vog_reminder(worker: Portfolio, today: dt.date) -> str:
    """A reminder when the worker's VOG (`vog_geldig_tot`) has lapsed or lapses soon."""
    registratie = worker.profile.get("registratie") if worker.profile else None
    until = registratie.get("vog_geldig_tot") if isinstance(registratie, dict) else None
    if not isinstance(until, dt.date):
        return ""
    if until < today:
        return f"VOG verlopen op {clock.shown(until)}: vraag een nieuwe aan."
    if until - today <= VOG_NOTICE:
        return f"VOG geldig tot {clock.shown(until)}: vraag op tijd een nieuwe aan."
    return ""


def experience_line(worker: Portfolio, report: hours.HoursReport) -> str:
    """Work experience against what the register asks (SKJ: 3,368 hours in five years)."""
    asked = report.register.werkervaring_uren if report.register else None
    registratie = worker.profile.get("registratie") if worker.profile else None
    logged = registratie.get("werkervaring_uren") if isinstance(registratie, dict) else None
    if asked is None:
        return ""
    if not isinstance(logged, int | float):
        return (
            f"Werkervaring: het register vraagt {_points(asked)} uur in de cyclus; houd je "
            "uren bij als werkervaring_uren onder [registratie] in je profiel."
        )
    done = "gehaald" if logged >= asked else f"nog {_points(asked - logged)} uur"
    return f"Werkervaring: {_points(logged)} van {_points(asked)} uur ({done})."


def render_worker(status: WorkerStatus, today: dt.date, paint: Paint = plain) -> str:
    p, report = status.portfolio, status.hours
    lines = [paint(f"{p.naam} ({p.slug})", "bold"), ""]
    lines.append("Open leerdoelen:" if status.goals else "Open leerdoelen: geen")
    for goal in status.goals:
        when = f"deadline {clock.shown(goal.deadline)}" if goal.deadline else "geen deadline"
        if goal.overdue:
            when = paint(f"{when} (te laat)", "red")
        lines.append(f"  - {goal.titel} [{goal.status}] {when}")
    lines.append("")
    lines += _register_lines(report, paint)
    if status.outside is not None:
        lines.append(f"  Ook gelogd: {status.outside.sentence()}.")
    reminder = vog_reminder(p, today)
    if reminder:
        lines.append(paint(reminder, "yellow"))
    experience = experience_line(p, report)
    if experience:
        lines.append(experience)
    lines.append("")
    lines.append(f"Laatste reflectie: {days_ago(status.last_reflection, today)}")
    lines.append(f"Laatste zelftoets: {days_ago(status.last_selfcheck, today)}")
    lines += conversation_lines(status, today, paint)
    return "\n".join(lines)


def as_json(status: WorkerStatus, incomplete: list[Finding]) -> dict[str, Any]:
    """The figures of `prof status SLUG --format json` (shape documented in the README)."""
    report = status.hours
    register = report.register
    last = status.last_periodic
    return {
        "werker": status.portfolio.slug,
        "naam": status.portfolio.naam,
        "vandaag": report.today.isoformat(),
        "jaargesprek": {
            "laatste": last.isoformat() if last else None,
            "nodig": last is None or (report.today - last).days > conversations.YEARLY_DAYS,
        },
        "open_afspraken": [
            {
                "wat": a.wat,
                "wie": a.wie,
                "deadline": a.deadline.isoformat() if a.deadline else None,
                "te_laat": a.overdue(report.today),
                "gesprek": a.conversation.id,
            }
            for a in status.agreements
        ],
        "register": None
        if register is None
        else {
            "id": register.id,
            "register": register.register,
            "kamer": register.kamer,
            "titel": register.titel,
            "geverifieerd": register.verified,
        },
        "probleem": report.problem or None,
        "cyclus": {
            "start": report.start.isoformat(),
            "eind": (report.end - dt.timedelta(days=1)).isoformat(),
            "dagen_over": report.days_left,
        },
        "categorieen": [
            {
                "id": t.category.id,
                "naam": t.category.naam,
                "gelogd": t.logged,
                "telt": t.counted,
                "minimum": t.category.minimum,
                "maximum": t.category.maximum,
                "tekort": t.missing,
                "ingediend": t.submitted,
                "toegekend": t.awarded,
                "bron": t.category.bron.adres,
                "geverifieerd": t.category.bron.geverifieerd,
            }
            for t in report.categories()
        ],
        "samen": [
            {
                "naam": r.naam,
                "categorieen": list(r.categorieen),
                "telt": counted,
                "minimum": r.minimum,
                "bron": r.bron.adres,
                "geverifieerd": r.bron.geverifieerd,
            }
            for r, counted, _ in report.combined()
        ],
        "tekort": report.tekort,
        "voldoet": report.voldoet,
        "tempo": report.pace,
        "per_maand": round(report.per_month, 2),
        "onvolledig": sorted({f.path for f in incomplete}),
        "open_leerdoelen": [
            {
                "id": g.id,
                "titel": g.titel,
                "status": g.status,
                "deadline": g.deadline.isoformat() if g.deadline else None,
                "te_laat": g.overdue,
            }
            for g in status.goals
        ],
        "vog": vog_reminder(status.portfolio, report.today) or None,
        "werkervaring": experience_line(status.portfolio, report) or None,
        "laatste_reflectie": _iso(status.last_reflection),
        "laatste_zelftoets": _iso(status.last_selfcheck),
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def render_team(repo: Repository, team: Portfolio, today: dt.date, paint: Paint = plain) -> str:
    members = [w for w in repo.workers() if repo.team_of(w) is team]
    header = [
        "werker",
        "register",
        "einde cyclus",
        "dagen",
        "tekort",
        "tempo",
        "open doelen",
        "te laat",
        "reflectie",
        "zelftoets",
    ]
    statuses = sorted(
        (worker(repo, member, today) for member in members),
        key=lambda s: (_URGENCY.get(s.hours.pace, 9), s.hours.days_left, s.portfolio.slug),
    )
    rows: list[list[tuple[str, str]]] = []
    for status in statuses:
        report = status.hours
        late = sum(g.overdue for g in status.goals)
        colour = {"risico": "red", "achter": "yellow", "voldoet": "green"}.get(report.pace, "")
        register = report.register
        rows.append(
            [
                (status.portfolio.slug, ""),
                (register.register if register else "-", ""),
                (clock.shown(report.end - dt.timedelta(days=1)) if register else "-", ""),
                (str(report.days_left) if register else "-", ""),
                (_points(report.tekort) if register else "-", ""),
                (report.pace, colour),
                (str(len(status.goals)), ""),
                (str(late), "red" if late else ""),
                (_short(status.last_reflection, today), ""),
                (_short(status.last_selfcheck, today), ""),
            ]
        )
    widths = [max([len(h), *(len(r[i][0]) for r in rows)]) for i, h in enumerate(header)]
    lines = [paint(f"{team.naam} ({team.slug})", "bold"), ""]
    open_team = goals(team, today)
    if open_team:
        lines.append("Open leeropdrachten: " + ", ".join(g.titel for g in open_team))
        lines.append("")
    lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    for row in rows:
        cells = [
            paint(text.ljust(w), colour) if colour else text.ljust(w)
            for (text, colour), w in zip(row, widths, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    if not rows:
        lines.append("(nog geen werkers; voeg er een toe met `prof new`)")
    lines += [
        "",
        "Meest urgent bovenaan. Tekort: punten die in de cyclus nog nodig zijn; reflectie en "
        "zelftoets: dagen geleden.",
    ]
    return "\n".join(lines)


_URGENCY = {"risico": 0, "achter": 1, "onbekend": 2, "op schema": 3, "voldoet": 4}


def _short(day: dt.date | None, today: dt.date) -> str:
    return "-" if day is None else str((today - day).days)


def incomplete(problems: list[Finding], paint: Paint = plain) -> str:
    """What a total over an incomplete repository must say: that it is incomplete, and why."""
    if not problems:
        return ""
    files = sorted({p.path for p in problems})
    which = "dit bestand" if len(files) == 1 else f"deze {len(files)} bestanden"
    lines = [
        paint(f"Let op: deze cijfers zijn onvolledig. Wat in {which} staat, telt niet mee", "red"),
        paint("tot het verbeterd is:", "red"),
    ]
    lines += [f"  {p.text()}" for p in problems]
    lines += ["Verbeter het en controleer met `prof validate`.", ""]
    return "\n".join(lines)
