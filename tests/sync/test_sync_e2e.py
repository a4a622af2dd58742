"""End to end: desk catalogs syncing through a central artdesk server on 127.0.0.1 (port 0)."""

from __future__ import annotations

import threading

import pytest

from tests.sync.conftest import FaultyTransport, add_works, by_title, edited_on_both, snapshot


def test_push_pull_and_second_run_does_nothing(central, make_desk) -> None:  # noqa: ANN001
    a = make_desk("a", central)
    b = make_desk("b", central, partner=False)  # an empty desk: the partner comes from /v1/me
    add_works(a, 40)
    plan = a.sync.plan("central")
    assert len(plan.push.creates) == 40 and not plan.groups
    push = a.sync.push("central")
    assert push.status == "done" and push.counts["created"] == 40
    assert central.services.catalog.count_artworks() == 40
    pull = b.sync.pull("central")
    assert pull.counts["created"] == 40
    assert snapshot(a) == snapshot(b) == snapshot(central.services)
    versions = {a_.id: a_.version for a_ in b.catalog.list_artworks(limit=100)}
    for desk in (a, b):
        for report in desk.sync.sync("central"):
            assert report.status == "done"
            assert not {k: v for k, v in report.counts.items() if k != "unchanged"}, report.counts
    assert {a_.id: a_.version for a_ in b.catalog.list_artworks(limit=100)} == versions
    assert central.services.catalog.count_artworks() == 40
    assert [r.direction for r in a.sync.log("central")][:2] == ["push", "pull"]


def test_corrected_title_renames_the_remote_work(central, make_desk) -> None:  # noqa: ANN001
    a = make_desk("a", central)
    (wid,) = add_works(a, 1, prefix="Compositon")
    a.sync.push("central")
    a.catalog.update_artwork(wid, {"title": "Composition 0"}, source="gui")
    plan = a.sync.plan("central")
    assert [u.changes for u in plan.push.updates] == [{"title": "Composition 0"}]
    a.sync.push("central")
    titles = [w.title for w in central.services.catalog.list_artworks()]
    assert titles == ["Composition 0"]


def test_conflicts_same_field_and_different_fields(central, make_desk) -> None:  # noqa: ANN001
    a = make_desk("a", central)
    b = make_desk("b", central)
    add_works(a, 3)
    a.sync.push("central")
    b.sync.pull("central")
    wa, wb = by_title(a), by_title(b)
    # Different fields on two desks: both edits win everywhere.
    a.catalog.update_artwork(wa["Work 0"].id, {"medium": "Acrylic"}, source="gui")
    b.catalog.update_artwork(wb["Work 0"].id, {"price": 7}, source="gui")
    # The same field on two desks: the second desk gets a conflict, keeps its value meanwhile.
    a.catalog.update_artwork(wa["Work 1"].id, {"price": 111}, source="gui")
    b.catalog.update_artwork(wb["Work 1"].id, {"price": 222}, source="gui")
    a.sync.sync("central")
    b.sync.sync("central")
    a.sync.sync("central")
    for desk in (a, b, central.services):
        w0 = by_title(desk)["Work 0"]
        assert (w0.medium, w0.price) == ("Acrylic", 7)
    assert by_title(b)["Work 1"].price == 222  # local value stays until resolved
    assert by_title(central.services)["Work 1"].price == 111
    (conflict,) = b.sync.conflicts("central")
    assert (conflict.field, conflict.base, conflict.mine, conflict.theirs) == (
        "price",
        1001,
        222,
        111,
    )
    assert a.sync.conflicts() == []
    # A repeated sync does not duplicate the conflict nor push the held field.
    b.sync.sync("central")
    assert len(b.sync.conflicts("central")) == 1
    assert by_title(central.services)["Work 1"].price == 111
    # Resolve with an edited value: it goes out with the next sync and reaches the other desk.
    b.sync.resolve_conflict(conflict.id, "edit", 150)
    b.sync.sync("central")
    a.sync.sync("central")
    assert {by_title(d)["Work 1"].price for d in (a, b, central.services)} == {150}
    assert b.sync.conflicts() == [] and a.sync.conflicts() == []


def test_resolve_theirs_and_mine(central, make_desk) -> None:  # noqa: ANN001
    a, b, wa, wb = edited_on_both(central, make_desk, 2)
    a.sync.sync("central")
    b.sync.sync("central")
    c0, c1 = sorted(b.sync.conflicts("central"), key=lambda c: c.mine)
    b.sync.resolve_conflict(c0.id, "theirs")
    b.sync.resolve_conflict(c1.id, "mine")
    b.sync.sync("central")
    a.sync.sync("central")
    for desk in (a, b, central.services):
        got = by_title(desk)
        assert (got["Work 0"].medium, got["Work 1"].medium) == ("A0", "B1")


def test_deleted_on_one_side_edited_on_the_other(central, make_desk) -> None:  # noqa: ANN001
    a = make_desk("a", central)
    b = make_desk("b", central)
    add_works(a, 3)
    a.sync.push("central")
    b.sync.pull("central")
    wa, wb = by_title(a), by_title(b)
    # Deleted on desk a, edited on desk b.
    a.catalog.delete_artwork(wa["Work 0"].id, source="gui")
    b.catalog.update_artwork(wb["Work 0"].id, {"price": 5}, source="gui")
    # A plain delete (nobody edited) travels.
    a.catalog.delete_artwork(wa["Work 2"].id, source="gui")
    b.sync.sync("central")  # the edit reaches the central catalog first
    a.sync.sync("central")  # a's delete meets the edit: a conflict, nothing deleted there
    (c,) = a.sync.conflicts("central")
    assert c.kind == "deleted_local"
    assert "Work 0" in by_title(central.services)
    assert "Work 2" not in by_title(central.services)
    b.sync.sync("central")
    assert "Work 2" not in by_title(b)
    # Take theirs: the work comes back on desk a with b's price.
    a.sync.resolve_conflict(c.id, "theirs")
    a.sync.sync("central")
    assert by_title(a)["Work 0"].price == 5
    assert sorted(by_title(central.services)) == ["Work 0", "Work 1"]

    # Now the other way: deleted on the remote (by desk b), edited on desk a.
    wa, wb = by_title(a), by_title(b)
    b.catalog.delete_artwork(wb["Work 1"].id, source="gui")
    a.catalog.update_artwork(wa["Work 1"].id, {"price": 99}, source="gui")
    b.sync.sync("central")
    a.sync.sync("central")
    (c,) = a.sync.conflicts("central")
    assert c.kind == "deleted_remote" and by_title(a)["Work 1"].price == 99
    a.sync.resolve_conflict(c.id, "mine")  # keep it: pushed again
    a.sync.sync("central")
    b.sync.sync("central")
    assert by_title(b)["Work 1"].price == 99
    assert sorted(by_title(central.services)) == ["Work 0", "Work 1"]


def test_a_remote_id_deleted_and_given_again_is_pulled(central, make_desk) -> None:  # noqa: ANN001
    """A remote that gives a new work the id of a deleted one (an artdesk catalog on SQLite
    before migration 0003 did: the newest deleted id came back) has a changelog saying
    "delete N", later "create N". A desk pulling both must end up with the new work, not treat
    id N as deleted: the cause of the old intermittent deleted-on-one-side failure."""
    a = make_desk("a", central)
    b = make_desk("b", central)
    add_works(a, 2)
    a.sync.push("central")
    b.sync.pull("central")
    cat = central.services.catalog
    newest = max(w.id for w in cat.list_artworks(limit=10))
    title = next(w.title for w in cat.list_artworks(limit=10) if w.id == newest)
    a.catalog.delete_artwork(by_title(a)[title].id, source="gui")
    a.sync.push("central")
    # Such a remote, made here on the central catalog: the next work gets the deleted id.
    clean, names = cat._prepare(
        {"title": "Fresh 0", "creation_year": 1990, "artists": ["Artist 9"]}, create=True
    )
    with central.services.db.write() as s:
        cat._insert_artwork(s, {**clean, "id": newest}, names, central.partner_id, "api:test")
    assert by_title(central.services)["Fresh 0"].id == newest
    report = b.sync.pull("central")
    assert report.status == "done", report.messages
    assert sorted(by_title(b)) == sorted(by_title(central.services))
    assert snapshot(b) == snapshot(central.services)
    assert set(b.sync.pull("central").counts) <= {"unchanged"}


def test_groups_sharing_a_fingerprint_are_never_merged_silently(central, make_desk) -> None:  # noqa: ANN001
    a = make_desk("a", central)
    pid = a.catalog.list_partners()[0].id
    for _ in range(3):
        a.catalog.create_artwork(
            {"title": "Untitled", "creation_year": 1969},
            partner_id=pid,
            source="t",
            artists=["Agnes Martin"],
        )
    for n in range(2):
        a.catalog.create_artwork(
            {"title": "Flowers", "creation_year": 1964, "medium": f"print {n}"},
            partner_id=pid,
            source="t",
            artists=["Andy Warhol"],
        )
    add_works(a, 2)
    plan = a.sync.plan("central")
    assert len(plan.groups) == 2 and len(plan.push.creates) == 2
    untitled, flowers = plan.groups
    # No decision: the groups are skipped.
    a.sync.push("central")
    assert central.services.catalog.count_artworks() == 2
    a.sync.push("central", {untitled.fingerprint: "each", flowers.fingerprint: "one"})
    titles = sorted(w.title for w in central.services.catalog.list_artworks(limit=50))
    assert titles == ["Flowers", "Untitled", "Untitled", "Untitled", "Work 0", "Work 1"]
    assert a.sync.plan("central").push.empty
    # Edits to a separately pushed work go to its own remote work.
    ids = [w.id for w in a.catalog.list_artworks(limit=50) if w.title == "Untitled"]
    a.catalog.update_artwork(ids[2], {"price": 33}, source="gui")
    a.sync.push("central")
    prices = sorted(
        (w.price or 0)
        for w in central.services.catalog.list_artworks(limit=50)
        if w.title == "Untitled"
    )
    assert prices == [0, 0, 33]


@pytest.mark.slow
def test_faults_2000_works_identical_and_no_duplicate(central, make_desk) -> None:  # noqa: ANN001
    _faults(central, make_desk, 2000)


def test_faults_quick_profile(central, make_desk) -> None:  # noqa: ANN001
    _faults(central, make_desk, 150)


def _faults(central, make_desk, n: int) -> None:  # noqa: ANN001
    faulty = FaultyTransport(seed=11, share=0.2)
    try:
        a = make_desk("a", central, transport=faulty)
        # Small batches: the creates go to the artdesk remote in POST /v1/artworks/batch
        # requests, and enough of them pass the proxy for every kind of fault to hit some.
        a.sync.push_batch = 2
        b = make_desk("b", central, partner=False, transport=faulty)
        add_works(a, n)
        push = a.sync.push("central")
        assert push.status == "done", push.messages[:5]
        pull = b.sync.pull("central")
        assert pull.status == "done", pull.messages[:5]
        assert central.services.catalog.count_artworks() == n
        assert snapshot(a) == snapshot(b) == snapshot(central.services)
        assert len({w[0] for w in snapshot(central.services)}) == n
        for kind in ("refuse", "lose", "500-before", "500-after", "429", "delay"):
            assert faulty.counts.get(kind, 0) > 0, faulty.counts
    finally:
        faulty.shutdown()


def test_a_sync_cancelled_halfway_continues_without_duplicates(central, make_desk) -> None:  # noqa: ANN001
    a = make_desk("a", central)
    b = make_desk("b", central)
    add_works(a, 150)
    cancel = threading.Event()

    def progress(p) -> None:  # noqa: ANN001
        if p.phase == "push" and p.done >= 50:
            cancel.set()

    first = a.sync.push("central", progress=progress, cancel=cancel)
    assert first.status == "cancelled"
    done_first = central.services.catalog.count_artworks()
    assert 50 <= done_first < 150
    # Links written before the cancel are kept; edits made meanwhile are not lost.
    wa = by_title(a)
    a.catalog.update_artwork(wa["Work 0"].id, {"description": "edited offline"}, source="gui")
    second = a.sync.push("central")
    assert second.status == "done"
    assert central.services.catalog.count_artworks() == 150
    b.sync.pull("central")
    assert snapshot(a) == snapshot(b) == snapshot(central.services)


def test_a_refused_remote_work_writes_nothing_and_the_rest_is_pulled(central, make_desk) -> None:  # noqa: ANN001
    """A remote work whose inventory number is another local work's is refused: none of it
    (not even its new artist) is written, the batch's other works are, and the next pull offers
    it again instead of losing it."""
    cat = central.services.catalog
    add_works(central.services, 5)
    cat.create_artwork(
        {"title": "Blue Study", "creation_year": 1961, "inventory_number": "INV-7"},
        partner_id=central.partner_id,
        source="test",
        artists=["Rosa Kellermann"],
    )
    b = make_desk("b", central)
    mine = b.catalog.create_artwork(
        {"title": "Red Field", "creation_year": 1970, "inventory_number": "INV-7"},
        partner_id=b.catalog.list_partners()[0].id,
        source="test",
        artists=["Otto Brenner"],
    )
    report = b.sync.pull("central")
    assert report.counts.get("failed") == 1 and report.counts.get("created") == 5, report.counts
    assert any("Blue Study" in m and "INV-7" in m for m in report.messages), report.messages
    assert b.catalog.find_artist_by_name("Rosa Kellermann") is None
    assert b.catalog.get_artwork(mine.id).title == "Red Field"
    assert b.catalog.count_artworks() == 6
    again = b.sync.pull("central")
    assert again.counts.get("failed") == 1 and not again.counts.get("created"), again.counts
    assert b.catalog.count_artworks() == 6
