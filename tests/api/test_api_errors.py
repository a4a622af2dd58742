"""Errors: Artland's {error, message} shapes and statuses, never FastAPI's 422, never a traceback."""

from __future__ import annotations

import time

import pytest
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from artdesk.api.auth import VERIFIED_FOR_SECONDS
from artdesk.api.errors import ApiError, register_error_formatter


def test_validation_errors_are_400_bad_request(client, headers):
    cases = [
        ({"medium": "Oil"}, "Missing required field: title"),
        ({"title": "  "}, "Missing required field: title"),
        ({"title": "A", "creation_year": "nineteen"}, "creation_year:"),
        ({"title": "A", "price": 1.5}, "price:"),
        ({"title": "A", "currency": "XYZ"}, "currency must be an ISO 4217 code"),
        ({"title": "A", "availability": "gone"}, "availability must be one of"),
        ({"title": "A", "image_url": "ftp://x"}, "image_url must be an http(s) URL"),
        ({"title": "A", "creation_year": 99999}, "creation_year must be at most"),
        ({"title": "A", "colour": "red"}, "Unknown field: colour"),
        (["not", "an", "object"], None),
    ]
    for body, start in cases:
        r = client.post("/v1/artworks", json=body, headers=headers)
        assert r.status_code == 400, (body, r.text)
        data = r.json()
        assert data["error"] == "bad_request"
        assert isinstance(data["message"], str) and "detail" not in data
        if start:
            assert start in data["message"], data
    r = client.post(
        "/v1/artworks",
        content=b'{"title": ',
        headers={**headers, "Content-Type": "application/json"},
    )
    assert r.status_code == 400 and r.json() == {
        "error": "bad_request",
        "message": "The request body is not valid JSON",
    }
    r = client.get("/v1/artworks?page=abc", headers=headers)
    assert (
        r.status_code == 400
        and r.json()["error"] == "bad_request"
        and "page" in r.json()["message"]
    )


def test_401_for_missing_wrong_and_revoked_keys(client, services, make_key):
    assert client.get("/v1/me").json()["error"] == "unauthorized"
    for value in ["Bearer ak_live_nothing", "Bearer ", "Basic abc", "ak_live_x"]:
        r = client.get("/v1/me", headers={"Authorization": value})
        assert r.status_code == 401 and r.json()["error"] == "unauthorized", value
        assert r.headers["www-authenticate"] == "Bearer"
    secret = make_key(["artworks:read"])
    ok = client.get("/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert ok.status_code == 200
    services.keys.revoke(secret[:16])
    time.sleep(VERIFIED_FOR_SECONDS)  # a verified key is trusted that long without a lookup
    r = client.get("/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert r.status_code == 401
    tampered = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    assert client.get("/v1/me", headers={"Authorization": f"Bearer {tampered}"}).status_code == 401


def test_403_names_the_missing_scope(client, make_key):
    h = {"Authorization": f"Bearer {make_key(['artworks:read'])}"}
    r = client.post("/v1/artworks", json={"title": "A"}, headers=h)
    assert r.status_code == 403
    assert r.json()["error"] == "forbidden"
    assert r.json()["message"] == "Insufficient scope: artworks:write required"
    assert (
        client.get("/v1/artists", headers=h).json()["message"]
        == "Insufficient scope: artists:read required"
    )
    assert client.get("/v1/profile", headers=h).status_code == 403
    assert client.get("/v1/changelog", headers=h).status_code == 200  # any read scope
    w = {"Authorization": f"Bearer {make_key(['artworks:write'])}"}
    r = client.get("/v1/changelog", headers=w)
    assert r.status_code == 403 and "read scope" in r.json()["message"]
    assert client.get("/v1/me", headers=w).status_code == 200  # any key


def test_unknown_route_and_method(client, headers):
    r = client.get("/v1/paintings", headers=headers)
    assert r.status_code == 404 and r.json() == {"error": "not_found", "message": "Not found"}
    r = client.patch("/v1/artworks", headers=headers)
    assert r.status_code == 405 and r.json()["error"] == "method_not_allowed"


def test_413_for_bodies_over_one_mib(client, headers, services):
    big = {"title": "A", "description": "x" * (1024 * 1024)}
    r = client.post("/v1/artworks", json=big, headers=headers)
    assert r.status_code == 413
    assert r.json()["error"] == "payload_too_large"
    assert services.catalog.count_artworks() == 0


def test_413_for_chunked_bodies_on_a_real_server(live, headers, services):
    import httpx

    def chunks():
        for _ in range(12):
            yield b"x" * 100_000

    r = httpx.post(f"{live.address}/v1/artworks", content=chunks(), headers=headers)
    assert r.status_code == 413 and r.json()["error"] == "payload_too_large"

    def small():
        yield b'{"title": "Chunked '
        yield b'but small"}'

    r = httpx.post(
        f"{live.address}/v1/artworks",
        content=small(),
        headers={**headers, "Content-Type": "application/json"},
    )
    assert r.status_code == 201, r.text
    assert services.catalog.get_artwork(r.json()["id"]).title == "Chunked but small"


def test_unexpected_errors_are_500_without_details(app, client, headers, caplog):
    router = APIRouter()

    @router.get("/v1/boom")
    def boom() -> None:
        raise RuntimeError('(sqlite3.OperationalError) near "SELEKT": syntax error [SQL: SELEKT 1]')

    app.include_router(router)
    with caplog.at_level("ERROR", logger="artdesk.api"):
        r = client.get("/v1/boom", headers=headers)
    assert r.status_code == 500
    assert r.json() == {"error": "internal_error", "message": "An unexpected error occurred"}
    assert "SELEKT" not in r.text and "Traceback" not in r.text
    assert any("SELEKT" in str(rec.exc_info) for rec in caplog.records)  # the server log has it


def test_error_formatter_hook_per_prefix(app, client, headers):
    router = APIRouter()

    @router.get("/api/thing/{n}")
    def thing(n: int) -> dict:
        raise ApiError(404, "Thing not found")

    app.include_router(router)

    def hal(request, err):  # noqa: ANN001, ANN202
        return JSONResponse({"type": err.code, "message": err.message, "_links": {}}, err.status)

    register_error_formatter(app, "/api", hal)
    r = client.get("/api/thing/1", headers=headers)
    assert r.status_code == 404 and r.json() == {
        "type": "not_found",
        "message": "Thing not found",
        "_links": {},
    }
    assert client.get("/api/thing/x").json()["type"] == "bad_request"
    assert client.get("/api/nowhere").json()["_links"] == {}
    # /v1 keeps Artland's shape; a prefix is a path segment, not a string prefix.
    assert client.get("/v1/nowhere").json() == {"error": "not_found", "message": "Not found"}
    assert client.get("/apix").json() == {"error": "not_found", "message": "Not found"}
    with pytest.raises(ValueError):
        register_error_formatter(app, "api", hal)


def test_openapi_and_offline_docs(client):
    r = client.get("/v1/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert set(doc["paths"]) >= {
        "/v1/artworks",
        "/v1/artworks/{artwork_id}",
        "/v1/me",
        "/v1/artists",
        "/v1/changelog",
        "/v1/sync/status",
        "/v1/profile",
    }
    assert "422" not in r.text.replace("\u2422", "")
    assert doc["paths"]["/v1/artworks"]["post"]["responses"]["400"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger-ui" in docs.text
    import re

    urls = re.findall(r'(?:src|href)="([^"]+)"', docs.text)
    assert urls and all(u.startswith("/") for u in urls), urls
    assert "http://" not in docs.text and "https://" not in docs.text
    for u in urls:
        asset = client.get(u)
        assert asset.status_code == 200 and len(asset.content) > 100, u
