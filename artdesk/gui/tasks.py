"""Background work for the GUI: one serialised writer thread, a small read pool, one queued signal.

Anki's ``CollectionOp`` shape: a widget hands the runner a plain function (a service call) and
callbacks; the function runs off the GUI thread, and its result (or error, or progress) comes
back to the GUI thread through a single queued signal, where the callbacks run.

* ``write(fn, ...)``: runs on the one writer thread, in submission order (catalog writes are
  serialised anyway; keeping them in order also keeps undo/redo in order).
* ``read(fn, ..., key=...)``: runs on the read pool. A new read with the same ``key`` cancels
  the stale one (Orange3: a new task cancels the old one), so typing in the search box never
  piles up queries whose answers nobody wants.
* ``Task.cancel()``: a task not started yet never runs; a running one sees
  ``task.cancelled`` (cooperative) and its result is dropped either way.
* ``inline=True``: everything runs at once on the calling thread (for tests of views that
  do not care about threads); callbacks run before ``read``/``write`` return.

Where GUI objects die: a task's callbacks are usually bound methods of widgets, and the last
reference to a widget the user (or a test) has let go of may be the task's. The worker that ran
the task still holds the task for a moment after posting its result, so if the task kept its
callbacks, that worker could drop the widget's last reference and run its C++ destructor off
the GUI thread (a crash later, in the GUI thread's event processing). So the GUI thread lets go
of everything a finished task holds (function, arguments, callbacks, result) when it delivers
it, and a failed task's exception leaves out the worker's own frame (which would otherwise form
a cycle with the runner and the task, freed by the collector on whichever thread it runs).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
ProgressCb = Callable[[int, int], None]

PROGRESS_INTERVAL_S = 0.1


class Task:
    """A handle on one submitted function: cancel it, or ask (from inside) whether it was."""

    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple,
        kwargs: dict,
        on_done: Done | None,
        on_error: Failed | None,
        on_progress: ProgressCb | None,
        key: str | None,
        pass_task: bool,
    ) -> None:
        self.fn: Callable[..., Any] | None = fn
        self.args = args
        self.kwargs = kwargs
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.key = key
        self.pass_task = pass_task
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self._last_progress = 0.0
        self._runner: TaskRunner | None = None
        self.started_at: float | None = None
        self.is_write = False

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def progress(self, done: int, total: int) -> None:
        """Report progress from the worker; throttled to ten reports a second (plus the last)."""
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        if self._runner is not None and self.on_progress is not None and not self.cancelled:
            self._runner._post(_Event(self, "progress", (done, total)))

    def _run(self) -> Any:
        self.started_at = time.monotonic()
        assert self.fn is not None, "a task runs once"
        if self.pass_task:
            return self.fn(*self.args, task=self, **self.kwargs)
        return self.fn(*self.args, **self.kwargs)

    def _release(self) -> None:
        """Drop the function, arguments, callbacks and runner (GUI thread, once finished)."""
        self.fn = None
        self.args = ()
        self.kwargs = {}
        self.on_done = self.on_error = self.on_progress = None
        self._runner = None


@dataclass(slots=True)
class _Event:
    task: Task
    kind: str  # "done" | "error" | "progress"
    payload: Any


def _start_threads(pool: ThreadPoolExecutor, n: int) -> None:
    """Start a pool's ``n`` threads now (the pool starts one per submit, while none is idle, and
    waits for it to run: at the first reads, while the window is first shown, on a busy machine
    that wait took milliseconds of the GUI thread)."""
    everyone = threading.Barrier(n)
    for _ in range(n):  # each waits for the others, so no thread is idle when the next is asked for
        pool.submit(everyone.wait)


class TaskRunner(QObject):
    """Runs service calls off the GUI thread and delivers results on it."""

    # The one queued signal every result, error and progress report travels through.
    _delivered = Signal(object)
    # Emitted on the GUI thread after a task's callbacks ran (tests wait on it).
    task_finished = Signal(object)
    # A task raised and had no on_error: the window shows the message.
    task_failed = Signal(object, object)

    def __init__(
        self, parent: QObject | None = None, *, inline: bool = False, read_workers: int = 2
    ) -> None:
        super().__init__(parent)
        self.inline = inline
        self._stopped = False
        self._lock = threading.Lock()
        self._keyed: dict[str, Task] = {}
        self._pending: set[Task] = set()
        self._writer: ThreadPoolExecutor | None = None
        self._readers: ThreadPoolExecutor | None = None
        if not inline:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="artdesk-write")
            self._readers = ThreadPoolExecutor(
                max_workers=read_workers, thread_name_prefix="artdesk-read"
            )
            _start_threads(self._writer, 1)
            _start_threads(self._readers, read_workers)
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------------ submit
    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        on_progress: ProgressCb | None = None,
        key: str | None = None,
        pass_task: bool = False,
        **kwargs: Any,
    ) -> Task:
        task = Task(fn, args, kwargs, on_done, on_error, on_progress, key, pass_task)
        return self._submit(task, self._readers)

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        on_progress: ProgressCb | None = None,
        key: str | None = None,
        pass_task: bool = False,
        **kwargs: Any,
    ) -> Task:
        task = Task(fn, args, kwargs, on_done, on_error, on_progress, key, pass_task)
        task.is_write = True
        return self._submit(task, self._writer)

    def _submit(self, task: Task, pool: ThreadPoolExecutor | None) -> Task:
        task._runner = self
        if self._stopped:
            task.cancel()
            task._finished.set()
            task._release()
            return task
        with self._lock:
            if task.key is not None:
                stale = self._keyed.get(task.key)
                if stale is not None:
                    stale.cancel()
                self._keyed[task.key] = task
            self._pending.add(task)
        if pool is None:  # inline
            self._execute(task, direct=True)
        else:
            pool.submit(self._execute, task, False)
        return task

    # ------------------------------------------------------------------ run (worker side)
    def _execute(self, task: Task, direct: bool) -> None:
        if task.cancelled:
            event = _Event(task, "cancelled", None)
        else:
            try:
                event = _Event(task, "done", task._run())
            except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
                # Without this frame: its locals (runner, task, event) would make a cycle.
                tb = exc.__traceback__
                event = _Event(task, "error", exc.with_traceback(tb.tb_next if tb else None))
                del tb
        if direct:
            self._deliver(event)
        else:
            self._post(event)

    def _post(self, event: _Event) -> None:
        if self.inline:
            self._deliver(event)
            return
        with contextlib.suppress(RuntimeError):  # the runner was deleted while a worker finished
            self._delivered.emit(event)

    # ------------------------------------------------------------------ deliver (GUI thread)
    @Slot(object)
    def _deliver(self, event: _Event) -> None:
        task = event.task
        if event.kind == "progress":
            if not task.cancelled and task.on_progress is not None:
                task.on_progress(*event.payload)
            return
        with self._lock:
            self._pending.discard(task)
            if task.key is not None and self._keyed.get(task.key) is task:
                del self._keyed[task.key]
        task._finished.set()
        payload, event.payload = event.payload, None
        on_done, on_error = task.on_done, task.on_error
        # From here on only this thread holds what the task referred to (see the module doc).
        task._release()
        if task.cancelled or self._stopped:
            if not self._stopped:
                self.task_finished.emit(task)
            return
        if event.kind == "done":
            if on_done is not None:
                on_done(payload)
        elif event.kind == "error":
            if on_error is not None:
                on_error(payload)
            else:
                log.error("background task failed", exc_info=payload)
                self.task_failed.emit(task, payload)
        self.task_finished.emit(task)

    # ------------------------------------------------------------------ lifecycle
    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._pending)

    def cancel_all(self) -> None:
        with self._lock:
            for task in self._pending:
                task.cancel()

    def stop(self, wait: bool = True) -> None:
        """Cancel the reads; queued and running writes complete (a save is never lost)."""
        if self._stopped:
            return
        self._stopped = True
        with self._lock:
            for task in self._pending:
                if not task.is_write:
                    task.cancel()
        if self._readers is not None:
            self._readers.shutdown(wait=wait, cancel_futures=True)
        if self._writer is not None:
            self._writer.shutdown(wait=wait)
