"""The questions `prof add` asks in a terminal, one field at a time.

Each answer is checked as it is typed (profcli.authoring.answers); a bad one gets one Dutch
line with the reason and the same question again. Required fields come first, in the schema's order,
then the optional ones, each skipped with Enter. Long texts take several lines and end with
an empty line. Choices and references are listed with numbers; a number or a name in any
case is accepted. Ctrl-C (or Ctrl-D) at any question keeps every answer so far, also the
lines of a text being typed, as a draft that `prof add --draft NAAM` resumes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import click

from profcli import clock
from profcli.authoring import adding as authoring
from profcli.authoring import answers
from profcli.authoring.answers import Choices, Context
from profcli.authoring.templates import Field, Template, default_date, merge
from profcli.cli.common import spoken
from profcli.cli.questions import (
    MORE,
    MULTI_LINE,
    ask,
    choose,
    label,
    notes,
    numbered,
    read,
    reason,
    say,
    take,
)
from profcli.errors import AnswerRejected
from profcli.repository.model import Portfolio, Repository
from profcli.validation import names


class Interview:
    """Asks for the fields of one entry that are still open and keeps the answers in `data`.

    `asked` names the fields already dealt with (given as options, answered, or skipped); it
    goes into a draft, so that resuming asks only the rest.
    """

    def __init__(
        self,
        repo: Repository,
        owner: Portfolio,
        tpl: Template,
        data: Mapping[str, Any],
        asked: set[str],
        today: dt.date,
    ) -> None:
        self.repo, self.owner, self.tpl, self.today = repo, owner, tpl, today
        self.data: dict[str, Any] = dict(data)
        self.asked = asked
        self.refused: dict[str, str] = {}
        self._refused_values: dict[str, tuple[Field, Any]] = {}
        """Values given as options (or kept in a draft) that were refused, as typed: asked
        again with that text on the line, or kept in the draft of a one-liner."""

    def run(self, *, optional: bool = True, one_liner: bool = False) -> dict[str, Any]:
        """Ask what is open; with `optional` False only the required fields (a one-liner
        that gave them all asks nothing). In a `one_liner` a refused value asks nothing
        either: Refused carries the reasons, the values stay in `data` (for the draft)."""
        self.recheck(keep=one_liner)
        if one_liner and self.refused:
            raise Refused(list(self.refused))
        first_optional = True
        while (f := self.next_field()) is not None:
            if not f.required and not optional:
                self.asked.add(f.name)
                continue
            if not f.required and first_optional:
                say("\nDe volgende velden zijn niet verplicht; Enter slaat er een over.")
                first_optional = False
            self.ask(f)
            self.asked.add(f.name)
            if f.shape == "map":  # the other keys of the table were asked with it
                self.asked.update(o.name for o in self.tpl.fields if o.path[0] == f.path[0])
        return self.data

    def recheck(self, *, terminal: bool = True, keep: bool = False) -> list[str]:
        """Values given as options (or kept in a draft) get the same checks as answers, all
        of them before the first question, and are stored as read (`Schulden` ->
        `schulden`, said in one line). A value that fails is said; in a terminal a clear
        suggestion is offered, else the value is dropped and asked again with its text on the
        line (`refused`), or, with `keep`, left in place for a draft. Without a terminal the
        reasons are returned (and nothing is asked)."""
        refused: list[str] = []
        for f in self.tpl.fields:
            value = self.current(f)
            if f.shape == "map" and isinstance(value, Mapping) and value:
                refused += self.recheck_map(f, value, terminal=terminal, keep=keep)
                continue
            if value is None or f.shape == "map":
                continue
            while True:
                try:
                    read = self.check(f, value)
                except AnswerRejected as e:
                    shown = "" if f.long or f.shape != "scalar" else f" {_shown(value)}"
                    line = f"{f.option}{shown}: {reason(e).strip()}"
                    ids = f.shape != "scalar" and answers.is_id_list(f, self.choices(f))
                    typed = _typed(value) if f.shape != "scalar" and not ids else _shown(value)
                    self.refused[f.name] = typed
                    self._refused_values[f.name] = (f, value)
                    self.asked.discard(f.name)
                    if not terminal:
                        refused.append(line)
                        break
                    if e.suggestion is not None:  # a typo: offered as in a prompt (issue 26)
                        say(f"{f.option}:")
                        again = take(e)
                        if again is not None:
                            del self.refused[f.name]
                            self._refused_values.pop(f.name, None)
                            self.asked.add(f.name)  # given, and now corrected: not asked
                            value = [again] if isinstance(value, list) else again
                            continue
                    else:
                        say(line)
                    if not keep:
                        self.drop(f)
                    break
                for note in notes(_shown(value), read):
                    say(f"{f.option}: {note}.")
                if read != self.current(f):
                    self.store(f, read)
                break
        return refused

    def recheck_map(
        self, f: Field, table: Mapping[str, Any], *, terminal: bool, keep: bool
    ) -> list[str]:
        """Scores given as options (`--score deskundigheid=6`), checked like answers before
        the first question: an unknown item or a score out of range is said. In a terminal
        that item is asked again (unless kept for a draft); else the reasons are returned."""
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
                given = "" if score is None else f"={score}"
                line = f"{f.option} {item}{given}: {reason(e).strip()}"
                self.refused[f.name] = ""
                self._refused_values[f.name] = (f, dict(table))
                self.asked.discard(f.name)
                if not terminal:
                    refused.append(line)
                    continue
                say(line)
                if not keep:
                    del left[item]
        if terminal and not keep and left != dict(table):
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
        answers.scalar(f, _shown(value), context)  # dates and numbers are typed already
        return value

    def drop(self, f: Field) -> None:
        if f.section and isinstance(self.data.get(f.section), dict):
            self.data[f.section] = {k: v for k, v in self.data[f.section].items() if k != f.key}
        elif not f.section:
            self.data.pop(f.path[0], None)

    def next_field(self) -> Field | None:
        open_fields = [
            f
            for f in self.tpl.fields
            if f.name not in self.asked and (not f.section or self.tpl.active(f.section, self.data))
        ]
        for f in open_fields:
            if f.required:
                return f
        for f in open_fields:
            if f.name == "accreditatie_id" and self.data.get("geaccrediteerd") is False:
                self.asked.add(f.name)  # "nee" to geaccrediteerd: no number to ask for
                continue
            choices = self.choices(f)
            if f.offered and (choices is None or choices.offered):
                return f
            self.asked.add(f.name)  # nothing to choose from (no open goals): not asked
        return None

    def context(self) -> Context:
        return Context(
            self.today,
            self.data,
            self.repo.root,
            authoring.privacy_allowed(self.repo, self.owner),
            names.allowed_in(self.repo, self.owner),
        )

    def choices(self, f: Field) -> Choices | None:
        if f.enum:
            return Choices(f.enum, frozenset(f.enum))
        return authoring.choices(self.repo, self.owner, f.name, self.data)

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

    def ask(self, f: Field) -> None:
        say("")
        about = spoken(f.description)
        say(click.style(f.title, bold=True) + click.style(f" — {about}", dim=True))
        if f.shape == "map":
            self.ask_map(f)
            return
        choices = self.choices(f)
        existing = self.current(f)
        if f.type != "string" or f.shape != "scalar" or choices is not None:
            self.refused.pop(f.name, None)  # short values are typed anew, not corrected
        if f.shape in ("list", "records") and answers.is_id_list(f, choices):
            value: Any = self.ask_ids(f, choices, existing)
        elif f.shape in ("list", "records"):
            value = self.ask_lines(f, existing)
        elif f.type == "string" and f.long:
            value = self.ask_text(f, existing)
        elif choices is not None and f.type == "string":
            value = choose(
                f.title,
                choices,
                required=f.required,
                default=str(existing or ""),
                labels=None if f.enum else self.labels(choices.offered),
            )
        else:
            value = self.ask_scalar(f, existing)
        if value is not None and value != []:
            self.store(f, value)

    def ask_scalar(self, f: Field, existing: Any) -> Any:
        default = existing if existing is not None else default_date(f, self.today)
        shown = clock.shown(default) if isinstance(default, dt.date) else default
        if isinstance(default, bool):
            shown = "j" if default else "n"
        example = (
            "bijvoorbeeld 21-11-2026 of gisteren"
            if f.key in answers.NOT_IN_FUTURE
            else f"bijvoorbeeld 31-12-{self.today.year + 1} of vandaag"
        )
        notes = {
            "date": [example],
            "boolean": ["j/n"],
            "number": ["bijvoorbeeld 1,5"],
        }.get(f.type, [])
        if f.type in ("number", "integer") and f.minimum is not None and f.maximum is not None:
            low = f"meer dan {f.minimum:g}" if f.exclusive_minimum else f"{f.minimum:g}"
            notes = [f"{low} tot en met {f.maximum:g}".replace(".", ",")]
        return ask(
            label(f.title, notes, "" if shown is None else str(shown), required=f.required),
            lambda text: answers.scalar(f, text, self.context()),
            required=f.required,
            default=default,
            again=self.refused.pop(f.name, "") if f.type == "string" else "",
            text=f.type == "string",
        )

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

    def ask_ids(self, f: Field, choices: Choices | None, existing: Any) -> list[str] | None:
        offered = choices.offered if choices else ()
        numbered(offered, self.labels(offered) if not f.enum else None)
        kind = "nummers of namen, " if offered else ""
        shown = ", ".join(existing) if isinstance(existing, list) else ""
        return ask(
            label(f.title, [f"{kind}gescheiden door komma's"], shown, required=f.required),
            lambda text: answers.items(f, text, self.context(), choices),
            required=f.required,
            default=existing if isinstance(existing, list) and existing else None,
        )

    def ask_lines(self, f: Field, existing: Any) -> list[Any] | None:
        """A list of texts, one a line; for records (`acties`) one table a line."""
        key = f.record_key
        so_far: list[str] = [
            (item.get(key, "") if isinstance(item, Mapping) else str(item))
            for item in (existing if isinstance(existing, list) else [])
        ]
        if f.name == "afspraak":
            self.say_open_agreements()
        say(f"  Eén per regel; een lege regel sluit af{'' if f.required else ' (of slaat over)'}.")
        for item in so_far:
            say(f"  al ingevuld: {item}")

        who: dict[int, list[str]] = {}
        details: dict[int, dict[str, Any]] = {}
        """Per line of a conversation's agreement: who carries it out, and by when."""
        kept = [  # what a draft already had beyond the line (wie, deadline, klaar)
            {k: v for k, v in item.items() if k != key} if isinstance(item, Mapping) else {}
            for item in (existing if isinstance(existing, list) else [])
        ]
        details.update(enumerate(kept))

        def value(lines: list[str]) -> list[Any]:
            if f.shape == "records":
                return [
                    {key: line, **dict(f.record_defaults), **details.get(i, {})}
                    for i, line in enumerate(lines)
                ]
            if f.name == "afspraken":
                return [
                    {"wat": ln, "wie": who[i]} if who.get(i) else ln for i, ln in enumerate(lines)
                ]
            return list(lines)

        def after(lines: list[str]) -> None:
            if f.name == "afspraken":  # an agreement names who carries it out
                self.ask_who(who, len(lines) - 1)
            if f.name == "afspraak":  # a conversation's agreement: who, and by when
                details[len(lines) - 1] = self.ask_agreement()

        lines = self.read_lines(
            f,
            so_far,
            one_item_per_line=True,
            keep=lambda ls: self.store(f, value(ls)),
            after=after,
        )
        return value(lines) if lines else None

    def say_open_agreements(self) -> None:
        """Before new agreements: the ones still open from earlier conversations."""
        from profcli.repository import conversations
        from profcli.repository.kinds import GESPREK

        still = [a for a in conversations.agreements(self.owner.of(GESPREK)) if not a.klaar]
        if not still:
            return
        say("  Nog open uit eerdere gesprekken (klaar? prof done GESPREK --afspraak NUMMER):")
        for a in still:
            when = f", deadline {clock.shown(a.deadline)}" if a.deadline else ""
            late = " (te laat)" if a.overdue(self.today) else ""
            say(f"  - {a.wat} ({a.wie}{when}){late} [{a.conversation.id} --afspraak {a.index + 1}]")

    def ask_agreement(self) -> dict[str, Any]:
        """Who carries out an agreement made in a conversation, and its deadline."""
        roles = ("werker", "leidinggevende", "team")
        wie = ask(
            "  Wie voert dit uit? (werker, leidinggevende of team; Enter: werker): ",
            lambda text: answers.choose(text, Choices(roles, frozenset(roles), "rol")),
            required=False,
        )
        due = Field("deadline", ("afspraken", "deadline"), "scalar", "date", "Deadline", "", False)
        deadline = ask(
            f"  Deadline (bijvoorbeeld 31-01-{self.today.year + 1}; Enter: geen): ",
            lambda text: answers.scalar(due, text, self.context()),
            required=False,
        )
        found: dict[str, Any] = {"wie": wie or "werker"}
        if deadline is not None:
            found["deadline"] = deadline
        return found

    def ask_who(self, who: dict[int, list[str]], index: int) -> None:
        """Who carries out agreement `index`: workers by number or name (Enter: nobody in
        particular); the participants are offered first."""
        workers = tuple(w.slug for w in self.repo.workers())
        present = [w for w in self.data.get("deelnemers", []) if w in workers]
        offered = tuple(dict.fromkeys([*present, *workers]))
        choices = Choices(offered, frozenset(workers), "werker")
        if not offered:
            return
        numbered(offered, self.labels(offered))
        wie = next(o for o in self.tpl.fields if o.name == "deelnemers")
        picked = ask(
            "  Wie voert dit uit? (nummers of namen, gescheiden door komma's; Enter: niemand "
            "in het bijzonder): ",
            lambda text: answers.items(wie, text, self.context(), choices),
            required=False,
        )
        if picked:
            who[index] = picked

    def ask_text(self, f: Field, existing: Any) -> str | None:
        so_far = str(existing).split("\n") if isinstance(existing, str) and existing else []
        say(f"  {MULTI_LINE}")
        if so_far:
            say("  Al getypt (typ verder, of geef een lege regel om het zo te laten):")
            for line in so_far:
                say(f"  | {line}")
        lines = self.read_lines(
            f, so_far, one_item_per_line=False, keep=lambda ls: self.store(f, "\n".join(ls))
        )
        return "\n".join(lines) if lines else None

    def read_lines(
        self,
        f: Field,
        so_far: list[str],
        *,
        one_item_per_line: bool,
        keep: Callable[[list[str]], None],
        after: Callable[[list[str]], None] | None = None,
    ) -> list[str]:
        """Lines until an empty one; on Ctrl-C `keep` puts the lines so far into the draft."""
        lines = list(so_far)
        first = label(f.title, [], required=f.required)
        pending = [ln for ln in self.refused.pop(f.name, "").split("\n") if ln.strip()]
        if pending:
            say("  Je eerdere tekst staat hieronder regel voor regel klaar; verbeter wat nodig is.")
        try:
            while True:
                raw = read(MORE if lines else first, pending.pop(0) if pending else "")
                if not raw.strip():
                    if lines or not f.required:
                        return lines
                    say(f"  {answers.REQUIRED}.")
                    continue
                try:
                    context = self.context()
                    if one_item_per_line:
                        lines.append(answers.line(f, raw.strip(), [], context))
                    else:
                        lines.append(answers.line(f, raw, lines, context))
                except AnswerRejected as e:
                    say(reason(e, "verbeter deze regel"))
                    pending.insert(0, raw)
                    continue
                if after is not None:
                    after(lines)
        except (click.Abort, KeyboardInterrupt):
            if lines != so_far:
                keep(lines)
            raise

    def ask_map(self, f: Field) -> None:
        """Scores per framework item: which items, then a score and a note for each."""
        choices = self.choices(f) or Choices((), frozenset())
        labels = self.labels(choices.offered)
        notes = [o for o in self.tpl.fields if o.path[0] == f.path[0] and o is not f]
        table: dict[str, Any] = dict(self.current_table(f))
        while True:
            left = tuple(i for i in choices.offered if i not in table)
            say("  Onderdelen van het kader:")
            numbered(left, labels)
            pick = Choices(left, choices.allowed, choices.what)

            def picking(text: str, pick: Choices = pick) -> list[str]:
                return answers.items(f, text, self.context(), pick)

            picked = ask(
                "Welke wil je scoren? (nummers of namen, gescheiden door komma's; "
                "Enter = allemaal): ",
                picking,
                required=False,
            )
            for item in picked or list(left):
                say(click.style(f"\n{labels.get(item, item)}", bold=True))
                value = ask(
                    f"  {f.title} ({f.minimum or 1:g} tot en met {f.maximum or 5:g}; "
                    "Enter slaat dit onderdeel over): ",
                    lambda text: answers.scalar(f, text, self.context()),
                    required=False,
                )
                if value is None:
                    continue
                table[item] = {f.key: value}
                self.store(f, dict(table))
                for note in notes:
                    say(f"  {note.title}: {MULTI_LINE[0].lower()}{MULTI_LINE[1:]}")

                    def keep(lines: list[str], item: str = item, key: str = note.key) -> None:
                        table[item][key] = "\n".join(lines)
                        self.store(f, dict(table))

                    lines = self.read_lines(note, [], one_item_per_line=False, keep=keep)
                    if lines:
                        keep(lines)
            if table or not f.required:
                return
            say("  Geef minstens één onderdeel een score.")

    def current_table(self, f: Field) -> Mapping[str, Any]:
        table = self.data.get(f.path[0])
        return table if isinstance(table, Mapping) else {}


class Refused(Exception):
    """A one-liner gave values that were refused (their fields' names)."""

    def __init__(self, fields: list[str]) -> None:
        super().__init__(", ".join(fields))
        self.fields = fields


def _typed(value: Any) -> str:
    """A list as it would be typed at its question: one item a line (texts, records) or
    separated by commas (ids)."""
    if isinstance(value, list):
        items = [str(v.get("wat", v)) if isinstance(v, Mapping) else str(v) for v in value]
        return "\n".join(items)
    return _shown(value)


def _shown(value: Any) -> str:
    """A value as it would have been typed."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def value_of(data: Mapping[str, Any], f: Field) -> Any:
    """The value a field has in `data` (for a map: the whole table), or None."""
    node: Any = data
    for part in f.path[:1] if f.shape == "map" else f.path:
        node = node.get(part) if isinstance(node, Mapping) else None
    return node


def given(tpl: Template, data: Mapping[str, Any]) -> set[str]:
    """Fields that already have a value (given as options): a new interview skips them."""
    return {f.name for f in tpl.fields if value_of(data, f) not in (None, "", [], {})}
