"""The README walkthrough, end to end: a new team, a worker, one entry of every kind.

The commands below are those of the walkthrough (/tmp/p/walkthrough.md, for the README);
keep the two in step. `prof add` gets `--no-input`, as in a script.
"""

from __future__ import annotations

import csv
import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from profcli.cli import main

SCRIPT = """
prof init wijkteam-noord --team "Wijkteam Noord"
cd wijkteam-noord
prof new "Éva van den Berg" --functie "Sociaal werker" --fase startbekwaam --register registerplein --kamer sociaal-werker --nummer 4610250042 --cyclus-start 2025-01-01 --expertise schulden
export PROF_PROFIEL=eva-van-den-berg
prof add leerdoel --titel "Grenzen stellen bij huisbezoeken" --status bezig --deadline 2027-06-30 --competenties kerntaak-professionaliseren --actie "Een casus inbrengen in de intervisie"
prof add reflectie --titel "Een huisbezoek dat escaleerde" --datum vandaag --methode starr --situatie "Tijdens een huisbezoek werd een bewoner boos." --taak "Het gesprek veilig afronden." --actie "Ik benoemde wat ik zag en stelde voor later verder te praten." --resultaat "We spraken een nieuw moment af." --reflectie "Ik had eerder mogen stoppen." --leerdoelen grenzen-stellen-bij-huisbezoeken --beroepscode integriteit --dimensies persoonlijk
prof add zelftoets --datum vandaag --kader beroepscode-2021 --score integriteit=4 --toelichting "integriteit=Ik maak afspraken waar." --score betrokkenheid=3
prof add activiteit --datum vandaag --titel "Training omgaan met agressie" --vorm training --uren 6 --geaccrediteerd --accreditatie-id PE-123456
prof add feedback --datum vandaag --van collega --samenvatting "Je bleef rustig en gaf duidelijk je grens aan." --leerdoelen grenzen-stellen-bij-huisbezoeken
prof add bijeenkomst --datum vandaag --soort intervisie --methode incidentmethode --duur-uren 2 --deelnemers eva-van-den-berg --thema "Veilig op huisbezoek"
prof add kennis --titel "Veilig op huisbezoek" --inhoud "Spreek vooraf af wie je belt als het misgaat." --contactpersonen eva-van-den-berg
prof status
prof status wijkteam-noord
prof validate
prof export eva-van-den-berg
"""  # noqa: E501


def test_walkthrough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PROF_PROFIEL", raising=False)
    monkeypatch.delenv("PROF_REPO", raising=False)
    outputs: dict[str, str] = {}
    for line in SCRIPT.strip().splitlines():
        words = shlex.split(line)
        if words[0] == "cd":
            os.chdir(words[1])
            continue
        if words[0] == "export":
            name, value = words[1].split("=", 1)
            monkeypatch.setenv(name, value)
            continue
        args = words[1:] + (["--no-input"] if words[1] == "add" else [])
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, f"{line}\n{result.output}"
        outputs[" ".join(words[1:3])] = result.output
    root = tmp_path / "wijkteam-noord"
    written = sorted(
        p.relative_to(root).parts[2]
        for p in (root / "profielen").rglob("*.toml")
        if len(p.relative_to(root).parts) == 4
    )
    assert written == [
        "activiteiten",
        "bijeenkomsten",
        "feedback",
        "kennis",
        "leerdoelen",
        "reflecties",
        "zelftoetsen",
    ]
    assert "0 fouten, 0 waarschuwingen" in outputs["validate"]
    # 6 hours of accredited training, and the 2 hours of the team's intervision credited as
    # reflection (Registerplein accepts intervisie); the minima are the register file's.
    status = outputs["status"]
    assert "Herregistratie: Registerplein, Register Sociaal Werkers" in status
    assert re.search(r"Geaccrediteerde deskundigheidsbevordering \* +6 +80 +74 ", status)
    assert re.search(r"Reflectie \* +2 +60 +58 ", status)
    assert "Nog nodig: 132 punten" in status
    dossier = root / "dossiers" / "eva-van-den-berg"
    with (dossier / "dossier.csv").open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert sorted((r["categorie"], r["punten"], r["bron"].split()[0]) for r in rows) == [
        ("Geaccrediteerde deskundigheidsbevordering", "6", "activiteit"),
        ("Reflectie", "2", "bijeenkomst"),
    ]
    markdown = (dossier / "dossier.md").read_text()
    assert "| Geaccrediteerde deskundigheidsbevordering | 6 | 6 | 80 | - | 74 |" in markdown
    assert "| Reflectie | 2 | 2 | 60 | - | 58 |" in markdown
    assert "Een huisbezoek dat escaleerde (starr)" in markdown
