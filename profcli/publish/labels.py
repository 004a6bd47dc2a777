"""Dutch labels for the enum values in the portfolios, in one place for every page."""

from __future__ import annotations

import re

from profcli.words import OPEN_STATUSES, Status

STATUS = {s.value: s.value.capitalize() for s in Status}
OPEN_STATUS = OPEN_STATUSES

METHODS = {
    "starr": "STARR",
    "korthagen": "Korthagen (ALACT)",
    "gibbs": "Reflectiecyclus van Gibbs",
    "vrij": "Vrije reflectie",
}
SECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "starr": (
        ("situatie", "Situatie"),
        ("taak", "Taak"),
        ("actie", "Actie"),
        ("resultaat", "Resultaat"),
        ("reflectie", "Reflectie"),
        ("transfer", "Transfer"),
    ),
    "korthagen": (
        ("handelen", "Handelen"),
        ("terugblikken", "Terugblikken"),
        ("bewustwording", "Bewustwording van essentiële aspecten"),
        ("alternatieven", "Alternatieven ontwikkelen"),
        ("uitproberen", "Uitproberen"),
    ),
    "gibbs": (
        ("beschrijving", "Beschrijving"),
        ("gevoelens", "Gevoelens"),
        ("evaluatie", "Evaluatie"),
        ("analyse", "Analyse"),
        ("conclusie", "Conclusie"),
        ("actieplan", "Actieplan"),
    ),
    "vrij": (("tekst", "Tekst"),),
}
CATEGORIES = {"scholing": "Scholing", "reflectie": "Reflectie", "overig": "Overige deskundigheid"}
REGISTERS = {"registerplein": "Registerplein", "skj": "SKJ"}
FEEDBACK_FROM = {
    "burger": "een inwoner",
    "collega": "een collega",
    "leidinggevende": "de leidinggevende",
    "ketenpartner": "een ketenpartner",
}
MEETINGS = {
    "leercirkel": "Leercirkel",
    "intervisie": "Intervisie",
    "casusbespreking": "Casusbespreking",
    "moreel-beraad": "Moreel beraad",
}


PHRASES = {
    "e-learning": "e-learning",
    "e-health": "e-health",
    "ex-partner": "ex-partner",
    "moreel-beraad": "moreel beraad",
    "jeugd-en-gezinsprofessional": "jeugd- en gezinsprofessional",
    "technisch-instrumenteel": "technisch-instrumenteel",
}
"""Whole ids a supervisor should read differently from their words joined by spaces."""

WORDS = {
    "taalbarriere": "taalbarrière",
    "taalbarrieres": "taalbarrières",
    "client": "cliënt",
    "clienten": "cliënten",
    "clientsysteem": "cliëntsysteem",
    "financiele": "financiële",
    "prive": "privé",
    "coordinatie": "coördinatie",
    "cooperatie": "coöperatie",
    "ideeen": "ideeën",
    "creeren": "creëren",
    "beinvloeden": "beïnvloeden",
    "geintegreerd": "geïntegreerd",
    "reintegratie": "re-integratie",
    "geemancipeerd": "geëmancipeerd",
    "categorieen": "categorieën",
    "knieen": "knieën",
    "efficient": "efficiënt",
    "efficientie": "efficiëntie",
    "patient": "patiënt",
    "patienten": "patiënten",
    "naieve": "naïeve",
    "skj": "SKJ",
    "vog": "VOG",
    "wmo": "Wmo",
    "ifsw": "IFSW",
    "iassw": "IASSW",
    "alact": "ALACT",
    "starr": "STARR",
}
"""Single words that need a diacritic or capitals in writing (ids are ASCII, lower case)."""

JOINED = frozenset({"e", "ex", "co", "anti", "niet", "oud", "pre", "post"})
"""A first part that stays hyphenated to the next word: e-learning, ex-partner, co-ouder."""


def label(table: dict[str, str], value: object) -> str:
    """The Dutch label, or the display name of something the table does not know."""
    if value is None:
        return ""
    return table.get(str(value)) or display(value, capital=True)


def display(value: object, *, capital: bool = False) -> str:
    """The name a reader sees for an id: `moreel-beraad` → `moreel beraad`,
    `taalbarriere` → `taalbarrière`, `e-learning` stays. With `capital` the first letter is a
    capital (a value on its own in a cell); in a list of tags it stays lower case.

    Values that are not ids (they hold spaces or capitals: a team's own wording) are shown as
    they were typed.
    """
    raw = str(value).strip()
    if not raw or not _ID.fullmatch(raw):
        return raw
    shown = PHRASES.get(raw)
    if shown is None:
        parts = raw.split("-")
        out: list[str] = []
        glue = False
        for part in parts:
            word = WORDS.get(part, part)
            if glue and out:
                out[-1] += "-" + word
            else:
                out.append(word)
            glue = part in JOINED and len(parts) > 1
        shown = " ".join(out)
    if capital and shown[:1].islower():
        shown = shown[:1].upper() + shown[1:]
    return shown


def slug_words(slug: str) -> str:
    """The display name of a tag or other id in running text (lower case): see `display`."""
    return display(slug)


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def medewerkers(count: int) -> str:
    """`1 medewerker`, `3 medewerkers`: the site's word for the people whose portfolios it shows."""
    return f"{count} medewerker" if count == 1 else f"{count} medewerkers"


PRIVATE_NOT_COUNTED = (
    'Privé-stukken (`zichtbaarheid = "prive"`) staan op geen enkele site en tellen hier '
    "dus ook niet mee, niet in de punten en niet in de datums; `prof status` en het "
    "herregistratiedossier tellen ze wel."
)
"""Said beside every total and date the site derives from a worker's entries: the site leaves
privé entries out, `prof status` and the dossier do not (issue 26). Always said, whether or
not there are any, so that it tells nothing about them."""
