"""Whole-catalog duplicate groups do not chain: each member matches its group's centre."""

from artdesk.similar.duplicates import DuplicateFinder
from artdesk.similar.records import WorkRecord


def test_a_series_does_not_chain_into_one_group():
    # "Plate 1" ~ "Plate 2" ~ ... would join one long chain under single linkage.
    records = [
        WorkRecord(id=i, artists=("Anna Berg",), title=f"Harbour Study Plate {i}", year=1901)
        for i in range(1, 30)
    ]
    records += [
        WorkRecord(id=100, artists=("Anna Berg",), title="Harbour Study Plate 7", year=1901),
        WorkRecord(id=200, artists=("Otto Klee",), title="Garden at Noon", year=1950),
        WorkRecord(id=201, artists=("Klee, Otto",), title="Garden at Noon", year=1950),
    ]
    finder = DuplicateFinder.build(records)
    groups = finder.all_duplicate_groups()
    assert all(len(g.ids) < 10 for g in groups)
    as_sets = [set(g.ids) for g in groups]
    assert {200, 201} in as_sets
    assert any({7, 100} <= s for s in as_sets)


def test_an_empty_or_single_work_catalog_has_no_duplicates():
    draft = WorkRecord(id=0, artists=("Anna Berg",), title="Harbour")
    for records in ([], [WorkRecord(id=1, artists=("Otto Klee",), title="Garden")]):
        finder = DuplicateFinder.build(records)
        assert finder.all_duplicate_groups() == []
        assert finder.possible_duplicates(draft) == []


def test_pairs_of_catalog_rows_score_as_drafts_do(tate_sample) -> None:  # noqa: ANN001
    """The whole-catalog search scores a pair of rows without the per-pair text work when
    their artist and title keys are equal: the features are the ones the per-pair path gives
    (real Tate rows: sketchbook pages sharing a title, typo-near titles, other works)."""
    import numpy as np

    finder = DuplicateFinder.build(tate_sample)
    i, j = finder.candidate_pairs()
    assert len(i) > 100
    a_rows, t_rows = finder._rows()
    artist_cos = np.asarray(a_rows[i].multiply(a_rows[j]).sum(axis=1)).ravel()
    title_cos = np.asarray(t_rows[i].multiply(t_rows[j]).sum(axis=1)).ravel()
    fast = finder._features(i, j, artist_cos, title_cos)
    slow = finder._features([finder._row_side(x) for x in i.tolist()], j, artist_cos, title_cos)
    codes_a, codes_t = finder._key_codes()
    equal = (codes_a[i] == codes_a[j]) & (codes_t[i] == codes_t[j])
    assert equal.sum() > 10 and (~equal).sum() > 10  # both paths are exercised
    np.testing.assert_allclose(fast, slow)


def test_pairs_that_cannot_reach_the_threshold_are_cut_short_safely(tate_sample) -> None:  # noqa: ANN001
    """With a threshold, pairs whose bound says they cannot reach it skip the per-pair work and
    score 0; every one of them really scores under it, and the others score as without it."""
    import numpy as np

    finder = DuplicateFinder.build(tate_sample)
    i, j = finder.candidate_pairs()
    rows = finder._rows()
    full = finder._pair_scores(i, j, *rows)
    for threshold in (0.1, 0.3, 0.6):
        cut = finder._pair_scores(i, j, *rows, threshold)
        skipped = (cut == 0) & (full > 0)
        assert skipped.sum() > 0
        assert (full[skipped] < threshold).all()
        np.testing.assert_allclose(cut[~skipped], full[~skipped])
