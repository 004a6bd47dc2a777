"""Figures that add up: what counts toward the register's norm, what is still needed, and
what a worker logged that does not lower what is still needed, each with its reason.

`done + still needed = required` always holds: `toward(report)` is exactly
`required - tekort`. Points beside the norm are those of a category without a minimum, those
above what a minimum (or a combined minimum) asks, those above a category's maximum, and
lines that count in no category (too short, not face to face, refused by the register).
Every view (home page, hours page, `prof status`, dossier) takes its words from here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from profcli.registration.hours import HoursReport, points
from profcli.repository.kinds import ACTIVITEIT, BIJEENKOMST
from profcli.repository.model import Portfolio, Repository


@dataclass(frozen=True, slots=True)
class Beside:
    """Points that were logged but do not count toward the norm, and why."""

    punten: float
    reden: str

    def sentence(self) -> str:
        unit = "punt" if self.punten == 1 else "punten"
        return f"{points(self.punten)} {unit}: {self.reden}"


def required(report: HoursReport) -> float:
    return report.register.required if report.register else 0.0


def toward(report: HoursReport) -> float:
    """Points that count toward what the cycle asks (never more than it asks)."""
    return max(0.0, required(report) - report.tekort)


def beside(report: HoursReport) -> list[Beside]:
    """Logged points that do not lower what is still needed, grouped by reason."""
    register = report.register
    if register is None:
        return []
    totals = {t.category.id: t for t in report.categories()}
    used = {cid: min(t.counted, t.category.minimum) for cid, t in totals.items()}
    combined_of: set[str] = set()
    for rule in register.samen:
        parts = [totals[c] for c in rule.categorieen if c in totals]
        combined_of.update(t.category.id for t in parts)
        room = max(0.0, rule.minimum - sum(t.category.minimum for t in parts))
        for t in parts:  # points above a part's own minimum fill the combined minimum
            take = min(room, t.counted - used[t.category.id])
            used[t.category.id] += take
            room -= take
    found: list[Beside] = []
    for cid, t in totals.items():
        name = t.category.naam
        extra = t.counted - used[cid]
        if extra > 0:
            if t.category.minimum == 0 and cid not in combined_of:
                why = f"{name} heeft geen minimum; deze punten verlagen niet wat nog nodig is"
            else:
                why = f"{name}: meer dan het register in deze categorie vraagt"
            found.append(Beside(extra, why))
        above = t.logged - t.counted
        if above > 0 and t.category.maximum is not None:
            found.append(
                Beside(
                    above,
                    f"{name}: boven het maximum van {points(t.category.maximum)} dat meetelt",
                )
            )
    reasons: dict[str, float] = defaultdict(float)
    for line in report.lines:
        if line.counts:
            continue
        why = "afgewezen door het register" if line.status == "afgewezen" else line.opmerking
        reasons[why or "telt in geen categorie"] += line.punten
    found += [Beside(p, f"telt niet mee ({why})") for why, p in reasons.items()]
    return found


def outside_cycle(repo: Repository, worker: Portfolio, report: HoursReport) -> Beside | None:
    """Hours logged before this cycle (or after it): they never count for it."""
    per_hour = report.register.punten_per_uur if report.register else 1.0
    team = repo.team_of(worker)
    logged = [(e, e.get("uren")) for e in worker.of(ACTIVITEIT)]
    logged += [
        (m, m.get("duur_uren"))
        for m in (team.of(BIJEENKOMST) if team else [])
        if worker.slug in m.ids("deelnemers")
    ]
    found = [
        float(uren)
        for entry, uren in logged
        if entry.valid
        and entry.datum is not None
        and not report.start <= entry.datum < report.end
        and isinstance(uren, int | float)
    ]
    if not found:
        return None
    what = "1 activiteit" if len(found) == 1 else f"{len(found)} activiteiten en bijeenkomsten"
    return Beside(sum(found) * per_hour, f"{what} buiten deze cyclus (telt niet mee)")


def summary(report: HoursReport) -> str:
    """`71 van 140 punten voor de norm; nog 69 nodig.` (or `alle 140 … binnen`)."""
    need = required(report)
    done = toward(report)
    if report.tekort == 0:
        return f"{points(done)} van {points(need)} punten voor de norm: alles binnen."
    return (
        f"{points(done)} van {points(need)} punten voor de norm; nog {points(report.tekort)} nodig."
    )


def per_form(report: HoursReport) -> list[tuple[str, float]]:
    """Logged hours per form (training, intervisie, ...), most first: for a worker whom no
    register norm applies to, and for anyone who wants to see where the hours went."""
    found: dict[str, float] = defaultdict(float)
    for line in report.lines:
        found[line.vorm or "overig"] += line.uren
    return sorted(found.items(), key=lambda item: (-item[1], item[0]))


NO_NORM = "het profiel noemt geen register, dus er geldt geen norm"
"""The line beside the hours of a worker without a register."""
