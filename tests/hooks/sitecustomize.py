"""Loaded at start-up by every Python process the test suite starts (tests/conftest.py puts
this folder on PYTHONPATH): the `prof` it runs checks names from the shared cache only, with
the pattern rule for a text not in it, instead of loading DEDUCE's 800 MB of tables in each
process. profcli/validation/names.py reads the attribute; nothing in the environment can set it.
"""

import faulthandler
import signal
import sys

sys._profcli_names_cache_only = True  # type: ignore[attr-defined]

# A test that waits in vain for a `prof` it started can ask where that process is stuck:
# SIGUSR1 prints the stack of every thread to its stderr (tests/test_terminal.py does).
faulthandler.register(signal.SIGUSR1, all_threads=True)
