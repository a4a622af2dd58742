"""Services the API server needs beyond the catalog: idempotency records and fast artwork pages.

``IdempotencyStore`` keeps the first response to a write sent with ``X-Idempotency-Key`` for
24 hours (table ``idempotency_keys``). ``ArtworkPages`` answers offset pages of artworks in id
order with a total, without scanning: totals and page anchors (the id that ends every
``ANCHOR_EVERY`` rows) are cached per filter and dropped as soon as the catalog changes.
``ArtworkReader`` answers ``GET /v1/artworks/{id}`` with one prepared SQLite statement on a
connection kept per thread (PostgreSQL catalogs go through the catalog service).
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session

from artdesk.core.errors import NotFoundError
from artdesk.core.models import CONFIDENTIAL_FIELDS, ArtistRef, Artwork
from artdesk.db.engine import SQLITE_BUSY_TIMEOUT_MS, Database
from artdesk.db.models import (
    ArtistRow,
    ArtworkArtistRow,
    ArtworkRow,
    IdempotencyRow,
    PartnerRow,
    utcnow,
)
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
            return StoredResponse(
                row.request_hash, row.status_code, row.response_body, row.created_at
            )

    def get_many(
        self, api_key_id: int, keys: list[str]
    ) -> tuple[dict[str, StoredResponse], set[str]]:
        """``get`` for several keys in one query: the stored responses by key, and the keys
        whose record has expired (still in the table until purged)."""
        out: dict[str, StoredResponse] = {}
        expired: set[str] = set()
        if not keys:
            return out, expired
        oldest = utcnow() - self.ttl
        with self.db.read() as s:
            for row in s.scalars(
                select(IdempotencyRow).where(
                    IdempotencyRow.api_key_id == api_key_id, IdempotencyRow.key.in_(keys)
                )
            ):
                if row.created_at < oldest:
                    expired.add(row.key)
                else:
                    out[row.key] = StoredResponse(
                        row.request_hash, row.status_code, row.response_body, row.created_at
                    )
        return out, expired

    def forget(self, api_key_id: int, keys: set[str]) -> None:
        """Delete the records of these keys (expired ones, before they are used again)."""
        with self.db.write() as s:
            s.execute(
                delete(IdempotencyRow).where(
                    IdempotencyRow.api_key_id == api_key_id, IdempotencyRow.key.in_(sorted(keys))
                )
            )

    def put(
        self,
        api_key_id: int,
        key: str,
        request_hash: str,
        status_code: int,
        body: str,
        *,
        session: Session | None = None,
        new: bool = False,
    ) -> None:
        """Store a response (replacing an expired record with the same key).

        ``session``: write it in that session's transaction (the write the response is for,
        so both are committed or neither) instead of a transaction of its own. ``new``: the
        caller knows there is no record with this key, not even an expired one (a plain
        insert, without looking).
        """
        if session is not None and new:
            session.execute(
                IdempotencyRow.__table__.insert(),
                [
                    {
                        "key": key,
                        "api_key_id": api_key_id,
                        "request_hash": request_hash,
                        "status_code": status_code,
                        "response_body": body,
                        "created_at": utcnow(),
                    }
                ],
            )
            return
        if session is not None:
            self._put(session, api_key_id, key, request_hash, status_code, body)
            return
        with self.db.write() as s:
            self._put(s, api_key_id, key, request_hash, status_code, body)

    @staticmethod
    def _put(
        s: Session, api_key_id: int, key: str, request_hash: str, status_code: int, body: str
    ) -> None:
        now = utcnow()
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

    def _anchor(
        self, query: ArtworkQuery, entry: _QueryCache, slot: int
    ) -> tuple[bool, int | None]:
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


class _Connection(sqlite3.Connection):
    """A plain sqlite3 connection that can be weakly referenced (so ``close()`` can find it)."""


class ArtworkReader:
    """One artwork by id for the API's hot read path, bound to an entity like the catalog's.

    ``get(id, partner_id=...)`` returns what ``CatalogService.get_artwork(id, partner_id=...,
    detail=False)`` returns, except that confidential fields are never read (they are None).
    On a SQLite file it runs one statement, compiled once from the ORM tables, on a sqlite3
    connection kept per thread (read-only: ``PRAGMA query_only``), converting values with the
    column types' own SQLAlchemy result processors; a session, a pool checkout and a statement
    build per request cost about twenty times more. Other databases go through the catalog.

    ``get_nowait`` is for the event loop: the same read, but it never waits for a lock (busy
    timeout 0); it returns None when it would have to wait, or when the catalog is not a SQLite
    file, and the caller then calls ``get`` on a worker thread.
    """

    def __init__(self, catalog: CatalogService) -> None:
        self.catalog = catalog
        db = catalog.db
        self._path = db.path if db.is_sqlite else None
        self._local = threading.local()
        self._open: weakref.WeakSet[_Connection] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._closed = False
        dialect = db.engine.dialect
        table = ArtworkRow.__table__
        names = [
            f.name
            for f in fields(Artwork)
            if f.name in table.c and f.name not in CONFIDENTIAL_FIELDS
        ]
        columns = [table.c[n] for n in names]
        extra = [ArtistRow.id, ArtistRow.name, ArtistRow.slug, PartnerRow.slug, PartnerRow.name]
        stmt = (
            select(*columns, *extra)
            .select_from(table)
            .join(PartnerRow, PartnerRow.id == table.c.partner_id, isouter=True)
            .join(ArtworkArtistRow, ArtworkArtistRow.artwork_id == table.c.id, isouter=True)
            .join(ArtistRow, ArtistRow.id == ArtworkArtistRow.artist_id, isouter=True)
            .where(table.c.id == bindparam("artwork_id"))
            .order_by(ArtworkArtistRow.position)
        )
        self._names = names
        self._sql = str(stmt.compile(dialect=dialect))
        # SQLite hands back text and integers: the columns' own converters make the datetimes
        # and booleans the catalog returns (other databases never get here).
        self._convert: list[tuple[int, Callable[[Any], Any]]] = []
        if self._path is not None:
            for i, col in enumerate(columns):
                processor = col.type.dialect_impl(dialect).result_processor(dialect, None)
                if processor is not None:
                    self._convert.append((i, processor))

    @property
    def direct(self) -> bool:
        """Whether reads go straight to the SQLite file (False: through the catalog)."""
        return self._path is not None and not self._closed

    def get(self, artwork_id: int, *, partner_id: int | None = None) -> Artwork:
        """The artwork (``NotFoundError`` when missing or another entity's); may wait for locks."""
        if not self.direct:
            artwork = self.catalog.get_artwork(artwork_id, partner_id=partner_id, detail=False)
            return replace(artwork, **dict.fromkeys(CONFIDENTIAL_FIELDS))
        return self._read(
            self._connection("waiting", SQLITE_BUSY_TIMEOUT_MS / 1000), artwork_id, partner_id
        )

    def get_nowait(self, artwork_id: int, *, partner_id: int | None = None) -> Artwork | None:
        """Like ``get`` without ever waiting for a lock: None means "call ``get`` on a thread"."""
        if not self.direct:
            return None
        try:
            return self._read(self._connection("nowait", 0.0), artwork_id, partner_id)
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                return None
            raise

    def close(self) -> None:
        """Close every connection this reader opened; later reads go through the catalog."""
        with self._lock:
            self._closed = True
            connections = list(self._open)
            self._open.clear()
        for conn in connections:
            conn.close()

    def _connection(self, kind: str, timeout: float) -> _Connection:
        conn = getattr(self._local, kind, None)
        if conn is None:
            conn = sqlite3.connect(
                str(self._path),
                timeout=timeout,
                isolation_level=None,  # autocommit: every SELECT reads the newest commit
                check_same_thread=False,  # used by its own thread only; closed by close()
                factory=_Connection,
            )
            conn.execute("PRAGMA query_only=ON")
            with self._lock:
                if self._closed:
                    conn.close()
                    raise sqlite3.ProgrammingError("the artwork reader is closed")
                self._open.add(conn)
            setattr(self._local, kind, conn)
        return conn

    def _read(self, conn: _Connection, artwork_id: int, partner_id: int | None) -> Artwork:
        rows = conn.execute(self._sql, (artwork_id,)).fetchall()
        if not rows:
            raise NotFoundError("Artwork not found")
        n = len(self._names)
        first = list(rows[0][:n])
        for i, processor in self._convert:
            first[i] = processor(first[i])
        values = dict(zip(self._names, first, strict=True))
        if partner_id is not None and values["partner_id"] != partner_id:
            raise NotFoundError("Artwork not found")
        artists = tuple(ArtistRef(r[n], r[n + 1], r[n + 2]) for r in rows if r[n] is not None)
        return Artwork(
            **values, artists=artists, partner_slug=rows[0][n + 3], partner_name=rows[0][n + 4]
        )


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)
