"""Hours for re-registration: what a worker logged, what team meetings credit, what the norm asks.

Shared by `prof status`, `prof export` and the site, so that their totals always agree.
A team meeting's `duur_uren` counts as reflection hours for every participant; nobody
logs them twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from profcli.kinds import ACTIVITEIT, BIJEENKOMST
from profcli.model import Entry, Portfolio, Repository

CATEGORIES = ("scholing", "reflectie", "overig")
DEFAULT_CYCLE_YEARS = 5

Visible = Callable[[Entry], bool]


def _everything(entry: Entry) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class HourLine:
    """One row of the dossier."""

    datum: dt.date
    titel: str
    categorie: str
    vorm: str
    uren: float
    bron: str
    """`activiteit` (logged by the worker) or `bijeenkomst` (credited from a team meeting)."""
    id: str
    geaccrediteerd: bool = False
    accreditatie_id: str = ""


@dataclass(frozen=True, slots=True)
class Norm:
    register: str
    cyclus_jaren: int
    uren: dict[str, float]
    overig_max: float | None = None


@dataclass(slots=True)
class HoursReport:
    worker: str
    start: dt.date
    end: dt.date
    """First day after the cycle."""
    norm: Norm | None
    lines: list[HourLine] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, float]:
        sums = dict.fromkeys(CATEGORIES, 0.0)
        for line in self.lines:
            sums[line.categorie] = sums.get(line.categorie, 0.0) + line.uren
        return sums

    @property
    def counted(self) -> dict[str, float]:
        """Totals as the register counts them: `overig` capped at the norm's maximum."""
        sums = self.totals
        if self.norm and self.norm.overig_max is not None:
            sums["overig"] = min(sums["overig"], self.norm.overig_max)
        return sums

    @property
    def missing(self) -> dict[str, float]:
        if self.norm is None:
            return {}
        counted = self.counted
        return {c: max(0.0, self.norm.uren.get(c, 0.0) - counted.get(c, 0.0)) for c in CATEGORIES}


def norm_for(repo: Repository, worker: Portfolio) -> Norm | None:
    """The team's norm for the worker's register, if both are known."""
    registratie = worker.profile.get("registratie") if worker.profile else None
    team = repo.team_of(worker)
    if not isinstance(registratie, dict) or team is None or team.profile is None:
        return None
    register = registratie.get("register")
    normen = team.profile.get("normen", {})
    data = normen.get(register) if isinstance(normen, dict) else None
    if not isinstance(data, dict):
        return None
    hours = {c: float(data.get(c, 0)) for c in CATEGORIES}
    cap = data.get("overig_max")
    return Norm(
        str(register),
        int(data.get("cyclus_jaren", DEFAULT_CYCLE_YEARS)),
        hours,
        float(cap) if isinstance(cap, int | float) else None,
    )


def cycle(
    worker: Portfolio, norm: Norm | None, today: dt.date, start: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The cycle that holds `today` (or starts at `start`): from `cyclus_start`, in whole cycles."""
    years = norm.cyclus_jaren if norm else DEFAULT_CYCLE_YEARS
    if start is None:
        registratie = worker.profile.get("registratie") if worker.profile else None
        begin = registratie.get("cyclus_start") if isinstance(registratie, dict) else None
        start = begin if isinstance(begin, dt.date) else today.replace(month=1, day=1)
        while _add_years(start, years) <= today:
            start = _add_years(start, years)
    return start, _add_years(start, years)


def report(
    repo: Repository,
    worker: Portfolio,
    today: dt.date,
    *,
    start: dt.date | None = None,
    visible: Visible = _everything,
) -> HoursReport:
    """All hours of `worker` in the current cycle (or the one from `start`)."""
    norm = norm_for(repo, worker)
    first, end = cycle(worker, norm, today, start)
    result = HoursReport(worker.slug, first, end, norm)
    for entry in worker.of(ACTIVITEIT):
        uren, datum = entry.get("uren"), entry.datum
        if not (entry.valid and visible(entry) and datum and first <= datum < end):
            continue
        if isinstance(uren, int | float) and entry.get("categorie") in CATEGORIES:
            result.lines.append(
                HourLine(
                    datum,
                    entry.text("titel"),
                    str(entry.get("categorie")),
                    entry.text("vorm"),
                    float(uren),
                    "activiteit",
                    entry.id,
                    entry.get("geaccrediteerd") is True,
                    entry.text("accreditatie_id"),
                )
            )
    team = repo.team_of(worker)
    for meeting in team.of(BIJEENKOMST) if team else []:
        uren, datum = meeting.get("duur_uren"), meeting.datum
        if not (meeting.valid and visible(meeting) and datum and first <= datum < end):
            continue
        if worker.slug in meeting.ids("deelnemers") and isinstance(uren, int | float):
            titel = meeting.text("thema") or meeting.text("soort")
            result.lines.append(
                HourLine(
                    datum,
                    titel,
                    "reflectie",
                    meeting.text("soort"),
                    float(uren),
                    "bijeenkomst",
                    meeting.id,
                )
            )
    result.lines.sort(key=lambda line: (line.datum, line.id))
    return result


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
