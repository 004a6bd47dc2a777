"""Word lists for the generator: names, places and the ids that entries may refer to."""

from __future__ import annotations

VOORNAMEN = (
    "Anna Bram Chantal Daan Esra Fleur Gijs Hanna Ilse Jesse Kim Lotte Mehmet Nadia Olaf Petra "
    "Quinten Rosa Said Tamara Umut Vera Wouter Yara Zoë Ahmed Bas Carmen Dewi Emre Fatima Gerrit "
    "Hatice Ingrid Joost Karim Linda Milan Naima Oscar"
).split()
ACHTERNAMEN = (
    "de Vries|Jansen|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|"
    "van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|Kok|Jacobs|"
    "de Haan|Vermeulen|van den Berg|Yilmaz|Kaya|El Idrissi|Ramdin|Tahiri|Koster|Prins|"
    "Huisman|Peeters|Postma|Kuipers|van Dam|Willems|Hoekstra"
).split("|")
WIJKEN = ("Noord", "Zuid", "Oost", "West", "Centrum", "Haven", "Dorp", "Park", "Veld", "Brug")
GEMEENTEN = ("Rotterdam", "Utrecht", "Zwolle", "Groningen", "Tilburg", "Arnhem", "Leiden")
KERNWAARDEN = (
    "menselijke-waardigheid",
    "betrokkenheid",
    "sociale-rechtvaardigheid",
    "deskundigheid",
    "integriteit",
)
ARTIKELEN = ("artikel-1", "artikel-2", "artikel-10", "artikel-11", "artikel-13")
IFSW = (
    "ifsw-waardigheid",
    "ifsw-mensenrechten",
    "ifsw-sociale-rechtvaardigheid",
    "ifsw-zelfbeschikking",
    "ifsw-participatie",
    "ifsw-vertrouwelijkheid",
    "ifsw-hele-mens",
)
KERNTAKEN = (
    "kerntaak-sociaal-functioneren",
    "kerntaak-organisaties",
    "kerntaak-professionaliseren",
)
CONTEXTEN = ("primaire-leefomgeving", "netwerken", "gemeenschappen")
TAGS = (
    "armoede",
    "schulden",
    "huisvesting",
    "eenzaamheid",
    "mantelzorg",
    "jongeren",
    "ouderen",
    "meldcode",
    "moreel-beraad",
    "gespreksvoering",
    "netwerken",
    "ervaringsdeskundigheid",
    "tolken",
    "privacy",
    "rapporteren",
    "opvoeding",
    "werkloosheid",
    "energiearmoede",
)
METHODEN = {
    "starr": ("situatie", "taak", "actie", "resultaat", "reflectie"),
    "korthagen": ("handelen", "terugblikken", "bewustwording", "alternatieven", "uitproberen"),
    "gibbs": ("beschrijving", "gevoelens", "evaluatie", "analyse", "conclusie", "actieplan"),
    "vrij": ("tekst",),
}
VORMEN = {
    "scholing": ("training", "cursus", "congres", "e-learning"),
    "reflectie": (
        "intervisie",
        "supervisie",
        "coaching",
        "werkbegeleiding",
        "collegiale-consultatie",
        "moreel-beraad",
    ),
    "overig": ("literatuur", "leercirkel", "overig", "casuistiekbespreking"),
}
