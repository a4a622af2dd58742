"""XAPP tokens, entity binding and the error format of /api."""

from __future__ import annotations

import dataclasses

import pytest

from artdesk.services.tokens import TokenService

INVALID = {"type": "auth_error", "message": "The access token is invalid or has expired."}


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


# ---------------------------------------------------------------------- tokens
def test_token_endpoint_accepts_form_json_and_query(client, records, new_key) -> None:  # noqa: ANN001
    key = new_key(records.partner_id)
    creds = {"client_id": key.key.prefix, "client_secret": key.secret}
    as_form = client.post("/api/tokens/xapp_token", data=creds)
    as_json = client.post("/api/tokens/xapp_token", json=creds)
    as_query = client.post("/api/tokens/xapp_token", params=creds)
    for r in (as_form, as_json, as_query):
        assert r.status_code == 201, r.text
        body = r.json()
        assert list(body) == ["type", "token", "expires_at"]
        assert body["type"] == "xapp_token"
        assert body["expires_at"].endswith("Z") and len(body["expires_at"]) == 24
        ok = client.get("/api/artworks", headers={"x-xapp-token": body["token"]})
        assert ok.status_code == 200


@pytest.mark.parametrize(
    "creds",
    [
        {"client_id": "ak_live_nothere", "client_secret": "ak_live_nothere_at_all"},
        {"client_id": "WRONG", "client_secret": None},  # right secret, wrong id
        {"client_id": None, "client_secret": "ak_live_short"},
    ],
)
def test_wrong_client_credentials_are_401(client, records, new_key, creds) -> None:  # noqa: ANN001
    key = new_key(records.partner_id)
    data = {
        "client_id": creds["client_id"] or key.key.prefix,
        "client_secret": creds["client_secret"] or key.secret,
    }
    r = client.post("/api/tokens/xapp_token", data=data)
    assert r.status_code == 401 and r.json()["type"] == "auth_error"
    assert key.secret not in r.text


def test_missing_credentials_are_a_param_error(client, records) -> None:  # noqa: ANN001
    r = client.post("/api/tokens/xapp_token", data={"client_id": "ak_live_x"})
    assert r.status_code == 400
    assert r.json() == {
        "type": "param_error",
        "message": "Missing required parameter: client_secret",
        "detail": {"param": "client_secret"},
    }


@pytest.mark.parametrize("token", [None, "", "nonsense", "a.b", "eyJ2IjoxfQ.AAAA"])
def test_missing_or_wrong_token_is_401(client, records, token) -> None:  # noqa: ANN001
    headers = {} if token is None else {"X-Xapp-Token": token}
    for path in (
        "/api/artworks",
        f"/api/artworks/{records.artwork_id}",
        "/api/partners",
        "/api/artists",
        "/api/genes",
        "/api/shows",
    ):
        r = client.get(path, headers=headers)
        assert r.status_code == 401, path
        assert r.json() == INVALID


def test_tokens_expire_and_die_with_their_key(services, records, new_key) -> None:  # noqa: ANN001
    clock = Clock()
    tokens = TokenService(services.db, services.keys, ttl_seconds=3600, clock=clock)
    key = new_key(records.partner_id, ["artworks:read"])
    token = tokens.issue(key.key.prefix, key.secret)
    assert token is not None
    checked = tokens.verify(token.token)
    assert checked is not None and checked.partner_id == records.partner_id
    assert checked.scopes == ("artworks:read",) and checked.key_prefix == key.key.prefix
    clock.now += 3599
    assert tokens.verify(token.token) is not None
    clock.now += 2
    assert tokens.verify(token.token) is None  # expired
    clock.now -= 10
    services.keys.revoke(key.key.prefix)
    assert tokens.verify(token.token) is None  # its key was revoked
    assert tokens.issue(key.key.prefix, key.secret) is None


def test_a_tampered_token_is_refused_and_other_processes_accept_real_ones(
    services,
    records,
    new_key,  # noqa: ANN001
) -> None:
    import base64
    import json

    key = new_key(records.partner_id, ["artworks:read"])
    first = TokenService(services.db, services.keys)
    token = first.issue(key.key.prefix, key.secret)
    assert token is not None
    # Another server process on the same catalog: no shared memory, the same signing secret.
    second = TokenService(services.db, services.keys)
    assert second.verify(token.token) is not None
    body, signature = token.token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["e"] = records.other_partner_id  # try to speak for another entity
    claims["s"] = ["artworks:read", "artworks:write"]
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    assert second.verify(f"{forged}.{signature}") is None


def test_expired_token_through_the_api(app, client, services, records, new_key) -> None:  # noqa: ANN001
    clock = Clock()
    app.state.hal.tokens = TokenService(services.db, services.keys, ttl_seconds=60, clock=clock)
    key = new_key(records.partner_id)
    r = client.post(
        "/api/tokens/xapp_token", json={"client_id": key.key.prefix, "client_secret": key.secret}
    )
    headers = {"X-Xapp-Token": r.json()["token"]}
    assert client.get("/api/artworks", headers=headers).status_code == 200
    clock.now += 61
    expired = client.get("/api/artworks", headers=headers)
    assert expired.status_code == 401 and expired.json() == INVALID


def test_scopes_are_carried_by_the_token(client, records, token_for) -> None:  # noqa: ANN001
    headers = {"X-Xapp-Token": token_for(records.partner_id, ["profile:read"])}
    r = client.get("/api/artworks", headers=headers)
    assert r.status_code == 403 and r.json()["type"] == "auth_error"
    assert r.json()["detail"] == {"required_scope": "artworks:read"}
    assert client.get("/api/partners", headers=headers).status_code == 200


def test_rate_limit_is_429(app, client, services, records, new_key) -> None:  # noqa: ANN001
    new = services.keys.create(records.partner_id, ["artworks:read"], rate_limit_per_minute=3)
    r = client.post(
        "/api/tokens/xapp_token", data={"client_id": new.key.prefix, "client_secret": new.secret}
    )
    headers = {"X-Xapp-Token": r.json()["token"]}
    codes = [client.get("/api/artworks", headers=headers).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = client.get("/api/artworks", headers=headers)
    assert limited.json()["type"] == "other_error" and "Retry-After" in limited.headers


# ---------------------------------------------------------------------- entity binding
def _ids(response) -> set[int]:  # noqa: ANN001
    return {int(a["id"]) for a in response.json()["_embedded"]["artworks"]}


def test_a_token_sees_published_works_and_its_own_unpublished_ones(
    client,
    records,
    token_for,  # noqa: ANN001
) -> None:
    nga = {"X-Xapp-Token": token_for(records.partner_id)}
    other = {"X-Xapp-Token": token_for(records.other_partner_id)}
    seen_by_nga = _ids(client.get("/api/artworks", params={"size": 100}, headers=nga))
    seen_by_other = _ids(client.get("/api/artworks", params={"size": 100}, headers=other))
    published = {records.artwork_id, records.edition_artwork_id, records.other_published_id}
    assert seen_by_nga == published | {records.own_unpublished_id}
    assert seen_by_other == published | {records.other_unpublished_id}
    hidden = client.get(f"/api/artworks/{records.other_unpublished_id}", headers=nga)
    assert hidden.status_code == 404
    assert hidden.json() == {"type": "other_error", "message": "Artwork Not Found"}
    assert client.get(f"/api/artworks/{records.own_unpublished_id}", headers=nga).status_code == 200
    by_partner = client.get(
        "/api/artworks", params={"partner_id": records.other_partner_id}, headers=nga
    )
    assert _ids(by_partner) == {records.other_published_id}
    for path, params in [
        ("/api/artworks", {"similar_to_artwork_id": records.other_unpublished_id}),
        ("/api/artists", {"artwork_id": records.other_unpublished_id}),
        ("/api/genes", {"artwork_id": records.other_unpublished_id}),
        ("/api/editions", {"artwork_id": records.other_unpublished_id}),
    ]:
        assert client.get(path, params=params, headers=nga).status_code == 404, path


def test_confidential_fields_never_appear(client, records, hal_headers) -> None:  # noqa: ANN001
    for r in (
        client.get(f"/api/artworks/{records.artwork_id}", headers=hal_headers),
        client.get("/api/artworks", params={"size": 100}, headers=hal_headers),
    ):
        assert r.status_code == 200
        assert "insurance value" not in r.text and "confidential" not in r.text


def test_images_of_unpublished_works_need_a_token(client, services, records, token_for) -> None:  # noqa: ANN001
    from tests.api_hal.conftest import jpeg_bytes

    services.images.add_image_bytes(records.other_unpublished_id, jpeg_bytes(64, 64), "x.jpg", "t")
    url = f"/api/images/{records.other_unpublished_id}/small.jpg"
    assert client.get(url).status_code == 401
    nga = {"X-Xapp-Token": token_for(records.partner_id)}
    assert client.get(url, headers=nga).status_code == 404
    owner = {"X-Xapp-Token": token_for(records.other_partner_id)}
    shown = client.get(url, headers=owner)
    assert shown.status_code == 200 and shown.headers["content-type"] == "image/jpeg"
    public = client.get(f"/api/images/{records.artwork_id}/large.jpg")
    assert public.status_code == 200
    assert client.get(f"/api/images/{records.artwork_id}/huge.jpg").status_code == 404


# ---------------------------------------------------------------------- errors and negotiation
def test_error_bodies(client, records, hal_headers) -> None:  # noqa: ANN001
    missing = client.get("/api/artworks/999999", headers=hal_headers)
    assert missing.status_code == 404
    assert missing.json() == {"type": "other_error", "message": "Artwork Not Found"}
    assert client.get("/api/artworks/not-a-slug", headers=hal_headers).status_code == 404
    unknown = client.get("/api/nothing-here", headers=hal_headers)
    assert unknown.status_code == 404 and unknown.json()["type"] == "other_error"
    bad_size = client.get("/api/artworks", params={"size": 0}, headers=hal_headers)
    assert bad_size.status_code == 400
    assert bad_size.json()["type"] == "param_error"
    assert bad_size.json()["detail"] == {"param": "size"}
    bad_status = client.get("/api/shows", params={"status": "soon"}, headers=hal_headers)
    assert bad_status.status_code == 400 and bad_status.json()["type"] == "param_error"
    # /v1 keeps Artland's own error shape.
    v1 = client.get("/v1/artworks")
    assert v1.status_code == 401 and "error" in v1.json() and "type" not in v1.json()
    for r in (missing, unknown, bad_size):
        assert "Traceback" not in r.text and "SELECT" not in r.text


def test_content_negotiation(client, records, hal_headers) -> None:  # noqa: ANN001
    url = f"/api/artworks/{records.artwork_id}"
    for accept in (
        "application/vnd.artsy-v2+json",
        "application/hal+json",
        "*/*",
        "text/html, application/json;q=0.5",
    ):
        r = client.get(url, headers={**hal_headers, "Accept": accept})
        assert r.status_code == 200, accept
        assert r.headers["content-type"].split(";")[0] in (
            "application/hal+json",
            "application/json",
        )
    refused = client.get(url, headers={**hal_headers, "Accept": "text/html"})
    assert refused.status_code == 406 and refused.json()["type"] == "other_error"
    xml = client.post(
        "/api/tokens/xapp_token", content=b"<client/>", headers={"Content-Type": "text/xml"}
    )
    assert xml.status_code == 406 and xml.json()["type"] == "other_error"
    odd = client.get(url, headers={**hal_headers, "Content-Type": "text/plain"})
    assert odd.status_code == 406


def test_similar_artworks_unavailable_is_503(app, client, services, records, hal_headers) -> None:  # noqa: ANN001
    app.state.hal.services = dataclasses.replace(services, similar=None)
    r = client.get(
        "/api/artworks", params={"similar_to_artwork_id": records.artwork_id}, headers=hal_headers
    )
    assert r.status_code == 503 and r.json()["type"] == "other_error"
    assert "similar" in r.json()["message"].lower()


def test_similar_artworks_rank_and_cover_new_works(client, services, records, hal_headers) -> None:  # noqa: ANN001
    url = "/api/artworks"
    first = client.get(
        url, params={"similar_to_artwork_id": records.artwork_id, "size": 5}, headers=hal_headers
    )
    assert first.status_code == 200
    # A work added after the index was built is answered from its record, not refused.
    new = services.catalog.create_artwork(
        {
            "title": "The Old Violin (replica)",
            "creation_year": 1887,
            "category": "Painting",
            "medium": "Oil on canvas",
            "published": True,
        },
        partner_id=records.partner_id,
        source="test",
        artists=["William Michael Harnett"],
    )
    r = client.get(
        url,
        params={"similar_to_artwork_id": new.id, "size": 3, "total_count": "1"},
        headers=hal_headers,
    )
    assert r.status_code == 200, r.text
    ids = [int(a["id"]) for a in r.json()["_embedded"]["artworks"]]
    assert ids and ids[0] == records.artwork_id and new.id not in ids
    assert r.json()["total_count"] == len(ids) <= 3
    services.similar.wait(30)
