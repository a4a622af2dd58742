"""Composition root: settings -> catalog (engine, migrations) -> services -> server thread -> GUI.

Nothing here runs at import time; the CLI calls these functions.
"""

from __future__ import annotations

from artdesk.services.container import Services, open_services
from artdesk.settings import Settings


def open_catalog(settings: Settings, *, upgrade: bool = True) -> Services:
    """Open the catalog the settings name (creating or upgrading it) with every service wired."""
    return open_services(settings.url, settings.catalog_dir, upgrade=upgrade)
