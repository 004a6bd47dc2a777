"""`prof serve` stays up: a busy or impossible port is a Dutch usage error, a broken file is
shown on the pages instead of stopping the preview, and no request ever hangs.

The server runs as a real process in its own process group (killed in `finally`); every
request has a timeout, so a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from profcli.findings import Finding
from profcli.publish import preview
from tests.authoring_repo import WORKER, make_repo, prof

PROF = [sys.executable, "-c", "from profcli.cli import main; main()"]
PROFILE = f"profielen/{WORKER}/profiel.toml"
GOOD = 'naam = "Éva van den Berg"\nsoort = "werker"\nteam = "wijkteam-noord"\n'
BROKEN = GOOD + 'fase = "<script>alert(1)</script>"\n'
"""An invalid value that is also markup: the page must show it escaped."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(root: Path, port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*PROF, "--repo", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def get(url: str, timeout: float = 10) -> tuple[int, str]:
    """One request; a hang raises (urllib's timeout) instead of waiting."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def wait_for(url: str, wanted: Callable[[str], bool], log: Path, within: float = 25) -> str:
    """The page once it shows what is wanted; requests that hang fail the test."""
    deadline = time.monotonic() + within
    last = ""
    while time.monotonic() < deadline:
        try:
            status, last = get(url)
        except (ConnectionError, urllib.error.URLError):
            time.sleep(0.3)
            continue
        if status == 200 and wanted(last):
            return last
        time.sleep(0.3)
    pytest.fail(f"{url} toonde niet wat verwacht werd; log:\n{log.read_text()}\n{last[:2000]}")


def test_busy_port_is_a_dutch_usage_error(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*PROF, "--repo", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            capture_output=True,
            text=True,
            timeout=20,
        )
    assert done.returncode == 2
    assert done.stderr == (
        f"fout: poort {port} op 127.0.0.1 is al in gebruik, misschien door een andere "
        f"`prof serve`. Stop die, of kies een andere poort: prof serve --adres "
        f"127.0.0.1:{port + 1}\n"
    )


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("127.0.0.1:99999", "poort `99999` bestaat niet: een poort is een getal van 1 tot en met"),
        ("127.0.0.1:-1", "poort `-1` bestaat niet"),
        ("-1", "poort `-1` bestaat niet"),
        ("127.0.0.1:abc", "poort `abc` bestaat niet"),
        ("localhost:0", "poort `0` bestaat niet"),
        ("abc", "`abc` is geen adres met een poort; schrijf het als 127.0.0.1:8000"),
        ("buurthuis:8000", "`buurthuis` is geen IP-adres"),
    ],
)
def test_impossible_address_is_a_dutch_usage_error(tmp_path: Path, address: str, said: str) -> None:
    root = make_repo(tmp_path)
    result = prof(root, "serve", "--dev-addr", address)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"fout: {said}")
    assert "Traceback" not in result.output


def test_starts_over_a_broken_file_and_lists_the_errors(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    (root / PROFILE).write_text(BROKEN, encoding="utf-8")
    port, log = free_port(), tmp_path / "serve.log"
    with serving(root, port, log):
        page = wait_for(f"http://127.0.0.1:{port}/", lambda p: "profcli-fouten" in p, log)
    assert f"<code>{PROFILE}:4:8</code>" in page
    assert "&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;" in page
    assert "<script>alert(1)" not in page
    assert "De site kan pas worden getoond als ze zijn verbeterd." in page
    assert "De site wacht op een verbetering" in page
    assert "let op: er is 1 fout; de voorvertoning start toch" in log.read_text()


def test_keeps_the_last_good_site_while_a_file_is_broken(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    (root / PROFILE).write_text(GOOD, encoding="utf-8")
    port, log = free_port(), tmp_path / "serve.log"
    url = f"http://127.0.0.1:{port}/werkers/"
    with serving(root, port, log):
        first = wait_for(url, lambda p: "Éva van den Berg" in p, log)
        assert "profcli-fouten" not in first
        (root / PROFILE).write_text(BROKEN, encoding="utf-8")
        broken = wait_for(url, lambda p: "profcli-fouten" in p, log)
        assert "Éva van den Berg" in broken  # the last good version, with the errors above it
        assert "Je ziet de laatste versie van de site zonder fouten." in broken
        assert f"<code>{PROFILE}:4:8</code>" in broken
        (root / PROFILE).write_text(GOOD.replace("Éva", "Eva"), encoding="utf-8")
        mended = wait_for(url, lambda p: "Eva van den Berg" in p, log)
        assert "profcli-fouten" not in mended
    assert "Traceback" not in log.read_text()


def test_a_failing_rebuild_never_leaves_the_server_waiting() -> None:
    calls: list[str] = []

    def builder() -> None:
        calls.append("gebouwd")
        raise RuntimeError("thema kapot")

    class Log:
        def error(self, message: str, *args: object) -> None:
            calls.append(message % args)

    preview.never_stuck(builder, Log())()  # type: ignore[arg-type]
    assert calls[0] == "gebouwd"
    assert calls[1].startswith("profcli: de site kon niet opnieuw worden gebouwd (thema kapot)")


def test_banner_escapes_and_counts() -> None:
    problems = [Finding("a<b>.toml", n, 1, "r&d", "<i>mis</i>") for n in range(1, 53)]
    page = preview.with_banner(
        "<html><body><article class='x'>tekst</article></body></html>", problems, stale=True
    )
    assert page.startswith("<html><body><article class='x'><div class=\"admonition danger")
    assert (
        "<code>a&lt;b&gt;.toml:1:1</code> &lt;i&gt;mis&lt;/i&gt; <small>[r&amp;d]</small>" in page
    )
    assert page.count("<li>") == preview.SHOWN + 1
    assert "… en nog 2; <code>prof validate</code> toont ze allemaal." in page
    assert "<i>" not in page
