"""Publishing the portfolios as a site: page model, charts, and the MkDocs adapter."""

from __future__ import annotations

from profcli.publish.context import AUDIENCES, Page
from profcli.publish.pages import NAV, build_pages

__all__ = ["AUDIENCES", "NAV", "Page", "build_pages"]
