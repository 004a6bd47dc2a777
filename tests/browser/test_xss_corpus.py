"""Every payload of `tests/xss/payloads.txt` in every free-text field; no page may run one.

The site is built with `--strict`, then every generated HTML page is opened in Chromium.
Figures (payloads, fields, pages, executions) are printed for the release note (`-s`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from profcli.repository import writing
from tests.browser.conftest import build_site, serve, without_search
from tests.publish_repo import REPO, site_copy, team_slug

pytestmark = pytest.mark.browser

CORPUS = REPO / "tests" / "xss" / "payloads.txt"
PAYLOADS = [
    line
    for line in CORPUS.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
SLUG = "xena-xss"
ALL = "\n\n".join(PAYLOADS)
FIELDS: set[str] = set()
"""`kind.field` for every free-text field a payload went into (filled by the fixture)."""
PLACED: list[str] = []
"""One item per payload placement, to count them."""


def entry(root: Path, relative: str, kind: str, data: dict[str, Any]) -> None:
    path = root / "profielen" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    depth = "../" * (relative.count("/") + 1)
    path.write_text(
        writing.render(data, header=f"#:schema {depth}schemas/{kind}.schema.json"),
        encoding="utf-8",
    )
    for key, value in data.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            subs = item if isinstance(item, dict) else {"": item}
            for sub, text in subs.items():
                if not isinstance(text, str) or not any(p in text for p in PAYLOADS):
                    continue
                name = f"{kind}.{key}.{sub}" if sub else f"{kind}.{key}"
                PLACED.extend([name] * (len(PAYLOADS) if text == ALL else 1))
    FIELDS.update(PLACED)


def make_corpus_repo(root: Path) -> None:
    team = team_slug(root)
    day = dt.date(2026, 1, 1)
    entry(
        root,
        f"{SLUG}/profiel.toml",
        "profiel",
        {
            "naam": "Xena " + PAYLOADS[0],
            "soort": "werker",
            "team": team,
            "functie": PAYLOADS[1],
            "omschrijving": ALL,
        },
    )
    methods = {
        "vrij": ("tekst",),
        "starr": ("situatie", "taak", "actie", "resultaat", "reflectie", "transfer"),
        "korthagen": ("handelen", "terugblikken", "bewustwording", "alternatieven", "uitproberen"),
        "gibbs": ("beschrijving", "gevoelens", "evaluatie", "analyse", "conclusie", "actieplan"),
    }
    for i, p in enumerate(PAYLOADS):
        date = day + dt.timedelta(days=i)
        stamp = date.isoformat()
        entry(
            root,
            f"{SLUG}/leerdoelen/doel-{i}.toml",
            "leerdoel",
            {
                "titel": p,
                "status": "bezig",
                "deadline": dt.date(2026, 12, 1),
                "omschrijving": p,
                "succescriterium": p,
                "acties": [{"omschrijving": p, "klaar": i % 2 == 0}],
            },
        )
        method = list(methods)[i % len(methods)]
        entry(
            root,
            f"{SLUG}/reflecties/{stamp}-r{i}.toml",
            "reflectie",
            {
                "titel": p,
                "datum": date,
                "methode": method,
                "leerdoelen": [f"doel-{i}"],
                method: {field: p for field in methods[method]},
            },
        )
        entry(
            root,
            f"{SLUG}/activiteiten/{stamp}-a{i}.toml",
            "activiteit",
            {
                "datum": date,
                "titel": p,
                "vorm": "training",
                "accreditatie_id": p,  # shown on the hours page
                "uren": 1,
                "omschrijving": p,
                "aanbieder": p,
                "leerdoelen": [f"doel-{i}"],
            },
        )
        entry(
            root,
            f"{SLUG}/feedback/{stamp}-f{i}.toml",
            "feedback",
            {"datum": date, "van": "collega", "samenvatting": p, "geleerd": p},
        )
        entry(
            root,
            f"{team}/kennis/xss-{i}.toml",
            "kennis",
            {"titel": p, "inhoud": p, "contactpersonen": [SLUG], "bronnen": [p]},
        )
        entry(
            root,
            f"{team}/bijeenkomsten/{stamp}-xss-{i}.toml",
            "bijeenkomst",
            {
                "datum": date,
                "soort": "intervisie",
                "duur_uren": 1,
                "deelnemers": [SLUG],
                "thema": p,
                "casus": p,
                "inzichten": [p],
                "afspraken": [p],
            },
        )


@pytest.fixture(scope="module")
def corpus_site(
    tmp_path_factory: pytest.TempPathFactory, engine: str
) -> Iterator[tuple[str, Path]]:
    root = site_copy(tmp_path_factory.mktemp("xss-corpus"))
    PLACED.clear()
    FIELDS.clear()
    make_corpus_repo(root)
    public = build_site(root, engine=engine)
    base, server = serve(public)
    yield base, public
    server.shutdown()


def test_corpus_is_large_enough() -> None:
    assert len(PAYLOADS) >= 30
    assert len(set(PAYLOADS)) == len(PAYLOADS)


def test_no_payload_runs_on_any_page(browser: Any, corpus_site: tuple[str, Path]) -> None:
    base, public = corpus_site
    pages = sorted(p.relative_to(public).as_posix() for p in public.rglob("*.html"))
    assert len(pages) > 10
    dialogs: list[str] = []
    executed: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    without_search(page)  # the search worker does not touch the page

    def dismiss(dialog: Any) -> None:
        dialogs.append(page.url)
        dialog.dismiss()

    page.on("dialog", dismiss)
    for relative in pages:
        page.goto(base + relative, wait_until="load")
        page.wait_for_timeout(20)
        if page.evaluate("() => window.__xss") is not None:
            executed.append(relative)
        # Clicking a link is the last door: no href may be a script URL.
        hrefs = page.evaluate(
            "() => [...document.querySelectorAll('[href],[src],[action],[srcdoc]')]"
            ".flatMap(e => ['href','src','action','srcdoc'].map(a => e.getAttribute(a)))"
            ".filter(v => v && /^\\s*(javascript|data|vbscript):/i.test(v))"
        )
        if hrefs:
            executed.append(f"{relative}: {hrefs}")
        handlers = page.evaluate(
            "() => [...document.querySelectorAll('article *')].flatMap(el =>"
            " [...el.attributes].filter(a => a.name.startsWith('on')).map(a => a.name))"
        )
        if handlers:
            executed.append(f"{relative}: {handlers}")
    context.close()
    shown = (public / "werkers" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "window.__xss" in shown, "payloads must be shown as text, not dropped silently"
    print(
        f"\nxss: {len(PAYLOADS)} payloads in {len(FIELDS)} soorten velden, {len(PLACED)} "
        f"plaatsingen, "
        f"{len(pages)} pagina's geopend, uitgevoerd: {len(executed) + len(dialogs)}"
    )
    assert executed == [] and dialogs == []
