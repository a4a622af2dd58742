"""initial catalog schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 19:33:52.177354
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "artists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("slug", sa.String(length=500), nullable=False),
        sa.Column("sortable_name", sa.String(length=500), nullable=True),
        sa.Column("nationality", sa.String(length=200), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("death_year", sa.Integer(), nullable=True),
        sa.Column("biography", sa.Text(), nullable=True),
        sa.Column("gender", sa.String(length=40), nullable=True),
        sa.Column("hometown", sa.String(length=300), nullable=True),
        sa.Column("external_url", sa.String(length=1000), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_artists")),
        sa.UniqueConstraint("slug", name=op.f("uq_artists_slug")),
    )
    with op.batch_alter_table("artists", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_artists_sortable_name"), ["sortable_name"], unique=False
        )

    op.create_table(
        "catalog_meta",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_catalog_meta")),
    )
    op.create_table(
        "changelog",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("field_changes", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changelog")),
    )
    with op.batch_alter_table("changelog", schema=None) as batch_op:
        batch_op.create_index("ix_changelog_created_at_id", ["created_at", "id"], unique=False)
        batch_op.create_index("ix_changelog_entity", ["entity_type", "entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_changelog_partner_id"), ["partner_id"], unique=False)

    op.create_table(
        "genes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("slug", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_genes")),
        sa.UniqueConstraint("slug", name=op.f("uq_genes_slug")),
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("api_key_id", sa.Integer(), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("response_body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", "api_key_id", name=op.f("pk_idempotency_keys")),
    )
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_idempotency_keys_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "partners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("slug", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=300), nullable=True),
        sa.Column("region", sa.String(length=120), nullable=True),
        sa.Column("website", sa.String(length=1000), nullable=True),
        sa.Column("profile_handle", sa.String(length=120), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partners")),
        sa.UniqueConstraint("slug", name=op.f("uq_partners_slug")),
    )
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("prefix", sa.String(length=32), nullable=False),
        sa.Column("salt", sa.String(length=64), nullable=False),
        sa.Column("key_hash", sa.String(length=128), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.Column("scopes", sa.JSON(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("rate_limit_per_minute", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_api_keys_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("prefix", name=op.f("uq_api_keys_prefix")),
    )
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_keys_partner_id"), ["partner_id"], unique=False)

    op.create_table(
        "artworks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("inventory_number", sa.String(length=120), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("date_text", sa.String(length=300), nullable=True),
        sa.Column("creation_year", sa.Integer(), nullable=True),
        sa.Column("medium", sa.Text(), nullable=True),
        sa.Column("category", sa.String(length=200), nullable=True),
        sa.Column("dimensions", sa.Text(), nullable=True),
        sa.Column("height_cm", sa.Float(), nullable=True),
        sa.Column("width_cm", sa.Float(), nullable=True),
        sa.Column("depth_cm", sa.Float(), nullable=True),
        sa.Column("diameter_cm", sa.Float(), nullable=True),
        sa.Column("price", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("availability", sa.String(length=20), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("image_url", sa.String(length=2000), nullable=True),
        sa.Column("external_url", sa.String(length=2000), nullable=True),
        sa.Column("series", sa.Text(), nullable=True),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.Column("provenance", sa.Text(), nullable=True),
        sa.Column("literature", sa.Text(), nullable=True),
        sa.Column("exhibition_history", sa.Text(), nullable=True),
        sa.Column("credit_line", sa.Text(), nullable=True),
        sa.Column("condition", sa.Text(), nullable=True),
        sa.Column("confidential_notes", sa.Text(), nullable=True),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("source_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("artist_names", sa.Text(), nullable=False),
        sa.Column("artist_sort", sa.String(length=200), nullable=False),
        sa.Column("title_sort", sa.String(length=200), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("last_synced_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_artworks_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_artworks")),
        sa.UniqueConstraint("partner_id", "inventory_number", name="uq_artworks_partner_inventory"),
    )
    with op.batch_alter_table("artworks", schema=None) as batch_op:
        batch_op.create_index("ix_artworks_artist_sort_id", ["artist_sort", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_artworks_availability"), ["availability"], unique=False
        )
        batch_op.create_index("ix_artworks_creation_year_id", ["creation_year", "id"], unique=False)
        batch_op.create_index("ix_artworks_partner_id_id", ["partner_id", "id"], unique=False)
        batch_op.create_index("ix_artworks_price_id", ["price", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_artworks_source_fingerprint"), ["source_fingerprint"], unique=False
        )
        batch_op.create_index("ix_artworks_title_sort_id", ["title_sort", "id"], unique=False)
        batch_op.create_index("ix_artworks_updated_at_id", ["updated_at", "id"], unique=False)

    op.create_table(
        "collections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_collections_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collections")),
    )
    with op.batch_alter_table("collections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_collections_partner_id"), ["partner_id"], unique=False)

    op.create_table(
        "partner_artists",
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("artist_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artist_id"],
            ["artists.id"],
            name=op.f("fk_partner_artists_artist_id_artists"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name=op.f("fk_partner_artists_partner_id_partners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("partner_id", "artist_id", name=op.f("pk_partner_artists")),
    )
    with op.batch_alter_table("partner_artists", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_artists_artist_id"), ["artist_id"], unique=False
        )

    op.create_table(
        "shows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.DateTime(), nullable=True),
        sa.Column("end_date", sa.DateTime(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("press_release", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_shows_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shows")),
    )
    with op.batch_alter_table("shows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shows_partner_id"), ["partner_id"], unique=False)

    op.create_table(
        "artwork_artists",
        sa.Column("artwork_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("artist_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artist_id"], ["artists.id"], name=op.f("fk_artwork_artists_artist_id_artists")
        ),
        sa.ForeignKeyConstraint(
            ["artwork_id"],
            ["artworks.id"],
            name=op.f("fk_artwork_artists_artwork_id_artworks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("artwork_id", "position", name=op.f("pk_artwork_artists")),
    )
    with op.batch_alter_table("artwork_artists", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_artwork_artists_artist_id"), ["artist_id"], unique=False
        )

    op.create_table(
        "artwork_genes",
        sa.Column("artwork_id", sa.Integer(), nullable=False),
        sa.Column("gene_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artwork_id"],
            ["artworks.id"],
            name=op.f("fk_artwork_genes_artwork_id_artworks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["gene_id"],
            ["genes.id"],
            name=op.f("fk_artwork_genes_gene_id_genes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("artwork_id", "gene_id", name=op.f("pk_artwork_genes")),
    )
    with op.batch_alter_table("artwork_genes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_artwork_genes_gene_id"), ["gene_id"], unique=False)

    op.create_table(
        "collection_items",
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("artwork_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artwork_id"],
            ["artworks.id"],
            name=op.f("fk_collection_items_artwork_id_artworks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collections.id"],
            name=op.f("fk_collection_items_collection_id_collections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("collection_id", "artwork_id", name=op.f("pk_collection_items")),
    )
    with op.batch_alter_table("collection_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collection_items_artwork_id"), ["artwork_id"], unique=False
        )
        batch_op.create_index(
            "ix_collection_items_collection_position", ["collection_id", "position"], unique=False
        )

    op.create_table(
        "edition_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("artwork_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("artist_proofs", sa.Integer(), nullable=True),
        sa.Column("prototypes", sa.Integer(), nullable=True),
        sa.Column("available_editions", sa.JSON(), nullable=True),
        sa.Column("price", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("availability", sa.String(length=20), nullable=True),
        sa.Column("dimensions", sa.Text(), nullable=True),
        sa.Column("height_cm", sa.Float(), nullable=True),
        sa.Column("width_cm", sa.Float(), nullable=True),
        sa.Column("depth_cm", sa.Float(), nullable=True),
        sa.Column("diameter_cm", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artwork_id"],
            ["artworks.id"],
            name=op.f("fk_edition_sets_artwork_id_artworks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edition_sets")),
    )
    with op.batch_alter_table("edition_sets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_edition_sets_artwork_id"), ["artwork_id"], unique=False
        )

    op.create_table(
        "images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("artwork_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artwork_id"],
            ["artworks.id"],
            name=op.f("fk_images_artwork_id_artworks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_images")),
    )
    with op.batch_alter_table("images", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_images_artwork_id"), ["artwork_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_images_content_hash"), ["content_hash"], unique=False)

    op.create_table(
        "show_artworks",
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("artwork_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artwork_id"],
            ["artworks.id"],
            name=op.f("fk_show_artworks_artwork_id_artworks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["show_id"],
            ["shows.id"],
            name=op.f("fk_show_artworks_show_id_shows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("show_id", "artwork_id", name=op.f("pk_show_artworks")),
    )
    with op.batch_alter_table("show_artworks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_show_artworks_artwork_id"), ["artwork_id"], unique=False
        )
    create_search_index()


FTS_TRIGGERS = {
    # Bulk imports set catalog_meta 'fts_deferred' inside their transaction and index the new
    # rows in one statement afterwards (about 10x faster than a trigger a row).
    "artworks_fts_ai": "AFTER INSERT ON artworks "
    "WHEN NOT EXISTS (SELECT 1 FROM catalog_meta WHERE key = 'fts_deferred') BEGIN "
    "INSERT INTO artworks_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "artworks_fts_ad": "AFTER DELETE ON artworks BEGIN "
    "INSERT INTO artworks_fts(artworks_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "artworks_fts_au": "AFTER UPDATE OF search_text ON artworks BEGIN "
    "INSERT INTO artworks_fts(artworks_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO artworks_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
}


def create_search_index() -> None:
    """Full-text search over artworks.search_text: FTS5 on SQLite, a tsvector GIN index on PostgreSQL."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE artworks_fts USING fts5(search_text, content='artworks', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        for name, body in FTS_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    elif dialect == "postgresql":
        op.execute(
            "CREATE INDEX ix_artworks_search_tsv ON artworks "
            "USING gin (to_tsvector('simple', search_text))"
        )


def drop_search_index() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in FTS_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS artworks_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_artworks_search_tsv")


def downgrade() -> None:
    drop_search_index()
    with op.batch_alter_table("show_artworks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_show_artworks_artwork_id"))

    op.drop_table("show_artworks")
    with op.batch_alter_table("images", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_images_content_hash"))
        batch_op.drop_index(batch_op.f("ix_images_artwork_id"))

    op.drop_table("images")
    with op.batch_alter_table("edition_sets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_edition_sets_artwork_id"))

    op.drop_table("edition_sets")
    with op.batch_alter_table("collection_items", schema=None) as batch_op:
        batch_op.drop_index("ix_collection_items_collection_position")
        batch_op.drop_index(batch_op.f("ix_collection_items_artwork_id"))

    op.drop_table("collection_items")
    with op.batch_alter_table("artwork_genes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artwork_genes_gene_id"))

    op.drop_table("artwork_genes")
    with op.batch_alter_table("artwork_artists", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artwork_artists_artist_id"))

    op.drop_table("artwork_artists")
    with op.batch_alter_table("shows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shows_partner_id"))

    op.drop_table("shows")
    with op.batch_alter_table("partner_artists", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_artists_artist_id"))

    op.drop_table("partner_artists")
    with op.batch_alter_table("collections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collections_partner_id"))

    op.drop_table("collections")
    with op.batch_alter_table("artworks", schema=None) as batch_op:
        batch_op.drop_index("ix_artworks_updated_at_id")
        batch_op.drop_index("ix_artworks_title_sort_id")
        batch_op.drop_index(batch_op.f("ix_artworks_source_fingerprint"))
        batch_op.drop_index("ix_artworks_price_id")
        batch_op.drop_index("ix_artworks_partner_id_id")
        batch_op.drop_index("ix_artworks_creation_year_id")
        batch_op.drop_index(batch_op.f("ix_artworks_availability"))
        batch_op.drop_index("ix_artworks_artist_sort_id")

    op.drop_table("artworks")
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_keys_partner_id"))

    op.drop_table("api_keys")
    op.drop_table("partners")
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_idempotency_keys_created_at"))

    op.drop_table("idempotency_keys")
    op.drop_table("genes")
    with op.batch_alter_table("changelog", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_changelog_partner_id"))
        batch_op.drop_index("ix_changelog_entity")
        batch_op.drop_index("ix_changelog_created_at_id")

    op.drop_table("changelog")
    op.drop_table("catalog_meta")
    with op.batch_alter_table("artists", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_artists_sortable_name"))

    op.drop_table("artists")
