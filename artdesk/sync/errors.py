"""Errors of remote calls, as domain errors with one clear message each."""

from __future__ import annotations

from artdesk.core.errors import ArtdeskError


class RemoteError(ArtdeskError):
    """The remote answered with an error for this request (4xx other than the ones below)."""

    code = "remote_error"

    def __init__(self, message: str, *, status: int | None = None, **detail: object) -> None:
        super().__init__(message, status=status, **detail)
        self.status = status


class RemoteUnavailable(RemoteError):
    """The remote could not be reached or kept failing (timeouts, 5xx, 429) after retries."""

    code = "remote_unavailable"


class RemoteAuthError(RemoteError):
    """401/403: the key is wrong, revoked, or lacks a scope. Retrying does not help."""

    code = "remote_auth"


class RemoteNotFound(RemoteError):
    code = "remote_not_found"


class RemoteConflict(RemoteError):
    """409: several remote works share the fingerprint (``candidates``), or a key was reused."""

    code = "remote_conflict"

    def __init__(
        self, message: str, *, candidates: list[str] | None = None, status: int = 409
    ) -> None:
        super().__init__(message, status=status, candidates=candidates or [])
        self.candidates = candidates or []


class RemotePreconditionFailed(RemoteError):
    """412: the remote work changed since the ETag this desk holds."""

    code = "remote_precondition_failed"


class RemoteUnsupported(RemoteError):
    """The remote does not offer this endpoint (404/405 on a whole route, e.g. no changelog)."""

    code = "remote_unsupported"
