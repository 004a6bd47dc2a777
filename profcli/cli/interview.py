"""The questions `prof add` asks in a terminal, one field at a time: the terminal's side of
the road to a new entry (`profcli.authoring.road`, which checks, keeps drafts and saves).

Each answer is checked as it is typed (profcli.authoring.answers); a bad one gets one Dutch
line with the reason and the same question again. Required fields come first, in the schema's
order, then the optional ones, each skipped with Enter. Long texts take several lines and end
with an empty line. Choices and references are listed with numbers; a number or a name in any
case is accepted. Ctrl-C (or Ctrl-D) at any question keeps every answer so far, also the
lines of a text being typed, as a draft that `prof drafts --hervat NAAM` resumes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import click

from profcli import clock
from profcli.authoring import answers
from profcli.authoring.answers import Choices
from profcli.authoring.road import Values
from profcli.authoring.templates import Field, default_date
from profcli.cli.common import spoken
from profcli.cli.questions import (
    MORE,
    MULTI_LINE,
    ask,
    choose,
    label,
    numbered,
    read,
    reason,
    say,
    take,
)
from profcli.errors import AnswerRejected


class Terminal:
    """The person at the terminal, as the road's `Asker`: says, offers a typo's correction,
    and asks one field at a time. Ctrl-C or Ctrl-D becomes KeyboardInterrupt."""

    values: Values

    def say(self, line: str) -> None:
        say(line)

    def offer(self, option: str, rejected: AnswerRejected) -> str | None:
        say(f"{option}:")
        try:
            return take(rejected)
        except click.Abort:
            raise KeyboardInterrupt from None

    def ask(self, values: Values, f: Field) -> None:
        self.values = values
        try:
            self._ask(f)
        except click.Abort:
            raise KeyboardInterrupt from None

    def _ask(self, f: Field) -> None:
        say("")
        about = spoken(f.description)
        say(click.style(f.title, bold=True) + click.style(f" — {about}", dim=True))
        if f.shape == "map":
            self.ask_map(f)
            return
        choices = self.values.choices(f)
        existing = self.values.current(f)
        if f.type != "string" or f.shape != "scalar" or choices is not None:
            self.values.refused.pop(f.name, None)  # short values are typed anew, not corrected
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
                labels=None if f.enum else self.values.labels(choices.offered),
            )
        else:
            value = self.ask_scalar(f, existing)
        if value is not None and value != []:
            self.values.store(f, value)

    def ask_scalar(self, f: Field, existing: Any) -> Any:
        default = existing if existing is not None else default_date(f, self.values.today)
        shown = clock.shown(default) if isinstance(default, dt.date) else default
        if isinstance(default, bool):
            shown = "j" if default else "n"
        example = (
            "bijvoorbeeld 21-11-2026 of gisteren"
            if f.key in answers.NOT_IN_FUTURE
            else f"bijvoorbeeld 31-12-{self.values.today.year + 1} of vandaag"
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
            lambda text: answers.scalar(f, text, self.values.context()),
            required=f.required,
            default=default,
            again=self.values.refused.pop(f.name, "") if f.type == "string" else "",
            text=f.type == "string",
        )

    def ask_ids(self, f: Field, choices: Choices | None, existing: Any) -> list[str] | None:
        offered = choices.offered if choices else ()
        numbered(offered, self.values.labels(offered) if not f.enum else None)
        kind = "nummers of namen, " if offered else ""
        shown = ", ".join(existing) if isinstance(existing, list) else ""
        return ask(
            label(f.title, [f"{kind}gescheiden door komma's"], shown, required=f.required),
            lambda text: answers.items(f, text, self.values.context(), choices),
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
            keep=lambda ls: self.values.store(f, value(ls)),
            after=after,
        )
        return value(lines) if lines else None

    def say_open_agreements(self) -> None:
        """Before new agreements: the ones still open from earlier conversations."""
        from profcli.repository import conversations
        from profcli.repository.kinds import GESPREK

        still = [a for a in conversations.agreements(self.values.owner.of(GESPREK)) if not a.klaar]
        if not still:
            return
        say("  Nog open uit eerdere gesprekken (klaar? prof done GESPREK --afspraak NUMMER):")
        for a in still:
            when = f", deadline {clock.shown(a.deadline)}" if a.deadline else ""
            late = " (te laat)" if a.overdue(self.values.today) else ""
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
            f"  Deadline (bijvoorbeeld 31-01-{self.values.today.year + 1}; Enter: geen): ",
            lambda text: answers.scalar(due, text, self.values.context()),
            required=False,
        )
        found: dict[str, Any] = {"wie": wie or "werker"}
        if deadline is not None:
            found["deadline"] = deadline
        return found

    def ask_who(self, who: dict[int, list[str]], index: int) -> None:
        """Who carries out agreement `index`: workers by number or name (Enter: nobody in
        particular); the participants are offered first."""
        workers = tuple(w.slug for w in self.values.repo.workers())
        present = [w for w in self.values.data.get("deelnemers", []) if w in workers]
        offered = tuple(dict.fromkeys([*present, *workers]))
        choices = Choices(offered, frozenset(workers), "werker")
        if not offered:
            return
        numbered(offered, self.values.labels(offered))
        wie = next(o for o in self.values.tpl.fields if o.name == "deelnemers")
        picked = ask(
            "  Wie voert dit uit? (nummers of namen, gescheiden door komma's; Enter: niemand "
            "in het bijzonder): ",
            lambda text: answers.items(wie, text, self.values.context(), choices),
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
            f, so_far, one_item_per_line=False, keep=lambda ls: self.values.store(f, "\n".join(ls))
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
        pending = [ln for ln in self.values.refused.pop(f.name, "").split("\n") if ln.strip()]
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
                    context = self.values.context()
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
        except (click.Abort, KeyboardInterrupt) as e:
            partial = getattr(e, "partial", "")  # the line being typed at Ctrl-C
            if partial.strip():
                lines.append(partial.strip() if one_item_per_line else partial)
            if lines != so_far:
                keep(lines)
            raise

    def ask_map(self, f: Field) -> None:
        """Scores per framework item: which items, then a score and a note for each. Items
        whose given score was refused (`--score deskundigheid=6`) are asked again first, on
        their own; when that gives a score, nothing else is asked."""
        choices = self.values.choices(f) or Choices((), frozenset())
        labels = self.values.labels(choices.offered)
        table: dict[str, Any] = dict(self.current_table(f))
        again = self.values.again.pop(f.name, {})
        unknown = self.values.unknown.pop(f.name, [])
        for item, kept in again.items():
            self.score(f, item, labels, table, kept)
        if again and table and not unknown:
            return
        if unknown:
            say(f"  Niet in het kader: {', '.join(unknown)}; kies hieronder wat je bedoelde.")
        while True:
            left = tuple(i for i in choices.offered if i not in table)
            say("  Onderdelen van het kader:")
            numbered(left, labels)
            pick = Choices(left, choices.allowed, choices.what)

            def picking(text: str, pick: Choices = pick) -> list[str]:
                return answers.items(f, text, self.values.context(), pick)

            picked = ask(
                "Welke wil je scoren? (nummers of namen, gescheiden door komma's; "
                "Enter = allemaal): ",
                picking,
                required=False,
            )
            for item in picked or list(left):
                self.score(f, item, labels, table, {})
            if table or not f.required:
                return
            say("  Geef minstens één onderdeel een score.")

    def score(
        self,
        f: Field,
        item: str,
        labels: Mapping[str, str],
        table: dict[str, Any],
        kept: Mapping[str, Any],
    ) -> None:
        """A score for one item, then its notes (those `kept` from before are not asked)."""
        say(click.style(f"\n{labels.get(item, item)}", bold=True))
        value = ask(
            f"  {f.title} ({f.minimum or 1:g} tot en met {f.maximum or 5:g}; "
            "Enter slaat dit onderdeel over): ",
            lambda text: answers.scalar(f, text, self.values.context()),
            required=False,
        )
        if value is None:
            return
        table[item] = {**kept, f.key: value}
        self.values.store(f, dict(table))
        for note in self.values.tpl.fields:
            if note.path[0] != f.path[0] or note is f or note.key in kept:
                continue
            say(f"  {note.title}: {MULTI_LINE[0].lower()}{MULTI_LINE[1:]}")

            def keep(lines: list[str], key: str = note.key) -> None:
                table[item][key] = "\n".join(lines)
                self.values.store(f, dict(table))

            lines = self.read_lines(note, [], one_item_per_line=False, keep=keep)
            if lines:
                keep(lines)

    def current_table(self, f: Field) -> Mapping[str, Any]:
        table = self.values.data.get(f.path[0])
        return table if isinstance(table, Mapping) else {}
