"""The services of one open catalog, built together and closed together."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from artdesk.db import migrate
from artdesk.db.engine import Database
from artdesk.services.catalog import CatalogService
from artdesk.services.changes import ChangeNotifier
from artdesk.services.exporter import ExportService
from artdesk.services.images import ImageService
from artdesk.services.importer import ImportService
from artdesk.services.keys import KeyService
from artdesk.services.similar import SimilarService
from artdesk.services.similar_wiring import build_similar_service, link_typed_artists
from artdesk.services.similar_worker import SimilarWorkerProxy, subscribe_worker
from artdesk.services.sync import SyncService


@dataclass
class Services:
    db: Database
    files_dir: Path
    notifier: ChangeNotifier
    catalog: CatalogService
    keys: KeyService
    images: ImageService
    importer: ImportService
    exporter: ExportService
    similar: SimilarService | SimilarWorkerProxy
    sync: SyncService
    backup_made: Path | None = None
    _closers: list = field(default_factory=list)

    def on_close(self, closer) -> None:  # noqa: ANN001 - any zero-argument callable
        self._closers.append(closer)

    def close(self) -> None:
        for closer in reversed(self._closers):
            closer()
        self._closers.clear()
        self.db.dispose()


def open_services(
    url: str, files_dir: Path, *, upgrade: bool = True, similar_worker: bool = False
) -> Services:
    """Open (creating or upgrading) a catalog and build its services.

    With ``similar_worker`` the similarity engine runs in a worker process
    (:class:`artdesk.services.similar_worker.SimilarWorkerProxy`, for the desktop app: the GUI
    process then neither holds the index nor runs its build); otherwise in this process.
    """
    db = Database(url)
    backup = migrate.upgrade(db) if upgrade else None
    files_dir.mkdir(parents=True, exist_ok=True)
    notifier = ChangeNotifier()
    catalog = CatalogService(db, notifier)
    similar: SimilarService | SimilarWorkerProxy
    if similar_worker:
        similar = SimilarWorkerProxy(url, files_dir)
        link_typed_artists(catalog, similar)
        unsubscribe = subscribe_worker(notifier, similar)
    else:
        similar = build_similar_service(catalog, files_dir / "index")
    services = Services(
        db=db,
        files_dir=files_dir,
        notifier=notifier,
        catalog=catalog,
        keys=KeyService(db),
        images=ImageService(catalog, files_dir),
        importer=ImportService(catalog, files_dir / "reports"),
        exporter=ExportService(catalog),
        similar=similar,
        sync=SyncService(db, catalog),
        backup_made=backup,
    )
    if isinstance(similar, SimilarWorkerProxy):
        services.on_close(similar.close)
        services.on_close(unsubscribe)  # closers run last-first: no messages to a stopped worker
    return services
