"""The server: a daemon thread on port 0 (GUI, tests) and the foreground runner (`artdesk serve`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi import APIRouter

from artdesk.api.app import create_app
from artdesk.api.server import ApiServer, check_host, is_loopback, remote_warning
from artdesk.core.errors import ArtdeskError, ValidationError


def test_thread_server_on_a_free_port(services, headers):
    server = ApiServer(services)
    assert server.port == 0
    server.start()
    try:
        assert server.port > 0 and server.running
        assert server.address == f"http://127.0.0.1:{server.port}"
        r = httpx.get(f"{server.address}/v1/me", headers=headers)
        assert r.status_code == 200
        assert threading.current_thread() is threading.main_thread()
        assert any(
            t.name == f"artdesk-api-{server.port}" and t.daemon for t in threading.enumerate()
        )
    finally:
        server.stop()
    assert not server.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.address}/v1/me", headers=headers, timeout=2)


def test_stop_finishes_requests_in_flight(services, headers):
    app = create_app(services)
    router = APIRouter()
    entered = threading.Event()

    @router.get("/v1/slow")
    def slow() -> dict:
        entered.set()
        time.sleep(1.0)
        return {"done": True}

    app.include_router(router)
    server = ApiServer(app=app).start()
    result: dict = {}

    def call() -> None:
        result["r"] = httpx.get(f"{server.address}/v1/slow", timeout=10)

    t = threading.Thread(target=call)
    t.start()
    assert entered.wait(5)
    server.stop()
    t.join(10)
    assert result["r"].status_code == 200 and result["r"].json() == {"done": True}


def test_port_in_use_is_one_clear_error(services, live):
    with pytest.raises(ArtdeskError, match="cannot listen on 127.0.0.1"):
        ApiServer(services, port=live.port).start()


def test_remote_hosts_need_allow_remote(services):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    with pytest.raises(ValidationError, match="--allow-remote"):
        ApiServer(services, host="0.0.0.0")
    check_host("0.0.0.0", allow_remote=True)
    assert remote_warning("127.0.0.1") is None
    assert "warning" in remote_warning("0.0.0.0")
    server = ApiServer(services, host="0.0.0.0", allow_remote=True).start()
    try:
        assert httpx.get(f"http://127.0.0.1:{server.port}/v1/me").status_code == 401
    finally:
        server.stop()


RUNNER = """
import sys
from pathlib import Path
from artdesk.api.server import serve_foreground
from artdesk.services.container import open_services
services = open_services("sqlite:///" + sys.argv[1], Path(sys.argv[1] + ".files"))
sys.exit(serve_foreground(services, "127.0.0.1", 0))
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_foreground_runner_prints_one_line_and_stops_on_signals(catalog_path: Path, sig):
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(catalog_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("listening on http://127.0.0.1:"), line
        address = line.removeprefix("listening on ")
        assert httpx.get(f"{address}/v1/me").status_code == 401
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert out == "" and "Traceback" not in err
