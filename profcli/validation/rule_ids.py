"""Every rule id that `prof validate` can report, with what it means (for docs and tests)."""

from __future__ import annotations

RULE_IDS: dict[str, str] = {
    # files and layout
    "bestand-lezen": (
        "een bestand of map kan niet gelezen worden (geen toegang; een map of pipe met een "
        "`.toml`-naam)"
    ),
    "bestand-te-groot": "het bestand is groter dan 1 MiB",
    "bestand-codering": "geen UTF-8-tekst, of binaire gegevens",
    "bestand-leeg": "het bestand bevat geen sleutels",
    "bestand-onbekend": "een TOML-bestand op een plek waar geen soort item hoort",
    "bestand-naam": "bestandsnaam past niet bij de soort (slug, of JJJJ-MM-DD-slug)",
    "bestand-datum": "de datum in de bestandsnaam verschilt van `datum`",
    "bestand-buiten": "een symbolische koppeling naar buiten de repository",
    "map-slug": "de map van een profiel heeft geen geldige slug als naam",
    "profiel-ontbreekt": "een map onder profielen/ zonder profiel.toml",
    "ref-register": "het register of de kamer in het profiel is onbekend",
    "ref-categorie": "een categorie die het register van de werker niet kent",
    "accreditatie-id": "geaccrediteerd zonder accreditatienummer (telt dan elders)",
    "registratienummer": "een registratienummer dat niet past bij het register",
    "register": "een registerbestand dat naar een categorie verwijst die het niet heeft",
    "tijdzone": "de tijdzone in het teamprofiel bestaat niet",
    "synoniem-dubbel": "een trefwoord dat bij twee onderwerpen in [synoniemen] staat",
    "soort-map": "een soort item in het verkeerde soort profiel (werker of team)",
    "verkeerde-map": "een item in de map van een andere soort (een reflectie in leerdoelen/)",
    "toml-syntax": "het bestand is geen geldige TOML",
    # schema
    "schema-type": "een waarde van het verkeerde type",
    "schema-verplicht": "een verplichte sleutel of tabel ontbreekt",
    "schema-onbekend": "een sleutel die niet bestaat",
    "schema-niet-toegestaan": "een sleutel die niet past bij `soort` of `methode`",
    "schema-keuze": "een waarde buiten de toegestane keuzes",
    "schema-patroon": "een id of naam die geen geldige slug is",
    "schema-datum": "een ongeldige datum",
    "schema-bereik": "een getal buiten het toegestane bereik (bijvoorbeeld uren ≤ 0 of > 24)",
    "schema-leeg": "een lege tekst, lijst of tabel",
    "schema-lengte": "een te lange tekst of lijst",
    "schema-dubbel": "een lijst die een waarde twee keer noemt",
    "schema-kopie": "de schema's van de repository wijken af van die van profcli (waarschuwing)",
    # meaning
    "ref-team": "het team van een werker bestaat niet als teamprofiel",
    "ref-leerdoel": "een verwijzing naar een leerdoel dat niet bestaat",
    "ref-persoon": "een deelnemer of contactpersoon die niet bestaat",
    "ref-op": "feedback `op` een stuk dat niet in het portfolio van de werker staat",
    "gesprek-afspraak": "een afspraak uit een gesprek met een deadline voor het gesprek",
    "ref-niet-gelezen": (
        "een verwijzing naar een bestand dat niet gelezen kon worden (waarschuwing; de fout "
        "staat bij dat bestand)"
    ),
    "ref-kader": "een onbekend kader",
    "ref-kader-item": "een onderdeel dat het kader niet kent",
    "uniek-kader": "een kader of onderdeel met een id die al bestaat",
    "uniek-registratienummer": "twee werkers met hetzelfde registratienummer",
    "datum-toekomst": "een datum in de toekomst",
    "datum-volgorde": "een deadline of behaald-datum (`behaald_op`) voor de start",
    "datum-tekst": "een datum tussen aanhalingstekens (tekst in plaats van een TOML-datum)",
    "uren-per-dag": "meer dan 24 uur op één dag",
    "dubbele-sessie": (
        "een eigen activiteit op dezelfde dag en in dezelfde vorm als een teambijeenkomst met de "
        "werker als deelnemer: één sessie twee keer vastgelegd (waarschuwing)"
    ),
    "bewijs-buiten": "een bewijspad buiten de repository",
    "bewijs-ontbreekt": "een bewijsbestand dat niet bestaat",
    "bewijs-url": "een bewijsadres dat geen http(s) is",
    # approvals (checked against git's history)
    "akkoord-stuk": "een akkoord op een stuk dat niet in het portfolio staat",
    "akkoord-ongetekend": "een akkoord in een commit zonder handtekening",
    "akkoord-handtekening": "een akkoord in een commit met een handtekening die niet klopt",
    "akkoord-eigen": "een akkoord ondertekend met een sleutel van de werker zelf",
    "akkoord-ander-team": "een akkoord ondertekend door een leidinggevende van een ander team",
    "akkoord-sleutel": "een akkoord ondertekend met een sleutel die het team toen niet vertrouwde",
    "akkoord-door": "`door` noemt een ander dan de leidinggevende van de sleutel",
    "akkoord-gewijzigd": "het stuk is veranderd na het akkoord (waarschuwing)",
    "akkoord-niet-vastgelegd": "een akkoord dat nog niet ondertekend is vastgelegd (waarschuwing)",
    "akkoord-geschiedenis": (
        "een akkoord dat niet te controleren is: geen of een onvolledige git-geschiedenis "
        "(waarschuwing)"
    ),
    "akkoord-sleutel-vorm": "een sleutel in het teamprofiel die geen publieke SSH-sleutel is",
    "akkoord-sleutelwijziging": (
        "een sleutel erbij of eraf zonder handtekening van een vertrouwde sleutel (waarschuwing)"
    ),
    # privacy
    "privacy-bsn": "een burgerservicenummer (11-proef)",
    "privacy-iban": "een IBAN-rekeningnummer (mod-97)",
    "privacy-telefoon": "een Nederlands telefoonnummer",
    "privacy-email": "een e-mailadres",
    "privacy-postcode": "een adres (postcode met huisnummer, of straat met huisnummer)",
    "privacy-geboortedatum": "een geboortedatum",
    "privacy-postcode-alleen": "een postcode zonder huisnummer (waarschuwing)",
    "privacy-naam": (
        "een naam van een persoon (cliënt of naaste) in vrije tekst of tekstbewijs; "
        "geanonimiseerd (mevrouw A.), de eigen werkers en `namen_toegestaan` mogen"
    ),
}
