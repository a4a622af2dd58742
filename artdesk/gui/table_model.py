"""ArtworkTableModel: the catalog table, paged from the database on demand.

The model never holds the catalog: it knows the row count of the current query and keeps a
bounded LRU of blocks of ``BLOCK_SIZE`` rows. The view asks for the rows it is about to paint
(``request_rows``, once per paint); a row that is not loaded stays empty while its block loads
on the read pool; when it arrives, ``dataChanged`` repaints it. Sorting and filtering
change the ``ArtworkQuery`` and run in the database (an indexed ORDER BY, an FTS5 MATCH), never
in a proxy model.

Painting never calls into Python. The model is a ``QStandardItemModel`` whose items are made on
the worker with each block (text, id, alignment, tooltip) and put in place when the block
arrives, so the view's delegate reads every cell in C++. Only the few blocks around what the
view shows have items (``PLACED_BLOCKS``); a cached block scrolled back to gets them again.
Items leave the model one by one through ``takeItem`` (about a microsecond each; rows and
persistent indexes stay): PySide keeps the Python wrapper of every item set into the model as
the model's child until ``takeItem`` hands it back, so ``removeRows`` or ``setRowCount(0)``
would delete the items and leave their wrappers behind, pointing at freed memory, for every
garbage collection to walk (85,000 of them after 2,000 pages, 40-140 ms a full collection,
on a worker, holding the GIL). (A Python ``multiData`` was called for
each painted cell, and ``rowCount``/``columnCount`` twice more through ``index()``: some 300
entries into Python per paint, each taking the GIL and giving it back. That was half of a
paint's CPU, and while a worker ran Python each entry waited up to a GIL switch interval, which
made a 10 ms paint a 100-150 ms one.) Nothing here overrides ``data``, ``multiData``,
``rowCount``, ``columnCount``, ``index`` or ``flags``: Qt would call the override for every cell.

A change made elsewhere (``refresh()``) keeps the loaded blocks on screen as they are, marks
them stale and reloads them in the background, so the view does not flicker and the selection
stays where it was; only a changed row count inserts or removes rows at the end.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPixmap, QStandardItem, QStandardItemModel

from artdesk.core.errors import ArtdeskError
from artdesk.core.models import ArtistRef, Artwork, ImageInfo
from artdesk.gui.tasks import Task, TaskRunner
from artdesk.gui.thumbs import load_thumbnail, resolve
from artdesk.services.catalog import ArtworkQuery, CatalogService

BLOCK_SIZE = 200
MAX_BLOCKS = 24  # at most 4,800 rows in memory, whatever the catalog's size
# Blocks whose cells are items in the model (the rows on screen need one or two). Dropping an
# item costs about a microsecond, so a model reset (a keystroke in the search box) stays cheap.
PLACED_BLOCKS = 3

# Every cell of a loaded row carries its artwork's id in this role.
ArtworkIdRole = Qt.ItemDataRole.UserRole + 1

_ID = int(ArtworkIdRole)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Loaded cells can be selected, never edited in place (the editor beside the table edits).
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

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


def row_items(artwork_id: int, texts: DisplayRow) -> list[QStandardItem]:
    """The items of one row's cells (made on the worker: QStandardItem is not a QObject)."""
    # Each cell a clone of one item holding the row's flags and id: one call into Qt a cell
    # instead of three (a block's items 18 -> 11 ms, off the GUI thread but holding the GIL).
    base = QStandardItem()
    base.setFlags(_FLAGS)
    base.setData(artwork_id, _ID)
    items = []
    for column, text in enumerate(texts):
        item = base.clone()
        if text:
            item.setText(text)
        if column in _RIGHT_ALIGNED:
            item.setTextAlignment(_RIGHT)
        if text and column in _TOOLTIP_COLUMNS:
            item.setToolTip(text)  # the long texts a narrow column cuts off
        items.append(item)
    return items


# A loaded row as the cache keeps it: its Artwork's field values in order, the artists as
# (id, name, slug). Made only of strings, numbers, datetimes and such tuples, a block of them is
# soon untracked by the garbage collector; 4,800 cached Artworks, their ArtistRefs and artists
# tuples were 15,000 objects every full collection walked (on a worker, holding the GIL).
PackedRow = tuple[Any, ...]
_ARTWORK_FIELDS = tuple(f.name for f in fields(Artwork))
_ARTISTS = _ARTWORK_FIELDS.index("artists")
_ARTIST_FIELDS = tuple(f.name for f in fields(ArtistRef))


def pack_artwork(artwork: Artwork) -> PackedRow:
    values = [getattr(artwork, name) for name in _ARTWORK_FIELDS]
    values[_ARTISTS] = tuple(
        tuple(getattr(ref, name) for name in _ARTIST_FIELDS) for ref in artwork.artists
    )
    return tuple(values)


def unpack_artwork(row: PackedRow) -> Artwork:
    values = list(row)
    values[_ARTISTS] = tuple(ArtistRef(*ref) for ref in row[_ARTISTS])
    return Artwork(*values)


@dataclass(slots=True)
class _Block:
    generation: int
    ids: tuple[int, ...]
    rows: tuple[PackedRow, ...]
    display: tuple[DisplayRow, ...]
    thumbs: dict[int, QImage]
    # The cells' items until the block is placed in the model (then the model owns them).
    items: list[list[QStandardItem]] | None


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


def read_page(
    catalog: CatalogService, query: ArtworkQuery, offset: int, limit: int, total: int | None
) -> list[Artwork]:
    """Rows ``offset .. offset + limit`` of ``query``, read from whichever end is nearer.

    An OFFSET costs what it skips: the last rows of a broad search sorted by title cost the
    whole result (2.1 s for the end of 103,686 works). Every order is total and its descending
    form the exact mirror (the sort key, then the id, both reversed; SQLite puts NULLs first
    ascending and last descending), so the far half is read as the near half of the reverse
    order, given the row count ``total``.
    """
    if total is not None and query.collection_id is None and offset >= total - offset - limit:
        n = max(min(limit, total - offset), 0)
        reverse = replace(query, descending=not query.descending)
        return catalog.list_artworks(reverse, total - offset - n, n)[::-1] if n else []
    return catalog.list_artworks(query, offset, limit)


# What a block read returns: ids, packed rows, cell texts, thumbnails, the cells' items.
_Fetched = tuple[
    tuple[int, ...],
    tuple[PackedRow, ...],
    tuple[DisplayRow, ...],
    dict[int, QImage],
    list[list[QStandardItem]],
]


def _fetch_block(
    catalog: CatalogService,
    query: ArtworkQuery,
    offset: int,
    limit: int,
    files_dir: Path | None,
    thumb_size: int,
    thumb_path: ThumbPath | None = None,
    availability: dict[str, str] | None = None,
    total: int | None = None,
) -> _Fetched:
    rows = read_page(catalog, query, offset, limit, total)
    thumbs: dict[int, QImage] = {}
    if rows and thumb_size > 0:
        for artwork_id, info in catalog.default_images([a.id for a in rows]).items():
            image = thumbnail_for(info, thumb_size, files_dir, thumb_path)
            if image is not None:
                thumbs[artwork_id] = image
    labels = availability or {}
    display = tuple(display_row(a, labels) for a in rows)
    items = [row_items(a.id, texts) for a, texts in zip(rows, display, strict=True)]
    return tuple(a.id for a in rows), tuple(map(pack_artwork, rows)), display, thumbs, items


class ArtworkTableModel(QStandardItemModel):
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
        super().__init__(0, len(COLUMNS), parent)
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
        # Blocks whose items are in the model, least recently painted first.
        self._placed: OrderedDict[int, None] = OrderedDict()
        self._requested: set[tuple[int, int]] = set()
        self._block_tasks: dict[tuple[int, int], Task] = {}
        self._requesting = False
        self._loaded_once = False
        # A new query not shown yet: its generation, its count once known, blocks that came early.
        self._resetting: int | None = None
        self._pending_count: int | None = None
        self._early: dict[int, _Block] = {}
        # Translated once here (GUI thread); the workers make the cell texts with it.
        self._availability = {value: availability_label(value) for value in AVAILABILITY_LABELS}

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

    def _replace_rows(self, count: int, blocks: dict[int, _Block]) -> None:
        """Within a model reset: ``count`` empty rows, then the items of ``blocks`` in place.

        The item model's own row signals are held back: the reset tells the views everything.
        """
        self.blockSignals(True)
        try:
            for block in list(self._placed):  # taken out first: setRowCount would orphan them
                self._take(block)
            self.setRowCount(0)  # the reset drops every persistent index
            self.setRowCount(count)
            self._rows = count
            self._blocks.clear()
            for block in sorted(blocks):
                self._blocks[block] = blocks[block]
                self._place(block, blocks[block])
        finally:
            self.blockSignals(False)

    def _reset(self, gen: int, count: int) -> None:
        """Show the new query's rows: one model reset with its first block already in."""
        self.beginResetModel()
        early, self._early = self._early, {}
        self._replace_rows(count, early)
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
        self._early.clear()
        self._replace_rows(0, {})
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
        if count < self._rows:
            last = (count - 1) // self.block_size if count else -1
            for block in [b for b in self._blocks if b > last]:
                del self._blocks[block]
            self.blockSignals(True)
            try:
                for block in [b for b in self._placed if b > last]:
                    self._take(block)
                if last in self._placed:  # its rows past the new count go with the rows
                    self._clear_rows(range(count, min(self._rows, (last + 1) * self.block_size)))
            finally:
                self.blockSignals(False)
        if count != self._rows:
            self._rows = count
            self.setRowCount(count)  # rows inserted or removed at the end (the item model says so)
        # Every loaded block is now stale: the view repaints the placed ones (still showing them)
        # and asks for a reload. (Not one dataChanged over every row: Qt's views take ~100 ms
        # over 150,000 rows.)
        for block in list(self._placed):
            self._rows_changed(block)
        self.refreshed.emit(count)

    # ------------------------------------------------------------------ blocks
    def _next_generation(self) -> None:
        """A new query or a refresh: block reads for the old one that have not started never run."""
        self._generation += 1
        self._requested.clear()
        for task in self._block_tasks.values():
            task.cancel()
        self._block_tasks.clear()

    def request_rows(self, first: int, last: int) -> None:
        """Rows about to be painted (the view, once per paint): load the blocks not loaded yet.

        A block loaded before a change elsewhere (stale) stays on screen and is read again.
        """
        if self._rows == 0 or last < first:
            return
        first, last = max(first, 0), min(last, self._rows - 1)
        wanted = range(first // self.block_size, last // self.block_size + 1)
        for block in wanted:  # the rows on screen are the most recently used
            if block in self._blocks:
                self._blocks.move_to_end(block)
            if block in self._placed:
                self._placed.move_to_end(block)
        self._requesting = True
        try:
            for block in wanted:
                blk = self._blocks.get(block)
                if blk is None or blk.generation != self._generation:
                    self._request_block(block)
                if blk is not None and block not in self._placed:  # cached: back in the model
                    self.blockSignals(True)
                    try:
                        self._place(block, blk)
                        self._trim_placed()
                    finally:
                        self.blockSignals(False)
        finally:
            self._requesting = False

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
            None if self._resetting == gen else self._rows,  # the count, once it is known
            on_done=lambda result: self._block_arrived(gen, block, result),
            on_error=lambda exc: self._block_failed(gen, block, exc),
        )

    def _block_rows(self, block: int) -> range:
        first = block * self.block_size
        return range(first, min(first + self.block_size, self._rows))

    def _place(self, block: int, blk: _Block) -> None:
        """Put a block's items in its rows (instead of a stale copy of it)."""
        self._take(block)
        items = blk.items
        if items is None:  # placed before and taken out again: make them anew
            items = [row_items(i, texts) for i, texts in zip(blk.ids, blk.display, strict=True)]
        blk.items = None
        for i, artwork_id in enumerate(blk.ids):  # pixmaps are made on the GUI thread only
            image = blk.thumbs.get(artwork_id)
            if image is not None:
                items[i][_THUMBNAIL].setData(QPixmap.fromImage(image), _DECORATION)
        first = block * self.block_size
        for i, row_cells in enumerate(items):
            row = first + i
            if row >= self._rows:
                break
            for column, item in enumerate(row_cells):
                self.setItem(row, column, item)
        self._placed[block] = None
        self._placed.move_to_end(block)

    def _take(self, block: int) -> None:
        """Take a block's items out of the model; they are dropped."""
        if block not in self._placed:
            return
        del self._placed[block]
        self._clear_rows(self._block_rows(block))

    def _clear_rows(self, rows: range) -> None:
        """Drop the items of ``rows``, each taken out of its cell (see the module doc)."""
        take = self.takeItem
        columns = range(len(COLUMNS))
        for row in rows:
            for column in columns:
                take(row, column)  # the wrapper comes back to Python and dies with the item

    def _trim_placed(self) -> None:
        while len(self._placed) > PLACED_BLOCKS:
            self._take(next(iter(self._placed)))

    def _rows_changed(self, block: int) -> None:
        rows = self._block_rows(block)
        if not self._requesting and len(rows):
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], len(COLUMNS) - 1))

    def _block_arrived(
        self,
        gen: int,
        block: int,
        result: _Fetched,
    ) -> None:
        self._block_tasks.pop((gen, block), None)
        if gen != self._generation:
            return
        blk = _Block(gen, *result)
        if self._resetting == gen:  # the new query is not shown yet: keep it for the reset
            self._early[block] = blk
            if block == 0 and self._pending_count is not None:
                self._reset(gen, self._pending_count)
            return
        self.blockSignals(True)
        try:
            self._blocks[block] = blk
            self._blocks.move_to_end(block)
            self._place(block, blk)
            self._trim_placed()
            while len(self._blocks) > self.max_blocks:
                old, _ = self._blocks.popitem(last=False)
                self._requested.discard((gen, old))
                self._take(old)
        finally:
            self.blockSignals(False)
        self._rows_changed(block)
        self.block_loaded.emit(block)

    def _block_failed(self, gen: int, block: int, exc: BaseException) -> None:
        self._block_tasks.pop((gen, block), None)
        self._requested.discard((gen, block))
        if gen == self._generation:
            if self._resetting == gen and block == 0 and self._pending_count is not None:
                self._reset(gen, self._pending_count)  # show the count; the rows stay empty
            self._runner.task_failed.emit(None, exc)

    # ------------------------------------------------------------------ lookups for the window
    def artwork_at(self, row: int) -> Artwork | None:
        """The artwork of a row if its block is loaded (never starts a load)."""
        blk = self._blocks.get(row // self.block_size)
        if blk is None or row < 0:
            return None
        i = row - (row // self.block_size) * self.block_size
        return unpack_artwork(blk.rows[i]) if i < len(blk.rows) else None

    def row_of(self, artwork_id: int) -> int | None:
        """The row of an artwork among the loaded blocks of the current generation, or None."""
        for block, blk in self._blocks.items():
            if blk.generation != self._generation:
                continue
            if artwork_id in blk.ids:
                return block * self.block_size + blk.ids.index(artwork_id)
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
        return sum(len(b.ids) for b in self._blocks.values())

    # ------------------------------------------------------------------ Qt model API
    # Cells are the item model's own (see the module doc); only the header and sorting are ours.
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
