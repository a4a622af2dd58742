"""Fixtures for the HAL API tests: a catalog holding records equivalent to Artsy's examples,
an app client, keys and XAPP tokens."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from artdesk.services.keys import SCOPES

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO.parent / "shared" / "reference" / "artsy-examples"


def example(name: str) -> dict[str, Any]:
    """One of Artsy's real responses, or skip the test saying where they should be."""
    path = EXAMPLES / name
    if not path.exists():
        pytest.skip(
            f"{path} is absent: Artsy's example responses live in shared/reference beside the "
            "project checkout"
        )
    return json.loads(path.read_text(encoding="utf-8"))


def jpeg_bytes(width: int = 300, height: int = 200) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (120, 80, 40)).save(out, "JPEG")
    return out.getvalue()


@dataclass(frozen=True)
class Records:
    """Catalog records equivalent to the three example responses (and what they link to)."""

    partner_id: int
    artist_id: int
    artwork_id: int
    edition_artwork_id: int
    edition_id: int
    other_partner_id: int
    other_published_id: int
    other_unpublished_id: int
    own_unpublished_id: int


@pytest.fixture
def records(services) -> Records:  # noqa: ANN001
    cat = services.catalog
    nga = cat.create_partner(
        "National Gallery of Art, Washington, D.C.",
        type="institution",
        email="",
        region="North America",
        website="http://www.nga.gov",
        profile_handle="ngadc",
    )
    artist, _ = cat.create_artist(
        "William Michael Harnett",
        partner_id=nga.id,
        birth_year=1848,
        death_year=1892,
        nationality="American",
    )
    violin = cat.create_artwork(
        {
            "title": "The Old Violin",
            "creation_year": 1886,
            "date_text": "1886",
            "category": "Painting",
            "medium": "Oil on canvas",
            "height_cm": 96.5,
            "width_cm": 60,
            "dimensions": "overall: 96.5 x 60 cm (38 x 23 5/8 in.)  framed: 119.7 x 84.1 x 5.1 cm "
            "(47 1/8 x 33 1/8 x 2 in.)",
            "credit_line": "Courtesy National Gallery of Art, Washington",
            "availability": "not_for_sale",
            "confidential_notes": "insurance value 2.1M, keep off the web",
            "published": True,
        },
        partner_id=nga.id,
        source="test",
        artists=[artist.name],
    )
    services.images.add_image_bytes(violin.id, jpeg_bytes(), "violin.jpg", "test")
    cast = cat.create_artwork(
        {
            "title": "Bronze Study",
            "creation_year": 1890,
            "category": "Sculpture",
            "published": True,
        },
        partner_id=nga.id,
        source="test",
        artists=[artist.name],
    )
    edition = cat.add_edition_set(cast.id, {"height_cm": 44.9}, source="test")
    other = cat.create_partner("Galerie Süd", type="gallery", email="info@sued.example")
    other_pub = cat.create_artwork(
        {
            "title": "Harbour at Dusk",
            "creation_year": 2021,
            "price": 5000,
            "currency": "EUR",
            "availability": "available",
            "published": True,
        },
        partner_id=other.id,
        source="test",
        artists=["Ana Ortiz"],
    )
    other_unpub = cat.create_artwork(
        {"title": "Secret Draft", "creation_year": 2022, "published": False},
        partner_id=other.id,
        source="test",
        artists=["Ana Ortiz"],
    )
    own_unpub = cat.create_artwork(
        {"title": "Study for The Old Violin", "creation_year": 1885, "published": False},
        partner_id=nga.id,
        source="test",
        artists=[artist.name],
    )
    return Records(
        partner_id=nga.id,
        artist_id=artist.id,
        artwork_id=violin.id,
        edition_artwork_id=cast.id,
        edition_id=edition.id,
        other_partner_id=other.id,
        other_published_id=other_pub.id,
        other_unpublished_id=other_unpub.id,
        own_unpublished_id=own_unpub.id,
    )


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
def new_key(services) -> Callable[..., Any]:  # noqa: ANN001
    """new_key(partner_id, scopes=all) -> NewKey (``.key.prefix`` and ``.secret``)."""

    def make(partner_id: int, scopes: list[str] | None = None) -> Any:
        return services.keys.create(partner_id, scopes or list(SCOPES))

    return make


@pytest.fixture
def token_for(client, new_key) -> Callable[..., str]:  # noqa: ANN001
    """token_for(partner_id, scopes=all) -> an XAPP token made through the token endpoint."""

    def make(partner_id: int, scopes: list[str] | None = None) -> str:
        new = new_key(partner_id, scopes)
        r = client.post(
            "/api/tokens/xapp_token",
            data={"client_id": new.key.prefix, "client_secret": new.secret},
        )
        assert r.status_code == 201, r.text
        return r.json()["token"]

    return make


@pytest.fixture
def hal_headers(records, token_for) -> dict[str, str]:  # noqa: ANN001
    """A token of the records' partner (the NGA-like institution)."""
    return {"X-Xapp-Token": token_for(records.partner_id)}


@pytest.fixture
def live(services) -> Iterator[Any]:  # noqa: ANN001
    """A real server thread on 127.0.0.1, port 0."""
    from artdesk.api.server import ApiServer

    server = ApiServer(services).start()
    try:
        yield server
    finally:
        server.stop()
