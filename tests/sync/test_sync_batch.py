"""Push to artdesk remotes through POST /v1/artworks/batch; Artland remotes and artdesk servers
without the route get one POST per work; a push killed halfway resumes without duplicates."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import httpx
import pytest
from starlette.responses import JSONResponse

from artdesk.api.app import create_app
from artdesk.api.server import ApiServer
from tests.sync.conftest import SCOPES, SharedTransport, add_works, snapshot


class Recording(SharedTransport):
    """A real loopback transport that notes the method and path of every request."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.seen: list[tuple[str, str, int]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        with self.lock:
            self.seen.append((request.method, request.url.path, response.status_code))
        return response

    def count(self, method: str, path: str) -> int:
        with self.lock:
            return sum(1 for m, p, _ in self.seen if m == method and p == path)


def test_an_artdesk_remote_gets_the_creates_in_batches(central, make_desk) -> None:  # noqa: ANN001
    rec = Recording()
    try:
        a = make_desk("a", central, transport=rec)
        b = make_desk("b", central, partner=False)
        add_works(a, 300)
        report = a.sync.push("central")
        assert report.status == "done" and report.counts.get("created") == 300
        batches = rec.count("POST", "/v1/artworks/batch")
        assert batches == 30  # 300 works, in batches of ceil(300 / (8 threads * 4)) = 10
        assert rec.count("POST", "/v1/artworks") == 0
        assert central.services.catalog.count_artworks() == 300
        # Edits go with PUT as before; a second push does nothing.
        w = next(x for x in a.catalog.list_artworks(limit=5) if x.title == "Work 3")
        a.catalog.update_artwork(w.id, {"price": 7}, source="gui")
        assert a.sync.push("central").counts.get("updated") == 1
        assert rec.count("PUT", f"/v1/artworks/{_remote_id(a, w.id)}") == 1
        again = a.sync.push("central")
        assert again.status == "done" and not again.counts
        assert b.sync.pull("central").status == "done"
        assert snapshot(a) == snapshot(b) == snapshot(central.services)
    finally:
        rec.shutdown()


def _remote_id(desk, artwork_id: int) -> str:  # noqa: ANN001
    from sqlalchemy import select

    from artdesk.db.models import SyncLinkRow

    with desk.db.read() as s:
        return s.scalar(
            select(SyncLinkRow.remote_artwork_id).where(SyncLinkRow.artwork_id == artwork_id)
        )


def test_an_artland_remote_gets_one_post_per_work(central, make_desk) -> None:  # noqa: ANN001
    rec = Recording()
    try:
        a = make_desk("a", transport=rec)
        a.sync.add_remote("artland", central.address, "artland", token=central.key)
        add_works(a, 25)
        report = a.sync.push("artland")
        assert report.status == "done" and report.counts.get("created") == 25
        assert rec.count("POST", "/v1/artworks") == 25
        assert rec.count("POST", "/v1/artworks/batch") == 0
        assert central.services.catalog.count_artworks() == 25
    finally:
        rec.shutdown()


def _without_batch(app):  # noqa: ANN001, ANN202
    """The API as an artdesk server from before the batch route answers it: 405, since
    /v1/artworks/{id} (which the path matches there) takes no POST."""

    async def asgi(scope, receive, send):  # noqa: ANN001, ANN202
        if scope["type"] == "http" and scope["path"] == "/v1/artworks/batch":
            body = {"error": "method_not_allowed", "message": "Method not allowed"}
            await JSONResponse(body, 405, headers={"Allow": "GET, PUT, DELETE"})(
                scope, receive, send
            )
            return
        await app(scope, receive, send)

    return asgi


def test_an_artdesk_server_without_the_batch_route_gets_single_posts(
    template_catalog, tmp_path, make_desk
) -> None:  # noqa: ANN001
    import shutil

    from artdesk.services.container import open_services

    shutil.copyfile(template_catalog, tmp_path / "old.sqlite")
    old = open_services(f"sqlite:///{tmp_path / 'old.sqlite'}", tmp_path / "old.files")
    partner = old.catalog.create_partner("Galerie Nord", type="gallery")
    key = old.keys.create(partner.id, SCOPES, rate_limit_per_minute=1_000_000).secret
    server = ApiServer(app=_without_batch(create_app(old))).start()
    rec = Recording()
    try:
        a = make_desk("a", transport=rec)
        a.sync.add_remote("old", server.address, "artdesk", token=key)
        add_works(a, 60)
        report = a.sync.push("old")
        assert report.status == "done" and report.counts.get("created") == 60
        statuses = {s for m, p, s in rec.seen if p == "/v1/artworks/batch"}
        assert statuses == {405}
        assert rec.count("POST", "/v1/artworks") == 60
        assert old.catalog.count_artworks() == 60
        assert not a.sync.push("old").counts
    finally:
        rec.shutdown()
        server.stop()
        old.close()


@pytest.mark.slow
def test_a_push_killed_halfway_resumes_without_duplicates(central, make_desk, tmp_path) -> None:  # noqa: ANN001
    n = 1500
    a = make_desk("a", central)
    add_works(a, n)
    proc = subprocess.Popen(
        [sys.executable, "-m", "artdesk", "--catalog", str(tmp_path / "a.sqlite"), "sync",
         "central", "--push", "--yes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while central.services.catalog.count_artworks() < 100:
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the push did not start"
            time.sleep(0.01)
        proc.kill()
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
    assert proc.returncode < 0  # killed, not finished
    halfway = central.services.catalog.count_artworks()
    assert halfway < n
    report = a.sync.push("central")
    assert report.status == "done", report.messages[:5]
    titles = [w[0] for w in snapshot(central.services)]
    assert len(titles) == len(set(titles)) == n
    assert snapshot(a) == snapshot(central.services)
    assert a.sync.plan("central").push.empty and not a.sync.push("central").counts


def test_adopting_by_fingerprint_reads_the_fingerprint_index(central, make_desk) -> None:  # noqa: ANN001
    """A pull that meets remote works first looks up the local works with their fingerprints;
    that lookup must use the fingerprint index, not scan every work of the partner (SQLite
    without statistics picked the (partner_id, id) index for it)."""
    from sqlalchemy import event

    a = make_desk("a", central)
    b = make_desk("b", central)
    add_works(a, 30)
    add_works(b, 30)  # the same works made on both desks: b's pull adopts them
    assert a.sync.push("central").counts.get("created") == 30
    seen: list[tuple[str, object]] = []

    def note(conn, cursor, statement, parameters, context, many) -> None:  # noqa: ANN001
        if "source_fingerprint IN" in statement and "FROM artworks" in statement:
            seen.append((statement, parameters))

    event.listen(b.db.engine, "before_cursor_execute", note)
    try:
        report = b.sync.pull("central")
    finally:
        event.remove(b.db.engine, "before_cursor_execute", note)
    assert report.counts.get("linked") == 30 and not report.counts.get("created")
    assert seen
    with b.db.engine.connect() as conn:
        for statement, parameters in seen:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            text = " ".join(str(step[-1]) for step in plan)
            assert "ix_artworks_source_fingerprint" in text, text
    assert snapshot(a) == snapshot(b)
