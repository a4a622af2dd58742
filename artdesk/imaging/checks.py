"""Image checks: is this file an image we accept, how big is it, what is its content hash.

Limits (documented, and parameters of every call so callers and tests can lower them):

- ``DEFAULT_MAX_BYTES``: files over 50 MiB are refused before they are opened.
- ``DEFAULT_MAX_PIXELS``: images over 64 megapixels (e.g. 8000 x 8000) are refused from their
  header, before a single pixel is decoded, so a decompression bomb costs no memory.
- Pillow's own bomb guard (``Image.MAX_IMAGE_PIXELS``) stays in force underneath: within these
  calls its ``DecompressionBombWarning`` is raised as an error and its ``DecompressionBombError``
  is caught, both refused as "too large". The global is never changed here.
- Every accepted image is decoded once in full, so a truncated or corrupt file is refused
  (``ImageFile.LOAD_TRUNCATED_IMAGES`` is left at False).
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from artdesk.core.errors import ValidationError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PIXELS = 64_000_000

# Pillow format name -> the file extension an accepted image is stored under.
ACCEPTED_FORMATS: dict[str, str] = {
    "JPEG": "jpg",
    "PNG": "png",
    "WEBP": "webp",
    "GIF": "gif",
    "TIFF": "tif",
    "BMP": "bmp",
}
# EXIF orientations that swap width and height (rotations by 90 or 270 degrees).
_TRANSPOSED_ORIENTATIONS = frozenset({5, 6, 7, 8})
_EXIF_ORIENTATION = 0x0112


@dataclass(frozen=True, slots=True)
class ImageFacts:
    """What the catalog records about an accepted image.

    ``width`` and ``height`` are as displayed (after the EXIF orientation is applied);
    ``content_hash`` is the sha256 hex digest of the file's bytes.
    """

    width: int
    height: int
    format: str
    content_hash: str

    @property
    def extension(self) -> str:
        return ACCEPTED_FORMATS[self.format]


@contextmanager
def bomb_guard(name: str, max_pixels: int = DEFAULT_MAX_PIXELS) -> Iterator[None]:
    """Turn Pillow's decompression-bomb warning and error into a ValidationError."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            raise ValidationError(
                f"{name} is too large an image (over {max_pixels:,} pixels): {exc}",
                field="image",
            ) from exc


def check_file_size(name: str, size: int, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    if size > max_bytes:
        raise ValidationError(
            f"{name} is too large ({size:,} bytes; the limit is {max_bytes:,})", field="image"
        )
    if size == 0:
        raise ValidationError(f"{name} is empty", field="image")


def oriented_size(im: Image.Image) -> tuple[int, int]:
    """The size the image shows at once its EXIF orientation is applied."""
    try:
        orientation = im.getexif().get(_EXIF_ORIENTATION)
    except Exception:  # noqa: BLE001 - a broken EXIF block: show the pixels as stored
        orientation = None
    w, h = im.size
    return (h, w) if orientation in _TRANSPOSED_ORIENTATIONS else (w, h)


def inspect_bytes(
    data: bytes,
    name: str = "the file",
    *,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ImageFacts:
    """Check image bytes (see the module limits); ValidationError says why one is refused."""
    check_file_size(name, len(data), max_bytes)
    with bomb_guard(name, max_pixels):
        try:
            with Image.open(io.BytesIO(data)) as im:
                fmt = im.format or ""
                if fmt not in ACCEPTED_FORMATS:
                    raise ValidationError(
                        f"{name} is a {fmt or 'unknown'} image; accepted: "
                        f"{', '.join(sorted(ACCEPTED_FORMATS))}",
                        field="image",
                    )
                w, h = im.size
                if w <= 0 or h <= 0:
                    raise ValidationError(f"{name} has no pixels", field="image")
                if w * h > max_pixels:
                    raise ValidationError(
                        f"{name} is too large an image ({w} x {h} = {w * h:,} pixels; "
                        f"the limit is {max_pixels:,})",
                        field="image",
                    )
                width, height = oriented_size(im)
                im.load()
        except UnidentifiedImageError as exc:
            raise ValidationError(f"{name} is not an image", field="image") from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise ValidationError(
                f"{name} is a broken or truncated image ({exc})", field="image"
            ) from exc
    return ImageFacts(width, height, fmt, hashlib.sha256(data).hexdigest())


def read_image_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of an image file, refusing missing, unreadable or oversized files first."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise ValidationError(f"{path.name}: no such file", field="image") from exc
    except OSError as exc:
        raise ValidationError(f"{path.name} cannot be read: {exc.strerror}", field="image") from exc
    if not path.is_file():
        raise ValidationError(f"{path.name} is not a file", field="image")
    check_file_size(path.name, size, max_bytes)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"{path.name} cannot be read: {exc.strerror}", field="image") from exc


def inspect_image(
    path: Path | str,
    *,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ImageFacts:
    """Check an image file and return its facts; ValidationError says why one is refused."""
    path = Path(path)
    data = read_image_file(path, max_bytes)
    return inspect_bytes(data, path.name, max_pixels=max_pixels, max_bytes=max_bytes)
