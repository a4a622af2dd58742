"""Benchmark: walking the HAL API's `next` links over a 150,000-artwork catalog.

    python tests/benchmarks/bench_api_hal.py [--artworks 150000] [--size 100]

Builds a SQLite catalog (artdesk's migrations, rows written in bulk) with two partners: 90% of
the works belong to the first, published; 10% to the second, a third of them unpublished. A
real server thread (ApiServer, 127.0.0.1, port 0) serves it. A token of the FIRST partner
follows `next` from the first page to the last and the script checks it saw every visible
artwork exactly once (the second partner's unpublished works never). Prints the first page's
time, the median/p95/max page time over the whole walk and the last page's time: with keyset
cursors the last page costs what the first does (target: last-10-pages median within 2x of
the first-10-pages median).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

import httpx
from sqlalchemy import insert

from artdesk.api.server import ApiServer
from artdesk.core.fingerprint import slug, source_fingerprint
from artdesk.db.models import ArtistRow, ArtworkArtistRow, ArtworkRow
from artdesk.services.catalog import search_text_for, sort_text
from artdesk.services.container import open_services

WORDS = [
    "Blue",
    "Composition",
    "Field",
    "Study",
    "Lake",
    "Morning",
    "Figure",
    "Red",
    "Garden",
    "Night",
    "Portrait",
    "Landscape",
    "Untitled",
    "Harbour",
    "Interior",
    "Light",
]


def build(services, n: int) -> tuple[int, int, int]:  # noqa: ANN001
    """(first partner id, second partner id, works visible to the first partner)."""
    first = services.catalog.create_partner("Galerie Nord")
    second = services.catalog.create_partner("Kunsthaus Süd")
    rng = random.Random(11)
    now = datetime(2026, 1, 1)
    names = [f"Artist {i}" for i in range(max(10, n // 40))]
    visible = 0
    t0 = time.perf_counter()
    with services.db.write() as s:
        s.execute(
            insert(ArtistRow),
            [
                {
                    "id": i + 1,
                    "name": a,
                    "slug": slug(a),
                    "sortable_name": a,
                    "created_at": now,
                    "updated_at": now,
                }
                for i, a in enumerate(names)
            ],
        )
        batch, links = [], []
        for aid in range(1, n + 1):
            own = rng.random() < 0.9
            published = own or rng.random() < 2 / 3
            visible += own or published
            title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {aid}"
            ai = rng.randrange(len(names))
            year = rng.randint(1900, 2025)
            batch.append(
                {
                    "id": aid,
                    "partner_id": first.id if own else second.id,
                    "title": title,
                    "creation_year": year,
                    "medium": "Oil on canvas",
                    "height_cm": rng.randint(10, 200),
                    "width_cm": rng.randint(10, 200),
                    "price": rng.randint(5, 500) * 100,
                    "currency": "EUR",
                    "availability": rng.choice(["available", "sold", "reserved", "not_for_sale"]),
                    "published": published,
                    "source_fingerprint": source_fingerprint(names[ai], title, year),
                    "artist_names": names[ai],
                    "artist_sort": sort_text(names[ai]),
                    "title_sort": sort_text(title),
                    "search_text": search_text_for(title, names[ai], None, None, None),
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
            links.append({"artwork_id": aid, "position": 0, "artist_id": ai + 1})
            if len(batch) == 10_000:
                s.execute(insert(ArtworkRow), batch)
                s.execute(insert(ArtworkArtistRow), links)
                batch, links = [], []
        if batch:
            s.execute(insert(ArtworkRow), batch)
            s.execute(insert(ArtworkArtistRow), links)
    print(f"built {n:,} artworks in {time.perf_counter() - t0:.1f} s ({visible:,} visible)")
    return first.id, second.id, visible


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artworks", type=int, default=150_000)
    parser.add_argument("--size", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.sqlite"
        services = open_services(f"sqlite:///{path}", Path(tmp) / "files")
        try:
            first, _second, visible = build(services, args.artworks)
            key = services.keys.create(first, ["artworks:read"], rate_limit_per_minute=10**9)
            with ApiServer(services) as server, httpx.Client(timeout=60) as http:
                base = f"{server.address}/api"
                root = http.get(base).json()["_links"]
                token = http.post(
                    root["xapp_token"]["href"].split("{")[0],
                    data={"client_id": key.key.prefix, "client_secret": key.secret},
                ).json()["token"]
                headers = {"X-Xapp-Token": token}
                url: str | None = root["artworks"]["href"].split("{")[0] + f"?size={args.size}"
                times: list[float] = []
                seen: set[int] = set()
                count = 0
                while url:
                    t = time.perf_counter()
                    r = http.get(url, headers=headers)
                    times.append(time.perf_counter() - t)
                    r.raise_for_status()
                    body = r.json()
                    ids = [int(a["id"]) for a in body["_embedded"]["artworks"]]
                    count += len(ids)
                    seen.update(ids)
                    url = body["_links"].get("next", {}).get("href")
        finally:
            services.close()
    ms = [t * 1000 for t in times]
    head = statistics.median(ms[:10])
    tail = statistics.median(ms[-10:])
    print(
        f"pages: {len(ms):,} of {args.size}; items seen: {count:,}; distinct: {len(seen):,}; "
        f"visible: {visible:,}; exactly once: {count == len(seen) == visible}"
    )
    print(
        f"first page: {ms[0]:.1f} ms; median {statistics.median(ms):.1f} ms; "
        f"p95 {sorted(ms)[int(len(ms) * 0.95)]:.1f} ms; max {max(ms):.1f} ms; "
        f"last page: {ms[-1]:.1f} ms"
    )
    print(
        f"first 10 pages median {head:.1f} ms, last 10 pages median {tail:.1f} ms "
        f"(ratio {tail / head:.2f}; target <= 2)"
    )


if __name__ == "__main__":
    main()
