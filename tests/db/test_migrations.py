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
