"""Read the shared CC0 museum data (Tate, MoMA) as WorkRecord values.

Used by the tests in this folder and by ``tests/benchmarks/*_similar.py``. The files are read
in place from ``<repo>/../shared/data`` and never copied. Data: Tate (CC0), The Museum of Modern
Art (MoMA) (CC0).

Mapping:
- ids: Tate ``id`` as is; MoMA ``ObjectID + MOMA_ID_OFFSET`` (the two id spaces overlap);
- artists: ``all_artists`` (Tate) / ``Artist`` (MoMA) split on ", ";
- year: Tate's parsed ``year``; MoMA ``Date`` through :func:`artdesk.core.dates.parse_creation_year`;
- size: Tate ``height/width/depth`` (mm) in cm; MoMA the ``(h x w x d cm)`` part of ``Dimensions``;
- category: Tate ``tate_classification`` / MoMA ``Classification``;
- genes (Tate only, when asked): each attached subject is a gene named after its term (terms
  whose name occurs more than once get `` (parent)`` appended); its value depends on the
  subject's level in Tate's 3-level tree: leaf (level 2) 100, level 1 70, level 0 40.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from artdesk.core.dates import parse_creation_year
from artdesk.similar.records import WorkRecord

DATA_DIR = Path(__file__).resolve().parents[3] / "shared" / "data"
MOMA_ID_OFFSET = 10_000_000
LEVEL_VALUE = {0: 40, 1: 70, 2: 100}
SKIP_REASON = (
    f"shared museum data not found at {DATA_DIR} (a clone outside the team has no ../shared)"
)


def data_available() -> bool:
    return (DATA_DIR / "tate_artworks.csv.gz").is_file() and (
        DATA_DIR / "moma_artworks.csv.gz"
    ).is_file()


def _rows(name: str) -> Iterator[dict[str, str]]:
    with gzip.open(DATA_DIR / name, "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _split_artists(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").split(", ") if p.strip())


def subject_terms() -> dict[int, tuple[str, int]]:
    """subject_id -> (gene name, level)."""
    terms = {int(r["subject_id"]): r for r in _rows("tate_subject_terms.csv.gz")}
    counts: dict[str, int] = defaultdict(int)
    for r in terms.values():
        counts[r["name"]] += 1
    out: dict[int, tuple[str, int]] = {}
    for sid, r in terms.items():
        name = r["name"]
        if counts[name] > 1 and r["parent_id"]:
            parent = terms.get(int(r["parent_id"]))
            name = f"{name} ({parent['name'] if parent else r['parent_id']})"
        out[sid] = (name, int(r["level"]))
    return out


def tate_genes() -> dict[int, dict[str, int]]:
    """artwork id -> {gene name: value} from Tate's subjects."""
    terms = subject_terms()
    genes: dict[int, dict[str, int]] = defaultdict(dict)
    for r in _rows("tate_subjects.csv.gz"):
        term = terms.get(int(r["subject_id"]))
        if term is None:
            continue
        genes[int(r["artwork_id"])][term[0]] = LEVEL_VALUE.get(term[1], 100)
    return genes


def tate_movements() -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    for r in _rows("tate_movements.csv.gz"):
        out[int(r["artwork_id"])].add(r["movement_name"])
    return out


def tate_artist_names() -> list[tuple[int, str]]:
    """(id, name) of Tate's artists; names as Tate writes them ("Richter, Gerhard")."""
    return [(int(r["id"]), r["name"]) for r in _rows("tate_artists.csv.gz")]


def tate_records(limit: int | None = None, with_genes: bool = True) -> list[WorkRecord]:
    genes = tate_genes() if with_genes else {}
    out: list[WorkRecord] = []
    for r in _rows("tate_artworks.csv.gz"):
        wid = int(r["id"])
        scale = 0.1 if r["units"] in ("mm", "") else 1.0
        h, w, d = (_float(r[k]) for k in ("height", "width", "depth"))
        out.append(
            WorkRecord(
                id=wid,
                artists=_split_artists(r["all_artists"]) or _split_artists(r["artist"]),
                title=r["title"] or "",
                medium=r["medium"] or "",
                category=r["tate_classification"] or "",
                year=int(r["year"]) if r["year"].isdigit() else parse_creation_year(r["date_text"]),
                height_cm=h * scale if h else None,
                width_cm=w * scale if w else None,
                depth_cm=d * scale if d else None,
                genes=genes.get(wid, {}),
            )
        )
        if limit is not None and len(out) >= limit:
            break
    return out


_CM = re.compile(r"\(([\d.]+)\s*(?:x\s*([\d.]+))?\s*(?:x\s*([\d.]+))?\s*cm\)")


def moma_records(limit: int | None = None) -> list[WorkRecord]:
    out: list[WorkRecord] = []
    for r in _rows("moma_artworks.csv.gz"):
        m = _CM.search(r["Dimensions"] or "")
        h = w = d = None
        if m:
            h, w, d = (_float(g) for g in m.groups())
        out.append(
            WorkRecord(
                id=int(r["ObjectID"]) + MOMA_ID_OFFSET,
                artists=_split_artists(r["Artist"]),
                title=r["Title"] or "",
                medium=r["Medium"] or "",
                category=r["Classification"] or "",
                year=parse_creation_year(r["Date"]),
                height_cm=h,
                width_cm=w,
                depth_cm=d,
            )
        )
        if limit is not None and len(out) >= limit:
            break
    return out


def museum_records(limit: int | None = None, with_genes: bool = True) -> list[WorkRecord]:
    """Tate then MoMA, the first ``limit`` rows."""
    tate = tate_records(limit, with_genes=with_genes)
    if limit is not None and len(tate) >= limit:
        return tate[:limit]
    rest = None if limit is None else limit - len(tate)
    return tate + moma_records(rest)
