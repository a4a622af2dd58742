"""Feeds the similarity engine from the catalog: WorkRecords in bulk, artists, auto-linking."""

from __future__ import annotations

import re
import threading
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, select

from artdesk.db.models import (
    ArtistRow,
    ArtworkArtistRow,
    ArtworkGeneRow,
    ArtworkRow,
    ChangelogRow,
    GeneRow,
    ImageRow,
)
from artdesk.services.catalog import CatalogService
from artdesk.services.similar import SimilarService
from artdesk.similar.records import WorkRecord


def work_records(catalog: CatalogService) -> tuple[list[WorkRecord], int]:
    """Every artwork as a WorkRecord, and the catalog version they reflect (one read snapshot)."""
    with catalog.db.read() as s:
        version = int(s.scalar(select(func.coalesce(func.max(ChangelogRow.id), 0))) or 0)
        artists: dict[int, list[str]] = defaultdict(list)
        for aid, name in s.execute(
            select(ArtworkArtistRow.artwork_id, ArtistRow.name)
            .join(ArtistRow, ArtistRow.id == ArtworkArtistRow.artist_id)
            .order_by(ArtworkArtistRow.artwork_id, ArtworkArtistRow.position)
        ):
            artists[aid].append(name)
        genes: dict[int, dict[str, int]] = defaultdict(dict)
        for aid, name, value in s.execute(
            select(ArtworkGeneRow.artwork_id, GeneRow.name, ArtworkGeneRow.value).join(
                GeneRow, GeneRow.id == ArtworkGeneRow.gene_id
            )
        ):
            genes[aid][name] = value
        hashes = dict(
            s.execute(
                select(ImageRow.artwork_id, ImageRow.content_hash).where(
                    ImageRow.is_default.is_(True)
                )
            ).all()
        )
        cols = (
            ArtworkRow.id,
            ArtworkRow.title,
            ArtworkRow.description,
            ArtworkRow.medium,
            ArtworkRow.category,
            ArtworkRow.creation_year,
            ArtworkRow.height_cm,
            ArtworkRow.width_cm,
            ArtworkRow.depth_cm,
            ArtworkRow.price,
            ArtworkRow.currency,
            ArtworkRow.partner_id,
        )
        records = [
            WorkRecord(
                id=r[0],
                artists=tuple(artists.get(r[0], ())),
                title=r[1] or "",
                description=r[2] or "",
                medium=r[3] or "",
                category=r[4] or "",
                year=r[5],
                height_cm=r[6],
                width_cm=r[7],
                depth_cm=r[8],
                price=r[9],
                currency=r[10],
                genes=genes.get(r[0], {}),
                image_hash=hashes.get(r[0]),
                partner_id=r[11],
            )
            for r in s.execute(select(*cols).order_by(ArtworkRow.id))
        ]
    return records, version


def record_for(catalog: CatalogService, artwork_id: int) -> WorkRecord:
    a = catalog.get_artwork(artwork_id)
    return WorkRecord(
        id=a.id,
        artists=tuple(x.name for x in a.artists),
        title=a.title,
        description=a.description or "",
        medium=a.medium or "",
        category=a.category or "",
        year=a.creation_year,
        height_cm=a.height_cm,
        width_cm=a.width_cm,
        depth_cm=a.depth_cm,
        price=a.price,
        currency=a.currency,
        genes={g.name: g.value for g in a.genes},
        image_hash=next((i.content_hash for i in a.images if i.is_default), None),
        partner_id=a.partner_id,
    )


class _ThrottledArtists:
    """The artist list for the resolver, read again at most every ``max_age`` seconds: a name
    created since is found by its exact slug anyway, and a burst of creations (a sync pull, an
    API client) must not rebuild the resolver once a work."""

    def __init__(self, catalog: CatalogService, max_age: float = 30.0) -> None:
        self.catalog = catalog
        self.max_age = max_age
        self._cached: list[tuple[int, str]] | None = None
        self._at = 0.0
        self._lock = threading.Lock()

    def __call__(self) -> list[tuple[int, str]]:
        with self._lock:
            now = time.monotonic()
            if self._cached is None or now - self._at > self.max_age:
                self._cached = self.catalog.artist_names()
                self._at = now
            return self._cached


def build_similar_service(catalog: CatalogService, index_dir: Path) -> SimilarService:
    """The similarity service of a catalog; also links typed artist names above the documented
    confidence (artdesk.similar.artists.AUTO_LINK_CONFIDENCE) instead of creating near-twins."""
    service = SimilarService(lambda: work_records(catalog), index_dir, _ThrottledArtists(catalog))

    def resolve(name: str) -> int | None:
        match = service.auto_link_artist(name)
        if match is None or _digits(match[1]) != _digits(name):
            return None  # "Artist 10" is not a typo of "Artist 1"
        return match[0]

    catalog.artist_resolver = resolve
    return service


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+", text)
