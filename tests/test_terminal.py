"""`prof add` in a real terminal (a pseudo-terminal driven by pexpect), not through CliRunner:
typos, Dutch habits (`1,5`, `21-11-2026`), Ctrl-C at a question, and resuming the draft.

This is what a worker sees: stdin is a tty, so prof asks; Ctrl-C is a real SIGINT from the
terminal's interrupt character. Each expectation waits at most TIMEOUT seconds.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tomllib
from pathlib import Path

import pexpect  # type: ignore[import-untyped]  # no stubs in the test extras
from click.testing import CliRunner

from profcli.cli import main
from tests.conftest import REPO

TIMEOUT = 10
WORKER = "marieke-jansen"
RUN = "import sys; from profcli.cli import main; sys.exit(main(prog_name='prof'))"


class Terminal:
    """One `prof` process on a pseudo-terminal, with everything it printed kept."""

    def __init__(self, root: Path, *args: str) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "TERM": "xterm",
            "INPUTRC": "/dev/null",
            "NO_COLOR": "1",
        }
        env.pop("PROF_PROFIEL", None)
        self.transcript = io.StringIO()
        self.child = pexpect.spawn(
            sys.executable,
            ["-c", RUN, "--vandaag", "2026-11-22", "--repo", str(root), *args],
            env=env,
            encoding="utf-8",
            timeout=TIMEOUT,
            dimensions=(50, 200),
        )
        self.child.logfile_read = self.transcript

    def answer(self, prompt: str, text: str) -> None:
        """Wait for `prompt`, then type `text` and Enter."""
        self.child.expect_exact(prompt)
        self.child.sendline(text)

    def see(self, text: str) -> None:
        self.child.expect_exact(text)

    def end(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        assert "Traceback" not in self.transcript.getvalue(), self.transcript.getvalue()
        status = self.child.exitstatus
        assert isinstance(status, int), self.transcript.getvalue()
        return status


def folder(root: Path, kind_folder: str) -> set[str]:
    return {p.name for p in (root / "profielen" / WORKER / kind_folder).iterdir()}


def drafts(root: Path) -> list[Path]:
    place = root / ".prof-cache" / "concepten"
    return sorted(place.iterdir()) if place.is_dir() else []


def valid(root: Path, path: Path) -> None:
    result = CliRunner().invoke(main, ["--repo", str(root), "validate", str(path)])
    assert result.exit_code == 0, result.output


def test_typos_are_explained_and_dutch_habits_accepted(example_copy: Path) -> None:
    before = folder(example_copy, "activiteiten")
    term = Terminal(example_copy, "add", "activiteit", "--profiel", WORKER)
    datum = "Datum (bijvoorbeeld 21-11-2026 of gisteren) [2026-11-22]: "
    term.answer(datum, "2026-12-01")
    term.see("1 december 2026 ligt in de toekomst; geef een dag tot en met vandaag")
    term.answer(datum, "21-11-2026")
    term.answer("Titel: ", "")
    term.see("Dit veld is verplicht; typ een antwoord")
    term.answer("Titel: ", "Training omgaan met agressie")
    uren = "Uren (meer dan 0 tot en met 24): "
    term.answer(uren, "0")
    term.see("0 kan niet: het moet meer dan 0 en hoogstens 24 zijn.")
    term.answer(uren, "1,5")
    term.see("14. overig")
    term.answer("Vorm (nummer of naam): ", "trainng")
    term.answer("`trainng` is geen keuze; bedoelde je `training`? [J/n]: ", "")  # Enter takes
    term.see("De volgende velden zijn niet verplicht; Enter slaat er een over.")
    term.see("Meerdere regels mogen; een lege regel sluit af.")
    term.answer("Omschrijving (optioneel, Enter om over te slaan): ", "Rustig blijven lukt beter.")
    term.answer("  … ", "Ik benoem eerder wat ik zie.")
    term.answer("  … ", "")
    term.answer("Aanbieder (optioneel, Enter om over te slaan): ", "Trainingsbureau Kalm")
    accredited = "Geaccrediteerd (j/n; optioneel, Enter om over te slaan): "
    term.answer(accredited, "misschien")
    term.see("`misschien` is geen ja of nee; typ j of n.")
    term.answer(accredited, "N")
    term.answer("Accreditatienummer (optioneel, Enter om over te slaan): ", "")
    term.answer("Face to face (j/n; optioneel, Enter om over te slaan): ", "ja")
    term.answer("Status bij het register (nummer of naam; optioneel, Enter om over te slaan): ", "")
    term.answer("Bewijs (optioneel, Enter om over te slaan): ", "")
    term.see("1. herregistratie-afronden")
    term.answer("Leerdoelen (nummers of namen, gescheiden door komma's; optioneel", "1, nieuw")
    term.answer("`nieuw` is geen leerdoel; bedoelde je `nieuwe-collegas-begeleiden`? [J/n]: ", "n")
    term.answer("Leerdoelen (nummers of namen, gescheiden door komma's; optioneel", "1")
    term.answer("Zichtbaarheid (nummer of naam; optioneel, Enter om over te slaan): ", "")
    name = "2026-11-21-training-omgaan-met-agressie.toml"
    term.see(f"Opgeslagen: profielen/{WORKER}/activiteiten/{name}")
    assert term.end() == 0
    assert folder(example_copy, "activiteiten") == before | {name}
    path = example_copy / "profielen" / WORKER / "activiteiten" / name
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {
        "datum": dt.date(2026, 11, 21),
        "titel": "Training omgaan met agressie",
        "uren": 1.5,
        "vorm": "training",
        "omschrijving": "Rustig blijven lukt beter.\nIk benoem eerder wat ik zie.",
        "aanbieder": "Trainingsbureau Kalm",
        "geaccrediteerd": False,
        "fysiek": True,
        "leerdoelen": ["herregistratie-afronden"],
    }
    valid(example_copy, path)
    assert drafts(example_copy) == []


def interrupt_a_reflection(root: Path) -> Path:
    """Start a reflection, type half of its first part, press Ctrl-C: the draft."""
    term = Terminal(root, "add", "reflectie", "--profiel", WORKER)
    term.answer("Titel: ", "Onrust bij een huisbezoek")
    term.answer("Datum (bijvoorbeeld 21-11-2026 of gisteren) [2026-11-22]: ", "gisteren")
    term.answer("Methode (nummer of naam): ", "STARR")
    term.answer("Situatie: ", "Een bewoner werd boos toen ik de brief voorlas.")
    term.see("  … ")
    term.child.sendintr()
    term.see("Afgebroken. Je antwoorden tot nu toe staan in .prof-cache/concepten/")
    term.child.expect(r"Ga later verder met: prof add --draft (\S+)\r?\n")
    name = str(term.child.match.group(1))
    assert term.end() == 1
    [draft] = drafts(root)
    assert draft.stem == name
    return draft


def test_ctrl_c_keeps_a_draft_and_writes_no_entry(example_copy: Path) -> None:
    before = folder(example_copy, "reflecties")
    draft = interrupt_a_reflection(example_copy)
    assert folder(example_copy, "reflecties") == before
    text = draft.read_text(encoding="utf-8")
    assert "# concept voor: prof add reflectie --profiel marieke-jansen\n" in text
    assert "# al gevraagd: datum methode titel\n" in text
    assert tomllib.loads(text) == {
        "titel": "Onrust bij een huisbezoek",
        "datum": dt.date(2026, 11, 21),
        "methode": "starr",
        "starr": {"situatie": "Een bewoner werd boos toen ik de brief voorlas."},
    }
    leftovers = [p.name for p in draft.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_draft_resumes_with_the_open_questions(example_copy: Path) -> None:
    draft = interrupt_a_reflection(example_copy)
    term = Terminal(example_copy, "add", "--draft", draft.stem)
    term.see("Al getypt (typ verder, of geef een lege regel om het zo te laten):")
    term.see("  | Een bewoner werd boos toen ik de brief voorlas.")
    term.answer("  … ", "Hij stond op en liep naar de deur.")
    term.answer("  … ", "")
    for part, text in (
        ("Taak", "Het gesprek veilig houden."),
        ("Actie", "Ik benoemde zijn boosheid."),
        ("Resultaat", "Hij ging weer zitten."),
        ("Reflectie", "Benoemen werkt beter dan uitleggen."),
    ):
        term.answer(f"{part}: ", text)
        term.answer("  … ", "")
    term.answer("Transfer (optioneel, Enter om over te slaan): ", "")
    term.answer("Leerdoelen (", "")
    term.answer("Beroepscode (", "integriteit")
    term.answer("Dimensies (", "Normatief, PERSOONLIJK")
    term.answer("Trefwoorden (", "agressie")
    term.answer("Zichtbaarheid (", "1")
    term.child.expect(r"Opgeslagen: (profielen/\S+\.toml)")
    written = example_copy / str(term.child.match.group(1))
    assert term.end() == 0
    transcript = term.transcript.getvalue()
    assert "Titel:" not in transcript and "Methode (" not in transcript
    assert written.name == "2026-11-21-onrust-bij-een-huisbezoek.toml"
    data = tomllib.loads(written.read_text(encoding="utf-8"))
    assert data["starr"]["situatie"] == (
        "Een bewoner werd boos toen ik de brief voorlas.\nHij stond op en liep naar de deur."
    )
    assert data["dimensies"] == ["normatief", "persoonlijk"]
    assert data["zichtbaarheid"] == "prive"
    first_line = written.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "#:schema ../../../schemas/reflectie.schema.json"
    valid(example_copy, written)
    assert not draft.exists()
