"""Create, upgrade, check and back up a catalog with the Alembic migrations shipped in the package."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from artdesk.core.errors import CatalogError
from artdesk.db.engine import Database

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise CatalogError(f"the shipped migrations have {len(heads)} heads: {heads}")
    return heads[0]


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_empty(db: Database) -> bool:
    return not inspect(db.engine).get_table_names()


def backup(db: Database, reason: str = "backup") -> Path:
    """Copy a SQLite catalog next to itself (consistent even while it is open)."""
    path = db.path
    if path is None:
        raise CatalogError("backups are made for SQLite catalogs; use pg_dump for PostgreSQL")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix or '.sqlite'}")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(db: Database, *, make_backup: bool = True) -> Path | None:
    """Bring a catalog to the newest schema. Returns the backup made before upgrading, if any."""
    head = head_revision()
    current = current_revision(db)
    if current == head:
        return None
    backup_path: Path | None = None
    if current is not None and make_backup and db.path is not None and db.path.exists():
        backup_path = backup(db, reason=f"before-upgrade-{current}")
    elif current is None and not is_empty(db):
        raise CatalogError(
            f"{db.display} is not an artdesk catalog (it has tables but no schema version)"
        )
    cfg = alembic_config()
    with db.engine.connect() as conn:
        # Migrations that rebuild a table (SQLite's only way to change one) must not fire the
        # foreign keys' ON DELETE actions when the old table is dropped: the keys are off while
        # the migrations run (the pragma only takes effect outside a transaction) and checked
        # before the upgrade commits.
        raw = conn.connection.dbapi_connection if db.is_sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if raw is not None:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise CatalogError(
                            f"upgrading {db.display} would break {len(broken)} references "
                            f"(first: {tuple(broken[0])}); the catalog was left as it was"
                        )
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")
    return backup_path


def schema_differences(db: Database) -> list[object]:
    """What differs between the models and the database (empty when they agree)."""
    from artdesk.db.migrations.env_support import compare_options

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts=compare_options())
        from artdesk.db.models import Base

        return list(compare_metadata(ctx, Base.metadata))


def integrity_check(db: Database) -> list[str]:
    """Problems found in the catalog file (empty when healthy)."""
    problems: list[str] = []
    if db.is_sqlite:
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
            problems += [r[0] for r in rows if r[0] != "ok"]
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            problems += [f"foreign key: {tuple(r)}" for r in fk]
    current = current_revision(db)
    if current != head_revision():
        problems.append(f"schema revision {current} is not the newest ({head_revision()})")
    else:
        problems += [f"schema differs from the models: {d}" for d in schema_differences(db)]
    return problems
