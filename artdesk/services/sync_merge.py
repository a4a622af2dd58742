"""Merging a batch of remote works into the catalog: the loop a v1 pull and a HAL pull share.

For each remote work (an ``Incoming``): a work first met is linked to the one unlinked local
work of its partner with the same fingerprint, or created; a known work is merged field by
field against the link's ``base`` (``artdesk.sync.merge.three_way``): remote-only changes are
applied, local-only changes stay, the same field changed on both sides is a conflict and the
local value stays until it is resolved; a work deleted here and changed there is a
``deleted_local`` conflict. A value the catalog refuses keeps the old base, so it is offered
again. An unchanged remote work writes nothing.

What differs between the kinds of remote (which fields, how a local work reads as them, how
one is created or changed) is a ``MergeSide``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from artdesk.db.models import ArtworkRow, SyncLinkRow, SyncRemoteRow
from artdesk.services.catalog import CatalogService
from artdesk.services.changes import Changes
from artdesk.sync.fields import same
from artdesk.sync.merge import three_way

if TYPE_CHECKING:
    from artdesk.services.sync import SyncReport, SyncService


@dataclass(frozen=True, slots=True)
class Incoming:
    """One remote work as a pull met it: its id, local partner, mapped fields, fingerprint,
    and its ETag when the remote gave one."""

    id: str
    partner_id: int
    fields: dict[str, Any]
    fingerprint: str
    etag: str | None = None


class MergeSide(Protocol):
    """What a kind of remote brings to ``merge_batch``."""

    fields: tuple[str, ...]  # the fields both sides have (the three-way merge's)
    tracks_push: bool  # links remember the local version agreed on (a remote pushed to)

    def prefetch(self, s: Session, rows: list[ArtworkRow]) -> None:
        """Read ahead the local side of these linked works (optional)."""

    def local(self, s: Session, row: ArtworkRow) -> dict[str, Any]:
        """A local work as the remote's fields (normalised)."""

    def create(self, s: Session, w: Incoming) -> int | None:
        """A new local work from ``w`` (its own savepoint); None when refused (reported)."""

    def apply(self, s: Session, artwork_id: int, changes: Mapping[str, Any]) -> str | None:
        """Write remote values to a local work (its own savepoint): None, or why refused."""

    def gone_base(self, w: Incoming) -> Any:
        """The base of a ``deleted_local`` conflict (what resolving it with theirs needs)."""


def merge_batch(
    svc: SyncService,
    row: SyncRemoteRow,
    works: list[Incoming],
    side: MergeSide,
    report: SyncReport,
) -> None:
    """Merge ``works`` into the catalog in one transaction."""
    if not works:
        return
    source = f"sync:{row.name}"
    fields = side.fields
    touched: set[int] = set()
    with svc.db.write() as s:
        links = {
            r.remote_artwork_id: r
            for r in s.scalars(
                select(SyncLinkRow).where(
                    SyncLinkRow.remote_id == row.id,
                    SyncLinkRow.remote_artwork_id.in_([w.id for w in works]),
                    SyncLinkRow.state != "merged",
                )
            )
        }
        held: dict[int, set[str]] = {}
        blocked: set[int] = set()
        for c in svc._open_conflicts(s, row.id):
            if c.kind == "field" and c.field:
                held.setdefault(c.artwork_id, set()).add(c.field)
            else:
                blocked.add(c.artwork_id)
        linked_rows = list(
            s.scalars(select(ArtworkRow).where(ArtworkRow.id.in_([r.artwork_id for r in links.values()])))
        )  # fmt: skip
        side.prefetch(s, linked_rows)
        unlinked: dict[int, set[str]] = {}
        for w in works:
            if w.id not in links:
                unlinked.setdefault(w.partner_id, set()).add(w.fingerprint)
        adoptable = Adoptable(s, row.id, unlinked)
        for w in works:
            theirs = w.fields
            link = links.get(w.id)
            if link is None:
                aid = adoptable.take(w.partner_id, w.fingerprint)
                if aid is None:
                    aid = side.create(s, w)
                    if aid is None:
                        continue
                    adoptable.created(w.partner_id, w.fingerprint, aid)
                    link = SyncLinkRow(
                        remote_id=row.id,
                        artwork_id=aid,
                        remote_artwork_id=w.id,
                        remote_fingerprint=w.fingerprint,
                        remote_etag=w.etag,
                        base=_jsonable(theirs),
                        state="synced",
                    )
                    if side.tracks_push:
                        link.pushed_version = s.get(ArtworkRow, aid).version
                    s.add(link)
                    links[w.id] = link
                    touched.add(aid)
                    report.add("created")
                    continue
                link = SyncLinkRow(
                    remote_id=row.id,
                    artwork_id=aid,
                    remote_artwork_id=w.id,
                    remote_fingerprint=w.fingerprint,
                    base=None,
                    state="synced",
                )
                s.add(link)
                links[w.id] = link
                report.add("linked")
            if link.artwork_id in blocked:
                continue
            local_row = s.get(ArtworkRow, link.artwork_id)
            if local_row is None:
                base = link.base or {}
                if any(not same(f, theirs.get(f), base.get(f)) for f in theirs if f in base):
                    svc._add_conflict(
                        s, row.id, link.artwork_id, w.id, "deleted_local", None,
                        side.gone_base(w), None, theirs,
                    )  # fmt: skip
                    report.add("conflicts")
                continue
            local = side.local(s, local_row)
            merged = three_way(link.base, local, theirs, fields, held=held.get(link.artwork_id, ()))
            new_base = dict(merged.new_base)
            if merged.take_remote:
                refused = side.apply(s, link.artwork_id, merged.take_remote)
                if refused is None:
                    touched.add(link.artwork_id)
                    report.add("updated")
                else:
                    # Refused here: keep the old base, so the remote value is offered again.
                    for f in merged.take_remote:
                        if link.base and f in link.base:
                            new_base[f] = link.base[f]
                        else:
                            new_base.pop(f, None)
                    report.add("failed")
                    report.messages.append(
                        f"work {link.artwork_id}: the remote's values were refused "
                        f"({', '.join(sorted(merged.take_remote))}): {refused}"
                    )
            for c in merged.conflicts:
                svc._add_conflict(
                    s, row.id, link.artwork_id, w.id, "field", c.field, c.base, c.mine, c.theirs
                )
                report.add("conflicts")
            new_base = _jsonable(new_base)
            if link.base != new_base:
                link.base = new_base
            if link.remote_fingerprint != w.fingerprint:
                link.remote_fingerprint = w.fingerprint
            if w.etag and link.remote_etag != w.etag:
                link.remote_etag = w.etag
            agreed = side.tracks_push and not merged.push_local and not merged.conflicts
            if agreed and link.pushed_version != local_row.version:
                link.pushed_version = local_row.version
            if merged.clean:
                report.add("unchanged")
    if touched:
        svc.catalog.notifier.emit(Changes.artworks(touched, source))


class Adoptable:
    """Which remote works of a batch adopt a local work: the one unlinked local work of the
    partner with the same fingerprint, if it is the only one. Two queries for the batch (the
    local works with its fingerprints, by the fingerprint index; which of them are linked).

    It also keeps, for the batch's transaction, the rows every local create looks up again
    (the partners, their artists, every row the batch writes): the session's identity map
    holds rows only while something refers to them, and each lookup would otherwise be a
    query."""

    def __init__(self, s: Session, remote_id: int, fps: Mapping[int, set[str]]) -> None:
        from artdesk.db.models import PartnerArtistRow, PartnerRow

        self.by_fp: dict[tuple[int, str], list[int]] = {}
        self.linked: set[int] = set()
        self.kept: list[Any] = []
        event.listen(s, "pending_to_persistent", self._keep)
        for partner_id, prints in fps.items():
            self.kept.append(s.get(PartnerRow, partner_id))
            self.kept.extend(
                s.scalars(select(PartnerArtistRow).where(PartnerArtistRow.partner_id == partner_id))
            )
            found = CatalogService._artworks_by_fingerprint(s, prints, partner_id)
            for fp, ids in found.items():
                self.by_fp[(partner_id, fp)] = ids
        ids = [aid for group in self.by_fp.values() for aid in group]
        if ids:
            self.linked = set(
                s.scalars(
                    select(SyncLinkRow.artwork_id).where(
                        SyncLinkRow.remote_id == remote_id, SyncLinkRow.artwork_id.in_(ids)
                    )
                )
            )

    def take(self, partner_id: int, fp: str) -> int | None:
        """The one unlinked local work with this fingerprint, if it is the only one (and so
        linked from now on)."""
        candidates = self.by_fp.get((partner_id, fp), [])
        if len(candidates) != 1 or candidates[0] in self.linked:
            return None
        self.linked.add(candidates[0])
        return candidates[0]

    def _keep(self, _session: Session, instance: Any) -> None:
        self.kept.append(instance)

    def created(self, partner_id: int, fp: str, artwork_id: int) -> None:
        """A local work made (and linked) in this batch."""
        self.by_fp.setdefault((partner_id, fp), []).append(artwork_id)
        self.linked.add(artwork_id)


def _jsonable(value: Any) -> Any:
    from artdesk.services.sync import _jsonable as jsonable

    return jsonable(value)


__all__ = ["Adoptable", "Incoming", "MergeSide", "merge_batch"]
