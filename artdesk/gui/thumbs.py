"""Thumbnails for the views, made with Pillow off the GUI thread and handed over as QImage.

QImage (unlike QPixmap) may be built on any thread; the views turn it into a pixmap when they
paint. A file that is missing, broken or absurdly large gives ``None``, never an exception.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

# Pillow refuses images above this many pixels (a decompression bomb guard).
MAX_PIXELS = 200_000_000


def resolve(files_dir: Path | None, stored: str) -> Path:
    """An image path as the catalog stores it: absolute, or relative to the catalog's files."""
    path = Path(stored)
    if path.is_absolute() or files_dir is None:
        return path
    return files_dir / path


def load_thumbnail(path: Path, size: int) -> QImage | None:
    """A QImage at most ``size`` pixels on its longer side, or None when the file is unusable."""
    try:
        with Image.open(path) as im:
            if im.width * im.height > MAX_PIXELS:
                return None
            im.draft("RGB", (size, size))
            im.thumbnail((size, size))
            rgba = im.convert("RGBA")
            data = rgba.tobytes("raw", "RGBA")
            image = QImage(
                data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888
            )
            return image.copy()  # own the pixels: ``data`` goes away with this frame
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, ValueError) as exc:
        log.debug("no thumbnail for %s: %s", path, exc)
        return None
