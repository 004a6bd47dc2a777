"""`prof export`: the re-registration dossier of one worker, in the register's own terms.

Three files: `dossier.csv` (one row per activity or credited meeting, ready to copy into Mijn
SKJ or PE-online; `;`-separated, decimal comma, UTF-8 with BOM, so Dutch Excel opens it
right), `dossier.md` and `dossier.html` (totals per category against the register's rules,
with their sources; the HTML prints on A4 from any browser). Every figure comes from
`profcli.registration.hours`, the same source as `prof status` and the site.

No PDF: the well-kept Python PDF renderers need system libraries (Pango, Cairo) that make a
fragile install; the browser's print-to-PDF of dossier.html gives the same A4 pages.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from collections.abc import Sequence
from pathlib import Path

from profcli.registration import hours, norm
from profcli.repository.approvals import approvals
from profcli.repository.kinds import ACTIVITEIT, REFLECTIE
from profcli.repository.model import Portfolio, Repository
from profcli.repository.writing import replace

CSV_FIELDS = (
    "datum",
    "titel",
    "aanbieder",
    "accreditatie-id",
    "vorm",
    "uren",
    "punten",
    "categorie",
    "status",
    "bewijs",
    "bron",
    "opmerking",
    "akkoord",
)

DRAFT = "CONCEPT, ONVOLLEDIG: deze bestanden tellen niet mee omdat ze fouten bevatten: "


def number(value: float) -> str:
    """A figure as Dutch Excel reads it: decimal comma, no thousands separator."""
    return f"{round(value, 2):g}".replace(".", ",")


def day(value: dt.date) -> str:
    return value.strftime("%d-%m-%Y")


def _category_name(report: hours.HoursReport, category_id: str) -> str:
    found = report.register.category(category_id) if report.register else None
    return found.naam if found else "telt niet mee"


Signed = dict[str, str]
"""Per activity id: the approval that holds for it, as "Noor Bakker, 12-11-2026"."""


def signed_off(repo: Repository, worker: Portfolio) -> Signed:
    """The activities whose approval by a team lead holds (signed, trusted, unchanged)."""
    found: Signed = {}
    for activity in worker.of(ACTIVITEIT):
        approval = approvals(repo).of(activity)
        if approval is not None and approval.holds:
            when = f", {day(approval.day)}" if approval.day else ""
            found[activity.id] = f"{approval.lead}{when}"
    return found


def _signed(line: hours.HourLine, signed: Signed) -> str:
    return signed.get(line.id, "") if line.bron == "activiteit" else ""


def dossier_csv(
    report: hours.HoursReport, incomplete: Sequence[str] = (), signed: Signed | None = None
) -> str:
    """One row per activity and per credited team meeting (with a BOM for Excel); `akkoord`
    names the team lead whose signed approval of the activity holds."""
    signed = signed or {}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    if incomplete:
        writer.writerow([DRAFT + ", ".join(incomplete)])
    writer.writerow(CSV_FIELDS)
    for line in report.lines:
        writer.writerow(
            [
                day(line.datum),
                _cell(line.titel),
                _cell(line.aanbieder),
                _cell(line.accreditatie_id),
                line.vorm,
                number(line.uren),
                number(line.punten) if line.counts else "0",
                _category_name(report, line.categorie),
                line.status or "niet ingediend",
                _cell(" | ".join(line.bewijs)),
                f"{line.bron} {line.id}",
                _cell(line.opmerking),
                _cell(_signed(line, signed)),
            ]
        )
    return "\ufeff" + out.getvalue()


def _cell(text: str) -> str:
    """Text that a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text


def totals_rows(report: hours.HoursReport) -> list[list[str]]:
    """Per category: logged, counted, minimum, maximum, missing, submitted, awarded, source."""
    rows = []
    for total in report.categories():
        c = total.category
        rows.append(
            [
                c.naam,
                number(total.logged),
                number(total.counted),
                number(c.minimum) if c.minimum else "-",
                number(c.maximum) if c.maximum is not None else "-",
                number(total.missing) if c.minimum else "-",
                number(total.submitted),
                number(total.awarded),
                ("" if c.bron.geverifieerd else "niet geverifieerd: ") + c.bron.adres,
            ]
        )
    return rows


HEADER = (
    "categorie",
    "gelogd",
    "telt mee",
    "minimum",
    "maximum",
    "tekort",
    "ingediend",
    "toegekend",
    "bron",
)


def _summary(report: hours.HoursReport) -> list[str]:
    if report.register is None:
        forms = norm.per_form(report)
        lines = [f"Geen register om mee te vergelijken: {report.problem}; er geldt geen norm."]
        lines += [f"Gelogd als {vorm}: {number(uren)} uur." for vorm, uren in forms]
        return lines
    lines = [norm.summary(report), f"Nog nodig: {number(report.tekort)} punten ({report.pace})."]
    lines += [f"Telt niet voor de norm: {b.sentence()}." for b in norm.beside(report)]
    if report.tekort:
        lines.append(
            f"Nog {report.days_left} dagen tot het einde van de cyclus: "
            f"{number(report.per_month)} punten per maand."
        )
    lines += [
        f"{rule.naam}: {number(counted)} van minimaal {number(rule.minimum)}."
        for rule, counted, _ in report.combined()
    ]
    return lines


def dossier_md(
    repo: Repository,
    worker: Portfolio,
    report: hours.HoursReport,
    incomplete: Sequence[str] = (),
    signed: Signed | None = None,
) -> str:
    end = report.end - dt.timedelta(days=1)
    reg = worker.profile.get("registratie") if worker.profile else None
    reg = reg if isinstance(reg, dict) else {}
    lines = [f"# Herregistratiedossier {md_text(worker.naam)}", ""]
    if incomplete:
        lines += [f"> **{md_text(DRAFT)}** " + ", ".join(f"`{md_text(p)}`" for p in incomplete), ""]
    lines.append(f"- Cyclus: {day(report.start)} t/m {day(end)}")
    if report.register:
        nummer = f", nummer {md_text(str(reg['nummer']))}" if reg.get("nummer") else ""
        lines.append(f"- Register: {md_text(report.register.titel)}{nummer}")
    lines += ["", "## Punten per categorie", ""]
    lines.append("| " + " | ".join(HEADER) + " |")
    lines.append("|---|" + "---:|" * 7 + "---|")
    lines += ["| " + " | ".join(md_text(c) for c in row) + " |" for row in totals_rows(report)]
    lines += ["", *_summary(report)]
    outside = norm.outside_cycle(repo, worker, report) if report.register else None
    lines += [f"Ook gelogd: {outside.sentence()}." if outside else "", ""]
    noted = [line for line in report.lines if line.opmerking]
    if noted:
        lines += ["## Let op", ""]
        lines += [f"- {day(x.datum)} {md_text(x.titel)}: {md_text(x.opmerking)}" for x in noted]
        lines.append("")
    approved = [x for x in report.lines if _signed(x, signed or {})]
    if approved:
        lines += ["## Akkoord van de leidinggevende", ""]
        lines += [
            f"- {day(x.datum)} {md_text(x.titel)}: {md_text(_signed(x, signed or {}))}, ondertekend"
            for x in approved
        ]
        lines.append("")
    lines += ["## Bronnen van de regels", ""]
    if report.register:
        for rule, source in report.register.sources():
            mark = "" if source.geverifieerd else " (niet geverifieerd)"
            lines.append(f"- {md_text(rule)}: {md_text(source.adres)}{mark}")
    lines += ["", "## Reflecties", ""]
    reflections = [
        e for e in worker.of(REFLECTIE) if e.datum and report.start <= e.datum < report.end
    ]
    lines += [
        f"- {day(e.datum)}: {md_text(e.text('titel'))} ({md_text(e.text('methode'))})"
        for e in reflections
        if e.datum
    ] or ["Geen reflecties in deze cyclus."]
    lines += ["", "## Bewijsstukken", ""]
    evidence = _evidence(worker, report)
    lines += [f"- {md_text(ref)} (bij {md_text(source)})" for ref, source in evidence] or [
        "Geen bewijsstukken."
    ]
    return "\n".join(lines) + "\n"


def dossier_html(
    worker: Portfolio,
    report: hours.HoursReport,
    incomplete: Sequence[str] = (),
    signed: Signed | None = None,
) -> str:
    """A standalone page that prints on A4: every text escaped, nothing from another host."""
    e = html.escape
    end = report.end - dt.timedelta(days=1)
    parts = [
        "<!doctype html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>Herregistratiedossier {e(worker.naam)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Herregistratiedossier {e(worker.naam)}</h1>",
    ]
    if incomplete:
        parts.append(f'<p class="concept">{e(DRAFT + ", ".join(incomplete))}</p>')
    register = e(report.register.titel) if report.register else "onbekend"
    parts.append(f"<p>Register: {register}. Cyclus {day(report.start)} t/m {day(end)}.</p>")
    parts.append("<h2>Punten per categorie</h2><table><thead><tr>")
    parts += [f"<th>{e(h)}</th>" for h in HEADER]
    parts.append("</tr></thead><tbody>")
    for row in totals_rows(report):
        parts.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>")
    parts.append("</tbody></table>")
    parts += [f"<p>{e(line)}</p>" for line in _summary(report)]
    parts.append("<h2>Activiteiten en bijeenkomsten</h2><table><thead><tr>")
    heads = ("datum", "titel", "categorie", "punten", "status", "akkoord")
    parts += [f"<th>{e(h)}</th>" for h in heads]
    parts.append("</tr></thead><tbody>")
    for line in report.lines:
        cells = [
            day(line.datum),
            line.titel + (f" ({line.opmerking})" if line.opmerking else ""),
            _category_name(report, line.categorie),
            number(line.punten) if line.counts else "0",
            line.status or "niet ingediend",
            _signed(line, signed or {}),
        ]
        parts.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
    parts.append("</tbody></table><h2>Bronnen van de regels</h2><ul>")
    for rule, source in report.register.sources() if report.register else []:
        mark = "" if source.geverifieerd else " (niet geverifieerd)"
        parts.append(f"<li>{e(rule)}: {e(source.adres)}{e(mark)}</li>")
    parts.append("</ul></body></html>")
    return "\n".join(parts) + "\n"


_CSS = (
    "@page{size:A4;margin:18mm}body{font-family:sans-serif;font-size:10.5pt;color:#111}"
    "table{border-collapse:collapse;width:100%;margin:0 0 1em;font-size:9pt}"
    "th,td{border:1px solid #999;"
    "padding:2px 4px;text-align:left;vertical-align:top}thead{display:table-header-group}"
    "tr{break-inside:avoid}.concept{border:2px solid #a00;padding:4px;font-weight:bold}"
    # A source's web address must not push the table past the page (measured: 1161 px wide
    # against A4's 658 px of text before this): in the totals table long words and addresses
    # break anywhere, and its sources column gets the room to show an address in a few lines.
    "td{overflow-wrap:break-word}table:first-of-type td,li{overflow-wrap:anywhere}"
    "table:first-of-type td:last-child{min-width:8em}"
    "h1,h2{break-after:avoid}"
)


def _evidence(worker: Portfolio, report: hours.HoursReport) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for entry in worker.entries_flat():
        if entry.datum and not report.start <= entry.datum < report.end:
            continue
        for ref in entry.ids("bewijs"):
            found.append((ref, f"{entry.kind.folder}/{entry.id}"))
    return sorted(set(found))


def md_text(text: str) -> str:
    """Plain text in Markdown: no HTML, no accidental formatting, one line."""
    text = " ".join(text.split())
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def export(
    repo: Repository,
    worker: Portfolio,
    today: dt.date,
    out: Path,
    start: dt.date | None = None,
    *,
    incomplete: Sequence[str] = (),
) -> tuple[list[Path], hours.HoursReport]:
    """Write the dossier; `incomplete` names the files left out, and every page says so."""
    report = hours.report(repo, worker, today, start=start)
    signed = signed_off(repo, worker)
    written = [out / "dossier.csv", out / "dossier.md", out / "dossier.html"]
    replace(written[0], dossier_csv(report, incomplete, signed))
    replace(written[1], dossier_md(repo, worker, report, incomplete, signed))
    replace(written[2], dossier_html(worker, report, incomplete, signed))
    return written, report
