from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest

from artdesk.core.errors import NotFoundError
from artdesk.services.similar import SimilarService
from artdesk.similar.index import BuildCancelled, SimilarityIndex
from artdesk.similar.records import WorkRecord


class FakeCatalog:
    """A catalog stand-in: records, a version that grows on every write, and a gate that can
    hold ``records()`` (and so a rebuild) until a test lets it go."""

    def __init__(self, records: list[WorkRecord]) -> None:
        self.records_list = list(records)
        self.version = 1
        self.calls = 0
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()

    def records(self) -> tuple[list[WorkRecord], int]:
        self.calls += 1
        self.entered.set()
        assert self.gate.wait(30)
        return list(self.records_list), self.version

    def add(self, rec: WorkRecord) -> None:
        self.records_list.append(rec)
        self.version += 1

    def artists(self) -> list[tuple[int, str]]:
        return [(1, "Gerhard Richter"), (2, "Bridget Riley"), (3, "Christopher Wood")]


def _service(catalog: FakeCatalog, tmp_path: Path) -> SimilarService:
    return SimilarService(catalog.records, tmp_path / "index", catalog.artists)


def test_builds_saves_and_loads_with_version(tmp_path: Path, harbour: list[WorkRecord]) -> None:
    catalog = FakeCatalog(harbour)
    service = _service(catalog, tmp_path)
    status = service.ensure_index(background=False)
    assert status.ready and status.index_version == 1 and status.works == 6
    assert SimilarityIndex.saved_version(service.index_path) == 1
    assert service.similar(1, 2)[0].id == 2

    again = _service(catalog, tmp_path)
    calls = catalog.calls
    assert again.load_saved()
    assert again.similar(1, 2)[0].id == 2  # answered from the saved index
    assert catalog.calls == calls
    assert again.status().index_version == 1


def test_queries_answer_from_old_index_during_rebuild_then_swap(
    tmp_path: Path, harbour: list[WorkRecord]
) -> None:
    catalog = FakeCatalog(harbour)
    service = _service(catalog, tmp_path)
    service.ensure_index(background=False)
    new = WorkRecord(77, ("Christopher Wood",), "Fishing Boats in Dieppe Harbour", medium="Oil paint on canvas",
                     category="painting", year=1929, genes={"Harbour": 100, "Boat": 100})  # fmt: skip
    catalog.add(new)
    catalog.gate.clear()
    catalog.entered.clear()
    service.ensure_index(background=True)
    assert catalog.entered.wait(10)
    # the rebuild is held inside records(): queries still answer, from version 1
    status = service.status()
    assert status.building and status.index_version == 1
    assert 77 not in [n.id for n in service.similar(1, 5)]
    with pytest.raises(NotFoundError):
        service.similar(77)
    catalog.gate.set()
    assert service.wait(60)
    status = service.status()
    assert not status.building and status.index_version == 2 and status.last_error is None
    assert service.similar(1, 1)[0].id == 77
    assert SimilarityIndex.saved_version(service.index_path) == 2


def test_rebuild_reports_progress_and_cancels_keeping_old_index(
    tmp_path: Path, tate_sample: list[WorkRecord]
) -> None:
    catalog = FakeCatalog(tate_sample[:1500])
    service = _service(catalog, tmp_path)
    seen: list[tuple[int, int]] = []
    service.rebuild(progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert all(b[0] >= a[0] for a, b in zip(seen, seen[1:], strict=False))

    catalog.add(dataclasses.replace(tate_sample[1600], id=10**7))
    cancel = threading.Event()

    def stop_midway(done: int, total: int) -> None:
        if done > 300:
            cancel.set()

    with pytest.raises(BuildCancelled):
        service.rebuild(progress=stop_midway, cancel=cancel)
    assert service.status().index_version == 1
    assert SimilarityIndex.saved_version(service.index_path) == 1
    with pytest.raises(NotFoundError):
        service.similar(10**7)


def test_service_queries(tmp_path: Path, harbour: list[WorkRecord]) -> None:
    catalog = FakeCatalog(harbour)
    service = _service(catalog, tmp_path)
    with pytest.raises(NotFoundError):
        service.similar(12345)  # first query builds the index synchronously, then raises
    draft = WorkRecord(-1, ("Wood, Christopher",), "A Fishing Boat in Dieppe Harbor", year=1929)
    assert service.possible_duplicates(draft)[0].id == 1
    assert service.resolve_artist("Richter, Gerhard")[0][:2] == (1, "Gerhard Richter")
    assert service.auto_link_artist("Gerhard Richer") is None
    assert service.auto_link_artist("gerhard richter")[0] == 1
    assert [g for g, _, _ in service.suggest_genes(1, 2)][:1] in (["Brittany"], ["Town"])
    groups = service.duplicate_groups(0.5)
    assert all(len(g.ids) >= 2 for g in groups)
