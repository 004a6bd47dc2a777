"""`prof edit ID`: change an entry in the editor, or set fields with `--zet`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from profcli.cli.common import HOW_TO_CHOOSE, Invocation, chosen_editor, edit_file
from profcli.cli.picking import id_argument, locate, profile_option, read, today
from profcli.errors import AnswerRejected, BadChange, InvalidContent, WriteRefused
from profcli.findings import Finding
from profcli.repository.discovery import Source


@click.command(short_help="Wijzig een stuk, in je editor of met --zet.")
@id_argument()
@profile_option
@click.option(
    "--zet",
    multiple=True,
    metavar="SLEUTEL=WAARDE",
    help="Zet één veld zonder editor, bijvoorbeeld status=bezig of deadline=31-12-2026 "
    "(een tabel: starr.situatie=...; leeg laten haalt het veld weg). Herhaal de optie.",
)
@click.pass_obj
def edit(obj: Invocation, ident: str, profiel: str | None, zet: tuple[str, ...]) -> None:
    """Wijzig een stuk in je editor ($VISUAL/$EDITOR); je opmerkingen en opmaak blijven staan.

    Na het opslaan controleert prof het stuk zoals `prof validate` dat doet. Klopt het niet,
    dan blijft het bestand zoals het was en staat jouw versie als concept klaar: ga verder
    met `prof drafts --hervat NAAM`.

    \b
    Voorbeelden:
      prof edit grenzen-stellen-bij-huisbezoeken
      prof edit grenzen-stellen-bij-huisbezoeken --zet status=bezig --zet deadline=31-12-2026
      EDITOR="code --wait" prof edit 2026-04-21-schaamte-over-schulden
    """
    # Imported here: shell completion imports this module and must stay fast.
    from profcli.authoring import adding as authoring
    from profcli.authoring import changes, drafts

    root, source = locate(obj, ident, profiel)
    original = read(source)
    if zet:
        said: list[str] = []
        day = today(obj, root)
        new = _set(original, source, list(zet), day, said)
        for line in said:
            click.echo(f"--zet {line}.", err=True)
        try:
            apply(obj, root, source, original, new, None)
        except InvalidContent as e:  # nothing written; what was given is kept, not dropped
            kept = drafts.save_edit(root, source, new)
            raise InvalidContent(
                f"{e} Je wijziging staat in {authoring.display(root, kept)}.\n"
                f"Verbeter het en ga verder met: prof drafts --hervat {kept.stem}"
            ) from e
        return
    if chosen_editor() is None:
        raise WriteRefused(
            f"er is geen editor ingesteld (EDITOR) en nano is er niet; er is niets gewijzigd. "
            f"{HOW_TO_CHOOSE[0].upper()}{HOW_TO_CHOOSE[1:]}. Eén veld wijzig je ook zonder "
            f"editor: prof edit {ident} --zet SLEUTEL=WAARDE"
        )
    draft = drafts.save_edit(root, source, original)
    open_editor(root, draft, fresh=True)
    new = drafts.entry_text(root, source, changes.read_exact(draft))
    apply(obj, root, source, original, new, draft)


def stdin_is_tty() -> bool:
    """Whether a person can answer (tests replace this)."""
    return sys.stdin.isatty()


def _set(original: str, source: Source, zet: list[str], day: dt.date, said: list[str]) -> str:
    """The `--zet` values written into the text; a typo in one is offered in a terminal as
    at a question of `prof add` ("bedoelde je ...? [J/n]"), else it is an error that names
    the suggestion."""
    from profcli.authoring import changes
    from profcli.cli.questions import say, take

    while True:
        try:
            return changes.set_fields(original, source.display, source.kind, zet, day, said)
        except BadChange as e:
            if e.suggestion is None or e.assignment is None or not stdin_is_tty():
                raise
            say("--zet:")
            again = take(AnswerRejected(str(e), e.suggestion))
            if again is None:
                raise
            zet[e.assignment] = changes.corrected(zet[e.assignment], e.typed, again)


def open_editor(root: Path, draft: Path, *, fresh: bool) -> None:
    """$VISUAL/$EDITOR on the draft. If it fails before anything was saved to a `fresh` draft,
    the draft goes: it would only be a copy of the entry."""
    from profcli.authoring import adding as authoring
    from profcli.authoring import changes
    from profcli.cli import dutch
    from profcli.cli.common import NoEditor

    dutch.install(lazy=("click._termui_impl",))
    before = changes.read_exact(draft)
    try:
        edit_file(draft)
    except NoEditor as e:
        raise WriteRefused(
            f"{e.format_message()}. Je concept staat in {authoring.display(root, draft)}; of "
            f"bewaar het zoals het is: prof drafts --hervat {draft.stem} --zonder-editor"
        ) from e
    except click.ClickException as e:
        problem = f"de editor gaf een fout ({e.format_message()})"
        if fresh and changes.read_exact(draft) == before:
            draft.unlink(missing_ok=True)
            raise WriteRefused(
                f"{problem}; er is niets gewijzigd. Kies een editor met bijvoorbeeld "
                'export EDITOR=nano (VS Code: EDITOR="code --wait").'
            ) from e
        raise WriteRefused(
            f"{problem}. Wat je al opsloeg staat in {authoring.display(root, draft)}; ga "
            f"verder met: prof drafts --hervat {draft.stem}"
        ) from e


def apply(
    obj: Invocation, root: Path, source: Source, original: str, new: str, draft: Path | None
) -> None:
    """Check the new text and put it in place; refused: the draft stays, the file is as it was."""
    from profcli.authoring import adding as authoring
    from profcli.authoring import changes, drafts

    if new == original:
        if draft is not None:
            draft.unlink(missing_ok=True)
        click.echo(f"Niets gewijzigd in {source.display}.")
        return
    moved = changes.moved_stem(source.kind, source.stem, new)
    target = source.path.with_name(f"{moved}.toml") if moved else source.path
    # `--vandaag`, else the day of the repository the check loads (Repository.today)
    result = authoring.check(root, target, new, today=obj.vandaag, replaces=source.path)
    if not result.ok:
        if draft is None:
            for finding in result.sorted():
                click.echo(finding.text(), err=True)
            raise InvalidContent(f"niet opgeslagen: {source.display} is niet gewijzigd.")
        shown = authoring.display(root, draft)
        offset = drafts.header_line(changes.read_exact(draft))
        for finding in result.sorted():
            line = finding.line + (1 if offset and finding.line >= offset else 0)
            there = Finding(
                shown, line, finding.column, finding.rule, finding.message, finding.severity
            )
            click.echo(there.text(), err=True)
        raise InvalidContent(
            f"niet opgeslagen: {source.display} is niet gewijzigd. Jouw versie staat in "
            f"{shown}.\nVerbeter het en ga verder met: prof drafts --hervat {draft.stem}"
        )
    for finding in result.sorted():
        click.echo(finding.text(), err=True)
    if moved:
        changes.move(source.path, target, original, new)
    else:
        changes.write(source.path, original, new)
    if draft is not None:
        draft.unlink(missing_ok=True)
    what = f"prof: {source.kind.name} {source.stem} bijgewerkt"
    if moved:
        click.echo(f"Opgeslagen: {authoring.display(root, target)} (was {source.display})")
        obj.record(root, [source.path, target], f"{what} (nu {moved}, de datum is veranderd)")
        return
    click.echo(f"Opgeslagen: {source.display}")
    obj.record(root, [source.path], what)
