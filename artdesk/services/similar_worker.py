"""The similarity engine in a worker process, behind a proxy with the in-process service's API.

Why: on a large catalog the index and the duplicate finder hold ~320 MB and their build holds
the GIL for 50-120 ms at a time. In the desktop app that memory and that Python run in a worker
process, so the GUI process stays small and its GUI thread never waits for the build.

* :class:`SimilarWorkerProxy` has the methods the GUI, the API routes and catalog writes use on
  :class:`artdesk.services.similar.SimilarService` (``status``, ``ensure_index``, ``similar``,
  ``similar_to_record``, ``suggest_genes``, ``possible_duplicates``, ``duplicate_groups``,
  ``resolve_artist``, ``auto_link_artist``, ``rebuild``, ``cancel_rebuild``, ``wait``).
* The worker is started with the "spawn" context (the parent has threads: it is never forked),
  opens the same catalog by its URL and runs an ordinary ``SimilarService`` there: it loads the
  saved index, rebuilds it when the catalog version moved, refreshes it incrementally.
* Requests and answers are frozen dataclasses over one ``multiprocessing`` Pipe. Each request
  carries an id; a reader thread in the parent hands each answer to the thread that asked, so the
  GUI's read pool and the API server thread ask concurrently. The worker answers each request in
  a small thread pool (a long query does not hold up the others). Every request has a timeout.
* ``status()`` never waits: the worker pushes its status whenever it changes and the proxy
  returns the last one (the GUI thread calls it).
* Writes in the parent reach the worker as "catalog moved" messages (from the change notifier);
  the worker then refreshes its index as ``ensure_index`` does.
* While the worker starts (or restarts after a crash) the proxy answers as the in-process service
  does while an index is being built: not ready, duplicate and artist hints empty, index queries
  an :class:`ArtdeskError` ("not ready"). A crash is logged, shown in ``status().last_error`` and
  the worker restarted (after 0.5 s, doubling up to 30 s while it keeps crashing).
* The worker runs at a lower CPU priority (nice 10 where the OS has it): on a small machine a
  build then takes the cores the window leaves.
* The worker ends with its parent: a daemon process, which also stops when the pipe reaches EOF
  or its parent process is gone; :meth:`SimilarWorkerProxy.close` stops it at shutdown.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artdesk.core.errors import ArtdeskError, NotFoundError, ValidationError
from artdesk.services.similar import INDEX_NAME, Progress, SimilarStatus
from artdesk.similar.records import Neighbour, WorkRecord

if TYPE_CHECKING:
    from artdesk.similar.duplicates import DuplicateGroup

log = logging.getLogger(__name__)

QUERY_TIMEOUT = 15.0
"""Seconds a query waits for the worker's answer before it fails with an ArtdeskError."""
HINT_TIMEOUT = 5.0
"""Seconds for the hints asked while typing or writing (duplicates, artist resolution)."""
LONG_TIMEOUT = 1800.0
"""Seconds for calls that build (``ensure_index(background=False)``, ``rebuild``, groups)."""
START_TIMEOUT = 120.0
"""Seconds the worker may take from start to its first status before it is restarted."""

_INDEX_METHODS = frozenset(
    {"similar", "similar_to_record", "suggest_genes", "possible_duplicates", "duplicate_groups"}
)
_CALLS = _INDEX_METHODS | {
    "resolve_artist",
    "auto_link_artist",
    "ensure_index",
    "load_saved",
    "rebuild",
    "cancel_rebuild",
    "refreshed_incrementally",
}


class SimilarUnavailable(ArtdeskError):
    """The similarity engine cannot answer now (index not built yet, worker (re)starting)."""

    code = "unavailable"


# ---------------------------------------------------------------------- messages


@dataclass(frozen=True, slots=True)
class _Call:
    id: int
    method: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Reply:
    id: int
    value: Any = None
    error: str | None = None  # "not_found", "unavailable", "validation", "error"
    message: str = ""


@dataclass(frozen=True, slots=True)
class _StatusNote:
    status: SimilarStatus


@dataclass(frozen=True, slots=True)
class _CatalogMoved:
    pass


@dataclass(frozen=True, slots=True)
class _Stop:
    pass


def _error_reply(call_id: int, exc: BaseException) -> _Reply:
    if isinstance(exc, NotFoundError):
        return _Reply(call_id, error="not_found", message=exc.message)
    if isinstance(exc, SimilarUnavailable):
        return _Reply(call_id, error="unavailable", message=exc.message)
    if isinstance(exc, ValidationError):
        return _Reply(call_id, error="validation", message=exc.message)
    if isinstance(exc, ArtdeskError):
        return _Reply(call_id, error="error", message=exc.message)
    return _Reply(call_id, error="error", message=f"{type(exc).__name__}: {exc}")


def _error_of(reply: _Reply) -> ArtdeskError:
    kind = {
        "not_found": NotFoundError,
        "unavailable": SimilarUnavailable,
        "validation": ValidationError,
    }.get(reply.error or "", ArtdeskError)
    return kind(reply.message)


# ---------------------------------------------------------------------- the worker process


def _worker_main(conn: Any, url: str, files_dir: str, parent_pid: int) -> None:
    """The worker process: serve one catalog's SimilarService over ``conn`` until told to stop,
    the pipe reaches EOF or the parent process is gone."""
    from artdesk.db.engine import Database
    from artdesk.services.catalog import CatalogService
    from artdesk.services.changes import ChangeNotifier
    from artdesk.services.similar_wiring import build_similar_service

    # Ctrl-C in a terminal reaches the whole process group: the parent decides, and stops us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=logging.WARNING, format="artdesk similar worker: %(message)s")
    if hasattr(os, "nice"):
        # A build competes with the GUI for the cores: the window comes first.
        with contextlib.suppress(OSError):
            os.nice(10)
    db = Database(url)
    catalog = CatalogService(db, ChangeNotifier())
    service = build_similar_service(catalog, Path(files_dir) / "index")
    send_lock = threading.Lock()
    stopping = threading.Event()

    def send(message: object) -> None:
        with send_lock:
            conn.send(message)

    def answer(call: _Call) -> None:
        try:
            if call.method not in _CALLS:
                raise ArtdeskError(f"unknown similarity call {call.method!r}")
            if call.method in _INDEX_METHODS and not service.status().ready:
                # Never build on a query (the in-process service would): say "not ready".
                raise SimilarUnavailable("the similarity index is not ready yet")
            if call.method == "refreshed_incrementally":
                value: Any = service.refreshed_incrementally
            else:
                value = getattr(service, call.method)(*call.args, **call.kwargs)
            reply = _Reply(call.id, value)
        except BaseException as exc:  # every failure goes back to the caller
            reply = _error_reply(call.id, exc)
        try:
            send(reply)
        except (OSError, EOFError, ValueError):
            stopping.set()

    def push_status() -> None:
        last = None
        while not stopping.is_set():
            status = service.status()
            if status != last:
                try:
                    send(_StatusNote(status))
                except (OSError, EOFError, ValueError):
                    stopping.set()
                    return
                last = status
            stopping.wait(0.2)

    service.ensure_index(background=True)
    pusher = threading.Thread(target=push_status, name="similar-status", daemon=True)
    pusher.start()
    pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="similar-call")
    try:
        while not stopping.is_set():
            if not conn.poll(1.0):
                if os.getppid() != parent_pid:
                    break  # the parent is gone (killed without closing the pipe's other end)
                continue
            try:
                message = conn.recv()
            except (EOFError, OSError):
                break
            if isinstance(message, _Stop):
                break
            if isinstance(message, _CatalogMoved):
                service.ensure_index(background=True)
            elif isinstance(message, _Call):
                pool.submit(answer, message)
    finally:
        stopping.set()
        service.cancel_rebuild()
        pool.shutdown(wait=False, cancel_futures=True)
        service.wait(10)
        db.dispose()


# ---------------------------------------------------------------------- the parent's proxy


class _Pending:
    __slots__ = ("done", "reply")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.reply: _Reply | None = None


class SimilarWorkerProxy:
    """The similarity service of one catalog, run in a worker process (see the module text)."""

    def __init__(self, url: str, files_dir: Path, *, start: bool = True) -> None:
        self.url = url
        self.files_dir = Path(files_dir)
        self._mp = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()  # guards the fields below
        self._send_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._process: Any = None
        self._conn: Any = None
        self._status: SimilarStatus | None = None
        self._connected = threading.Event()
        self._closing = False
        self._crash: str | None = None
        self._restarts = 0
        self._in_a_row = 0  # deaths without a minute of life between them
        self._reader: threading.Thread | None = None
        if start:
            self.start()

    # ------------------------------------------------------------------ lifecycle

    @property
    def index_path(self) -> Path:
        return self.files_dir / "index" / INDEX_NAME

    @property
    def pid(self) -> int | None:
        """The worker's process id (None before it started)."""
        process = self._process
        return process.pid if process is not None else None

    @property
    def last_crash(self) -> str | None:
        """What the last death of the worker was (None while it never died)."""
        return self._crash

    @property
    def restarts(self) -> int:
        """How many times the worker was started again after it died."""
        return self._restarts

    def start(self) -> None:
        """Start the worker (and the thread that reads its answers) if it does not run."""
        with self._lock:
            if self._closing or (self._process is not None and self._process.is_alive()):
                return
            self._spawn_locked()

    def _spawn_locked(self) -> None:
        parent_end, child_end = self._mp.Pipe(duplex=True)
        try:
            process = self._mp.Process(
                target=_worker_main,
                args=(child_end, self.url, str(self.files_dir), os.getpid()),
                name="artdesk-similar-worker",
                daemon=True,
            )
            process.start()
        except BaseException:
            parent_end.close()
            child_end.close()
            raise
        child_end.close()  # the worker holds it now: its death gives this end EOF
        self._process, self._conn, self._status = process, parent_end, None
        self._connected.clear()
        self._reader = threading.Thread(
            target=self._read, args=(process, parent_end), name="similar-proxy-reader", daemon=True
        )
        self._reader.start()

    def _read(self, process: Any, conn: Any) -> None:
        started = time.monotonic()
        while True:
            try:
                if not conn.poll(1.0):
                    if not self._connected.is_set() and time.monotonic() - started > START_TIMEOUT:
                        log.error("the similarity worker did not start in %.0f s", START_TIMEOUT)
                        process.kill()
                        break
                    if not process.is_alive():
                        break
                    continue
                message = conn.recv()
            except (EOFError, OSError):
                break
            if isinstance(message, _StatusNote):
                self._status = message.status
                self._connected.set()
            elif isinstance(message, _Reply):
                with self._lock:
                    pending = self._pending.pop(message.id, None)
                if pending is not None:
                    pending.reply = message
                    pending.done.set()
        self._worker_gone(process, conn, time.monotonic() - started)

    def _worker_gone(self, process: Any, conn: Any, lived: float) -> None:
        process.join(5)
        with self._lock:
            if self._process is not process:
                return
            failed, self._pending = self._pending, {}
            self._conn = None
            self._status = None
            self._connected.clear()
            closing = self._closing
        with contextlib.suppress(OSError):
            conn.close()
        for pending in failed.values():
            pending.done.set()  # no reply: the caller reports the engine as unavailable
        if closing:
            return
        self._crash = f"the similarity worker stopped (exit code {process.exitcode}); restarting it"
        log.error("%s", self._crash)
        if lived > 60:
            self._in_a_row = 0
        self._schedule_restart()

    def _schedule_restart(self) -> None:
        delay = min(0.5 * 2**self._in_a_row, 30.0)
        self._in_a_row += 1
        timer = threading.Timer(delay, self._restart)
        timer.daemon = True
        timer.start()

    def _restart(self) -> None:
        with self._lock:
            if self._closing or (self._process is not None and self._process.is_alive()):
                return
            try:
                self._spawn_locked()
            except Exception as exc:  # noqa: BLE001 - out of processes, memory, file handles
                self._crash = f"the similarity worker could not be restarted ({exc}); trying again"
                log.error("%s", self._crash)
                failed = True
            else:
                # Counted once the new process is in place: whoever sees the count sees its pid.
                self._restarts += 1
                failed = False
        if failed:
            self._schedule_restart()

    def close(self, timeout: float = 3.0) -> None:
        """Stop the worker (it cancels a running build) and wait for it; kill it if it has not
        ended by then. A build in a step that cannot be interrupted would otherwise hold up the
        app's quit; the worker keeps nothing unsaved (the index is written to temporary files
        and moved into place), so a killed build only means a rebuild at the next start."""
        with self._lock:
            self._closing = True
            process, conn, reader = self._process, self._conn, self._reader
        if process is None:
            return
        if not self._connected.is_set():
            process.terminate()  # still starting: it holds nothing worth a clean stop
        elif conn is not None:
            try:
                with self._send_lock:
                    conn.send(_Stop())
            except (OSError, ValueError):
                pass
        process.join(timeout)
        if process.is_alive():
            log.warning("the similarity worker did not stop in %.0f s: killing it", timeout)
            process.kill()
            process.join(5)
        if reader is not None and reader is not threading.current_thread():
            reader.join(5)
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.close()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until the worker serves an index; True when it does."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while deadline is None or time.monotonic() < deadline:
            status = self._status
            if status is not None and status.ready:
                return True
            time.sleep(0.05)
        return False

    # ------------------------------------------------------------------ requests

    def _call(
        self,
        method: str,
        *args: Any,
        timeout: float = QUERY_TIMEOUT,
        wait_start: bool = False,
        **kwargs: Any,
    ) -> Any:
        """Ask the worker; with ``wait_start`` wait for a starting worker (calls that build
        anyway), else a worker not started yet makes it SimilarUnavailable at once."""
        if wait_start:
            self._connected.wait(min(timeout, START_TIMEOUT))
        pending = _Pending()
        with self._lock:
            conn = self._conn
            if conn is None or not self._connected.is_set():
                raise SimilarUnavailable(
                    "the similarity index is not ready yet (its worker is starting)"
                )
            call_id = next(self._ids)
            self._pending[call_id] = pending
        try:
            with self._send_lock:
                conn.send(_Call(call_id, method, args, kwargs))
        except (OSError, ValueError) as exc:
            with self._lock:
                self._pending.pop(call_id, None)
            raise SimilarUnavailable(f"the similarity worker cannot be reached: {exc}") from None
        if not pending.done.wait(timeout):
            with self._lock:
                self._pending.pop(call_id, None)
            raise SimilarUnavailable(f"the similarity engine did not answer within {timeout:.0f} s")
        reply = pending.reply
        if reply is None:
            raise SimilarUnavailable("the similarity worker stopped; it is being restarted")
        if reply.error is not None:
            raise _error_of(reply)
        return reply.value

    def catalog_moved(self) -> None:
        """Tell the worker the catalog changed (it refreshes its index); never waits."""
        conn = self._conn
        if conn is None:
            return  # a worker that starts looks at the catalog version anyway
        try:
            with self._send_lock:
                conn.send(_CatalogMoved())
        except (OSError, ValueError):
            pass

    # ------------------------------------------------------------------ the service's API

    def status(self) -> SimilarStatus:
        """The worker's last reported status (never waits; the GUI thread calls it)."""
        status = self._status
        if status is not None:
            return status
        return SimilarStatus(
            ready=False,
            building=not self._closing,
            index_version=None,
            works=0,
            progress=(0, 0),
            last_error=self._crash,
        )

    def load_saved(self) -> bool:
        return bool(self._call("load_saved", timeout=LONG_TIMEOUT, wait_start=True))

    def ensure_index(self, background: bool = True) -> SimilarStatus:
        """Have the worker check its index against the catalog (and rebuild or refresh it).

        With ``background`` this only sends the request; otherwise it waits for the result."""
        if background:
            self.catalog_moved()
            return self.status()
        return self._call("ensure_index", background=False, timeout=LONG_TIMEOUT, wait_start=True)

    def rebuild(
        self, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> SimilarStatus:
        """Rebuild in the worker and wait; ``progress`` is called from the status it reports,
        setting ``cancel`` stops the build (the worker keeps the old index)."""
        result: dict[str, Any] = {}

        def run() -> None:
            try:
                result["status"] = self._call("rebuild", timeout=LONG_TIMEOUT, wait_start=True)
            except BaseException as exc:  # handed to the caller below
                result["error"] = exc

        thread = threading.Thread(target=run, name="similar-rebuild-wait", daemon=True)
        thread.start()
        cancelled = False
        while thread.is_alive():
            thread.join(0.2)
            if progress is not None and (status := self._status) is not None and status.building:
                progress(*status.progress)
            if cancel is not None and cancel.is_set() and not cancelled:
                self.cancel_rebuild()
                cancelled = True
        if "error" in result:
            raise result["error"]
        return result["status"]

    def cancel_rebuild(self) -> None:
        with contextlib.suppress(ArtdeskError):  # no worker: nothing is being built
            self._call("cancel_rebuild", timeout=HINT_TIMEOUT)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the worker is not building; True when it is idle."""
        deadline = None if timeout is None else time.monotonic() + timeout
        time.sleep(0.3)  # a "catalog moved" just sent shows up as building within a status push
        while deadline is None or time.monotonic() < deadline:
            status = self._status
            if status is not None and not status.building:
                return True
            time.sleep(0.05)
        return False

    @property
    def refreshed_incrementally(self) -> int:
        """How many refreshes the worker applied without a rebuild (for tests and status)."""
        return int(self._call("refreshed_incrementally"))

    def similar(self, artwork_id: int, k: int = 10) -> list[Neighbour]:
        return self._call("similar", artwork_id, k)

    def similar_to_record(self, record: WorkRecord, k: int = 10) -> list[Neighbour]:
        return self._call("similar_to_record", record, k)

    def suggest_genes(
        self, artwork: int | WorkRecord, k_neighbours: int = 10
    ) -> list[tuple[str, int, float]]:
        return self._call("suggest_genes", artwork, k_neighbours)

    def possible_duplicates(
        self, draft: WorkRecord, k: int = 5, min_score: float | None = None
    ) -> list[Neighbour]:
        """Likely duplicates of a draft; none while the engine is not ready."""
        try:
            return self._call(
                "possible_duplicates", draft, k=k, min_score=min_score, timeout=HINT_TIMEOUT
            )
        except SimilarUnavailable:
            return []

    def duplicate_groups(self, min_score: float | None = None) -> list[DuplicateGroup]:
        return self._call("duplicate_groups", min_score, timeout=LONG_TIMEOUT, wait_start=True)

    def resolve_artist(self, name: str, k: int = 5) -> list[tuple[int, str, float]]:
        """Existing artists ``name`` probably means; none while the engine is not ready."""
        try:
            return self._call("resolve_artist", name, k, timeout=HINT_TIMEOUT)
        except SimilarUnavailable:
            return []

    def auto_link_artist(self, name: str) -> tuple[int, str, float] | None:
        """The artist a typed name links to; None (a new artist) while the engine is not ready
        or slow to answer (a write never waits long for it)."""
        try:
            return self._call("auto_link_artist", name, timeout=HINT_TIMEOUT)
        except ArtdeskError as exc:
            log.info("artist auto-linking skipped: %s", exc.message)
            return None


def subscribe_worker(notifier: Any, proxy: SimilarWorkerProxy) -> Callable[[], None]:
    """Forward the catalog's changes to the worker as "catalog moved" messages."""
    return notifier.subscribe(lambda _changes: proxy.catalog_moved())
