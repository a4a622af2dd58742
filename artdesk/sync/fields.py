"""Which artwork fields travel to each kind of remote, and how values compare across the wire.

Values are normalised before any comparison so that a blank string and null, ``"eur"`` and
``"EUR"``, ``45000`` and ``45000.0`` are the same value on both sides.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from artdesk.core.models import ARTWORK_EDIT_FIELDS, CONFIDENTIAL_FIELDS, Artwork
from artdesk.sync.hal import HAL_FIELDS

# Artland's documented artwork fields (what POST/PUT accept and GET returns).
ARTLAND_FIELDS: tuple[str, ...] = (
    "title",
    "artist_name",
    "creation_year",
    "medium",
    "dimensions",
    "price",
    "currency",
    "availability",
    "description",
    "image_url",
    "external_url",
)
# An artdesk server takes every editable field but the confidential ones.
ARTDESK_FIELDS: tuple[str, ...] = (
    "title",
    "artist_name",
    *(f for f in ARTWORK_EDIT_FIELDS if f != "title" and f not in CONFIDENTIAL_FIELDS),
)
# Fields that make up the fingerprint on the wire.
FINGERPRINT_WIRE_FIELDS: frozenset[str] = frozenset({"title", "artist_name", "creation_year"})

_INT_FIELDS = frozenset({"creation_year", "price"})
_FLOAT_FIELDS = frozenset({"height_cm", "width_cm", "depth_cm", "diameter_cm"})


def fields_for(kind: str) -> tuple[str, ...]:
    if kind == "artsy":
        return HAL_FIELDS
    return ARTDESK_FIELDS if kind == "artdesk" else ARTLAND_FIELDS


def normalise(field: str, value: Any) -> Any:
    """One canonical form per value, JSON-friendly."""
    if value is None:
        return None
    if field == "published":
        return bool(value)
    if field in _INT_FIELDS:
        if isinstance(value, bool):
            return None
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            text = value.strip()
            return int(text) if text.lstrip("+-").isdigit() else text or None
        return value
    if field in _FLOAT_FIELDS:
        try:
            return round(float(value), 3)
        except (TypeError, ValueError):
            return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if field == "currency":
            return text.upper()
        if field == "availability":
            return text.lower().replace(" ", "_").replace("-", "_")
        return value
    return value


def local_fields(artwork: Artwork, fields: tuple[str, ...]) -> dict[str, Any]:
    """A local artwork as the wire fields of one remote kind (normalised)."""
    out: dict[str, Any] = {}
    for name in fields:
        value = artwork.artist_name if name == "artist_name" else getattr(artwork, name)
        out[name] = normalise(name, value)
    return out


def remote_fields(data: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """The fields a remote answer carries (normalised); fields it does not mention are left out."""
    return {name: normalise(name, data[name]) for name in fields if name in data}


def same(field: str, a: Any, b: Any) -> bool:
    return normalise(field, a) == normalise(field, b)
