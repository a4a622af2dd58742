"""TaskRunner: writes in order on one thread, stale reads cancelled, results on the GUI thread."""

from __future__ import annotations

import gc
import threading
import time
import weakref

from PySide6.QtCore import QObject

from artdesk.gui.tasks import TaskRunner


def test_writes_run_in_order_on_one_thread_and_deliver_on_the_gui_thread(qtbot, runner):  # noqa: ANN001
    gui_thread = threading.get_ident()
    seen: list[tuple[int, int]] = []
    delivered: list[tuple[int, int]] = []

    def work(i: int) -> int:
        seen.append((i, threading.get_ident()))
        time.sleep(0.002)
        return i

    for i in range(20):
        runner.write(work, i, on_done=lambda r: delivered.append((r, threading.get_ident())))
    qtbot.waitUntil(lambda: len(delivered) == 20, timeout=5000)
    assert [i for i, _ in seen] == list(range(20))
    assert len({t for _, t in seen}) == 1 and seen[0][1] != gui_thread
    assert [r for r, _ in delivered] == list(range(20))
    assert {t for _, t in delivered} == {gui_thread}


def test_a_new_read_with_the_same_key_cancels_the_stale_one(qtbot, runner):  # noqa: ANN001
    gate = threading.Event()
    results: list[str] = []
    first = runner.read(lambda: gate.wait(5) and "old", key="search", on_done=results.append)
    second = runner.read(lambda: "new", key="search", on_done=results.append)
    assert first.cancelled and not second.cancelled
    gate.set()
    qtbot.waitUntil(lambda: first.finished and second.finished, timeout=5000)
    qtbot.wait(20)
    assert results == ["new"]


def test_errors_go_to_on_error_or_task_failed(qtbot, runner):  # noqa: ANN001
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("no")

    runner.read(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ValueError)
    with qtbot.waitSignal(runner.task_failed, timeout=5000) as blocker:
        runner.write(boom)
    assert isinstance(blocker.args[1], ValueError)


def test_progress_and_cooperative_cancel(qtbot, runner):  # noqa: ANN001
    progress: list[tuple[int, int]] = []
    done: list[object] = []

    def long_job(task) -> int:  # noqa: ANN001
        for i in range(1000):
            if task.cancelled:
                return -1
            task.progress(i + 1, 1000)
            time.sleep(0.001)
        return 1000

    task = runner.read(
        long_job,
        pass_task=True,
        on_progress=lambda d, t: progress.append((d, t)),
        on_done=done.append,
    )
    qtbot.waitUntil(lambda: len(progress) >= 1, timeout=5000)
    task.cancel()
    qtbot.waitUntil(lambda: task.finished, timeout=5000)
    assert done == []  # a cancelled task's result is dropped
    assert all(t == 1000 for _, t in progress)


def test_inline_runner_answers_at_once(qapp):  # noqa: ANN001
    runner = TaskRunner(inline=True)
    out: list[int] = []
    runner.write(lambda: 7, on_done=out.append)
    assert out == [7]
    runner.stop()
    runner.read(lambda: 8, on_done=out.append)
    assert out == [7]  # nothing runs after stop


class _Receiver(QObject):
    """Stands for a widget: a Python-owned QObject whose C++ side dies with its wrapper."""

    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []

    def done(self, result: object) -> None:
        self.results.append(result)


def test_a_receiver_only_a_finished_task_refers_to_dies_on_the_gui_thread(
    qtbot, runner, monkeypatch
):  # noqa: ANN001
    """A worker that is slow to let go of a task after posting its result (preempted on a busy
    machine) must not be the one that drops the last reference to a widget: that would run the
    widget's C++ destructor off the GUI thread (the GUI tests' intermittent segfault)."""
    gui_thread = threading.get_ident()
    posted = threading.Event()
    let_go = threading.Event()
    real_post = TaskRunner._post

    def slow_post(self, event):  # noqa: ANN001, ANN202
        real_post(self, event)
        if event.kind != "progress":
            posted.set()
            let_go.wait(5)  # the worker still holds the task (and its frame) here

    monkeypatch.setattr(TaskRunner, "_post", slow_post)
    died_on: list[int] = []
    receiver = _Receiver()
    results = receiver.results
    weakref.finalize(receiver, lambda: died_on.append(threading.get_ident()))
    task = runner.read(lambda: 42, on_done=receiver.done)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert posted.is_set() and not let_go.is_set()  # the worker has not let go yet
    del receiver, task
    assert died_on == [gui_thread]  # the GUI thread let go of it on delivery
    let_go.set()
    runner.stop()
    assert died_on == [gui_thread]


def test_a_failed_task_leaves_no_cycle_that_keeps_the_runner(qtbot):  # noqa: ANN001
    """The collector may run on any thread: a runner (a QObject) reachable only through a
    cycle would be destroyed wherever it happens to run. Reference counting alone frees it."""
    errors: list[str] = []

    def boom() -> None:
        raise ValueError("no")

    gc.disable()
    try:
        runner = TaskRunner()
        runner.read(boom, on_error=lambda exc: errors.append(str(exc)))
        qtbot.waitUntil(lambda: errors == ["no"], timeout=5000)
        runner.stop()
        alive = weakref.ref(runner)
        del runner
        assert alive() is None
    finally:
        gc.enable()


def test_a_task_submitted_after_stop_keeps_nothing(qapp):  # noqa: ANN001
    runner = TaskRunner()
    runner.stop()
    receiver = _Receiver()
    results = receiver.results
    alive = weakref.ref(receiver)
    task = runner.write(lambda: 1, on_done=receiver.done)
    assert task.cancelled and task.finished
    del receiver
    assert alive() is None and results == []


def test_the_threads_are_running_before_the_first_task(qapp):  # noqa: ANN001
    """A runner starts its writer and its read pool at once, not at the first reads."""

    def ours() -> set[threading.Thread]:
        return {t for t in threading.enumerate() if t.name.startswith(prefixes)}

    prefixes = ("artdesk-read", "artdesk-write")
    before = ours()
    runner = TaskRunner(read_workers=3)
    try:
        deadline = time.monotonic() + 10
        while len(ours() - before) < 4 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(ours() - before) == 4  # three readers and the writer, nothing submitted yet
        assert not runner.busy
    finally:
        runner.stop()
