"""Dutch labels for the enum values in the portfolios, in one place for every page."""

from __future__ import annotations

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


def label(table: dict[str, str], value: object) -> str:
    """The Dutch label, or the raw value for something the table does not know."""
    return table.get(str(value), str(value)) if value is not None else ""


def slug_words(slug: str) -> str:
    """`primaire-leefomgeving` → `primaire leefomgeving` for tags without a title."""
    return slug.replace("-", " ")
