"""Dialogs: partners/artists/shows/collections, import, export, the API server, preferences."""

from __future__ import annotations

import csv
import threading
from collections.abc import Collection
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from artdesk.core.errors import ArtdeskError
from artdesk.core.models import PartnerType, ShowStatus
from artdesk.gui.tasks import Task, TaskRunner
from artdesk.gui.theme import THEME_CHOICES

SOURCE = "desktop"
PREVIEW_ROWS = 20
REPORT_ROWS_SHOWN = 500


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, ArtdeskError) else f"{type(exc).__name__}: {exc}"


def settings_store(data_dir: Path) -> QSettings:
    """The desktop's preferences: an INI file in the data folder (tests redirect that folder)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(data_dir / "desktop.ini"), QSettings.Format.IniFormat)


def list_table(headers: list[str], stretch: Collection[int] | None = None) -> QTableWidget:
    """A read-only table of rows, selected one whole row at a time.

    ``stretch``: the columns that share the width, the others sized to their contents (None:
    the last column takes what is left)."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = t.horizontalHeader()
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        for c in range(len(headers)):
            header.setSectionResizeMode(
                c,
                QHeaderView.ResizeMode.Stretch
                if c in stretch
                else QHeaderView.ResizeMode.ResizeToContents,
            )
    t.verticalHeader().hide()
    return t


def _fill(table: QTableWidget, rows: list[tuple], ids: list[Any]) -> None:
    table.setRowCount(len(rows))
    for r, (row, ident) in enumerate(zip(rows, ids, strict=True)):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setData(Qt.ItemDataRole.UserRole, ident)
            table.setItem(r, c, item)


# ---------------------------------------------------------------------- partners, artists, shows, collections
# Partner types and show states as the dialog lists them (translated with its tr()).
PARTNER_TYPE_LABELS = {
    "gallery": QT_TRANSLATE_NOOP("EntitiesDialog", "gallery"),
    "museum": QT_TRANSLATE_NOOP("EntitiesDialog", "museum"),
    "institution": QT_TRANSLATE_NOOP("EntitiesDialog", "institution"),
    "studio": QT_TRANSLATE_NOOP("EntitiesDialog", "studio"),
    "auction": QT_TRANSLATE_NOOP("EntitiesDialog", "auction"),
    "fair": QT_TRANSLATE_NOOP("EntitiesDialog", "fair"),
    "private": QT_TRANSLATE_NOOP("EntitiesDialog", "private"),
}
SHOW_STATUS_LABELS = {
    "upcoming": QT_TRANSLATE_NOOP("EntitiesDialog", "upcoming"),
    "running": QT_TRANSLATE_NOOP("EntitiesDialog", "running"),
    "closed": QT_TRANSLATE_NOOP("EntitiesDialog", "closed"),
}


class EntitiesDialog(QDialog):
    """Partners, artists, shows and collections: list, add, rename; collections are ordered."""

    changed = Signal()

    def __init__(
        self,
        services: Any,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        tab: str = "partners",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Partners, artists, shows and collections"))
        self.resize(760, 520)
        self.catalog = services.catalog
        self.runner = runner
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay.addWidget(close)

        # partners
        page = QWidget()
        pl = QVBoxLayout(page)
        self.partners = list_table(
            [self.tr("Name"), self.tr("Type"), self.tr("E-mail"), self.tr("Region")]
        )
        pl.addWidget(self.partners)
        form = QHBoxLayout()
        self.partner_name = QLineEdit()
        self.partner_name.setPlaceholderText(self.tr("New partner name"))
        self.partner_type = QComboBox()
        for t in PartnerType:
            self.partner_type.addItem(self.tr(PARTNER_TYPE_LABELS.get(t.value, t.value)), t.value)
        self.partner_email = QLineEdit()
        self.partner_email.setPlaceholderText(self.tr("e-mail"))
        add = QPushButton(self.tr("Add partner"))
        add.clicked.connect(self.add_partner)
        for w in (self.partner_name, self.partner_type, self.partner_email, add):
            form.addWidget(w)
        pl.addLayout(form)
        self.tabs.addTab(page, self.tr("Partners"))

        # artists
        page = QWidget()
        al = QVBoxLayout(page)
        search = QHBoxLayout()
        self.artist_search = QLineEdit()
        self.artist_search.setPlaceholderText(self.tr("Find an artist"))
        self.artist_search.textChanged.connect(self.reload_artists)
        search.addWidget(self.artist_search)
        al.addLayout(search)
        self.artists = list_table(
            [self.tr("Name"), self.tr("Nationality"), self.tr("Born"), self.tr("Died")]
        )
        self.artists.itemDoubleClicked.connect(self.rename_artist)
        al.addWidget(self.artists)
        form = QHBoxLayout()
        self.artist_name = QLineEdit()
        self.artist_name.setPlaceholderText(self.tr("New artist name"))
        add = QPushButton(self.tr("Add artist"))
        add.clicked.connect(self.add_artist)
        form.addWidget(self.artist_name)
        form.addWidget(add)
        al.addLayout(form)
        al.addWidget(QLabel(self.tr("Double-click an artist to rename it.")))
        self.tabs.addTab(page, self.tr("Artists"))

        # shows
        page = QWidget()
        sl = QVBoxLayout(page)
        self.shows = list_table(
            [self.tr("Name"), self.tr("Partner"), self.tr("Status"), self.tr("Works")]
        )
        sl.addWidget(self.shows)
        form = QHBoxLayout()
        self.show_name = QLineEdit()
        self.show_name.setPlaceholderText(self.tr("New show name"))
        self.show_partner = QComboBox()
        self.show_status = QComboBox()
        for s in ShowStatus:
            self.show_status.addItem(self.tr(SHOW_STATUS_LABELS.get(s.value, s.value)), s.value)
        add = QPushButton(self.tr("Add show"))
        add.clicked.connect(self.add_show)
        for w in (self.show_name, self.show_partner, self.show_status, add):
            form.addWidget(w)
        sl.addLayout(form)
        self.tabs.addTab(page, self.tr("Shows"))

        # collections
        page = QWidget()
        cl = QHBoxLayout(page)
        left = QVBoxLayout()
        self.collections = QListWidget()
        self.collections.setObjectName("collectionsList")
        self.collections.currentItemChanged.connect(self._collection_chosen)
        left.addWidget(self.collections)
        row = QHBoxLayout()
        self.collection_name = QLineEdit()
        self.collection_name.setPlaceholderText(self.tr("New collection"))
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add_collection)
        row.addWidget(self.collection_name)
        row.addWidget(add)
        left.addLayout(row)
        cl.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Works, in order (drag to reorder):")))
        self.items = QListWidget()
        self.items.setObjectName("collectionItems")
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.items.model().rowsMoved.connect(lambda *_a: self.save_order_button.setEnabled(True))
        right.addWidget(self.items)
        row = QHBoxLayout()
        self.add_ids = QLineEdit()
        self.add_ids.setPlaceholderText(self.tr("Add works by id, e.g. 12, 40"))
        add_items = QPushButton(self.tr("Add works"))
        add_items.clicked.connect(self.add_items)
        remove_item = QPushButton(self.tr("Remove work"))
        remove_item.clicked.connect(self.remove_item)
        self.save_order_button = QPushButton(self.tr("Save order"))
        self.save_order_button.setEnabled(False)
        self.save_order_button.clicked.connect(self.save_items)
        for w in (self.add_ids, add_items, remove_item, self.save_order_button):
            row.addWidget(w)
        right.addLayout(row)
        cl.addLayout(right, 2)
        self.tabs.addTab(page, self.tr("Collections"))

        self.tabs.setCurrentIndex(
            {"partners": 0, "artists": 1, "shows": 2, "collections": 3}.get(tab, 0)
        )
        self.reload()

    # loading
    def reload(self) -> None:
        catalog = self.catalog

        def load() -> dict[str, Any]:
            return {
                "partners": catalog.list_partners(),
                "shows": catalog.list_shows(limit=5000),
                "collections": catalog.list_collections(),
            }

        self.runner.read(load, key="entities-load", on_done=self._loaded, on_error=self._error)
        self.reload_artists()

    def _loaded(self, data: dict[str, Any]) -> None:
        partners = data["partners"]
        names = {p.id: p.name for p in partners}
        _fill(
            self.partners,
            [(p.name, p.type, p.email, p.region) for p in partners],
            [p.id for p in partners],
        )
        self.show_partner.clear()
        for p in partners:
            self.show_partner.addItem(p.name, p.id)
        shows = data["shows"]
        _fill(
            self.shows,
            [(s.name, names.get(s.partner_id, ""), s.status, s.artwork_count) for s in shows],
            [s.id for s in shows],
        )
        current = self.collections.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.collections.clear()
        for c in data["collections"]:
            item = QListWidgetItem(f"{c.name} ({c.artwork_count})")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.collections.addItem(item)
            if c.id == current_id:
                self.collections.setCurrentItem(item)

    def reload_artists(self) -> None:
        text = self.artist_search.text().strip() or None
        self.runner.read(
            self.catalog.list_artists,
            text=text,
            limit=500,
            key="entities-artists",
            on_done=lambda rows: _fill(
                self.artists,
                [(a.name, a.nationality, a.birth_year, a.death_year) for a in rows],
                [a.id for a in rows],
            ),
        )

    def _error(self, exc: BaseException) -> None:
        self.status.setText(_message(exc))

    def _wrote(self, _result: Any = None) -> None:
        self.status.setText(self.tr("Saved."))
        self.changed.emit()
        self.reload()

    # writes
    def add_partner(self) -> None:
        name = self.partner_name.text().strip()
        email = self.partner_email.text().strip() or None
        self.runner.write(
            self.catalog.create_partner,
            name,
            type=self.partner_type.currentData(),
            email=email,
            source=SOURCE,
            on_done=lambda _p: (self.partner_name.clear(), self._wrote()),
            on_error=self._error,
        )

    def add_artist(self) -> None:
        self.runner.write(
            self.catalog.create_artist,
            self.artist_name.text(),
            source=SOURCE,
            on_done=lambda _r: (self.artist_name.clear(), self._wrote()),
            on_error=self._error,
        )

    def rename_artist(self, item: QTableWidgetItem) -> None:
        from PySide6.QtWidgets import QInputDialog

        artist_id = item.data(Qt.ItemDataRole.UserRole)
        old = self.artists.item(item.row(), 0).text()
        name, ok = QInputDialog.getText(self, self.tr("Rename artist"), self.tr("Name"), text=old)
        if ok and name.strip() and name != old:
            self.runner.write(
                self.catalog.update_artist,
                artist_id,
                {"name": name},
                source=SOURCE,
                on_done=self._wrote,
                on_error=self._error,
            )

    def add_show(self) -> None:
        partner_id = self.show_partner.currentData()
        if partner_id is None:
            self.status.setText(self.tr("Add a partner first."))
            return
        self.runner.write(
            self.catalog.create_show,
            partner_id,
            self.show_name.text(),
            status=self.show_status.currentData(),
            source=SOURCE,
            on_done=lambda _s: (self.show_name.clear(), self._wrote()),
            on_error=self._error,
        )

    def add_collection(self) -> None:
        self.runner.write(
            self.catalog.create_collection,
            self.collection_name.text(),
            source=SOURCE,
            on_done=lambda _c: (self.collection_name.clear(), self._wrote()),
            on_error=self._error,
        )

    def _collection_chosen(self, item: QListWidgetItem | None, _prev: Any = None) -> None:
        self.items.clear()
        self.save_order_button.setEnabled(False)
        if item is None:
            return
        cid = item.data(Qt.ItemDataRole.UserRole)
        catalog = self.catalog

        def load() -> list:
            return catalog.get_artworks(catalog.collection_artwork_ids(cid))

        self.runner.read(load, key="entities-items", on_done=self._show_items, on_error=self._error)

    def _show_items(self, works: list) -> None:
        self.items.clear()
        for w in works:
            item = QListWidgetItem(f"#{w.id}  {w.artist_name} — {w.title}")
            item.setData(Qt.ItemDataRole.UserRole, w.id)
            self.items.addItem(item)

    def item_ids(self) -> list[int]:
        return [
            self.items.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.items.count())
        ]

    def add_items(self) -> None:
        try:
            new = [int(x) for x in self.add_ids.text().replace(",", " ").split()]
        except ValueError:
            self.status.setText(self.tr("Give artwork ids as numbers, e.g. 12, 40"))
            return
        ids = self.item_ids() + [i for i in new if i not in self.item_ids()]
        self._save(ids)
        self.add_ids.clear()

    def remove_item(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            ids = self.item_ids()
            del ids[row]
            self._save(ids)

    def save_items(self) -> None:
        self._save(self.item_ids())

    def _save(self, ids: list[int]) -> None:
        current = self.collections.currentItem()
        if current is None:
            return
        cid = current.data(Qt.ItemDataRole.UserRole)
        self.runner.write(
            self.catalog.set_collection_items,
            cid,
            ids,
            source=SOURCE,
            on_done=lambda _r: (
                self._wrote(),
                self._collection_chosen(self.collections.currentItem()),
            ),
            on_error=self._error,
        )


# ---------------------------------------------------------------------- import
class ImportDialog(QDialog):
    """Choose a file, a preset or a column mapping, preview the first rows, run, cancel, report."""

    finished_import = Signal(object)

    def __init__(self, services: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import artworks"))
        self.resize(900, 640)
        self.services = services
        self.importer = getattr(services, "importer", None)
        self.runner = runner
        self.task: Task | None = None
        self.cancel_event: threading.Event | None = None
        self.result: Any = None
        self.columns: list[str] = []
        lay = QVBoxLayout(self)

        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(
            self.tr("A CSV, JSON or JSON-lines file (optionally .gz)")
        )
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(QLabel(self.tr("File")))
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        lay.addLayout(row)

        form = QFormLayout()
        self.preset = QComboBox()
        self.preset.setObjectName("importPreset")
        self.preset.addItem(self.tr("Detect from the columns"), None)
        self.preset.addItem(self.tr("Columns as mapped below"), "")
        try:
            from artdesk.services.importer import PRESETS

            for name, preset in PRESETS.items():
                self.preset.addItem(f"{name} — {preset.description}", name)
        except ImportError:
            pass
        self.preset.currentIndexChanged.connect(self.preview)
        form.addRow(self.tr("Preset"), self.preset)
        self.partner = QComboBox()
        self.partner.setObjectName("importPartner")
        form.addRow(self.tr("Partner (when the file names none)"), self.partner)
        lay.addLayout(form)

        self.mapping = list_table([self.tr("Column in the file"), self.tr("Artwork field")])
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.mapping.setMaximumHeight(170)
        self.mapping.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        lay.addWidget(
            QLabel(
                self.tr("Column mapping (edit a field name to change it; empty = not imported):")
            )
        )
        lay.addWidget(self.mapping)
        lay.addWidget(QLabel(self.tr("First rows:")))
        self.preview_table = QTableWidget()
        self.preview_table.setObjectName("importPreview")
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        lay.addWidget(self.preview_table, 1)

        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.hide()
        lay.addWidget(self.progress)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.report = list_table([self.tr("Line"), self.tr("Outcome"), self.tr("Reason")])
        self.report.setObjectName("importReport")
        self.report.hide()
        lay.addWidget(self.report, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for b in (self.import_button, self.cancel_button, close):
            buttons.addWidget(b)
        lay.addLayout(buttons)
        self.path_edit.editingFinished.connect(self.preview)
        if self.importer is None:
            self.status.setText(self.tr("The importer is not available in this build."))
            self.import_button.setEnabled(False)
        self.runner.read(services.catalog.list_partners, on_done=self._partners)

    def _partners(self, partners: list) -> None:
        self.partner.clear()
        self.partner.addItem(self.tr("(from the file or the preset)"), None)
        for p in partners:
            self.partner.addItem(p.name, p.slug)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import artworks"),
            "",
            self.tr("Catalog files (*.csv *.json *.jsonl *.gz);;All files (*)"),
        )
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        self.path_edit.setText(path)
        self.preview()

    def _preset_name(self) -> str | None:
        data = self.preset.currentData()
        return data or None

    def mapping_overrides(self) -> dict[str, str]:
        """{column: artwork field} as shown in the mapping table ("-": not imported)."""
        out = {}
        for r in range(self.mapping.rowCount()):
            column = self.mapping.item(r, 0).text()
            target_item = self.mapping.item(r, 1)
            target = target_item.text().strip() if target_item else ""
            out[column] = target or "-"
        return out

    def preview(self) -> None:
        path = self.path_edit.text().strip()
        if not path or self.importer is None:
            return
        self.status.setText(self.tr("Reading the first rows…"))
        preset = self._preset_name()
        mapping = self.mapping_overrides() if self.preset.currentData() == "" else None
        self.runner.read(
            self.importer.preview,
            Path(path),
            preset=preset,
            mapping=mapping,
            rows=PREVIEW_ROWS,
            key="import-preview",
            on_done=self._previewed,
            on_error=self._failed,
        )

    def _previewed(self, result: tuple) -> None:
        columns, mapped, rows, preset = result
        self.columns = columns
        by_column = dict(mapped)  # column -> artwork field
        self.mapping.setRowCount(len(columns))
        for r, col in enumerate(columns):
            name = QTableWidgetItem(col)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.mapping.setItem(r, 0, name)
            self.mapping.setItem(r, 1, QTableWidgetItem(by_column.get(col, "")))
        self.preview_table.setColumnCount(len(columns))
        self.preview_table.setHorizontalHeaderLabels(columns)
        self.preview_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, col in enumerate(columns):
                value = row.get(col)
                self.preview_table.setItem(
                    r, c, QTableWidgetItem("" if value is None else str(value)[:200])
                )
        self.preview_table.resizeColumnsToContents()
        for c in range(self.preview_table.columnCount()):
            self.preview_table.setColumnWidth(c, min(self.preview_table.columnWidth(c), 220))
        detected = (
            self.tr("preset {name}").format(name=preset) if preset else self.tr("columns by name")
        )
        self.status.setText(
            self.tr("{n} columns, {mapped} mapped ({how}).", "", len(columns)).format(
                n=len(columns), mapped=len(mapped), how=detected
            )
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(_message(exc))

    def start(self) -> None:
        path = self.path_edit.text().strip()
        if not path or self.importer is None or self.task is not None:
            if not path:
                self.status.setText(self.tr("Choose a file first."))
            return
        self.cancel_event = threading.Event()
        cancel = self.cancel_event
        preset = self._preset_name()
        mapping = self.mapping_overrides() if self.columns else None
        partner = self.partner.currentData()
        importer = self.importer

        def run(task: Task) -> Any:
            return importer.run(
                Path(path),
                preset=preset,
                partner=partner,
                mapping=mapping,
                progress=lambda rows, done, total: task.progress(done, max(total, 1)),
                cancel=cancel,
                source_label=f"desktop-import:{Path(path).name}",
            )

        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.show()
        self.report.hide()
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Importing…"))
        self.task = self.runner.write(
            run,
            pass_task=True,
            on_progress=self._progress,
            on_done=self._done,
            on_error=self._run_failed,
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / max(total, 1)))

    def cancel(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()
            self.status.setText(self.tr("Cancelling…"))

    def _finish(self) -> None:
        self.task = None
        self.import_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _run_failed(self, exc: BaseException) -> None:
        self._finish()
        self.progress.hide()
        self.status.setText(_message(exc))

    def _done(self, result: Any) -> None:
        self._finish()
        self.result = result
        self.progress.setValue(1000)
        self.status.setText(
            self.tr(
                "{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected ({seconds:.1f} s).",
                "",
                result.rows,
            ).format(
                rows=result.rows,
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                rejected=result.rejected,
                seconds=result.seconds,
            )
        )
        if result.report_path is not None and Path(result.report_path).exists():
            self._show_report(Path(result.report_path))
        self.finished_import.emit(result)

    def _show_report(self, path: Path) -> None:
        rows = []
        with open(path, newline="", encoding="utf-8") as fh:
            for i, rec in enumerate(csv.DictReader(fh)):
                if i >= REPORT_ROWS_SHOWN:
                    break
                rows.append((rec.get("line"), rec.get("outcome"), rec.get("reason")))
        _fill(self.report, rows, [None] * len(rows))
        self.report.resizeColumnToContents(0)
        self.report.show()
        self.status.setText(self.status.text() + " " + self.tr("Report: {path}").format(path=path))

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        if self.task is not None:
            self.cancel()
        super().closeEvent(event)


# ---------------------------------------------------------------------- export
class ExportDialog(QDialog):
    def __init__(
        self, services: Any, runner: TaskRunner, query: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export artworks"))
        self.exporter = getattr(services, "exporter", None)
        self.runner = runner
        self.query = query
        self.cancel_event: threading.Event | None = None
        lay = QFormLayout(self)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        lay.addRow(self.tr("File"), row)
        self.format = QComboBox()
        for f in ("csv", "json", "jsonl"):
            self.format.addItem(f, f)
        lay.addRow(self.tr("Format"), self.format)
        self.only_shown = QCheckBox(self.tr("Only the works shown (current search and filters)"))
        self.only_shown.setChecked(True)
        lay.addRow(self.only_shown)
        self.confidential = QCheckBox(self.tr("Include confidential notes"))
        lay.addRow(self.confidential)
        self.progress = QProgressBar()
        lay.addRow(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addRow(self.status)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(lambda: self.cancel_event and self.cancel_event.set())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for b in (self.export_button, self.cancel_button, close):
            buttons.addWidget(b)
        lay.addRow(buttons)
        if self.exporter is None:
            self.export_button.setEnabled(False)
            self.status.setText(self.tr("The exporter is not available in this build."))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export artworks"),
            "",
            self.tr("CSV (*.csv);;JSON (*.json);;JSON lines (*.jsonl)"),
        )
        if path:
            self.path_edit.setText(path)
            suffix = Path(path).suffix.lstrip(".").lower()
            if suffix in ("csv", "json", "jsonl"):
                self.format.setCurrentIndex(self.format.findData(suffix))

    def start(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.status.setText(self.tr("Choose a file first."))
            return
        self.cancel_event = threading.Event()
        cancel = self.cancel_event
        exporter, fmt = self.exporter, self.format.currentData()
        query = self.query if self.only_shown.isChecked() else None
        confidential = self.confidential.isChecked()

        def run(task: Task) -> int:
            return exporter.run(
                Path(path),
                format=fmt,
                include_confidential=confidential,
                query=query,
                progress=task.progress,
                cancel=cancel,
            )

        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.runner.read(
            run,
            pass_task=True,
            on_progress=lambda d, t: (
                self.progress.setRange(0, max(t, 1)),
                self.progress.setValue(d),
            ),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, count: int) -> None:
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.status.setText(
            self.tr("Exported {n} works to {path}.", "", count).format(
                n=count, path=self.path_edit.text()
            )
        )

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.status.setText(_message(exc))


# ---------------------------------------------------------------------- API server
class ApiServerDialog(QDialog):
    """Start/stop the embedded API server, choose its port, create (shown once) and revoke keys."""

    server_changed = Signal()

    def __init__(
        self, services: Any, runner: TaskRunner, server: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("API server"))
        self.resize(760, 560)
        self.services = services
        self.keys = services.keys
        self.runner = runner
        self.server = server  # artdesk.app.ServerControl or None
        lay = QVBoxLayout(self)

        box = QGroupBox(self.tr("Server"))
        bl = QHBoxLayout(box)
        self.state = QLabel()
        self.state.setObjectName("serverState")
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("any free port"))
        self.toggle = QPushButton()
        self.toggle.clicked.connect(self._toggle)
        bl.addWidget(self.state, 1)
        bl.addWidget(QLabel(self.tr("Port")))
        bl.addWidget(self.port)
        bl.addWidget(self.toggle)
        lay.addWidget(box)

        box = QGroupBox(self.tr("API keys"))
        kl = QVBoxLayout(box)
        self.table = list_table(
            [
                self.tr("Key"),
                self.tr("Label"),
                self.tr("Partner"),
                self.tr("Scopes"),
                self.tr("Last used"),
                self.tr("State"),
            ]
        )
        self.table.setObjectName("keysTable")
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        kl.addWidget(self.table)
        form = QFormLayout()
        self.key_label = QLineEdit()
        self.key_partner = QComboBox()
        self.scopes: dict[str, QCheckBox] = {}
        scope_row = QWidget()
        grid = QHBoxLayout(scope_row)
        grid.setContentsMargins(0, 0, 0, 0)
        from artdesk.services.keys import SCOPES

        for scope in SCOPES:
            cb = QCheckBox(scope)
            cb.setChecked(scope.endswith(":read"))
            self.scopes[scope] = cb
        scope_list = QListWidget()
        scope_list.setMaximumHeight(110)
        scope_list.setFlow(QListWidget.Flow.TopToBottom)
        scope_list.setWrapping(True)
        for cb in self.scopes.values():
            item = QListWidgetItem(scope_list)
            item.setSizeHint(cb.sizeHint())
            scope_list.setItemWidget(item, cb)
        grid.addWidget(scope_list)
        form.addRow(self.tr("Label"), self.key_label)
        form.addRow(self.tr("Partner"), self.key_partner)
        form.addRow(self.tr("Scopes"), scope_row)
        kl.addLayout(form)
        row = QHBoxLayout()
        create = QPushButton(self.tr("Create key"))
        create.clicked.connect(self.create_key)
        revoke = QPushButton(self.tr("Revoke selected"))
        revoke.clicked.connect(self.revoke_selected)
        row.addWidget(create)
        row.addWidget(revoke)
        row.addStretch(1)
        kl.addLayout(row)
        self.secret = QLineEdit()
        self.secret.setObjectName("newSecret")
        self.secret.setReadOnly(True)
        self.secret.hide()
        self.copy = QPushButton(self.tr("Copy"))
        self.copy.hide()
        self.copy.clicked.connect(self._copy)
        srow = QHBoxLayout()
        srow.addWidget(self.secret, 1)
        srow.addWidget(self.copy)
        kl.addLayout(srow)
        self.secret_note = QLabel(self.tr("This is the only time the key is shown. Copy it now."))
        self.secret_note.hide()
        kl.addWidget(self.secret_note)
        lay.addWidget(box, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay.addWidget(close)
        self._update_state()
        self.reload()

    def _update_state(self) -> None:
        if self.server is None:
            self.state.setText(self.tr("The API server is not available in this build."))
            self.toggle.setEnabled(False)
            self.toggle.setText(self.tr("Start"))
            return
        if self.server.running:
            self.state.setText(self.tr("Running at {address}").format(address=self.server.address))
            self.toggle.setText(self.tr("Stop"))
        else:
            self.state.setText(self.tr("Stopped"))
            self.toggle.setText(self.tr("Start"))
        self.port.setValue(self.server.port)
        self.port.setEnabled(not self.server.running)

    def _toggle(self) -> None:
        server = self.server
        self.toggle.setEnabled(False)
        if server.running:
            self.runner.read(server.stop, on_done=self._toggled, on_error=self._toggle_failed)
        else:
            port = self.port.value()
            self.runner.read(
                server.start, port, on_done=self._toggled, on_error=self._toggle_failed
            )

    def _toggled(self, _result: Any) -> None:
        self.toggle.setEnabled(True)
        self._update_state()
        self.server_changed.emit()

    def _toggle_failed(self, exc: BaseException) -> None:
        self.toggle.setEnabled(True)
        self.status.setText(_message(exc))
        self._update_state()
        self.server_changed.emit()

    def reload(self) -> None:
        keys, catalog = self.keys, self.services.catalog
        self.runner.read(
            lambda: (keys.list(), catalog.list_partners()), key="api-keys", on_done=self._loaded
        )

    def _loaded(self, data: tuple) -> None:
        keys, partners = data
        if self.key_partner.count() != len(partners):
            self.key_partner.clear()
            for p in partners:
                self.key_partner.addItem(p.name, p.id)
        rows = [
            (
                k.prefix + "…",
                k.label,
                k.partner_name,
                ", ".join(k.scopes),
                k.last_used_at.strftime("%Y-%m-%d %H:%M") if k.last_used_at else self.tr("never"),
                self.tr("active") if k.active else self.tr("revoked"),
            )
            for k in keys
        ]
        _fill(self.table, rows, [k.prefix for k in keys])

    def create_key(self) -> None:
        partner_id = self.key_partner.currentData()
        if partner_id is None:
            self.status.setText(self.tr("Add a partner first: a key acts for one partner."))
            return
        scopes = [s for s, cb in self.scopes.items() if cb.isChecked()]
        label = self.key_label.text().strip() or None
        self.runner.write(
            self.keys.create,
            partner_id,
            scopes,
            label=label,
            on_done=self._created,
            on_error=lambda exc: self.status.setText(_message(exc)),
        )

    def _created(self, new: Any) -> None:
        self.secret.setText(new.secret)
        for w in (self.secret, self.copy, self.secret_note):
            w.show()
        self.status.setText(self.tr("Key {prefix}… created.").format(prefix=new.key.prefix))
        self.reload()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.secret.text())
        self.secret.clear()
        for w in (self.secret, self.copy, self.secret_note):
            w.hide()
        self.status.setText(self.tr("Copied. The key is not kept anywhere else."))

    def revoke_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        prefix = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self,
            self.tr("Revoke key"),
            self.tr("Revoke {prefix}…? Clients using it stop working at once.").format(
                prefix=prefix
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.runner.write(
                self.keys.revoke,
                prefix,
                on_done=lambda _k: self.reload(),
                on_error=lambda exc: self.status.setText(_message(exc)),
            )

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self.secret.clear()
        super().closeEvent(event)


# ---------------------------------------------------------------------- preferences
class PreferencesDialog(QDialog):
    def __init__(self, store: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.store = store
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.catalog = QLineEdit(str(store.value("catalog/default", "") or ""))
        self.catalog.setPlaceholderText(self.tr("the last catalog opened"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.catalog, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Default catalog"), row)
        self.thumb = QSpinBox()
        self.thumb.setRange(0, 128)
        self.thumb.setSuffix(self.tr(" px"))
        self.thumb.setSpecialValueText(self.tr("no thumbnails"))
        self.thumb.setValue(int(store.value("view/thumbnail_size", 40)))
        form.addRow(self.tr("Thumbnail size"), self.thumb)
        self.theme = QComboBox()
        names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for t in THEME_CHOICES:
            self.theme.addItem(names[t], t)
        self.theme.setCurrentIndex(max(self.theme.findData(store.value("view/theme", "system")), 0))
        form.addRow(self.tr("Theme"), self.theme)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Default catalog"), "", self.tr("Catalogs (*.sqlite *.db);;All files (*)")
        )
        if path:
            self.catalog.setText(path)

    def accept(self) -> None:
        self.store.setValue("catalog/default", self.catalog.text().strip())
        self.store.setValue("view/thumbnail_size", self.thumb.value())
        self.store.setValue("view/theme", self.theme.currentData())
        self.store.sync()
        super().accept()
