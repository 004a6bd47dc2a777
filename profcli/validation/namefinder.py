"""Where a text names a person: capitalised words weighed against the word lists (lexicon).

Dutch writes nouns in lower case, so a capital is a signal: at the start of a sentence it says
nothing, elsewhere it marks a proper noun. A capitalised word is a name when

1. it follows an honorific or kinship word ("mevrouw Bakker", "oma Riet", "de familie Pinas")
   or an initial ("J. Bakker"), whatever the word is (DEDUCE's prefix and initial rules);
2. it is on a list of first names or surnames and is not, at the start of a sentence, also a
   Dutch word ("Emre", "Kevin" anywhere; "Roos" only inside a sentence, or before a verb that
   a person does: "Roos vertelde");
3. it is no Dutch word, no English word of practice, no place, organisation, law, method,
   holiday, language or author, and no part of one of their names: the names no Dutch list
   knows ("Semhar", "Tesfay", "Krzysztof"), at the start of a sentence too.

A name grows over the capitalised words and interfixes around it ("Jan de Vries", "Fatima El
Amrani", "Van den Heuvel") and takes the honorific in front. A capitalised word after "in",
"uit", "vanuit" or "te" is a place ("uit Asmara"). What a team allows is applied later
(names.find), so that what is found here can be cached per text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from profcli.validation import namewords as words
from profcli.validation.lexicon import Lexicon
from profcli.validation.namewords import HONORIFICS, INTERFIXES, KIN_STRICT, norm

__all__ = ["HONORIFICS", "spans"]

_TOKEN = re.compile(r"[^\W\d_](?:[\w\u2019']*[^\W\d_])?(?:-[^\W\d_][\w\u2019']*)*|\d+")
_ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+")
_NUMBER_AFTER = re.compile(r" [0-9]")
_CAMEL = re.compile(r"[a-zà-ÿ][A-ZÀ-ÖØ-Þ]")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|Di|De|Da|Du|La|Le|Van|Von|Al|El|O')[A-ZÀ-ÖØ-Þ]")
"""Names that have a capital inside: McBride, DiClemente, LaToya, El-Amrani's "ElAmrani"."""
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    upper: bool
    starts_sentence: bool
    name: bool = False
    masked: bool = False


_SKIPPED = frozenset(" \t\"'\u2018\u201c\u201e(#*>-")


def _sentence_start(text: str, start: int) -> bool:
    """At the start of a text, a sentence, a line, a heading or a list item; not after an
    initial or an abbreviation ("J. Bakker", "mw. Jansen"). Read backwards a character at a
    time: it is asked for every capital of every text."""
    i = start - 1
    while i >= 0 and text[i] in _SKIPPED:
        i -= 1
    if i < 0 or text[i] in "!?:;\n":
        return True
    if text[i] != ".":
        return False
    j = i - 1
    while j >= 0 and (text[j].isalnum() or text[j] == "_"):
        j -= 1
    if j >= 0 and text[j] not in " \t\n\r\f\v(":
        return True  # "collega's.": the word before the stop is no initial
    word = text[j + 1 : i]
    return not word or not (len(word) == 1 or word.lower() in words.ABBREVIATIONS)


def _acronym(word: str) -> bool:
    """ "GGD", "MDO", "ISK-klas": the second letter is a capital too."""
    return len(word) >= 2 and word[1].isupper()


def _initial(token: _Token, text: str) -> bool:
    return len(token.text) == 1 and token.upper and text[token.end : token.end + 1] == "."


class _Finder:
    def __init__(self, text: str, lexicon: Lexicon) -> None:
        # e-mail and web addresses are the pattern rules' (privacy.py), not names
        text = _ADDRESS.sub(lambda m: " " * len(m.group()), text)
        self.text, self.lex = text, lexicon
        self.tokens = [
            _Token(m.start(), m.end(), m.group(), m.group()[0].isupper(), False)
            for m in _TOKEN.finditer(text)
        ]
        for t in self.tokens:  # only a capital asks where its sentence starts
            t.starts_sentence = t.upper and _sentence_start(text, t.start)
        self.memo = lexicon.memo

    def gap(self, i: int) -> str:
        """The characters between token i and token i+1."""
        return self.text[self.tokens[i].end : self.tokens[i + 1].start]

    def lower(self, i: int) -> str:
        return self.tokens[i].text.lower() if 0 <= i < len(self.tokens) else ""

    def mask_phrases(self) -> None:
        """Names of places, organisations, methods and authors, up to six words, as one."""
        tokens = self.tokens
        for i, t in enumerate(tokens):
            if not t.upper or t.masked or not self.lex.phrase_head(t.text.lower()):
                continue
            words = [t.text]
            best = 0
            for j in range(i + 1, min(i + 6, len(tokens))):
                gap = self.gap(j - 1)
                gap = " " if gap.isspace() else gap  # a phrase broken over two lines
                if gap not in (" ", "-", " & "):
                    break
                words.append(gap + tokens[j].text)
                phrase = norm("".join(words))
                if self.lex.place(phrase) or self.lex.author(phrase):
                    best = j
            for k in range(i, best + 1) if best else ():
                tokens[k].masked = True

    def word_like(self, word: str, *, compounds: bool = True) -> bool:
        """A Dutch or English word, or a compound of Dutch words, in any case (remembered
        per word for the process: a repository repeats its words)."""
        key = (word, compounds)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._word_like(word, compounds=compounds)
        return found

    def _word_like(self, word: str, *, compounds: bool = True) -> bool:
        lower = norm(_POSSESSIVE.sub("", word))
        if self.lex.dutch(lower) or self.lex.english(lower) or self.lex.place(lower):
            return True
        plain = _without_accents(lower)  # "Eén", "Vóór": accents of emphasis
        if plain != lower and self.lex.dutch(plain):
            return True
        if "-" in lower:
            return all(p and (_acronym(p) or self.word_like(p)) for p in word.split("-"))
        return compounds and (self._dutch_form(lower) or self._compound(lower))

    def _compound(self, lower: str) -> bool:
        """ "Ondersteuningsplannen", "Buurtteamoverleg", "Zorgmijders": two known words (a
        linking s or e between them), the first of at least four letters, in any plural."""
        if len(lower) < 7:  # a plural of one word is `_dutch_form`'s, asked first
            return False
        for cut in range(4, len(lower) - 2):
            head, tail = lower[:cut], lower[cut:]
            if not (self._dutch_form(tail) or (len(tail) >= 8 and self._compound(tail))):
                continue
            if self.lex.dutch(head) or (head[-1] in "se" and self.lex.dutch(head[:-1])):
                return True
        return False

    def _dutch_form(self, lower: str) -> bool:
        if self.lex.dutch(lower):
            return True
        if any(  # "outreachend", "empowerende": an English stem, a Dutch ending
            lower.endswith(e) and len(lower) > len(e) + 4 and self.lex.english(lower[: -len(e)])
            for e in ("end", "ende", "en", "e")
        ):
            return True
        return any(
            lower.endswith(e) and len(lower) > len(e) + 3 and self.lex.dutch(lower[: -len(e)])
            for e in ("s", "en", "n", "e", "ers", "er")
        )

    def listed_name(self, t: _Token) -> bool:
        word = _POSSESSIVE.sub("", t.text)
        return self.lex.first_name(word) or self.lex.surname(word)

    def is_name(self, i: int) -> bool:
        t = self.tokens[i]
        if not t.upper or t.masked or _acronym(t.text) or len(t.text) < 2 or t.text.isdigit():
            return False
        if _CAMEL.search(t.text) and not _NAME_PREFIX.match(t.text):
            return False  # "MijnOverheid", "NewLine": a brand or code, not a person
        lower = norm(_POSSESSIVE.sub("", t.text))
        after_interfix = i > 0 and self.lower(i - 1) in INTERFIXES and self.gap(i - 1) == " "
        if after_interfix and self.lex.after_interfix(t.text) and not self._after_locative(i):
            return True  # "Jan de Vries", "mevrouw van den Heuvel" (DEDUCE's rule)
        if self.lex.place(lower) or self.lex.author(lower):
            return False
        if lower.endswith("e") and self.lex.place(lower[:-1]):
            return False  # "Duitse", "Marokkaanse": the adjective of a country or language
        if self._after_locative(i) and not self.lex.first_name(t.text):
            return False  # "uit Asmara", "in De Esch"
        listed = self.listed_name(t)
        word = self.word_like(t.text, compounds=not listed)  # "Winston" is no wins+ton
        if not listed and not word and self._institution(i, lower):
            return False
        if listed and not (t.starts_sentence and word):
            return not (word and self._in_title(i))
        if listed:  # "Roos vertelde": a name that is also a word, before a person's verb
            return self.lower(i + 1) in words.PERSON_VERBS and not self.lex.common(lower)
        if word:  # "met Vos": a Dutch word with a capital, where only a person stands
            return not t.starts_sentence and self._person_slot(i) and not self._in_title(i)
        return not self._in_title(i) or not t.starts_sentence

    def _institution(self, i: int, lower: str) -> bool:
        if any(lower.endswith(e) and len(lower) > len(e) + 2 for e in words.PLACE_ENDINGS):
            return True
        return (
            i + 1 < len(self.tokens)
            and self.gap(i) == " "
            and self.tokens[i + 1].upper
            and self.lower(i + 1) in words.INSTITUTION_AFTER
        )

    def _person_slot(self, i: int) -> bool:
        """Right after a preposition that takes a person, with no article between ("gesprek
        met Vos", "op bezoek bij Bloem"); "bij de Gemeente" is an institution."""
        return i > 0 and self.gap(i - 1) == " " and self.lower(i - 1) in words.BEFORE_PERSON

    def _after_locative(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.lower(j) in words.ARTICLES and self.gap(j) == " ":
            j -= 1
        return j >= 0 and j < i and self.lower(j) in words.LOCATIVE and self.gap(j) == " "

    def _in_title(self, i: int) -> bool:
        """A capitalised word among other capitalised words that are plain words ("Positieve
        Gezondheid", "De Kracht van Kwetsbaarheid"): a title, not a name."""
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(self.tokens) and self.lower(j) in words.SMALL:
                j += step
            if not 0 <= j < len(self.tokens):
                continue
            between = self.text[
                min(self.tokens[i].end, self.tokens[j].end) : max(
                    self.tokens[i].start, self.tokens[j].start
                )
            ]
            if any(c in between for c in ".,;:!?()\n\"'"):
                continue
            other = self.tokens[j]
            if other.starts_sentence and abs(j - i) > 1:
                continue  # "Gesprek met Vos": a sentence's first word is no title's word
            if (
                other.upper
                and not _acronym(other.text)
                and not other.masked
                and (not self.listed_name(other) and self.word_like(other.text))
            ):
                return True
        return False

    def find(self) -> list[tuple[int, int]]:
        self.mask_phrases()
        tokens = self.tokens
        for i, t in enumerate(tokens):
            t.name = self.is_name(i)
        for i, t in enumerate(tokens):  # rule 1: after an honorific or an initial
            if not t.upper or t.name or _acronym(t.text) or len(t.text) < 2:
                continue
            if self._after_locative(i):
                continue
            j = self._skip_interfixes_back(i)
            before = self._honorific_before(j)
            strict = before.rstrip(".") in KIN_STRICT
            initial = j > 0 and _initial(tokens[j - 1], self.text)
            listed = before in HONORIFICS and not t.masked and self.listed_name(t)
            t.name = strict or initial or listed
        found: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            if not tokens[i].name:
                i += 1
                continue
            first, last = self._extend(i)
            if not _NUMBER_AFTER.match(self.text, tokens[self._run_end(last)].end):
                # not "Laan van Meerdervoort 45": a street with its number
                found.append((self._lead(first), tokens[last].end))
            i = last + 1
        return found

    def _honorific_before(self, j: int) -> str:
        """The word before token j when it may stand before a name: "mevrouw Bakker", and
        "mw. Bakker" with its stop; not "het gezin. Ik" (a sentence ended there)."""
        if j == 0:
            return ""
        gap = self.gap(j - 1)
        word = self.lower(j - 1)
        if gap == " " or (gap == ". " and word in words.ABBREVIATIONS):
            return word
        return ""

    def _skip_interfixes_back(self, i: int) -> int:
        j = i
        while j > 0 and self.lower(j - 1) in INTERFIXES and self.gap(j - 1) in (" ", "-"):
            j -= 1
        return j

    def _extend(self, i: int) -> tuple[int, int]:
        """The whole name around token i: capitalised words and interfixes between them."""
        tokens = self.tokens
        first = i
        while True:
            k = self._skip_interfixes_back(first)
            if k > 0 and self.gap(k - 1) in (" ", "-", ". "):
                prev = tokens[k - 1]
                if prev.name or _initial(prev, self.text) or self._part_of_name(k - 1):
                    first = k - 1  # "Eva de Wit", "J. Bakker", "Fatima El Amrani"
                    continue
            # "Van der Berg" at a sentence's start, "meneer van Dijk"; not "het boek van Brown"
            if k < first and (tokens[k].upper or self.lower(k - 1).rstrip(".") in HONORIFICS):
                first = k
            break
        last = i
        while last + 1 < len(tokens) and self.gap(last) in (" ", "-"):
            k = last + 1
            while k < len(tokens) and self.lower(k) in INTERFIXES and self.gap(k - 1) in (" ", "-"):
                if k + 1 >= len(tokens) or self.gap(k) not in (" ", "-"):
                    break
                k += 1
            if k < len(tokens) and (tokens[k].name or self._part_of_name(k)):
                last = k
            else:
                break
        return first, last

    def _run_end(self, last: int) -> int:
        """The last of the capitalised words and interfixes that follow token `last`."""
        k = last
        while (
            k + 1 < len(self.tokens)
            and self.gap(k) == " "
            and (self.tokens[k + 1].upper or self.lower(k + 1) in INTERFIXES)
        ):
            k += 1
        return k

    def _part_of_name(self, k: int) -> bool:
        """A capitalised word beside a name is part of it ("Jan Bakker", "Fatima El Amrani"),
        unless it is a place or an organisation."""
        t = self.tokens[k]
        if not t.upper or t.masked or _acronym(t.text):
            return False
        return self.listed_name(t) or not self.word_like(t.text)

    def _lead(self, first: int) -> int:
        """The span starts at an honorific in front ("Meneer Jansen", "oma Riet"; not "zoon")."""
        start = self.tokens[first].start
        if self._honorific_before(first) in KIN_STRICT:
            return self.tokens[first - 1].start
        return start


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if c not in "\u0301\u0300")


_CAPITAL = re.compile(r"(?<![\w'\u2019-])[A-ZÀ-ÖØ-Þ][\w'\u2019-]*")


def spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Offsets of the names in `text`, honorific included, before what a team allows.

    Most texts have capitals only on the first word of each sentence, a Dutch word that is
    no name ("Ik", "Tegelijk", "Workshops"): such a text has no name by any rule above, and is
    answered without tokenizing it."""
    memo = lexicon.starts
    for m in _CAPITAL.finditer(text):
        word = m.group()
        plain = memo.get(word)
        if plain is None:
            plain = memo[word] = lexicon.dutch(word.lower()) and not (
                lexicon.first_name(word) or lexicon.surname(word)
            )
        if not plain or not _sentence_start(text, m.start()):
            return _Finder(text, lexicon).find()
    return []
