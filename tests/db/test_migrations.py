import sqlite3

from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from artdesk.db import migrate
from artdesk.db.engine import Database


def test_one_head_and_models_agree_with_migrations(catalog_url):
    assert len(ScriptDirectory.from_config(migrate.alembic_config()).get_heads()) == 1
    db = Database(catalog_url)
    try:
        migrate.upgrade(db)
        assert migrate.schema_differences(db) == []
        assert migrate.integrity_check(db) == []
    finally:
        db.dispose()


def test_new_catalog_is_created_at_the_newest_revision(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    try:
        assert migrate.upgrade(db) is None  # nothing to back up
        assert migrate.current_revision(db) == migrate.head_revision()
        assert "artworks" in inspect(db.engine).get_table_names()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()


def test_opening_an_older_catalog_backs_it_up_then_upgrades(tmp_path):
    from alembic import command

    path = tmp_path / "old.sqlite"
    db = Database(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO partners (name, slug, type, active, created_at, updated_at) "
            "VALUES ('Old', 'old', 'gallery', 1, '2020-01-01', '2020-01-01')"
        )
    heads = migrate.head_revision()
    backup = migrate.upgrade(db)
    db.dispose()
    if heads == "0001":
        assert backup is None
        return
    assert backup is not None and backup.exists()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT name FROM partners").fetchall() == [("Old",)]
    db = Database(f"sqlite:///{path}")
    assert migrate.current_revision(db) == heads
    db.dispose()


def test_a_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE stuff (x)")
    db = Database(f"sqlite:///{path}")
    try:
        import pytest

        from artdesk.core.errors import CatalogError

        with pytest.raises(CatalogError, match="not an artdesk catalog"):
            migrate.upgrade(db)
    finally:
        db.dispose()


def test_upgrade_to_stable_ids_keeps_every_row_link_and_search_entry(tmp_path):
    """0003 rebuilds the tables whose ids leave the desk (AUTOINCREMENT): rows, the rows that
    point at them (cascading foreign keys included) and the full-text index all survive."""
    from alembic import command

    from artdesk.db.models import Base

    path = tmp_path / "old.sqlite"
    db = Database(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002_sync")
    stamp = "'2020-01-01'"
    with db.engine.begin() as conn:
        run = conn.exec_driver_sql
        run(
            "INSERT INTO partners (id, name, slug, type, active, created_at, updated_at) "
            f"VALUES (1, 'Old', 'old', 'gallery', 1, {stamp}, {stamp})"
        )
        run(
            "INSERT INTO artists (id, name, slug, created_at, updated_at) "
            f"VALUES (1, 'Zoë Beck', 'zoe-beck', {stamp}, {stamp})"
        )
        for i, title in ((1, "Blue Hour"), (2, "Red Field"), (3, "Green Night")):
            run(
                "INSERT INTO artworks (id, partner_id, title, title_sort, artist_sort, "
                "artist_names, source_fingerprint, availability, published, search_text, version, "
                "created_at, updated_at) "
                f"VALUES ({i}, 1, '{title}', '{title.lower()}', 'beck', 'Zoë Beck', 'f{i}', "
                "'available', 1, "
                f"'{title.lower()} zoe beck', 1, {stamp}, {stamp})"
            )
            run(f"INSERT INTO artwork_artists (artwork_id, position, artist_id) VALUES ({i}, 0, 1)")
        run("DELETE FROM artworks WHERE id = 3")  # SQLite would give id 3 out again
    backup = migrate.upgrade(db)
    assert backup is not None
    with db.engine.begin() as conn:
        run = conn.exec_driver_sql
        assert run("SELECT id, title FROM artworks ORDER BY id").fetchall() == [
            (1, "Blue Hour"),
            (2, "Red Field"),
        ]
        assert run("SELECT artwork_id, artist_id FROM artwork_artists ORDER BY 1").fetchall() == [
            (1, 1),
            (2, 1),
        ]
        fts = "SELECT rowid FROM artworks_fts WHERE artworks_fts MATCH ?"
        assert run(fts, ("red",)).fetchall() == [(2,)]
        run(
            "INSERT INTO artworks (partner_id, title, title_sort, artist_sort, artist_names, "
            "source_fingerprint, availability, published, search_text, version, created_at, "
            "updated_at) VALUES (1, 'Violet', 'violet', 'beck', 'Zoë Beck', 'fv', 'available', "
            f"1, 'violet zoe beck', 1, {stamp}, {stamp})"
        )
        assert run("SELECT max(id) FROM artworks").scalar() == 3  # 2 was the newest row left
        run("DELETE FROM artworks WHERE id = 3")
        run(
            "INSERT INTO artworks (partner_id, title, title_sort, artist_sort, artist_names, "
            "source_fingerprint, availability, published, search_text, version, created_at, "
            "updated_at) VALUES (1, 'Umber', 'umber', 'beck', 'Zoë Beck', 'fu', 'available', "
            f"1, 'umber zoe beck', 1, {stamp}, {stamp})"
        )
        assert run("SELECT id FROM artworks WHERE title = 'Umber'").scalar() == 4
        assert run(fts, ("umber",)).fetchall() == [(4,)]  # the triggers came back
        assert run(fts, ("violet",)).fetchall() == []
        ddl = dict(run("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall())
    for table in Base.metadata.sorted_tables:
        stable = table.dialect_kwargs.get("sqlite_autoincrement", False)
        assert ("AUTOINCREMENT" in ddl[table.name]) == stable, table.name
    assert migrate.integrity_check(db) == []
    db.dispose()


def test_fts_prefix_index_upgrade_and_downgrade_keep_search_working(tmp_path):
    """0004 recreates the full-text table with prefix indexes and fills it from the rows that
    are there; its triggers keep working, and the downgrade gives the plain table back."""
    from alembic import command

    path = tmp_path / "old.sqlite"
    db = Database(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    stamp = "'2020-01-01'"

    def add(conn, title):
        conn.exec_driver_sql(
            "INSERT INTO artworks (partner_id, title, title_sort, artist_sort, artist_names, "
            "source_fingerprint, availability, published, search_text, version, created_at, "
            f"updated_at) VALUES (1, '{title}', '{title.lower()}', 'beck', 'Zoë Beck', "
            f"'f-{title}', 'available', 1, '{title.lower()} zoe beck', 1, {stamp}, {stamp})"
        )

    def search(conn, match):
        sql = "SELECT rowid FROM artworks_fts WHERE artworks_fts MATCH ? ORDER BY rowid"
        return [r[0] for r in conn.exec_driver_sql(sql, (match,)).fetchall()]

    def fts_sql(conn):
        sql = "SELECT sql FROM sqlite_master WHERE name = 'artworks_fts'"
        return conn.exec_driver_sql(sql).scalar()

    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003_stable_ids")
        conn.exec_driver_sql(
            "INSERT INTO partners (id, name, slug, type, active, created_at, updated_at) "
            f"VALUES (1, 'Old', 'old', 'gallery', 1, {stamp}, {stamp})"
        )
        for title in ("Blue Hour", "Red Field", "Bright Night"):
            add(conn, title)
        assert "prefix" not in fts_sql(conn)
    migrate.upgrade(db)
    with db.engine.begin() as conn:
        assert "prefix='1 2'" in fts_sql(conn)
        assert search(conn, '"b"*') == [1, 2, 3]  # every work: "beck"
        assert search(conn, '"b"* "h"*') == [1]
        assert search(conn, '"br"*') == [3]
        assert search(conn, '"red"') == [2]
        add(conn, "Brown Study")  # the insert trigger
        conn.exec_driver_sql(
            "UPDATE artworks SET search_text = 'green field zoe beck' WHERE id = 2"
        )
        conn.exec_driver_sql("DELETE FROM artworks WHERE id = 1")
        assert search(conn, '"br"*') == [3, 4]
        assert search(conn, '"r"*') == []
        assert search(conn, '"g"*') == [2]
        assert search(conn, '"b"* "h"*') == []
        # FTS5 compares its index with the content table and raises if they disagree
        conn.exec_driver_sql(
            "INSERT INTO artworks_fts(artworks_fts, rank) VALUES ('integrity-check', 1)"
        )
    assert migrate.integrity_check(db) == []
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003_stable_ids")
        assert "prefix" not in fts_sql(conn)
        assert search(conn, '"br"*') == [3, 4]
        assert search(conn, '"g"*') == [2]
        add(conn, "Grey Dawn")
        assert search(conn, '"g"*') == [2, 5]
    db.dispose()
