"""Import benchmark: MoMA (123,919 rows) into a fresh catalog, against a plain sqlite3 executemany.

    python3 tests/benchmarks/bench_import.py [--file PATH] [--keep DIR]

Prints rows/s, wall time and peak memory (RSS) of artdesk's import (parse, dates, fingerprints,
artists, search index, changelog), then the time of a plain `sqlite3` executemany of the same
rows (already parsed, into one table without indexes) in the same run: the floor for any import.
A file this large is read and prepared by a worker process while the importing process writes,
so the CPU time of both is printed, with the worker's peak memory, and the load average (other
work on the machine slows both processes). Target on a 2-core machine: the whole MoMA import in
under 10 s and under 400 MB peak.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from artdesk.services.container import open_services  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def plain_sqlite(path: Path, workdir: Path) -> tuple[float, int]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = list(reader)
    db = sqlite3.connect(workdir / "plain.sqlite")
    cols = ", ".join(f'"{c}"' for c in header)
    db.execute(f"CREATE TABLE artworks ({cols})")
    start = time.perf_counter()
    with db:
        db.executemany(f"INSERT INTO artworks VALUES ({', '.join('?' * len(header))})", rows)
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed, len(rows)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--file", type=Path, default=REPO.parent / "shared" / "data" / "moma_artworks.csv.gz"
    )
    parser.add_argument("--preset", default="moma")
    parser.add_argument("--keep", type=Path, help="keep the catalog in this folder")
    args = parser.parse_args()
    if not args.file.exists():
        print(f"{args.file} is absent: the benchmark reads the shared MoMA file", file=sys.stderr)
        return 2
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="artdesk-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    catalog = workdir / "catalog.sqlite"
    for f in workdir.glob("catalog.sqlite*"):
        f.unlink()
    services = open_services(f"sqlite:///{catalog}", workdir / "files")
    rss_before = peak_rss_mb()
    load_before = load()
    cpu = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = services.importer.run(args.file, preset=args.preset)
    elapsed = time.perf_counter() - start
    cpu_main = cpu_seconds(resource.RUSAGE_SELF) - cpu[0]
    cpu_worker = cpu_seconds(resource.RUSAGE_CHILDREN) - cpu[1]
    rss_after = peak_rss_mb()
    rss_worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    load_after = load()
    cpu = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
    again_start = time.perf_counter()
    again = services.importer.run(args.file, preset=args.preset)
    again_elapsed = time.perf_counter() - again_start
    again_main = cpu_seconds(resource.RUSAGE_SELF) - cpu[0]
    again_worker = cpu_seconds(resource.RUSAGE_CHILDREN) - cpu[1]
    services.close()
    plain_elapsed, plain_rows = plain_sqlite(args.file, workdir)

    print(f"file: {args.file.name} ({result.rows} rows)")
    print(f"{load_before} before the import, {load_after} after it")
    print(
        f"artdesk import:      {elapsed:8.2f} s  {result.rows / elapsed:10.0f} rows/s  ({result.summary()})"
    )
    print(f"  CPU: importing process {cpu_main:.2f} s, reader process {cpu_worker:.2f} s")
    print(
        f"peak memory (RSS):   {rss_after:8.0f} MB (before the import {rss_before:.0f} MB); "
        f"reader process {rss_worker:.0f} MB"
    )
    print(f"re-import unchanged: {again_elapsed:8.2f} s  ({again.summary()})")
    print(f"  CPU: importing process {again_main:.2f} s, reader process {again_worker:.2f} s")
    print(
        f"plain sqlite3 executemany of the same rows: {plain_elapsed:.2f} s "
        f"({plain_rows / plain_elapsed:.0f} rows/s; parsed rows, one table, no indexes)"
    )
    print(f"catalog size: {catalog.stat().st_size / 1e6:.0f} MB at {catalog}")
    print(
        f"target: under 10 s and 400 MB -> {'met' if elapsed < 10 and rss_after < 400 else 'NOT met'}"
    )
    print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
