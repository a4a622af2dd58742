"""The catalog's tables (SQLAlchemy 2 typed models). Names: ``XRow`` for a table's row class."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Ids that the APIs and remote catalogs hold on to are never given out twice: on SQLite these
# tables are AUTOINCREMENT (without it a new row takes the id of the newest deleted one);
# PostgreSQL sequences never go back anyway.
STABLE_IDS = {"sqlite_autoincrement": True}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class PartnerRow(TimestampMixin, Base):
    __tablename__ = "partners"
    __table_args__ = STABLE_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(300), unique=True)
    type: Mapped[str] = mapped_column(String(40), default="gallery")
    email: Mapped[str | None] = mapped_column(String(300))
    region: Mapped[str | None] = mapped_column(String(120))
    website: Mapped[str | None] = mapped_column(String(1000))
    profile_handle: Mapped[str | None] = mapped_column(String(120))
    description: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PartnerArtistRow(Base):
    __tablename__ = "partner_artists"
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), primary_key=True
    )
    artist_id: Mapped[int] = mapped_column(
        ForeignKey("artists.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ArtistRow(TimestampMixin, Base):
    __tablename__ = "artists"
    __table_args__ = STABLE_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    slug: Mapped[str] = mapped_column(String(500), unique=True)
    sortable_name: Mapped[str | None] = mapped_column(String(500), index=True)
    nationality: Mapped[str | None] = mapped_column(String(200))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    death_year: Mapped[int | None] = mapped_column(Integer)
    biography: Mapped[str | None] = mapped_column(Text)
    gender: Mapped[str | None] = mapped_column(String(40))
    hometown: Mapped[str | None] = mapped_column(String(300))
    external_url: Mapped[str | None] = mapped_column(String(1000))


class ArtworkArtistRow(Base):
    __tablename__ = "artwork_artists"
    artwork_id: Mapped[int] = mapped_column(
        ForeignKey("artworks.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    artist_id: Mapped[int] = mapped_column(ForeignKey("artists.id"), index=True)


class ArtworkRow(Base):
    __tablename__ = "artworks"
    __table_args__ = (
        UniqueConstraint("partner_id", "inventory_number", name="uq_artworks_partner_inventory"),
        Index("ix_artworks_partner_id_id", "partner_id", "id"),
        Index("ix_artworks_updated_at_id", "updated_at", "id"),
        Index("ix_artworks_title_sort_id", "title_sort", "id"),
        Index("ix_artworks_artist_sort_id", "artist_sort", "id"),
        Index("ix_artworks_creation_year_id", "creation_year", "id"),
        Index("ix_artworks_price_id", "price", "id"),
        STABLE_IDS,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"))
    inventory_number: Mapped[str | None] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(Text)
    date_text: Mapped[str | None] = mapped_column(String(300))
    creation_year: Mapped[int | None] = mapped_column(Integer)
    medium: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(200))
    dimensions: Mapped[str | None] = mapped_column(Text)
    height_cm: Mapped[float | None] = mapped_column(Float)
    width_cm: Mapped[float | None] = mapped_column(Float)
    depth_cm: Mapped[float | None] = mapped_column(Float)
    diameter_cm: Mapped[float | None] = mapped_column(Float)
    price: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    availability: Mapped[str | None] = mapped_column(String(20), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    image_url: Mapped[str | None] = mapped_column(String(2000))
    external_url: Mapped[str | None] = mapped_column(String(2000))
    series: Mapped[str | None] = mapped_column(Text)
    signature: Mapped[str | None] = mapped_column(Text)
    provenance: Mapped[str | None] = mapped_column(Text)
    literature: Mapped[str | None] = mapped_column(Text)
    exhibition_history: Mapped[str | None] = mapped_column(Text)
    credit_line: Mapped[str | None] = mapped_column(Text)
    condition: Mapped[str | None] = mapped_column(Text)
    confidential_notes: Mapped[str | None] = mapped_column(Text)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    source_fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    # Denormalised for sorting, display and full-text search; kept by the catalog service.
    artist_names: Mapped[str] = mapped_column(Text, default="")
    artist_sort: Mapped[str] = mapped_column(String(200), default="")
    title_sort: Mapped[str] = mapped_column(String(200), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    last_synced_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class EditionSetRow(TimestampMixin, Base):
    __tablename__ = "edition_sets"
    __table_args__ = STABLE_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    artwork_id: Mapped[int] = mapped_column(
        ForeignKey("artworks.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str | None] = mapped_column(String(300))
    size: Mapped[int | None] = mapped_column(Integer)
    artist_proofs: Mapped[int | None] = mapped_column(Integer)
    prototypes: Mapped[int | None] = mapped_column(Integer)
    available_editions: Mapped[list[Any] | None] = mapped_column(JSON)
    price: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    availability: Mapped[str | None] = mapped_column(String(20))
    dimensions: Mapped[str | None] = mapped_column(Text)
    height_cm: Mapped[float | None] = mapped_column(Float)
    width_cm: Mapped[float | None] = mapped_column(Float)
    depth_cm: Mapped[float | None] = mapped_column(Float)
    diameter_cm: Mapped[float | None] = mapped_column(Float)


class GeneRow(TimestampMixin, Base):
    __tablename__ = "genes"
    __table_args__ = STABLE_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str | None] = mapped_column(Text)


class ArtworkGeneRow(Base):
    __tablename__ = "artwork_genes"
    artwork_id: Mapped[int] = mapped_column(
        ForeignKey("artworks.id", ondelete="CASCADE"), primary_key=True
    )
    gene_id: Mapped[int] = mapped_column(
        ForeignKey("genes.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    value: Mapped[int] = mapped_column(Integer, default=100)


class ShowRow(TimestampMixin, Base):
    __tablename__ = "shows"
    __table_args__ = STABLE_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20), default="upcoming")
    start_date: Mapped[datetime | None] = mapped_column(DateTime)
    end_date: Mapped[datetime | None] = mapped_column(DateTime)
    description: Mapped[str | None] = mapped_column(Text)
    press_release: Mapped[str | None] = mapped_column(Text)


class ShowArtworkRow(Base):
    __tablename__ = "show_artworks"
    show_id: Mapped[int] = mapped_column(
        ForeignKey("shows.id", ondelete="CASCADE"), primary_key=True
    )
    artwork_id: Mapped[int] = mapped_column(
        ForeignKey("artworks.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class CollectionRow(TimestampMixin, Base):
    __tablename__ = "collections"
    __table_args__ = STABLE_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    description: Mapped[str | None] = mapped_column(Text)


class CollectionItemRow(Base):
    __tablename__ = "collection_items"
    __table_args__ = (
        Index("ix_collection_items_collection_position", "collection_id", "position"),
    )
    collection_id: Mapped[int] = mapped_column(
        ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True
    )
    artwork_id: Mapped[int] = mapped_column(
        ForeignKey("artworks.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class ImageRow(TimestampMixin, Base):
    __tablename__ = "images"
    __table_args__ = STABLE_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    artwork_id: Mapped[int] = mapped_column(
        ForeignKey("artworks.id", ondelete="CASCADE"), index=True
    )
    path: Mapped[str] = mapped_column(String(1000))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)


class ApiKeyRow(Base):
    __tablename__ = "api_keys"
    __table_args__ = STABLE_IDS
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(32), unique=True)
    salt: Mapped[str] = mapped_column(String(64))
    key_hash: Mapped[str] = mapped_column(String(128))
    label: Mapped[str | None] = mapped_column(String(200))
    scopes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    rate_limit_per_minute: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class ChangelogRow(Base):
    __tablename__ = "changelog"
    __table_args__ = (Index("ix_changelog_created_at_id", "created_at", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    partner_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(200))
    field_changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


Index("ix_changelog_entity", ChangelogRow.entity_type, ChangelogRow.entity_id)


class IdempotencyRow(Base):
    __tablename__ = "idempotency_keys"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    api_key_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class CatalogMetaRow(Base):
    """Key/value facts about the catalog (catalog version counter, demo flag, ...)."""

    __tablename__ = "catalog_meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# ---------------------------------------------------------------------- sync with remote catalogs
class SyncRemoteRow(Base):
    """A remote catalog this desk syncs with. Secrets (tokens) are never stored here."""

    __tablename__ = "sync_remotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    url: Mapped[str] = mapped_column(String(2000))
    kind: Mapped[str] = mapped_column(String(20))
    # A random id made when the remote is added: part of every idempotency key this desk sends.
    uid: Mapped[str] = mapped_column(String(64))
    # The local partner whose works sync with the remote's entity (set on add or first sync).
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"))
    # Where the next incremental pull starts (the remote's changelog time or cursor).
    pull_cursor: Mapped[str | None] = mapped_column(String(200))
    last_push_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_pull_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncLinkRow(Base):
    """One local artwork as known on one remote: the base of the three-way merge.

    ``artwork_id`` is not a foreign key on purpose: a link whose artwork was deleted locally is
    how a local delete is noticed and sent to the remote.
    """

    __tablename__ = "sync_links"
    __table_args__ = (
        UniqueConstraint("remote_id", "artwork_id", name="uq_sync_links_remote_artwork"),
        Index("ix_sync_links_remote_remote_artwork", "remote_id", "remote_artwork_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    remote_id: Mapped[int] = mapped_column(ForeignKey("sync_remotes.id", ondelete="CASCADE"))
    artwork_id: Mapped[int] = mapped_column(Integer)
    remote_artwork_id: Mapped[str | None] = mapped_column(String(200))
    remote_fingerprint: Mapped[str | None] = mapped_column(String(64))
    remote_etag: Mapped[str | None] = mapped_column(String(200))
    pushed_version: Mapped[int | None] = mapped_column(Integer)
    # The synced fields as both sides last agreed on them (JSON object, field -> value).
    base: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # synced | merged (pushed as part of another work's group) | renaming (created under a
    # temporary title, the real title not yet sent) | gone (deleted on both sides)
    state: Mapped[str] = mapped_column(String(20), default="synced")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class SyncConflictRow(Base):
    """A change both sides made that sync will not decide alone; the local value stays meanwhile."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_remote_open", "remote_id", "resolved_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    remote_id: Mapped[int] = mapped_column(ForeignKey("sync_remotes.id", ondelete="CASCADE"))
    artwork_id: Mapped[int] = mapped_column(Integer, index=True)
    remote_artwork_id: Mapped[str | None] = mapped_column(String(200))
    # field | deleted_remote | deleted_local | ambiguous
    kind: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(60))
    base_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    local_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    remote_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str | None] = mapped_column(String(20))


class SyncRunRow(Base):
    """The per-remote sync log: one row per push or pull, with counts and what went wrong."""

    __tablename__ = "sync_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    remote_id: Mapped[int] = mapped_column(
        ForeignKey("sync_remotes.id", ondelete="CASCADE"), index=True
    )
    direction: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20), default="running")
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    messages: Mapped[list[Any]] = mapped_column(JSON, default=list)
