"""Pillow only: image checks, thumbnails and a perceptual hash (no Qt, no database)."""

from artdesk.imaging.checks import (
    ACCEPTED_FORMATS,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PIXELS,
    ImageFacts,
    inspect_bytes,
    inspect_image,
)
from artdesk.imaging.phash import SAME_IMAGE_DISTANCE, hamming, hash_of, image_hash
from artdesk.imaging.thumbnails import make_thumbnail

__all__ = [
    "ACCEPTED_FORMATS",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PIXELS",
    "SAME_IMAGE_DISTANCE",
    "ImageFacts",
    "hamming",
    "hash_of",
    "image_hash",
    "inspect_bytes",
    "inspect_image",
    "make_thumbnail",
]
