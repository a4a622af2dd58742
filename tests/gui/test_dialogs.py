"""Dialogs on real catalogs: import a small CSV with a preview and a rejection report,
API keys created once and revoked, collections reordered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from artdesk.gui.dialogs import (
    ApiServerDialog,
    EntitiesDialog,
    ImportDialog,
    PreferencesDialog,
    settings_store,
)
from artdesk.services.catalog import ArtworkQuery

WAIT = 15000  # generous: CI machines are shared, and the PostgreSQL variant is slower

CSV = """title,artist_name,creation_year,medium,price,currency
Harbour at Dawn,Anna Berg,1998,oil on canvas,12000,EUR
Blue Study,Kenji Mori,2004,gouache,3500,USD
Bad Price,Lea Vogt,2010,ink,lots,EUR
Bad Currency,Omar Haddad,1987,acrylic,100,EURO
"""


def test_import_dialog_previews_imports_and_reports(qtbot, services, partner, runner, tmp_path):  # noqa: ANN001
    path = tmp_path / "works.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = ImportDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.partner.count() == 2, timeout=WAIT)
    dialog.set_path(str(path))
    qtbot.waitUntil(lambda: dialog.preview_table.rowCount() == 4, timeout=WAIT)
    assert dialog.columns == [
        "title",
        "artist_name",
        "creation_year",
        "medium",
        "price",
        "currency",
    ]
    assert dialog.preview_table.item(0, 0).text() == "Harbour at Dawn"
    mapped = {
        dialog.mapping.item(r, 0).text(): dialog.mapping.item(r, 1).text()
        for r in range(dialog.mapping.rowCount())
    }
    assert mapped["title"] == "title" and mapped["creation_year"] == "creation_year"
    dialog.partner.setCurrentIndex(dialog.partner.findData(partner.slug))
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT) as blocker:
        dialog.import_button.click()
    result = blocker.args[0]
    assert (result.created, result.rejected) == (2, 2)
    assert services.catalog.count_artworks(ArtworkQuery()) == 2
    assert dialog.report.isVisible() and dialog.report.rowCount() == 2
    reasons = " ".join(dialog.report.item(r, 2).text() for r in range(2))
    assert "price" in reasons and "currency" in reasons
    assert "2 created" in dialog.status.text() and "2 rejected" in dialog.status.text()


def test_import_dialog_reports_an_unreadable_file(qtbot, services, runner, tmp_path):  # noqa: ANN001
    path = tmp_path / "broken.csv.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    dialog = ImportDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.set_path(str(path))
    qtbot.waitUntil(
        lambda: "not readable" in dialog.status.text() or "could not" in dialog.status.text(),
        timeout=WAIT,
    )


def test_api_keys_are_shown_once_and_revoked(qtbot, services, partner, runner, monkeypatch):  # noqa: ANN001
    dialog = ApiServerDialog(services, runner, None)
    qtbot.addWidget(dialog)
    assert not dialog.toggle.isEnabled()  # no server hook given
    qtbot.waitUntil(lambda: dialog.key_partner.count() == 1, timeout=WAIT)
    dialog.key_label.setText("website")
    dialog.create_key()
    qtbot.waitUntil(lambda: dialog.secret.text().startswith("ak_live_"), timeout=WAIT)
    secret = dialog.secret.text()
    assert services.keys.verify(secret) is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    dialog._copy()
    assert dialog.secret.text() == "" and not dialog.secret.isVisible()
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(0)
    dialog.revoke_selected()
    qtbot.waitUntil(
        lambda: dialog.table.item(0, 5) is not None and dialog.table.item(0, 5).text() == "revoked",
        timeout=WAIT,
    )
    assert services.keys.verify(secret) is None


def test_collection_order_is_saved(qtbot, services, partner, catalog_works, runner):  # noqa: ANN001
    coll = services.catalog.create_collection("Spring fair", source="test")
    ids = [w.id for w in catalog_works[:3]]
    services.catalog.set_collection_items(coll.id, ids, source="test")
    dialog = EntitiesDialog(services, runner, tab="collections")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.collections.count() == 1, timeout=WAIT)
    dialog.collections.setCurrentRow(0)
    qtbot.waitUntil(lambda: dialog.items.count() == 3, timeout=WAIT)
    moved = dialog.items.takeItem(2)  # what a drag to the top does
    dialog.items.insertItem(0, moved)
    assert dialog.item_ids() == [ids[2], ids[0], ids[1]]
    dialog.save_items()
    qtbot.waitUntil(
        lambda: services.catalog.collection_artwork_ids(coll.id) == [ids[2], ids[0], ids[1]],
        timeout=WAIT,
    )


def test_partners_are_added(qtbot, services, runner):  # noqa: ANN001
    dialog = EntitiesDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.partner_name.setText("Kunsthalle Süd")
    dialog.partner_type.setCurrentIndex(dialog.partner_type.findData("museum"))
    dialog.add_partner()
    qtbot.waitUntil(lambda: dialog.partners.rowCount() == 1, timeout=WAIT)
    assert [(p.name, p.type) for p in services.catalog.list_partners()] == [
        ("Kunsthalle Süd", "museum")
    ]


def test_preferences_are_stored(qtbot, tmp_path):  # noqa: ANN001
    store = settings_store(tmp_path)
    dialog = PreferencesDialog(store)
    qtbot.addWidget(dialog)
    dialog.thumb.setValue(64)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.accept()
    again = settings_store(tmp_path)
    assert int(again.value("view/thumbnail_size")) == 64 and again.value("view/theme") == "dark"
    assert dialog.theme.itemData(0, Qt.ItemDataRole.UserRole) == "system"
