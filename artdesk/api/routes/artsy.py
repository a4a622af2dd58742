"""The Artsy-style HAL read API under ``/api`` (ARTSY.md): root, XAPP tokens, artworks and the
resources they link to, with opaque keyset cursors.

Every route but the root, the token endpoint and the images of published works needs an
``X-Xapp-Token`` (see ``artdesk.services.tokens``). A token speaks for the API key it was made
from: its entity sees the published artworks of every partner plus its own unpublished ones,
and nothing else (another entity's unpublished work is "Artwork Not Found"). Errors are
``{type, message[, detail]}`` with ``type`` one of ``auth_error``, ``param_error``,
``other_error``. Rendering is in ``artdesk.api.hal``; these routes only parse, call the
services and link.

``install(app, services)`` adds the routes and the error format to an app made by
``create_app``.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response

from artdesk.api import hal
from artdesk.api.errors import ApiError, register_error_formatter
from artdesk.api.ratelimit import RateLimiter
from artdesk.core.errors import ArtdeskError, NotFoundError
from artdesk.core.models import MAX_ID, Artwork, Partner
from artdesk.services.catalog import ArtworkQuery
from artdesk.services.container import Services
from artdesk.services.similar_wiring import record_for
from artdesk.services.tokens import DEFAULT_TTL_SECONDS, TokenService, XappToken

log = logging.getLogger("artdesk.api.hal")

PREFIX = "/api"
HAL_JSON = "application/hal+json"
TOKEN_HEADER = "X-Xapp-Token"
INVALID_TOKEN = "The access token is invalid or has expired."
DEFAULT_SIZE = 10
MAX_SIZE = 100
MAX_OFFSET = 10_000_000
SIMILAR_OVERFETCH = 3  # ask the index for more neighbours than shown: some may be hidden
ACCEPTED_RESPONSE_TYPES = (
    "application/hal+json",
    "application/json",
    "application/vnd.artsy-v2+json",
)
ACCEPTED_REQUEST_TYPES = frozenset(
    {
        "application/json",
        "application/hal+json",
        "application/vnd.artsy-v2+json",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    }
)
ERROR_TYPES = {400: "param_error", 401: "auth_error", 403: "auth_error"}


@dataclass
class HalContext:
    """What the HAL routes reach, stored on ``app.state.hal``."""

    services: Services
    tokens: TokenService
    limiter: RateLimiter


class HalResponse(JSONResponse):
    media_type = HAL_JSON


# ---------------------------------------------------------------------- errors
def hal_error_response(_request: Request, err: ApiError) -> Response:
    """Errors under ``/api`` as ARTSY.md shows them: ``{type, message[, detail]}``."""
    kind = ERROR_TYPES.get(err.status, "other_error")
    message = err.message
    if err.status == 404 and message in ("Not found", "Not Found"):
        message = "Not Found"
    return JSONResponse(
        hal.error_body(kind, message, err.extra or None),
        status_code=err.status,
        headers=err.headers,
    )


def not_found(what: str) -> ApiError:
    return ApiError(404, f"{what} Not Found")


def param_error(message: str, name: str) -> ApiError:
    return ApiError(400, message, extra={"param": name})


# ---------------------------------------------------------------------- negotiation
def _media_types(header: str) -> list[tuple[str, float]]:
    out = []
    for part in header.split(","):
        pieces = [p.strip() for p in part.split(";")]
        if not pieces[0]:
            continue
        q = 1.0
        for p in pieces[1:]:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        out.append((pieces[0].lower(), q))
    return out


def response_type(request: Request) -> str:
    """The answer's media type for the request's Accept header; 406 when none can be given."""
    accept = request.headers.get("accept")
    if not accept or not accept.strip():
        return HAL_JSON
    wanted = [(t, q) for t, q in _media_types(accept) if q > 0]
    for media, _q in sorted(wanted, key=lambda x: -x[1]):
        if media in ("*/*", "application/*", HAL_JSON, "application/vnd.artsy-v2+json"):
            return HAL_JSON
        if media == "application/json" or media.endswith("+json"):
            return "application/json"
    raise ApiError(
        406,
        "Not acceptable: this API answers "
        + ", ".join(ACCEPTED_RESPONSE_TYPES)
        + f"; the request accepts only {accept.strip()[:200]}",
    )


def check_request_type(request: Request) -> None:
    """A request body must be JSON or a form: anything else is 406."""
    raw = request.headers.get("content-type")
    if raw is None or not raw.strip():
        return
    media = raw.split(";")[0].strip().lower()
    if media not in ACCEPTED_REQUEST_TYPES:
        raise ApiError(
            406,
            f"Unsupported request content type {media[:100]!r}: send application/json "
            "or application/x-www-form-urlencoded",
        )


def answer(
    request: Request, body: dict[str, Any], headers: dict[str, str] | None = None
) -> Response:
    media = response_type(request)
    return HalResponse(body, media_type=media, headers=headers)


# ---------------------------------------------------------------------- authentication
def context(request: Request) -> HalContext:
    return request.app.state.hal


def urls_for(request: Request) -> hal.Urls:
    return hal.Urls(str(request.base_url).rstrip("/") + PREFIX)


def verified_token(request: Request) -> XappToken | None:
    presented = request.headers.get(TOKEN_HEADER)  # header names are case-insensitive
    if not presented:
        return None
    return context(request).tokens.verify(presented.strip())


@dataclass(frozen=True, slots=True)
class Caller:
    token: XappToken
    rate_headers: dict[str, str]

    @property
    def partner_id(self) -> int:
        return self.token.partner_id


def authenticate(request: Request, scope: str | None = None) -> Caller:
    """The token's caller; 401 for a missing, wrong or expired token, 429 over the key's rate
    limit (shared with its /v1 requests), 403 when the key lacks ``scope``."""
    check_request_type(request)
    response_type(request)
    token = verified_token(request)
    if token is None:
        raise ApiError(401, INVALID_TOKEN)
    decision = context(request).limiter.hit(token.key_id, token.rate_limit_per_minute, write=False)
    if not decision.allowed:
        raise ApiError(
            429,
            f"Rate limit exceeded: {decision.limit} requests per minute; "
            f"retry after {decision.retry_after} s",
            headers={**decision.headers(), "Retry-After": str(decision.retry_after)},
            extra={"retry_after": decision.retry_after},
        )
    if scope is not None and not token.has(scope):
        raise ApiError(
            403, f"Insufficient scope: {scope} required", extra={"required_scope": scope}
        )
    return Caller(token, decision.headers())


# ---------------------------------------------------------------------- parameters
def _param(request: Request, name: str) -> str | None:
    value = request.query_params.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def int_id(value: str, name: str) -> int:
    if not value.isdigit() or len(value) > 19 or not 1 <= int(value) <= MAX_ID:
        raise param_error(f"{name} must be an id (digits)", name)
    return int(value)


def id_param(request: Request, name: str) -> int | None:
    value = _param(request, name)
    return None if value is None else int_id(value, name)


def bool_param(request: Request, name: str) -> bool | None:
    value = _param(request, name)
    if value is None:
        return None
    lowered = value.lower()
    if lowered in ("1", "true", "yes"):
        return True
    if lowered in ("0", "false", "no"):
        return False
    raise param_error(f"{name} must be true or false", name)


def size_param(request: Request) -> int:
    value = _param(request, "size")
    if value is None:
        return DEFAULT_SIZE
    if not value.isdigit() or not 1 <= int(value) <= MAX_SIZE:
        raise param_error(f"size must be a number from 1 to {MAX_SIZE}", "size")
    return int(value)


def offset_param(request: Request) -> int:
    value = _param(request, "offset")
    if value is None:
        return 0
    if _param(request, "cursor") is not None:
        raise param_error("offset cannot be combined with cursor", "offset")
    if not value.isdigit() or int(value) > MAX_OFFSET:
        raise param_error(f"offset must be a number from 0 to {MAX_OFFSET}", "offset")
    return int(value)


def wants_total(request: Request) -> bool:
    return bool(bool_param(request, "total_count"))


def encode_cursor(kind: str, *values: int) -> str:
    raw = ":".join([kind, *(str(v) for v in values)])
    return base64.urlsafe_b64encode(raw.encode()).rstrip(b"=").decode("ascii")


def decode_cursor(request: Request, kind: str, parts: int) -> tuple[int, ...] | None:
    """The position a cursor names (for this collection), or 400 for a foreign or broken one."""
    value = _param(request, "cursor")
    if value is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode("ascii")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raw = ""
    pieces = raw.split(":")
    if (
        len(value) > 200
        or len(pieces) != parts + 1
        or pieces[0] != kind
        or not all(p.isdigit() and len(p) <= 19 for p in pieces[1:])
    ):
        raise param_error("The cursor is not valid for this collection", "cursor")
    return tuple(int(p) for p in pieces[1:])


def page_links(request: Request, path: str, next_cursor: str | None) -> tuple[str, str | None]:
    """The page's own href (as asked) and its ``next`` (same filters, the new cursor)."""
    urls = urls_for(request)
    params = list(request.query_params.multi_items())
    self_href = urls.href(path, dict(params)) if params else urls.href(path)
    if next_cursor is None:
        return self_href, None
    kept = {k: v for k, v in params if k not in ("cursor", "offset")}
    kept["cursor"] = next_cursor
    return self_href, urls.href(path, kept)


# ---------------------------------------------------------------------- lookups
def visible(artwork: Artwork, caller: Caller) -> bool:
    return artwork.published or artwork.partner_id == caller.partner_id


def visible_artwork(
    ctx: HalContext, raw_id: str, caller: Caller, *, detail: bool = True
) -> Artwork:
    artwork_id = hal.id_from_slug(raw_id)
    if artwork_id is None or artwork_id > MAX_ID:
        raise not_found("Artwork")
    try:
        artwork = ctx.services.catalog.get_artwork(artwork_id, detail=detail)
    except NotFoundError:
        raise not_found("Artwork") from None
    if not visible(artwork, caller):
        raise not_found("Artwork")
    if not raw_id.isdigit() and raw_id != hal.artwork_slug(artwork):
        raise not_found("Artwork")
    return artwork


def find_partner(ctx: HalContext, raw: str) -> Partner:
    catalog = ctx.services.catalog
    try:
        if raw.isdigit() and len(raw) <= 19:
            return catalog.get_partner(int(raw))
        for p in catalog.list_partners():
            if raw in (p.slug, p.profile_handle):
                return p
    except NotFoundError:
        pass
    raise not_found("Partner")


def partner_filter(ctx: HalContext, request: Request) -> int | None:
    raw = _param(request, "partner_id")
    return None if raw is None else find_partner(ctx, raw).id


def artist_filter(ctx: HalContext, request: Request) -> int | None:
    raw = _param(request, "artist_id")
    if raw is None:
        return None
    if raw.isdigit():
        return int_id(raw, "artist_id")
    artist = ctx.services.catalog.find_artist_by_name(raw)
    if artist is None:
        raise not_found("Artist")
    return artist.id


def partner_types(ctx: HalContext) -> dict[int, str]:
    return {p.id: p.type for p in ctx.services.catalog.list_partners()}


def render_artworks(request: Request, works: Sequence[Artwork]) -> list[dict[str, Any]]:
    urls = urls_for(request)
    types = partner_types(context(request)) if works else {}
    return [hal.render_artwork(w, urls, partner_type=types.get(w.partner_id)) for w in works]


def _in_order(works: Sequence[Artwork], ids: Sequence[int]) -> list[Artwork]:
    by_id = {w.id: w for w in works}
    return [by_id[i] for i in ids if i in by_id]


def keyset_page(
    items: list[Any], size: int, key: Callable[[Any], tuple[int, ...]], kind: str
) -> tuple[list[Any], str | None]:
    """Trim a ``size + 1`` fetch to ``size`` and make the cursor of the next page, if any."""
    if len(items) <= size:
        return items, None
    items = items[:size]
    return items, encode_cursor(kind, *key(items[-1]))


# ---------------------------------------------------------------------- routes
router = APIRouter(prefix=PREFIX, include_in_schema=False)


@router.get("")
def root(request: Request) -> Response:
    check_request_type(request)
    return answer(request, hal.render_root(urls_for(request)))


@router.post("/tokens/xapp_token")
async def xapp_token(request: Request) -> Response:
    check_request_type(request)
    response_type(request)
    fields: dict[str, str] = {k: v for k, v in request.query_params.items()}
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.form()
        fields.update({k: v for k, v in form.items() if isinstance(v, str)})
    elif media.endswith("json"):
        raw = await request.body()
        if raw.strip():
            try:
                data = json.loads(raw)
            except ValueError:
                raise ApiError(400, "The request body is not valid JSON") from None
            if not isinstance(data, dict):
                raise ApiError(400, "The request body must be a JSON object")
            fields.update({k: v for k, v in data.items() if isinstance(v, str)})
    missing = [name for name in ("client_id", "client_secret") if not fields.get(name)]
    if missing:
        raise param_error(f"Missing required parameter: {missing[0]}", missing[0])
    token = context(request).tokens.issue(fields["client_id"], fields["client_secret"])
    if token is None:
        raise ApiError(401, "The client_id or client_secret is invalid.")
    body = {"type": "xapp_token", "token": token.token, "expires_at": token.expires_at_text()}
    return JSONResponse(body, status_code=201, headers={"Cache-Control": "no-store"})


# --- artworks
@router.get("/artworks")
def list_artworks(request: Request) -> Response:
    caller = authenticate(request, "artworks:read")
    ctx = context(request)
    catalog = ctx.services.catalog
    if _param(request, "similar_to_artwork_id") is not None:
        return similar_artworks(request, caller)
    query = ArtworkQuery(
        partner_id=partner_filter(ctx, request),
        artist_id=artist_filter(ctx, request),
        show_id=id_param(request, "show_id"),
        collection_id=id_param(request, "collection_id"),
        gene_id=id_param(request, "gene_id"),
        published=bool_param(request, "published"),
        visible_to_partner_id=caller.partner_id,
    )
    size = size_param(request)
    offset = offset_param(request)
    if query.collection_id is not None:
        after = decode_cursor(request, "c", 2)
        pairs = catalog.list_collection_page(
            query, (after[0], after[1]) if after else None, offset + size + 1
        )[offset:]
        pairs, cursor = keyset_page(pairs, size, lambda p: (p[0], p[1].id), "c")
        ids = [w.id for _, w in pairs]
        works = (
            _in_order(
                catalog.list_artworks_after(
                    ArtworkQuery(ids=tuple(ids)), None, len(ids), detail=True
                ),
                ids,
            )
            if ids
            else []
        )
    else:
        after = decode_cursor(request, "a", 1)
        fetched = catalog.list_artworks_after(
            query, after[0] if after else None, size + 1, offset=offset, detail=True
        )
        works, cursor = keyset_page(fetched, size, lambda w: (w.id,), "a")
    total = catalog.count_artworks(query) if wants_total(request) else None
    self_href, next_href = page_links(request, "/artworks", cursor)
    body = hal.render_page(
        "artworks",
        render_artworks(request, works),
        self_href=self_href,
        next_href=next_href,
        total_count=total,
    )
    return answer(request, body, caller.rate_headers)


def similar_artworks(request: Request, caller: Caller) -> Response:
    """The base work's nearest neighbours the caller may see, best first (not paginated)."""
    ctx = context(request)
    raw = _param(request, "similar_to_artwork_id") or ""
    base = visible_artwork(ctx, raw, caller, detail=False)
    if _param(request, "cursor") is not None or _param(request, "offset") is not None:
        raise param_error("similar artworks are not paginated", "cursor")
    size = size_param(request)
    service = getattr(ctx.services, "similar", None)
    if service is None:
        raise ApiError(
            503, "Similar artworks are not available: this catalog has no similarity index"
        )
    k = size * SIMILAR_OVERFETCH + 10
    try:
        try:
            neighbours = service.similar(base.id, k)
        except NotFoundError:
            # Added since the index was built: ask with its record, and have the index refreshed.
            neighbours = service.similar_to_record(record_for(ctx.services.catalog, base.id), k)
            service.ensure_index(background=True)
    except ArtdeskError as exc:
        log.warning("similar artworks unavailable: %s", exc.message)
        raise ApiError(503, f"Similar artworks are not available now: {exc.message}") from None
    ids = [n.id for n in neighbours if n.id != base.id]
    works: list[Artwork] = []
    if ids:
        query = ArtworkQuery(ids=tuple(ids), visible_to_partner_id=caller.partner_id)
        works = _in_order(
            ctx.services.catalog.list_artworks_after(query, None, len(ids), detail=True), ids
        )[:size]
    self_href, _ = page_links(request, "/artworks", None)
    body = hal.render_page(
        "artworks",
        render_artworks(request, works),
        self_href=self_href,
        total_count=len(works) if wants_total(request) else None,
    )
    return answer(request, body, caller.rate_headers)


@router.get("/artworks/{artwork_id}")
def get_artwork(artwork_id: str, request: Request) -> Response:
    caller = authenticate(request, "artworks:read")
    artwork = visible_artwork(context(request), artwork_id, caller)
    return answer(request, render_artworks(request, [artwork])[0], caller.rate_headers)


# --- editions
def _edition_response(request: Request, edition_id: str, artwork_id: str | None) -> Response:
    caller = authenticate(request, "artworks:read")
    ctx = context(request)
    if not edition_id.isdigit() or len(edition_id) > 19:
        raise not_found("Edition")
    try:
        edition = ctx.services.catalog.get_edition(int(edition_id))
    except NotFoundError:
        raise not_found("Edition") from None
    if artwork_id is not None and artwork_id != str(edition.artwork_id):
        raise not_found("Edition")
    try:
        visible_artwork(ctx, str(edition.artwork_id), caller, detail=False)
    except ApiError:
        raise not_found("Edition") from None
    return answer(request, hal.render_edition(edition, urls_for(request)), caller.rate_headers)


@router.get("/editions")
def list_editions(request: Request) -> Response:
    caller = authenticate(request, "artworks:read")
    ctx = context(request)
    raw = _param(request, "artwork_id")
    if raw is None:
        raise param_error("Missing required parameter: artwork_id", "artwork_id")
    artwork = visible_artwork(ctx, raw, caller, detail=False)
    editions = ctx.services.catalog.list_editions(artwork.id)
    urls = urls_for(request)
    self_href, _ = page_links(request, "/editions", None)
    body = hal.render_page(
        "editions",
        [hal.render_edition(e, urls) for e in editions],
        self_href=self_href,
        total_count=len(editions) if wants_total(request) else None,
    )
    return answer(request, body, caller.rate_headers)


@router.get("/editions/{edition_id}")
def get_edition(edition_id: str, request: Request) -> Response:
    return _edition_response(request, edition_id, _param(request, "artwork_id"))


@router.get("/edition/{edition_id}")
def get_edition_singular(edition_id: str, request: Request) -> Response:
    return _edition_response(request, edition_id, _param(request, "artwork_id"))


# --- partners and profiles
@router.get("/partners")
def list_partners(request: Request) -> Response:
    caller = authenticate(request)
    ctx = context(request)
    active = bool_param(request, "active")
    size, offset = size_param(request), offset_param(request)
    after = decode_cursor(request, "p", 1)
    partners = sorted(ctx.services.catalog.list_partners(active=active), key=lambda p: p.id)
    chosen = [p for p in partners if after is None or p.id > after[0]][offset : offset + size + 1]
    chosen, cursor = keyset_page(chosen, size, lambda p: (p.id,), "p")
    urls = urls_for(request)
    self_href, next_href = page_links(request, "/partners", cursor)
    body = hal.render_page(
        "partners",
        [hal.render_partner(p, urls) for p in chosen],
        self_href=self_href,
        next_href=next_href,
        total_count=len(partners) if wants_total(request) else None,
    )
    return answer(request, body, caller.rate_headers)


@router.get("/partners/{partner_id}")
def get_partner(partner_id: str, request: Request) -> Response:
    caller = authenticate(request)
    partner = find_partner(context(request), partner_id)
    return answer(request, hal.render_partner(partner, urls_for(request)), caller.rate_headers)


@router.get("/profiles/{profile_id}")
def get_profile(profile_id: str, request: Request) -> Response:
    caller = authenticate(request)
    try:
        partner = find_partner(context(request), profile_id)
    except ApiError:
        raise not_found("Profile") from None
    return answer(request, hal.render_profile(partner, urls_for(request)), caller.rate_headers)


@router.get("/partner_contacts")
def list_partner_contacts(request: Request) -> Response:
    caller = authenticate(request)
    raw = _param(request, "partner_id")
    if raw is None:
        raise param_error("Missing required parameter: partner_id", "partner_id")
    partner = find_partner(context(request), raw)
    contacts = [hal.render_partner_contact(partner, urls_for(request))] if partner.email else []
    self_href, _ = page_links(request, "/partner_contacts", None)
    body = hal.render_page(
        "partner_contacts",
        contacts,
        self_href=self_href,
        total_count=len(contacts) if wants_total(request) else None,
    )
    return answer(request, body, caller.rate_headers)


# --- artists
@router.get("/artists")
def list_artists(request: Request) -> Response:
    caller = authenticate(request, "artists:read")
    ctx = context(request)
    catalog = ctx.services.catalog
    raw_artwork = _param(request, "artwork_id")
    artwork_id = visible_artwork(ctx, raw_artwork, caller, detail=False).id if raw_artwork else None
    filters = {
        "partner_id": partner_filter(ctx, request),
        "artwork_id": artwork_id,
        "gene_id": id_param(request, "gene_id"),
    }
    size, offset = size_param(request), offset_param(request)
    if artwork_id is not None:
        # An artwork's artists, in the artwork's order: few, so one page.
        artists = catalog.list_artists(**filters, offset=offset, limit=MAX_SIZE * 10)
        cursor = None
    else:
        after = decode_cursor(request, "r", 1)
        fetched = catalog.list_artists(
            **filters, offset=offset, limit=size + 1, after_id=after[0] if after else None
        )
        artists, cursor = keyset_page(fetched, size, lambda a: (a.id,), "r")
    total = catalog.count_artists(**filters) if wants_total(request) else None
    urls = urls_for(request)
    self_href, next_href = page_links(request, "/artists", cursor)
    body = hal.render_page(
        "artists",
        [hal.render_artist(a, urls) for a in artists],
        self_href=self_href,
        next_href=next_href,
        total_count=total,
    )
    return answer(request, body, caller.rate_headers)


@router.get("/artists/{artist_id}")
def get_artist(artist_id: str, request: Request) -> Response:
    caller = authenticate(request, "artists:read")
    catalog = context(request).services.catalog
    artist = None
    if artist_id.isdigit() and len(artist_id) <= 19:
        try:
            artist = catalog.get_artist(int(artist_id))
        except NotFoundError:
            artist = None
    else:
        found = catalog.find_artist_by_name(artist_id)
        artist = found if found is not None and found.slug == artist_id else None
    if artist is None:
        raise not_found("Artist")
    return answer(request, hal.render_artist(artist, urls_for(request)), caller.rate_headers)


# --- genes
@router.get("/genes")
def list_genes(request: Request) -> Response:
    caller = authenticate(request)
    ctx = context(request)
    catalog = ctx.services.catalog
    raw_artwork = _param(request, "artwork_id")
    filters = {
        "artwork_id": (
            visible_artwork(ctx, raw_artwork, caller, detail=False).id if raw_artwork else None
        ),
        "artist_id": artist_filter(ctx, request),
    }
    size, offset = size_param(request), offset_param(request)
    after = decode_cursor(request, "g", 1)
    fetched = catalog.list_genes(
        **filters, offset=offset, limit=size + 1, after_id=after[0] if after else None
    )
    genes, cursor = keyset_page(fetched, size, lambda g: (g.id,), "g")
    total = len(catalog.list_genes(**filters, limit=10**9)) if wants_total(request) else None
    urls = urls_for(request)
    self_href, next_href = page_links(request, "/genes", cursor)
    body = hal.render_page(
        "genes",
        [hal.render_gene(g, urls) for g in genes],
        self_href=self_href,
        next_href=next_href,
        total_count=total,
    )
    return answer(request, body, caller.rate_headers)


@router.get("/genes/{gene_id}")
def get_gene(gene_id: str, request: Request) -> Response:
    caller = authenticate(request)
    catalog = context(request).services.catalog
    if not gene_id.isdigit() or len(gene_id) > 19:
        raise not_found("Gene")
    try:
        gene = catalog.get_gene(int(gene_id))
    except NotFoundError:
        raise not_found("Gene") from None
    return answer(request, hal.render_gene(gene, urls_for(request)), caller.rate_headers)


# --- shows
SHOW_STATUSES = ("upcoming", "running", "closed", "current")


@router.get("/shows")
def list_shows(request: Request) -> Response:
    caller = authenticate(request, "events:read")
    ctx = context(request)
    catalog = ctx.services.catalog
    status = _param(request, "status")
    if status is not None and status not in SHOW_STATUSES:
        raise param_error(f"status must be one of {', '.join(SHOW_STATUSES)}", "status")
    filters: dict[str, Any] = {"partner_id": partner_filter(ctx, request), "status": status}
    size, offset = size_param(request), offset_param(request)
    after = decode_cursor(request, "s", 1)
    fetched = catalog.list_shows(
        **filters, offset=offset, limit=size + 1, after_id=after[0] if after else None
    )
    shows, cursor = keyset_page(fetched, size, lambda s: (s.id,), "s")
    total = len(catalog.list_shows(**filters, limit=10**9)) if wants_total(request) else None
    urls = urls_for(request)
    self_href, next_href = page_links(request, "/shows", cursor)
    body = hal.render_page(
        "shows",
        [hal.render_show(s, urls) for s in shows],
        self_href=self_href,
        next_href=next_href,
        total_count=total,
    )
    return answer(request, body, caller.rate_headers)


@router.get("/shows/{show_id}")
def get_show(show_id: str, request: Request) -> Response:
    caller = authenticate(request, "events:read")
    if not show_id.isdigit() or len(show_id) > 19:
        raise not_found("Show")
    try:
        show = context(request).services.catalog.get_show(int(show_id))
    except NotFoundError:
        raise not_found("Show") from None
    return answer(request, hal.render_show(show, urls_for(request)), caller.rate_headers)


# --- what an artwork links to that artdesk has none of: collectors and auction lots
@router.get("/users")
def list_users(request: Request) -> Response:
    """Collectors of an artwork: artdesk keeps no user accounts, so the set is empty."""
    return _empty_for_artwork(request, "users", "collected_artwork_id")


@router.get("/sale_artworks")
def list_sale_artworks(request: Request) -> Response:
    """An artwork's auction lots: artdesk runs no auctions, so the set is empty."""
    return _empty_for_artwork(request, "sale_artworks", "artwork_id")


def _empty_for_artwork(request: Request, plural: str, param: str) -> Response:
    caller = authenticate(request, "artworks:read")
    raw = _param(request, param)
    if raw is None:
        raise param_error(f"Missing required parameter: {param}", param)
    visible_artwork(context(request), raw, caller, detail=False)
    self_href, _ = page_links(request, f"/{plural}", None)
    body = hal.render_page(
        plural, [], self_href=self_href, total_count=0 if wants_total(request) else None
    )
    return answer(request, body, caller.rate_headers)


# --- images
@router.get("/images/{artwork_id}/{file_name}")
def get_image(artwork_id: str, file_name: str, request: Request) -> Response:
    """An artwork's image in one of ``hal.IMAGE_VERSIONS``. Images of published works are
    public (an ``<img>`` cannot send a token); others need a token that may see the work."""
    ctx = context(request)
    version, dot, ext = file_name.rpartition(".")
    if not dot or ext.lower() != "jpg" or version not in hal.IMAGE_VERSIONS:
        raise not_found("Image")
    if not artwork_id.isdigit() or len(artwork_id) > 19:
        raise not_found("Artwork")
    try:
        artwork = ctx.services.catalog.get_artwork(int(artwork_id), detail=True)
    except NotFoundError:
        raise not_found("Artwork") from None
    if not artwork.published:
        caller = authenticate(request, "artworks:read")
        if not visible(artwork, caller):
            raise not_found("Artwork")
    image = hal.default_image(artwork)
    if image is not None:
        path = ctx.services.images.thumbnail_path(image, hal.IMAGE_VERSIONS[version])
        return FileResponse(
            path, media_type="image/jpeg", headers={"Cache-Control": "max-age=3600"}
        )
    if artwork.image_url:
        return RedirectResponse(artwork.image_url, status_code=302)
    raise not_found("Image")


# ---------------------------------------------------------------------- installation
def install(
    app: FastAPI,
    services: Services,
    *,
    token_ttl_seconds: float = DEFAULT_TTL_SECONDS,
    limiter: RateLimiter | None = None,
) -> HalContext:
    """Serve the HAL API on ``app`` under ``/api`` with its own error format.

    The rate limiter is the app's (``app.state.authenticator.limiter``) when there is one, so a
    key's /v1 and /api requests count against the same per-minute limit.
    """
    shared = getattr(getattr(app.state, "authenticator", None), "limiter", None)
    ctx = HalContext(
        services=services,
        tokens=TokenService(services.db, services.keys, ttl_seconds=token_ttl_seconds),
        limiter=limiter or shared or RateLimiter(),
    )
    app.state.hal = ctx
    app.include_router(router)
    register_error_formatter(app, PREFIX, hal_error_response)
    return ctx
