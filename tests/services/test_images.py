"""ImageService on a real catalog: content-addressed storage, defaults, removal, thumbnails."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from artdesk.core.errors import NotFoundError, ValidationError
from artdesk.imaging.compose import render_composition

PALETTE = [(30, 80, 160), (220, 190, 60), (240, 240, 230)]


def jpeg(path: Path, seed: int = 1, size: tuple[int, int] = (500, 400)) -> Path:
    render_composition(seed, PALETTE, size, "geometric").save(path, "JPEG", quality=88)
    return path


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def artwork(services, partner):  # noqa: ANN001, ANN201
    return services.catalog.create_artwork(
        {"title": "Composition in Blue", "date_text": "2019"},
        partner_id=partner.id,
        source="test",
        artists=["Maria Schmidt"],
    )


def test_add_image_stores_once_per_content(services, partner, artwork, tmp_path: Path) -> None:  # noqa: ANN001
    other = services.catalog.create_artwork(
        {"title": "Second"}, partner_id=partner.id, source="test"
    )
    src = jpeg(tmp_path / "photo.jpg")
    copy = tmp_path / "copy-of-photo.jpg"
    copy.write_bytes(src.read_bytes())

    first = services.images.add_image(artwork.id, src, source="test")
    second = services.images.add_image(other.id, copy, source="test")
    assert first.content_hash == second.content_hash
    assert first.path == second.path
    assert first.path == f"images/{first.content_hash[:2]}/{first.content_hash}.jpg"
    assert (first.width, first.height) == (500, 400)
    stored = files_under(services.files_dir / "images")
    assert stored == [services.images.absolute_path(first)]
    assert stored[0].read_bytes() == src.read_bytes()
    # the catalog has both records
    assert services.catalog.get_artwork(artwork.id).images[0].id == first.id
    assert services.catalog.get_artwork(other.id).images[0].id == second.id


def test_first_image_is_default_and_make_default_moves_it(
    services, artwork, tmp_path: Path
) -> None:  # noqa: ANN001
    a = services.images.add_image(artwork.id, jpeg(tmp_path / "a.jpg", 1), source="test")
    b = services.images.add_image(artwork.id, jpeg(tmp_path / "b.jpg", 2), source="test")
    assert a.is_default and not b.is_default
    c = services.images.add_image(
        artwork.id, jpeg(tmp_path / "c.jpg", 3), source="test", make_default=True
    )
    images = {i.id: i for i in services.catalog.get_artwork(artwork.id).images}
    assert images[c.id].is_default
    assert not images[a.id].is_default and not images[b.id].is_default
    assert services.catalog.default_images([artwork.id])[artwork.id].id == c.id


def test_add_image_bytes_for_paste(services, artwork) -> None:  # noqa: ANN001
    buf = io.BytesIO()
    render_composition(5, PALETTE, (320, 240), "grid").save(buf, "PNG")
    info = services.images.add_image_bytes(artwork.id, buf.getvalue(), "clipboard.png", "gui")
    assert info.path.endswith(".png") and (info.width, info.height) == (320, 240)
    assert services.images.absolute_path(info).read_bytes() == buf.getvalue()
    with pytest.raises(ValidationError, match="clipboard.png is not an image"):
        services.images.add_image_bytes(
            artwork.id, b"<html>not a picture</html>", "clipboard.png", "gui"
        )


def test_remove_image_deletes_file_only_when_unused(
    services, partner, artwork, tmp_path: Path
) -> None:  # noqa: ANN001
    other = services.catalog.create_artwork(
        {"title": "Second"}, partner_id=partner.id, source="test"
    )
    src = jpeg(tmp_path / "a.jpg")
    one = services.images.add_image(artwork.id, src, source="test")
    two = services.images.add_image(other.id, src, source="test")
    extra = services.images.add_image(artwork.id, jpeg(tmp_path / "b.jpg", 9), source="test")
    thumb = services.images.thumbnail_path(one, 128)
    path = services.images.absolute_path(one)

    services.images.remove_image(one.id, "test")
    assert path.exists() and thumb.exists()  # still used by the other work
    remaining = services.catalog.get_artwork(artwork.id).images
    assert [i.id for i in remaining] == [extra.id] and remaining[0].is_default

    services.images.remove_image(two.id, "test")
    assert not path.exists() and not thumb.exists()
    assert services.images.absolute_path(extra).exists()
    with pytest.raises(NotFoundError):
        services.images.remove_image(two.id, "test")
    actions = [c.action for c in services.catalog.list_changes(entity_type="image")]
    assert actions.count("delete") == 2


def test_thumbnail_is_made_once_and_cached(services, artwork, tmp_path: Path) -> None:  # noqa: ANN001
    info = services.images.add_image(
        artwork.id, jpeg(tmp_path / "a.jpg", size=(900, 300)), source="test"
    )
    t = services.images.thumbnail_path(info, 150)
    assert (
        t
        == services.files_dir
        / "thumbs"
        / "150"
        / info.content_hash[:2]
        / f"{info.content_hash}.jpg"
    )
    with Image.open(t) as im:
        assert im.size == (150, 50)
    mtime = t.stat().st_mtime_ns
    assert services.images.thumbnail_path(info, 150) == t
    assert t.stat().st_mtime_ns == mtime
    t64 = services.images.thumbnail_path(info, 64)
    with Image.open(t64) as im:
        assert max(im.size) == 64
    with pytest.raises(ValidationError):
        services.images.thumbnail_path(info, 0)


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_text("plain text named like a picture"),
        lambda p: p.write_bytes(jpeg(p.with_name("ok.jpg")).read_bytes()[:3000]),
        lambda p: Image.new("RGB", (1500, 1500)).save(p, "JPEG"),
    ],
    ids=["text", "truncated", "too-many-pixels"],
)
def test_refused_images_leave_catalog_and_folder_unchanged(
    services, artwork, tmp_path: Path, make
) -> None:  # noqa: ANN001
    services.images.max_pixels = 2_000_000
    bad = tmp_path / "bad.jpg"
    make(bad)
    version = services.catalog.catalog_version()
    before = services.catalog.get_artwork(artwork.id)
    with pytest.raises(ValidationError):
        services.images.add_image(artwork.id, bad, source="test")
    after = services.catalog.get_artwork(artwork.id)
    assert after.images == () and after.version == before.version
    assert services.catalog.catalog_version() == version
    assert files_under(services.files_dir / "images") == []


def test_unknown_artwork_stores_nothing(services, tmp_path: Path) -> None:  # noqa: ANN001
    with pytest.raises(NotFoundError):
        services.images.add_image(999_999, jpeg(tmp_path / "a.jpg"), source="test")
    assert files_under(services.files_dir / "images") == []


def test_perceptual_hash_of_stored_copies(services, partner, artwork, tmp_path: Path) -> None:  # noqa: ANN001
    from artdesk.imaging import SAME_IMAGE_DISTANCE, hamming

    big = render_composition(4, PALETTE, (800, 600), "landscape")
    big.save(tmp_path / "big.jpg", quality=92)
    big.resize((400, 300)).save(tmp_path / "small.jpg", quality=55)
    a = services.images.add_image(artwork.id, tmp_path / "big.jpg", source="test")
    other = services.catalog.create_artwork({"title": "Copy"}, partner_id=partner.id, source="test")
    b = services.images.add_image(other.id, tmp_path / "small.jpg", source="test")
    assert a.content_hash != b.content_hash
    assert (
        hamming(services.images.perceptual_hash(a), services.images.perceptual_hash(b))
        <= SAME_IMAGE_DISTANCE
    )


def test_recorded_path_outside_the_folder_is_refused(services) -> None:  # noqa: ANN001
    from artdesk.core.models import ImageInfo

    rogue = ImageInfo(
        id=1, artwork_id=1, path="../../etc/passwd", content_hash="ab" * 32, width=1, height=1
    )
    with pytest.raises(ValidationError, match="outside"):
        services.images.absolute_path(rogue)
