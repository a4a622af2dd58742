"""ChangeBridge: changes from other threads reach the GUI thread, and stop when it closes."""

from __future__ import annotations

import threading

from artdesk.gui.bridge import ChangeBridge
from artdesk.services.changes import ChangeNotifier, Changes


def test_a_change_already_on_its_way_when_the_bridge_closes_is_dropped(qtbot):  # noqa: ANN001
    """The notifier calls the listeners it had when the write finished; one of them may be a
    window that has closed since. After close() nothing more is emitted to it."""
    notifier = ChangeNotifier()
    bridge = ChangeBridge(notifier, debounce_ms=0)
    seen: list[Changes] = []
    bridge.changed.connect(seen.append)
    notifier.emit(Changes.artworks({1}, "api"))
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    listener = bridge._on_any_thread  # what a notifier that took its list before holds
    bridge.close()
    writer = threading.Thread(target=listener, args=(Changes.artworks({2}, "api"),))
    writer.start()
    writer.join()
    notifier.emit(Changes.artworks({3}, "api"))
    qtbot.wait(50)
    assert [set(c.artwork_ids) for c in seen] == [{1}]
