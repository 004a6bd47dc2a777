"""`prof add KIND`: one subcommand per kind, its options generated from the kind's schema."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from profcli.authoring import adding as authoring
from profcli.authoring import road
from profcli.authoring.templates import Field, Template, default_date, template
from profcli.cli import asking
from profcli.cli.common import (
    HOW_TO_CHOOSE,
    NUMBER,
    Choice,
    Invocation,
    NoEditor,
    SuggestingGroup,
    chosen_editor,
    spoken,
)
from profcli.cli.completion import DATE, known, slugs
from profcli.cli.interview import Terminal
from profcli.errors import InvalidContent
from profcli.repository import writing
from profcli.repository.kinds import ENTRY_KINDS, TEAM, WERKER, Kind
from profcli.repository.loader import load_profiles


def stdin_is_tty() -> bool:
    """Whether a person can answer prompts (tests replace this)."""
    return sys.stdin.isatty()


@click.group(cls=SuggestingGroup, invoke_without_command=True, subcommand_metavar="SOORT [OPTIES]")
@click.option(
    "--draft",
    "draft_name",
    metavar="NAAM",
    hidden=True,  # kept for those who learned it; every message names prof drafts --hervat
    help="Ga verder met een concept (de naam of het pad in .prof-cache/concepten/): prof "
    "vraagt wat nog open staat, of opent het met --editor. Hetzelfde als prof drafts "
    "--hervat NAAM, dat ook concepten van prof edit hervat.",
)
@click.option("--editor", "use_editor", is_flag=True, help="Open het concept eerst in je editor.")
@click.pass_context
def add(ctx: click.Context, draft_name: str | None, use_editor: bool) -> None:
    """Voeg een stuk toe aan een portfolio: een leerdoel, reflectie, zelftoets, activiteit,
    feedback, gesprek, bijeenkomst of kennisitem.

    Geef velden als opties (`prof add SOORT --help` toont ze), of laat prof ernaar vragen.
    Een stuk wordt eerst gecontroleerd zoals `prof validate` dat doet; is het niet in orde,
    dan blijft je tekst bewaard als concept en wordt er niets in het portfolio geschreven.

    \b
    Voorbeelden:
      prof add reflectie                          vraagt wat ontbreekt
      prof add activiteit --titel "Intervisie" --datum vandaag --vorm intervisie --uren 1.5
      prof add reflectie --editor                 schrijf in je editor (EDITOR="code --wait")
      prof drafts --hervat 20260314-101500-reflectie           vraagt verder waar je stopte
      prof drafts --hervat 20260314-101500-reflectie --editor  of verbeter het in je editor
    """
    if ctx.invoked_subcommand is not None:
        if draft_name is not None:
            raise click.UsageError("--draft gaat zonder SOORT: het concept weet zelf wat het is")
        return
    if draft_name is None:
        click.echo(ctx.get_help())
        ctx.exit(2)
    obj: Invocation = ctx.obj
    draft = authoring.find_draft(Path(draft_name), obj.root)
    found = authoring.read_draft(draft)  # DraftUnreadable: a usage error (exit 2)
    root = obj.root(draft)
    use_editor = use_editor and editor_or_questions(interactive=stdin_is_tty())
    if use_editor:
        asking.edit(draft)
        found = authoring.read_draft(draft)
    data = authoring.parse(found.text)
    repo = asking.load(root) if data is not None and stdin_is_tty() else None
    owner = repo.portfolios.get(found.profile) if repo is not None else None
    day = obj.today(repo if repo is not None else load_profiles(root))
    request = road.Request(root, found.kind, found.profile, day, found.slug, draft, obj.git)
    if repo is None or owner is None or data is None or use_editor:
        say(road.make(request, text=found.text))
        return
    tpl = template(found.kind.name)
    values = road.Values(repo, owner, tpl, data, authoring.asked_in(found.text), day)
    say(road.make(request, values, asker=Terminal()))


def editor_or_questions(*, interactive: bool) -> bool:
    """Whether `--editor` can open one: without EDITOR/VISUAL and without nano, a person at
    the terminal is asked the questions instead (and told how to choose an editor); without
    a terminal it is an error that says so."""
    if chosen_editor() is not None:
        return True
    if not interactive:
        raise NoEditor()
    click.echo(
        f"Er is geen editor ingesteld (EDITOR) en nano is er niet, dus vraagt prof het hier. "
        f"Voor een volgende keer: {HOW_TO_CHOOSE.removeprefix('kies er een met ')}.",
        err=True,
    )
    return False


def say(made: road.Made) -> None:
    """Say what became of a new entry (`road.make`): what was read, refused or found, where
    the text is kept and how to go on; exit 1 unless it was saved."""
    request = made.request
    root, kind = request.root, request.kind
    for note in made.notes:
        click.echo(note, err=True)
    if made.outcome == "onvolledig":
        names = ", ".join(f.option for f in made.missing)
        raise click.UsageError(f"verplicht voor {kind.name}: {names} (of gebruik --editor)")
    if made.outcome == "afgebroken":
        if made.draft is None:
            click.echo("\nAfgebroken. Er was nog niets ingevuld; er is niets bewaard.", err=True)
        else:
            click.echo(
                f"\nAfgebroken. Je antwoorden tot nu toe staan in "
                f"{authoring.display(root, made.draft)}.\n"
                f"Ga later verder met: prof drafts --hervat {made.draft.stem}",
                err=True,
            )
        raise click.exceptions.Exit(1)
    done = made.finished
    if done is None:  # values refused before anything was asked: all of them kept
        assert made.draft is not None
        if not made.told:
            for line in made.refused:
                click.echo(f"fout: {line}", err=True)
        count = len(made.refused)
        fault = "is 1 waarde" if count == 1 else f"zijn {count} waarden"
        raise InvalidContent(
            f"niet opgeslagen: er {fault} niet goed (zie hierboven). Alles wat je gaf staat in "
            f"{authoring.display(root, made.draft)}.\nGa verder met: prof drafts --hervat "
            f"{made.draft.stem}\n(prof vraagt dan alleen wat niet goed was, met je tekst klaar "
            "om te verbeteren)"
        )
    for finding in done.findings:
        click.echo(finding.text(), err=True)
    if done.path is None:
        kept = done.draft
        assert kept is not None
        if not done.readable:  # no TOML to ask from: the text itself needs mending
            how = f"Verbeter het en ga verder met: prof drafts --hervat {kept.stem} --editor"
        else:
            how = (
                f"Ga verder met: prof drafts --hervat {kept.stem}\n(prof vraagt dan opnieuw wat "
                "niet goed was; met --editor erbij verbeter je het concept zelf)"
            )
        raise InvalidContent(
            f"niet opgeslagen: er {_count(done.errors)}. Je tekst staat in "
            f"{authoring.display(root, kept)}.\n{how}"
        )
    path = done.path
    click.echo(f"Opgeslagen: {authoring.display(root, path)}")
    if path.stem != done.wanted:
        same = "dezelfde titel en datum" if kind.dated else "dezelfde titel"
        click.echo(
            f"Er stond al een item met de naam {done.wanted}.toml ({same}); dit nieuwe item "
            f"heet daarom {path.name}. Het bestaande item is niet veranderd."
        )
    if made.recorded is not None and made.recorded.warning:
        click.echo(f"let op: {made.recorded.warning}", err=True)
    elif made.recorded is not None and made.recorded.committed:
        click.echo(f"Vastgelegd in git: {made.message}")


def _count(errors: int) -> str:
    return "is 1 fout" if errors == 1 else f"zijn {errors} fouten"


def _run(kind: Kind) -> Callable[..., None]:
    tpl = template(kind.name)

    @click.pass_obj
    def command(
        obj: Invocation,
        /,
        profiel: str | None,
        slug: str | None,
        use_editor: bool,
        no_input: bool,
        ask_all: bool,
        **values: Any,
    ) -> None:
        root = obj.root()
        interactive = not no_input and stdin_is_tty()
        repo = asking.load(root)
        portfolio = asking.portfolio(repo, kind, profiel, interactive)
        data = asking.collect(tpl, values)
        if slug is not None and not writing.slugify(slug) == slug:
            raise click.BadParameter(
                "gebruik kleine letters, cijfers en streepjes", param_hint="--slug"
            )
        day = obj.today(repo)
        request = road.Request(root, kind, portfolio.slug, day, slug or "", None, obj.git)
        if use_editor and editor_or_questions(interactive=interactive):
            request = road.editor_draft(request, repo, portfolio, data)
            assert request.draft is not None
            template_text = request.draft.read_text(encoding="utf-8")
            asking.edit(request.draft)
            text = request.draft.read_text(encoding="utf-8")
            if text == template_text:  # closed without saving: nothing meant, nothing kept
                request.draft.unlink(missing_ok=True)
                click.echo(
                    "Niets veranderd in de editor: er is niets opgeslagen en geen concept "
                    "bewaard. (Opslaan in nano: Ctrl-O en Enter, dan Ctrl-X.)",
                    err=True,
                )
                raise click.exceptions.Exit(1)
            say(road.make(request, text=text))
            return
        given, one_liner = road.start(
            repo, portfolio, kind, data, day, interactive=interactive, ask_all=ask_all
        )
        asker = Terminal() if interactive else None
        # A one-liner that gives every required field is saved at once (README).
        say(road.make(request, given, asker=asker, optional=not one_liner, one_liner=one_liner))

    command.__doc__ = _help(tpl, kind)
    return command


def _help(tpl: Template, kind: Kind) -> str:
    owner = (
        "het teamportfolio"
        if kind.owners == {TEAM}
        else (
            "een werker- of teamportfolio"
            if WERKER in kind.owners and TEAM in kind.owners
            else "het portfolio van een werker"
        )
    )
    file = f"{kind.folder}/{'JJJJ-MM-DD-' if kind.dated else ''}<slug>.toml"
    return (
        f"Voeg {_a(kind)} toe aan {owner} ({file}).\n\n{tpl.description}\n\n"
        "Velden die je niet als optie geeft, vraagt prof in een terminal: eerst de verplichte, "
        "dan de andere (Enter slaat over). Geef je alle verplichte velden als optie, dan "
        "slaat prof het stuk meteen op (met --vraag-alles vraagt het de rest er nog bij). "
        "Alles wat je als optie geeft, wordt gecontroleerd voor de eerste vraag; elk "
        "antwoord meteen na het typen. Ctrl-C "
        "bewaart je antwoorden als concept (verder met prof drafts --hervat NAAM). Met --no-input "
        "vraagt prof niets en is een ontbrekend verplicht veld een fout.\n\n\b\nVoorbeelden:\n"
        f"  prof add {kind.name}\n  prof add {kind.name} --editor\n  {_example(tpl, kind)}\n"
    )


_SAMPLES = {"kader": "beroepscode-2021", "deelnemers": "eva-van-den-berg"}
"""Example values that exist in the README's team, so that each help example works as shown
(tests/test_readme_examples.py runs them)."""


def _example(tpl: Template, kind: Kind) -> str:
    data: dict[str, Any] = {}
    parts = [f"prof add {kind.name}"]
    for f in tpl.fields:
        if not f.required or (f.section and not tpl.active(f.section, data)):
            continue
        sample = (
            f.enum[0]
            if f.enum
            else _SAMPLES.get(f.name)
            or {"date": "vandaag", "number": "1.5", "integer": "4"}.get(f.type, f'"{f.title}"')
        )
        if f.shape == "map":
            sample = f"integriteit={sample}"
        data[f.key] = sample
        parts.append(f"{f.option} {sample}")
    return " ".join(parts)


def _option(tpl: Template, f: Field, kind: Kind) -> Callable[[Any], Any]:
    required = " (verplicht)" if f.required else ""
    if f.required and default_date(f, dt.date.min) is not None:
        required = " (zonder deze optie: vandaag)"
    help_text = f"{f.title}{required}: {spoken(f.description)}"
    if f.section:
        section = tpl.section(f.section)
        if section and section.selector:
            help_text = f"[{section.selector} {section.value}] {help_text}"
    choice = Choice(f.enum) if f.enum else None
    complete = known(f.name, kind.name)
    if f.shape == "map":
        return click.option(
            f.option,
            f.name,
            multiple=True,
            metavar="ID=WAARDE",
            help=help_text + " Herhaal de optie per onderdeel.",
            shell_complete=complete,
        )
    if f.shape in ("list", "records"):
        return click.option(
            f.option,
            f.name,
            multiple=True,
            type=choice or str,
            help=help_text + " Herhaal de optie voor meer waarden.",
            shell_complete=None if choice else complete,
        )
    if f.type == "boolean":
        return click.option(
            f"{f.option}/--niet-{f.option[2:]}", f.name, default=None, help=help_text
        )
    types: dict[str, Any] = {"date": DATE, "number": NUMBER, "integer": click.INT}
    kind_of = choice or types.get(f.type)
    return click.option(
        f.option,
        f.name,
        type=Lenient(kind_of) if kind_of is not None else str,
        help=help_text,
        shell_complete=None if choice or f.type != "string" else complete,
    )


class Lenient(click.ParamType[Any]):
    """An entry's option that Click does not refuse on its own: a value it cannot read
    (`--uren anderhalf`, `--datum 31-02-2026`, `--vorm intervisei`) stays the text as typed,
    and the interview refuses it with the same Dutch line as at its question, so that a
    one-liner keeps all its values in a draft (exit 1) instead of stopping at the first bad
    one as a usage error (exit 2) with nothing kept."""

    def __init__(self, inner: click.ParamType[Any]) -> None:
        self.inner = inner
        self.name = inner.name

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return self.inner.convert(value, param, ctx)
        except click.BadParameter:
            return str(value)

    def get_metavar(self, *args: Any, **kwargs: Any) -> str | None:
        return self.inner.get_metavar(*args, **kwargs)

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> Any:
        return self.inner.shell_complete(ctx, param, incomplete)


def _command(kind: Kind) -> click.Command:
    tpl = template(kind.name)
    function = _run(kind)
    for f in reversed(tpl.fields):
        function = _option(tpl, f, kind)(function)
    for decorator in reversed(
        [
            click.option(
                "--profiel",
                envvar="PROF_PROFIEL",
                shell_complete=slugs(),
                help="Het portfolio (slug); standaard $PROF_PROFIEL. Teamstukken gaan naar "
                "het team van de werker.",
            ),
            click.option(
                "--slug", help="Bestandsnaam zonder datum en .toml (standaard uit de titel)."
            ),
            click.option(
                "--editor",
                "use_editor",
                is_flag=True,
                help='Schrijf in $VISUAL/$EDITOR (voor VS Code: EDITOR="code --wait"); zonder '
                "die in nano, en is er geen nano, dan vraagt prof het in de terminal.",
            ),
            click.option(
                "--no-input",
                is_flag=True,
                help="Vraag niets; een ontbrekend verplicht veld is een fout.",
            ),
            click.option(
                "--vraag-alles",
                "ask_all",
                is_flag=True,
                help="Vraag in de terminal ook naar de velden die niet verplicht zijn, ook "
                "als je alle verplichte velden als optie gaf.",
            ),
        ]
    ):
        function = decorator(function)
    return click.command(kind.name, short_help=f"Voeg {_a(kind)} toe.")(function)


def _a(kind: Kind) -> str:
    """The kind with its article, as one says it: een leerdoel, feedback, een kennisitem."""
    return {"kennis": "een kennisitem", "feedback": "feedback"}.get(kind.name, f"een {kind.name}")


for _kind in ENTRY_KINDS:
    add.add_command(_command(_kind))
