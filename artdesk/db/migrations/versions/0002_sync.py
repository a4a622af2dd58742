"""sync with remote catalogs: remotes, per-remote artwork links, conflicts, sync runs

Revision ID: 0002_sync
Revises: 0001
Create Date: 2026-11-24 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_sync"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_remotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("pull_cursor", sa.String(length=200), nullable=True),
        sa.Column("last_push_at", sa.DateTime(), nullable=True),
        sa.Column("last_pull_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_sync_remotes_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_remotes")),
        sa.UniqueConstraint("name", name=op.f("uq_sync_remotes_name")),
    )
    op.create_table(
        "sync_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("remote_id", sa.Integer(), nullable=False),
        sa.Column("artwork_id", sa.Integer(), nullable=False),
        sa.Column("remote_artwork_id", sa.String(length=200), nullable=True),
        sa.Column("remote_fingerprint", sa.String(length=64), nullable=True),
        sa.Column("remote_etag", sa.String(length=200), nullable=True),
        sa.Column("pushed_version", sa.Integer(), nullable=True),
        sa.Column("base", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["remote_id"],
            ["sync_remotes.id"],
            name=op.f("fk_sync_links_remote_id_sync_remotes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_links")),
        sa.UniqueConstraint("remote_id", "artwork_id", name="uq_sync_links_remote_artwork"),
    )
    with op.batch_alter_table("sync_links", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sync_links_remote_remote_artwork", ["remote_id", "remote_artwork_id"], unique=False
        )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("remote_id", sa.Integer(), nullable=False),
        sa.Column("artwork_id", sa.Integer(), nullable=False),
        sa.Column("remote_artwork_id", sa.String(length=200), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("base_value", sa.JSON(), nullable=True),
        sa.Column("local_value", sa.JSON(), nullable=True),
        sa.Column("remote_value", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["remote_id"],
            ["sync_remotes.id"],
            name=op.f("fk_sync_conflicts_remote_id_sync_remotes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_conflicts_artwork_id"), ["artwork_id"], unique=False
        )
        batch_op.create_index(
            "ix_sync_conflicts_remote_open", ["remote_id", "resolved_at"], unique=False
        )
    op.create_table(
        "sync_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("remote_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("messages", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["remote_id"],
            ["sync_remotes.id"],
            name=op.f("fk_sync_runs_remote_id_sync_remotes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_runs")),
    )
    with op.batch_alter_table("sync_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_runs_remote_id"), ["remote_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_runs_remote_id"))
    op.drop_table("sync_runs")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_conflicts_remote_open")
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_artwork_id"))
    op.drop_table("sync_conflicts")
    with op.batch_alter_table("sync_links", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_links_remote_remote_artwork")
    op.drop_table("sync_links")
    op.drop_table("sync_remotes")
