"""The editor's side panels: possible duplicates, editions, genes, images and similar works."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from artdesk.core.errors import ArtdeskError
from artdesk.core.models import ISO_4217, Artwork, Availability, EditionSet
from artdesk.gui.table_model import availability_label, thumbnail_for
from artdesk.gui.tasks import TaskRunner

SOURCE = "desktop"
IMAGE_THUMB = 112


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, ArtdeskError) else f"{type(exc).__name__}: {exc}"


def _thumb_path(services: Any):  # noqa: ANN202 - ImageService.thumbnail_path or None
    images = getattr(services, "images", None)
    return images.thumbnail_path if images is not None else None


# ---------------------------------------------------------------------- duplicates
class DuplicatesPanel(QFrame):
    """Likely duplicates of the work being typed, each with "open" and "different work"."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QVBoxLayout(self)
        self.title = QLabel(
            self.tr("<b>Possible duplicates</b> — this may already be in the catalog:")
        )
        self._layout.addWidget(self.title)
        self._rows: list[QWidget] = []
        self.dismissed: set[int] = set()
        self.candidates: list[int] = []
        self.hide()

    def clear(self) -> None:
        for row in self._rows:
            row.deleteLater()
        self._rows.clear()
        self.candidates = []
        self.dismissed.clear()
        self.hide()

    def show_candidates(self, items: list[tuple[Artwork, str]]) -> None:
        for row in self._rows:
            row.deleteLater()
        self._rows.clear()
        self.candidates = [a.id for a, _ in items if a.id not in self.dismissed]
        for artwork, reason in items:
            if artwork.id in self.dismissed:
                continue
            row = QWidget()
            row.setObjectName(f"duplicate_{artwork.id}")
            lay = QHBoxLayout(row)
            lay.setContentsMargins(0, 0, 0, 0)
            year = f", {artwork.creation_year}" if artwork.creation_year else ""
            artist = artwork.artist_name or self.tr("(no artist)")
            text = QLabel(f"{artist} — <i>{artwork.title}</i>{year}<br><small>{reason}</small>")
            text.setWordWrap(True)
            open_button = QPushButton(self.tr("Open"))
            open_button.setObjectName("openDuplicate")
            open_button.clicked.connect(lambda _c=False, i=artwork.id: self.open_requested.emit(i))
            different = QPushButton(self.tr("This is a different work"))
            different.setObjectName("differentWork")
            different.clicked.connect(lambda _c=False, i=artwork.id, r=row: self._dismiss(i, r))
            lay.addWidget(text, 1)
            lay.addWidget(open_button)
            lay.addWidget(different)
            self._layout.addWidget(row)
            self._rows.append(row)
        self.setVisible(bool(self._rows))

    def _dismiss(self, artwork_id: int, row: QWidget) -> None:
        self.dismissed.add(artwork_id)
        if artwork_id in self.candidates:
            self.candidates.remove(artwork_id)
        row.hide()
        self._rows.remove(row)
        row.deleteLater()
        self.setVisible(bool(self._rows))


# ---------------------------------------------------------------------- editions
class EditionDialog(QDialog):
    def __init__(self, edition: EditionSet | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edition set"))
        form = QFormLayout(self)
        self.label = QLineEdit(edition.label or "" if edition else "")
        self.size = QLineEdit("" if not edition or edition.size is None else str(edition.size))
        self.proofs = QLineEdit(
            "" if not edition or edition.artist_proofs is None else str(edition.artist_proofs)
        )
        avail = ", ".join(str(x) for x in (edition.available_editions or ())) if edition else ""
        self.available = QLineEdit(avail)
        self.available.setPlaceholderText(self.tr("e.g. 1-3, 7"))
        self.price = QLineEdit("" if not edition or edition.price is None else str(edition.price))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(["", *sorted(ISO_4217)])
        self.currency.setEditText(edition.currency or "" if edition else "")
        self.availability = QComboBox()
        self.availability.addItem("", "")
        for a in Availability:
            self.availability.addItem(availability_label(a.value), a.value)
        if edition and edition.availability:
            self.availability.setCurrentIndex(
                max(self.availability.findData(edition.availability), 0)
            )
        self.dimensions = QLineEdit(edition.dimensions or "" if edition else "")
        form.addRow(self.tr("Label"), self.label)
        form.addRow(self.tr("Edition size"), self.size)
        form.addRow(self.tr("Artist proofs"), self.proofs)
        form.addRow(self.tr("Available numbers"), self.available)
        form.addRow(self.tr("Price"), self.price)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Availability"), self.availability)
        form.addRow(self.tr("Dimensions"), self.dimensions)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "label": self.label.text() or None,
            "size": self.size.text() or None,
            "artist_proofs": self.proofs.text() or None,
            "available_editions": self.available.text() or None,
            "price": self.price.text() or None,
            "currency": self.currency.currentText().strip() or None,
            "availability": self.availability.currentData() or None,
            "dimensions": self.dimensions.text() or None,
        }


class EditionsPanel(QWidget):
    message = Signal(str)

    HEADERS = (
        QT_TRANSLATE_NOOP("EditionsPanel", "Label"),
        QT_TRANSLATE_NOOP("EditionsPanel", "Size"),
        QT_TRANSLATE_NOOP("EditionsPanel", "APs"),
        QT_TRANSLATE_NOOP("EditionsPanel", "Available"),
        QT_TRANSLATE_NOOP("EditionsPanel", "Price"),
        QT_TRANSLATE_NOOP("EditionsPanel", "Currency"),
        QT_TRANSLATE_NOOP("EditionsPanel", "Availability"),
        QT_TRANSLATE_NOOP("EditionsPanel", "Dimensions"),
    )

    def __init__(self, catalog: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.runner = runner
        self.artwork: Artwork | None = None
        self.editions: list[EditionSet] = []
        lay = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setObjectName("editionsTable")
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self.edit_selected)
        lay.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        for b in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)

    def show_artwork(self, artwork: Artwork) -> None:
        self.artwork = artwork
        self.show_editions(list(artwork.editions))

    def show_editions(self, editions: list[EditionSet]) -> None:
        self.editions = editions
        self.table.setRowCount(len(editions))
        for r, e in enumerate(editions):
            values = (
                e.label,
                e.size,
                e.artist_proofs,
                ", ".join(str(x) for x in (e.available_editions or ())),
                None if e.price is None else f"{e.price:,}",
                e.currency,
                availability_label(e.availability),
                e.dimensions,
            )
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem("" if v is None else str(v)))

    def _reload(self) -> None:
        if self.artwork is not None:
            self.runner.read(
                self.catalog.list_editions, self.artwork.id, on_done=self.show_editions
            )

    def _run_dialog(self, edition: EditionSet | None) -> dict[str, Any] | None:
        dialog = EditionDialog(edition, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def add(self) -> None:
        if self.artwork is None:
            return
        values = self._run_dialog(None)
        if values is None:
            return
        self.runner.write(
            self.catalog.add_edition_set,
            self.artwork.id,
            values,
            source=SOURCE,
            on_done=lambda _e: self._reload(),
            on_error=lambda exc: self.message.emit(_message(exc)),
        )

    def edit_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.editions):
            return
        values = self._run_dialog(self.editions[row])
        if values is None:
            return
        self.runner.write(
            self.catalog.update_edition_set,
            self.editions[row].id,
            values,
            source=SOURCE,
            on_done=lambda _e: self._reload(),
            on_error=lambda exc: self.message.emit(_message(exc)),
        )

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.editions):
            return
        self.runner.write(
            self.catalog.delete_edition_set,
            self.editions[row].id,
            source=SOURCE,
            on_done=lambda _r: self._reload(),
            on_error=lambda exc: self.message.emit(_message(exc)),
        )


# ---------------------------------------------------------------------- genes
class GenesPanel(QWidget):
    message = Signal(str)

    def __init__(
        self, catalog: Any, similar: Any, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.similar = similar
        self.runner = runner
        self.artwork: Artwork | None = None
        lay = QVBoxLayout(self)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("genesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Gene"), self.tr("Value (0–100)")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.save_button = QPushButton(self.tr("Save genes"))
        self.add_button.clicked.connect(lambda: self.add_row("", 50))
        self.remove_button.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.save_button.clicked.connect(self.save)
        for b in (self.add_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("Suggested from similar works:")))
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("geneSuggestions")
        self.suggestions.setMaximumHeight(120)
        self.suggestions.itemDoubleClicked.connect(self._take_suggestion)
        lay.addWidget(self.suggestions)

    def add_row(self, name: str, value: int) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(name))
        spin = QSpinBox()
        spin.setRange(0, 100)
        spin.setValue(value)
        self.table.setCellWidget(r, 1, spin)

    def values(self) -> dict[str, int]:
        out = {}
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            spin = self.table.cellWidget(r, 1)
            if item and item.text().strip() and isinstance(spin, QSpinBox):
                out[item.text().strip()] = spin.value()
        return out

    def show_artwork(self, artwork: Artwork) -> None:
        self.artwork = artwork
        self.table.setRowCount(0)
        for g in artwork.genes:
            self.add_row(g.name, g.value)
        self.suggestions.clear()
        similar = self.similar
        if similar is None or not similar.status().ready:
            return
        aid = artwork.id
        self.runner.read(
            lambda: similar.suggest_genes(aid),
            key="genes-suggest",
            on_done=self._show_suggestions,
            on_error=lambda _exc: None,  # a work not in the index yet has no suggestions
        )

    def _show_suggestions(self, items: list[tuple[str, int, float]]) -> None:
        self.suggestions.clear()
        for name, value, confidence in items[:10]:
            item = QListWidgetItem(
                self.tr("{gene}: {value} (confidence {conf:.0%}) — double-click to add").format(
                    gene=name, value=value, conf=confidence
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, (name, value))
            self.suggestions.addItem(item)

    def _take_suggestion(self, item: QListWidgetItem) -> None:
        name, value = item.data(Qt.ItemDataRole.UserRole)
        if name not in self.values():
            self.add_row(name, int(value))

    def save(self) -> None:
        if self.artwork is None:
            return
        self.runner.write(
            self.catalog.set_artwork_genes,
            self.artwork.id,
            self.values(),
            source=SOURCE,
            on_done=lambda _g: self.message.emit(self.tr("Genes saved")),
            on_error=lambda exc: self.message.emit(_message(exc)),
        )


# ---------------------------------------------------------------------- images
class ImageDropList(QListWidget):
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(QSize(IMAGE_THUMB, IMAGE_THUMB))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Static)
        self.setSpacing(6)

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        else:
            super().dropEvent(event)


class ImagesPanel(QWidget):
    """A work's images: drop or paste files; checks and thumbnails run in the background."""

    message = Signal(str)

    def __init__(self, services: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.images = getattr(services, "images", None)
        self.runner = runner
        self.artwork: Artwork | None = None
        lay = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Drop image files here, or paste one (Ctrl+V)."))
        lay.addWidget(self.hint)
        self.list = ImageDropList()
        self.list.setObjectName("imagesList")
        self.list.files_dropped.connect(self.add_files)
        lay.addWidget(self.list, 1)
        self.error = QLabel()
        self.error.setObjectName("imageError")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        lay.addLayout(row)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.list)
        paste.activated.connect(self.paste)
        if self.images is None:
            self.hint.setText(self.tr("Images cannot be stored in this catalog."))
            self.add_button.setEnabled(False)

    def show_artwork(self, artwork: Artwork) -> None:
        self.artwork = artwork
        self.error.hide()
        self.list.clear()
        infos = list(artwork.images)
        files_dir = getattr(self.services, "files_dir", None)
        thumb_path = _thumb_path(self.services)
        for info in infos:
            item = QListWidgetItem(
                self.tr("default") if info.is_default else f"{info.width}×{info.height}"
            )
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setSizeHint(QSize(IMAGE_THUMB + 16, IMAGE_THUMB + 28))
            self.list.addItem(item)
        if not infos:
            return
        aid = artwork.id

        def load() -> list[tuple[int, QImage | None]]:
            return [(i.id, thumbnail_for(i, IMAGE_THUMB, files_dir, thumb_path)) for i in infos]

        self.runner.read(load, key="images-thumbs", on_done=lambda items: self._thumbs(aid, items))

    def _thumbs(self, artwork_id: int, items: list[tuple[int, QImage | None]]) -> None:
        if self.artwork is None or self.artwork.id != artwork_id:
            return
        by_id = dict(items)
        for r in range(self.list.count()):
            item = self.list.item(r)
            image = by_id.get(item.data(Qt.ItemDataRole.UserRole))
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def _choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add images"),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.gif *.bmp)"),
        )
        if files:
            self.add_files(files)

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        if mime.hasUrls():
            self.add_files([u.toLocalFile() for u in mime.urls() if u.isLocalFile()])
        elif mime.hasImage() and self.images is not None and self.artwork is not None:
            image = QImage(mime.imageData())
            from PySide6.QtCore import QBuffer, QIODevice

            buf = QBuffer()
            buf.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buf, "PNG")
            data = bytes(buf.data())
            self.runner.write(
                self.images.add_image_bytes,
                self.artwork.id,
                data,
                "pasted.png",
                SOURCE,
                on_done=self._added,
                on_error=self._refused,
            )

    def add_files(self, paths: list[str]) -> None:
        if self.images is None or self.artwork is None:
            return
        self.error.hide()
        for path in paths:
            self.runner.write(
                self.images.add_image,
                self.artwork.id,
                Path(path),
                source=SOURCE,
                on_done=self._added,
                on_error=lambda exc, p=path: self._refused(exc, p),
            )

    def _added(self, _info: Any) -> None:
        self.message.emit(self.tr("Image added"))
        self._reload()

    def _refused(self, exc: BaseException, path: str | None = None) -> None:
        name = Path(path).name if path else self.tr("the pasted image")
        text = self.tr("{name} was refused: {why}").format(name=name, why=_message(exc))
        self.error.setText(text)
        self.error.show()
        self.message.emit(text)

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or self.images is None:
            return
        self.runner.write(
            self.images.remove_image,
            item.data(Qt.ItemDataRole.UserRole),
            SOURCE,
            on_done=lambda _i: self._reload(),
            on_error=self._refused,
        )

    def _reload(self) -> None:
        if self.artwork is not None:
            self.runner.read(
                self.services.catalog.get_artwork,
                self.artwork.id,
                key="images-reload",
                on_done=self.show_artwork,
            )


# ---------------------------------------------------------------------- similar works
class SimilarPanel(QWidget):
    """The nearest neighbours of the work, as thumbnails with the reasons."""

    open_requested = Signal(int)

    def __init__(self, services: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.similar = getattr(services, "similar", None)
        self.runner = runner
        self.artwork_id: int | None = None
        lay = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.list = QListWidget()
        self.list.setObjectName("similarList")
        self.list.setIconSize(QSize(56, 56))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(
            lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        lay.addWidget(self.list, 1)
        if self.similar is None:
            self.status.setText(self.tr("Similar works are not available for this catalog."))

    def show_artwork(self, artwork: Artwork) -> None:
        self.artwork_id = artwork.id
        self.list.clear()
        if self.similar is None:
            return
        status = self.similar.status()
        if not status.ready:
            self.status.setText(
                self.tr("The similarity index is being built…")
                if status.building
                else self.tr("No similarity index yet.")
            )
            return
        self.status.setText(self.tr("Nearest works (double-click or Enter opens one):"))
        similar, catalog = self.similar, self.services.catalog
        files_dir = getattr(self.services, "files_dir", None)
        thumb_path = _thumb_path(self.services)
        aid = artwork.id

        def find() -> list[tuple[Artwork, float, tuple[str, ...], QImage | None]]:
            neighbours = similar.similar(aid, 8)
            works = {w.id: w for w in catalog.get_artworks([n.id for n in neighbours])}
            images = catalog.default_images(list(works))
            out = []
            for n in neighbours:
                if n.id in works:
                    info = images.get(n.id)
                    thumb = thumbnail_for(info, 56, files_dir, thumb_path) if info else None
                    out.append((works[n.id], n.score, n.reasons, thumb))
            return out

        self.runner.read(
            find,
            key="similar-works",
            on_done=lambda items: self._show(aid, items),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("This work is not in the similarity index yet."))

    def _show(self, artwork_id: int, items: list) -> None:
        if artwork_id != self.artwork_id:
            return
        self.list.clear()
        for work, score, reasons, thumb in items:
            text = f"{work.artist_name} — {work.title} ({score:.0%})\n" + "; ".join(reasons)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, work.id)
            if thumb is not None:
                item.setIcon(QIcon(QPixmap.fromImage(thumb)))
            self.list.addItem(item)
        if not items:
            self.status.setText(self.tr("No similar works found."))
