"""``ArtworkFastPath``: the common case of ``GET /v1/artworks/{id}`` without FastAPI's machinery.

The single-artwork read is the hottest request a partner's website sends. Routing it through
FastAPI (route matching, four dependency levels, parameter validation) costs several times
what the read itself does, so this pure ASGI middleware answers it first, when, and only
when, everything about the request is the plain successful case:

- ``GET /v1/artworks/N`` with ``N`` written canonically (no sign, no leading zero, at most
  ``MAX_ID``) and no ``root_path``;
- ``Authorization: Bearer SECRET`` whose key is in the authenticator's verified-key cache, was
  recorded as used within the last minute, and holds ``artworks:read``;
- the artwork exists, belongs to the key's entity and can be read without waiting for a lock;
- the key's rate limit admits the request (it is counted exactly once, here).

Anything else (no or unknown key, a missing scope, another entity's or a missing artwork, a
busy database, a refused rate limit, a PostgreSQL catalog, every other path and method) goes
on unchanged to the FastAPI app, whose route and error handlers answer it as documented. A
refused rate-limit hit does not use up the window, so the app counting it again is exact.
The answer is built by the same ``artwork_response`` as the route's: same body, same headers.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from artdesk.api.auth import Authenticator
from artdesk.api.routes.artland import artwork_response
from artdesk.core.errors import NotFoundError
from artdesk.core.models import MAX_ID
from artdesk.services.api_support import ArtworkReader

PREFIX = "/v1/artworks/"
SCOPE = "artworks:read"
_MAX_DIGITS = len(str(MAX_ID))


class ArtworkFastPath:
    def __init__(
        self, app: ASGIApp, *, reader: ArtworkReader, authenticator: Authenticator
    ) -> None:
        self.app = app
        self.reader = reader
        self.authenticator = authenticator

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] == "GET"
            and scope["path"].startswith(PREFIX)
            and not scope.get("root_path")
        ):
            response = self._answer(scope)
            if response is not None:
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _answer(self, scope: Scope) -> Response | None:
        """The response to send, or None to hand the request to the app."""
        artwork_id = _canonical_id(scope["path"][len(PREFIX) :])
        if artwork_id is None:
            return None
        secret = _bearer(scope["headers"])
        if not secret:
            return None
        auth = self.authenticator
        principal = auth.cached_principal(secret)
        if principal is None or not principal.has(SCOPE):
            return None
        try:
            artwork = self.reader.get_nowait(artwork_id, partner_id=principal.partner_id)
        except NotFoundError:
            return None
        if artwork is None:
            return None
        key = principal.key
        decision = auth.limiter.hit(key.id, key.rate_limit_per_minute, write=False)
        if not decision.allowed:
            return None
        return artwork_response(artwork, decision.headers())


def _canonical_id(text: str) -> int | None:
    """``N`` for a plain decimal id in range ("1".."2147483647"); None for anything else."""
    if not (0 < len(text) <= _MAX_DIGITS) or not text.isascii() or not text.isdigit():
        return None
    if text[0] == "0":
        return None
    value = int(text)
    return value if value <= MAX_ID else None


def _bearer(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The credentials of the first Authorization header, parsed as FastAPI's HTTPBearer does."""
    for name, value in headers:
        if name == b"authorization":
            scheme, _, credentials = value.decode("latin-1").partition(" ")
            if scheme.lower() != "bearer":
                return None
            return credentials.strip() or None
    return None
