"""full-text search: FTS5 prefix indexes for one- and two-letter prefixes

Results appear while the user types, so the first keystroke searches a one-letter prefix
("p*"), which matches most of a large catalog. Without a prefix index FTS5 reads every term
beginning with that letter and merges their lists; with ``prefix='1 2'`` it keeps ready-made
lists for every one- and two-letter prefix and reads one. Longer prefixes match few enough
terms to stay fast without one.

An external-content FTS5 table cannot change its options in place: it is dropped, created
again with the option, and filled from ``artworks.search_text`` with FTS5's 'rebuild'. The
triggers that keep it current are created again unchanged. PostgreSQL's tsvector GIN index
answers prefix queries from its own sorted entries: nothing changes there.

Revision ID: 0004_fts_prefix
Revises: 0003_stable_ids
Create Date: 2026-12-01 19:30:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0004_fts_prefix"
down_revision = "0003_stable_ids"
branch_labels = None
depends_on = None

FTS_OPTIONS = (
    "search_text, content='artworks', content_rowid='id', tokenize='unicode61 remove_diacritics 2'"
)
PREFIX = "prefix='1 2'"


def _recreate(options: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    # The triggers belong to artworks, not to the FTS table; they are dropped while the table
    # is absent (an artworks write meanwhile would fail in them) and created again as they were.
    triggers = bind.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'artworks' "
        "AND sql LIKE '%artworks_fts%'"
    ).fetchall()
    for name, _sql in triggers:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE IF EXISTS artworks_fts")
    op.execute(f"CREATE VIRTUAL TABLE artworks_fts USING fts5({options})")
    op.execute("INSERT INTO artworks_fts(artworks_fts) VALUES ('rebuild')")
    for _name, sql in triggers:
        op.execute(sql)


def upgrade() -> None:
    _recreate(f"{FTS_OPTIONS}, {PREFIX}")


def downgrade() -> None:
    _recreate(FTS_OPTIONS)
