"""Running the API: uvicorn in a daemon thread (the GUI, tests) or in the foreground (`artdesk serve`).

The socket is bound before uvicorn starts, so port 0 picks a free port and ``port`` tells which.
Stopping lets requests in flight finish (up to ``GRACE_SECONDS``) before the thread ends.
"""

from __future__ import annotations

import ipaddress
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TextIO

import uvicorn

from artdesk.api.app import create_app
from artdesk.core.errors import ArtdeskError, ValidationError
from artdesk.services.container import Services

DEFAULT_HOST = "127.0.0.1"
GRACE_SECONDS = 30.0
START_TIMEOUT = 15.0


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(host: str, allow_remote: bool) -> None:
    """Refuse a non-loopback address unless the caller allowed it explicitly."""
    if not is_loopback(host) and not allow_remote:
        raise ValidationError(
            f"binding to {host} would let other machines reach the catalog; "
            "pass --allow-remote to do that on purpose",
            field="host",
        )


def remote_warning(host: str) -> str | None:
    if is_loopback(host):
        return None
    return (
        f"warning: listening on {host}: other machines on the network can reach this catalog "
        "with a valid API key; the connection is plain HTTP (put TLS in front of it)"
    )


def _bind(host: str, port: int) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ArtdeskError(f"cannot listen on {host}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise ArtdeskError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


class ApiServer:
    """The API on ``host:port`` in a daemon thread: ``start()``, ``address``, ``stop()``."""

    def __init__(
        self,
        services: Services | None = None,
        host: str = DEFAULT_HOST,
        port: int = 0,
        *,
        allow_remote: bool = False,
        app: Any = None,
        grace_seconds: float = GRACE_SECONDS,
    ) -> None:
        if app is None and services is None:
            raise ValueError("give the services (or a ready app)")
        check_host(host, allow_remote)
        self.host = host
        self._requested_port = port
        self._app = app if app is not None else create_app(services)  # type: ignore[arg-type]
        self._grace = grace_seconds
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self._error: BaseException | None = None
        self.port: int = port

    @property
    def app(self) -> Any:
        return self._app

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return (
            self._thread is not None
            and self._thread.is_alive()
            and self._server is not None
            and self._server.started
        )

    def start(self, timeout: float = START_TIMEOUT) -> ApiServer:
        if self._thread is not None:
            raise RuntimeError("the server was started already")
        self._sock = _bind(self.host, self._requested_port)
        self.port = self._sock.getsockname()[1]
        config = uvicorn.Config(
            self._app,
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="off",
            server_header=False,
            timeout_graceful_shutdown=int(self._grace),
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._run, name=f"artdesk-api-{self.port}", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive():
                self._close_socket()
                raise ArtdeskError(f"the API server did not start: {self._error or 'it stopped'}")
            if time.monotonic() > deadline:
                self.stop()
                raise ArtdeskError(f"the API server did not start within {timeout:.0f} s")
            time.sleep(0.005)
        return self

    def _run(self) -> None:
        assert self._server is not None and self._sock is not None
        try:
            self._server.run(sockets=[self._sock])
        except BaseException as exc:  # noqa: BLE001 - reported by start() and serve_foreground()
            self._error = exc

    @property
    def error(self) -> BaseException | None:
        """Why the server thread ended on its own, if it did."""
        return self._error

    def _close_socket(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def stop(self, timeout: float | None = None) -> None:
        """Stop accepting, let requests in flight finish, end the thread."""
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(self._grace + 5 if timeout is None else timeout)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(5)
        self._close_socket()

    def __enter__(self) -> ApiServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def serve_foreground(
    services: Services,
    host: str,
    port: int,
    *,
    allow_remote: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
    on_ready: Callable[[ApiServer], None] | None = None,
) -> int:
    """`artdesk serve`: one ``listening on http://HOST:PORT`` line, then serve until SIGINT/SIGTERM."""
    out = out or sys.stdout
    err = err or sys.stderr
    check_host(host, allow_remote)
    warning = remote_warning(host)
    if warning:
        print(warning, file=err, flush=True)
    stop = threading.Event()

    def _on_signal(_signum: int, _frame: object) -> None:
        stop.set()

    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, _on_signal)
    server = ApiServer(services, host, port, allow_remote=allow_remote)
    similar = getattr(services, "similar", None)
    if similar is not None and hasattr(similar, "warm_up"):
        similar.warm_up()  # the worker proxy (desktop) has none: its process imports by itself
    try:
        server.start()
        print(f"listening on {server.address}", file=out, flush=True)
        if on_ready is not None:
            on_ready(server)
        while not stop.wait(0.2):
            if not server.running:
                raise ArtdeskError(f"the API server stopped: {server.error or 'unknown reason'}")
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
