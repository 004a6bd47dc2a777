"""One question on the terminal: asked until the answer passes its check, with the reason
in one Dutch line each time it does not (the checks are in profcli.authoring.answers)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import click

from profcli.authoring import answers
from profcli.authoring.answers import Choices
from profcli.authoring.road import read_notes
from profcli.errors import AnswerRejected

T = TypeVar("T")

OPTIONAL = "optioneel, Enter om over te slaan"
MULTI_LINE = "Meerdere regels mogen; een lege regel sluit af."
MORE = "  … "
"""The prompt for the next line of a longer text."""


def read(prompt: str, again: str = "") -> str:
    """One line from the person; Ctrl-C and Ctrl-D become click.Abort.

    `again` is a text the person typed before and prof refused: it stands on the line, ready
    to be corrected (readline's startup hook), so that a refused name means changing a word,
    not typing the sentence anew. Where readline is missing it is shown above the line."""
    hook = _prefill(again) if again else None
    try:
        if sys.stdin.isatty() and sys.stdout.isatty():
            return _edited(prompt)
        return click.prompt(prompt, default="", show_default=False, prompt_suffix="", err=True)
    finally:
        if hook is not None:
            hook.set_startup_hook()


def _edited(prompt: str) -> str:
    """A line with the terminal's line editing (arrows, Ctrl-A, the text put back).

    click.prompt(err=True) points sys.stdout at stderr while it reads, and Python's input()
    uses readline only when sys.stdout is the terminal's own stdout: so no prompt of prof
    could be edited (an arrow key typed ^[[D). Only with both on the terminal, input() gets
    the question itself, so that readline knows where the answer starts (Ctrl-A, a text put
    back on the line); it is the same screen either way."""
    try:
        import readline  # loaded, input() edits the line
    except ImportError:
        readline = None  # type: ignore[assignment]
    try:
        return input(prompt)
    except KeyboardInterrupt:
        # readline keeps the line being typed when Ctrl-C comes: it goes into the draft too
        partial = readline.get_line_buffer() if readline is not None else ""
        raise Stopped(partial) from None
    except EOFError:
        raise Stopped() from None


class Stopped(click.Abort):
    """Ctrl-C or Ctrl-D at a question, with the text typed on the line so far (if any)."""

    def __init__(self, partial: str = "") -> None:
        super().__init__()
        self.partial = partial


def _prefill(text: str) -> Any:
    try:
        import readline
    except ImportError:  # Windows without pyreadline: show it to copy from
        say(f"  Je schreef: {text}")
        return None
    readline.set_startup_hook(lambda: readline.insert_text(text))
    return readline


def say(text: str) -> None:
    click.echo(text, err=True)


def label(title: str, notes: list[str], default: str = "", *, required: bool = True) -> str:
    """`Uren (meer dan 0 tot en met 24; optioneel, Enter om over te slaan) [1,5]: `."""
    if not required and not default:
        notes = [*notes, OPTIONAL]
    text = f"{title} ({'; '.join(notes)})" if notes else title
    return f"{text} [{default}]: " if default else f"{text}: "


def reason(e: AnswerRejected, then: str = "") -> str:
    """The reason as an indented sentence, optionally followed by what to do now."""
    text = str(e).removesuffix(".")
    if then:
        return f"  {text}; {then}."
    return f"  {text}" if text.endswith(("?", "!")) else f"  {text}."


def ask(
    prompt: str,
    parse: Callable[[str], T],
    *,
    required: bool,
    default: T | None = None,
    again: str = "",
    text: bool = False,
) -> T | None:
    """Ask until `parse` accepts the answer; Enter gives `default`, or None when optional.

    A rejected answer with one clear candidate offers it ("bedoelde je `bezig`? [J/n]"):
    Enter or j takes it, n asks the question again. A rejected `text` is put back on the
    line to be corrected (`again`: also a value refused before the question); a date or a
    number is typed anew. What prof
    made of an answer that it read generously (case, accents, spaces) is said in one line."""
    pending: str | None = None
    while True:
        raw = pending if pending is not None else read(prompt, again).strip()
        pending, again = None, ""
        if not raw:
            if default is not None:
                return default
            if not required:
                return None
            say(f"  {answers.REQUIRED}.")
            continue
        try:
            value = parse(raw)
        except AnswerRejected as e:
            if e.suggestion is not None:
                pending = take(e)
            else:
                say(reason(e))
                again = raw if text else ""
            continue
        for line in read_notes(raw, value):
            say(f"  {line}.")
        return value


def take(e: AnswerRejected) -> str | None:
    """Offer the suggestion in `e`. Enter or j takes it (returned), n declines (None, the
    question comes again); anything else is a new answer to the question (returned)."""
    question = str(e).rstrip("?").rstrip()
    reply = read(f"  {question}? [J/n]: ").strip()
    if reply.lower() in ("", "j", "ja", "y", "yes"):
        return e.suggestion
    if reply.lower() in ("n", "nee", "no"):
        return None
    return reply


def choose(
    title: str,
    choices: Choices,
    *,
    required: bool = True,
    default: str = "",
    labels: Mapping[str, str] | None = None,
) -> str | None:
    """A numbered list, then a number or a name."""
    numbered(choices.offered, labels)
    return ask(
        label(title, ["nummer of naam"], default, required=required),
        lambda text: answers.choose(text, choices),
        required=required,
        default=default or None,
    )


def numbered(options: tuple[str, ...], labels: Mapping[str, str] | None = None) -> None:
    for number, option in enumerate(options, 1):
        label = (labels or {}).get(option, "")
        say(f"  {number:>2}. {option}" + (f" ({label})" if label and label != option else ""))
