"""The small word lists of the names check's rules (profcli.validation.namefinder): the words
around a capitalised word that say whether it is a person's name. Dutch, lower case. A change
here changes the version of the lists, so no cached answer survives it (lexicon._RULES)."""

from __future__ import annotations

HONORIFICS = frozenset(
    """meneer mevrouw mevr mw dhr heer juffrouw juf meester dokter dr mr cliënt client
    cliënte klant bewoner inwoner jongere moeder vader mama papa ma pa oma opa zoon
    zoontje dochter dochtertje broer zus zuster broertje zusje tante oom neef nicht
    partner vriend vriendin man vrouw ex familie gezin collega wijkagent huisarts
    leidinggevende teamleider supervisor coach docent mentor buurman buurvrouw
    stiefvader stiefmoeder schoonmoeder schoonvader kleinzoon kleindochter pleegmoeder
    pleegvader pleegzoon pleegdochter""".split()
)
"""Words in front of a name: the capitalised word after one is a person ("oma Riet")."""
KIN_STRICT = frozenset(
    """meneer mevrouw mevr mw dhr heer familie gezin oma opa tante oom juf meester""".split()
)
"""Of those, the ones after which any capitalised word is a name, even a Dutch word or a
place ("mevrouw Bakker", "familie Groot"); after the others only a name by the lists is."""
INTERFIXES = frozenset(
    """van de der den ter ten te 't la le du da dos del di von vd el al ben bin abu ould
    ibn""".split()
)
PLACE_ENDINGS = tuple(
    """park plein straat weg laan kade singel gracht wijk buurt
    dorp stad polder plantsoen haven markt school college""".split()
)
"""Endings of a place's or a building's name ("Zuiderpark", "Oosterpark"), for a word no
list of names knows."""
INSTITUTION_AFTER = frozenset(
    """college school ziekenhuis instituut academie universiteit hogeschool zorg wonen
    groep centrum stichting park plein mc umc lyceum gymnasium mavo havo vmbo campus
    huis""".split()
)
"""A word after an unknown capitalised one that makes the two an institution ("Albeda
College", "Maasstad Ziekenhuis")."""
LOCATIVE = frozenset("""in uit vanuit te nabij buiten richting""".split())
BEFORE_PERSON = frozenset("met bij aan voor namens zonder tegen samen".split())
ARTICLES = frozenset("""de het den 't een""".split())
PERSON_VERBS = frozenset(
    """vertelde vertelt zei zegt belde belt kwam komt wil wilde heeft had is was woont
    woonde vroeg vraagt gaf geeft voelt voelde werkt werkte zoekt zocht huilde huilt
    lachte lacht liet laat moet moest kan kon gaat ging wordt werd schreef schrijft
    appte appt mailde zat zit stond staat durfde durft weet wist zag ziet hoorde hoort
    leek lijkt bleef blijft kreeg krijgt maakte maakt mocht mag""".split()
)
SMALL = frozenset(
    """van de der den het en of voor op in met aan bij tot uit over 't a la""".split()
)

ABBREVIATIONS = frozenset({"mw", "mevr", "dhr", "mr", "dr", "drs", "ir", "ing", "st", "jr", "sr"})
"""Abbreviations that end in a stop without ending a sentence ("mw. Jansen")."""


def norm(text: str) -> str:
    """A name or phrase as the lists hold it: lower case, one space, a straight apostrophe."""
    return " ".join(text.replace("\u2019", "'").lower().split())
