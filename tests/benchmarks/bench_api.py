"""Benchmark: the v1 API on a 150,000-artwork catalog against Datasette serving the same file.

    python tests/benchmarks/bench_api.py [--artworks 150000] [--seconds 10] [--connections 16]

Builds the catalog (migrated with artdesk's migrations, rows written in bulk), serves it with
the same runner as `artdesk serve` in a child process, loads it with `wrk` on loopback
(Debian package `wrk`) and prints requests/s, p50 and p99 for:
  GET /v1/artworks?page=1&limit=100, the same at page 1,200, GET /v1/artworks/{random id};
and Datasette (`pip install '.[bench]'`) on the same SQLite file:
  /db/artworks.json?_shape=objects&_size=100 and one row by random id.
Targets: page 1 >= 3x Datasette's page requests/s; page 1,200 p50 within 2x of page 1's;
single artwork >= 2,000 requests/s.

Every line also shows the load average when it was measured and the CPU time the server
process spent per request (from /proc, so it hardly depends on what else the machine runs):
compare designs by that when the machine is shared.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert

from artdesk.core.fingerprint import slug, source_fingerprint
from artdesk.db.models import ArtistRow, ArtworkArtistRow, ArtworkRow, PartnerArtistRow
from artdesk.services.catalog import search_text_for, sort_text
from artdesk.services.container import open_services

MEDIA = [
    "Oil on canvas",
    "Acrylic on linen",
    "Gelatin silver print",
    "Bronze",
    "Ink on paper",
    "Watercolour",
    "Woodcut",
    "Mixed media",
    "Tempera on panel",
    "Charcoal on paper",
]
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
    "Series",
]
AVAIL = ["available", "sold", "reserved", "not_for_sale"]

SERVER = """
import sys
from pathlib import Path
from artdesk.api.server import serve_foreground
from artdesk.services.container import open_services
services = open_services("sqlite:///" + sys.argv[1], Path(sys.argv[1] + ".files"), upgrade=False)
sys.exit(serve_foreground(services, "127.0.0.1", 0))
"""


def build_catalog(path: Path, n: int) -> None:
    """A migrated catalog with ``n`` artworks of one partner (ids 1..n)."""
    services = open_services(f"sqlite:///{path}", path.parent / "files")
    partner = services.catalog.create_partner("Galerie Nord")
    rng = random.Random(7)
    n_artists = max(10, n // 30)
    names = [
        f"{rng.choice(['Anna', 'Jon', 'Maria', 'Kenji', 'Lea', 'Omar', 'Ines', 'Piet'])} "
        f"{rng.choice(['Schmidt', 'Berg', 'Okafor', 'Tanaka', 'Silva', 'Novak', 'Dupont'])} {i}"
        for i in range(n_artists)
    ]
    now = datetime(2026, 1, 1)
    t0 = time.perf_counter()
    with services.db.write() as s:
        s.execute(
            insert(ArtistRow),
            [
                {
                    "id": i + 1,
                    "name": name,
                    "slug": slug(name),
                    "sortable_name": name,
                    "created_at": now,
                    "updated_at": now,
                }
                for i, name in enumerate(names)
            ],
        )
        s.execute(
            insert(PartnerArtistRow),
            [{"partner_id": partner.id, "artist_id": i + 1} for i in range(n_artists)],
        )
        batch, links = [], []
        for aid in range(1, n + 1):
            title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {aid}"
            artist_index = rng.randrange(n_artists)
            artist = names[artist_index]
            year = rng.randint(1900, 2025)
            medium = rng.choice(MEDIA)
            batch.append(
                {
                    "id": aid,
                    "partner_id": partner.id,
                    "title": title,
                    "creation_year": year,
                    "medium": medium,
                    "dimensions": f"{rng.randint(10, 200)} × {rng.randint(10, 200)} cm",
                    "price": rng.randint(5, 500) * 100,
                    "currency": "EUR",
                    "availability": rng.choice(AVAIL),
                    "inventory_number": f"GN-{aid:06d}",
                    "description": f"{title} by {artist}.",
                    "published": True,
                    "source_fingerprint": source_fingerprint(artist, title, year),
                    "artist_names": artist,
                    "artist_sort": sort_text(artist),
                    "title_sort": sort_text(title),
                    "search_text": search_text_for(title, artist, medium, f"GN-{aid:06d}", None),
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
            links.append({"artwork_id": aid, "position": 0, "artist_id": artist_index + 1})
            if len(batch) == 10_000:
                s.execute(insert(ArtworkRow), batch)
                s.execute(insert(ArtworkArtistRow), links)
                batch, links = [], []
        if batch:
            s.execute(insert(ArtworkRow), batch)
            s.execute(insert(ArtworkArtistRow), links)
    services.close()
    conn = sqlite3.connect(path)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"built {n:,} artworks and {n_artists:,} artists in {time.perf_counter() - t0:.1f} s")


def bench_key(path: Path) -> str:
    services = open_services(f"sqlite:///{path}", path.parent / "files", upgrade=False)
    try:
        partner = services.catalog.get_partner_by_slug("galerie-nord")
        return services.keys.create(
            partner.id, ["artworks:read"], rate_limit_per_minute=10**9
        ).secret
    finally:
        services.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not come up")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(m.group(1)) * _UNITS[m.group(2)] if m else float("nan")


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU time of a process so far (Linux /proc; NaN elsewhere)."""
    if pid is None:
        return float("nan")
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return float("nan")
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def wrk(
    url: str,
    *,
    seconds: int,
    connections: int,
    headers: dict[str, str],
    script: Path | None = None,
    pid: int | None = None,
) -> dict[str, float]:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    for k, v in headers.items():
        cmd += ["-H", f"{k}: {v}"]
    if script is not None:
        cmd += ["-s", str(script)]
    cpu_before = cpu_seconds(pid)
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    cpu = cpu_seconds(pid) - cpu_before
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "errors": errors.group(1) if errors else "",
        "load": load_average(),
        "cpu_us": cpu / requests * 1e6 if requests else float("nan"),
    }


def random_id_script(folder: Path, template: str, n: int) -> Path:
    path = folder / f"random_{abs(hash(template))}.lua"
    path.write_text(
        "math.randomseed(42)\n"
        "request = function()\n"
        f"  local id = math.random(1, {n})\n"
        f"  return wrk.format('GET', string.format('{template}', id))\n"
        "end\n"
    )
    return path


def show(name: str, r: dict[str, float]) -> None:
    extra = f"  non-2xx {r['non2xx']}" if r["non2xx"] else ""
    extra += f"  socket errors: {r['errors']}" if r["errors"] else ""
    print(
        f"{name:<52} {r['rps']:>9,.1f} req/s   p50 {r['p50']:>7.2f} ms   p99 {r['p99']:>7.2f} ms"
        f"   server CPU {r['cpu_us']:>7,.0f} us/req   load {r['load']}{extra}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artworks", type=int, default=150_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--catalog", type=Path, help="reuse (or build once into) this db.sqlite")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed (apt-get install wrk)")
    if shutil.which("datasette") is None:
        raise SystemExit("datasette is needed (pip install '.[bench]')")
    folder = Path(tempfile.mkdtemp(prefix="artdesk-bench-"))
    db = args.catalog or folder / "db.sqlite"  # Datasette names the database after the file
    if db.stem != "db":
        raise SystemExit("the catalog file must be called db.sqlite (Datasette serves it as /db)")
    if not db.exists():
        build_catalog(db, args.artworks)
    secret = bench_key(db)
    auth = {"Authorization": f"Bearer {secret}"}
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    api = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(db)], stdout=subprocess.PIPE, text=True, env=env
    )
    line = api.stdout.readline().strip()
    address = line.removeprefix("listening on ")
    ds_port = free_port()
    ds = subprocess.Popen(
        ["datasette", "serve", str(db), "-h", "127.0.0.1", "-p", str(ds_port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    ds_address = f"http://127.0.0.1:{ds_port}"
    results: dict[str, dict[str, float]] = {}
    try:
        wait_http(f"{ds_address}/db.json")
        http = "httptools" if importlib.util.find_spec("httptools") else "h11"
        loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
        print(
            f"artdesk at {address} (uvicorn: {http}, {loop}), Datasette at {ds_address}; "
            f"wrk -t1 -c{args.connections} -d{args.seconds}s on {os.cpu_count()} cores; "
            f"load average {load_average()}\n",
            flush=True,
        )
        runs = [
            (
                "artdesk GET /v1/artworks?page=1&limit=100",
                f"{address}/v1/artworks?page=1&limit=100",
                auth,
                None,
                api.pid,
            ),
            (
                "artdesk GET /v1/artworks?page=1200&limit=100",
                f"{address}/v1/artworks?page=1200&limit=100",
                auth,
                None,
                api.pid,
            ),
            (
                "artdesk GET /v1/artworks/{random id}",
                address,
                auth,
                random_id_script(folder, "/v1/artworks/%d", args.artworks),
                api.pid,
            ),
            (
                "datasette /db/artworks/{random id}.json",
                ds_address,
                {},
                random_id_script(folder, "/db/artworks/%d.json?_shape=objects", args.artworks),
                ds.pid,
            ),
            # Last: Datasette keeps answering queued page requests after wrk has gone.
            (
                "datasette /db/artworks.json?_shape=objects&_size=100",
                f"{ds_address}/db/artworks.json?_shape=objects&_size=100",
                {},
                None,
                ds.pid,
            ),
        ]
        one_at_a_time = [(r[0] + " (1 connection)", r[1], r[2], r[4]) for r in (runs[0], runs[4])]
        for name, url, headers, script, pid in runs:
            if name == runs[4][0]:
                # Datasette's page takes seconds (it counts the table and suggests facets), so
                # with many connections it may finish nothing in the run, and its queue then
                # outlives wrk: compare pages one at a time first.
                print("one connection at a time:")
                for name1, url1, headers1, pid1 in one_at_a_time:
                    results[name1] = wrk(
                        url1, seconds=args.seconds * 2, connections=1, headers=headers1, pid=pid1
                    )
                    show(name1, results[name1])
                print(f"{args.connections} connections:")
            # A short warm-up, then the measured run.
            wrk(url, seconds=2, connections=args.connections, headers=headers, script=script)
            results[name] = wrk(
                url,
                seconds=args.seconds,
                connections=args.connections,
                headers=headers,
                script=script,
                pid=pid,
            )
            show(name, results[name])
    finally:
        for proc in (api, ds):
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    p1, p1200, one, _ds_one, ds_page = (results[r[0]] for r in runs)
    if ds_page["rps"] > 0:
        ratio = p1["rps"] / ds_page["rps"]
        basis = f"{args.connections} connections"
    else:
        ratio = results[runs[0][0] + " (1 connection)"]["rps"] / max(
            results[runs[4][0] + " (1 connection)"]["rps"], 0.001
        )
        basis = "1 connection (Datasette finished no page with more)"
    deep = p1200["p50"] / max(p1["p50"], 0.001)
    print()
    print(
        f"page 1 vs Datasette's page: {ratio:.1f}x requests/s at {basis} (target >= 3x): "
        f"{'met' if ratio >= 3 else 'NOT met'}"
    )
    print(
        f"page 1,200 p50 / page 1 p50: {deep:.2f}x (target <= 2x): {'met' if deep <= 2 else 'NOT met'}"
    )
    print(
        f"single artwork: {one['rps']:,.0f} requests/s (target >= 2,000): "
        f"{'met' if one['rps'] >= 2000 else 'NOT met'}; {one['cpu_us']:,.0f} us of server CPU "
        f"per request, i.e. {1e6 / one['cpu_us'] if one['cpu_us'] > 0 else float('nan'):,.0f} "
        f"requests/s per core the server has to itself"
    )
    print(f"load average at the end: {load_average()} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
