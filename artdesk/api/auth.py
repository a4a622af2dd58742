"""Bearer API keys: who is calling (the key and its entity), what it may do, how often.

``Authorization: Bearer ak_live_...`` is verified with ``KeyService.verify`` (salted hash,
constant-time comparison). Every route depends on ``require(...)``, which answers 401 for a
missing or unknown key, 429 when the key is over its per-minute limit and 403 naming the
missing scope; it puts the ``X-RateLimit-*`` headers on every answer it lets through.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request, Response, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from artdesk.api.errors import ApiError, forbidden_scope, unauthorized
from artdesk.api.ratelimit import RateLimiter
from artdesk.services.keys import ApiKey, KeyService

TOUCH_EVERY_SECONDS = 60.0
VERIFIED_FOR_SECONDS = 1.0
ANY_READ = "any:read"  # pseudo-scope: any scope ending in ":read"
ANY = "any"  # pseudo-scope: any valid key

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ApiKey",
    description="An artdesk API key: `Authorization: Bearer ak_live_...` (`artdesk keys create`).",
)


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller: its key and the entity (partner) every read and write is bound to."""

    key: ApiKey

    @property
    def partner_id(self) -> int:
        return self.key.partner_id

    @property
    def source(self) -> str:
        """The changelog source of this key's writes: ``api:`` + the key's display prefix."""
        return f"api:{self.key.prefix}"

    def has(self, scope: str) -> bool:
        if scope == ANY:
            return True
        if scope == ANY_READ:
            return any(s.endswith(":read") for s in self.key.scopes)
        return scope in self.key.scopes


class Authenticator:
    """Verifies keys, counts requests per key, records (coarsely) when a key was last used."""

    def __init__(self, keys: KeyService, limiter: RateLimiter | None = None) -> None:
        self.keys = keys
        self.limiter = limiter or RateLimiter()
        self._touched: dict[int, float] = {}
        self._verified: dict[bytes, tuple[ApiKey, float]] = {}
        self._lock = threading.Lock()

    async def authenticate(self, credentials: HTTPAuthorizationCredentials | None) -> Principal:
        """The caller's key; a catalog lookup (on the thread pool) only when not cached."""
        if credentials is None or not credentials.credentials:
            raise unauthorized("Missing API key: send Authorization: Bearer ak_live_...")
        secret = credentials.credentials.strip()
        key = self._cached(secret)
        if key is None:
            key = await run_in_threadpool(self.keys.verify, secret)
            if key is None:
                raise unauthorized("Invalid or revoked API key")
            self._remember(secret, key)
        if self._touch_due(key.id):
            await run_in_threadpool(self.keys.touch, key.id)
        return Principal(key)

    # A verified key is trusted for VERIFIED_FOR_SECONDS without asking the catalog again
    # (keyed by a digest of the secret, never the secret itself); a revocation takes effect
    # within that time, in this process and in any other.
    def _cached(self, secret: str) -> ApiKey | None:
        digest = hashlib.sha256(secret.encode()).digest()
        with self._lock:
            hit = self._verified.get(digest)
        if hit is None or hit[1] < time.monotonic():
            return None
        return hit[0]

    def _remember(self, secret: str, key: ApiKey) -> None:
        digest = hashlib.sha256(secret.encode()).digest()
        with self._lock:
            if len(self._verified) > 10_000:
                self._verified.clear()
            self._verified[digest] = (key, time.monotonic() + VERIFIED_FOR_SECONDS)

    def cached_principal(self, secret: str) -> Principal | None:
        """The caller, when that needs neither the catalog nor a write: a key verified less
        than VERIFIED_FOR_SECONDS ago whose use was recorded less than TOUCH_EVERY_SECONDS ago.
        None means "authenticate the full way" (nothing is counted or recorded here)."""
        key = self._cached(secret)
        if key is None:
            return None
        with self._lock:
            last = self._touched.get(key.id)
        if last is None or time.monotonic() - last >= TOUCH_EVERY_SECONDS:
            return None
        return Principal(key)

    def _touch_due(self, key_id: int) -> bool:
        now = time.monotonic()
        with self._lock:
            last = self._touched.get(key_id)
            if last is not None and now - last < TOUCH_EVERY_SECONDS:
                return False
            self._touched[key_id] = now
            return True

    def admit(
        self, principal: Principal, scope: str, *, write: bool, request: Request, n: int = 1
    ) -> None:
        """Count the request against the key's limit (429 when over), then check the scope.
        ``n``: a batch of that many writes, each counted as the single request would be."""
        decision = self.limiter.hit(
            principal.key.id, principal.key.rate_limit_per_minute, write=write, n=n
        )
        if not decision.allowed:
            raise ApiError(
                429,
                f"Rate limit exceeded: {decision.limit} requests per minute; "
                f"retry after {decision.retry_after} s",
                headers={**decision.headers(), "Retry-After": str(decision.retry_after)},
                extra={"retry_after": decision.retry_after},
            )
        request.state.rate_limit_headers = decision.headers()
        if not principal.has(scope):
            shown = "a read scope" if scope == ANY_READ else scope
            raise forbidden_scope(shown)


def rate_limit_headers(request: Request) -> dict[str, str]:
    """The X-RateLimit-* headers of this request (empty before authentication)."""
    return getattr(request.state, "rate_limit_headers", None) or {}


def authenticator(request: Request) -> Authenticator:
    return request.app.state.authenticator


async def authenticated(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Security(bearer)
) -> Principal:
    """A dependency: the authenticated caller, not yet counted nor checked for a scope (a
    batch route admits it with ``Authenticator.admit(..., n=len(items))`` once it knows n)."""
    return await authenticator(request).authenticate(credentials)


def require(scope: str, *, write: bool = False) -> Callable[..., Principal]:
    """A dependency: the authenticated, admitted caller holding ``scope``."""

    async def dependency(
        request: Request,
        response: Response,
        credentials: HTTPAuthorizationCredentials | None = Security(bearer),
    ) -> Principal:
        # async: a cached key costs no thread hop; lookups and writes go to the thread pool.
        auth = authenticator(request)
        principal = await auth.authenticate(credentials)
        auth.admit(principal, scope, write=write, request=request)
        response.headers.update(rate_limit_headers(request))
        return principal

    dependency.__name__ = f"require_{scope.replace(':', '_')}"
    return dependency
