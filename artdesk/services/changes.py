"""What a write changed, and a thread-safe notifier that fans it out (GUI, index, server)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Changes:
    """A small value each mutating service call reports: which kinds and which artworks."""

    kinds: frozenset[str]
    artwork_ids: frozenset[int] = frozenset()
    source: str = ""
    deleted_ids: frozenset[int] = frozenset()

    @classmethod
    def artworks(
        cls, ids: set[int] | frozenset[int], source: str, deleted: bool = False
    ) -> Changes:
        ids = frozenset(ids)
        return cls(
            kinds=frozenset({"artworks"}),
            artwork_ids=ids,
            source=source,
            deleted_ids=ids if deleted else frozenset(),
        )


Listener = Callable[[Changes], None]


class ChangeNotifier:
    """Listeners are called on the writer's thread; the GUI bridges to its own thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def emit(self, changes: Changes) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # a broken listener must not undo a committed write
                log.exception("change listener failed")
