"""Fixtures for the API tests: an entity, keys for it, an app client and a real server thread."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from artdesk.services.keys import SCOPES

ALL_SCOPES = list(SCOPES)


@pytest.fixture
def entity(services):  # noqa: ANN001, ANN201 - the partner the keys are bound to
    return services.catalog.create_partner("Galerie Nord", type="gallery")


@pytest.fixture
def other_entity(services):  # noqa: ANN001, ANN201
    return services.catalog.create_partner("Kunsthaus Süd", type="gallery")


@pytest.fixture
def make_key(services, entity) -> Callable[..., str]:  # noqa: ANN001
    """make_key(scopes=ALL, partner_id=entity, rate_limit=None) -> the secret."""

    def make(
        scopes: list[str] | None = None,
        partner_id: int | None = None,
        rate_limit: int | None = None,
    ) -> str:
        new = services.keys.create(
            partner_id or entity.id, scopes or ALL_SCOPES, rate_limit_per_minute=rate_limit
        )
        return new.secret

    return make


@pytest.fixture
def headers(make_key) -> dict[str, str]:  # noqa: ANN001
    return {"Authorization": f"Bearer {make_key()}"}


@pytest.fixture
def app(services):  # noqa: ANN001, ANN201
    from artdesk.api.app import create_app

    return create_app(services)


@pytest.fixture
def client(app):  # noqa: ANN001, ANN201
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def live(services) -> Iterator:  # noqa: ANN001
    """A real server thread on 127.0.0.1, port 0."""
    from artdesk.api.server import ApiServer

    server = ApiServer(services).start()
    try:
        yield server
    finally:
        server.stop()
