"""The main window: sidebar, filter bar, catalog table, detail editor, menus and status bar."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from artdesk.core.errors import ArtdeskError
from artdesk.core.models import Artwork, Availability
from artdesk.gui.bridge import ChangeBridge
from artdesk.gui.commands import SOURCE, DeleteArtworkCommand
from artdesk.gui.dialogs import (
    ApiServerDialog,
    EntitiesDialog,
    ExportDialog,
    ImportDialog,
    PreferencesDialog,
)
from artdesk.gui.editor import ArtworkEditor, sorted_names
from artdesk.gui.sidebar import Sidebar
from artdesk.gui.sync_dialog import SyncDialog
from artdesk.gui.table_model import (
    COLUMNS,
    ArtworkIdRole,
    ArtworkTableModel,
    availability_label,
)
from artdesk.gui.tasks import TaskRunner
from artdesk.services.catalog import ArtworkQuery

SEARCH_DEBOUNCE_MS = 150
FIRST_QUERY_MS = 500  # the first rows are asked for then at the latest (see MainWindow.__init__)
ROW_HEIGHT = 44


class CatalogTable(QTableView):
    """The catalog table: before each paint it asks the model for the rows it is about to paint.

    That is the one call into Python a paint makes: the cells themselves are the item model's
    (see ``artdesk.gui.table_model``), read by the delegate in C++.
    """

    # The table was painted for the first time (the window is on screen).
    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        model = self.model()
        if isinstance(model, ArtworkTableModel):
            rect = event.rect()
            top = self.rowAt(rect.top())
            if top >= 0:
                bottom = self.rowAt(rect.bottom())
                model.request_rows(top, bottom if bottom >= 0 else model.rowCount() - 1)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()


class MainWindow(QMainWindow):
    # The selected artwork changed (id or None).
    selection_changed = Signal(object)

    def __init__(
        self,
        services: Any,
        runner: TaskRunner,
        store: QSettings,
        *,
        catalog_label: str = "",
        server: Any = None,
        theme_changed: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.catalog = services.catalog
        self.runner = runner
        self.store = store
        self.server = server
        self._theme_changed = theme_changed
        self.selected_id: int | None = None
        self._artist_ids: dict[str, int] = {}
        self._catalog_total: int | None = None
        self.setWindowTitle(
            self.tr("artdesk — {catalog}[*]").format(catalog=catalog_label or self.tr("catalog"))
        )
        self.undo_stack = QUndoStack(self)

        thumb = int(store.value("view/thumbnail_size", 40))
        images = getattr(services, "images", None)
        self.model = ArtworkTableModel(
            self.catalog,
            runner,
            files_dir=getattr(services, "files_dir", None),
            thumb_path=images.thumbnail_path if images is not None else None,
            thumb_size=thumb,
            parent=self,
        )
        self._build_central()
        self._build_actions()
        self._build_status(catalog_label)

        self.bridge = ChangeBridge(services.notifier, self)
        self.bridge.changed.connect(self.on_changes)
        runner.task_failed.connect(self._task_failed)
        self.model.query_loaded.connect(self._query_loaded)
        self.model.refreshed.connect(self._refreshed)
        self.model.block_loaded.connect(lambda _b: self._check_selection())

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.search_timer.timeout.connect(self.apply_filters)

        self.restore_state()
        # The table's count and first rows are asked for once the window is first painted (or
        # after FIRST_QUERY_MS if it is not shown), so that first paint (its many first calls
        # into Python each need the GIL) is not shared with a worker turning rows into Python
        # objects; they go to the read pool first and alone: the lists beside the table
        # (sidebar, filter choices with the artist names, sync state) are read once the first
        # rows are shown.
        self._side_lists_loaded = False
        self.table.first_painted.connect(
            lambda: QTimer.singleShot(0, self, self._first_query)  # after the rest of that paint
        )
        QTimer.singleShot(FIRST_QUERY_MS, self, self._first_query)
        self.update_server_status()

    # ------------------------------------------------------------------ layout
    def _build_central(self) -> None:
        # Built from the window down, each widget made inside its parent: a widget tree made
        # apart and then put in the window is restyled whole (stylesheet polish) at each level.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.setCentralWidget(self.splitter)
        self.sidebar = Sidebar(self.catalog, self.runner, self.splitter)
        self.sidebar.selected.connect(self._sidebar_selected)

        center = QWidget(self.splitter)
        cl = QVBoxLayout(center)
        cl.setContentsMargins(4, 4, 4, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Search title, artist, medium, inventory… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        cl.addWidget(self.search)
        self.partner_filter = QComboBox()
        self.partner_filter.setObjectName("partnerFilter")
        self.partner_filter.addItem(self.tr("All partners"), None)
        self.artist_filter = QLineEdit()
        self.artist_filter.setObjectName("artistFilter")
        self.artist_filter.setPlaceholderText(self.tr("Artist"))
        self.artist_filter.setClearButtonEnabled(True)
        self.artist_completer = QCompleter([], self.artist_filter)
        self.artist_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.artist_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.artist_filter.setCompleter(self.artist_completer)
        self.artist_filter.editingFinished.connect(self.apply_filters)
        self.artist_filter.textChanged.connect(lambda t: self.apply_filters() if not t else None)
        self.availability_filter = QComboBox()
        self.availability_filter.setObjectName("availabilityFilter")
        self.availability_filter.addItem(self.tr("Any availability"), None)
        for a in Availability:
            self.availability_filter.addItem(availability_label(a.value), a.value)
        self.show_filter = QComboBox()
        self.show_filter.setObjectName("showFilter")
        self.show_filter.addItem(self.tr("Any show"), None)
        self.collection_filter = QComboBox()
        self.collection_filter.setObjectName("collectionFilter")
        self.collection_filter.addItem(self.tr("Any collection"), None)
        self.duplicates_filter = QCheckBox(self.tr("Possible duplicates"))
        self.duplicates_filter.setObjectName("duplicatesFilter")
        for combo in (
            self.partner_filter,
            self.availability_filter,
            self.show_filter,
            self.collection_filter,
        ):
            combo.currentIndexChanged.connect(self.apply_filters)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            bar.addWidget(combo, 1)
        bar.insertWidget(1, self.artist_filter, 1)
        self.duplicates_filter.toggled.connect(self.apply_filters)
        bar.addWidget(self.duplicates_filter)
        cl.addLayout(bar)

        self.table = CatalogTable()
        self.table.setObjectName("catalogTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(max(self.model.thumb_size + 4, 24))
        hh = self.table.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        for i, column in enumerate(COLUMNS):
            hh.resizeSection(i, column.width)
        self.table.setIconSize(self.table.iconSize().expandedTo(self.table.iconSize()))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        cl.addWidget(self.table, 1)

        self.editor = ArtworkEditor(
            self.services,
            self.runner,
            self.undo_stack,
            applied=self._command_applied,
            parent=self.splitter,
        )
        self.editor.message.connect(self.show_message)
        self.editor.saved.connect(self._saved)
        self.editor.open_requested.connect(self.open_artwork)
        self.editor.dirty_changed.connect(lambda d: self.setWindowModified(d))

        for widget in (self.sidebar, center, self.editor):  # (each in place already)
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([200, 760, 440])

    def _action(self, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        m = self.menuBar()
        file_menu = m.addMenu(self.tr("&File"))
        self.new_action = self._action(
            self.tr("&New work"), self.new_work, QKeySequence.StandardKey.New, "newWork"
        )
        self.import_action = self._action(self.tr("&Import…"), self.open_import, "Ctrl+I", "import")
        self.export_action = self._action(self.tr("&Export…"), self.open_export, "Ctrl+E", "export")
        self.prefs_action = self._action(
            self.tr("&Preferences…"),
            self.open_preferences,
            QKeySequence.StandardKey.Preferences,
            "preferences",
        )
        self.quit_action = self._action(
            self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quit"
        )
        for a in (
            self.new_action,
            None,
            self.import_action,
            self.export_action,
            None,
            self.prefs_action,
            None,
            self.quit_action,
        ):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)

        edit_menu = m.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.save_action = self._action(
            self.tr("&Save work"), self.editor.save, QKeySequence.StandardKey.Save, "save"
        )
        self.revert_action = self._action(
            self.tr("Re&vert work"), self.editor.revert, "Ctrl+R", "revert"
        )
        self.delete_action = self._action(
            self.tr("&Delete work"), self.delete_selected, "Ctrl+Del", "delete"
        )
        self.find_action = self._action(
            self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find, "find"
        )
        for a in (
            self.undo_action,
            self.redo_action,
            None,
            self.save_action,
            self.revert_action,
            self.delete_action,
            None,
            self.find_action,
        ):
            edit_menu.addSeparator() if a is None else edit_menu.addAction(a)

        view_menu = m.addMenu(self.tr("&View"))
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh, "refresh"
        )
        self.dup_action = self._action(
            self.tr("Show possible &duplicates"),
            lambda: self.duplicates_filter.toggle(),
            "Ctrl+D",
            "duplicates",
        )
        self.clear_action = self._action(
            self.tr("&Clear filters"), self.clear_filters, "Ctrl+Shift+L", "clearFilters"
        )
        self.next_action = self._action(
            self.tr("&Next work"), lambda: self._step(1), "Ctrl+Down", "nextWork"
        )
        self.prev_action = self._action(
            self.tr("&Previous work"), lambda: self._step(-1), "Ctrl+Up", "previousWork"
        )
        for a in (
            self.refresh_action,
            self.dup_action,
            self.clear_action,
            None,
            self.next_action,
            self.prev_action,
        ):
            view_menu.addSeparator() if a is None else view_menu.addAction(a)

        catalog_menu = m.addMenu(self.tr("&Catalog"))
        catalog_menu.addAction(
            self._action(
                self.tr("&Partners…"), lambda: self.open_entities("partners"), "Ctrl+Shift+P"
            )
        )
        catalog_menu.addAction(
            self._action(
                self.tr("&Artists…"), lambda: self.open_entities("artists"), "Ctrl+Shift+A"
            )
        )
        catalog_menu.addAction(
            self._action(self.tr("&Shows…"), lambda: self.open_entities("shows"), "Ctrl+Shift+S")
        )
        catalog_menu.addAction(
            self._action(
                self.tr("&Collections…"), lambda: self.open_entities("collections"), "Ctrl+Shift+C"
            )
        )
        catalog_menu.addSeparator()
        self.sync_action = self._action(
            self.tr("S&ync with remote catalogs…"), self.open_sync, "Ctrl+Shift+Y", "sync"
        )
        catalog_menu.addAction(self.sync_action)
        tools = m.addMenu(self.tr("&Tools"))
        tools.addAction(
            self._action(
                self.tr("&API server and keys…"), self.open_api, "Ctrl+Shift+K", "apiServer"
            )
        )
        help_menu = m.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About artdesk"), self.about))

    def _build_status(self, catalog_label: str) -> None:
        sb = self.statusBar()
        self.catalog_status = QLabel(catalog_label)
        self.catalog_status.setObjectName("catalogStatus")
        self.count_status = QLabel()
        self.count_status.setObjectName("countStatus")
        self.server_status = QLabel()
        self.server_status.setObjectName("serverStatus")
        self.sync_status = QLabel()
        self.sync_status.setObjectName("syncStatus")
        for w in (self.catalog_status, self.count_status, self.server_status, self.sync_status):
            sb.addPermanentWidget(w)

    # ------------------------------------------------------------------ filters and query
    def _load_filter_choices(self) -> None:
        catalog = self.catalog

        def load() -> dict[str, Any]:
            artists = catalog.artist_names()
            return {
                "partners": [(p.id, p.name) for p in catalog.list_partners()],
                "shows": [(s.id, s.name) for s in catalog.list_shows(limit=5000)],
                "collections": [(c.id, c.name) for c in catalog.list_collections()],
                "artist_ids": {name.casefold(): ident for ident, name in artists},
                "artist_names": sorted_names(artists),
            }

        self.runner.read(load, key="filter-choices", on_done=self._filter_choices)

    def _filter_choices(self, data: dict[str, Any]) -> None:
        for combo, rows in (
            (self.partner_filter, data["partners"]),
            (self.show_filter, data["shows"]),
            (self.collection_filter, data["collections"]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for ident, name in rows:
                combo.addItem(name, ident)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self._artist_ids = data["artist_ids"]
        names = self.artist_completer.model()
        if names.stringList() != data["artist_names"]:
            names.setStringList(data["artist_names"])
        self.editor.artist_completer.set_names(data["artist_names"])  # the same names, read once
        self.editor.set_partners(data["partners"])

    def current_query(self) -> ArtworkQuery:
        base = self.model.query
        artist_text = self.artist_filter.text().strip()
        artist_id = self._artist_ids.get(artist_text.casefold()) if artist_text else None
        if artist_text and artist_id is None:
            artist_id = -1  # a name no artist has: show nothing rather than everything
        return ArtworkQuery(
            partner_id=self.partner_filter.currentData(),
            artist_id=artist_id,
            show_id=self.show_filter.currentData(),
            collection_id=self.collection_filter.currentData(),
            availability=self.availability_filter.currentData(),
            duplicates_only=self.duplicates_filter.isChecked(),
            text=self.search.text().strip() or None,
            sort=base.sort,
            descending=base.descending,
        )

    def apply_filters(self) -> None:
        self.search_timer.stop()
        query = self.current_query()
        if query != self.model.query or not self.model.loaded:
            self.model.set_query(query)

    def clear_filters(self) -> None:
        for w in (
            self.partner_filter,
            self.availability_filter,
            self.show_filter,
            self.collection_filter,
        ):
            w.blockSignals(True)
            w.setCurrentIndex(0)
            w.blockSignals(False)
        for w in (self.search, self.artist_filter):
            w.blockSignals(True)
            w.clear()
            w.blockSignals(False)
        self.duplicates_filter.blockSignals(True)
        self.duplicates_filter.setChecked(False)
        self.duplicates_filter.blockSignals(False)
        self.sidebar.blockSignals(True)
        self.sidebar.select("all")
        self.sidebar.blockSignals(False)
        self.apply_filters()

    def _sidebar_selected(self, kind: str, ident: Any) -> None:
        for w in (self.partner_filter, self.show_filter, self.collection_filter):
            w.blockSignals(True)
            w.setCurrentIndex(0)
            w.blockSignals(False)
        self.artist_filter.blockSignals(True)
        self.artist_filter.clear()
        self.artist_filter.blockSignals(False)
        self.duplicates_filter.blockSignals(True)
        self.duplicates_filter.setChecked(kind == "duplicates")
        self.duplicates_filter.blockSignals(False)
        combo = {
            "partner": self.partner_filter,
            "show": self.show_filter,
            "collection": self.collection_filter,
        }.get(kind)
        if combo is not None:
            combo.blockSignals(True)
            i = combo.findData(ident)
            if i < 0:
                combo.addItem(self.sidebar.currentItem().text(0), ident)
                i = combo.count() - 1
            combo.setCurrentIndex(i)
            combo.blockSignals(False)
        if kind == "artist":
            name = self.sidebar.currentItem().toolTip(0)
            self._artist_ids.setdefault(name.casefold(), ident)
            self.artist_filter.blockSignals(True)
            self.artist_filter.setText(name)
            self.artist_filter.blockSignals(False)
        self.apply_filters()

    def _query_loaded(self, count: int) -> None:
        if not self._side_lists_loaded:  # the first rows are shown (see __init__)
            self._load_side_lists()
        self._update_count()
        if self.selected_id is not None:
            self.model.locate(self.selected_id, self._select_row)

    def _update_count(self, *, recount_total: bool = False) -> None:
        """The status bar's "N of M works"; M (the whole catalog) is counted again only after a change."""
        self._update_count_text()
        if recount_total or self._catalog_total is None:
            self.runner.read(
                self.catalog.count_artworks, key="catalog-total", on_done=self._total_arrived
            )

    def _total_arrived(self, total: int) -> None:
        changed = self._catalog_total != total
        self._catalog_total = total
        if changed:
            self._update_count_text()

    def _update_count_text(self) -> None:
        count, total = self.model.rowCount(), self._catalog_total
        if total is not None and total != count:
            self.count_status.setText(
                self.tr("{shown} of {total} works", "", total).format(
                    shown=f"{count:,}", total=f"{total:,}"
                )
            )
        else:
            self.count_status.setText(
                self.tr("{shown} works", "", count).format(shown=f"{count:,}")
            )

    # ------------------------------------------------------------------ selection
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        artwork_id = self.model.data(current, ArtworkIdRole)
        if artwork_id is None or artwork_id == self.selected_id:
            return
        if self.editor.is_dirty and not self._confirm_leave():
            self._select_id_quietly(self.selected_id)
            return
        self.selected_id = artwork_id
        self.editor.load(artwork_id)
        self.selection_changed.emit(artwork_id)

    def _confirm_leave(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The work you are editing has unsaved changes. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _select_id_quietly(self, artwork_id: int | None) -> None:
        if artwork_id is None:
            return
        row = self.model.row_of(artwork_id)
        if row is not None:
            self._select_row(row)

    def _select_row(self, row: int | None) -> None:
        if row is None or not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, 1)
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        sm.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        sm.blockSignals(False)
        self.table.viewport().update()
        self.table.scrollTo(index)

    def _check_selection(self) -> None:
        """After a reload, keep the selection on the same work even if its row moved."""
        if self.selected_id is None:
            return
        current = self.table.currentIndex()
        if current.isValid():
            artwork = self.model.artwork_at(current.row())
            if artwork is None or artwork.id == self.selected_id:
                return
        row = self.model.row_of(self.selected_id)
        if row is not None:
            self._select_row(row)

    def open_artwork(self, artwork_id: int) -> None:
        if self.editor.is_dirty and not self._confirm_leave():
            return
        self.selected_id = artwork_id
        self.editor.load(artwork_id, force=True)
        self.model.locate(artwork_id, self._select_row)

    def selected_artwork(self) -> Artwork | None:
        return self.editor.artwork

    def _step(self, delta: int) -> None:
        row = self.table.currentIndex().row() + delta
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 1))

    # ------------------------------------------------------------------ actions
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_work(self) -> None:
        if self.editor.is_dirty and not self._confirm_leave():
            return
        self.selected_id = None
        self.table.clearSelection()
        self.editor.new_work(self.partner_filter.currentData())

    def delete_selected(self) -> None:
        artwork = self.editor.artwork
        if artwork is None:
            return
        self.delete_artwork(artwork, confirm=True)

    def delete_artwork(self, artwork: Artwork, *, confirm: bool = False) -> None:
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Delete work"),
                self.tr("Delete “{title}”? You can undo this with {undo}.").format(
                    title=artwork.title,
                    undo=QKeySequence(QKeySequence.StandardKey.Undo).toString(
                        QKeySequence.SequenceFormat.NativeText
                    ),
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        catalog = self.catalog

        def delete() -> Artwork:
            full = catalog.get_artwork(artwork.id)
            catalog.delete_artwork(full.id, source=SOURCE, expected_version=artwork.version)
            return full

        self.runner.write(delete, on_done=self._deleted, on_error=lambda exc: self.show_error(exc))

    def _deleted(self, artwork: Artwork) -> None:
        self.undo_stack.push(DeleteArtworkCommand(self.editor.command_ctx, artwork))
        if self.editor.artwork is not None and self.editor.artwork.id == artwork.id:
            self.editor.set_empty()
            self.selected_id = None
        self.show_message(self.tr("Deleted “{title}”").format(title=artwork.title))

    def _command_applied(self, artwork_id: int, artwork: Artwork | None) -> None:
        self.editor._command_applied(artwork_id, artwork)
        if artwork is not None and self.editor.artwork is None and not self.editor.is_new:
            self.open_artwork(artwork_id)

    def _saved(self, artwork: Artwork) -> None:
        self.selected_id = artwork.id
        self.model.refresh()

    def refresh(self) -> None:
        self.model.refresh()
        self._load_side_lists()

    def _first_query(self) -> None:
        if not (self.model.loaded or self.model.pending):  # (unless asked for meanwhile)
            self.apply_filters()

    def _load_side_lists(self) -> None:
        """What the sidebar, the filter bar, the editor's completion and the status bar list."""
        self._side_lists_loaded = True
        self.sidebar.reload()
        self._load_filter_choices()  # and the editor's artist names
        self.update_sync_status()

    def on_changes(self, changes: Any) -> None:
        """Changes made anywhere (this window, the API server, an import), debounced."""
        if "artworks" in changes.kinds or changes.artwork_ids:
            self.model.refresh()
            self.editor.external_changes(changes.artwork_ids, changes.deleted_ids)
        if changes.kinds & {"partners", "shows", "collections", "artists"}:
            self.sidebar.reload()
            self._load_filter_choices()  # and the editor's artist names
        self.update_sync_status()

    def _refreshed(self, count: int) -> None:
        self._update_count(recount_total=True)
        self._check_selection()

    # ------------------------------------------------------------------ dialogs
    def open_entities(self, tab: str) -> None:
        dialog = EntitiesDialog(self.services, self.runner, self, tab=tab)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.services, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_export(self) -> None:
        dialog = ExportDialog(self.services, self.runner, self.model.query, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_api(self) -> None:
        dialog = ApiServerDialog(self.services, self.runner, self.server, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.server_changed.connect(self.update_server_status)
        dialog.open()

    def open_sync(self) -> SyncDialog:
        dialog = SyncDialog(self.services, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.synced.connect(lambda _reports: self.update_sync_status())
        dialog.open()
        return dialog

    def open_preferences(self) -> None:
        dialog = PreferencesDialog(self.store, self)
        if dialog.exec():
            if self._theme_changed is not None:
                self._theme_changed(self.store.value("view/theme", "system"))
            size = int(self.store.value("view/thumbnail_size", 40))
            if size != self.model.thumb_size:
                self.model.thumb_size = size
                self.table.verticalHeader().setDefaultSectionSize(max(size + 4, 24))
                self.model.reload()

    def about(self) -> None:
        from artdesk import __version__

        QMessageBox.about(
            self,
            self.tr("About artdesk"),
            self.tr("artdesk {version}\nA catalog manager for gallery registrars.").format(
                version=__version__
            ),
        )

    # ------------------------------------------------------------------ status
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_error(self, exc: BaseException) -> None:
        self.show_message(
            exc.message if isinstance(exc, ArtdeskError) else f"{type(exc).__name__}: {exc}"
        )

    def _task_failed(self, _task: Any, exc: BaseException) -> None:
        self.show_error(exc)

    def update_server_status(self) -> None:
        if self.server is None:
            self.server_status.setText(self.tr("API: not available"))
        elif self.server.running:
            self.server_status.setText(
                self.tr("API: {address}").format(address=self.server.address)
            )
        elif self.server.error:
            self.server_status.setText(
                self.tr("API: stopped ({why})").format(why=self.server.error)
            )
        else:
            self.server_status.setText(self.tr("API: stopped"))

    def update_sync_status(self) -> None:
        catalog = self.catalog
        sync = getattr(self.services, "sync", None)

        def last_sync() -> Any:
            # The newest of: a work synced in or out, a finished push or pull of any remote.
            times = [catalog.last_write_times().get("artworks", (None, 0))[0]]
            if sync is not None:
                for r in sync.list_remotes():
                    times += [r.last_pull_at, r.last_push_at]
            return max((_naive_utc(t) for t in times if t is not None), default=None)

        self.runner.read(last_sync, key="sync-status", on_done=self._sync_status)

    def _sync_status(self, last: Any) -> None:
        if last is None:
            self.sync_status.setText(self.tr("Sync: never"))
        else:
            self.sync_status.setText(
                self.tr("Last sync: {when}").format(when=last.strftime("%Y-%m-%d %H:%M"))
            )

    # ------------------------------------------------------------------ state
    def restore_state(self) -> None:
        geometry = self.store.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1400, 860)
        state = self.store.value("window/state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        splitter = self.store.value("window/splitter")
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(QByteArray(splitter))
        header = self.store.value("table/header")
        if isinstance(header, QByteArray | bytes):
            self.table.horizontalHeader().restoreState(QByteArray(header))
            hh = self.table.horizontalHeader()
            section = hh.sortIndicatorSection()
            if 0 <= section < len(COLUMNS):
                self.model.preset_sort(
                    COLUMNS[section].sort_key or "id",
                    hh.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
                )

    def save_state(self) -> None:
        self.store.setValue("window/geometry", self.saveGeometry())
        self.store.setValue("window/state", self.saveState())
        self.store.setValue("window/splitter", self.splitter.saveState())
        self.store.setValue("table/header", self.table.horizontalHeader().saveState())
        self.store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.editor.is_dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("The work you are editing has unsaved changes. Quit without saving them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.save_state()
        self.bridge.close()
        event.accept()


def _naive_utc(t: Any) -> Any:
    """Times from the catalog may or may not carry a zone (SQLite drops it): compare in UTC."""
    if t.tzinfo is None:
        return t
    return t.astimezone(UTC).replace(tzinfo=None)
