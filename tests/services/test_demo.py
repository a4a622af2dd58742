"""The generated demo catalog: what it holds, that it is sound, and that a seed reproduces it."""

from __future__ import annotations

import math
import re
import shutil
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from artdesk.core.errors import ConflictError
from artdesk.core.models import ISO_4217
from artdesk.db.models import (
    ArtworkArtistRow,
    ArtworkGeneRow,
    ArtworkRow,
    ChangelogRow,
    EditionSetRow,
    GeneRow,
    ImageRow,
)
from artdesk.services.catalog import ArtworkQuery
from artdesk.services.container import open_services
from artdesk.services.demo import build_demo_catalog, demo_marker
from artdesk.services.demo_data import CATEGORIES

TODAY = date(2026, 6, 15)
SEED = 4242


def _open(tmp: Path, template: Path, name: str):  # noqa: ANN202
    path = tmp / f"{name}.sqlite"
    shutil.copyfile(template, path)
    return open_services(f"sqlite:///{path}", tmp / f"{name}.files")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, template_catalog: Path):  # noqa: ANN201
    svc = _open(tmp_path_factory.mktemp("demo"), template_catalog, "demo")
    summary = build_demo_catalog(svc, artworks=300, seed=SEED, today=TODAY, workers=0)
    try:
        yield svc, summary
    finally:
        svc.close()


def test_counts_and_flag(demo) -> None:  # noqa: ANN001
    svc, summary = demo
    stats = svc.catalog.stats()
    assert stats["artworks"] == summary.artworks == 300
    assert stats["partners"] == summary.partners == 5
    assert stats["artists"] == summary.artists >= 20
    assert stats["genes"] == summary.genes >= 60
    assert stats["shows"] == summary.shows >= 10
    assert stats["collections"] == summary.collections >= 4
    assert summary.images == 300
    marker = demo_marker(svc)
    assert marker is not None and marker["seed"] == SEED and marker["artworks"] == 300
    assert marker["complete"] is True
    kinds = {p.type for p in svc.catalog.list_partners()}
    assert {"gallery", "museum", "studio"} <= kinds
    with svc.db.read() as s:
        assert (
            s.scalar(
                select(func.count()).select_from(ChangelogRow).where(ChangelogRow.source == "demo")
            )
            >= 300
        )


def test_artworks_are_realistic_and_valid(demo) -> None:  # noqa: ANN001
    svc, _ = demo
    with svc.db.read() as s:
        rows = list(s.scalars(select(ArtworkRow)))
        authors = dict(
            s.execute(
                select(ArtworkArtistRow.artwork_id, func.count()).group_by(
                    ArtworkArtistRow.artwork_id
                )
            ).all()
        )
        s.expunge_all()
    assert len(rows) == 300
    assert all(authors.get(r.id, 0) >= 1 for r in rows)
    assert all(r.title and r.category in CATEGORIES and r.medium and r.date_text for r in rows)
    assert sum(r.creation_year is not None for r in rows) >= 290
    shapes = {
        "plain": r"^\d{4}$",
        "circa": r"^(c\.|circa) \d{4}$",
        "range": r"^\d{4}[–-]\d{2,4}$",
    }
    for name, pattern in shapes.items():
        assert any(re.match(pattern, r.date_text) for r in rows), name
    assert any(r.title.startswith("Untitled") for r in rows)
    assert any(r.series for r in rows)
    for r in rows:
        if r.price is not None:
            assert r.price > 0 and r.currency in ISO_4217
        assert r.availability in {"available", "sold", "reserved", "not_for_sale"}
        if r.height_cm is not None:
            assert 1 < r.height_cm < 400 and r.dimensions
    assert 0.3 < sum(r.published for r in rows) / len(rows) < 0.95
    assert any(r.confidential_notes for r in rows) or len(rows) < 100
    inventory = [(r.partner_id, r.inventory_number) for r in rows]
    assert len(set(inventory)) == len(inventory)
    names = (
        [a.name for a in svc.catalog.list_artists(limit=1000)]
        if _has_limit(svc)
        else [a.name for a in svc.catalog.list_artists()]
    )
    assert any(not n.isascii() for n in names)  # diacritics and other scripts
    artist = svc.catalog.list_artists()[0]
    assert artist.nationality and artist.birth_year and artist.biography


def _has_limit(svc) -> bool:  # noqa: ANN001
    import inspect

    return "limit" in inspect.signature(svc.catalog.list_artists).parameters


def test_editions(demo) -> None:  # noqa: ANN001
    svc, summary = demo
    with svc.db.read() as s:
        editions = list(s.scalars(select(EditionSetRow)))
        prints = set(s.scalars(select(ArtworkRow.id).where(ArtworkRow.category == "Print")))
        s.expunge_all()
    assert len(editions) == summary.edition_sets > 0
    assert prints <= {e.artwork_id for e in editions}
    for e in editions:
        assert e.size and e.label.startswith("Edition of")
        for item in e.available_editions or []:
            if isinstance(item, int):
                assert 1 <= item <= e.size
            else:
                lo, _, hi = item.partition("-")
                assert 1 <= int(lo) <= int(hi or lo) <= e.size
    assert any(isinstance(i, int) for e in editions for i in e.available_editions or [])
    assert any(
        isinstance(i, str) and "-" in i for e in editions for i in e.available_editions or []
    )
    detail = svc.catalog.get_artwork(editions[0].artwork_id)
    assert detail.editions and detail.editions[0].size == editions[0].size


def test_genes_follow_category_and_artist(demo) -> None:  # noqa: ANN001
    svc, _ = demo
    with svc.db.read() as s:
        names = dict(s.execute(select(GeneRow.id, GeneRow.name)).all())
        values: dict[int, dict[str, int]] = defaultdict(dict)
        for aid, gid, v in s.execute(
            select(ArtworkGeneRow.artwork_id, ArtworkGeneRow.gene_id, ArtworkGeneRow.value)
        ):
            values[aid][names[gid]] = v
        category = dict(s.execute(select(ArtworkRow.id, ArtworkRow.category)).all())
        first_artist = dict(
            s.execute(
                select(ArtworkArtistRow.artwork_id, ArtworkArtistRow.artist_id).where(
                    ArtworkArtistRow.position == 0
                )
            ).all()
        )
    assert {
        "Abstract Painting",
        "Color Field",
        "Landscape",
        "Portrait",
        "Photography",
        "Minimalism",
    } <= set(names.values())
    assert len(values) == 300
    for aid, genes in values.items():
        assert len(genes) >= 3 and all(0 <= v <= 100 for v in genes.values())
        if category[aid] == "Photography":
            assert genes["Photography"] >= 90
        if category[aid] == "Painting":
            assert "Photography" not in genes

    def cosine(a: dict[str, int], b: dict[str, int]) -> float:
        dot = sum(v * b.get(k, 0) for k, v in a.items())
        return dot / (
            math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
        )

    ids = sorted(values)
    same = [
        cosine(values[a], values[b])
        for a in ids
        for b in ids
        if a < b and first_artist[a] == first_artist[b]
    ]
    other = [
        cosine(values[a], values[b])
        for a in ids[:120]
        for b in ids[:120]
        if a < b and first_artist[a] != first_artist[b]
    ]
    assert sum(same) / len(same) > sum(other) / len(other) + 0.2  # similarity means something


def test_shows_and_collections(demo) -> None:  # noqa: ANN001
    svc, _ = demo
    shows = svc.catalog.list_shows()
    assert {s.status for s in shows} == {"upcoming", "running", "closed"}
    now = datetime(TODAY.year, TODAY.month, TODAY.day)
    for show in shows:
        assert show.artwork_count >= 4
        works = svc.catalog.list_artworks(ArtworkQuery(show_id=show.id), limit=100)
        assert {w.partner_id for w in works} == {show.partner_id}
        if show.status == "running":
            assert show.start_date <= now <= show.end_date
        elif show.status == "upcoming":
            assert show.start_date > now
        else:
            assert show.end_date < now
    collections = svc.catalog.list_collections()
    assert any(c.partner_id is None for c in collections) and any(c.partner_id for c in collections)
    for c in collections:
        items = svc.catalog.collection_artwork_ids(c.id)
        assert len(items) == c.artwork_count >= 5 and len(set(items)) == len(items)


def test_images_on_disk(demo) -> None:  # noqa: ANN001
    from PIL import Image

    svc, _ = demo
    with svc.db.read() as s:
        images = list(s.scalars(select(ImageRow)))
        s.expunge_all()
    assert len(images) == 300 and all(i.is_default for i in images)
    defaults = svc.catalog.default_images([i.artwork_id for i in images[:20]])
    assert len(defaults) == 20
    for info in list(defaults.values())[:20]:
        path = svc.images.absolute_path(info)
        assert path.is_file()
        with Image.open(path) as im:
            assert im.size == (info.width, info.height)
            assert 400 <= max(im.size) <= 800
    thumb = svc.images.thumbnail_path(next(iter(defaults.values())), 96)
    assert thumb.is_file()
    # content-addressed: each stored file named by its hash
    assert all(Path(i.path).stem == i.content_hash for i in images)


def test_full_text_search_finds_demo_works(demo) -> None:  # noqa: ANN001
    svc, _ = demo
    artist = next(a for a in svc.catalog.list_artists() if not a.name.isascii())
    found = svc.catalog.list_artworks(ArtworkQuery(text=artist.name.split()[-1]), limit=50)
    assert any(artist.name in w.artist_name for w in found)


def test_refuses_a_catalog_that_has_artworks(demo) -> None:  # noqa: ANN001
    svc, _ = demo
    with pytest.raises(ConflictError, match="already holds 300"):
        build_demo_catalog(svc, artworks=10)


def _fingerprint(svc) -> tuple:  # noqa: ANN001
    with svc.db.read() as s:
        works = s.execute(
            select(
                ArtworkRow.id,
                ArtworkRow.title,
                ArtworkRow.date_text,
                ArtworkRow.price,
                ArtworkRow.artist_names,
                ArtworkRow.dimensions,
                ArtworkRow.description,
            ).order_by(ArtworkRow.id)
        ).all()
        genes = s.execute(
            select(
                ArtworkGeneRow.artwork_id, ArtworkGeneRow.gene_id, ArtworkGeneRow.value
            ).order_by(ArtworkGeneRow.artwork_id, ArtworkGeneRow.gene_id)
        ).all()
        editions = s.execute(
            select(
                EditionSetRow.artwork_id, EditionSetRow.label, EditionSetRow.available_editions
            ).order_by(EditionSetRow.id)
        ).all()
        images = s.execute(
            select(ImageRow.artwork_id, ImageRow.content_hash).order_by(ImageRow.artwork_id)
        ).all()
    shows = [(s.name, s.status, s.start_date, s.artwork_count) for s in svc.catalog.list_shows()]
    return tuple(map(tuple, (works, genes, editions, images, shows)))


def test_same_seed_same_catalog(tmp_path: Path, template_catalog: Path) -> None:
    a = _open(tmp_path, template_catalog, "a")
    b = _open(tmp_path, template_catalog, "b")
    c = _open(tmp_path, template_catalog, "c")
    try:
        build_demo_catalog(a, artworks=90, seed=7, images=25, today=TODAY, workers=0)
        build_demo_catalog(b, artworks=90, seed=7, images=25, today=TODAY, workers=0)
        build_demo_catalog(c, artworks=90, seed=8, images=25, today=TODAY, workers=0)
        fa, fb, fc = _fingerprint(a), _fingerprint(b), _fingerprint(c)
        assert fa == fb
        assert fa[0] != fc[0] and fa[3] != fc[3]
        assert len(fa[3]) == 25
    finally:
        for svc in (a, b, c):
            svc.close()


def test_demo_on_each_backend_with_worker_processes(services) -> None:  # noqa: ANN001
    """The bulk writes (explicit ids) work on SQLite and PostgreSQL, pictures from 2 workers."""
    summary = build_demo_catalog(services, artworks=60, seed=3, images=20, workers=2, today=TODAY)
    assert services.catalog.count_artworks() == 60 and summary.images == 20
    # the ids handed out in bulk leave the catalog's own inserts working
    p = services.catalog.list_partners()[0]
    new = services.catalog.create_artwork(
        {"title": "After the demo"}, partner_id=p.id, source="test"
    )
    assert new.id > 60
    artist, created = services.catalog.create_artist("Somebody New", source="test")
    assert created
    assert len({i.id for i in services.catalog.default_images(range(1, 62)).values()}) == 20
