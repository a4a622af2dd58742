"""Engines and sessions: SQLite (WAL, foreign keys, busy timeout, one writer) or PostgreSQL.

There is no module-level engine: the composition root builds one ``Database`` per catalog and
hands it to the services; tests build their own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from artdesk.core.errors import CatalogError

SQLITE_BUSY_TIMEOUT_MS = 30_000


class Database:
    """One catalog's engine, a read-session and a serialised write-session factory."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        # SQLite has one writer: writers in this process queue on this lock instead of
        # spinning on SQLITE_BUSY; other processes wait through the busy timeout.
        self._write_lock = threading.RLock()
        if self.is_sqlite:
            self.engine = self._sqlite_engine(echo)
        else:
            self.engine = create_engine(
                self.url, echo=echo, pool_pre_ping=True, pool_size=10, max_overflow=20
            )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Writes take SQLite's write lock when they begin (BEGIN IMMEDIATE); reads never do, even
        # a read made on a thread that is in the middle of a write.
        self._write_sessions = sessionmaker(
            self.engine.execution_options(artdesk_write=True), expire_on_commit=False
        )

    @property
    def path(self) -> Path | None:
        if self.is_sqlite and self.url.database and self.url.database != ":memory:":
            return Path(self.url.database)
        return None

    @property
    def display(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    def _sqlite_engine(self, echo: bool) -> Engine:
        path = self.path
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise CatalogError(
                    f"cannot create the catalog folder {path.parent}: {exc}"
                ) from exc
        engine = create_engine(
            self.url,
            echo=echo,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001
            # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is deferred only).
            dbapi_connection.isolation_level = None
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn) -> None:  # noqa: ANN001
            immediate = conn.get_execution_options().get("artdesk_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short session for reads; nothing it does is committed."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session for one unit of work, committed at the end, rolled back on error."""
        with self._write_lock:
            session = self._write_sessions()
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"
