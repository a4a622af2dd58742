"""Services the API server needs beyond the catalog: idempotency records and fast artwork pages.

``IdempotencyStore`` keeps the first response to a write sent with ``X-Idempotency-Key`` for
24 hours (table ``idempotency_keys``). ``ArtworkPages`` answers offset pages of artworks in id
order with a total, without scanning: totals and page anchors (the id that ends every
``ANCHOR_EVERY`` rows) are cached per filter and dropped as soon as the catalog changes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from artdesk.core.models import Artwork
from artdesk.db.engine import Database
from artdesk.db.models import IdempotencyRow, utcnow
from artdesk.services.catalog import ArtworkQuery, CatalogService

IDEMPOTENCY_TTL = timedelta(hours=24)
MAX_IDEMPOTENCY_KEY = 200


@dataclass(frozen=True, slots=True)
class StoredResponse:
    request_hash: str
    status_code: int
    body: str
    created_at: datetime


class IdempotencyStore:
    """The first response to each (API key, idempotency key), kept for 24 hours."""

    def __init__(self, db: Database, ttl: timedelta = IDEMPOTENCY_TTL) -> None:
        self.db = db
        self.ttl = ttl

    def get(self, api_key_id: int, key: str) -> StoredResponse | None:
        """The stored response, or None (never stored, or older than the TTL)."""
        with self.db.read() as s:
            row = s.get(IdempotencyRow, (key, api_key_id))
            if row is None or row.created_at < utcnow() - self.ttl:
                return None
            return StoredResponse(row.request_hash, row.status_code, row.response_body, row.created_at)

    def put(self, api_key_id: int, key: str, request_hash: str, status_code: int, body: str) -> None:
        """Store a response (replacing an expired record with the same key)."""
        now = utcnow()
        with self.db.write() as s:
            row = s.get(IdempotencyRow, (key, api_key_id))
            if row is None:
                s.add(
                    IdempotencyRow(
                        key=key,
                        api_key_id=api_key_id,
                        request_hash=request_hash,
                        status_code=status_code,
                        response_body=body,
                        created_at=now,
                    )
                )
            else:
                row.request_hash = request_hash
                row.status_code = status_code
                row.response_body = body
                row.created_at = now

    def purge(self) -> int:
        """Forget records older than the TTL; returns how many."""
        with self.db.write() as s:
            result = s.execute(
                delete(IdempotencyRow).where(IdempotencyRow.created_at < utcnow() - self.ttl)
            )
            return int(result.rowcount or 0)

    def count(self) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(IdempotencyRow)) or 0)


ANCHOR_EVERY = 1000
CACHED_QUERIES = 128


@dataclass
class _QueryCache:
    version: int
    total: int | None = None
    # anchors[i] = id of the row at offset i * ANCHOR_EVERY - 1 (anchors[0] is None: the start)
    anchors: dict[int, int | None] | None = None


class ArtworkPages:
    """Offset pages of artworks in id order, answered by seeking instead of scanning.

    ``page(query, offset, limit)`` returns the same artworks as
    ``CatalogService.list_artworks(query, offset, limit)`` (id order) and the total of
    ``count_artworks(query)``; deep pages start from the nearest cached anchor, so page 1,200
    costs about what page 1 does. Collection queries (position order) are passed through.
    """

    def __init__(self, catalog: CatalogService, anchor_every: int = ANCHOR_EVERY) -> None:
        self.catalog = catalog
        self.anchor_every = anchor_every
        self._lock = threading.Lock()
        self._cache: OrderedDict[ArtworkQuery, _QueryCache] = OrderedDict()

    def _entry(self, query: ArtworkQuery, version: int) -> _QueryCache:
        with self._lock:
            entry = self._cache.get(query)
            if entry is None or entry.version != version:
                entry = _QueryCache(version=version, anchors={0: None})
                self._cache[query] = entry
            self._cache.move_to_end(query)
            while len(self._cache) > CACHED_QUERIES:
                self._cache.popitem(last=False)
            return entry

    def total(self, query: ArtworkQuery) -> int:
        entry = self._entry(query, self.catalog.catalog_version())
        if entry.total is None:
            entry.total = self.catalog.count_artworks(query)
        return entry.total

    def page(self, query: ArtworkQuery, offset: int, limit: int) -> tuple[list[Artwork], int]:
        if query.collection_id is not None or query.sort != "id" or query.descending:
            return (
                self.catalog.list_artworks(query, offset=offset, limit=limit),
                self.catalog.count_artworks(query),
            )
        entry = self._entry(query, self.catalog.catalog_version())
        if entry.total is None:
            entry.total = self.catalog.count_artworks(query)
        total = entry.total
        if offset >= total or limit <= 0:
            return [], total
        slot = offset // self.anchor_every
        found, after = self._anchor(query, entry, slot)
        if not found:  # rows went away since the total was counted: answer the plain way
            return self.catalog.list_artworks(query, offset=offset, limit=limit), total
        items = self.catalog.list_artworks_after(
            query, after, limit, offset=offset - slot * self.anchor_every
        )
        return items, total

    def _anchor(self, query: ArtworkQuery, entry: _QueryCache, slot: int) -> tuple[bool, int | None]:
        anchors = entry.anchors if entry.anchors is not None else {0: None}
        if slot in anchors:
            return True, anchors[slot]
        known = max(i for i in anchors if i < slot)
        skip = (slot - known) * self.anchor_every - 1
        # One short index walk from the nearest known anchor, remembered for next time.
        ids = self.catalog.list_artwork_ids_after(query, anchors[known], offset=skip, limit=1)
        if not ids:
            return False, None
        anchors[slot] = ids[0]
        return True, ids[0]
