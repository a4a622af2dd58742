"""Plain records the similarity engine works on (no database, no Qt, no HTTP).

The service layer turns catalog artworks into :class:`WorkRecord` values; the engine answers
with :class:`Neighbour` values. Both are frozen and cheap to pass between threads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class WorkRecord:
    """One artwork as the engine sees it.

    ``genes`` maps a gene name to its value 0..100 (Art Genome style); ``image_hash`` is a
    perceptual or content hash of the default image when the work has one.
    """

    id: int
    artists: tuple[str, ...]
    title: str
    description: str = ""
    medium: str = ""
    category: str = ""
    year: int | None = None
    height_cm: float | None = None
    width_cm: float | None = None
    depth_cm: float | None = None
    price: int | None = None
    currency: str | None = None
    genes: Mapping[str, int] = field(default_factory=dict)
    image_hash: str | None = None
    partner_id: int | None = None

    def __post_init__(self) -> None:
        # Accept lists for convenience; keep the record immutable in spirit.
        if not isinstance(self.artists, tuple):
            object.__setattr__(self, "artists", tuple(self.artists))
        if self.title is None:
            object.__setattr__(self, "title", "")
        if self.description is None:
            object.__setattr__(self, "description", "")
        if self.medium is None:
            object.__setattr__(self, "medium", "")
        if self.category is None:
            object.__setattr__(self, "category", "")
        if self.genes is None:
            object.__setattr__(self, "genes", {})


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A work close to the one asked about.

    ``score`` is in 0..1, higher is closer. ``reasons`` are short human sentences such as
    ``"shares genes: Landscape, Sea"``, ``"same artist: J.M.W. Turner"`` or
    ``"title words: harbour, boat"``.
    """

    id: int
    score: float
    reasons: tuple[str, ...] = ()
