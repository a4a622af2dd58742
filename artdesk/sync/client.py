"""An httpx client for Artland-style v1 remotes (Artland itself and other artdesk servers).

One ``httpx.Client`` with kept-alive connections is shared by every thread of a sync; each call
goes through the ``RetryPolicy``. Writes carry the caller's ``X-Idempotency-Key`` so that a retry
after a timeout replays the first answer instead of writing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from artdesk import __version__
from artdesk.sync.errors import (
    RemoteAuthError,
    RemoteConflict,
    RemoteError,
    RemoteNotFound,
    RemotePreconditionFailed,
    RemoteUnsupported,
)
from artdesk.sync.retry import (
    RetryableResponse,
    RetryPolicy,
    is_retryable_status,
    retry_after_seconds,
)

PAGE_LIMIT = 100  # the v1 maximum
MAX_PUSH_BATCH = 100  # items per POST /v1/artworks/batch (the route's maximum)
BATCH_TIMEOUT_FACTOR = 4  # a batch request may take this many times a single one's timeout


@dataclass(frozen=True, slots=True)
class RemoteWork:
    """One artwork as the remote shows it: its id, the raw fields, and its ETag if given."""

    id: str
    data: dict[str, Any]
    etag: str | None = None


def _message(response: httpx.Response) -> tuple[str, dict[str, Any]]:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200] or response.reason_phrase, {}
    if isinstance(body, dict):
        return str(body.get("message") or body.get("error") or response.reason_phrase), body
    return response.reason_phrase, {}


@dataclass(frozen=True, slots=True)
class BatchResult:
    """One item's answer in ``POST /v1/artworks/batch``: what ``POST /v1/artworks`` would
    have answered (status and body), its ETag, and whether it replays an earlier answer."""

    status: int
    body: dict[str, Any]
    etag: str | None = None
    replayed: bool = False


class V1Client:
    """Calls of the v1 API that sync needs. Thread-safe (httpx.Client is)."""

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 15.0,
        retry: RetryPolicy | None = None,
        max_connections: int = 16,
    ) -> None:
        headers = {"User-Agent": f"artdesk/{__version__} sync", "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        # False once the remote answered that it has no POST /v1/artworks/batch.
        self.batch_supported: bool | None = None
        self.timeout = timeout
        self._http = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=timeout,
            transport=transport,
            limits=httpx.Limits(
                max_connections=max_connections, max_keepalive_connections=max_connections
            ),
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> V1Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing
    def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> httpx.Response:
        what = f"{method} {self.base_url}{path}"
        extra = {} if timeout is None else {"timeout": timeout}

        def once() -> httpx.Response:
            response = self._http.request(
                method, path, params=params, json=json, headers=headers, **extra
            )
            if is_retryable_status(response.status_code):
                response.read()
                raise RetryableResponse(response, retry_after_seconds(response))
            return response

        response = self.retry.call(what, once)
        if response.status_code in (401, 403):
            message, _ = _message(response)
            raise RemoteAuthError(
                f"{self.base_url} refused the key ({response.status_code}): {message}",
                status=response.status_code,
            )
        return response

    @staticmethod
    def _fail(response: httpx.Response, what: str) -> RemoteError:
        message, body = _message(response)
        status = response.status_code
        if status == 404:
            return RemoteNotFound(f"{what}: {message}", status=status)
        if status == 409:
            candidates = [str(c) for c in body.get("candidates") or []]
            return RemoteConflict(f"{what}: {message}", candidates=candidates)
        if status == 412:
            return RemotePreconditionFailed(f"{what}: {message}", status=status)
        if status == 405:
            return RemoteUnsupported(f"{what}: the remote does not offer this", status=status)
        return RemoteError(f"{what}: {message} (HTTP {status})", status=status)

    @staticmethod
    def _json(response: httpx.Response, what: str) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            raise RemoteError(f"{what}: the remote did not answer JSON") from None
        if not isinstance(body, dict):
            raise RemoteError(f"{what}: unexpected answer")
        return body

    @staticmethod
    def _write_headers(key: str, if_match: str | None = None) -> dict[str, str]:
        headers = {"X-Idempotency-Key": key}
        if if_match:
            headers["If-Match"] = if_match
        return headers

    # ------------------------------------------------------------------ endpoints
    def me(self) -> dict[str, Any] | None:
        """``/v1/me`` (the key's entity), or None when the remote has no such endpoint."""
        r = self._request("GET", "/v1/me")
        if r.status_code == 404:
            return None
        if r.status_code != 200:
            raise self._fail(r, "GET /v1/me")
        return self._json(r, "GET /v1/me")

    def list_artworks(self, page: int, limit: int = PAGE_LIMIT) -> tuple[list[dict[str, Any]], int]:
        r = self._request("GET", "/v1/artworks", params={"page": page, "limit": limit})
        if r.status_code != 200:
            raise self._fail(r, "GET /v1/artworks")
        body = self._json(r, "GET /v1/artworks")
        items = body.get("artworks")
        if not isinstance(items, list):
            raise RemoteError("GET /v1/artworks: the answer has no artworks list")
        return items, int(body.get("total") or 0)

    def get_artwork(self, remote_id: str) -> RemoteWork:
        r = self._request("GET", f"/v1/artworks/{remote_id}")
        if r.status_code != 200:
            raise self._fail(r, f"GET /v1/artworks/{remote_id}")
        return RemoteWork(str(remote_id), self._json(r, "GET artwork"), r.headers.get("ETag"))

    def create_artwork(self, body: dict[str, Any], key: str) -> tuple[dict[str, Any], str | None]:
        """POST (upsert by fingerprint): ``({id, title, source_fingerprint, created}, etag)``."""
        r = self._request("POST", "/v1/artworks", json=body, headers=self._write_headers(key))
        if r.status_code not in (200, 201):
            raise self._fail(r, "POST /v1/artworks")
        out = self._json(r, "POST /v1/artworks")
        if "id" not in out:
            raise RemoteError("POST /v1/artworks: the answer has no id")
        return out, r.headers.get("ETag")

    def create_artworks(self, items: list[tuple[dict[str, Any], str]]) -> list[BatchResult]:
        """``POST /v1/artworks/batch`` (artdesk remotes): the upserts of ``create_artwork``
        for (body, idempotency key) pairs in one request, one result per item, in order.
        RemoteUnsupported when the remote has no such route (an Artland remote, an older
        artdesk); a batch over the key's per-minute limit is sent in smaller parts."""
        what = "POST /v1/artworks/batch"
        payload = {"items": [{"idempotency_key": k, "artwork": b} for b, k in items]}
        # A batch is many writes: it may take the remote longer than one request should.
        r = self._request(
            "POST", "/v1/artworks/batch", json=payload, timeout=self.timeout * BATCH_TIMEOUT_FACTOR
        )
        if r.status_code in (404, 405):
            self.batch_supported = False
            raise RemoteUnsupported(f"{what}: the remote does not offer this", status=r.status_code)
        if r.status_code == 400 and len(items) > 1:
            _, body = _message(r)
            most = body.get("max_items")
            if isinstance(most, int) and 0 < most < len(items):
                return [
                    result
                    for i in range(0, len(items), most)
                    for result in self.create_artworks(items[i : i + most])
                ]
        if r.status_code != 200:
            raise self._fail(r, what)
        results = self._json(r, what).get("results")
        if not isinstance(results, list) or len(results) != len(items):
            raise RemoteError(f"{what}: the answer does not have one result per item")
        self.batch_supported = True
        out = []
        for res in results:
            if not isinstance(res, dict) or not isinstance(res.get("body"), dict):
                raise RemoteError(f"{what}: an item's result is not an object with a body")
            out.append(
                BatchResult(
                    int(res.get("status") or 0),
                    res["body"],
                    res.get("etag"),
                    bool(res.get("replayed")),
                )
            )
        return out

    def update_artwork(
        self, remote_id: str, body: dict[str, Any], key: str, *, if_match: str | None = None
    ) -> RemoteWork:
        r = self._request(
            "PUT",
            f"/v1/artworks/{remote_id}",
            json=body,
            headers=self._write_headers(key, if_match),
        )
        if r.status_code != 200:
            raise self._fail(r, f"PUT /v1/artworks/{remote_id}")
        return RemoteWork(str(remote_id), self._json(r, "PUT artwork"), r.headers.get("ETag"))

    def delete_artwork(self, remote_id: str, key: str, *, if_match: str | None = None) -> None:
        r = self._request(
            "DELETE", f"/v1/artworks/{remote_id}", headers=self._write_headers(key, if_match)
        )
        if r.status_code not in (200, 202, 204):
            raise self._fail(r, f"DELETE /v1/artworks/{remote_id}")

    def changelog(
        self, since: str | None, page: int, limit: int = PAGE_LIMIT
    ) -> tuple[list[dict[str, Any]], int]:
        """A page of ``/v1/changelog`` (oldest first); RemoteUnsupported if the remote has none."""
        params: dict[str, Any] = {"page": page, "limit": limit}
        if since:
            params["since"] = since
        r = self._request("GET", "/v1/changelog", params=params)
        if r.status_code in (404, 405):
            raise RemoteUnsupported("the remote has no /v1/changelog", status=r.status_code)
        if r.status_code != 200:
            raise self._fail(r, "GET /v1/changelog")
        body = self._json(r, "GET /v1/changelog")
        changes = body.get("changes")
        if not isinstance(changes, list):
            raise RemoteError("GET /v1/changelog: the answer has no changes list")
        return changes, int(body.get("total") or 0)
