"""Escaping and sanitising: user text must never become HTML, scripts or unsafe links."""

from __future__ import annotations

import markdown
import nh3
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profcli.publish import charts
from profcli.publish.markdown import _plain_paragraphs, cell, rel, rich, text, url_link


def render(md: str) -> str:
    return str(markdown.markdown(md, extensions=["tables", "attr_list", "toc"]))


@pytest.mark.parametrize(
    "payload",
    [
        "<script>window.__xss=1</script>",
        '<img src=x onerror="window.__xss=1">',
        "[klik](javascript:alert(1))",
        "<javascript:alert(1)>",
        "<https://voorbeeld.nl>",
        "</textarea><script>alert(1)</script>",
        'Titel {: onclick="alert(1)" }',
        "`code` **vet** _schuin_ ~~weg~~ | pijp | [^1]",
        "# geen kop",
        "1. geen lijst",
        "- geen lijst",
        "&lt;script&gt; &amp; &#60;",
    ],
)
def test_short_text_shows_literally(payload: str) -> None:
    html = render(f"# {text(payload)}\n\n| a |\n|---|\n| {cell(payload)} |\n\n- {text(payload)}")
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert 'onclick="' not in html
    assert "<code>" not in html and "<strong>" not in html and "<del>" not in html
    assert html.count("<td>") == 1, "a pipe must not split the cell"
    assert "<ol>" not in html


def test_short_text_round_trips_to_the_same_characters() -> None:
    import html as htmllib
    import re

    payload = "Wat [ik] <leerde> & 'deed' | #1 `x` *y*"
    out = render(text(payload))
    assert htmllib.unescape(re.sub(r"</?p>", "", out)) == payload


@pytest.mark.parametrize(
    "payload",
    [
        "<script>window.__xss=1</script>tekst",
        '<img src=x onerror="window.__xss=1">',
        "[klik](javascript:alert(1))",
        "[klik](JaVaScRiPt:alert(1))",
        "[klik](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
        "![plaatje](https://elders.example/x.png)",
        '<a href="javascript:alert(1)">a</a>',
        "</textarea><svg onload=alert(1)>",
        '<iframe src="https://elders.example"></iframe>',
        "<style>body{display:none}</style>",
    ],
)
def test_long_text_is_sanitised(payload: str) -> None:
    html = rich(payload)
    lowered = html.lower()
    for bad in (
        "<script",
        "<img",
        "<svg",
        "<iframe",
        "<style",
        "javascript:",
        "data:",
        "onerror",
        "onload",
        "</textarea>",
    ):
        assert bad not in lowered, (bad, html)


def test_long_text_keeps_markdown_and_safe_links() -> None:
    html = rich("## Kop\n\n- **vet** [bron](https://www.pharos.nl) en [intern](../team/)\n")
    assert "<h4>Kop</h4>" in html
    assert "<strong>vet</strong>" in html
    assert 'href="https://www.pharos.nl"' in html and 'href="../team/"' in html
    assert html.startswith('<div class="prof-tekst">')


def test_url_link_only_for_http() -> None:
    assert url_link("https://www.pharos.nl").startswith("[")
    assert "](" not in url_link("javascript:alert(1)")
    assert "](" not in url_link("bewijs/anna/certificaat.pdf")


def test_relative_links() -> None:
    assert rel("index.md", "werkers/anna/index.md") == "werkers/anna/index.md"
    assert rel("werkers/anna/uren.md", "kaders/integriteit.md#x") == "../../kaders/integriteit.md#x"
    assert rel("team/kennis.md", "werkers/anna/index.md") == "../werkers/anna/index.md"


def test_chart_has_text_alternative_and_no_fixed_text_colour() -> None:
    svg = charts.bars("t", "Uren van <Anna>", [charts.Bar("Scholing & zo", 10, 20)])
    assert 'role="img"' in svg and 'aria-label="Uren van &lt;Anna&gt;"' in svg
    assert "<title" in svg and "&lt;Anna&gt;" in svg and "Scholing &amp; zo" in svg
    assert "#000" not in svg and "black" not in svg


_PIECES = [
    "Het", "team", "wijk", "één", "a", " ", "  ", "\n", "\n\n", "\n\n\n", ".", ",", ";", ":", "'",
    '"', "?", "!", "(", ")", "-", "--", "*", "_", "#", ">", "1", "1.", "<b>", "&", "|", "\t",
    "[x](y)", "`", "=", "\r", "é", "\u00a0",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30))
def test_plain_text_shortcut_matches_markdown(pieces: list[str]) -> None:
    """The fast path for plain prose gives exactly what Python-Markdown gives."""
    value = "".join(pieces)
    fast = _plain_paragraphs(value)
    if fast is not None:
        slow = markdown.Markdown(extensions=["tables", "sane_lists"]).convert(value)
        assert fast == slow
        assert nh3.clean(fast, tags={"p"}) == fast  # so rich() may skip the sanitiser
        assert rich(value) == f'<div class="prof-tekst">\n{fast}\n</div>'


def test_plain_text_shortcut_is_taken_for_prose() -> None:
    value = "Ik sprak met de buurvrouw (zij woont er al jaren).\nDat ging goed.\n\nDaarna: rust."
    assert _plain_paragraphs(value) == markdown.markdown(value)


def _nested(html: str) -> list[str]:
    """The list items of `html` as `depth:text`, to compare nesting at a glance."""
    import re

    out, depth = [], 0
    for tag in re.finditer(r"<(/?)(ul|ol|li)>([^<]*)", html):
        closing, name, after = tag.groups()
        if name in ("ul", "ol"):
            depth += -1 if closing else 1
        elif not closing:
            out.append(f"{depth}:{after.strip()}")
    return out


@pytest.mark.parametrize("indent", [2, 3, 4])
def test_nested_lists_nest_as_typed(indent: int) -> None:
    sub = " " * indent
    value = f"Wat ik deed:\n- bellen\n{sub}- met de tolk\n{sub}- met de school\n- schrijven\n"
    assert _nested(rich(value)) == [
        "1:bellen",
        "2:met de tolk",
        "2:met de school",
        "1:schrijven",
    ]
    assert "<p>Wat ik deed:</p>" in rich(value)


def test_three_levels_and_numbered_lists_nest() -> None:
    value = "1. Voorbereiden\n   - doel\n      - rolverdeling\n   - tolk bellen\n2. Gesprek\n"
    html = rich(value)
    assert _nested(html) == [
        "1:Voorbereiden",
        "2:doel",
        "3:rolverdeling",
        "2:tolk bellen",
        "1:Gesprek",
    ]
    assert html.index("<ol>") < html.index("<ul>")


def test_list_preprocessing_leaves_other_text_alone() -> None:
    from profcli.publish.markdown import nest_lists

    for value in (
        "    een codeblok\n    van twee regels",
        "Ik werk hier sinds\n2024. Toen begon het.",
        "Een gewone alinea.\n\nNog een.",
        "| a | b |\n|---|---|\n| - | x |",
        "- een\n    - twee\n        - drie",  # already four spaces a level
    ):
        assert nest_lists(value) == value
    # A paragraph continuing an item (two spaces, after a blank line) stays in the item.
    html = rich("- een\n\n  meer over een\n\nDaarna een alinea.")
    assert "<li>\n<p>een</p>\n<p>meer over een</p>\n</li>" in html
    assert "</ul>\n<p>Daarna een alinea.</p>" in html
    # Code inside an item keeps its four extra spaces.
    assert "<pre><code>code" in rich("- een\n\n      code")


_LIST_PIECES = ["- ", "* ", "1. ", "2) ", " ", "  ", "   ", "    ", "\n", "\n\n", "tekst", "|"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LIST_PIECES), min_size=1, max_size=40))
def test_list_preprocessing_only_moves_whitespace(pieces: list[str]) -> None:
    """It changes indents and adds blank lines, nothing else; text without list items stays."""
    from profcli.publish.markdown import _LIST_LINE, nest_lists

    value = "".join(pieces)
    once = nest_lists(value)
    if not _LIST_LINE.search(value):
        assert once == value
    assert once.replace(" ", "").replace("\n", "") == value.replace(" ", "").replace("\n", "")
    assert rich(value).startswith('<div class="prof-tekst">') or not rich(value)
