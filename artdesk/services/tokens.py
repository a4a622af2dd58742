"""XAPP tokens for the Artsy-style HAL API (``/api``): signed, short-lived, bound to an API key.

How a client gets one: ``POST /api/tokens/xapp_token`` with ``client_id`` and ``client_secret``
taken from an artdesk API key (``artdesk keys create`` prints both):

- ``client_id`` is the key's display prefix (``ak_live_`` + 8 characters, as ``keys list`` shows);
- ``client_secret`` is the full key.

A token is ``<payload>.<signature>`` (both base64url): the payload holds the key's id, display
prefix, entity (partner id), scopes, per-minute rate limit and the expiry time; the signature is
HMAC-SHA256 over the payload with a secret kept in the catalog (``catalog_meta``), made on
first use. Any server process on the same catalog (several ``artdesk serve`` over one shared
PostgreSQL catalog) verifies any other's tokens without a shared memory store. A token stops
working when it expires (default one hour) or when its key is revoked (checked on every use).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from artdesk.core.errors import ArtdeskError
from artdesk.db.engine import Database
from artdesk.db.models import ApiKeyRow, CatalogMetaRow
from artdesk.services.keys import KeyService

DEFAULT_TTL_SECONDS = 3600
SECRET_META_KEY = "hal_token_secret"
TOKEN_VERSION = 1
MAX_TOKEN_LENGTH = 2000


@dataclass(frozen=True, slots=True)
class XappToken:
    """A verified (or just issued) token: who it speaks for and until when."""

    token: str
    key_id: int
    key_prefix: str
    partner_id: int
    scopes: tuple[str, ...]
    rate_limit_per_minute: int
    expires_at: float  # seconds since the epoch

    @property
    def expires_at_datetime(self) -> datetime:
        return datetime.fromtimestamp(self.expires_at, UTC)

    def expires_at_text(self) -> str:
        """``2014-09-05T12:39:09.200Z`` (the form Artsy's token endpoint answered with)."""
        moment = self.expires_at_datetime
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"

    def has(self, scope: str) -> bool:
        return scope in self.scopes


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class TokenService:
    """Issues and verifies XAPP tokens for one catalog.

    ``ttl_seconds`` is how long a new token lives; ``clock`` (seconds since the epoch) is
    replaceable in tests.
    """

    def __init__(
        self,
        db: Database,
        keys: KeyService,
        *,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if ttl_seconds <= 0:
            raise ValueError("a token lifetime is positive")
        self.db = db
        self.keys = keys
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._secret: bytes | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ the signing secret
    def _signing_secret(self) -> bytes:
        with self._lock:
            if self._secret is None:
                self._secret = self._load_or_create_secret()
            return self._secret

    def _load_or_create_secret(self) -> bytes:
        with self.db.read() as s:
            row = s.get(CatalogMetaRow, SECRET_META_KEY)
            if row is not None:
                return bytes.fromhex(row.value)
        try:
            with self.db.write() as s:
                # Another process may have made it since the read: keep the first one written.
                row = s.get(CatalogMetaRow, SECRET_META_KEY)
                if row is None:
                    s.add(CatalogMetaRow(key=SECRET_META_KEY, value=secrets.token_hex(32)))
        except IntegrityError:
            pass  # a concurrent writer (another server process) inserted it first
        with self.db.read() as s:
            row = s.get(CatalogMetaRow, SECRET_META_KEY)
            if row is None:
                raise ArtdeskError("the token signing secret could not be stored in the catalog")
            return bytes.fromhex(row.value)

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._signing_secret(), payload, hashlib.sha256).digest()

    # ------------------------------------------------------------------ issue and verify
    def issue(self, client_id: str, client_secret: str) -> XappToken | None:
        """A new token for an active key whose prefix is ``client_id`` and secret
        ``client_secret``; None when they do not name an active key."""
        client_id = (client_id or "").strip()
        client_secret = (client_secret or "").strip()
        if not client_id or not client_secret:
            return None
        key = self.keys.verify(client_secret)
        if key is None or not hmac.compare_digest(key.prefix.encode(), client_id.encode()):
            return None
        expires = int(self.clock() + self.ttl_seconds)
        claims = {
            "v": TOKEN_VERSION,
            "k": key.id,
            "p": key.prefix,
            "e": key.partner_id,
            "s": list(key.scopes),
            "r": key.rate_limit_per_minute,
            "x": expires,
            "n": secrets.token_hex(4),
        }
        payload = json.dumps(claims, separators=(",", ":"), sort_keys=True).encode()
        token = f"{_b64(payload)}.{_b64(self._sign(payload))}"
        return self._token(token, claims)

    def verify(self, token: str | None) -> XappToken | None:
        """The token's claims when it is well formed, correctly signed, not expired and its key
        is still active; None otherwise (the caller answers 401 without saying which)."""
        if not token or len(token) > MAX_TOKEN_LENGTH or token.count(".") != 1:
            return None
        body, signature = token.strip().split(".")
        try:
            payload = _unb64(body)
            presented = _unb64(signature)
        except (binascii.Error, ValueError):
            return None
        if not hmac.compare_digest(self._sign(payload), presented):
            return None
        try:
            claims = json.loads(payload)
            result = self._token(token.strip(), claims)
        except (ValueError, TypeError, KeyError):
            return None
        if claims.get("v") != TOKEN_VERSION or result.expires_at <= self.clock():
            return None
        if not self._key_active(result.key_id):
            return None
        return result

    def _key_active(self, key_id: int) -> bool:
        with self.db.read() as s:
            revoked = s.execute(select(ApiKeyRow.revoked_at).where(ApiKeyRow.id == key_id)).first()
        return revoked is not None and revoked[0] is None

    @staticmethod
    def _token(token: str, claims: dict) -> XappToken:
        return XappToken(
            token=token,
            key_id=int(claims["k"]),
            key_prefix=str(claims["p"]),
            partner_id=int(claims["e"]),
            scopes=tuple(str(x) for x in claims["s"]),
            rate_limit_per_minute=int(claims["r"]),
            expires_at=float(claims["x"]),
        )
