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

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QImage, QPixmap

from artdesk.core.errors import ArtdeskError
from artdesk.core.models import Artwork, ImageInfo
from artdesk.gui.tasks import TaskRunner
from artdesk.gui.thumbs import load_thumbnail, resolve
from artdesk.services.catalog import ArtworkQuery, CatalogService

BLOCK_SIZE = 200
MAX_BLOCKS = 24  # at most 4,800 rows in memory, whatever the catalog's size

ArtworkIdRole = Qt.ItemDataRole.UserRole + 1
ArtworkRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sort_key: str | None
    title: str  # translated at display time through the model's tr()
    width: int


COLUMNS: tuple[Column, ...] = (
    Column("thumbnail", None, "", 44),
    Column("inventory", "inventory", "Inventory", 90),
    Column("artists", "artist", "Artists", 170),
    Column("title", "title", "Title", 240),
    Column("year", "year", "Year", 60),
    Column("medium", "medium", "Medium", 150),
    Column("dimensions", "dimensions", "Dimensions", 130),
    Column("price", "price", "Price", 90),
    Column("currency", "currency", "Currency", 70),
    Column("availability", "availability", "Availability", 100),
    Column("partner", "partner", "Partner", 130),
    Column("updated", "updated", "Updated", 130),
)
COLUMN_INDEX = {c.name: i for i, c in enumerate(COLUMNS)}


@dataclass(slots=True)
class _Block:
    generation: int
    rows: list[Artwork]
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
) -> tuple[list[Artwork], dict[int, QImage]]:
    rows = catalog.list_artworks(query, offset, limit)
    thumbs: dict[int, QImage] = {}
    if rows and thumb_size > 0:
        for artwork_id, info in catalog.default_images([a.id for a in rows]).items():
            image = thumbnail_for(info, thumb_size, files_dir, thumb_path)
            if image is not None:
                thumbs[artwork_id] = image
    return rows, thumbs


def _availability_text(value: str | None) -> str:
    return (value or "").replace("_", " ")


class ArtworkTableModel(QAbstractTableModel):
    """Rows of the current ``ArtworkQuery``, loaded in blocks on the read pool."""

    # The row count of a new query arrived (the view was reset); argument: the count.
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
        self._pixmaps: dict[int, QPixmap] = {}
        self._in_data = False
        self._loaded_once = False

    # ------------------------------------------------------------------ query
    @property
    def query(self) -> ArtworkQuery:
        return self._query

    @property
    def loaded(self) -> bool:
        """Whether the current query's row count is known."""
        return self._loaded_once

    def set_query(self, query: ArtworkQuery) -> None:
        """Show another query: count it and load its first block, both in the background."""
        self._query = query
        self._generation += 1
        gen = self._generation
        self._requested.clear()
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
        self.beginResetModel()
        self._rows = count
        for block in [b for b, blk in self._blocks.items() if blk.generation != gen]:
            del self._blocks[block]
        self._pixmaps.clear()
        self.endResetModel()
        self._loaded_once = True
        self.query_loaded.emit(count)

    def _count_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self.beginResetModel()
        self._rows = 0
        self._blocks.clear()
        self.endResetModel()
        self._loaded_once = True
        self.query_loaded.emit(0)
        self._runner.task_failed.emit(None, exc)

    # ------------------------------------------------------------------ refresh (changes elsewhere)
    def refresh(self) -> None:
        """Reload the same query after a change elsewhere, keeping rows on screen meanwhile."""
        self._generation += 1
        gen = self._generation
        self._requested.clear()
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
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._rows - 1, len(COLUMNS) - 1)
            )
        self.refreshed.emit(count)

    # ------------------------------------------------------------------ blocks
    def _request_block(self, block: int) -> None:
        gen = self._generation
        if (gen, block) in self._requested:
            return
        self._requested.add((gen, block))
        self._runner.read(
            _fetch_block,
            self._catalog,
            self._query,
            block * self.block_size,
            self.block_size,
            self._files_dir,
            self.thumb_size,
            self._thumb_path,
            on_done=lambda result: self._block_arrived(gen, block, result),
            on_error=lambda exc: self._block_failed(gen, block, exc),
        )

    def _block_arrived(
        self, gen: int, block: int, result: tuple[list[Artwork], dict[int, QImage]]
    ) -> None:
        if gen != self._generation:
            return
        rows, thumbs = result
        self._blocks[block] = _Block(gen, rows, thumbs)
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
        self._requested.discard((gen, block))
        if gen == self._generation:
            self._runner.task_failed.emit(None, exc)

    def _row_artwork(self, row: int) -> Artwork | None:
        block = row // self.block_size
        blk = self._blocks.get(block)
        if blk is None or blk.generation != self._generation:
            self._request_block(block)
            blk = self._blocks.get(block)  # an inline runner has it now; a stale one still shows
        if blk is None:
            return None
        self._blocks.move_to_end(block)
        i = row - block * self.block_size
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
            on_done=lambda r: callback(r if gen == self._generation and r is not None and r < self._rows else None),
        )

    def loaded_block_count(self) -> int:
        return len(self._blocks)

    def loaded_row_count(self) -> int:
        return sum(len(b.rows) for b in self._blocks.values())

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(column.title) if column.title else ""
        if role == Qt.ItemDataRole.ToolTipRole and column.name == "thumbnail":
            return self.tr("Image")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._rows:
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            ArtworkIdRole,
            ArtworkRole,
        ):
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.name in ("year", "price"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        self._in_data = True
        try:
            artwork = self._row_artwork(index.row())
        finally:
            self._in_data = False
        if artwork is None:
            if role == Qt.ItemDataRole.DisplayRole and column.name == "title":
                return self.tr("Loading…")
            return None
        if role == ArtworkIdRole:
            return artwork.id
        if role == ArtworkRole:
            return artwork
        if role == Qt.ItemDataRole.DecorationRole:
            if column.name == "thumbnail":
                return self._thumb(index.row(), artwork.id)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.name in ("title", "artists", "medium"):
                return self._display(artwork, column.name) or None
            return None
        return self._display(artwork, column.name)

    def _display(self, a: Artwork, name: str) -> Any:
        if name == "thumbnail":
            return None
        if name == "inventory":
            return a.inventory_number or ""
        if name == "artists":
            return a.artist_name
        if name == "title":
            return a.title
        if name == "year":
            return "" if a.creation_year is None else str(a.creation_year)
        if name == "medium":
            return a.medium or ""
        if name == "dimensions":
            return a.dimensions or ""
        if name == "price":
            return "" if a.price is None else f"{a.price:,}"
        if name == "currency":
            return a.currency or ""
        if name == "availability":
            return self.tr(_availability_text(a.availability)) if a.availability else ""
        if name == "partner":
            return a.partner_name or ""
        if name == "updated":
            return a.updated_at.strftime("%Y-%m-%d %H:%M") if a.updated_at else ""
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database: an indexed ORDER BY, never in memory."""
        key = COLUMNS[column].sort_key or "id" if 0 <= column < len(COLUMNS) else "id"
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending and self._loaded_once:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))
