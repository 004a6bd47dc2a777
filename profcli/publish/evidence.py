"""Evidence (`bewijs`) on the site: linked beside its entry, published only when linked.

A page that shows an entry links its evidence through `links`, which records the file in the
context. After every page is built, `pages` publishes exactly the recorded files: Markdown as a
page of its own (sanitised like all user text), other safe kinds (PDF, images, office files) as
the file itself. A file named only by `prive` entries, or by entries this audience may not see,
is never linked and so never copied; a file named by several entries is published once.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath

from profcli.publish.context import Context, Page
from profcli.publish.markdown import join, link, rel, rich, text, url_link

FOLDER = "bijlagen"
"""Published evidence lives under `bijlagen/<path in the repository>`: it can never collide
with a generated page."""
RENDERED = frozenset({".md", ".markdown"})
COPIED = frozenset({
    ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".txt", ".odt", ".ods", ".odp", ".doc",
    ".docx", ".xls", ".xlsx", ".ppt", ".pptx",
})  # fmt: skip
"""Copied as they are. HTML, SVG and scripts are never copied: the browser would run them."""
LIMIT = 1_000_000
"""Markdown evidence larger than this (bytes) is not rendered; nobody reads a 1 MB page."""


def site_path(ref: str) -> str:
    """Where a published evidence file goes; Markdown becomes a page (`.md`)."""
    pure = PurePosixPath(ref)
    if pure.suffix.lower() in RENDERED:
        pure = pure.with_suffix(".md")
    return f"{FOLDER}/{pure.as_posix()}"


def _file(ctx: Context, ref: str) -> Path | None:
    """The evidence file when it may be published: a regular file of a safe kind, inside the
    repository (validation already refused anything else; checked again because this copies)."""
    if "://" in ref or ".." in PurePosixPath(ref).parts or PurePosixPath(ref).is_absolute():
        return None
    suffix = PurePosixPath(ref).suffix.lower()
    if suffix not in RENDERED | COPIED:
        return None
    root = ctx.repo.root.resolve()
    try:
        path = (root / ref).resolve()
        path.relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return None
    if not path.is_file():
        return None
    if suffix in RENDERED:
        if path.stat().st_size > LIMIT:
            return None
        try:
            path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
    return path


def links(ctx: Context, here: str, refs: list[str], anchor: str, label: str) -> list[str]:
    """Each piece of evidence as a link (or plain text when it is not published), recording the
    files so that `pages` publishes them with a link back to `here#anchor`."""
    out = []
    for ref in refs:
        stripped = ref.strip()
        if "://" in stripped:
            out.append(url_link(stripped))
            continue
        path = _file(ctx, stripped)
        if path is None:
            out.append(f"{text(stripped)} (niet op de site)")
            continue
        back = (f"{here}#{anchor}" if anchor else here, label)
        seen = ctx.evidence.setdefault(stripped, [])
        if back not in seen:
            seen.append(back)
        out.append(link(_label(path, stripped), rel(here, site_path(stripped))))
    return out


def pages(ctx: Context) -> list[Page]:
    """The recorded evidence files, each once, in a stable order."""
    found = []
    for ref in sorted(ctx.evidence):
        path = _file(ctx, ref)
        if path is None:
            continue
        target = site_path(ref)
        if PurePosixPath(ref).suffix.lower() not in RENDERED:
            found.append(Page(target, posixpath.basename(ref), "", source=ref))
            continue
        try:
            body = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        title, body = _title(body, posixpath.basename(ref))
        backs = ", ".join(link(label, rel(target, page)) for page, label in ctx.evidence[ref])
        out = [
            f"# {text(title)}",
            "",
            f"Bewijsstuk bij: {backs}.",
            "",
            f"*Bestand in de repository: {text(ref)}*",
            "",
            "## Tekst van het bewijsstuk",
            "",
            # The file's own `##` sections become `###` under ours (no skipped heading level).
            rich(body, demote=1),
        ]
        found.append(Page(target, title, join(out)))
    return found


def _label(path: Path, ref: str) -> str:
    """Link text: a Markdown file's own title; other files by name, kind and size."""
    name = posixpath.basename(ref)
    suffix = PurePosixPath(ref).suffix.lower()
    if suffix in RENDERED:
        try:
            return _title(path.read_text(encoding="utf-8"), name)[0]
        except (OSError, UnicodeDecodeError):
            return name
    size = max(1, round(path.stat().st_size / 1024))
    return f"{name} ({suffix[1:].upper()}, {size} kB)"


def _title(body: str, fallback: str) -> tuple[str, str]:
    """The first `# heading` as the page title (and out of the body), else the file name."""
    lines = body.lstrip("\ufeff").splitlines()
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if line.startswith("# "):
            return line[2:].strip(), "\n".join(lines[index + 1 :])
        break
    return fallback.rsplit(".", 1)[0].replace("-", " ").capitalize(), "\n".join(lines)
