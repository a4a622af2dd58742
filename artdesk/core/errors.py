"""Domain errors, shared by every layer. Each maps to one clear message for a user."""

from __future__ import annotations


class ArtdeskError(Exception):
    """Base class: a failure with a message fit to show a registrar or a client."""

    code = "error"

    def __init__(self, message: str, **detail: object) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class ValidationError(ArtdeskError):
    code = "bad_request"

    def __init__(self, message: str, field: str | None = None, **detail: object) -> None:
        super().__init__(message, **detail)
        self.field = field


class NotFoundError(ArtdeskError):
    code = "not_found"


class ConflictError(ArtdeskError):
    """A write that would merge or overwrite something it must not (duplicate, stale version)."""

    code = "conflict"


class StaleVersionError(ConflictError):
    """An edit made against a version that someone else changed since."""

    code = "precondition_failed"


class ImportFileError(ArtdeskError):
    """The file as a whole cannot be read (not CSV/JSON, truncated gzip, unknown encoding)."""

    code = "bad_file"


class CatalogError(ArtdeskError):
    """The catalog cannot be opened, upgraded or written."""

    code = "catalog_error"
