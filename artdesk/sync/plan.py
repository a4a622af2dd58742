"""The push planner (pure): what a push would do, and which works need a registrar's decision.

A remote upserts by fingerprint, so local works that share one (the prints of an edition entered
one by one, an "Untitled" series of a year) would be merged into a single remote work if they
were POSTed one after the other. The planner never lets that happen silently: such works form a
``PlanGroup`` and are only pushed once the registrar decides, per group:

- ``one``: push the group as one remote work (the first member, or the one already on the
  remote); the others are linked to it and not sent themselves;
- ``each``: push every member as its own remote work. The first one that is not yet on the
  remote is POSTed as it is; each further one is POSTed under a temporary, unique title (so no
  upsert can match it) and then renamed to its real title with a PUT to its own id;
- ``skip`` (the default): push none of them this time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from artdesk.sync.merge import local_changes

DECISIONS = ("one", "each", "skip")


@dataclass(frozen=True, slots=True)
class LocalWork:
    artwork_id: int
    version: int
    fingerprint: str
    fields: dict[str, Any]

    @property
    def title(self) -> str:
        return str(self.fields.get("title") or "")


@dataclass(frozen=True, slots=True)
class LinkInfo:
    artwork_id: int
    remote_artwork_id: str | None
    remote_fingerprint: str | None
    base: dict[str, Any]
    state: str
    pushed_version: int | None = None
    etag: str | None = None


@dataclass(frozen=True, slots=True)
class GroupMember:
    artwork_id: int
    title: str
    artist_name: str
    creation_year: int | None
    remote_artwork_id: str | None  # set when this member is already on the remote


@dataclass(frozen=True, slots=True)
class PlanGroup:
    fingerprint: str
    members: tuple[GroupMember, ...]

    @property
    def new_ids(self) -> list[int]:
        return [m.artwork_id for m in self.members if m.remote_artwork_id is None]

    def describe(self) -> str:
        first = self.members[0]
        year = f" ({first.creation_year})" if first.creation_year else ""
        who = f"{first.artist_name}: " if first.artist_name else ""
        on_remote = sum(1 for m in self.members if m.remote_artwork_id is not None)
        extra = f", {on_remote} already on the remote" if on_remote else ""
        return f"{who}{first.title}{year}: {len(self.members)} local works share one fingerprint{extra}"


@dataclass(frozen=True, slots=True)
class Update:
    artwork_id: int
    remote_artwork_id: str
    changes: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Delete:
    artwork_id: int
    remote_artwork_id: str


@dataclass(slots=True)
class PushPlan:
    creates: list[int] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    deletes: list[Delete] = field(default_factory=list)
    groups: list[PlanGroup] = field(default_factory=list)
    unchanged: int = 0
    held: int = 0  # works with open conflicts (their conflicting fields are not sent)

    @property
    def empty(self) -> bool:
        return not (self.creates or self.updates or self.deletes or self.groups)

    def summary(self) -> str:
        parts = [
            f"{len(self.creates)} to create",
            f"{len(self.updates)} to update",
            f"{len(self.deletes)} to delete",
            f"{self.unchanged} unchanged",
        ]
        if self.groups:
            parts.append(f"{len(self.groups)} group(s) of works sharing a fingerprint to decide")
        if self.held:
            parts.append(f"{self.held} with open conflicts")
        return ", ".join(parts)


def build_push_plan(
    works: list[LocalWork],
    links: Mapping[int, LinkInfo],
    fields: tuple[str, ...],
    *,
    held: Mapping[int, set[str]] | None = None,
    blocked: set[int] | None = None,
) -> PushPlan:
    """Plan a push. ``held``: per work, fields with open conflicts; ``blocked``: works whose
    whole record waits on a decision (deleted on one side, ambiguous on the remote)."""
    held = held or {}
    blocked = blocked or set()
    plan = PushPlan()
    present = set()
    new_by_fp: dict[str, list[LocalWork]] = {}
    linked_by_fp: dict[str, list[tuple[LocalWork, LinkInfo]]] = {}
    for w in works:
        present.add(w.artwork_id)
        link = links.get(w.artwork_id)
        if w.artwork_id in blocked:
            plan.held += 1
            continue
        if link is None:
            new_by_fp.setdefault(w.fingerprint, []).append(w)
            continue
        linked_by_fp.setdefault(link.remote_fingerprint or w.fingerprint, []).append((w, link))
        if link.state == "merged" or link.remote_artwork_id is None:
            plan.unchanged += 1
            continue
        hold = held.get(w.artwork_id, set())
        if hold:
            plan.held += 1
        changes = local_changes(link.base, w.fields, fields, held=hold)
        if changes:
            plan.updates.append(Update(w.artwork_id, link.remote_artwork_id, changes))
        else:
            plan.unchanged += 1
    for fp, new in new_by_fp.items():
        already = linked_by_fp.get(fp, [])
        if len(new) == 1 and not already:
            plan.creates.append(new[0].artwork_id)
            continue
        members = [_member(w, link.remote_artwork_id) for w, link in already] + [
            _member(w, None) for w in new
        ]
        members.sort(key=lambda m: (m.remote_artwork_id is None, m.artwork_id))
        plan.groups.append(PlanGroup(fp, tuple(members)))
    for artwork_id, link in links.items():
        if (
            artwork_id not in present
            and link.state in ("synced", "renaming")
            and link.remote_artwork_id is not None
            and artwork_id not in blocked
        ):
            plan.deletes.append(Delete(artwork_id, link.remote_artwork_id))
    plan.creates.sort()
    plan.groups.sort(key=lambda g: g.members[0].artwork_id)
    return plan


def _member(w: LocalWork, remote_id: str | None) -> GroupMember:
    return GroupMember(
        artwork_id=w.artwork_id,
        title=w.title,
        artist_name=str(w.fields.get("artist_name") or ""),
        creation_year=w.fields.get("creation_year"),
        remote_artwork_id=remote_id,
    )


@dataclass(frozen=True, slots=True)
class GroupSteps:
    """What one decided group turns into: plain creates, creates under a temporary title, links."""

    creates: list[int]
    separate_creates: list[int]  # POST under a temporary title, then PUT the real title
    merged_into: dict[int, int]  # artwork id -> the member whose remote work it joins


def group_steps(group: PlanGroup, decision: str) -> GroupSteps:
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}; use one of {', '.join(DECISIONS)}")
    new = group.new_ids
    if decision == "skip" or not new:
        return GroupSteps([], [], {})
    on_remote = [m.artwork_id for m in group.members if m.remote_artwork_id is not None]
    if decision == "one":
        if on_remote:
            return GroupSteps([], [], {aid: on_remote[0] for aid in new})
        return GroupSteps([new[0]], [], {aid: new[0] for aid in new[1:]})
    if on_remote:
        return GroupSteps([], list(new), {})
    return GroupSteps([new[0]], list(new[1:]), {})
