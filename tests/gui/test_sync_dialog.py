"""The sync dialog against a real artdesk server on 127.0.0.1: a remote added through the form,
the plan with a group of works sharing a fingerprint and its decision, push, pull into the
window's table, conflicts resolved side by side (theirs, mine, edit), and a cancelled push that
leaves both catalogs consistent."""

from __future__ import annotations

import threading

import httpx
import pytest

from artdesk.gui.dialogs import settings_store
from artdesk.gui.main_window import MainWindow
from artdesk.gui.sync_dialog import SyncDialog
from tests.sync.conftest import (  # noqa: F401 - fixtures
    SharedTransport,
    add_works,
    by_title,
    central,
    edited_on_both,
    make_desk,
)

WAIT = 20000


def _titles(services) -> list[str]:  # noqa: ANN001
    return sorted(w.title for w in services.catalog.list_artworks(limit=1000))


@pytest.fixture
def runner(make_desk, runner):  # noqa: ANN001, ANN201, F811
    """tests/gui/conftest.py's runner, set up after make_desk: so it stops (its running reads
    and writes done) before the desks they work on are closed, as the app shuts down."""
    return runner


@pytest.fixture
def window_for(qtbot, runner, tmp_path):  # noqa: ANN001, ANN201
    made: list[MainWindow] = []

    def make(desk) -> MainWindow:  # noqa: ANN001
        window = MainWindow(desk, runner, settings_store(tmp_path / "prefs"), catalog_label="desk")
        window.show()
        qtbot.waitUntil(lambda: window.model.loaded, timeout=WAIT)
        made.append(window)
        return window

    yield make
    for window in made:
        window.editor.set_empty()
        window.close()
        window.store.deleteLater()  # parentless, in a cycle with the window's wrapper
        window.deleteLater()
    made.clear()


def _open_dialog(qtbot, window: MainWindow) -> SyncDialog:  # noqa: ANN001
    window.sync_action.trigger()
    dialog = window.findChild(SyncDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.remotes_table.rowCount() == len(dialog.remotes), timeout=WAIT)
    return dialog


def _run(qtbot, dialog: SyncDialog, button) -> list:  # noqa: ANN001
    dialog.reports = None
    with qtbot.waitSignal(dialog.synced, timeout=WAIT) as blocker:
        button.click()
    assert blocker.args[0], dialog.status.text()
    return blocker.args[0]


def test_add_remote_plan_groups_push_and_pull(qtbot, central, make_desk, window_for, tmp_path):  # noqa: ANN001, F811
    desk = make_desk("desk")
    pid = desk.catalog.list_partners()[0].id
    for _ in range(3):
        desk.catalog.create_artwork(
            {"title": "Untitled", "creation_year": 1969},
            partner_id=pid,
            source="test",
            artists=["Agnes Martin"],
        )
    add_works(desk, 2)
    window = window_for(desk)
    qtbot.waitUntil(lambda: window.sync_status.text() == "Sync: never", timeout=WAIT)
    dialog = _open_dialog(qtbot, window)
    assert dialog.remotes == [] and not dialog.push_button.isEnabled()

    # Add the remote through the form; the secret goes to the service's store, not the catalog.
    qtbot.keyClicks(dialog.name_edit, "central")
    qtbot.keyClicks(dialog.url_edit, central.address)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("artdesk"))
    qtbot.keyClicks(dialog.token_edit, central.key)
    with qtbot.waitSignal(dialog.plan_loaded, timeout=WAIT) as blocker:
        dialog.add_button.click()
    plan = blocker.args[0]
    assert [r.name for r in desk.sync.list_remotes()] == ["central"]
    assert dialog.remotes_table.item(0, 0).text() == "central"
    assert dialog.remotes_table.item(0, 1).text() == "artdesk"
    assert dialog.remote_name == "central"
    assert "secret" in dialog.status.text() and dialog.token_edit.text() == ""
    assert central.key.encode() not in (tmp_path / "desk.sqlite").read_bytes()

    # The plan: two creates and one group of three works sharing a fingerprint.
    assert len(plan.push.creates) == 2 and len(plan.groups) == 1
    assert "create 2" in dialog.plan_label.text() and "1 group" in dialog.plan_label.text()
    assert dialog.groups_table.rowCount() == 1
    assert "Untitled" in dialog.groups_table.item(0, 0).text()
    assert dialog.groups_table.item(0, 1).text().count("Untitled") == 3
    box = dialog.decision_box(plan.groups[0].fingerprint)
    assert box.currentData() == "skip"  # nothing is merged without a decision
    box.setCurrentIndex(box.findData("each"))
    assert dialog.decisions() == {plan.groups[0].fingerprint: "each"}

    (report,) = _run(qtbot, dialog, dialog.push_button)
    assert report.status == "done" and report.counts["created"] == 5
    assert _titles(central.services) == ["Untitled"] * 3 + ["Work 0", "Work 1"]
    assert "Push: done" in dialog.status.text()
    qtbot.waitUntil(lambda: window.sync_status.text().startswith("Last sync:"), timeout=WAIT)
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.push.empty, timeout=WAIT)
    assert dialog.groups_table.rowCount() == 0
    qtbot.waitUntil(lambda: dialog.remotes_table.item(0, 3).text() == "5", timeout=WAIT)

    # A remote edit and a remote new work come back with a pull; the window's table follows.
    remote = by_title(central.services)["Work 0"]
    central.services.catalog.update_artwork(remote.id, {"medium": "Ink on paper"}, source="test")
    central.services.catalog.create_artwork(
        {"title": "From the Gallery", "creation_year": 2001},
        partner_id=central.partner_id,
        source="test",
        artists=["Lea Vogt"],
    )
    (report,) = _run(qtbot, dialog, dialog.pull_button)
    assert report.direction == "pull" and report.status == "done"
    assert by_title(desk)["Work 0"].medium == "Ink on paper"
    assert "From the Gallery" in _titles(desk)
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=WAIT)

    # Removing the remote forgets it (and its secret). The pull's own reload of the remotes may
    # still be on its way (it lists "central"), so wait for the table, not the next reload.
    dialog.remove("central")
    qtbot.waitUntil(lambda: dialog.remotes == [], timeout=WAIT)
    assert desk.sync.list_remotes() == [] and dialog.remotes_table.rowCount() == 0
    dialog.close()


def test_conflicts_side_by_side_theirs_mine_and_edit(qtbot, runner, central, make_desk):  # noqa: ANN001, F811
    a, b, wa, wb = edited_on_both(central, make_desk, 3)
    a.catalog.update_artwork(wa["Work 2"].id, {"price": 111}, source="gui")
    b.catalog.update_artwork(wb["Work 2"].id, {"price": 222}, source="gui")
    a.sync.sync("central")

    dialog = SyncDialog(b, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.remote_name == "central", timeout=WAIT)
    dialog.tabs.setCurrentIndex(1)
    _run(qtbot, dialog, dialog.sync_button)
    qtbot.waitUntil(lambda: len(dialog.conflicts) == 3, timeout=WAIT)
    assert dialog.conflicts_table.rowCount() == 3
    assert dialog.tabs.tabText(2) == "Conflicts (3)"
    # Until resolved, the local values stay (and the remote keeps its own).
    assert by_title(b)["Work 0"].medium == "B0"
    assert by_title(central.services)["Work 0"].medium == "A0"
    by_work = {c.title: c for c in dialog.conflicts}

    def side_by_side() -> list[str]:
        return [dialog.side_by_side.item(0, c).text() for c in range(4)]

    # Theirs: the local work takes the remote's value.
    dialog.select_conflict(by_work["Work 0"].id)
    assert side_by_side() == ["Medium", "B0", "A0", "Oil on canvas"]
    with qtbot.waitSignal(dialog.resolved, timeout=WAIT):
        dialog.theirs_button.click()
    assert by_title(b)["Work 0"].medium == "A0"
    qtbot.waitUntil(lambda: len(dialog.conflicts) == 2, timeout=WAIT)

    # Mine: the local value stays, and the next sync sends it.
    dialog.select_conflict(by_work["Work 1"].id)
    assert side_by_side() == ["Medium", "B1", "A1", "Oil on canvas"]
    with qtbot.waitSignal(dialog.resolved, timeout=WAIT):
        dialog.mine_button.click()
    assert by_title(b)["Work 1"].medium == "B1"
    assert by_title(central.services)["Work 1"].medium == "A1"
    qtbot.waitUntil(lambda: len(dialog.conflicts) == 1, timeout=WAIT)

    # Edit: a typed value (a number for a price).
    dialog.select_conflict(by_work["Work 2"].id)
    assert side_by_side() == ["Price", "222", "111", "1002"]
    assert dialog.edit_value.text() == "222"
    dialog.edit_value.clear()
    qtbot.keyClicks(dialog.edit_value, "150")
    with qtbot.waitSignal(dialog.resolved, timeout=WAIT):
        dialog.edit_button.click()
    assert by_title(b)["Work 2"].price == 150
    qtbot.waitUntil(lambda: dialog.conflicts == [], timeout=WAIT)
    assert dialog.tabs.tabText(2) == "Conflicts"
    assert not dialog.mine_button.isEnabled()

    _run(qtbot, dialog, dialog.sync_button)
    a.sync.sync("central")
    for desk in (a, b, central.services):
        got = by_title(desk)
        assert (got["Work 0"].medium, got["Work 1"].medium, got["Work 2"].price) == (
            "A0",
            "B1",
            150,
        ), desk
    assert b.sync.conflicts() == [] and a.sync.conflicts() == []


class GatedTransport(SharedTransport):
    """Lets the first ``free`` artwork writes through, then holds every later one until the
    test opens the gate (so a push is reliably still running when Cancel is clicked)."""

    def __init__(self, free: int) -> None:
        super().__init__()
        self.free = free
        self.lock = threading.Lock()
        self.writes = 0
        self.held = threading.Event()
        self.gate = threading.Event()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert request.url.host == "127.0.0.1"
        if request.method in ("POST", "PUT") and "/artworks" in request.url.path:
            with self.lock:
                self.writes += 1
                hold = self.writes > self.free
            if hold:
                self.held.set()
                self.gate.wait(30)
        return self.inner.handle_request(request)


def test_cancel_a_running_push_leaves_the_catalogs_consistent(qtbot, runner, central, make_desk):  # noqa: ANN001, F811
    gated = GatedTransport(free=6)
    desk = make_desk("desk", central, transport=gated)
    add_works(desk, 40)
    dialog = SyncDialog(desk, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(
        lambda: dialog.plan is not None and len(dialog.plan.push.creates) == 40, timeout=WAIT
    )
    dialog.tabs.setCurrentIndex(1)
    dialog.push_button.click()
    assert not dialog.push_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(gated.held.is_set, timeout=WAIT)
    qtbot.waitUntil(lambda: "Pushing" in dialog.progress_label.text(), timeout=WAIT)
    assert " of 40" in dialog.progress_label.text()
    dialog.cancel_button.click()
    assert "cancelling" in dialog.progress_label.text()
    with qtbot.waitSignal(dialog.synced, timeout=WAIT) as blocker:
        gated.gate.set()
    (report,) = blocker.args[0]
    assert report.status == "cancelled"
    assert "cancelled" in dialog.status.text()
    assert dialog.push_button.isEnabled() and not dialog.cancel_button.isEnabled()

    # What was sent is linked; the rest is still planned; nothing is lost or doubled.
    on_remote = central.services.catalog.count_artworks()
    assert 6 <= on_remote < 40
    assert len(set(_titles(central.services))) == on_remote
    assert desk.catalog.count_artworks() == 40
    qtbot.waitUntil(
        lambda: dialog.plan is not None and len(dialog.plan.push.creates) == 40 - on_remote,
        timeout=WAIT,
    )
    (report,) = _run(qtbot, dialog, dialog.push_button)
    assert report.status == "done"
    assert _titles(central.services) == _titles(desk)
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.push.empty, timeout=WAIT)


def test_bad_input_and_an_unreachable_remote_give_clear_errors(qtbot, runner, make_desk):  # noqa: ANN001, F811
    import socket

    desk = make_desk("desk")
    dialog = SyncDialog(desk, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan_label.text().startswith("No remote"), timeout=WAIT)
    qtbot.keyClicks(dialog.name_edit, "central")
    qtbot.keyClicks(dialog.url_edit, "ftp://example")
    qtbot.keyClicks(dialog.token_edit, "secret")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: "http(s)://" in dialog.status.text(), timeout=WAIT)
    assert desk.sync.list_remotes() == [] and dialog.add_button.isEnabled()
    assert dialog.name_edit.text() == "central"  # what was typed stays, to correct it

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, f"http://127.0.0.1:{port}")
    with qtbot.waitSignal(dialog.remotes_loaded, timeout=WAIT):
        dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.pull_button.isEnabled(), timeout=WAIT)
    with qtbot.waitSignal(dialog.synced, timeout=WAIT) as blocker:
        dialog.pull_button.click()
    assert blocker.args[0] == []
    assert dialog.status.text() and "Traceback" not in dialog.status.text()
    assert dialog.pull_button.isEnabled() and not dialog.run_panel.isVisible()
    assert [r.direction for r in desk.sync.log("central")] == ["pull"]
    assert desk.sync.log("central")[0].status == "failed"


def test_closing_the_dialog_mid_sync_stops_the_run(qtbot, runner, central, make_desk):  # noqa: ANN001, F811
    from PySide6.QtCore import Qt

    gated = GatedTransport(free=4)
    desk = make_desk("desk", central, transport=gated)
    add_works(desk, 30)
    dialog = SyncDialog(desk, runner)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
    dialog.push_button.click()
    qtbot.waitUntil(gated.held.is_set, timeout=WAIT)
    dialog.close()
    gated.gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
    (run,) = desk.sync.log("central")
    assert run.status == "cancelled"
    report = desk.sync.push("central")
    assert report.status == "done"
    assert _titles(central.services) == _titles(desk)


def test_a_hal_remote_is_added_and_pulled_only(qtbot, runner, central, make_desk, window_for):  # noqa: ANN001, F811
    """A HAL remote (kind artsy): the artdesk server's /api on 127.0.0.1, added through the
    form with a client id and secret, pulled (never pushed) into the window's table, with a
    field edited on both sides shown as a conflict and resolved from the dialog."""
    cat = central.services.catalog
    museum = cat.create_partner("Museum Süd", type="museum")
    for i in range(3):
        cat.create_artwork(
            {"title": f"Nord {i}", "creation_year": 1990 + i, "medium": "Oil", "published": True},
            partner_id=central.partner_id,
            source="test",
            artists=["Lea Vogt"],
        )
    cat.create_artwork(
        {"title": "Nord draft", "creation_year": 2020, "published": False},
        partner_id=central.partner_id,
        source="test",
        artists=["Lea Vogt"],
    )
    cat.create_artwork(
        {"title": "Museum piece", "creation_year": 1920, "published": True},
        partner_id=museum.id,
        source="test",
        artists=["Ana Ortiz"],
    )
    cat.create_artwork(
        {"title": "Museum secret", "creation_year": 1921, "published": False},
        partner_id=museum.id,
        source="test",
        artists=["Ana Ortiz"],
    )
    (key,) = central.services.keys.list(central.partner_id)
    desk = make_desk("desk", partner=False)
    window = window_for(desk)
    dialog = _open_dialog(qtbot, window)

    qtbot.keyClicks(dialog.name_edit, "hal")
    qtbot.keyClicks(dialog.url_edit, f"{central.address}/api")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("artsy"))
    assert not dialog.token_edit.isEnabled() and dialog.client_id_edit.isEnabled()
    qtbot.keyClicks(dialog.client_id_edit, key.prefix)
    qtbot.keyClicks(dialog.client_secret_edit, central.key)
    with qtbot.waitSignal(dialog.plan_loaded, timeout=WAIT) as blocker:
        dialog.add_button.click()
    assert blocker.args[0].push.empty
    (remote,) = desk.sync.list_remotes()
    assert (remote.name, remote.kind) == ("hal", "artsy")
    assert dialog.client_secret_edit.text() == ""
    assert "pull only" in dialog.plan_label.text()
    assert dialog.pull_button.isEnabled() and not dialog.push_button.isEnabled()

    # The pull: the published works of every partner and the key's own draft, each in the
    # local partner with its remote partner's slug; the museum's draft stays there.
    (report,) = _run(qtbot, dialog, dialog.pull_button)
    assert report.direction == "pull" and report.status == "done"
    assert report.counts["created"] == 5
    assert _titles(desk) == ["Museum piece", "Nord 0", "Nord 1", "Nord 2", "Nord draft"]
    assert {p.slug for p in desk.catalog.list_partners()} == {"galerie-nord", "museum-sud"}
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=WAIT)

    # The same field edited on both sides: a conflict, side by side; "theirs" takes the remote's.
    there = {a.title: a for a in cat.list_artworks(limit=50)}
    here = by_title(desk)
    cat.update_artwork(there["Nord 0"].id, {"medium": "Tempera"}, source="test")
    cat.update_artwork(there["Nord 1"].id, {"medium": "Gouache"}, source="test")
    desk.catalog.update_artwork(here["Nord 0"].id, {"medium": "Ink"}, source="gui")
    dialog.tabs.setCurrentIndex(1)
    reports = _run(qtbot, dialog, dialog.sync_button)  # pulls only: nothing to push to HAL
    assert [r.direction for r in reports] == ["pull"]
    assert by_title(desk)["Nord 1"].medium == "Gouache"
    qtbot.waitUntil(lambda: len(dialog.conflicts) == 1, timeout=WAIT)
    (conflict,) = dialog.conflicts
    dialog.select_conflict(conflict.id)
    row = [dialog.side_by_side.item(0, c).text() for c in range(4)]
    assert row == ["Medium", "Ink", "Tempera", "Oil"]
    assert by_title(desk)["Nord 0"].medium == "Ink"  # until resolved, the local value stays
    with qtbot.waitSignal(dialog.resolved, timeout=WAIT):
        dialog.theirs_button.click()
    assert by_title(desk)["Nord 0"].medium == "Tempera"
    qtbot.waitUntil(lambda: dialog.conflicts == [], timeout=WAIT)
    (again,) = _run(qtbot, dialog, dialog.pull_button)
    assert set(again.counts) == {"unchanged"}
    assert cat.count_artworks() == 6  # nothing was written to the remote
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)  # the reloads after the pull
    qtbot.wait(50)
    dialog.close()
