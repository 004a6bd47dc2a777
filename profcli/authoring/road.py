"""One road to a new entry, wherever its values come from (issue 26).

Options on the command line, answers at the terminal's questions, a draft resumed and a text
from the editor all go through `make`:

1. every value given (options, a draft) is checked as an answer would be, all of them before
   the first question (schema, Dutch habits, privacy): `Schulden` is read as `schulden` and
   said; a typo is offered to the person, who may take it;
2. a refused value with nobody to ask, or in a one-liner, keeps everything as a draft and
   writes nothing; with someone to ask, the open fields are asked one by one (`Asker`);
3. Ctrl-C (or Ctrl-D) at any point keeps every answer so far as a draft;
4. the entry is checked in its place in the repository, written atomically and never over
   another entry (`adding.finish`), and recorded in git.

The road prints nothing: it says what happened in `Made`, and talks to a person only through
an `Asker` (the terminal's is `profcli.cli.interview.Terminal`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from profcli import clock
from profcli.authoring import adding, answers, normalise
from profcli.authoring.answers import Choices, Context
from profcli.authoring.templates import Field, Template, default_date, merge, template
from profcli.authoring.templates.editor import editor_text
from profcli.errors import AnswerRejected
from profcli.git import record as gitrecord
from profcli.repository import writing
from profcli.repository.kinds import Kind
from profcli.repository.model import Portfolio, Repository
from profcli.validation import names

OPTIONAL_FOLLOW = "\nDe volgende velden zijn niet verplicht; Enter slaat er een over."


@dataclass(frozen=True, slots=True)
class Request:
    """What a new entry is and where it goes: the values every step of the road needs."""

    root: Path
    kind: Kind
    profile: str
    """The portfolio's slug."""
    day: dt.date
    """The command's reference date (`Invocation.today`): `vandaag`, defaults, checks."""
    slug: str = ""
    """The file name asked for (`--slug`); empty: from the title, `-2` added when taken."""
    draft: Path | None = None
    """The draft this entry continues: rewritten on a refusal, removed once saved."""
    commit: bool = True
    """Record the new entry in git (unless the team or `--geen-git` switched that off)."""

    @property
    def header(self) -> list[str]:
        return adding.draft_header(self.root, self.kind, self.profile, self.slug)

    def draft_text(self, asked: set[str], data: Mapping[str, Any]) -> str:
        """A draft: the header, the fields already dealt with, the values as TOML."""
        return "\n".join([*self.header, adding.asked_line(asked), writing.render(data)])

    def keep(self, text: str) -> Path:
        """Keep `text` as this entry's draft (rewriting the one it continues)."""
        return adding.save_draft(self.root, self.kind, text, self.draft)


class Asker(Protocol):
    """A person who can answer (the terminal); the road asks through nothing else.

    Ctrl-C or Ctrl-D at any of these raises KeyboardInterrupt."""

    def say(self, line: str) -> None:
        """Tell the person something (what a value was read as, why one was refused)."""

    def offer(self, option: str, rejected: AnswerRejected) -> str | None:
        """Offer `rejected.suggestion` for the value given as `option`: the value to use
        (the suggestion taken, or a new one typed), or None to ask for it later."""

    def ask(self, values: Values, f: Field) -> None:
        """Ask for field `f` and store the answer in `values` (Enter may leave it open)."""


class Values:
    """The values of one entry as they come in, each checked as an answer is.

    `asked` names the fields already dealt with (given, answered or skipped); it goes into a
    draft, so that resuming asks only the rest. `refused` holds the text of a refused value
    per field, to put back on the line when it is asked again.
    """

    def __init__(
        self,
        repo: Repository,
        owner: Portfolio,
        tpl: Template,
        data: Mapping[str, Any],
        asked: set[str] | None,
        today: dt.date,
    ) -> None:
        self.repo, self.owner, self.tpl, self.today = repo, owner, tpl, today
        self.data: dict[str, Any] = dict(data)
        self.asked = given(tpl, data) if asked is None else set(asked)
        self.refused: dict[str, str] = {}
        self._refused_values: dict[str, tuple[Field, Any]] = {}
        """Values given as options (or kept in a draft) that were refused, as given: asked
        again with that text on the line, or kept in the draft."""
        self.again: dict[str, dict[str, dict[str, Any]]] = {}
        """Per table (`scores`): the items whose given value was refused, with what else
        they held (a note), to be asked again on their own."""
        self.unknown: dict[str, list[str]] = {}
        """Per table: items given that the framework does not have (to choose again)."""
        self.notes: list[str] = []
        """What a given value was read as (`--vorm: Intervisie gelezen als intervisie`),
        for the caller to say when there is no `Asker` (one says it at once)."""

    def recheck(self, asker: Asker | None, *, keep: bool = False) -> list[str]:
        """Values given as options (or kept in a draft) get the same checks as answers, all
        of them before the first question, and are stored as read (`Schulden` ->
        `schulden`, said in one line). A refused value with an `asker` is said; a typo is
        offered first. Then it is dropped, to be asked again with its text on the line
        (`refused`), or with `keep` left in place for a draft. Returns one line per refused
        value, naming its option."""
        refused: list[str] = []
        for f in self.tpl.fields:
            value = self.current(f)
            if f.shape == "map" and isinstance(value, Mapping) and value:
                refused += self._recheck_map(f, value, asker, keep=keep)
                continue
            if value is None or f.shape == "map":
                continue
            while True:
                try:
                    read = self.check(f, value)
                except AnswerRejected as e:
                    shown = "" if f.long or f.shape != "scalar" else f" {shown_as_typed(value)}"
                    line = f"{f.option}{shown}: {_reason(e)}"
                    ids = f.shape != "scalar" and answers.is_id_list(f, self.choices(f))
                    typed = (
                        typed_as_list(value)
                        if f.shape != "scalar" and not ids
                        else shown_as_typed(value)
                    )
                    self.refused[f.name] = typed
                    self._refused_values[f.name] = (f, value)
                    self.asked.discard(f.name)
                    if asker is not None and e.suggestion is not None:  # a typo: offered
                        again = asker.offer(f.option, e)
                        if again is not None:
                            del self.refused[f.name]
                            self._refused_values.pop(f.name, None)
                            self.asked.add(f.name)  # given, and now corrected: not asked
                            value = [again] if isinstance(value, list) else again
                            continue
                    elif asker is not None:
                        asker.say(line)
                    refused.append(line)
                    if not keep:
                        self.drop(f)
                    break
                for note in read_notes(shown_as_typed(value), read):
                    if asker is not None:
                        asker.say(f"{f.option}: {note}.")
                    else:
                        self.notes.append(f"{f.option}: {note}.")
                if read != self.current(f):
                    self.store(f, read)
                break
        return refused

    def _recheck_map(
        self, f: Field, table: Mapping[str, Any], asker: Asker | None, *, keep: bool
    ) -> list[str]:
        """Scores given as options (`--score deskundigheid=6`), checked like answers before
        the first question: an unknown item or a score out of range is refused (said to an
        `asker`); that item is asked again, unless kept for a draft."""
        refused: list[str] = []
        left = dict(table)
        choices = self.choices(f)
        # The table's first field says which items are unknown; each field its own values.
        first = next(o for o in self.tpl.fields if o.shape == "map" and o.path[0] == f.path[0])
        for item, entry in table.items():
            score = entry.get(f.key) if isinstance(entry, Mapping) else entry
            if score is None and f is not first:
                continue
            try:
                if choices is not None and f is first:
                    answers.items(f, str(item), self.context(), choices)
                if score is not None:
                    answers.scalar(f, str(score), self.context())
            except AnswerRejected as e:
                shown = "" if score is None else f"={score}"
                line = f"{f.option} {item}{shown}: {_reason(e)}"
                self.refused[f.name] = ""
                self._refused_values[f.name] = (f, dict(table))
                self.asked.discard(f.name)
                refused.append(line)
                if asker is not None:
                    asker.say(line)
                if choices is not None and item not in choices.allowed:
                    self.unknown.setdefault(f.name, []).append(str(item))
                elif score is not None:
                    rest = entry if isinstance(entry, Mapping) else {}
                    others = {k: v for k, v in rest.items() if k != f.key}
                    self.again.setdefault(f.name, {})[item] = others
                if not keep:
                    del left[item]
        if not keep and left != dict(table):
            if left:
                self.store(f, left)
            else:
                self.drop(f)
        return refused

    def kept(self) -> dict[str, Any]:
        """The answers for a draft, with every refused value not yet answered again back in
        place: Ctrl-C after a refusal loses no word either."""
        data = self.data
        for name, (f, value) in self._refused_values.items():
            if name in self.refused and value_of(data, f) in (None, "", [], {}):
                extra = {f.section: {f.key: value}} if f.section else {f.path[0]: value}
                data = merge(self.tpl, data, extra)
        return data

    def check(self, f: Field, value: Any) -> Any:
        """`value` as an answer would be read; AnswerRejected when it cannot be used."""
        context = self.context()
        if f.shape == "records" and isinstance(value, list):
            for item in value:
                text = item.get(f.record_key) if isinstance(item, Mapping) else item
                answers.line(f, str(text), [], context)
            return value
        if isinstance(value, list):
            if f.shape == "list" and answers.is_id_list(f, self.choices(f)):
                return answers.items(f, ", ".join(map(str, value)), context, self.choices(f))
            return [answers.line(f, str(item), [], context) for item in value]
        if f.type == "string" and f.long:
            answers.line(f, str(value), [], context)  # length and client data
            return value
        if isinstance(value, str) and f.type == "string":
            return answers.scalar(f, value, context, self.choices(f))
        answers.scalar(f, shown_as_typed(value), context)  # dates and numbers are typed already
        return value

    def drop(self, f: Field) -> None:
        if f.section and isinstance(self.data.get(f.section), dict):
            self.data[f.section] = {k: v for k, v in self.data[f.section].items() if k != f.key}
        elif not f.section:
            self.data.pop(f.path[0], None)

    def next_field(self, *, optional: bool = True) -> Field | None:
        """The next field to ask: the required ones first, then (with `optional`) the others
        that make sense (no number after "nee" to geaccrediteerd, no list with nothing to
        choose from); a field passed over counts as asked."""
        open_fields = [
            f
            for f in self.tpl.fields
            if f.name not in self.asked and (not f.section or self.tpl.active(f.section, self.data))
        ]
        for f in open_fields:
            if f.required:
                return f
        for f in open_fields:
            if not optional:
                self.asked.add(f.name)
                continue
            if f.name == "accreditatie_id" and self.data.get("geaccrediteerd") is False:
                self.asked.add(f.name)  # "nee" to geaccrediteerd: no number to ask for
                continue
            choices = self.choices(f)
            if f.offered and (choices is None or choices.offered):
                return f
            self.asked.add(f.name)  # nothing to choose from (no open goals): not asked
        return None

    def answered(self, f: Field) -> None:
        """`f` was asked (a table's other keys with it)."""
        self.asked.add(f.name)
        if f.shape == "map":
            self.asked.update(o.name for o in self.tpl.fields if o.path[0] == f.path[0])

    def context(self) -> Context:
        return Context(
            self.today,
            self.data,
            self.repo.root,
            adding.privacy_allowed(self.repo, self.owner),
            names.allowed_in(self.repo, self.owner),
        )

    def choices(self, f: Field) -> Choices | None:
        if f.enum:
            return Choices(f.enum, frozenset(f.enum))
        return adding.choices(self.repo, self.owner, f.name, self.data)

    def store(self, f: Field, value: Any) -> None:
        if f.shape == "map":
            extra: dict[str, Any] = {f.path[0]: value}
        elif f.section:
            extra = {f.section: {f.key: value}}
        else:
            extra = {f.path[0]: value}
        self.data = merge(self.tpl, self.data, extra)

    def current(self, f: Field) -> Any:
        return value_of(self.data, f)

    def labels(self, ids: tuple[str, ...]) -> dict[str, str]:
        """What an id stands for, shown beside it: an item's title, a goal's, a worker's name."""
        goals = self.owner.entries.get("leerdoel", {})
        found: dict[str, str] = {}
        for i in ids:
            if i in goals:
                found[i] = goals[i].text("titel")
            elif i in self.repo.catalog.items:
                found[i] = self.repo.catalog.items[i].titel
            elif i in self.repo.portfolios:
                found[i] = self.repo.portfolios[i].naam
            elif i in self.repo.catalog.frameworks:
                found[i] = self.repo.catalog.frameworks[i].titel
        return found


def given(tpl: Template, data: Mapping[str, Any]) -> set[str]:
    """Fields that already have a value (given as options): a new interview skips them."""
    return {f.name for f in tpl.fields if value_of(data, f) not in (None, "", [], {})}


def value_of(data: Mapping[str, Any], f: Field) -> Any:
    """The value a field has in `data` (for a map: the whole table), or None."""
    node: Any = data
    for part in f.path[:1] if f.shape == "map" else f.path:
        node = node.get(part) if isinstance(node, Mapping) else None
    return node


def shown_as_typed(value: Any) -> str:
    """A value as it would have been typed."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def typed_as_list(value: Any) -> str:
    """A list as it would be typed at its question: one item a line (texts, records) or
    separated by commas (ids)."""
    if isinstance(value, list):
        items = [str(v.get("wat", v)) if isinstance(v, Mapping) else str(v) for v in value]
        return "\n".join(items)
    return shown_as_typed(value)


def read_notes(raw: str, value: object) -> list[str]:
    """What prof made of an answer, per name typed (numbers from a list need no note); a day
    typed as a word ("gisteren") says which date it became."""
    if isinstance(value, dt.date) and any(c.isalpha() for c in raw):
        return [f"`{raw.strip()}` gelezen als {clock.shown(value)}"]
    if isinstance(value, str):
        pairs = [(raw, value)]
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        parts = [p for p in re.split(r"\s*[,;]\s*", raw.strip()) if p]
        pairs = list(zip(parts, value, strict=False)) if len(parts) == len(value) else []
    else:
        return []
    found = (normalise.noted(typed, str(v)) for typed, v in pairs if not typed.isdigit())
    return [n for n in found if n]


def _reason(e: AnswerRejected) -> str:
    """The reason as one sentence with its full stop."""
    text = str(e).removesuffix(".")
    return text if text.endswith(("?", "!")) else f"{text}."


Outcome = Literal["opgeslagen", "geweigerd", "afgebroken", "onvolledig"]


@dataclass(frozen=True, slots=True)
class Made:
    """What became of a new entry; the caller says it (and sets the exit code)."""

    outcome: Outcome
    """`opgeslagen`: written (and recorded); `geweigerd`: a value or the whole entry was
    refused, all of it kept as `draft`; `afgebroken`: Ctrl-C or Ctrl-D, the answers so far
    kept as `draft` (None: nothing had been given); `onvolledig`: required fields missing
    and nobody to ask (`missing`), nothing kept."""
    request: Request
    draft: Path | None = None
    refused: list[str] = field(default_factory=list)
    """One line per value refused before any question (naming its option)."""
    told: bool = False
    """Whether the `Asker` said the refused lines already."""
    notes: list[str] = field(default_factory=list)
    """What given values were read as, not yet said to anyone."""
    missing: list[Field] = field(default_factory=list)
    finished: adding.Finished | None = None
    """The final check and write, when the road got that far."""
    recorded: gitrecord.Recorded | None = None
    message: str = ""
    """The git commit's message, when recorded."""


def make(
    request: Request,
    values: Values | None = None,
    *,
    text: str | None = None,
    asker: Asker | None = None,
    optional: bool = True,
    one_liner: bool = False,
) -> Made:
    """The one road to a new entry: the `values` given (options, a draft), checked, then the
    open fields asked of `asker` (with `optional` False only the required ones), or a whole
    `text` (the editor, a draft kept as it is); then checked in place, written and recorded.

    In a `one_liner` (every required field given), or without an `asker`, a refused value
    asks nothing: everything given is kept as a draft that asks only for what was refused.
    """
    if values is not None:
        try:
            made = _gather(request, values, asker, optional=optional, one_liner=one_liner)
        except KeyboardInterrupt:
            return _interrupted(request, values)
        if made is not None:
            return made
        text = request.draft_text(values.asked, values.data)
    assert text is not None, "make() needs values or a text"
    data = values.data if values is not None else None
    try:
        done = adding.finish(
            request.root,
            request.kind,
            request.profile,
            request.slug,
            text,
            request.draft,
            data,
            request.day,
        )
    except KeyboardInterrupt:  # while the entry is checked: the answers are kept
        return Made("afgebroken", request, request.keep(text))
    notes = values.notes if values is not None else []
    if done.path is None:
        return Made("geweigerd", request, done.draft, notes=notes, finished=done)
    message = f"prof: {request.kind.name} {done.path.stem} toegevoegd"
    recorded = None
    if request.commit and gitrecord.commits_enabled(request.root):
        recorded = gitrecord.record(request.root, [done.path], message)
    return Made(
        "opgeslagen", request, notes=notes, finished=done, recorded=recorded, message=message
    )


def _gather(
    request: Request, values: Values, asker: Asker | None, *, optional: bool, one_liner: bool
) -> Made | None:
    """Check what was given and ask what is open; a Made when the road ends here."""
    tpl = values.tpl
    refused = values.recheck(asker, keep=one_liner or asker is None)
    if values.refused and (asker is None or one_liner):
        absent = {f.name for f in tpl.missing(values.data)}
        asked = {f.name for f in tpl.fields} - set(values.refused) - absent
        kept = request.keep(request.draft_text(asked, values.data))
        told = asker is not None
        return Made("geweigerd", request, kept, refused=refused, told=told, notes=values.notes)
    if asker is None:
        missing = tpl.missing(values.data)
        return Made("onvolledig", request, missing=missing, notes=values.notes) if missing else None
    first_optional = True
    while (f := values.next_field(optional=optional)) is not None:
        if not f.required and first_optional:
            asker.say(OPTIONAL_FOLLOW)
            first_optional = False
        asker.ask(values, f)
        values.answered(f)
    return None


def _interrupted(request: Request, values: Values) -> Made:
    """Ctrl-C or Ctrl-D: every answer so far (and every refused value) kept as a draft."""
    kept = values.kept()
    if not kept and request.draft is None:
        return Made("afgebroken", request)
    return Made("afgebroken", request, request.keep(request.draft_text(values.asked, kept)))


def dated(tpl: Template, data: Mapping[str, Any], day: dt.date) -> dict[str, Any]:
    """`data` with the dates a kind takes from the day it is made (a reflection's `datum`)."""
    found = dict(data)
    for f in tpl.fields:
        if f.key not in found and not f.section and default_date(f, day):
            found[f.key] = day
    return found


def start(
    repo: Repository,
    owner: Portfolio,
    kind: Kind,
    given_values: Mapping[str, Any],
    day: dt.date,
    *,
    interactive: bool,
    ask_all: bool = False,
) -> tuple[Values, bool]:
    """The values an entry starts from, given as options, and whether it is a one-liner
    (every required field given: saved at once, only what was refused asked). Without a
    person to ask, dated kinds take the day; in a terminal the day is the question's default.
    """
    tpl = template(kind.name)
    with_day = dated(tpl, given_values, day)
    one_liner = interactive and not tpl.missing(with_day) and not ask_all
    data = with_day if one_liner or not interactive else given_values
    return Values(repo, owner, tpl, data, None, day), one_liner


def editor_draft(
    request: Request, repo: Repository, owner: Portfolio, data: Mapping[str, Any]
) -> Request:
    """A commented template with what was given (a required date filled in with the day,
    a section's selector set), kept as a draft for the editor: the request continues it."""
    tpl = template(request.kind.name)
    found = dict(data)
    for f in tpl.fields:
        if f.type == "date" and f.required and f.key not in found and not f.section:
            found[f.key] = request.day
    for section in tpl.sections:
        if section.selector and section.selector not in found:
            found[section.selector] = section.value
    hints = {f.name: adding.known_ids(repo, owner, f.name, found) for f in tpl.fields}
    draft = request.keep(editor_text(tpl, found, request.header, hints))
    return replace(request, draft=draft)
