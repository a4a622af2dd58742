"""Per-key request limits (a fixed one-minute window) and per-day usage counters.

State lives in the server process (one ``RateLimiter`` per app); a key's limit comes from the
key itself (``ApiKey.rate_limit_per_minute``, configurable per key with ``--rate-limit``).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

WINDOW_SECONDS = 60


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset_at: int  # unix time (seconds) when the current window ends
    retry_after: int  # seconds to wait when not allowed (0 when allowed)

    def headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset_at),
        }


@dataclass(frozen=True, slots=True)
class Usage:
    reads_today: int
    writes_today: int


class RateLimiter:
    """Thread-safe counters per key id: requests in the current minute, reads/writes today."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[int, tuple[int, int]] = {}  # key id -> (window start, count)
        self._days: dict[int, tuple[int, int, int]] = {}  # key id -> (day, reads, writes)

    def hit(self, key_id: int, limit: int, *, write: bool, n: int = 1) -> Decision:
        """Count one request (``n``: a batch of that many, refused unless all fit in the
        window); refused requests do not use up the window."""
        now = self._clock()
        window = int(now // WINDOW_SECONDS) * WINDOW_SECONDS
        reset_at = window + WINDOW_SECONDS
        with self._lock:
            start, count = self._windows.get(key_id, (window, 0))
            if start != window:
                count = 0
            if count + n > limit:
                self._windows[key_id] = (window, count)
                return Decision(False, limit, 0, reset_at, max(1, math.ceil(reset_at - now)))
            count += n
            self._windows[key_id] = (window, count)
            day = int(now // 86_400)
            d, reads, writes = self._days.get(key_id, (day, 0, 0))
            if d != day:
                reads = writes = 0
            if write:
                writes += n
            else:
                reads += n
            self._days[key_id] = (day, reads, writes)
            return Decision(True, limit, limit - count, reset_at, 0)

    def usage(self, key_id: int) -> Usage:
        day = int(self._clock() // 86_400)
        with self._lock:
            d, reads, writes = self._days.get(key_id, (day, 0, 0))
        if d != day:
            return Usage(0, 0)
        return Usage(reads, writes)
