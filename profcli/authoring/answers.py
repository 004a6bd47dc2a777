"""Checking one answer as it is typed, so that a prompt can say at once what is wrong.

The kind's schema gives type, range, length, pattern and choices (through
`profcli.authoring.templates.Field`);
what a schema cannot know is checked here with the same words as
`prof validate`: a `datum` in the future, a deadline before the start, an id that does not
exist, client data in free text, evidence that is not there. Nothing here talks to a
terminal: a bad answer raises AnswerRejected with one Dutch sentence, and the prompt
(`profcli.cli.interview`) prints it and asks again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from profcli import clock
from profcli.authoring import normalise
from profcli.authoring.templates import Field
from profcli.errors import AnswerRejected
from profcli.repository import writing
from profcli.validation import namecache, names, privacy
from profcli.validation.evidence import evidence_problem
from profcli.validation.files import NOT_FREE_TEXT

NOT_IN_FUTURE = frozenset({"datum", "bijgewerkt"})
"""Dates that say when something happened (`prof validate`: rule datum-toekomst)."""

YES = frozenset({"j", "ja", "y", "yes", "true", "waar"})
NO = frozenset({"n", "nee", "no", "false", "onwaar"})
_SPLIT = re.compile(r"\s*[,;]\s*")
T = TypeVar("T", int, float)


@dataclass(frozen=True, slots=True)
class Context:
    """What a check needs besides the answer: the command's date, the answers so far, the
    repository root (evidence) and the team's permitted contact details (privacy)."""

    today: dt.date
    data: Mapping[str, Any] = field(default_factory=dict)
    root: Path | None = None
    privacy_allowed: tuple[str, ...] = ()
    names_allowed: frozenset[str] | None = None
    """Names that may stand in the portfolio; None: no names check (no repository)."""


@dataclass(frozen=True, slots=True)
class Choices:
    """Ids a field may name: `offered` are listed and numbered, `allowed` are accepted
    (all goals of the portfolio may be named, the open ones are offered)."""

    offered: tuple[str, ...]
    allowed: frozenset[str]
    what: str = "keuze"
    """How one of them is called in a message: `leerdoel`, `werker`, `kader`."""
    labels: Mapping[str, str] = field(default_factory=dict)
    """Display names that also name a choice (`Registerplein` for `registerplein`)."""


def scalar(f: Field, text: str, ctx: Context, choices: Choices | None = None) -> Any:
    """The value of a one-line answer (not empty) for a field of shape `scalar`."""
    text = text.strip()
    if f.type == "date":
        return day(f, text, ctx)
    if f.type == "number":
        return _in_range(f, number(text))
    if f.type == "integer":
        return _in_range(f, integer(text))
    if f.type == "boolean":
        return boolean(text)
    if f.enum or choices:
        return choose(text, choices or Choices(f.enum, frozenset(f.enum)))
    return string(f, text, ctx)


def day(f: Field, text: str, ctx: Context) -> dt.date:
    try:
        value = clock.read_day(text, ctx.today)
    except ValueError as e:
        raise AnswerRejected(str(e)) from e
    if f.key in NOT_IN_FUTURE and value > ctx.today:
        raise AnswerRejected(
            f"{_dutch_day(value)} ligt in de toekomst; geef een dag tot en met vandaag "
            f"({_dutch_day(ctx.today)})"
        )
    start = ctx.data.get("start")
    if f.key == "deadline" and isinstance(start, dt.date) and value < start:
        raise AnswerRejected(
            f"de deadline {_dutch_day(value)} ligt voor de start ({_dutch_day(start)})"
        )
    return value


def number(text: str) -> float:
    """1,5 as well as 1.5; a whole number stays an int-valued float (TOML writes 2.0)."""
    cleaned = text.replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError as e:
        raise AnswerRejected(f"`{text}` is geen getal; schrijf bijvoorbeeld 1,5 of 2") from e
    if value != value or value in (float("inf"), float("-inf")):
        raise AnswerRejected(f"`{text}` is geen getal; schrijf bijvoorbeeld 1,5 of 2")
    return value


def integer(text: str) -> int:
    try:
        return int(text.replace(" ", ""))
    except ValueError as e:
        raise AnswerRejected(f"`{text}` is geen geheel getal; schrijf bijvoorbeeld 4") from e


def boolean(text: str) -> bool:
    lowered = text.lower()
    if lowered in YES:
        return True
    if lowered in NO:
        return False
    raise AnswerRejected(f"`{text}` is geen ja of nee; typ j of n")


def choose(text: str, choices: Choices) -> str:
    """A choice by its number in the list shown, or by its name: in any case, with or
    without accents and spaces, or by its display name (profcli.authoring.normalise)."""
    typed = text.strip()
    if typed.isdigit() and choices.offered:
        index = int(typed)
        if 1 <= index <= len(choices.offered):
            return choices.offered[index - 1]
        raise AnswerRejected(f"kies een nummer van 1 tot en met {len(choices.offered)}")
    everything = (*choices.offered, *sorted(choices.allowed))
    found = normalise.match(typed, everything, choices.labels)
    if found is not None:
        return found
    if not everything:
        _fail(f"er is hier geen {choices.what} om uit te kiezen")
    close = normalise.suggest(typed, everything)
    if close is not None:
        raise AnswerRejected(f"`{typed}` is geen {choices.what}; bedoelde je `{close}`?", close)
    listed = f"; kies uit: {', '.join(choices.offered)}" if choices.offered else ""
    _fail(f"`{typed}` is geen {choices.what}{listed}")


def string(f: Field, text: str, ctx: Context) -> str:
    if f.max_length and len(text) > f.max_length:
        raise AnswerRejected(f"dit is te lang: hoogstens {f.max_length} tekens")
    if f.pattern and not re.fullmatch(f.pattern, text):
        meant = normalise.as_id(text)  # `Armoede`, `huiselijk geweld`: one id each
        if meant is None or not re.fullmatch(f.pattern, meant):
            _slug(text)
        text = meant
    if f.path[0] == "bewijs" and ctx.root is not None:
        problem = evidence_problem(ctx.root.resolve(), text)
        if problem:
            raise AnswerRejected(problem[1])
    if f.path[0] not in NOT_FREE_TEXT:
        private(text, ctx)
    return text


def items(f: Field, text: str, ctx: Context, choices: Choices | None) -> list[str]:
    """A list of ids on one line, by number or name, separated by commas."""
    found: list[str] = []
    parts = [p for p in _SPLIT.split(text.strip()) if p]
    for index, part in enumerate(parts):
        try:
            if f.enum:
                value = choose(part, Choices(f.enum, frozenset(f.enum)))
            elif choices is not None:
                value = choose(part, choices)
            else:
                value = string(f, part, ctx)
        except AnswerRejected as e:
            if e.suggestion is None:
                raise
            whole = ", ".join([*parts[:index], e.suggestion, *parts[index + 1 :]])
            raise AnswerRejected(str(e), whole) from e
        if value not in found:
            found.append(value)
    return found


def line(f: Field, text: str, so_far: Sequence[str], ctx: Context) -> str:
    """One line of a longer text (or one item of a list of texts), checked as it is typed."""
    joined = len("\n".join([*so_far, text]))
    if f.max_length and joined > f.max_length:
        raise AnswerRejected(
            f"de tekst wordt te lang: hoogstens {f.max_length} tekens; deze regel past er "
            "niet meer bij"
        )
    if f.path[0] == "bewijs" and ctx.root is not None:
        problem = evidence_problem(ctx.root.resolve(), text.strip())
        if problem:
            raise AnswerRejected(problem[1])
    if f.path[0] not in NOT_FREE_TEXT:
        private(text, ctx)
    return text.rstrip()


def private(text: str, ctx: Context) -> None:
    """Client data (BSN, IBAN, phone, e-mail, address, birth date, names) never enters a
    portfolio. A name is looked up in the repository's cache first; a text not seen before
    costs milliseconds (the word lists are memory-mapped, profcli.validation.lexicon)."""
    if privacy.worth_scanning(text):
        for hit in privacy.scan(text, ctx.privacy_allowed):
            raise AnswerRejected(f"`{text[hit.start : hit.end]}`: {hit.message}")
    if ctx.names_allowed is not None and names.worth_scanning(text):
        for found in names.find(text, ctx.names_allowed, namecache.cache_for(ctx.root)):
            raise AnswerRejected(names.message(found))


def _in_range(f: Field, value: T) -> T:
    """The schema's range, said as a whole whichever end is crossed."""
    low, high = f.minimum, f.maximum
    too_low = low is not None and (value <= low if f.exclusive_minimum else value < low)
    if not too_low and (high is None or value <= high):
        return value
    above = "" if low is None else f"meer dan {_number(low)}"
    if low is not None and not f.exclusive_minimum:
        above = f"minstens {_number(low)}"
    below = "" if high is None else f"hoogstens {_number(high)}"
    if low is not None and high is not None and not f.exclusive_minimum:
        wanted = f"kies van {_number(low)} tot en met {_number(high)}"
    else:
        wanted = f"het moet {' en '.join(w for w in (above, below) if w)} zijn"
    raise AnswerRejected(f"{_number(value)} kan niet: {wanted}")


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _slug(text: str) -> NoReturn:
    example = writing.slugify(text) or "omgaan-met-agressie"
    _fail(
        f"`{text.strip()}` kan zo niet: gebruik kleine letters, cijfers en losse streepjes "
        f"(bijvoorbeeld `{example}`)"
    )


def _fail(message: str) -> NoReturn:
    raise AnswerRejected(message)


_MONTHS: tuple[str, ...] = ("januari", "februari", "maart", "april", "mei", "juni", "juli")
_MONTHS += ("augustus", "september", "oktober", "november", "december")


def _dutch_day(value: dt.date) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


REQUIRED = "Dit veld is verplicht; typ een antwoord (Ctrl-C stopt en bewaart wat je al typte)"
"""What to say when a required field is left empty."""


def is_id_list(f: Field, choices: Choices | None) -> bool:
    """Lists of ids go on one line; lists of texts (inzichten, bewijs) one item a line."""
    return bool(f.enum or f.pattern or (choices and (choices.allowed or choices.offered)))
