"""Import artworks from CSV, gzip CSV, JSON and JSON Lines, with presets for known sources.

- Identity: the inventory (accession) number within the partner when there is one; otherwise the
  fingerprint, matched by occurrence (the n-th row with fingerprint F in the file is the n-th
  existing work with F), so that importing the same file twice creates nothing and changes nothing
  even where distinct works share a fingerprint.
- Bad rows never abort the import: each is written to the report with its line and reason.
- A broken file (not CSV/JSON, truncated gzip, cancelled) aborts with a clear error, and the
  catalog is left exactly as it was: the whole import is one transaction.
"""

from __future__ import annotations

import csv
import gc
import gzip
import io
import json
import marshal
import multiprocessing
import operator
import pickle
import queue
import re
import signal
import sys
import threading
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import bindparam, delete, insert, select, text, update

from artdesk.core.dates import parse_creation_year
from artdesk.core.errors import ArtdeskError, ImportFileError, ValidationError
from artdesk.core.fingerprint import (
    artist_display,
    digest_of_slugs,
    slug,
    slug_uncached,
    source_fingerprint,
)
from artdesk.core.models import ARTWORK_EDIT_FIELDS, ARTWORK_TEXT_FIELDS
from artdesk.core.text import DIMENSION_FIELDS, parse_dimensions_cm, split_artists
from artdesk.core.validation import MAX_LENGTHS, MAX_TEXT, URL_FIELDS, clean_field
from artdesk.db.ids import allocate_ids
from artdesk.db.models import (
    ArtistRow,
    ArtworkArtistRow,
    ArtworkGeneRow,
    ArtworkRow,
    CatalogMetaRow,
    ChangelogRow,
    EditionSetRow,
    GeneRow,
    PartnerArtistRow,
    PartnerRow,
    utcnow,
)
from artdesk.services.catalog import (
    SORT_PREFIX_LEN,
    CatalogService,
    _edition_fields,
    _jsonable,
    _sortable,
    search_text_for,
    sort_text,
)
from artdesk.services.changes import Changes

BATCH = 2000
BULK_CACHE_KIB = -65536  # PRAGMA cache_size for a large import: 64 MiB
FTS_DEFERRED = "fts_deferred"
FTS_INSERT_TRIGGER = "artworks_fts_ai"  # indexes a new work unless FTS_DEFERRED (migration 0001)
# Files above this size rebuild the secondary indexes once instead of row by row.
LARGE_FILE_BYTES = 4 * 1024 * 1024
csv.field_size_limit(10 * 1024 * 1024)

# Target names a column can map to, beyond the artwork's own fields.
EXTRA_TARGETS = frozenset(
    {"artists", "artist_name", "partner", "partner_name", "editions", "genes"}
)
TARGETS = frozenset(ARTWORK_EDIT_FIELDS) | EXTRA_TARGETS
# Text fields whose cleaning is more than "blank is None" (codes, URLs): _FastRows asks clean_field.
_CHECKED_TEXT = frozenset({"currency", "availability"}) | URL_FIELDS


class ImportCancelled(ArtdeskError):
    code = "cancelled"


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    columns: Mapping[str, str]
    ignored: frozenset[str] = frozenset()
    # Columns whose values are derived again on import (ids, fingerprints, timestamps).
    derived: frozenset[str] = frozenset()
    partner: tuple[str, str, str] | None = None  # default (slug, name, type)
    untitled: str | None = None  # museums catalogue works without a title under this title
    artist_separator: str = ","
    tate_measurements: bool = False
    json_lists: bool = False  # artists/editions/genes cells hold JSON


PRESETS: dict[str, Preset] = {
    "artland": Preset(
        name="artland",
        description="Artland v1 artwork fields (the seed's POST /v1/artworks body)",
        columns={
            "title": "title",
            "creation_year": "creation_year",
            "medium": "medium",
            "dimensions": "dimensions",
            "price": "price",
            "currency": "currency",
            "availability": "availability",
            "description": "description",
            "image_url": "image_url",
            "external_url": "external_url",
            "artist_name": "artist_name",
        },
        derived=frozenset({"id", "source_fingerprint", "created", "last_synced_at"}),
    ),
    "tate": Preset(
        name="tate",
        description="Tate collection (tate_artworks.csv.gz, CC0)",
        columns={
            "accession_number": "inventory_number",
            "all_artists": "artists",
            "title": "title",
            "date_text": "date_text",
            "medium": "medium",
            "dimensions": "dimensions",
            "credit_line": "credit_line",
            "thumbnail_url": "image_url",
            "url": "external_url",
            "tate_classification": "category",
        },
        ignored=frozenset(
            {
                "id",
                "artist",
                "year",
                "end_year",
                "acquisition_year",
                "artist_sort_name",
                "artist_id",
                "artist_role",
                "contributor_count",
                "width",
                "height",
                "depth",
                "units",
                "subject_count",
            }
        ),
        partner=("tate", "Tate", "museum"),
        untitled="Untitled",
        tate_measurements=True,
    ),
    "moma": Preset(
        name="moma",
        description="The Museum of Modern Art collection (moma_artworks.csv.gz, CC0)",
        columns={
            "AccessionNumber": "inventory_number",
            "Artist": "artists",
            "Title": "title",
            "Date": "date_text",
            "Medium": "medium",
            "Dimensions": "dimensions",
            "CreditLine": "credit_line",
            "Classification": "category",
            "URL": "external_url",
        },
        ignored=frozenset({"ObjectID", "ArtistID", "Department", "DateAcquired"}),
        partner=("moma", "The Museum of Modern Art", "museum"),
        untitled="Untitled",
    ),
    "artdesk": Preset(
        name="artdesk",
        description="artdesk's own export (csv, json or jsonl)",
        columns={
            **{f: f for f in ARTWORK_EDIT_FIELDS},
            "artists": "artists",
            "partner": "partner",
            "partner_name": "partner_name",
            "editions": "editions",
            "genes": "genes",
        },
        derived=frozenset(
            {
                "id",
                "source_fingerprint",
                "created_at",
                "updated_at",
                "last_synced_at",
                "version",
                "artist_name",
                "images",
            }
        ),
        json_lists=True,
    ),
}


@dataclass
class ImportResult:
    path: Path
    preset: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    untitled: int = 0
    rows: int = 0
    partners_created: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    not_imported_columns: list[str] = field(default_factory=list)
    report_path: Path | None = None
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged}, rejected {self.rejected}"
        )


@dataclass(frozen=True)
class Rejection:
    line: int
    record: int
    reason: str
    raw: Mapping[str, Any]


ProgressFn = Callable[[int, int, int], None]  # (rows done, bytes read, total bytes)


# ---------------------------------------------------------------------------------------- reading
class _CountingReader(io.RawIOBase):
    """Wraps a binary file and counts the compressed bytes read (for progress)."""

    def __init__(self, raw: io.BufferedReader) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # noqa: ANN001
        n = self.raw.readinto(b)
        self.count += n or 0
        return n


@dataclass
class _Source:
    path: Path
    format: str
    columns: list[str]
    records: Iterator[tuple[int, int, dict[str, Any]]]  # (line, record number, row)
    counter: _CountingReader
    total_bytes: int
    closer: Callable[[], None]
    # CSV records are the row's values (a list, in column order); JSON records are objects.
    positional: bool = False


def _open_text(path: Path) -> tuple[io.TextIOBase, _CountingReader, bool]:
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed by the source's closer
    except OSError as exc:
        raise ImportFileError(f"cannot open {path}: {exc.strerror or exc}") from exc
    head = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
    counter = _CountingReader(raw)
    buffered = io.BufferedReader(counter, buffer_size=1 << 16)
    is_gzip = head[:2] == b"\x1f\x8b"
    binary: io.BufferedIOBase = gzip.GzipFile(fileobj=buffered) if is_gzip else buffered
    # Broken encoding is kept as surrogates and reported per row, never fatal for the file.
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")
    return text, counter, is_gzip


def open_source(path: Path) -> _Source:
    """Open a CSV / JSON / JSON Lines file (optionally gzip) and read its header."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(f"no such file: {path}")
    if path.is_dir():
        raise ImportFileError(f"{path} is a folder, not a file")
    text, counter, is_gzip = _open_text(path)
    total = path.stat().st_size
    try:
        head = text.read(4096)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        text.close()
        raise ImportFileError(f"{path} is not readable: {_gzip_reason(exc)}") from exc
    if "\x00" in head:
        text.close()
        raise ImportFileError(f"{path} is not a CSV or JSON file (it holds binary data)")
    stripped = head.lstrip()
    rest = _Rest(head, text)
    if stripped.startswith("["):
        fmt = "json"
        records, columns = _json_records(path, rest)
    elif stripped.startswith("{"):
        fmt = "jsonl"
        records, columns = _jsonl_records(path, rest)
    elif not stripped:
        text.close()
        raise ImportFileError(f"{path} is empty")
    else:
        fmt = "csv"
        records, columns = _csv_records(path, rest)
    return _Source(
        path,
        fmt + (".gz" if is_gzip else ""),
        columns,
        records,
        counter,
        total,
        text.close,
        positional=fmt == "csv",
    )


def record_mapping(columns: list[str], values: list[str]) -> dict[str, Any]:
    """A CSV record as {column: value}, marking a row longer or shorter than the header."""
    row: dict[str, Any] = dict(zip(columns, values, strict=False))
    if len(values) > len(columns):
        row["__extra__"] = values[len(columns) :]
    elif len(values) < len(columns):
        row["__short__"] = len(values)
    return row


class _Rest(io.TextIOBase):
    """The already-read head followed by the rest of the text stream."""

    def __init__(self, head: str, stream: io.TextIOBase) -> None:
        self.buf = head
        self.stream = stream

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> str:
        if n is None or n < 0:
            out, self.buf = self.buf + self.stream.read(), ""
            return out
        if len(self.buf) < n:
            self.buf += self.stream.read(n - len(self.buf))
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def readline(self, limit: int = -1) -> str:
        while "\n" not in self.buf:
            chunk = self.stream.read(1 << 16)
            if not chunk:
                break
            self.buf += chunk
        i = self.buf.find("\n")
        if i < 0:
            out, self.buf = self.buf, ""
        else:
            out, self.buf = self.buf[: i + 1], self.buf[i + 1 :]
        return out

    def __iter__(self) -> Iterator[str]:
        """The head's lines, then the stream's own (C-speed) line iterator."""
        head, self.buf = self.buf, ""
        lines = io.StringIO(head, newline="").readlines()
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += self.stream.readline()
        pending = ""
        if lines and lines[-1].endswith("\r"):
            # "\r\n" split across the head's end: keep the pair one line ending.
            pending = self.stream.readline()
            if pending.startswith("\n"):
                lines[-1] += "\n"
                pending = pending[1:]
        yield from lines
        if pending:
            yield pending
        yield from self.stream


def _gzip_reason(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the gzip data is truncated (the file ends before the compressed stream does)"
    if isinstance(exc, gzip.BadGzipFile | zlib.error):
        return f"the gzip data is corrupt ({exc})"
    return str(exc)


def _csv_records(
    path: Path, stream: _Rest
) -> tuple[Iterator[tuple[int, int, dict[str, Any]]], list[str]]:
    header_line = stream.buf.split("\n", 1)[0]
    delimiter = max(",;\t|", key=header_line.count)
    if not header_line.count(delimiter):
        delimiter = ","
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(f"{path} is empty") from None
    except csv.Error as exc:
        raise ImportFileError(f"{path} is not a CSV file: {exc}") from exc
    columns = [c.strip() for c in header]
    if len(columns) < 2 and not any(c.lower() in TARGETS for c in columns):
        raise ImportFileError(f"{path} does not look like a CSV file with a header row")

    def rows() -> Iterator[tuple[int, int, dict[str, Any]]]:
        record = 0
        last_line = reader.line_num
        while True:
            start = last_line + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ImportFileError(
                    f"{path}, line {reader.line_num}: the CSV is malformed ({exc})"
                ) from exc
            last_line = reader.line_num
            if not values or not "".join(values).strip():  # a blank line
                continue
            record += 1
            yield start, record, values

    return rows(), columns


def _json_records(
    path: Path, stream: _Rest
) -> tuple[Iterator[tuple[int, int, dict[str, Any]]], list[str]]:
    try:
        data = json.loads(stream.read())
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    if isinstance(data, dict):
        data = data.get("artworks", data)
    if not isinstance(data, list):
        raise ImportFileError(f"{path}: expected a JSON array of artwork objects")
    columns: dict[str, None] = {}
    for item in data[:1000]:
        if isinstance(item, dict):
            columns.update(dict.fromkeys(item))

    def rows() -> Iterator[tuple[int, int, dict[str, Any]]]:
        for i, item in enumerate(data, start=1):
            yield i, i, item if isinstance(item, dict) else {"__not_object__": item}

    return rows(), list(columns)


def _jsonl_records(
    path: Path, stream: _Rest
) -> tuple[Iterator[tuple[int, int, dict[str, Any]]], list[str]]:
    first = stream.readline()
    try:
        head = json.loads(first)
    except json.JSONDecodeError:
        # A single pretty-printed JSON object spanning lines.
        try:
            data = json.loads(first + stream.read())
        except json.JSONDecodeError as exc:
            raise ImportFileError(f"{path} is not valid JSON or JSON Lines: {exc.msg}") from exc
        if isinstance(data, dict) and isinstance(data.get("artworks"), list):
            items = data["artworks"]
            return ((i, i, x) for i, x in enumerate(items, 1)), list(items[0]) if items else []
        raise ImportFileError(f"{path}: expected JSON Lines (one artwork object a line)") from None
    columns = list(head) if isinstance(head, dict) else []

    def rows() -> Iterator[tuple[int, int, dict[str, Any]]]:
        record = 1
        yield 1, 1, head if isinstance(head, dict) else {"__not_object__": head}
        for line_no, line in enumerate(stream, start=2):
            if not line.strip():
                continue
            record += 1
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield (
                    line_no,
                    record,
                    {"__bad_json__": f"not valid JSON ({exc.msg})", "__raw__": line[:500]},
                )
                continue
            yield line_no, record, item if isinstance(item, dict) else {"__not_object__": item}

    return rows(), columns


# ---------------------------------------------------------------------------------------- mapping
def detect_preset(columns: list[str]) -> str | None:
    cols = set(columns)
    if {"accession_number", "all_artists", "title"} <= cols:
        return "tate"
    if {"ObjectID", "AccessionNumber", "Title"} <= cols:
        return "moma"
    if {"source_fingerprint", "partner", "title"} <= cols:
        return "artdesk"
    if {"title", "artist_name"} <= cols:
        return "artland"
    return None


def parse_mapping(text: str | None) -> dict[str, str]:
    """``COL=field,COL2=field2`` -> {COL: field}; unknown target fields are an error."""
    out: dict[str, str] = {}
    if not text:
        return out
    for part in text.split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValidationError(f"--map takes COLUMN=field pairs, not {part!r}")
        col, target = (x.strip() for x in part.split("=", 1))
        if target not in TARGETS and target != "-":
            raise ValidationError(
                f"--map: {target!r} is not an artwork field; fields are {', '.join(sorted(TARGETS))}"
            )
        out[col] = target
    return out


def build_mapping(
    columns: list[str], preset: Preset | None, overrides: Mapping[str, str]
) -> tuple[dict[str, str], list[str], list[str]]:
    """(column -> target, unknown columns, known-but-not-imported columns)."""
    mapping: dict[str, str] = {}
    unknown: list[str] = []
    not_imported: list[str] = []
    lower_targets = {t.lower(): t for t in TARGETS}
    for col in columns:
        if col in overrides:
            if overrides[col] != "-":
                mapping[col] = overrides[col]
            else:
                not_imported.append(col)
            continue
        if preset is not None and col in preset.columns:
            mapping[col] = preset.columns[col]
        elif preset is not None and (col in preset.ignored or col in preset.derived):
            not_imported.append(col)
        elif col.strip().lower() in lower_targets:
            mapping[col] = lower_targets[col.strip().lower()]
        else:
            unknown.append(col)
    missing = set(overrides) - set(columns)
    if missing:
        raise ValidationError(
            f"--map names columns the file does not have: {', '.join(sorted(missing))}"
        )
    if "title" not in mapping.values():
        raise ImportFileError(
            "no column maps to the title; name one with --map COLUMN=title "
            f"(the file's columns: {', '.join(columns[:30])})"
        )
    return mapping, unknown, not_imported


# ---------------------------------------------------------------------------------------- rows
@dataclass
class _Prepared:
    line: int
    record: int
    partner_slug: str | None
    partner_name: str | None
    fields: dict[str, Any]
    artists: list[str]
    fingerprint: str
    editions: list[dict[str, Any]] | None
    genes: dict[str, int] | None
    untitled: bool
    # Made once by the fast path, so the writer need not slug them again.
    title_slug: str | None = None
    artist_keys: tuple[str, ...] | None = None
    # Made by _derive: the search words after the artists', the changelog JSON of the fields.
    search_rest: tuple[str, ...] | None = None
    log_json: str | None = None


def _json_cell(name: str, value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        try:
            return json.loads(value)
        except json.JSONDecodeError as exc:
            raise ValidationError(f"{name} is not valid JSON ({exc.msg})", field=name) from None
    return value


_SURROGATE = re.compile("[\udc80-\udcff]")


def _broken_encoding(raw: Mapping[str, Any]) -> str | None:
    """The first column whose text was not valid UTF-8 (kept as surrogates), or None."""
    texts = [v for v in raw.values() if isinstance(v, str)]
    if not _SURROGATE.search("".join(texts)):
        return None
    return next((col for col, v in raw.items() if isinstance(v, str) and _SURROGATE.search(v)), "?")


def prepare_row(
    line: int,
    record: int,
    raw: Mapping[str, Any],
    mapping: Mapping[str, str],
    preset: Preset | None,
) -> _Prepared:
    """Clean one source row into artwork fields; raises ValidationError with the reason."""
    for marker in ("__bad_json__", "__not_object__"):
        if marker in raw:
            raise ValidationError(
                str(raw[marker]) if marker == "__bad_json__" else "not a JSON object"
            )
    if "__extra__" in raw:
        raise ValidationError(
            f"the row has {len(raw['__extra__'])} more values than the header has columns"
        )
    if "__short__" in raw:
        raise ValidationError(f"the row has {raw['__short__']} values; the header has more columns")
    broken = _broken_encoding(raw)
    if broken is not None:
        raise ValidationError(f"column {broken!r} is not valid UTF-8 text (broken encoding)")
    values: dict[str, Any] = {}
    for col, target in mapping.items():
        value = raw.get(col)
        if isinstance(value, str) and not value.strip():
            value = None
        if value is not None:
            values[target] = value
    json_lists = preset is not None and preset.json_lists
    artists: list[str] = []
    if "artists" in values:
        v = values.pop("artists")
        if isinstance(v, list):
            artists = [str(x) for x in v if x]
        elif json_lists and isinstance(v, str) and v.strip().startswith("["):
            artists = [str(x) for x in _json_cell("artists", v) or [] if x]
        else:
            artists = list(split_artists(str(v), preset.artist_separator if preset else ","))
    if "artist_name" in values:
        v = values.pop("artist_name")
        if not artists:
            artists = [" ".join(str(v).split())] if str(v).strip() else []
    unique: dict[str, str] = {}
    for name in artists:
        unique.setdefault(slug(name), name)
    artists = [name for key, name in unique.items() if key]
    partner_slug = values.pop("partner", None)
    partner_name = values.pop("partner_name", None)
    editions = _json_cell("editions", values.pop("editions")) if "editions" in values else None
    genes = _json_cell("genes", values.pop("genes")) if "genes" in values else None
    if editions is not None and not isinstance(editions, list):
        raise ValidationError("editions must be a list of edition sets", field="editions")
    if genes is not None and not isinstance(genes, dict):
        raise ValidationError("genes must be an object {gene: value}", field="genes")
    untitled = False
    if "title" not in values and preset is not None and preset.untitled:
        values["title"] = preset.untitled
        untitled = True
    fields: dict[str, Any] = {}
    for name, value in values.items():
        fields[name] = clean_field(name, value)
    if "title" not in fields:
        raise ValidationError("no title", field="title")
    if fields.get("date_text") and "creation_year" not in fields:
        fields["creation_year"] = parse_creation_year(fields["date_text"])
    if fields.get("dimensions") and not any(k in fields for k in DIMENSION_FIELDS):
        h, w, d, dia = parse_dimensions_cm(fields["dimensions"])
        if preset is not None and preset.tate_measurements and raw.get("units") == "mm":
            h, w, d = (_mm(raw.get("height")), _mm(raw.get("width")), _mm(raw.get("depth")))
        for key, v in zip(DIMENSION_FIELDS, (h, w, d, dia), strict=True):
            if v is not None:
                fields[key] = v
    if editions:
        editions = [
            _edition_fields({k: v for k, v in e.items() if k not in _EDITION_DERIVED})
            for e in editions
        ]
    if genes:
        genes = {str(k): clean_field_gene(k, v) for k, v in genes.items()}
    fp = source_fingerprint(artist_display(artists), fields["title"], fields.get("creation_year"))
    return _Prepared(
        line,
        record,
        str(partner_slug) if partner_slug else None,
        str(partner_name) if partner_name else None,
        fields,
        artists,
        fp,
        editions,
        genes,
        untitled,
    )


_EDITION_DERIVED = frozenset({"id", "artwork_id", "created_at", "updated_at"})

_TEXT, _STRIPPED, _OTHER = range(3)
_MEMO_LIMIT = 200_000  # entries per memo (titles, artist strings): bounded memory on any file


class _FastRows:
    """``prepare_row`` for the common CSV row, without its general per-value machinery.

    A museum file is mostly plain text columns: this checks a whole row for NULs and broken
    encoding at once, keeps text as ``clean_field`` would, and works out each distinct artist
    string (split, dedupe, slug) once per import instead of once per row. Whatever it does not
    vouch for itself (a row of the wrong length, a NUL, broken encoding, an over-long value, a
    value that fails validation, no title) returns None, and the caller runs ``prepare_row``,
    which gives the exact result or the exact reason. ``tests/services/test_importer.py`` checks
    both paths agree on real museum rows.
    """

    def __init__(
        self,
        columns: list[str],
        plan: list[tuple[str, int, int, int]],
        artists_at: int | None,
        name_at: int | None,
        preset: Preset | None,
    ) -> None:
        self.ncols = len(columns)
        self.plan = plan
        self.artists_at = artists_at
        self.name_at = name_at
        self.separator = preset.artist_separator if preset else ","
        self.untitled = preset.untitled if preset is not None else None
        targets = {t for t, _, _, _ in plan}
        self.dimension_targets = [t for t in DIMENSION_FIELDS if t in targets]
        index = {c: i for i, c in enumerate(columns)}
        self.tate = None
        if preset is not None and preset.tate_measurements:
            self.tate = tuple(index.get(c) for c in ("units", "height", "width", "depth"))
        self.artist_memo: dict[
            tuple[str | None, str | None], tuple[list[str], str, tuple[str, ...]]
        ] = {}
        self.title_memo: dict[str, str] = {}

    @classmethod
    def build(
        cls, columns: list[str], mapping: Mapping[str, str], preset: Preset | None
    ) -> _FastRows | None:
        if preset is not None and preset.json_lists:
            return None
        targets = list(mapping.values())
        if len(set(targets)) != len(targets):
            return None  # two columns for one field: the general path decides which wins
        index = {c: i for i, c in enumerate(columns)}
        plan: list[tuple[str, int, int, int]] = []
        artists_at = name_at = None
        for col, target in mapping.items():
            if col not in index:
                return None
            at = index[col]
            if target == "artists":
                artists_at = at
            elif target == "artist_name":
                name_at = at
            elif target not in ARTWORK_EDIT_FIELDS:
                return None  # partner, editions, genes
            elif target in ("title", "inventory_number"):
                plan.append((target, at, _STRIPPED, MAX_LENGTHS.get(target, MAX_TEXT)))
            elif target in ARTWORK_TEXT_FIELDS and target not in _CHECKED_TEXT:
                plan.append((target, at, _TEXT, MAX_LENGTHS.get(target, MAX_TEXT)))
            else:
                plan.append((target, at, _OTHER, 0))
        return cls(columns, plan, artists_at, name_at, preset)

    def prepare(self, line: int, record: int, values: list[str]) -> _Prepared | None:
        if len(values) != self.ncols:
            return None
        joined = "".join(values)
        if "\x00" in joined or (not joined.isascii() and _SURROGATE.search(joined)):
            return None
        fields: dict[str, Any] = {}
        for target, at, kind, limit in self.plan:
            v = values[at]
            if kind == _TEXT:
                if not v or v.isspace():
                    continue
                if len(v) > limit:
                    return None
                fields[target] = v
            elif kind == _STRIPPED:
                stripped = v.strip()
                if not stripped:
                    continue
                if len(v) > MAX_TEXT or len(stripped) > limit:
                    return None
                fields[target] = stripped
            else:
                if not v or v.isspace():
                    continue
                try:
                    fields[target] = clean_field(target, v)
                except ValidationError:
                    return None
        untitled = False
        if "title" not in fields:
            if not self.untitled:
                return None
            fields["title"] = self.untitled
            untitled = True
        a_cell = values[self.artists_at] if self.artists_at is not None else None
        n_cell = values[self.name_at] if self.name_at is not None else None
        memo = self.artist_memo.get((a_cell, n_cell))
        if memo is None:
            memo = self._artists(a_cell, n_cell)
            if len(self.artist_memo) < _MEMO_LIMIT:
                self.artist_memo[(a_cell, n_cell)] = memo
        artists, artist_slug, keys = memo
        date_text = fields.get("date_text")
        if date_text and "creation_year" not in fields:
            fields["creation_year"] = parse_creation_year(date_text)
        dimensions = fields.get("dimensions")
        if dimensions and not any(k in fields for k in self.dimension_targets):
            h, w, d, dia = parse_dimensions_cm(dimensions)
            if self.tate is not None and self.tate[0] is not None and values[self.tate[0]] == "mm":
                h, w, d = (_mm(values[i]) if i is not None else None for i in self.tate[1:])
            if h is not None:
                fields["height_cm"] = h
            if w is not None:
                fields["width_cm"] = w
            if d is not None:
                fields["depth_cm"] = d
            if dia is not None:
                fields["diameter_cm"] = dia
        title = fields["title"]
        title_slug = self.title_memo.get(title)
        if title_slug is None:
            title_slug = slug_uncached(title)
            if len(self.title_memo) < _MEMO_LIMIT:
                self.title_memo[title] = title_slug
        return _Prepared(
            line,
            record,
            None,
            None,
            fields,
            artists,
            digest_of_slugs(artist_slug, title_slug, fields.get("creation_year")),
            None,
            None,
            untitled,
            title_slug,
            keys,
        )

    def _artists(
        self, a_cell: str | None, n_cell: str | None
    ) -> tuple[list[str], str, tuple[str, ...]]:
        """(names in order, the slug of their display string, each name's slug): as prepare_row."""
        artists: list[str] = []
        if a_cell and not a_cell.isspace():
            artists = list(split_artists(a_cell, self.separator))
        if n_cell and not n_cell.isspace() and not artists:
            artists = [" ".join(n_cell.split())]
        unique: dict[str, str] = {}
        for name in artists:
            unique.setdefault(slug(name), name)
        artists = [name for key, name in unique.items() if key]
        keys = tuple(key for key in unique if key)
        return artists, slug(artist_display(artists)), keys


def clean_field_gene(name: str, value: Any) -> int:
    from artdesk.core.validation import clean_int

    v = clean_int(f"gene {name}", value, lo=0, hi=100)
    if v is None:
        raise ValidationError(f"gene {name!r} needs a value from 0 to 100", field="genes")
    return v


def _mm(value: Any) -> float | None:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return round(v / 10, 3) if v > 0 else None


# ---------------------------------------------------------------------------------------- batches
# (prepared rows, rejected rows, records read, compressed bytes read, last batch?)
_Batch = tuple[list[_Prepared], list[Rejection], int, int, bool]
# Files this big are read and prepared by a worker process while this one writes.
WORKER_FILE_BYTES = 4 * 1024 * 1024


def _prepared_batches(
    source: _Source,
    col_map: Mapping[str, str],
    preset: Preset | None,
    derive: bool | None,
    derive_now: Callable[[], bool] | None = None,
) -> Iterator[_Batch]:
    """The source's rows prepared, BATCH good rows at a time, each batch with the rows it
    rejected on the way (so the report keeps the file's order). ``derive`` runs _derive on each
    row (True: the changelog as JSON text, for SQLite) or, None, leaves that to the writer;
    ``derive_now()``, asked once a batch, can leave a batch's to the writer too."""
    positional = source.positional
    fast = _FastRows.build(source.columns, col_map, preset) if positional else None
    batch: list[_Prepared] = []
    rejected: list[Rejection] = []
    rows = 0
    for line, record, raw in source.records:
        rows += 1
        prepared = fast.prepare(line, record, raw) if fast is not None else None
        if prepared is None:
            if positional:
                raw = record_mapping(source.columns, raw)
            try:
                prepared = prepare_row(line, record, raw, col_map, preset)
            except ValidationError as exc:
                rejected.append(Rejection(line, record, exc.message, raw))
                continue
        batch.append(prepared)
        if len(batch) >= BATCH:
            _derive_batch(batch, derive, derive_now)
            yield batch, rejected, rows, source.counter.count, False
            batch, rejected, rows = [], [], 0
    _derive_batch(batch, derive, derive_now)
    yield batch, rejected, rows, source.counter.count, True


def _derive_batch(
    batch: list[_Prepared], derive: bool | None, derive_now: Callable[[], bool] | None
) -> None:
    if derive is not None and (derive_now is None or derive_now()):
        for row in batch:
            _derive(row, derive)


def _derive(row: _Prepared, json_log: bool) -> None:
    """The row's own part of the search text and of its changelog entry (what does not depend on
    the catalog), made where the row is prepared: in the worker process for a large file."""
    f = row.fields
    if row.title_slug is None:
        row.title_slug = slug(f["title"])
    words = []
    medium = f.get("medium")
    if medium:
        words.append(slug(medium).replace("-", " "))
    for extra in (f.get("inventory_number"), f.get("description")):
        if extra:
            words.append(slug_uncached(extra).replace("-", " "))
    row.search_rest = tuple(words)
    if json_log:
        row.log_json = _sqlite_json(
            {k: {"old": None, "new": v} for k, v in f.items() if v is not None}
        )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the import runs: its rows hold no cycles, and the
    collector would otherwise walk the process's objects again and again as rows are allocated
    (a second of a MoMA import). Reference counting frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _use_worker(source: _Source) -> bool:
    # fork only: the worker is this process's copy and never touches its connections or threads
    # (as the demo's picture workers); elsewhere a spawned worker would re-run __main__.
    return (
        source.total_bytes > WORKER_FILE_BYTES
        and sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
    )


_PREPARED_FIELDS = operator.attrgetter(*(f.name for f in dataclass_fields(_Prepared)))


# Batches the worker keeps ready for the importing process beyond the one being sent.
WORKER_QUEUE = 3


class _Outbox:
    """The worker's messages, sent by a thread (the pipe write waits without the GIL) so that
    preparing the next batches goes on while the importing process is busy writing."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=WORKER_QUEUE)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="artdesk-import-send", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (data := self.queue.get()) is not None:
            if self.error is None:
                try:
                    self.conn.send_bytes(data)
                except BaseException as exc:  # noqa: BLE001 - reported by put() and close()
                    self.error = exc  # keep draining: put() never blocks on a dead pipe

    def put(self, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(data)

    def close(self) -> None:
        """Wait until everything put is sent (or failed)."""
        self.queue.put(None)
        self.thread.join()


def _worker_main(
    conn: Any,
    path: Path,
    col_map: Mapping[str, str],
    preset: Preset | None,
    derive: bool | None,
    writer_idle: Any = None,
) -> None:
    """In the worker: read and prepare the file, sending each batch as it is ready. While the
    importing process waits for batches (``writer_idle``, a shared flag it sets), the rows'
    search words and changelog JSON are left to it: the two processes share that work."""
    # The objects inherited from the importing process are never garbage here, and the rows
    # hold no cycles: no collector (it would walk them all and copy their pages).
    gc.disable()
    # Ctrl-C and SIGTERM are the importing process's to handle (it cancels the import and ends
    # this worker); inherited handlers (the GUI's wake-up socket, the CLI's cancel flag) would
    # act on the importing process's behalf from here.
    with suppress(ValueError, OSError):
        signal.set_wakeup_fd(-1)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_IGN)
    outbox = _Outbox(conn)
    derive_now = None if writer_idle is None else (lambda: not writer_idle.value)
    try:
        source = open_source(path)
        try:
            for batch, rejected, rows, bytes_read, final in _prepared_batches(
                source, col_map, preset, derive, derive_now
            ):
                # marshal: plain values only, about twice as fast as pickle both ways.
                message = (
                    [_PREPARED_FIELDS(r) for r in batch],
                    [(r.line, r.record, r.reason, dict(r.raw)) for r in rejected],
                    rows,
                    bytes_read,
                    final,
                )
                outbox.put(b"B" + marshal.dumps(message))
        finally:
            source.closer()
        outbox.close()
    except BaseException as exc:  # noqa: BLE001 - every failure goes to the importing process
        try:
            payload = pickle.dumps(exc, protocol=5)
        except Exception:  # noqa: BLE001 - an exception that does not pickle
            payload = pickle.dumps(ImportFileError(f"{path}: {exc}"), protocol=5)
        with suppress(OSError):  # the importing process has stopped listening: nothing to tell
            outbox.put(b"E" + payload)
            outbox.close()
    finally:
        conn.close()


def _worker_batches(
    path: Path,
    col_map: Mapping[str, str],
    preset: Preset | None,
    derive: bool | None,
) -> Iterator[_Batch]:
    """_prepared_batches of the file, made by a forked worker process (the second core) while
    this process writes the previous batch. A failure in the worker is raised here; closing the
    generator early (an error in the writer, a cancel) stops the worker."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    writer_idle = context.RawValue("b", 0)  # this process waits for the worker's next batch
    worker = context.Process(
        target=_worker_main,
        args=(sender, path, col_map, preset, derive, writer_idle),
        name="artdesk-import-reader",
        daemon=True,
    )
    worker.start()
    sender.close()
    try:
        while True:
            writer_idle.value = not receiver.poll()
            try:
                data = receiver.recv_bytes()
            except EOFError:
                raise ImportFileError(
                    f"{path}: the import's reader process ended unexpectedly; nothing was imported"
                ) from None
            if data[:1] == b"E":
                raise pickle.loads(data[1:])
            packed, rejected, rows, bytes_read, final = marshal.loads(memoryview(data)[1:])
            yield (
                [_Prepared(*t) for t in packed],
                [Rejection(*r) for r in rejected],
                rows,
                bytes_read,
                final,
            )
            if final:
                return
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()


# ---------------------------------------------------------------------------------------- service
class ImportService:
    def __init__(self, catalog: CatalogService, reports_dir: Path) -> None:
        self.catalog = catalog
        self.db = catalog.db
        self.reports_dir = reports_dir

    def preview(
        self,
        path: Path,
        *,
        preset: str | None = None,
        mapping: str | Mapping[str, str] | None = None,
        rows: int = 20,
    ) -> tuple[list[str], dict[str, str], list[dict[str, Any]], str | None]:
        """The file's columns, the mapping that would be used, its first rows and the preset."""
        source = open_source(Path(path))
        try:
            chosen = preset or detect_preset(source.columns)
            p = _preset(chosen)
            overrides = (
                parse_mapping(mapping)
                if isinstance(mapping, str) or mapping is None
                else dict(mapping)
            )
            try:
                mapped, _, _ = build_mapping(source.columns, p, overrides)
            except ImportFileError:
                mapped = {}
            first = []
            for _, _, row in source.records:
                first.append(record_mapping(source.columns, row) if source.positional else row)
                if len(first) >= rows:
                    break
            return source.columns, mapped, first, chosen
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise ImportFileError(f"{path} is not readable: {_gzip_reason(exc)}") from exc
        finally:
            source.closer()

    def run(
        self,
        path: Path | str,
        *,
        preset: str | None = None,
        partner: str | None = None,
        mapping: str | Mapping[str, str] | None = None,
        report_path: Path | None = None,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
        source_label: str | None = None,
    ) -> ImportResult:
        started = datetime.now(UTC)
        path = Path(path)
        source = open_source(path)
        chosen = preset or detect_preset(source.columns)
        try:
            p = _preset(chosen)
            overrides = (
                parse_mapping(mapping)
                if isinstance(mapping, str) or mapping is None
                else dict(mapping)
            )
            col_map, unknown, not_imported = build_mapping(source.columns, p, overrides)
            if source.format.startswith("json"):
                # JSON objects need not all carry the same keys: any field name maps to itself.
                for target in TARGETS:
                    col_map.setdefault(target, target)
            result = ImportResult(
                path=path,
                preset=chosen or "columns",
                unknown_columns=unknown,
                not_imported_columns=not_imported,
            )
            label = source_label or f"import:{path.name}"
            rejections: list[Rejection] = []
            touched: set[int] = set()
            try:
                with self.db.write() as s, _collector_paused():
                    run = _ImportRun(
                        s,
                        self.catalog,
                        p,
                        partner,
                        label,
                        result,
                        large=source.total_bytes > LARGE_FILE_BYTES,
                    )
                    # The search words and changelog JSON of new works are made with the rows, in
                    # the worker for a large file, unless the partner already has works: then
                    # most rows are matches, and the writer derives the few new ones itself.
                    derive = (
                        self.db.is_sqlite
                        if run.default_partner is None
                        or not run.partner_has_works(run.default_partner)
                        else None
                    )
                    batches = (
                        _worker_batches(path, col_map, p, derive)
                        if _use_worker(source)
                        else _prepared_batches(source, col_map, p, derive)
                    )
                    try:
                        for batch, rejected, rows, bytes_read, final in batches:
                            result.rows += rows
                            rejections.extend(rejected)
                            if batch:
                                touched |= run.write(batch, rejections)
                            if final:
                                break
                            if cancel is not None and cancel.is_set():
                                raise ImportCancelled("import cancelled; the catalog is unchanged")
                            if progress is not None:
                                progress(result.rows, bytes_read, source.total_bytes)
                        run.finish()
                        if cancel is not None and cancel.is_set():
                            raise ImportCancelled("import cancelled; the catalog is unchanged")
                    except BaseException:
                        with suppress(Exception):  # the import's own error is the one to report
                            run.close()
                        raise
                    finally:
                        batches.close()
                    run.close()
                    result.rejected = len(rejections)
            except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
                raise ImportFileError(
                    f"{path} could not be read to the end: {_gzip_reason(exc)}; nothing was imported"
                ) from exc
            except UnicodeDecodeError as exc:  # pragma: no cover - surrogateescape makes this rare
                raise ImportFileError(f"{path}: {exc}; nothing was imported") from exc
            if progress is not None:
                progress(result.rows, source.total_bytes, source.total_bytes)
        finally:
            source.closer()
        result.report_path = self._write_report(path, rejections, run.untitled_lines, report_path)
        result.seconds = (datetime.now(UTC) - started).total_seconds()
        if touched or result.partners_created:
            self.catalog.notifier.emit(
                Changes(
                    kinds=frozenset({"artworks", "artists", "partners", "genes"}),
                    artwork_ids=frozenset(touched),
                    source=label,
                )
            )
        return result

    def _write_report(
        self,
        path: Path,
        rejections: list[Rejection],
        untitled: list[tuple[int, int]],
        report_path: Path | None,
    ) -> Path | None:
        if not rejections and not untitled:
            return None
        if report_path is None:
            self.reports_dir.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            report_path = self.reports_dir / f"import-{path.name}-{stamp}.csv"
        report_path.parent.mkdir(parents=True, exist_ok=True)
        with open(report_path, "w", newline="", encoding="utf-8", errors="backslashreplace") as fh:
            w = csv.writer(fh)
            w.writerow(["line", "record", "outcome", "reason", "row"])
            for r in rejections:
                w.writerow([r.line, r.record, "rejected", r.reason, _raw_json(r.raw)])
            for line, record in untitled:
                w.writerow(
                    [line, record, "imported", "no title in the source; catalogued as Untitled", ""]
                )
        return report_path


def _raw_json(raw: Mapping[str, Any]) -> str:
    clean = {k: v for k, v in raw.items() if not k.startswith("__")}
    return (
        json.dumps(clean, ensure_ascii=False, default=str)[:4000]
        .encode("utf-8", "backslashreplace")
        .decode("utf-8")
    )


def _preset(name: str | None) -> Preset | None:
    if name is None:
        return None
    if name not in PRESETS:
        raise ValidationError(f"unknown preset {name!r}; presets are {', '.join(PRESETS)}")
    return PRESETS[name]


_COMPARED = tuple(f for f in ARTWORK_EDIT_FIELDS if f != "published")
# A new artwork row, in the order _ImportRun._create builds it.
_CREATE_COLUMNS = (
    *_COMPARED,
    "published",
    "artist_names",
    "artist_sort",
    "title_sort",
    "search_text",
    "source_fingerprint",
    "id",
    "partner_id",
    "created_at",
    "updated_at",
    "version",
)
_CHANGELOG_COLUMNS = (
    "entity_type",
    "entity_id",
    "partner_id",
    "action",
    "source",
    "field_changes",
    "created_at",
)


_CURRENT_ROWS = select(
    ArtworkRow.id, ArtworkRow.version, *(getattr(ArtworkRow, f) for f in _COMPARED)
).where(ArtworkRow.id.in_(bindparam("ids", expanding=True)))
_CURRENT_AT = {name: i + 2 for i, name in enumerate(_COMPARED)}  # a field's place in those rows
_CURRENT_ARTISTS = (
    select(ArtworkArtistRow.artwork_id, ArtistRow.name)
    .join(ArtistRow, ArtistRow.id == ArtworkArtistRow.artist_id)
    .where(ArtworkArtistRow.artwork_id.in_(bindparam("ids", expanding=True)))
    .order_by(ArtworkArtistRow.artwork_id, ArtworkArtistRow.position)
)


@dataclass(frozen=True, slots=True)
class _ArtistsOf:
    pairs: list[tuple[int, str]]  # (artist id, stored name), in order
    names: list[str]
    display: str
    artist_sort: str
    search_words: str
    log_json: str  # ',"artists":{...}' for a new work's changelog JSON, or "" without artists


class _ImportRun:
    """The state of one import inside its transaction: lookups and bulk writes."""

    def __init__(
        self,
        s,
        catalog: CatalogService,
        preset: Preset | None,
        partner: str | None,  # noqa: ANN001
        source: str,
        result: ImportResult,
        large: bool = False,
    ) -> None:
        self.s = s
        self.catalog = catalog
        self.preset = preset
        self.source = source
        self.result = result
        self.untitled_lines: list[tuple[int, int]] = []
        self.partners: dict[str, int] = {
            r.slug: r.id for r in s.execute(select(PartnerRow.id, PartnerRow.slug))
        }
        self.default_partner = self._default_partner(partner)
        self.artists: dict[str, tuple[int, str]] = {
            r.slug: (r.id, r.name)
            for r in s.execute(select(ArtistRow.id, ArtistRow.slug, ArtistRow.name))
        }
        self.linked: set[tuple[int, int]] = {
            (r[0], r[1])
            for r in s.execute(select(PartnerArtistRow.partner_id, PartnerArtistRow.artist_id))
        }
        self.by_inventory: dict[int, dict[str, int]] = {}
        self.by_fingerprint: dict[int, dict[str, list[int]]] = {}
        self.fp_seen: dict[tuple[int, str], int] = defaultdict(int)
        self.loaded_partners: set[int] = set()
        self.claimed: set[int] = set()
        self.genes: dict[str, int] | None = None
        self.conn = s.connection()
        self.next_ids: dict[str, int] = {}
        self._changelog: list[tuple] = []
        self._stamp_of: datetime | None = None
        self._stamp_text = ""
        self._artists_memo: dict[tuple[str, ...], _ArtistsOf] = {}
        self.sqlite = catalog.db.is_sqlite
        self.dropped_indexes: list[str] = []  # the SQL of the indexes and trigger to restore
        if self.sqlite:
            # Index new rows in bulk (see the insert trigger in the first migration); the flag
            # lives only inside this transaction and is removed by finish().
            self.conn.execute(
                CatalogMetaRow.__table__.insert(), {"key": FTS_DEFERRED, "value": "1"}
            )
        # A large import builds the secondary indexes once at the end, but only once it writes new
        # rows: a re-import that changes little keeps them (and need not rebuild them).
        self.large = large
        self.indexes_dropped = False
        self.restore_pragmas: list[str] = []
        if self.sqlite and large:
            # A bigger page cache for the bulk transaction (the default 2 MB spills the unique
            # index's pages and the index sorts' runs over and over); the connection's own
            # setting, put back by close().
            before = self.conn.exec_driver_sql("PRAGMA cache_size").scalar()
            self.restore_pragmas.append(f"PRAGMA cache_size={int(before)}")
            self.conn.exec_driver_sql(f"PRAGMA cache_size={BULK_CACHE_KIB}")

    def _drop_secondary_indexes(self) -> None:
        """For a large import, build the secondary indexes once at the end (a sort) instead of
        row by row (random B-tree inserts). DDL is transactional in SQLite: readers keep seeing
        the old indexes, and a failed import restores them with everything else.

        The search index's insert trigger goes too: the import indexes its new rows itself
        (``_index_new``; the trigger's WHEN finds FTS_DEFERRED and does nothing), yet SQLite
        still evaluates that WHEN for every row inserted (about 3 us a row)."""
        if not (self.sqlite and self.large) or self.indexes_dropped:
            return
        self.indexes_dropped = True
        rows = self.conn.execute(
            text(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ("
                "(type = 'index' AND tbl_name IN ('artworks', 'changelog', 'artwork_artists')) "
                f"OR (type = 'trigger' AND name = '{FTS_INSERT_TRIGGER}'))"
            )
        ).all()
        for kind, name, sql in rows:
            self.conn.execute(text(f'DROP {kind.upper()} "{name}"'))
            self.dropped_indexes.append(sql)

    def _bulk_insert(self, table: Any, rows: list[dict[str, Any]]) -> None:
        """executemany straight to the driver on SQLite (SQLAlchemy's per-row work costs more than
        SQLite's own), through SQLAlchemy Core elsewhere."""
        if not rows:
            return
        if not self.sqlite:
            self.conn.execute(table.insert(), rows)
            return
        cols = list(rows[0])
        sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        getter = operator.itemgetter(*cols)
        convert = [
            (i, conv) for i, c in enumerate(cols) if (conv := _sqlite_converter(table.c[c].type))
        ]
        if len(cols) == 1:
            data = [(getter(r),) for r in rows]
        elif not convert:
            data = [getter(r) for r in rows]
        else:
            memo: dict[int, Any] = {}  # the batch's timestamps are mostly one object

            def converted(value: Any, conv: Callable[[Any], Any]) -> Any:
                key = id(value)
                if isinstance(value, datetime):
                    if key not in memo:
                        memo[key] = conv(value)
                    return memo[key]
                return conv(value)

            data = []
            for r in rows:
                values = list(getter(r))
                for i, conv in convert:
                    values[i] = converted(values[i], conv)
                data.append(values)
        cursor = self.conn.connection.dbapi_connection.cursor()
        try:
            cursor.executemany(sql, data)
        finally:
            cursor.close()

    def close(self) -> None:
        """Put the connection's settings back (after a commit or a rollback alike)."""
        for pragma in self.restore_pragmas:
            self.conn.exec_driver_sql(pragma)
        self.restore_pragmas.clear()

    def finish(self) -> None:
        for sql in self.dropped_indexes:
            self.conn.execute(text(sql))
        self.dropped_indexes.clear()
        if self.sqlite:
            self.conn.execute(delete(CatalogMetaRow).where(CatalogMetaRow.key == FTS_DEFERRED))

    def _index_new(self, first: int, last: int) -> None:
        if self.sqlite:
            self.conn.execute(
                text(
                    "INSERT INTO artworks_fts(rowid, search_text) "
                    "SELECT id, search_text FROM artworks WHERE id BETWEEN :a AND :b"
                ),
                {"a": first, "b": last},
            )

    def _default_partner(self, partner: str | None) -> int | None:
        if partner:
            key = slug(partner)
            if key not in self.partners:
                raise ValidationError(
                    f"no partner with slug {partner!r}; create it with `artdesk partners create`"
                )
            return self.partners[key]
        if self.preset is not None and self.preset.partner is not None:
            return self._ensure_partner(*self.preset.partner)
        if len(self.partners) == 1:
            return next(iter(self.partners.values()))
        return None

    def _ensure_partner(self, partner_slug: str, name: str | None, kind: str = "gallery") -> int:
        key = slug(partner_slug)
        if not key:
            raise ValidationError("the partner column is empty")
        if key not in self.partners:
            row = PartnerRow(name=name or partner_slug, slug=key, type=kind)
            self.s.add(row)
            self.s.flush()
            self.catalog._log(
                self.s,
                "partner",
                row.id,
                "create",
                self.source,
                {"name": {"old": None, "new": row.name}, "slug": {"old": None, "new": key}},
                row.id,
            )
            self.partners[key] = row.id
            self.result.partners_created.append(key)
        return self.partners[key]

    def _load_partner(self, partner_id: int) -> None:
        if partner_id in self.loaded_partners:
            return
        inv: dict[str, int] = {}
        fps: dict[str, list[int]] = defaultdict(list)
        q = (
            select(ArtworkRow.id, ArtworkRow.inventory_number, ArtworkRow.source_fingerprint)
            .where(ArtworkRow.partner_id == partner_id)
            .order_by(ArtworkRow.id)
        )
        for aid, number, fp in self.conn.execute(q):
            if number:
                inv[number] = aid
            else:
                fps[fp].append(aid)
        self.by_inventory[partner_id] = inv
        self.by_fingerprint[partner_id] = fps
        self.loaded_partners.add(partner_id)

    def partner_has_works(self, partner_id: int) -> bool:
        self._load_partner(partner_id)
        return bool(self.by_inventory[partner_id] or self.by_fingerprint[partner_id])

    def _partner_for(self, row: _Prepared) -> int:
        if row.partner_slug:
            return self._ensure_partner(row.partner_slug, row.partner_name)
        if self.default_partner is None:
            raise ValidationError(
                "no partner: give --partner SLUG (the catalog has several partners)"
            )
        return self.default_partner

    def _match(self, partner_id: int, row: _Prepared) -> int | None:
        self._load_partner(partner_id)
        number = row.fields.get("inventory_number")
        if number:
            return self.by_inventory[partner_id].get(number)
        key = (partner_id, row.fingerprint)
        n = self.fp_seen[key]
        self.fp_seen[key] = n + 1
        candidates = self.by_fingerprint[partner_id].get(row.fingerprint, [])
        return candidates[n] if n < len(candidates) else None

    def _allocate_ids(self, table: Any, n: int) -> list[int]:
        """n new primary keys for ``table`` that no row ever had (we hold the write lock)."""
        ids = allocate_ids(self.s, table, n, after=self.next_ids.get(table.name))
        if ids and self.sqlite:
            self.next_ids[table.name] = ids[-1]  # the rest of this import continues from here
        return ids

    def _ensure_artist_rows(self, rows: list[tuple[_Prepared, int]], now: datetime) -> None:
        """Create every artist the batch names that the catalog does not have, in one insert."""
        missing: dict[str, tuple[str, int]] = {}
        known = self.artists
        memo = self._artists_memo
        for row, pid in rows:
            keys = row.artist_keys
            if keys is not None and (keys in memo or all(k in known for k in keys)):
                continue
            for name in row.artists:
                key = slug(name)
                if key and key not in known and key not in missing:
                    missing[key] = (name, pid)
        if not missing:
            return
        ids = self._allocate_ids(ArtistRow.__table__, len(missing))
        params = []
        for aid, (key, (name, pid)) in zip(ids, missing.items(), strict=True):
            params.append(
                {
                    "id": aid,
                    "name": name,
                    "slug": key,
                    "sortable_name": _sortable(name),
                    "created_at": now,
                    "updated_at": now,
                }
            )
            self.artists[key] = (aid, name)
            self._log("artist", aid, pid, "create", {"name": {"old": None, "new": name}}, now)
        self._bulk_insert(ArtistRow.__table__, params)

    def _log(
        self,
        entity_type: str,
        entity_id: int,
        partner_id: int | None,
        action: str,
        changes: dict[str, Any],
        now: datetime,
    ) -> None:
        """One changelog row (a tuple in _CHANGELOG_COLUMNS order, ready for the driver)."""
        if self.sqlite:
            self._changelog.append(
                (
                    entity_type,
                    entity_id,
                    partner_id,
                    action,
                    self.source,
                    _sqlite_json(changes),
                    self._stamp(now),
                )
            )
        else:
            self._changelog.append(
                (entity_type, entity_id, partner_id, action, self.source, changes, now)
            )

    def _stamp(self, now: datetime) -> Any:
        if not self.sqlite:
            return now
        if self._stamp_of is not now:
            self._stamp_of, self._stamp_text = now, _sqlite_datetime(now)
        return self._stamp_text

    def _artist_ids(self, names: list[str]) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        seen = set()
        for name in names:
            key = slug(name)
            if key and key not in seen:
                seen.add(key)
                out.append(self.artists[key])
        return out

    def _artists_of(self, row: _Prepared) -> _ArtistsOf:
        """The row's artists as the catalog stores them, with the text derived from them
        (display string, sort key, search words), worked out once per distinct artist list."""
        keys = row.artist_keys
        if keys is None:
            keys = tuple(dict.fromkeys(k for k in map(slug, row.artists) if k))
        got = self._artists_memo.get(keys)
        if got is None:
            pairs = [self.artists[k] for k in keys]
            names = [name for _, name in pairs]
            display = artist_display(names)
            got = _ArtistsOf(
                pairs,
                names,
                display,
                sort_text(_sortable(names[0]) if names else ""),
                slug(display).replace("-", " "),
                f',"artists":{{"old":null,"new":{_sqlite_json(names)}}}' if names else "",
            )
            if len(self._artists_memo) < _MEMO_LIMIT:
                self._artists_memo[keys] = got
        return got

    def _executemany(
        self, table: Any, columns: tuple[str, ...], rows: list[tuple], *, omit_null: bool = False
    ) -> None:
        """Rows already in ``columns`` order (driver-ready values on SQLite). ``omit_null`` leaves
        out the columns that are NULL in every row (the table's columns have no defaults, so they
        are NULL just the same): a museum file fills half the artwork columns, and SQLite's cost
        per row grows with the number of values bound."""
        if not rows:
            return
        if not self.sqlite:
            self.conn.execute(table.insert(), [dict(zip(columns, r, strict=True)) for r in rows])
            return
        if omit_null:
            by_column = list(zip(*rows, strict=True))
            n = len(rows)
            keep = [
                i
                for i, values in enumerate(by_column)
                if values[0] is not None or values.count(None) != n
            ]
            if len(keep) < len(columns):
                columns = tuple(columns[i] for i in keep)
                rows = list(zip(*(by_column[i] for i in keep), strict=True))
        sql = (
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        cursor = self.conn.connection.dbapi_connection.cursor()
        try:
            cursor.executemany(sql, rows)
        finally:
            cursor.close()

    def write(self, batch: list[_Prepared], rejections: list[Rejection]) -> set[int]:
        now = utcnow()
        self._changelog = []
        creates: list[tuple[_Prepared, int]] = []
        updates: list[tuple[_Prepared, int, int]] = []
        for row in batch:
            try:
                partner_id = self._partner_for(row)
            except ValidationError as exc:
                rejections.append(Rejection(row.line, row.record, exc.message, {}))
                continue
            existing = self._match(partner_id, row)
            # -1: a number a new row of this file took earlier in the same batch.
            if existing is not None and (existing < 0 or existing in self.claimed):
                rejections.append(
                    Rejection(
                        row.line,
                        row.record,
                        f"inventory number {row.fields.get('inventory_number')!r} appears twice in the file",
                        {},
                    )
                )
                continue
            if row.untitled:
                self.untitled_lines.append((row.line, row.record))
                self.result.untitled += 1
            if existing is None:
                creates.append((row, partner_id))
                number = row.fields.get("inventory_number")
                if number:
                    self.by_inventory[partner_id][number] = -1  # claimed by a new row of this file
            else:
                self.claimed.add(existing)
                updates.append((row, partner_id, existing))
        touched: set[int] = set()
        if creates:
            touched |= self._create(creates, now)
        if updates:
            touched |= self._update(updates, now)
        if self._changelog:
            self._executemany(ChangelogRow.__table__, _CHANGELOG_COLUMNS, self._changelog)
        return touched

    def _artwork_values(
        self, row: _Prepared, artist_names: list[str], fingerprint: str | None = None
    ) -> dict[str, Any]:
        f = row.fields
        display = artist_display(artist_names)
        values = {name: f.get(name) for name in _COMPARED}
        values["published"] = bool(f.get("published", False))
        values.update(
            artist_names=display,
            artist_sort=sort_text(_sortable(artist_names[0]) if artist_names else ""),
            title_sort=sort_text(f["title"]),
            search_text=search_text_for(
                f["title"],
                display,
                f.get("medium"),
                f.get("inventory_number"),
                f.get("description"),
            ),
            source_fingerprint=fingerprint
            or source_fingerprint(display, f["title"], f.get("creation_year")),
        )
        return values

    def _create(self, creates: list[tuple[_Prepared, int]], now: datetime) -> set[int]:
        self._drop_secondary_indexes()
        self._ensure_artist_rows(creates, now)
        ids = self._allocate_ids(ArtworkRow.__table__, len(creates))
        sqlite = self.sqlite
        stamp = self._stamp(now)
        source = self.source
        artworks: list[tuple] = []
        links: list[tuple[int, int, int]] = []
        partner_links: list[tuple[int, int]] = []
        log = self._changelog
        for aid, (row, pid) in zip(ids, creates, strict=True):
            f = row.fields
            who = self._artists_of(row)
            if row.search_rest is None:
                _derive(row, sqlite)
            title_slug = row.title_slug
            # search_text_for(title, artists, medium, inventory number, description): the row's
            # own words come from _derive, the artists' once per distinct artist list.
            if who.display:
                search = " ".join(
                    (title_slug.replace("-", " "), who.search_words, *row.search_rest)
                )
            else:
                search = " ".join((title_slug.replace("-", " "), *row.search_rest))
            published = bool(f.get("published", False))
            artworks.append(
                (
                    *map(f.get, _COMPARED),
                    int(published) if sqlite else published,
                    who.display,
                    who.artist_sort,
                    title_slug[:SORT_PREFIX_LEN],
                    search,
                    row.fingerprint,
                    aid,
                    pid,
                    stamp,
                    stamp,
                    1,
                )
            )
            for pos, (artist_id, _) in enumerate(who.pairs):
                links.append((aid, pos, artist_id))
                if (pid, artist_id) not in self.linked:
                    self.linked.add((pid, artist_id))
                    partner_links.append((pid, artist_id))
            number = f.get("inventory_number")
            if number:
                self.by_inventory[pid][number] = aid
            self.claimed.add(aid)
            if sqlite:
                # The fields' JSON object from _derive, with the artists (as stored) added.
                changes: Any = row.log_json
                if who.names:
                    changes = f"{changes[:-1]}{who.log_json}}}"
            else:
                changes = {k: {"old": None, "new": v} for k, v in f.items() if v is not None}
                if who.names:
                    changes["artists"] = {"old": None, "new": who.names}
            log.append(("artwork", aid, pid, "create", source, changes, stamp))
        self._executemany(ArtworkRow.__table__, _CREATE_COLUMNS, artworks, omit_null=True)
        self._index_new(min(ids), max(ids))
        self._executemany(
            ArtworkArtistRow.__table__, ("artwork_id", "position", "artist_id"), links
        )
        self._executemany(PartnerArtistRow.__table__, ("partner_id", "artist_id"), partner_links)
        self._children([(row, aid) for (row, _), aid in zip(creates, ids, strict=True)], now)
        self.result.created += len(ids)
        return set(ids)

    def _update(self, updates: list[tuple[_Prepared, int, int]], now: datetime) -> set[int]:
        s = self.s
        ids = sorted(aid for _, _, aid in updates)
        # Core statements with an expanding IN: compiled once per import, no ORM loading.
        current = {r[0]: r for r in self.conn.execute(_CURRENT_ROWS, {"ids": ids})}
        names: dict[int, list[str]] = defaultdict(list)
        for aid, name in self.conn.execute(_CURRENT_ARTISTS, {"ids": ids}):
            names[aid].append(name)
        self._ensure_artist_rows([(row, pid) for row, pid, _ in updates], now)
        changed_rows = []
        touched = set()
        for row, pid, aid in updates:
            cur = current[aid]
            # Only the fields the file carries are compared and written.
            diff = {
                k: {"old": cur[i], "new": v}
                for k, v in row.fields.items()
                if (i := _CURRENT_AT.get(k)) is not None and cur[i] != v
            }
            new_artists = self._artists_of(row).pairs if row.artists else None
            if new_artists is not None and [a[1] for a in new_artists] != names[aid]:
                diff["artists"] = {"old": names[aid], "new": [a[1] for a in new_artists]}
            children_changed = self._children_differ(aid, row)
            if not diff and not children_changed:
                self.result.unchanged += 1
                continue
            old = dict(zip(_COMPARED, cur[2:], strict=True))
            merged = {**old, **row.fields}
            artist_names = [a[1] for a in new_artists] if new_artists is not None else names[aid]
            fake = _Prepared(
                row.line,
                row.record,
                None,
                None,
                merged,
                artist_names,
                row.fingerprint,
                None,
                None,
                False,
            )
            values = self._artwork_values(fake, artist_names)
            values.update(b_id=aid, updated_at=now, version=cur[1] + 1)
            changed_rows.append(values)
            if "artists" in diff:
                s.execute(delete(ArtworkArtistRow).where(ArtworkArtistRow.artwork_id == aid))
                s.execute(
                    insert(ArtworkArtistRow),
                    [
                        {"artwork_id": aid, "position": i, "artist_id": a[0]}
                        for i, a in enumerate(new_artists or [])
                    ],
                )
            if diff:
                self._log("artwork", aid, pid, "update", _jsonable(diff), now)
            touched.add(aid)
            self.result.updated += 1
        if changed_rows:
            table = ArtworkRow.__table__
            keys = [k for k in changed_rows[0] if k != "b_id"]
            stmt = (
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values({k: bindparam(k) for k in keys})
            )
            s.connection().execute(stmt, changed_rows)
            self._children(
                [(row, aid) for row, _, aid in updates if aid in touched], now, replace=True
            )
        return touched

    def _children_differ(self, aid: int, row: _Prepared) -> bool:
        if row.editions is not None:
            have = [
                {k: getattr(e, k) for k in row.editions[0]} if row.editions else {}
                for e in self.s.scalars(
                    select(EditionSetRow)
                    .where(EditionSetRow.artwork_id == aid)
                    .order_by(EditionSetRow.id)
                )
            ]
            want = [dict(e) for e in row.editions]
            if len(have) != len(want) or any(
                {k: h.get(k) for k in w} != w for h, w in zip(have, want, strict=False)
            ):
                return True
        if row.genes is not None:
            have_g = {
                name: value
                for name, value in self.s.execute(
                    select(GeneRow.name, ArtworkGeneRow.value)
                    .join(ArtworkGeneRow, ArtworkGeneRow.gene_id == GeneRow.id)
                    .where(ArtworkGeneRow.artwork_id == aid)
                )
            }
            if have_g != row.genes:
                return True
        return False

    def _children(
        self, rows: list[tuple[_Prepared, int]], now: datetime, replace: bool = False
    ) -> None:
        s = self.s
        editions, genes = [], []
        for row, aid in rows:
            if row.editions is not None:
                if replace:
                    s.execute(delete(EditionSetRow).where(EditionSetRow.artwork_id == aid))
                for e in row.editions:
                    editions.append({**e, "artwork_id": aid, "created_at": now, "updated_at": now})
            if row.genes is not None:
                if replace:
                    s.execute(delete(ArtworkGeneRow).where(ArtworkGeneRow.artwork_id == aid))
                for name, value in row.genes.items():
                    genes.append(
                        {"artwork_id": aid, "gene_id": self._gene_id(name, now), "value": value}
                    )
        if editions:
            s.execute(insert(EditionSetRow), editions)
        if genes:
            s.execute(insert(ArtworkGeneRow), genes)

    def _gene_id(self, name: str, now: datetime) -> int:
        if self.genes is None:
            self.genes = {r.slug: r.id for r in self.s.execute(select(GeneRow.id, GeneRow.slug))}
        key = slug(name)
        if not key:
            raise ValidationError("a gene needs a name")
        if key not in self.genes:
            gid = self.s.execute(
                insert(GeneRow).returning(GeneRow.id),
                {"name": name.strip(), "slug": key, "created_at": now, "updated_at": now},
            ).scalar_one()
            self.genes[key] = gid
        return self.genes[key]


def _sqlite_datetime(value: datetime | None) -> str | None:
    # The text form SQLAlchemy's SQLite DateTime type stores and parses.
    return None if value is None else value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _sqlite_json(value: Any) -> str | None:
    if value is None:
        return None
    try:
        return orjson.dumps(value).decode()  # several times faster than json for 100k rows
    except TypeError:
        return json.dumps(value, ensure_ascii=False, default=str)


def _sqlite_bool(value: Any) -> int | None:
    return None if value is None else int(bool(value))


def _sqlite_converter(type_: Any) -> Callable[[Any], Any] | None:
    from sqlalchemy import JSON, Boolean, DateTime

    if isinstance(type_, DateTime):
        return _sqlite_datetime
    if isinstance(type_, JSON):
        return _sqlite_json
    if isinstance(type_, Boolean):
        return _sqlite_bool
    return None
