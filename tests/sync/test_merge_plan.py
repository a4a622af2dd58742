"""The pure parts: three-way merge per field, the push planner and its group decisions."""

from __future__ import annotations

import pytest

from artdesk.sync.fields import ARTLAND_FIELDS, normalise
from artdesk.sync.merge import local_changes, three_way
from artdesk.sync.plan import LinkInfo, LocalWork, build_push_plan, group_steps

F = ("title", "price", "medium")


def test_different_fields_both_win() -> None:
    base = {"title": "A", "price": 1, "medium": "Oil"}
    local = {"title": "A", "price": 2, "medium": "Oil"}
    remote = {"title": "A", "price": 1, "medium": "Acrylic"}
    m = three_way(base, local, remote, F)
    assert m.take_remote == {"medium": "Acrylic"}
    assert m.push_local == {"price": 2}
    assert not m.conflicts
    assert m.new_base == {"title": "A", "price": 1, "medium": "Acrylic"}


def test_same_field_both_sides_is_a_conflict_and_base_stays() -> None:
    base = {"title": "A", "price": 1, "medium": "Oil"}
    m = three_way(base, dict(base, price=2), dict(base, price=3), F)
    assert [(c.field, c.base, c.mine, c.theirs) for c in m.conflicts] == [("price", 1, 2, 3)]
    assert "price" not in m.take_remote and "price" not in m.push_local
    assert m.new_base["price"] == 1


def test_same_change_on_both_sides_is_no_conflict() -> None:
    base = {"title": "A", "price": 1}
    m = three_way(base, {"title": "B", "price": 1}, {"title": "B", "price": 1}, ("title", "price"))
    assert m.clean and m.new_base == {"title": "B", "price": 1}


def test_held_fields_are_left_alone() -> None:
    base = {"title": "A", "price": 1}
    m = three_way(
        base,
        {"title": "A", "price": 5},
        {"title": "A", "price": 9},
        ("title", "price"),
        held={"price"},
    )
    assert m.clean and m.new_base["price"] == 1


def test_without_base_an_empty_side_defers() -> None:
    m = three_way(
        None,
        {"title": "A", "price": None, "medium": "Oil"},
        {"title": "A", "price": 4, "medium": None},
        F,
    )
    assert m.take_remote == {"price": 4}
    assert m.push_local == {"medium": "Oil"}
    m = three_way(None, {"title": "A"}, {"title": "B"}, ("title",))
    assert [c.field for c in m.conflicts] == ["title"]


def test_normalised_values_compare_equal() -> None:
    assert normalise("currency", "eur") == "EUR"
    assert normalise("description", "  ") is None
    assert normalise("price", 45000.0) == 45000
    base = {"currency": "EUR", "description": None}
    assert three_way(
        base,
        {"currency": "EUR", "description": ""},
        {"currency": "eur", "description": None},
        ("currency", "description"),
    ).clean


def test_local_changes() -> None:
    assert local_changes(
        {"title": "A", "price": 1}, {"title": "B", "price": 1, "medium": None}, F
    ) == {"title": "B"}
    assert local_changes({"price": 1}, {"price": 2}, ("price",), held={"price"}) == {}


def _w(aid: int, fp: str, title: str = "T", version: int = 1) -> LocalWork:
    return LocalWork(
        aid, version, fp, {"title": title, "artist_name": "X", "creation_year": 2001, "price": aid}
    )


def test_plan_creates_updates_deletes_and_groups() -> None:
    works = [_w(1, "a"), _w(2, "b"), _w(3, "u"), _w(4, "u"), _w(5, "c", "New title"), _w(6, "d")]
    links = {
        5: LinkInfo(
            5,
            "r5",
            "c",
            {"title": "Old title", "artist_name": "X", "creation_year": 2001, "price": 5},
            "synced",
        ),
        6: LinkInfo(
            6,
            "r6",
            "d",
            {"title": "T", "artist_name": "X", "creation_year": 2001, "price": 6},
            "synced",
        ),
        9: LinkInfo(9, "r9", "z", {"title": "Gone"}, "synced"),
    }
    plan = build_push_plan(works, links, ARTLAND_FIELDS)
    assert plan.creates == [1, 2]
    assert [(u.artwork_id, u.remote_artwork_id, u.changes) for u in plan.updates] == [
        (5, "r5", {"title": "New title"})
    ]
    assert [(d.artwork_id, d.remote_artwork_id) for d in plan.deletes] == [(9, "r9")]
    assert plan.unchanged == 1
    assert [g.fingerprint for g in plan.groups] == ["u"] and plan.groups[0].new_ids == [3, 4]


def test_a_new_work_sharing_a_pushed_works_fingerprint_is_a_group() -> None:
    works = [_w(1, "u"), _w(2, "u")]
    links = {
        1: LinkInfo(
            1,
            "r1",
            "u",
            {"title": "T", "artist_name": "X", "creation_year": 2001, "price": 1},
            "synced",
        )
    }
    plan = build_push_plan(works, links, ARTLAND_FIELDS)
    assert plan.creates == []
    (group,) = plan.groups
    assert [m.remote_artwork_id for m in group.members] == ["r1", None]
    assert group_steps(group, "one").merged_into == {2: 1}
    assert group_steps(group, "each").separate_creates == [2]
    assert group_steps(group, "skip").creates == []


def test_group_steps_for_new_groups() -> None:
    plan = build_push_plan([_w(1, "u"), _w(2, "u"), _w(3, "u")], {}, ARTLAND_FIELDS)
    (group,) = plan.groups
    one = group_steps(group, "one")
    assert one.creates == [1] and one.merged_into == {2: 1, 3: 1}
    each = group_steps(group, "each")
    assert each.creates == [1] and each.separate_creates == [2, 3]
    with pytest.raises(ValueError):
        group_steps(group, "merge")


def test_blocked_and_held_works() -> None:
    works = [_w(1, "a"), _w(2, "b")]
    links = {
        2: LinkInfo(
            2,
            "r2",
            "b",
            {"title": "T", "artist_name": "X", "creation_year": 2001, "price": 0},
            "synced",
        )
    }
    plan = build_push_plan(works, links, ARTLAND_FIELDS, held={2: {"price"}}, blocked={1})
    assert plan.creates == [] and plan.updates == [] and plan.held == 2
