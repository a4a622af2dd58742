"""A PostgreSQL-backed central server with two desk catalogs syncing through it."""

from __future__ import annotations

import pytest

from tests.conftest import POSTGRES_URL, _postgres_schema_url
from tests.sync.conftest import SCOPES, Central, add_works, snapshot

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not POSTGRES_URL, reason="set ARTDESK_TEST_POSTGRES_URL to run against PostgreSQL"
    ),
]


@pytest.fixture
def pg_central(tmp_path):  # noqa: ANN001, ANN201
    from sqlalchemy import create_engine

    from artdesk.api.server import ApiServer
    from artdesk.services.container import open_services

    url, schema = _postgres_schema_url(POSTGRES_URL)
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    services = open_services(url, tmp_path / "pg.files")
    partner = services.catalog.create_partner("Galerie Nord")
    key = services.keys.create(partner.id, SCOPES, rate_limit_per_minute=1_000_000).secret
    server = ApiServer(services).start()
    try:
        yield Central(services, server.address, key, partner.id)
    finally:
        server.stop()
        services.close()
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def test_two_desks_through_a_postgresql_central(pg_central, make_desk) -> None:  # noqa: ANN001
    a = make_desk("a", pg_central)
    b = make_desk("b", pg_central)
    add_works(a, 30)
    add_works(b, 20, prefix="Desk B work")
    for desk in (a, b, a):
        assert all(r.status == "done" for r in desk.sync.sync("central"))
    assert pg_central.services.catalog.count_artworks() == 50
    assert snapshot(a) == snapshot(b) == snapshot(pg_central.services)
    wa = {w.title: w for w in a.catalog.list_artworks(limit=100)}
    wb = {w.title: w for w in b.catalog.list_artworks(limit=100)}
    a.catalog.update_artwork(wa["Work 3"].id, {"medium": "Tempera"}, source="gui")
    b.catalog.update_artwork(wb["Work 3"].id, {"price": 9}, source="gui")
    for desk in (a, b, a):
        desk.sync.sync("central")
    assert snapshot(a) == snapshot(b) == snapshot(pg_central.services)
    assert {w.title: (w.medium, w.price) for w in b.catalog.list_artworks(limit=100)}["Work 3"] == (
        "Tempera",
        9,
    )
