"""ArtworkEditor: the detail form beside the table.

Every field is validated as it is typed (``artdesk.core.validation.field_problems``) and the
problem is shown under the field; Save is enabled only for a clean, changed form. Saving an
existing work sends only the changed fields with the version it was loaded at
(``update_artwork(expected_version=...)``): a change made elsewhere in between is reported with
the choice to reload, never silently overwritten. Every catalog call runs on the task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from artdesk.core.dates import parse_creation_year
from artdesk.core.errors import ArtdeskError, StaleVersionError, ValidationError
from artdesk.core.fingerprint import artist_display, fingerprint_parts
from artdesk.core.models import ARTWORK_EDIT_FIELDS, ISO_4217, Artwork, Availability
from artdesk.core.text import DIMENSION_FIELDS, parse_dimensions_cm
from artdesk.core.validation import clean_field, field_problems
from artdesk.gui.commands import (
    SOURCE,
    CommandContext,
    CreateArtworkCommand,
    EditArtworkCommand,
)
from artdesk.gui.labels import field_label
from artdesk.gui.panels import DuplicatesPanel, EditionsPanel, GenesPanel, ImagesPanel, SimilarPanel
from artdesk.gui.table_model import availability_label
from artdesk.gui.tasks import TaskRunner
from artdesk.similar.records import WorkRecord

LONG_TEXT_FIELDS = frozenset(
    {
        "description",
        "provenance",
        "literature",
        "exhibition_history",
        "confidential_notes",
        "condition",
    }
)
ARTIST_SEPARATOR = ";"
DUPLICATE_CHECK_MS = 300


def split_artists(text: str) -> list[str]:
    return [n.strip() for n in text.split(ARTIST_SEPARATOR) if n.strip()]


def join_artists(names: list[str] | tuple[str, ...]) -> str:
    return f"{ARTIST_SEPARATOR} ".join(names)


def display_value(value: Any) -> str:
    """How a stored value reads in a field (so an unchanged field compares equal)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class ArtistCompleter(QCompleter):
    """Completes the artist being typed after the last ``;`` of the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(12)

    def set_names(self, names: list[str]) -> None:
        """Offer these names (already sorted and unique: see ``sorted_names``)."""
        if names != self._model.stringList():
            self._model.setStringList(names)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        return [path.split(ARTIST_SEPARATOR)[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: ANN001, N802 - Qt override
        widget = self.widget()
        chosen = str(index.data())
        if not isinstance(widget, QLineEdit):
            return chosen
        head = widget.text().split(ARTIST_SEPARATOR)[:-1]
        return join_artists([*(h.strip() for h in head if h.strip()), chosen])


def sorted_names(rows: list[tuple[int, str]]) -> list[str]:
    """Unique names in case-insensitive order (made on a worker: sorting 20,000 names takes tens of ms)."""
    return sorted({name for _, name in rows}, key=str.casefold)


class ArtworkEditor(QWidget):
    """The form of one work (or of a new one being typed)."""

    # A save or create finished: the work as stored.
    saved = Signal(object)
    # The user asked to open another work (from the duplicates or similar panel).
    open_requested = Signal(int)
    # The form became dirty or clean.
    dirty_changed = Signal(bool)
    # A short message for the status bar.
    message = Signal(str)

    def __init__(
        self,
        services: Any,
        runner: TaskRunner,
        undo_stack: QUndoStack,
        *,
        applied: Callable[[int, Artwork | None], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.catalog = services.catalog
        self.similar = getattr(services, "similar", None)
        self.runner = runner
        self.undo_stack = undo_stack
        self.command_ctx = CommandContext(
            catalog=self.catalog,
            runner=runner,
            applied=applied or self._command_applied,
            failed=self._show_error,
        )
        self.artwork: Artwork | None = None
        self.new_partner_id: int | None = None
        self._loading = False
        self._dirty = False
        self._saving = False
        self._external_change = False
        self._load_token = 0

        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._build()
        self.set_empty()
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(DUPLICATE_CHECK_MS)
        self._dup_timer.timeout.connect(self._check_duplicates)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setContentsMargins(8, 6, 8, 0)
        outer.addWidget(self.heading)

        self.banner = QFrame()
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner_layout = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_reload = QPushButton(self.tr("Reload"))
        self.banner_reload.clicked.connect(self.reload)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_reload)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        # The form is put in its tab before it is filled (see MainWindow._build_central).
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tabs.addTab(scroll, self.tr("Details"))
        form_host = QWidget()
        form_host.setObjectName("editorForm")
        scroll.setWidget(form_host)
        form_layout = QVBoxLayout(form_host)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form_layout.addLayout(self.form)

        self.partner_box = QComboBox()
        self.partner_box.currentIndexChanged.connect(self._partner_changed)
        self.form.addRow(self.tr("Partner"), self.partner_box)

        for name in ARTWORK_EDIT_FIELDS:
            widget = self._make_field(name)
            self.fields[name] = widget
            widget.setObjectName(f"field_{name}")
            error = QLabel()
            error.setObjectName(f"error_{name}")
            error.setStyleSheet("color: #c0392b;")
            error.setWordWrap(True)
            error.hide()
            self.errors[name] = error
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(1)
            cell_layout.addWidget(widget)
            cell_layout.addWidget(error)
            self.form.addRow(field_label(name), cell)
            if name == "title":
                self.artists_edit = QLineEdit()
                self.artists_edit.setObjectName("field_artists")
                self.artists_edit.setPlaceholderText(self.tr("Names separated by “;”"))
                self.artist_completer = ArtistCompleter(self.artists_edit)
                self.artists_edit.setCompleter(self.artist_completer)
                self.artists_edit.textEdited.connect(self._changed)
                self.artists_edit.editingFinished.connect(self._suggest_artists)
                self.artist_hint = QLabel()
                self.artist_hint.setObjectName("artistHint")
                self.artist_hint.setWordWrap(True)
                self.artist_hint.setTextFormat(Qt.TextFormat.RichText)
                self.artist_hint.linkActivated.connect(self._use_artist_suggestion)
                self.artist_hint.hide()
                artists_cell = QWidget()
                lay = QVBoxLayout(artists_cell)
                lay.setContentsMargins(0, 0, 0, 0)
                lay.setSpacing(1)
                lay.addWidget(self.artists_edit)
                lay.addWidget(self.artist_hint)
                self.form.addRow(self.tr("Artists"), artists_cell)

        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("fingerprint")
        self.fingerprint_label.setWordWrap(True)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_warning = QLabel()
        self.fingerprint_warning.setObjectName("fingerprintWarning")
        self.fingerprint_warning.setWordWrap(True)
        self.fingerprint_warning.setStyleSheet("color: #b9770e;")
        self.fingerprint_warning.hide()
        form_layout.addWidget(self.fingerprint_label)
        form_layout.addWidget(self.fingerprint_warning)

        self.duplicates = DuplicatesPanel()
        self.duplicates.open_requested.connect(self.open_requested)
        form_layout.addWidget(self.duplicates)
        form_layout.addStretch(1)

        self.editions = EditionsPanel(self.catalog, self.runner)
        self.editions.message.connect(self.message)
        self.tabs.addTab(self.editions, self.tr("Editions"))
        self.genes = GenesPanel(self.catalog, self.similar, self.runner)
        self.genes.message.connect(self.message)
        self.tabs.addTab(self.genes, self.tr("Genes"))
        self.images = ImagesPanel(self.services, self.runner)
        self.images.message.connect(self.message)
        self.tabs.addTab(self.images, self.tr("Images"))
        self.similar_panel = SimilarPanel(self.services, self.runner)
        self.similar_panel.open_requested.connect(self.open_requested)
        self.tabs.addTab(self.similar_panel, self.tr("Similar"))

        buttons = QHBoxLayout()
        buttons.setContentsMargins(8, 4, 8, 6)
        self.status_label = QLabel()
        self.status_label.setObjectName("editorStatus")
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

    def _make_field(self, name: str) -> QWidget:
        if name in LONG_TEXT_FIELDS:
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setFixedHeight(64)
            w.textChanged.connect(self._changed)
            return w
        if name == "currency":
            w = QComboBox()
            w.setEditable(True)
            w.addItems(["", *sorted(ISO_4217)])
            w.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            w.editTextChanged.connect(self._changed)
            return w
        if name == "availability":
            w = QComboBox()
            w.addItem("", "")
            for a in Availability:
                w.addItem(availability_label(a.value), a.value)
            w.currentIndexChanged.connect(self._changed)
            return w
        if name == "published":
            w = QCheckBox(self.tr("visible through the public API"))
            w.toggled.connect(self._changed)
            return w
        w = QLineEdit()
        w.textChanged.connect(self._changed)
        if name in ("creation_year", "price", "height_cm", "width_cm", "depth_cm", "diameter_cm"):
            w.setMaximumWidth(160)
        return w

    # ------------------------------------------------------------------ values
    def field_text(self, name: str) -> Any:
        w = self.fields[name]
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QComboBox):
            if w.isEditable():
                return w.currentText().strip()
            return w.currentData() or ""
        if isinstance(w, QCheckBox):
            return w.isChecked()
        assert isinstance(w, QLineEdit)
        return w.text()

    def set_field(self, name: str, value: Any) -> None:
        w = self.fields[name]
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(display_value(value))
        elif isinstance(w, QComboBox) and w.isEditable():
            w.setEditText(display_value(value))
        elif isinstance(w, QComboBox):
            i = w.findData(value or "")
            w.setCurrentIndex(max(i, 0))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        else:
            assert isinstance(w, QLineEdit)
            w.setText(display_value(value))

    def raw_values(self) -> dict[str, Any]:
        return {name: self.field_text(name) for name in ARTWORK_EDIT_FIELDS}

    def artist_names(self) -> list[str]:
        return split_artists(self.artists_edit.text())

    def changed_values(self) -> dict[str, Any]:
        """The fields that differ from the loaded work (all non-empty ones for a new work)."""
        values = self.raw_values()
        if self.artwork is None:
            out = {k: v for k, v in values.items() if v not in ("", None, False)}
            if self.artist_names():
                out["artists"] = self.artist_names()
            return out
        out = {}
        for name, value in values.items():
            old = getattr(self.artwork, name)
            if name == "published":
                if bool(value) != bool(old):
                    out[name] = value
            elif str(value).strip() != display_value(old).strip():
                out[name] = value
        if self.artist_names() != [a.name for a in self.artwork.artists]:
            out["artists"] = self.artist_names()
        return out

    def problems(self) -> dict[str, str]:
        values = self.raw_values()
        problems = field_problems(values, require_title=True)
        if self.is_new and self.partner_box.currentData() is None:
            problems["partner"] = self.tr("Choose the partner this work belongs to")
        return problems

    @property
    def is_new(self) -> bool:
        return self.artwork is None and self.new_partner_id is not None

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    @property
    def has_work(self) -> bool:
        return self.artwork is not None or self.new_partner_id is not None

    # ------------------------------------------------------------------ states
    def set_partners(self, partners: list[tuple[int, str]]) -> None:
        current = self.partner_box.currentData()
        self._loading = True
        self.partner_box.clear()
        for pid, name in partners:
            self.partner_box.addItem(name, pid)
        if current is not None:
            self.partner_box.setCurrentIndex(max(self.partner_box.findData(current), 0))
        self._loading = False

    def set_empty(self) -> None:
        self.artwork = None
        self.new_partner_id = None
        self._fill(None)
        self.heading.setText(self.tr("No work selected"))
        self._set_dirty(False)
        self.tabs.setEnabled(False)
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)
        self.banner.hide()

    def new_work(self, partner_id: int | None) -> None:
        """Start typing a new work (of ``partner_id`` if given)."""
        self.artwork = None
        self.new_partner_id = (
            partner_id if partner_id is not None else (self.partner_box.currentData() or -1)
        )
        self._fill(None)
        if partner_id is not None:
            self.partner_box.setCurrentIndex(max(self.partner_box.findData(partner_id), 0))
        self.heading.setText(self.tr("New work"))
        self.tabs.setEnabled(True)
        self.tabs.setCurrentIndex(0)
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, False)
        self._set_dirty(False)
        self._validate()
        self.fields["title"].setFocus()

    def load(self, artwork_id: int, *, force: bool = False) -> None:
        """Show a work (loaded in the background). Unsaved edits are kept unless ``force``."""
        if self.artwork is not None and self.artwork.id == artwork_id and not force:
            return
        self._load_token += 1
        token = self._load_token
        self.runner.read(
            self.catalog.get_artwork,
            artwork_id,
            key="editor-load",
            on_done=lambda a: self._loaded(token, a),
            on_error=self._load_failed,
        )

    def _load_failed(self, exc: BaseException) -> None:
        self._show_error(exc.message if isinstance(exc, ArtdeskError) else str(exc))
        self.set_empty()

    def _loaded(self, token: int, artwork: Artwork) -> None:
        if token != self._load_token:
            return
        self.show_artwork(artwork)

    def show_artwork(self, artwork: Artwork) -> None:
        self.artwork = artwork
        self.new_partner_id = None
        self._external_change = False
        self.banner.hide()
        self._fill(artwork)
        self.heading.setText(artwork.title)
        self.tabs.setEnabled(True)
        for i in range(self.tabs.count()):
            self.tabs.setTabEnabled(i, True)
        self.editions.show_artwork(artwork)
        self.genes.show_artwork(artwork)
        self.images.show_artwork(artwork)
        self.similar_panel.show_artwork(artwork)
        self._set_dirty(False)
        self._validate()

    def _fill(self, artwork: Artwork | None) -> None:
        self._loading = True
        try:
            for name in ARTWORK_EDIT_FIELDS:
                self.set_field(name, getattr(artwork, name) if artwork else None)
            self.artists_edit.setText(
                join_artists([a.name for a in artwork.artists]) if artwork else ""
            )
            if artwork is not None:
                self.partner_box.setCurrentIndex(
                    max(self.partner_box.findData(artwork.partner_id), 0)
                )
            self.partner_box.setEnabled(artwork is None)
            self.artist_hint.hide()
            self.duplicates.clear()
            for label in self.errors.values():
                label.hide()
        finally:
            self._loading = False
        self._update_fingerprint()

    def reload(self) -> None:
        if self.artwork is not None:
            self.load(self.artwork.id, force=True)

    def revert(self) -> None:
        if self.artwork is not None:
            self.show_artwork(self.artwork)
        elif self.new_partner_id is not None:
            self.new_work(self.partner_box.currentData())

    # ------------------------------------------------------------------ editing
    def _partner_changed(self) -> None:
        if not self._loading and self.is_new:
            self.new_partner_id = self.partner_box.currentData()
            self._changed()

    def _changed(self) -> None:
        if self._loading:
            return
        if not self.has_work:
            return
        self._set_dirty(bool(self.changed_values()))
        self._validate()
        self._update_fingerprint()
        if self.is_new:
            self._dup_timer.start()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.revert_button.setEnabled(dirty)

    def _validate(self) -> dict[str, str]:
        problems = self.problems() if self.has_work else {}
        for name, label in self.errors.items():
            text = problems.get(name)
            label.setText(text or "")
            label.setVisible(bool(text))
        self.save_button.setEnabled(
            self.has_work and self._dirty and not problems and not self._saving
        )
        if problems:
            self.status_label.setText(self.tr("%n problem(s) to fix", "", len(problems)))
        elif self._dirty:
            self.status_label.setText(self.tr("Unsaved changes"))
        else:
            self.status_label.setText("")
        return problems

    def _draft_fingerprint(self) -> tuple[str, str]:
        values = self.raw_values()
        try:
            year = (
                int(str(values["creation_year"]).strip())
                if str(values["creation_year"]).strip()
                else None
            )
        except ValueError:
            year = None
        fp = fingerprint_parts(artist_display(self.artist_names()), str(values["title"]), year)
        return fp.digest, fp.source

    def _update_fingerprint(self) -> None:
        if not self.has_work:
            self.fingerprint_label.setText("")
            self.fingerprint_warning.hide()
            return
        digest, source = self._draft_fingerprint()
        self.fingerprint_label.setText(
            self.tr("Fingerprint: {digest} ({source})").format(digest=digest[:16], source=source)
        )
        changed = self.artwork is not None and digest != self.artwork.source_fingerprint
        if changed and self.artwork is not None and self.artwork.last_synced_at is not None:
            self.fingerprint_warning.setText(
                self.tr(
                    "This work was synced on {when}. Changing its artist, title or year changes its "
                    "fingerprint: the remote catalog may then see it as a new work."
                ).format(when=self.artwork.last_synced_at.strftime("%Y-%m-%d"))
            )
            self.fingerprint_warning.show()
        else:
            self.fingerprint_warning.hide()

    # ------------------------------------------------------------------ duplicates while typing
    def _check_duplicates(self) -> None:
        if not self.is_new:
            return
        values = self.raw_values()
        title = str(values["title"]).strip()
        if not title:
            self.duplicates.clear()
            return
        digest, _ = self._draft_fingerprint()
        record = self._draft_record(values, title)
        catalog, similar = self.catalog, self.similar

        def find() -> list[tuple[Artwork, str]]:
            found: dict[int, str] = {}
            for aid in catalog.artworks_with_fingerprint(digest)[:10]:
                found[aid] = QCoreApplication.translate(
                    "ArtworkEditor", "same artist, title and year"
                )
            if similar is not None and similar.status().ready:
                for n in similar.possible_duplicates(record, k=5):
                    found.setdefault(n.id, "; ".join(n.reasons) or f"{n.score:.0%}")
            works = catalog.get_artworks(list(found))
            return [(w, found[w.id]) for w in works]

        self.runner.read(find, key="editor-duplicates", on_done=self._duplicates_found)

    def _draft_record(self, values: dict[str, Any], title: str) -> WorkRecord:
        """The new work as typed so far, as the duplicate finder compares it: the year typed or
        read from the date, the size typed in cm or read from the dimensions text."""

        def cleaned(name: str) -> Any:  # as the catalog would store it; None while invalid
            try:
                return clean_field(name, values[name])
            except ValidationError:
                return None

        year = cleaned("creation_year")
        if year is None:
            year = parse_creation_year(str(values["date_text"]))
        size = tuple(cleaned(name) for name in DIMENSION_FIELDS[:3])
        if not any(size):
            size = parse_dimensions_cm(str(values["dimensions"]))[:3]
        return WorkRecord(
            id=0,
            artists=tuple(self.artist_names()),
            title=title,
            medium=str(values["medium"]),
            category=str(values["category"]),
            year=year,
            height_cm=size[0],
            width_cm=size[1],
            depth_cm=size[2],
            partner_id=self.partner_box.currentData(),
        )

    def _duplicates_found(self, items: list[tuple[Artwork, str]]) -> None:
        if self.is_new:
            self.duplicates.show_candidates(items)

    # ------------------------------------------------------------------ artist suggestions
    def _suggest_artists(self) -> None:
        if self.similar is None or not self.has_work:
            return
        names = self.artist_names()
        similar, catalog = self.similar, self.catalog

        def resolve() -> list[tuple[str, str]]:
            out = []
            for name in names:
                if catalog.find_artist_by_name(name) is not None:
                    continue
                matches = similar.resolve_artist(name, k=1)
                if matches and matches[0][1] != name:
                    out.append((name, matches[0][1]))
            return out

        self.runner.read(resolve, key="editor-artist-resolve", on_done=self._artist_suggestions)

    def _artist_suggestions(self, pairs: list[tuple[str, str]]) -> None:
        if not pairs:
            self.artist_hint.hide()
            return
        parts = [
            self.tr('“{typed}” is new. Did you mean <a href="{i}">{match}</a>?').format(
                typed=_html(typed), i=i, match=_html(match)
            )
            for i, (typed, match) in enumerate(pairs)
        ]
        self._artist_pairs = pairs
        self.artist_hint.setText("<br>".join(parts))
        self.artist_hint.show()

    def _use_artist_suggestion(self, link: str) -> None:
        typed, match = self._artist_pairs[int(link)]
        names = [match if n == typed else n for n in self.artist_names()]
        self.artists_edit.setText(join_artists(names))
        self.artist_hint.hide()
        self._changed()

    # ------------------------------------------------------------------ save
    def save(self) -> None:
        if not self.has_work or self._saving:
            return
        problems = self._validate()
        if problems:
            first = next(iter(problems))
            if first in self.fields:
                self.fields[first].setFocus()
            self.message.emit(self.tr("Fix the marked fields first"))
            return
        changes = self.changed_values()
        if not changes:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        if self.artwork is None:
            partner_id = self.partner_box.currentData()
            data = {k: v for k, v in changes.items() if k != "artists"}
            artists = changes.get("artists", [])
            self.runner.write(
                self.catalog.create_artwork,
                data,
                partner_id=partner_id,
                source=SOURCE,
                artists=artists,
                on_done=self._created,
                on_error=self._save_failed,
            )
            return
        artwork = self.artwork
        before = {}
        for key in changes:
            before[key] = (
                [a.name for a in artwork.artists] if key == "artists" else getattr(artwork, key)
            )
        self.runner.write(
            self.catalog.update_artwork,
            artwork.id,
            changes,
            source=SOURCE,
            expected_version=artwork.version,
            on_done=lambda updated: self._updated(artwork, before, changes, updated),
            on_error=self._save_failed,
        )

    def _created(self, artwork: Artwork) -> None:
        self._saving = False
        self.undo_stack.push(CreateArtworkCommand(self.command_ctx, artwork))
        self.show_artwork(artwork)
        self.message.emit(self.tr("Created “{title}”").format(title=artwork.title))
        self.saved.emit(artwork)

    def _updated(self, old: Artwork, before: dict, after: dict, updated: Artwork) -> None:
        self._saving = False
        command = EditArtworkCommand(self.command_ctx, old, before, after)
        command.version = updated.version
        self.undo_stack.push(command)
        self.show_artwork(updated)
        self.message.emit(self.tr("Saved “{title}”").format(title=updated.title))
        self.saved.emit(updated)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._validate()
        if isinstance(exc, StaleVersionError):
            self._stale(exc.detail.get("current_version"))
            return
        field = getattr(exc, "field", None)
        message = exc.message if isinstance(exc, ArtdeskError) else f"{type(exc).__name__}: {exc}"
        if field in self.errors:
            self.errors[field].setText(message)
            self.errors[field].show()
        self._show_error(message)

    def _stale(self, current_version: Any) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed elsewhere"))
        box.setText(
            self.tr(
                "This work was changed elsewhere (by the API, an import or another window) since you opened it."
            )
        )
        box.setInformativeText(
            self.tr(
                "Reload it to see the other change (your unsaved edits are dropped), or keep editing and decide later."
            )
        )
        reload = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.DestructiveRole)
        overwrite = box.addButton(
            self.tr("Save mine over theirs"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        self.stale_box = box

        def chosen(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is reload:
                self.reload()
            elif clicked is overwrite and current_version is not None and self.artwork is not None:
                self.artwork = replace(self.artwork, version=current_version)
                self.save()
            else:
                self._mark_external()

        box.finished.connect(chosen)
        box.open()

    def _mark_external(self) -> None:
        self._external_change = True
        self.banner_text.setText(
            self.tr(
                "This work was changed elsewhere since you opened it. Saving will ask whether to reload or to save your edits over that change."
            )
        )
        self.banner.show()

    def _show_error(self, message: str) -> None:
        self.message.emit(message)
        self.status_label.setText(message)

    # ------------------------------------------------------------------ changes made elsewhere
    def external_changes(self, artwork_ids: frozenset[int], deleted_ids: frozenset[int]) -> None:
        """A change made elsewhere touched these works: refresh, or warn if there are edits."""
        if self.artwork is None or self._saving:
            return
        if self.artwork.id in deleted_ids:
            self.banner_text.setText(self.tr("This work was deleted elsewhere."))
            self.banner.show()
            return
        if self.artwork.id not in artwork_ids:
            return
        if not self._dirty:
            self.load(self.artwork.id, force=True)
            return
        self._mark_external()

    def _command_applied(self, artwork_id: int, artwork: Artwork | None) -> None:
        if self.artwork is not None and self.artwork.id == artwork_id:
            if artwork is None:
                self.set_empty()
            elif not self._dirty:
                self.show_artwork(artwork)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
