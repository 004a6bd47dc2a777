"""Git for people who do not know git: every writing command commits just its own files, and
`prof sync` pulls, validates and pushes, explaining in Dutch what stood in the way.

Every repository here is a real git repository in tmp_path; the machine's own git
configuration is shut out (HOME, GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM), identities come from
the environment, and the remote is a bare repository on disk.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import Result

from profcli.git import record as gitrecord
from profcli.git import sync as gitsync
from tests.authoring_repo import WORKER, make_repo, prof

IDENTITY = {
    "GIT_AUTHOR_NAME": "Test Werker",
    "GIT_AUTHOR_EMAIL": "werker@example.org",
    "GIT_COMMITTER_NAME": "Test Werker",
    "GIT_COMMITTER_EMAIL": "werker@example.org",
}


@pytest.fixture(autouse=True)
def _own_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "thuis"
    home.mkdir()
    (home / "gitconfig").write_text("")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("PROF_GIT", raising=False)
    for name in ("EMAIL", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)


def git(where: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=where, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout


def committed_repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    return root


def add_activity(root: Path, *prefix: str, title: str = "Training omgaan met agressie") -> Result:
    return prof(
        root,
        *prefix,
        "add",
        "activiteit",
        "--profiel",
        WORKER,
        "--titel",
        title,
        "--datum",
        "2026-11-20",
        "--vorm",
        "training",
        "--uren",
        "3",
        "--no-input",
    )


def last_subject(root: Path) -> str:
    return git(root, "log", "-1", "--format=%s").strip()


def last_files(root: Path) -> list[str]:
    return git(root, "show", "--name-only", "--format=", "HEAD").split()


ACTIVITY = f"profielen/{WORKER}/activiteiten/2026-11-20-training-omgaan-met-agressie.toml"
PROFILE = f"profielen/{WORKER}/profiel.toml"


def test_add_commits_only_its_own_file(tmp_path: Path) -> None:
    root = committed_repo(tmp_path)
    profile = root / PROFILE
    profile.write_text(profile.read_text() + "# nog niet af\n")  # dirty, unstaged
    (root / "notities.md").write_text("half af\n")
    git(root, "add", "notities.md")  # staged by the user, not by prof
    result = add_activity(root)
    assert result.exit_code == 0, result.output
    message = "prof: activiteit 2026-11-20-training-omgaan-met-agressie toegevoegd"
    assert result.output == f"Opgeslagen: {ACTIVITY}\nVastgelegd in git: {message}\n"
    assert last_subject(root) == message
    assert last_files(root) == [ACTIVITY]
    status = git(root, "status", "--porcelain", "-uall").splitlines()
    assert sorted(status) == [f" M {PROFILE}", "A  notities.md"]


def test_new_commits_the_profile(tmp_path: Path) -> None:
    root = committed_repo(tmp_path)
    result = prof(root, "new", "Anna de Vries")
    assert result.exit_code == 0, result.output
    assert last_subject(root) == "prof: portfolio anna-de-vries aangemaakt"
    assert last_files(root) == ["profielen/anna-de-vries/profiel.toml"]


@pytest.mark.parametrize("how", ["optie", "omgeving"])
def test_switched_off_by_option_or_environment(
    tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = committed_repo(tmp_path)
    if how == "omgeving":
        monkeypatch.setenv("PROF_GIT", "uit")
    result = add_activity(root, *(["--geen-git"] if how == "optie" else []))
    assert result.exit_code == 0, result.output
    assert result.output == f"Opgeslagen: {ACTIVITY}\n"
    assert last_subject(root) == "start"
    assert git(root, "status", "--porcelain", "-uall").splitlines() == [f"?? {ACTIVITY}"]


def test_unknown_environment_value_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = committed_repo(tmp_path)
    monkeypatch.setenv("PROF_GIT", "misschien")
    result = add_activity(root)
    assert result.exit_code == 2
    assert "PROF_GIT=misschien begrijp ik niet; kies aan of uit" in result.output


def test_switched_off_by_the_team(tmp_path: Path) -> None:
    root = committed_repo(tmp_path)
    team = root / "profielen/wijkteam-noord/profiel.toml"
    team.write_text(team.read_text() + "git_vastleggen = false\n")
    git(root, "commit", "-q", "-am", "team legt zelf vast")
    assert prof(root, "validate").exit_code == 0
    result = add_activity(root)
    assert result.exit_code == 0, result.output
    assert last_subject(root) == "team legt zelf vast"
    assert git(root, "status", "--porcelain", "-uall").splitlines() == [f"?? {ACTIVITY}"]


def test_the_setting_belongs_to_a_team(tmp_path: Path) -> None:
    root = committed_repo(tmp_path)
    worker = root / PROFILE
    worker.write_text(worker.read_text().replace("soort =", "git_vastleggen = false\nsoort ="))
    result = prof(root, "validate")
    assert result.exit_code == 1
    assert f"{PROFILE}:" in result.output and "git_vastleggen" in result.output


def test_outside_git_nothing_is_said(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    result = add_activity(root)
    assert result.exit_code == 0
    assert result.output == f"Opgeslagen: {ACTIVITY}\n"


def test_unknown_identity_keeps_the_file_and_explains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = committed_repo(tmp_path)
    for name in IDENTITY:
        monkeypatch.delenv(name)
    git(root, "config", "user.useConfigOnly", "true")  # no guessing from the host name
    result = add_activity(root)
    assert result.exit_code == 0, result.output
    assert "let op: git weet niet wie je bent" in result.stderr
    assert 'git config --global user.name "Je Naam"' in result.stderr
    assert (root / ACTIVITY).is_file()
    assert last_subject(root) == "start"
    assert git(root, "status", "--porcelain", "-uall").splitlines() == [f"?? {ACTIVITY}"]


def test_failing_hook_is_a_warning_and_leaves_the_index_alone(tmp_path: Path) -> None:
    root = committed_repo(tmp_path)
    hook = root / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'geweigerd door de hook' >&2\nexit 1\n")
    hook.chmod(0o755)
    result = add_activity(root)
    assert result.exit_code == 0, result.output
    assert "let op: niet vastgelegd in git, je bestand is wel bewaard" in result.stderr
    assert "geweigerd door de hook" in result.stderr
    assert "Traceback" not in result.output
    assert (root / ACTIVITY).is_file()
    assert git(root, "status", "--porcelain", "-uall").splitlines() == [f"?? {ACTIVITY}"]


def test_a_removed_file_is_committed_as_removed(tmp_path: Path) -> None:
    root = committed_repo(tmp_path)
    assert add_activity(root).exit_code == 0
    (root / ACTIVITY).unlink()
    (root / "los.md").write_text("niet van prof\n")
    done = gitrecord.record(root, [root / ACTIVITY], "prof: activiteit weggehaald")
    assert done == gitrecord.Recorded(True)
    assert last_subject(root) == "prof: activiteit weggehaald"
    assert git(root, "ls-files", ACTIVITY) == ""
    assert git(root, "status", "--porcelain", "-uall").splitlines() == ["?? los.md"]


def test_unchanged_or_ignored_files_make_no_commit(tmp_path: Path) -> None:
    root = committed_repo(tmp_path)
    cache = root / ".prof-cache/concepten/x.toml"
    cache.parent.mkdir(parents=True)
    cache.write_text("x = 1\n")
    assert gitrecord.record(root, [root / PROFILE, cache], "niets") == gitrecord.Recorded(False)
    assert last_subject(root) == "start"


def test_without_git_installed_nothing_breaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = committed_repo(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    assert gitrecord.work_tree(root) is None
    assert gitrecord.record(root, [root / PROFILE], "x") == gitrecord.Recorded(False)


# prof sync ----------------------------------------------------------------------------------


def shared(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A bare remote with the team repository, and two colleagues' clones of it."""
    first = committed_repo(tmp_path)
    remote = tmp_path / "gedeeld.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    git(first, "remote", "add", "origin", str(remote))
    git(first, "push", "-q", "-u", "origin", "main")
    second = tmp_path / "collega"
    git(tmp_path, "clone", "-q", str(remote), str(second))
    return first, second, remote


def test_sync_shares_work_both_ways(tmp_path: Path) -> None:
    first, second, remote = shared(tmp_path)
    assert add_activity(first).exit_code == 0
    result = prof(first, "sync")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Ophalen… (het werk van je collega's)",
        "Controleren…",
        "3 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen",
        "Versturen…",
        "Klaar: je werk is gedeeld met je team.",
    ]
    assert git(remote, "log", "-1", "--format=%s").startswith("prof: activiteit")
    again = prof(second, "sync")
    assert again.exit_code == 0, again.output
    assert "Niets te versturen" in again.output
    assert (second / ACTIVITY).is_file()


def test_sync_explains_a_conflict_and_leaves_everything_as_it_was(tmp_path: Path) -> None:
    first, second, _ = shared(tmp_path)
    for clone, function in ((first, "Wijkwerker"), (second, "Jongerenwerker")):
        profile = clone / PROFILE
        profile.write_text(
            profile.read_text().replace("soort =", f'functie = "{function}"\nsoort =')
        )
        assert gitrecord.record(clone, [profile], "functie").committed
    synced = prof(first, "sync")
    assert synced.exit_code == 0, synced.output
    before = git(second, "rev-parse", "HEAD")
    result = prof(second, "sync")
    assert result.exit_code == 1
    assert "een collega heeft hetzelfde bestand veranderd als jij" in result.stderr
    assert f"\n  {PROFILE}\n" in result.stderr
    assert "Er is niets kwijt" in result.stderr
    assert "Traceback" not in result.output
    assert git(second, "rev-parse", "HEAD") == before
    assert git(second, "status", "--porcelain") == ""
    assert 'functie = "Jongerenwerker"' in (second / PROFILE).read_text()
    assert not (second / ".git/rebase-merge").exists()


def test_sync_gives_back_uncommitted_text_a_colleague_also_changed(tmp_path: Path) -> None:
    first, second, _ = shared(tmp_path)
    profile = first / PROFILE
    profile.write_text(profile.read_text().replace("soort =", 'functie = "Wijkwerker"\nsoort ='))
    assert gitrecord.record(first, [profile], "functie").committed
    assert prof(first, "sync").exit_code == 0
    mine = (second / PROFILE).read_text().replace("soort =", 'functie = "Buurtcoach"\nsoort =')
    (second / PROFILE).write_text(mine)  # changed by hand, never committed
    result = prof(second, "sync")
    assert result.exit_code == 0, result.output
    assert "deze bestanden had je veranderd zonder dat het was vastgelegd" in result.stderr
    assert f"\n  {PROFILE}\n" in result.stderr
    assert (second / PROFILE).read_text() == mine  # no conflict markers: her own text
    assert git(second, "status", "--porcelain", "-uall").splitlines() == [f" M {PROFILE}"]
    assert 'functie = "Wijkwerker"' in git(second, "show", f"HEAD:{PROFILE}")


def test_sync_does_not_send_an_invalid_repository(tmp_path: Path) -> None:
    first, _, remote = shared(tmp_path)
    profile = first / PROFILE
    profile.write_text(profile.read_text().replace("soort =", 'fase = "meester"\nsoort ='))
    assert gitrecord.record(first, [profile], "kapot").committed
    shared_before = git(remote, "rev-parse", "main")
    result = prof(first, "sync")
    assert result.exit_code == 1
    assert f"{PROFILE}:" in result.output
    assert "niet verstuurd: de repository bevat 1 fout" in result.stderr
    assert "Versturen" not in result.output
    assert git(remote, "rev-parse", "main") == shared_before


def test_sync_explains_a_refused_push(tmp_path: Path) -> None:
    first, _, remote = shared(tmp_path)
    hook = remote / "hooks/pre-receive"
    hook.write_text("#!/bin/sh\necho 'main is beschermd' >&2\nexit 1\n")
    hook.chmod(0o755)
    assert add_activity(first).exit_code == 0
    result = prof(first, "sync")
    assert result.exit_code == 1
    assert "niet verstuurd: de gedeelde repository weigert je werk" in result.stderr
    assert "main is beschermd" in result.stderr
    assert "Traceback" not in result.output


def test_sync_explains_a_colleague_who_sent_just_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, _ = shared(tmp_path)
    assert add_activity(first).exit_code == 0
    assert prof(first, "sync").exit_code == 0
    assert add_activity(second, title="Intervisie over grenzen").exit_code == 0
    original = gitsync.pull
    monkeypatch.setattr(gitsync, "pull", lambda place: None)  # the colleague won the race
    result = prof(second, "sync")
    assert result.exit_code == 1
    assert result.stderr == (
        "fout: niet verstuurd: een collega stuurde net ook werk in. Doe nog eens `prof sync`; "
        "dan komt jouw werk erachter.\n"
    )
    monkeypatch.setattr(gitsync, "pull", original)
    assert prof(second, "sync").exit_code == 0


def test_first_sync_to_an_empty_shared_repository(tmp_path: Path) -> None:
    root = committed_repo(tmp_path)
    remote = tmp_path / "leeg.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    git(root, "remote", "add", "origin", str(remote))  # added, never pushed: no upstream yet
    result = prof(root, "sync")
    assert result.exit_code == 0, result.output
    assert "Klaar: je werk is gedeeld met je team." in result.output
    assert git(remote, "log", "-1", "--format=%s", "main").strip() == "start"
    assert git(root, "rev-parse", "--abbrev-ref", "@{u}").strip() == "origin/main"


def test_sync_outside_git_or_without_remote(tmp_path: Path) -> None:
    loose = make_repo(tmp_path / "los")
    result = prof(loose, "sync")
    assert result.exit_code == 2
    assert "prof sync werkt alleen in een repository die met git wordt gedeeld" in result.stderr
    alone = committed_repo(tmp_path / "alleen")
    result = prof(alone, "sync")
    assert result.exit_code == 1
    assert "geen gedeelde plek (een 'remote')" in result.stderr


def test_sync_names_work_that_is_not_committed(tmp_path: Path) -> None:
    first, _, _ = shared(tmp_path)
    (first / "kladblok.md").write_text("nog niet vastgelegd\n")
    result = prof(first, "sync")
    assert result.exit_code == 0, result.output
    assert "Niets te versturen" in result.output
    assert "niet vastgelegd, dus niet gedeeld" in result.stderr
    assert "\n  kladblok.md" in result.stderr


def test_a_refusal_shows_all_that_git_said() -> None:
    from profcli.git.sync import _remote_said

    said = (
        "remote: error: GH006: Protected branch update failed for refs/heads/main.\n"
        "remote: error: At least 1 approving review is required by reviewers with write "
        "access.\nremote: \nremote: see https://docs.github.com/branches\n"
        "remote: bye\nTo example.org:team/repo.git\n"
        " ! [remote rejected] main -> main (protected branch hook declined)\n"
    )
    assert _remote_said(said) == (
        "\n    error: GH006: Protected branch update failed for refs/heads/main."
        "\n    error: At least 1 approving review is required by reviewers with write access."
        "\n    see https://docs.github.com/branches\n    bye"
    )
    assert _remote_said("fatal: unable to access\nCould not resolve host") == (
        "\n    fatal: unable to access\n    Could not resolve host"
    )


def test_what_was_saved_is_said_before_what_git_recorded(tmp_path: Path) -> None:
    root = committed_repo(tmp_path)
    assert add_activity(root).exit_code == 0
    stem = "2026-11-20-training-omgaan-met-agressie"
    edited = prof(root, "edit", stem, "--zet", "uren=2,5")
    assert edited.exit_code == 0, edited.output
    assert edited.output == (
        f"Opgeslagen: {ACTIVITY}\nVastgelegd in git: prof: activiteit {stem} bijgewerkt\n"
    )
    removed = prof(root, "rm", stem, "--ja")
    assert removed.exit_code == 0, removed.output
    assert removed.output.index("Verwijderd: ") < removed.output.index("Vastgelegd in git: ")
