"""`prof export`: the re-registration dossier of one worker, as CSV and Markdown.

All hour figures come from `profcli.hours`, the same source as `prof status` and the site.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from profcli import hours
from profcli.kinds import REFLECTIE
from profcli.model import Portfolio, Repository
from profcli.writing import replace

CSV_FIELDS = (
    "datum",
    "titel",
    "categorie",
    "vorm",
    "uren",
    "bron",
    "id",
    "geaccrediteerd",
    "accreditatie_id",
)


DRAFT = "CONCEPT, ONVOLLEDIG: deze bestanden tellen niet mee omdat ze fouten bevatten: "


def dossier_csv(report: hours.HoursReport, incomplete: Sequence[str] = ()) -> str:
    """One row per activity and per credited team meeting."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if incomplete:
        writer.writerow([DRAFT + ", ".join(incomplete)])
    writer.writerow(CSV_FIELDS)
    for line in report.lines:
        writer.writerow(
            [
                line.datum.isoformat(),
                _cell(line.titel),
                line.categorie,
                line.vorm,
                f"{line.uren:g}",
                line.bron,
                line.id,
                "ja" if line.geaccrediteerd else "nee",
                line.accreditatie_id,
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """Text that a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text


def dossier_md(
    repo: Repository,
    worker: Portfolio,
    report: hours.HoursReport,
    incomplete: Sequence[str] = (),
) -> str:
    end = report.end - dt.timedelta(days=1)
    profile = worker.profile
    reg = profile.get("registratie") if profile else None
    reg = reg if isinstance(reg, dict) else {}
    lines = [f"# Herregistratiedossier {_md(worker.naam)}", ""]
    if incomplete:
        lines += [f"> **{_md(DRAFT)}** " + ", ".join(f"`{_md(p)}`" for p in incomplete), ""]
    lines.append(f"- Cyclus: {report.start.isoformat()} t/m {end.isoformat()}")
    if reg:
        lines.append(
            f"- Register: {_md(str(reg.get('register', '')))}"
            + (f", nummer {_md(str(reg['nummer']))}" if reg.get("nummer") else "")
        )
    lines += ["", "## Uren per categorie", ""]
    lines += ["| categorie | gelogd | telt mee | norm | tekort |", "|---|---:|---:|---:|---:|"]
    missing = report.missing
    for category in hours.CATEGORIES:
        norm = f"{report.norm.uren.get(category, 0):g}" if report.norm else "-"
        short = f"{missing[category]:g}" if report.norm else "-"
        lines.append(
            f"| {category} | {report.totals[category]:g} | {report.counted[category]:g} "
            f"| {norm} | {short} |"
        )
    total, counted = sum(report.totals.values()), sum(report.counted.values())
    lines.append(f"| **totaal** | {total:g} | {counted:g} | | |")
    if report.norm and report.norm.overig_max is not None:
        lines.append(f"\nVoor overig telt maximaal {report.norm.overig_max:g} uur mee.")
    credited = sum(line.uren for line in report.lines if line.bron == "bijeenkomst")
    lines.append(f"\nWaarvan {credited:g} uur reflectie uit teambijeenkomsten (zie dossier.csv).")
    lines += ["", "## Reflecties", ""]
    reflections = [
        e for e in worker.of(REFLECTIE) if e.datum and report.start <= e.datum < report.end
    ]
    for entry in reflections:
        assert entry.datum is not None
        lines.append(
            f"- {entry.datum.isoformat()}: {_md(entry.text('titel'))} "
            f"({_md(entry.text('methode'))})"
        )
    if not reflections:
        lines.append("Geen reflecties in deze cyclus.")
    lines += ["", "## Bewijsstukken", ""]
    evidence = _evidence(worker, report)
    lines += [f"- {_md(ref)} (bij {_md(source)})" for ref, source in evidence] or [
        "Geen bewijsstukken."
    ]
    return "\n".join(lines) + "\n"


def _evidence(worker: Portfolio, report: hours.HoursReport) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for entry in worker.entries_flat():
        if entry.datum and not report.start <= entry.datum < report.end:
            continue
        for ref in entry.ids("bewijs"):
            found.append((ref, f"{entry.kind.folder}/{entry.id}"))
    return sorted(set(found))


def _md(text: str) -> str:
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
) -> tuple[Path, Path, hours.HoursReport]:
    """Write the dossier; `incomplete` names the files left out, and every page says so."""
    report = hours.report(repo, worker, today, start=start)
    csv_path, md_path = out / "dossier.csv", out / "dossier.md"
    replace(csv_path, dossier_csv(report, incomplete))
    replace(md_path, dossier_md(repo, worker, report, incomplete))
    return csv_path, md_path, report
