"""Privacy guard: find client identifiers in the free text of a portfolio.

A portfolio may never hold client data (DOMAIN.md, Privacy). Each detector leans on a
checksum (BSN 11-proef, IBAN mod-97) or on context (a street suffix, a word like
"geboren") so that years, amounts, hours, dates and article numbers in ordinary
reflections stay quiet: a guard that cries wolf gets switched off.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["MESSAGES", "RULES", "WARNINGS", "Hit", "bsn_valid", "iban_valid", "scan"]


@dataclass(frozen=True, slots=True)
class Hit:
    """A suspected identifier, given by offsets so that reports never have to copy it."""

    rule: str
    start: int
    end: int
    message: str


MESSAGES: dict[str, str] = {
    "privacy-bsn": "dit lijkt een BSN (burgerservicenummer, klopt met de 11-proef); "
    "haal het weg of anonimiseer het",
    "privacy-iban": "dit lijkt een IBAN-rekeningnummer (klopt met de mod-97-controle); "
    "haal het weg of anonimiseer het",
    "privacy-telefoon": "dit lijkt een telefoonnummer; haal het weg, of zet het bij de "
    "toegestane teamgegevens als het jullie eigen nummer is",
    "privacy-email": "dit lijkt een e-mailadres; haal het weg, of zet het bij de "
    "toegestane teamgegevens als het jullie eigen adres is",
    "privacy-postcode": "dit lijkt een adres (straat met huisnummer of postcode); haal het "
    "weg en noem hooguit de wijk",
    "privacy-geboortedatum": "dit lijkt een geboortedatum; haal het weg en noem hooguit "
    "een leeftijd of leeftijdsgroep",
    "privacy-postcode-alleen": "dit lijkt een postcode; samen met een naam of huisnummer wijst "
    "die één huis aan: noem liever de wijk",
}
RULES: tuple[str, ...] = tuple(MESSAGES)
WARNINGS: frozenset[str] = frozenset({"privacy-postcode-alleen"})
"""Rules that warn instead of fail: a postcode alone points at a street, not at a person."""

_A = re.ASCII
Finder = Callable[[str], Iterator[tuple[int, int]]]
_DIGIT = re.compile(r"[0-9]")

# --- BSN -------------------------------------------------------------------------------
_BSN = re.compile(
    r"(?<![\w@+/])(?<![0-9][.,-])"
    r"(?:[0-9]{8,9}|[0-9]{3}(?P<a>[ .-])[0-9]{3}(?P=a)[0-9]{3}"
    r"|[0-9]{4}(?P<b>[ .-])[0-9]{2}(?P=b)[0-9]{3}"
    r"|[0-9]{2}(?P<c>[ .-])[0-9]{2}(?P=c)[0-9]{2}(?P=c)[0-9]{3})"
    r"(?![\w]|[.,/-][0-9])",
    _A,
)
_MONEY_BEFORE = re.compile(r"(?:€|eur|euro)\s*$", re.IGNORECASE)
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def bsn_valid(number: str) -> bool:
    """The 11-proef; 8-digit numbers are old BSNs that lost their leading zero."""
    digits = "".join(ch for ch in number if "0" <= ch <= "9")
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or digits == "0" * 9:
        return False
    return sum(int(d) * w for d, w in zip(digits, _BSN_WEIGHTS, strict=True)) % 11 == 0


def _bsns(text: str) -> Iterator[tuple[int, int]]:
    for m in _BSN.finditer(text):
        money = _MONEY_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if not money and bsn_valid(m.group()):
            yield m.span()


# --- IBAN ------------------------------------------------------------------------------
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}(?:[ ]?[A-Za-z0-9]){11,30}", _A)
_IBAN_SHAPE = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", _A)
_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def iban_valid(value: str) -> bool:
    """ISO 13616 mod-97: one wrong or swapped character makes the check fail."""
    compact = "".join(value.split()).upper()
    if not _IBAN_SHAPE.fullmatch(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _ibans(text: str) -> Iterator[tuple[int, int]]:
    # The pattern may run on into the next words; try the longest whole-word prefix first.
    pos = 0
    while m := _IBAN.search(text, pos):
        start, pos = m.start(), m.start() + 1
        for end in range(m.end(), start + 14, -1):
            if (end < len(text) and text[end] in _ALNUM) or text[end - 1] not in _ALNUM:
                continue
            if iban_valid(text[start:end]):
                yield start, end
                pos = end
                break


# --- e-mail ----------------------------------------------------------------------------
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"(?<![\w.%+-])[\w.%+-]+@{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,}}(?![\w-])")


# --- telefoon --------------------------------------------------------------------------
_SEP = r"(?:[ ]?[-./][ ]?|[ ])?"
_PHONE = re.compile(
    r"(?<![\w+])(?<![0-9][-/.,])(?:"
    rf"(?:\+|00)[ ]?31[ ]?(?:\(0\)[ ]?)?(?:[-.][ ]?)?[0-9](?:{_SEP}[0-9]){{8}}"
    rf"|\(?0(?:\)?{_SEP}[0-9]){{9}})"
    r"(?![\w]|[.,:/-][0-9])",
    _A,
)
# Ten digits starting with 0 can also be a date with a time or a count behind it.
_NOT_PHONE = re.compile(r"[0-9]{1,2}(?P<s>[-/.])[0-9]{1,2}(?P=s)(?:19|20)[0-9]{2}", _A)


def _phones(text: str) -> Iterator[tuple[int, int]]:
    for m in _PHONE.finditer(text):
        start, end = m.span()
        if text[start] == "(" and ")" not in text[start:end]:
            start += 1  # "(06-12345678)": the bracket belongs to the sentence
        found = text[start:end]
        if found.count("(") != found.count(")") or _NOT_PHONE.search(found):
            continue
        yield start, end


# --- adres -----------------------------------------------------------------------------
_SUFFIXES = (
    "straat|straatje|laan|laantje|weg|plein|pleintje|kade|gracht|singel|dijk|hof|"
    "plantsoen|dreef|steeg|steegje|pad|park|markt|wal|allee|boulevard|kanaal"
)
_STREET = (
    r"(?:(?:Laan|Plein|Weg|Kade|Straat|Singel|Gracht|Dijk|Hof|Park|Markt|Dreef|Steeg)"
    r"(?:[ ]+(?:van|de|der|den|het|'t|op|in|ter|te|aan|voor|bij))+(?:[ ]+[A-Z][\w'-]*){1,2}"
    rf"|[A-Z][A-Za-zÀ-ÿ'-]*?(?:{_SUFFIXES}))"
)
_HOUSE = (
    r"[1-9][0-9]{0,3}(?:[ ]?[A-Za-z](?!\w)|-(?:[IVX]{1,4}|[0-9]{1,3}|[A-Za-z])(?!\w)"
    r"|[ ](?:hs|bis|huis|rd)(?!\w))?(?!\w|[.,:/][0-9]|[ ]?%)"
)
# Postcodes (with a house number, or on their own): capitals only, and not a year followed by
# a capitalised Dutch word or a common abbreviation ("in 2024 EN daarna", "sinds 2023 AI").
_NOT_LETTERS = (
    "EN|OF|IN|OP|NA|DE|TE|AL|ZO|JA|NU|OM|EU|NL|OK|AM|PM|BV|NV|CV|TV|ID|VS|UK|HR|IT|AI|NB|PS"
)
_POSTCODE = rf"[1-9][0-9]{{3}}[ ]?(?!S[ADS]|{_NOT_LETTERS})[A-Z]{{2}}(?!\w)"
_POSTCODE_ALONE = re.compile(
    rf"(?<![\w.,:/-])[1-9][0-9]{{3}}[ ]?(?!S[ADS]|{_NOT_LETTERS})"
    r"[A-Z]{2}(?![\w-]|[.,:/][0-9])",
    _A,
)
_ADDRESS = re.compile(
    rf"(?<!\w){_STREET}[ ]+{_HOUSE}(?:[ ]*,?[ ]*{_POSTCODE})?"
    rf"|(?<![\w.,-]){_POSTCODE}[ ]*,?[ ]*{_HOUSE}"
)


# --- geboortedatum ---------------------------------------------------------------------
_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?"
)
_DATE = (
    r"(?:[0-9]{1,2}(?P<d1>[-/.])[0-9]{1,2}(?P=d1)(?:[0-9]{4}|[0-9]{2})"
    r"|(?:19|20)[0-9]{2}(?P<d2>[-/.])[0-9]{1,2}(?P=d2)[0-9]{1,2}"
    rf"|[0-9]{{1,2}}[ ]+{_MONTHS}[ ]+[0-9]{{4}})(?!\w|[-/.][0-9])"
)
_BORN = (
    r"(?:\b(?:geboren|geboortedatum|geboortejaar|dob)\b"
    r"|\bgeb(?:\.|\b)(?:[ ]?datum)?|\bd\.o\.b\.?)"
)
# "within a few words": at most three words between the cue and the date.
_GAP = r"(?:[\s:,(]+[^\W\d_]+\.?){0,3}[\s:,(]*"
_DOB = re.compile(rf"{_BORN}{_GAP}(?P<date>{_DATE})", re.IGNORECASE)
_BIRTH_YEAR = re.compile(r"\bgeboortejaar[\s:]+(?P<date>(?:19|20)[0-9]{2})(?!\w)", re.I)


def _birthdates(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_DOB, _BIRTH_YEAR):
        for m in pattern.finditer(text):
            yield m.span("date")


def _spans(pattern: re.Pattern[str]) -> Finder:
    return lambda text: (m.span() for m in pattern.finditer(text))


# --- scan ------------------------------------------------------------------------------
# Priority order: a span claimed by an earlier detector is not reported again by a later one.
_DETECTORS: tuple[tuple[str, Finder], ...] = (
    ("privacy-email", _spans(_EMAIL)),
    ("privacy-iban", _ibans),
    ("privacy-geboortedatum", _birthdates),
    ("privacy-telefoon", _phones),
    ("privacy-bsn", _bsns),
    ("privacy-postcode", _spans(_ADDRESS)),
    ("privacy-postcode-alleen", _spans(_POSTCODE_ALONE)),
)
_NUMERIC_RULES = frozenset({"privacy-bsn", "privacy-telefoon"})
_NUMERIC_VALUE = re.compile(r"[0-9\s+().-]+")


def _phone_digits(value: str) -> str:
    """Digits only, with +31 / 0031 / (0) folded into the national 0 prefix."""
    digits = "".join(ch for ch in value if "0" <= ch <= "9")
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif value.lstrip().startswith("+") and digits.startswith("31"):
        digits = "0" + digits[2:]
    return digits[1:] if digits.startswith("00") else digits


def _key(rule: str, value: str) -> tuple[str, str]:
    if rule in _NUMERIC_RULES:
        return "num", _phone_digits(value)
    return "txt", "".join(ch for ch in value.lower() if ch.isalnum() or ch in "@._+-")


def _detect(text: str) -> list[tuple[str, int, int]]:
    detectors = _DETECTORS if _DIGIT.search(text) else _DETECTORS[:1]
    taken: list[tuple[str, int, int]] = []
    for rule, finder in detectors:
        for start, end in finder(text):
            if all(end <= s or start >= e for _, s, e in taken):
                taken.append((rule, start, end))
    taken.sort(key=lambda t: t[1])
    return taken


@lru_cache(maxsize=64)
def _permitted(allowed: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """Keys of the team's own values, also of what the detectors find inside them.

    Scanning the allowed value itself means "Kerkstraat 1, 3011 AB Rotterdam" also
    permits the span the address detector reports for it.
    """
    keys: set[tuple[str, str]] = set()
    for value in allowed:
        if _NUMERIC_VALUE.fullmatch(value):
            keys.add(_key("privacy-telefoon", value))
        keys.add(_key("privacy-email", value))
        keys.update(_key(rule, value[s:e]) for rule, s, e in _detect(value))
        keys.update(_key("privacy-postcode-alleen", m[0]) for m in _POSTCODE_ALONE.finditer(value))
    return frozenset(keys)


DIGIT = _DIGIT


def worth_scanning(text: str) -> bool:
    """Every detector needs a digit or an `@`; most prose has neither."""
    return "@" in text or _DIGIT.search(text) is not None


def scan(text: str, allowed: Collection[str] = ()) -> list[Hit]:
    """Report every suspected client identifier in ``text``, sorted by offset.

    ``allowed`` holds the team's own public numbers and addresses; a hit equal to one of
    them (after normalising) is not a client's and is left out.
    """
    if not worth_scanning(text):
        return []
    found = _detect(text)
    if allowed:
        permitted = _permitted(tuple(allowed))
        found = [(r, s, e) for r, s, e in found if _key(r, text[s:e]) not in permitted]
    return [Hit(rule, start, end, MESSAGES[rule]) for rule, start, end in found]
