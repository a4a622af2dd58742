"""Similar works, likely duplicates, artist resolution and gene suggestions for GUI, API and CLI.

``SimilarService`` owns the similarity index of one catalog:

* a small change to the catalog (``changes_provider``: the works changed since the index's
  version) is applied to the served index and duplicate finder (``with_changes``) instead of a
  full rebuild, until the changes since the last full build pass
  :data:`artdesk.similar.index.REBUILD_FRACTION` of the catalog;
* the index is saved in ``index_dir`` (``similar-index.npz`` + ``.json``, see
  :class:`artdesk.similar.index.SimilarityIndex`) with the catalog version it reflects, loaded at
  start, and rebuilt in a background thread when the catalog version moved;
* queries never wait for a rebuild once an index exists: they answer from the last complete
  index, and the new one replaces it in a single reference swap when it is ready;
* a rebuild reports ``(done, total)`` progress and stops at the next check when cancelled.

The duplicate finder is built in memory together with the index (it is cheap to rebuild and
its vectorizers are not persisted); the artist resolver is rebuilt whenever the list of artists
changes.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artdesk.core.errors import ArtdeskError
from artdesk.similar.records import Neighbour, WorkRecord

if TYPE_CHECKING:
    from artdesk.similar.artists import ArtistResolver
    from artdesk.similar.duplicates import DuplicateFinder, DuplicateGroup
    from artdesk.similar.index import SimilarityIndex, Weights

# The engine (artdesk.similar's index, duplicate finder and artist resolver: NumPy, SciPy,
# scikit-learn, about 4 s to import) is imported when the service first needs it, not with the
# service: commands that never ask for similar works (`artdesk import`) do not pay for it.
_REEXPORTED = {
    "AUTO_LINK_CONFIDENCE": "artdesk.similar.artists",
    "DUPLICATE_THRESHOLD": "artdesk.similar.duplicates",
}


def __getattr__(name: str) -> Any:
    """The engine's thresholds, as ``artdesk.services.similar.DUPLICATE_THRESHOLD``."""
    module = _REEXPORTED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


log = logging.getLogger(__name__)

INDEX_NAME = "similar-index"

RecordsProvider = Callable[[], tuple[list[WorkRecord], int]]
ChangesProvider = Callable[[int | str], tuple[list[WorkRecord], list[int], int] | None]
"""``changes(since_version)`` -> ``(upserted records, removed ids, new version)``, or None when
only a full rebuild will do."""
# (id, name) of every artist; a provider may hand out the same list object again while the
# artists are unchanged, and gives a new list when they change (never one mutated in place).
ArtistsProvider = Callable[[], list[tuple[int, str]]]
Progress = Callable[[int, int], None]

__all__ = ["SimilarService", "SimilarStatus"]  # and the thresholds, through __getattr__


@dataclass(frozen=True, slots=True)
class SimilarStatus:
    """What the service has: ``index_version`` is the catalog version the served index
    reflects (None before the first index), ``building`` whether a rebuild runs now."""

    ready: bool
    building: bool
    index_version: int | str | None
    works: int
    progress: tuple[int, int]
    last_error: str | None


@dataclass(frozen=True, slots=True)
class _Snapshot:
    index: SimilarityIndex
    finder: DuplicateFinder | None


class SimilarService:
    def __init__(
        self,
        records_provider: RecordsProvider,
        index_dir: Path,
        artists_provider: ArtistsProvider,
        *,
        weights: Weights | None = None,
        changes_provider: ChangesProvider | None = None,
    ) -> None:
        self._records_provider = records_provider
        self._changes_provider = changes_provider
        self._index_dir = Path(index_dir)
        self._artists_provider = artists_provider
        self._weights = weights
        self._snapshot: _Snapshot | None = None
        self._state_lock = threading.Lock()  # guards the fields below and the snapshot swap
        self._build_lock = threading.Lock()  # one build at a time
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._again = False
        self._progress = (0, 0)
        self._last_error: str | None = None
        # The artists list it was built from (the provider hands out one cached list until it
        # rereads the catalog), that list's hash and the resolver.
        self._resolver: tuple[list[tuple[int, str]], int, ArtistResolver] | None = None
        self._resolver_lock = threading.Lock()
        self.refreshed_incrementally = 0
        """How many refreshes applied changes instead of rebuilding (for tests and status)."""

    @property
    def index_path(self) -> Path:
        return self._index_dir / INDEX_NAME

    def warm_up(self) -> threading.Thread:
        """Import the engine in a daemon thread, so that a long-running process (``artdesk
        serve``) does not make its first request that needs it (a new artist's name resolved,
        a similar-works query) wait the seconds NumPy, SciPy and scikit-learn take to import."""

        def _import() -> None:
            for module in (
                "artdesk.similar.artists",
                "artdesk.similar.duplicates",
                "artdesk.similar.index",
            ):
                importlib.import_module(module)

        thread = threading.Thread(target=_import, name="artdesk-similar-import", daemon=True)
        thread.start()
        return thread

    # ------------------------------------------------------------------ lifecycle

    def status(self) -> SimilarStatus:
        snap = self._snapshot
        with self._state_lock:
            building = self._thread is not None and self._thread.is_alive()
            return SimilarStatus(
                ready=snap is not None,
                building=building or self._build_lock.locked(),
                index_version=snap.index.catalog_version if snap else None,
                works=len(snap.index) if snap else 0,
                progress=self._progress,
                last_error=self._last_error,
            )

    def load_saved(self) -> bool:
        """Serve the index saved in ``index_dir`` (if any and readable). True when loaded."""
        if self._snapshot is not None:
            return True
        from artdesk.similar.index import SimilarityIndex

        if SimilarityIndex.saved_version(self.index_path) is None:
            return False
        try:
            index = SimilarityIndex.load(self.index_path)
        except ArtdeskError as exc:
            log.warning("ignoring the saved similarity index: %s", exc.message)
            return False
        with self._state_lock:
            if self._snapshot is None:
                self._snapshot = _Snapshot(index, None)
        return True

    def ensure_index(self, background: bool = True) -> SimilarStatus:
        """Load the saved index, then rebuild it if the catalog version moved (or none exists).

        With ``background`` the check and any rebuild run in a daemon thread and this returns at
        once; a call while a rebuild runs asks for one more check after it.
        """
        if not background:
            self._refresh()
            return self.status()
        with self._state_lock:
            if self._thread is not None and self._thread.is_alive():
                self._again = True
                return self._status_building()
            self._cancel.clear()
            self._thread = threading.Thread(
                target=self._run_background, name="artdesk-similar-index", daemon=True
            )
            self._thread.start()
        return self.status()

    def _status_building(self) -> SimilarStatus:
        snap = self._snapshot
        return SimilarStatus(
            ready=snap is not None,
            building=True,
            index_version=snap.index.catalog_version if snap else None,
            works=len(snap.index) if snap else 0,
            progress=self._progress,
            last_error=self._last_error,
        )

    def _run_background(self) -> None:
        from artdesk.similar.index import BuildCancelled

        while True:
            try:
                self._refresh()
            except BuildCancelled:
                log.info("similarity index rebuild cancelled")
                return
            except Exception as exc:  # a background failure must reach status(), not vanish
                log.exception("similarity index rebuild failed")
                with self._state_lock:
                    self._last_error = str(exc)
                return
            with self._state_lock:
                if not self._again or self._cancel.is_set():
                    return
                self._again = False

    def _refresh(self) -> None:
        self.load_saved()
        if self._refresh_incrementally():
            return
        records, version = self._records_provider()
        snap = self._snapshot
        if snap is not None and snap.index.catalog_version == version and snap.finder is not None:
            return
        if snap is not None and snap.index.catalog_version == version:
            from artdesk.similar.duplicates import DuplicateFinder

            finder = DuplicateFinder.build(records, cancel=self._cancel)
            with self._state_lock:
                if self._snapshot is snap:
                    self._snapshot = _Snapshot(snap.index, finder)
            return
        self._build(records, version, None, self._cancel)

    def _refresh_incrementally(self) -> bool:
        """Apply the catalog's changes since the served index to it (and to the duplicate
        finder) without a full rebuild. False when a full rebuild is needed: no changes
        provider, no finder yet, too many or too wide changes, or the index's vocabularies no
        longer describe the catalog (``SimilarityIndex.needs_rebuild``)."""
        snap = self._snapshot
        if self._changes_provider is None or snap is None or snap.finder is None:
            return False
        changes = self._changes_provider(snap.index.catalog_version)
        if changes is None:
            return False
        upserted, removed, version = changes
        if version == snap.index.catalog_version:
            return True
        with self._build_lock:
            index = snap.index.with_changes(upserted, removed, catalog_version=version)
            if index.needs_rebuild:
                return False
            finder = snap.finder.with_changes(upserted, removed)
            if self._cancel.is_set():
                from artdesk.similar.index import BuildCancelled

                raise BuildCancelled("similarity index refresh cancelled")
            with self._state_lock:
                if self._snapshot is not snap:
                    return False  # a rebuild swapped in meanwhile: look again from there
                self._snapshot = _Snapshot(index, finder)
                self._last_error = None
            index.save(self.index_path)
        self.refreshed_incrementally += 1
        return True

    def rebuild(
        self, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> SimilarStatus:
        """Rebuild now, in the calling thread, from the current catalog; save and swap it in.

        ``progress(done, total)`` is called along the way; setting ``cancel`` (or calling
        :meth:`cancel_rebuild`) stops it with :class:`BuildCancelled` and keeps the old index.
        """
        if cancel is None:
            self._cancel.clear()
            cancel = self._cancel
        records, version = self._records_provider()
        self._build(records, version, progress, cancel)
        return self.status()

    def cancel_rebuild(self) -> None:
        """Ask a running rebuild to stop at its next check (the served index stays)."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a background rebuild to finish; True when none runs any more."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _build(
        self,
        records: list[WorkRecord],
        version: int,
        progress: Progress | None,
        cancel: threading.Event,
    ) -> None:
        from artdesk.similar.duplicates import DuplicateFinder
        from artdesk.similar.index import BuildCancelled, SimilarityIndex

        with self._build_lock:
            n = len(records)
            total = n + 3 + 4

            def index_progress(done: int, _total: int) -> None:
                self._set_progress(done, total, progress)

            def finder_progress(done: int, _total: int) -> None:
                self._set_progress(n + 3 + done, total, progress)

            index = SimilarityIndex.build(
                records,
                self._weights,
                catalog_version=version,
                progress=index_progress,
                cancel=cancel,
            )
            finder = DuplicateFinder.build(records, progress=finder_progress, cancel=cancel)
            if cancel.is_set():
                raise BuildCancelled("similarity index build cancelled")
            index.save(self.index_path)
            with self._state_lock:
                self._snapshot = _Snapshot(index, finder)
                self._last_error = None

    def _set_progress(self, done: int, total: int, progress: Progress | None) -> None:
        self._progress = (done, total)
        if progress is not None:
            progress(done, total)

    # ------------------------------------------------------------------ queries

    def _current(self) -> _Snapshot:
        snap = self._snapshot
        if snap is None:
            self.load_saved()
            snap = self._snapshot
        if snap is None:
            # No index at all yet: build one now (the only time a query waits for a build).
            self.rebuild()
            snap = self._snapshot
        if snap is None:  # pragma: no cover - rebuild either sets it or raises
            raise ArtdeskError("the similarity index is not available")
        return snap

    def _current_finder(self) -> DuplicateFinder:
        snap = self._current()
        if snap.finder is None:
            from artdesk.similar.duplicates import DuplicateFinder

            records, _ = self._records_provider()
            finder = DuplicateFinder.build(records)
            with self._state_lock:
                if self._snapshot is snap:
                    self._snapshot = _Snapshot(snap.index, finder)
            return finder
        return snap.finder

    def similar(self, artwork_id: int, k: int = 10) -> list[Neighbour]:
        """The ``k`` most similar other works; NotFoundError for an id the index does not know."""
        return self._current().index.similar(artwork_id, k)

    def similar_to_record(self, record: WorkRecord, k: int = 10) -> list[Neighbour]:
        return self._current().index.similar_to_record(record, k)

    def suggest_genes(
        self, artwork: int | WorkRecord, k_neighbours: int = 10
    ) -> list[tuple[str, int, float]]:
        """``(gene, value, confidence)`` from the nearest neighbours, genes the work lacks."""
        return self._current().index.suggest_genes(artwork, k_neighbours)

    def possible_duplicates(
        self, draft: WorkRecord, k: int = 5, min_score: float | None = None
    ) -> list[Neighbour]:
        """Likely duplicates of a draft scoring ``min_score`` or more (None: DUPLICATE_THRESHOLD)."""
        return self._current_finder().possible_duplicates(
            draft, k=k, min_score=_threshold(min_score)
        )

    def duplicate_groups(self, min_score: float | None = None) -> list[DuplicateGroup]:
        """Groups of likely duplicates scoring ``min_score`` or more (None: DUPLICATE_THRESHOLD)."""
        return self._current_finder().all_duplicate_groups(_threshold(min_score))

    def resolve_artist(self, name: str, k: int = 5) -> list[tuple[int, str, float]]:
        """Existing artists ``name`` probably means, ``(artist_id, name, score)`` best first.

        Auto-link only a first match scoring at least ``AUTO_LINK_CONFIDENCE``.
        """
        return self._artist_resolver().resolve(name, k)

    def auto_link_artist(self, name: str) -> tuple[int, str, float] | None:
        """The artist auto-linking may attach ``name`` to, or None (see AUTO_LINK_CONFIDENCE)."""
        return self._artist_resolver().best_auto_link(name)

    def _artist_resolver(self) -> ArtistResolver:
        artists = self._artists_provider()
        with self._resolver_lock:
            held = self._resolver
            if held is not None and held[0] is artists:
                return held[2]  # the provider's cached list, unchanged: nothing to hash
            key = hash(tuple((int(i), n) for i, n in artists))
            if held is None or held[1] != key:
                from artdesk.similar.artists import ArtistResolver

                held = (artists, key, ArtistResolver.build(artists))
            else:
                held = (artists, key, held[2])
            self._resolver = held
            return held[2]


def _threshold(min_score: float | None) -> float:
    if min_score is not None:
        return min_score
    from artdesk.similar.duplicates import DUPLICATE_THRESHOLD

    return DUPLICATE_THRESHOLD
