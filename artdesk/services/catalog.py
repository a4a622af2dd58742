"""The catalog use cases: one thread-safe API for the GUI, the API server, the importer and the CLI.

Every call opens its own short session and returns frozen values from ``artdesk.core.models``.
Every write is logged in the changelog with its source and per-field old/new values, bumps the
catalog version, and is announced through the ``ChangeNotifier`` after it commits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, and_, delete, func, or_, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from artdesk.core.dates import parse_creation_year
from artdesk.core.errors import (
    ArtdeskError,
    ConflictError,
    NotFoundError,
    StaleVersionError,
    ValidationError,
)
from artdesk.core.fingerprint import artist_display, slug, source_fingerprint
from artdesk.core.models import (
    ARTWORK_EDIT_FIELDS,
    Artist,
    ArtistRef,
    Artwork,
    ChangeEntry,
    Collection,
    EditionSet,
    Gene,
    GeneValue,
    ImageInfo,
    Partner,
    PartnerType,
    Show,
    ShowStatus,
)
from artdesk.core.text import DIMENSION_FIELDS, parse_dimensions_cm
from artdesk.core.validation import (
    clean_artwork_fields,
    clean_availability,
    clean_currency,
    clean_float,
    clean_int,
    clean_text,
)
from artdesk.db.engine import Database
from artdesk.db.models import (
    ArtistRow,
    ArtworkArtistRow,
    ArtworkGeneRow,
    ArtworkRow,
    ChangelogRow,
    CollectionItemRow,
    CollectionRow,
    EditionSetRow,
    GeneRow,
    ImageRow,
    PartnerArtistRow,
    PartnerRow,
    ShowArtworkRow,
    ShowRow,
    utcnow,
)
from artdesk.services.changes import ChangeNotifier, Changes

SORT_KEYS = {
    "id": ArtworkRow.id,
    "title": ArtworkRow.title_sort,
    "artist": ArtworkRow.artist_sort,
    "year": ArtworkRow.creation_year,
    "price": ArtworkRow.price,
    "updated": ArtworkRow.updated_at,
    "inventory": ArtworkRow.inventory_number,
    "medium": ArtworkRow.medium,
    "availability": ArtworkRow.availability,
    "partner": ArtworkRow.partner_id,
    "currency": ArtworkRow.currency,
    "dimensions": ArtworkRow.dimensions,
}
SORT_PREFIX_LEN = 200
# Sorts an index serves in order (key, id): a page can be read by walking it.
_INDEXED_SORTS = frozenset(
    name
    for name, column in SORT_KEYS.items()
    if any(
        [c.name for c in index.columns][:2] == [column.name, "id"]
        for index in ArtworkRow.__table__.indexes
    )
)
_FTS_COUNT = text("SELECT count(*) FROM artworks_fts WHERE artworks_fts MATCH :fts")
# The prefix lengths migration 0004 gives the FTS5 table an index for (prefix='1 2').
_FTS_PREFIXES = 2
# One FTS5 rowid lookup of a prefix the prefix index serves costs about as much as putting this
# many matches in a set (on 190,000 works: ~0.06 ms against ~1.5 us).
_LOOKUP_COST = 40
_WALK_CHUNK = 100
_VERSION_QUERY = select(func.coalesce(func.max(ChangelogRow.id), 0))
_WORD = re.compile(r"[^\W_]+")

# Resolves a typed artist name to an existing artist id (similarity-based); None = no confident match.
ArtistResolver = Callable[[str], int | None]


@dataclass(frozen=True, slots=True)
class ArtworkQuery:
    """Filters for listing artworks; every filter runs in the database."""

    partner_id: int | None = None
    artist_id: int | None = None
    show_id: int | None = None
    collection_id: int | None = None
    gene_id: int | None = None
    availability: str | None = None
    published: bool | None = None
    text: str | None = None
    updated_since: datetime | None = None
    ids: tuple[int, ...] | None = None
    duplicates_only: bool = False
    # Visible to a reader bound to this partner: published works of every partner plus its own.
    visible_to_partner_id: int | None = None
    sort: str = "id"
    descending: bool = False


def search_text_for(
    title: str | None,
    artists: str,
    medium: str | None,
    inventory: str | None,
    description: str | None,
) -> str:
    """The text the full-text index sees: normalised words (diacritics folded, lower case)."""
    parts = (title, artists, medium, inventory, description)
    return " ".join(slug(p).replace("-", " ") for p in parts if p)


def search_terms(query: str) -> list[str]:
    return [w for w in slug(query).split("-") if w]


def fts_match(terms: list[str]) -> str:
    """An FTS5 query: every term as a prefix (the words typed so far), all of them required."""
    return " ".join(f'"{t}"*' for t in terms)


def sort_text(value: str | None) -> str:
    return slug(value)[:SORT_PREFIX_LEN] if value else ""


_Item = tuple[int, dict[str, Any], list[str], str]  # index, clean fields, artists, fingerprint


@dataclass(slots=True)
class _UpsertBatch:
    """The state of one ``upsert_artworks`` transaction."""

    s: Session
    partner_id: int
    source: str
    before_commit: Callable[[Session, int, Artwork, bool], None] | None
    results: list[Any]
    by_fp: dict[str, list[int]]  # the partner's works by fingerprint, as the batch goes
    kept: list[Any] = field(default_factory=list)  # rows kept in the identity map
    known: KnownArtists | None = None
    written: set[int] = field(default_factory=set)


@dataclass(slots=True)
class KnownArtists:
    """Artists a batch of writes looked up: by slug, and which (partner, artist) pairs exist."""

    by_slug: dict[str, ArtistRow] = field(default_factory=dict)
    linked: set[tuple[int, int]] = field(default_factory=set)


class CatalogService:
    def __init__(
        self,
        db: Database,
        notifier: ChangeNotifier | None = None,
        artist_resolver: ArtistResolver | None = None,
    ) -> None:
        self.db = db
        self.notifier = notifier or ChangeNotifier()
        self.artist_resolver = artist_resolver
        self._fts_prefix: bool | None = None  # whether artworks_fts has the prefix index

    # ------------------------------------------------------------------ meta
    def catalog_version(self) -> int:
        """Grows with every write (the newest changelog id)."""
        # A Core read on a pooled connection: about a fifth of an ORM session's cost, and the
        # API asks this on every page to know whether its cached totals still hold.
        with self.db.engine.connect() as conn:
            return int(conn.execute(_VERSION_QUERY).scalar() or 0)

    def stats(self) -> dict[str, int]:
        with self.db.read() as s:
            return {
                "artworks": s.scalar(select(func.count()).select_from(ArtworkRow)) or 0,
                "artists": s.scalar(select(func.count()).select_from(ArtistRow)) or 0,
                "partners": s.scalar(select(func.count()).select_from(PartnerRow)) or 0,
                "genes": s.scalar(select(func.count()).select_from(GeneRow)) or 0,
                "shows": s.scalar(select(func.count()).select_from(ShowRow)) or 0,
                "collections": s.scalar(select(func.count()).select_from(CollectionRow)) or 0,
            }

    def _log(
        self,
        s: Session,
        entity_type: str,
        entity_id: int,
        action: str,
        source: str,
        changes: Mapping[str, Mapping[str, Any]],
        partner_id: int | None,
    ) -> None:
        s.add(
            ChangelogRow(
                entity_type=entity_type,
                entity_id=entity_id,
                action=action,
                source=source,
                field_changes=_jsonable(changes),
                partner_id=partner_id,
                created_at=utcnow(),
            )
        )

    # ------------------------------------------------------------------ partners
    def create_partner(
        self,
        name: str,
        *,
        slug_: str | None = None,
        type: str = PartnerType.GALLERY.value,
        source: str = "cli",
        **fields: Any,
    ) -> Partner:
        name = (clean_text("name", name) or "").strip()
        if not name:
            raise ValidationError("Missing required field: name", field="name")
        partner_slug = slug(slug_ or name)
        if not partner_slug:
            raise ValidationError("the partner needs a name with letters or digits", field="slug")
        kind = (type or "gallery").strip().lower()
        if kind not in {t.value for t in PartnerType}:
            raise ValidationError(
                f"type must be one of {', '.join(t.value for t in PartnerType)}", field="type"
            )
        clean = self._partner_fields(fields)
        with self.db.write() as s:
            if s.scalar(select(PartnerRow.id).where(PartnerRow.slug == partner_slug)):
                raise ConflictError(f"a partner with slug {partner_slug!r} exists already")
            row = PartnerRow(name=name, slug=partner_slug, type=kind, **clean)
            s.add(row)
            s.flush()
            self._log(
                s,
                "partner",
                row.id,
                "create",
                source,
                {
                    k: {"old": None, "new": v}
                    for k, v in {"name": name, "slug": partner_slug, "type": kind, **clean}.items()
                    if v is not None
                },
                row.id,
            )
            out = _partner(row)
        self.notifier.emit(Changes(kinds=frozenset({"partners"}), source=source))
        return out

    @staticmethod
    def _partner_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
        allowed = {
            "email",
            "region",
            "website",
            "profile_handle",
            "description",
            "active",
            "name",
            "type",
        }
        out: dict[str, Any] = {}
        for key, value in fields.items():
            if key not in allowed:
                raise ValidationError(f"unknown partner field: {key}", field=key)
            if key == "active":
                out[key] = bool(value)
            else:
                out[key] = clean_text(key, value)
        if out.get("email") and "@" not in out["email"]:
            raise ValidationError("email must be an e-mail address", field="email")
        return out

    def update_partner(
        self, partner_id: int, changes: Mapping[str, Any], *, source: str
    ) -> Partner:
        clean = self._partner_fields(changes)
        if "name" in clean and not clean["name"]:
            raise ValidationError("Missing required field: name", field="name")
        with self.db.write() as s:
            row = s.get(PartnerRow, partner_id)
            if row is None:
                raise NotFoundError("Partner not found")
            diff = {}
            for key, value in clean.items():
                old = getattr(row, key)
                if old != value:
                    diff[key] = {"old": old, "new": value}
                    setattr(row, key, value)
            if diff:
                row.updated_at = utcnow()
                self._log(s, "partner", row.id, "update", source, diff, row.id)
            s.flush()
            out = _partner(row)
        if diff:
            self.notifier.emit(Changes(kinds=frozenset({"partners"}), source=source))
        return out

    def list_partners(self, active: bool | None = None) -> list[Partner]:
        with self.db.read() as s:
            q = select(PartnerRow).order_by(PartnerRow.name, PartnerRow.id)
            if active is not None:
                q = q.where(PartnerRow.active == active)
            return [_partner(r) for r in s.scalars(q)]

    def get_partner(self, partner_id: int) -> Partner:
        with self.db.read() as s:
            row = s.get(PartnerRow, partner_id)
            if row is None:
                raise NotFoundError("Partner not found")
            return _partner(row)

    def get_partner_by_slug(self, partner_slug: str) -> Partner:
        with self.db.read() as s:
            row = s.scalar(select(PartnerRow).where(PartnerRow.slug == slug(partner_slug)))
            if row is None:
                raise NotFoundError(f"no partner with slug {partner_slug!r}")
            return _partner(row)

    # ------------------------------------------------------------------ artists
    def _ensure_artists(
        self,
        s: Session,
        names: Sequence[str],
        partner_id: int | None,
        source: str,
        known: KnownArtists | None = None,
    ) -> list[ArtistRow]:
        """Resolve names to artists (exact slug, then the resolver), creating missing ones.
        ``known``: what earlier calls in the same transaction found (read and kept up to date)."""
        rows: list[ArtistRow] = []
        for raw in names:
            name = " ".join(raw.split())
            artist_slug = slug(name)
            if not artist_slug:
                continue
            if known is not None and artist_slug in known.by_slug:
                row = known.by_slug[artist_slug]
                if partner_id is not None and (partner_id, row.id) not in known.linked:
                    s.add(PartnerArtistRow(partner_id=partner_id, artist_id=row.id))
                    known.linked.add((partner_id, row.id))
                if row not in rows:
                    rows.append(row)
                continue
            row = s.scalar(select(ArtistRow).where(ArtistRow.slug == artist_slug))
            if row is None and self.artist_resolver is not None:
                resolved = self.artist_resolver(name)
                if resolved is not None:
                    row = s.get(ArtistRow, resolved)
            if row is None:
                row = ArtistRow(name=name, slug=artist_slug, sortable_name=_sortable(name))
                s.add(row)
                s.flush()
                self._log(
                    s,
                    "artist",
                    row.id,
                    "create",
                    source,
                    {"name": {"old": None, "new": name}},
                    partner_id,
                )
            if partner_id is not None and s.get(PartnerArtistRow, (partner_id, row.id)) is None:
                s.add(PartnerArtistRow(partner_id=partner_id, artist_id=row.id))
            if known is not None:
                known.by_slug[artist_slug] = row
                if partner_id is not None:
                    known.linked.add((partner_id, row.id))
            if row not in rows:
                rows.append(row)
        return rows

    @staticmethod
    def _known_artists(s: Session, names: Iterable[str], partner_id: int) -> KnownArtists:
        """The artists with these names' slugs and which of them the partner has, in two
        queries (for a batch of writes that would otherwise look each up)."""
        slugs = {slug(" ".join(n.split())) for n in names} - {""}
        known = KnownArtists()
        if not slugs:
            return known
        for row in s.scalars(select(ArtistRow).where(ArtistRow.slug.in_(sorted(slugs)))):
            known.by_slug[row.slug] = row
        ids = [r.id for r in known.by_slug.values()]
        if ids:
            known.linked = {
                (partner_id, aid)
                for aid in s.scalars(
                    select(PartnerArtistRow.artist_id).where(
                        PartnerArtistRow.partner_id == partner_id,
                        PartnerArtistRow.artist_id.in_(ids),
                    )
                )
            }
        return known

    def create_artist(
        self, name: str, *, partner_id: int | None = None, source: str = "cli", **fields: Any
    ) -> tuple[Artist, bool]:
        """Create an artist, deduplicated by slug; returns (artist, created)."""
        name = " ".join((clean_text("name", name) or "").split())
        if not slug(name):
            raise ValidationError("Missing required field: name", field="name")
        clean = _artist_fields(fields)
        with self.db.write() as s:
            existing = s.scalar(select(ArtistRow).where(ArtistRow.slug == slug(name)))
            created = existing is None
            if existing is None:
                existing = ArtistRow(
                    name=name, slug=slug(name), sortable_name=_sortable(name), **clean
                )
                s.add(existing)
                s.flush()
                self._log(
                    s,
                    "artist",
                    existing.id,
                    "create",
                    source,
                    {
                        k: {"old": None, "new": v}
                        for k, v in {"name": name, **clean}.items()
                        if v is not None
                    },
                    partner_id,
                )
            else:
                diff = {
                    k: {"old": getattr(existing, k), "new": v}
                    for k, v in clean.items()
                    if v is not None and getattr(existing, k) != v
                }
                for k, d in diff.items():
                    setattr(existing, k, d["new"])
                if diff:
                    self._log(s, "artist", existing.id, "update", source, diff, partner_id)
            if (
                partner_id is not None
                and s.get(PartnerArtistRow, (partner_id, existing.id)) is None
            ):
                s.add(PartnerArtistRow(partner_id=partner_id, artist_id=existing.id))
            s.flush()
            out = _artist(existing)
        self.notifier.emit(Changes(kinds=frozenset({"artists"}), source=source))
        return out, created

    def update_artist(self, artist_id: int, changes: Mapping[str, Any], *, source: str) -> Artist:
        clean = _artist_fields({k: v for k, v in changes.items() if k != "name"})
        with self.db.write() as s:
            row = s.get(ArtistRow, artist_id)
            if row is None:
                raise NotFoundError("Artist not found")
            diff = {
                k: {"old": getattr(row, k), "new": v}
                for k, v in clean.items()
                if getattr(row, k) != v
            }
            if "name" in changes:
                name = " ".join((clean_text("name", changes["name"]) or "").split())
                if not slug(name):
                    raise ValidationError("Missing required field: name", field="name")
                if name != row.name:
                    clash = s.scalar(
                        select(ArtistRow.id).where(
                            ArtistRow.slug == slug(name), ArtistRow.id != row.id
                        )
                    )
                    if clash:
                        raise ConflictError(
                            f"another artist is called {name!r}", candidates=[clash]
                        )
                    diff["name"] = {"old": row.name, "new": name}
                    row.name, row.slug, row.sortable_name = name, slug(name), _sortable(name)
                    self._refresh_artist_names(s, row.id)
            for k, d in diff.items():
                if k != "name":
                    setattr(row, k, d["new"])
            if diff:
                self._log(s, "artist", row.id, "update", source, diff, None)
            s.flush()
            out = _artist(row)
        self.notifier.emit(Changes(kinds=frozenset({"artists", "artworks"}), source=source))
        return out

    def _refresh_artist_names(self, s: Session, artist_id: int) -> None:
        ids = s.scalars(
            select(ArtworkArtistRow.artwork_id).where(ArtworkArtistRow.artist_id == artist_id)
        ).all()
        for aw in s.scalars(select(ArtworkRow).where(ArtworkRow.id.in_(ids))):
            names = self._artist_names(s, aw.id)
            self._denormalise(aw, names)

    def get_artist(self, artist_id: int) -> Artist:
        with self.db.read() as s:
            row = s.get(ArtistRow, artist_id)
            if row is None:
                raise NotFoundError("Artist not found")
            count = (
                s.scalar(select(func.count()).where(ArtworkArtistRow.artist_id == artist_id)) or 0
            )
            return replace(_artist(row), artwork_count=count)

    def find_artist_by_name(self, name: str) -> Artist | None:
        with self.db.read() as s:
            row = s.scalar(select(ArtistRow).where(ArtistRow.slug == slug(name)))
            return _artist(row) if row else None

    def _artists_query(
        self, partner_id: int | None, artwork_id: int | None, gene_id: int | None, text_: str | None
    ) -> Select:
        q = select(ArtistRow)
        if partner_id is not None:
            q = q.where(
                ArtistRow.id.in_(
                    select(PartnerArtistRow.artist_id).where(
                        PartnerArtistRow.partner_id == partner_id
                    )
                )
            )
        if artwork_id is not None:
            q = q.where(
                ArtistRow.id.in_(
                    select(ArtworkArtistRow.artist_id).where(
                        ArtworkArtistRow.artwork_id == artwork_id
                    )
                )
            )
        if gene_id is not None:
            q = q.where(
                ArtistRow.id.in_(
                    select(ArtworkArtistRow.artist_id)
                    .join(ArtworkGeneRow, ArtworkGeneRow.artwork_id == ArtworkArtistRow.artwork_id)
                    .where(ArtworkGeneRow.gene_id == gene_id)
                )
            )
        if text_:
            q = q.where(ArtistRow.slug.contains(slug(text_)))
        return q

    def list_artists(
        self,
        *,
        partner_id: int | None = None,
        artwork_id: int | None = None,
        gene_id: int | None = None,
        text: str | None = None,
        offset: int = 0,
        limit: int = 100,
        after_id: int | None = None,
    ) -> list[Artist]:
        with self.db.read() as s:
            q = self._artists_query(partner_id, artwork_id, gene_id, text)
            if artwork_id is not None:
                q = q.join(
                    ArtworkArtistRow,
                    and_(
                        ArtworkArtistRow.artist_id == ArtistRow.id,
                        ArtworkArtistRow.artwork_id == artwork_id,
                    ),
                ).order_by(ArtworkArtistRow.position)
            else:
                q = q.order_by(ArtistRow.id)
            if after_id is not None:
                q = q.where(ArtistRow.id > after_id)
            return [_artist(r) for r in s.scalars(q.offset(offset).limit(limit))]

    def count_artists(
        self,
        *,
        partner_id: int | None = None,
        artwork_id: int | None = None,
        gene_id: int | None = None,
        text: str | None = None,
    ) -> int:
        with self.db.read() as s:
            sub = self._artists_query(partner_id, artwork_id, gene_id, text).subquery()
            return s.scalar(select(func.count()).select_from(sub)) or 0

    def artist_names(self) -> list[tuple[int, str]]:
        with self.db.read() as s:
            return [(r.id, r.name) for r in s.execute(select(ArtistRow.id, ArtistRow.name))]

    # ------------------------------------------------------------------ artworks: read
    def get_artwork(
        self, artwork_id: int, *, partner_id: int | None = None, detail: bool = True
    ) -> Artwork:
        """One artwork; ``partner_id`` binds the read to an entity (another's is 'not found')."""
        if not detail:
            with self.db.engine.connect() as conn:
                found = self._plain_artworks(conn, [artwork_id])
            if not found or (partner_id is not None and found[0].partner_id != partner_id):
                raise NotFoundError("Artwork not found")
            return found[0]
        with self.db.read() as s:
            row = s.get(ArtworkRow, artwork_id)
            if row is None or (partner_id is not None and row.partner_id != partner_id):
                raise NotFoundError("Artwork not found")
            return self._artworks_out(s, [row], detail=detail)[0]

    def get_artworks(self, ids: Sequence[int]) -> list[Artwork]:
        with self.db.read() as s:
            rows = {
                r.id: r for r in s.scalars(select(ArtworkRow).where(ArtworkRow.id.in_(list(ids))))
            }
            found = [rows[i] for i in ids if i in rows]
            return self._artworks_out(s, found, detail=False)

    def _filtered(self, q: Select, query: ArtworkQuery) -> Select:
        if query.partner_id is not None:
            q = q.where(ArtworkRow.partner_id == query.partner_id)
        if query.visible_to_partner_id is not None:
            q = q.where(
                or_(
                    ArtworkRow.published.is_(True),
                    ArtworkRow.partner_id == query.visible_to_partner_id,
                )
            )
        if query.artist_id is not None:
            q = q.where(
                ArtworkRow.id.in_(
                    select(ArtworkArtistRow.artwork_id).where(
                        ArtworkArtistRow.artist_id == query.artist_id
                    )
                )
            )
        if query.show_id is not None:
            q = q.where(
                ArtworkRow.id.in_(
                    select(ShowArtworkRow.artwork_id).where(ShowArtworkRow.show_id == query.show_id)
                )
            )
        if query.gene_id is not None:
            q = q.where(
                ArtworkRow.id.in_(
                    select(ArtworkGeneRow.artwork_id).where(ArtworkGeneRow.gene_id == query.gene_id)
                )
            )
        if query.availability:
            q = q.where(ArtworkRow.availability == clean_availability(query.availability))
        if query.published is not None:
            q = q.where(ArtworkRow.published.is_(query.published))
        if query.updated_since is not None:
            q = q.where(ArtworkRow.updated_at >= _naive_utc(query.updated_since))
        if query.ids is not None:
            q = q.where(ArtworkRow.id.in_(list(query.ids)))
        if query.duplicates_only:
            dup = (
                select(ArtworkRow.source_fingerprint)
                .group_by(ArtworkRow.source_fingerprint)
                .having(func.count() > 1)
            )
            q = q.where(ArtworkRow.source_fingerprint.in_(dup))
        if query.text and query.text.strip():
            terms = search_terms(query.text)
            if not terms:
                return q.where(text("1 = 0"))
            if self.db.is_sqlite:
                match = fts_match(terms)
                q = q.where(
                    ArtworkRow.id.in_(
                        text(
                            "SELECT rowid FROM artworks_fts WHERE artworks_fts MATCH :fts"
                        ).bindparams(fts=match)
                    )
                )
            else:
                tsq = " & ".join(f"{t}:*" for t in terms)
                q = q.where(
                    text(
                        "to_tsvector('simple', artworks.search_text) @@ to_tsquery('simple', :tsq)"
                    ).bindparams(tsq=tsq)
                )
        return q

    def _ordered_ids(self, query: ArtworkQuery) -> Select:
        if query.collection_id is not None:
            q = (
                select(ArtworkRow.id)
                .join(CollectionItemRow, CollectionItemRow.artwork_id == ArtworkRow.id)
                .where(CollectionItemRow.collection_id == query.collection_id)
            )
            q = self._filtered(q, query)
            return q.order_by(CollectionItemRow.position, ArtworkRow.id)
        return self._sorted(self._filtered(select(ArtworkRow.id), query), query)

    @staticmethod
    def _sorted(q: Select, query: ArtworkQuery) -> Select:
        key = SORT_KEYS.get(query.sort)
        if key is None:
            raise ValidationError(
                f"cannot sort by {query.sort!r}; use one of {', '.join(SORT_KEYS)}", field="sort"
            )
        if key is ArtworkRow.id:
            return q.order_by(ArtworkRow.id.desc() if query.descending else ArtworkRow.id)
        if query.descending:
            return q.order_by(key.desc(), ArtworkRow.id.desc())
        return q.order_by(key, ArtworkRow.id)

    def _search_only(self, query: ArtworkQuery) -> bool:
        """Whether the query is the search box alone (text, an order, no other filter) on SQLite."""
        return (
            self.db.is_sqlite
            and bool(query.text and query.text.strip())
            and query == ArtworkQuery(text=query.text, sort=query.sort, descending=query.descending)
        )

    def _page_ids(self, s: Session, query: ArtworkQuery, offset: int, limit: int) -> list[int]:
        """The ids of one page of ``query``, in its order.

        The search box alone on SQLite takes a plan that fits the words typed. The general plan
        builds the set of every matching id, then walks the sort's index keeping the ids in
        the set: its cost grows with the matches, and a one-letter prefix matches most of the
        catalog (about 250 ms for a title-sorted page on 190,000 works). In id order the
        full-text index gives its matches in that order itself, so the page is read from it and
        reading stops after the page. In another indexed order, when every word is one or two
        letters (the FTS5 prefix index answers "is this work a match?" with one seek) and the
        matches are dense, a bounded walk of the sort's index asking that of each work finds the
        page after a few hundred lookups; if the walk's bound comes first (matches clustered
        elsewhere in the order), the general plan runs.
        """
        if self._search_only(query) and query.sort in SORT_KEYS:
            terms = search_terms(query.text or "")
            if not terms:
                return []
            match = fts_match(terms)
            d = "DESC" if query.descending else "ASC"
            params = {"fts": match, "limit": limit, "offset": offset}
            if SORT_KEYS[query.sort] is ArtworkRow.id:
                sql = (
                    "SELECT rowid FROM artworks_fts WHERE artworks_fts MATCH :fts "
                    f"ORDER BY rowid {d} LIMIT :limit OFFSET :offset"
                )
                return list(s.scalars(text(sql), params))
            if (
                query.sort in _INDEXED_SORTS
                and max(len(t) for t in terms) <= _FTS_PREFIXES
                and self._fts_has_prefix_index(s)
            ):
                hits = s.scalar(_FTS_COUNT, {"fts": match}) or 0
                catalog = s.scalar(select(func.max(ArtworkRow.id))) or 0
                expected = (offset + limit) * catalog // max(hits, 1)
                if hits and expected * _LOOKUP_COST < hits:
                    ids = self._walk_matching(s, query, match, offset + limit, 3 * expected + limit)
                    if ids is not None:
                        return ids[offset:]
        return list(s.scalars(self._ordered_ids(query).offset(offset).limit(limit)))

    def _fts_has_prefix_index(self, s: Session) -> bool:
        """Whether the FTS5 table has migration 0004's prefix index (a catalog opened without
        upgrading may not; without it every lookup merges all the terms of the prefix)."""
        if self._fts_prefix is None:
            sql = s.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'artworks_fts'"))
            self._fts_prefix = bool(sql and "prefix='1 2'" in sql)
        return self._fts_prefix

    def _walk_matching(
        self, s: Session, query: ArtworkQuery, match: str, wanted: int, scan: int
    ) -> list[int] | None:
        """The first ``wanted`` matches of ``match`` in the query's order, found by walking at
        most ``scan`` works of the sort's index and asking FTS5 about them a chunk at a time;
        None when the walk ends first (the general plan is then the cheaper one)."""
        order = self._sorted(select(ArtworkRow.id), replace(query, text=None))
        walked = list(s.scalars(order.limit(scan)))
        found: list[int] = []
        for start in range(0, len(walked), _WALK_CHUNK):
            chunk = walked[start : start + _WALK_CHUNK]
            marks = ", ".join(f":r{i}" for i in range(len(chunk)))
            sql = f"SELECT rowid FROM artworks_fts WHERE artworks_fts MATCH :fts AND rowid IN ({marks})"
            params: dict[str, Any] = {f"r{i}": v for i, v in enumerate(chunk)}
            params["fts"] = match
            hit = set(s.scalars(text(sql), params))
            found.extend(i for i in chunk if i in hit)
            if len(found) >= wanted:
                return found[:wanted]
        return None

    def list_artwork_ids(self, query: ArtworkQuery, offset: int = 0, limit: int = 50) -> list[int]:
        """Only the ids, in order (cheap: index-only where the sort has an index)."""
        with self.db.read() as s:
            return self._page_ids(s, query, offset, limit)

    def list_artworks(
        self, query: ArtworkQuery | None = None, offset: int = 0, limit: int = 50
    ) -> list[Artwork]:
        """A page of artworks: ids first (index-only), then the rows for those ids."""
        query = query or ArtworkQuery()
        with self.db.read() as s:
            return self._load_in_order(s, self._page_ids(s, query, offset, limit))

    def _ids_after(self, query: ArtworkQuery, after_id: int | None) -> Select:
        if query.collection_id is not None:
            raise ValidationError("collection order is by position; use list_collection_page")
        q = self._filtered(select(ArtworkRow.id), query)
        if after_id is not None:
            q = q.where(ArtworkRow.id > after_id)
        return q.order_by(ArtworkRow.id)

    def list_artworks_after(
        self,
        query: ArtworkQuery,
        after_id: int | None,
        limit: int,
        *,
        offset: int = 0,
        detail: bool = False,
    ) -> list[Artwork]:
        """Keyset page in id order: artworks with id greater than ``after_id`` (stable under writes)."""
        if not detail:
            with self.db.engine.connect() as conn:
                q = self._ids_after(query, after_id).offset(offset).limit(limit)
                return self._plain_artworks(conn, list(conn.scalars(q)))
        with self.db.read() as s:
            ids = list(s.scalars(self._ids_after(query, after_id).offset(offset).limit(limit)))
            return self._load_in_order(s, ids, detail=detail)

    def list_artwork_ids_after(
        self, query: ArtworkQuery, after_id: int | None, *, offset: int = 0, limit: int = 1
    ) -> list[int]:
        """Only the ids of a keyset page in id order (an index walk, no rows loaded)."""
        with self.db.read() as s:
            return list(s.scalars(self._ids_after(query, after_id).offset(offset).limit(limit)))

    def list_collection_page(
        self, query: ArtworkQuery, after: tuple[int, int] | None, limit: int
    ) -> list[tuple[int, Artwork]]:
        """Keyset page of a collection in position order: [(position, artwork)]."""
        if query.collection_id is None:
            raise ValidationError("collection_id is required")
        with self.db.read() as s:
            q = (
                select(CollectionItemRow.position, ArtworkRow.id)
                .join(CollectionItemRow, CollectionItemRow.artwork_id == ArtworkRow.id)
                .where(CollectionItemRow.collection_id == query.collection_id)
            )
            q = self._filtered(q, replace(query, collection_id=None))
            if after is not None:
                pos, aid = after
                q = q.where(
                    or_(
                        CollectionItemRow.position > pos,
                        and_(CollectionItemRow.position == pos, ArtworkRow.id > aid),
                    )
                )
            pairs = list(
                s.execute(q.order_by(CollectionItemRow.position, ArtworkRow.id).limit(limit))
            )
            works = self._load_in_order(s, [p[1] for p in pairs])
            return [(p[0], w) for p, w in zip(pairs, works, strict=True)]

    def count_artworks(self, query: ArtworkQuery | None = None) -> int:
        query = query or ArtworkQuery()
        with self.db.read() as s:
            text_only = ArtworkQuery(text=query.text, sort=query.sort, descending=query.descending)
            if self.db.is_sqlite and query.text and query.text.strip() and query == text_only:
                # The search box alone: count in the full-text index itself (it holds one entry
                # per artwork), without looking every match up in artworks (a one-letter prefix
                # matches most of the catalog: about 6x faster on 190,000 works).
                terms = search_terms(query.text)
                if not terms:
                    return 0
                return s.scalar(_FTS_COUNT, {"fts": fts_match(terms)}) or 0
            q = self._filtered(select(func.count()).select_from(ArtworkRow), query)
            if query.collection_id is not None:
                q = q.where(
                    ArtworkRow.id.in_(
                        select(CollectionItemRow.artwork_id).where(
                            CollectionItemRow.collection_id == query.collection_id
                        )
                    )
                )
            return s.scalar(q) or 0

    def _plain_artworks(self, conn: Connection, ids: list[int]) -> list[Artwork]:
        """Artworks without editions, genes and images, in ``ids`` order, from Core rows.

        The same values ``_artworks_out(detail=False)`` gives, without building ORM objects
        (several times cheaper for an API page of 100).
        """
        if not ids:
            return []
        table = ArtworkRow.__table__
        columns = [table.c[f] for f in _ARTWORK_ROW_FIELDS]
        rows = {r.id: r for r in conn.execute(select(*columns).where(table.c.id.in_(ids)))}
        ordered = [rows[i] for i in ids if i in rows]
        refs = self._artist_refs(conn, [r.id for r in ordered])
        partners = {
            p.id: p
            for p in conn.execute(
                select(PartnerRow.id, PartnerRow.slug, PartnerRow.name).where(
                    PartnerRow.id.in_({r.partner_id for r in ordered})
                )
            )
        }
        out = []
        for r in ordered:
            p = partners.get(r.partner_id)
            out.append(
                Artwork(
                    **r._mapping,
                    artists=tuple(refs.get(r.id, ())),
                    partner_slug=p.slug if p else None,
                    partner_name=p.name if p else None,
                )
            )
        return out

    def _load_in_order(self, s: Session, ids: list[int], detail: bool = False) -> list[Artwork]:
        if not ids:
            return []
        rows = {r.id: r for r in s.scalars(select(ArtworkRow).where(ArtworkRow.id.in_(ids)))}
        return self._artworks_out(s, [rows[i] for i in ids if i in rows], detail=detail)

    def fingerprint_groups(
        self, partner_id: int | None = None, min_size: int = 2
    ) -> list[list[int]]:
        """Groups of artworks sharing a fingerprint (possible duplicates, never merged)."""
        with self.db.read() as s:
            q = select(ArtworkRow.source_fingerprint, ArtworkRow.id)
            if partner_id is not None:
                q = q.where(ArtworkRow.partner_id == partner_id)
            dup = (
                select(ArtworkRow.source_fingerprint)
                .group_by(ArtworkRow.source_fingerprint)
                .having(func.count() >= min_size)
            )
            groups: dict[str, list[int]] = {}
            for fp, aid in s.execute(
                q.where(ArtworkRow.source_fingerprint.in_(dup)).order_by(ArtworkRow.id)
            ):
                groups.setdefault(fp, []).append(aid)
            return [g for g in groups.values() if len(g) >= min_size]

    def artworks_with_fingerprint(
        self, fingerprint: str, partner_id: int | None = None
    ) -> list[int]:
        with self.db.read() as s:
            q = select(ArtworkRow.id).where(ArtworkRow.source_fingerprint == fingerprint)
            if partner_id is not None:
                q = q.where(ArtworkRow.partner_id == partner_id)
            return list(s.scalars(q.order_by(ArtworkRow.id)))

    def _artist_refs(self, s: Session | Connection, ids: list[int]) -> dict[int, list[ArtistRef]]:
        out: dict[int, list[ArtistRef]] = {i: [] for i in ids}
        if not ids:
            return out
        q = (
            select(ArtworkArtistRow.artwork_id, ArtistRow.id, ArtistRow.name, ArtistRow.slug)
            .join(ArtistRow, ArtistRow.id == ArtworkArtistRow.artist_id)
            .where(ArtworkArtistRow.artwork_id.in_(ids))
            .order_by(ArtworkArtistRow.artwork_id, ArtworkArtistRow.position)
        )
        for aid, artist_id, name, artist_slug in s.execute(q):
            out[aid].append(ArtistRef(artist_id, name, artist_slug))
        return out

    def _artist_names(self, s: Session, artwork_id: int) -> list[str]:
        return [r.name for r in self._artist_refs(s, [artwork_id])[artwork_id]]

    def _artworks_out(self, s: Session, rows: list[ArtworkRow], *, detail: bool) -> list[Artwork]:
        ids = [r.id for r in rows]
        refs = self._artist_refs(s, ids)
        partners = {
            p.id: p
            for p in s.execute(
                select(PartnerRow.id, PartnerRow.slug, PartnerRow.name).where(
                    PartnerRow.id.in_({r.partner_id for r in rows})
                )
            )
        }
        editions: dict[int, list[EditionSet]] = {}
        genes: dict[int, list[GeneValue]] = {}
        images: dict[int, list[ImageInfo]] = {}
        if detail and ids:
            for e in s.scalars(
                select(EditionSetRow)
                .where(EditionSetRow.artwork_id.in_(ids))
                .order_by(EditionSetRow.id)
            ):
                editions.setdefault(e.artwork_id, []).append(_edition(e))
            for aid, gid, name, value in s.execute(
                select(ArtworkGeneRow.artwork_id, GeneRow.id, GeneRow.name, ArtworkGeneRow.value)
                .join(GeneRow, GeneRow.id == ArtworkGeneRow.gene_id)
                .where(ArtworkGeneRow.artwork_id.in_(ids))
                .order_by(ArtworkGeneRow.value.desc(), GeneRow.name)
            ):
                genes.setdefault(aid, []).append(GeneValue(gid, name, value))
            for im in s.scalars(
                select(ImageRow)
                .where(ImageRow.artwork_id.in_(ids))
                .order_by(ImageRow.position, ImageRow.id)
            ):
                images.setdefault(im.artwork_id, []).append(_image(im))
        out = []
        for r in rows:
            p = partners.get(r.partner_id)
            out.append(
                Artwork(
                    **{f: getattr(r, f) for f in _ARTWORK_ROW_FIELDS},
                    artists=tuple(refs.get(r.id, ())),
                    partner_slug=p.slug if p else None,
                    partner_name=p.name if p else None,
                    editions=tuple(editions.get(r.id, ())),
                    genes=tuple(genes.get(r.id, ())),
                    images=tuple(images.get(r.id, ())),
                )
            )
        return out

    # ------------------------------------------------------------------ artworks: write
    def _prepare(
        self, data: Mapping[str, Any], *, create: bool
    ) -> tuple[dict[str, Any], list[str] | None]:
        data = dict(data)
        artists: list[str] | None = None
        if "artists" in data:
            raw = data.pop("artists")
            if raw is None:
                artists = []
            elif isinstance(raw, str):
                artists = [raw]
            else:
                artists = [str(a) for a in raw if a is not None]
        if "artist_name" in data:
            name = data.pop("artist_name")
            if name is not None and not isinstance(name, str):
                raise ValidationError("artist_name must be text", field="artist_name")
            if artists is None:
                artists = [name] if name and name.strip() else []
        clean = clean_artwork_fields(data, require_title=create)
        if "date_text" in clean and "creation_year" not in data and clean["date_text"]:
            clean["creation_year"] = parse_creation_year(clean["date_text"])
        if clean.get("dimensions") and not any(f in data for f in DIMENSION_FIELDS):
            # the size in cm follows the dimensions text, as the year follows the date
            clean.update(
                zip(DIMENSION_FIELDS, parse_dimensions_cm(clean["dimensions"]), strict=True)
            )
        return clean, artists

    def _denormalise(self, row: ArtworkRow, artist_names: list[str]) -> None:
        display = artist_display(artist_names)
        row.artist_names = display
        row.artist_sort = sort_text(_sortable(artist_names[0]) if artist_names else "")
        row.title_sort = sort_text(row.title)
        row.search_text = search_text_for(
            row.title, display, row.medium, row.inventory_number, row.description
        )
        row.source_fingerprint = source_fingerprint(display, row.title, row.creation_year)

    def create_artwork(
        self,
        data: Mapping[str, Any],
        *,
        partner_id: int,
        source: str,
        artists: Sequence[str] | None = None,
    ) -> Artwork:
        """Create one artwork. Never merges by fingerprint (see ``upsert_artwork`` for that)."""
        clean, named = self._prepare(data, create=True)
        names = list(artists) if artists is not None else (named or [])
        with self.db.write() as s:
            aid = self._insert_artwork(s, clean, names, partner_id, source)
            out = self._artworks_out(s, [s.get(ArtworkRow, aid)], detail=True)[0]
        self.notifier.emit(Changes.artworks({aid}, source))
        return out

    def _insert_artwork(
        self,
        s: Session,
        clean: dict[str, Any],
        names: list[str],
        partner_id: int,
        source: str,
        *,
        synced: bool = False,
    ) -> int:
        """Insert one artwork (and its artist links and changelog entry); ``synced`` stamps
        ``last_synced_at`` (a work that came from or went to another catalog)."""
        return self._insert_artwork_row(s, clean, names, partner_id, source, synced=synced)[0].id

    def _insert_artwork_row(
        self,
        s: Session,
        clean: dict[str, Any],
        names: list[str],
        partner_id: int,
        source: str,
        *,
        synced: bool = False,
        known: KnownArtists | None = None,
    ) -> tuple[ArtworkRow, list[ArtistRow], PartnerRow]:
        """``_insert_artwork`` returning the new row, its artists and its partner (all loaded)."""
        partner = s.get(PartnerRow, partner_id)
        if partner is None:
            raise NotFoundError("Partner not found")
        inv = clean.get("inventory_number")
        if inv and s.scalar(
            select(ArtworkRow.id).where(
                ArtworkRow.partner_id == partner_id, ArtworkRow.inventory_number == inv
            )
        ):
            raise ConflictError(
                f"inventory number {inv!r} is already used by another work of this partner"
            )
        artist_rows = self._ensure_artists(s, names, partner_id, source, known)
        row = self._new_artwork_row(clean, artist_rows, partner_id, synced)
        s.add(row)
        s.flush()
        self._created_rows(s, [(row, clean, artist_rows)], partner_id, source)
        return row, artist_rows, partner

    def _new_artwork_row(
        self, clean: dict[str, Any], artist_rows: list[ArtistRow], partner_id: int, synced: bool
    ) -> ArtworkRow:
        now = utcnow()
        row = ArtworkRow(partner_id=partner_id, created_at=now, updated_at=now, **clean)
        if synced:
            row.last_synced_at = now
        self._denormalise(row, [a.name for a in artist_rows])
        return row

    @staticmethod
    def _created_rows(
        s: Session,
        made: list[tuple[ArtworkRow, dict[str, Any], list[ArtistRow]]],
        partner_id: int,
        source: str,
    ) -> None:
        """The artist links and changelog entries of new (flushed) artwork rows."""
        # Plain inserts: Core statements in the same transaction, without another flush
        # (nothing reads them back as ORM objects), the parameters apart (one compiled
        # statement, several rows at once).
        links = [
            {"artwork_id": row.id, "position": pos, "artist_id": a.id}
            for row, _, artist_rows in made
            for pos, a in enumerate(artist_rows)
        ]
        if links:
            s.execute(ArtworkArtistRow.__table__.insert(), links)
        entries = []
        for row, clean, artist_rows in made:
            changes = {k: {"old": None, "new": v} for k, v in clean.items() if v is not None}
            if artist_rows:
                changes["artists"] = {"old": None, "new": [a.name for a in artist_rows]}
            entries.append(
                {
                    "entity_type": "artwork",
                    "entity_id": row.id,
                    "action": "create",
                    "source": source,
                    "field_changes": _jsonable(changes),
                    "partner_id": partner_id,
                    "created_at": utcnow(),
                }
            )
        s.execute(ChangelogRow.__table__.insert(), entries)

    def update_artwork(
        self,
        artwork_id: int,
        changes: Mapping[str, Any],
        *,
        source: str,
        expected_version: int | None = None,
        partner_id: int | None = None,
        synced: bool = False,
    ) -> Artwork:
        """Change some fields. ``expected_version`` gives optimistic locking (StaleVersionError)."""
        clean, names = self._prepare(changes, create=False)
        with self.db.write() as s:
            row = s.get(ArtworkRow, artwork_id)
            if row is None or (partner_id is not None and row.partner_id != partner_id):
                raise NotFoundError("Artwork not found")
            if expected_version is not None and row.version != expected_version:
                raise StaleVersionError(
                    f"the artwork changed since you loaded it (version {expected_version}, now {row.version})",
                    current_version=row.version,
                )
            diff = self._apply(s, row, clean, names, source)
            if synced:
                row.last_synced_at = utcnow()
            if diff or synced:
                row.updated_at = utcnow() if diff else row.updated_at
                s.flush()
            if diff:
                self._log(s, "artwork", row.id, "update", source, diff, row.partner_id)
            out = self._artworks_out(s, [row], detail=True)[0]
        if diff:
            self.notifier.emit(Changes.artworks({artwork_id}, source))
        return out

    def _apply(
        self,
        s: Session,
        row: ArtworkRow,
        clean: Mapping[str, Any],
        names: list[str] | None,
        source: str,
    ) -> dict[str, dict[str, Any]]:
        # No autoflush while fields change: one flush, one version bump per write.
        with s.no_autoflush:
            return self._apply_fields(s, row, clean, names, source)

    def _apply_fields(
        self,
        s: Session,
        row: ArtworkRow,
        clean: Mapping[str, Any],
        names: list[str] | None,
        source: str,
    ) -> dict[str, dict[str, Any]]:
        diff: dict[str, dict[str, Any]] = {}
        current = self._artist_names(s, row.id)
        if (
            "inventory_number" in clean
            and clean["inventory_number"]
            and clean["inventory_number"] != row.inventory_number
        ):
            clash = s.scalar(
                select(ArtworkRow.id).where(
                    ArtworkRow.partner_id == row.partner_id,
                    ArtworkRow.inventory_number == clean["inventory_number"],
                    ArtworkRow.id != row.id,
                )
            )
            if clash:
                raise ConflictError(
                    f"inventory number {clean['inventory_number']!r} is already used",
                    candidates=[clash],
                )
        # Artists first: creating one flushes, and the artwork must not be dirty yet.
        new_rows = (
            self._ensure_artists(s, names, row.partner_id, source) if names is not None else None
        )
        for key, value in clean.items():
            old = getattr(row, key)
            if old != value:
                diff[key] = {"old": old, "new": value}
                setattr(row, key, value)
        if new_rows is not None:
            new_names = [a.name for a in new_rows]
            if new_names != current:
                s.execute(delete(ArtworkArtistRow).where(ArtworkArtistRow.artwork_id == row.id))
                for pos, a in enumerate(new_rows):
                    s.add(ArtworkArtistRow(artwork_id=row.id, position=pos, artist_id=a.id))
                diff["artists"] = {"old": current, "new": new_names}
                current = new_names
        if diff:
            old_fp = row.source_fingerprint
            self._denormalise(row, current)
            if row.source_fingerprint != old_fp:
                diff["source_fingerprint"] = {"old": old_fp, "new": row.source_fingerprint}
        return diff

    def upsert_artwork(
        self,
        data: Mapping[str, Any],
        *,
        partner_id: int,
        source: str,
        before_commit: Callable[[Session, Artwork, bool], None] | None = None,
    ) -> tuple[Artwork, bool]:
        """Artland's POST semantics: match by fingerprint within the partner.

        No match: create. One match: merge the non-null fields, refresh last_synced_at.
        Several: ConflictError naming the candidates, and nothing is written.
        The artwork returned has its fields and artists, not its editions, genes and images
        (an upsert answers with the id and ETag; ``get_artwork`` has the rest).
        ``before_commit(session, artwork, created)`` runs in the write's own transaction, after
        the work is written and before the commit (the API keeps its idempotency record there:
        both are committed, or neither); if it raises, nothing is written.
        """
        hook = None
        if before_commit is not None:
            hook = lambda s, _i, artwork, created: before_commit(s, artwork, created)  # noqa: E731
        [result] = self._upsert(
            [data], partner_id=partner_id, source=source, before_commit=hook, savepoints=False
        )
        if isinstance(result, ArtdeskError):
            raise result
        return result

    def upsert_artworks(
        self,
        items: Sequence[Mapping[str, Any]],
        *,
        partner_id: int,
        source: str,
        before_commit: Callable[[Session, int, Artwork, bool], None] | None = None,
    ) -> list[tuple[Artwork, bool] | ArtdeskError]:
        """``upsert_artwork`` for several works in one transaction, in order (a later item
        with the fingerprint of an earlier one merges into it, as a later POST would).

        Each item is its own savepoint: an item the catalog refuses (validation, several works
        with its fingerprint, an inventory number in use) writes nothing and its place in the
        result holds the error; the others are written. ``before_commit(session, index,
        artwork, created)`` runs for each written item inside its savepoint; if it raises,
        nothing of the batch is written."""
        return self._upsert(
            items, partner_id=partner_id, source=source, before_commit=before_commit,
            savepoints=True,
        )  # fmt: skip

    def _upsert(
        self,
        items: Sequence[Mapping[str, Any]],
        *,
        partner_id: int,
        source: str,
        before_commit: Callable[[Session, int, Artwork, bool], None] | None,
        savepoints: bool,
    ) -> list[tuple[Artwork, bool] | ArtdeskError]:
        results: list[tuple[Artwork, bool] | ArtdeskError] = []
        prepared: list[_Item] = []
        for i, data in enumerate(items):
            try:
                clean, names = self._prepare(data, create=True)
            except ArtdeskError as exc:
                if not savepoints:
                    raise
                results.append(exc)
                continue
            names = names or []
            fp = source_fingerprint(
                artist_display(names), clean["title"], clean.get("creation_year")
            )
            prepared.append((i, clean, names, fp))
            results.append(None)  # type: ignore[arg-type]  # filled in below
        written: set[int] = set()
        if prepared:
            with self.db.write() as s:
                b = _UpsertBatch(
                    s,
                    partner_id,
                    source,
                    before_commit,
                    results,
                    self._artworks_by_fingerprint(s, {p[3] for p in prepared}, partner_id),
                    kept=[s.get(PartnerRow, partner_id)],  # stays in the identity map
                )
                if savepoints:
                    b.known = self._known_artists(
                        s, (n for p in prepared for n in p[2]), partner_id
                    )
                run: list[_Item] = []
                run_fps: set[str] = set()
                for item in prepared:
                    i, clean, names, fp = item
                    if not savepoints:
                        out, created = self._upsert_one(b, clean, names, fp)
                        if before_commit is not None:
                            before_commit(s, i, out, created)
                        results[i] = (out, created)
                        b.written.add(out.id)
                        continue
                    if (
                        not clean.get("inventory_number")
                        and not b.by_fp.get(fp)
                        and fp not in run_fps
                    ):
                        run.append(item)  # a plain create: written with the others of the run
                        run_fps.add(fp)
                        continue
                    self._create_run(b, run)
                    run, run_fps = [], set()
                    self._upsert_item(b, item)
                self._create_run(b, run)
                written = b.written
        if written:
            self.notifier.emit(Changes.artworks(written, source))
        return results

    def _upsert_item(self, b: _UpsertBatch, item: _Item) -> None:
        """One item of a batch in its own savepoint."""
        i, clean, names, fp = item
        had = list(b.by_fp.get(fp, []))
        try:
            with b.s.begin_nested():
                out, created = self._upsert_one(b, clean, names, fp)
                if b.before_commit is not None:
                    b.before_commit(b.s, i, out, created)
        except ArtdeskError as exc:
            # Rolled back to the savepoint: forget what this item added.
            b.by_fp[fp] = had
            b.known = KnownArtists()
            b.results[i] = exc
            return
        b.results[i] = (out, created)
        b.written.add(out.id)

    def _create_run(self, b: _UpsertBatch, items: list[_Item]) -> None:
        """Items of a batch that create a work (no inventory number, no work with their
        fingerprint, none before them in the run either) in one savepoint and one flush; if
        the catalog refuses any of them, each in its own savepoint instead (so only that one
        fails)."""
        if not items:
            return
        s = b.s
        partner = s.get(PartnerRow, b.partner_id)
        made: list[tuple[ArtworkRow, dict[str, Any], list[ArtistRow]]] = []
        outs: list[Artwork] = []
        try:
            with s.begin_nested():
                for _i, clean, names, _fp in items:
                    artists = self._ensure_artists(s, names, b.partner_id, b.source, b.known)
                    row = self._new_artwork_row(clean, artists, b.partner_id, True)
                    made.append((row, clean, artists))
                s.add_all([row for row, _, _ in made])
                s.flush()
                self._created_rows(s, made, b.partner_id, b.source)
                for (i, _, _, _), (row, _, artists) in zip(items, made, strict=True):
                    outs.append(_created_artwork(row, artists, partner))
                    if b.before_commit is not None:
                        b.before_commit(s, i, outs[-1], True)
        except (ArtdeskError, DBAPIError):
            b.known = KnownArtists()
            for item in items:
                self._upsert_item(b, item)
            return
        for out, (i, _, _, fp), (row, _, artists) in zip(outs, items, made, strict=True):
            b.kept.extend((row, *artists))
            b.by_fp[fp] = [row.id]
            b.results[i] = (out, True)
            b.written.add(out.id)

    @staticmethod
    def _artworks_by_fingerprint(
        s: Session, fps: set[str], partner_id: int
    ) -> dict[str, list[int]]:
        """The partner's works with these fingerprints, by fingerprint, in id order."""
        out: dict[str, list[int]] = {}
        # By the fingerprint index: SQLite (no statistics) would otherwise pick the
        # (partner_id, id) index for the ORDER BY and scan every work of the partner, a cost
        # that grows with the catalog ("partner_id + 0" is not indexable; the few matches
        # are then sorted).
        for aid, fp in s.execute(
            select(ArtworkRow.id, ArtworkRow.source_fingerprint)
            .where(
                ArtworkRow.source_fingerprint.in_(sorted(fps)),
                (ArtworkRow.partner_id + 0) == partner_id,
            )
            .order_by(ArtworkRow.id)
        ):
            out.setdefault(fp, []).append(aid)
        return out

    def _upsert_one(
        self, b: _UpsertBatch, clean: dict[str, Any], names: list[str], fp: str
    ) -> tuple[Artwork, bool]:
        s, by_fp, partner_id, source = b.s, b.by_fp, b.partner_id, b.source
        matches = by_fp.get(fp, [])
        if len(matches) > 1:
            raise ConflictError(
                f"{len(matches)} artworks of this entity share this fingerprint; update one by id",
                candidates=list(matches),
            )
        if not matches:
            # The new row, its artists and partner are at hand: no re-read of the work.
            row, artist_rows, partner = self._insert_artwork_row(
                s, clean, names, partner_id, source, synced=True, known=b.known
            )
            b.kept.extend((partner, *artist_rows))
            by_fp[fp] = [row.id]
            return _created_artwork(row, artist_rows, partner), True
        row = s.get(ArtworkRow, matches[0])
        merge = {k: v for k, v in clean.items() if v is not None}
        diff = self._apply(s, row, merge, names or None, source)
        row.last_synced_at = utcnow()
        if diff:
            row.updated_at = utcnow()
            self._log(s, "artwork", row.id, "update", source, diff, partner_id)
        s.flush()
        return self._artworks_out(s, [row], detail=False)[0], False

    def delete_artwork(
        self,
        artwork_id: int,
        *,
        source: str,
        partner_id: int | None = None,
        expected_version: int | None = None,
    ) -> None:
        with self.db.write() as s:
            row = s.get(ArtworkRow, artwork_id)
            if row is None or (partner_id is not None and row.partner_id != partner_id):
                raise NotFoundError("Artwork not found")
            if expected_version is not None and row.version != expected_version:
                raise StaleVersionError(
                    "the artwork changed since you loaded it", current_version=row.version
                )
            snapshot = {
                f: {"old": getattr(row, f), "new": None}
                for f in ARTWORK_EDIT_FIELDS
                if getattr(row, f) is not None
            }
            snapshot["artists"] = {"old": self._artist_names(s, row.id), "new": None}
            self._log(s, "artwork", row.id, "delete", source, snapshot, row.partner_id)
            s.delete(row)
        self.notifier.emit(Changes.artworks({artwork_id}, source, deleted=True))

    def restore_artwork(self, artwork: Artwork, *, source: str) -> Artwork:
        """Re-create a deleted artwork with its id and fields (undo of a delete)."""
        data = {f: getattr(artwork, f) for f in ARTWORK_EDIT_FIELDS}
        clean, _ = self._prepare(data, create=True)
        with self.db.write() as s:
            if s.get(ArtworkRow, artwork.id) is not None:
                raise ConflictError("that artwork exists")
            artist_rows = self._ensure_artists(
                s, [a.name for a in artwork.artists], artwork.partner_id, source
            )
            row = ArtworkRow(
                id=artwork.id,
                partner_id=artwork.partner_id,
                created_at=artwork.created_at or utcnow(),
                updated_at=utcnow(),
                **clean,
            )
            self._denormalise(row, [a.name for a in artist_rows])
            s.add(row)
            s.flush()
            for pos, a in enumerate(artist_rows):
                s.add(ArtworkArtistRow(artwork_id=row.id, position=pos, artist_id=a.id))
            self._log(
                s,
                "artwork",
                row.id,
                "create",
                source,
                {k: {"old": None, "new": v} for k, v in clean.items() if v is not None},
                row.partner_id,
            )
            s.flush()
            out = self._artworks_out(s, [row], detail=True)[0]
        self.notifier.emit(Changes.artworks({artwork.id}, source))
        return out

    def mark_synced(self, artwork_ids: Iterable[int]) -> None:
        with self.db.write() as s:
            s.execute(
                update(ArtworkRow)
                .where(ArtworkRow.id.in_(list(artwork_ids)))
                .values(last_synced_at=utcnow())
                .execution_options(synchronize_session=False)
            )

    # ------------------------------------------------------------------ editions
    def add_edition_set(
        self, artwork_id: int, data: Mapping[str, Any], *, source: str
    ) -> EditionSet:
        clean = _edition_fields(data)
        with self.db.write() as s:
            aw = s.get(ArtworkRow, artwork_id)
            if aw is None:
                raise NotFoundError("Artwork not found")
            row = EditionSetRow(artwork_id=artwork_id, **clean)
            s.add(row)
            s.flush()
            self._log(
                s,
                "edition_set",
                row.id,
                "create",
                source,
                {k: {"old": None, "new": v} for k, v in clean.items() if v is not None},
                aw.partner_id,
            )
            self._touch(aw)
            out = _edition(row)
        self.notifier.emit(Changes.artworks({artwork_id}, source))
        return out

    def update_edition_set(
        self, edition_id: int, data: Mapping[str, Any], *, source: str
    ) -> EditionSet:
        clean = _edition_fields(data)
        with self.db.write() as s:
            row = s.get(EditionSetRow, edition_id)
            if row is None:
                raise NotFoundError("Edition not found")
            diff = {
                k: {"old": getattr(row, k), "new": v}
                for k, v in clean.items()
                if getattr(row, k) != v
            }
            for k, d in diff.items():
                setattr(row, k, d["new"])
            aw = s.get(ArtworkRow, row.artwork_id)
            if diff:
                self._log(s, "edition_set", row.id, "update", source, diff, aw.partner_id)
                self._touch(aw)
            s.flush()
            out = _edition(row)
        self.notifier.emit(Changes.artworks({out.artwork_id}, source))
        return out

    def delete_edition_set(self, edition_id: int, *, source: str) -> None:
        with self.db.write() as s:
            row = s.get(EditionSetRow, edition_id)
            if row is None:
                raise NotFoundError("Edition not found")
            aw = s.get(ArtworkRow, row.artwork_id)
            self._log(s, "edition_set", row.id, "delete", source, {}, aw.partner_id)
            self._touch(aw)
            artwork_id = row.artwork_id
            s.delete(row)
        self.notifier.emit(Changes.artworks({artwork_id}, source))

    def get_edition(self, edition_id: int) -> EditionSet:
        with self.db.read() as s:
            row = s.get(EditionSetRow, edition_id)
            if row is None:
                raise NotFoundError("Edition not found")
            return _edition(row)

    def list_editions(self, artwork_id: int) -> list[EditionSet]:
        with self.db.read() as s:
            return [
                _edition(e)
                for e in s.scalars(
                    select(EditionSetRow)
                    .where(EditionSetRow.artwork_id == artwork_id)
                    .order_by(EditionSetRow.id)
                )
            ]

    @staticmethod
    def _touch(aw: ArtworkRow) -> None:
        """Mark the artwork changed (the mapper bumps its version when it flushes)."""
        aw.updated_at = utcnow()

    # ------------------------------------------------------------------ genes
    def create_gene(
        self, name: str, description: str | None = None, *, source: str = "cli"
    ) -> Gene:
        name = (clean_text("name", name) or "").strip()
        if not slug(name):
            raise ValidationError("Missing required field: name", field="name")
        with self.db.write() as s:
            row = s.scalar(select(GeneRow).where(GeneRow.slug == slug(name)))
            if row is None:
                row = GeneRow(
                    name=name, slug=slug(name), description=clean_text("description", description)
                )
                s.add(row)
                s.flush()
                self._log(
                    s, "gene", row.id, "create", source, {"name": {"old": None, "new": name}}, None
                )
            out = _gene(row)
        self.notifier.emit(Changes(kinds=frozenset({"genes"}), source=source))
        return out

    def list_genes(
        self,
        *,
        artwork_id: int | None = None,
        artist_id: int | None = None,
        offset: int = 0,
        limit: int = 1000,
        after_id: int | None = None,
    ) -> list[Gene]:
        with self.db.read() as s:
            q = select(GeneRow)
            if artwork_id is not None:
                q = q.where(
                    GeneRow.id.in_(
                        select(ArtworkGeneRow.gene_id).where(
                            ArtworkGeneRow.artwork_id == artwork_id
                        )
                    )
                )
            if artist_id is not None:
                q = q.where(
                    GeneRow.id.in_(
                        select(ArtworkGeneRow.gene_id)
                        .join(
                            ArtworkArtistRow,
                            ArtworkArtistRow.artwork_id == ArtworkGeneRow.artwork_id,
                        )
                        .where(ArtworkArtistRow.artist_id == artist_id)
                    )
                )
            if after_id is not None:
                q = q.where(GeneRow.id > after_id)
            return [_gene(r) for r in s.scalars(q.order_by(GeneRow.id).offset(offset).limit(limit))]

    def get_gene(self, gene_id: int) -> Gene:
        with self.db.read() as s:
            row = s.get(GeneRow, gene_id)
            if row is None:
                raise NotFoundError("Gene not found")
            return _gene(row)

    def set_artwork_genes(
        self, artwork_id: int, values: Mapping[str, int], *, source: str
    ) -> list[GeneValue]:
        """Replace an artwork's gene values ({gene name: 0..100}); genes are created as needed."""
        clean = {}
        for name, value in values.items():
            v = clean_int(f"gene {name}", value, lo=0, hi=100)
            if v is None or not slug(name):
                raise ValidationError(f"gene {name!r} needs a value from 0 to 100", field="genes")
            clean[name.strip()] = v
        with self.db.write() as s:
            aw = s.get(ArtworkRow, artwork_id)
            if aw is None:
                raise NotFoundError("Artwork not found")
            old = {
                name: v
                for name, v in s.execute(
                    select(GeneRow.name, ArtworkGeneRow.value)
                    .join(ArtworkGeneRow, ArtworkGeneRow.gene_id == GeneRow.id)
                    .where(ArtworkGeneRow.artwork_id == artwork_id)
                )
            }
            s.execute(delete(ArtworkGeneRow).where(ArtworkGeneRow.artwork_id == artwork_id))
            for name, v in clean.items():
                gene = s.scalar(select(GeneRow).where(GeneRow.slug == slug(name)))
                if gene is None:
                    gene = GeneRow(name=name, slug=slug(name))
                    s.add(gene)
                    s.flush()
                s.add(ArtworkGeneRow(artwork_id=artwork_id, gene_id=gene.id, value=v))
            new = dict(clean)
            if old != new:
                self._log(
                    s,
                    "artwork",
                    artwork_id,
                    "update",
                    source,
                    {"genes": {"old": old, "new": new}},
                    aw.partner_id,
                )
                self._touch(aw)
            s.flush()
            out = self._artworks_out(s, [aw], detail=True)[0].genes
        self.notifier.emit(Changes.artworks({artwork_id}, source))
        return list(out)

    # ------------------------------------------------------------------ shows and collections
    def create_show(
        self,
        partner_id: int,
        name: str,
        *,
        status: str = ShowStatus.UPCOMING.value,
        start_date: datetime | None = None,
        end_date: datetime | None = None,
        description: str | None = None,
        press_release: str | None = None,
        source: str = "cli",
    ) -> Show:
        name = (clean_text("name", name) or "").strip()
        if not name:
            raise ValidationError("Missing required field: name", field="name")
        if status not in {s.value for s in ShowStatus}:
            raise ValidationError(
                f"status must be one of {', '.join(s.value for s in ShowStatus)}", field="status"
            )
        if start_date and end_date and end_date < start_date:
            raise ValidationError("the show ends before it starts", field="end_date")
        with self.db.write() as s:
            if s.get(PartnerRow, partner_id) is None:
                raise NotFoundError("Partner not found")
            row = ShowRow(
                partner_id=partner_id,
                name=name,
                status=status,
                start_date=start_date,
                end_date=end_date,
                description=description,
                press_release=press_release,
            )
            s.add(row)
            s.flush()
            self._log(
                s,
                "show",
                row.id,
                "create",
                source,
                {"name": {"old": None, "new": name}},
                partner_id,
            )
            out = _show(row, 0)
        self.notifier.emit(Changes(kinds=frozenset({"shows"}), source=source))
        return out

    def update_show(self, show_id: int, changes: Mapping[str, Any], *, source: str) -> Show:
        allowed = {"name", "status", "start_date", "end_date", "description", "press_release"}
        with self.db.write() as s:
            row = s.get(ShowRow, show_id)
            if row is None:
                raise NotFoundError("Show not found")
            diff = {}
            for k, v in changes.items():
                if k not in allowed:
                    raise ValidationError(f"unknown show field: {k}", field=k)
                if k == "status" and v not in {x.value for x in ShowStatus}:
                    raise ValidationError(
                        "status must be upcoming, running or closed", field="status"
                    )
                if k == "name" and not (v or "").strip():
                    raise ValidationError("Missing required field: name", field="name")
                if getattr(row, k) != v:
                    diff[k] = {"old": getattr(row, k), "new": v}
                    setattr(row, k, v)
            if diff:
                self._log(s, "show", row.id, "update", source, diff, row.partner_id)
            s.flush()
            out = self._show_out(s, row)
        self.notifier.emit(Changes(kinds=frozenset({"shows"}), source=source))
        return out

    def _show_out(self, s: Session, row: ShowRow) -> Show:
        n = s.scalar(select(func.count()).where(ShowArtworkRow.show_id == row.id)) or 0
        return _show(row, n)

    def list_shows(
        self,
        *,
        partner_id: int | None = None,
        status: str | None = None,
        artwork_id: int | None = None,
        offset: int = 0,
        limit: int = 1000,
        after_id: int | None = None,
    ) -> list[Show]:
        with self.db.read() as s:
            q = select(ShowRow)
            if partner_id is not None:
                q = q.where(ShowRow.partner_id == partner_id)
            if status == "current":
                q = q.where(ShowRow.status.in_(["running", "upcoming"]))
            elif status:
                q = q.where(ShowRow.status == status)
            if artwork_id is not None:
                q = q.where(
                    ShowRow.id.in_(
                        select(ShowArtworkRow.show_id).where(
                            ShowArtworkRow.artwork_id == artwork_id
                        )
                    )
                )
            if after_id is not None:
                q = q.where(ShowRow.id > after_id)
            return [
                self._show_out(s, r)
                for r in s.scalars(q.order_by(ShowRow.id).offset(offset).limit(limit))
            ]

    def get_show(self, show_id: int) -> Show:
        with self.db.read() as s:
            row = s.get(ShowRow, show_id)
            if row is None:
                raise NotFoundError("Show not found")
            return self._show_out(s, row)

    def set_show_artworks(self, show_id: int, artwork_ids: Sequence[int], *, source: str) -> None:
        with self.db.write() as s:
            show = s.get(ShowRow, show_id)
            if show is None:
                raise NotFoundError("Show not found")
            old = sorted(
                s.scalars(
                    select(ShowArtworkRow.artwork_id).where(ShowArtworkRow.show_id == show_id)
                )
            )
            new = sorted(set(artwork_ids))
            missing = set(new) - set(s.scalars(select(ArtworkRow.id).where(ArtworkRow.id.in_(new))))
            if missing:
                raise NotFoundError(f"no artworks with ids {sorted(missing)}")
            s.execute(delete(ShowArtworkRow).where(ShowArtworkRow.show_id == show_id))
            for aid in new:
                s.add(ShowArtworkRow(show_id=show_id, artwork_id=aid))
            if old != new:
                self._log(
                    s,
                    "show",
                    show_id,
                    "update",
                    source,
                    {"artworks": {"old": old, "new": new}},
                    show.partner_id,
                )
        self.notifier.emit(Changes(kinds=frozenset({"shows"}), source=source))

    def create_collection(
        self,
        name: str,
        *,
        partner_id: int | None = None,
        description: str | None = None,
        source: str = "cli",
    ) -> Collection:
        name = (clean_text("name", name) or "").strip()
        if not name:
            raise ValidationError("Missing required field: name", field="name")
        with self.db.write() as s:
            row = CollectionRow(name=name, partner_id=partner_id, description=description)
            s.add(row)
            s.flush()
            self._log(
                s,
                "collection",
                row.id,
                "create",
                source,
                {"name": {"old": None, "new": name}},
                partner_id,
            )
            out = _collection(row, 0)
        self.notifier.emit(Changes(kinds=frozenset({"collections"}), source=source))
        return out

    def update_collection(
        self, collection_id: int, changes: Mapping[str, Any], *, source: str
    ) -> Collection:
        with self.db.write() as s:
            row = s.get(CollectionRow, collection_id)
            if row is None:
                raise NotFoundError("Collection not found")
            diff = {}
            for k, v in changes.items():
                if k not in {"name", "description", "partner_id"}:
                    raise ValidationError(f"unknown collection field: {k}", field=k)
                if k == "name" and not (v or "").strip():
                    raise ValidationError("Missing required field: name", field="name")
                if getattr(row, k) != v:
                    diff[k] = {"old": getattr(row, k), "new": v}
                    setattr(row, k, v)
            if diff:
                self._log(s, "collection", row.id, "update", source, diff, row.partner_id)
            s.flush()
            n = s.scalar(select(func.count()).where(CollectionItemRow.collection_id == row.id)) or 0
            out = _collection(row, n)
        self.notifier.emit(Changes(kinds=frozenset({"collections"}), source=source))
        return out

    def list_collections(self, *, partner_id: int | None = None) -> list[Collection]:
        with self.db.read() as s:
            counts = dict(
                s.execute(
                    select(CollectionItemRow.collection_id, func.count()).group_by(
                        CollectionItemRow.collection_id
                    )
                ).all()
            )
            q = select(CollectionRow).order_by(CollectionRow.name, CollectionRow.id)
            if partner_id is not None:
                q = q.where(CollectionRow.partner_id == partner_id)
            return [_collection(r, counts.get(r.id, 0)) for r in s.scalars(q)]

    def get_collection(self, collection_id: int) -> Collection:
        with self.db.read() as s:
            row = s.get(CollectionRow, collection_id)
            if row is None:
                raise NotFoundError("Collection not found")
            n = s.scalar(select(func.count()).where(CollectionItemRow.collection_id == row.id)) or 0
            return _collection(row, n)

    def collection_artwork_ids(self, collection_id: int) -> list[int]:
        with self.db.read() as s:
            return list(
                s.scalars(
                    select(CollectionItemRow.artwork_id)
                    .where(CollectionItemRow.collection_id == collection_id)
                    .order_by(CollectionItemRow.position)
                )
            )

    def set_collection_items(
        self, collection_id: int, artwork_ids: Sequence[int], *, source: str
    ) -> None:
        """Replace a collection's items with ``artwork_ids`` in that order (positions 0..n-1)."""
        if len(set(artwork_ids)) != len(artwork_ids):
            raise ValidationError("an artwork appears twice in the collection")
        with self.db.write() as s:
            coll = s.get(CollectionRow, collection_id)
            if coll is None:
                raise NotFoundError("Collection not found")
            missing = set(artwork_ids) - set(
                s.scalars(select(ArtworkRow.id).where(ArtworkRow.id.in_(list(artwork_ids))))
            )
            if missing:
                raise NotFoundError(f"no artworks with ids {sorted(missing)}")
            old = list(
                s.scalars(
                    select(CollectionItemRow.artwork_id)
                    .where(CollectionItemRow.collection_id == collection_id)
                    .order_by(CollectionItemRow.position)
                )
            )
            s.execute(
                delete(CollectionItemRow).where(CollectionItemRow.collection_id == collection_id)
            )
            for pos, aid in enumerate(artwork_ids):
                s.add(CollectionItemRow(collection_id=collection_id, artwork_id=aid, position=pos))
            if old != list(artwork_ids):
                self._log(
                    s,
                    "collection",
                    collection_id,
                    "update",
                    source,
                    {"items": {"old": old, "new": list(artwork_ids)}},
                    coll.partner_id,
                )
        self.notifier.emit(Changes(kinds=frozenset({"collections"}), source=source))

    # ------------------------------------------------------------------ images
    def add_image_record(
        self,
        artwork_id: int,
        *,
        path: str,
        content_hash: str,
        width: int,
        height: int,
        source: str,
        make_default: bool | None = None,
    ) -> ImageInfo:
        with self.db.write() as s:
            aw = s.get(ArtworkRow, artwork_id)
            if aw is None:
                raise NotFoundError("Artwork not found")
            existing = list(s.scalars(select(ImageRow).where(ImageRow.artwork_id == artwork_id)))
            default = (not existing) if make_default is None else make_default
            if default:
                for im in existing:
                    im.is_default = False
            row = ImageRow(
                artwork_id=artwork_id,
                path=path,
                content_hash=content_hash,
                width=width,
                height=height,
                position=len(existing),
                is_default=default,
            )
            s.add(row)
            s.flush()
            self._log(
                s,
                "image",
                row.id,
                "create",
                source,
                {
                    "path": {"old": None, "new": path},
                    "artwork_id": {"old": None, "new": artwork_id},
                },
                aw.partner_id,
            )
            self._touch(aw)
            out = _image(row)
        self.notifier.emit(Changes.artworks({artwork_id}, source))
        return out

    def remove_image(self, image_id: int, *, source: str) -> ImageInfo:
        with self.db.write() as s:
            row = s.get(ImageRow, image_id)
            if row is None:
                raise NotFoundError("Image not found")
            out = _image(row)
            aw = s.get(ArtworkRow, row.artwork_id)
            self._log(
                s,
                "image",
                row.id,
                "delete",
                source,
                {
                    "path": {"old": row.path, "new": None},
                    "artwork_id": {"old": row.artwork_id, "new": None},
                },
                aw.partner_id,
            )
            s.delete(row)
            s.flush()
            rest = list(
                s.scalars(
                    select(ImageRow)
                    .where(ImageRow.artwork_id == out.artwork_id)
                    .order_by(ImageRow.position)
                )
            )
            if rest and not any(r.is_default for r in rest):
                rest[0].is_default = True
            self._touch(aw)
        self.notifier.emit(Changes.artworks({out.artwork_id}, source))
        return out

    def default_images(self, artwork_ids: Sequence[int]) -> dict[int, ImageInfo]:
        with self.db.read() as s:
            q = select(ImageRow).where(
                ImageRow.artwork_id.in_(list(artwork_ids)), ImageRow.is_default.is_(True)
            )
            return {r.artwork_id: _image(r) for r in s.scalars(q)}

    # ------------------------------------------------------------------ changelog
    def list_changes(
        self,
        *,
        since: datetime | None = None,
        partner_id: int | None = None,
        entity_type: str | None = None,
        entity_id: int | None = None,
        after_id: int | None = None,
        offset: int = 0,
        limit: int = 100,
    ) -> list[ChangeEntry]:
        with self.db.read() as s:
            q = self._changes_query(
                select(ChangelogRow), since, partner_id, entity_type, entity_id, after_id
            )
            return [
                _change(r)
                for r in s.scalars(q.order_by(ChangelogRow.id).offset(offset).limit(limit))
            ]

    def count_changes(
        self,
        *,
        since: datetime | None = None,
        partner_id: int | None = None,
        entity_type: str | None = None,
        entity_id: int | None = None,
    ) -> int:
        with self.db.read() as s:
            q = self._changes_query(
                select(func.count()).select_from(ChangelogRow),
                since,
                partner_id,
                entity_type,
                entity_id,
                None,
            )
            return s.scalar(q) or 0

    @staticmethod
    def _changes_query(q: Select, since, partner_id, entity_type, entity_id, after_id) -> Select:  # noqa: ANN001
        if since is not None:
            q = q.where(ChangelogRow.created_at >= _naive_utc(since))
        if partner_id is not None:
            q = q.where(ChangelogRow.partner_id == partner_id)
        if entity_type is not None:
            q = q.where(ChangelogRow.entity_type == entity_type)
        if entity_id is not None:
            q = q.where(ChangelogRow.entity_id == entity_id)
        if after_id is not None:
            q = q.where(ChangelogRow.id > after_id)
        return q

    def last_write_times(
        self, partner_id: int | None = None
    ) -> dict[str, tuple[datetime | None, int]]:
        """Per kind: (newest last_synced_at or write time, count), for /v1/sync/status."""
        with self.db.read() as s:
            aq = select(func.max(ArtworkRow.last_synced_at), func.count()).select_from(ArtworkRow)
            if partner_id is not None:
                aq = aq.where(ArtworkRow.partner_id == partner_id)
            a_sync, a_count = s.execute(aq).one()
            xq = select(func.count()).select_from(ArtistRow)
            if partner_id is not None:
                xq = xq.where(
                    ArtistRow.id.in_(
                        select(PartnerArtistRow.artist_id).where(
                            PartnerArtistRow.partner_id == partner_id
                        )
                    )
                )
            lq = select(func.max(ChangelogRow.created_at)).where(
                ChangelogRow.entity_type == "artist"
            )
            sq = select(func.max(ShowRow.updated_at), func.count()).select_from(ShowRow)
            if partner_id is not None:
                sq = sq.where(ShowRow.partner_id == partner_id)
            s_last, s_count = s.execute(sq).one()
            return {
                "artworks": (a_sync, a_count or 0),
                "artists": (s.scalar(lq), s.scalar(xq) or 0),
                "events": (s_last, s_count or 0),
            }


# ---------------------------------------------------------------------- row -> value
def _created_artwork(row: ArtworkRow, artist_rows: list[ArtistRow], partner: PartnerRow) -> Artwork:
    """A new work from its row, artists and partner (all at hand: no re-read)."""
    return Artwork(
        **{f: getattr(row, f) for f in _ARTWORK_ROW_FIELDS},
        artists=tuple(ArtistRef(a.id, a.name, a.slug) for a in artist_rows),
        partner_slug=partner.slug,
        partner_name=partner.name,
    )


_ARTWORK_ROW_FIELDS = (
    "id",
    "partner_id",
    "title",
    "inventory_number",
    "date_text",
    "creation_year",
    "medium",
    "category",
    "dimensions",
    "height_cm",
    "width_cm",
    "depth_cm",
    "diameter_cm",
    "price",
    "currency",
    "availability",
    "description",
    "image_url",
    "external_url",
    "series",
    "signature",
    "provenance",
    "literature",
    "exhibition_history",
    "credit_line",
    "condition",
    "confidential_notes",
    "published",
    "source_fingerprint",
    "last_synced_at",
    "created_at",
    "updated_at",
    "version",
)


def _partner(r: PartnerRow) -> Partner:
    return Partner(
        id=r.id,
        name=r.name,
        slug=r.slug,
        type=r.type,
        email=r.email,
        region=r.region,
        website=r.website,
        profile_handle=r.profile_handle,
        description=r.description,
        active=r.active,
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def _artist(r: ArtistRow) -> Artist:
    return Artist(
        id=r.id,
        name=r.name,
        slug=r.slug,
        sortable_name=r.sortable_name,
        nationality=r.nationality,
        birth_year=r.birth_year,
        death_year=r.death_year,
        biography=r.biography,
        gender=r.gender,
        hometown=r.hometown,
        external_url=r.external_url,
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def _edition(r: EditionSetRow) -> EditionSet:
    return EditionSet(
        id=r.id,
        artwork_id=r.artwork_id,
        label=r.label,
        size=r.size,
        artist_proofs=r.artist_proofs,
        prototypes=r.prototypes,
        available_editions=tuple(r.available_editions)
        if r.available_editions is not None
        else None,
        price=r.price,
        currency=r.currency,
        availability=r.availability,
        dimensions=r.dimensions,
        height_cm=r.height_cm,
        width_cm=r.width_cm,
        depth_cm=r.depth_cm,
        diameter_cm=r.diameter_cm,
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def _gene(r: GeneRow) -> Gene:
    return Gene(
        id=r.id,
        name=r.name,
        slug=r.slug,
        description=r.description,
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def _image(r: ImageRow) -> ImageInfo:
    return ImageInfo(
        id=r.id,
        artwork_id=r.artwork_id,
        path=r.path,
        content_hash=r.content_hash,
        width=r.width,
        height=r.height,
        position=r.position,
        is_default=r.is_default,
    )


def _show(r: ShowRow, n: int) -> Show:
    return Show(
        id=r.id,
        partner_id=r.partner_id,
        name=r.name,
        status=r.status,
        start_date=r.start_date,
        end_date=r.end_date,
        description=r.description,
        press_release=r.press_release,
        created_at=r.created_at,
        updated_at=r.updated_at,
        artwork_count=n,
    )


def _collection(r: CollectionRow, n: int) -> Collection:
    return Collection(
        id=r.id,
        name=r.name,
        partner_id=r.partner_id,
        description=r.description,
        created_at=r.created_at,
        updated_at=r.updated_at,
        artwork_count=n,
    )


def _change(r: ChangelogRow) -> ChangeEntry:
    return ChangeEntry(
        id=r.id,
        entity_type=r.entity_type,
        entity_id=r.entity_id,
        action=r.action,
        source=r.source,
        field_changes=r.field_changes or {},
        created_at=r.created_at,
        partner_id=r.partner_id,
    )


def _sortable(name: str) -> str:
    """ "Last, First" for a "First Last" name (a name with a comma is kept as written)."""
    name = name.strip()
    if "," in name or " " not in name:
        return name
    first, _, last = name.rpartition(" ")
    return f"{last}, {first}"


def _artist_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key in {"birth_year", "death_year"}:
            out[key] = clean_int(key, value, lo=0, hi=2100)
        elif key in {"nationality", "biography", "gender", "hometown", "sortable_name"}:
            out[key] = clean_text(key, value)
        elif key == "external_url":
            from artdesk.core.validation import clean_url

            out[key] = clean_url(key, value)
        else:
            raise ValidationError(f"unknown artist field: {key}", field=key)
    return out


def _edition_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in {"size", "artist_proofs", "prototypes"}:
            out[key] = clean_int(key, value, lo=0, hi=1_000_000)
        elif key == "price":
            out[key] = clean_int(key, value, lo=0, hi=10**15)
        elif key == "currency":
            out[key] = clean_currency(value)
        elif key == "availability":
            out[key] = clean_availability(value)
        elif key in {"label", "dimensions"}:
            out[key] = clean_text(key, value)
        elif key in {"height_cm", "width_cm", "depth_cm", "diameter_cm"}:
            out[key] = clean_float(key, value)
        elif key == "available_editions":
            out[key] = parse_available_editions(value)
        else:
            raise ValidationError(f"unknown edition field: {key}", field=key)
    return out


_EDITION_ITEM = re.compile(r"^\s*(\d+)(?:\s*-\s*(\d+))?\s*$")


def parse_available_editions(value: Any) -> list[str | int] | None:
    """``['1', 2, '3-9']``-style lists; text "1, 2, 3-9" is accepted too. Numbers and ranges only."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    out: list[str | int] = []
    for item in items:
        if isinstance(item, bool):
            raise ValidationError(
                "available_editions holds numbers and ranges", field="available_editions"
            )
        if isinstance(item, int):
            out.append(item)
            continue
        m = _EDITION_ITEM.match(str(item))
        if not m or (m.group(2) and int(m.group(2)) < int(m.group(1))):
            raise ValidationError(
                f"available_editions: {item!r} is not a number or a range like 3-9",
                field="available_editions",
            )
        out.append(str(item).strip().replace(" ", "") if isinstance(item, str) else item)
    return out


def _naive_utc(value: datetime) -> datetime:
    if value.tzinfo is not None:
        from datetime import UTC

        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value
