"""POST /v1/artworks/batch on a real server (127.0.0.1, port 0): per-item results, one
transaction, per-item idempotency keys shared with POST /v1/artworks, scopes, rate limits."""

from __future__ import annotations

import threading

import httpx
import pytest
from api_helpers import SEED_BODY
from sqlalchemy import event, select

from artdesk.api.app import create_app
from artdesk.api.ratelimit import RateLimiter
from artdesk.db.models import ArtworkRow, IdempotencyRow


def _work(i: int, **extra) -> dict:  # noqa: ANN003
    return {
        "title": f"Study {i}",
        "artist_name": "Maria Schmidt",
        "creation_year": 2000 + i,
        **extra,
    }


def _items(works: list[dict], prefix: str | None = "k") -> dict:
    return {
        "items": [
            {"artwork": w, **({"idempotency_key": f"{prefix}-{i}"} if prefix else {})}
            for i, w in enumerate(works)
        ]
    }


@pytest.fixture
def post(live, headers):  # noqa: ANN001, ANN201
    def send(body: dict, extra: dict | None = None) -> httpx.Response:
        return httpx.post(
            f"{live.address}/v1/artworks/batch", json=body, headers={**headers, **(extra or {})}
        )

    return send


def test_batch_answers_each_item_as_the_single_post_would(post, live, headers, services):
    pid = services.catalog.list_partners()[0].id
    for _ in range(2):  # two works of the entity share this fingerprint: an upsert is ambiguous
        services.catalog.create_artwork(
            {"title": "Untitled", "creation_year": 1969},
            partner_id=pid,
            source="gui",
            artists=["Agnes Martin"],
        )
    single = httpx.post(f"{live.address}/v1/artworks", json=SEED_BODY, headers=headers)
    works = [
        _work(0),
        {"title": 5, "medium": "Oil"},  # wrong type: 400, like the single route
        {"title": "Untitled", "creation_year": 1969, "artist_name": "Agnes Martin"},  # 409
        {**SEED_BODY, "price": 50000},  # merges into the work POSTed above
        _work(1, currency="XXX"),  # refused by the catalog's rules: 400
        _work(2),
        _work(0, medium="Ink"),  # the same fingerprint as item 0: merges into it
    ]
    r = post(_items(works))
    assert r.status_code == 200 and r.headers["x-ratelimit-remaining"]
    results = r.json()["results"]
    assert [x["status"] for x in results] == [201, 400, 409, 201, 400, 201, 201]
    assert results[0]["body"]["created"] is True and results[0]["etag"]
    assert results[1]["body"]["error"] == "bad_request" and "title" in results[1]["body"]["message"]
    assert results[2]["body"]["error"] == "conflict" and len(results[2]["body"]["candidates"]) == 2
    assert results[3]["body"] == {**single.json(), "created": False}
    assert results[4]["body"]["field"] == "currency"
    assert results[6]["body"]["id"] == results[0]["body"]["id"]
    assert not any(x["replayed"] for x in results)
    # What the items wrote is what the single route would have written, with its changelog.
    first = services.catalog.get_artwork(results[0]["body"]["id"])
    assert first.medium == "Ink" and first.artist_name == "Maria Schmidt"
    assert services.catalog.get_artwork(single.json()["id"]).price == 50000
    assert services.catalog.count_artworks() == 2 + 1 + 2
    changes = services.catalog.list_changes(entity_type="artwork", entity_id=first.id)
    assert [c.action for c in changes] == ["create", "update"]
    assert changes[0].source.startswith("api:ak_live_")


def test_a_batch_is_one_transaction_and_keeps_its_records_in_it(post, services):
    commits: list[int] = []
    on_commit = lambda conn: commits.append(1)  # noqa: E731
    post(_items([_work(99)], prefix="warm-up"))  # the key's first use records it (a write)
    event.listen(services.db.engine, "commit", on_commit)
    try:
        r = post(_items([_work(i) for i in range(20)]))
        assert [x["status"] for x in r.json()["results"]] == [201] * 20
        assert len(commits) == 1
    finally:
        event.remove(services.db.engine, "commit", on_commit)
    with services.db.read() as s:
        keys = set(s.scalars(select(IdempotencyRow.key)))
    assert {f"k-{i}" for i in range(20)} <= keys


def test_a_retried_batch_creates_nothing_twice(post, live, headers, services):
    works = [_work(i) for i in range(10)]
    first = post(_items(works)).json()["results"]
    version = services.catalog.catalog_version()
    again = post(_items(works)).json()["results"]
    assert [x["body"] for x in again] == [x["body"] for x in first]
    assert all(x["replayed"] for x in again) and [x["etag"] for x in again] == [
        x["etag"] for x in first
    ]
    assert services.catalog.catalog_version() == version and services.catalog.count_artworks() == 10
    # Half of a retried batch done before: those replay, the new ones are written.
    part = _items(works[:5])["items"] + _items([_work(10), _work(11)], "new")["items"]
    mixed = post({"items": part}).json()["results"]
    assert [x["replayed"] for x in mixed] == [True] * 5 + [False, False]
    assert [x["status"] for x in mixed] == [201] * 7
    assert services.catalog.count_artworks() == 12
    # A key used for another body is a 409 for that item only.
    part = _items([_work(0, price=1)])["items"] + _items([_work(12)], "other")["items"]
    clash = post({"items": part}).json()["results"]
    assert [x["status"] for x in clash] == [409, 201]
    # The keys are the single route's: a POST with one replays the batch's answer, and back.
    single = httpx.post(
        f"{live.address}/v1/artworks",
        json=works[3],
        headers={**headers, "X-Idempotency-Key": "k-3"},
    )
    assert single.headers["idempotent-replayed"] == "true" and single.json() == first[3]["body"]
    fresh = httpx.post(
        f"{live.address}/v1/artworks",
        json=_work(50),
        headers={**headers, "X-Idempotency-Key": "solo"},
    )
    back = post({"items": [{"idempotency_key": "solo", "artwork": _work(50)}]}).json()["results"]
    assert back[0]["replayed"] and back[0]["body"] == fresh.json()
    with services.db.read() as s:
        titles = list(s.scalars(select(ArtworkRow.title)))
    assert len(titles) == len(set(titles)) == services.catalog.count_artworks() == 14


def test_concurrent_batches_sharing_keys_write_once(post, services):
    works = [_work(i) for i in range(30)]
    answers: list[httpx.Response] = []

    def send(part: list[int]) -> None:
        answers.append(
            post({"items": [{"idempotency_key": f"k-{i}", "artwork": works[i]} for i in part]})
        )

    parts = [list(range(0, 30)), list(range(29, -1, -1)), list(range(10, 20))]
    threads = [threading.Thread(target=send, args=(p,)) for p in parts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.status_code == 200 for r in answers)
    ids = {x["body"]["id"] for r in answers for x in r.json()["results"]}
    assert len(ids) == 30 == services.catalog.count_artworks()


def test_batch_refusals(post, live, make_key, services):
    no_key = httpx.post(f"{live.address}/v1/artworks/batch", json=_items([_work(0)]))
    assert no_key.status_code == 401
    read_only = {"Authorization": f"Bearer {make_key(['artworks:read'])}"}
    r = httpx.post(f"{live.address}/v1/artworks/batch", json=_items([_work(0)]), headers=read_only)
    assert r.status_code == 403 and r.json()["required_scope"] == "artworks:write"
    assert post(_items([])).status_code == 400
    too_many = post(_items([_work(i) for i in range(101)]))
    assert too_many.status_code == 400 and too_many.json()["field"] == "items"
    same_key = {"items": [{"idempotency_key": "x", "artwork": _work(i)} for i in range(2)]}
    assert post(same_key).status_code == 400
    header = post(_items([_work(0)]), {"X-Idempotency-Key": "whole"})
    assert header.status_code == 400 and "per item" in header.json()["message"]
    assert post({"items": [{"artwork": _work(0), "extra": 1}]}).status_code == 400
    assert services.catalog.count_artworks() == 0


def test_every_item_counts_against_the_rate_limit(services, make_key):
    from fastapi.testclient import TestClient

    now = [1_000_000.0]
    app = create_app(services, limiter=RateLimiter(clock=lambda: now[0]))
    h = {"Authorization": f"Bearer {make_key(['artworks:write'], rate_limit=10)}"}
    with TestClient(app) as client:
        r = client.post("/v1/artworks/batch", json=_items([_work(i) for i in range(6)]), headers=h)
        assert r.status_code == 200 and r.headers["x-ratelimit-remaining"] == "4"
        # 5 more do not fit in the 4 left: 429, nothing counted or written.
        r = client.post(
            "/v1/artworks/batch", json=_items([_work(i) for i in range(6, 11)], "b"), headers=h
        )
        assert r.status_code == 429 and r.json()["retry_after"] > 0
        assert (
            client.post("/v1/artworks", json=_work(20), headers=h).headers["x-ratelimit-remaining"]
            == "3"
        )
        # More items than the key may send in a minute: 400 naming the most it may send.
        r = client.post("/v1/artworks/batch", json=_items([_work(i) for i in range(11)]), headers=h)
        assert r.status_code == 400 and r.json()["max_items"] == 10
        now[0] += 60
        r = client.post(
            "/v1/artworks/batch", json=_items([_work(i) for i in range(6, 11)], "b"), headers=h
        )
        assert r.status_code == 200 and r.headers["x-ratelimit-remaining"] == "5"
    assert services.catalog.count_artworks() == 12


def test_the_batch_route_is_in_the_openapi_document(client):
    doc = client.get("/v1/openapi.json").json()
    operation = doc["paths"]["/v1/artworks/batch"]["post"]
    assert "422" not in operation["responses"]
    assert "ArtworkBatch" in str(operation["requestBody"])
