"""The Qt binding itself: PySide6 6.12.0 drops a reference to True on every Signal.emit()."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_signal_emit_keeps_reference_counts(qapp):  # noqa: ANN001
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.fired.emit(1)
    # A leaking binding loses 1000 references here; the process then aborts in bool_dealloc.
    assert sys.getrefcount(True) - before > -50
