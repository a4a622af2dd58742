"""The /v1/artworks endpoints through create_app (TestClient) on a real SQLite catalog."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from api_helpers import SEED_BODY

from artdesk.core.fingerprint import source_fingerprint


def _post(client, headers, body):  # noqa: ANN001, ANN202
    return client.post("/v1/artworks", json=body, headers=headers)


def test_post_creates_then_updates_by_fingerprint(client, headers, services, entity):
    r = _post(client, headers, SEED_BODY)
    assert r.status_code == 201
    first = r.json()
    assert set(first) == {"id", "title", "source_fingerprint", "created"}
    assert first["created"] is True
    assert first["title"] == "Composition in Blue"
    assert first["source_fingerprint"] == source_fingerprint(
        "Maria Schmidt", "Composition in Blue", 2024
    )
    stored = services.catalog.get_artwork(first["id"])
    assert stored.partner_id == entity.id
    assert stored.artist_name == "Maria Schmidt"
    assert stored.price == 45000 and stored.currency == "EUR"
    assert stored.last_synced_at is not None
    synced_before = stored.last_synced_at

    # Same fingerprint: merged (non-null fields), created false, still one artwork.
    r = _post(
        client,
        headers,
        {
            "title": "Composition in Blue",
            "creation_year": 2024,
            "artist_name": "maria  schmidt",
            "price": 47000,
            "medium": None,
        },
    )
    assert r.status_code == 201
    assert r.json()["created"] is False and r.json()["id"] == first["id"]
    merged = services.catalog.get_artwork(first["id"])
    assert merged.price == 47000
    assert merged.medium == "Oil on canvas"  # a null in the request does not erase
    assert merged.last_synced_at >= synced_before
    assert services.catalog.count_artworks() == 1
    # The artist was resolved (by slug), not duplicated, and linked to the entity.
    assert services.catalog.count_artists(partner_id=entity.id) == 1


def test_post_conflict_names_candidates_and_writes_nothing(client, headers, services, entity):
    a = services.catalog.create_artwork(
        {"title": "Untitled", "creation_year": 1990},
        partner_id=entity.id,
        source="test",
        artists=["Ann Lee"],
    )
    b = services.catalog.create_artwork(
        {"title": "Untitled", "creation_year": 1990},
        partner_id=entity.id,
        source="test",
        artists=["Ann Lee"],
    )
    before = services.catalog.catalog_version()
    r = _post(
        client,
        headers,
        {"title": "Untitled", "creation_year": 1990, "artist_name": "Ann Lee", "price": 5},
    )
    assert r.status_code == 409
    body = r.json()
    assert body["error"] == "conflict"
    assert body["candidates"] == [a.id, b.id]
    assert services.catalog.catalog_version() == before
    assert services.catalog.get_artwork(a.id).price is None


def test_post_same_fingerprint_in_another_entity_creates(client, headers, services, other_entity):
    theirs = services.catalog.create_artwork(
        dict(SEED_BODY), partner_id=other_entity.id, source="test"
    )
    r = _post(client, headers, SEED_BODY)
    assert r.status_code == 201 and r.json()["created"] is True
    assert r.json()["id"] != theirs.id


def test_list_pages_limits_and_clamps(client, headers, services, entity, other_entity):
    for i in range(105):
        services.catalog.create_artwork(
            {"title": f"Work {i:03d}"}, partner_id=entity.id, source="test"
        )
    services.catalog.create_artwork(
        {"title": "Not mine"}, partner_id=other_entity.id, source="test"
    )
    r = client.get("/v1/artworks", headers=headers)
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"artworks", "total", "page", "limit"}
    assert body["total"] == 105 and body["page"] == 1 and body["limit"] == 50
    assert len(body["artworks"]) == 50
    r = client.get("/v1/artworks?page=1&limit=500", headers=headers)
    assert r.json()["limit"] == 100 and len(r.json()["artworks"]) == 100
    pages = [
        client.get(f"/v1/artworks?page={p}&limit=7", headers=headers).json() for p in range(1, 17)
    ]
    ids = [a["id"] for page in pages for a in page["artworks"]]
    assert len(ids) == 105 and ids == sorted(ids) and len(set(ids)) == 105
    assert all(a["title"] != "Not mine" for page in pages for a in page["artworks"])
    assert client.get("/v1/artworks?page=999&limit=100", headers=headers).json()["artworks"] == []
    assert client.get("/v1/artworks?limit=0", headers=headers).status_code == 400
    assert client.get("/v1/artworks?page=0", headers=headers).status_code == 400


def test_list_filters(client, headers, services, entity):
    cat = services.catalog
    blue = cat.create_artwork(
        {"title": "Blue Lake", "availability": "sold"},
        partner_id=entity.id,
        source="test",
        artists=["Maria Schmidt"],
    )
    red = cat.create_artwork(
        {"title": "Red Field"}, partner_id=entity.id, source="test", artists=["Jon Berg"]
    )
    green = cat.create_artwork(
        {"title": "Green Hill"}, partner_id=entity.id, source="test", artists=["Jon Berg"]
    )
    artist = cat.find_artist_by_name("Jon Berg")
    show = cat.create_show(entity.id, "Spring Exhibition")
    cat.set_show_artworks(show.id, [blue.id, green.id], source="test")
    coll = cat.create_collection("Highlights", partner_id=entity.id)
    cat.set_collection_items(coll.id, [green.id, blue.id, red.id], source="test")

    def ids(qs: str) -> list[int]:
        r = client.get(f"/v1/artworks?{qs}", headers=headers)
        assert r.status_code == 200, r.text
        return [a["id"] for a in r.json()["artworks"]]

    assert ids(f"artist_id={artist.id}") == [red.id, green.id]
    assert ids(f"show_id={show.id}") == [blue.id, green.id]
    assert ids(f"collection_id={coll.id}") == [green.id, blue.id, red.id]
    assert ids("availability=sold") == [blue.id]
    assert ids("q=lake") == [blue.id]
    assert ids("q=berg") == [red.id, green.id]
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert ids(f"updated_since={future.replace('+', '%2B')}") == []
    assert ids("updated_since=2000-01-01T00:00:00Z") == [blue.id, red.id, green.id]
    r = client.get("/v1/artworks?availability=lost", headers=headers)
    assert r.status_code == 400 and r.json()["error"] == "bad_request"


def test_get_one_etag_and_entity_binding(client, headers, services, entity, other_entity):
    mine = services.catalog.create_artwork(dict(SEED_BODY), partner_id=entity.id, source="test")
    theirs = services.catalog.create_artwork(
        {"title": "Theirs"}, partner_id=other_entity.id, source="test"
    )
    r = client.get(f"/v1/artworks/{mine.id}", headers=headers)
    assert r.status_code == 200
    body = r.json()
    for k, v in SEED_BODY.items():
        assert body[k] == v, k
    assert r.headers["etag"] == services.catalog.get_artwork(mine.id).etag
    missing = client.get("/v1/artworks/999999", headers=headers)
    other = client.get(f"/v1/artworks/{theirs.id}", headers=headers)
    assert missing.status_code == other.status_code == 404
    assert missing.json() == other.json() == {"error": "not_found", "message": "Artwork not found"}
    assert (
        client.put(f"/v1/artworks/{theirs.id}", json={"price": 1}, headers=headers).status_code
        == 404
    )
    assert client.delete(f"/v1/artworks/{theirs.id}", headers=headers).status_code == 404
    assert services.catalog.get_artwork(theirs.id).price is None


def test_put_partial_update_returns_fields_sent(client, headers, services, entity):
    created = _post(client, headers, SEED_BODY).json()
    r = client.put(
        f"/v1/artworks/{created['id']}",
        json={"price": 52000, "availability": "reserved"},
        headers=headers,
    )
    assert r.status_code == 200
    assert r.json() == {
        "id": created["id"],
        "title": "Composition in Blue",
        "price": 52000,
        "availability": "reserved",
    }
    assert r.headers["etag"] == services.catalog.get_artwork(created["id"]).etag
    # A change to the title recomputes the fingerprint.
    r = client.put(
        f"/v1/artworks/{created['id']}", json={"title": "Composition in Red"}, headers=headers
    )
    assert r.json() == {"id": created["id"], "title": "Composition in Red"}
    after = services.catalog.get_artwork(created["id"])
    assert after.source_fingerprint == source_fingerprint(
        "Maria Schmidt", "Composition in Red", 2024
    )
    r = client.put(f"/v1/artworks/{created['id']}", json={"title": None}, headers=headers)
    assert r.status_code == 400 and r.json()["message"] == "Missing required field: title"
    r = client.put(f"/v1/artworks/{created['id']}", json={"currency": "EURO"}, headers=headers)
    assert r.status_code == 400 and r.json()["field"] == "currency"


def test_if_match_gives_optimistic_locking(client, headers, services, entity):
    created = _post(client, headers, SEED_BODY).json()
    url = f"/v1/artworks/{created['id']}"
    etag = client.get(url, headers=headers).headers["etag"]
    ok = client.put(url, json={"price": 1}, headers={**headers, "If-Match": etag})
    assert ok.status_code == 200
    stale = client.put(url, json={"price": 2}, headers={**headers, "If-Match": etag})
    assert stale.status_code == 412
    assert stale.json()["error"] == "precondition_failed"
    assert services.catalog.get_artwork(created["id"]).price == 1
    assert (
        client.put(url, json={"price": 3}, headers={**headers, "If-Match": "*"}).status_code == 200
    )
    assert (
        client.put(url, json={"price": 4}, headers={**headers, "If-Match": '"garbage"'}).status_code
        == 412
    )
    fresh = client.get(url, headers=headers).headers["etag"]
    assert client.delete(url, headers={**headers, "If-Match": etag}).status_code == 412
    r = client.delete(url, headers={**headers, "If-Match": fresh})
    assert r.status_code == 204 and r.content == b""
    assert client.get(url, headers=headers).status_code == 404


def test_confidential_fields_never_appear(client, headers, services, entity):
    aw = services.catalog.create_artwork(
        {"title": "Secret", "confidential_notes": "bought for 12 EUR"},
        partner_id=entity.id,
        source="test",
    )
    services.catalog.update_artwork(aw.id, {"confidential_notes": "owner: Mr X"}, source="test")
    bodies = [
        client.get(f"/v1/artworks/{aw.id}", headers=headers).text,
        client.get("/v1/artworks", headers=headers).text,
        client.get("/v1/changelog", headers=headers).text,
        client.put(f"/v1/artworks/{aw.id}", json={"price": 3}, headers=headers).text,
    ]
    for text in bodies:
        assert "confidential" not in text and "Mr X" not in text and "12 EUR" not in text
    r = _post(client, headers, {"title": "X", "confidential_notes": "no"})
    assert r.status_code == 400 and r.json()["message"] == "Unknown field: confidential_notes"


def test_changelog_records_api_writes_with_source(client, headers, services, entity):
    created = _post(client, headers, SEED_BODY).json()
    client.put(f"/v1/artworks/{created['id']}", json={"price": 52000}, headers=headers)
    services.catalog.update_artwork(created["id"], {"medium": "Tempera"}, source="gui")
    r = client.get("/v1/changelog?limit=100", headers=headers)
    assert r.status_code == 200
    changes = [c for c in r.json()["changes"] if c["entity_type"] == "artwork"]
    prefix = services.keys.list()[0].prefix
    assert [c["action"] for c in changes] == ["create", "update", "update"]
    assert changes[0]["source"] == f"api:{prefix}"
    assert changes[0]["field_changes"]["title"] == {"old": None, "new": "Composition in Blue"}
    assert changes[1]["field_changes"]["price"] == {"old": 45000, "new": 52000}
    assert changes[2]["source"] == "gui"
    assert changes[2]["field_changes"]["medium"] == {"old": "Oil on canvas", "new": "Tempera"}
    since = changes[2]["created_at"]
    r = client.get("/v1/changelog", params={"since": since}, headers=headers)
    assert [c["id"] for c in r.json()["changes"]] == [changes[2]["id"]]
    assert r.json()["total"] == 1 and r.json()["limit"] == 100
    assert json.loads(r.text)["page"] == 1


def test_fast_serialisation_matches_the_wire_models(services, entity):
    from artdesk.api.schemas import ArtworkList, ArtworkPublic, artwork_json, artwork_list_json

    cat = services.catalog
    a = cat.create_artwork(dict(SEED_BODY), partner_id=entity.id, source="test")
    b = cat.create_artwork(
        {"title": "Two", "height_cm": 12.5, "published": True},
        partner_id=entity.id,
        source="test",
        artists=["A B", "C D"],
    )
    items = cat.list_artworks()
    fast = json.loads(artwork_list_json(items, 2, 1, 50))
    model = json.loads(
        ArtworkList(
            artworks=[ArtworkPublic.of(x) for x in items], total=2, page=1, limit=50
        ).model_dump_json()
    )
    assert fast == model
    for x in (a, b):
        one = cat.get_artwork(x.id, detail=False)
        assert json.loads(artwork_json(one)) == json.loads(ArtworkPublic.of(one).model_dump_json())


def test_writes_carry_rate_limit_headers(client, headers):
    r = client.post("/v1/artworks", json={"title": "A"}, headers=headers)
    assert r.status_code == 201
    assert int(r.headers["x-ratelimit-remaining"]) < int(r.headers["x-ratelimit-limit"])
    assert "x-ratelimit-reset" in r.headers
