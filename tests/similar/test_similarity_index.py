from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from artdesk.core.errors import NotFoundError
from artdesk.similar.index import SimilarityIndex, Weights
from artdesk.similar.records import WorkRecord


def test_siblings_come_first_and_reasons_name_what_is_shared(harbour: list[WorkRecord]) -> None:
    index = SimilarityIndex.build(harbour, catalog_version=7)
    near = index.similar(1, k=3)
    assert [n.id for n in near][:2] == [2, 3]
    assert all(0.0 <= n.score <= 1.0 for n in near)
    assert near[0].score > near[1].score
    reasons = near[0].reasons
    assert "same artist: Christopher Wood" in reasons
    assert "shares genes: Boat, Harbour" in reasons  # strongest (rarer, higher valued) first
    assert any(r.startswith("shared words:") and "harbour" in r and "boat" in r for r in reasons)
    assert "same decade: 1920s" in reasons
    assert any(
        r.startswith("shares genes:") and "Harbour" in r and "Sea" in r for r in near[1].reasons
    )
    assert 1 not in [n.id for n in index.similar(1, k=10)]
    assert index.catalog_version == 7


def test_unknown_id_raises_not_found(harbour: list[WorkRecord]) -> None:
    index = SimilarityIndex.build(harbour)
    with pytest.raises(NotFoundError):
        index.similar(999)
    with pytest.raises(NotFoundError):
        index.suggest_genes(999)


def test_weights_switch_blocks_off(harbour: list[WorkRecord]) -> None:
    index = SimilarityIndex.build(harbour, Weights(genes=0.0))
    for n in index.similar(1, k=5):
        assert not any(r.startswith("shares genes") for r in n.reasons)


def test_suggest_genes_from_neighbours_excludes_own(harbour: list[WorkRecord]) -> None:
    index = SimilarityIndex.build(harbour)
    suggestions = index.suggest_genes(1, k_neighbours=2)
    names = [g for g, _, _ in suggestions]
    assert "Harbour" not in names and "Boat" not in names
    assert set(names) >= {"Brittany", "Town"}
    for _, value, confidence in suggestions:
        assert 0 <= value <= 100 and 0 < confidence <= 1
    draft = WorkRecord(
        100, ("Andy Warhol",), "Marilyn Diptych", medium="Screenprint", category="print"
    )
    assert index.suggest_genes(draft, k_neighbours=2)[0][0] == "Pop Art"


def test_real_tate_neighbours_share_artist_or_genes(tate_sample: list[WorkRecord]) -> None:
    index = SimilarityIndex.build(tate_sample)
    by_id = {r.id: r for r in tate_sample}
    counts = Counter(r.artists for r in tate_sample)
    probes = [r for r in tate_sample if r.genes and counts[r.artists] >= 5][:50]
    assert len(probes) == 50
    share_artist = 0
    for rec in probes:
        near = index.similar(rec.id, k=5)
        assert len(near) == 5
        first = by_id[near[0].id]
        share_artist += first.artists == rec.artists
        for n in near:
            other = by_id[n.id]
            for reason in n.reasons:
                if reason.startswith("same artist: "):
                    assert set(rec.artists) & set(other.artists)
                if reason.startswith("shares genes: "):
                    shared = set(rec.genes) & set(other.genes)
                    # gene names may themselves contain ", ": check each named gene is shared
                    assert any(reason.startswith("shares genes: " + g) for g in shared)
    assert share_artist >= 40


def test_save_load_round_trip(tmp_path, tate_sample: list[WorkRecord]) -> None:
    index = SimilarityIndex.build(tate_sample[:1500], Weights(text=2.0), catalog_version=42)
    index.save(tmp_path / "idx")
    assert SimilarityIndex.saved_version(tmp_path / "idx") == 42
    loaded = SimilarityIndex.load(tmp_path / "idx")
    assert loaded.catalog_version == 42
    assert loaded.weights == Weights(text=2.0)
    for rec in tate_sample[:1500:75]:
        assert loaded.similar(rec.id, 8) == index.similar(rec.id, 8)
        assert loaded.suggest_genes(rec.id) == index.suggest_genes(rec.id)
    draft = dataclasses.replace(tate_sample[10], id=-5)
    assert loaded.similar_to_record(draft, 5) == index.similar_to_record(draft, 5)
    raw = (tmp_path / "idx.npz").read_bytes()
    assert b"pickle" not in raw[:2000]


def test_incremental_update_finds_new_work(harbour: list[WorkRecord]) -> None:
    index = SimilarityIndex.build(harbour[:5], catalog_version=1)
    new = WorkRecord(50, ("Bridget Riley",), "Movement in Squares II", medium="Tempera on board",
                     category="painting", year=1962, genes={"Op Art": 90, "Kinetic": 70})  # fmt: skip
    updated = index.with_changes([new, harbour[5]], removed=[3], catalog_version=2)
    assert index.catalog_version == 1 and 50 not in index  # the old index is untouched
    assert updated.catalog_version == 2
    assert updated.similar(50, 1)[0].id == 5
    assert 50 in [n.id for n in updated.similar(5, 2)]
    assert "shares genes: Op Art" in updated.similar(50, 1)[0].reasons
    with pytest.raises(NotFoundError):
        updated.similar(3)
    assert 3 not in [n.id for n in updated.similar(1, 10)]
    # the unseen gene got a column and is suggested to the sibling
    assert "Kinetic" in [g for g, _, _ in updated.suggest_genes(5, 1)]
    assert updated.needs_rebuild  # 3 changes on a fit of 5 works


def test_needs_rebuild_only_after_many_changes(tate_sample: list[WorkRecord]) -> None:
    index = SimilarityIndex.build(tate_sample[:1000])
    small = index.with_changes(tate_sample[1000:1050], removed=[])
    assert not small.needs_rebuild and len(small) == 1050
    big = small.with_changes(tate_sample[1050:1300], removed=[r.id for r in tate_sample[:10]])
    assert big.needs_rebuild and len(big) == 1290
