"""Time `build_demo_catalog` (default 5,000 artworks, all with pictures) into a fresh catalog.

Prints wall time per stage, the CPU seconds of this process and of the picture workers, and the
load average, because on a shared 2-core machine wall time alone says little. Target: under 60 s
wall on an otherwise idle 2-core machine.

    python tests/benchmarks/bench_demo.py [--artworks 5000] [--images N] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path


def cpu() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--artworks", type=int, default=5000)
    parser.add_argument("--images", type=int, default=None)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the catalog folder")
    args = parser.parse_args()

    from artdesk.services.container import open_services
    from artdesk.services.demo import build_demo_catalog

    folder = Path(tempfile.mkdtemp(prefix="artdesk-bench-demo-"))
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    services = open_services(f"sqlite:///{folder / 'demo.sqlite'}", folder / "demo.files")
    stages: list[tuple[str, float]] = []

    def progress(stage: str, done: int, total: int) -> None:
        if done == 0 or done == total:
            stages.append((f"{stage} {done}/{total}", time.perf_counter() - t0))

    try:
        summary = build_demo_catalog(
            services,
            artworks=args.artworks,
            images=args.images,
            workers=args.workers,
            progress=progress,
        )
    finally:
        services.close()
    wall = time.perf_counter() - t0
    own, workers = cpu()
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    for name, at in stages:
        print(f"  {at:7.1f} s  {name}")
    print("\n".join(summary.lines()))
    print(f"wall {wall:.1f} s (target < 60 s on an idle 2-core machine)")
    print(f"cpu: main process {own:.1f} s, picture workers {workers:.1f} s")
    print(
        f"load average 1 min: {load_before:.1f} before, {os.getloadavg()[0]:.1f} after (cores: {os.cpu_count()})"
    )
    print(f"catalog folder {size / 1e6:.0f} MB, {args.artworks / wall:.0f} artworks/s")
    if args.keep:
        print(folder)
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
