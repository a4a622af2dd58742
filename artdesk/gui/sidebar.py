"""The sidebar: all artworks, possible duplicates, partners, artists, shows, collections."""

from __future__ import annotations

from collections import deque
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from artdesk.gui.tasks import TaskRunner

KindRole = Qt.ItemDataRole.UserRole + 10
IdRole = Qt.ItemDataRole.UserRole + 11
SIDEBAR_ARTISTS = 2000  # the artists listed here (the filter bar finds any other by name)
# Items added per turn of the event loop: making a tree item costs tens of microseconds in
# Python, so 2,000 artists at once would hold the GUI thread for 50-100 ms.
FILL_CHUNK = 250


def _load(catalog: Any) -> dict[str, list]:
    return {
        "partners": [(p.id, p.name) for p in catalog.list_partners()],
        "artists": [(a.id, a.name) for a in catalog.list_artists(limit=SIDEBAR_ARTISTS)],
        "shows": [(s.id, s.name, s.artwork_count) for s in catalog.list_shows(limit=1000)],
        "collections": [(c.id, c.name, c.artwork_count) for c in catalog.list_collections()],
    }


def _drop_children(group: QTreeWidgetItem) -> None:
    """Take a group's children out of the tree and let them go, Python wrappers and all.

    PySide keeps the wrappers ``takeChildren`` returns as the group's children (they, and the
    items, would live as long as the sidebar: 2,000 more with every refill); ``removeChild`` of
    an item no longer in the group only releases its wrapper, which then deletes the item.
    """
    for child in group.takeChildren():
        group.removeChild(child)


class Sidebar(QTreeWidget):
    # (kind, id): kind is "all", "duplicates", "partner", "artist", "show" or "collection".
    selected = Signal(str, object)
    loaded = Signal()

    def __init__(self, catalog: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.catalog = catalog
        self.runner = runner
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.all_item = self._top(self.tr("All artworks"), "all")
        self.dup_item = self._top(self.tr("Possible duplicates"), "duplicates")
        self.groups = {
            "partner": self._top(self.tr("Partners"), "group"),
            "artist": self._top(self.tr("Artists"), "group"),
            "show": self._top(self.tr("Shows"), "group"),
            "collection": self._top(self.tr("Collections"), "group"),
        }
        self.groups["partner"].setExpanded(True)
        self.groups["collection"].setExpanded(True)
        self.setCurrentItem(self.all_item)
        self.currentItemChanged.connect(self._changed)
        self.data: dict[str, list] = {}
        self._queue: deque[tuple[str, tuple]] = deque()
        self._restore: tuple[str, Any] = ("all", None)
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_some)

    def _top(self, text: str, kind: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [text])
        item.setData(0, KindRole, kind)
        if kind == "group":
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        return item

    def reload(self) -> None:
        self.runner.read(_load, self.catalog, key="sidebar", on_done=self._fill)

    def _fill(self, data: dict[str, list]) -> None:
        """Replace the groups' children, a chunk per turn of the event loop."""
        self.data = data
        if not self._queue:  # a fill in progress already knows what was selected before it
            self._restore = self.current_filter()
        self._queue.clear()
        self.blockSignals(True)
        try:
            if self.currentItem() is not None and self.currentItem().parent() is not None:
                self.setCurrentItem(self.all_item)  # its item is about to go
            for kind, rows in (
                ("partner", data["partners"]),
                ("artist", data["artists"]),
                ("show", data["shows"]),
                ("collection", data["collections"]),
            ):
                _drop_children(self.groups[kind])
                self._queue.extend((kind, tuple(row)) for row in rows)
        finally:
            self.blockSignals(False)
        self._fill_some()

    def _fill_some(self) -> None:
        batch: dict[str, list[QTreeWidgetItem]] = {}
        for _ in range(min(FILL_CHUNK, len(self._queue))):
            kind, row = self._queue.popleft()
            label = row[1] if len(row) == 2 else f"{row[1]} ({row[2]})"
            child = QTreeWidgetItem([label])
            child.setData(0, KindRole, kind)
            child.setData(0, IdRole, row[0])
            child.setToolTip(0, row[1])
            batch.setdefault(kind, []).append(child)
        for kind, items in batch.items():
            self.groups[kind].addChildren(items)
        if self._queue:
            self._fill_timer.start()
            return
        self.blockSignals(True)
        try:
            self.select(*self._restore)
        finally:
            self.blockSignals(False)
        self.loaded.emit()

    def current_filter(self) -> tuple[str, Any]:
        item = self.currentItem()
        if item is None:
            return "all", None
        return item.data(0, KindRole), item.data(0, IdRole)

    def select(self, kind: str, ident: Any = None) -> None:
        if kind == "all":
            self.setCurrentItem(self.all_item)
            return
        if kind == "duplicates":
            self.setCurrentItem(self.dup_item)
            return
        group = self.groups.get(kind)
        if group is None:
            return
        for i in range(group.childCount()):
            child = group.child(i)
            if child.data(0, IdRole) == ident:
                self.setCurrentItem(child)
                return

    def _changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        kind = current.data(0, KindRole)
        if kind == "group":
            return
        # what a fill in progress selects at its end
        self._restore = (kind, current.data(0, IdRole))
        self.selected.emit(kind, current.data(0, IdRole))
