"""The Artland-style v1 endpoints (ARTLAND.md): thin routes over the catalog services.

Every route: the caller (``require``), a wire model in, one service call bound to the caller's
entity, a wire model out. Plain ``def`` routes: they run on the server's thread pool, except
``GET /v1/artworks/{id}``, which reads on the event loop when it can do so without waiting.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError as PydanticValidationError
from starlette.concurrency import run_in_threadpool

from artdesk.api.auth import (
    ANY,
    ANY_READ,
    Authenticator,
    Principal,
    authenticated,
    rate_limit_headers,
    require,
)
from artdesk.api.errors import ApiError, from_domain, from_validation
from artdesk.api.idempotency import HEADER as IDEMPOTENCY_HEADER
from artdesk.api.idempotency import (
    REPLAYED_HEADER,
    Idempotency,
    Outcome,
    Remember,
    RememberItem,
    write_hash,
)
from artdesk.api.schemas import (
    ArtistCreate,
    ArtistCreated,
    ArtistList,
    ArtistPublic,
    ArtworkBatch,
    ArtworkBatchResults,
    ArtworkChanged,
    ArtworkCreate,
    ArtworkList,
    ArtworkPublic,
    ArtworkUpdate,
    ArtworkUpsertResult,
    ChangeList,
    ChangePublic,
    Entity,
    ErrorBody,
    KindStatus,
    MePublic,
    ProfilePublic,
    ProfileUpdate,
    SimilarList,
    SyncStatus,
    Usage,
    artwork_json,
    artwork_list_json,
    public_artwork_dict,
    utc,
)
from artdesk.core.errors import ArtdeskError, NotFoundError
from artdesk.core.models import MAX_ID, Artwork
from artdesk.core.validation import clean_url
from artdesk.services.api_support import ArtworkPages, ArtworkReader
from artdesk.services.catalog import ArtworkQuery
from artdesk.services.container import Services
from artdesk.services.similar_wiring import record_for

MAX_LIMIT = 100
MAX_PAGE = 10_000_000


@dataclass(frozen=True, slots=True)
class ApiContext:
    """What the routes reach, stored on ``app.state.api``."""

    services: Services
    pages: ArtworkPages
    reader: ArtworkReader
    authenticator: Authenticator
    idempotency: Idempotency


async def api(request: Request) -> ApiContext:
    # async: a plain def dependency would cost every request a trip to the thread pool.
    return request.app.state.api


Ctx = Annotated[ApiContext, Depends(api)]
ArtworkId = Annotated[int, Path(ge=1, le=MAX_ID, description="The artwork's id")]
IdFilter = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Page = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number (from 1)")]
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match", description="The artwork's ETag: the write fails with 412 if it changed"
    ),
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="X-Idempotency-Key",
        max_length=200,
        description="Replays the first response for 24 hours; a different request with it is a 409",
    ),
]


def _err(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {c: {"model": ErrorBody} for c in codes}


def _json(request: Request, body: bytes, headers: dict[str, str] | None = None) -> Response:
    """A serialised wire document (the hot read paths build their JSON in one step)."""
    return Response(
        body,
        media_type="application/json",
        headers={**rate_limit_headers(request), **(headers or {})},
    )


def artwork_response(artwork: Artwork, rate_headers: dict[str, str]) -> Response:
    """The answer to ``GET /v1/artworks/{id}`` (the route and ``ArtworkFastPath`` share it)."""
    return Response(
        artwork_json(artwork),
        media_type="application/json",
        headers={**rate_headers, "ETag": artwork.etag},
    )


def _clamp(limit: int) -> int:
    return min(limit, MAX_LIMIT)


def _naive_utc(value: datetime | None, name: str) -> datetime | None:
    if value is None or value.tzinfo is None:
        return value
    try:
        return value.astimezone(UTC).replace(tzinfo=None)
    except (OverflowError, ValueError):
        raise ApiError(400, f"{name} is out of range", extra={"field": name}) from None


router = APIRouter(prefix="/v1", responses=_err(400, 401, 403, 413, 429, 500))


# ---------------------------------------------------------------------- artworks
@router.post(
    "/artworks",
    status_code=201,
    response_model=ArtworkUpsertResult,
    responses=_err(409),
    tags=["artworks"],
    summary="Create an artwork, or update the one with the same source fingerprint",
)
def create_artwork(
    body: ArtworkCreate,
    request: Request,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require("artworks:write", write=True))],
    _idempotency_key: IdempotencyKey = None,
) -> Response:
    data = body.to_data()

    def write(remember: Remember | None) -> Outcome:
        answers: list[Outcome] = []

        def keep(session: Any, artwork: Artwork, created: bool) -> None:
            # The idempotency record is committed with the work itself: one transaction.
            answers.append(_upsert_outcome(artwork, created))
            if remember is not None:
                remember(session, answers[-1])

        artwork, created = ctx.services.catalog.upsert_artwork(
            data, partner_id=principal.partner_id, source=principal.source, before_commit=keep
        )
        return answers[-1] if answers else _upsert_outcome(artwork, created)

    return ctx.idempotency.run_in_write(request, principal, data, write)


def _upsert_outcome(artwork: Artwork, created: bool) -> Outcome:
    """The answer to one upsert (POST /v1/artworks, and each item of a batch)."""
    result = ArtworkUpsertResult(
        id=artwork.id,
        title=artwork.title,
        source_fingerprint=artwork.source_fingerprint,
        created=created,
    )
    headers = {"ETag": artwork.etag, "Location": f"/v1/artworks/{artwork.id}"}
    return Outcome(201, result, headers)


@router.post(
    "/artworks/batch",
    response_model=ArtworkBatchResults,
    tags=["artworks"],
    summary="Up to 100 POST /v1/artworks in one request, one transaction (artdesk extension)",
)
def create_artworks(
    body: ArtworkBatch,
    request: Request,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(authenticated)],
) -> Response:
    """Each item is what POST /v1/artworks takes, with its own ``idempotency_key``; the answer
    has one result per item, in order, with the status and body that route would have given.
    The items are written in one transaction, each in its own savepoint (an item refused
    writes nothing, the others are written). Every item counts against the key's rate limit."""
    if request.headers.get(IDEMPOTENCY_HEADER) is not None:
        raise ApiError(400, f"a batch takes an idempotency_key per item, not {IDEMPOTENCY_HEADER}")
    limit = principal.key.rate_limit_per_minute
    if len(body.items) > limit:
        raise ApiError(
            400,
            f"a batch of {len(body.items)} is more than this key's {limit} requests a minute",
            extra={"max_items": limit},
        )
    ctx.authenticator.admit(
        principal, "artworks:write", write=True, request=request, n=len(body.items)
    )
    single_path = request.url.path.removesuffix("/batch")
    datas: list[dict[str, Any] | ApiError] = []
    entries: list[tuple[str | None, str]] = []
    for item in body.items:
        try:
            data = ArtworkCreate.model_validate(item.artwork).to_data()
        except PydanticValidationError as exc:
            datas.append(from_validation(RequestValidationError(exc.errors())))
            entries.append((None, ""))  # refused as the single route would, before its key
            continue
        datas.append(data)
        entries.append((item.idempotency_key, write_hash("POST", single_path, data)))

    def write(todo: list[int], remember: RememberItem) -> dict[int, Outcome]:
        answers = {i: Outcome(400, d.body()) for i in todo if isinstance(d := datas[i], ApiError)}
        index = [i for i in todo if i not in answers]

        def keep(session: Any, j: int, artwork: Artwork, created: bool) -> None:
            answers[index[j]] = _upsert_outcome(artwork, created)
            remember(session, index[j], answers[index[j]])

        results = ctx.services.catalog.upsert_artworks(
            [datas[i] for i in index],  # type: ignore[misc]
            partner_id=principal.partner_id,
            source=principal.source,
            before_commit=keep,
        )
        for j, result in enumerate(results):
            if isinstance(result, ArtdeskError):
                err = from_domain(result)
                answers[index[j]] = Outcome(err.status, err.body())
        return answers

    outcomes = ctx.idempotency.run_many(principal, entries, write)
    results = [
        {
            "status": o.status,
            "body": jsonable_encoder(o.body),
            "etag": o.headers.get("ETag") or o.headers.get("etag"),
            "replayed": o.headers.get(REPLAYED_HEADER) == "true",
        }
        for o in outcomes
    ]
    return _json(request, json.dumps({"results": results}).encode())


@router.get(
    "/artworks",
    response_model=ArtworkList,
    tags=["artworks"],
    summary="List the artworks of the entity bound to the key",
)
def list_artworks(
    request: Request,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require("artworks:read"))],
    page: Page = 1,
    limit: Annotated[int, Query(ge=1, description="Results per page (max 100)")] = 50,
    artist_id: IdFilter = None,
    show_id: IdFilter = None,
    collection_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only this collection, in its order")
    ] = None,
    availability: Annotated[str | None, Query(max_length=40)] = None,
    q: Annotated[str | None, Query(max_length=500, description="Full-text search")] = None,
    updated_since: datetime | None = None,
) -> Response:
    limit = _clamp(limit)
    query = ArtworkQuery(
        partner_id=principal.partner_id,
        artist_id=artist_id,
        show_id=show_id,
        collection_id=collection_id,
        availability=availability,
        text=q,
        updated_since=_naive_utc(updated_since, "updated_since"),
    )
    items, total = ctx.pages.page(query, (page - 1) * limit, limit)
    return _json(request, artwork_list_json(items, total, page, limit))


@router.get(
    "/artworks/{artwork_id}",
    response_model=ArtworkPublic,
    responses=_err(404),
    tags=["artworks"],
    summary="One artwork (with an ETag for If-Match)",
)
async def get_artwork(
    artwork_id: ArtworkId,
    request: Request,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require("artworks:read"))],
) -> Response:
    # The hottest read: one indexed SELECT on the event loop, which never waits for a lock
    # (a locked SQLite file, or a PostgreSQL catalog, is read on a worker thread instead).
    partner_id = principal.partner_id
    artwork = ctx.reader.get_nowait(artwork_id, partner_id=partner_id)
    if artwork is None:
        artwork = await run_in_threadpool(ctx.reader.get, artwork_id, partner_id=partner_id)
    return artwork_response(artwork, rate_limit_headers(request))


_ETAG = re.compile(r'^(?:W/)?"?(\d+)-(\d+)"?$')


def _expected_version(
    ctx: ApiContext, principal: Principal, artwork_id: int, if_match: str | None
) -> int | None:
    """The version an If-Match header asks for (None: no condition); 412 when it cannot match."""
    if if_match is None:
        return None
    tags = [t.strip() for t in if_match.split(",") if t.strip()]
    if "*" in tags:
        return None
    versions = set()
    for tag in tags:
        m = _ETAG.match(tag)
        if m and int(m.group(1)) == artwork_id:
            versions.add(int(m.group(2)))
    if len(versions) == 1:
        return versions.pop()
    current = ctx.services.catalog.get_artwork(
        artwork_id, partner_id=principal.partner_id, detail=False
    )
    if current.version in versions:
        return current.version
    raise ApiError(412, "The artwork changed since that ETag was issued; GET it again")


@router.put(
    "/artworks/{artwork_id}",
    response_model=ArtworkChanged,
    responses=_err(404, 409, 412),
    tags=["artworks"],
    summary="Change some fields of an artwork; returns its id, title and the fields sent",
)
def update_artwork(
    artwork_id: ArtworkId,
    body: ArtworkUpdate,
    request: Request,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require("artworks:write", write=True))],
    if_match: IfMatch = None,
    _idempotency_key: IdempotencyKey = None,
) -> Response:
    data = body.to_data()

    def write() -> Outcome:
        expected = _expected_version(ctx, principal, artwork_id, if_match)
        artwork = ctx.services.catalog.update_artwork(
            artwork_id,
            data,
            source=principal.source,
            expected_version=expected,
            partner_id=principal.partner_id,
        )
        public = public_artwork_dict(artwork)
        result = {"id": artwork.id, "title": artwork.title}
        result.update({name: public[name] for name in data if name in public})
        return Outcome(200, ArtworkChanged(**result), {"ETag": artwork.etag})

    return ctx.idempotency.run(request, principal, data, write, if_match=if_match)


@router.get(
    "/artworks/{artwork_id}/similar",
    response_model=SimilarList,
    responses=_err(404, 503),
    tags=["artworks"],
    summary="The most similar artworks the key may see, with scores and reasons (artdesk extension)",
)
def similar_artworks(
    artwork_id: ArtworkId,
    request: Request,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require("artworks:read"))],
    k: Annotated[int, Query(ge=1, le=50, description="How many (default 10)")] = 10,
) -> Response:
    base = ctx.services.catalog.get_artwork(
        artwork_id, partner_id=principal.partner_id, detail=False
    )
    service = ctx.services.similar
    want = k * 3 + 10  # some neighbours may be other partners' unpublished works
    try:
        try:
            neighbours = service.similar(base.id, want)
        except NotFoundError:
            # Added since the index was built: ask with its record, and refresh the index.
            neighbours = service.similar_to_record(record_for(ctx.services.catalog, base.id), want)
            service.ensure_index(background=True)
    except ArtdeskError as exc:
        raise ApiError(503, f"Similar artworks are not available now: {exc.message}") from None
    scores = {n.id: n for n in neighbours if n.id != base.id}
    visible = ctx.services.catalog.list_artworks(
        ArtworkQuery(ids=tuple(scores), visible_to_partner_id=principal.partner_id), 0, len(scores)
    )
    by_id = {a.id: a for a in visible}
    similar = [
        {
            "artwork": public_artwork_dict(by_id[n]),
            "score": round(scores[n].score, 4),
            "reasons": list(scores[n].reasons),
        }
        for n in scores
        if n in by_id
    ][:k]
    body = SimilarList(artwork_id=base.id, similar=similar, k=k).model_dump_json().encode()
    return _json(request, body)


@router.delete(
    "/artworks/{artwork_id}",
    status_code=204,
    response_class=Response,
    responses=_err(404, 409, 412),
    tags=["artworks"],
    summary="Delete an artwork (artdesk extension)",
)
def delete_artwork(
    artwork_id: ArtworkId,
    request: Request,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require("artworks:write", write=True))],
    if_match: IfMatch = None,
    _idempotency_key: IdempotencyKey = None,
) -> Response:
    def write() -> Outcome:
        expected = _expected_version(ctx, principal, artwork_id, if_match)
        ctx.services.catalog.delete_artwork(
            artwork_id,
            source=principal.source,
            partner_id=principal.partner_id,
            expected_version=expected,
        )
        return Outcome(204)

    return ctx.idempotency.run(request, principal, None, write, if_match=if_match)


# ---------------------------------------------------------------------- the key and its entity
@router.get("/me", response_model=MePublic, tags=["account"], summary="The key and its entity")
def me(
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require(ANY))],
) -> MePublic:
    key = principal.key
    partner = ctx.services.catalog.get_partner(key.partner_id)
    usage = ctx.authenticator.limiter.usage(key.id)
    return MePublic(
        key_prefix=key.prefix,
        label=key.label,
        tier=key.tier,
        scopes=list(key.scopes),
        rate_limit_per_minute=key.rate_limit_per_minute,
        entity=Entity(type=partner.type, id=partner.id, name=partner.name, slug=partner.slug),
        usage=Usage(reads_today=usage.reads_today, writes_today=usage.writes_today),
    )


@router.get(
    "/profile", response_model=ProfilePublic, tags=["account"], summary="The entity's profile"
)
def get_profile(
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require("profile:read"))],
) -> ProfilePublic:
    return ProfilePublic.of(ctx.services.catalog.get_partner(principal.partner_id))


@router.put(
    "/profile",
    response_model=ProfilePublic,
    responses=_err(409),
    tags=["account"],
    summary="Change the entity's profile",
)
def update_profile(
    body: ProfileUpdate,
    request: Request,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require("profile:write", write=True))],
    _idempotency_key: IdempotencyKey = None,
) -> Response:
    data = body.to_data()
    changes = {("website" if k == "external_url" else k): v for k, v in data.items()}
    if "website" in changes:
        changes["website"] = clean_url("external_url", changes["website"])

    def write() -> Outcome:
        partner = ctx.services.catalog.update_partner(
            principal.partner_id, changes, source=principal.source
        )
        return Outcome(200, ProfilePublic.of(partner))

    return ctx.idempotency.run(request, principal, data, write)


# ---------------------------------------------------------------------- artists
@router.post(
    "/artists",
    status_code=201,
    response_model=ArtistCreated,
    responses=_err(409),
    tags=["artists"],
    summary="Create an artist (deduplicated by slug) and link it to the entity",
)
def create_artist(
    body: ArtistCreate,
    request: Request,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require("artists:write", write=True))],
    _idempotency_key: IdempotencyKey = None,
) -> Response:
    data = body.to_data()

    def write() -> Outcome:
        fields = {k: v for k, v in data.items() if k != "name"}
        artist, created = ctx.services.catalog.create_artist(
            body.name, partner_id=principal.partner_id, source=principal.source, **fields
        )
        return Outcome(
            201, ArtistCreated(id=artist.id, name=artist.name, slug=artist.slug, created=created)
        )

    return ctx.idempotency.run(request, principal, data, write)


@router.get("/artists", response_model=ArtistList, tags=["artists"], summary="The entity's artists")
def list_artists(
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require("artists:read"))],
    page: Page = 1,
    limit: Annotated[int, Query(ge=1, description="Results per page (max 100)")] = 50,
) -> ArtistList:
    limit = _clamp(limit)
    catalog = ctx.services.catalog
    artists = catalog.list_artists(
        partner_id=principal.partner_id, offset=(page - 1) * limit, limit=limit
    )
    return ArtistList(
        artists=[ArtistPublic.of(a) for a in artists],
        total=catalog.count_artists(partner_id=principal.partner_id),
        page=page,
        limit=limit,
    )


# ---------------------------------------------------------------------- changes and sync
@router.get(
    "/changelog",
    response_model=ChangeList,
    tags=["sync"],
    summary="Every write to the entity's records, oldest first, with old and new values",
)
def changelog(
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require(ANY_READ))],
    since: Annotated[datetime | None, Query(description="ISO 8601; changes at or after it")] = None,
    page: Page = 1,
    limit: Annotated[int, Query(ge=1, description="Results per page (max 100)")] = 100,
) -> ChangeList:
    limit = _clamp(limit)
    since_utc = _naive_utc(since, "since")
    catalog = ctx.services.catalog
    entries = catalog.list_changes(
        since=since_utc, partner_id=principal.partner_id, offset=(page - 1) * limit, limit=limit
    )
    return ChangeList(
        changes=[ChangePublic.of(c) for c in entries],
        total=catalog.count_changes(since=since_utc, partner_id=principal.partner_id),
        page=page,
        limit=limit,
    )


@router.get(
    "/sync/status",
    response_model=SyncStatus,
    tags=["sync"],
    summary="Counts and newest sync times of the entity's records",
)
def sync_status(
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require(ANY_READ))],
) -> SyncStatus:
    times = ctx.services.catalog.last_write_times(principal.partner_id)

    def kind(name: str) -> KindStatus:
        last, count = times[name]
        return KindStatus(last_synced=utc(last), count=count)

    return SyncStatus(artworks=kind("artworks"), artists=kind("artists"), events=kind("events"))
