"""`prof approve` and the approvals `prof validate` verifies from git's history.

Every key is made here with ssh-keygen; git runs with a configuration of the test's own
(`GIT_CONFIG_GLOBAL`), never the user's.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from profcli import snapshot
from profcli.cli.validate import validated
from profcli.publish.pages import build_pages
from profcli.registration.export import export
from profcli.repository import history
from profcli.repository.loader import load
from tests import signing
from tests.authoring_repo import prof
from tests.conftest import CASES, TODAY, build_case

ENTRY = "profielen/eva-de-wit/reflecties/2026-02-10-huisbezoek.toml"
APPROVAL = "profielen/eva-de-wit/akkoorden/reflecties-2026-02-10-huisbezoek.toml"


def _config(tmp_path: Path, name: str, key: Path | None) -> dict[str, str]:
    """The environment of one person at her laptop: her git identity and signing key."""
    config = tmp_path / f"{name}.gitconfig"
    lines = [f"[user]\n\tname = {name}\n\temail = {name}@example.org\n"]
    if key is not None:
        lines.append(f"\tsigningkey = {key}.pub\n[gpg]\n\tformat = ssh\n")
    config.write_text("".join(lines), encoding="utf-8")
    return {**signing.ENV, "GIT_CONFIG_GLOBAL": str(config), "PROF_VANDAAG": "2026-11-22"}


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, Path]:
    """The basis case in git, Noor Bakker its lead with a key trusted on first use."""
    root = build_case(CASES / "basis", tmp_path)
    return root, signing.basis_with_lead(root)


def _approve(root: Path, tmp_path: Path, key: Path, ident: str = "2026-02-10-huisbezoek") -> None:
    done = prof(root, "approve", ident, env=_config(tmp_path, "noor", key))
    assert done.exit_code == 0, done.output


def _commits(root: Path) -> int:
    return int(signing.git(root, "rev-list", "--count", "HEAD"))


def _findings(root: Path) -> list[str]:
    return [f"{f.rule} {f.severity}" for f in validated(root, today=TODAY).sorted()]


def test_without_a_signing_key_nothing_is_written_and_the_steps_are_given(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    root, _ = team
    before = _commits(root)
    done = prof(root, "approve", "2026-02-10-huisbezoek", env=_config(tmp_path, "noor", None))
    assert done.exit_code == 1
    assert "ssh-keygen -t ed25519" in done.output
    assert "git config --global gpg.format ssh" in done.output
    assert "niets geschreven" in done.output
    assert not (root / APPROVAL).exists()
    assert _commits(root) == before


def test_a_lead_approves_and_validate_verifies_it(team: tuple[Path, Path], tmp_path: Path) -> None:
    root, noor = team
    env = _config(tmp_path, "noor", noor)
    done = prof(root, "approve", "2026-02-10-huisbezoek", "--opmerking", "Helder.", env=env)
    assert done.exit_code == 0, done.output
    assert "ondertekend door Noor Bakker" in done.output
    text = (root / APPROVAL).read_text(encoding="utf-8")
    assert 'door = "Noor Bakker"' in text and 'opmerking = "Helder."' in text
    assert signing.git(root, "status", "--porcelain", "--", "profielen") == ""  # committed
    assert "BEGIN SSH SIGNATURE" in signing.git(root, "cat-file", "commit", "HEAD")
    assert _findings(root) == []
    again = prof(root, "approve", "2026-02-10-huisbezoek", env=env)
    assert again.exit_code == 0 and "al akkoord" in again.output


def test_a_change_after_the_approval_is_said_and_a_new_approval_holds(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    root, noor = team
    env = _config(tmp_path, "noor", noor)
    assert prof(root, "approve", "2026-02-10-huisbezoek", env=env).exit_code == 0
    entry = root / ENTRY
    entry.write_text(entry.read_text(encoding="utf-8").replace("pauzeren", "stoppen"))
    signing.commit(root, "reflectie aangepast")
    assert _findings(root) == ["akkoord-gewijzigd waarschuwing"]
    assert prof(root, "approve", "2026-02-10-huisbezoek", env=env).exit_code == 0
    assert _findings(root) == []


def test_formatting_and_comments_do_not_break_an_approval(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    root, noor = team
    _approve(root, tmp_path, noor)
    entry = root / ENTRY
    entry.write_text("# een opmerking\n" + entry.read_text(encoding="utf-8").replace(" = ", "="))
    signing.commit(root, "anders opgemaakt")
    assert _findings(root) == []


def test_a_worker_who_adds_her_own_key_cannot_approve_herself(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    root, _ = team
    eva, line = signing.key(tmp_path / "sleutels", "eva")
    signing.lead(root, "team-zuid", "Eva de Wit", line)  # she lists herself as a lead
    signing.commit(root, "mijn sleutel", eva)
    before = _commits(root)
    done = prof(root, "approve", "2026-02-10-huisbezoek", env=_config(tmp_path, "eva", eva))
    assert done.exit_code == 1
    assert "telt niet voor team" in done.output
    assert not (root / APPROVAL).exists() and _commits(root) == before
    # Her own key in her own profile: refused as her own work, whatever the team says.
    profile = root / "profielen/eva-de-wit/profiel.toml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace(
            "[registratie]", f'sleutels = ["{line}"]\n\n[registratie]'
        )
    )
    signing.commit(root, "mijn sleutel in mijn profiel")
    done = prof(root, "approve", "2026-02-10-huisbezoek", env=_config(tmp_path, "eva", eva))
    assert done.exit_code == 1 and "eigen werk" in done.output
    # And an approval she commits by hand is an error for everyone to see.
    signing.approve(root, "eva-de-wit", signing.STUK, "Noor Bakker")
    signing.commit(root, "akkoord", eva)
    assert "akkoord-eigen fout" in _findings(root)


def test_an_entry_with_uncommitted_changes_is_not_approved(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    root, noor = team
    entry = root / ENTRY
    entry.write_text(entry.read_text(encoding="utf-8").replace("pauzeren", "stoppen"))
    done = prof(root, "approve", "2026-02-10-huisbezoek", env=_config(tmp_path, "noor", noor))
    assert done.exit_code == 1 and "nog niet zijn vastgelegd" in done.output
    assert not (root / APPROVAL).exists()


def test_a_shallow_clone_never_counts_an_approval_as_verified(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    root, noor = team
    signing.approve(root, "eva-de-wit", signing.STUK, "Noor Bakker")
    signing.commit(root, "akkoord", noor)
    clone = tmp_path / "ondiep"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{root}", str(clone)],
        check=True,
        env={**os.environ, **signing.ENV},
    )
    found = [f.text() for f in validated(clone, today=TODAY).sorted()]
    assert len(found) == 1 and "[akkoord-geschiedenis]" in found[0]
    assert "git fetch --unshallow" in found[0]
    assert history.read(clone).missing == "ondiep"


def test_a_stored_run_is_not_reused_once_the_history_changed(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    """Amending the signed commit without a signature changes no file, only the history."""
    root, noor = team
    signing.approve(root, "eva-de-wit", signing.STUK, "Noor Bakker")
    signing.commit(root, "akkoord", noor)
    past = time.time() - 3600
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            os.utime(Path(folder) / name, (past, past), follow_symlinks=False)
    assert validated(root, today=TODAY, cache=True).findings == []
    assert snapshot.Probe(root, TODAY).hit is not None
    signing.git(root, "commit", "-q", "--amend", "--no-edit", "--no-gpg-sign")
    assert snapshot.Probe(root, TODAY).hit is None
    found = validated(root, today=TODAY, cache=True)
    assert [f.rule for f in found.findings] == ["akkoord-ongetekend"]


def test_fingerprints_are_those_ssh_keygen_prints(tmp_path: Path) -> None:
    private, line = signing.key(tmp_path, "noor")
    printed = subprocess.run(
        ["ssh-keygen", "-l", "-f", f"{private}.pub"], capture_output=True, text=True, check=True
    ).stdout.split()[1]
    assert history.fingerprint(line) == printed
    assert history.fingerprint("ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAABAQ==") is None
    assert history.fingerprint("ssh-ed25519 niet-base64!") is None


TALK = "profielen/eva-de-wit/gesprekken/2026-11-12-jaargesprek.toml"


def _pages(root: Path, audience: str = "team") -> dict[str, str]:
    repo = load(root).repository
    return {p.path: p.markdown for p in build_pages(repo, today=TODAY, audience=audience)}


def _with_talk(root: Path) -> None:
    talk = root / TALK
    talk.parent.mkdir()
    talk.write_text(
        'datum = 2026-11-12\nsoort = "periodiek"\ntitel = "Jaargesprek 2026"\n'
        'verslag = "We spraken over grenzen stellen bij huisbezoeken."\n',
        encoding="utf-8",
    )
    signing.commit(root, "jaargesprek")


def test_the_site_shows_only_what_the_history_verifies(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    root, noor = team
    _with_talk(root)
    env = _config(tmp_path, "noor", noor)
    home = _pages(root)["index.md"]
    assert 'data-akkoord="wacht"' in home and "1 van de 1 gesprekken" in home
    # Forged: an approval committed without a signature looks like nothing at all.
    signing.approve(root, "eva-de-wit", "gesprekken/2026-11-12-jaargesprek", "Noor Bakker")
    signing.commit(root, "akkoord, zelf geschreven")
    page = _pages(root)["werkers/eva-de-wit/index.md"]
    assert "Akkoord:" not in page and "ondertekend" not in page
    assert prof(root, "approve", "2026-11-12-jaargesprek", env=env).exit_code == 0
    pages = _pages(root)
    assert (
        "✓ **Akkoord:** Noor Bakker, 22 november 2026, ondertekend"
        in pages["werkers/eva-de-wit/index.md"]
    )
    assert 'data-akkoord="gegeven"' in pages["index.md"] and "0 van de 1" in pages["index.md"]
    assert "Noor Bakker" not in "".join(_pages(root, "publiek").values())
    talk = root / TALK
    talk.write_text(talk.read_text(encoding="utf-8").replace("grenzen", "rust"))
    signing.commit(root, "verslag aangepast")
    pages = _pages(root)
    assert "Gewijzigd na akkoord" in pages["werkers/eva-de-wit/index.md"]
    assert "✓ **Akkoord:**" not in pages["werkers/eva-de-wit/index.md"]
    assert 'data-akkoord="gewijzigd"' in pages["index.md"]
    colophon = pages["colofon.md"]
    first = signing.git(root, "log", "--format=%H", "-1", "--", "profielen/team-zuid/profiel.toml")
    assert f"commit {first[:10]}" in colophon
    assert str(history.fingerprint((tmp_path / "sleutels/noor.pub").read_text())) in colophon


def test_the_dossier_names_the_approved_activities(team: tuple[Path, Path], tmp_path: Path) -> None:
    root, noor = team
    env = _config(tmp_path, "noor", noor)
    assert prof(root, "approve", "2026-01-20-training-de-escalatie", env=env).exit_code == 0
    repo = load(root).repository
    worker = repo.portfolios["eva-de-wit"]
    written, _ = export(repo, worker, TODAY, tmp_path / "dossier")
    csv_text, markdown, page = (p.read_text(encoding="utf-8") for p in written)
    row = next(r for r in csv_text.splitlines() if "2026-01-20-training-de-escalatie" in r)
    assert row.endswith(";Noor Bakker, 22-11-2026")
    assert "## Akkoord van de leidinggevende" in markdown
    assert "Noor Bakker, 22-11-2026</td>" in page


def test_sync_keeps_the_approval_signed_when_a_colleague_pushed_first(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    """prof sync rebases the lead's approval onto the colleague's work: with her signing key
    configured, the new commit is signed again and the approval still holds."""
    root, noor = team
    shared = tmp_path / "gedeeld.git"
    signing.git(root, "init", "-q", "--bare", "-b", "main", str(shared))
    signing.git(root, "remote", "add", "origin", str(shared))
    signing.git(root, "push", "-q", "-u", "origin", "main")
    colleague = tmp_path / "collega"
    signing.git(tmp_path, "clone", "-q", str(shared), str(colleague))
    goal = colleague / "profielen/eva-de-wit/leerdoelen/grenzen-stellen.toml"
    goal.write_text(goal.read_text(encoding="utf-8") + "# bijgewerkt\n", encoding="utf-8")
    signing.commit(colleague, "collega werkt")
    signing.git(colleague, "push", "-q")
    env = _config(tmp_path, "noor", noor)
    assert prof(root, "approve", "2026-02-10-huisbezoek", env=env).exit_code == 0
    synced = prof(root, "sync", env=env)
    assert synced.exit_code == 0, synced.output
    assert signing.git(root, "rev-list", "--count", "origin/main") == "4"  # rebased and sent
    assert _findings(root) == []


def test_an_approved_entry_is_not_removed_behind_the_approval(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    root, noor = team
    _approve(root, tmp_path, noor)
    done = prof(root, "rm", "2026-02-10-huisbezoek", "--ja", env=signing.ENV)
    assert done.exit_code == 1 and APPROVAL in done.output
    assert (root / ENTRY).exists()
