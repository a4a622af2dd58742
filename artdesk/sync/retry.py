"""Retry policy for remote calls: exponential backoff with jitter, ``Retry-After`` honoured.

Retried: timeouts, connection errors (refused, reset, dropped mid-response), 5xx answers and 429
(waiting what the server asks in ``retry_after`` / ``Retry-After``, capped). Anything else is
the caller's to handle. After ``attempts`` tries the last failure becomes ``RemoteUnavailable``
with a message a registrar can act on.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import httpx
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
)

from artdesk.sync.errors import RemoteUnavailable

T = TypeVar("T")


class RetryableResponse(Exception):
    """A 5xx or 429 answer that is worth another try (raised inside the retry loop only)."""

    def __init__(self, response: httpx.Response, retry_after: float | None) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response
        self.retry_after = retry_after


def retry_after_seconds(response: httpx.Response) -> float | None:
    """The wait a 429/503 asks for: the JSON ``retry_after`` or the ``Retry-After`` header."""
    value: object = None
    try:
        body = response.json()
        if isinstance(body, dict):
            value = body.get("retry_after")
    except ValueError:
        value = None
    if value is None:
        value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None  # an HTTP date: fall back to the backoff


def is_retryable_status(status: int) -> bool:
    return status == 429 or 500 <= status <= 599


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, RetryableResponse | httpx.TimeoutException | httpx.TransportError)


def describe(exc: BaseException | None) -> str:
    if exc is None:
        return "no answer"
    if isinstance(exc, RetryableResponse):
        status = exc.response.status_code
        return "rate limited (429)" if status == 429 else f"server error {status}"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return "cannot connect"
    if isinstance(exc, httpx.TransportError):
        return f"connection failed ({type(exc).__name__})"
    return str(exc)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long to retry one request."""

    attempts: int = 6
    initial: float = 0.25  # first backoff, seconds
    maximum: float = 8.0  # cap of one backoff
    max_retry_after: float = 60.0  # cap of a server-requested wait
    jitter: float = 0.5  # up to this share of the backoff is added at random
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random | None = None

    def backoff(self, attempt: int) -> float:
        """The wait before try ``attempt + 1`` (attempt counts from 1)."""
        base = min(self.maximum, self.initial * (2 ** (attempt - 1)))
        rng = self.rng or random
        return base + rng.uniform(0, base * self.jitter)

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, RetryableResponse) and exc.retry_after is not None:
            rng = self.rng or random
            # Honour the server's wait, plus a little jitter so clients do not return in step.
            wait = min(self.max_retry_after, exc.retry_after)
            return wait + rng.uniform(0, min(0.25, self.initial))
        return self.backoff(state.attempt_number)

    def call(self, what: str, fn: Callable[[], T]) -> T:
        """Run ``fn`` with retries; raise RemoteUnavailable once the attempts are used up."""
        retrying = Retrying(
            retry=retry_if_exception(_retryable),
            stop=stop_after_attempt(max(1, self.attempts)),
            wait=self._wait,
            sleep=self.sleep,
            reraise=True,
        )
        try:
            return retrying(fn)
        except (RetryableResponse, httpx.TimeoutException, httpx.TransportError) as exc:
            status = exc.response.status_code if isinstance(exc, RetryableResponse) else None
            raise RemoteUnavailable(
                f"{what}: gave up after {self.attempts} attempts ({describe(exc)})",
                status=status,
            ) from exc
