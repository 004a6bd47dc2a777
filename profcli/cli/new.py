"""`prof new`: a worker's portfolio, with only the name required."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from profcli import resources
from profcli.authoring import adding as authoring
from profcli.cli.asking import load
from profcli.cli.common import Choice, Invocation, as_id, one_of, spoken
from profcli.cli.completion import DATE, slugs
from profcli.errors import InvalidContent, WriteRefused
from profcli.repository import writing
from profcli.repository.discovery import PROFILES_DIR
from profcli.repository.kinds import PROFILE, TEAM, WERKER
from profcli.repository.model import Repository

_PROPS = resources.schema("profiel")["properties"]
_REG = _PROPS["registratie"]["properties"]


def _describe(prop: dict[str, Any]) -> str:
    return f"{prop.get('title', '')}: {spoken(prop.get('description', ''))}"


@click.command()
@click.argument("naam", required=False)
@click.option(
    "--team",
    shell_complete=slugs(TEAM),
    help="Slug van het team; mag weg als de repository één team heeft.",
)
@click.option(
    "--slug", help="Mapnaam (standaard gemaakt uit de naam: Éva van den Berg → eva-van-den-berg)."
)
@click.option("--functie", help=_describe(_PROPS["functie"]))
@click.option("--fase", type=Choice(_PROPS["fase"]["enum"]), help=_describe(_PROPS["fase"]))
@click.option("--register", metavar="REGISTER", help=_describe(_REG["register"]))
@click.option("--kamer", metavar="KAMER", help=_describe(_REG["kamer"]))
@click.option("--nummer", help=_describe(_REG["nummer"]))
@click.option("--cyclus-start", type=DATE, help=_describe(_REG["cyclus_start"]))
@click.option(
    "--expertise", multiple=True, help=_describe(_PROPS["expertise"]) + " Herhaal de optie."
)
@click.pass_obj
def new(
    obj: Invocation,
    naam: str | None,
    team: str | None,
    slug: str | None,
    functie: str | None,
    fase: str | None,
    register: str | None,
    kamer: str | None,
    nummer: str | None,
    cyclus_start: dt.date | None,
    expertise: tuple[str, ...],
) -> None:
    """Maak het portfolio van een werker: profielen/<slug>/profiel.toml.

    Alleen de naam is nodig; de rest kun je later aanvullen in profiel.toml. Zonder naam
    vraagt prof in een terminal je naam en je registratie (register, nummer, start van de
    periode). Zet daarna `export PROF_PROFIEL=<slug>` in je shell, dan weet `prof add` waar
    je stukken horen.

    \b
    Voorbeelden:
      prof new                         vraagt naam en registratie
      prof new "Éva van den Berg"
      prof new "Anna de Vries" --functie "Sociaal werker" --fase vakbekwaam \\
        --register registerplein --kamer sociaal-werker --nummer 4610123456 \\
        --cyclus-start 2024-01-01 --expertise schulden
    """
    root = obj.root()
    repo = load(root)
    if naam is None:
        if not stdin_is_tty():
            raise click.UsageError('geef de naam van de werker: prof new "Voornaam Achternaam"')
        naam, register, kamer, nummer, cyclus_start = _ask(repo, obj.today(repo))
    naam = " ".join(naam.split())
    slug = slug or writing.slugify(naam)
    if not slug or writing.slugify(slug) != slug:
        raise click.BadParameter(
            "maak een slug van kleine letters, cijfers en streepjes", param_hint="--slug"
        )
    teams = [t.slug for t in repo.teams()]
    if team is None:
        if len(teams) != 1:
            raise click.UsageError(
                f"welk team? Geef --team SLUG (bekend: {', '.join(teams) or 'geen'})"
            )
        team = teams[0]
    else:
        names = {t.slug: t.naam for t in repo.teams()}
        team = one_of("--team", team, teams, "team", names)
    if register is not None:
        register = one_of("--register", register, repo.registers.names(), "register")
        if kamer is not None:
            kamer = one_of("--kamer", kamer, repo.registers.kamers(register), "kamer")
    expertise = tuple(as_id("--expertise", e) for e in expertise)
    if (register is None) != (cyclus_start is None):
        raise click.UsageError("--register en --cyclus-start horen bij elkaar: geef ze allebei")
    folder = root / PROFILES_DIR / slug
    if folder.exists():
        raise WriteRefused(
            f"niet gemaakt: {authoring.display(root, folder)} bestaat al. Kies een andere "
            "naam met --slug."
        )
    data: dict[str, Any] = {
        "naam": naam,
        "soort": WERKER.value,
        "functie": functie,
        "team": team,
        "fase": fase,
        "expertise": list(dict.fromkeys(expertise)) or None,
    }
    if register:
        data["registratie"] = {
            "register": register,
            "kamer": kamer,
            "nummer": nummer,
            "cyclus_start": cyclus_start,
        }
        data["registratie"] = {k: v for k, v in data["registratie"].items() if v is not None}
    data = {k: v for k, v in data.items() if v is not None}
    text = authoring.entry_text(root, folder / "profiel.toml", PROFILE, data)
    result = authoring.check(root, folder / "profiel.toml", text)
    for finding in result.sorted():  # the file is not written: the message names the field
        click.echo(f"{finding.severity}: {finding.message}", err=True)
    if not result.ok:
        raise InvalidContent("niet gemaakt: het profiel is niet in orde.")
    try:
        path = writing.create(folder, "profiel", text, rename=False)
    except WriteRefused as e:
        raise WriteRefused(f"niet gemaakt: {e}") from e
    click.echo(f"Portfolio gemaakt: {authoring.display(root, path)}")
    obj.record(root, [path], f"prof: portfolio {slug} aangemaakt")
    click.echo(
        f"Tip: export PROF_PROFIEL={slug}   (zet die regel in ~/.bashrc, dan geldt hij ook in "
        "een nieuwe terminal)"
    )


def stdin_is_tty() -> bool:
    """Whether a person can answer (tests replace this)."""
    import sys

    return sys.stdin.isatty()


def _ask(
    repo: Repository, today: dt.date
) -> tuple[str, str | None, str | None, str | None, dt.date | None]:
    """Name and registration asked in the terminal, each checked as typed."""
    from profcli import clock
    from profcli.authoring.answers import Choices
    from profcli.cli.questions import ask, choose, say
    from profcli.errors import AnswerRejected

    def name(text: str) -> str:
        if not writing.slugify(text):
            raise AnswerRejected("typ een naam met letters, bijvoorbeeld Anna de Vries")
        return text

    def day(text: str) -> dt.date:
        try:
            found = clock.read_day(text, today)
        except ValueError as e:
            raise AnswerRejected(str(e)) from e
        if found > today:
            raise AnswerRejected("die dag moet nog komen; de periode is al begonnen")
        return found

    naam = ask("Je naam (voornaam en achternaam): ", name, required=True)
    assert naam is not None
    say("\nIn welk register sta je? (Enter: in geen register; dat kun je later aanvullen)")
    registers = tuple(repo.registers.names())
    register = choose("Register", Choices(registers, frozenset(registers)), required=False)
    if register is None:
        return naam, None, None, None, None
    kamers = tuple(repo.registers.kamers(register))
    kamer = (
        choose("Kamer of deelregister", Choices(kamers, frozenset(kamers)), required=False)
        if kamers
        else None
    )
    nummer = ask(
        "Registratienummer (optioneel, Enter om over te slaan): ", str.strip, required=False
    )
    start = ask(
        "Eerste dag van je registratieperiode (bijvoorbeeld 01-01-2025; op je registratiebewijs): ",
        day,
        required=True,
    )
    return naam, register, kamer, nummer or None, start
