"""Domain values: frozen data returned by the services to the GUI, the API and the CLI.

No ORM object ever leaves a service call; these are what travels between threads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Availability(StrEnum):
    AVAILABLE = "available"
    SOLD = "sold"
    RESERVED = "reserved"
    NOT_FOR_SALE = "not_for_sale"


class PartnerType(StrEnum):
    GALLERY = "gallery"
    MUSEUM = "museum"
    INSTITUTION = "institution"
    STUDIO = "studio"
    AUCTION = "auction"
    FAIR = "fair"
    PRIVATE = "private"


class ShowStatus(StrEnum):
    UPCOMING = "upcoming"
    RUNNING = "running"
    CLOSED = "closed"


# The scalar artwork fields a user edits (import, export, API, GUI, changelog use this list).
ARTWORK_TEXT_FIELDS: tuple[str, ...] = (
    "inventory_number",
    "title",
    "date_text",
    "medium",
    "category",
    "dimensions",
    "currency",
    "availability",
    "description",
    "image_url",
    "external_url",
    "series",
    "signature",
    "provenance",
    "literature",
    "exhibition_history",
    "credit_line",
    "condition",
    "confidential_notes",
)
ARTWORK_NUMBER_FIELDS: tuple[str, ...] = (
    "creation_year",
    "height_cm",
    "width_cm",
    "depth_cm",
    "diameter_cm",
    "price",
)
# The editable fields of an edition set (what export writes and undo of a delete restores).
EDITION_EDIT_FIELDS: tuple[str, ...] = (
    "label",
    "size",
    "artist_proofs",
    "prototypes",
    "available_editions",
    "price",
    "currency",
    "availability",
    "dimensions",
    "height_cm",
    "width_cm",
    "depth_cm",
    "diameter_cm",
)
ARTWORK_EDIT_FIELDS: tuple[str, ...] = (
    *ARTWORK_TEXT_FIELDS[:3],
    "creation_year",
    *ARTWORK_TEXT_FIELDS[3:6],
    "height_cm",
    "width_cm",
    "depth_cm",
    "diameter_cm",
    "price",
    *ARTWORK_TEXT_FIELDS[6:],
    "published",
)
# Fields that never leave the desk through any API.
CONFIDENTIAL_FIELDS: frozenset[str] = frozenset({"confidential_notes"})
# Fields whose change changes the fingerprint.
FINGERPRINT_FIELDS: frozenset[str] = frozenset({"artists", "title", "creation_year"})

ISO_4217: frozenset[str] = frozenset(
    [
        "AED",
        "AFN",
        "ALL",
        "AMD",
        "ANG",
        "AOA",
        "ARS",
        "AUD",
        "AWG",
        "AZN",
        "BAM",
        "BBD",
        "BDT",
        "BGN",
        "BHD",
        "BIF",
        "BMD",
        "BND",
        "BOB",
        "BRL",
        "BSD",
        "BTN",
        "BWP",
        "BYN",
        "BZD",
        "CAD",
        "CDF",
        "CHF",
        "CLP",
        "CNY",
        "COP",
        "CRC",
        "CUP",
        "CVE",
        "CZK",
        "DJF",
        "DKK",
        "DOP",
        "DZD",
        "EGP",
        "ERN",
        "ETB",
        "EUR",
        "FJD",
        "FKP",
        "GBP",
        "GEL",
        "GHS",
        "GIP",
        "GMD",
        "GNF",
        "GTQ",
        "GYD",
        "HKD",
        "HNL",
        "HTG",
        "HUF",
        "IDR",
        "ILS",
        "INR",
        "IQD",
        "IRR",
        "ISK",
        "JMD",
        "JOD",
        "JPY",
        "KES",
        "KGS",
        "KHR",
        "KMF",
        "KPW",
        "KRW",
        "KWD",
        "KYD",
        "KZT",
        "LAK",
        "LBP",
        "LKR",
        "LRD",
        "LSL",
        "LYD",
        "MAD",
        "MDL",
        "MGA",
        "MKD",
        "MMK",
        "MNT",
        "MOP",
        "MRU",
        "MUR",
        "MVR",
        "MWK",
        "MXN",
        "MYR",
        "MZN",
        "NAD",
        "NGN",
        "NIO",
        "NOK",
        "NPR",
        "NZD",
        "OMR",
        "PAB",
        "PEN",
        "PGK",
        "PHP",
        "PKR",
        "PLN",
        "PYG",
        "QAR",
        "RON",
        "RSD",
        "RUB",
        "RWF",
        "SAR",
        "SBD",
        "SCR",
        "SDG",
        "SEK",
        "SGD",
        "SHP",
        "SLE",
        "SOS",
        "SRD",
        "SSP",
        "STN",
        "SVC",
        "SYP",
        "SZL",
        "THB",
        "TJS",
        "TMT",
        "TND",
        "TOP",
        "TRY",
        "TTD",
        "TWD",
        "TZS",
        "UAH",
        "UGX",
        "USD",
        "UYU",
        "UZS",
        "VES",
        "VND",
        "VUV",
        "WST",
        "XAF",
        "XCD",
        "XOF",
        "XPF",
        "YER",
        "ZAR",
        "ZMW",
        "ZWL",
    ]
)

# Ids are 32-bit integer columns in every supported database (SQLite and PostgreSQL).
MAX_ID = 2**31 - 1

YEAR_MIN = 1000
YEAR_MAX = 2100

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(value))


@dataclass(frozen=True, slots=True)
class Partner:
    id: int
    name: str
    slug: str
    type: str
    email: str | None = None
    region: str | None = None
    website: str | None = None
    profile_handle: str | None = None
    description: str | None = None
    active: bool = True
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ArtistRef:
    id: int
    name: str
    slug: str


@dataclass(frozen=True, slots=True)
class Artist:
    id: int
    name: str
    slug: str
    sortable_name: str | None = None
    nationality: str | None = None
    birth_year: int | None = None
    death_year: int | None = None
    biography: str | None = None
    gender: str | None = None
    hometown: str | None = None
    external_url: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    artwork_count: int = 0


@dataclass(frozen=True, slots=True)
class EditionSet:
    id: int
    artwork_id: int
    label: str | None = None
    size: int | None = None
    artist_proofs: int | None = None
    prototypes: int | None = None
    available_editions: tuple[str | int, ...] | None = None
    price: int | None = None
    currency: str | None = None
    availability: str | None = None
    dimensions: str | None = None
    height_cm: float | None = None
    width_cm: float | None = None
    depth_cm: float | None = None
    diameter_cm: float | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Gene:
    id: int
    name: str
    slug: str
    description: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class GeneValue:
    gene_id: int
    name: str
    value: int


@dataclass(frozen=True, slots=True)
class ImageInfo:
    id: int
    artwork_id: int
    path: str
    content_hash: str
    width: int
    height: int
    position: int = 0
    is_default: bool = False


@dataclass(frozen=True, slots=True)
class Show:
    id: int
    partner_id: int
    name: str
    status: str
    start_date: datetime | None = None
    end_date: datetime | None = None
    description: str | None = None
    press_release: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    artwork_count: int = 0


@dataclass(frozen=True, slots=True)
class Collection:
    id: int
    name: str
    partner_id: int | None = None
    description: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    artwork_count: int = 0


@dataclass(frozen=True, slots=True)
class Artwork:
    id: int
    partner_id: int
    title: str
    artists: tuple[ArtistRef, ...] = ()
    inventory_number: str | None = None
    date_text: str | None = None
    creation_year: int | None = None
    medium: str | None = None
    category: str | None = None
    dimensions: str | None = None
    height_cm: float | None = None
    width_cm: float | None = None
    depth_cm: float | None = None
    diameter_cm: float | None = None
    price: int | None = None
    currency: str | None = None
    availability: str | None = None
    description: str | None = None
    image_url: str | None = None
    external_url: str | None = None
    series: str | None = None
    signature: str | None = None
    provenance: str | None = None
    literature: str | None = None
    exhibition_history: str | None = None
    credit_line: str | None = None
    condition: str | None = None
    confidential_notes: str | None = None
    published: bool = False
    source_fingerprint: str = ""
    last_synced_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 1
    partner_slug: str | None = None
    partner_name: str | None = None
    editions: tuple[EditionSet, ...] = ()
    genes: tuple[GeneValue, ...] = ()
    images: tuple[ImageInfo, ...] = ()

    @property
    def artist_name(self) -> str:
        return ", ".join(a.name for a in self.artists)

    @property
    def etag(self) -> str:
        return f'"{self.id}-{self.version}"'

    def as_dict(self, include_confidential: bool = False) -> dict[str, object]:
        out: dict[str, object] = {}
        for f in fields(self):
            if f.name in ("artists", "editions", "genes", "images"):
                continue
            if f.name in CONFIDENTIAL_FIELDS and not include_confidential:
                continue
            out[f.name] = getattr(self, f.name)
        out["artist_name"] = self.artist_name
        return out


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    id: int
    entity_type: str
    entity_id: int
    action: str
    source: str
    field_changes: dict[str, dict[str, object]] = field(default_factory=dict)
    created_at: datetime | None = None
    partner_id: int | None = None


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    total: int | None
    offset: int = 0
    limit: int = 50
