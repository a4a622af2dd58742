"""The sidebar: all artworks, possible duplicates, partners, artists, shows, collections."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from artdesk.gui.tasks import TaskRunner

KindRole = Qt.ItemDataRole.UserRole + 10
IdRole = Qt.ItemDataRole.UserRole + 11
SIDEBAR_ARTISTS = 2000  # the artists listed here (the filter bar finds any other by name)


def _load(catalog: Any) -> dict[str, list]:
    return {
        "partners": [(p.id, p.name) for p in catalog.list_partners()],
        "artists": [(a.id, a.name) for a in catalog.list_artists(limit=SIDEBAR_ARTISTS)],
        "shows": [(s.id, s.name, s.artwork_count) for s in catalog.list_shows(limit=1000)],
        "collections": [(c.id, c.name, c.artwork_count) for c in catalog.list_collections()],
    }


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

    def _top(self, text: str, kind: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [text])
        item.setData(0, KindRole, kind)
        if kind == "group":
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        return item

    def reload(self) -> None:
        self.runner.read(_load, self.catalog, key="sidebar", on_done=self._fill)

    def _fill(self, data: dict[str, list]) -> None:
        self.data = data
        current = self.current_filter()
        self.blockSignals(True)
        try:
            for kind, rows in (
                ("partner", data["partners"]),
                ("artist", data["artists"]),
                ("show", data["shows"]),
                ("collection", data["collections"]),
            ):
                group = self.groups[kind]
                group.takeChildren()
                for row in rows:
                    label = row[1] if len(row) == 2 else f"{row[1]} ({row[2]})"
                    child = QTreeWidgetItem(group, [label])
                    child.setData(0, KindRole, kind)
                    child.setData(0, IdRole, row[0])
                    child.setToolTip(0, row[1])
            self.select(*current)
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
        self.selected.emit(kind, current.data(0, IdRole))
