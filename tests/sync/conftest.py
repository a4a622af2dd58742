"""Sync fixtures: a central artdesk catalog served on 127.0.0.1 port 0, and desk catalogs."""

from __future__ import annotations

import random
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from artdesk.services.container import Services, open_services
from artdesk.sync.retry import RetryPolicy

FAST_RETRY = RetryPolicy(attempts=8, initial=0.01, maximum=0.2, max_retry_after=0.5)
SCOPES = ["artworks:read", "artworks:write", "artists:read"]


@dataclass
class Central:
    services: Services
    address: str
    key: str
    partner_id: int


def _open(template: Path, tmp_path: Path, name: str) -> Services:
    path = tmp_path / f"{name}.sqlite"
    shutil.copyfile(template, path)
    return open_services(f"sqlite:///{path}", tmp_path / f"{name}.files")


@pytest.fixture
def central(template_catalog: Path, tmp_path: Path) -> Iterator[Central]:
    from artdesk.api.server import ApiServer

    services = _open(template_catalog, tmp_path, "central")
    partner = services.catalog.create_partner("Galerie Nord", type="gallery")
    key = services.keys.create(partner.id, SCOPES, rate_limit_per_minute=1_000_000).secret
    server = ApiServer(services).start()
    try:
        yield Central(services, server.address, key, partner.id)
    finally:
        server.stop()
        services.close()


@pytest.fixture
def make_desk(template_catalog: Path, tmp_path: Path) -> Iterator[Callable[..., Services]]:
    opened: list[Services] = []

    def make(
        name: str,
        central: Central | None = None,
        *,
        partner: bool = True,
        transport: httpx.BaseTransport | None = None,
    ) -> Services:
        desk = _open(template_catalog, tmp_path, name)
        desk.sync.retry = FAST_RETRY
        desk.sync.transport = transport
        if partner:
            desk.catalog.create_partner("Galerie Nord", type="gallery")
        if central is not None:
            desk.sync.add_remote("central", central.address, "artdesk", token=central.key)
        opened.append(desk)
        return desk

    yield make
    for desk in opened:
        desk.close()


def add_works(desk: Services, n: int, *, prefix: str = "Work", start: int = 0) -> list[int]:
    partner_id = desk.catalog.list_partners()[0].id
    ids = []
    for i in range(start, start + n):
        a = desk.catalog.create_artwork(
            {
                "title": f"{prefix} {i}",
                "creation_year": 1950 + i % 70,
                "medium": "Oil on canvas",
                "price": 1000 + i,
                "currency": "EUR",
                "availability": "available",
            },
            partner_id=partner_id,
            source="test",
            artists=[f"Artist {i % 13}"],
        )
        ids.append(a.id)
    return ids


def by_title(services: Services) -> dict[str, Any]:
    """The catalog's artworks by title."""
    return {a.title: a for a in services.catalog.list_artworks(limit=10_000)}


def edited_on_both(central: Central, make_desk: Callable[..., Services], n: int):  # noqa: ANN201
    """Desks ``a`` and ``b`` holding the same ``n`` works through ``central``, each of them then
    giving Work 0 and Work 1 another medium (A0/A1 on a, B0/B1 on b), not yet synced."""
    a = make_desk("a", central)
    b = make_desk("b", central)
    add_works(a, n)
    a.sync.push("central")
    b.sync.pull("central")
    wa, wb = by_title(a), by_title(b)
    for i, title in enumerate(("Work 0", "Work 1")):
        a.catalog.update_artwork(wa[title].id, {"medium": f"A{i}"}, source="gui")
        b.catalog.update_artwork(wb[title].id, {"medium": f"B{i}"}, source="gui")
    return a, b, wa, wb


SNAPSHOT_FIELDS = (
    "title",
    "artist_name",
    "creation_year",
    "medium",
    "price",
    "currency",
    "availability",
    "description",
)


def snapshot(services: Services) -> list[tuple]:
    """Every artwork of the catalog as comparable tuples (sorted)."""
    out = []
    offset = 0
    while True:
        page = services.catalog.list_artworks(offset=offset, limit=1000)
        if not page:
            break
        out.extend(tuple(getattr(a, f) for f in SNAPSHOT_FIELDS) for a in page)
        offset += len(page)
    return sorted(out, key=repr)


class SharedTransport(httpx.BaseTransport):
    """A real loopback transport that several syncs share (each closes its own client): its
    connection pool lives until ``shutdown()``. Subclasses look at or change the traffic."""

    def __init__(self, inner: httpx.HTTPTransport | None = None) -> None:
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.inner.handle_request(request)

    def close(self) -> None:
        pass  # see shutdown()

    def shutdown(self) -> None:
        self.inner.close()


class FaultyTransport(SharedTransport):
    """Wraps a real transport; for a share of requests (fixed seed) it refuses the connection,
    loses the response after the server handled the request, answers 500 (before or after the
    server handled it), answers 429 with retry_after, or delays. Loopback only."""

    def __init__(self, seed: int = 7, share: float = 0.2, delay: float = 0.02) -> None:
        super().__init__(
            httpx.HTTPTransport(
                limits=httpx.Limits(max_connections=32, max_keepalive_connections=32)
            )
        )
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.share = share
        self.delay = delay
        self.counts: dict[str, int] = {}

    def _pick(self) -> str:
        with self.lock:
            if self.rng.random() >= self.share:
                kind = "pass"
            else:
                kind = self.rng.choice(
                    ["refuse", "lose", "500-before", "500-after", "429", "delay"]
                )
            self.counts[kind] = self.counts.get(kind, 0) + 1
            return kind

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert request.url.host in ("127.0.0.1", "localhost"), "fault injection is loopback only"
        kind = self._pick()
        if kind == "refuse":
            raise httpx.ConnectError("injected: connection refused", request=request)
        if kind == "500-before":
            return httpx.Response(500, json={"error": "internal_error", "message": "injected"})
        if kind == "429":
            return httpx.Response(
                429, json={"error": "rate_limited", "message": "injected", "retry_after": 0}
            )
        if kind == "delay":
            time.sleep(self.delay)
        response = self.inner.handle_request(request)
        if kind in ("lose", "500-after"):
            response.read()
            response.close()
            if kind == "lose":
                raise httpx.ReadError("injected: connection dropped", request=request)
            return httpx.Response(500, json={"error": "internal_error", "message": "injected"})
        return response
