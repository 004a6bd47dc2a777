"""`prof approve ID`: a team lead's approval of one entry, as an SSH-signed commit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from profcli.cli.common import Invocation
from profcli.cli.picking import id_argument, locate, profile_option
from profcli.errors import InvalidContent, WriteRefused
from profcli.repository.kinds import ACTIVITEIT, FEEDBACK, GESPREK, LEERDOEL, REFLECTIE, ZELFTOETS

APPROVABLE = (GESPREK, LEERDOEL, REFLECTIE, ACTIVITEIT, ZELFTOETS, FEEDBACK)

MAKE_KEY = """\
Zo stel je het eenmalig in:
  1. Maak een sleutel, als je er nog geen hebt in ~/.ssh:
       ssh-keygen -t ed25519 -C "naam@laptop"
  2. Vertel git dat het daarmee ondertekent:
       git config --global gpg.format ssh
       git config --global user.signingkey ~/.ssh/id_ed25519.pub
  3. Zet je publieke sleutel (de regel uit ~/.ssh/id_ed25519.pub) bij je naam in
     {profile}, leg het vast en deel het (prof sync):
       [[leidinggevenden]]
       naam = "Je Naam"
       sleutels = ["ssh-ed25519 AAAA... naam@laptop"]
"""

LIST_KEY = """\
Zet je sleutel bij je naam in {profile}, leg het vast en deel het (prof sync):
  [[leidinggevenden]]
  naam = "{name}"
  sleutels = ["{line}"]
"""

TRUST = (
    "De allereerste sleutels van een team worden vertrouwd zodra ze zijn vastgelegd (de site "
    "noemt ze in het colofon, zodat het team ze kan nakijken). Een sleutel die later bijkomt, "
    "telt pas als een leidinggevende met een vertrouwde sleutel die wijziging ondertekend "
    "vastlegt (git commit -S)."
)


@click.command(short_help="Geef als leidinggevende akkoord op een stuk, ondertekend.")
@id_argument(*(k.name for k in APPROVABLE))
@profile_option
@click.option(
    "--opmerking",
    metavar="TEKST",
    default="",
    help="Wat je bij je akkoord wilt zeggen (zonder gegevens van cliënten).",
)
@click.pass_obj
def approve(obj: Invocation, ident: str, profiel: str | None, opmerking: str) -> None:
    """Geef als leidinggevende akkoord op één stuk van een werker: een gesprek, leerdoel,
    reflectie, activiteit, zelftoets of feedback.

    prof schrijft het akkoord in akkoorden/ van de werker, met een vingerafdruk van het stuk
    zoals het nu is, en legt het vast in een commit die git met jouw SSH-sleutel ondertekent.
    Iedereen kan het daarna controleren: prof validate kijkt in de git-geschiedenis of de
    sleutel bij een leidinggevende van het team van de werker hoort, en zegt het als het stuk
    na je akkoord is veranderd. Een akkoord op je eigen werk telt nooit.

    De eerste keer heb je een SSH-sleutel nodig die git gebruikt om te ondertekenen, en
    die bij je naam in het teamprofiel staat; prof approve zegt stap voor stap hoe.

    \b
    Voorbeelden:
      prof approve 2026-11-12-jaargesprek --profiel eva-de-wit
      prof approve omgaan-met-agressie --opmerking "Mooi concreet gemaakt."
    """
    from profcli.authoring import adding as authoring
    from profcli.authoring.approving import approval
    from profcli.git import signing
    from profcli.git.record import GitFailed, work_tree
    from profcli.repository import approvals as approved
    from profcli.repository import writing
    from profcli.repository.history import keys_in
    from profcli.repository.loader import load

    root, source = locate(obj, ident, profiel, APPROVABLE)
    top = work_tree(root)
    if top is None:
        raise InvalidContent(
            "een akkoord wordt ondertekend vastgelegd in git, en deze map is geen "
            "git-repository; er is niets geschreven"
        )
    repo = load(root).repository
    worker = repo.portfolios.get(source.profile)
    entry = worker.entries.get(source.kind.name, {}).get(source.stem) if worker else None
    team = repo.team_of(worker) if worker else None
    if worker is None or entry is None or worker.soort != "werker":
        raise InvalidContent(
            f"{source.display} is geen stuk van een werker; akkoord geef je op het werk van "
            "een werker"
        )
    if not entry.valid:
        raise InvalidContent(
            f"{source.display} klopt nog niet (zie `prof validate`); geef akkoord als de "
            "werker het verbeterd heeft"
        )
    if team is None:
        raise InvalidContent(f"`{worker.slug}` hoort bij geen team, dus bij geen leidinggevende")
    profile = f"profielen/{team.slug}/profiel.toml"
    try:
        key = signing.signing_key(top)
    except signing.NoSigningKey as e:
        raise InvalidContent(
            f"{e}; er is niets geschreven.\n\n" + MAKE_KEY.format(profile=profile) + TRUST
        ) from e
    except GitFailed as e:
        raise InvalidContent(f"git is niet te gebruiken ({e}); er is niets geschreven") from e
    if _dirty(top, source.path):
        raise InvalidContent(
            f"{source.display} heeft wijzigingen die nog niet zijn vastgelegd; geef akkoord op "
            "wat de werker heeft gedeeld (haal het op met `prof sync`), niet op een tussenstand"
        )
    found = approved.approvals(repo)
    read = found.history
    if read.missing is not None:
        from profcli.validation.approvals import MISSING

        raise InvalidContent(
            f"prof kan je sleutel niet nakijken: {MISSING.get(read.missing, read.missing)}; "
            "er is niets geschreven"
        )
    own = {**read.own.get(worker.slug, {})}
    if worker.profile is not None:
        own.update({k.fingerprint: k.line for k in keys_in(worker.profile.data)})
    leads = read.trusted.get(team.slug, {})
    lead = leads.get(key.fingerprint)
    if key.fingerprint in own or (lead is not None and lead == worker.naam):
        raise InvalidContent(
            f"je ondertekent met {key.fingerprint}, en die sleutel hoort bij {worker.naam} "
            "zelf: een akkoord op je eigen werk telt niet. Vraag je leidinggevende om akkoord."
        )
    if lead is None:
        listed = (
            key.fingerprint in {k.fingerprint for k in keys_in(team.profile.data)}
            if team.profile
            else False
        )
        waiting = listed and _dirty(top, root / profile)
        why = (
            "hij staat in het teamprofiel, maar dat is nog niet vastgelegd: doe eerst prof sync"
            if waiting
            else "hij staat in het teamprofiel, maar die wijziging is niet ondertekend door een "
            "sleutel die het team al vertrouwde"
            if listed
            else f"hij staat niet bij de leidinggevenden in {profile}"
        )
        raise InvalidContent(
            f"je sleutel ({key.fingerprint}) telt niet voor team {team.naam}: {why}; er is "
            "niets geschreven.\n\n"
            + ("" if listed else LIST_KEY.format(profile=profile, line=key.line, name=_name(top)))
            + TRUST
        )
    current = found.of(entry)
    if current is not None and current.holds and current.lead == lead:
        click.echo(
            f"{lead} gaf al akkoord op {source.display} ({_day(current.day)}); niets gewijzigd."
        )
        return
    day = obj.today(repo)
    path, text = approval(root, entry, lead, day, opmerking)
    result = authoring.check(root, path, text, today=day)
    problems = [f for f in result.sorted() if not f.rule.startswith("akkoord-")]
    for finding in problems:
        click.echo(finding.text(), err=True)
    if any(f.severity == "fout" for f in problems):
        raise InvalidContent("niet vastgelegd: verbeter eerst wat hierboven staat (je opmerking?)")
    before = path.read_bytes() if path.exists() else None
    writing.replace(path, text)
    relative = path.resolve().relative_to(top.resolve()).as_posix()
    what = f"{source.kind.name} {source.stem} van {worker.naam}"
    reason = signing.commit_signed(top, relative, f"prof: akkoord op {what} ({lead})")
    if reason is not None:
        if before is None:
            path.unlink(missing_ok=True)
        else:
            writing.replace(path, before)
        raise WriteRefused(
            "git kon het akkoord niet ondertekend vastleggen; er is niets veranderd. "
            f"Git meldt:{reason}"
        )
    click.echo(
        f"Akkoord vastgelegd: {what}, ondertekend door {lead} ({key.fingerprint}).\n"
        "Deel het met `prof sync`; prof validate en de site laten het zien als ondertekend."
    )


def _name(top: Path) -> str:
    """The name git knows her by (`user.name`), for the lines she is to paste."""
    from profcli.git.record import git

    return git(top, "config", "--get", "user.name").stdout.strip().replace('"', "") or "Je Naam"


def _dirty(top: Path, path: Path) -> bool:
    """The entry differs from what git has (or git does not have it yet)."""
    from profcli.git.record import git

    done = git(top, "status", "--porcelain", "--", str(path.resolve().relative_to(top.resolve())))
    return bool(done.stdout.strip())


def _day(day: dt.date | None) -> str:
    from profcli import clock

    return clock.shown(day) if day else "eerder"
