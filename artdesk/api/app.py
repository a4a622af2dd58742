"""``create_app(services)``: the FastAPI application over one catalog's services.

There is no module-level app: the GUI's server thread, ``artdesk serve`` and every test build
their own. Nothing is fetched from the internet: the interactive docs at ``/docs`` are served
from the ``swagger-ui-bundle-v2`` package's files.
"""

from __future__ import annotations

import inspect
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from artdesk import __version__
from artdesk.api.auth import Authenticator
from artdesk.api.errors import ApiError, formatters, install_error_handlers
from artdesk.api.fastpath import ArtworkFastPath
from artdesk.api.idempotency import Idempotency
from artdesk.api.ratelimit import RateLimiter
from artdesk.api.routes import artland, artsy
from artdesk.services.api_support import ArtworkPages, ArtworkReader, IdempotencyStore
from artdesk.services.container import Services

MAX_BODY_BYTES = 1024 * 1024
OPENAPI_URL = "/v1/openapi.json"
DOCS_URL = "/docs"
DOCS_ASSETS = "/docs/assets"


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, whether sized or chunked."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        length = headers.get(b"content-length")
        if length is not None:
            try:
                size = int(length)
            except ValueError:
                await self._refuse(scope, receive, send, ApiError(400, "Invalid Content-Length"))
                return
            if size > self.limit:
                await self._refuse(scope, receive, send, self._too_large())
                return
            await self.app(scope, receive, send)
            return
        if b"transfer-encoding" not in headers:
            await self.app(scope, receive, send)
            return
        # A chunked body: read it whole (up to the limit), then hand it on.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message], receive), send)
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                await self._refuse(scope, receive, send, self._too_large())
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay([whole], receive), send)

    def _too_large(self) -> ApiError:
        return ApiError(413, f"The request body is larger than {self.limit // 1024} KiB")

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, err: ApiError) -> None:
        request = Request(scope, receive)
        response = formatters(scope["app"]).render(request, err)
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, without FastAPI's 422 answers (validation errors are 400 here)."""
    if app.openapi_schema:
        return app.openapi_schema
    doc = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    for item in doc.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict):
                operation.get("responses", {}).pop("422", None)
    schemas = doc.get("components", {}).get("schemas", {})
    text = str(doc.get("paths"))
    for name in ("HTTPValidationError", "ValidationError"):
        if name in schemas and f"#/components/schemas/{name}" not in text:
            del schemas[name]
    app.openapi_schema = doc
    return doc


# FastAPI versions with native OpenTelemetry look up the providers on every request; a desk's
# catalog server exports no telemetry, so it is switched off (about a tenth of a single-artwork
# read's CPU time). Older FastAPI versions have no such option and no such cost.
_NO_TELEMETRY: dict[str, Any] = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    if "telemetry" in inspect.signature(FastAPI).parameters
    else {}
)


def create_app(
    services: Services,
    *,
    limiter: RateLimiter | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """Build the API over ``services``: the Artland-style ``/v1`` routes and offline docs.

    - ``limiter``: the per-key request counter (a fresh ``RateLimiter`` by default; tests pass
      one with a fake clock).
    - ``max_body_bytes``: larger request bodies are refused with 413 (default 1 MiB).

    Adding another API family (the HAL ``/api`` routes) takes two calls on the returned app::

        app.include_router(hal_router, prefix="/api")
        register_error_formatter(app, "/api", hal_error_response)   # artdesk.api.errors

    ``register_error_formatter(app, prefix, formatter)`` makes every error under ``prefix``
    (validation errors, 401/403/404/409/412/413/429, unknown routes and the catch-all 500)
    render with ``formatter(request, ApiError) -> Response`` instead of Artland's
    ``{error, message}``; the longest registered prefix wins. Routes raise ``ApiError`` or a
    domain error (``artdesk.core.errors``), never ``HTTPException``. The shared
    ``Authenticator`` (bearer keys, scopes, rate limits) is ``app.state.authenticator``, the
    idempotency helper ``app.state.api.idempotency``. Routers included without
    ``include_in_schema=False`` appear in the same OpenAPI document at ``/v1/openapi.json``.
    """
    app = FastAPI(
        title="artdesk API",
        version=__version__,
        description=(
            "The artdesk catalog, reachable as the Artland v1 API describes it. Every request "
            "carries `Authorization: Bearer ak_live_...` (a key made with `artdesk keys "
            "create`); every read and write is bound to the key's entity."
        ),
        openapi_url=OPENAPI_URL,
        docs_url=None,
        redoc_url=None,
        **_NO_TELEMETRY,
    )
    install_error_handlers(app)
    authenticator = Authenticator(services.keys, limiter)
    app.state.authenticator = authenticator
    reader = ArtworkReader(services.catalog)
    services.on_close(reader.close)
    app.state.api = artland.ApiContext(
        services=services,
        pages=ArtworkPages(services.catalog),
        reader=reader,
        authenticator=authenticator,
        idempotency=Idempotency(IdempotencyStore(services.db)),
    )
    # Innermost first: the fast path sees only requests the body limit let through.
    app.add_middleware(ArtworkFastPath, reader=reader, authenticator=authenticator)
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.include_router(artland.router)
    artsy.install(app, services)  # the Artsy-style HAL API under /api, errors {type, message}
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    _install_docs(app)
    return app


def _install_docs(app: FastAPI) -> None:
    from swagger_ui_bundle import swagger_ui_path

    app.mount(DOCS_ASSETS, StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get(DOCS_URL, include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=OPENAPI_URL,
            title="artdesk API",
            swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_ASSETS}/favicon-32x32.png",
        )

    @app.get("/", include_in_schema=False)
    def root() -> Response:
        return RedirectResponse(DOCS_URL)
