"""Options shared by env.py and the schema check: which objects the ORM does not model."""

from __future__ import annotations

# Managed by migrations (FTS tables and expression indexes), not described by the models.
UNMODELLED = ("artworks_fts", "ix_artworks_search_tsv", "alembic_version")


def include_name(name, type_, parent_names) -> bool:  # noqa: ANN001 - alembic hook signature
    if name is None:
        return True
    return not any(name.startswith(prefix) for prefix in UNMODELLED)


def compare_options() -> dict[str, object]:
    return {"include_name": include_name, "compare_type": True, "render_as_batch": True}
