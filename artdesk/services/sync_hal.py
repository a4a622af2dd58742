"""Pull from an Artsy-style HAL remote (read-only): partners, artists, artworks, editions.

``SyncService.pull`` runs ``HalPull`` for a remote of kind ``artsy``. The remote is walked from
its root with ``artdesk.sync.hal.HalClient`` (links only); every artwork it shows (the published
works of every partner plus the token's own unpublished ones) is mapped to artdesk fields and
merged by the loop a v1 pull uses (``artdesk.services.sync_merge.merge_batch``, ``HalPull`` being
its ``MergeSide``):

- per remote artwork a ``SyncLinkRow`` holds its remote id and ``base``, the mapped fields as
  both sides last agreed on them (the per-artwork snapshot);
- a work first met is linked to the one unlinked local work of its partner with the same
  fingerprint, or created (with its artists and edition sets);
- a known work is merged field by field (``artdesk.sync.merge.three_way``): remote-only changes
  are applied, local-only changes stay, the same field changed on both sides is a conflict and
  the local value stays until resolved. ``artists`` (the names, in order) and ``editions`` (all
  edition sets of the work) are one field each;
- a linked work the remote no longer shows is deleted here when it was not edited here, else a
  ``deleted_remote`` conflict;
- an unchanged remote work writes nothing: a second pull leaves the catalog version as it was.

Partners: each artwork's ``partner`` link names a remote partner (from the ``partners``
collection, or fetched by that link); the local partner is the one with its slug, created when
missing. Network calls (artists of each artwork) run on a small pool; database writes happen on
the calling thread, one transaction per page.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from artdesk.core.errors import ArtdeskError, ConflictError, NotFoundError, ValidationError
from artdesk.core.fingerprint import artist_display, slug, source_fingerprint
from artdesk.db.models import ArtworkRow, EditionSetRow, SyncLinkRow, SyncRemoteRow, utcnow
from artdesk.services.catalog import _edition_fields
from artdesk.services.changes import Changes
from artdesk.services.sync_merge import Incoming, merge_batch
from artdesk.sync.errors import RemoteNotFound
from artdesk.sync.fields import normalise
from artdesk.sync.hal import (
    EDITION_FIELDS,
    HAL_FIELDS,
    HalClient,
    canonical_editions,
    link_href,
    map_artwork,
    partner_href,
)
from artdesk.sync.merge import local_changes

if TYPE_CHECKING:
    from artdesk.services.sync import Cancel, ProgressFn, SyncReport, SyncService

SCALAR_FIELDS: tuple[str, ...] = tuple(f for f in HAL_FIELDS if f not in ("artists", "editions"))


@dataclass(frozen=True, slots=True)
class HalWork:
    """One remote artwork: its id, local partner and mapped fields."""

    id: str
    partner_id: int
    fields: dict[str, Any]


def hal_client(svc: SyncService, row: SyncRemoteRow) -> HalClient:
    secrets = svc.secrets.get(row.uid)
    client_id, client_secret = secrets.get("client_id"), secrets.get("client_secret")
    if not client_id or not client_secret:
        raise ValidationError(
            f"no client id and secret stored for remote {row.name!r} (looked in "
            f"{svc.secrets.where}); remove and add it again with --client-id and --client-secret"
        )
    return HalClient(
        row.url,
        client_id,
        client_secret,
        transport=svc.transport,
        retry=svc.retry,
        max_connections=svc.concurrency * 2,
    )


def local_hal_fields(s: Session, svc: SyncService, row: ArtworkRow) -> dict[str, Any]:
    """A local artwork as the fields an Artsy remote provides (normalised)."""
    out = {f: normalise(f, getattr(row, f)) for f in SCALAR_FIELDS}
    out["artists"] = svc.catalog._artist_names(s, row.id) or None
    editions = s.scalars(
        select(EditionSetRow).where(EditionSetRow.artwork_id == row.id).order_by(EditionSetRow.id)
    )
    out["editions"] = canonical_editions(
        [{k: getattr(e, k) for k in EDITION_FIELDS} for e in editions]
    )
    return out


def apply_hal_fields(
    s: Session, svc: SyncService, artwork_id: int, changes: Mapping[str, Any], source: str
) -> str | None:
    """Write remote values to a local work inside ``s`` (its own savepoint). None when done,
    else why the catalog refused them (nothing is written then)."""
    row = s.get(ArtworkRow, artwork_id)
    if row is None:
        return "the local work is gone"
    scalar = {k: v for k, v in changes.items() if k != "editions"}
    try:
        with s.begin_nested():
            if scalar:
                clean, names = svc.catalog._prepare(scalar, create=False)
                diff = svc.catalog._apply(s, row, clean, names, source)
                if diff:
                    row.updated_at = utcnow()
                    row.last_synced_at = utcnow()
                    s.flush()
                    svc.catalog._log(s, "artwork", row.id, "update", source, diff, row.partner_id)
            if "editions" in changes:
                set_editions(s, svc, row, changes["editions"] or [], source)
    except ArtdeskError as exc:
        s.refresh(row)
        return exc.message
    return None


def create_local(
    s: Session,
    svc: SyncService,
    fields: Mapping[str, Any],
    partner_id: int,
    source: str,
) -> int:
    """A new local work (with its artists and edition sets) from mapped remote fields, inside
    ``s`` (its own savepoint). Raises ``ArtdeskError`` when the catalog refuses the values."""
    catalog = svc.catalog
    data = {k: v for k, v in fields.items() if k not in ("artists", "editions")}
    with s.begin_nested():
        clean, _ = catalog._prepare(data, create=True)
        aid = catalog._insert_artwork(
            s, clean, list(fields.get("artists") or []), partner_id, source, synced=True
        )
        if fields.get("editions"):
            set_editions(s, svc, s.get(ArtworkRow, aid), fields["editions"], source)
    return aid


def set_editions(
    s: Session, svc: SyncService, aw: ArtworkRow, editions: list[Mapping[str, Any]], source: str
) -> None:
    """Make the work's edition sets these (in order): update, add, remove; each logged."""
    existing = list(
        s.scalars(
            select(EditionSetRow)
            .where(EditionSetRow.artwork_id == aw.id)
            .order_by(EditionSetRow.id)
        )
    )
    changed = False
    for i, wanted in enumerate(editions):
        clean = _edition_fields({k: wanted.get(k) for k in EDITION_FIELDS})
        if i < len(existing):
            row = existing[i]
            diff = {
                k: {"old": getattr(row, k), "new": v}
                for k, v in clean.items()
                if getattr(row, k) != v
            }
            for k, d in diff.items():
                setattr(row, k, d["new"])
            if diff:
                s.flush()
                svc.catalog._log(s, "edition_set", row.id, "update", source, diff, aw.partner_id)
                changed = True
        else:
            row = EditionSetRow(artwork_id=aw.id, **clean)
            s.add(row)
            s.flush()
            svc.catalog._log(
                s,
                "edition_set",
                row.id,
                "create",
                source,
                {k: {"old": None, "new": v} for k, v in clean.items() if v is not None},
                aw.partner_id,
            )
            changed = True
    for row in existing[len(editions) :]:
        svc.catalog._log(s, "edition_set", row.id, "delete", source, {}, aw.partner_id)
        s.delete(row)
        changed = True
    if changed:
        aw.updated_at = utcnow()
        s.flush()


class HalPull:
    """One pull from one artsy remote."""

    def __init__(
        self,
        svc: SyncService,
        row: SyncRemoteRow,
        client: HalClient,
        report: SyncReport,
        progress: ProgressFn | None,
        cancel: Cancel | None,
    ) -> None:
        self.svc = svc
        self.row = row
        self.client = client
        self.report = report
        self.progress = progress
        self.cancel = cancel
        self.source = f"sync:{row.name}"
        self._remote_partners: dict[str, dict[str, Any]] = {}
        self._local_partner: dict[str, int] = {}  # remote partner href -> local partner id

    # ------------------------------------------------------------------ the run
    def run(self) -> None:
        from artdesk.services.sync import SyncProgress

        for p in self.client.partners():
            href = link_href(p, "self")
            if href:
                self._remote_partners[href] = p
        seen: set[str] = set()
        done = 0
        with ThreadPoolExecutor(self.svc.concurrency, thread_name_prefix="artdesk-hal") as pool:
            total = self.client.artwork_total()
            if self.progress:
                self.progress(SyncProgress("fetch", 0, total))
            for page in self.client.artwork_pages():
                self._check_cancel()
                page = [d for d in page if str(d.get("id") or "") and str(d["id"]) not in seen]
                names = list(pool.map(self.client.artist_names, page))
                works = []
                for doc, artists in zip(page, names, strict=True):
                    if artists is None:
                        continue  # removed while this pull ran: treated as gone
                    rid = str(doc["id"])
                    seen.add(rid)
                    partner_id = self._partner_for(doc)
                    if partner_id is None:
                        continue
                    works.append(HalWork(rid, partner_id, map_artwork(doc, artists)))
                self._check_cancel()
                self._merge_page(works)
                done += len(page)
                if self.progress:
                    self.progress(SyncProgress("fetch", done, max(total or 0, done) or None))
        self._merge_gone(seen)
        if self.progress:
            self.progress(SyncProgress("merge", done, done))

    def _check_cancel(self) -> None:
        from artdesk.services.sync import SyncCancelled

        if self.cancel is not None and self.cancel.is_set():
            raise SyncCancelled("sync cancelled")

    # ------------------------------------------------------------------ partners
    def _partner_for(self, doc: Mapping[str, Any]) -> int | None:
        href = partner_href(doc)
        if href is None:
            self.report.add("failed")
            self.report.messages.append(f"remote work {doc.get('id')}: it has no partner link")
            return None
        if href in self._local_partner:
            return self._local_partner[href]
        remote = self._remote_partners.get(href)
        if remote is None:
            try:
                remote = self.client.get(href)
            except RemoteNotFound:
                self.report.add("failed")
                self.report.messages.append(
                    f"remote work {doc.get('id')}: its partner {href} is not found"
                )
                return None
            self._remote_partners[href] = remote
        self._local_partner[href] = self._local_partner_id(remote)
        return self._local_partner[href]

    def _local_partner_id(self, remote: Mapping[str, Any]) -> int:
        from artdesk.services.sync import _partner_type

        catalog = self.svc.catalog
        name = str(remote.get("name") or "").strip()
        partner_slug = slug(str(remote.get("slug") or "") or name)
        if not partner_slug:
            raise ValidationError(f"a remote partner has neither slug nor name: {remote.get('id')}")
        try:
            return catalog.get_partner_by_slug(partner_slug).id
        except NotFoundError:
            pass
        extra: dict[str, Any] = {}
        email = str(remote.get("email") or "").strip()
        if "@" in email:
            extra["email"] = email
        if str(remote.get("region") or "").strip():
            extra["region"] = str(remote["region"]).strip()
        website = link_href(remote, "website")
        if website:
            extra["website"] = website
        try:
            partner = catalog.create_partner(
                name or partner_slug,
                slug_=partner_slug,
                type=_partner_type(remote.get("type")),
                source=self.source,
                **extra,
            )
        except ConflictError:  # made meanwhile by another writer
            return catalog.get_partner_by_slug(partner_slug).id
        self.report.add("partners created")
        return partner.id

    # ------------------------------------------------------------------ merging
    def _merge_page(self, works: list[HalWork]) -> None:
        incoming = [
            Incoming(
                w.id,
                w.partner_id,
                w.fields,
                source_fingerprint(
                    artist_display(w.fields["artists"] or []),
                    w.fields["title"],
                    w.fields["creation_year"],
                ),
            )
            for w in works
        ]
        merge_batch(self.svc, self.row, incoming, self, self.report)

    # ---- MergeSide: what an artsy remote brings to the shared merge
    fields = HAL_FIELDS
    tracks_push = False

    def prefetch(self, s: Session, rows: list[ArtworkRow]) -> None:
        pass

    def local(self, s: Session, row: ArtworkRow) -> dict[str, Any]:
        return local_hal_fields(s, self.svc, row)

    def create(self, s: Session, w: Incoming) -> int | None:
        try:
            return create_local(s, self.svc, w.fields, w.partner_id, self.source)
        except ArtdeskError as exc:
            self.report.add("failed")
            self.report.messages.append(
                f"remote work {w.id} ({w.fields.get('title')!r}) not taken: {exc.message}"
            )
            return None

    def apply(self, s: Session, artwork_id: int, changes: Mapping[str, Any]) -> str | None:
        return apply_hal_fields(s, self.svc, artwork_id, changes, self.source)

    def gone_base(self, w: Incoming) -> Any:
        # The base of this conflict names the partner the work would go back to.
        return {"partner_id": w.partner_id}

    def _merge_gone(self, seen: set[str]) -> None:
        """Linked works the remote no longer shows: deleted here unless edited here."""
        svc, row, report = self.svc, self.row, self.report
        removed: set[int] = set()
        with svc.db.write() as s:
            links = [
                link
                for link in s.scalars(select(SyncLinkRow).where(SyncLinkRow.remote_id == row.id))
                if link.remote_artwork_id and link.remote_artwork_id not in seen
            ]
            for link in links:
                local_row = s.get(ArtworkRow, link.artwork_id)
                if local_row is None:
                    s.delete(link)
                    continue
                local = local_hal_fields(s, svc, local_row)
                if link.base is None or local_changes(link.base, local, HAL_FIELDS):
                    svc._add_conflict(
                        s, row.id, link.artwork_id, link.remote_artwork_id, "deleted_remote",
                        None, None, local, None,
                    )  # fmt: skip
                    report.add("conflicts")
                    report.messages.append(
                        f"work {link.artwork_id}: edited here, gone from the remote"
                    )
                    continue
                svc._delete_local(s, local_row, self.source)
                s.delete(link)
                removed.add(link.artwork_id)
                report.add("deleted")
        for aid in removed:
            svc.catalog.notifier.emit(Changes.artworks({aid}, self.source, deleted=True))


__all__ = [
    "HalPull",
    "apply_hal_fields",
    "create_local",
    "hal_client",
    "local_hal_fields",
    "set_editions",
]
