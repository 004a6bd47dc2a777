"""The text of an approval (`akkoorden/<map>-<id>.toml`), as `prof approve` writes it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from profcli.authoring.adding import schemas_for
from profcli.repository import writing
from profcli.repository.approvals import digest, file_stem
from profcli.repository.discovery import PROFILES_DIR
from profcli.repository.history import APPROVALS
from profcli.repository.kinds import AKKOORD
from profcli.repository.model import Entry

NOTE = (
    "# Akkoord van een leidinggevende, vastgelegd met `prof approve` in een ondertekende commit.\n"
    "# prof validate controleert de handtekening in de git-geschiedenis: met de hand veranderd\n"
    "# telt het niet meer."
)


def approval(root: Path, target: Entry, lead: str, day: dt.date, remark: str) -> tuple[Path, str]:
    """Where the approval of `target` goes, and its text: `inhoud` is the digest of the entry
    as it stands now."""
    path = root / PROFILES_DIR / target.profile / APPROVALS / f"{file_stem(target)}.toml"
    data: dict[str, object] = {
        "stuk": f"{target.kind.folder}/{target.id}",
        "door": lead,
        "datum": day,
        "inhoud": digest(target.data),
    }
    if remark.strip():
        data["opmerking"] = remark.strip()
    header = writing.schema_line(path, schemas_for(root), AKKOORD.name) + "\n" + NOTE
    return path, writing.render(data, header=header)
