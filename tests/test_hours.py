"""Points per register category, computed by hand in the test data.

Each case names the rule it checks and where that rule comes from (the shipped register
files carry the same addresses). SKJ: informatiebank.skjeugd.nl/vragen/deskundigheidsbevordering/
and skjeugd.nl/herregistratie/jeugd-en-gezinsprofessionals/. Registerplein:
werkgevers.registerplein.nl/scholing/… (its minima are assumptions, marked unverified).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profcli.registration import hours
from profcli.repository import registers
from profcli.repository.loader import load
from profcli.repository.model import Repository
from tests.conftest import CASES, TODAY, build_case

SKJ = "skj-jeugd-en-gezinsprofessional"
RP = "registerplein-sociaal-werker"


def register(rid: str) -> registers.Register:
    return next(r for r in registers.builtin() if r.id == rid)


@pytest.mark.parametrize(
    ("rid", "vorm", "uren", "options", "category", "note"),
    [
        # SKJ formeel leren: a course accredited for the kamer (informatiebank, formeel leren)
        (SKJ, "training", 8, {"accreditatie_id": "SKJ123"}, "formeel-leren", ""),
        # … without an accreditation ID it is informeel leren at most
        (SKJ, "training", 8, {"geaccrediteerd": True}, "informeel-leren", "zonder accreditatie"),
        # SKJ reflection: sessions of at least one hour, face to face
        (SKJ, "intervisie", 1, {}, "reflectie", ""),
        (SKJ, "intervisie", 0.75, {}, "", "korter dan 1 uur"),
        (SKJ, "supervisie", 1.5, {"fysiek": False}, "", "niet face to face"),
        # SKJ names supervisie and begeleide intervisie, not leercirkel or casuïstiekbespreking
        (SKJ, "leercirkel", 2, {}, "informeel-leren", ""),
        (SKJ, "casuistiekbespreking", 2, {}, "informeel-leren", ""),
        # Registerplein: a course without ID counts as overige deskundigheidsbevordering
        (RP, "cursus", 6, {}, "overige-deskundigheidsbevordering", "zonder accreditatie"),
        (
            RP,
            "cursus",
            6,
            {"accreditatie_id": "PE-1"},
            "geaccrediteerde-deskundigheidsbevordering",
            "",
        ),
        # Registerplein reflection may be online with live sound and image
        (RP, "intervisie", 0.5, {"fysiek": False}, "reflectie", ""),
        (RP, "casuistiekbespreking", 2, {}, "reflectie", ""),
        # Leercirkel and moreel beraad are on neither of Registerplein's lists
        (RP, "leercirkel", 2, {}, "overige-deskundigheidsbevordering", ""),
        # The worker overrides with a reason; an unknown category counts nowhere
        (RP, "literatuur", 3, {"override": "reflectie"}, "reflectie", "door de medewerker zelf"),
        (RP, "literatuur", 3, {"override": "scholing"}, "", "bestaat niet"),
    ],
)
def test_classification(
    rid: str, vorm: str, uren: float, options: dict[str, object], category: str, note: str
) -> None:
    found, why = hours.classify(register(rid), vorm, uren, **options)  # type: ignore[arg-type]
    assert found == category
    assert note in why
    assert bool(why) == bool(note)


def _repo(tmp_path: Path, register_line: str, files: dict[str, str]) -> Repository:
    root = build_case(CASES / "basis", tmp_path)
    profile = root / "profielen/eva-de-wit/profiel.toml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace('register = "registerplein"', register_line), encoding="utf-8")
    for old in (root / "profielen/eva-de-wit/activiteiten").glob("*.toml"):
        old.unlink()
    for old in (root / "profielen/team-zuid/bijeenkomsten").glob("*.toml"):
        old.unlink()
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    loaded = load(root)
    assert loaded.problems == []
    return loaded.repository


def activity(day: str, vorm: str, uren: float, extra: str = "") -> tuple[str, str]:
    return (
        f"profielen/eva-de-wit/activiteiten/{day}-{vorm}.toml",
        f'datum = {day}\ntitel = "{vorm}"\nvorm = "{vorm}"\nuren = {uren}\n{extra}',
    )


def meeting(day: str, soort: str, uren: float, extra: str = "") -> tuple[str, str]:
    return (
        f"profielen/team-zuid/bijeenkomsten/{day}-{soort}.toml",
        f'datum = {day}\nsoort = "{soort}"\nduur_uren = {uren}\ndeelnemers = ["eva-de-wit"]\n'
        f'thema = "{soort}"\n{extra}',
    )


def test_skj_combined_rule_counts_informeel_up_to_20(tmp_path: Path) -> None:
    """SKJ: deskundigheidsbevordering 60 = formeel >= 40 + informeel <= 20; reflectie >= 60.
    Formeel 30, informeel 25 (counts 20), reflectie 50: missing formeel 10 and reflectie 10;
    the combined rule (30 + 20 = 50 of 60) asks nothing beyond formeel's own 10. Tekort 20."""
    files = dict(
        [
            activity("2025-01-10", "training", 20, 'accreditatie_id = "S1"\n'),
            activity("2025-02-10", "cursus", 10, 'accreditatie_id = "S2"\n'),
            activity("2025-03-10", "literatuur", 15),
            activity("2025-04-10", "overig", 10),
            activity("2025-05-10", "supervisie", 20),
            meeting("2025-06-10", "intervisie", 20),
            meeting("2025-07-10", "intervisie", 10),
        ]
    )
    repo = _repo(tmp_path, 'register = "skj"', files)
    report = hours.report(repo, repo.portfolios["eva-de-wit"], TODAY)
    assert report.register is not None and report.register.id == SKJ
    by_id = {t.category.id: t for t in report.categories()}
    assert (by_id["formeel-leren"].counted, by_id["formeel-leren"].missing) == (30, 10)
    assert (by_id["informeel-leren"].logged, by_id["informeel-leren"].counted) == (25, 20)
    assert (by_id["reflectie"].counted, by_id["reflectie"].missing) == (50, 10)
    [(rule, counted, beyond)] = report.combined()
    assert (rule.minimum, counted, beyond) == (60, 50, 0)
    assert report.tekort == 20
    assert report.register.required == 120


def test_skj_combined_rule_asks_more_than_its_parts(tmp_path: Path) -> None:
    """Formeel 45 (>= 40) and informeel 5: 50 of 60, so 10 more although no part is short."""
    files = dict(
        [
            activity("2025-01-10", "training", 24, 'accreditatie_id = "S1"\n'),
            activity("2025-02-10", "training", 21, 'accreditatie_id = "S2"\n'),
            activity("2025-03-10", "literatuur", 5),
            meeting("2025-06-10", "intervisie", 24),
            meeting("2025-07-10", "intervisie", 24),
            meeting("2025-08-10", "intervisie", 12),
        ]
    )
    repo = _repo(tmp_path, 'register = "skj"', files)
    report = hours.report(repo, repo.portfolios["eva-de-wit"], TODAY)
    assert [t.missing for t in report.categories()] == [0, 0, 0]
    assert report.tekort == 10
    assert not report.voldoet


def test_registerplein_caps_overige_and_has_no_minimum_for_it(tmp_path: Path) -> None:
    """Registerplein: overige has a maximum and no minimum (werkgevers.registerplein.nl)."""
    files = dict(
        [
            activity("2025-01-10", "training", 24),  # no ID: overige
            activity("2025-02-10", "training", 24),
            activity("2025-03-10", "training", 24),
            activity("2025-04-10", "cursus", 20, 'accreditatie_id = "PE-9"\n'),
        ]
    )
    repo = _repo(tmp_path, 'register = "registerplein"', files)
    report = hours.report(repo, repo.portfolios["eva-de-wit"], TODAY)
    by_id = {t.category.id: t for t in report.categories()}
    overige = by_id["overige-deskundigheidsbevordering"]
    assert (overige.logged, overige.counted, overige.missing) == (72, 60, 0)
    assert by_id["geaccrediteerde-deskundigheidsbevordering"].missing == 60
    assert report.tekort == 60 + 60  # accredited 80-20, reflectie 60
    notes = [line.opmerking for line in report.lines if line.opmerking]
    assert len(notes) == 3 and all("zonder accreditatienummer" in n for n in notes)


def test_meetings_credit_by_kind_and_register(tmp_path: Path) -> None:
    files = dict(
        [
            meeting("2025-01-10", "intervisie", 2),
            meeting("2025-02-10", "casusbespreking", 2),
            meeting("2025-03-10", "leercirkel", 2),
            meeting(
                "2025-04-10",
                "leercirkel",
                1.5,
                'telt_als = "reflectie"\ntelt_als_reden = "Begeleid als intervisie"\n',
            ),
        ]
    )
    for line, expected in (
        ('register = "skj"', ["reflectie", "informeel-leren", "informeel-leren", "reflectie"]),
        (
            'register = "registerplein"',
            ["reflectie", "reflectie", "overige-deskundigheidsbevordering", "reflectie"],
        ),
    ):
        repo = _repo(tmp_path / line[12:15], line, files)
        report = hours.report(repo, repo.portfolios["eva-de-wit"], TODAY)
        assert [x.categorie for x in report.lines] == expected
        assert all(x.bron == "bijeenkomst" for x in report.lines)


def test_a_session_logged_twice_counts_once(tmp_path: Path) -> None:
    """Issue 17: her own intervisie activity and the team's intervisie meeting with her as
    participant on the same day are one session: the meeting counts, the activity says why not.
    With `aparte_sessie` (a reason) both count; another form or day never pairs."""
    files = dict(
        [
            meeting("2025-06-10", "intervisie", 2),
            activity("2025-06-10", "intervisie", 1.5),
            activity("2025-06-10", "training", 3),  # same day, other form: counts
            meeting("2025-07-10", "casusbespreking", 2),
            activity("2025-07-11", "casuistiekbespreking", 2),  # other day: counts
        ]
    )
    repo = _repo(tmp_path / "a", 'register = "registerplein"', files)
    worker = repo.portfolios["eva-de-wit"]
    report = hours.report(repo, worker, TODAY)
    reflectie = {t.category.id: t.counted for t in report.categories()}["reflectie"]
    assert reflectie == 2 + 2 + 2
    [left_out] = [x for x in report.lines if not x.counts]
    assert (left_out.bron, left_out.vorm, left_out.datum) == (
        "activiteit",
        "intervisie",
        dt.date(2025, 6, 10),
    )
    assert "2025-06-10-intervisie" in left_out.opmerking
    assert "aparte_sessie" in left_out.opmerking
    [(act, meet)] = hours.same_session(repo, worker)
    assert (act.id, meet.id) == (left_out.id, "2025-06-10-intervisie")

    path, text = activity("2025-06-10", "intervisie", 1.5)
    files[path] = text + 'aparte_sessie = "Intervisie bij het jeugdteam, \'s avonds"\n'
    repo = _repo(tmp_path / "b", 'register = "registerplein"', files)
    worker = repo.portfolios["eva-de-wit"]
    report = hours.report(repo, worker, TODAY)
    assert all(x.counts for x in report.lines)
    assert {t.category.id: t.counted for t in report.categories()}["reflectie"] == 7.5
    assert hours.same_session(repo, worker) == []


def test_pace_and_risk(tmp_path: Path) -> None:
    """The cycle 2022-01-01..2026-12-31 ends within six months of 2026-11-22: a shortfall is a
    risk. Two years earlier the same shortfall is only 'achter'; with nothing missing: voldoet."""
    repo = _repo(
        tmp_path, 'register = "registerplein"', dict([activity("2024-01-10", "training", 8)])
    )
    worker = repo.portfolios["eva-de-wit"]
    late = hours.report(repo, worker, TODAY)
    assert (late.pace, late.days_left) == ("risico", 40)
    assert late.per_month == round(late.tekort / (40 / 30.4375), 1)
    early = hours.report(repo, worker, dt.date(2024, 11, 22))
    assert early.pace == "achter"
    assert early.per_month == pytest.approx(early.tekort / (769 / 30.4375), abs=0.05)
    assert "Risico" in hours.pace_sentence(late)


def test_a_team_register_file_replaces_the_shipped_one(tmp_path: Path) -> None:
    shipped = registers.DATA_DIR / f"{RP}.toml"
    text = shipped.read_text(encoding="utf-8").replace("minimum = 80", "minimum = 10")
    repo = _repo(
        tmp_path,
        'register = "registerplein"',
        {
            f"registers/{RP}.toml": text,
            **dict([activity("2025-01-10", "cursus", 4, 'accreditatie_id = "P"\n')]),
        },
    )
    report = hours.report(repo, repo.portfolios["eva-de-wit"], TODAY)
    assert report.register is not None and not report.register.builtin
    assert report.categories()[0].missing == 6


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["training", "cursus", "intervisie", "literatuur", "leercirkel"]),
            st.floats(min_value=0.25, max_value=24),
            st.booleans(),
            st.booleans(),
        ),
        max_size=30,
    ),
    st.sampled_from([SKJ, RP, "registerplein-ggz-agoog"]),
)
def test_counted_points_never_exceed_logged_hours(
    items: list[tuple[str, float, bool, bool]], rid: str
) -> None:
    """Whatever is logged, a register never counts more than the net hours (1 point per hour)."""
    reg = register(rid)
    lines = []
    for index, (vorm, uren, accredited, online) in enumerate(items):
        category, _ = hours.classify(
            reg, vorm, uren, accreditatie_id="A" if accredited else "", fysiek=not online
        )
        lines.append(
            hours.HourLine(TODAY, "t", category, vorm, uren, uren, "activiteit", str(index))
        )
    report = hours.HoursReport(
        "x", dt.date(2022, 1, 1), dt.date(2027, 1, 1), reg, TODAY, tuple(lines)
    )
    assert report.counted_total <= sum(u for _, u, _, _ in items) + 1e-9
    assert report.tekort <= reg.required
    assert report.tekort >= 0
