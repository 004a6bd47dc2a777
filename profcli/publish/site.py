"""Building, serving and rendering the site for the CLI, without Click.

MkDocs is imported only inside these functions, so that the CLI can set
`NO_MKDOCS_2_WARNING` before Material is loaded and `prof validate` stays fast.
"""

from __future__ import annotations

import datetime as dt
import errno
import ipaddress
import logging
import os
import shutil
import socket
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from profcli.errors import AddressUnusable, SiteError, WriteRefused
from profcli.publish import engine, folder, source
from profcli.publish.engine import ZENSICAL
from profcli.publish.pages import build_pages
from profcli.repository.model import Repository

if TYPE_CHECKING:  # the plugin imports MkDocs: only when a site is built
    from profcli.publish.plugin import Handed

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True, slots=True)
class Built:
    site_dir: Path
    pages: int
    seconds: float


def quiet_material() -> None:
    """Material announces MkDocs 2 on import; our own messages matter more here."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def plugins_for(path: Path, audience: str, handed: Handed | None = None) -> list[Any]:
    """The `plugins:` of mkdocs.yml with `voor` of the profcli plugin set to `audience`, and
    what the command hands the plugin for its run (`plugin.Handed`).

    Given to MkDocs as a configuration override, so the audience reaches the plugin through
    its own configuration, never through the environment; MkDocs makes the configuration
    anew for every build, so nothing handed to one build reaches the next."""
    from mkdocs.utils.yaml import yaml_load

    with path.open("rb") as handle:
        raw = yaml_load(handle) or {}
    plugins = raw.get("plugins", [])
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    if not isinstance(plugins, list):
        raise SiteError(f"{CONFIG_FILE}: `plugins:` is geen lijst")
    result: list[Any] = []
    found = False
    for item in plugins:
        if item == "profcli":
            item = {"profcli": {}}
        if isinstance(item, dict) and "profcli" in item:
            options = dict(item["profcli"] or {})
            options["voor"] = audience
            if handed is not None:
                options["handed"] = handed
            item = {**item, "profcli": options}
            found = True
        result.append(item)
    if not found:
        raise SiteError(f"{CONFIG_FILE} noemt de plugin `profcli` niet onder `plugins:`")
    return result


def config_file(root: Path) -> Path:
    path = root / CONFIG_FILE
    if not path.is_file():
        raise SiteError(f"{CONFIG_FILE} ontbreekt in {root}; maak het met `prof init`")
    return path


def build(
    root: Path,
    repo: Repository,
    *,
    audience: str,
    strict: bool,
    today: dt.date,
    engine: str = "mkdocs",
) -> Built:
    """Build the site into the audience's own folder (`public/` or `teamsite/`, see
    `source.output_dir`), with MkDocs (through the plugin) or Zensical (from a folder).

    The build goes to a fresh folder beside it that replaces the old one only when it is
    complete: the folder never holds a half-built site or pages left from another audience."""
    if engine == ZENSICAL:
        return _build_zensical(root, repo, audience=audience, strict=strict, today=today)
    quiet_material()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from profcli.publish.plugin import Handed, ProfcliPlugin

    start = time.perf_counter()
    path = config_file(root)
    handed = Handed(today, repo)
    overrides: dict[str, Any] = {"plugins": plugins_for(path, audience, handed)}
    staging: Path | None = None
    plugin: ProfcliPlugin | None = None
    try:
        config = load_config(str(path), strict=strict, **overrides)
        found = config.plugins.get("profcli")
        if not isinstance(found, ProfcliPlugin):
            raise SiteError(f"{CONFIG_FILE} noemt de plugin `profcli` niet onder `plugins:`")
        plugin = found
        target = plugin.site_dir_for(config).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-bouw-", dir=target.parent))
        staging.chmod(0o755)
        config.site_dir = str(staging)  # the plugin leaves a handed build's folder as it is
        _log_to_stderr()
        config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        _replace(target, staging)
        staging = None
    except MkDocsException as e:
        raise SiteError(f"de site is niet gebouwd: {_why(plugin, e)}") from e
    except SystemExit as e:  # mkdocs' Abort is a ClickException in some versions
        raise SiteError(f"de site is niet gebouwd: {_why(plugin, e)}") from e
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return Built(target, found.generated, time.perf_counter() - start)


def _why(plugin: Any, error: BaseException) -> str:
    """The plugin's own reason when it refused a page, else what MkDocs said."""
    return getattr(plugin, "refused", "") or str(error)


def _build_zensical(
    root: Path, repo: Repository, *, audience: str, strict: bool, today: dt.date
) -> Built:
    """The same pages, menu, banner and folders as with MkDocs; Zensical builds them from a
    temporary folder (`publish.folder`), and every page is checked to say for whom it is."""
    engine.zensical_version()
    start = time.perf_counter()
    path = config_file(root)
    team = folder.read_config(path)
    target = source.output_dir(root, str(team.get("site_dir", "site")), audience).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    # Zensical wants site_dir inside the project, so the source and the new site share one
    # temporary folder beside the target; the site is renamed into place from there.
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-bouw-", dir=target.parent))
    staging = work / "site"
    try:
        pages = build_pages(repo, today=today, audience=audience)
        config = folder.write(
            root, pages, work, audience=audience, site_dir=Path("site"), repo=repo
        )
        engine.zensical_build(config, strict=strict)
        source.compact_folder(staging)
        missing = source.unlabelled(staging, audience)
        if missing:
            raise SiteError(
                f"de site is niet gebouwd: {len(missing)} pagina('s) zeggen niet voor wie ze "
                f"zijn, zoals {missing[0]}. Heeft het team een eigen main.html? Laat die de "
                "blokken `extrahead` en `header` aanvullen met super()."
            )
        staging.chmod(0o755)
        _replace(target, staging)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Built(target, len(pages), time.perf_counter() - start)


def _replace(target: Path, fresh: Path) -> None:
    """Put the complete build `fresh` in the place of `target`: two renames, so a reader
    sees the old site or the new one, never a mixture."""
    if target.is_symlink() or target.is_file():
        raise SiteError(f"{target} is geen map; haal het weg of kies een andere `site_dir`")
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-oud-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    fresh.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _log_to_stderr() -> None:
    """MkDocs logs warnings through `logging`; show them when nobody configured a handler."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
        logger.propagate = False


EXAMPLE_ADDRESS = "127.0.0.1:8000"


def parse_address(text: str) -> tuple[str, int]:
    """`host:port` (or a bare port, on this computer) as MkDocs takes it; AddressUnusable
    with a Dutch explanation otherwise."""
    value = text.strip()
    host, _, port = value.rpartition(":")
    if not host and port.lstrip("-").isdigit():
        host = "127.0.0.1"  # a bare port: on this computer
    if not host:
        raise AddressUnusable(
            f"`{text}` is geen adres met een poort; schrijf het als {EXAMPLE_ADDRESS}"
        )
    if not port.isdigit() or not 1 <= int(port) <= 65535:
        raise AddressUnusable(
            f"poort `{port}` bestaat niet: een poort is een getal van 1 tot en met 65535. "
            f"Schrijf het adres als {EXAMPLE_ADDRESS}"
        )
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if bare != "localhost":
        try:
            bare = str(ipaddress.ip_address(bare))
        except ValueError as e:
            raise AddressUnusable(
                f"`{host}` is geen IP-adres; gebruik 127.0.0.1 (alleen deze computer) of "
                "0.0.0.0 (ook anderen in het netwerk)"
            ) from e
    return bare, int(port)


def check_address(host: str, port: int) -> None:
    """Fail now, in Dutch, when the preview could not listen there; MkDocs would only find
    out after its first build, with a traceback."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _, sockaddr = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server
            probe.bind(sockaddr)
    except OSError as e:
        raise address_error(host, port, e) from e


def address_error(host: str, port: int, error: OSError) -> AddressUnusable:
    if error.errno == errno.EADDRINUSE:
        return AddressUnusable(
            f"poort {port} op {host} is al in gebruik, misschien door een andere `prof serve`. "
            f"Stop die, of kies een andere poort: prof serve --adres {host}:{port + 1}"
        )
    if error.errno == errno.EACCES:
        return AddressUnusable(
            f"poort {port} mag alleen de beheerder van deze computer gebruiken; kies een poort "
            f"boven 1024, bijvoorbeeld --adres {host}:8000"
        )
    if error.errno == errno.EADDRNOTAVAIL:
        return AddressUnusable(
            f"{host} is geen adres van deze computer; gebruik bijvoorbeeld --adres 127.0.0.1:{port}"
        )
    return AddressUnusable(
        f"op {host}:{port} kan de voorvertoning niet luisteren ({error.strerror or error})"
    )


def serve(root: Path, *, audience: str, address: str, today: dt.date | None) -> None:
    """Preview with live reload; the plugin reloads the repository and rebuilds the pages
    when `profielen/` changes (on the fixed day `today`, else on the team's own day), shows
    errors on the pages and keeps the last good version meanwhile."""
    host, port = parse_address(address)
    check_address(host, port)
    quiet_material()
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    from profcli.publish.plugin import Handed

    path = config_file(root)
    overrides: dict[str, Any] = {"plugins": _reusable(plugins_for(path, audience, Handed(today)))}
    _log_to_stderr()
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    shown = f"[{host}]" if ":" in host else host
    try:
        mkdocs_serve(str(path), dev_addr=f"{shown}:{port}", livereload=True, **overrides)
    except MkDocsException as e:
        raise SiteError(f"de site kan niet worden getoond: {e}") from e
    except SystemExit as e:  # mkdocs' Abort is a ClickException in some versions
        raise SiteError("de site kan niet worden getoond") from e
    except OSError as e:  # the port was taken between our check and MkDocs' own bind
        if e.errno in (errno.EADDRINUSE, errno.EACCES, errno.EADDRNOTAVAIL):
            raise address_error(host, port, e) from e
        raise SiteError(f"de site kan niet worden getoond: {e.strerror or e}") from e


def _reusable(plugins: list[Any]) -> list[Any] | dict[str, Any]:
    """The plugins as a mapping, which MkDocs reads without changing it.

    `mkdocs serve` reloads the configuration with the same overrides on every rebuild, and
    it empties each `{name: options}` item of a list as it reads it (`popitem`), so the
    second build failed with "Invalid Plugins configuration": after the first change to any
    file the server waited forever for a build that never came (issue #12)."""
    mapping: dict[str, Any] = {}
    for item in plugins:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        if name in mapping or (isinstance(item, dict) and len(item) != 1):
            return plugins  # a plugin named twice: only a list can say that
        mapping[name] = options
    return mapping


def render(root: Path, repo: Repository, out: Path, *, audience: str, today: dt.date) -> list[Path]:
    """Write the generated Markdown pages to `out` for another engine or a plain `mkdocs build`."""
    target = out.resolve()
    docs = (root / "site").resolve()
    if target == docs or docs in target.parents:
        raise WriteRefused(
            f"{out} ligt in site/: gegenereerde pagina's horen niet tussen de handgeschreven "
            "pagina's; kies een andere map"
        )
    written = []
    for page in build_pages(repo, today=today, audience=audience):
        path = target / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        if page.source:  # an evidence file, copied as it is
            path.write_bytes((root / page.source).read_bytes())
        else:
            path.write_text(page.markdown, encoding="utf-8")
        written.append(path)
    return written
