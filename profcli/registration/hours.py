"""Points for re-registration, in the register's own terms: what counts where, and what is missing.

Shared by `prof status`, `prof export` and the site, so that their totals always agree. The
rules come from `profcli.repository.registers` (data, each rule with its source). An
activity records what happened (form, net hours, provider, accreditation ID, face to
face); its category follows from the register's rules unless the worker overrides it
with a reason. A team
meeting credits its participants by the same rules (intervisie and casuïstiekbespreking as
reflection where the register accepts that form and the meeting lasted long enough); nobody
logs a meeting twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from profcli.repository.kinds import ACTIVITEIT, BIJEENKOMST
from profcli.repository.model import Entry, Portfolio, Repository
from profcli.repository.registers import Category, Combined, Register

DEFAULT_CYCLE_YEARS = 5
RISK_WINDOW = dt.timedelta(days=183)
"""Within six months of the cycle's end, a shortfall is a risk."""

MEETING_FORMS = {"casusbespreking": "casuistiekbespreking"}
"""A meeting's `soort` as a form of activity, where the words differ."""

STATUSES = ("ingediend", "toegekend", "afgewezen")
"""Where an activity stands in the register's portal; absent: only logged here."""

Visible = Callable[[Entry], bool]


def _everything(entry: Entry) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class HourLine:
    """One row of the dossier: an activity, or a meeting credited to this worker."""

    datum: dt.date
    titel: str
    categorie: str
    """The register's category id ('' when the line does not count)."""
    vorm: str
    uren: float
    punten: float
    bron: str
    """`activiteit` (logged by the worker) or `bijeenkomst` (credited from a team meeting)."""
    id: str
    aanbieder: str = ""
    geaccrediteerd: bool = False
    accreditatie_id: str = ""
    bewijs: tuple[str, ...] = ()
    status: str = ""
    opmerking: str = ""
    """Why the line counts elsewhere than one might think, or not at all."""

    @property
    def counts(self) -> bool:
        return bool(self.categorie) and self.status != "afgewezen"


@dataclass(frozen=True, slots=True)
class CategoryTotal:
    category: Category
    logged: float
    counted: float
    submitted: float
    awarded: float

    @property
    def missing(self) -> float:
        return max(0.0, self.category.minimum - self.counted)


@dataclass(frozen=True)
class HoursReport:
    """A worker's points in one cycle. Immutable, so every total is computed once."""

    worker: str
    start: dt.date
    end: dt.date
    """First day after the cycle."""
    register: Register | None
    today: dt.date
    lines: tuple[HourLine, ...] = ()
    """Oldest first."""
    problem: str = ""
    """Why there is no register to compare with (empty when there is one)."""

    def categories(self) -> list[CategoryTotal]:
        return list(self._categories)

    @cached_property
    def _categories(self) -> tuple[CategoryTotal, ...]:
        if self.register is None:
            return ()
        found = []
        for category in self.register.categorieen:
            mine = [line for line in self.lines if line.categorie == category.id and line.counts]
            logged = sum(line.punten for line in mine)
            cap = category.maximum
            found.append(
                CategoryTotal(
                    category,
                    logged,
                    logged if cap is None else min(logged, cap),
                    sum(x.punten for x in mine if x.status in ("ingediend", "toegekend")),
                    sum(x.punten for x in mine if x.status == "toegekend"),
                )
            )
        return tuple(found)

    def combined(self) -> list[tuple[Combined, float, float]]:
        """Per combined rule: the points counted towards it, and what it still asks beyond the
        minima of its categories."""
        totals = {t.category.id: t for t in self._categories}
        found = []
        for rule in self.register.samen if self.register else ():
            parts = [totals[c] for c in rule.categorieen if c in totals]
            counted = sum(t.counted for t in parts)
            beyond = max(0.0, rule.minimum - counted) - sum(t.missing for t in parts)
            found.append((rule, counted, max(0.0, beyond)))
        return found

    @cached_property
    def counted_total(self) -> float:
        return sum(t.counted for t in self._categories)

    @property
    def logged_total(self) -> float:
        return sum(line.punten for line in self.lines if line.counts)

    @cached_property
    def tekort(self) -> float:
        """Points still missing in all (0 when the cycle's requirements are met)."""
        if self.register is None:
            return 0.0
        return sum(t.missing for t in self._categories) + sum(b for _, _, b in self.combined())

    @property
    def voldoet(self) -> bool:
        return self.register is not None and self.tekort == 0

    @property
    def days_left(self) -> int:
        return max(0, (self.end - self.today).days)

    @property
    def per_month(self) -> float:
        """Points per month still needed to finish on time."""
        months = self.days_left / 30.4375
        if self.tekort == 0:
            return 0.0
        return self.tekort if months < 1 else round(self.tekort / months, 1)

    @property
    def pace(self) -> str:
        """`voldoet`, `op schema`, `achter` or `risico` (always in words, never colour alone)."""
        if self.register is None:
            return "onbekend"
        if self.voldoet:
            return "voldoet"
        if self.end - self.today <= RISK_WINDOW:
            return "risico"
        return "op schema" if self.behind <= 0 else "achter"

    @property
    def behind(self) -> float:
        """How many points short of where an even pace through the cycle would be today (0
        when on or ahead of it): how far "achter" is."""
        if self.register is None:
            return 0.0
        length = (self.end - self.start).days or 1
        elapsed = min(1.0, max(0.0, (self.today - self.start).days / length))
        return max(0.0, round(elapsed * self.register.required - self.counted_total, 1))

    # Views kept for the pages that compare per category.
    @property
    def totals(self) -> dict[str, float]:
        return {t.category.id: t.logged for t in self._categories}

    @property
    def counted(self) -> dict[str, float]:
        return {t.category.id: t.counted for t in self._categories}

    @property
    def missing(self) -> dict[str, float]:
        return {t.category.id: t.missing for t in self._categories}


PACE_SYMBOLS = {
    "voldoet": "✓ voldoet",
    "op schema": "✓ op schema",
    "achter": "▲ achter",
    "risico": "⚠ risico",
    "onbekend": "? onbekend",
}
"""Pace in a symbol and a word, so that it never rests on colour alone."""


def points(value: float) -> str:
    """A figure in Dutch notation (decimal comma)."""
    return f"{round(value, 2):g}".replace(".", ",")


def pace_sentence(report: HoursReport) -> str:
    """One sentence a worker or a supervisor reads: met, on schedule, behind, or at risk."""
    if report.register is None:
        return f"Geen register om mee te vergelijken ({report.problem})."
    if report.voldoet:
        return "Voldoet: alle punten voor deze cyclus zijn binnen."
    need = f"nog {points(report.tekort)} punten nodig in {report.days_left} dagen"
    if report.days_left:
        need += f" ({points(report.per_month)} per maand)"
    if report.pace == "risico":
        return f"Risico: {need}; de cyclus eindigt binnen zes maanden."
    if report.pace == "achter":
        return f"Achter op schema: {need}."
    return f"Op schema: {need}."


def register_for(repo: Repository, worker: Portfolio) -> tuple[Register | None, str]:
    """The register entry named in the worker's profile, or why there is none."""
    registratie = worker.profile.get("registratie") if worker.profile else None
    if not isinstance(registratie, dict) or "registratie" in _invalid(worker):
        return None, "geen registratie in het profiel"
    name, kamer = registratie.get("register"), registratie.get("kamer")
    found = repo.registers.find(str(name), kamer if isinstance(kamer, str) else None)
    if found is None:
        kamers = ", ".join(repo.registers.kamers(str(name))) or "geen"
        return None, f"register `{name}` kamer `{kamer or '-'}` is onbekend (kamers: {kamers})"
    return found, ""


def _invalid(worker: Portfolio) -> frozenset[str]:
    return worker.profile.invalid_keys if worker.profile else frozenset()


def cycle(
    worker: Portfolio, register: Register | None, today: dt.date, start: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The cycle that holds `today` (or starts at `start`): from `cyclus_start`, in whole cycles."""
    years = register.cyclus_jaren if register else DEFAULT_CYCLE_YEARS
    if start is None:
        registratie = worker.profile.get("registratie") if worker.profile else None
        begin = registratie.get("cyclus_start") if isinstance(registratie, dict) else None
        start = begin if isinstance(begin, dt.date) else today.replace(month=1, day=1)
        while _add_years(start, years) <= today:
            start = _add_years(start, years)
    return start, _add_years(start, years)


def classify(
    register: Register,
    vorm: str,
    uren: float,
    *,
    override: str = "",
    accreditatie_id: str = "",
    geaccrediteerd: bool = False,
    fysiek: bool = True,
) -> tuple[str, str]:
    """The category id an activity or meeting counts in ('' for none), and a note saying why
    when that is not what the form alone suggests."""
    if override:
        chosen = register.category(override)
        if chosen is None:
            return "", f"categorie `{override}` bestaat niet bij {register.titel}"
        return chosen.id, f"door de medewerker zelf in {chosen.naam} gezet"
    category = register.for_form(vorm)
    if category.accreditatie and not accreditatie_id:
        fallback = register.category(category.zonder_accreditatie or register.standaard_categorie)
        assert fallback is not None
        why = "zonder accreditatienummer"
        if geaccrediteerd:
            why = f"geaccrediteerd, maar {why}"
        return fallback.id, f"{why}: telt als {fallback.naam}, niet als {category.naam}"
    if category.min_sessie_uren and uren < category.min_sessie_uren:
        return "", f"korter dan {category.min_sessie_uren:g} uur: telt niet als {category.naam}"
    if category.fysiek and not fysiek:
        return "", f"niet face to face: telt niet als {category.naam}"
    return category.id, ""


def report(
    repo: Repository,
    worker: Portfolio,
    today: dt.date,
    *,
    start: dt.date | None = None,
    visible: Visible = _everything,
) -> HoursReport:
    """All points of `worker` in the current cycle (or the one from `start`)."""
    register, problem = register_for(repo, worker)
    first, end = cycle(worker, register, today, start)
    per_hour = register.punten_per_uur if register else 1.0

    def line(
        entry: Entry,
        uren: float,
        vorm: str,
        titel: str,
        override: str,
        *,
        aanbieder: str = "",
        geaccrediteerd: bool = False,
        accreditatie_id: str = "",
        status: str = "",
    ) -> HourLine:
        """One dossier row, for an activity or a meeting alike."""
        assert entry.datum is not None
        category, note = ("", "")
        if register is not None:
            category, note = classify(
                register,
                vorm,
                uren,
                override=override,
                accreditatie_id=accreditatie_id,
                geaccrediteerd=geaccrediteerd,
                fysiek=entry.get("fysiek") is not False,
            )
        return HourLine(
            entry.datum,
            titel,
            category,
            vorm,
            uren,
            uren * per_hour,
            "activiteit" if entry.kind is ACTIVITEIT else "bijeenkomst",
            entry.id,
            aanbieder,
            geaccrediteerd,
            accreditatie_id,
            tuple(entry.ids("bewijs")),
            status,
            note,
        )

    def in_cycle(entry: Entry, uren: object) -> bool:
        datum = entry.datum
        return (
            entry.valid
            and visible(entry)
            and datum is not None
            and first <= datum < end
            and isinstance(uren, int | float)
        )

    lines: list[HourLine] = []
    for entry in worker.of(ACTIVITEIT):
        uren = entry.get("uren")
        if in_cycle(entry, uren):
            assert isinstance(uren, int | float)
            lines.append(
                line(
                    entry,
                    float(uren),
                    entry.text("vorm") or "overig",
                    entry.text("titel"),
                    entry.text("categorie"),
                    aanbieder=entry.text("aanbieder"),
                    geaccrediteerd=entry.get("geaccrediteerd") is True,
                    accreditatie_id=entry.text("accreditatie_id"),
                    status=entry.text("status"),
                )
            )
    team = repo.team_of(worker)
    for meeting in team.of(BIJEENKOMST) if team else []:
        uren = meeting.get("duur_uren")
        if in_cycle(meeting, uren) and worker.slug in meeting.ids("deelnemers"):
            assert isinstance(uren, int | float)
            soort = meeting.text("soort")
            lines.append(
                line(
                    meeting,
                    float(uren),
                    MEETING_FORMS.get(soort, soort),
                    meeting.text("thema") or soort,
                    meeting.text("telt_als"),
                )
            )
    lines = _once_per_session(lines, worker)
    lines.sort(key=lambda x: (x.datum, x.id))
    return HoursReport(worker.slug, first, end, register, today, tuple(lines), problem)


SEPARATE_KEY = "aparte_sessie"
"""An activity's key that says, with a reason, that it was not the team meeting of that day."""


def same_session(repo: Repository, worker: Portfolio) -> list[tuple[Entry, Entry]]:
    """Pairs (own activity, team meeting) that record one session twice.

    Same day, same form, the worker among the meeting's participants, and no
    `aparte_sessie` reason in the activity. Each activity pairs with one meeting at most.
    """
    team = repo.team_of(worker)
    if team is None:
        return []
    meetings: dict[tuple[dt.date, str], Entry] = {}
    for meeting in team.of(BIJEENKOMST):
        soort = meeting.text("soort")
        if meeting.datum is not None and worker.slug in meeting.ids("deelnemers"):
            meetings.setdefault((meeting.datum, MEETING_FORMS.get(soort, soort)), meeting)
    pairs = []
    for activity in worker.of(ACTIVITEIT):
        if activity.datum is None or activity.get(SEPARATE_KEY) is not None:
            continue
        match = meetings.get((activity.datum, activity.text("vorm")))
        if match is not None:
            pairs.append((activity, match))
    return pairs


def _once_per_session(lines: list[HourLine], worker: Portfolio) -> list[HourLine]:
    """An activity line that repeats a credited meeting line is kept, but counts for nothing."""
    meetings = {(x.datum, x.vorm): x for x in lines if x.bron == "bijeenkomst"}
    activities = {e.id: e for e in worker.of(ACTIVITEIT)}
    out = []
    for x in lines:
        meeting = meetings.get((x.datum, x.vorm)) if x.bron == "activiteit" else None
        entry = activities.get(x.id)
        if meeting is None or entry is None or entry.get(SEPARATE_KEY) is not None:
            out.append(x)
            continue
        note = (
            f"dezelfde sessie als bijeenkomst {meeting.id}: telt één keer, via de bijeenkomst "
            f"(waren het echt twee sessies, zet dan `{SEPARATE_KEY}` met de reden in de activiteit)"
        )
        out.append(replace(x, categorie="", opmerking=note))
    return out


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
