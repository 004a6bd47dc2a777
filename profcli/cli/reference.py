"""The Dutch command reference (docs/opdrachten.md), made from the commands' own `--help`.

Each section is the exact output of `prof <opdracht> --help` at a fixed width, through the
same Click formatter and Dutch catalogue as in a terminal, so the reference cannot say
something the CLI does not. Regenerate after changing a command:

    python3 -m profcli.cli.reference docs/opdrachten.md

`tests/test_reference.py` fails while the committed file differs, and compares the help of
every command with its golden file in `tests/golden/help/`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

WIDTH = 80
"""Terminal width for the reference and the golden help files (a `--help` never depends on
the terminal it happens to run in)."""

REGENERATE = "python3 -m profcli.cli.reference docs/opdrachten.md"


def command_paths() -> list[tuple[str, ...]]:
    """`()` for `prof` itself, then every command and subcommand, in the order of `--help`."""
    from profcli.cli import main

    found: list[tuple[str, ...]] = [()]
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        found.append((name,))
        if isinstance(command, click.Group):
            sub_ctx = click.Context(command, parent=ctx, info_name=name)
            found.extend((name, sub) for sub in command.list_commands(sub_ctx))
    return found


def help_text(words: tuple[str, ...]) -> str:
    """What `prof <words> --help` prints in a terminal WIDTH columns wide."""
    from profcli.cli import main

    result = CliRunner().invoke(
        main, [*words, "--help"], prog_name="prof", terminal_width=WIDTH, env={"COLUMNS": None}
    )
    if result.exit_code != 0:
        raise RuntimeError(f"prof {' '.join(words)} --help: exit {result.exit_code}")
    return result.output


def golden_name(words: tuple[str, ...]) -> str:
    """The golden file of a command: `prof.txt`, `validate.txt`, `add-reflectie.txt`."""
    return "-".join(words or ("prof",)) + ".txt"


def markdown() -> str:
    paths = command_paths()
    lines = [
        "# Opdrachten van `prof`",
        "",
        "Alle opdrachten met hun opties, precies zoals `prof <opdracht> --help` ze toont.",
        "Deze pagina is gemaakt uit de hulpteksten zelf en wordt niet met de hand bewerkt;",
        f"na een wijziging aan een opdracht: `{REGENERATE}`.",
        "",
        "Begin je net? Lees dan eerst [De eerste tien minuten](eerste-tien-minuten.md).",
        "",
    ]
    for words in paths:
        title = " ".join(("prof", *words))
        lines.append(f"- [`{title}`](#{_anchor(title)})")
    for words in paths:
        title = " ".join(("prof", *words))
        lines += ["", f"## {title}", "", "```text", help_text(words).rstrip("\n"), "```"]
    return "\n".join(lines) + "\n"


def _anchor(title: str) -> str:
    """The heading id MkDocs and GitHub give `## prof add reflectie`."""
    return title.lower().replace(" ", "-")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = markdown()
    if not args:
        sys.stdout.write(text)
        return 0
    target = Path(args[0])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
