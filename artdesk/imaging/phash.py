"""A 64-bit perceptual hash (difference hash) for spotting the same picture at other sizes.

``image_hash`` shrinks the oriented greyscale image to 9 x 8 pixels and sets one bit per pair of
horizontally adjacent pixels (left brighter than right). Resizing, recompressing (JPEG quality)
or re-encoding an image changes few bits; ``hamming`` counts them. Two copies of one image
normally differ by 0-6 bits; unrelated images by about 32. ``SAME_IMAGE_DISTANCE`` is the
threshold the duplicate finder uses.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from artdesk.imaging.checks import DEFAULT_MAX_PIXELS
from artdesk.imaging.thumbnails import load_oriented

HASH_BITS = 64
SAME_IMAGE_DISTANCE = 10
_W, _H = 9, 8


def hash_of(im: Image.Image) -> str:
    """The difference hash of a decoded image, 16 hex digits."""
    # A box filter straight to 9 x 8: each cell is the exact mean of its area, whatever the size.
    small = im.convert("L").resize((_W, _H), Image.Resampling.BOX)
    px = small.tobytes()
    bits = 0
    for y in range(_H):
        row = px[y * _W : (y + 1) * _W]
        for x in range(_W - 1):
            bits = (bits << 1) | (1 if row[x] > row[x + 1] else 0)
    return f"{bits:016x}"


def image_hash(path: Path | str, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> str:
    """The difference hash of an image file (EXIF orientation applied), 16 hex digits."""
    return hash_of(load_oriented(Path(path), draft_size=64, max_pixels=max_pixels))


def hamming(a: str, b: str) -> int:
    """How many of the 64 bits differ between two hashes."""
    return (int(a, 16) ^ int(b, 16)).bit_count()
