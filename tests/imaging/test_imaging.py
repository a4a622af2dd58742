"""artdesk.imaging on real files made with Pillow in tmp_path."""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

import pytest
from PIL import Image

from artdesk.core.errors import ValidationError
from artdesk.imaging import (
    SAME_IMAGE_DISTANCE,
    hamming,
    image_hash,
    inspect_image,
    make_thumbnail,
)
from artdesk.imaging.compose import STYLES, render_composition

PALETTE = [(196, 64, 42), (38, 70, 140), (232, 214, 170), (24, 24, 24)]


def picture(
    seed: int = 1, size: tuple[int, int] = (640, 480), style: str = "geometric"
) -> Image.Image:
    return render_composition(seed, PALETTE, size, style)


def save(im: Image.Image, path: Path, fmt: str | None = None, **options) -> Path:  # noqa: ANN003
    im.save(path, fmt, **options)
    return path


def test_jpeg_facts_and_hash_of_bytes(tmp_path: Path) -> None:
    path = save(picture(), tmp_path / "a.jpg", quality=90)
    facts = inspect_image(path)
    assert (facts.width, facts.height, facts.format) == (640, 480, "JPEG")
    assert facts.extension == "jpg"
    assert facts.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_png_with_alpha_is_accepted_and_thumbnailed_to_rgb_on_white(tmp_path: Path) -> None:
    im = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    im.paste((10, 200, 10, 255), (100, 50, 200, 150))
    path = save(im, tmp_path / "alpha.png")
    facts = inspect_image(path)
    assert (facts.width, facts.height, facts.format) == (300, 200, "PNG")
    thumb = tmp_path / "t" / "alpha.jpg"
    assert make_thumbnail(path, thumb, 150) == (150, 100)
    with Image.open(thumb) as t:
        assert t.mode == "RGB" and t.size == (150, 100)
        corner = t.getpixel((2, 2))
        centre = t.getpixel((75, 50))
    assert min(corner) > 240  # transparent became white
    assert centre[1] > 150 and centre[0] < 80


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path) -> None:
    path = save(picture().convert("CMYK"), tmp_path / "cmyk.jpg", "JPEG")
    with Image.open(path) as check:
        assert check.mode == "CMYK"
    assert inspect_image(path).format == "JPEG"
    out = tmp_path / "cmyk-thumb.webp"
    assert make_thumbnail(path, out, 100) == (100, 75)
    with Image.open(out) as t:
        assert t.mode == "RGB" and t.format == "WEBP"


def test_palette_image_with_transparency(tmp_path: Path) -> None:
    path = save(
        picture().convert("P", palette=Image.Palette.ADAPTIVE), tmp_path / "pal.png", transparency=0
    )
    make_thumbnail(path, tmp_path / "pal-thumb.png", 64)
    with Image.open(tmp_path / "pal-thumb.png") as t:
        assert t.mode == "RGB" and max(t.size) == 64


def test_exif_rotation_is_applied(tmp_path: Path) -> None:
    im = Image.new("RGB", (400, 200), (255, 255, 255))
    im.paste((255, 0, 0), (0, 0, 100, 200))  # red on the left as stored
    exif = Image.Exif()
    exif[0x0112] = 6  # display rotated 90 degrees clockwise
    path = save(im, tmp_path / "rotated.jpg", "JPEG", exif=exif, quality=95)
    facts = inspect_image(path)
    assert (facts.width, facts.height) == (200, 400)  # as displayed
    thumb = tmp_path / "rotated-thumb.jpg"
    assert make_thumbnail(path, thumb, 100) == (50, 100)
    with Image.open(thumb) as t:
        top = t.getpixel((25, 5))
        bottom = t.getpixel((25, 95))
    assert top[0] > 200 and top[1] < 80  # the stored left edge is on top after rotation
    assert min(bottom) > 200


def test_truncated_image_is_refused(tmp_path: Path) -> None:
    good = save(picture(style="gestural"), tmp_path / "good.jpg", quality=92)
    data = good.read_bytes()
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValidationError, match="broken or truncated") as err:
        inspect_image(broken)
    assert err.value.field == "image"
    with pytest.raises(ValidationError):
        make_thumbnail(broken, tmp_path / "x.jpg", 64)
    assert not (tmp_path / "x.jpg").exists()


def test_text_file_named_jpg_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "notes.jpg"
    fake.write_text("this is a shopping list, not a picture\n")
    with pytest.raises(ValidationError, match="notes.jpg is not an image"):
        inspect_image(fake)
    with pytest.raises(ValidationError, match="is empty"):
        (tmp_path / "empty.png").write_bytes(b"")
        inspect_image(tmp_path / "empty.png")
    with pytest.raises(ValidationError, match="no such file"):
        inspect_image(tmp_path / "missing.png")


def test_oversized_image_is_refused_from_its_header(tmp_path: Path) -> None:
    path = save(Image.new("RGB", (1200, 1000), (5, 5, 5)), tmp_path / "big.png")
    with pytest.raises(ValidationError, match="too large an image"):
        inspect_image(path, max_pixels=1_000_000)
    with pytest.raises(ValidationError, match="too large"):
        make_thumbnail(path, tmp_path / "big-thumb.jpg", 64, max_pixels=1_000_000)
    assert inspect_image(path, max_pixels=1_200_000).width == 1200


def test_file_size_limit(tmp_path: Path) -> None:
    path = save(picture(), tmp_path / "a.png")
    with pytest.raises(ValidationError, match="too large .* bytes"):
        inspect_image(path, max_bytes=1000)


def test_pillow_decompression_bomb_guard_is_refused_not_warned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = save(Image.new("L", (300, 300)), tmp_path / "bomb.png")
    # Pillow's own guard warns above MAX_IMAGE_PIXELS and raises above twice that.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 60_000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValidationError, match="too large"):
            inspect_image(path)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 20_000)
    with pytest.raises(ValidationError, match="too large"):
        inspect_image(path)


def test_unsupported_format_is_refused(tmp_path: Path) -> None:
    path = save(picture(size=(64, 48)), tmp_path / "a.ppm", "PPM")
    with pytest.raises(ValidationError, match="PPM image; accepted"):
        inspect_image(path)


@pytest.mark.parametrize("style", STYLES)
def test_hash_of_resized_and_recompressed_copies_is_close(tmp_path: Path, style: str) -> None:
    original = picture(seed=7, size=(800, 600), style=style)
    a = save(original, tmp_path / "a.png")
    b = save(original.resize((400, 300), Image.Resampling.LANCZOS), tmp_path / "b.jpg", quality=60)
    c = save(
        original.resize((1000, 750), Image.Resampling.BICUBIC), tmp_path / "c.webp", quality=80
    )
    ha, hb, hc = image_hash(a), image_hash(b), image_hash(c)
    assert len(ha) == 16 and int(ha, 16) >= 0
    assert hamming(ha, hb) <= SAME_IMAGE_DISTANCE
    assert hamming(ha, hc) <= SAME_IMAGE_DISTANCE


def test_hash_of_different_pictures_is_far(tmp_path: Path) -> None:
    hashes = [
        image_hash(save(picture(seed=s, style=st), tmp_path / f"{s}-{st}.png"))
        for s, st in [(1, "geometric"), (2, "landscape"), (3, "gestural"), (4, "grid")]
    ]
    for i in range(len(hashes)):
        for j in range(i + 1, len(hashes)):
            assert hamming(hashes[i], hashes[j]) > SAME_IMAGE_DISTANCE


def test_hash_follows_exif_orientation(tmp_path: Path) -> None:
    upright = picture(seed=3, size=(300, 400), style="landscape")
    exif = Image.Exif()
    exif[0x0112] = 6
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what a camera stores for orientation 6
    a = save(upright, tmp_path / "upright.jpg", quality=95)
    b = save(stored, tmp_path / "stored.jpg", "JPEG", exif=exif, quality=95)
    assert hamming(image_hash(a), image_hash(b)) <= 4


def test_hamming() -> None:
    assert hamming("0000000000000000", "0000000000000000") == 0
    assert hamming("0000000000000000", "ffffffffffffffff") == 64
    assert hamming("00000000000000ff", "0000000000000001") == 7


@pytest.mark.parametrize("size", [32, 128, 256])
def test_thumbnail_sizes_keep_aspect_and_never_enlarge(tmp_path: Path, size: int) -> None:
    src = save(picture(size=(600, 200)), tmp_path / "wide.jpg")
    w, h = make_thumbnail(src, tmp_path / f"{size}.jpg", size)
    assert w == size and abs(h - size / 3) <= 1
    small = save(picture(size=(20, 30)), tmp_path / "small.png")
    assert make_thumbnail(small, tmp_path / f"small-{size}.png", size) == (20, 30)


def test_thumbnail_arguments_are_checked(tmp_path: Path) -> None:
    src = save(picture(size=(60, 40)), tmp_path / "a.png")
    with pytest.raises(ValidationError, match="thumbnail size"):
        make_thumbnail(src, tmp_path / "t.jpg", 2)
    with pytest.raises(ValidationError, match="written as"):
        make_thumbnail(src, tmp_path / "t.gif", 32)


def test_compositions_are_deterministic() -> None:
    for style in STYLES:
        a = render_composition(11, PALETTE, (120, 90), style)
        b = render_composition(11, PALETTE, (120, 90), style)
        assert a.tobytes() == b.tobytes()
        assert a.size == (120, 90) and a.mode == "RGB"
    assert (
        render_composition(1, PALETTE, (120, 90)).tobytes()
        != render_composition(2, PALETTE, (120, 90)).tobytes()
    )
