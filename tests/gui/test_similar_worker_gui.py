"""The window with the similarity engine in its worker process, as the desktop app runs it:
likely duplicates while typing and the Similar tab come from the worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from artdesk.gui.dialogs import settings_store
from artdesk.gui.main_window import MainWindow
from artdesk.gui.table_model import COLUMN_INDEX
from artdesk.services.similar_worker import SimilarWorkerProxy

WAIT = 15000
PAGE = "Page from the Harbour Sketchbook"


@pytest.fixture
def services(catalog_path: Path, tmp_path: Path):  # noqa: ANN201
    """A SQLite catalog opened as ``run_desktop`` opens it (overrides the shared fixture)."""
    from artdesk.services.container import open_services

    svc = open_services(f"sqlite:///{catalog_path}", tmp_path / "files", similar_worker=True)
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def window(qtbot, services, runner, catalog_works, tmp_path):  # noqa: ANN001, ANN201
    assert isinstance(services.similar, SimilarWorkerProxy)
    services.similar.ensure_index(background=False)  # the works were written after it started
    win = MainWindow(services, runner, settings_store(tmp_path / "prefs"), catalog_label="test")
    win.show()
    qtbot.waitUntil(lambda: win.model.loaded, timeout=WAIT)
    qtbot.waitUntil(lambda: win.editor.partner_box.count() > 0, timeout=WAIT)
    yield win
    win.editor.set_empty()
    win.close()
    win.deleteLater()


def test_duplicates_while_typing_and_similar_works_from_the_worker(
    qtbot, window, services, catalog_works
):  # noqa: ANN001
    editor = window.editor
    window.new_work()
    # Not the same fingerprint (spelling differs): only the similarity engine finds it.
    qtbot.keyClicks(editor.artists_edit, "Anna Berg")
    qtbot.keyClicks(editor.fields["title"], "Harbor at Dawn")
    qtbot.keyClicks(editor.fields["creation_year"], "1998")
    qtbot.waitUntil(lambda: editor.duplicates.isVisible(), timeout=WAIT)
    assert catalog_works[0].id in editor.duplicates.candidates
    editor.set_empty()

    row = next(
        r
        for r in range(window.model.rowCount())
        if window.model.artwork_at(r) is not None
        and window.model.artwork_at(r).id == catalog_works[0].id
    )
    window.table.setCurrentIndex(window.model.index(row, COLUMN_INDEX["title"]))
    panel = editor.similar_panel
    qtbot.waitUntil(lambda: panel.list.count() > 0, timeout=WAIT)
    expected = [n.id for n in services.similar.similar(catalog_works[0].id, 8)]
    shown = [panel.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.list.count())]
    assert shown == [i for i in expected if i != catalog_works[0].id][: len(shown)]


def test_the_size_typed_ranks_the_likely_duplicates(qtbot, window, services, partner):  # noqa: ANN001
    # two pages of one sketchbook: the same artist, title and year, told apart by their size
    # (the catalog reads each page's size in cm from its dimensions text, the editor the draft's)
    pages = [
        services.catalog.create_artwork(
            {"title": PAGE, "creation_year": 1901, "dimensions": dims, "category": "drawing"},
            partner_id=partner.id,
            source="test",
            artists=["Anna Berg"],
        )
        for dims in ("20.3 x 15.1 cm", "40.5 x 30.2 cm")
    ]
    services.similar.ensure_index(background=False)
    editor = window.editor
    for typed, first in (("40.5 × 30.2 cm", pages[1]), ("20.3 × 15.1 cm", pages[0])):
        window.new_work()
        qtbot.keyClicks(editor.artists_edit, "Berg, Anna")
        qtbot.keyClicks(editor.fields["title"], "Page from the Harbour Skecthbook")
        qtbot.keyClicks(editor.fields["date_text"], "c. 1901")
        qtbot.keyClicks(editor.fields["dimensions"], typed)
        qtbot.waitUntil(
            lambda first=first: editor.duplicates.candidates[:1] == [first.id], timeout=WAIT
        )
        # the other page, another size, is not offered
        assert not {p.id for p in pages if p is not first} & set(editor.duplicates.candidates)
        editor.set_empty()
