"""Rules about re-registration: the register a profile names, the categories entries name,
accreditation and registration numbers. The rules themselves are data
(profcli.repository.registers)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from profcli.findings import Finding
from profcli.registration.hours import register_for
from profcli.repository.kinds import ACTIVITEIT, BIJEENKOMST
from profcli.repository.model import Portfolio, Repository
from profcli.repository.registers import Register

_NUMBER = {
    "registerplein": (re.compile(r"^4610\d+$"), "een nummer van Registerplein begint met 4610"),
    "skj": (re.compile(r"^\d+$"), "een SKJ-registratienummer bestaat uit cijfers"),
}
"""Registration number formats where the register says so (registerplein.nl/faq/)."""


def registration_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    for worker in repo.workers():
        profile = worker.profile
        if profile is None or "registratie" in profile.invalid_keys:
            continue
        registratie = profile.get("registratie")
        if not isinstance(registratie, dict):
            continue
        register, problem = register_for(repo, worker)
        if register is None:
            key = "kamer" if "kamer" in registratie else "register"
            yield profile.doc.finding(("registratie", key), "ref-register", problem)
            continue
        yield from _number(profile.doc, registratie, register)
        yield from _activities(worker, register)
    yield from _meetings(repo)


def _number(doc: object, registratie: dict[str, object], register: Register) -> Iterator[Finding]:
    number = registratie.get("nummer")
    rule = _NUMBER.get(register.register)
    if isinstance(number, str) and rule and not rule[0].fullmatch(number.replace(" ", "")):
        yield doc.finding(  # type: ignore[attr-defined]
            ("registratie", "nummer"),
            "registratienummer",
            f"`{number}` lijkt geen registratienummer: {rule[1]}",
            severity="waarschuwing",
        )


def _activities(worker: Portfolio, register: Register) -> Iterator[Finding]:
    for entry in worker.of(ACTIVITEIT):
        if not entry.valid:
            continue
        override = entry.text("categorie")
        if override and register.category(override) is None:
            known = ", ".join(c.id for c in register.categorieen)
            yield entry.doc.finding(
                ("categorie",),
                "ref-categorie",
                f"categorie `{override}` bestaat niet bij {register.titel}; kies uit: {known}",
            )
            continue
        category = register.for_form(entry.text("vorm") or "overig")
        if (
            not override
            and category.accreditatie
            and entry.get("geaccrediteerd") is True
            and not entry.text("accreditatie_id")
        ):
            fallback = register.category(category.zonder_accreditatie or "")
            where = fallback.naam if fallback else "een andere categorie"
            yield entry.doc.finding(
                ("geaccrediteerd",),
                "accreditatie-id",
                f"geaccrediteerd, maar zonder accreditatie_id: telt daarom als {where}, niet als "
                f"{category.naam}; vul het ID-nummer van de opleiding in",
                severity="waarschuwing",
            )


def _meetings(repo: Repository) -> Iterator[Finding]:
    for team in repo.teams():
        for meeting in team.of(BIJEENKOMST):
            override = meeting.text("telt_als")
            if not meeting.valid or not override:
                continue
            registers = [
                register_for(repo, w)[0] for w in _participants(repo, meeting.ids("deelnemers"))
            ]
            known = [r for r in registers if r is not None]
            if known and all(r.category(override) is None for r in known):
                ids = sorted({c.id for r in known for c in r.categorieen})
                yield meeting.doc.finding(
                    ("telt_als",),
                    "ref-categorie",
                    f"categorie `{override}` bestaat bij geen register van de deelnemers; kies "
                    f"uit: {', '.join(ids)}",
                )


def _participants(repo: Repository, slugs: list[str]) -> list[Portfolio]:
    return [p for s in slugs if (p := repo.portfolios.get(s)) is not None]
