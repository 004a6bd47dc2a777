"""Approvals on the team site: with each entry, and the conversations awaiting one (issue 24).

Only what git's history verifies looks verified: "akkoord ... ondertekend" for an approval
that holds, "gewijzigd na akkoord" when the entry changed since; an approval that cannot be
checked here (a shallow build) says so; a forged or foreign one is not shown at all (prof
validate reports it). The public site shows no approvals: they are the team's business.
"""

from __future__ import annotations

from profcli.publish.context import Context
from profcli.publish.markdown import datum, text
from profcli.repository.approvals import CHANGED, HOLDS, NO_HISTORY, Approval, approvals

__all__ = ["CHANGED", "GIVEN", "MARKS", "STATES", "WAITING", "line", "of", "state"]
from profcli.repository.model import Entry
from profcli.words import Publiek

WAITING = "wacht"
GIVEN = "gegeven"
STATES = {WAITING: "wacht op akkoord", GIVEN: "akkoord", CHANGED: "gewijzigd na akkoord"}
MARKS = {WAITING: "", GIVEN: "✓ ", CHANGED: "⚠ "}
"""Beside a state in a table, so that a changed approval never reads like a valid one."""


def of(ctx: Context, entry: Entry) -> Approval | None:
    if ctx.audience != Publiek.TEAM:
        return None
    return approvals(ctx.repo).of(entry)


def line(ctx: Context, entry: Entry) -> list[str]:
    """The approval of `entry` as a sentence for its page (nothing when there is none)."""
    found = of(ctx, entry)
    if found is None:
        return []
    who, day = text(found.lead), datum(found.day) if found.day else ""
    if found.state == HOLDS:
        said = f"✓ **Akkoord:** {who}, {day}, ondertekend"
        remark = found.entry.text("opmerking")
        out = [said + (f": *{text(remark)}*" if remark else "")]
    elif found.state == CHANGED:
        out = [
            f"⚠ **Gewijzigd na akkoord:** {who} gaf op {day} akkoord op een eerdere versie; "
            "deze tekst is sindsdien veranderd."
        ]
    elif found.state == NO_HISTORY:
        out = [
            "Er staat een akkoord bij dit stuk, maar het is bij het bouwen van deze site niet "
            "te controleren (geen volledige git-geschiedenis)."
        ]
    else:
        return []  # forged, unsigned or foreign: prof validate says so; it looks like nothing
    return ["", *out, ""]


def state(ctx: Context, entry: Entry) -> str:
    found = of(ctx, entry)
    if found is not None and found.state == HOLDS:
        return GIVEN
    if found is not None and found.state == CHANGED:
        return CHANGED
    return WAITING
