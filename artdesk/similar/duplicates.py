"""Possible duplicates: works that are probably the same object despite typos and gaps.

Two works are compared on

* the artists: character n-gram TF-IDF (``char_wb`` 3-grams; 2..4-grams cost 4x the build
  time) of the order-insensitive artist key (each name's slug tokens sorted, so
  ``"Richter, Gerhard"`` == ``"Gerhard Richter"``; diacritics, case and punctuation do not
  count), and the edit similarity (difflib ratio) of the keys;
* the title: the same two measures on the title slug; whether both titles carry numbers or
  roman numerals and they differ (``"Vulture I"`` / ``"Vulture II"``, ``"folio 21"`` /
  ``"folio 22"``); how many words one title has that the other lacks even as a typo;
* the year (same, within two years, further apart, or unknown on either side);
* the dimensions (the two largest: within 3 % or 1 cm, beyond 15 %, or unknown);
* the image hash when both works have one (equal, or different).

Candidates are the works nearest to the draft in the combined n-gram space and by title alone
(exact sparse dot products through inverted indexes), plus works with the same image hash; each candidate then gets a calibrated score: a logistic
model over the features above (coefficients :data:`SCORE_COEFFICIENTS`, fitted by
``tests/benchmarks/quality_similar.py --calibrate`` on noisy copies of real Tate and MoMA rows
against their nearest non-duplicates), so a score reads as the probability that the pair is one
object. :data:`DUPLICATE_THRESHOLD` is the default cut.

:meth:`DuplicateFinder.all_duplicate_groups` covers a whole catalog without comparing all
pairs: candidate pairs come from exact (artist key, title key) blocks plus each work's nearest
neighbours in the n-gram space restricted to selective n-grams (those in at most
``BLOCKING_MAX_DF`` of the works); the pairs scoring at least ``min_score`` are joined into
groups (connected components).
"""

from __future__ import annotations

import difflib
import math
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from artdesk.similar._text import artists_key, title_key
from artdesk.similar.index import BuildCancelled
from artdesk.similar.records import Neighbour, WorkRecord

NGRAM_RANGE = (3, 3)
"""Character n-gram lengths (``char_wb``: n-grams do not cross word boundaries)."""

ARTIST_WEIGHT = 1.0
TITLE_WEIGHT = 1.0
"""Weights of the artist and title n-gram blocks in the candidate search."""

CANDIDATES = 40
"""How many nearest works in the combined artist+title n-gram space are scored for one draft."""

TITLE_CANDIDATES = 20
"""...plus how many nearest works by title alone."""

SCORE_FEATURES = (
    "bias", "artist_cos", "title_cos", "year_same", "year_near", "year_far",
    "dims_same", "dims_far", "image_same", "image_diff", "title_empty",
    "both_cos", "numbers_differ", "extra_words", "artist_ratio", "title_ratio",
)  # fmt: skip
SCORE_COEFFICIENTS = (
    -16.58,
    -2.46,
    -6.91,
    0.81,
    -8.93,
    -9.34,
    0.3,
    -10.82,
    22.0,
    -3.0,
    0.32,
    4.07,
    -5.19,
    -0.49,
    3.36,
    19.28,
)
"""Logistic coefficients, in the order of :data:`SCORE_FEATURES`: fitted (scikit-learn
LogisticRegression, C=1) on 2,500 noisy copies and 2,000 real works of Tate + MoMA queried against
the other 191k rows, each candidate labelled by whether it is the original (or an indistinguishable
twin). The image features never occur in museum data and are set by hand (equal hash +22,
different -3: an identical image hash alone scores ~0.98). The fitted signs are relative to each other: the n-gram cosines and edit ratios
are strongly correlated, the title edit ratio carries most of the weight."""

DUPLICATE_THRESHOLD = 0.6
"""Default ``min_score``. Chosen from the quality script's figures: on Tate + MoMA it keeps
false positives on unrelated works near 2 % (0.5 gives ~3 %, 0.7 ~1.4 % at much lower recall)."""

BLOCKING_MAX_DF = 0.002
"""In ``all_duplicate_groups``, n-grams in more than this share of works do not propose pairs."""

BLOCKING_NEIGHBOURS = 10
BLOCKING_RADIUS = 0.5
"""Each work proposes its ``BLOCKING_NEIGHBOURS`` nearest works with cosine >= radius."""

EXACT_BLOCK_ALL_PAIRS = 400
"""Exact blocks up to this size compare all pairs; larger ones compare each work with the
next 25 in (year, size) order."""


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Works that are probably one object; ``score`` is the weakest link that joined them."""

    ids: tuple[int, ...]
    score: float


def _vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=NGRAM_RANGE,
        lowercase=False,
        sublinear_tf=True,
        dtype=np.float32,
    )


def _fit_unique(keys: list[str]) -> tuple[TfidfVectorizer, sp.csr_matrix]:
    """Fit on the distinct keys (idf counts distinct names/titles, not their repeats: a prolific
    artist's name is not "common"), then give every row the row of its key."""
    vec = _vectorizer()
    if not any(keys):
        return vec, sp.csr_matrix((len(keys), 0), dtype=np.float32)
    distinct, inverse = np.unique(np.array(keys, dtype=object), return_inverse=True)
    m = vec.fit_transform(distinct.tolist()).tocsr()
    return vec, m[inverse]


_ROMAN = frozenset(
    [
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "vi",
        "vii",
        "viii",
        "ix",
        "x",
        "xi",
        "xii",
        "xiii",
        "xiv",
        "xv",
        "xvi",
        "xvii",
        "xviii",
        "xix",
        "xx",
    ]
)


def _numbers(key: str) -> frozenset[str]:
    """Numbers and roman numerals in a title key ("plate iv from 2 poemas" -> {"iv", "2"})."""
    return frozenset(t for t in key.split() if t.isdigit() or t in _ROMAN)


def _ratio(a: str, b: str) -> float:
    """Edit similarity of two keys (difflib ratio, 0..1); 0 when either is empty."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    # Long titles (up to 771 characters in MoMA) are compared on their first 120 characters.
    return difflib.SequenceMatcher(None, a[:120], b[:120], autojunk=False).ratio()


def _extra_words(a: str, b: str) -> int:
    """Words (3+ letters) of one title with no equal or near-equal word (a typo) in the other,
    counted for the side that has more: "Carriage Sketches of Hills" / "Carriage Sketches" -> 1."""
    wa = {w for w in a.split() if len(w) >= 3 and not w.isdigit()}
    wb = {w for w in b.split() if len(w) >= 3 and not w.isdigit()}

    def unmatched(x: set[str], y: set[str]) -> int:
        rest = y - x
        n = 0
        for w in x - y:
            if not any(
                abs(len(w) - len(v)) <= 2 and difflib.SequenceMatcher(None, w, v).ratio() >= 0.75
                for v in rest
            ):
                n += 1
        return n

    return max(unmatched(wa, wb), unmatched(wb, wa))


def _numbers_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both titles carry numbers and they differ: "No. 3" vs "No. 4", "folio 21" vs "folio 22"."""
    return bool(a) and bool(b) and a != b


def _dims(rec: WorkRecord) -> tuple[float, float]:
    d = sorted(
        (x for x in (rec.height_cm, rec.width_cm, rec.depth_cm) if x and x > 0), reverse=True
    )
    d = (d + [math.nan, math.nan])[:2]
    return d[0], d[1]


class DuplicateFinder:
    """Finds existing works a draft probably duplicates. Immutable once built; thread-safe."""

    def __init__(
        self,
        *,
        ids: np.ndarray,
        artists_text: list[str],
        titles: list[str],
        artist_keys: list[str],
        title_keys: list[str],
        years: np.ndarray,
        dims: np.ndarray,
        hashes: list[str | None],
        artist_vec: TfidfVectorizer,
        title_vec: TfidfVectorizer,
        artist_m: sp.csr_matrix,
        title_m: sp.csr_matrix,
    ) -> None:
        self.ids = ids
        self._artists_text = artists_text
        self._titles = titles
        self._akeys = artist_keys
        self._tkeys = title_keys
        self._numbers = [_numbers(k) for k in title_keys]
        self._years = years
        self._dims = dims
        self._hashes = hashes
        self._artist_vec = artist_vec
        self._title_vec = title_vec
        self._a = artist_m
        self._t = title_m
        self._row_of = {i: r for r, i in enumerate(ids.tolist())}
        self._by_hash: dict[str, list[int]] = defaultdict(list)
        for r, h in enumerate(hashes):
            if h:
                self._by_hash[h].append(r)
        combined = sp.hstack(
            [artist_m * math.sqrt(ARTIST_WEIGHT), title_m * math.sqrt(TITLE_WEIGHT)], format="csr"
        )
        # An empty catalog has no rows to normalise (scikit-learn refuses zero samples).
        self._combined = normalize(combined) if combined.shape[0] else combined
        self._combined_t = self._combined.T.tocsr()
        self._title_t = title_m.T.tocsr()
        self._lock = threading.Lock()

    @classmethod
    def build(
        cls,
        records: Iterable[WorkRecord],
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> DuplicateFinder:
        records = list(records)

        def check(done: int) -> None:
            if cancel is not None and cancel.is_set():
                raise BuildCancelled("duplicate index build cancelled")
            if progress is not None:
                progress(done, 4)

        check(0)
        akeys = [artists_key(r.artists) for r in records]
        tkeys = [title_key(r.title) for r in records]
        check(1)
        artist_vec, artist_m = _fit_unique(akeys)
        check(2)
        title_vec, title_m = _fit_unique(tkeys)
        check(3)
        finder = cls(
            ids=np.array([r.id for r in records], dtype=np.int64),
            artists_text=[", ".join(r.artists) for r in records],
            titles=[r.title for r in records],
            artist_keys=akeys,
            title_keys=tkeys,
            years=np.array([r.year if r.year is not None else -1 for r in records], dtype=np.int64),
            dims=np.array([_dims(r) for r in records], dtype=np.float64).reshape(-1, 2),
            hashes=[r.image_hash or None for r in records],
            artist_vec=artist_vec,
            title_vec=title_vec,
            artist_m=artist_m.tocsr(),
            title_m=title_m.tocsr(),
        )
        check(4)
        return finder

    def __len__(self) -> int:
        return len(self.ids)

    # ------------------------------------------------------------------ scoring

    def _draft_vectors(self, draft: WorkRecord) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        a = (
            self._artist_vec.transform([artists_key(draft.artists)])
            if self._a.shape[1]
            else sp.csr_matrix((1, 0))
        )
        t = (
            self._title_vec.transform([title_key(draft.title)])
            if self._t.shape[1]
            else sp.csr_matrix((1, 0))
        )
        return a.tocsr(), t.tocsr()

    @staticmethod
    def features(
        artist_cos: np.ndarray,
        title_cos: np.ndarray,
        year_a: np.ndarray,
        year_b: np.ndarray,
        dims_a: np.ndarray,
        dims_b: np.ndarray,
        hash_same: np.ndarray,
        hash_diff: np.ndarray,
        title_empty: np.ndarray,
        numbers_differ: np.ndarray,
        extra_words: np.ndarray,
        artist_ratio: np.ndarray,
        title_ratio: np.ndarray,
    ) -> np.ndarray:
        """The feature matrix (pairs x len(SCORE_FEATURES)) of the calibrated score."""
        n = len(artist_cos)
        known = (year_a >= 0) & (year_b >= 0)
        dy = np.abs(year_a - year_b)
        with np.errstate(invalid="ignore", divide="ignore"):
            rel = np.abs(dims_a - dims_b) / np.maximum(dims_a, dims_b)
        both = ~np.isnan(rel)
        rel_max = np.where(both, rel, 0.0).max(axis=1)
        abs_max = np.where(both, np.abs(dims_a - dims_b), 0.0).max(axis=1)
        dims_known = both[:, 0]
        out = np.empty((n, len(SCORE_FEATURES)), dtype=np.float64)
        out[:, 0] = 1.0
        out[:, 1] = artist_cos
        out[:, 2] = title_cos
        out[:, 3] = known & (dy == 0)
        out[:, 4] = known & (dy > 0) & (dy <= 2)
        out[:, 5] = known & (dy > 2)
        out[:, 6] = dims_known & ((rel_max <= 0.03) | (abs_max <= 1.0))
        out[:, 7] = dims_known & (rel_max > 0.15) & (abs_max > 1.0)
        out[:, 8] = hash_same
        out[:, 9] = hash_diff
        out[:, 10] = title_empty
        out[:, 11] = artist_cos * title_cos
        out[:, 12] = numbers_differ
        out[:, 13] = np.minimum(extra_words, 3)
        out[:, 14] = artist_ratio
        out[:, 15] = title_ratio
        return out

    @staticmethod
    def calibrated(
        features: np.ndarray, coefficients: Sequence[float] = SCORE_COEFFICIENTS
    ) -> np.ndarray:
        z = features @ np.asarray(coefficients, dtype=np.float64)
        return 1.0 / (1.0 + np.exp(-z))

    def _candidate_features(
        self, draft: WorkRecord, a: sp.csr_matrix, t: sp.csr_matrix, rows: np.ndarray
    ) -> np.ndarray:
        artist_cos = (
            np.asarray((self._a[rows] @ a.T).todense()).ravel()
            if a.shape[1]
            else np.zeros(len(rows))
        )
        title_cos = (
            np.asarray((self._t[rows] @ t.T).todense()).ravel()
            if t.shape[1]
            else np.zeros(len(rows))
        )
        h = draft.image_hash or None
        hs = [self._hashes[r] for r in rows.tolist()]
        hash_same = np.array([h is not None and x == h for x in hs], dtype=bool)
        hash_diff = np.array([h is not None and x is not None and x != h for x in hs], dtype=bool)
        empty = not title_key(draft.title)
        title_empty = np.array([empty or not self._tkeys[r] for r in rows.tolist()], dtype=bool)
        year = draft.year if draft.year is not None else -1
        tkey = title_key(draft.title)
        akey = artists_key(draft.artists)
        nums = _numbers(tkey)
        extra = np.array(
            [
                _extra_words(tkey, self._tkeys[r])
                if c >= 0.5 or _ratio(tkey, self._tkeys[r]) >= 0.8
                else 3
                for r, c in zip(rows.tolist(), title_cos.tolist(), strict=True)
            ],
            dtype=np.float64,
        )
        differ = np.array(
            [_numbers_differ(nums, self._numbers[r]) for r in rows.tolist()], dtype=bool
        )
        return self.features(
            artist_cos, title_cos, np.full(len(rows), year), self._years[rows],
            np.tile(np.array(_dims(draft)), (len(rows), 1)), self._dims[rows], hash_same, hash_diff, title_empty,
            differ, extra,
            np.array([_ratio(akey, self._akeys[r]) for r in rows.tolist()]),
            np.array([_ratio(tkey, self._tkeys[r]) for r in rows.tolist()]),
        )  # fmt: skip

    def candidates(self, draft: WorkRecord, n: int = CANDIDATES) -> tuple[np.ndarray, np.ndarray]:
        """Rows of the ``n`` nearest works in n-gram space (plus image-hash matches) and their
        feature matrix; the draft's own id is left out."""
        if self._combined.shape[1] == 0:  # nothing indexed: no vocabulary to compare with
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0))
        a, t = self._draft_vectors(draft)
        q = normalize(
            sp.hstack([a * math.sqrt(ARTIST_WEIGHT), t * math.sqrt(TITLE_WEIGHT)], format="csr")
        )
        rows_set: list[int] = []
        if q.nnz:
            s = q @ self._combined_t
            idx, val = s.indices, s.data
            if len(idx) > n:
                part = np.argpartition(-val, n - 1)[:n]
                idx = idx[part]
            rows_set.extend(idx.tolist())
        if t.nnz:
            # Title-only neighbours too: a prolific artist's name alone matches thousands of works.
            st = t @ self._title_t
            idx, val = st.indices, st.data
            if len(idx) > TITLE_CANDIDATES:
                idx = idx[np.argpartition(-val, TITLE_CANDIDATES - 1)[:TITLE_CANDIDATES]]
            rows_set.extend(idx.tolist())
        if draft.image_hash:
            rows_set.extend(self._by_hash.get(draft.image_hash, ()))
        own = self._row_of.get(draft.id)
        rows = np.array(sorted({r for r in rows_set if r != own}), dtype=np.int64)
        if len(rows) == 0:
            return rows, np.zeros((0, len(SCORE_FEATURES)))
        return rows, self._candidate_features(draft, a, t, rows)

    def possible_duplicates(
        self, draft: WorkRecord, k: int = 5, min_score: float = DUPLICATE_THRESHOLD
    ) -> list[Neighbour]:
        """Existing works ``draft`` probably duplicates, best first, scores in 0..1 (calibrated).

        ``draft.id`` itself is never returned (an edited work is not its own duplicate).
        """
        rows, feats = self.candidates(draft)
        if len(rows) == 0:
            return []
        scores = self.calibrated(feats)
        order = np.lexsort((self.ids[rows], -scores))
        out = []
        for i in order[:k].tolist():
            if scores[i] < min_score:
                break
            out.append(
                Neighbour(
                    id=int(self.ids[rows[i]]),
                    score=round(float(scores[i]), 6),
                    reasons=self._reasons(draft, rows[i], feats[i]),
                )
            )
        return out

    def _reasons(self, draft: WorkRecord, row: int, f: np.ndarray) -> tuple[str, ...]:
        out = []
        if f[1] >= 0.999:
            out.append(f"same artist: {self._artists_text[row]}")
        elif f[1] >= 0.5:
            out.append(f"artist name alike ({f[1]:.0%}): {self._artists_text[row]}")
        if f[2] >= 0.999:
            out.append(f"same title: {self._titles[row]}")
        elif f[2] >= 0.5:
            out.append(f"title alike ({f[2]:.0%}): {self._titles[row]}")
        if f[3]:
            out.append(f"same year: {draft.year}")
        elif f[4] or f[5]:
            out.append(f"year differs: {draft.year} / {self._years[row]}")
        if f[6]:
            out.append("same dimensions")
        elif f[7]:
            out.append("different dimensions")
        if f[8]:
            out.append("same image")
        elif f[9]:
            out.append("different image")
        return tuple(out)

    # ------------------------------------------------------------------ whole catalog

    def _pair_scores(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        if len(i) == 0:
            return np.zeros(0)
        artist_cos = np.asarray(self._a[i].multiply(self._a[j]).sum(axis=1)).ravel()
        title_cos = np.asarray(self._t[i].multiply(self._t[j]).sum(axis=1)).ravel()
        hi = [self._hashes[x] for x in i.tolist()]
        hj = [self._hashes[x] for x in j.tolist()]
        hash_same = np.array(
            [a is not None and a == b for a, b in zip(hi, hj, strict=True)], dtype=bool
        )
        hash_diff = np.array(
            [a is not None and b is not None and a != b for a, b in zip(hi, hj, strict=True)],
            dtype=bool,
        )
        empty = np.array(
            [
                not self._tkeys[a] or not self._tkeys[b]
                for a, b in zip(i.tolist(), j.tolist(), strict=True)
            ],
            dtype=bool,
        )
        differ = np.array(
            [
                _numbers_differ(self._numbers[a], self._numbers[b])
                for a, b in zip(i.tolist(), j.tolist(), strict=True)
            ],
            dtype=bool,
        )
        extra = np.array(
            [
                _extra_words(self._tkeys[a], self._tkeys[b])
                if c >= 0.5 or _ratio(self._tkeys[a], self._tkeys[b]) >= 0.8
                else 3
                for a, b, c in zip(i.tolist(), j.tolist(), title_cos.tolist(), strict=True)
            ],
            dtype=np.float64,
        )
        feats = self.features(
            artist_cos, title_cos, self._years[i], self._years[j], self._dims[i], self._dims[j],
            hash_same, hash_diff, empty, differ, extra,
            np.array([_ratio(self._akeys[a], self._akeys[b]) for a, b in zip(i.tolist(), j.tolist(), strict=True)]),
            np.array([_ratio(self._tkeys[a], self._tkeys[b]) for a, b in zip(i.tolist(), j.tolist(), strict=True)]),
        )  # fmt: skip
        return self.calibrated(feats)

    def candidate_pairs(
        self, cancel: threading.Event | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Blocking: the (i, j) row pairs worth scoring, i < j, without comparing all pairs."""
        n = len(self.ids)
        if n < 2:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        pairs_i: list[np.ndarray] = []
        pairs_j: list[np.ndarray] = []
        # 1. exact (artist key, title key) blocks
        blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
        for r, key in enumerate(zip(self._akeys, self._tkeys, strict=True)):
            if key[0] or key[1]:
                blocks[key].append(r)
        for members in blocks.values():
            m = len(members)
            if m < 2:
                continue
            arr = np.array(members, dtype=np.int64)
            if m <= EXACT_BLOCK_ALL_PAIRS:
                a, b = np.triu_indices(m, k=1)
            else:
                arr = arr[np.lexsort((self._dims[arr, 0], self._years[arr]))]
                a = np.repeat(np.arange(m), 25)
                b = a + np.tile(np.arange(1, 26), m)
                ok = b < m
                a, b = a[ok], b[ok]
            pairs_i.append(arr[a])
            pairs_j.append(arr[b])
        # 2. nearest neighbours through selective n-grams
        c = self._combined.tocsc()
        df = np.diff(c.indptr)
        keep = df <= max(2, int(BLOCKING_MAX_DF * n))
        sel = normalize(c[:, np.flatnonzero(keep)].tocsr())
        sel_t = sel.T.tocsr()
        chunk = 2000
        for start in range(0, n, chunk):
            if cancel is not None and cancel.is_set():
                raise BuildCancelled("duplicate search cancelled")
            s = (sel[start : start + chunk] @ sel_t).tocsr()
            s.data[s.data < BLOCKING_RADIUS] = 0
            s.eliminate_zeros()
            for local in range(s.shape[0]):
                lo, hi = s.indptr[local], s.indptr[local + 1]
                if hi - lo <= 1:
                    continue
                cols, vals = s.indices[lo:hi], s.data[lo:hi]
                if len(cols) > BLOCKING_NEIGHBOURS + 1:
                    top = np.argpartition(-vals, BLOCKING_NEIGHBOURS)[: BLOCKING_NEIGHBOURS + 1]
                    cols = cols[top]
                r = start + local
                cols = cols[cols != r]
                pairs_i.append(np.full(len(cols), r, dtype=np.int64))
                pairs_j.append(cols.astype(np.int64))
        if not pairs_i:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        i = np.concatenate(pairs_i)
        j = np.concatenate(pairs_j)
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        packed = np.unique(lo * n + hi)
        return packed // n, packed % n

    def all_duplicate_groups(
        self, min_score: float = DUPLICATE_THRESHOLD, cancel: threading.Event | None = None
    ) -> list[DuplicateGroup]:
        """Groups of works that are probably one object, largest first (ids ascending inside)."""
        i, j = self.candidate_pairs(cancel)
        scores = np.zeros(0)
        parts = []
        for start in range(0, len(i), 200_000):
            if cancel is not None and cancel.is_set():
                raise BuildCancelled("duplicate search cancelled")
            parts.append(self._pair_scores(i[start : start + 200_000], j[start : start + 200_000]))
        if parts:
            scores = np.concatenate(parts)
        ok = scores >= min_score
        i, j, scores = i[ok], j[ok], scores[ok]
        # Centre clustering, strongest pairs first: every member of a group scored at least
        # min_score against the group's centre, so groups never chain A~B~C~... across a
        # catalogue the way connected components do (series, sketchbook pages, editions).
        centre_of: dict[int, int] = {}
        members: dict[int, list[int]] = defaultdict(list)
        weakest: dict[int, float] = {}
        for a, b, sc in sorted(
            zip(i.tolist(), j.tolist(), scores.tolist(), strict=True), key=lambda t: -t[2]
        ):
            if a not in centre_of and b not in centre_of:
                centre_of[a] = centre_of[b] = a
                members[a] = [a, b]
                weakest[a] = sc
            elif centre_of.get(a) == a and b not in centre_of:
                centre_of[b] = a
                members[a].append(b)
                weakest[a] = min(weakest[a], sc)
            elif centre_of.get(b) == b and a not in centre_of:
                centre_of[a] = b
                members[b].append(a)
                weakest[b] = min(weakest[b], sc)
        groups = [
            DuplicateGroup(
                ids=tuple(sorted(int(self.ids[x]) for x in m)), score=round(weakest[centre], 6)
            )
            for centre, m in members.items()
        ]
        groups.sort(key=lambda g: (-len(g.ids), -g.score, g.ids[0]))
        return groups
