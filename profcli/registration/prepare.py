"""`prof prepare`: a worker's preparation for her next conversation with her team lead.

Since the last conversation: her goals with status and deadline, points against her
register's norm and pace, her reflections (how many, which methods and themes), the feedback
she received, the trend of her self-checks, and the agreements still open; then a few
questions to think about. One list of blocks, written as Markdown and as a printable page
(every text escaped, nothing from another host), like the dossier it sits beside.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from profcli import clock
from profcli.registration import hours, norm
from profcli.registration.export import md_text
from profcli.repository import conversations
from profcli.repository.kinds import FEEDBACK, GESPREK, LEERDOEL, REFLECTIE, ZELFTOETS
from profcli.repository.model import Entry, Portfolio, Repository
from profcli.repository.writing import replace
from profcli.words import OPEN_STATUSES

ONE = {
    "burger": "een inwoner",
    "collega": "een collega",
    "leidinggevende": "de leidinggevende",
    "ketenpartner": "een ketenpartner",
}
ROLES = {
    "burger": "inwoners",
    "collega": "collega's",
    "leidinggevende": "de leidinggevende",
    "ketenpartner": "ketenpartners",
}
METHODS = {"starr": "STARR", "korthagen": "Korthagen", "gibbs": "Gibbs", "vrij": "vrij"}
WHO = {"werker": "medewerker", "leidinggevende": "leidinggevende", "team": "team"}
QUESTIONS = (
    "Waar ben je het meest trots op sinds het vorige gesprek?",
    "Welk leerdoel wil je bijstellen, afronden of nieuw maken?",
    "Wat heb je van je leidinggevende of het team nodig om verder te komen?",
    "Welke situatie uit je werk wil je bespreken, en wat heb je daarvan geleerd?",
)


CSS = (
    "@page{size:A4;margin:18mm}body{font-family:sans-serif;font-size:10.5pt;color:#111;"
    "max-width:48em;margin:0 auto;padding:0 8px}"
    "table{border-collapse:collapse;width:100%;margin:0 0 1em;font-size:9.5pt}"
    "th,td{border:1px solid #999;padding:2px 4px;text-align:left;vertical-align:top}"
    "thead{display:table-header-group}tr{break-inside:avoid}h1,h2{break-after:avoid}"
    "td{overflow-wrap:break-word}"
)
"""The dossier's print style, without breaking words anywhere: a preparation is also read
on a phone (a 390 px screen broke "behaald" and the date in the title)."""


@dataclass
class Doc:
    """Blocks of a page: ("h2", text), ("p", text), ("ul", items), ("table", header, rows)."""

    title: str
    blocks: list[tuple[str, object]] = field(default_factory=list)

    def add(self, kind: str, value: object) -> None:
        self.blocks.append((kind, value))

    def markdown(self) -> str:
        out = [f"# {md_text(self.title)}", ""]
        for kind, value in self.blocks:
            if kind == "h2":
                out += [f"## {md_text(str(value))}", ""]
            elif kind == "p":
                out += [md_text(str(value)), ""]
            elif kind == "ul":
                out += [f"- {md_text(item)}" for item in _strings(value)] + [""]
            elif kind == "table":
                header, rows = _table(value)
                out.append("| " + " | ".join(md_text(h) for h in header) + " |")
                out.append("|" + "---|" * len(header))
                out += ["| " + " | ".join(md_text(c) for c in row) + " |" for row in rows]
                out.append("")
        return "\n".join(out).rstrip() + "\n"

    def html(self) -> str:
        e = html.escape
        parts = [
            "<!doctype html>",
            '<html lang="nl"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(self.title)}</title>",
            f"<style>{CSS}</style></head><body>",
            f"<h1>{e(self.title)}</h1>",
        ]
        for kind, value in self.blocks:
            if kind == "h2":
                parts.append(f"<h2>{e(str(value))}</h2>")
            elif kind == "p":
                parts.append(f"<p>{e(str(value))}</p>")
            elif kind == "ul":
                parts.append(
                    "<ul>" + "".join(f"<li>{e(i)}</li>" for i in _strings(value)) + "</ul>"
                )
            elif kind == "table":
                header, rows = _table(value)
                parts.append("<table><thead><tr>")
                parts += [f"<th>{e(h)}</th>" for h in header]
                parts.append("</tr></thead><tbody>")
                for row in rows:
                    parts.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>")
                parts.append("</tbody></table>")
        parts.append("</body></html>")
        return "\n".join(parts) + "\n"


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _table(value: object) -> tuple[list[str], list[list[str]]]:
    header, rows = value if isinstance(value, tuple) else ([], [])
    return list(header), [list(r) for r in rows]


def preparation(repo: Repository, worker: Portfolio, today: dt.date) -> Doc:
    talks = worker.of(GESPREK)
    last = max((c.datum for c in talks if c.datum), default=None)
    doc = Doc(f"Voorbereiding gesprek van {worker.naam}, {clock.shown(today)}")
    since = f"sinds het vorige gesprek ({clock.shown(last)})" if last else "tot nu toe"
    periodic = conversations.last_periodic(talks)
    if periodic is None:
        doc.add(
            "p",
            "Er is nog geen jaargesprek vastgelegd; de Cao Sociaal Werk vraagt er één per jaar.",
        )
    else:
        doc.add(
            "p",
            f"Het laatste jaargesprek was op {clock.shown(periodic)}. "
            f"Dit overzicht beslaat de tijd {since}.",
        )
    _goals(doc, worker, today)
    _points(doc, repo, worker, today)
    _reflections(doc, worker, last, since)
    _feedback(doc, worker, last, since)
    _self_checks(doc, repo, worker)
    _agreements(doc, talks, today)
    doc.add("h2", "Vragen om over na te denken")
    doc.add("ul", list(QUESTIONS))
    return doc


def _after(entries: Sequence[Entry], day: dt.date | None) -> list[Entry]:
    return [e for e in entries if e.datum and (day is None or e.datum > day)]


def _goals(doc: Doc, worker: Portfolio, today: dt.date) -> None:
    doc.add("h2", "Leerdoelen")
    goals = worker.of(LEERDOEL)
    if not goals:
        doc.add("p", "Nog geen leerdoelen.")
        return
    rows = []

    def order(g: Entry) -> tuple[bool, dt.date, str]:
        deadline = g.get("deadline")
        due = deadline if isinstance(deadline, dt.date) else dt.date.max
        return (g.get("status") not in OPEN_STATUSES, due, g.id)

    for g in sorted(goals, key=order):
        deadline = g.get("deadline")
        late = (
            " (te laat)"
            if isinstance(deadline, dt.date)
            and deadline < today
            and g.get("status") in OPEN_STATUSES
            else ""
        )
        shown = clock.shown(deadline) + late if isinstance(deadline, dt.date) else "-"
        rows.append([g.text("titel") or g.id, str(g.get("status", "")).capitalize(), shown])
    doc.add("table", (["Leerdoel", "Status", "Deadline"], rows))


def _points(doc: Doc, repo: Repository, worker: Portfolio, today: dt.date) -> None:
    doc.add("h2", "Punten voor de herregistratie")
    report = hours.report(repo, worker, today)
    if report.register is None:
        doc.add("p", f"Geen register in het profiel ({report.problem or 'geen registratie'}).")
        return
    end = report.end - dt.timedelta(days=1)
    doc.add(
        "p",
        f"{report.register.titel}: cyclus tot en met {clock.shown(end)}, "
        f"nog {report.days_left} dagen.",
    )
    doc.add("p", norm.summary(report))
    doc.add("p", f"Tempo: {report.pace}.")


def _reflections(doc: Doc, worker: Portfolio, last: dt.date | None, since: str) -> None:
    doc.add("h2", "Reflecties")
    found = _after(worker.of(REFLECTIE), last)
    if not found:
        doc.add("p", f"Geen reflecties {since}.")
        return
    methods = Counter(str(r.get("methode", "vrij")) for r in found)
    themes = Counter(t for r in found for t in r.ids("tags"))
    doc.add(
        "p",
        f"{_count(len(found), 'reflectie', 'reflecties')} {since}; "
        + ("methode" if len(methods) == 1 else "methoden")
        + ": "
        + ", ".join(f"{METHODS.get(m, m)} ({n})" for m, n in methods.most_common())
        + ".",
    )
    if themes:
        doc.add(
            "p",
            "Thema's: " + ", ".join(t.replace("-", " ") for t, _ in themes.most_common(8)) + ".",
        )
    doc.add("ul", [f"{clock.shown(r.datum)}: {r.text('titel')}" for r in found if r.datum])


def _count(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def _feedback(doc: Doc, worker: Portfolio, last: dt.date | None, since: str) -> None:
    doc.add("h2", "Feedback")
    found = _after(worker.of(FEEDBACK), last)
    if not found:
        doc.add("p", f"Geen feedback {since}.")
        return
    roles = Counter(str(f.get("van")) for f in found)
    doc.add(
        "p",
        f"{len(found)} keer feedback {since}, van "
        + ", ".join(f"{(ONE if n == 1 else ROLES).get(r, r)} ({n})" for r, n in roles.most_common())
        + ".",
    )
    doc.add(
        "ul",
        [
            f"{clock.shown(f.datum)}, van {ONE.get(str(f.get('van')), '')}: "
            + " ".join(f.text("samenvatting").split())
            for f in found
            if f.datum
        ],
    )


def _self_checks(doc: Doc, repo: Repository, worker: Portfolio) -> None:
    doc.add("h2", "Zelftoetsen")
    checks = sorted((c for c in worker.of(ZELFTOETS) if c.datum), key=lambda c: (c.datum, c.id))
    if not checks:
        doc.add("p", "Nog geen zelftoetsen.")
        return
    rows = []
    for check in checks[-4:]:
        scores = check.get("scores")
        values = (
            [s.get("score") for s in scores.values() if isinstance(s, dict)]
            if isinstance(scores, dict)
            else []
        )
        numbers = [v for v in values if isinstance(v, int)]
        average = f"{sum(numbers) / len(numbers):.1f}".replace(".", ",") if numbers else "-"
        when = clock.shown(check.datum) if check.datum else "-"
        framework = repo.catalog.frameworks.get(str(check.get("kader", "")))
        rows.append([when, framework.titel if framework else str(check.get("kader", "")), average])
    doc.add("table", (["Datum", "Kader", "Gemiddelde score (1-5)"], rows))


def _agreements(doc: Doc, talks: list[Entry], today: dt.date) -> None:
    doc.add("h2", "Open afspraken")
    open_ones = [a for a in conversations.agreements(talks) if not a.klaar]
    if not open_ones:
        doc.add("p", "Geen open afspraken.")
        return
    doc.add(
        "ul",
        [
            f"{a.wat} ({WHO.get(a.wie, a.wie)}; "
            + (f"deadline {clock.shown(a.deadline)}" if a.deadline else "geen deadline")
            + (", te laat" if a.overdue(today) else "")
            + ")"
            for a in open_ones
        ],
    )


def write(doc: Doc, folder: Path, stem: str) -> list[Path]:
    paths = [folder / f"{stem}.md", folder / f"{stem}.html"]
    replace(paths[0], doc.markdown())
    replace(paths[1], doc.html())
    return paths
