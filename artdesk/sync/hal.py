"""A read-only client for Artsy-style HAL remotes, and the mapping of their artworks to artdesk.

The client knows one URL, the root the registrar gave (``GET /api``). Everything else comes from
links: the root's ``xapp_token`` template (where to get a token), ``partners`` and ``artworks``
(collections, walked with their ``next`` links until there is none), and each artwork's
``artists`` link and embedded ``editions``. Templates are expanded as RFC 6570 says (simple
``{var}`` and form-style ``{?a,b}``), only with parameters the template advertises.

Tokens: fetched on first use, renewed shortly before their ``expires_at`` and whenever the
remote answers 401 (a token revoked or expired early); a second 401 with a fresh token is a
``RemoteAuthError``. Every request goes through the sync ``RetryPolicy``.

The mapping (``map_artwork``) is pure: HAL document -> the wire fields of ``HAL_FIELDS``.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx

from artdesk import __version__
from artdesk.core.dates import parse_creation_year
from artdesk.sync.errors import RemoteAuthError, RemoteError, RemoteNotFound
from artdesk.sync.retry import (
    RetryableResponse,
    RetryPolicy,
    is_retryable_status,
    retry_after_seconds,
)

ACCEPT = "application/vnd.artsy-v2+json, application/hal+json;q=0.9, application/json;q=0.8"
TOKEN_HEADER = "X-Xapp-Token"
PAGE_SIZE = 100  # asked through the template's ``size`` parameter when it has one
RENEW_BEFORE = 30.0  # seconds: a token this close to its expiry is renewed first
MAX_PAGES = 1_000_000  # a ``next`` chain longer than this is a broken remote

# The artwork fields an Artsy-style remote provides (normalised wire values). ``artists`` is the
# list of names; ``editions`` the list of edition sets (dicts of EDITION_FIELDS), in order.
HAL_FIELDS: tuple[str, ...] = (
    "title",
    "artists",
    "category",
    "medium",
    "date_text",
    "creation_year",
    "dimensions",
    "height_cm",
    "width_cm",
    "depth_cm",
    "diameter_cm",
    "external_url",
    "signature",
    "series",
    "provenance",
    "literature",
    "exhibition_history",
    "description",
    "credit_line",
    "published",
    "image_url",
    "availability",
    "editions",
)
EDITION_FIELDS: tuple[str, ...] = (
    "label",
    "size",
    "artist_proofs",
    "prototypes",
    "available_editions",
    "availability",
    "dimensions",
    "height_cm",
    "width_cm",
    "depth_cm",
    "diameter_cm",
)
_TEXT_FIELDS = {
    "title": "title",
    "category": "category",
    "medium": "medium",
    "signature": "signature",
    "series": "series",
    "provenance": "provenance",
    "literature": "literature",
    "exhibition_history": "exhibition_history",
    "website": "external_url",
    "blurb": "description",
    "image_rights": "credit_line",
}
_CM_KEYS = (("height", "height_cm"), ("width", "width_cm"), ("depth", "depth_cm"))
# Image versions, best first (Artsy's "normalized" is its largest).
IMAGE_PREFERENCE = ("normalized", "larger", "large", "medium", "small")

_EXPRESSION = re.compile(r"\{([?&]?)([^{}]*)\}")


# ---------------------------------------------------------------------- RFC 6570 (the part HAL uses)
def expand(template: str, values: Mapping[str, Any] | None = None) -> str:
    """Expand ``{var}`` (simple) and ``{?a,b}`` / ``{&a,b}`` (form-style query) expressions.

    Variables without a value are left out; values are percent-encoded."""
    values = values or {}

    def one(match: re.Match[str]) -> str:
        operator, names = match.group(1), [n.strip() for n in match.group(2).split(",")]
        if not operator:
            return ",".join(
                quote(_text(values[n]), safe="") for n in names if values.get(n) is not None
            )
        pairs = [
            f"{n}={quote(_text(values[n]), safe='')}" for n in names if values.get(n) is not None
        ]
        if not pairs:
            return ""
        return ("?" if operator == "?" else "&") + "&".join(pairs)

    return _EXPRESSION.sub(one, template)


def template_params(template: str) -> set[str]:
    """The variable names a template accepts."""
    out: set[str] = set()
    for match in _EXPRESSION.finditer(template):
        out.update(n.strip() for n in match.group(2).split(","))
    return out


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _parse_expiry(value: Any) -> float | None:
    """``2014-09-05T12:39:09.200Z`` (or any ISO 8601 with an offset) -> seconds since the epoch."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.timestamp()


def _message(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200] or response.reason_phrase
    if isinstance(body, dict) and body.get("message"):
        return str(body["message"])
    return response.reason_phrase


def link_href(doc: Mapping[str, Any], rel: str) -> str | None:
    """The href of ``_links[rel]`` (the first one when the relation is a list)."""
    links = doc.get("_links")
    if not isinstance(links, Mapping):
        return None
    value = links.get(rel)
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, Mapping) and isinstance(value.get("href"), str):
        return value["href"]
    return None


# ---------------------------------------------------------------------- the client
class HalClient:
    """Reads an Artsy-style HAL remote from its root. Thread-safe (token renewal is locked)."""

    def __init__(
        self,
        root_url: str,
        client_id: str,
        client_secret: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 15.0,
        retry: RetryPolicy | None = None,
        max_connections: int = 16,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.root_url = root_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self._client_id = client_id
        self._client_secret = client_secret
        self._clock = clock
        self._lock = threading.Lock()
        self._root: dict[str, Any] | None = None
        self._token: str | None = None
        self._expires: float | None = None
        self.tokens_fetched = 0
        self._http = httpx.Client(
            headers={"User-Agent": f"artdesk/{__version__} sync", "Accept": ACCEPT},
            timeout=timeout,
            transport=transport,
            limits=httpx.Limits(
                max_connections=max_connections, max_keepalive_connections=max_connections
            ),
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HalClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing
    def _send(
        self, method: str, url: str, *, headers: dict[str, str] | None = None, **kw: Any
    ) -> httpx.Response:
        def once() -> httpx.Response:
            response = self._http.request(method, url, headers=headers, **kw)
            if is_retryable_status(response.status_code):
                response.read()
                raise RetryableResponse(response, retry_after_seconds(response))
            return response

        return self.retry.call(f"{method} {url}", once)

    @staticmethod
    def _json(response: httpx.Response, what: str) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            raise RemoteError(f"{what}: the remote did not answer JSON") from None
        if not isinstance(body, dict):
            raise RemoteError(f"{what}: unexpected answer")
        return body

    def root(self) -> dict[str, Any]:
        """The root document (fetched once; it needs no token)."""
        if self._root is None:
            r = self._send("GET", self.root_url)
            if r.status_code != 200:
                raise RemoteError(
                    f"GET {self.root_url}: {_message(r)} (HTTP {r.status_code}); "
                    "is this the root of an Artsy-style API (e.g. http://host:port/api)?",
                    status=r.status_code,
                )
            body = self._json(r, f"GET {self.root_url}")
            if not isinstance(body.get("_links"), Mapping):
                raise RemoteError(f"{self.root_url} is not a HAL root: it has no _links")
            self._root = body
        return self._root

    def root_link(self, rel: str) -> str:
        href = link_href(self.root(), rel)
        if href is None:
            raise RemoteError(f"the remote's root has no {rel!r} link")
        return href

    # ------------------------------------------------------------------ tokens
    def _fresh_token(self) -> str:
        url = expand(self.root_link("xapp_token"))  # credentials go in the body, not the URL
        r = self._send(
            "POST",
            url,
            data={"client_id": self._client_id, "client_secret": self._client_secret},
        )
        if r.status_code in (400, 401, 403):
            raise RemoteAuthError(
                f"{self.root_url} refused the client id and secret ({r.status_code}): "
                f"{_message(r)}",
                status=r.status_code,
            )
        if r.status_code not in (200, 201):
            raise RemoteError(
                f"POST {url}: {_message(r)} (HTTP {r.status_code})", status=r.status_code
            )
        body = self._json(r, f"POST {url}")
        token = body.get("token")
        if not isinstance(token, str) or not token:
            raise RemoteError(f"POST {url}: the answer has no token")
        self._token = token
        expires = _parse_expiry(body.get("expires_at"))
        if expires is not None and expires - RENEW_BEFORE <= self._clock():
            # Already "expired" by this machine's clock: the clocks disagree. Use it until the
            # remote says 401 rather than fetch a new token for every request.
            expires = None
        self._expires = expires
        self.tokens_fetched += 1
        return token

    def token(self, *, stale: str | None = None) -> str:
        """A valid token: the current one unless it is about to expire or is ``stale``."""
        with self._lock:
            usable = self._token is not None and self._token != stale
            if usable and self._expires is not None:
                usable = self._clock() < self._expires - RENEW_BEFORE
            if usable:
                return self._token  # type: ignore[return-value]
            return self._fresh_token()

    def get(self, url: str) -> dict[str, Any]:
        """GET a document with the token; one renewal on 401."""
        token = self.token()
        r = self._send("GET", url, headers={TOKEN_HEADER: token})
        if r.status_code == 401:
            token = self.token(stale=token)
            r = self._send("GET", url, headers={TOKEN_HEADER: token})
        if r.status_code in (401, 403):
            raise RemoteAuthError(
                f"{self.root_url} refused the token ({r.status_code}): {_message(r)}",
                status=r.status_code,
            )
        if r.status_code == 404:
            raise RemoteNotFound(f"GET {url}: {_message(r)}", status=404)
        if r.status_code != 200:
            raise RemoteError(
                f"GET {url}: {_message(r)} (HTTP {r.status_code})", status=r.status_code
            )
        return self._json(r, f"GET {url}")

    # ------------------------------------------------------------------ collections
    def collection_url(self, rel: str, **values: Any) -> str:
        """The root's ``rel`` template with the given values, and ``size`` when it takes one."""
        template = self.root_link(rel)
        accepted = template_params(template)
        chosen = {k: v for k, v in values.items() if k in accepted}
        if "size" in accepted:
            chosen.setdefault("size", PAGE_SIZE)
        return expand(template, chosen)

    def walk(self, url: str, plural: str) -> Iterator[list[dict[str, Any]]]:
        """The pages of a collection, following ``next`` until a page has none."""
        seen: set[str] = set()
        while url:
            if url in seen or len(seen) >= MAX_PAGES:
                raise RemoteError(f"the remote's {plural} pages loop back to {url}")
            seen.add(url)
            page = self.get(url)
            embedded = page.get("_embedded")
            items = embedded.get(plural) if isinstance(embedded, Mapping) else None
            if not isinstance(items, list):
                raise RemoteError(f"GET {url}: the page has no _embedded.{plural} list")
            yield [i for i in items if isinstance(i, dict)]
            url = link_href(page, "next") or ""

    def partners(self) -> list[dict[str, Any]]:
        """The active partners (``active=true``, which Artsy documents as required)."""
        out: list[dict[str, Any]] = []
        for page in self.walk(self.collection_url("partners", active=True), "partners"):
            out.extend(page)
        return out

    def artwork_total(self) -> int | None:
        """How many artworks the collection holds, when the remote counts on request (one
        small request: ``size=1&total_count=true``); None otherwise."""
        template = self.root_link("artworks")
        accepted = template_params(template)
        if "total_count" not in accepted:
            return None
        values = {"size": 1, "total_count": True}
        total = self.get(expand(template, {k: v for k, v in values.items() if k in accepted})).get(
            "total_count"
        )
        return total if isinstance(total, int) and not isinstance(total, bool) else None

    def artwork_pages(self) -> Iterator[list[dict[str, Any]]]:
        return self.walk(self.collection_url("artworks"), "artworks")

    def artist_names(self, artwork: Mapping[str, Any]) -> list[str] | None:
        """The artwork's artists (in its order), through its ``artists`` link; None when the
        remote no longer has the artwork (removed since its page was listed)."""
        url = link_href(artwork, "artists")
        if url is None:
            return []
        names: list[str] = []
        try:
            for page in self.walk(url, "artists"):
                names.extend(
                    str(a["name"]).strip() for a in page if str(a.get("name") or "").strip()
                )
        except RemoteNotFound:
            return None
        return names


# ---------------------------------------------------------------------- mapping
def _blank_to_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return round(float(value), 3)
    except (TypeError, ValueError):
        return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _cm(doc: Mapping[str, Any]) -> dict[str, Any]:
    """``dimensions.cm`` -> height_cm, width_cm, depth_cm, diameter_cm and the cm text."""
    dims = doc.get("dimensions")
    cm = dims.get("cm") if isinstance(dims, Mapping) else None
    if not isinstance(cm, Mapping):
        cm = {}
    out: dict[str, Any] = {field: _number(cm.get(key)) for key, field in _CM_KEYS}
    out["diameter_cm"] = _number(cm.get("diameter"))
    out["dimensions"] = _blank_to_none(cm.get("text"))
    return out


def availability(doc: Mapping[str, Any]) -> str | None:
    """What the sale fields say honestly: sold, on hold (reserved), on offer (available), or
    nothing known (None: no sale message, not sold; Artsy does not tell "not for sale" apart
    from "not recorded")."""
    if doc.get("sold") is True:
        return "sold"
    message = _blank_to_none(doc.get("sale_message"))
    if message is not None:
        lowered = message.lower()
        if lowered == "sold":
            return "sold"
        if lowered in ("on hold", "reserved"):
            return "reserved"
        return "available"
    if doc.get("can_acquire") is True:
        return "available"
    return None


def image_url(doc: Mapping[str, Any]) -> str | None:
    """The artwork's image: its ``image`` template with the best version it lists, else its
    ``thumbnail``."""
    template = link_href(doc, "image")
    versions = [v for v in doc.get("image_versions") or [] if isinstance(v, str)]
    if template and versions:
        best = next((v for v in IMAGE_PREFERENCE if v in versions), versions[0])
        if "{" in template:
            return expand(template, {"image_version": best})
        return template
    return link_href(doc, "thumbnail")


def generated_edition_text(size: int | None, artist_proofs: int | None) -> str:
    if not size:
        return ""
    out = f"Edition of {size}"
    if artist_proofs:
        out += f" + {artist_proofs} AP"
    return out


def map_edition(doc: Mapping[str, Any]) -> dict[str, Any]:
    size, proofs = _int(doc.get("size")), _int(doc.get("artist_proofs"))
    label = _blank_to_none(doc.get("editions"))
    if label is not None and label == generated_edition_text(size, proofs):
        label = None  # the text says nothing the numbers do not
    available = doc.get("available_editions")
    out: dict[str, Any] = {
        "label": label,
        "size": size,
        "artist_proofs": proofs,
        "prototypes": _int(doc.get("prototypes")),
        "available_editions": list(available) if isinstance(available, list) else None,
        "availability": availability(doc),
    }
    out.update(_cm(doc))
    return {k: out[k] for k in EDITION_FIELDS}


def canonical_editions(editions: list[Mapping[str, Any]]) -> list[dict[str, Any]] | None:
    """Edition sets in one comparable, JSON-friendly form (the same for both sides); None for
    a work without edition sets (so that, as for any empty field, the merge takes the other
    side's sets when there is no base)."""
    out = []
    for e in editions:
        item: dict[str, Any] = {}
        for k in EDITION_FIELDS:
            v = e.get(k)
            if k in ("height_cm", "width_cm", "depth_cm", "diameter_cm"):
                v = _number(v)
            elif k in ("label", "dimensions", "availability"):
                v = _blank_to_none(v)
            elif k == "available_editions":
                v = [x if isinstance(x, int) else str(x) for x in v] if v else None
            item[k] = v
        out.append(item)
    return out or None


def map_artwork(doc: Mapping[str, Any], artists: list[str]) -> dict[str, Any]:
    """One HAL artwork (and its artists' names) as artdesk wire fields (``HAL_FIELDS``)."""
    out: dict[str, Any] = {"artists": list(artists) or None}
    for key, field in _TEXT_FIELDS.items():
        out[field] = _blank_to_none(doc.get(key))
    date = _blank_to_none(doc.get("date"))
    out["creation_year"] = parse_creation_year(date)
    # A bare year says nothing the creation year does not (servers fill ``date`` with it).
    out["date_text"] = None if date is not None and date == str(out["creation_year"]) else date
    out.update(_cm(doc))
    out["published"] = bool(doc.get("published"))
    out["image_url"] = image_url(doc)
    out["availability"] = availability(doc)
    embedded = doc.get("_embedded")
    editions = embedded.get("editions") if isinstance(embedded, Mapping) else None
    out["editions"] = canonical_editions(
        [map_edition(e) for e in editions or [] if isinstance(e, Mapping)]
    )
    return {f: out.get(f) for f in HAL_FIELDS}


def partner_href(doc: Mapping[str, Any]) -> str | None:
    return link_href(doc, "partner")


__all__ = [
    "EDITION_FIELDS",
    "HAL_FIELDS",
    "HalClient",
    "availability",
    "canonical_editions",
    "expand",
    "link_href",
    "map_artwork",
    "map_edition",
    "template_params",
]
