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
