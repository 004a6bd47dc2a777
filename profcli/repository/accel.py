"""Compiled fast paths for the common case: a TOML file that parses and passes its schema.

Both are optional and only ever say "yes, fine": whatever they reject, or cannot be trusted
with, goes the precise, position-aware way (tomllib, then jsonschema with Dutch messages), so
findings are the same with or without them (tests/test_accel.py proves it).

- `toml_rs` (Rust `toml` crate) in TOML 1.0 mode parses about ten times faster than tomllib.
  It overflows its stack on arrays or inline tables nested thousands deep, so any text with
  many brackets is left to tomllib.
- `jsonschema_rs` answers "valid?" in a microsecond or two, against ~90 for jsonschema.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType
from typing import Any

from profcli import resources


def _optional(name: str) -> ModuleType | None:
    """A platform without wheels for these still works, on the slow path only."""
    try:
        return importlib.import_module(name)
    except ImportError:  # pragma: no cover
        return None


toml_rs = _optional("toml_rs")
jsonschema_rs = _optional("jsonschema_rs")

MAX_BRACKETS = 512
"""Far above any real entry, far below the nesting that crashes the Rust parser."""


def parse_toml(text: str) -> dict[str, Any] | None:
    """The parsed document, or None when the caller must use tomllib (errors, odd input)."""
    if toml_rs is None or text.count("[") + text.count("{") > MAX_BRACKETS:
        return None
    try:
        data: dict[str, Any] = toml_rs.loads(text, toml_version="1.0.0")
    except BaseException as e:  # pyo3 panics derive from BaseException
        if isinstance(e, KeyboardInterrupt | SystemExit | MemoryError):
            raise
        return None
    return data


@cache
def _validator(kind: str) -> Any:
    if jsonschema_rs is None:
        return None
    return jsonschema_rs.validator_for(resources.schema(kind), validate_formats=True)


def schema_valid(kind: str, instance: Any) -> bool:
    """True only when the instance certainly passes; False means "check it the slow way"."""
    validator = _validator(kind)
    if validator is None:
        return False
    try:
        return bool(validator.is_valid(instance))
    except BaseException as e:
        if isinstance(e, KeyboardInterrupt | SystemExit | MemoryError):
            raise
        return False
