"""Shared fixtures: every test gets its own data dir, and catalogs are copied from one template."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
POSTGRES_URL = os.environ.get("ARTDESK_TEST_POSTGRES_URL")


def shared_data(name: str) -> Path:
    """A file of ../shared/data, or skip the test with the reason."""
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(
            f"{path} is absent: the shared CC0 museum data lives beside the project checkout"
        )
    return path


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path_factory.mktemp("artdesk-data")
    monkeypatch.setenv("ARTDESK_DATA_DIR", str(data_dir))
    monkeypatch.delenv("ARTDESK_CATALOG", raising=False)
    monkeypatch.delenv("ARTDESK_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def template_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated empty SQLite catalog; tests copy it instead of migrating each time."""
    from artdesk.db import migrate
    from artdesk.db.engine import Database

    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def catalog_path(tmp_path: Path, template_catalog: Path) -> Path:
    path = tmp_path / "catalog.sqlite"
    shutil.copyfile(template_catalog, path)
    return path


def _postgres_schema_url(base: str) -> tuple[str, str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


@pytest.fixture(params=["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"])
def catalog_url(request: pytest.FixtureRequest, catalog_path: Path) -> Iterator[str]:
    """A fresh catalog: SQLite always, and PostgreSQL too when ARTDESK_TEST_POSTGRES_URL is set."""
    if request.param == "sqlite":
        yield f"sqlite:///{catalog_path}"
        return
    from sqlalchemy import create_engine

    assert POSTGRES_URL is not None
    url, schema = _postgres_schema_url(POSTGRES_URL)
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield url
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture
def services(catalog_url: str, tmp_path: Path):  # noqa: ANN201 - artdesk.services.container.Services
    from artdesk.services.container import open_services

    svc = open_services(catalog_url, tmp_path / "files")
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def sqlite_services(catalog_path: Path, tmp_path: Path):  # noqa: ANN201
    """A fresh SQLite catalog only (for tests about SQLite itself)."""
    from artdesk.services.container import open_services

    svc = open_services(f"sqlite:///{catalog_path}", tmp_path / "files")
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def partner(services):  # noqa: ANN001, ANN201
    return services.catalog.create_partner(
        "Galerie Nord", type="gallery", email="desk@galerie-nord.example"
    )


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
