"""API keys: created once and shown once, stored as a salted hash, bound to one partner."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from artdesk.core.errors import NotFoundError, ValidationError
from artdesk.db.engine import Database
from artdesk.db.models import ApiKeyRow, PartnerRow, utcnow

KEY_PREFIX = "ak_live_"
DISPLAY_PREFIX_LEN = len(KEY_PREFIX) + 8  # "ak_live_" + 8 random characters
SCOPES: tuple[str, ...] = (
    "artworks:read",
    "artworks:write",
    "artists:read",
    "artists:write",
    "events:read",
    "events:write",
    "profile:read",
    "profile:write",
    "search:read",
)
# Per-minute request limits when a key has none of its own (configurable per key).
DEFAULT_RATE_LIMIT_READ_ONLY = 600
DEFAULT_RATE_LIMIT_READ_WRITE = 6000


@dataclass(frozen=True, slots=True)
class ApiKey:
    id: int
    prefix: str
    label: str | None
    scopes: tuple[str, ...]
    partner_id: int
    partner_name: str
    partner_slug: str
    rate_limit_per_minute: int
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @property
    def read_only(self) -> bool:
        return not any(s.endswith(":write") for s in self.scopes)

    @property
    def tier(self) -> str:
        return "read_only" if self.read_only else "read_write"


@dataclass(frozen=True, slots=True)
class NewKey:
    """A created key: ``secret`` is the full key, shown once and never stored."""

    key: ApiKey
    secret: str


def _hash(salt: str, secret: str) -> str:
    return hashlib.sha256(f"{salt}:{secret}".encode()).hexdigest()


class KeyService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(
        self,
        partner_id: int,
        scopes: list[str] | tuple[str, ...],
        *,
        label: str | None = None,
        rate_limit_per_minute: int | None = None,
    ) -> NewKey:
        scopes = tuple(dict.fromkeys(scopes))
        if not scopes:
            raise ValidationError("a key needs at least one scope", field="scope")
        unknown = [s for s in scopes if s not in SCOPES]
        if unknown:
            raise ValidationError(
                f"unknown scope {unknown[0]!r}; scopes are {', '.join(SCOPES)}", field="scope"
            )
        if rate_limit_per_minute is not None and rate_limit_per_minute < 1:
            raise ValidationError("the rate limit must be at least 1 request a minute")
        secret = KEY_PREFIX + secrets.token_urlsafe(32)
        prefix = secret[:DISPLAY_PREFIX_LEN]
        salt = secrets.token_hex(16)
        with self.db.write() as s:
            if s.get(PartnerRow, partner_id) is None:
                raise NotFoundError("Partner not found")
            row = ApiKeyRow(
                prefix=prefix,
                salt=salt,
                key_hash=_hash(salt, secret),
                label=label,
                scopes=list(scopes),
                partner_id=partner_id,
                rate_limit_per_minute=rate_limit_per_minute,
                created_at=utcnow(),
            )
            s.add(row)
            s.flush()
            key = self._out(s, row)
        return NewKey(key, secret)

    def _out(self, s, row: ApiKeyRow) -> ApiKey:  # noqa: ANN001
        partner = s.get(PartnerRow, row.partner_id)
        scopes = tuple(row.scopes or ())
        read_only = not any(x.endswith(":write") for x in scopes)
        default = DEFAULT_RATE_LIMIT_READ_ONLY if read_only else DEFAULT_RATE_LIMIT_READ_WRITE
        return ApiKey(
            id=row.id,
            prefix=row.prefix,
            label=row.label,
            scopes=scopes,
            partner_id=row.partner_id,
            partner_name=partner.name if partner else "",
            partner_slug=partner.slug if partner else "",
            rate_limit_per_minute=row.rate_limit_per_minute or default,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            revoked_at=row.revoked_at,
        )

    def verify(self, secret: str) -> ApiKey | None:
        """The active key for a presented secret, or None. Compared in constant time."""
        if not secret or not secret.startswith(KEY_PREFIX) or len(secret) > 200:
            return None
        prefix = secret[:DISPLAY_PREFIX_LEN]
        with self.db.read() as s:
            row = s.scalar(select(ApiKeyRow).where(ApiKeyRow.prefix == prefix))
            if row is None:
                # Spend the same work as a real comparison so timing does not tell.
                hmac.compare_digest(_hash("0" * 32, secret), "0" * 64)
                return None
            if not hmac.compare_digest(_hash(row.salt, secret), row.key_hash):
                return None
            if row.revoked_at is not None:
                return None
            return self._out(s, row)

    def touch(self, key_id: int) -> None:
        """Record that a key was used (best effort, coarse: once a minute is enough)."""
        now = utcnow()
        with self.db.write() as s:
            s.execute(update(ApiKeyRow).where(ApiKeyRow.id == key_id).values(last_used_at=now))

    def list(self, partner_id: int | None = None, include_revoked: bool = True) -> list[ApiKey]:
        with self.db.read() as s:
            q = select(ApiKeyRow).order_by(ApiKeyRow.id)
            if partner_id is not None:
                q = q.where(ApiKeyRow.partner_id == partner_id)
            if not include_revoked:
                q = q.where(ApiKeyRow.revoked_at.is_(None))
            return [self._out(s, r) for r in s.scalars(q)]

    def get_by_prefix(self, prefix: str) -> ApiKey:
        with self.db.read() as s:
            rows = list(s.scalars(select(ApiKeyRow).where(ApiKeyRow.prefix.startswith(prefix))))
            if len(rows) != 1:
                raise NotFoundError(
                    f"no key with prefix {prefix!r}"
                    if not rows
                    else f"{prefix!r} matches several keys"
                )
            return self._out(s, rows[0])

    def revoke(self, prefix: str) -> ApiKey:
        """Revoke the one key whose display prefix starts with ``prefix``."""
        if len(prefix) < len(KEY_PREFIX) + 2:
            raise ValidationError("give the key's prefix as `artdesk keys list` shows it")
        with self.db.write() as s:
            rows = list(s.scalars(select(ApiKeyRow).where(ApiKeyRow.prefix.startswith(prefix))))
            if len(rows) != 1:
                raise NotFoundError(
                    f"no key with prefix {prefix!r}"
                    if not rows
                    else f"{prefix!r} matches several keys"
                )
            row = rows[0]
            if row.revoked_at is None:
                row.revoked_at = utcnow()
            s.flush()
            return self._out(s, row)
