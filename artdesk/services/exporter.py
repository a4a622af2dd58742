"""Export every artwork field to CSV, JSON or JSON Lines, readable again by the `artdesk` preset."""

from __future__ import annotations

import csv
import json
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from artdesk.core.errors import ArtdeskError, ValidationError
from artdesk.core.models import (
    ARTWORK_EDIT_FIELDS,
    CONFIDENTIAL_FIELDS,
    EDITION_EDIT_FIELDS,
    Artwork,
)
from artdesk.services.catalog import ArtworkQuery, CatalogService

FORMATS = ("csv", "json", "jsonl")
PAGE = 2000


def export_columns(include_confidential: bool) -> list[str]:
    fields = [
        f for f in ARTWORK_EDIT_FIELDS if include_confidential or f not in CONFIDENTIAL_FIELDS
    ]
    return [
        "id",
        "partner",
        "partner_name",
        "artists",
        *fields,
        "source_fingerprint",
        "created_at",
        "updated_at",
        "last_synced_at",
        "version",
        "editions",
        "genes",
        "images",
    ]


def artwork_record(a: Artwork, include_confidential: bool) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": a.id,
        "partner": a.partner_slug,
        "partner_name": a.partner_name,
        "artists": [x.name for x in a.artists],
    }
    for f in ARTWORK_EDIT_FIELDS:
        if include_confidential or f not in CONFIDENTIAL_FIELDS:
            rec[f] = getattr(a, f)
    rec.update(
        source_fingerprint=a.source_fingerprint,
        created_at=_iso(a.created_at),
        updated_at=_iso(a.updated_at),
        last_synced_at=_iso(a.last_synced_at),
        version=a.version,
        editions=[
            {
                k: (list(v) if isinstance(v, tuple) else v)
                for k, v in asdict(e).items()
                if k in EDITION_EDIT_FIELDS
            }
            for e in a.editions
        ],
        genes={g.name: g.value for g in a.genes},
        images=[
            {
                "path": i.path,
                "content_hash": i.content_hash,
                "width": i.width,
                "height": i.height,
                "is_default": i.is_default,
            }
            for i in a.images
        ],
    )
    return rec


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


class ExportService:
    def __init__(self, catalog: CatalogService) -> None:
        self.catalog = catalog

    def iter_artworks(self, query: ArtworkQuery | None = None) -> Iterator[Artwork]:
        query = query or ArtworkQuery()
        after = None
        while True:
            page = self.catalog.list_artworks_after(query, after, PAGE, detail=True)
            if not page:
                return
            yield from page
            after = page[-1].id

    def run(
        self,
        path: Path | str,
        *,
        format: str | None = None,
        include_confidential: bool = False,
        query: ArtworkQuery | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        """Write the artworks to ``path`` (atomically: a temporary file renamed at the end)."""
        path = Path(path)
        fmt = format or path.suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise ValidationError(
                f"export format must be one of {', '.join(FORMATS)} (got {fmt or 'none'})"
            )
        total = self.catalog.count_artworks(query)
        tmp = path.with_name(f".{path.name}.partial")
        count = 0
        try:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                columns = export_columns(include_confidential)
                writer = None
                if fmt == "csv":
                    writer = csv.DictWriter(fh, fieldnames=columns)
                    writer.writeheader()
                elif fmt == "json":
                    fh.write("[\n")
                for artwork in self.iter_artworks(query):
                    if cancel is not None and cancel.is_set():
                        raise ArtdeskError("export cancelled; no file was written")
                    rec = artwork_record(artwork, include_confidential)
                    if writer is not None:
                        writer.writerow({k: _csv_cell(v) for k, v in rec.items()})
                    elif fmt == "json":
                        fh.write((",\n" if count else "") + json.dumps(rec, ensure_ascii=False))
                    else:
                        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    count += 1
                    if progress is not None and count % 500 == 0:
                        progress(count, total)
                if fmt == "json":
                    fh.write("\n]\n")
            os.replace(tmp, path)
        except OSError as exc:
            raise ArtdeskError(f"cannot write {path}: {exc.strerror or exc}") from exc
        finally:
            if tmp.exists():
                tmp.unlink()
        if progress is not None:
            progress(count, total)
        return count


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value
