"""GET /v1/artworks/{id}: the lean read path answers exactly what the catalog and the route do.

``ArtworkReader`` (one prepared SQLite statement per thread) must return the catalog's artwork;
``ArtworkFastPath`` (pure ASGI, in front of FastAPI) must answer only the plain successful case,
byte for byte as the route does, and hand everything else to the app.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
from contextlib import closing
from dataclasses import replace

import httpx
import pytest
from api_helpers import SEED_BODY
from fastapi.security import HTTPAuthorizationCredentials
from fastapi.testclient import TestClient
from starlette.responses import Response

from artdesk.api.app import create_app
from artdesk.api.auth import Authenticator
from artdesk.api.fastpath import ArtworkFastPath
from artdesk.api.ratelimit import RateLimiter
from artdesk.api.schemas import ArtworkPublic
from artdesk.core.errors import NotFoundError
from artdesk.services.api_support import ArtworkReader


@pytest.fixture
def works(services, entity, other_entity):  # noqa: ANN001, ANN201
    """Artworks with no artist and nulls, with two artists and every kind of value, another's."""
    cat = services.catalog
    plain = cat.create_artwork({"title": "Plain"}, partner_id=entity.id, source="test")
    full = cat.create_artwork(
        {
            **SEED_BODY,
            "title": 'Ünïcode ✓ "quoted" \\ line\nbreak',
            "height_cm": 12.5,
            "width_cm": 0.1,
            "date_text": "c. 1910",
            "published": True,
            "confidential_notes": "owner: Mr X",
        },
        partner_id=entity.id,
        source="test",
        artists=["Maria Schmidt", "Jon Berg"],
    )
    full = cat.update_artwork(full.id, {"price": 46000}, source="test")
    synced, _ = cat.upsert_artwork(
        {"title": "Synced", "artist_name": "Lea Novak", "creation_year": 1999},
        partner_id=entity.id,
        source="test",
    )
    theirs = cat.create_artwork({"title": "Theirs"}, partner_id=other_entity.id, source="test")
    return {"plain": plain, "full": full, "synced": synced, "theirs": theirs}


def test_reader_returns_the_catalogs_artwork_without_confidential_fields(
    services, entity, other_entity, works
):
    reader = ArtworkReader(services.catalog)
    assert reader.direct == services.db.is_sqlite
    for name, work in works.items():
        owner = other_entity.id if name == "theirs" else entity.id
        expected = services.catalog.get_artwork(work.id, partner_id=owner, detail=False)
        got = reader.get(work.id, partner_id=owner)
        assert got == replace(expected, confidential_notes=None), name
        assert reader.get(work.id) == got  # no entity: any partner's
        nowait = reader.get_nowait(work.id, partner_id=owner)
        assert nowait == (got if reader.direct else None)
    assert works["full"].version == 2
    assert [a.name for a in reader.get(works["full"].id).artists] == ["Maria Schmidt", "Jon Berg"]
    assert reader.get(works["synced"].id).last_synced_at is not None
    for artwork_id, partner_id in ((works["theirs"].id, entity.id), (999_999, None)):
        with pytest.raises(NotFoundError, match="Artwork not found"):
            reader.get(artwork_id, partner_id=partner_id)
        if reader.direct:
            with pytest.raises(NotFoundError):
                reader.get_nowait(artwork_id, partner_id=partner_id)
    # A write is seen by the next read; after close() reads go through the catalog.
    services.catalog.update_artwork(works["plain"].id, {"medium": "Ink"}, source="test")
    assert reader.get(works["plain"].id).medium == "Ink"
    reader.close()
    assert not reader.direct and reader.get_nowait(works["plain"].id) is None
    assert reader.get(works["plain"].id).medium == "Ink"


def test_reader_connections_never_write(sqlite_services):
    partner = sqlite_services.catalog.create_partner("Galerie Nord")
    work = sqlite_services.catalog.create_artwork({"title": "A"}, partner_id=partner.id, source="t")
    reader = ArtworkReader(sqlite_services.catalog)
    reader.get(work.id)
    conn = reader._local.waiting
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("UPDATE artworks SET title = 'B'")
    assert sqlite_services.catalog.get_artwork(work.id).title == "A"
    reader.close()


def test_reader_never_waits_on_the_loop_but_waits_on_a_thread(sqlite_services, catalog_path):
    partner = sqlite_services.catalog.create_partner("Galerie Nord")
    work = sqlite_services.catalog.create_artwork({"title": "A"}, partner_id=partner.id, source="t")
    sqlite_services.db.dispose()
    # Another process writing a catalog in rollback-journal mode locks readers out meanwhile.
    blocker = sqlite3.connect(catalog_path, isolation_level=None)
    assert blocker.execute("PRAGMA journal_mode=DELETE").fetchone() == ("delete",)
    blocker.execute("BEGIN EXCLUSIVE")
    blocker.execute("UPDATE artworks SET title = 'B'")
    reader = ArtworkReader(sqlite_services.catalog)
    try:
        assert reader.get_nowait(work.id) is None
        got: list[str] = []
        waiting = threading.Thread(target=lambda: got.append(reader.get(work.id).title))
        waiting.start()
        time.sleep(0.3)
        assert waiting.is_alive() and not got  # still waiting for the lock
        blocker.execute("COMMIT")
        waiting.join(30)
        assert got == ["B"]
        assert reader.get_nowait(work.id).title == "B"
    finally:
        blocker.close()
        reader.close()


def _primed(services, *secrets: str) -> Authenticator:  # noqa: ANN001
    """An authenticator that has verified ``secrets`` and recorded their use (as requests do)."""
    auth = Authenticator(services.keys)
    for secret in secrets:
        credentials = HTTPAuthorizationCredentials(scheme="Bearer", credentials=secret)
        asyncio.run(auth.authenticate(credentials))
    return auth


def test_fast_path_answers_only_the_plain_successful_case(services, make_key, works):
    secret = make_key(["artworks:read"], rate_limit=3)
    no_scope = make_key(["artists:read"])
    auth = _primed(services, secret, no_scope)
    unverified = make_key(["artworks:read"])
    passed: list[str] = []

    async def app(scope, receive, send):  # noqa: ANN001, ANN202
        passed.append(f"{scope['method']} {scope['path']}")
        await Response(b"from the app", status_code=418)(scope, receive, send)

    reader = ArtworkReader(services.catalog)
    fast = ArtworkFastPath(app, reader=reader, authenticator=auth)
    mine = works["full"].id
    bearer = {"Authorization": f"Bearer {secret}"}
    with closing(TestClient(fast)) as client:  # no lifespan: the inner app speaks only HTTP
        r = client.get(f"/v1/artworks/{mine}", headers=bearer)
        if not reader.direct:  # PostgreSQL: every request goes to the app
            assert r.status_code == 418 and passed == [f"GET /v1/artworks/{mine}"]
            return
        assert r.status_code == 200 and passed == []
        assert r.headers["etag"] == works["full"].etag
        assert r.headers["x-ratelimit-limit"] == "3" and r.headers["x-ratelimit-remaining"] == "2"
        expected = ArtworkPublic.of(services.catalog.get_artwork(mine, detail=False))
        assert r.json() == json.loads(expected.model_dump_json())
        assert "confidential" not in r.text and "Mr X" not in r.text
        assert client.get(f"/v1/artworks/{mine}?fields=x", headers=bearer).status_code == 200
        handed_on = [
            ("GET", f"/v1/artworks/{mine}", {}),
            ("GET", f"/v1/artworks/{mine}", {"Authorization": f"Basic {secret}"}),
            ("GET", f"/v1/artworks/{mine}", {"Authorization": "Bearer ak_live_unknown"}),
            ("GET", f"/v1/artworks/{mine}", {"Authorization": f"Bearer {unverified}"}),
            ("GET", f"/v1/artworks/{mine}", {"Authorization": f"Bearer {no_scope}"}),
            ("GET", f"/v1/artworks/{works['theirs'].id}", bearer),
            ("GET", "/v1/artworks/999999", bearer),
            ("GET", f"/v1/artworks/0{mine}", bearer),
            ("GET", "/v1/artworks/0", bearer),
            ("GET", "/v1/artworks/-1", bearer),
            ("GET", "/v1/artworks/2147483648", bearer),
            ("GET", "/v1/artworks/١", bearer),
            ("GET", f"/v1/artworks/{mine}/", bearer),
            ("GET", f"/v1/artworks/{mine}/similar", bearer),
            ("GET", "/v1/artworks", bearer),
            ("HEAD", f"/v1/artworks/{mine}", bearer),
            ("PUT", f"/v1/artworks/{mine}", bearer),
            ("DELETE", f"/v1/artworks/{mine}", bearer),
        ]
        for method, path, headers in handed_on:
            passed.clear()
            r = client.request(method, path, headers=headers)
            assert r.status_code == 418, (method, path, headers)
            assert len(passed) == 1
        # None of those used up the limit: the third request is admitted, the fourth handed on.
        r = client.get(f"/v1/artworks/{mine}", headers=bearer)
        assert r.status_code == 200 and r.headers["x-ratelimit-remaining"] == "0"
        passed.clear()
        assert client.get(f"/v1/artworks/{mine}", headers=bearer).status_code == 418
        assert passed == [f"GET /v1/artworks/{mine}"]
    reader.close()


def test_fast_answer_is_the_routes_answer_byte_for_byte(services, make_key, works):
    """The first request of a key goes through FastAPI, the next ones through the fast path."""
    secret = make_key(["artworks:read"])
    bearer = {"Authorization": f"Bearer {secret}"}
    with TestClient(create_app(services)) as client:
        for work in (works["plain"], works["full"], works["synced"]):
            answers = [client.get(f"/v1/artworks/{work.id}", headers=bearer) for _ in range(3)]
            first = answers[0]
            for r in answers:
                assert r.status_code == 200
                assert r.content == first.content
                assert r.headers["etag"] == work.etag
                same = {k: v for k, v in r.headers.items() if k != "x-ratelimit-remaining"}
                assert same == {
                    k: v for k, v in first.headers.items() if k != "x-ratelimit-remaining"
                }
                assert list(r.headers) == list(first.headers)
        remaining = [
            int(
                client.get(f"/v1/artworks/{works['plain'].id}", headers=bearer).headers[
                    "x-ratelimit-remaining"
                ]
            )
            for _ in range(3)
        ]
        assert remaining[0] - remaining[2] == 2 and remaining[0] - remaining[1] == 1
        # The documented errors are unchanged for keys the fast path knows.
        other = client.get(f"/v1/artworks/{works['theirs'].id}", headers=bearer)
        assert other.status_code == 404
        assert other.json() == {"error": "not_found", "message": "Artwork not found"}
        bad = client.get("/v1/artworks/abc", headers=bearer)
        assert bad.status_code == 400 and bad.json()["error"] == "bad_request"
        assert client.get(f"/v1/artworks/0{works['plain'].id}", headers=bearer).status_code == 200


def test_single_artwork_rate_limit_and_scope_errors(services, make_key, works):
    now = [1_000_000.0]
    app = create_app(services, limiter=RateLimiter(clock=lambda: now[0]))
    slow = {"Authorization": f"Bearer {make_key(['artworks:read'], rate_limit=3)}"}
    no_scope = {"Authorization": f"Bearer {make_key(['profile:read'])}"}
    url = f"/v1/artworks/{works['full'].id}"
    with TestClient(app) as client:
        answers = [client.get(url, headers=slow) for _ in range(3)]
        assert [r.status_code for r in answers] == [200, 200, 200]
        assert [r.headers["x-ratelimit-remaining"] for r in answers] == ["2", "1", "0"]
        r = client.get(url, headers=slow)
        assert r.status_code == 429
        assert r.json()["error"] == "rate_limited" and r.json()["retry_after"] == 20
        assert r.headers["retry-after"] == "20" and r.headers["x-ratelimit-remaining"] == "0"
        assert int(r.headers["x-ratelimit-reset"]) == 1_000_020
        now[0] += 20
        r = client.get(url, headers=slow)
        assert r.status_code == 200 and r.headers["x-ratelimit-remaining"] == "2"
        for _ in range(2):
            r = client.get(url, headers=no_scope)
            assert r.status_code == 403
            assert r.json()["required_scope"] == "artworks:read"


def test_live_server_serves_single_artworks(live, services, make_key, works):
    bearer = {"Authorization": f"Bearer {make_key(['artworks:read'])}"}
    with httpx.Client(base_url=live.address, headers=bearer) as client:
        answers = [client.get(f"/v1/artworks/{works['full'].id}") for _ in range(5)]
        assert {r.status_code for r in answers} == {200}
        assert len({r.content for r in answers}) == 1
        assert answers[-1].json()["artists"][1]["name"] == "Jon Berg"
        assert answers[-1].headers["content-type"] == "application/json"
        missing = client.get("/v1/artworks/999999")
        assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    services.catalog.update_artwork(works["full"].id, {"price": 1}, source="test")
    after = httpx.get(f"{live.address}/v1/artworks/{works['full'].id}", headers=bearer)
    assert after.json()["price"] == 1 and after.headers["etag"] == f'"{works["full"].id}-3"'
