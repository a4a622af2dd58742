"""ids are never given out twice: AUTOINCREMENT for the tables whose ids leave the desk

Without AUTOINCREMENT, SQLite gives a new row the id of the newest deleted one, so an API client,
a HAL cursor or a remote desk that still holds the id of a deleted work would find another work
under it. PostgreSQL sequences never go back; nothing changes there.

Revision ID: 0003_stable_ids
Revises: 0002_sync
Create Date: 2026-12-01 19:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0003_stable_ids"
down_revision = "0002_sync"
branch_labels = None
depends_on = None

TABLES = (
    "partners",
    "artists",
    "artworks",
    "edition_sets",
    "genes",
    "shows",
    "collections",
    "images",
    "api_keys",
)


def _rebuild(autoincrement: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for table in TABLES:
        # Dropping the old table drops its triggers (the full-text index's, on artworks): keep
        # their SQL and create them again on the new table. The rows keep their ids, so the
        # external-content FTS index stays valid as it is.
        triggers = bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
        ).fetchall()
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass
        for (sql,) in triggers:
            op.execute(sql)


def upgrade() -> None:
    _rebuild(True)


def downgrade() -> None:
    _rebuild(False)
