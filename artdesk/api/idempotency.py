"""``X-Idempotency-Key`` on writes: the same key within 24 h replays the first response.

The request is identified by method, path, the validated body and ``If-Match``; the same key
with a different request is a 409 ``conflict`` and writes nothing. Only successful responses
are kept, so a write that failed (validation, conflict) can be retried with the same key.
Concurrent requests with the same key are serialised, so the write happens once. A write run
with ``run_in_write`` keeps the record in its own transaction (one commit for both: a crash
never leaves a write without its record, which would make a retry write it twice).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Mapping, Sequence
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

    def response(self, encoded: Any = None) -> Response:
        """The response; ``encoded``: the body already through ``jsonable_encoder``."""
        if self.body is None:
            return Response(status_code=self.status, headers=dict(self.headers))
        if encoded is None:
            encoded = jsonable_encoder(self.body)
        return JSONResponse(encoded, self.status, headers=dict(self.headers))


# remember(session, outcome): keep the record of ``outcome`` in ``session``'s transaction.
Remember = Callable[[Any, Outcome], None]


def request_hash(request: Request, body: Any, if_match: str | None) -> str:
    return write_hash(request.method, request.url.path, body, if_match)


def write_hash(method: str, path: str, body: Any, if_match: str | None = None) -> str:
    """What identifies a write for its key: method, path, the validated body and If-Match."""
    canonical = json.dumps(
        {
            "method": method,
            "path": path,
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
        """Answer with ``write()``, or replay; the record is kept in a transaction of its own."""
        return self.run_in_write(
            request, principal, body, lambda _remember: write(), if_match=if_match
        )

    def run_in_write(
        self,
        request: Request,
        principal: Principal,
        body: Any,
        write: Callable[[Remember | None], Outcome],
        *,
        if_match: str | None = None,
    ) -> Response:
        """Like ``run``, for a write that calls ``remember(session, outcome)`` inside its own
        transaction before it commits (None: the request has no key, nothing to keep). A write
        that does not call it has its record kept afterwards, as with ``run``."""
        response = self._run(request, principal, body, write, if_match=if_match)
        response.headers.update(rate_limit_headers(request))
        return response

    def _run(
        self,
        request: Request,
        principal: Principal,
        body: Any,
        write: Callable[[Remember | None], Outcome],
        *,
        if_match: str | None = None,
    ) -> Response:
        key = request.headers.get(HEADER)
        if key is None:
            return write(None).response()
        key = key.strip()
        if not key or len(key) > MAX_IDEMPOTENCY_KEY:
            raise ApiError(400, f"{HEADER} must be 1 to {MAX_IDEMPOTENCY_KEY} characters")
        digest = request_hash(request, body, if_match)
        api_key_id = principal.key.id
        slot = (api_key_id, key)
        lock = self._lock_for(slot)
        try:
            with lock:
                stored = self.store.get(api_key_id, key)
                if stored is not None:
                    if stored.request_hash != digest:
                        raise ApiError(
                            409,
                            f"{HEADER} {key!r} was used for a different request in the last 24 hours",
                        )
                    saved = json.loads(stored.body)
                    headers = {**saved.get("headers", {}), REPLAYED_HEADER: "true"}
                    return Outcome(stored.status_code, saved.get("body"), headers).response()
                kept: list[Any] = []  # the encoded body, once the record is kept

                def remember(session: Any, outcome: Outcome) -> None:
                    if 200 <= outcome.status < 300:
                        encoded, record = _record(outcome)
                        self.store.put(
                            api_key_id, key, digest, outcome.status, record, session=session
                        )
                        kept.append(encoded)

                outcome = write(remember)
                if kept:
                    return outcome.response(kept[-1])
                if 200 <= outcome.status < 300:
                    encoded, record = _record(outcome)
                    self.store.put(api_key_id, key, digest, outcome.status, record)
                    return outcome.response(encoded)
                return outcome.response()
        finally:
            self._release(slot)

    def run_many(
        self,
        principal: Principal,
        entries: Sequence[tuple[str | None, str]],
        write: Callable[[list[int], RememberItem], Mapping[int, Outcome]],
    ) -> list[Outcome]:
        """Several writes in one request, each with its own key (or None) and request digest
        (``write_hash`` of the single request it stands for, so a key works the same either
        way). Keys already used replay their first answer, or are a 409 when used for another
        request; ``write(indexes, remember)`` writes the rest and answers them by index,
        calling ``remember(session, index, outcome)`` in its transaction. One ``Outcome`` per
        entry, in order. The keys are held (in sorted order) until the records are kept, so a
        concurrent request with one of them waits and then replays."""
        keys = [k for k, _ in entries if k is not None]
        for k in keys:
            if not k or len(k) > MAX_IDEMPOTENCY_KEY:
                raise ApiError(
                    400, f"an idempotency key must be 1 to {MAX_IDEMPOTENCY_KEY} characters"
                )
        if len(set(keys)) != len(keys):
            raise ApiError(400, "every idempotency key of a batch must be different")
        api_key_id = principal.key.id
        slots = sorted((api_key_id, k) for k in keys)
        locks = [self._lock_for(slot) for slot in slots]
        held: list[threading.Lock] = []
        try:
            for lock in locks:
                lock.acquire()
                held.append(lock)
            stored, expired = self.store.get_many(api_key_id, keys)
            if expired:
                self.store.forget(api_key_id, expired)  # so the records below are plain inserts
            answers: dict[int, Outcome] = {}
            todo: list[int] = []
            for i, (k, digest) in enumerate(entries):
                record = stored.get(k) if k is not None else None
                if record is None:
                    todo.append(i)
                elif record.request_hash != digest:
                    err = ApiError(
                        409,
                        f"idempotency key {k!r} was used for a different request in the last 24 hours",
                    )
                    answers[i] = Outcome(409, err.body())
                else:
                    saved = json.loads(record.body)
                    headers = {**saved.get("headers", {}), REPLAYED_HEADER: "true"}
                    answers[i] = Outcome(record.status_code, saved.get("body"), headers)

            def remember(session: Any, i: int, outcome: Outcome) -> None:
                k = entries[i][0]
                if k is not None and 200 <= outcome.status < 300:
                    _, record = _record(outcome)
                    self.store.put(
                        api_key_id,
                        k,
                        entries[i][1],
                        outcome.status,
                        record,
                        session=session,
                        new=True,
                    )

            if todo:
                answers.update(write(todo, remember))
            return [answers[i] for i in range(len(entries))]
        finally:
            for lock in reversed(held):
                lock.release()
            for slot in slots:
                self._release(slot)


# remember(session, index, outcome): keep the record of item ``index`` in ``session``'s transaction.
RememberItem = Callable[[Any, int, Outcome], None]


def _record(outcome: Outcome) -> tuple[Any, str]:
    """The encoded body and the stored record (body and the headers a replay repeats)."""
    encoded = jsonable_encoder(outcome.body)
    kept = {k: v for k, v in outcome.headers.items() if k.lower() in KEPT_HEADERS}
    return encoded, json.dumps({"body": encoded, "headers": kept}, ensure_ascii=False)
