"""Feeds the similarity engine from the catalog: WorkRecords in bulk, artists, auto-linking."""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from artdesk.db.models import (
    ArtistRow,
    ArtworkArtistRow,
    ArtworkGeneRow,
    ArtworkRow,
    ChangelogRow,
    GeneRow,
    ImageRow,
)
from artdesk.imaging import image_hash
from artdesk.services.catalog import CatalogService
from artdesk.services.similar import SimilarService
from artdesk.similar.records import WorkRecord

log = logging.getLogger(__name__)


class ImageHashes:
    """Perceptual hashes (``artdesk.imaging.image_hash``) of image files, by content hash.

    The duplicate finder compares pictures by perceptual hash (a resized or recompressed copy
    of an image is still the same image). Decoding every image at each index build would cost
    seconds per thousand images, so the hashes are kept in ``<index_dir>/image-hashes.json``
    (content hash -> perceptual hash) and only new images are decoded. An image that cannot be
    read keeps its content hash (the finder then only matches identical files).
    """

    def __init__(self, files_dir: Path, index_dir: Path) -> None:
        self.files_dir = Path(files_dir)
        self.path = Path(index_dir) / "image-hashes.json"
        self._lock = threading.Lock()
        self._cache: dict[str, str] | None = None

    def _load(self) -> dict[str, str]:
        if self._cache is None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self._cache = {str(k): str(v) for k, v in data.items()}
            except (OSError, ValueError, AttributeError):
                self._cache = {}
        return self._cache

    def lookup(self, images: list[tuple[str, str]]) -> dict[str, str]:
        """``(content hash, stored path)`` pairs -> {content hash: perceptual hash}."""
        with self._lock:
            cache = self._load()
            added = False
            for content, rel in images:
                if content in cache:
                    continue
                try:
                    cache[content] = image_hash(self.files_dir / rel)
                    added = True
                except Exception as exc:  # unreadable or vanished file: no perceptual hash
                    log.warning("no perceptual hash for image %s: %s", rel, exc)
            if added:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self.path.with_name(self.path.name + ".tmp")
                tmp.write_text(json.dumps(cache), encoding="utf-8")
                os.replace(tmp, self.path)
            return {c: cache[c] for c, _ in images if c in cache}


INCREMENTAL_LIMIT = 2000
"""``changes_since`` gives up (a full rebuild follows) past this many changelog entries."""


def work_records(
    catalog: CatalogService, image_hashes: ImageHashes | None = None
) -> tuple[list[WorkRecord], int]:
    """Every artwork as a WorkRecord, and the catalog version they reflect (one read snapshot).

    With ``image_hashes`` a work's ``image_hash`` is the perceptual hash of its default image
    (else the content hash of the file)."""
    with catalog.db.read() as s:
        version = int(s.scalar(select(func.coalesce(func.max(ChangelogRow.id), 0))) or 0)
        records = _records(s, None, image_hashes)
    return records, version


def changes_since(
    catalog: CatalogService, version: int | str, image_hashes: ImageHashes | None = None
) -> tuple[list[WorkRecord], list[int], int] | None:
    """The artworks changed since catalog ``version``: ``(upserted, removed ids, new version)``
    from the changelog, in one read snapshot; None when only a full rebuild will do (an artist
    renamed or merged changes many works at once, or too many entries since)."""
    if not isinstance(version, int):
        return None
    with catalog.db.read() as s:
        entries = s.execute(
            select(
                ChangelogRow.id,
                ChangelogRow.entity_type,
                ChangelogRow.entity_id,
                ChangelogRow.field_changes,
            )
            .where(ChangelogRow.id > version)
            .order_by(ChangelogRow.id)
            .limit(INCREMENTAL_LIMIT + 1)
        ).all()
        if len(entries) > INCREMENTAL_LIMIT or any(t == "artist" for _, t, _, _ in entries):
            return None
        if not entries:
            return [], [], version
        ids = {int(e) for _, t, e, _ in entries if t == "artwork"}
        images = _image_artworks(s, [(int(e), c) for _, t, e, c in entries if t == "image"])
        if images is None:
            return None
        ids |= images
        upserted = _records(s, ids, image_hashes) if ids else []
    present = {r.id for r in upserted}
    return upserted, sorted(ids - present), int(entries[-1][0])


def _image_artworks(s: Session, entries: list[tuple[int, Any]]) -> set[int] | None:
    """The artworks whose images the changelog entries ``(image id, field changes)`` added,
    removed or replaced as the default (a work's default image is its picture in the duplicate
    finder): the image's artwork as the entry records it, else as the image row says; None
    (rebuild) for an image that is gone and whose entry does not name its artwork (older
    catalogs)."""
    out: set[int] = set()
    unknown: set[int] = set()
    for image_id, changes in entries:
        recorded = (changes or {}).get("artwork_id") if isinstance(changes, dict) else None
        if isinstance(recorded, dict):
            named = [v for v in (recorded.get("old"), recorded.get("new")) if v is not None]
            if named:
                out.update(int(v) for v in named)
                continue
        unknown.add(image_id)
    if unknown:
        rows = dict(
            s.execute(
                select(ImageRow.id, ImageRow.artwork_id).where(ImageRow.id.in_(sorted(unknown)))
            ).all()
        )
        if len(rows) < len(unknown):
            return None
        out.update(int(a) for a in rows.values())
    return out


def _records(
    s: Session, ids: set[int] | None, image_hashes: ImageHashes | None
) -> list[WorkRecord]:
    """The WorkRecords of artworks ``ids`` (all when None), read in session ``s``."""

    def only(column):  # noqa: ANN001, ANN202
        return column.in_(sorted(ids)) if ids is not None else true()

    artists: dict[int, list[str]] = defaultdict(list)
    for aid, name in s.execute(
        select(ArtworkArtistRow.artwork_id, ArtistRow.name)
        .join(ArtistRow, ArtistRow.id == ArtworkArtistRow.artist_id)
        .where(only(ArtworkArtistRow.artwork_id))
        .order_by(ArtworkArtistRow.artwork_id, ArtworkArtistRow.position)
    ):
        artists[aid].append(name)
    genes: dict[int, dict[str, int]] = defaultdict(dict)
    for aid, name, value in s.execute(
        select(ArtworkGeneRow.artwork_id, GeneRow.name, ArtworkGeneRow.value)
        .join(GeneRow, GeneRow.id == ArtworkGeneRow.gene_id)
        .where(only(ArtworkGeneRow.artwork_id))
    ):
        genes[aid][name] = value
    default_images = s.execute(
        select(ImageRow.artwork_id, ImageRow.content_hash, ImageRow.path).where(
            ImageRow.is_default.is_(True), only(ImageRow.artwork_id)
        )
    ).all()
    hashes = {aid: content for aid, content, _ in default_images}
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
        for r in s.execute(select(*cols).where(only(ArtworkRow.id)).order_by(ArtworkRow.id))
    ]
    if image_hashes is not None and default_images:
        perceptual = image_hashes.lookup([(c, p) for _, c, p in default_images])
        records = [
            replace(r, image_hash=perceptual.get(r.image_hash, r.image_hash)) if r.image_hash else r
            for r in records
        ]
    return records


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
    hashes = ImageHashes(Path(index_dir).parent, index_dir)
    service = SimilarService(
        lambda: work_records(catalog, hashes),
        index_dir,
        _ThrottledArtists(catalog),
        changes_provider=lambda version: changes_since(catalog, version, hashes),
    )
    link_typed_artists(catalog, service)
    return service


def link_typed_artists(catalog: CatalogService, service: Any) -> None:
    """Have ``catalog`` link a typed artist name to the existing artist ``service`` (the
    in-process SimilarService or the worker's proxy) auto-links it to."""

    def resolve(name: str) -> int | None:
        match = service.auto_link_artist(name)
        if match is None or _digits(match[1]) != _digits(name):
            return None  # "Artist 10" is not a typo of "Artist 1"
        return match[0]

    catalog.artist_resolver = resolve


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+", text)
