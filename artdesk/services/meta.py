"""Key/value facts about a catalog (the ``catalog_meta`` table): the demo flag and the like."""

from __future__ import annotations

import json
from typing import Any

from artdesk.db.engine import Database
from artdesk.db.models import CatalogMetaRow


def get_meta(db: Database, key: str) -> str | None:
    with db.read() as s:
        row = s.get(CatalogMetaRow, key)
        return None if row is None else row.value


def set_meta(db: Database, key: str, value: str) -> None:
    with db.write() as s:
        s.merge(CatalogMetaRow(key=key, value=value))


def delete_meta(db: Database, key: str) -> None:
    with db.write() as s:
        row = s.get(CatalogMetaRow, key)
        if row is not None:
            s.delete(row)


def get_json_meta(db: Database, key: str) -> Any:
    """A JSON value stored under ``key``; None when absent or not JSON."""
    raw = get_meta(db, key)
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def set_json_meta(db: Database, key: str, value: Any) -> None:
    set_meta(db, key, json.dumps(value, sort_keys=True))
