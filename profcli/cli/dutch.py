"""Click's own texts in Dutch (Usage, Options, Aborted!, Did you mean, ...).

Click marks its messages for gettext (`from gettext import gettext as _` in each module) and
looks them up when it prints them. profcli speaks Dutch whatever the machine's locale, so the
CLI edge gives Click's modules a lookup in this catalogue instead of the system's. A message
that is not listed stays as Click wrote it (a newer Click may add some): that is visible in
`tests/test_cli_dutch.py`, which fails on any English text in the help of every command.
"""

from __future__ import annotations

import importlib
import sys

MESSAGES: dict[str, str] = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Aborted!": "Afgebroken.",
    "Error: {message}": "fout: {message}",
    "Try '{command} {option}' for help.": "Hulp: '{command} {option}'.",
    "Invalid value for {param_hint}: {message}": "ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "ongeldige waarde: {message}",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende waarde",
    "Missing parameter: {param_name}": "Ontbrekende waarde: {param_name}",
    "Missing {param_type}": "{param_type} ontbreekt",
    "Missing command.": "Geef een opdracht.",
    "No such command {name!r}.": "opdracht {name!r} bestaat niet; zie `prof --help`.",
    "No such option {name!r}.": "optie {name!r} bestaat niet.",
    "No such option: {name}": "optie bestaat niet: {name}",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Error: The two entered values do not match.": "fout: de twee waarden zijn niet gelijk.",
    "Error: invalid input": "fout: ongeldige invoer",
    "Do you want to continue?": "Wil je doorgaan?",
    "Press any key to continue...": "Druk op een toets om door te gaan...",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "required": "verplicht",
    "deprecated": "verouderd",
    "(dynamic)": "(dynamisch)",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "Could not open file {filename!r}: {message}": "Kan {filename!r} niet openen: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{value} is not in the range {range}.": "{value} ligt niet binnen {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} is geen ja/nee-waarde. Mogelijk: {states}"
    ),
    "{editor}: Editing failed": "{editor}: bewerken mislukt",
    "{editor}: Editing failed: {e}": "{editor}: bewerken mislukt: {e}",
    "Value must be an iterable.": "Geef een lijst.",
    "unknown error": "onbekende fout",
}

PLURALS: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})": (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    "Did you mean {possibility}?": (
        "Bedoel je {possibility}?",
        "(Bedoel je een van: {possibilities}?)",
    ),
    "Option {name!r} requires an argument.": (
        "Optie {name!r} heeft een waarde nodig.",
        "Optie {name!r} heeft {nargs} waarden nodig.",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} is niet {choice}.",
        "{value!r} is geen van {choices}.",
    ),
    "{value!r} does not match the format {format}.": (
        "{value!r} past niet bij de vorm {format}.",
        "{value!r} past niet bij de vormen {formats}.",
    ),
    "Takes {nargs} values but 1 was given.": (
        "Neemt {nargs} waarden, maar kreeg er 1.",
        "Neemt {nargs} waarden, maar kreeg er {len}.",
    ),
}

_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
    "click.shell_completion",
    "click._termui_impl",
)


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    found = PLURALS.get(singular)
    if found is None:
        return singular if n == 1 else plural
    return found[0] if n == 1 else found[1]


OPTIONS_METAVAR = "[OPTIES]"
SUBCOMMAND_METAVAR = "OPDRACHT [ARGUMENTEN]..."


METAVARS: dict[str, str] = {
    "TEXT": "TEKST",
    "INTEGER": "GETAL",
    "FLOAT": "GETAL",
    "BOOLEAN": "JA/NEE",
    "DIRECTORY": "MAP",
    "FILE": "BESTAND",
    "FILENAME": "BESTAND",
    "PATH": "PAD",
    "PATHS": "PADEN",
}
"""Click's English placeholders (from an option's type or an argument's name) in Dutch."""


def localise(command: object) -> None:
    """Dutch placeholders in a command's usage line and options (and its subcommands')."""
    if hasattr(command, "options_metavar"):
        command.options_metavar = OPTIONS_METAVAR
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = SUBCOMMAND_METAVAR
    for param in getattr(command, "params", ()):
        if getattr(param, "metavar", "") is not None or getattr(param, "is_flag", False):
            continue
        if param.param_type_name == "argument":
            dutch = METAVARS.get(str(param.name).upper())
            if dutch is not None:  # Click decorates only a metavar it makes itself
                dutch = dutch if param.required else f"[{dutch}]"
                param.metavar = dutch if param.nargs == 1 else f"{dutch}..."
        elif type(param.type).__name__ != "Choice":  # a choice shows as [a|b|c]
            param.metavar = METAVARS.get(str(param.type.name).upper())
    for sub in getattr(command, "commands", {}).values():
        localise(sub)


def install(*, lazy: tuple[str, ...] = ()) -> None:
    """Make Click's modules look their texts up here. Idempotent; only the CLI calls it.

    Only modules already imported are patched, so `prof validate` pays no extra import; a
    command that is about to use a lazily imported one (the editor) names it in `lazy`."""
    for name in _MODULES:
        if name in lazy:
            importlib.import_module(name)
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
