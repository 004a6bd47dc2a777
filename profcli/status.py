"""`prof status`: where a worker or a team stands today, as plain terminal text.

Hours come from `profcli.hours`, so these figures equal the dossier's and the site's.
Colour is applied through a `paint` function that the CLI passes in (or not).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from profcli import hours
from profcli.findings import Finding
from profcli.kinds import LEERDOEL, REFLECTIE, ZELFTOETS
from profcli.model import Entry, Portfolio, Repository
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
    return WorkerStatus(
        portfolio,
        goals(portfolio, today),
        hours.report(repo, portfolio, today),
        _last(portfolio.of(REFLECTIE)),
        _last(portfolio.of(ZELFTOETS)),
    )


def _last(entries: list[Entry]) -> dt.date | None:
    dates = [e.datum for e in entries if e.datum]
    return max(dates) if dates else None


def days_ago(day: dt.date | None, today: dt.date) -> str:
    if day is None:
        return "nog nooit"
    days = (today - day).days
    return "vandaag" if days == 0 else f"{days} dag{'en' if days != 1 else ''} geleden"


def _hours_cell(report: hours.HoursReport, category: str) -> tuple[str, bool]:
    counted = report.counted[category]
    if report.norm is None:
        return f"{counted:g}", True
    norm = report.norm.uren.get(category, 0.0)
    return f"{counted:g}/{norm:g}", counted >= norm


def render_worker(status: WorkerStatus, today: dt.date, paint: Paint = plain) -> str:
    p, report = status.portfolio, status.hours
    lines = [paint(f"{p.naam} ({p.slug})", "bold"), ""]
    lines.append("Open leerdoelen:" if status.goals else "Open leerdoelen: geen")
    for goal in status.goals:
        when = f"deadline {goal.deadline.isoformat()}" if goal.deadline else "geen deadline"
        if goal.overdue:
            when = paint(f"{when} (te laat)", "red")
        lines.append(f"  - {goal.titel} [{goal.status}] {when}")
    lines.append("")
    end = report.end - dt.timedelta(days=1)
    norm = f", norm {report.norm.register}" if report.norm else ", geen norm bekend"
    lines.append(f"Uren in de cyclus {report.start.isoformat()} t/m {end.isoformat()}{norm}:")
    for category in hours.CATEGORIES:
        cell, done = _hours_cell(report, category)
        extra = ""
        if category == "overig" and report.totals[category] != report.counted[category]:
            extra = f" (gelogd {report.totals[category]:g}, telt tot het maximum)"
        lines.append(f"  {category:<10} {paint(cell, 'green' if done else 'yellow')}{extra}")
    lines.append("")
    lines.append(f"Laatste reflectie: {days_ago(status.last_reflection, today)}")
    lines.append(f"Laatste zelftoets: {days_ago(status.last_selfcheck, today)}")
    return "\n".join(lines)


def render_team(repo: Repository, team: Portfolio, today: dt.date, paint: Paint = plain) -> str:
    members = [w for w in repo.workers() if repo.team_of(w) is team]
    header = [
        "werker",
        "open doelen",
        "te laat",
        *hours.CATEGORIES,
        "dagen sinds reflectie",
        "dagen sinds zelftoets",
    ]
    rows: list[list[tuple[str, str]]] = []
    for member in members:
        status = worker(repo, member, today)
        late = sum(g.overdue for g in status.goals)
        row = [(member.slug, ""), (str(len(status.goals)), ""), (str(late), "red" if late else "")]
        for category in hours.CATEGORIES:
            cell, done = _hours_cell(status.hours, category)
            row.append((cell, "green" if done else "yellow"))
        row += [
            (_short(status.last_reflection, today), ""),
            (_short(status.last_selfcheck, today), ""),
        ]
        rows.append(row)
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
    lines += ["", "Uren: telt mee/norm in de huidige cyclus van elke werker."]
    return "\n".join(lines)


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
