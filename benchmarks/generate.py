"""Generate a synthetic but realistic team repository for the benchmarks.

Texts are recombined from sentences of the example team (benchmarks/phrases.json, without
digits, addresses or e-mail, so the privacy guard stays quiet). The output is valid by
construction and identical for the same seed and number of workers.

    python3 benchmarks/generate.py --werkers 250 --out /tmp/team-250 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if not __package__:  # run as `python3 benchmarks/NAME.py`: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.vocabulary import (
    ACHTERNAMEN,
    ARTIKELEN,
    CONTEXTEN,
    GEMEENTEN,
    IFSW,
    KERNTAKEN,
    KERNWAARDEN,
    METHODEN,
    TAGS,
    VOORNAMEN,
    VORMEN,
    WIJKEN,
)
from profcli import resources
from profcli.authoring import scaffold

HERE = Path(__file__).resolve().parent
PHRASES: dict[str, list[str]] = json.loads((HERE / "phrases.json").read_text(encoding="utf-8"))
START, END = dt.date(2021, 7, 1), dt.date(2026, 6, 30)  # fixed: output must not depend on today
TEAM_SIZE = 12
EXAMPLE_COLLEAGUES = (
    "Marieke Jansen",
    "Noor Bakker",
    "Priya Ramdin",
    "Sanne de Boer",
    "Youssef El Amrani",
)
"""Colleagues the phrases of the example team name: allowed names in every generated team."""


class Gen:
    """One random stream; every choice goes through it so a seed fixes the output."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def text(self, low: int = 2, high: int = 5) -> str:
        chosen = self.r.sample(PHRASES["zinnen"], self.r.randint(low, high))
        return " ".join(s if s[-1] in ".!?'" else s + "." for s in chosen)

    def title(self) -> str:
        return self.r.choice(PHRASES["titels"])

    def some(self, pool: Sequence[str], low: int, high: int) -> list[str]:
        return self.r.sample(list(pool), min(len(pool), self.r.randint(low, high)))

    def day(self, start: dt.date = START) -> dt.date:
        return start + dt.timedelta(days=self.r.randrange((END - start).days + 1))

    def visibility(self) -> str:
        return self.r.choices(("team", "prive", "publiek"), (6, 2, 2))[0]


def slugify(text: str, limit: int = 48) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z]+", "-", plain).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "notitie"


def unique(slug: str, taken: set[str]) -> str:
    for suffix in ("", "-vervolg", "-verdieping", "-opnieuw", "-ander-perspectief"):
        if slug + suffix not in taken:
            taken.add(slug + suffix)
            return slug + suffix
    extra = slug + "-" + "-".join("x" * len(taken))  # practically unreachable
    taken.add(extra)
    return extra


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return "[" + ", ".join(toml_value(v) for v in value) + "]"


def dumps(data: dict[str, Any], schema_rel: str) -> str:
    lines = [f"#:schema {schema_rel}"]
    tables: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, dict) or (
            isinstance(value, list) and value and isinstance(value[0], dict)
        ):
            tables.append((key, value))
        else:
            lines.append(f"{key} = {toml_value(value)}")
    for key, value in tables:
        if isinstance(value, list):
            for item in value:
                lines += ["", f"[[{key}]]", *(f"{k} = {toml_value(v)}" for k, v in item.items())]
        else:
            _table(lines, key, value)
    return "\n".join(lines) + "\n"


def _table(lines: list[str], name: str, value: dict[str, Any]) -> None:
    lines += ["", f"[{name}]"]
    subs = [(k, v) for k, v in value.items() if isinstance(v, dict)]
    lines += [f"{k} = {toml_value(v)}" for k, v in value.items() if not isinstance(v, dict)]
    for key, sub in subs:
        _table(lines, f"{name}.{key}", sub)


class Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0

    def entry(self, profile: str, kind: str, folder: str, stem: str, data: dict[str, Any]) -> None:
        path = self.root / "profielen" / profile / folder / f"{stem}.toml"
        rel = f"../../../schemas/{kind}.schema.json"
        if kind == "profiel":
            path, rel = (
                self.root / "profielen" / profile / "profiel.toml",
                "../../schemas/profiel.schema.json",
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(data, rel), encoding="utf-8")
        self.files += 1


def worker(g: Gen, w: Writer, slug: str, naam: str, team: str, number: int) -> None:
    r = g.r
    w.entry(
        slug,
        "profiel",
        "",
        "",
        {
            "naam": naam,
            "soort": "werker",
            "functie": r.choice(
                (
                    "Sociaal werker",
                    "Jeugd- en gezinswerker",
                    "Opbouwwerker",
                    "Ouderenadviseur",
                    "Schuldhulpverlener",
                    "Senior sociaal werker",
                )
            ),
            "team": team,
            "fase": r.choice(("startbekwaam", "vakbekwaam", "vakvolwassen")),
            "contexten": g.some(CONTEXTEN, 1, 3),
            "expertise": g.some(TAGS, 2, 5),
            "publiek_tonen": g.some(("uren", "zelftoetsen"), 0, 2),
            "omschrijving": g.text(2, 3),
            "registratie": _registration(r.choice(("registerplein", "skj")), number),
        },
    )
    goals: list[str] = []
    taken: set[str] = set()
    for _ in range(r.randint(5, 7)):
        title = g.title()
        goal = unique(slugify(title), taken)
        goals.append(goal)
        start = g.day(START)
        data: dict[str, Any] = {
            "titel": title,
            "status": r.choice(("gepland", "bezig", "bezig", "behaald", "gestopt")),
            "omschrijving": g.text(2, 4),
            "succescriterium": g.text(1, 2),
            "start": start,
            "deadline": start + dt.timedelta(days=r.randint(60, 400)),
            "competenties": g.some(KERNTAKEN, 1, 2),
            "contexten": g.some(CONTEXTEN, 1, 2),
            "tags": g.some(TAGS, 1, 3),
            "zichtbaarheid": g.visibility(),
            "acties": [
                {"omschrijving": r.choice(PHRASES["punten"]), "klaar": r.random() < 0.5}
                for _ in range(r.randint(1, 4))
            ],
        }
        w.entry(slug, "leerdoel", "leerdoelen", goal, data)
    stems: set[str] = set()

    def dated(kind: str, folder: str, day: dt.date, title: str, data: dict[str, Any]) -> None:
        stem = unique(f"{day.isoformat()}-{slugify(title, 40)}", stems)
        w.entry(slug, kind, folder, stem, {"datum": day, **data})

    for _ in range(r.randint(34, 46)):
        methode = r.choices(list(METHODEN), (3, 3, 2, 2))[0]
        title = g.title()
        dated(
            "reflectie",
            "reflecties",
            g.day(),
            title,
            {
                "titel": title,
                "methode": methode,
                "leerdoelen": g.some(goals, 0, 2),
                "beroepscode": g.some(KERNWAARDEN + ARTIKELEN + IFSW, 0, 3),
                "dimensies": g.some(("technisch-instrumenteel", "normatief", "persoonlijk"), 0, 2),
                "tags": g.some(TAGS, 0, 3),
                "zichtbaarheid": g.visibility(),
                methode: {part: g.text(2, 5) for part in METHODEN[methode]},
            },
        )
    for _ in range(r.randint(3, 5)):
        items = g.some(KERNWAARDEN + ARTIKELEN, 3, 8)
        dated(
            "zelftoets",
            "zelftoetsen",
            g.day(),
            "beroepscode",
            {
                "kader": "beroepscode-2021",
                "blinde_vlekken": g.text(1, 2),
                "actiepunten": g.some(PHRASES["punten"], 1, 3),
                "zichtbaarheid": g.visibility(),
                "scores": {
                    i: {"score": r.randint(2, 5), "toelichting": g.text(1, 1)} for i in items
                },
            },
        )
    days: set[dt.date] = set()
    for _ in range(r.randint(25, 35)):
        day = g.day()
        while day in days:  # one activity per day keeps every day far below 24 hours
            day = g.day()
        days.add(day)
        categorie = r.choices(("scholing", "reflectie", "overig"), (5, 4, 2))[0]
        vorm = r.choice(VORMEN[categorie])
        title = g.title()
        data = {
            "titel": title,
            "vorm": vorm,
            "uren": r.choice((1, 1.5, 2, 3, 4, 6, 8)),
            "omschrijving": g.text(1, 2),
            "leerdoelen": g.some(goals, 0, 1),
            "zichtbaarheid": g.visibility(),
        }
        if categorie == "scholing" and r.random() < 0.6:
            data |= {
                "aanbieder": r.choice(("Hogeschool", "Movisie", "Eigen organisatie")),
                "geaccrediteerd": True,
                "accreditatie_id": f"PE-{r.randrange(10**6):06d}",
            }
        dated("activiteit", "activiteiten", day, f"{vorm}-{title}", data)
    for _ in range(r.randint(8, 12)):
        van = r.choice(("burger", "collega", "leidinggevende", "ketenpartner"))
        dated(
            "feedback",
            "feedback",
            g.day(),
            van,
            {
                "van": van,
                "samenvatting": g.text(2, 4),
                "geleerd": g.text(1, 1),
                "leerdoelen": g.some(goals, 0, 1),
                "zichtbaarheid": g.visibility(),
            },
        )


def _registration(register: str, number: int) -> dict[str, object]:
    """Numbers in the registers' own formats (Registerplein's begin with 4610)."""
    nummer = f"4610{number:06d}" if register == "registerplein" else f"11{number:07d}"
    return {"register": register, "nummer": nummer, "cyclus_start": START}


def team(g: Gen, w: Writer, slug: str, naam: str, members: list[str]) -> None:
    r = g.r
    w.entry(
        slug,
        "profiel",
        "",
        "",
        {
            "naam": naam,
            "soort": "team",
            "gemeente": r.choice(GEMEENTEN),
            "omschrijving": g.text(2, 4),
            "kaders": ["beroepscode-2021", "ifsw-2018", "sociaal-werk-competenties"],
            # The phrases come from the example team and name its workers as colleagues.
            "namen_toegestaan": list(EXAMPLE_COLLEAGUES),
        },
    )
    taken: set[str] = set()
    opdrachten = []
    for _ in range(3):
        title = g.title()
        opdrachten.append(unique(slugify(title), taken))
        w.entry(
            slug,
            "leerdoel",
            "leerdoelen",
            opdrachten[-1],
            {
                "titel": title,
                "status": r.choice(("bezig", "behaald")),
                "omschrijving": g.text(2, 4),
                "competenties": g.some(KERNTAKEN, 1, 2),
            },
        )
    stems: set[str] = set()
    days: set[dt.date] = set()
    for _ in range(r.randint(20, 30)):
        day = g.day()
        while day in days:
            day = g.day()
        days.add(day)
        soort = r.choice(("leercirkel", "intervisie", "casusbespreking", "moreel-beraad"))
        thema = g.title()
        stem = unique(f"{day.isoformat()}-{soort}-{slugify(thema, 30)}", stems)
        w.entry(
            slug,
            "bijeenkomst",
            "bijeenkomsten",
            stem,
            {
                "datum": day,
                "soort": soort,
                "duur_uren": r.choice((1.5, 2, 2.5, 3)),
                "deelnemers": g.some(members, max(1, len(members) // 2), len(members)),
                "thema": thema,
                "casus": g.text(2, 3),
                "inzichten": g.some(PHRASES["punten"], 1, 4),
                "afspraken": g.some(PHRASES["punten"], 0, 2),
                "signalen": g.some(TAGS, 0, 3),
                "leerdoelen": g.some(opdrachten, 0, 1),
                "zichtbaarheid": g.visibility(),
            },
        )
    for _ in range(r.randint(6, 10)):
        title = g.title()
        paragraphs = [f"## {r.choice(PHRASES['titels'])}\n\n{g.text(2, 4)}" for _ in range(3)]
        w.entry(
            slug,
            "kennis",
            "kennis",
            unique(slugify(title), taken),
            {
                "titel": title,
                "inhoud": "\n\n".join(paragraphs),
                "tags": g.some(TAGS, 1, 3),
                "contactpersonen": g.some(members, 1, 2),
                "bijgewerkt": g.day(),
                "bronnen": ["https://www.movisie.nl"],
                "zichtbaarheid": g.visibility(),
            },
        )


def generate(out: Path, werkers: int, seed: int = 1) -> int:
    """Write the repository to `out` (replaced if it exists); return the number of files."""
    if out.exists():
        shutil.rmtree(out)
    g = Gen(seed)
    w = Writer(out)
    names = [f"{v} {a}" for a in ACHTERNAMEN for v in VOORNAMEN]
    g.r.shuffle(names)
    while len(names) < werkers:  # beyond 1600 workers: add an initial
        names += [
            f"{n.split()[0]} {chr(65 + len(names) // 1600)}. {n.split(' ', 1)[1]}"
            for n in names[:1600]
        ]
    teams = max(1, round(werkers / TEAM_SIZE))
    team_slugs = [
        f"wijkteam-{slugify(GEMEENTEN[i % len(GEMEENTEN)])}-"
        f"{slugify(WIJKEN[(i // len(GEMEENTEN)) % len(WIJKEN)])}"
        + ("-" + "-".join("b" * (i // 70)) if i >= 70 else "")
        for i in range(teams)
    ]
    for rel, content in scaffold.files("Wijkteams (benchmark)", team_slugs[0]).items():
        if not rel.startswith("profielen/"):
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_text(content, encoding="utf-8")
    shutil.copytree(resources.schemas_dir(), out / "schemas", ignore=shutil.ignore_patterns("__*"))
    members: dict[str, list[str]] = {t: [] for t in team_slugs}
    for index in range(werkers):
        naam = names[index]
        slug = slugify(naam, 80)
        t = team_slugs[index % teams]
        members[t].append(slug)
        worker(g, w, slug, naam, t, index + 1)
    for index, t in enumerate(team_slugs):
        if members[t]:
            wijk = WIJKEN[(index // len(GEMEENTEN)) % len(WIJKEN)]
            team(g, w, t, f"Wijkteam {GEMEENTEN[index % len(GEMEENTEN)]} {wijk}", members[t])
    return w.files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--werkers", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    files = generate(args.out, args.werkers, args.seed)
    print(f"{files} bestanden voor {args.werkers} werkers geschreven naar {args.out}")


if __name__ == "__main__":
    main()
