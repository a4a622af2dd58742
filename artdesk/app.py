"""Composition root: settings -> catalog (engine, migrations) -> services -> server thread -> GUI.

Nothing here runs at import time; the CLI calls these functions.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from artdesk.core.errors import ArtdeskError
from artdesk.services.container import Services, open_services
from artdesk.settings import Settings

log = logging.getLogger(__name__)


def open_catalog(
    settings: Settings, *, upgrade: bool = True, similar_worker: bool = False
) -> Services:
    """Open the catalog the settings name (creating or upgrading it) with every service wired.

    ``similar_worker`` runs the similarity engine in a worker process (the desktop app does).
    """
    return open_services(
        settings.url, settings.catalog_dir, upgrade=upgrade, similar_worker=similar_worker
    )


class ServerControl:
    """The embedded API server as the desktop sees it: start (again), stop, address.

    ``artdesk.api.server.ApiServer`` runs once; this wrapper builds a new one for every start
    so the API dialog can stop it and start it on another port.
    """

    def __init__(
        self, services: Services, host: str, port: int, allow_remote: bool = False
    ) -> None:
        from artdesk.api.server import ApiServer

        self._factory = ApiServer
        self._services = services
        self.host = host
        self.port = port
        self.allow_remote = allow_remote
        self._server = None
        self._lock = threading.Lock()
        self.error: str | None = None

    @property
    def running(self) -> bool:
        server = self._server
        return server is not None and server.running

    @property
    def address(self) -> str:
        server = self._server
        return server.address if server is not None else f"http://{self.host}:{self.port}"

    def start(self, port: int | None = None) -> str:
        """Start on ``port`` (default: the configured one; 0 picks a free port)."""
        with self._lock:
            if self.running:
                return self.address
            wanted = self.port if port is None else port
            server = self._factory(
                self._services, self.host, wanted, allow_remote=self.allow_remote
            )
            try:
                server.start()
            except ArtdeskError as exc:
                self.error = exc.message
                raise
            except OSError as exc:  # the port is taken, or not ours to bind
                self.error = f"cannot listen on {self.host}:{wanted}: {exc.strerror or exc}"
                raise ArtdeskError(self.error) from exc
            self.error = None
            self._server = server
            self.port = server.port
            return server.address

    def stop(self) -> None:
        with self._lock:
            if self._server is not None:
                self._server.stop(timeout=10)
                self._server = None


def api_server_control(services: Services, settings: Settings) -> ServerControl | None:
    """The API server hook, or None when this build has no API server module."""
    try:
        return ServerControl(services, settings.api_host, settings.api_port, settings.allow_remote)
    except ImportError as exc:
        log.info("no API server in this build: %s", exc)
        return None


def _desktop_settings(ctx: Any, remembered: str | None) -> Settings:
    """Reopen the remembered catalog unless one was named (--catalog, --database-url, env)."""
    args = getattr(ctx, "args", None)
    named = any(
        (
            getattr(args, "catalog", None),
            getattr(args, "database_url", None),
            os.environ.get("ARTDESK_CATALOG"),
            os.environ.get("ARTDESK_DATABASE_URL"),
        )
    )
    if named or not remembered:
        return ctx.settings
    return replace(ctx.settings, catalog_path=Path(remembered).absolute())


def run_desktop(ctx: Any) -> int:
    """Open the catalog, start the API server and the window, run the event loop, shut down.

    Shutdown order: the task runner (queued writes finish), the API server, the similarity
    worker process, the engine. The similarity engine runs in that worker process (its index and
    its build would cost the GUI process ~320 MB and GIL pauses of 50-120 ms on a large catalog);
    the CLI and ``artdesk serve`` keep it in their own process.
    """
    from artdesk.gui.application import Desktop, create_application, remembered_catalog

    qt_app = create_application()
    ctx.settings = _desktop_settings(ctx, remembered_catalog(ctx.settings.data_dir))
    ctx.similar_worker = True
    services = ctx.services()
    similar = getattr(services, "similar", None)
    if similar is not None:
        similar.ensure_index(background=True)
    server = api_server_control(services, ctx.settings)
    settings = ctx.settings
    desktop = Desktop(
        qt_app,
        services,
        settings.data_dir,
        catalog_label=services.db.display,
        catalog_path=None if settings.database_url else settings.catalog_path,
        server=server,
    )
    try:
        return desktop.run()
    finally:
        desktop.stop_tasks()
        if server is not None:
            server.stop()
        ctx.close()
