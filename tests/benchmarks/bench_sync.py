"""Sync benchmark: push 10,000 new works to a local artdesk server, pull them into an empty desk.

The server is a separate `artdesk serve --port 0` process over its own SQLite catalog, with a key
made by `artdesk keys create --rate-limit` high enough for the run. Prints works/s for each
direction; the target on this machine is under 60 s each.

    python tests/benchmarks/bench_sync.py [--works 10000] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _cli(env: dict[str, str], *args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "artdesk", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--works", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    from artdesk.services.container import open_services

    with tempfile.TemporaryDirectory(prefix="artdesk-bench-sync-") as tmp:
        root = Path(tmp)
        env = dict(os.environ, ARTDESK_DATA_DIR=str(root / "data"))
        os.environ["ARTDESK_DATA_DIR"] = env["ARTDESK_DATA_DIR"]
        server_catalog = str(root / "server.sqlite")
        _make_partner(server_catalog, root)
        key = (
            _cli(
                env,
                "--catalog",
                server_catalog,
                "keys",
                "create",
                "--partner",
                "galerie-nord",
                "--scope",
                "artworks:read",
                "--scope",
                "artworks:write",
                "--rate-limit",
                "1000000",
            )
            .strip()
            .splitlines()[-1]
        )
        server = subprocess.Popen(
            [sys.executable, "-m", "artdesk", "--catalog", server_catalog, "serve", "--port", "0"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            line = server.stdout.readline().strip()
            if not line.startswith("listening on "):
                raise SystemExit(f"the server did not start: {line} {server.stderr.read()}")
            address = line.removeprefix("listening on ")

            desk = open_services(f"sqlite:///{root / 'desk.sqlite'}", root / "desk.files")
            desk.sync.concurrency = args.concurrency
            partner = desk.catalog.create_partner("Galerie Nord")
            t = time.perf_counter()
            for i in range(args.works):
                desk.catalog.create_artwork(
                    {
                        "title": f"Study {i}",
                        "creation_year": 1900 + i % 120,
                        "medium": "Oil on canvas",
                        "dimensions": "40 × 30 cm",
                        "price": 1000 + i,
                        "currency": "EUR",
                        "availability": "available",
                        "description": f"Bench work {i}",
                    },
                    partner_id=partner.id,
                    source="bench",
                    artists=[f"Painter {i % 500}"],
                )
            print(f"made {args.works} local works in {time.perf_counter() - t:.1f} s")
            desk.sync.add_remote("server", address, "artdesk", token=key)

            t = time.perf_counter()
            report = desk.sync.push("server")
            push_s = time.perf_counter() - t
            assert report.status == "done" and report.counts.get("created") == args.works, (
                report.summary()
            )
            print(
                f"push: {args.works} works in {push_s:.1f} s = {args.works / push_s:.0f} works/s "
                f"(target < 60 s: {'met' if push_s < 60 else 'NOT met'})"
            )

            empty = open_services(f"sqlite:///{root / 'empty.sqlite'}", root / "empty.files")
            empty.sync.concurrency = args.concurrency
            empty.sync.add_remote("server", address, "artdesk", token=key)
            t = time.perf_counter()
            report = empty.sync.pull("server")
            pull_s = time.perf_counter() - t
            assert report.status == "done" and empty.catalog.count_artworks() == args.works, (
                report.summary()
            )
            print(
                f"pull: {args.works} works in {pull_s:.1f} s = {args.works / pull_s:.0f} works/s "
                f"(target < 60 s: {'met' if pull_s < 60 else 'NOT met'})"
            )

            t = time.perf_counter()
            again = desk.sync.sync("server")
            print(
                f"second sync of the pushing desk: {time.perf_counter() - t:.1f} s, "
                + "; ".join(r.summary() for r in again)
            )
            desk.close()
            empty.close()
        finally:
            server.terminate()
            server.wait(30)
    return 0


def _make_partner(catalog: str, root: Path) -> None:
    from artdesk.services.container import open_services

    services = open_services(f"sqlite:///{catalog}", root / "server.files")
    services.catalog.create_partner("Galerie Nord")
    services.close()


if __name__ == "__main__":
    sys.exit(main())
