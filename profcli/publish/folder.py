"""The whole site source in one folder, for an engine that runs no MkDocs plugin (Zensical).

`write` puts the team's own pages (`docs_dir`), the generated documents, the evidence, our
assets, the theme overrides (ours, with the team's `custom_dir` on top) and a configuration
beside them: the team's mkdocs.yml with the settings of `publish.source`. The engine then
builds that folder as it would any MkDocs project, and gets the same pages as MkDocs.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from profcli.errors import SiteError
from profcli.publish import source
from profcli.publish.context import Page
from profcli.repository.model import Repository

CONFIG = "mkdocs.yml"
DOCS = "docs"
OVERRIDES = "overrides"


class Tagged:
    """A YAML value with a tag we do not interpret (`!ENV`, `!!python/name:...`): written
    back as it was read, for the engine to resolve."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return Tagged(node.tag, value)


def _represent(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Dumper.add_representer(Tagged, _represent)


def read_config(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            raw = yaml.load(handle, Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as e:
        raise SiteError(f"{path.name} is niet te lezen: {e}") from e
    if not isinstance(raw, dict):
        raise SiteError(f"{path.name} is geen lijst van instellingen")
    return raw


def _toc_title(extensions: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in extensions:
        if item == "toc":
            item = {"toc": {}}
        if isinstance(item, dict) and "toc" in item:
            options = dict(item["toc"] or {})
            options.setdefault("permalink_title", source.PERMALINK)
            options.setdefault("toc_depth", source.TOC_DEPTH)
            item = {**item, "toc": options}
        out.append(item)
    return out


def write(
    root: Path,
    pages: Sequence[Page],
    out: Path,
    *,
    audience: str,
    site_dir: Path,
    repo: Repository | None = None,
) -> Path:
    """Write the site source for `audience` into `out`; returns the configuration's path."""
    team = read_config(root / CONFIG)
    docs = out / DOCS
    own_dir = root / str(team.get("docs_dir", "docs"))
    if own_dir.is_dir():
        shutil.copytree(own_dir, docs, symlinks=False)
    docs.mkdir(parents=True, exist_ok=True)
    own = [p.relative_to(docs).as_posix() for p in sorted(docs.rglob("*.md"))]
    for page in pages:
        target = docs / page.path
        if target.exists():  # a page in the team's docs_dir replaces the generated one
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if page.source:  # an evidence file, copied as it is
            shutil.copyfile(root / page.source, target)
        else:
            target.write_text(source.document(page), encoding="utf-8")
    for path, text in source.assets():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    overrides = out / OVERRIDES
    shutil.copytree(source.THEME, overrides)
    theme = team.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    custom = theme.get("custom_dir")
    if custom and (root / str(custom)).is_dir():  # the team's own overrides win
        shutil.copytree(root / str(custom), overrides, dirs_exist_ok=True)
    theme["custom_dir"] = OVERRIDES
    if theme.get("name") == "material":
        # Zensical's "classic" look is Material's: our palette, contrast fixes and print
        # styles were made for it (its "modern" default has a light footer, for one).
        theme.setdefault("variant", "classic")
    theme["features"] = source.with_prune(theme.get("features") or [])
    config = dict(team)
    config["theme"] = theme
    config["docs_dir"] = DOCS
    config["site_dir"] = str(site_dir)
    config["use_directory_urls"] = False
    config["plugins"] = [p for p in _plugins(team) if _name(p) != "profcli"]
    config["extra"] = {**(team.get("extra") or {}), "profcli": source.audience_extra(audience)}
    config["extra_css"] = source.with_assets(team.get("extra_css") or [], source.STYLESHEETS)
    config["extra_javascript"] = source.with_assets(
        team.get("extra_javascript") or [], source.SCRIPTS
    )
    config["markdown_extensions"] = _toc_title(list(team.get("markdown_extensions") or []))
    config["nav"] = source.site_nav(team.get("nav"), pages, own, repo)
    config_path = out / CONFIG
    config_path.write_text(
        yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return config_path


def _plugins(config: dict[str, Any]) -> list[Any]:
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        return [{name: options} for name, options in plugins.items()]
    return list(plugins)


def _name(plugin: Any) -> str:
    if isinstance(plugin, dict) and len(plugin) == 1:
        return str(next(iter(plugin)))
    return str(plugin)
