"""One question on the terminal: asked until the answer passes its check, with the reason
in one Dutch line each time it does not (the checks are in profcli.authoring.answers)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

import click

from profcli.authoring import answers
from profcli.authoring.answers import Choices
from profcli.errors import AnswerRejected

T = TypeVar("T")

OPTIONAL = "optioneel, Enter om over te slaan"
MULTI_LINE = "Meerdere regels mogen; een lege regel sluit af."
MORE = "  … "
"""The prompt for the next line of a longer text."""


def read(prompt: str) -> str:
    """One line from the person; Ctrl-C and Ctrl-D become click.Abort."""
    return click.prompt(prompt, default="", show_default=False, prompt_suffix="", err=True)


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
    prompt: str, parse: Callable[[str], T], *, required: bool, default: T | None = None
) -> T | None:
    """Ask until `parse` accepts the answer; Enter gives `default`, or None when optional."""
    while True:
        raw = read(prompt).strip()
        if not raw:
            if default is not None:
                return default
            if not required:
                return None
            say(f"  {answers.REQUIRED}.")
            continue
        try:
            return parse(raw)
        except AnswerRejected as e:
            say(reason(e))


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
