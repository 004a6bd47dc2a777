"""`prof prepare`: a worker's preparation for her next conversation with her team lead."""

from __future__ import annotations

from pathlib import Path

import click

from profcli.cli.common import Invocation
from profcli.cli.completion import slugs
from profcli.cli.picking import one_worker
from profcli.registration import prepare as core
from profcli.registration.status import incomplete
from profcli.repository.kinds import WERKER


@click.command(short_help="Zet je volgende gesprek met je leidinggevende voor je klaar.")
@click.argument("slug", envvar="PROF_PROFIEL", shell_complete=slugs(WERKER))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor de voorbereiding (standaard: dossiers/<slug>/ in de repository; git "
    "negeert die map, zodat ze niet gedeeld wordt).",
)
@click.pass_obj
def prepare(obj: Invocation, slug: str, out: Path | None) -> None:
    """Zet je volgende gesprek met je leidinggevende voor je klaar: wat er sinds het vorige
    gesprek gebeurde met je leerdoelen, je punten voor de herregistratie, je reflecties, de
    feedback die je kreeg en je zelftoetsen, de afspraken die nog open staan, en een paar
    vragen om over na te denken.

    \b
    voorbereiding-JJJJ-MM-DD.md    om te lezen of aan te vullen
    voorbereiding-JJJJ-MM-DD.html  om af te drukken (of 'Opslaan als PDF' in je browser)

    Wat je in het gesprek afspreekt, leg je daarna vast met `prof add gesprek`.

    \b
    Voorbeelden:
      prof prepare                      jezelf (met PROF_PROFIEL)
      prof prepare sanne-de-boer --out ~/gesprek
    """
    repo, worker, problems = one_worker(obj.root(), slug)
    if problems:  # said, not refused: a preparation is a starting point, not a dossier
        click.echo(incomplete(problems), err=True)
    day = obj.today(repo, overview=True)
    folder = out or repo.root / "dossiers" / slug
    doc = core.preparation(repo, worker, day)
    if problems:
        missing = ", ".join(sorted({p.path for p in problems}))
        doc.blocks.insert(
            0, ("p", f"Onvolledig: deze bestanden bevatten fouten en tellen niet mee: {missing}.")
        )
    written = core.write(doc, folder, f"voorbereiding-{day}")
    click.echo(f"Voorbereiding geschreven in {folder}: {', '.join(p.name for p in written)}")
