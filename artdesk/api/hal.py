"""Pure rendering of catalog values into the Artsy-style HAL documents served under ``/api``.

Nothing here reads the catalog or the request: every function takes domain values from
``artdesk.core.models`` and a ``Urls`` (the absolute ``/api`` base of the request) and returns a
dict whose key order is the order of Artsy's own responses (ARTSY.md and the three real
responses in ``shared/reference/artsy-examples``). Conventions:

- ids are strings; timestamps are ``YYYY-MM-DDTHH:MM:SS+00:00`` (UTC, no milliseconds);
- blank text is ``""``, never null; a value artdesk does not record is null;
- confidential fields (``CONFIDENTIAL_FIELDS``) and registrar-only fields (inventory number,
  condition, the price of a work that is not on offer) are never read.

How artdesk's catalog maps onto Artsy's artwork fields:

=========================  =================================================================
``date``                   ``date_text``, else the creation year, else ``""``
``dimensions``             ``in`` and ``cm`` from ``height_cm``/``width_cm``/``depth_cm``/
                           ``diameter_cm`` (inches rounded to 1/16, text "38 × 23 5/8 in")
``website``                the artwork's ``external_url``
``collecting_institution`` the partner's name when the partner is a museum or an institution
``additional_information`` the dimensions as typed (``dimensions`` text)
``image_rights``           the credit line
``blurb``                  the description
``unique``                 true when the work has no edition sets
``can_share``              published
``can_inquire``            available or reserved
``can_acquire``            available with a price
``sale_message``           "Sold", "On hold", the price ("€45,000", "CHF 5,000") or
                           "Contact For Price"; null when not for sale
``cultural_maker``,        null: artdesk does not record them
``iconicity``
=========================  =================================================================
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from artdesk.core.fingerprint import slug
from artdesk.core.models import (
    Artist,
    Artwork,
    Availability,
    EditionSet,
    Gene,
    ImageInfo,
    Partner,
    PartnerType,
    Show,
)

# The image versions served at /api/images/{artwork_id}/{version}.jpg, with the box (pixels)
# each fits in. "medium" is the thumbnail.
IMAGE_VERSIONS: dict[str, int] = {
    "large": 640,
    "larger": 1024,
    "medium": 260,
    "normalized": 2048,
    "small": 120,
}
THUMBNAIL_VERSION = "medium"

CM_PER_INCH = 2.54
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
INSTITUTION_TYPES = frozenset({PartnerType.MUSEUM.value, PartnerType.INSTITUTION.value})

# Every query parameter each collection accepts (the root's RFC 6570 templates list them all).
ARTWORK_PARAMS = (
    "artist_id",
    "partner_id",
    "show_id",
    "collection_id",
    "gene_id",
    "similar_to_artwork_id",
    "published",
    "size",
    "cursor",
    "offset",
    "total_count",
)
PARTNER_PARAMS = ("active", "size", "cursor", "offset", "total_count")
ARTIST_PARAMS = ("artwork_id", "partner_id", "gene_id", "size", "cursor", "offset", "total_count")
GENE_PARAMS = ("artist_id", "artwork_id", "size", "cursor", "offset", "total_count")
SHOW_PARAMS = ("partner_id", "status", "size", "cursor", "offset", "total_count")
EDITION_PARAMS = ("artwork_id",)


@dataclass(frozen=True, slots=True)
class Urls:
    """Absolute links under one ``/api`` base, e.g. ``http://127.0.0.1:8765/api``."""

    api: str

    def href(self, path: str = "", query: Mapping[str, Any] | None = None) -> str:
        url = f"{self.api}{path}"
        if query:
            pairs = [(k, _query_value(v)) for k, v in query.items() if v is not None]
            if pairs:
                url += "?" + urlencode(pairs)
        return url

    def template(self, path: str, params: Sequence[str] = ()) -> str:
        """An RFC 6570 template: ``/api/artworks{?artist_id,size}``."""
        return f"{self.api}{path}" + (f"{{?{','.join(params)}}}" if params else "")

    def image_base(self, artwork_id: int) -> str:
        return f"{self.api}/images/{artwork_id}"


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def link(href: str) -> dict[str, Any]:
    return {"href": href}


def templated(href: str) -> dict[str, Any]:
    return {"href": href, "templated": True}


def timestamp(value: datetime | None) -> str | None:
    """``2013-04-17T01:32:10+00:00``; a naive datetime is UTC (the catalog stores UTC)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"


def text(value: str | None) -> str:
    return value if value is not None else ""


# ---------------------------------------------------------------------- dimensions
def _cm_number(value: float) -> float:
    return float(round(value, 1))


def _cm_text(value: float) -> str:
    number = _cm_number(value)
    return str(int(number)) if number == int(number) else f"{number:g}"


def _inches(value_cm: float) -> float:
    """Inches rounded to the nearest sixteenth."""
    return round(value_cm / CM_PER_INCH * 16) / 16


def _inch_text(value: float) -> str:
    sixteenths = round(value * 16)
    whole, part = divmod(sixteenths, 16)
    if part == 0:
        return str(whole)
    num, den = part, 16
    while num % 2 == 0:
        num, den = num // 2, den // 2
    return f"{whole} {num}/{den}" if whole else f"{num}/{den}"


def _dimension_block(values: Sequence[float | None], unit: str) -> dict[str, Any]:
    height, width, depth, diameter = values
    if unit == "in":
        numbers = [None if v is None else _inches(v) for v in values]
        fmt = _inch_text
    else:
        numbers = [None if v is None else _cm_number(v) for v in values]
        fmt = _cm_text
    parts: list[str] = []
    flat = [n for n in numbers[:3] if n is not None]
    if flat:
        parts.append(" × ".join(fmt(n) for n in flat) + f" {unit}")
    if numbers[3] is not None:
        parts.append(f"diam. {fmt(numbers[3])} {unit}")
    return {
        "text": "; ".join(parts),
        "height": numbers[0],
        "width": numbers[1],
        "depth": numbers[2],
        "diameter": numbers[3],
    }


def dimensions(
    height_cm: float | None,
    width_cm: float | None,
    depth_cm: float | None,
    diameter_cm: float | None,
) -> dict[str, Any]:
    """``{"in": {text, height, width, depth, diameter}, "cm": {...}}`` (both always present)."""
    values = (height_cm, width_cm, depth_cm, diameter_cm)
    return {"in": _dimension_block(values, "in"), "cm": _dimension_block(values, "cm")}


# ---------------------------------------------------------------------- sale
def price_text(price: int, currency: str | None) -> str:
    amount = f"{price:,}"
    if currency in CURRENCY_SYMBOLS:
        return f"{CURRENCY_SYMBOLS[currency]}{amount}"
    return f"{currency} {amount}" if currency else amount


def sale_message(price: int | None, currency: str | None, availability: str | None) -> str | None:
    """What a buyer reads: "Sold", "On hold", the price, "Contact For Price", or null."""
    if availability == Availability.SOLD:
        return "Sold"
    if availability == Availability.RESERVED:
        return "On hold"
    if availability == Availability.AVAILABLE:
        return price_text(price, currency) if price is not None else "Contact For Price"
    return None


def can_acquire(price: int | None, availability: str | None) -> bool:
    return availability == Availability.AVAILABLE and price is not None


# ---------------------------------------------------------------------- artworks
def artwork_slug(artwork: Artwork) -> str:
    """``william-michael-harnett-the-old-violin-42``: artists and title, then the id (unique)."""
    base = slug(f"{artwork.artist_name} {artwork.title}") or "artwork"
    return f"{base[:150].rstrip('-')}-{artwork.id}"


def id_from_slug(value: str) -> int | None:
    """The id an artwork id or slug names (``"42"`` or ``"...-the-old-violin-42"``)."""
    tail = value.rsplit("-", 1)[-1]
    if not tail.isdigit() or len(tail) > 18:
        return None
    return int(tail)


def artwork_date(artwork: Artwork) -> str:
    if artwork.date_text and artwork.date_text.strip():
        return artwork.date_text
    if artwork.creation_year is not None:
        return str(artwork.creation_year)
    return ""


def default_image(artwork: Artwork) -> ImageInfo | None:
    if not artwork.images:
        return None
    return next((i for i in artwork.images if i.is_default), artwork.images[0])


def has_image(artwork: Artwork) -> bool:
    """A stored image, or an image URL the image endpoint redirects to."""
    return bool(artwork.images) or bool(artwork.image_url)


def render_artwork(
    artwork: Artwork, urls: Urls, *, partner_type: str | None = None
) -> dict[str, Any]:
    """An artwork in the field and link order of Artsy's artwork resource."""
    sid = str(artwork.id)
    editions = list(artwork.editions)
    body: dict[str, Any] = {
        "id": sid,
        "slug": artwork_slug(artwork),
        "created_at": timestamp(artwork.created_at),
        "updated_at": timestamp(artwork.updated_at),
        "title": artwork.title,
        "category": text(artwork.category),
        "medium": text(artwork.medium),
        "date": artwork_date(artwork),
        "dimensions": dimensions(
            artwork.height_cm, artwork.width_cm, artwork.depth_cm, artwork.diameter_cm
        ),
        "published": bool(artwork.published),
        "website": text(artwork.external_url),
        "signature": text(artwork.signature),
        "series": text(artwork.series),
        "provenance": text(artwork.provenance),
        "literature": text(artwork.literature),
        "exhibition_history": text(artwork.exhibition_history),
        "collecting_institution": (
            text(artwork.partner_name) if partner_type in INSTITUTION_TYPES else ""
        ),
        "additional_information": text(artwork.dimensions),
        "image_rights": text(artwork.credit_line),
        "blurb": text(artwork.description),
        "unique": not editions,
        "cultural_maker": None,
        "iconicity": None,
        "can_inquire": artwork.availability in (Availability.AVAILABLE, Availability.RESERVED),
        "can_acquire": can_acquire(artwork.price, artwork.availability),
        "can_share": bool(artwork.published),
        "sale_message": sale_message(artwork.price, artwork.currency, artwork.availability),
        "sold": artwork.availability == Availability.SOLD,
        "image_versions": sorted(IMAGE_VERSIONS) if has_image(artwork) else [],
    }
    links: dict[str, Any] = {}
    if has_image(artwork):
        base = urls.image_base(artwork.id)
        links["curies"] = [{"name": "image", "href": f"{base}/{{?rel}}", "templated": True}]
        links["thumbnail"] = link(f"{base}/{THUMBNAIL_VERSION}.jpg")
        links["image"] = templated(f"{base}/{{image_version}}.jpg")
        links["image:self"] = link("{?image_version}.jpg")
    self_href = urls.href(f"/artworks/{sid}")
    links["partner"] = link(urls.href(f"/partners/{artwork.partner_id}"))
    links["self"] = link(self_href)
    links["permalink"] = link(artwork.external_url or self_href)
    links["genes"] = link(urls.href("/genes", {"artwork_id": sid}))
    links["artists"] = link(urls.href("/artists", {"artwork_id": sid}))
    links["similar_artworks"] = link(urls.href("/artworks", {"similar_to_artwork_id": sid}))
    links["collection_users"] = link(urls.href("/users", {"collected_artwork_id": sid}))
    links["sale_artworks"] = link(urls.href("/sale_artworks", {"artwork_id": sid}))
    body["_links"] = links
    body["_embedded"] = {"editions": [render_edition(e, urls) for e in editions]}
    return body


# ---------------------------------------------------------------------- editions
def edition_text(edition: EditionSet) -> str:
    """The human-readable edition: its label, else "Edition of 50 + 5 AP", else ""."""
    if edition.label and edition.label.strip():
        return edition.label
    if edition.size:
        out = f"Edition of {edition.size}"
        if edition.artist_proofs:
            out += f" + {edition.artist_proofs} AP"
        return out
    return ""


def render_edition(edition: EditionSet, urls: Urls) -> dict[str, Any]:
    sid, artwork_sid = str(edition.id), str(edition.artwork_id)
    available = edition.available_editions
    return {
        "id": sid,
        "created_at": timestamp(edition.created_at),
        "updated_at": timestamp(edition.updated_at),
        "dimensions": dimensions(
            edition.height_cm, edition.width_cm, edition.depth_cm, edition.diameter_cm
        ),
        "editions": edition_text(edition),
        "size": edition.size,
        "available_editions": list(available) if available is not None else None,
        "artist_proofs": edition.artist_proofs,
        "prototypes": edition.prototypes,
        "can_acquire": can_acquire(edition.price, edition.availability),
        "sale_message": sale_message(edition.price, edition.currency, edition.availability),
        "sold": edition.availability == Availability.SOLD,
        "_links": {
            "artwork": link(urls.href(f"/artworks/{artwork_sid}")),
            "self": link(urls.href(f"/editions/{sid}", {"artwork_id": artwork_sid})),
        },
    }


# ---------------------------------------------------------------------- partners
def partner_type_label(value: str | None) -> str:
    """``"Gallery"``, ``"Institution"``, ``"Museum"``, ... (Artsy capitalises the type)."""
    return (value or "").replace("_", " ").title()


def profile_handle(partner: Partner) -> str:
    return partner.profile_handle or partner.slug


def render_partner(partner: Partner, urls: Urls) -> dict[str, Any]:
    sid = str(partner.id)
    self_href = urls.href(f"/partners/{sid}")
    links: dict[str, Any] = {
        "self": link(self_href),
        "profile": link(urls.href(f"/profiles/{profile_handle(partner)}")),
        "artworks": link(urls.href("/artworks", {"partner_id": sid})),
        "artists": link(urls.href("/artists", {"partner_id": sid})),
        "published_artworks": link(urls.href("/artworks", {"partner_id": sid, "published": True})),
        "partner_contacts": link(urls.href("/partner_contacts", {"partner_id": sid})),
        "shows": link(urls.href("/shows", {"partner_id": sid})),
        "permalink": link(partner.website or self_href),
    }
    if partner.website:
        links["website"] = link(partner.website)
    return {
        "id": sid,
        "slug": partner.slug,
        "created_at": timestamp(partner.created_at),
        "updated_at": timestamp(partner.updated_at),
        "type": partner_type_label(partner.type),
        "name": partner.name,
        "email": text(partner.email),
        "region": text(partner.region),
        "enforce_on_platform_transactions": None,
        "_links": links,
    }


def render_profile(partner: Partner, urls: Urls) -> dict[str, Any]:
    """A partner's profile (Artsy's profile resource: the public face of its owner)."""
    handle = profile_handle(partner)
    self_href = urls.href(f"/profiles/{handle}")
    links: dict[str, Any] = {
        "self": link(self_href),
        "owner": link(urls.href(f"/partners/{partner.id}")),
        "permalink": link(partner.website or self_href),
    }
    if partner.website:
        links["website"] = link(partner.website)
    return {
        "id": handle,
        "created_at": timestamp(partner.created_at),
        "updated_at": timestamp(partner.updated_at),
        "handle": handle,
        "owner_type": "Partner" + partner_type_label(partner.type).replace(" ", ""),
        "bio": text(partner.description),
        "website": text(partner.website),
        "_links": links,
    }


def render_partner_contact(partner: Partner, urls: Urls) -> dict[str, Any]:
    """The partner's public contact (its e-mail), as Artsy's partner contact resource."""
    sid = str(partner.id)
    return {
        "id": sid,
        "name": partner.name,
        "position": "",
        "email": text(partner.email),
        "phone": "",
        "_links": {"partner": link(urls.href(f"/partners/{sid}"))},
    }


# ---------------------------------------------------------------------- artists, genes, shows
def render_artist(artist: Artist, urls: Urls) -> dict[str, Any]:
    sid = str(artist.id)
    self_href = urls.href(f"/artists/{sid}")
    return {
        "id": sid,
        "slug": artist.slug,
        "created_at": timestamp(artist.created_at),
        "updated_at": timestamp(artist.updated_at),
        "name": artist.name,
        "sortable_name": text(artist.sortable_name),
        "gender": text(artist.gender),
        "biography": text(artist.biography),
        "birthday": str(artist.birth_year) if artist.birth_year is not None else "",
        "deathday": str(artist.death_year) if artist.death_year is not None else "",
        "hometown": text(artist.hometown),
        "location": "",
        "nationality": text(artist.nationality),
        "_links": {
            "self": link(self_href),
            "permalink": link(artist.external_url or self_href),
            "artworks": link(urls.href("/artworks", {"artist_id": sid})),
            "published_artworks": link(
                urls.href("/artworks", {"artist_id": sid, "published": True})
            ),
            "genes": link(urls.href("/genes", {"artist_id": sid})),
        },
    }


def render_gene(gene: Gene, urls: Urls) -> dict[str, Any]:
    sid = str(gene.id)
    self_href = urls.href(f"/genes/{sid}")
    return {
        "id": sid,
        "created_at": timestamp(gene.created_at),
        "updated_at": timestamp(gene.updated_at),
        "name": gene.name,
        "display_name": gene.name,
        "description": text(gene.description),
        "_links": {
            "self": link(self_href),
            "permalink": link(self_href),
            "artworks": link(urls.href("/artworks", {"gene_id": sid})),
            "artists": link(urls.href("/artists", {"gene_id": sid})),
        },
    }


def render_show(show: Show, urls: Urls) -> dict[str, Any]:
    sid = str(show.id)
    return {
        "id": sid,
        "created_at": timestamp(show.created_at),
        "updated_at": timestamp(show.updated_at),
        "name": show.name,
        "description": text(show.description),
        "press_release": text(show.press_release),
        "start_at": timestamp(show.start_date),
        "end_at": timestamp(show.end_date),
        "status": show.status,
        "_links": {
            "self": link(urls.href(f"/shows/{sid}")),
            "partner": link(urls.href(f"/partners/{show.partner_id}")),
            "artworks": link(urls.href("/artworks", {"show_id": sid})),
        },
    }


# ---------------------------------------------------------------------- collections, root
def render_page(
    plural: str,
    items: Iterable[dict[str, Any]],
    *,
    self_href: str,
    next_href: str | None = None,
    total_count: int | None = None,
) -> dict[str, Any]:
    """``{"total_count", "_links": {"self"[, "next"]}, "_embedded": {plural: [...]}}``."""
    links: dict[str, Any] = {"self": link(self_href)}
    if next_href is not None:
        links["next"] = link(next_href)
    return {"total_count": total_count, "_links": links, "_embedded": {plural: list(items)}}


def render_root(urls: Urls) -> dict[str, Any]:
    """The map of links a client starts from (plural: templated lists, singular: items)."""
    return {
        "_links": {
            "self": link(urls.href()),
            "xapp_token": templated(
                urls.template("/tokens/xapp_token", ("client_id", "client_secret"))
            ),
            "artworks": templated(urls.template("/artworks", ARTWORK_PARAMS)),
            "artwork": templated(urls.href("/artworks/{id}")),
            "artists": templated(urls.template("/artists", ARTIST_PARAMS)),
            "artist": templated(urls.href("/artists/{id}")),
            "partners": templated(urls.template("/partners", PARTNER_PARAMS)),
            "partner": templated(urls.href("/partners/{id}")),
            "genes": templated(urls.template("/genes", GENE_PARAMS)),
            "gene": templated(urls.href("/genes/{id}")),
            "shows": templated(urls.template("/shows", SHOW_PARAMS)),
            "show": templated(urls.href("/shows/{id}")),
            "editions": templated(urls.template("/editions", EDITION_PARAMS)),
            "edition": templated(urls.template("/editions/{id}", EDITION_PARAMS)),
            "profile": templated(urls.href("/profiles/{id}")),
        }
    }


def error_body(kind: str, message: str, detail: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``{"type": "auth_error" | "param_error" | "other_error", "message"[, "detail"]}``."""
    body: dict[str, Any] = {"type": kind, "message": message}
    if detail:
        body["detail"] = dict(detail)
    return body
