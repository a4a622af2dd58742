"""Thumbnails: JPEG, PNG, WebP (and the other accepted formats) in; an RGB image out.

The aspect ratio is kept (the result fits in a ``size`` x ``size`` box and is never enlarged),
the EXIF orientation is applied, CMYK, palette, greyscale and alpha images become RGB (alpha is
flattened onto white). The result is written atomically (a temporary file, then a rename), so a
reader never sees half a thumbnail.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

from artdesk.core.errors import ValidationError
from artdesk.imaging.checks import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PIXELS,
    bomb_guard,
    read_image_file,
)

MIN_THUMBNAIL = 16
MAX_THUMBNAIL = 4096
BACKGROUND = (255, 255, 255)
_SAVE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


def to_rgb(im: Image.Image) -> Image.Image:
    """An RGB copy of any mode: alpha (also a palette's transparency) goes onto white."""
    if im.mode == "RGB":
        return im
    if im.mode == "P" and "transparency" in im.info:
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "LA", "PA") or im.mode.endswith("A"):
        rgba = im.convert("RGBA")
        out = Image.new("RGB", rgba.size, BACKGROUND)
        out.paste(rgba, mask=rgba.getchannel("A"))
        return out
    if im.mode.startswith("I;16"):
        im = im.convert("I")
    if im.mode == "I":
        im = im.point(lambda v: v / 256).convert("L")
    return im.convert("RGB")


def load_oriented(
    data_path: Path,
    *,
    draft_size: int | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Image.Image:
    """Decode an image file, EXIF orientation applied, as RGB (JPEGs decode reduced when asked)."""
    path = Path(data_path)
    data = read_image_file(path, max_bytes)
    with bomb_guard(path.name, max_pixels):
        try:
            with Image.open(io.BytesIO(data)) as im:
                w, h = im.size
                if w * h > max_pixels:
                    raise ValidationError(
                        f"{path.name} is too large an image ({w} x {h} pixels)", field="image"
                    )
                if draft_size and im.format == "JPEG":
                    # Let libjpeg decode at 1/2, 1/4 or 1/8 scale: much faster for thumbnails.
                    im.draft("RGB", (draft_size, draft_size))
                im.load()
                oriented = ImageOps.exif_transpose(im)
                return to_rgb(oriented)
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - any decoder failure is a refused image
            raise ValidationError(
                f"{path.name} cannot be read as an image ({exc})", field="image"
            ) from exc


def make_thumbnail(
    src: Path | str,
    dest: Path | str,
    size: int,
    *,
    quality: int = 85,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> tuple[int, int]:
    """Write a thumbnail of ``src`` that fits in ``size`` x ``size`` to ``dest``; returns its size.

    The format follows ``dest``'s suffix: .jpg/.jpeg (JPEG), .png or .webp.
    """
    dest = Path(dest)
    if not MIN_THUMBNAIL <= int(size) <= MAX_THUMBNAIL:
        raise ValidationError(
            f"thumbnail size must be from {MIN_THUMBNAIL} to {MAX_THUMBNAIL} pixels", field="size"
        )
    fmt = _SAVE_FORMATS.get(dest.suffix.lower())
    if fmt is None:
        raise ValidationError(
            f"thumbnails are written as {', '.join(sorted(_SAVE_FORMATS))}, not {dest.suffix!r}",
            field="dest",
        )
    im = load_oriented(Path(src), draft_size=size, max_pixels=max_pixels)
    im.thumbnail((size, size), Image.Resampling.LANCZOS, reducing_gap=3.0)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".thumb-", suffix=dest.suffix, dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            options = {"quality": quality, "optimize": True} if fmt in ("JPEG", "WEBP") else {}
            im.save(fh, fmt, **options)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return im.size
