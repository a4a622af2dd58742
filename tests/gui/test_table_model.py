"""ArtworkTableModel: Qt's model checks, paging in blocks, sorting and filtering in the database."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from artdesk.gui.table_model import COLUMN_INDEX, ArtworkIdRole, ArtworkTableModel
from artdesk.services.catalog import ArtworkQuery


def _titles(model: ArtworkTableModel) -> list[str]:
    """Each row's title, asking for the row first as the view does before it paints it."""
    col = COLUMN_INDEX["title"]
    titles = []
    for r in range(model.rowCount()):
        model.request_rows(r, r)
        titles.append(model.data(model.index(r, col)))
    return titles


def test_qtmodeltester(qtmodeltester, services, catalog_works, inline_runner):  # noqa: ANN001
    model = ArtworkTableModel(services.catalog, inline_runner, block_size=2, max_blocks=2)
    model.set_query(ArtworkQuery())
    assert model.rowCount() == 5
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_blocks_are_bounded_and_loaded_on_demand(services, catalog_works, inline_runner):  # noqa: ANN001
    model = ArtworkTableModel(services.catalog, inline_runner, block_size=2, max_blocks=2)
    model.set_query(ArtworkQuery())
    assert model.loaded_block_count() == 1  # only the first block, prefetched with the count
    assert _titles(model) == [w.title for w in catalog_works]
    assert model.loaded_block_count() == 2  # three blocks were read, two are kept
    assert model.loaded_row_count() <= 4


def test_sort_and_search_run_in_the_database(services, catalog_works, inline_runner):  # noqa: ANN001
    model = ArtworkTableModel(services.catalog, inline_runner)
    model.set_query(ArtworkQuery())
    model.sort(COLUMN_INDEX["year"], Qt.SortOrder.DescendingOrder)
    assert model.query.sort == "year" and model.query.descending
    assert _titles(model) == [
        "Night Ferry",
        "Untitled (Field)",
        "Blue Study",
        "Harbour at Dawn",
        "Salt Flats",
    ]
    model.sort(COLUMN_INDEX["artists"], Qt.SortOrder.AscendingOrder)
    assert _titles(model)[0] == "Harbour at Dawn"  # Berg, Anna
    model.update_query(text="harb")
    assert _titles(model) == ["Harbour at Dawn"]
    model.update_query(text=None, availability="available")
    assert sorted(_titles(model)) == ["Harbour at Dawn", "Night Ferry"]


def test_real_runner_pages_in_background(qtbot, services, catalog_works, runner):  # noqa: ANN001
    model = ArtworkTableModel(services.catalog, runner, block_size=2)
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        model.set_query(ArtworkQuery())
    assert model.rowCount() == 5
    index = model.index(4, COLUMN_INDEX["title"])
    assert model.artwork_at(4) is None  # only the first block came with the count
    assert model.data(index) is None  # nothing asked for it yet
    model.request_rows(3, 4)  # as the view does before it paints rows 3-4
    qtbot.waitUntil(lambda: model.data(index) == "Salt Flats", timeout=5000)
    assert model.data(index, ArtworkIdRole) == catalog_works[4].id


def test_refresh_keeps_rows_and_adds_new_ones(qtbot, services, partner, catalog_works, runner):  # noqa: ANN001
    model = ArtworkTableModel(services.catalog, runner)
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        model.set_query(ArtworkQuery())
    qtbot.waitUntil(lambda: model.artwork_at(0) is not None, timeout=5000)
    inserted = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))
    services.catalog.create_artwork(
        {"title": "Late Addition"}, partner_id=partner.id, source="test"
    )
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    assert inserted == [(5, 5)]
    assert (
        model.data(model.index(0, COLUMN_INDEX["title"])) == "Harbour at Dawn"
    )  # stale, still shown
    model.request_rows(0, 5)  # as a view painting the rows does: stale rows are read again
    qtbot.waitUntil(
        lambda: model.data(model.index(5, COLUMN_INDEX["title"])) == "Late Addition", timeout=5000
    )
    assert model.rowCount(QModelIndex()) == 6


def test_each_cell_is_painted_with_its_own_text_icon_and_alignment(
    qtbot, services, catalog_works, inline_runner, tmp_path
):  # noqa: ANN001
    """What the view's delegate reads for each cell (through multiData), cell after cell."""
    from PIL import Image
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

    picture = tmp_path / "work.png"
    Image.new("RGB", (120, 90), (30, 90, 160)).save(picture)
    services.images.add_image(catalog_works[1].id, picture, source="test")
    model = ArtworkTableModel(
        services.catalog,
        inline_runner,
        files_dir=services.files_dir,
        thumb_path=services.images.thumbnail_path,
    )
    model.set_query(ArtworkQuery())
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = view.itemDelegate()
    right = {COLUMN_INDEX["year"], COLUMN_INDEX["price"]}
    cells = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, model.index(row, column))
            cells.append((row, column, option.text, option.icon.isNull(), option.displayAlignment))
    for row, column, text, no_icon, alignment in cells:
        assert text == (model.data(model.index(row, column)) or ""), (row, column)
        assert no_icon == (column != COLUMN_INDEX["thumbnail"] or row != 1), (row, column)
        assert bool(alignment & Qt.AlignmentFlag.AlignRight) == (column in right), (row, column)
    by_cell = {(r, c): t for r, c, t, _, _ in cells}
    assert by_cell[(1, COLUMN_INDEX["title"])] == "Blue Study"
    assert by_cell[(1, COLUMN_INDEX["year"])] == "2004"
    assert by_cell[(1, COLUMN_INDEX["availability"])] == "sold"
    assert by_cell[(0, COLUMN_INDEX["price"])] == "12,000"


def test_the_catalog_table_loads_the_rows_it_paints(qtbot, services, catalog_works, runner):  # noqa: ANN001
    from artdesk.gui.main_window import CatalogTable

    model = ArtworkTableModel(services.catalog, runner, block_size=2)
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        model.set_query(ArtworkQuery())
    assert model.loaded_block_count() == 1
    view = CatalogTable()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()  # painting the five rows asks for blocks 1 and 2
    qtbot.waitUntil(lambda: all(model.artwork_at(r) is not None for r in range(5)), timeout=5000)
    title = COLUMN_INDEX["title"]
    assert [model.data(model.index(r, title)) for r in range(5)] == [w.title for w in catalog_works]
    assert model.data(model.index(4, 0), ArtworkIdRole) == catalog_works[4].id


def test_the_far_half_is_read_from_the_other_end(services, catalog_works, inline_runner):  # noqa: ANN001
    """Blocks past the middle are read in the reverse order and turned round: the same rows."""
    from artdesk.gui.table_model import read_page

    catalog = services.catalog
    orders = [("title", False), ("title", True), ("year", True), ("id", False), ("price", False)]
    for sort, descending in [*orders, ("price", True)]:  # price: one work has none (NULL)
        query = ArtworkQuery(sort=sort, descending=descending)
        forward = [a.id for a in catalog.list_artworks(query, 0, 10)]
        for offset in range(6):
            for limit in (1, 2, 3):
                page = [a.id for a in read_page(catalog, query, offset, limit, len(forward))]
                assert page == forward[offset : offset + limit], (sort, descending, offset, limit)
        model = ArtworkTableModel(catalog, inline_runner, block_size=2)
        model.set_query(query)
        ids = []
        for r in range(model.rowCount()):
            model.request_rows(r, r)
            ids.append(model.data(model.index(r, 0), ArtworkIdRole))
        assert ids == forward
    text = ArtworkQuery(text="oil", sort="title")
    hits = [a.id for a in catalog.list_artworks(text, 0, 10)]
    assert [a.id for a in read_page(catalog, text, 1, 5, len(hits))] == hits[1:]


def _item_wrappers() -> int:
    """Python wrappers of QStandardItems alive in this process."""
    import gc

    from PySide6.QtGui import QStandardItem

    return sum(1 for o in gc.get_objects() if isinstance(o, QStandardItem))


def test_items_leaving_the_model_leave_no_wrappers_behind(services, catalog_works, inline_runner):  # noqa: ANN001
    """Scrolling and new queries replace the items; their Python wrappers go with them."""
    from artdesk.gui.table_model import COLUMNS, PLACED_BLOCKS

    model = ArtworkTableModel(services.catalog, inline_runner, block_size=1, max_blocks=2)
    before = _item_wrappers()
    for _ in range(4):
        for sort in ("title", "year"):
            model.update_query(sort=sort)
            for row in (*range(model.rowCount()), 0, 4, 2):
                model.request_rows(row, row)
    model.update_query(text="harb")
    assert model.data(model.index(0, COLUMN_INDEX["title"])) == "Harbour at Dawn"
    assert _item_wrappers() - before <= PLACED_BLOCKS * len(COLUMNS)


def test_cached_rows_are_kept_out_of_the_collectors_view(services, catalog_works, inline_runner):  # noqa: ANN001
    """The cache holds plain tuples, which the garbage collector stops tracking; artwork_at
    gives the same Artwork as the catalog."""
    import gc

    from artdesk.core.models import ArtistRef, Artwork

    def tracked() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, Artwork | ArtistRef))

    before = tracked()
    model = ArtworkTableModel(services.catalog, inline_runner, block_size=2)
    model.set_query(ArtworkQuery(sort="title"))
    for row in range(model.rowCount()):
        model.request_rows(row, row)
    assert model.loaded_row_count() == 5
    assert tracked() == before
    expected = services.catalog.list_artworks(ArtworkQuery(sort="title"), 0, 5)
    assert [model.artwork_at(r) for r in range(5)] == expected
    assert [a.artists for a in expected if len(a.artists) > 1]  # Night Ferry's two artists
    assert model.row_of(expected[3].id) == 3


def test_rows_removed_at_the_end_take_their_items_with_them(qtbot, services, catalog_works, runner):  # noqa: ANN001
    model = ArtworkTableModel(services.catalog, runner, block_size=4)
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        model.set_query(ArtworkQuery())
    model.request_rows(0, 4)
    qtbot.waitUntil(lambda: model.artwork_at(4) is not None, timeout=5000)
    before = _item_wrappers()
    for work in catalog_works[2:]:
        services.catalog.delete_artwork(work.id, source="test")
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    assert model.rowCount() == 2
    assert before - _item_wrappers() == 3 * model.columnCount()  # rows 2-4: row 4 in block 1
