"""8 API writers and a local writer at once on one SQLite catalog: no lost write, never 'locked'.

The server and the local writer open the catalog separately (two engines, as the server in
`artdesk serve` and the desktop app or an import would), so SQLite itself arbitrates.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import httpx

from artdesk.api.server import ApiServer
from artdesk.services.container import open_services

WRITERS = 8
SECONDS = 4.0


def test_concurrent_api_and_local_writers_lose_nothing(catalog_path: Path, tmp_path: Path, caplog):
    url = f"sqlite:///{catalog_path}"
    server_side = open_services(url, tmp_path / "files")
    local = open_services(url, tmp_path / "files", upgrade=False)
    partner = local.catalog.create_partner("Galerie Nord")
    secret = local.keys.create(
        partner.id, ["artworks:read", "artworks:write"], rate_limit_per_minute=100_000
    ).secret
    headers = {"Authorization": f"Bearer {secret}"}
    acknowledged: dict[int, dict] = {}  # artwork id -> the fields last acknowledged
    failures: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + SECONDS

    def api_writer(n: int, address: str) -> None:
        with httpx.Client(base_url=address, headers=headers, timeout=60) as http:
            i = 0
            mine: list[int] = []
            while time.monotonic() < deadline:
                i += 1
                try:
                    if mine and i % 3 == 0:
                        aid = mine[i % len(mine)]
                        r = http.put(f"/v1/artworks/{aid}", json={"price": n * 100_000 + i})
                        if r.status_code == 200:
                            with lock:
                                acknowledged[aid]["price"] = n * 100_000 + i
                            continue
                    else:
                        title = f"api {n} work {i}"
                        r = http.post(
                            "/v1/artworks", json={"title": title, "artist_name": f"Writer {n}"}
                        )
                        if r.status_code == 201:
                            mine.append(r.json()["id"])
                            with lock:
                                acknowledged[r.json()["id"]] = {"title": title, "price": None}
                            continue
                    failures.append(f"{r.status_code} {r.text}")
                except httpx.HTTPError as exc:
                    failures.append(repr(exc))

    def local_writer() -> None:
        i = 0
        while time.monotonic() < deadline:
            i += 1
            try:
                title = f"local work {i}"
                aw = local.catalog.create_artwork(
                    {"title": title}, partner_id=partner.id, source="gui"
                )
                local.catalog.update_artwork(aw.id, {"price": i}, source="gui")
                with lock:
                    acknowledged[aw.id] = {"title": title, "price": i}
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                failures.append(repr(exc))

    try:
        with caplog.at_level(logging.WARNING), ApiServer(server_side) as server:
            threads = [
                threading.Thread(target=api_writer, args=(n, server.address))
                for n in range(WRITERS)
            ]
            threads.append(threading.Thread(target=local_writer))
            for t in threads:
                t.start()
            for t in threads:
                t.join(120)
        print(f"{len(acknowledged)} artworks acknowledged")
        assert failures == []
        assert not any(
            "locked" in r.getMessage() or "locked" in str(r.exc_info) for r in caplog.records
        )
        assert len(acknowledged) > 20, "the test should write a fair amount in its seconds"
        stored = {a.id: a for a in local.catalog.get_artworks(sorted(acknowledged))}
        missing = set(acknowledged) - set(stored)
        assert not missing, f"acknowledged but missing: {sorted(missing)[:10]}"
        for aid, fields in acknowledged.items():
            assert stored[aid].title == fields["title"]
            assert stored[aid].price == fields["price"], aid
        api_writes = local.catalog.count_changes(partner_id=partner.id, entity_type="artwork")
        assert api_writes >= len(acknowledged)
    finally:
        server_side.close()
        local.close()
