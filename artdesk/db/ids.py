"""New primary keys for bulk inserts that write ids themselves (imports, the demo catalog)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session


def allocate_ids(session: Session, table: Any, n: int, *, after: int | None = None) -> list[int]:
    """``n`` ids for new rows of ``table`` that no row has ever had (the caller holds the write
    transaction). ``after``: the last id this caller already took in the same transaction.

    SQLite: past both the largest id and the table's AUTOINCREMENT counter, so the id of a
    deleted row is not given out again. PostgreSQL: taken from the table's sequence."""
    if n <= 0:
        return []
    if session.get_bind().dialect.name == "sqlite":
        if after is None:
            after = session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
            counter = session.execute(
                text("SELECT seq FROM sqlite_sequence WHERE name = :t"), {"t": table.name}
            ).scalar()
            after = max(after, counter or 0)
        return list(range(after + 1, after + 1 + n))
    seq = session.execute(
        text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
    ).scalar_one()
    rows = session.execute(
        text("SELECT nextval(:seq) FROM generate_series(1, :n)"), {"seq": seq, "n": n}
    )
    return [r[0] for r in rows]
