"""The main window through its widgets: validation, create/edit/undo/delete, duplicates while
typing, changes made elsewhere, stale saves, the import dialog and restored window state."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from artdesk.gui.dialogs import settings_store
from artdesk.gui.main_window import MainWindow
from artdesk.gui.table_model import COLUMN_INDEX, ArtworkIdRole
from artdesk.services.catalog import ArtworkQuery

WAIT = 15000  # generous: CI machines are shared, and the PostgreSQL variant is slower


@pytest.fixture
def make_window(qtbot, services, runner, tmp_path):  # noqa: ANN001, ANN201
    made: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(
            services, runner, settings_store(tmp_path / "prefs"), catalog_label="test"
        )
        window.show()
        qtbot.waitUntil(lambda: window.model.loaded, timeout=WAIT)
        qtbot.waitUntil(
            lambda: window.editor.partner_box.count() > 0 or not services.catalog.list_partners(),
            timeout=WAIT,
        )
        made.append(window)
        return window

    yield make
    for window in made:  # closing with unsaved edits asks (a modal box): drop them first
        window.editor.set_empty()
        window.close()
        window.deleteLater()


@pytest.fixture
def window(make_window, catalog_works):  # noqa: ANN001, ANN201
    return make_window()


def _select(qtbot, window: MainWindow, row: int) -> int:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.model.artwork_at(row) is not None, timeout=WAIT)
    window.table.setCurrentIndex(window.model.index(row, COLUMN_INDEX["title"]))
    artwork_id = window.model.data(window.model.index(row, 0), ArtworkIdRole)
    qtbot.waitUntil(
        lambda: window.editor.artwork is not None and window.editor.artwork.id == artwork_id,
        timeout=WAIT,
    )
    return artwork_id


def _set_text(qtbot, widget, text: str) -> None:  # noqa: ANN001
    widget.clear()
    qtbot.keyClicks(widget, text)


def test_window_shows_the_catalog_with_status(qtbot, window, catalog_works):  # noqa: ANN001
    assert window.model.rowCount() == 5
    assert window.table.objectName() == "catalogTable"
    assert window.sidebar.objectName() == "sidebar"
    splitter = window.splitter  # sidebar | search, filters and table | editor
    assert splitter.count() == 3 and window.centralWidget() is splitter
    assert splitter.widget(0) is window.sidebar and splitter.widget(2) is window.editor
    assert splitter.widget(1).isAncestorOf(window.table)
    assert window.editor.tabs.widget(0).widget().isAncestorOf(window.editor.fields["title"])
    qtbot.waitUntil(lambda: window.count_status.text() == "5 works", timeout=WAIT)
    assert window.server_status.text() == "API: not available"
    qtbot.waitUntil(lambda: window.sync_status.text() == "Sync: never", timeout=WAIT)
    qtbot.waitUntil(lambda: window.sidebar.groups["partner"].childCount() == 1, timeout=WAIT)


def test_search_and_filters_run_in_the_database(qtbot, window, catalog_works):  # noqa: ANN001
    qtbot.keyClicks(window.search, "harb")
    qtbot.waitUntil(
        lambda: window.model.query.text == "harb" and window.model.rowCount() == 1, timeout=WAIT
    )
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=WAIT)
    window.availability_filter.setCurrentIndex(window.availability_filter.findData("sold"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)
    window.clear_filters()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=WAIT)
    # the sidebar filters too: an artist with three works
    qtbot.waitUntil(lambda: window.sidebar.groups["artist"].childCount() == 4, timeout=WAIT)
    berg = next(
        window.sidebar.groups["artist"].child(i)
        for i in range(4)
        if window.sidebar.groups["artist"].child(i).text(0) == "Anna Berg"
    )
    window.sidebar.setCurrentItem(berg)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=WAIT)
    assert window.artist_filter.text() == "Anna Berg"


def test_editor_validates_inline(qtbot, window, catalog_works):  # noqa: ANN001
    _select(qtbot, window, 0)
    editor = window.editor
    assert not editor.save_button.isEnabled()
    _set_text(qtbot, editor.fields["currency"].lineEdit(), "EURO")
    _set_text(qtbot, editor.fields["price"], "12.5")
    _set_text(qtbot, editor.fields["creation_year"], "3000")
    editor.fields["title"].clear()
    assert "ISO 4217" in editor.errors["currency"].text() and editor.errors["currency"].isVisible()
    assert "integer" in editor.errors["price"].text()
    assert "at most 2100" in editor.errors["creation_year"].text()
    assert editor.errors["title"].text() == "Missing required field: title"
    assert not editor.save_button.isEnabled()
    assert editor.status_label.text() == "4 problem(s) to fix"
    _set_text(qtbot, editor.fields["currency"].lineEdit(), "usd")
    _set_text(qtbot, editor.fields["price"], "12,500")
    _set_text(qtbot, editor.fields["creation_year"], "1999")
    _set_text(qtbot, editor.fields["title"], "Harbour at Dusk")
    assert not any(label.isVisible() for label in editor.errors.values())
    assert editor.save_button.isEnabled()


def test_create_edit_undo_and_delete_through_the_widgets(
    qtbot, window, services, partner, catalog_works
):  # noqa: ANN001
    catalog = services.catalog
    editor = window.editor
    # create
    window.new_action.trigger()
    assert editor.is_new
    _set_text(qtbot, editor.fields["title"], "Quiet Room")
    _set_text(qtbot, editor.artists_edit, "Mira Stone")
    _set_text(qtbot, editor.fields["creation_year"], "2021")
    _set_text(qtbot, editor.fields["price"], "4,000")
    assert editor.save_button.isEnabled()
    window.save_action.trigger()
    qtbot.waitUntil(lambda: editor.artwork is not None, timeout=WAIT)
    created = editor.artwork
    stored = catalog.get_artwork(created.id)
    assert (stored.title, stored.artist_name, stored.creation_year, stored.price) == (
        "Quiet Room",
        "Mira Stone",
        2021,
        4000,
    )
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=WAIT)
    # edit
    _set_text(qtbot, editor.fields["title"], "Quiet Room II")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 2, timeout=WAIT)
    assert catalog.get_artwork(created.id).title == "Quiet Room II"
    assert window.undo_stack.undoText() == "Edit “Quiet Room” (Title)"  # the label, not the key
    # undo the edit, then the creation; redo the creation
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: catalog.get_artwork(created.id).title == "Quiet Room", timeout=WAIT)
    qtbot.waitUntil(lambda: editor.fields["title"].text() == "Quiet Room", timeout=WAIT)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: catalog.count_artworks(ArtworkQuery()) == 5, timeout=WAIT)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: catalog.count_artworks(ArtworkQuery()) == 6, timeout=WAIT)
    assert catalog.get_artwork(created.id).title == "Quiet Room"
    # delete (no confirmation box in the test), then undo the delete
    window.open_artwork(created.id)
    # the work as stored now: the editor may still hold it from before the undo and redo, and
    # a delete of that version is refused as a conflict
    qtbot.waitUntil(
        lambda: (
            editor.artwork is not None
            and editor.artwork.id == created.id
            and editor.artwork.version == catalog.get_artwork(created.id).version
        ),
        timeout=WAIT,
    )
    window.delete_artwork(editor.artwork)
    qtbot.waitUntil(lambda: catalog.count_artworks(ArtworkQuery()) == 5, timeout=WAIT)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=WAIT)
    # the delete is on the undo stack once its write has come back (the row count may be first)
    qtbot.waitUntil(lambda: window.undo_stack.undoText().startswith("Delete"), timeout=WAIT)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: catalog.count_artworks(ArtworkQuery()) == 6, timeout=WAIT)
    assert catalog.get_artwork(created.id).artist_name == "Mira Stone"
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=WAIT)


def test_duplicate_warning_while_typing(qtbot, window, catalog_works):  # noqa: ANN001
    editor = window.editor
    window.new_work()
    _set_text(qtbot, editor.artists_edit, "anna berg")
    _set_text(qtbot, editor.fields["title"], "Harbour at Dawn")
    _set_text(qtbot, editor.fields["creation_year"], "1998")
    qtbot.waitUntil(lambda: editor.duplicates.isVisible(), timeout=WAIT)
    assert editor.duplicates.candidates == [catalog_works[0].id]
    different = editor.duplicates.findChildren(type(editor.save_button), "differentWork")
    assert len(different) == 1
    different[0].click()
    assert not editor.duplicates.isVisible()
    # a changed year no longer matches; back to the same year the dismissed one stays hidden
    _set_text(qtbot, editor.fields["creation_year"], "1999")
    qtbot.wait(500)
    assert not editor.duplicates.isVisible()


def test_open_a_duplicate_from_the_warning(qtbot, window, catalog_works, monkeypatch):  # noqa: ANN001
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Discard,
    )
    editor = window.editor
    window.new_work()
    _set_text(qtbot, editor.fields["title"], "Blue Study")
    _set_text(qtbot, editor.artists_edit, "Kenji Mori")
    _set_text(qtbot, editor.fields["creation_year"], "2004")
    qtbot.waitUntil(lambda: editor.duplicates.isVisible(), timeout=WAIT)
    editor.duplicates.findChildren(type(editor.save_button), "openDuplicate")[0].click()
    qtbot.waitUntil(
        lambda: editor.artwork is not None and editor.artwork.id == catalog_works[1].id,
        timeout=WAIT,
    )
    assert len(asked) == 1  # the typed draft is only dropped after asking


def test_a_change_from_another_thread_appears_without_losing_selection_or_edits(
    qtbot, window, services, partner, catalog_works
):  # noqa: ANN001
    editor = window.editor
    selected = _select(qtbot, window, 2)
    _set_text(qtbot, editor.fields["medium"], "oil on linen, unfinished")
    assert editor.is_dirty

    def write_elsewhere() -> None:
        services.catalog.create_artwork(
            {"title": "From the API"}, partner_id=partner.id, source="api"
        )
        services.catalog.update_artwork(
            catalog_works[0].id, {"title": "Harbour at Dawn (restored)"}, source="api"
        )

    thread = threading.Thread(target=write_elsewhere)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=1500)
    title = window.model.index(0, COLUMN_INDEX["title"])
    qtbot.waitUntil(lambda: window.model.data(title) == "Harbour at Dawn (restored)", timeout=1500)
    assert window.table.currentIndex().row() == 2
    assert window.model.data(window.table.currentIndex(), ArtworkIdRole) == selected
    assert editor.artwork.id == selected
    assert editor.fields["medium"].text() == "oil on linen, unfinished"
    assert editor.is_dirty


def test_a_stale_save_is_reported_with_the_choice_to_reload(qtbot, window, services, catalog_works):  # noqa: ANN001
    editor = window.editor
    artwork_id = _select(qtbot, window, 1)
    _set_text(qtbot, editor.fields["title"], "Blue Study (mine)")
    services.catalog.update_artwork(artwork_id, {"title": "Blue Study (theirs)"}, source="api")
    qtbot.waitUntil(lambda: editor.banner.isVisible(), timeout=WAIT)  # told before saving
    editor.save()
    qtbot.waitUntil(
        lambda: getattr(editor, "stale_box", None) is not None and editor.stale_box.isVisible(),
        timeout=WAIT,
    )
    assert services.catalog.get_artwork(artwork_id).title == "Blue Study (theirs)"
    reload = next(b for b in editor.stale_box.buttons() if b.text() == "Reload")
    reload.click()
    qtbot.waitUntil(lambda: editor.fields["title"].text() == "Blue Study (theirs)", timeout=WAIT)
    assert not editor.is_dirty


def test_fingerprint_warning_for_a_synced_work(qtbot, window, services, catalog_works):  # noqa: ANN001
    services.catalog.mark_synced([catalog_works[3].id])
    editor = window.editor
    _select(qtbot, window, 3)
    assert editor.fingerprint_label.text().startswith("Fingerprint: ")
    assert not editor.fingerprint_warning.isVisible()
    _set_text(qtbot, editor.fields["medium"], "c-print")
    assert not editor.fingerprint_warning.isVisible()  # medium is not part of the fingerprint
    _set_text(qtbot, editor.fields["creation_year"], "2018")
    assert editor.fingerprint_warning.isVisible()
    assert "synced" in editor.fingerprint_warning.text()


def test_editions_and_genes(qtbot, window, services, catalog_works, monkeypatch):  # noqa: ANN001
    editor = window.editor
    artwork_id = _select(qtbot, window, 0)
    from artdesk.gui import panels

    monkeypatch.setattr(
        panels.EditionDialog,
        "exec",
        lambda self: (
            self.label.setText("Prints"),
            self.size.setText("10"),
            self.available.setText("1-3"),
            1,
        )[-1],
    )
    editor.editions.add()
    qtbot.waitUntil(lambda: editor.editions.table.rowCount() == 1, timeout=WAIT)
    edition = services.catalog.list_editions(artwork_id)[0]
    assert (edition.label, edition.size, edition.available_editions) == ("Prints", 10, ("1-3",))
    editor.editions.table.selectRow(0)
    editor.editions.remove_selected()
    qtbot.waitUntil(lambda: editor.editions.table.rowCount() == 0, timeout=WAIT)
    editor.genes.add_row("Seascape", 80)
    editor.genes.save()
    qtbot.waitUntil(
        lambda: (
            [(g.name, g.value) for g in services.catalog.get_artwork(artwork_id).genes]
            == [("Seascape", 80)]
        ),
        timeout=WAIT,
    )


def test_window_state_is_restored(qtbot, make_window, catalog_works):  # noqa: ANN001
    first = make_window()
    first.table.horizontalHeader().resizeSection(COLUMN_INDEX["title"], 333)
    first.table.sortByColumn(COLUMN_INDEX["year"], Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: first.model.query.sort == "year", timeout=WAIT)
    first.close()
    second = make_window()
    assert second.table.horizontalHeader().sectionSize(COLUMN_INDEX["title"]) == 333
    assert second.model.query.sort == "year" and second.model.query.descending


def test_closing_with_unsaved_edits_asks(qtbot, window, catalog_works, monkeypatch):  # noqa: ANN001
    _select(qtbot, window, 0)
    _set_text(qtbot, window.editor.fields["title"], "Changed")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()


def test_images_are_added_and_a_broken_file_is_refused(
    qtbot, window, services, catalog_works, tmp_path
):  # noqa: ANN001
    from PIL import Image

    good = tmp_path / "work.png"
    Image.new("RGB", (320, 200), (180, 40, 40)).save(good)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not a jpeg at all")
    editor = window.editor
    artwork_id = _select(qtbot, window, 0)
    editor.images.add_files([str(broken)])
    qtbot.waitUntil(lambda: not editor.images.error.isHidden(), timeout=WAIT)
    assert "broken.jpg was refused" in editor.images.error.text()
    editor.images.add_files([str(good)])
    qtbot.waitUntil(lambda: editor.images.list.count() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: not editor.images.list.item(0).icon().isNull(), timeout=WAIT)
    assert len(services.catalog.get_artwork(artwork_id).images) == 1


def test_the_side_lists_are_read_after_the_first_rows(qtbot, services, catalog_works, tmp_path):  # noqa: ANN001
    """The table's count and first rows go to the read pool first, once the window has been
    painted; the sidebar, the filter choices (with the artist names) and the sync state once
    those rows are shown."""
    from artdesk.gui.tasks import TaskRunner

    class LoggingRunner(TaskRunner):
        def __init__(self) -> None:
            super().__init__()
            self.reads: list[tuple[str | None, bool]] = []
            self.window: MainWindow | None = None

        def read(self, fn, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
            shown = self.window is not None and self.window.model.loaded
            self.reads.append((kwargs.get("key"), shown))
            return super().read(fn, *args, **kwargs)

    runner = LoggingRunner()
    try:
        window = MainWindow(services, runner, settings_store(tmp_path / "prefs"))
        assert runner.reads == []
        runner.window = window
        window.table.first_painted.connect(lambda: runner.reads.append(("(painted)", False)))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.sidebar.groups["artist"].childCount() == 4, timeout=WAIT)
        qtbot.waitUntil(lambda: window.sync_status.text() == "Sync: never", timeout=WAIT)
        qtbot.waitUntil(
            lambda: window.editor.artist_completer.model().rowCount() == 4, timeout=WAIT
        )
        keys = [key for key, _ in runner.reads]
        assert keys[:3] == ["(painted)", "artwork-count", None]  # the count, then the first block
        side = {"sidebar", "filter-choices", "sync-status"}  # (the artist names with the filters)
        assert side <= set(keys)
        assert "editor-artist-names" not in keys  # read once, for the filter bar and the editor
        assert all(shown for key, shown in runner.reads if key in side)
        # an artist made elsewhere reaches the editor's completion with the filter choices
        services.catalog.create_artist("Nora Quist", source="test")
        completion = window.editor.artist_completer.model()
        qtbot.waitUntil(lambda: "Nora Quist" in completion.stringList(), timeout=WAIT)
        window.close()
    finally:
        runner.stop()


def test_what_start_up_keeps_is_frozen_once_the_sidebar_is_in(qtbot, make_window, catalog_works):  # noqa: ANN001
    import gc

    from artdesk.gui.application import freeze_when_settled

    window = make_window()
    gc.unfreeze()
    try:
        freeze_when_settled(window)
        assert gc.get_freeze_count() == 0
        window.sidebar.reload()  # as the first rows being shown does
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=WAIT)
        item = window.sidebar.groups["artist"].child(0)
        # frozen: out of the generations a collection walks (gc.get_objects lists those)
        assert not any(o is window.sidebar or o is item for o in gc.get_objects())
        del item
        frozen = gc.get_freeze_count()
        window.sidebar.reload()  # once only
        qtbot.waitUntil(lambda: window.sidebar.groups["artist"].childCount() == 4, timeout=WAIT)
        assert gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_artist_completion_completes_the_artist_after_the_last_separator(
    qtbot, window, catalog_works
):  # noqa: ANN001
    editor = window.editor
    completer = editor.artist_completer
    qtbot.waitUntil(lambda: "Kenji Mori" in completer.model().stringList(), timeout=WAIT)
    window.new_work()
    editor.artists_edit.setFocus()
    qtbot.keyClicks(editor.artists_edit, "Anna Berg; ken")
    # only the artist being typed is matched, not the whole field
    assert completer.completionCount() == 1
    # choosing it keeps the artists before it
    assert completer.currentCompletion() == "Anna Berg; Kenji Mori"
