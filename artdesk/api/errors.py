"""API errors: one exception type, Artland's ``{error, message}`` body, and per-prefix formatters.

Every failure a client can see goes through ``ApiError``. Domain errors from the services
(``artdesk.core.errors``) and FastAPI's own validation and routing errors are translated to it;
anything else becomes a bare 500 ``internal_error`` (the traceback goes to the server log only).

How an ``ApiError`` is rendered depends on the request path: the longest registered prefix wins
(see ``ErrorFormatters``); ``/v1`` and everything unregistered use Artland's shape.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from artdesk.core.errors import (
    ArtdeskError,
    ConflictError,
    NotFoundError,
    StaleVersionError,
    ValidationError,
)

log = logging.getLogger("artdesk.api")

# Artland's codes by status (and artdesk's additions: 405, 412, 413, 415).
CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """A failure to answer with ``status`` and an ``{error, message}`` body."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message, **self.extra}


def unauthorized(message: str = "Invalid or missing API key") -> ApiError:
    return ApiError(401, message, headers={"WWW-Authenticate": "Bearer"})


def forbidden_scope(scope: str) -> ApiError:
    return ApiError(403, f"Insufficient scope: {scope} required", extra={"required_scope": scope})


def not_found(what: str = "Resource") -> ApiError:
    return ApiError(404, f"{what} not found")


def from_domain(exc: ArtdeskError) -> ApiError:
    """Translate a service error (validation, not found, conflict, stale version)."""
    if isinstance(exc, StaleVersionError):
        extra = {}
        if "current_version" in exc.detail:
            extra["current_version"] = exc.detail["current_version"]
        return ApiError(412, exc.message, extra=extra)
    if isinstance(exc, ConflictError):
        candidates = exc.detail.get("candidates")
        extra = {"candidates": list(candidates)} if candidates else {}
        return ApiError(409, exc.message, extra=extra)
    if isinstance(exc, NotFoundError):
        return ApiError(404, exc.message)
    if isinstance(exc, ValidationError):
        extra = {"field": exc.field} if exc.field else {}
        return ApiError(400, exc.message, extra=extra)
    # Any other domain failure (catalog cannot be written, a bad file) is the server's problem;
    # its message is written for people, so it may be shown.
    log.warning("service error: %s", exc.message)
    return ApiError(503 if exc.code == "catalog_error" else 400, exc.message)


def _where(loc: Iterable[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts)


def from_validation(exc: RequestValidationError) -> ApiError:
    """FastAPI's 422 becomes Artland's 400 ``bad_request`` with one readable message."""
    errors = exc.errors()
    if not errors:
        return ApiError(400, "The request is not valid")
    first = errors[0]
    kind = first.get("type", "")
    where = _where(first.get("loc", ()))
    if kind == "missing":
        message = f"Missing required field: {where}" if where else "Missing request body"
    elif kind == "json_invalid":
        message = "The request body is not valid JSON"
    elif kind == "extra_forbidden":
        message = f"Unknown field: {where}"
    elif kind in ("model_attributes_type", "dict_type") and not where:
        message = "The request body must be a JSON object"
    else:
        text = str(first.get("msg", "is not valid"))
        message = f"{where}: {text}" if where else text
    if kind == "json_invalid":
        return ApiError(400, message)
    more = len(errors) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    extra = {"field": where} if where else {}
    return ApiError(400, message, extra=extra)


def from_http(exc: StarletteHTTPException) -> ApiError:
    status = exc.status_code
    if status == 404:
        return ApiError(404, "Not found")
    if status == 405:
        return ApiError(405, "Method not allowed", headers=dict(exc.headers or {}))
    detail = exc.detail if isinstance(exc.detail, str) else CODES.get(status, "error")
    return ApiError(status, detail, headers=dict(exc.headers or {}))


ErrorFormatter = Callable[[Request, ApiError], Response]


def artland_response(_request: Request, err: ApiError) -> Response:
    """Artland's error body ``{"error": CODE, "message": TEXT, ...}``."""
    return JSONResponse(err.body(), status_code=err.status, headers=err.headers)


class ErrorFormatters:
    """Which formatter renders errors for which path prefix (longest prefix wins).

    Thread-safe; ``artland_response`` is the default for every path not registered.
    """

    def __init__(self, default: ErrorFormatter = artland_response) -> None:
        self._default = default
        self._by_prefix: dict[str, ErrorFormatter] = {}
        self._lock = threading.Lock()

    def register(self, prefix: str, formatter: ErrorFormatter) -> None:
        if not prefix.startswith("/"):
            raise ValueError("a path prefix starts with '/'")
        with self._lock:
            self._by_prefix[prefix.rstrip("/") or "/"] = formatter

    def for_path(self, path: str) -> ErrorFormatter:
        with self._lock:
            best, best_len = self._default, -1
            for prefix, formatter in self._by_prefix.items():
                if (path == prefix or path.startswith(prefix + "/") or prefix == "/") and len(
                    prefix
                ) > best_len:
                    best, best_len = formatter, len(prefix)
            return best

    def render(self, request: Request, err: ApiError) -> Response:
        return self.for_path(request.url.path)(request, err)


def formatters(app: FastAPI) -> ErrorFormatters:
    return app.state.error_formatters


def register_error_formatter(app: FastAPI, prefix: str, formatter: ErrorFormatter) -> None:
    """Render errors under ``prefix`` (e.g. ``"/api"``) with ``formatter(request, ApiError)``."""
    formatters(app).register(prefix, formatter)


def install_error_handlers(app: FastAPI) -> None:
    app.state.error_formatters = ErrorFormatters()

    def render(request: Request, err: ApiError) -> Response:
        return formatters(request.app).render(request, err)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return render(request, exc)

    @app.exception_handler(ArtdeskError)
    async def _domain_error(request: Request, exc: ArtdeskError) -> Response:
        return render(request, from_domain(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        return render(request, from_validation(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return render(request, from_http(exc))

    @app.exception_handler(DataError)
    async def _data_error(request: Request, exc: DataError) -> Response:
        # The database refused a value (an id beyond its integer range, text longer than a
        # column): the request was bad, and the SQL stays in the log.
        log.info(
            "value refused by the database on %s %s: %s", request.method, request.url.path, exc.orig
        )
        return render(request, ApiError(400, "A value is out of range or too long"))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return render(request, ApiError(500, "An unexpected error occurred"))
