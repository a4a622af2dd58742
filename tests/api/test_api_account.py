"""/v1/me, /v1/profile, /v1/artists, /v1/sync/status."""

from __future__ import annotations

from api_helpers import SEED_BODY


def test_me_describes_key_entity_and_usage(client, services, entity, make_key):
    secret = make_key(["artworks:read"])
    h = {"Authorization": f"Bearer {secret}"}
    client.get("/v1/artworks", headers=h)
    r = client.get("/v1/me", headers=h)
    assert r.status_code == 200
    me = r.json()
    assert me["key_prefix"] == secret[:16]
    assert me["tier"] == "read_only" and me["scopes"] == ["artworks:read"]
    assert me["entity"] == {
        "type": "gallery",
        "id": entity.id,
        "name": "Galerie Nord",
        "slug": "galerie-nord",
    }
    assert me["usage"]["reads_today"] == 2 and me["usage"]["writes_today"] == 0
    assert secret not in r.text
    assert services.keys.list()[0].last_used_at is not None


def test_profile_read_and_write(client, headers, services, entity):
    r = client.get("/v1/profile", headers=headers)
    assert r.status_code == 200 and r.json()["slug"] == "galerie-nord"
    r = client.put(
        "/v1/profile",
        json={
            "description": "Contemporary painting",
            "external_url": "https://galerie-nord.example",
        },
        headers=headers,
    )
    assert r.status_code == 200
    assert r.json()["description"] == "Contemporary painting"
    assert r.json()["external_url"] == "https://galerie-nord.example"
    stored = services.catalog.get_partner(entity.id)
    assert stored.website == "https://galerie-nord.example"
    r = client.put("/v1/profile", json={"external_url": "galerie"}, headers=headers)
    assert r.status_code == 400 and r.json()["field"] == "external_url"
    r = client.put("/v1/profile", json={"name": None}, headers=headers)
    assert r.status_code == 400
    assert services.catalog.get_partner(entity.id).name == "Galerie Nord"


def test_artists_create_dedupe_and_list(client, headers, services, entity, other_entity):
    r = client.post(
        "/v1/artists",
        json={"name": "Maria Schmidt", "nationality": "German", "birth_year": 1975},
        headers=headers,
    )
    assert r.status_code == 201
    first = r.json()
    assert first == {
        "id": first["id"],
        "name": "Maria Schmidt",
        "slug": "maria-schmidt",
        "created": True,
    }
    r = client.post("/v1/artists", json={"name": "maria schmidt"}, headers=headers)
    assert r.status_code == 201 and r.json()["created"] is False and r.json()["id"] == first["id"]
    services.catalog.create_artist("Someone Else", partner_id=other_entity.id)
    r = client.get("/v1/artists", headers=headers)
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 1 and body["page"] == 1 and body["limit"] == 50
    assert (
        body["artists"][0]["nationality"] == "German" and body["artists"][0]["birth_year"] == 1975
    )
    assert client.get("/v1/artists?limit=1000", headers=headers).json()["limit"] == 100
    r = client.post("/v1/artists", json={"nationality": "x"}, headers=headers)
    assert r.status_code == 400 and r.json()["message"] == "Missing required field: name"


def test_sync_status_counts_the_entity(client, headers, services, other_entity):
    client.post("/v1/artworks", json=SEED_BODY, headers=headers)
    services.catalog.create_artwork({"title": "Theirs"}, partner_id=other_entity.id, source="test")
    r = client.get("/v1/sync/status", headers=headers)
    assert r.status_code == 200
    body = r.json()
    assert body["artworks"]["count"] == 1 and body["artworks"]["last_synced"].endswith("Z")
    assert body["artists"]["count"] == 1
    assert body["events"] == {"last_synced": None, "count": 0}
