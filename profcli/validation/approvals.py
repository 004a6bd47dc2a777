"""`akkoord-*`: every approval is checked against git's history (`repository.approvals`).

A forged, unsigned, self-signed or foreign approval is an error; one whose entry changed
afterwards, one not yet committed, and one that cannot be checked (no history, a shallow
clone) are warnings that say so; none of them counts as an approval anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from profcli import clock
from profcli.findings import Finding, Severity
from profcli.repository import history
from profcli.repository.approvals import (
    CHANGED,
    HOLDS,
    NO_HISTORY,
    UNCOMMITTED,
    Approval,
    approvals,
    target_of,
)
from profcli.repository.model import Entry, Portfolio, Repository
from profcli.validation.references import valid

REQUEST = "een leidinggevende van het team geeft akkoord met `prof approve`"

MISSING = {
    "geen-git": "deze map is geen git-repository (of git ontbreekt)",
    "geen-commits": "er is in deze repository nog niets vastgelegd",
    "ondiep": (
        "de git-geschiedenis is onvolledig (een ondiepe kopie); haal haar helemaal op met "
        "`git fetch --unshallow` (in CI: `fetch-depth: 0` bij GitHub, `GIT_DEPTH: 0` bij GitLab)"
    ),
}


def approval_rules(repo: Repository) -> Iterator[Finding]:
    found = approvals(repo)
    for approval in found.all:
        yield from _approval(repo, approval)
    for portfolio in repo.sorted():
        yield from _keys(portfolio, found.history)


def _approval(repo: Repository, approval: Approval) -> Iterator[Finding]:
    entry = approval.entry
    doc = entry.doc
    stuk = valid(entry, "stuk")
    if isinstance(stuk, str) and target_of(repo, entry) is None:
        yield doc.finding(
            ("stuk",),
            "akkoord-stuk",
            f"`{stuk}` is geen stuk in `{entry.profile}`; een akkoord hoort bij een bestaand "
            "gesprek, leerdoel, reflectie, activiteit, zelftoets of feedback",
        )
    if approval.state in (NO_HISTORY, UNCOMMITTED):
        yield from _named_lead(repo, approval)
    verdict = approval.verdict
    commit = f"commit {verdict.commit[:10]} ({clock.shown(verdict.day)})" if verdict else ""
    state = approval.state
    said = _refusal(approval, commit)
    if said is not None:
        rule, message, severity = said
        yield doc.finding(("stuk",), rule, message, severity=severity)
    if state in (HOLDS, CHANGED):
        door = valid(entry, "door")
        if isinstance(door, str) and door != approval.lead:
            yield doc.finding(
                ("door",),
                "akkoord-door",
                f"`door` zegt {door}, maar {commit} is ondertekend met de sleutel van "
                f"{approval.lead}",
            )
        if state == CHANGED and approval.target is not None:
            target = approval.target
            yield doc.finding(
                ("inhoud",),
                "akkoord-gewijzigd",
                f"`{target.kind.folder}/{target.id}` is veranderd na het akkoord van "
                f"{approval.lead}: het akkoord gaat over de vorige tekst en telt niet meer; "
                "vraag opnieuw akkoord (`prof approve`) of zet de tekst terug",
                severity="waarschuwing",
            )


def _refusal(approval: Approval, commit: str) -> tuple[str, str, Severity] | None:
    """Why an approval does not count, as (rule, message, severity); None when it holds."""
    verdict, profile = approval.verdict, approval.entry.profile
    print_ = verdict.fingerprint if verdict else ""
    team = _team(verdict) if verdict else "geen team"
    messages: dict[str, tuple[str, Severity]] = {
        NO_HISTORY: (
            "dit akkoord is niet te controleren: "
            f"{MISSING.get(approval.missing or '', 'de git-geschiedenis is niet te lezen')}; "
            "het telt niet tot dat kan",
            "waarschuwing",
        ),
        UNCOMMITTED: (
            "dit akkoord is nieuw of veranderd sinds het laatst werd vastgelegd en telt dus "
            f"niet: alleen een ondertekende commit telt; {REQUEST}",
            "waarschuwing",
        ),
        "ongetekend": (
            f"dit akkoord staat in {commit}, en die commit is niet ondertekend: zo kan "
            f"iedereen akkoord schrijven; {REQUEST}",
            "fout",
        ),
        "handtekening": (
            f"de handtekening onder {commit} klopt niet of is niet te controleren; {REQUEST}",
            "fout",
        ),
        "eigen": (
            f"{commit} is ondertekend met een sleutel uit het profiel van `{profile}` zelf "
            f"({print_}): een akkoord op je eigen werk telt niet; {REQUEST}",
            "fout",
        ),
        "ander-team": (
            f"{commit} is ondertekend door een leidinggevende van "
            f"`{verdict.signer if verdict else ''}`, en `{profile}` hoort bij {team}; {REQUEST}",
            "fout",
        ),
        "sleutel": (
            f"{commit} is ondertekend met een sleutel ({print_}) die {team} toen niet "
            "vertrouwde: een sleutel telt pas als hij bij een leidinggevende in het teamprofiel "
            "staat, vastgelegd in een commit die een al vertrouwde sleutel ondertekende (de "
            "eerste sleutels van een team worden bij het eerste gebruik vertrouwd)",
            "fout",
        ),
    }
    found = messages.get(approval.state)
    if found is None:
        return None
    rule = {NO_HISTORY: "akkoord-geschiedenis", UNCOMMITTED: "akkoord-niet-vastgelegd"}.get(
        approval.state, f"akkoord-{approval.state}"
    )
    return rule, found[0], found[1]


def _named_lead(repo: Repository, approval: Approval) -> Iterator[Finding]:
    """Before its signature can be checked, `door` must at least name one of the team's
    leads (it is not scanned for client names: a lead's name is what belongs there)."""
    entry = approval.entry
    door = valid(entry, "door")
    worker = repo.portfolios.get(entry.profile)
    team = repo.team_of(worker) if worker else None
    if not isinstance(door, str) or team is None or team.profile is None:
        return
    leads = team.profile.get("leidinggevenden")
    names = [
        lead["naam"]
        for lead in (leads if isinstance(leads, list) else [])
        if isinstance(lead, dict) and isinstance(lead.get("naam"), str)
    ]
    if door not in names:
        known = ", ".join(names) if names else "nog niemand"
        yield entry.doc.finding(
            ("door",),
            "akkoord-door",
            f"`door` noemt geen leidinggevende van {team.naam} (bij [[leidinggevenden]] staat "
            f"{known}); alleen een leidinggevende van het team geeft akkoord",
        )


def _team(verdict: history.Verdict) -> str:
    return f"team `{verdict.team}`" if verdict.team else "geen team"


def _keys(portfolio: Portfolio, read: history.History) -> Iterator[Finding]:
    """Key lines that are no public key; for a team, keys that do not count (yet), and
    trusted ones taken out without a trusted signature (they still count)."""
    profile = portfolio.profile
    if profile is None:
        return
    trusted = read.trusted.get(portfolio.slug, {})
    refused = [r for r in read.refused if r.profile == profile.doc.display]
    checks_trust = portfolio.soort == "team" and read.missing is None
    listed: set[str] = set()
    for where, line in _key_lines(profile):
        fingerprint = history.fingerprint(line)
        if fingerprint is None:
            yield profile.doc.finding(
                where,
                "akkoord-sleutel-vorm",
                "dit is geen publieke SSH-sleutel: kopieer de hele regel uit je .pub-bestand "
                "(`ssh-ed25519 AAAA... naam@laptop`)",
            )
            continue
        listed.add(fingerprint)
        if not checks_trust or fingerprint in trusted:
            continue
        added = next((r for r in refused if fingerprint in _prints(r.added)), None)
        how = (
            f"toegevoegd in commit {added.commit[:10]} ({clock.shown(added.day)}) zonder "
            "handtekening van een sleutel die het team al vertrouwde"
            if added
            else "nog niet vastgelegd"
        )
        yield profile.doc.finding(
            where,
            "akkoord-sleutelwijziging",
            f"deze sleutel ({fingerprint}) telt nog niet voor akkoorden: {how}; een "
            "leidinggevende met een vertrouwde sleutel legt de wijziging ondertekend vast "
            "(`git commit -S`)",
            severity="waarschuwing",
        )
    if not checks_trust:
        return
    for fingerprint, lead in sorted(trusted.items()):
        if fingerprint not in listed:
            removed = next((r for r in refused if fingerprint in _prints(r.removed)), None)
            how = (
                f"weggehaald in commit {removed.commit[:10]} ({clock.shown(removed.day)}) "
                "zonder handtekening van een vertrouwde sleutel"
                if removed
                else "weggehaald, maar dat is nog niet vastgelegd"
            )
            yield profile.doc.finding(
                ("leidinggevenden",),
                "akkoord-sleutelwijziging",
                f"de sleutel {fingerprint} van {lead} is {how}, en telt dus nog; leg het "
                "weghalen ondertekend vast (`git commit -S`) met een sleutel die het team "
                "vertrouwt",
                severity="waarschuwing",
            )


def _key_lines(profile: Entry) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every key line a profile lists, with where it stands."""
    if profile.get("soort") == "team":
        if "leidinggevenden" in profile.invalid_keys:
            return
        leads = profile.get("leidinggevenden")
        for index, lead in enumerate(leads if isinstance(leads, list) else []):
            lines = lead.get("sleutels") if isinstance(lead, dict) else None
            for number, line in enumerate(lines if isinstance(lines, list) else []):
                if isinstance(line, str):
                    yield ("leidinggevenden", index, "sleutels", number), line
    elif "sleutels" not in profile.invalid_keys:
        lines = profile.get("sleutels")
        for number, line in enumerate(lines if isinstance(lines, list) else []):
            if isinstance(line, str):
                yield ("sleutels", number), line


def _prints(keys: tuple[history.Key, ...]) -> set[str]:
    return {k.fingerprint for k in keys}
