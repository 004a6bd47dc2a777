"""Loaded at start-up by every Python process the test suite starts (tests/conftest.py puts
this folder on PYTHONPATH): the `prof` it runs checks names from the shared cache only, with
the pattern rule for a text not in it, instead of loading DEDUCE's 800 MB of tables in each
process. profcli/validation/names.py reads the attribute; nothing in the environment can set it.
"""

import sys

sys._profcli_names_cache_only = True  # type: ignore[attr-defined]
