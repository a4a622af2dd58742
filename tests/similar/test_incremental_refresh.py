"""A small change to a real catalog refreshes the similarity index without a full rebuild."""

from __future__ import annotations

import pytest

from artdesk.core.errors import NotFoundError
from artdesk.similar.index import SimilarityIndex


def _work(cat, partner, title: str, artist: str, year: int, medium: str = "Oil paint on canvas"):  # noqa: ANN001, ANN202
    return cat.create_artwork(
        {"title": title, "artists": [artist], "creation_year": year, "medium": medium},
        partner_id=partner.id,
        source="test",
    )


def test_small_changes_update_the_served_index_in_place(services, partner) -> None:  # noqa: ANN001
    cat, similar = services.catalog, services.similar
    harbour = _work(cat, partner, "Harbour at Dusk", "Anna Berg", 1901)
    _work(cat, partner, "Harbour at Dawn", "Anna Berg", 1902)
    garden = _work(cat, partner, "Garden at Noon", "Otto Klee", 1950, "Gouache on paper")
    # enough other works that three changes stay below REBUILD_FRACTION of the catalog
    for i in range(20):
        _work(cat, partner, f"Study {i} of a {['Tree', 'Cloud', 'Face', 'Chair'][i % 4]}",
              f"Painter {chr(65 + i)}", 1900 + 5 * i)  # fmt: skip
    status = similar.ensure_index(background=False)
    assert status.ready and similar.refreshed_incrementally == 0
    first_version = status.index_version

    # a new work, an edited one, a deleted one
    boats = _work(cat, partner, "Boats in the Harbour at Dusk", "Anna Berg", 1901)
    cat.update_artwork(garden.id, {"title": "Garden at Midnight"}, source="test")
    status = similar.ensure_index(background=False)
    assert similar.refreshed_incrementally == 1
    assert status.index_version > first_version and status.works == 24
    assert boats.id in [n.id for n in similar.similar(harbour.id, 3)]
    draft = cat.get_artwork(boats.id)
    found = similar.possible_duplicates(_draft("Berg, Anna", "Boats in the Harbour at Dsuk", 1901))
    assert found and found[0].id == draft.id
    assert (
        similar.possible_duplicates(_draft("Otto Klee", "Garden at Midnigth", 1950))[0].id
        == garden.id
    )

    cat.delete_artwork(boats.id, source="test")
    similar.ensure_index(background=False)
    assert similar.refreshed_incrementally == 2
    with pytest.raises(NotFoundError):
        similar.similar(boats.id)
    assert boats.id not in [n.id for n in similar.possible_duplicates(
        _draft("Anna Berg", "Boats in the Harbour at Dusk", 1901), min_score=0.0)]  # fmt: skip

    # the saved index carries the refreshed version: a restart serves it as it is
    saved = SimilarityIndex.load(similar.index_path)
    assert saved.catalog_version == similar.status().index_version and len(saved) == 23

    # nothing changed: no work at all
    similar.ensure_index(background=False)
    assert similar.refreshed_incrementally == 2


def test_an_artist_rename_rebuilds_in_full(services, partner) -> None:  # noqa: ANN001
    cat, similar = services.catalog, services.similar
    work = _work(cat, partner, "Harbour at Dusk", "Anna Berg", 1901)
    _work(cat, partner, "Garden at Noon", "Otto Klee", 1950)
    similar.ensure_index(background=False)
    artist = cat.get_artwork(work.id).artists[0]
    cat.update_artist(artist.id, {"name": "Anna Berg-Lund"}, source="test")
    status = similar.ensure_index(background=False)
    assert similar.refreshed_incrementally == 0 and status.works == 2


def _draft(artist: str, title: str, year: int):  # noqa: ANN202
    from artdesk.similar.records import WorkRecord

    return WorkRecord(-1, (artist,), title, year=year)


def test_adding_and_removing_an_image_refreshes_the_picture_in_place(services, partner) -> None:  # noqa: ANN001
    """An image's changelog entry (entity "image") refreshes its artwork's picture hash
    incrementally: a draft showing the same picture finds the work once the image is added, and
    no longer by its picture once it is removed."""
    from dataclasses import replace

    from test_image_hash_wiring import _picture, similar_hashes

    from artdesk.imaging import image_hash

    cat, images, similar = services.catalog, services.images, services.similar
    works = [
        _work(
            cat,
            partner,
            f"Study {i} of a {['Tree', 'Cloud', 'Face', 'Chair'][i % 4]}",
            f"Painter {chr(65 + i)}",
            1900 + 5 * i,
        )
        for i in range(20)
    ]
    target = works[3]
    similar.ensure_index(background=False)
    assert similar.refreshed_incrementally == 0

    # a draft with another artist and title, showing the same picture (other bytes: smaller,
    # recompressed) as the one about to be added
    draft_bytes = _picture((200, 150), 5, 60)
    info = images.add_image_bytes(target.id, _picture((400, 300), 5, 95), "a.jpg", "test")
    similar.ensure_index(background=False)
    assert similar.refreshed_incrementally == 1
    probe = _draft("Someone Else", "Quite another title", 1777)
    tmp = services.files_dir / "probe.jpg"
    tmp.write_bytes(draft_bytes)
    with_picture = replace(probe, image_hash=image_hash(tmp))
    found = similar.possible_duplicates(with_picture)
    assert found and found[0].id == target.id and "same image" in found[0].reasons
    assert similar_hashes(services).path.exists()

    images.remove_image(info.id, "test")
    similar.ensure_index(background=False)
    assert similar.refreshed_incrementally == 2
    assert target.id not in [n.id for n in similar.possible_duplicates(with_picture)]
