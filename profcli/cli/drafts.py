"""`prof drafts`: list, resume or delete the drafts in `.prof-cache/concepten/`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from click.shell_completion import CompletionItem

from profcli.authoring import adding as authoring
from profcli.authoring import changes, entries
from profcli.authoring import drafts as store
from profcli.cli.common import Invocation
from profcli.cli.picking import read


def _names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    from profcli.cli.completion import root_of

    root = root_of(ctx)
    found = store.all_drafts(root) if root else []
    return [CompletionItem(d.name) for d in found if d.name.startswith(incomplete)]


@click.command(short_help="Toon concepten, ga ermee verder of gooi ze weg.")
@click.option(
    "--hervat",
    metavar="NAAM",
    shell_complete=_names,
    help="Ga verder met dit concept. Een nieuw stuk: prof vraagt in de terminal wat nog "
    "ontbreekt of niet goed was. Een wijziging: het concept opent in je editor. Daarna wordt "
    "het gecontroleerd en opgeslagen.",
)
@click.option(
    "--editor",
    "use_editor",
    is_flag=True,
    help="Met --hervat: verbeter een nieuw stuk in je editor in plaats van met vragen.",
)
@click.option("--verwijder", metavar="NAAM", shell_complete=_names, help="Gooi dit concept weg.")
@click.option(
    "--zonder-editor",
    is_flag=True,
    help="Met --hervat: controleer en bewaar het concept zoals het is.",
)
@click.pass_context
def drafts(
    ctx: click.Context,
    hervat: str | None,
    use_editor: bool,
    verwijder: str | None,
    zonder_editor: bool,
) -> None:
    """Toon de concepten: wat `prof add` of `prof edit` niet kon opslaan omdat het nog niet
    klopte. Ga verder met een concept, of gooi het weg.

    \b
    Voorbeelden:
      prof drafts
      prof drafts --hervat 20261122-101500-reflectie
      prof drafts --verwijder 20261122-101500-reflectie
    """
    obj: Invocation = ctx.obj
    root = obj.root().resolve()
    if hervat and verwijder:
        raise click.UsageError("kies --hervat of --verwijder, niet allebei")
    if verwijder:
        path = store.named(root, verwijder)
        path.unlink()
        click.echo(f"Concept weggegooid: {authoring.display(root, path)}")
        return
    if hervat:
        _resume(ctx, obj, root, store.named(root, hervat), zonder_editor, use_editor)
        return
    found = store.all_drafts(root)
    if not found:
        click.echo("Geen concepten.")
        return
    today = obj.today()
    for draft in found:
        click.echo(f"{draft.name}  {_what(draft)}  ({_age(draft, today)})")
    click.echo(
        "\nGa verder met: prof drafts --hervat NAAM   Weggooien: prof drafts --verwijder NAAM"
    )


def _what(draft: store.DraftInfo) -> str:
    kind = draft.kind.name if draft.kind else "onbekende soort"
    if draft.target:
        return f"wijziging van {draft.target}"
    if draft.profile:
        return f"nieuw: {kind} voor {draft.profile}"
    return "geen concept van prof (de eerste regels zeggen niet waarvoor het is)"


def _age(draft: store.DraftInfo, today: dt.date) -> str:
    if draft.day is None:
        return "datum onbekend"
    days = (today - draft.day).days
    if days <= 0:
        return "van vandaag"
    return "van gisteren" if days == 1 else f"{days} dagen oud"


def _resume(
    ctx: click.Context, obj: Invocation, root: Path, path: Path, as_is: bool, use_editor: bool
) -> None:
    """One way to go on with any draft: a change opens in the editor (unless `as_is`), a new
    entry asks in the terminal what is missing or was wrong, through `prof add`'s hidden --draft."""
    info = store.info(path)
    if info.target:
        from profcli.cli.edit import apply

        source = entries.find(root, info.target)
        if not as_is:
            from profcli.cli.edit import open_editor

            open_editor(root, path, fresh=False)
        original = read(source)
        new = store.entry_text(root, source, changes.read_exact(path))
        apply(obj, root, source, original, new, path)
        return
    from profcli.cli.add import add

    ctx.invoke(add, draft_name=str(path), use_editor=use_editor and not as_is)
