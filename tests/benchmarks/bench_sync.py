"""Sync benchmark: push 10,000 new works to a local artdesk server, pull them into an empty desk.

The server is a separate `artdesk serve --port 0` process over its own SQLite catalog, with a key
made by `artdesk keys create --rate-limit` high enough for the run. Prints works/s for each
direction; the target on this machine is under 60 s each.

    python tests/benchmarks/bench_sync.py [--works 10000] [--concurrency 8]
        [--profile client|server] [--profile-out DIR]

``--profile client`` runs push and pull under cProfile (every thread of the desk: the pool's
HTTP calls too) and prints the top functions; ``--profile server`` does the same for the server
process (every request thread), written when it stops. Profiling slows everything down: the
works/s printed then are not the benchmark's figures.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

# ---------------------------------------------------------------------- profiling every thread
_profiles: list[cProfile.Profile] = []
_profiles_lock = threading.Lock()


def _start_thread_profiling() -> None:
    """Profile the calling thread and every thread started from now on (one cProfile each)."""

    def install(*_args: object) -> None:
        sys.setprofile(None)
        prof = cProfile.Profile()
        with _profiles_lock:
            _profiles.append(prof)
        prof.enable()

    threading.setprofile(install)
    install()


def _stop_thread_profiling() -> pstats.Stats | None:
    threading.setprofile(None)  # type: ignore[arg-type]
    with _profiles_lock:
        profiles = list(_profiles)
        _profiles.clear()
    for prof in profiles:
        prof.disable()
    stats = None
    for prof in profiles:
        prof.create_stats()
        if not prof.stats:  # type: ignore[attr-defined]
            continue
        if stats is None:
            stats = pstats.Stats(prof)
        else:
            stats.add(prof)
    return stats


def _print_stats(stats: pstats.Stats | None, title: str, out: Path | None) -> None:
    if stats is None:
        print(f"{title}: no profile")
        return
    if out is not None:
        stats.dump_stats(str(out))
    buf = io.StringIO()
    stats.stream = buf  # type: ignore[attr-defined]
    stats.sort_stats("tottime").print_stats(25)
    print(f"---- {title} (by own time; all threads{f'; saved to {out}' if out else ''})")
    print(buf.getvalue())


@contextlib.contextmanager
def _profiled(enabled: bool, title: str, out: Path | None) -> Iterator[None]:
    if not enabled:
        yield
        return
    _start_thread_profiling()
    try:
        yield
    finally:
        _print_stats(_stop_thread_profiling(), title, out)


def _serve_profiled(out: str, argv: list[str]) -> int:
    """The server process of ``--profile server``: `artdesk ARGV` with every thread profiled;
    the merged profile is written to OUT when it stops (SIGTERM)."""
    from artdesk.cli.main import main as artdesk_main

    _start_thread_profiling()
    try:
        return artdesk_main(argv)
    finally:
        stats = _stop_thread_profiling()
        if stats is not None:
            stats.dump_stats(out)


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
    parser.add_argument("--profile", choices=("client", "server"))
    parser.add_argument("--profile-out", type=Path, help="where to keep the .prof files")
    args = parser.parse_args()
    print(f"load average before: {_load()}")

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
        serve = ["--catalog", server_catalog, "serve", "--port", "0"]
        server_prof = (args.profile_out or root) / "bench_sync_server.prof"
        if args.profile == "server":
            command = [sys.executable, __file__, "--serve-profiled", str(server_prof), *serve]
        else:
            command = [sys.executable, "-m", "artdesk", *serve]
        server = subprocess.Popen(
            command,
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
            _make_works(desk, partner.id, args.works)
            print(f"made {args.works} local works in {time.perf_counter() - t:.1f} s")
            desk.sync.add_remote("server", address, "artdesk", token=key)

            t = time.perf_counter()
            cpu = _cpu(server.pid)
            with _profiled(args.profile == "client", "client: push", _prof(args, "push")):
                report = desk.sync.push("server")
            push_s = time.perf_counter() - t
            assert report.status == "done" and report.counts.get("created") == args.works, (
                report.summary()
            )
            print(
                f"push: {args.works} works in {push_s:.1f} s = {args.works / push_s:.0f} works/s "
                f"(target < 60 s: {'met' if push_s < 60 else 'NOT met'}; load average {_load()})"
            )
            print(f"  CPU seconds: {_cpu_text(cpu, _cpu(server.pid))}")

            empty = open_services(f"sqlite:///{root / 'empty.sqlite'}", root / "empty.files")
            empty.sync.concurrency = args.concurrency
            empty.sync.add_remote("server", address, "artdesk", token=key)
            t = time.perf_counter()
            cpu = _cpu(server.pid)
            with _profiled(args.profile == "client", "client: pull", _prof(args, "pull")):
                report = empty.sync.pull("server")
            pull_s = time.perf_counter() - t
            assert report.status == "done" and empty.catalog.count_artworks() == args.works, (
                report.summary()
            )
            print(
                f"pull: {args.works} works in {pull_s:.1f} s = {args.works / pull_s:.0f} works/s "
                f"(target < 60 s: {'met' if pull_s < 60 else 'NOT met'}; load average {_load()})"
            )
            print(f"  CPU seconds: {_cpu_text(cpu, _cpu(server.pid))}")

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
            server.wait(60)
        if args.profile == "server":
            if server_prof.exists():
                _print_stats(pstats.Stats(str(server_prof)), "server", server_prof)
            else:
                print(f"the server wrote no profile: {server.stderr.read()[-2000:]}")
    return 0


def _cpu(server_pid: int) -> tuple[float, float]:
    """(this process's, the server's) user+system CPU seconds so far (Linux /proc)."""
    mine = os.times()
    try:
        fields = Path(f"/proc/{server_pid}/stat").read_text().rsplit(")", 1)[1].split()
        server = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        server = float("nan")
    return mine.user + mine.system, server


def _cpu_text(before: tuple[float, float], after: tuple[float, float]) -> str:
    return f"desk {after[0] - before[0]:.1f}, server {after[1] - before[1]:.1f}"


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _prof(args: argparse.Namespace, name: str) -> Path | None:
    return args.profile_out / f"bench_sync_client_{name}.prof" if args.profile_out else None


def _make_works(desk, partner_id: int, n: int) -> None:  # noqa: ANN001 - Services
    """n new local works in one transaction (the setup, not measured)."""
    catalog = desk.catalog
    with desk.db.write() as s:
        for i in range(n):
            clean, _ = catalog._prepare(
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
                create=True,
            )
            catalog._insert_artwork(s, clean, [f"Painter {i % 500}"], partner_id, "bench")


def _make_partner(catalog: str, root: Path) -> None:
    from artdesk.services.container import open_services

    services = open_services(f"sqlite:///{catalog}", root / "server.files")
    services.catalog.create_partner("Galerie Nord")
    services.close()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--serve-profiled":
        sys.exit(_serve_profiled(sys.argv[2], sys.argv[3:]))
    sys.exit(main())
