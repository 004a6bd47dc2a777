"""Loaded at start-up by every Python process the test suite starts (tests/conftest.py puts
this folder on PYTHONPATH)."""

import faulthandler
import signal

# A test that waits in vain for a `prof` it started can ask where that process is stuck:
# SIGUSR1 prints the stack of every thread to its stderr (tests/test_terminal.py does).
faulthandler.register(signal.SIGUSR1, all_threads=True)
