"""The v1 client and its retry policy against httpx.MockTransport; the secret store."""

from __future__ import annotations

import os
import stat

import httpx
import pytest

from artdesk.services.sync import idempotency_key
from artdesk.sync.client import V1Client
from artdesk.sync.errors import RemoteAuthError, RemoteConflict, RemoteUnavailable
from artdesk.sync.retry import RetryPolicy
from artdesk.sync.secrets import SecretStore


def _policy(sleeps: list[float], attempts: int = 5) -> RetryPolicy:
    return RetryPolicy(attempts=attempts, initial=0.1, maximum=1.0, sleep=sleeps.append)


def test_429_waits_what_the_server_asks_then_succeeds() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            return httpx.Response(429, json={"error": "rate_limited", "retry_after": 3})
        if len(calls) == 2:
            return httpx.Response(429, headers={"Retry-After": "2"}, json={"error": "rate_limited"})
        return httpx.Response(
            201, json={"id": 5, "title": "A", "source_fingerprint": "f", "created": True}
        )

    sleeps: list[float] = []
    client = V1Client(
        "http://remote.test", "k", transport=httpx.MockTransport(handler), retry=_policy(sleeps)
    )
    out, _ = client.create_artwork({"title": "A"}, "key-1")
    assert out["id"] == 5 and len(calls) == 3
    assert 3 <= sleeps[0] < 3.2 and 2 <= sleeps[1] < 2.2
    # Every retry carried the same idempotency key and the bearer token.
    assert {c.headers["X-Idempotency-Key"] for c in calls} == {"key-1"}
    assert calls[0].headers["Authorization"] == "Bearer k"


def test_5xx_and_connection_errors_back_off_exponentially_with_jitter() -> None:
    n = {"calls": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        n["calls"] += 1
        if n["calls"] == 1:
            raise httpx.ConnectError("refused", request=request)
        if n["calls"] == 2:
            raise httpx.ReadTimeout("slow", request=request)
        if n["calls"] == 3:
            return httpx.Response(503, json={"error": "unavailable"})
        return httpx.Response(200, json={"id": 1, "title": "A"})

    sleeps: list[float] = []
    client = V1Client(
        "http://remote.test", "k", transport=httpx.MockTransport(handler), retry=_policy(sleeps)
    )
    assert client.get_artwork("1").data["title"] == "A"
    assert len(sleeps) == 3
    assert 0.1 <= sleeps[0] <= 0.15 and 0.2 <= sleeps[1] <= 0.3 and 0.4 <= sleeps[2] <= 0.6


def test_bounded_attempts_then_a_clear_error() -> None:
    sleeps: list[float] = []
    client = V1Client(
        "http://remote.test",
        "k",
        transport=httpx.MockTransport(
            lambda r: httpx.Response(500, json={"error": "internal_error"})
        ),
        retry=_policy(sleeps, attempts=4),
    )
    with pytest.raises(RemoteUnavailable) as info:
        client.list_artworks(1)
    assert (
        "gave up after 4 attempts" in info.value.message
        and "server error 500" in info.value.message
    )
    assert len(sleeps) == 3


def test_auth_and_conflict_are_not_retried() -> None:
    sleeps: list[float] = []
    client = V1Client(
        "http://remote.test",
        "k",
        transport=httpx.MockTransport(
            lambda r: httpx.Response(401, json={"error": "unauthorized", "message": "Invalid key"})
        ),
        retry=_policy(sleeps),
    )
    with pytest.raises(RemoteAuthError):
        client.me()
    client = V1Client(
        "http://remote.test",
        "k",
        transport=httpx.MockTransport(
            lambda r: httpx.Response(
                409, json={"error": "conflict", "message": "dup", "candidates": [3, 4]}
            )
        ),
        retry=_policy(sleeps),
    )
    with pytest.raises(RemoteConflict) as info:
        client.create_artwork({"title": "Untitled"}, "k2")
    assert info.value.candidates == ["3", "4"] and sleeps == []


def test_idempotency_key_is_deterministic() -> None:
    a = idempotency_key("uid", 5, 3, "create", {"title": "A", "price": 1})
    assert a == idempotency_key("uid", 5, 3, "create", {"price": 1, "title": "A"})
    assert a != idempotency_key("uid", 5, 4, "create", {"title": "A", "price": 1})
    assert a != idempotency_key("other", 5, 3, "create", {"title": "A", "price": 1})
    assert a.startswith("artdesk-") and len(a) < 64


def test_secret_file_is_private_and_not_in_the_catalog(tmp_path, services) -> None:  # noqa: ANN001
    store = SecretStore(tmp_path / "data", use_keyring=False)
    store.set("u1", {"token": "ak_live_secret_value"})
    assert store.get("u1") == {"token": "ak_live_secret_value"}
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    store.delete("u1")
    assert store.get("u1") == {}
    # Through the service: the token lands in the data dir file, never in the database.
    services.catalog.create_partner("Galerie Nord")
    services.sync.add_remote("r", "http://127.0.0.1:9", "artdesk", token="ak_live_topsecret")
    path = services.db.path
    if path is not None:
        services.db.dispose()
        for f in path.parent.glob(path.name + "*"):
            assert b"ak_live_topsecret" not in f.read_bytes()
    assert (
        services.sync.secrets.get(services.sync.list_remotes()[0].id and _uid(services))["token"]
        == "ak_live_topsecret"
    )


def _uid(services) -> str:  # noqa: ANN001
    from sqlalchemy import select

    from artdesk.db.models import SyncRemoteRow

    with services.db.read() as s:
        return s.scalar(select(SyncRemoteRow.uid))
