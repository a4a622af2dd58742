"""Benchmark: full-text search per query length, as the search box sends it while typing.

Uses the 150,000-artwork catalog of bench_gui.py (built from the shared MoMA and Tate data if
absent, and brought to the newest schema), then prints for 1-, 2- and 3-letter prefixes and
whole words the median time of what one keystroke costs the catalog service:

* ``count``: count_artworks (the table's row count for the query);
* ``ids id`` / ``ids title``: the first 200 ids in the default order (id) and by title;
* ``page`` / ``page title``: list_artworks of the first 200 rows (what the table model loads)
  in the default order and by title;
* ``keystroke`` / ``keystroke title``: count + page one after the other (the table model runs
  both in the background and shows the rows when both are in, so this is the worst case on a
  busy machine). The target: under 150 ms on 150,000 works.

With several ``--catalog`` files (e.g. copies of one catalog at two schema revisions, opened
``--as-is``), every measurement alternates between them in the same run, so the comparison holds
under other load. ``--fts-rebuild N`` also times the importer's bulk full-text indexing of N
works' search text with and without the FTS5 prefix index (alternating, same run).

Run: python tests/benchmarks/bench_search.py [--catalog PATH ...] [--as-is] [--repeat 5]
     [--fts-rebuild 123919]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from artdesk.db import migrate  # noqa: E402
from artdesk.db.engine import Database, sqlite_url  # noqa: E402
from artdesk.services.catalog import ArtworkQuery, CatalogService  # noqa: E402

QUERIES = (
    ("1 letter", ("p", "s", "m")),
    ("2 letters", ("pa", "st", "mo")),
    ("3 letters", ("pai", "sti", "mon")),
    ("whole word", ("painting", "still life", "untitled")),
)
FTS_BASE = (
    "search_text, content='artworks', content_rowid='id', tokenize='unicode61 remove_diacritics 2'"
)


def load_average() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def fts_options(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'artworks_fts'").fetchone()
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    prefix = "prefix index" if row and "prefix" in row[0] else "no prefix index"
    return f"{rev[0] if rev else '?'}, {prefix}"


def bench_queries(catalogs: dict[str, CatalogService], repeat: int) -> None:
    steps: dict[str, Callable[[CatalogService, str], object]] = {
        "count": lambda c, t: c.count_artworks(ArtworkQuery(text=t)),
        "ids id": lambda c, t: c.list_artwork_ids(ArtworkQuery(text=t), 0, 200),
        "ids title": lambda c, t: c.list_artwork_ids(ArtworkQuery(text=t, sort="title"), 0, 200),
        "page": lambda c, t: c.list_artworks(ArtworkQuery(text=t), 0, 200),
        "page title": lambda c, t: c.list_artworks(ArtworkQuery(text=t, sort="title"), 0, 200),
    }
    for label, texts in QUERIES:
        # times[catalog][step] over every text and repetition
        times: dict[str, dict[str, list[float]]] = {
            name: {s: [] for s in (*steps, "keystroke", "keystroke title")} for name in catalogs
        }
        hits: dict[str, int] = {}
        for text in texts:
            for catalog in catalogs.values():  # warm the page cache once
                hits[text] = catalog.count_artworks(ArtworkQuery(text=text))
            for _ in range(repeat):
                for name, catalog in catalogs.items():
                    got = {
                        s: timed(lambda f=f, c=catalog, t=text: f(c, t)) for s, f in steps.items()
                    }
                    for s, ms in got.items():
                        times[name][s].append(ms)
                    times[name]["keystroke"].append(got["count"] + got["page"])
                    times[name]["keystroke title"].append(got["count"] + got["page title"])
        found = ", ".join(f"{t!r} {hits[t]:,}" for t in texts)
        print(f"{label} ({found} hits), median of {len(texts) * repeat}; {load_average()}")
        for name, per_step in times.items():
            figures = "  ".join(
                f"{s} {statistics.median(v):.0f} ms (worst {max(v):.0f})"
                for s, v in per_step.items()
            )
            print(f"  {name}: {figures}", flush=True)


def bench_fts_rebuild(source: Path, rows: int, repeat: int) -> None:
    """The importer's bulk indexing (INSERT INTO artworks_fts ... SELECT), with and without prefix."""
    with tempfile.TemporaryDirectory(prefix="artdesk-fts-") as tmp:
        path = Path(tmp) / "fts.sqlite"
        conn = sqlite3.connect(path)
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        conn.execute("CREATE TABLE artworks (id INTEGER PRIMARY KEY, search_text TEXT)")
        conn.execute(
            "INSERT INTO artworks SELECT id, search_text FROM src.artworks ORDER BY id LIMIT ?",
            (rows,),
        )
        conn.commit()
        conn.execute("DETACH DATABASE src")
        times: dict[str, list[float]] = {"without prefix": [], "prefix='1 2'": []}
        for _ in range(repeat):
            for name, options in (
                ("without prefix", FTS_BASE),
                ("prefix='1 2'", f"{FTS_BASE}, prefix='1 2'"),
            ):
                conn.execute("DROP TABLE IF EXISTS artworks_fts")
                conn.execute(f"CREATE VIRTUAL TABLE artworks_fts USING fts5({options})")
                conn.commit()
                started = time.process_time()
                conn.execute(
                    "INSERT INTO artworks_fts(rowid, search_text) SELECT id, search_text FROM artworks"
                )
                conn.commit()
                times[name].append(time.process_time() - started)
        conn.close()
    print(
        f"bulk FTS indexing of {rows:,} works (CPU seconds, median of {repeat}); {load_average()}"
    )
    for name, v in times.items():
        print(f"  {name}: {statistics.median(v):.2f} s (all: {', '.join(f'{x:.2f}' for x in v)})")
    extra = statistics.median(times["prefix='1 2'"]) - statistics.median(times["without prefix"])
    print(f"  the prefix index costs the import {extra:+.2f} s CPU")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", type=Path, action="append")
    parser.add_argument("--rows", type=int, default=150_000)
    parser.add_argument("--as-is", action="store_true", help="do not upgrade the catalogs")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--fts-rebuild", type=int, default=0, metavar="N")
    args = parser.parse_args()
    paths = args.catalog or [Path(tempfile.gettempdir()) / "artdesk-bench-gui.sqlite"]
    if not args.catalog and not paths[0].exists():
        from bench_gui import build_catalog

        build_catalog(paths[0], args.rows)
    catalogs: dict[str, CatalogService] = {}
    for path in paths:
        if not path.exists():
            sys.exit(f"{path} does not exist")
        db = Database(sqlite_url(path))
        if not args.as_is:
            migrate.upgrade(db)
        catalog = CatalogService(db)
        total = catalog.count_artworks(ArtworkQuery())
        name = f"{path.name} ({fts_options(path)})"
        print(f"{name}: {total:,} works")
        catalogs[name] = catalog
    bench_queries(catalogs, args.repeat)
    if args.fts_rebuild:
        bench_fts_rebuild(paths[0], args.fts_rebuild, max(3, args.repeat // 2))
    for catalog in catalogs.values():
        catalog.db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
