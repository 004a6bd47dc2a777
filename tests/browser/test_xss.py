"""A portfolio full of script payloads, built and opened in Chromium: nothing may run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import build_site, serve
from tests.publish_repo import site_copy, team_slug, write

pytestmark = pytest.mark.browser

RUN = "window.__xss = 1; alert(1)"
PAYLOADS = [
    f"<script>{RUN}</script>",
    f'<img src="x" onerror="{RUN}">',
    f"[klik hier](javascript:{RUN.replace(' ', '')})",
    "[klik](JaVaScRiPt:alert(1))",
    "<javascript:alert(1)>",
    f"</textarea><script>{RUN}</script><textarea>",
    f'<svg onload="{RUN}"></svg>',
    f'<iframe srcdoc="<script>parent.{RUN}</script>"></iframe>',
    f'{{: onclick="{RUN}" }}',
    f'<a href="javascript:{RUN}">a</a>',
    "![plaatje](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
]
SLUG = "xander-xss"


def toml_string(value: str) -> str:
    return '"""\n' + value.replace("\\", "\\\\").replace('"""', '\\"""') + '\n"""'


def short(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_payload_repo(root: Path) -> None:
    team = team_slug(root)
    long_text = toml_string("\n\n".join(PAYLOADS))
    write(
        root,
        f"profielen/{SLUG}/profiel.toml",
        f'''
naam = {short(PAYLOADS[0] + " Xander")}
soort = "werker"
team = "{team}"
functie = {short(PAYLOADS[1])}
expertise = ["xss"]
omschrijving = {long_text}
''',
    )
    for index, payload in enumerate(PAYLOADS):
        write(
            root,
            f"profielen/{SLUG}/leerdoelen/doel-{index}.toml",
            f"""
titel = {short(payload)}
status = "bezig"
deadline = 2026-12-01
omschrijving = {long_text}
[[acties]]
omschrijving = {short(payload)}
klaar = true
""",
        )
        write(
            root,
            f"profielen/{SLUG}/reflecties/2026-01-{index + 1:02d}-r{index}.toml",
            f"""
titel = {short(payload)}
datum = 2026-01-{index + 1:02d}
methode = "vrij"
leerdoelen = ["doel-{index}"]
beroepscode = ["integriteit"]
[vrij]
tekst = {long_text}
""",
        )
    write(
        root,
        f"profielen/{team}/kennis/xss.toml",
        f'''
titel = {short(PAYLOADS[5])}
inhoud = {long_text}
contactpersonen = ["{SLUG}"]
bronnen = ["javascript:alert(1)", {short(PAYLOADS[2])}]
''',
    )
    write(
        root,
        f"profielen/{team}/bijeenkomsten/2026-11-01-xss.toml",
        f'''
datum = 2026-11-01
soort = "intervisie"
duur_uren = 1
deelnemers = ["{SLUG}"]
thema = {short(PAYLOADS[0])}
casus = {long_text}
inzichten = [{", ".join(short(p) for p in PAYLOADS)}]
signalen = ["xss"]
''',
    )


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Iterator[str]:
    root = site_copy(tmp_path_factory.mktemp("xss"))
    make_payload_repo(root)
    base, server = serve(build_site(root, engine=engine))
    yield base
    server.shutdown()


@pytest.mark.parametrize(
    "path",
    [
        "",
        f"werkers/{SLUG}/index.html",
        f"werkers/{SLUG}/reflecties.html",
        "werkers/index.html",
        "team/kennis.html",
        "team/bijeenkomsten.html",
        "team/wie-weet-wat.html",
        "kaders/integriteit.html",
    ],
)
def test_no_script_from_a_portfolio_runs(browser: Any, xss_site: str, path: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []

    def dismiss(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.goto(xss_site + path, wait_until="networkidle")
    assert "Xander" in page.inner_text("body") or path in (
        "team/kennis.html",
        "kaders/integriteit.html",
    )
    assert page.evaluate("() => window.__xss") is None
    assert dialogs == []
    if path == f"werkers/{SLUG}/index.html":
        shown = page.inner_text("article")
        assert "<script>window.__xss" in shown and "</textarea>" in shown, "payloads shown as text"
    unsafe = page.evaluate("""() => [...document.querySelectorAll('article *')].flatMap(el =>
        [...el.attributes].filter(a => a.name.startsWith('on') ||
            (['href', 'src', 'srcdoc', 'action'].includes(a.name) &&
             /^\\s*(javascript|data|vbscript):/i.test(a.value)))
        .map(a => el.tagName + ' ' + a.name + '=' + a.value))""")
    assert unsafe == []
    assert (
        page.locator("article script, article iframe, article img, article textarea").count() == 0
    )
    for link in page.locator("article a[href]").all()[:40]:
        href = link.get_attribute("href") or ""
        assert not href.lower().lstrip().startswith(("javascript", "data", "vbscript")), href
    assert page.evaluate("() => window.__xss") is None and dialogs == []
