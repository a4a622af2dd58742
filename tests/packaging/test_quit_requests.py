"""artdesk.gui.lifecycle.quit_requests: SIGTERM, SIGINT and --quit-after end Qt's loop with 0.

Each case runs in its own Python process (a real QApplication with a shown window, offscreen),
so a signal that was not handled kills that child, never the test run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

CHILD = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtWidgets import QApplication, QLabel
    from artdesk.gui.lifecycle import quit_requests

    quit_after = None if sys.argv[1] == "none" else float(sys.argv[1])
    with quit_requests(quit_after=quit_after):
        app = QApplication([])
        window = QLabel("artdesk")
        window.show()
        started = time.monotonic()
        print("ready", flush=True)
        code = app.exec()
    print(f"exec returned {code} after {time.monotonic() - started:.2f}s", flush=True)
    sys.exit(code)
    """
)


def _start(quit_after: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, quit_after],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "ready", line + proc.stderr.read()
    return proc


def _finish(proc: subprocess.Popen[str], timeout: float = 30) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def test_quit_after_seconds_exits_zero() -> None:
    started = time.monotonic()
    proc = _start("0.5")
    code, out, err = _finish(proc)
    assert code == 0, err
    assert "exec returned 0" in out
    assert time.monotonic() - started >= 0.5


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_quits_the_event_loop_cleanly(signum: int) -> None:
    proc = _start("none")
    time.sleep(0.3)  # the loop is running (or about to); either way the quit is queued
    assert proc.poll() is None, "the app quit on its own"
    proc.send_signal(signum)
    code, out, err = _finish(proc)
    assert code == 0, err
    assert "exec returned 0" in out
    assert "Traceback" not in err


def test_quit_after_rejects_negative_seconds() -> None:
    from artdesk.gui.lifecycle import quit_requests

    with pytest.raises(ValueError, match="zero or more"), quit_requests(quit_after=-1):
        pass


def test_leaving_the_block_restores_signal_handlers() -> None:
    from artdesk.gui.lifecycle import quit_requests

    before = signal.getsignal(signal.SIGINT)
    with quit_requests(quit_after=None):
        assert signal.getsignal(signal.SIGINT) is not before
    assert signal.getsignal(signal.SIGINT) is before


LEAVE = textwrap.dedent(
    """
    import sys, threading, time
    from artdesk.gui.lifecycle import quit_requests

    quit_after = None if sys.argv[1] == "none" else float(sys.argv[1])
    with quit_requests(quit_after=quit_after):
        time.sleep(0.3)  # with 0: the waiter is already asking (there is no app to ask)
    alive = [t.name for t in threading.enumerate() if t.name == "artdesk-quit-requests"]
    print("alive:", alive, flush=True)
    """
)


@pytest.mark.parametrize("quit_after", ["none", "0"])
def test_the_waiting_thread_has_ended_when_the_block_is_left(quit_after: str) -> None:
    """It calls into Qt; left running, it could do so while the application object goes."""
    proc = subprocess.run(
        [sys.executable, "-c", LEAVE, quit_after],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "alive: []"
