"""The colophon: how this site was made, for whom, and what the privacy guard lets through.

A team's `privacy_toegestaan` list switches the guard off for those values; showing that list
on the site keeps the exception visible to every reader instead of buried in a TOML file.
"""

from __future__ import annotations

from profcli import __version__
from profcli.publish.context import COLOPHON, MANUAL, Context, Page
from profcli.publish.markdown import datum, join, link, rel, table, text, url_link
from profcli.repository.approvals import approvals
from profcli.words import Publiek

_AUDIENCE = {
    "team": "het team: alles wat `team` of `publiek` is, niets wat `prive` is",
    "publiek": "iedereen: alleen wat `publiek` is",
}


def _keys(ctx: Context) -> list[str]:
    """Which keys the approvals on this site were checked against, and where trust in them
    began: the first keys are trusted on first use, so the team should check that commit."""
    if ctx.audience != Publiek.TEAM:
        return []
    read = approvals(ctx.repo).history
    out = [
        "",
        "## Akkoorden en sleutels",
        "",
        "Een akkoord van een leidinggevende (`prof approve`) telt alleen als git laat zien "
        "dat het is vastgelegd in een commit die ondertekend is met de SSH-sleutel van die "
        "leidinggevende, en als "
        "het stuk sindsdien niet veranderde. De eerste sleutels van een team worden vertrouwd "
        "bij het eerste gebruik; elke latere wijziging moet ondertekend zijn met een sleutel "
        "die al vertrouwd werd. Kijk dus na of de commit en de vingerafdrukken hieronder "
        "kloppen (`ssh-keygen -lf ~/.ssh/id_ed25519.pub` toont die van je eigen sleutel).",
        "",
    ]
    if read.missing == "ondiep":
        return [
            *out,
            "Bij het bouwen van deze site was de git-geschiedenis onvolledig: geen "
            "akkoord is hier gecontroleerd.",
            "",
        ]
    rows = []
    for team in ctx.teams():
        first = read.first.get(team.slug)
        trusted = read.trusted.get(team.slug, {})
        if first is None and not trusted:
            continue
        since = f"commit {first.commit[:10]} ({datum(first.day)})" if first else "onbekend"
        keys = "; ".join(f"{text(lead)}: `{fp}`" for fp, lead in sorted(trusted.items()))
        rows.append([text(team.naam), since, keys or "geen"])
    if rows:
        out.append(table(["Team", "Eerste sleutels vastgelegd in", "Vertrouwde sleutels"], rows))
    else:
        out.append("Nog geen team heeft sleutels voor akkoorden in zijn profiel.")
    return [*out, ""]


def page(ctx: Context) -> Page:
    out = [
        "# Colofon",
        "",
        f"Gemaakt met profcli {__version__} op {datum(ctx.today)} uit de portfolio's "
        "in de repository van het team.",
        "",
        f"**Voor wie:** {_AUDIENCE[ctx.audience]}. Stukken met zichtbaarheid `prive` staan "
        "op geen enkele pagina, in geen zoekindex en in geen telling.",
        "",
        "**Wat op de openbare site komt:** een stuk van het team (kennis, bijeenkomst, "
        "leeropdracht) met zichtbaarheid `publiek` staat erop, tenzij het teamprofiel `prive` "
        "is. Een stuk van een medewerker met zichtbaarheid `publiek` staat er alleen op als de "
        'medewerker dat in het eigen profiel toestaat (`zichtbaarheid = "publiek"` in '
        "profiel.toml); uren en zelftoetsen alleen als het profiel ze noemt onder "
        "`publiek_tonen`.",
        "",
        "**Zonder verzoeken naar buiten:** deze site laadt geen lettertypes, scripts of "
        "afbeeldingen van andere servers.",
        "",
        "## Privacycontrole",
        "",
        "Voordat de site gebouwd wordt, zoekt profcli in alle vrije tekst naar gegevens die "
        "naar een cliënt kunnen leiden: burgerservicenummers, rekeningnummers (IBAN), "
        "telefoonnummers, e-mailadressen, adressen, geboortedatums en namen van personen "
        "(met woordenlijsten van OpenTaal, pyspellchecker en het Meertens Instituut). Een "
        "treffer houdt de bouw tegen. De namen van de eigen medewerkers en geanonimiseerde "
        "vormen (mevrouw A.) mogen.",
        "",
    ]
    rows = [
        [text(team.naam), "; ".join(text(v) for v in values)]
        for team in ctx.teams()
        if team.profile and (values := team.profile.ids("privacy_toegestaan"))
    ]
    if rows:
        out += [
            "Deze eigen, openbare gegevens van een team zijn uitgezonderd "
            "(`privacy_toegestaan` in het teamprofiel):",
            "",
            table(["Team", "Toegestaan"], rows),
        ]
    else:
        out.append("Geen enkel team heeft uitzonderingen op de privacycontrole.")
    named = [
        [text(team.naam), "; ".join(text(v) for v in values)]
        for team in ctx.teams()
        if team.profile and (values := team.profile.ids("namen_toegestaan"))
    ]
    if named:
        out += [
            "",
            "Deze namen mogen van een team in portfolio's staan (`namen_toegestaan` in het "
            "teamprofiel):",
            "",
            table(["Team", "Namen"], named),
        ]
    out += _keys(ctx)
    frameworks = sorted(ctx.repo.catalog.frameworks.values(), key=lambda f: f.id)
    out += ["", "## Kaders", ""]
    out += [
        f"- {text(f.titel)}"
        + ("" if f.volledig else ": **onvolledig**, niet alle onderdelen zijn opgenomen")
        for f in frameworks
    ]
    out += ["", *_registers(ctx)]
    return Page(COLOPHON, "Colofon", join(out), in_nav=True)


def _registers(ctx: Context) -> list[str]:
    """Every rule behind the points on this site, with its source and whether it is verified."""
    used = {
        report.register.id: report.register
        for worker in ctx.workers()
        if ctx.shows_hours(worker) and (report := ctx.hours(worker)).register is not None
    }
    if not used:
        return []
    out = [
        "## Regels voor herregistratie",
        "",
        "De punten op deze site volgen de regels van elk register. Bij elke regel staat waar "
        "hij vandaan komt. **Niet geverifieerd** betekent: het getal staat niet op een "
        "openbare pagina van het register en is een aanname."
        + (
            " Controleer het in het reglement van het register; klopt het niet, dan past het "
            "team het aan in zijn eigen bestand voor dat register (de "
            f"{link('handleiding', rel(COLOPHON, MANUAL))} legt uit hoe)."
            if ctx.audience == Publiek.TEAM
            else ""
        ),
        "",
    ]
    for register in sorted(used.values(), key=lambda r: r.id):
        rows = [
            [
                text(rule),
                url_link(source.adres, short=True),
                "ja" if source.geverifieerd else "**niet geverifieerd**",
                datum(source.gecontroleerd) if source.gecontroleerd else "-",
            ]
            for rule, source in register.sources()
        ]
        own = "" if register.builtin else " (eigen bestand van het team)"
        out += [f"### {text(register.titel)}{own}", ""]
        out += [table(["Regel", "Bron", "Geverifieerd", "Nagekeken"], rows), ""]
    return out
