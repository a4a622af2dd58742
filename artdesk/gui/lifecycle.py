"""Ask a running desktop app to quit: on SIGINT/SIGTERM, or after a fixed time (smoke tests).

While Qt's event loop runs, the main thread sits in C++ and a Python signal handler only runs
when some Python code happens to be called, so a plain ``signal.signal`` handler is not enough.
:func:`quit_requests` makes the C-level handler write to a socket
(:func:`signal.set_wakeup_fd`); a small daemon thread waits on that socket, and on a signal or
when ``quit_after`` seconds have passed it *queues* calls to ``QCoreApplication.quit()`` on the
application object (repeated each second until the block is left, because Qt ignores a
``quit()`` that arrives outside ``exec()``).  A queued call is thread-safe and is delivered by
the event loop, so this works whatever the window code does and can be installed before the
``QApplication`` exists.  ``quit()`` ends ``exec()`` with
exit code 0 and the normal shutdown path (closing windows, stopping workers) runs.

Used by ``artdesk gui --quit-after SECONDS`` (packaging checks and smoke tests) and by every
``artdesk gui`` run for SIGINT/SIGTERM.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt

__all__ = ["quit_requests", "request_quit"]

#: How often the waiting thread looks for the application object before it exists.
_POLL_S = 0.05
#: How often a quit request is repeated until the event loop has ended.
_REPEAT_S = 1.0


def request_quit() -> bool:
    """Queue ``quit()`` on the running application; False when there is no application yet."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    QMetaObject.invokeMethod(app, "quit", Qt.ConnectionType.QueuedConnection)
    return True


def _quit_until_stopped(stop: threading.Event) -> None:
    # Qt ignores quit() when it arrives outside exec() (e.g. during a processEvents() call
    # while windows are being built), so the request is repeated until the block is left.
    while not stop.is_set():
        stop.wait(_REPEAT_S if request_quit() else _POLL_S)


@contextlib.contextmanager
def quit_requests(*, quit_after: float | None = None) -> Iterator[None]:
    """Within the block, SIGINT/SIGTERM (and ``quit_after`` seconds, if given) quit the app.

    Must be entered on the main thread.  On leaving, the previous signal handlers and wakeup
    descriptor are restored and the waiting thread has ended.
    """
    if quit_after is not None and quit_after < 0:
        raise ValueError(f"quit_after must be zero or more seconds, not {quit_after}")
    receiver, sender = socket.socketpair()
    receiver.setblocking(True)
    sender.setblocking(False)
    stop = threading.Event()
    wanted = [signal.SIGINT] + ([signal.SIGTERM] if hasattr(signal, "SIGTERM") else [])
    previous_handlers = {}
    waiter: threading.Thread | None = None
    previous_fd = signal.set_wakeup_fd(sender.fileno(), warn_on_full_buffer=False)
    try:
        for signum in wanted:
            # The C-level handler writes to the wakeup socket; this Python part has nothing
            # left to do (it may run late, when Qt next calls into Python).
            previous_handlers[signum] = signal.signal(signum, lambda _signum, _frame: None)
        receiver.settimeout(quit_after)

        def wait() -> None:
            try:
                data = receiver.recv(64)
            except TimeoutError:  # quit_after passed
                data = b"t"
            except OSError:  # socket closed on leaving the block
                return
            if data and not stop.is_set():
                _quit_until_stopped(stop)

        waiter = threading.Thread(target=wait, name="artdesk-quit-requests", daemon=True)
        waiter.start()
        yield
    finally:
        stop.set()
        signal.set_wakeup_fd(previous_fd)
        for signum, handler in previous_handlers.items():
            signal.signal(signum, handler)
        with contextlib.suppress(OSError):
            sender.send(b"x")  # wake the waiter so it sees `stop` and ends
        with contextlib.suppress(OSError):
            receiver.shutdown(socket.SHUT_RDWR)  # ends a recv() even if the send did not fit
        if waiter is not None:
            # Joined, not left running: it calls into Qt, and the application object goes
            # away soon after this block (at the latest when the interpreter exits).
            waiter.join()
        sender.close()
        receiver.close()
