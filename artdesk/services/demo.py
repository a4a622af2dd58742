"""Build the demo catalog: partners, artists, ~5,000 works with editions, genes, shows,
collections and generated pictures, all made by the project from a seed (see ``demo_data``).

The works, their artists, editions, gene values and image records are written in bulk (one
transaction, with the same derived fields and changelog entries the catalog service writes);
partners, genes, artists, shows and collections go through ``CatalogService`` one by one. The
pictures are drawn, encoded, checked and stored by worker processes while the rows are written.
The catalog is marked as a demo in ``catalog_meta`` (key ``demo``).
"""

from __future__ import annotations

import io
import multiprocessing
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from artdesk.core.dates import parse_creation_year
from artdesk.core.errors import ConflictError
from artdesk.core.fingerprint import artist_display, slug, source_fingerprint
from artdesk.core.validation import clean_artwork_fields
from artdesk.db.ids import allocate_ids
from artdesk.db.models import (
    ArtistRow,
    ArtworkArtistRow,
    ArtworkGeneRow,
    ArtworkRow,
    ChangelogRow,
    EditionSetRow,
    ImageRow,
    PartnerArtistRow,
    utcnow,
)
from artdesk.imaging.compose import render_composition
from artdesk.services import demo_data as dd
from artdesk.services.catalog import (
    _edition_fields,
    _jsonable,
    _sortable,
    search_text_for,
    sort_text,
)
from artdesk.services.changes import Changes
from artdesk.services.images import store_image_bytes
from artdesk.services.meta import get_json_meta, set_json_meta

DEMO_META_KEY = "demo"
DEFAULT_SEED = 1887
DEFAULT_ARTWORKS = 5000
SOURCE = "demo"
JPEG_QUALITY = 84
# Below this many pictures, worker processes cost more to start than they save.
MIN_IMAGES_FOR_WORKERS = 400

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class DemoSummary:
    partners: int
    artists: int
    artworks: int
    edition_sets: int
    genes: int
    shows: int
    collections: int
    images: int
    seed: int
    seconds: float

    def lines(self) -> list[str]:
        return [
            f"{self.artworks:,} artworks by {self.artists:,} artists for {self.partners} partners",
            f"{self.edition_sets:,} edition sets, {self.genes} genes, {self.shows} shows, "
            f"{self.collections} collections, {self.images:,} images",
            f"seed {self.seed}, built in {self.seconds:.1f} s",
        ]


def demo_marker(services: Any) -> dict[str, Any] | None:
    """The demo flag of a catalog (a dict: seed, counts, complete, created_at) or None.

    ``complete`` is False while a build runs, and stays False if it was interrupted.
    """
    value = get_json_meta(services.db, DEMO_META_KEY)
    return value if isinstance(value, dict) else None


# ------------------------------------------------------------------------------ pictures
@dataclass(frozen=True, slots=True)
class _PictureTask:
    index: int
    seed: int
    palette: tuple[tuple[int, int, int], ...]
    size: tuple[int, int]
    style: str


def _render_and_store(files_dir: str, task: _PictureTask) -> tuple[int, str, int, int, str]:
    """Draw one picture, encode it as JPEG, check it and put it into the image store."""
    im = render_composition(task.seed, task.palette, task.size, task.style)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=False)
    stored = store_image_bytes(Path(files_dir), buf.getvalue(), f"demo-{task.index}.jpg")
    return (
        task.index,
        stored.path,
        stored.facts.width,
        stored.facts.height,
        stored.facts.content_hash,
    )


def _render_chunk(
    files_dir: str, tasks: Sequence[_PictureTask]
) -> list[tuple[int, str, int, int, str]]:
    return [_render_and_store(files_dir, t) for t in tasks]


def _worker_context() -> multiprocessing.context.BaseContext | None:
    """fork on Linux: fast, and the caller's main module is not imported again.

    The workers only draw pictures and write files: they never touch the parent's database
    connections or threads, and they leave through ``os._exit``. Elsewhere (spawn only, which
    re-runs an unguarded ``__main__`` and needs freeze_support in bundles) pictures are drawn
    in this process.
    """
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return None


def _default_workers(n_images: int) -> int:
    if n_images < MIN_IMAGES_FOR_WORKERS or _worker_context() is None:
        return 0
    return max(1, min(4, os.cpu_count() or 1))


# ------------------------------------------------------------------------------ building
def build_demo_catalog(
    services: Any,
    *,
    artworks: int = DEFAULT_ARTWORKS,
    seed: int = DEFAULT_SEED,
    images: int | None = None,
    workers: int | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty catalog with a generated demo; the same seed gives the same catalog.

    ``images`` is how many works get a generated picture (default: all of them); ``workers`` the
    number of picture processes (default: one per core for large demos, none for small ones).
    """
    started = time.perf_counter()
    if artworks < 1:
        raise ConflictError("the demo needs at least one artwork")
    catalog = services.catalog
    existing = catalog.count_artworks()
    if existing:
        raise ConflictError(
            f"the catalog already holds {existing:,} artworks; a demo is built only into an empty catalog"
        )
    # Flag the catalog first: an interrupted build stays recognisable as an unfinished demo.
    set_json_meta(
        services.db, DEMO_META_KEY, {"seed": seed, "artworks": artworks, "complete": False}
    )
    report = progress or (lambda stage, done, total: None)
    today = today or date.today()
    rng = random.Random(seed)
    n_artists = max(8, min(450, artworks // 11))
    artists = dd.make_artists(rng, n_artists)
    works = dd.make_works(rng, artists, artworks)
    shows = dd.make_shows(rng, works, artists, today)
    collections = dd.make_collections(rng, works, today)
    n_images = artworks if images is None else max(0, min(images, artworks))
    picture_ids = sorted(random.Random(seed + 1).sample(range(artworks), n_images))
    tasks = [
        _PictureTask(
            i, works[i].image_seed, tuple(works[i].palette), works[i].image_size, works[i].style
        )
        for i in picture_ids
    ]

    n_workers = _default_workers(n_images) if workers is None else workers
    context = _worker_context()
    executor: Executor | None = (
        ProcessPoolExecutor(n_workers, mp_context=context) if n_workers > 0 and context else None
    )
    files_dir = str(services.files_dir)
    chunk = 40
    try:
        # Pictures first: worker processes draw them while this process writes the rows.
        futures = (
            [
                executor.submit(_render_chunk, files_dir, tasks[i : i + chunk])
                for i in range(0, len(tasks), chunk)
            ]
            if executor is not None
            else []
        )
        report("partners and genes", 0, 1)
        partner_ids = _create_partners(catalog)
        gene_ids = {
            name: catalog.create_gene(name, desc, source=SOURCE).id
            for name, desc in dd.GENES.items()
        }
        report("artists", 0, len(artists))
        artist_ids = _create_artists(services, artists, partner_ids)
        report("artworks", 0, len(works))
        work_ids, n_editions = _write_works(
            services, works, artists, artist_ids, partner_ids, gene_ids
        )
        report("shows and collections", 0, 1)
        for show in shows:
            created = catalog.create_show(
                partner_ids[show["partner"]],
                show["name"],
                status=show["status"],
                start_date=show["start_date"],
                end_date=show["end_date"],
                description=show["description"],
                press_release=show["press_release"],
                source=SOURCE,
            )
            catalog.set_show_artworks(
                created.id, [work_ids[i] for i in show["works"]], source=SOURCE
            )
        for coll in collections:
            created = catalog.create_collection(
                coll["name"],
                partner_id=None if coll["partner"] is None else partner_ids[coll["partner"]],
                description=coll["description"],
                source=SOURCE,
            )
            catalog.set_collection_items(
                created.id, [work_ids[i] for i in coll["works"]], source=SOURCE
            )
        results: list[tuple[int, str, int, int, str]] = []
        report("images", 0, len(tasks))
        if executor is not None:
            for fut in futures:
                results.extend(fut.result())
                report("images", len(results), len(tasks))
        else:
            for k in range(0, len(tasks), chunk):
                results.extend(_render_chunk(files_dir, tasks[k : k + chunk]))
                report("images", len(results), len(tasks))
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
    _write_images(services, results, works, work_ids, partner_ids)
    seconds = time.perf_counter() - started
    summary = DemoSummary(
        partners=len(partner_ids),
        artists=len(artists),
        artworks=len(works),
        edition_sets=n_editions,
        genes=len(gene_ids),
        shows=len(shows),
        collections=len(collections),
        images=len(results),
        seed=seed,
        seconds=seconds,
    )
    set_json_meta(
        services.db,
        DEMO_META_KEY,
        {
            "seed": seed,
            "artworks": summary.artworks,
            "artists": summary.artists,
            "images": summary.images,
            "complete": True,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )
    services.notifier.emit(
        Changes(
            kinds=frozenset({"partners", "artists", "artworks", "genes", "shows", "collections"}),
            artwork_ids=frozenset(work_ids),
            source=SOURCE,
        )
    )
    return summary


def _create_partners(catalog: Any) -> list[int]:
    from artdesk.core.errors import NotFoundError

    ids = []
    for p in dd.PARTNERS:
        try:
            ids.append(catalog.get_partner_by_slug(p["slug"]).id)
            continue
        except NotFoundError:
            pass
        fields = {k: p[k] for k in ("email", "region", "website", "profile_handle", "description")}
        ids.append(
            catalog.create_partner(
                p["name"], slug_=p["slug"], type=p["type"], source=SOURCE, **fields
            ).id
        )
    return ids


def _create_artists(
    services: Any, artists: list[dd.DemoArtist], partner_ids: list[int]
) -> list[int]:
    """Insert the (new, distinct) artists with their partner links and changelog in one go."""
    now = utcnow()
    table = ArtistRow.__table__
    with services.db.write() as s:
        taken = set(s.scalars(select(ArtistRow.slug)))
        clash = [a.name for a in artists if slug(a.name) in taken]
        if clash:
            raise ConflictError(
                f"the catalog has artists the demo would create: {', '.join(clash[:3])}"
            )
        ids = allocate_ids(s, table, len(artists))
        rows, links, logs = [], [], []
        for aid, a in zip(ids, artists, strict=True):
            fields = {
                "nationality": a.nationality,
                "birth_year": a.birth_year,
                "death_year": a.death_year,
                "biography": a.biography,
                "gender": a.gender,
                "hometown": a.hometown,
            }
            rows.append(
                {
                    "id": aid,
                    "name": a.name,
                    "slug": slug(a.name),
                    "sortable_name": _sortable(a.name),
                    "external_url": None,
                    "created_at": now,
                    "updated_at": now,
                    **fields,
                }
            )
            for p in a.partners:
                links.append({"partner_id": partner_ids[p], "artist_id": aid})
            logs.append(
                {
                    "entity_type": "artist",
                    "entity_id": aid,
                    "action": "create",
                    "source": SOURCE,
                    "field_changes": {
                        k: {"old": None, "new": v}
                        for k, v in {"name": a.name, **fields}.items()
                        if v is not None
                    },
                    "partner_id": partner_ids[a.partners[0]],
                    "created_at": now,
                }
            )
        s.execute(table.insert(), rows)
        s.execute(PartnerArtistRow.__table__.insert(), links)
        s.execute(ChangelogRow.__table__.insert(), logs)
    return ids


def _write_works(
    services: Any,
    works: list[dd.DemoWork],
    artists: list[dd.DemoArtist],
    artist_ids: list[int],
    partner_ids: list[int],
    gene_ids: dict[str, int],
) -> tuple[list[int], int]:
    """Insert every work with its artists, editions and genes in one transaction."""
    now = utcnow()
    rows: list[dict[str, Any]] = []
    logs: list[dict[str, Any]] = []
    for w in works:
        clean = clean_artwork_fields(w.fields, require_title=True)
        clean["creation_year"] = parse_creation_year(clean.get("date_text"))
        names = [artists[i].name for i in w.artists]
        display = artist_display(names)
        row = {k: clean.get(k) for k in _ARTWORK_COLUMNS}
        row.update(
            partner_id=partner_ids[w.partner],
            published=bool(clean.get("published", False)),
            artist_names=display,
            artist_sort=sort_text(_sortable(names[0])),
            title_sort=sort_text(clean["title"]),
            search_text=search_text_for(
                clean["title"],
                display,
                clean.get("medium"),
                clean.get("inventory_number"),
                clean.get("description"),
            ),
            source_fingerprint=source_fingerprint(
                display, clean["title"], clean.get("creation_year")
            ),
            created_at=now,
            updated_at=now,
            version=1,
        )
        rows.append(row)
        changes = {k: {"old": None, "new": v} for k, v in clean.items() if v is not None}
        changes["artists"] = {"old": None, "new": names}
        logs.append(_jsonable(changes))
    n_editions = 0
    with services.db.write() as s:
        ids = allocate_ids(s, ArtworkRow.__table__, len(rows))
        for aid, row in zip(ids, rows, strict=True):
            row["id"] = aid
        s.execute(ArtworkRow.__table__.insert(), rows)
        linked = {
            tuple(r)
            for r in s.execute(select(PartnerArtistRow.partner_id, PartnerArtistRow.artist_id))
        }
        links, partner_links, editions, genes, changelog = [], [], [], [], []
        for w, aid, row, change in zip(works, ids, rows, logs, strict=True):
            for pos, ai in enumerate(w.artists):
                links.append({"artwork_id": aid, "position": pos, "artist_id": artist_ids[ai]})
                key = (row["partner_id"], artist_ids[ai])
                if key not in linked:
                    linked.add(key)
                    partner_links.append({"partner_id": key[0], "artist_id": key[1]})
            for e in w.editions:
                editions.append(
                    {
                        **_EDITION_BLANK,
                        **_edition_fields(e),
                        "artwork_id": aid,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            for name, value in w.genes.items():
                genes.append({"artwork_id": aid, "gene_id": gene_ids[name], "value": value})
            changelog.append(
                {
                    "entity_type": "artwork",
                    "entity_id": aid,
                    "action": "create",
                    "source": SOURCE,
                    "field_changes": change,
                    "partner_id": row["partner_id"],
                    "created_at": now,
                }
            )
        s.execute(ArtworkArtistRow.__table__.insert(), links)
        if partner_links:
            s.execute(PartnerArtistRow.__table__.insert(), partner_links)
        if editions:
            edition_ids = allocate_ids(s, EditionSetRow.__table__, len(editions))
            for eid, e in zip(edition_ids, editions, strict=True):
                e["id"] = eid
            s.execute(EditionSetRow.__table__.insert(), editions)
            n_editions = len(edition_ids)
            partner_of = dict(zip(ids, (r["partner_id"] for r in rows), strict=True))
            for eid, e in zip(edition_ids, editions, strict=True):
                fields = {
                    k: v
                    for k, v in e.items()
                    if k not in ("id", "artwork_id", "created_at", "updated_at")
                }
                changelog.append(
                    {
                        "entity_type": "edition_set",
                        "entity_id": eid,
                        "action": "create",
                        "source": SOURCE,
                        "field_changes": _jsonable(
                            {k: {"old": None, "new": v} for k, v in fields.items() if v is not None}
                        ),
                        "partner_id": partner_of[e["artwork_id"]],
                        "created_at": now,
                    }
                )
        s.execute(ArtworkGeneRow.__table__.insert(), genes)
        s.execute(ChangelogRow.__table__.insert(), changelog)
    return ids, n_editions


def _write_images(
    services: Any,
    results: list[tuple[int, str, int, int, str]],
    works: list[dd.DemoWork],
    work_ids: list[int],
    partner_ids: list[int],
) -> None:
    if not results:
        return
    now = utcnow()
    rows = [
        {
            "artwork_id": work_ids[i],
            "path": path,
            "content_hash": h,
            "width": w,
            "height": ht,
            "position": 0,
            "is_default": True,
            "created_at": now,
            "updated_at": now,
        }
        for i, path, w, ht, h in results
    ]
    with services.db.write() as s:
        ids = allocate_ids(s, ImageRow.__table__, len(rows))
        for iid, r in zip(ids, rows, strict=True):
            r["id"] = iid
        s.execute(ImageRow.__table__.insert(), rows)
        s.execute(
            ChangelogRow.__table__.insert(),
            [
                {
                    "entity_type": "image",
                    "entity_id": iid,
                    "action": "create",
                    "source": SOURCE,
                    "field_changes": {"path": {"old": None, "new": r["path"]}},
                    "partner_id": partner_ids[works[i].partner],
                    "created_at": now,
                }
                for iid, r, (i, *_rest) in zip(ids, rows, results, strict=True)
            ],
        )


_EDITION_BLANK = {
    c.name: None
    for c in EditionSetRow.__table__.columns
    if c.name not in {"id", "artwork_id", "created_at", "updated_at"}
}
_ARTWORK_COLUMNS = tuple(
    c.name
    for c in ArtworkRow.__table__.columns
    if c.name
    not in {
        "id",
        "partner_id",
        "published",
        "artist_names",
        "artist_sort",
        "title_sort",
        "search_text",
        "source_fingerprint",
        "created_at",
        "updated_at",
        "version",
        "last_synced_at",
    }
)
