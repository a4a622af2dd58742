"""Artdesk's HAL documents against Artsy's three real responses: same keys, same order, same
JSON types, for catalog records equivalent to the examples' (see conftest.records)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from artdesk.api import hal
from tests.api_hal.conftest import example

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")

# Links artdesk serves beside the example's: the seed page's curie form of the image link.
EXTRA_ARTWORK_LINKS = ("curies", "image:self")
# Fields the example fills but artdesk does not record: null, documented in artdesk.api.hal.
NOT_RECORDED = {("iconicity",)}


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def assert_same_shape(
    ours: Any, theirs: Any, path: tuple[str, ...] = (), extra: dict[tuple, tuple] | None = None
) -> None:
    """Same keys in the same order and the same JSON type at every path (recursively)."""
    extra = extra or {}
    where = ".".join(path) or "(top)"
    if path in NOT_RECORDED:
        assert ours is None, f"{where}: artdesk records no {path[-1]}"
        return
    assert json_type(ours) == json_type(theirs), (
        f"{where}: artdesk gives {json_type(ours)} {ours!r}, Artsy {json_type(theirs)} {theirs!r}"
    )
    if isinstance(theirs, dict):
        allowed = extra.get(path, ())
        ours_keys = [k for k in ours if k not in allowed]
        assert ours_keys == list(theirs), f"{where}: keys {ours_keys} != Artsy's {list(theirs)}"
        for key in theirs:
            assert_same_shape(ours[key], theirs[key], (*path, key), extra)
    elif isinstance(theirs, list) and theirs and ours:
        for item in ours:
            assert_same_shape(item, theirs[0], (*path, "[]"), extra)


def test_artwork_matches_artsys_example(client, records, hal_headers) -> None:  # noqa: ANN001
    theirs = example("artsy_artwork_516dfb9ab31e2b2270000c45.json")
    r = client.get(f"/api/artworks/{records.artwork_id}", headers=hal_headers)
    assert r.status_code == 200
    ours = r.json()
    assert_same_shape(ours, theirs, extra={("_links",): EXTRA_ARTWORK_LINKS})
    # The seed's curie form is served beside the templated link, in HAL's shape.
    assert ours["_links"]["curies"][0]["name"] == "image"
    assert ours["_links"]["curies"][0]["templated"] is True
    assert ours["_links"]["image:self"] == {"href": "{?image_version}.jpg"}
    # The values a record equivalent to "The Old Violin" must give, as Artsy gave them.
    for key in (
        "title",
        "category",
        "medium",
        "date",
        "dimensions",
        "published",
        "website",
        "signature",
        "image_rights",
        "can_inquire",
        "can_acquire",
        "can_share",
        "sale_message",
        "sold",
        "_embedded",
    ):
        assert ours[key] == theirs[key], key
    assert ours["id"] == str(records.artwork_id)
    assert ours["slug"].startswith("william-michael-harnett-the-old-violin")
    assert TIMESTAMP.match(ours["created_at"]) and TIMESTAMP.match(ours["updated_at"])
    assert ours["collecting_institution"] == "National Gallery of Art, Washington, D.C."
    assert "96.5 x 60 cm" in ours["additional_information"]
    assert set(ours["image_versions"]) == set(hal.IMAGE_VERSIONS)
    assert ours["_links"]["thumbnail"]["href"].endswith("/medium.jpg")


def test_partner_matches_artsys_example(client, records, hal_headers) -> None:  # noqa: ANN001
    theirs = example("artsy_partner_4f99c7b793ab4b0001000179.json")
    ours = client.get(f"/api/partners/{records.partner_id}", headers=hal_headers).json()
    assert_same_shape(ours, theirs)
    for key in ("type", "name", "email", "region", "enforce_on_platform_transactions"):
        assert ours[key] == theirs[key], key
    assert ours["_links"]["website"] == theirs["_links"]["website"]
    assert ours["_links"]["profile"]["href"].endswith("/api/profiles/ngadc")
    assert ours["_links"]["published_artworks"]["href"].endswith(
        f"/api/artworks?partner_id={records.partner_id}&published=true"
    )


def test_edition_matches_artsys_example(client, records, hal_headers) -> None:  # noqa: ANN001
    theirs = example("artsy_edition_5097e5ebac8b8d0002000a07.json")
    r = client.get(
        f"/api/editions/{records.edition_id}",
        params={"artwork_id": records.edition_artwork_id},
        headers=hal_headers,
    )
    assert r.status_code == 200
    ours = r.json()
    assert_same_shape(ours, theirs)
    for key in (
        "dimensions",
        "editions",
        "size",
        "available_editions",
        "artist_proofs",
        "prototypes",
        "can_acquire",
        "sale_message",
        "sold",
    ):
        assert ours[key] == theirs[key], key
    assert ours["_links"]["self"]["href"].endswith(
        f"/api/editions/{records.edition_id}?artwork_id={records.edition_artwork_id}"
    )
    # The documented singular path answers the same document.
    same = client.get(f"/api/edition/{records.edition_id}", headers=hal_headers).json()
    assert same == ours


def test_embedded_editions_have_the_edition_shape(client, records, hal_headers) -> None:  # noqa: ANN001
    theirs = example("artsy_edition_5097e5ebac8b8d0002000a07.json")
    ours = client.get(f"/api/artworks/{records.edition_artwork_id}", headers=hal_headers).json()
    editions = ours["_embedded"]["editions"]
    assert len(editions) == 1 and ours["unique"] is False
    assert_same_shape(editions[0], theirs)


@pytest.mark.parametrize(
    ("cm", "inches", "cm_text", "in_text"),
    [
        ((96.5, 60, None, None), (38.0, 23.625, None, None), "96.5 × 60 cm", "38 × 23 5/8 in"),
        ((44.9, None, None, None), (17.6875, None, None, None), "44.9 cm", "17 11/16 in"),
        (
            (10, 20, 2.54, None),
            (3.9375, 7.875, 1.0, None),
            "10 × 20 × 2.5 cm",
            "3 15/16 × 7 7/8 × 1 in",
        ),
        ((None, None, None, 30), (None, None, None, 11.8125), "diam. 30 cm", "diam. 11 13/16 in"),
        ((0.5, None, None, None), (0.1875, None, None, None), "0.5 cm", "3/16 in"),
        ((None, None, None, None), (None, None, None, None), "", ""),
    ],
)
def test_dimensions_in_both_units(cm, inches, cm_text, in_text) -> None:  # noqa: ANN001
    out = hal.dimensions(*cm)
    assert list(out) == ["in", "cm"]
    assert list(out["in"]) == ["text", "height", "width", "depth", "diameter"]
    assert out["cm"]["text"] == cm_text and out["in"]["text"] == in_text
    assert (
        out["in"]["height"],
        out["in"]["width"],
        out["in"]["depth"],
        out["in"]["diameter"],
    ) == inches
    for value in (*out["in"].values(), *out["cm"].values()):
        assert value is None or isinstance(value, str | float)


@pytest.mark.parametrize(
    ("price", "currency", "availability", "message", "acquire"),
    [
        (45000, "EUR", "available", "€45,000", True),
        (5000, "USD", "available", "$5,000", True),
        (1200, "CHF", "available", "CHF 1,200", True),
        (None, None, "available", "Contact For Price", False),
        (45000, "EUR", "reserved", "On hold", False),
        (45000, "EUR", "sold", "Sold", False),
        (45000, "EUR", "not_for_sale", None, False),
        (None, None, None, None, False),
    ],
)
def test_sale_message(price, currency, availability, message, acquire) -> None:  # noqa: ANN001
    assert hal.sale_message(price, currency, availability) == message
    assert hal.can_acquire(price, availability) is acquire


def test_timestamps_are_utc_without_milliseconds() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    naive = datetime(2013, 4, 17, 1, 32, 10, 123456)
    assert hal.timestamp(naive) == "2013-04-17T01:32:10+00:00"
    aware = datetime(2013, 4, 17, 3, 32, 10, tzinfo=timezone(timedelta(hours=2)))
    assert hal.timestamp(aware) == "2013-04-17T01:32:10+00:00"
    assert hal.timestamp(datetime(2020, 1, 1, tzinfo=UTC)) == "2020-01-01T00:00:00+00:00"
