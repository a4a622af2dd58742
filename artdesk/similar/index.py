"""Similar artworks: a weighted sparse feature space and a cosine nearest-neighbour index.

Features per work, in blocks (each block is L2-normalised on its own, then scaled by the square
root of its weight, then the whole row is L2-normalised):

============  =================================================================================
block         columns
============  =================================================================================
``genes``     one per gene; value ``gene value / 100 * idf(gene)`` (rare genes weigh more)
``artists``   one per artist (order-insensitive name key, see ``_text.name_key``); value 1
``medium``    words of the medium plus ``category:<slug>``; TF-IDF (sublinear tf, min df 2)
``year``      the decade (1.0) and both adjacent decades (0.5): same decade scores 1.0,
              adjacent ~0.67, two decades apart ~0.17
``size``      half-octave bucket of the largest dimension in cm, neighbours at 0.5
``price``     half-decade band of the price per currency, neighbours at 0.5
``text``      words of title and description; TF-IDF (sublinear tf, min df 2, stop words out)
============  =================================================================================

So the cosine of two works is ``sum_b w_b * cos_b / sqrt(W_a * W_b)`` where ``cos_b`` is the
cosine within block ``b`` and ``W_x`` the sum of the weights of the blocks work ``x`` has at all:
a work without genes is compared on what it does have, not penalised for the gap.

Queries are exact (brute force): the matrix is kept twice, rows (for reasons) and its transpose
(an inverted index: one query costs the postings of the query's own features). On 150k works the
benchmark (``tests/benchmarks/bench_similar.py``) measured this against scikit-learn's
``NearestNeighbors(metric="cosine", algorithm="brute")`` on the same sparse rows, which answers
identically; ``backend="sklearn"`` selects it.

The index is saved as ``<name>.npz`` (arrays only, loaded with ``allow_pickle=False``) plus
``<name>.json`` (weights, vocabularies, catalog version).
"""

from __future__ import annotations

import json
import math
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from artdesk.core.errors import ArtdeskError, NotFoundError
from artdesk.similar._text import name_key, slug, words
from artdesk.similar.records import Neighbour, WorkRecord

FORMAT_VERSION = 1

BLOCKS: tuple[str, ...] = ("genes", "artists", "medium", "year", "size", "price", "text")
"""Feature blocks, in the order of :class:`Weights` fields."""

_CATEGORICAL = frozenset({"genes", "artists", "year", "size", "price"})
"""Blocks whose vocabulary may grow in :meth:`SimilarityIndex.with_changes`."""

REBUILD_FRACTION = 0.2
"""``with_changes`` flags ``needs_rebuild`` once changed rows exceed this share of the fit."""

MIN_DF = 2
"""A word (medium, text) must occur in at least this many works to become a feature."""

MAX_DF_FRACTION = 0.5
"""Words in more than this share of works carry no signal and are dropped."""

ProgressCallback = Callable[[int, int], None]


class BuildCancelled(ArtdeskError):
    """An index build stopped because its cancel event was set."""


@dataclass(frozen=True, slots=True)
class Weights:
    """Relative weight of each feature block (any non-negative numbers; 0 switches a block off).

    Defaults: genes dominate (they are curated), then the artist, then the words of the title
    and description, then medium/category; date, size and price only break ties.
    """

    genes: float = 3.0
    artists: float = 2.0
    medium: float = 1.0
    year: float = 0.5
    size: float = 0.25
    price: float = 0.25
    text: float = 1.5

    def as_array(self) -> np.ndarray:
        return np.array([getattr(self, b) for b in BLOCKS], dtype=np.float64)

    @classmethod
    def from_mapping(cls, data: Mapping[str, float]) -> Weights:
        names = {f.name for f in fields(cls)}
        return cls(**{k: float(v) for k, v in data.items() if k in names})


# --------------------------------------------------------------------------- tokenisation


@lru_cache(maxsize=8192)
def _smoothed(prefix: str, bucket: int) -> tuple[tuple[str, float], ...]:
    return (
        (f"{prefix}{bucket}", 1.0),
        (f"{prefix}{bucket - 1}", 0.5),
        (f"{prefix}{bucket + 1}", 0.5),
    )


def _record_tokens(rec: WorkRecord) -> list[Sequence[tuple[str, float]]]:
    """Per block, the (label, raw value) pairs of one record (before idf and normalisation)."""
    genes = [(str(g), max(0.0, min(100.0, float(v))) / 100.0) for g, v in rec.genes.items() if v]
    artists = [(k, 1.0) for k in dict.fromkeys(name_key(a) for a in rec.artists) if k]
    medium_counts = Counter(words(rec.medium))
    medium = [(w, float(c)) for w, c in medium_counts.items()]
    cat = slug(rec.category)
    if cat:
        medium.append((f"category:{cat}", 1.0))
    year = _smoothed("decade:", rec.year // 10) if rec.year is not None else ()
    dims = [d for d in (rec.height_cm, rec.width_cm, rec.depth_cm) if d and d > 0]
    size = _smoothed("size:", round(2 * math.log2(max(dims)))) if dims else ()
    price: Sequence[tuple[str, float]] = ()
    if rec.price is not None and rec.price > 0:
        price = _smoothed(
            f"price:{(rec.currency or '').upper()}:", math.floor(2 * math.log10(rec.price))
        )
    text_counts = Counter(words(rec.title))
    text_counts.update(words(rec.description))
    text = [(w, float(c)) for w, c in text_counts.items()]
    return [genes, artists, medium, year, size, price, text]


_TF_SUBLINEAR = frozenset({"medium", "text"})


class _Columns:
    """The feature columns: label, block and idf of each, and a per-block vocabulary."""

    def __init__(self, labels: list[str], blocks: list[int], idf: list[float]) -> None:
        self.labels = labels
        self.blocks = blocks
        self.idf = idf
        self.vocab: list[dict[str, int]] = [{} for _ in BLOCKS]
        for col, (label, blk) in enumerate(zip(labels, blocks, strict=True)):
            self.vocab[blk][label] = col

    def copy(self) -> _Columns:
        return _Columns(list(self.labels), list(self.blocks), list(self.idf))

    def add(self, label: str, block: int, idf: float) -> int:
        col = len(self.labels)
        self.labels.append(label)
        self.blocks.append(block)
        self.idf.append(idf)
        self.vocab[block][label] = col
        return col

    def __len__(self) -> int:
        return len(self.labels)


def _vectorise(
    tokens: Sequence[list[Sequence[tuple[str, float]]]],
    columns: _Columns,
    weights: Weights,
    n_fit: int,
    grow: bool,
) -> sp.csr_matrix:
    """Rows of weighted, normalised features (see the module docstring for the scheme)."""
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    new_gene_idf = math.log(1 + n_fit) + 1.0
    for r, toks in enumerate(tokens):
        for b, blk in enumerate(toks):
            if not blk:
                continue
            vocab = columns.vocab[b]
            name = BLOCKS[b]
            sub = name in _TF_SUBLINEAR
            for label, raw in blk:
                c = vocab.get(label)
                if c is None:
                    if not (grow and name in _CATEGORICAL):
                        continue
                    c = columns.add(label, b, new_gene_idf if name == "genes" else 1.0)
                v = 1.0 + math.log(raw) if sub else raw
                rows.append(r)
                cols.append(c)
                vals.append(v * columns.idf[c])
    n = len(tokens)
    d = len(columns)
    r_a = np.array(rows, dtype=np.int64)
    c_a = np.array(cols, dtype=np.int64)
    v_a = np.array(vals, dtype=np.float64)
    blk_of_col = np.array(columns.blocks, dtype=np.int64)
    blk = blk_of_col[c_a] if len(c_a) else np.zeros(0, dtype=np.int64)
    w = weights.as_array()
    norm2 = np.zeros((n, len(BLOCKS)))
    np.add.at(norm2, (r_a, blk), v_a * v_a)
    with np.errstate(divide="ignore", invalid="ignore"):
        v_a = v_a / np.sqrt(norm2[r_a, blk]) * np.sqrt(w[blk])
        total = ((norm2 > 0) * w).sum(axis=1)
        v_a = v_a / np.sqrt(total[r_a])
    ok = np.isfinite(v_a) & (v_a > 0)
    m = sp.csr_matrix((v_a[ok].astype(np.float32), (r_a[ok], c_a[ok])), shape=(n, d))
    m.sum_duplicates()
    m.sort_indices()
    return m


def _gene_matrix(
    tokens: Sequence[list[Sequence[tuple[str, float]]]], columns: _Columns
) -> sp.csr_matrix:
    """Raw gene values (0..100) per row; columns numbered like ``columns.vocab[genes]`` order."""
    gene_block = BLOCKS.index("genes")
    gene_cols = [c for c, b in enumerate(columns.blocks) if b == gene_block]
    pos = {columns.labels[c]: j for j, c in enumerate(gene_cols)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, toks in enumerate(tokens):
        for label, raw in toks[0]:
            j = pos.get(label)
            if j is not None:
                rows.append(r)
                cols.append(j)
                vals.append(round(raw * 100))
    return sp.csr_matrix(
        (
            np.array(vals, dtype=np.float32),
            (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)),
        ),
        shape=(len(tokens), len(gene_cols)),
    )


def _weighted_rows(
    rows: np.ndarray,
    cols: np.ndarray,
    raw: np.ndarray,
    columns: _Columns,
    weights: Weights,
    n: int,
) -> sp.csr_matrix:
    """The weighted, normalised feature rows from flat (row, column, raw value) arrays (rows
    ascending; column -1 = not a feature), the same scheme as :func:`_vectorise`."""
    ok = cols >= 0
    rows, cols, raw = rows[ok], cols[ok], raw[ok]
    blk_of_col = np.array(columns.blocks, dtype=np.int8)
    blk = blk_of_col[cols].astype(np.int64)
    sub = np.zeros(len(BLOCKS), dtype=bool)
    for b, name in enumerate(BLOCKS):
        sub[b] = name in _TF_SUBLINEAR
    v = raw.astype(np.float64)
    s = sub[blk]
    v[s] = 1.0 + np.log(v[s])
    v *= np.asarray(columns.idf, dtype=np.float64)[cols]
    nb = len(BLOCKS)
    cell = rows.astype(np.int64) * nb + blk
    norm2 = np.bincount(cell, weights=v * v, minlength=n * nb).reshape(n, nb)
    w = weights.as_array()
    with np.errstate(divide="ignore", invalid="ignore"):
        v = v / np.sqrt(norm2.ravel()[cell]) * np.sqrt(w[blk])
        total = ((norm2 > 0) * w).sum(axis=1)
        v = v / np.sqrt(total[rows])
    del cell, norm2, blk
    good = np.isfinite(v) & (v > 0)
    rows, cols, v = rows[good], cols[good], v[good].astype(np.float32)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    m = sp.csr_matrix((v, cols.astype(np.int32), indptr), shape=(n, len(columns)))
    m.sort_indices()
    return m


def _gene_rows(
    rows: np.ndarray, cols: np.ndarray, raw: np.ndarray, columns: _Columns, n: int
) -> sp.csr_matrix:
    """Raw gene values (0..100) per row from flat arrays, like :func:`_gene_matrix`."""
    gene_block = BLOCKS.index("genes")
    blocks = np.array(columns.blocks, dtype=np.int8)
    gene_cols = np.flatnonzero(blocks == gene_block)
    pos = np.full(len(columns), -1, dtype=np.int64)
    pos[gene_cols] = np.arange(len(gene_cols))
    ok = cols >= 0
    rows, cols, raw = rows[ok], cols[ok], raw[ok]
    j = pos[cols]
    keep = j >= 0
    vals = np.round(raw[keep].astype(np.float64) * 100).astype(np.float32)
    return sp.csr_matrix((vals, (rows[keep].astype(np.int64), j[keep])), shape=(n, len(gene_cols)))


def _widen(m: sp.csr_matrix, n_cols: int) -> sp.csr_matrix:
    return sp.csr_matrix((m.data, m.indices, m.indptr), shape=(m.shape[0], n_cols))


# --------------------------------------------------------------------------- the index


class SimilarityIndex:
    """An exact cosine k-NN index over weighted sparse features of artworks.

    Build with :meth:`build`, load with :meth:`load`. An instance is never modified after
    construction (:meth:`with_changes` returns a new one), so threads can share it.
    """

    def __init__(
        self,
        *,
        ids: np.ndarray,
        matrix: sp.csr_matrix,
        gene_values: sp.csr_matrix,
        columns: _Columns,
        artist_names: dict[str, str],
        weights: Weights,
        catalog_version: int | str,
        n_fit: int,
        changed_since_fit: int = 0,
        backend: str = "inverted",
    ) -> None:
        if backend not in ("inverted", "sklearn"):
            raise ValueError(f"unknown backend {backend!r}")
        self.ids = np.asarray(ids, dtype=np.int64)
        self.matrix = matrix.astype(np.float32, copy=False)
        self.gene_values = gene_values
        self.columns = columns
        self.artist_names = artist_names
        self.weights = weights
        self.catalog_version = catalog_version
        self.n_fit = n_fit
        self.changed_since_fit = changed_since_fit
        self.backend = backend
        self._row_of = {i: r for r, i in enumerate(self.ids.tolist())}
        if len(self._row_of) != len(self.ids):
            raise ArtdeskError("similarity index: duplicate work ids in the records")
        gene_block = BLOCKS.index("genes")
        self.gene_names = [
            columns.labels[c] for c, b in enumerate(columns.blocks) if b == gene_block
        ]
        self._has_genes = np.diff(gene_values.indptr) > 0
        self._col_block = np.array(columns.blocks, dtype=np.int8)
        self._lock = threading.Lock()
        self._transposed: sp.csr_matrix | None = None
        self._sk = None

    # ------------------------------------------------------------------ building

    @classmethod
    def build(
        cls,
        records: Iterable[WorkRecord],
        weights: Weights | None = None,
        *,
        catalog_version: int | str = 0,
        backend: str = "inverted",
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> SimilarityIndex:
        """Fit vocabularies and idf on ``records`` and index them.

        ``progress(done, total)`` is called as the work proceeds (``total`` = records + 3);
        setting ``cancel`` makes the build raise :class:`BuildCancelled` at the next check.
        """
        weights = weights or Weights()
        records = list(records)
        n = len(records)
        total = n + 3
        step = max(1, min(2000, n // 50))

        def check(done: int) -> None:
            if cancel is not None and cancel.is_set():
                raise BuildCancelled("similarity index build cancelled")
            if progress is not None:
                progress(min(done, total), total)

        check(0)
        # One pass, compact: every (block, label) gets a provisional id as it is first seen, and
        # each record's tokens go into flat typed arrays (no per-record Python structures kept).
        pid_of: list[dict[str, int]] = [{} for _ in BLOCKS]
        pid_block = array("b")
        pid_label: list[str] = []
        tok_pid = array("i")
        tok_raw = array("f")
        row_len = array("i")
        artist_names: dict[str, str] = {}
        for r, rec in enumerate(records):
            start = len(tok_pid)
            for b, blk in enumerate(_record_tokens(rec)):
                ids_b = pid_of[b]
                for label, raw in blk:
                    p = ids_b.get(label)
                    if p is None:
                        p = ids_b[label] = len(pid_label)
                        pid_label.append(label)
                        pid_block.append(b)
                    tok_pid.append(p)
                    tok_raw.append(raw)
            row_len.append(len(tok_pid) - start)
            for a in rec.artists:
                k = name_key(a)
                if k and k not in artist_names:
                    artist_names[k] = a.strip()
            if r % step == 0:
                check(r)
        ids = np.fromiter((rec.id for rec in records), dtype=np.int64, count=n)
        del pid_of
        pids = np.frombuffer(tok_pid, dtype=np.int32)
        raw = np.frombuffer(tok_raw, dtype=np.float32)
        blocks_of_pid = np.frombuffer(pid_block, dtype=np.int8)
        rows = np.repeat(np.arange(n, dtype=np.int32), np.frombuffer(row_len, dtype=np.int32))
        df = np.bincount(pids, minlength=len(pid_label))

        # Columns: per block, labels in sorted order; medium and text words within the df bounds.
        max_df = max(MIN_DF, int(MAX_DF_FRACTION * n))
        columns = _Columns([], [], [])
        col_of_pid = np.full(len(pid_label), -1, dtype=np.int32)
        order = sorted(range(len(pid_label)), key=lambda p: (blocks_of_pid[p], pid_label[p]))
        for p in order:
            name = BLOCKS[blocks_of_pid[p]]
            count = int(df[p])
            if name in ("medium", "text") and not (MIN_DF <= count <= max_df):
                continue
            idf = (
                math.log((1 + n) / (1 + count)) + 1.0
                if name in ("genes", "medium", "text")
                else 1.0
            )
            col_of_pid[p] = columns.add(pid_label[p], int(blocks_of_pid[p]), idf)
        del order
        check(n + 1)
        matrix = _weighted_rows(rows, col_of_pid[pids], raw, columns, weights, n)
        genes = _gene_rows(rows, col_of_pid[pids], raw, columns, n)
        del rows, pids, raw, tok_pid, tok_raw, row_len
        check(n + 2)
        index = cls(
            ids=ids,
            matrix=matrix,
            gene_values=genes,
            columns=columns,
            artist_names=artist_names,
            weights=weights,
            catalog_version=catalog_version,
            n_fit=n,
            backend=backend,
        )
        index._transpose()
        check(total)
        return index

    # ------------------------------------------------------------------ incremental

    @property
    def needs_rebuild(self) -> bool:
        """True once the changes since the last full build exceed ``REBUILD_FRACTION`` of it:
        vocabularies and idf no longer describe the catalog well, call :meth:`build` again."""
        return self.changed_since_fit > REBUILD_FRACTION * max(self.n_fit, 1)

    def with_changes(
        self,
        upserted: Sequence[WorkRecord],
        removed: Iterable[int],
        *,
        catalog_version: int | str | None = None,
    ) -> SimilarityIndex:
        """A new index with ``upserted`` records (new or changed) and without ``removed`` ids.

        New rows use the fitted vocabularies and idf: unseen words are ignored, unseen genes,
        artists, decades, sizes and price bands get new columns. Check :attr:`needs_rebuild`
        on the result.
        """
        upserted = list(upserted)
        removed_ids = {int(i) for i in removed}
        drop = removed_ids | {r.id for r in upserted}
        keep_rows = np.array([r for i, r in self._row_of.items() if i not in drop], dtype=np.int64)
        keep_rows.sort()
        columns = self.columns.copy()
        artist_names = dict(self.artist_names)
        for rec in upserted:
            for a in rec.artists:
                k = name_key(a)
                if k and k not in artist_names:
                    artist_names[k] = a.strip()
        tokens = [_record_tokens(rec) for rec in upserted]
        new_rows = _vectorise(tokens, columns, self.weights, self.n_fit, grow=True)
        new_genes = _gene_matrix(tokens, columns)
        d = len(columns)
        matrix = sp.vstack([_widen(self.matrix[keep_rows], d), new_rows], format="csr")
        n_genes = new_genes.shape[1]
        genes = sp.vstack([_widen(self.gene_values[keep_rows], n_genes), new_genes], format="csr")
        ids = np.concatenate(
            [self.ids[keep_rows], np.array([r.id for r in upserted], dtype=np.int64)]
        )
        really_removed = sum(1 for i in removed_ids if i in self._row_of)
        index = SimilarityIndex(
            ids=ids,
            matrix=matrix,
            gene_values=genes,
            columns=columns,
            artist_names=artist_names,
            weights=self.weights,
            catalog_version=self.catalog_version if catalog_version is None else catalog_version,
            n_fit=self.n_fit,
            changed_since_fit=self.changed_since_fit + len(upserted) + really_removed,
            backend=self.backend,
        )
        index._transpose()
        return index

    # ------------------------------------------------------------------ queries

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, work_id: object) -> bool:
        return work_id in self._row_of

    def row_of(self, work_id: int) -> int:
        try:
            return self._row_of[int(work_id)]
        except (KeyError, TypeError, ValueError):
            raise NotFoundError(f"artwork {work_id} is not in the similarity index") from None

    def _transpose(self) -> sp.csr_matrix:
        if self._transposed is None:
            with self._lock:
                if self._transposed is None:
                    self._transposed = self.matrix.T.tocsr()
        return self._transposed

    def vectorise(self, record: WorkRecord) -> sp.csr_matrix:
        """The feature row of a record (fitted vocabularies; unknown features are ignored)."""
        return _vectorise(
            [_record_tokens(record)], self.columns, self.weights, self.n_fit, grow=False
        )

    def _sklearn(self):
        from sklearn.neighbors import NearestNeighbors

        if self._sk is None:
            with self._lock:
                if self._sk is None:
                    self._sk = NearestNeighbors(metric="cosine", algorithm="brute").fit(self.matrix)
        return self._sk

    def scores(self, query: sp.csr_matrix) -> np.ndarray:
        """Cosine similarity of ``query`` (1 x d, normalised) with every row, dense."""
        s = query @ self._transpose()
        out = np.zeros(len(self.ids), dtype=np.float32)
        out[s.indices] = s.data
        return out

    def _top(
        self, query: sp.csr_matrix, k: int, exclude: int | None, mask: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        n = len(self.ids)
        if n == 0 or k <= 0 or query.nnz == 0:
            return []
        if self.backend == "sklearn" and mask is None:
            dist, idx = self._sklearn().kneighbors(query, n_neighbors=min(n, k + 1))
            pairs = [
                (int(i), 1.0 - float(dd))
                for dd, i in zip(dist[0], idx[0], strict=True)
                if i != exclude
            ]
            pairs.sort(key=lambda p: (-round(p[1], 6), int(self.ids[p[0]])))
            return [(r, s) for r, s in pairs if s > 1e-6][:k]
        scores = self.scores(query)
        if exclude is not None:
            scores[exclude] = -1.0
        if mask is not None:
            scores[~mask] = -1.0
        kk = min(k, n)
        if kk < n:
            # every row tying with the k-th best is a candidate, so that ties are always
            # broken the same way (lowest id first), not by where argpartition put them
            kth = scores[np.argpartition(-scores, kk - 1)[kk - 1]]
            cand = np.flatnonzero(scores >= kth - 1e-6)
        else:
            cand = np.arange(n)
        cand = cand[np.lexsort((self.ids[cand], -np.round(scores[cand], 6)))][:kk]
        return [(int(r), float(scores[r])) for r in cand if scores[r] > 1e-6]

    def similar(self, work_id: int, k: int = 10) -> list[Neighbour]:
        """The ``k`` works most similar to ``work_id`` (never itself), best first, with reasons.

        Raises :class:`NotFoundError` for an id that is not in the index.
        """
        row = self.row_of(work_id)
        query = self.matrix[row]
        return self._neighbours(query, self._top(query, k, row))

    def similar_to_record(self, record: WorkRecord, k: int = 10) -> list[Neighbour]:
        """Neighbours of a record that need not be in the index (a draft, an edited work)."""
        query = self.vectorise(record)
        return self._neighbours(query, self._top(query, k, self._row_of.get(record.id)))

    def _neighbours(self, query: sp.csr_matrix, top: list[tuple[int, float]]) -> list[Neighbour]:
        return [
            Neighbour(
                id=int(self.ids[r]),
                score=round(min(1.0, max(0.0, s)), 6),
                reasons=self.reasons(query, r),
            )
            for r, s in top
        ]

    def reasons(self, query: sp.csr_matrix, row: int) -> tuple[str, ...]:
        """Why ``row`` is close to ``query``: the shared features per block, strongest first."""
        q = dict(zip(query.indices.tolist(), query.data.tolist(), strict=True))
        start, end = self.matrix.indptr[row], self.matrix.indptr[row + 1]
        rv = dict(
            zip(
                self.matrix.indices[start:end].tolist(),
                self.matrix.data[start:end].tolist(),
                strict=True,
            )
        )
        shared: dict[int, list[tuple[float, int]]] = {}
        for col, val in rv.items():
            qv = q.get(col)
            if qv is not None:
                shared.setdefault(int(self._col_block[col]), []).append((qv * val, col))
        labels = self.columns.labels
        out: list[tuple[float, str]] = []
        for blk, items in shared.items():
            items.sort(key=lambda t: (-t[0], labels[t[1]]))
            weight = sum(v for v, _ in items)
            name = BLOCKS[blk]
            names = [labels[c] for _, c in items]
            if name == "genes":
                text = "shares genes: " + ", ".join(names[:5])
            elif name == "artists":
                text = "same artist: " + ", ".join(self.artist_names.get(x, x) for x in names[:3])
            elif name == "text":
                text = "shared words: " + ", ".join(names[:5])
            elif name == "medium":
                cats = [x.split(":", 1)[1] for x in names if x.startswith("category:")]
                mats = [x for x in names if not x.startswith("category:")]
                parts = []
                if mats:
                    parts.append("medium: " + ", ".join(mats[:4]))
                if cats:
                    parts.append("same category: " + cats[0].replace("-", " "))
                text = "; ".join(parts)
            else:
                # Smoothed buckets: each row's centre bucket is its largest column in the block.
                block_cols = [c for c in q if self._col_block[c] == blk]
                q_centre = max(block_cols, key=lambda c: q[c])
                r_centre = max((c for c in rv if self._col_block[c] == blk), key=lambda c: rv[c])
                same = q_centre == r_centre
                if name == "year":
                    decade = labels[q_centre].split(":", 1)[1]
                    text = f"same decade: {int(decade) * 10}s" if same else "close in date"
                elif name == "size":
                    text = "same size range" if same else "similar size"
                else:
                    text = "same price band" if same else "similar price band"
            out.append((weight, text))
        out.sort(key=lambda t: -t[0])
        return tuple(t for _, t in out)

    # ------------------------------------------------------------------ gene suggestions

    def suggest_genes(
        self, work: int | WorkRecord, k_neighbours: int = 10, *, only: Iterable[str] | None = None
    ) -> list[tuple[str, int, float]]:
        """Genes that the work's nearest gene-carrying neighbours have and the work lacks.

        Returns ``(gene, suggested value, confidence)``, best first: confidence is the
        similarity-weighted share of the ``k_neighbours`` neighbours carrying the gene (0..1),
        the value their similarity-weighted mean value. ``only`` restricts the gene names.
        Raises :class:`NotFoundError` for an id that is not in the index.
        """
        if isinstance(work, WorkRecord):
            query = self.vectorise(work)
            exclude = self._row_of.get(work.id)
            have = {str(g) for g, v in work.genes.items() if v}
        else:
            exclude = self.row_of(work)
            query = self.matrix[exclude]
            have = {self.gene_names[j] for j in self.gene_values[exclude].indices.tolist()}
        top = self._top(query, k_neighbours, exclude, mask=self._has_genes)
        if not top:
            return []
        rows = np.array([r for r, _ in top], dtype=np.int64)
        sims = np.array([s for _, s in top], dtype=np.float64)
        g = self.gene_values[rows].tocoo()
        present = np.zeros(len(self.gene_names))
        value_sum = np.zeros(len(self.gene_names))
        np.add.at(present, g.col, sims[g.row])
        np.add.at(value_sum, g.col, sims[g.row] * g.data)
        total = sims.sum()
        allowed = set(only) if only is not None else None
        out = []
        for j in np.flatnonzero(present).tolist():
            name = self.gene_names[j]
            if name in have or (allowed is not None and name not in allowed):
                continue
            out.append(
                (name, int(round(value_sum[j] / present[j])), round(float(present[j] / total), 6))
            )
        out.sort(key=lambda t: (-t[2], t[0]))
        return out

    # ------------------------------------------------------------------ persistence

    def save(self, path: str | Path) -> None:
        """Write ``<path>.npz`` and ``<path>.json`` (``path`` without suffix), each atomically."""
        base = Path(path).with_suffix("")
        base.parent.mkdir(parents=True, exist_ok=True)
        npz, meta_path = _paths(base)
        npz_tmp = npz.with_name(npz.name + ".tmp")
        meta_tmp = meta_path.with_name(meta_path.name + ".tmp")
        with open(npz_tmp, "wb") as fh:
            np.savez(
                fh,
                ids=self.ids,
                m_data=self.matrix.data,
                m_indices=self.matrix.indices,
                m_indptr=self.matrix.indptr,
                m_shape=np.array(self.matrix.shape, dtype=np.int64),
                g_data=self.gene_values.data,
                g_indices=self.gene_values.indices,
                g_indptr=self.gene_values.indptr,
                g_shape=np.array(self.gene_values.shape, dtype=np.int64),
                col_block=np.array(self.columns.blocks, dtype=np.int8),
                col_idf=np.array(self.columns.idf, dtype=np.float64),
            )
        meta = {
            "format": FORMAT_VERSION,
            "catalog_version": self.catalog_version,
            "weights": asdict(self.weights),
            "blocks": list(BLOCKS),
            "labels": self.columns.labels,
            "artist_names": self.artist_names,
            "n_fit": self.n_fit,
            "changed_since_fit": self.changed_since_fit,
        }
        meta_tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        npz_tmp.replace(npz)
        meta_tmp.replace(meta_path)

    @staticmethod
    def saved_version(path: str | Path) -> int | str | None:
        """The catalog version of a saved index, without loading its arrays (None if absent)."""
        _, meta_path = _paths(Path(path).with_suffix(""))
        try:
            return json.loads(meta_path.read_text(encoding="utf-8")).get("catalog_version")
        except (OSError, ValueError):
            return None

    @classmethod
    def load(cls, path: str | Path, *, backend: str = "inverted") -> SimilarityIndex:
        """Read an index written by :meth:`save`; raises ArtdeskError on a missing or foreign file."""
        npz, meta_path = _paths(Path(path).with_suffix(""))
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            with np.load(npz, allow_pickle=False) as z:
                a = {k: z[k] for k in z.files}
            if meta.get("format") != FORMAT_VERSION or meta.get("blocks") != list(BLOCKS):
                raise ArtdeskError(f"the similarity index at {npz} has another format; rebuild it")
            matrix = sp.csr_matrix(
                (a["m_data"], a["m_indices"], a["m_indptr"]), shape=tuple(a["m_shape"].tolist())
            )
            genes = sp.csr_matrix(
                (a["g_data"], a["g_indices"], a["g_indptr"]), shape=tuple(a["g_shape"].tolist())
            )
            columns = _Columns(
                list(meta["labels"]), a["col_block"].astype(int).tolist(), a["col_idf"].tolist()
            )
            index = cls(
                ids=a["ids"],
                matrix=matrix,
                gene_values=genes,
                columns=columns,
                artist_names=dict(meta["artist_names"]),
                weights=Weights.from_mapping(meta["weights"]),
                catalog_version=meta["catalog_version"],
                n_fit=int(meta["n_fit"]),
                changed_since_fit=int(meta["changed_since_fit"]),
                backend=backend,
            )
        except ArtdeskError:
            raise
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ArtdeskError(f"cannot read the similarity index at {npz}: {exc}") from exc
        index._transpose()
        return index


def _paths(base: Path) -> tuple[Path, Path]:
    return base.with_name(base.name + ".npz"), base.with_name(base.name + ".json")
