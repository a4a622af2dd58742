"""``X-Idempotency-Key`` on writes: the same key within 24 h replays the first response.

The request is identified by method, path, the validated body and ``If-Match``; the same key
with a different request is a 409 ``conflict`` and writes nothing. Only successful responses
are kept, so a write that failed (validation, conflict) can be retried with the same key.
Concurrent requests with the same key are serialised, so the write happens once.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from artdesk.api.auth import Principal, rate_limit_headers
from artdesk.api.errors import ApiError
from artdesk.services.api_support import MAX_IDEMPOTENCY_KEY, IdempotencyStore

HEADER = "X-Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
KEPT_HEADERS = ("etag", "location")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a write answered: status, JSON body (None for no content), extra headers."""

    status: int
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)

    def response(self) -> Response:
        if self.body is None:
            return Response(status_code=self.status, headers=dict(self.headers))
        return JSONResponse(jsonable_encoder(self.body), self.status, headers=dict(self.headers))


def request_hash(request: Request, body: Any, if_match: str | None) -> str:
    canonical = json.dumps(
        {
            "method": request.method,
            "path": request.url.path,
            "body": jsonable_encoder(body),
            "if_match": if_match,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


class Idempotency:
    def __init__(self, store: IdempotencyStore) -> None:
        self.store = store
        self._guard = threading.Lock()
        self._locks: dict[tuple[int, str], tuple[threading.Lock, int]] = {}

    def _lock_for(self, slot: tuple[int, str]) -> threading.Lock:
        with self._guard:
            lock, users = self._locks.get(slot, (None, 0))
            if lock is None:
                lock = threading.Lock()
            self._locks[slot] = (lock, users + 1)
            return lock

    def _release(self, slot: tuple[int, str]) -> None:
        with self._guard:
            lock, users = self._locks[slot]
            if users <= 1:
                del self._locks[slot]
            else:
                self._locks[slot] = (lock, users - 1)

    def run(
        self,
        request: Request,
        principal: Principal,
        body: Any,
        write: Callable[[], Outcome],
        *,
        if_match: str | None = None,
    ) -> Response:
        response = self._run(request, principal, body, write, if_match=if_match)
        response.headers.update(rate_limit_headers(request))
        return response

    def _run(
        self,
        request: Request,
        principal: Principal,
        body: Any,
        write: Callable[[], Outcome],
        *,
        if_match: str | None = None,
    ) -> Response:
        key = request.headers.get(HEADER)
        if key is None:
            return write().response()
        key = key.strip()
        if not key or len(key) > MAX_IDEMPOTENCY_KEY:
            raise ApiError(400, f"{HEADER} must be 1 to {MAX_IDEMPOTENCY_KEY} characters")
        digest = request_hash(request, body, if_match)
        slot = (principal.key.id, key)
        lock = self._lock_for(slot)
        try:
            with lock:
                stored = self.store.get(principal.key.id, key)
                if stored is not None:
                    if stored.request_hash != digest:
                        raise ApiError(
                            409,
                            f"{HEADER} {key!r} was used for a different request in the last 24 hours",
                        )
                    saved = json.loads(stored.body)
                    headers = {**saved.get("headers", {}), REPLAYED_HEADER: "true"}
                    return Outcome(stored.status_code, saved.get("body"), headers).response()
                outcome = write()
                if 200 <= outcome.status < 300:
                    kept = {k: v for k, v in outcome.headers.items() if k.lower() in KEPT_HEADERS}
                    record = json.dumps(
                        {"body": jsonable_encoder(outcome.body), "headers": kept},
                        ensure_ascii=False,
                    )
                    self.store.put(principal.key.id, key, digest, outcome.status, record)
                return outcome.response()
        finally:
            self._release(slot)
