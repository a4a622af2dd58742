"""Alembic environment: run by artdesk.db.migrate with a live connection in config.attributes."""

from __future__ import annotations

from alembic import context

from artdesk.db.migrations.env_support import compare_options
from artdesk.db.models import Base


def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=Base.metadata, **compare_options())
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
