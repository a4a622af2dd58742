"""Artwork images: checked by ``artdesk.imaging``, stored by content, recorded in the catalog.

Files live under the catalog's folder (``files_dir``):

- ``images/<hash[:2]>/<hash>.<ext>``: the originals, content-addressed (sha256 of the bytes), so
  the same file added twice (to one work or to several) is stored once;
- ``thumbs/<size>/<hash[:2]>/<hash>.jpg``: thumbnails, made on first request and then cached.

A refused image (not an image, broken, too large) raises ValidationError and leaves both the
catalog and the folder as they were.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sqlalchemy import func, select

from artdesk.core.errors import ValidationError
from artdesk.core.models import ImageInfo
from artdesk.db.models import ImageRow
from artdesk.imaging import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PIXELS,
    ImageFacts,
    image_hash,
    inspect_bytes,
    make_thumbnail,
)
from artdesk.imaging.checks import read_image_file
from artdesk.imaging.thumbnails import MAX_THUMBNAIL, MIN_THUMBNAIL
from artdesk.services.catalog import CatalogService

IMAGES_DIR = "images"
THUMBS_DIR = "thumbs"


@dataclass(frozen=True, slots=True)
class StoredImage:
    """An image file in the content-addressed store (``path`` is relative to files_dir)."""

    path: str
    facts: ImageFacts
    created: bool  # False when the store held these bytes already


def stored_path_for(facts: ImageFacts) -> str:
    h = facts.content_hash
    return str(PurePosixPath(IMAGES_DIR, h[:2], f"{h}.{facts.extension}"))


def _write_atomically(dest: Path, data: bytes) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def store_image_bytes(
    files_dir: Path,
    data: bytes,
    name: str = "the image",
    *,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> StoredImage:
    """Check image bytes and put them into the store (no catalog access; safe in a worker)."""
    facts = inspect_bytes(data, name, max_pixels=max_pixels, max_bytes=max_bytes)
    rel = stored_path_for(facts)
    dest = Path(files_dir) / rel
    if dest.is_file() and dest.stat().st_size == len(data):
        return StoredImage(rel, facts, created=False)
    _write_atomically(dest, data)
    return StoredImage(rel, facts, created=True)


class ImageService:
    def __init__(
        self,
        catalog: CatalogService,
        files_dir: Path,
        *,
        max_pixels: int = DEFAULT_MAX_PIXELS,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.catalog = catalog
        self.files_dir = Path(files_dir)
        self.max_pixels = max_pixels
        self.max_bytes = max_bytes

    # ------------------------------------------------------------------ adding and removing
    def add_image(
        self,
        artwork_id: int,
        source_path: Path | str,
        *,
        source: str,
        make_default: bool | None = None,
    ) -> ImageInfo:
        """Check an image file, store it (once per content) and attach it to the artwork.

        The first image of a work becomes its default unless ``make_default`` says otherwise.
        """
        path = Path(source_path)
        data = read_image_file(path, self.max_bytes)
        return self._add(artwork_id, data, path.name, source, make_default)

    def add_image_bytes(
        self,
        artwork_id: int,
        data: bytes,
        filename: str,
        source: str,
        *,
        make_default: bool | None = None,
    ) -> ImageInfo:
        """The same as ``add_image`` for pasted or dropped bytes (``filename`` names it in errors)."""
        return self._add(
            artwork_id, bytes(data), filename or "the pasted image", source, make_default
        )

    def _add(
        self, artwork_id: int, data: bytes, name: str, source: str, make_default: bool | None
    ) -> ImageInfo:
        self.catalog.get_artwork(artwork_id)  # NotFoundError before anything is stored
        stored = store_image_bytes(
            self.files_dir, data, name, max_pixels=self.max_pixels, max_bytes=self.max_bytes
        )
        try:
            info = self.catalog.add_image_record(
                artwork_id,
                path=stored.path,
                content_hash=stored.facts.content_hash,
                width=stored.facts.width,
                height=stored.facts.height,
                source=source,
                make_default=make_default,
            )
        except BaseException:
            if stored.created and self._references(stored.path) == 0:
                (self.files_dir / stored.path).unlink(missing_ok=True)
            raise
        # A concurrent remove of the last other record may have deleted the shared file
        # between storing and recording: the record must never point at nothing.
        target = self.files_dir / stored.path
        if not target.is_file():
            _write_atomically(target, data)
        return info

    def remove_image(self, image_id: int, source: str) -> ImageInfo:
        """Detach an image; its file and thumbnails go once no image record uses them."""
        removed = self.catalog.remove_image(image_id, source=source)
        if self._references(removed.path) == 0:
            self._delete_files(removed)
        return removed

    def _references(self, rel_path: str) -> int:
        with self.catalog.db.read() as s:
            return int(
                s.scalar(
                    select(func.count()).select_from(ImageRow).where(ImageRow.path == rel_path)
                )
                or 0
            )

    def _delete_files(self, image: ImageInfo) -> None:
        try:
            self.absolute_path(image).unlink(missing_ok=True)
        except ValidationError:
            return
        thumbs = self.files_dir / THUMBS_DIR
        if thumbs.is_dir():
            for size_dir in thumbs.iterdir():
                (size_dir / image.content_hash[:2] / f"{image.content_hash}.jpg").unlink(
                    missing_ok=True
                )

    # ------------------------------------------------------------------ files
    def absolute_path(self, image: ImageInfo) -> Path:
        """Where the image's file is; a recorded path that leaves the catalog folder is refused."""
        root = self.files_dir.resolve()
        path = (root / image.path).resolve()
        if not path.is_relative_to(root):
            raise ValidationError(f"image path {image.path!r} is outside the catalog folder")
        return path

    def thumbnail_path(self, image: ImageInfo, size: int) -> Path:
        """A JPEG thumbnail that fits in ``size`` x ``size``, made on first request, then cached."""
        size = int(size)
        if not MIN_THUMBNAIL <= size <= MAX_THUMBNAIL:
            raise ValidationError(
                f"thumbnail size must be from {MIN_THUMBNAIL} to {MAX_THUMBNAIL} pixels",
                field="size",
            )
        h = image.content_hash
        if not h or not all(c in "0123456789abcdef" for c in h):
            raise ValidationError(f"image {image.id} has no valid content hash")
        dest = self.files_dir / THUMBS_DIR / str(size) / h[:2] / f"{h}.jpg"
        if not dest.is_file():
            make_thumbnail(self.absolute_path(image), dest, size, max_pixels=self.max_pixels)
        return dest

    def perceptual_hash(self, image: ImageInfo) -> str:
        """The image's 64-bit difference hash (hex), for the duplicate finder."""
        return image_hash(self.absolute_path(image), max_pixels=self.max_pixels)
