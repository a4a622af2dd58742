"""Changes made elsewhere (API server, import, another window) reach the GUI thread.

``ChangeNotifier`` calls its listeners on the writer's thread. The bridge turns each call into
a queued signal, gathers what arrives within ``DEBOUNCE_MS`` and then emits ``changed`` once on
the GUI thread with the union of the changes (calibre's shape: a queued signal plus a debounce
timer), so a 10,000-row import refreshes the window a few times, not 10,000 times.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from artdesk.services.changes import ChangeNotifier, Changes

DEBOUNCE_MS = 250


class ChangeBridge(QObject):
    # Emitted on the GUI thread: the merged changes since the last emission.
    changed = Signal(object)
    _arrived = Signal(object)

    def __init__(
        self,
        notifier: ChangeNotifier,
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self._pending: list[Changes] = []
        # close() waits for a writer inside _on_any_thread and stops later ones (the notifier
        # may have taken its list of listeners just before), so after it the window may go.
        self._emit_lock = threading.Lock()
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._flush)
        self._arrived.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = notifier.subscribe(self._on_any_thread)

    def _on_any_thread(self, changes: Changes) -> None:
        with self._emit_lock:
            if not self._closed:
                self._arrived.emit(changes)

    @Slot(object)
    def _collect(self, changes: Changes) -> None:
        if self._closed:  # queued before close()
            return
        self._pending.append(changes)
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        self.changed.emit(merge_changes(pending))

    def close(self) -> None:
        """Stop listening (GUI thread): no change reaches this object once this returns."""
        with self._emit_lock:
            self._closed = True
        self._unsubscribe()
        self._timer.stop()
        self._pending.clear()


def merge_changes(items: list[Changes]) -> Changes:
    kinds: set[str] = set()
    ids: set[int] = set()
    deleted: set[int] = set()
    sources: list[str] = []
    for c in items:
        kinds |= c.kinds
        ids |= c.artwork_ids
        deleted |= c.deleted_ids
        if c.source and c.source not in sources:
            sources.append(c.source)
    return Changes(
        kinds=frozenset(kinds),
        artwork_ids=frozenset(ids),
        source=",".join(sources),
        deleted_ids=frozenset(deleted),
    )
