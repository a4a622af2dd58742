"""Duplicates by picture: the catalog's default images reach the finder as perceptual hashes."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

from PIL import Image, ImageDraw

from artdesk.services.similar_wiring import work_records


def _picture(size: tuple[int, int], seed: int, quality: int) -> bytes:
    im = Image.new("RGB", (400, 300), (240, 235, 220))
    draw = ImageDraw.Draw(im)
    for i in range(12):
        x = (seed * 37 + i * 53) % 360
        y = (seed * 91 + i * 29) % 260
        draw.rectangle([x, y, x + 40 + i * 3, y + 30], fill=((i * 40) % 255, 80, 200 - i * 10))
    buf = io.BytesIO()
    im.resize(size).save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def test_a_resized_copy_of_a_picture_is_a_duplicate(services, partner) -> None:  # noqa: ANN001
    cat, images = services.catalog, services.images
    a = cat.create_artwork({"title": "Harbour at Dusk", "artists": ["Anna Berg"],
                            "creation_year": 1901}, partner_id=partner.id, source="test")  # fmt: skip
    b = cat.create_artwork({"title": "Study of boats", "artists": ["Otto Klee"]},
                           partner_id=partner.id, source="test")  # fmt: skip
    c = cat.create_artwork({"title": "Harbour at Dusk", "artists": ["Anna Berg"],
                            "creation_year": 1901}, partner_id=partner.id, source="test")  # fmt: skip
    images.add_image_bytes(a.id, _picture((400, 300), 1, 95), "a.jpg", "test")
    # b: the same picture, smaller and recompressed: other bytes, other content hash
    images.add_image_bytes(b.id, _picture((200, 150), 1, 60), "b.jpg", "test")
    images.add_image_bytes(c.id, _picture((400, 300), 7, 95), "c.jpg", "test")  # another picture

    records, _ = work_records(cat, None)
    content = {r.id: r.image_hash for r in records}
    assert content[a.id] != content[b.id] and len(content[a.id]) == 64  # sha256 of the files

    similar = services.similar
    similar.rebuild()
    ours = {r.id: r for r in work_records(cat, similar_hashes(services))[0]}
    assert all(len(r.image_hash) == 16 for r in ours.values())  # perceptual hashes
    found = similar.possible_duplicates(ours[b.id])
    assert found and found[0].id == a.id and "same image" in found[0].reasons
    # same artist, title and year but another picture: still offered, marked, scored lower
    twin = similar.possible_duplicates(ours[c.id], min_score=0.0)
    assert twin[0].id == a.id and "different image" in twin[0].reasons
    same = similar.possible_duplicates(replace(ours[c.id], id=-1, image_hash=ours[a.id].image_hash))
    assert same[0].id == a.id and "same image" in same[0].reasons
    assert same[0].score > twin[0].score

    cache = json.loads((Path(services.files_dir) / "index" / "image-hashes.json").read_text())
    assert {content[a.id], content[b.id], content[c.id]} <= set(cache)


def similar_hashes(services):  # noqa: ANN001, ANN201
    from artdesk.services.similar_wiring import ImageHashes

    return ImageHashes(Path(services.files_dir), Path(services.files_dir) / "index")
