"""Meeting agreements (`afspraken`): the people named exist, and a done date makes sense."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from profcli.findings import Finding
from profcli.repository.agreements import agreements
from profcli.repository.kinds import BIJEENKOMST
from profcli.repository.model import Repository
from profcli.validation.references import person


def agreement_rules(repo: Repository, today: dt.date) -> Iterator[Finding]:
    """`wie` names workers; `klaar_op` lies neither in the future nor before the meeting."""
    workers = [w.slug for w in repo.workers()]
    for team in repo.teams():
        for meeting in team.of(BIJEENKOMST):
            if "afspraken" in meeting.invalid_keys:
                continue  # reported by the schema check
            for agreement in agreements(meeting):
                at = ("afspraken", agreement.index)
                for n, slug in enumerate(agreement.wie):
                    yield from person(repo, meeting, (*at, "wie", n), slug, workers)
                day = agreement.klaar_op
                if day is None:
                    continue
                if day > today:
                    yield meeting.doc.finding(
                        (*at, "klaar_op"),
                        "datum-toekomst",
                        f"`klaar_op` {day.isoformat()} ligt in de toekomst",
                    )
                elif meeting.datum is not None and day < meeting.datum:
                    yield meeting.doc.finding(
                        (*at, "klaar_op"),
                        "datum-volgorde",
                        f"`klaar_op` {day.isoformat()} ligt voor de bijeenkomst "
                        f"({meeting.datum.isoformat()}); een afspraak is klaar na de bijeenkomst",
                    )
