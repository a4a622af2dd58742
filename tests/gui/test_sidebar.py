"""The sidebar: its groups list the catalog's partners and artists, refilled after changes."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QTreeWidgetItem

from artdesk.gui.sidebar import Sidebar


def _tree_items() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, QTreeWidgetItem))


def test_refilling_lets_the_old_items_go(qtbot, services, catalog_works, inline_runner):  # noqa: ANN001
    sidebar = Sidebar(services.catalog, inline_runner)
    qtbot.addWidget(sidebar)
    sidebar.reload()
    artists = sidebar.groups["artist"]
    assert sorted(artists.child(i).text(0) for i in range(artists.childCount())) == [
        "Anna Berg",
        "Kenji Mori",
        "Lea Vogt",
        "Omar Haddad",
    ]
    after_first = _tree_items()
    for _ in range(5):
        sidebar.reload()
    services.catalog.create_artwork(
        {"title": "Late Addition"},
        partner_id=catalog_works[0].partner_id,
        source="test",
        artists=["Nora Quist"],
    )
    sidebar.reload()
    assert artists.childCount() == 5
    assert _tree_items() - after_first == 1  # the new artist's item, nothing left of the refills
