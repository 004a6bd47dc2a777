"""profcli: plain-text portfolios for the professional development of social workers."""

from __future__ import annotations

__version__ = "0.1.0"
