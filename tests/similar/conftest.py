"""Fixtures for the similarity engine tests: small real Tate samples (skipped without data)."""

from __future__ import annotations

import museum_records as mr
import pytest

from artdesk.similar.records import WorkRecord


@pytest.fixture(scope="session")
def tate_sample() -> list[WorkRecord]:
    """The first 4,000 Tate artworks with their subjects as genes."""
    if not mr.data_available():
        pytest.skip(mr.SKIP_REASON)
    return mr.tate_records(limit=4000)


@pytest.fixture(scope="session")
def tate_artists() -> list[tuple[int, str]]:
    if not mr.data_available():
        pytest.skip(mr.SKIP_REASON)
    return mr.tate_artist_names()


@pytest.fixture
def harbour() -> list[WorkRecord]:
    """A hand-made catalog: two harbour paintings by one artist, a third by another, noise."""
    return [
        WorkRecord(1, ("Christopher Wood",), "A Fishing Boat in Dieppe Harbour", medium="Oil paint on canvas",
                   category="painting", year=1929, height_cm=81, width_cm=65,
                   genes={"Harbour": 100, "Boat": 90, "Sea": 70}),
        WorkRecord(2, ("Christopher Wood",), "Boat in Harbour, Brittany", medium="Oil paint on canvas",
                   category="painting", year=1929, height_cm=79, width_cm=109,
                   genes={"Harbour": 100, "Boat": 80, "Brittany": 60}),
        WorkRecord(3, ("J.M.W. Turner",), "Harbour of Dieppe", medium="Oil paint on canvas",
                   category="painting", year=1826, height_cm=173, width_cm=225,
                   genes={"Harbour": 80, "Sea": 90, "Town": 40}),
        WorkRecord(4, ("Andy Warhol",), "Marilyn", medium="Screenprint on paper", category="print",
                   year=1967, height_cm=91, width_cm=91, genes={"Pop Art": 100, "Portrait": 90}),
        WorkRecord(5, ("Bridget Riley",), "Movement in Squares", medium="Tempera on board",
                   category="painting", year=1961, height_cm=123, width_cm=121,
                   genes={"Op Art": 100, "Geometric": 90}),
        WorkRecord(6, ("Andy Warhol",), "Campbell's Soup Cans", medium="Synthetic polymer paint on canvas",
                   category="painting", year=1962, genes={"Pop Art": 100, "Food": 80}),
    ]  # fmt: skip
