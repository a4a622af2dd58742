"""X-Idempotency-Key replays and per-key rate limits."""

from __future__ import annotations

import threading
from datetime import timedelta

import httpx
from api_helpers import SEED_BODY
from sqlalchemy import event, select, update

from artdesk.api.app import create_app
from artdesk.api.ratelimit import RateLimiter
from artdesk.db.models import IdempotencyRow, utcnow


def test_same_key_replays_first_response_and_writes_once(client, headers, services):
    h = {**headers, "X-Idempotency-Key": "order-42"}
    first = client.post("/v1/artworks", json=SEED_BODY, headers=h)
    version = services.catalog.catalog_version()
    again = client.post("/v1/artworks", json=SEED_BODY, headers=h)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.json()["created"] is True
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["etag"] == first.headers["etag"]
    assert services.catalog.catalog_version() == version  # nothing written again
    # Same key, different body: 409 and nothing written.
    other = client.post("/v1/artworks", json={**SEED_BODY, "price": 1}, headers=h)
    assert other.status_code == 409 and other.json()["error"] == "conflict"
    assert services.catalog.get_artwork(first.json()["id"]).price == 45000
    # Without the key, the POST is an upsert again (created false).
    assert client.post("/v1/artworks", json=SEED_BODY, headers=headers).json()["created"] is False


def test_post_keeps_its_record_in_the_same_transaction_as_the_work(client, headers, services):
    assert client.get("/v1/me", headers=headers).status_code == 200  # the key's first use
    commits: list[int] = []
    on_commit = lambda conn: commits.append(1)  # noqa: E731
    event.listen(services.db.engine, "commit", on_commit)
    try:
        h = {**headers, "X-Idempotency-Key": "one-commit"}
        first = client.post("/v1/artworks", json=SEED_BODY, headers=h)
        assert first.status_code == 201 and len(commits) == 1
        with services.db.read() as s:
            (record,) = s.scalars(select(IdempotencyRow).where(IdempotencyRow.key == "one-commit"))
            assert record.status_code == 201 and str(first.json()["id"]) in record.response_body
        # The merge of an existing work (created false) keeps its record the same way.
        again = client.post(
            "/v1/artworks", json=SEED_BODY, headers={**headers, "X-Idempotency-Key": "k2"}
        )
        assert again.status_code == 201 and again.json()["created"] is False and len(commits) == 2
        replay = client.post("/v1/artworks", json=SEED_BODY, headers=h)
        assert replay.headers["idempotent-replayed"] == "true" and len(commits) == 2
        assert replay.json() == first.json() and replay.headers["etag"] == first.headers["etag"]
    finally:
        event.remove(services.db.engine, "commit", on_commit)


def test_idempotent_put_and_delete(client, headers, services):
    aid = client.post("/v1/artworks", json=SEED_BODY, headers=headers).json()["id"]
    h = {**headers, "X-Idempotency-Key": "put-1"}
    a = client.put(f"/v1/artworks/{aid}", json={"price": 5}, headers=h)
    services.catalog.update_artwork(aid, {"price": 7}, source="gui")
    b = client.put(f"/v1/artworks/{aid}", json={"price": 5}, headers=h)
    assert a.json() == b.json() == {"id": aid, "title": "Composition in Blue", "price": 5}
    assert services.catalog.get_artwork(aid).price == 7  # the replay did not write
    d = {**headers, "X-Idempotency-Key": "del-1"}
    assert client.delete(f"/v1/artworks/{aid}", headers=d).status_code == 204
    assert client.delete(f"/v1/artworks/{aid}", headers=d).status_code == 204
    assert client.delete(f"/v1/artworks/{aid}", headers=headers).status_code == 404


def test_failed_writes_are_not_remembered_and_keys_are_per_api_key(
    client, headers, make_key, services
):
    h = {**headers, "X-Idempotency-Key": "k"}
    assert (
        client.post("/v1/artworks", json={"title": "A", "currency": "XXX"}, headers=h).status_code
        == 400
    )
    assert client.post("/v1/artworks", json={"title": "A"}, headers=h).status_code == 201
    other = {"Authorization": f"Bearer {make_key()}", "X-Idempotency-Key": "k"}
    r = client.post("/v1/artworks", json={"title": "B"}, headers=other)
    assert r.status_code == 201 and "idempotent-replayed" not in r.headers
    assert services.catalog.count_artworks() == 2


def test_records_expire_after_24_hours(client, headers, services):
    h = {**headers, "X-Idempotency-Key": "old"}
    client.post("/v1/artworks", json={"title": "A"}, headers=h)
    with services.db.write() as s:
        s.execute(update(IdempotencyRow).values(created_at=utcnow() - timedelta(hours=25)))
    r = client.post("/v1/artworks", json={"title": "B"}, headers=h)
    assert r.status_code == 201 and r.json()["title"] == "B"
    assert services.catalog.count_artworks() == 2


def test_concurrent_requests_with_one_key_write_once(live, headers, services):
    h = {**headers, "X-Idempotency-Key": "race"}
    results: list[httpx.Response] = []

    def send() -> None:
        results.append(httpx.post(f"{live.address}/v1/artworks", json={"title": "Race"}, headers=h))

    threads = [threading.Thread(target=send) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in results] == [201] * 6
    assert len({r.json()["id"] for r in results}) == 1
    assert sum(1 for r in results if r.json()["created"]) == 6  # all see the first answer
    assert services.catalog.count_artworks() == 1


def test_rate_limit_per_key_with_headers(services, make_key):
    from fastapi.testclient import TestClient

    now = [1_000_000.0]
    app = create_app(services, limiter=RateLimiter(clock=lambda: now[0]))
    slow = {"Authorization": f"Bearer {make_key(['artworks:read'], rate_limit=3)}"}
    fast = {"Authorization": f"Bearer {make_key(['artworks:read'], rate_limit=100)}"}
    with TestClient(app) as client:
        answers = [client.get("/v1/artworks", headers=slow) for _ in range(3)]
        assert [r.status_code for r in answers] == [200, 200, 200]
        assert [r.headers["x-ratelimit-remaining"] for r in answers] == ["2", "1", "0"]
        assert answers[0].headers["x-ratelimit-limit"] == "3"
        r = client.get("/v1/artworks", headers=slow)
        assert r.status_code == 429
        body = r.json()
        assert body["error"] == "rate_limited" and body["retry_after"] == 20
        assert r.headers["x-ratelimit-limit"] == "3" and r.headers["x-ratelimit-remaining"] == "0"
        assert int(r.headers["x-ratelimit-reset"]) == 1_000_020
        assert r.headers["retry-after"] == "20"
        # Another key is not affected; the next window admits the first again.
        assert client.get("/v1/artworks", headers=fast).status_code == 200
        now[0] += 20
        assert client.get("/v1/artworks", headers=slow).status_code == 200


def test_read_only_and_read_write_default_limits(services, make_key, client):
    from artdesk.services.keys import DEFAULT_RATE_LIMIT_READ_ONLY, DEFAULT_RATE_LIMIT_READ_WRITE

    ro = client.get("/v1/me", headers={"Authorization": f"Bearer {make_key(['artworks:read'])}"})
    rw = client.get("/v1/me", headers={"Authorization": f"Bearer {make_key(['artworks:write'])}"})
    assert ro.headers["x-ratelimit-limit"] == str(DEFAULT_RATE_LIMIT_READ_ONLY)
    assert rw.headers["x-ratelimit-limit"] == str(DEFAULT_RATE_LIMIT_READ_WRITE)
