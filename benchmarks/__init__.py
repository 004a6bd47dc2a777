"""Benchmark scripts (run them as `python3 benchmarks/NAME.py`); a package so that tests can
import `benchmarks.generate` without touching `sys.path`."""
