"""ArtworkTableModel: the catalog table, paged from the database on demand.

The model never holds the catalog: it knows the row count of the current query and keeps a
bounded LRU of blocks of ``BLOCK_SIZE`` rows. A row the view asks for that is not loaded shows
a placeholder while its block loads on the read pool; when it arrives, ``dataChanged`` repaints
it. Sorting and filtering change the ``ArtworkQuery`` and run in the database (an indexed
ORDER BY, an FTS5 MATCH), never in a proxy model.

A change made elsewhere (``refresh()``) keeps the loaded blocks on screen as they are, marks
them stale and reloads them in the background, so the view does not flicker and the selection
stays where it was; only a changed row count inserts or removes rows at the end.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPixmap

from artdesk.core.errors import ArtdeskError
from artdesk.core.models import Artwork, ImageInfo
from artdesk.gui.tasks import Task, TaskRunner
from artdesk.gui.thumbs import load_thumbnail, resolve
from artdesk.services.catalog import ArtworkQuery, CatalogService

BLOCK_SIZE = 200
MAX_BLOCKS = 24  # at most 4,800 rows in memory, whatever the catalog's size

ArtworkIdRole = Qt.ItemDataRole.UserRole + 1
ArtworkRole = Qt.ItemDataRole.UserRole + 2

# Roles as plain ints: data() and multiData() run for every painted cell, and comparing ints is
# several times cheaper than looking up Qt's enum members each time.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ID = int(ArtworkIdRole)
_ARTWORK = int(ArtworkRole)
# What the item delegate asks for besides text, icon and alignment; this model sets none of them.
_STYLE_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.SizeHintRole,
    )
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# The availability values as the table shows them (translated through the "Availability" context).
AVAILABILITY_LABELS = {
    "available": QT_TRANSLATE_NOOP("Availability", "available"),
    "sold": QT_TRANSLATE_NOOP("Availability", "sold"),
    "reserved": QT_TRANSLATE_NOOP("Availability", "reserved"),
    "not_for_sale": QT_TRANSLATE_NOOP("Availability", "not for sale"),
}


def availability_label(value: str | None) -> str:
    """A stored availability value in the user's language ("" for none)."""
    if not value:
        return ""
    text = AVAILABILITY_LABELS.get(value)
    if text is None:
        return value.replace("_", " ")
    return QCoreApplication.translate("Availability", text)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sort_key: str | None
    title: str  # marked with QT_TRANSLATE_NOOP, translated at display time by the model's tr()
    width: int


COLUMNS: tuple[Column, ...] = (
    Column("thumbnail", None, "", 44),
    Column("inventory", "inventory", QT_TRANSLATE_NOOP("ArtworkTableModel", "Inventory"), 90),
    Column("artists", "artist", QT_TRANSLATE_NOOP("ArtworkTableModel", "Artists"), 170),
    Column("title", "title", QT_TRANSLATE_NOOP("ArtworkTableModel", "Title"), 240),
    Column("year", "year", QT_TRANSLATE_NOOP("ArtworkTableModel", "Year"), 60),
    Column("medium", "medium", QT_TRANSLATE_NOOP("ArtworkTableModel", "Medium"), 150),
    Column("dimensions", "dimensions", QT_TRANSLATE_NOOP("ArtworkTableModel", "Dimensions"), 130),
    Column("price", "price", QT_TRANSLATE_NOOP("ArtworkTableModel", "Price"), 90),
    Column("currency", "currency", QT_TRANSLATE_NOOP("ArtworkTableModel", "Currency"), 70),
    Column(
        "availability", "availability", QT_TRANSLATE_NOOP("ArtworkTableModel", "Availability"), 100
    ),
    Column("partner", "partner", QT_TRANSLATE_NOOP("ArtworkTableModel", "Partner"), 130),
    Column("updated", "updated", QT_TRANSLATE_NOOP("ArtworkTableModel", "Updated"), 130),
)
COLUMN_INDEX = {c.name: i for i, c in enumerate(COLUMNS)}
_THUMBNAIL = COLUMN_INDEX["thumbnail"]
_TITLE = COLUMN_INDEX["title"]
_RIGHT_ALIGNED = frozenset((COLUMN_INDEX["year"], COLUMN_INDEX["price"]))
_TOOLTIP_COLUMNS = frozenset(
    (COLUMN_INDEX["title"], COLUMN_INDEX["artists"], COLUMN_INDEX["medium"])
)

# One row as the table shows it: a text (or None) per column.
DisplayRow = tuple[str | None, ...]


def display_row(a: Artwork, availability: dict[str, str]) -> DisplayRow:
    """The texts of one artwork's cells, column by column (made on the worker with its block)."""
    return (
        None,
        a.inventory_number or "",
        a.artist_name,
        a.title,
        "" if a.creation_year is None else str(a.creation_year),
        a.medium or "",
        a.dimensions or "",
        "" if a.price is None else f"{a.price:,}",
        a.currency or "",
        availability.get(a.availability, a.availability.replace("_", " "))
        if a.availability
        else "",
        a.partner_name or "",
        a.updated_at.strftime("%Y-%m-%d %H:%M") if a.updated_at else "",
    )


@dataclass(slots=True)
class _Block:
    generation: int
    rows: list[Artwork]
    display: list[DisplayRow]
    thumbs: dict[int, QImage]


# Where a cached thumbnail of an image is (ImageService.thumbnail_path), made on first request.
ThumbPath = Callable[[ImageInfo, int], Path]


def thumbnail_for(
    info: ImageInfo, size: int, files_dir: Path | None, thumb_path: ThumbPath | None
) -> QImage | None:
    """A work's image as a small QImage (worker threads only); None when it cannot be shown."""
    path = resolve(files_dir, info.path)
    if thumb_path is not None:
        try:
            path = thumb_path(info, max(size, 32))
        except (ArtdeskError, OSError, ValueError):
            return None
    return load_thumbnail(path, size)


def _fetch_block(
    catalog: CatalogService,
    query: ArtworkQuery,
    offset: int,
    limit: int,
    files_dir: Path | None,
    thumb_size: int,
    thumb_path: ThumbPath | None = None,
    availability: dict[str, str] | None = None,
) -> tuple[list[Artwork], list[DisplayRow], dict[int, QImage]]:
    rows = catalog.list_artworks(query, offset, limit)
    thumbs: dict[int, QImage] = {}
    if rows and thumb_size > 0:
        for artwork_id, info in catalog.default_images([a.id for a in rows]).items():
            image = thumbnail_for(info, thumb_size, files_dir, thumb_path)
            if image is not None:
                thumbs[artwork_id] = image
    labels = availability or {}
    return rows, [display_row(a, labels) for a in rows], thumbs


class ArtworkTableModel(QAbstractTableModel):
    """Rows of the current ``ArtworkQuery``, loaded in blocks on the read pool.

    A new query is counted and its first block loaded in parallel; the view keeps showing the
    previous rows until both have arrived and is then reset once, so typing in the search box
    repaints the table once per answer, never with a screen of placeholders in between.
    """

    # The rows of a new query are shown (the view was reset); argument: the row count.
    query_loaded = Signal(int)
    # A block arrived (tests and the benchmark wait on it); argument: the block number.
    block_loaded = Signal(int)
    # A refresh after a change elsewhere finished counting; argument: the count.
    refreshed = Signal(int)

    def __init__(
        self,
        catalog: CatalogService,
        runner: TaskRunner,
        *,
        files_dir: Path | None = None,
        thumb_path: ThumbPath | None = None,
        thumb_size: int = 40,
        block_size: int = BLOCK_SIZE,
        max_blocks: int = MAX_BLOCKS,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._runner = runner
        self._files_dir = files_dir
        self._thumb_path = thumb_path
        self.thumb_size = thumb_size
        self.block_size = block_size
        self.max_blocks = max_blocks
        self._query = ArtworkQuery()
        self._rows = 0
        self._generation = 0
        self._blocks: OrderedDict[int, _Block] = OrderedDict()
        self._requested: set[tuple[int, int]] = set()
        self._block_tasks: dict[tuple[int, int], Task] = {}
        self._pixmaps: dict[int, QPixmap] = {}
        self._in_data = False
        self._loaded_once = False
        # A new query not shown yet: its generation, its count once known, blocks that came early.
        self._resetting: int | None = None
        self._pending_count: int | None = None
        self._early: dict[int, _Block] = {}
        # Translated once here (GUI thread); the workers make the cell texts with it.
        self._availability = {value: availability_label(value) for value in AVAILABILITY_LABELS}
        self._loading_text = self.tr("Loading…")

    # ------------------------------------------------------------------ query
    @property
    def query(self) -> ArtworkQuery:
        return self._query

    @property
    def loaded(self) -> bool:
        """Whether the rows of a query have been shown at least once."""
        return self._loaded_once

    @property
    def pending(self) -> bool:
        """Whether a new query is still being counted or its first block loaded."""
        return self._resetting is not None

    def set_query(self, query: ArtworkQuery) -> None:
        """Show another query: count it and load its first block, both in the background."""
        self._query = query
        self._next_generation()
        gen = self._generation
        self._resetting = gen
        self._pending_count = None
        self._early.clear()
        self._runner.read(
            self._catalog.count_artworks,
            query,
            key="artwork-count",
            on_done=lambda n: self._count_arrived(gen, n),
            on_error=lambda exc: self._count_failed(gen, exc),
        )
        self._request_block(0)

    def preset_sort(self, key: str, descending: bool) -> None:
        """Set the order the next query loads in (restoring a saved header), loading nothing."""
        self._query = replace(self._query, sort=key, descending=descending)

    def update_query(self, **changes: Any) -> None:
        self.set_query(replace(self._query, **changes))

    def reload(self) -> None:
        self.set_query(self._query)

    def _count_arrived(self, gen: int, count: int) -> None:
        if gen != self._generation:
            return
        if count == 0 or 0 in self._early:
            self._reset(gen, count)
        else:
            self._pending_count = count

    def _reset(self, gen: int, count: int) -> None:
        """Show the new query's rows: one model reset with its first block already in."""
        self.beginResetModel()
        self._rows = count
        self._blocks.clear()
        early, self._early = self._early, {}
        for block in sorted(early):
            self._blocks[block] = early[block]
        self._pixmaps.clear()
        self._resetting = None
        self._pending_count = None
        self.endResetModel()
        self._loaded_once = True
        self.query_loaded.emit(count)
        for block in sorted(early):
            self.block_loaded.emit(block)

    def _count_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self.beginResetModel()
        self._rows = 0
        self._blocks.clear()
        self._early.clear()
        self._resetting = None
        self._pending_count = None
        self.endResetModel()
        self._loaded_once = True
        self.query_loaded.emit(0)
        self._runner.task_failed.emit(None, exc)

    # ------------------------------------------------------------------ refresh (changes elsewhere)
    def refresh(self) -> None:
        """Reload the same query after a change elsewhere, keeping rows on screen meanwhile."""
        if self._resetting is not None:  # a new query is on its way: load it afresh instead
            self.set_query(self._query)
            return
        self._next_generation()
        gen = self._generation
        self._runner.read(
            self._catalog.count_artworks,
            self._query,
            key="artwork-count",
            on_done=lambda n: self._refresh_count(gen, n),
            on_error=lambda exc: self._count_failed(gen, exc),
        )

    def _refresh_count(self, gen: int, count: int) -> None:
        if gen != self._generation:
            return
        if count > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, count - 1)
            self._rows = count
            self.endInsertRows()
        elif count < self._rows:
            self.beginRemoveRows(QModelIndex(), count, self._rows - 1)
            self._rows = count
            last = (count - 1) // self.block_size if count else -1
            for block in [b for b in self._blocks if b > last]:
                del self._blocks[block]
            self.endRemoveRows()
        self._pixmaps.clear()
        if self._rows:
            # Every loaded block is now stale: data() keeps showing it and asks for a reload.
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, len(COLUMNS) - 1))
        self.refreshed.emit(count)

    # ------------------------------------------------------------------ blocks
    def _next_generation(self) -> None:
        """A new query or a refresh: block reads for the old one that have not started never run."""
        self._generation += 1
        self._requested.clear()
        for task in self._block_tasks.values():
            task.cancel()
        self._block_tasks.clear()

    def _request_block(self, block: int) -> None:
        gen = self._generation
        if (gen, block) in self._requested:
            return
        self._requested.add((gen, block))
        self._block_tasks[(gen, block)] = self._runner.read(
            _fetch_block,
            self._catalog,
            self._query,
            block * self.block_size,
            self.block_size,
            self._files_dir,
            self.thumb_size,
            self._thumb_path,
            self._availability,
            on_done=lambda result: self._block_arrived(gen, block, result),
            on_error=lambda exc: self._block_failed(gen, block, exc),
        )

    def _block_arrived(
        self,
        gen: int,
        block: int,
        result: tuple[list[Artwork], list[DisplayRow], dict[int, QImage]],
    ) -> None:
        self._block_tasks.pop((gen, block), None)
        if gen != self._generation:
            return
        rows, display, thumbs = result
        blk = _Block(gen, rows, display, thumbs)
        if self._resetting == gen:  # the new query is not shown yet: keep it for the reset
            self._early[block] = blk
            if block == 0 and self._pending_count is not None:
                self._reset(gen, self._pending_count)
            return
        self._blocks[block] = blk
        self._blocks.move_to_end(block)
        while len(self._blocks) > self.max_blocks:
            old, _ = self._blocks.popitem(last=False)
            self._requested.discard((gen, old))
        for artwork_id in [i for i in self._pixmaps if i in thumbs]:
            del self._pixmaps[artwork_id]
        first = block * self.block_size
        last = min(first + len(rows), self._rows) - 1
        if not self._in_data and last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.block_loaded.emit(block)

    def _block_failed(self, gen: int, block: int, exc: BaseException) -> None:
        self._block_tasks.pop((gen, block), None)
        self._requested.discard((gen, block))
        if gen == self._generation:
            if self._resetting == gen and block == 0 and self._pending_count is not None:
                self._reset(gen, self._pending_count)  # show the count; the rows say "Loading…"
            self._runner.task_failed.emit(None, exc)

    def _block_of(self, row: int) -> _Block | None:
        """The block holding ``row`` (asking for it, or for a fresh copy, when needed)."""
        block = row // self.block_size
        blk = self._blocks.get(block)
        if blk is None or blk.generation != self._generation:
            self._in_data = True
            try:
                self._request_block(block)
            finally:
                self._in_data = False
            blk = self._blocks.get(block)  # an inline runner has it now; a stale one still shows
            if blk is None:
                return None
        self._blocks.move_to_end(block)
        return blk

    def _row_artwork(self, row: int) -> Artwork | None:
        blk = self._block_of(row)
        if blk is None:
            return None
        i = row - (row // self.block_size) * self.block_size
        return blk.rows[i] if i < len(blk.rows) else None

    def _thumb(self, row: int, artwork_id: int) -> QPixmap | None:
        pixmap = self._pixmaps.get(artwork_id)
        if pixmap is not None:
            return pixmap
        blk = self._blocks.get(row // self.block_size)
        if blk is None or artwork_id not in blk.thumbs:
            return None
        pixmap = QPixmap.fromImage(blk.thumbs[artwork_id])
        if len(self._pixmaps) > self.block_size * 4:
            self._pixmaps.clear()
        self._pixmaps[artwork_id] = pixmap
        return pixmap

    # ------------------------------------------------------------------ lookups for the window
    def artwork_at(self, row: int) -> Artwork | None:
        """The artwork of a row if its block is loaded (never starts a load)."""
        blk = self._blocks.get(row // self.block_size)
        if blk is None or row < 0:
            return None
        i = row - (row // self.block_size) * self.block_size
        return blk.rows[i] if i < len(blk.rows) else None

    def row_of(self, artwork_id: int) -> int | None:
        """The row of an artwork among the loaded blocks of the current generation, or None."""
        for block, blk in self._blocks.items():
            if blk.generation != self._generation:
                continue
            for i, artwork in enumerate(blk.rows):
                if artwork.id == artwork_id:
                    return block * self.block_size + i
        return None

    def locate(self, artwork_id: int, callback: Callable[[int | None], None]) -> None:
        """Find an artwork's row in the current query in the background (ids only, no rows)."""
        row = self.row_of(artwork_id)
        if row is not None:
            callback(row)
            return
        gen = self._generation
        query, total = self._query, self._rows

        def find() -> int | None:
            ids = self._catalog.list_artwork_ids(query, 0, max(total, 1))
            try:
                return ids.index(artwork_id)
            except ValueError:
                return None

        self._runner.read(
            find,
            key="artwork-locate",
            on_done=lambda r: callback(
                r if gen == self._generation and r is not None and r < self._rows else None
            ),
        )

    def loaded_block_count(self) -> int:
        return len(self._blocks)

    def loaded_row_count(self) -> int:
        return sum(len(b.rows) for b in self._blocks.values())

    # ------------------------------------------------------------------ Qt model API
    # flags() is QAbstractTableModel's own (enabled, selectable, no children): not overriding
    # it spares a call into Python for every painted cell.
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == _DISPLAY:
            return self.tr(column.title) if column.title else ""
        if role == _TOOLTIP and column.name == "thumbnail":
            return self.tr("Image")
        return None

    def multiData(  # noqa: N802 - Qt override
        self, index: QModelIndex | QPersistentModelIndex, span: QModelRoleDataSpan
    ) -> None:
        """All the roles the item delegate paints a cell with, in one call (Qt 6).

        The delegate reuses its role array from cell to cell, so every role is set, to None
        where there is nothing: a role left alone would keep the previous cell's value.
        """
        row = index.row()
        if not 0 <= row < self._rows:
            for item in span:
                item.setData(None)
            return
        column = index.column()
        blk = self._block_of(row)
        i = row - (row // self.block_size) * self.block_size
        texts = blk.display[i] if blk is not None and i < len(blk.display) else None
        for item in span:
            role = item.role()
            if role == _DISPLAY:
                if texts is not None:
                    item.setData(texts[column])
                else:
                    item.setData(self._loading_text if column == _TITLE else None)
            elif role == _DECORATION:
                if column == _THUMBNAIL and texts is not None:
                    item.setData(self._thumb(row, blk.rows[i].id))
                else:
                    item.setData(None)
            elif role == _ALIGNMENT:
                item.setData(_RIGHT if column in _RIGHT_ALIGNED else None)
            elif role in _STYLE_ROLES:
                item.setData(None)
            else:
                item.setData(self.data(index, role))

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = index.row()
        if not 0 <= row < self._rows:
            return None
        column = index.column()
        if role == _ALIGNMENT:
            return _RIGHT if column in _RIGHT_ALIGNED else None
        if role not in (_DISPLAY, _DECORATION, _TOOLTIP, _ID, _ARTWORK):
            return None
        blk = self._block_of(row)
        i = row - (row // self.block_size) * self.block_size
        if blk is None or i >= len(blk.rows):
            if role == _DISPLAY and column == _TITLE:
                return self._loading_text
            return None
        if role == _DISPLAY:
            return blk.display[i][column]
        artwork = blk.rows[i]
        if role == _ID:
            return artwork.id
        if role == _ARTWORK:
            return artwork
        if role == _DECORATION:
            return self._thumb(row, artwork.id) if column == _THUMBNAIL else None
        # tooltips: the long texts a narrow column cuts off
        return (blk.display[i][column] or None) if column in _TOOLTIP_COLUMNS else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database: an indexed ORDER BY, never in memory."""
        key = COLUMNS[column].sort_key or "id" if 0 <= column < len(COLUMNS) else "id"
        descending = order == Qt.SortOrder.DescendingOrder
        if self._generation == 0:  # no query asked for yet (the view being set up): just remember
            self.preset_sort(key, descending)
            return
        if key == self._query.sort and descending == self._query.descending and self._loaded_once:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))
