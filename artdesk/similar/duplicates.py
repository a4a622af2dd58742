"""Possible duplicates: works that are probably the same object despite typos and gaps.

Two works are compared on

* the artists: character 3-gram TF-IDF (:class:`CharNgrams`, ``char_wb`` style) of the
  order-insensitive artist key (each name's slug tokens sorted, so ``"Richter, Gerhard"`` ==
  ``"Gerhard Richter"``; diacritics, case and punctuation do not count), the edit similarity of
  the keys (rapidfuzz), whether they are equal, and how their words differ: a word with a near
  twin on the other side is a typo when it occurs nowhere else in the catalog and a substitution
  of a real word otherwise ("Roth" / "Rams"); a word without one is extra; whether every
  differing word is a typo; whether the keys are one or two edits apart; whether both works
  have no artist (anonymous objects, periodicals) or only one;
* the title: the same measures on the title slug, plus whether the two titles are one or two
  edits apart, or three or four; whether both carry numbers or roman numerals and they differ (``"Vulture I"`` /
  ``"Vulture II"``, ``"folio 21"`` / ``"folio 22"``); how many works carry the candidate's
  title, and its artist + title (an exact match on "Untitled" says little);
* the year (same, within two years, further apart, or unknown on either side);
* the dimensions (the two largest: within 3 % or 1 cm, beyond 15 %, or unknown; and how
  close, beyond the precision they were given in, see :data:`DIMS_CLOSE_CM`: of a sketchbook's
  pages that all measure "about the same", the one measured the same ranks first);
* the image when both works have one: perceptual hashes within ``SAME_IMAGE_DISTANCE`` bits, or
  equal content hashes;
* what the catalog says of the object, when both works say it (a side that leaves it blank
  counts neither for nor against, and so does agreement): whether the media differ (unless
  they are alike, :data:`MEDIUM_ALIKE`), whether the categories differ, and how far the genes
  differ (1 - the cosine of the two gene-name sets): a duplicate entry of one object carries its
  medium, category and subjects, while the pages of a sketchbook or the impressions of an
  edition that share its artist, title, year and size often differ in them.

Candidates come from three channels over inverted indexes (exact sparse dot products): the
works nearest to the draft in the combined artist + title n-gram space, by title alone and by
artist alone, each with ties broken towards the draft's year, closest size and medium, plus works
whose image matches. Each candidate then gets a calibrated score: a logistic model over the features above
(coefficients :data:`SCORE_COEFFICIENTS`, fitted by ``tests/benchmarks/quality_similar.py
--calibrate``), so a score reads as the probability that the pair is one object.
:data:`DUPLICATE_THRESHOLD` is the default cut.

:meth:`DuplicateFinder.all_duplicate_groups` covers a whole catalog without comparing all
pairs: candidate pairs come from exact (artist key, title key) blocks plus each work's nearest
neighbours in the n-gram space restricted to selective n-grams (those in at most
``BLOCKING_MAX_DF`` of the works); the pairs scoring at least ``min_score`` are joined into
groups around centres (every member matches its group's centre). Pairs of works with equal
artist and title keys (most of the blocks) get their text features without per-pair work, and
pairs whose score cannot reach ``min_score`` whatever their text features
(:meth:`DuplicateFinder._text_bound`) are not scored further.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np
import scipy.sparse as sp
from rapidfuzz.distance import OSA, Indel
from sklearn.preprocessing import normalize

from artdesk.similar._text import artists_key, title_key, words
from artdesk.similar.index import BuildCancelled
from artdesk.similar.records import Neighbour, WorkRecord

ARTIST_WEIGHT = 1.0
TITLE_WEIGHT = 1.0
"""Weights of the artist and title n-gram blocks in the candidate search."""

CANDIDATES = 100
"""How many nearest works in the combined artist+title n-gram space are scored for one draft."""

TITLE_CANDIDATES = 40
"""...plus how many nearest works by title alone."""

ARTIST_CANDIDATES = 20
"""...plus how many nearest works by artist alone."""

TIE_BONUS = 0.02
"""Added to the n-gram score of a work of the draft's year (half within two years), again times
the size's closeness (``dims_close``), again for the draft's medium and again times the cosine
of the genes, when choosing candidates: it only reorders works whose text scores (nearly) tie."""

_MAX_BONUS = 4 * TIE_BONUS

_VECTOR_FEATURES = (
    "bias", "artist_cos", "title_cos", "year_same", "year_near", "year_far", "dims_same",
    "dims_far", "both_cos", "title_common", "pair_common", "dims_close", "medium_differ",
    "category_differ", "genes_differ",
)  # fmt: skip
"""The features :meth:`DuplicateFinder._features` computes for all pairs at once."""

_OPEN_TEXT_FEATURES = {
    "numbers_differ": 1, "numbers_typo": 1, "artist_ratio": 1, "title_ratio": 1, "title_subst": 2, "title_typos": 2,
    "title_extra": 3, "artist_subst": 2, "artist_typos": 2, "artist_extra": 3,
    "title_only_typos": 1, "artist_only_typos": 1,
}  # fmt: skip
"""The per-pair text features the keys alone do not settle, with the largest value each takes."""

DIMS_CLOSE_CM = 0.5
"""Scale of ``dims_close``: exp(-gap / scale), the gap being the largest difference of the two
largest dimensions beyond the precision they were given in (0.5 cm for whole centimetres): of
several works of one series or sketchbook whose sizes all fall "within 1 cm", the one measured
the same ranks first."""

MEDIUM_ALIKE = 0.9
"""Two media count as alike, not as a difference (``medium_differ``), when their slugs are this
alike (rapidfuzz ``Indel`` similarity: a plural or a spelling, "Gelatin silver prints",
"Watercolor on paper") or the words of one are the words of the other and one more ("Woodcut" /
"Woodcut on paper", "Oil on canvas" / "Oil paint on canvas": the same object described in a word
more or less). "Graphite on paper" / "Watercolour on paper" (0.65) differ, and so do "Pencil on
paper" / "Felt-tipped marker, ink and colored pencil on paper"."""

PHASH_DIGITS = 16
SAME_IMAGE_DISTANCE = 10
"""A 16-hex-digit image hash is a 64-bit perceptual hash (``artdesk.imaging.phash``, which the
layering keeps out of reach: the two constants are the same there, a test checks it): two
within ``SAME_IMAGE_DISTANCE`` bits show one picture. Any other hash (a content sha256) must be
equal."""

SCORE_FEATURES = (
    "bias", "artist_cos", "title_cos", "year_same", "year_near", "year_far",
    "dims_same", "dims_far", "image_same", "image_diff", "title_empty",
    "both_cos", "numbers_differ", "artist_ratio", "title_ratio", "title_exact", "artist_exact",
    "title_subst", "title_typos", "title_extra", "artist_subst", "artist_typos", "artist_extra",
    "artist_empty", "title_edits_1_2", "title_common", "pair_common",
    "dims_close", "artist_edits_1_2", "title_only_typos", "artist_only_typos", "title_edits_3_4",
    "artist_both_empty", "medium_differ", "category_differ", "genes_differ", "numbers_typo",
)  # fmt: skip
SCORE_COEFFICIENTS = (
    -4.57, 1.13, -0.71, 0.78, -5.98, -6.54, -6.13, -9.47, 22.0, -3.0, -0.33, 2.27, -10.98, -0.46,
    -0.29, 5.0, -1.06, -1.26, 0.13, -0.9, -0.91, 0.01, -0.51, -1.41, 6.04, -1.77, 0.22, 7.2, 0.38,
    -0.73, -0.79, -3.47, 0.91, -8.05, -4.74, -14.65, 0.42
)  # fmt: skip
"""Logistic coefficients, in the order of :data:`SCORE_FEATURES`: fitted by
``tests/benchmarks/quality_similar.py --calibrate`` (scikit-learn LogisticRegression, C=1) on
2,500 noisy copies of indexed Tate + MoMA works (seed 1) and 1,500 indexed works with a unique
artist+title (with or without an artist) queried as they are (seed 2), none of them among the
works the script evaluates
(seed 0); each candidate is labelled by whether it is the original, or a twin of it equal in
everything compared here (artist, title, year, dimensions, medium, category and genes).
The image features never occur in museum data and are set by hand (equal image +22, different
-3: a matching picture alone scores ~0.98). The n-gram cosines, edit ratios and word counts are
strongly correlated, so single signs mean little; the exact-title and small-edit flags, the
year, the closeness of the dimensions and the "how many works share this title" features carry
most of the weight. A difference in what the catalog says of the object weighs heavily:
another medium -8.05, another category -4.74, other genes -14.65 times (1 - their cosine),
while the same medium, category or genes score as a blank one. The copies the fit sees keep the
original's medium, category and genes, so these weights say how well a difference tells a work
from its look-alikes (a sketchbook's pages, an edition's impressions), not how often a real
duplicate is entered with another category or other genes; :data:`OBJECT_PENALTY_CAP` bounds
what they take off together, so that one that is (an exact artist, title, year and size; another
category) scores 0.64, not 0.17. Media that are alike (:data:`MEDIUM_ALIKE`) are no
difference."""

OBJECT_FEATURES = ("medium_differ", "category_differ", "genes_differ")
"""What the catalog says of the object beyond its identity: medium, category, genes."""

OBJECT_PENALTY_CAP = 3.5
"""The most a difference in medium, category and genes together takes off a pair's logit.
The fit's weights tell a work from its look-alikes (a sketchbook's pages differ in medium or
subjects); uncapped they would also hide a real duplicate entered with another category or
tagged by another hand (an exact artist, title, year and size: 0.96 -> 0.17 with another
category, 0.001 with a third of its genes shared). Capped (0.64 and 0.47), such a pair keeps a
score over :data:`DUPLICATE_THRESHOLD` and still ranks under a look-alike that agrees."""

DUPLICATE_THRESHOLD = 0.3
"""Default ``min_score``: the lowest (in steps of 0.05) that keeps false positives on the
calibration sample's unrelated works at or under 1.5 %; on the evaluation sample it gives
1.20 % (see the README for the figures)."""

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


def _unique_counts(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique values of an int array and their counts, by one plain sort (numpy's
    hash-based ``unique`` is several times slower on millions of int64s)."""
    s = np.sort(x)
    first = np.ones(len(s), dtype=bool)
    first[1:] = s[1:] != s[:-1]
    starts = np.flatnonzero(first)
    return s[starts], np.diff(np.append(starts, len(s)))


def _unique_inverse(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique values of an int array and the index of each element among them."""
    order = np.argsort(x)
    s = x[order]
    first = np.ones(len(s), dtype=bool)
    first[1:] = s[1:] != s[:-1]
    inverse = np.empty(len(s), dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    return s[first], inverse


class CharNgrams:
    """Character 3-gram TF-IDF of short keys, computed with numpy.

    The same numbers as scikit-learn's ``TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 3),
    lowercase=False, sublinear_tf=True)`` (n-grams inside space-padded words, ``1 + log(tf)``,
    smooth idf, L2-normalised rows; ``tests/similar`` checks it), but each 3-gram is a 63-bit
    integer of its three code points, so fitting 150,000 titles is a few array sorts instead of
    a Python loop over every n-gram (measured: about 8x faster, the largest share of the
    duplicate finder's build). Columns are ordered by code, not alphabetically.
    """

    def __init__(self, vocabulary: np.ndarray, idf: np.ndarray) -> None:
        self.vocabulary = vocabulary  # sorted gram codes
        self.idf = idf

    @staticmethod
    def _codes(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """The gram codes of every key and the key each belongs to."""
        text = "\0".join(" " + " ".join(k.split()) + " " if k.strip() else "" for k in keys)
        cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        if len(cp) < 3:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        c0, c1, c2 = cp[:-2], cp[1:-1], cp[2:]
        ok = (c0 != 0) & (c1 != 0) & (c2 != 0) & (c1 != 32)
        doc = np.cumsum(cp == 0)[:-2]
        return ((c0 << 42) | (c1 << 21) | c2)[ok], doc[ok]

    @classmethod
    def fit(cls, keys: Sequence[str]) -> tuple[CharNgrams, sp.csr_matrix]:
        """Fit on ``keys`` and return their rows too."""
        codes, doc = cls._codes(keys)
        vocabulary, col = _unique_inverse(codes)
        pairs, tf = _unique_counts(doc * max(len(vocabulary), 1) + col)
        pcol = pairs % max(len(vocabulary), 1)
        df = np.bincount(pcol, minlength=len(vocabulary))
        idf = np.log((1 + len(keys)) / (1 + df)) + 1.0
        self = cls(vocabulary, idf)
        return self, self._rows(pairs // max(len(vocabulary), 1), pcol, tf, len(keys))

    def _rows(self, doc: np.ndarray, col: np.ndarray, tf: np.ndarray, n: int) -> sp.csr_matrix:
        v = (1.0 + np.log(tf)) * self.idf[col]
        norm = np.sqrt(np.bincount(doc, weights=v * v, minlength=n))
        v = (v / norm[doc]).astype(np.float32)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(doc, minlength=n), out=indptr[1:])
        return sp.csr_matrix((v, col.astype(np.int32), indptr), shape=(n, len(self.vocabulary)))

    def transform(self, keys: Sequence[str]) -> sp.csr_matrix:
        """Rows of ``keys`` in the fitted space (n-grams never seen in the fit are left out)."""
        codes, doc = self._codes(keys)
        d = len(self.vocabulary)
        col = np.searchsorted(self.vocabulary, codes)
        known = col < d
        known[known] = self.vocabulary[col[known]] == codes[known]
        pairs, tf = _unique_counts(doc[known] * max(d, 1) + col[known])
        return self._rows(pairs // max(d, 1), pairs % max(d, 1), tf, len(keys))


def _fit_unique(keys: list[str]) -> tuple[CharNgrams, sp.csr_matrix]:
    """Fit on the distinct keys (idf counts distinct names/titles, not their repeats: a prolific
    artist's name is not "common"), then give every row the row of its key."""
    position: dict[str, int] = {}
    inverse = np.fromiter(
        (position.setdefault(k, len(position)) for k in keys), dtype=np.int64, count=len(keys)
    )
    vec, m = CharNgrams.fit(list(position))
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


@lru_cache(maxsize=65536)
def _numbers(key: str) -> frozenset[str]:
    """Numbers and roman numerals in a title key ("plate iv from 2 poemas" -> {"iv", "2"})."""
    return frozenset(t for t in key.split() if t.isdigit() or t in _ROMAN)


def _ratio(a: str, b: str) -> float:
    """Edit similarity of two keys (normalised Indel similarity, 0..1); 0 when either is empty."""
    if not a or not b:
        return 0.0
    # Long titles (up to 771 characters in MoMA) are compared on their first 120 characters.
    return Indel.normalized_similarity(a[:120], b[:120])


def _word_set(key: str) -> frozenset[str]:
    return frozenset(key.split())


@lru_cache(maxsize=65536)
def _content_words(key: str) -> frozenset[str]:
    """Words of 3+ characters that are not numbers (numbers are compared on their own)."""
    return frozenset(t for t in key.split() if len(t) >= 3 and not t.isdigit() and t not in _ROMAN)


def _artist_words(akey: str) -> frozenset[str]:
    return _content_words(akey.replace(";", " "))


def _near(w: str, v: str) -> bool:
    """``v`` is ``w`` with a typo or two (one for words of 4 characters or fewer)."""
    return abs(len(w) - len(v)) <= 2 and OSA.distance(w, v, score_cutoff=3) <= (
        1 if min(len(w), len(v)) <= 4 else 2
    )


def _word_changes(
    a: frozenset[str], b: frozenset[str], df: Mapping[str, int], own: int
) -> tuple[int, int, int]:
    """How ``a``'s words differ from ``b``'s: ``(substituted, typos, extra)``.

    A word of ``a`` missing from ``b`` that has a near twin in ``b`` is a typo when the word
    occurs nowhere else in the catalog (``df`` minus ``own``, the draft's own count) and a
    substitution of a real word otherwise ("East" / "West", "Roth" / "Rams"); a word with no
    near twin (on either side) is extra, unless it is two of the other side's words run
    together ("tablelighters" / "table lighters").
    """
    only_a = a - b
    if not only_a and not (b - a):
        return 0, 0, 0
    # in sorted order, so that a pair scores the same in every process (sets of strings iterate
    # in an order that depends on the per-process hash seed)
    only_b = dict.fromkeys(sorted(b - a))
    subst = typos = extra = 0
    for w in sorted(only_a):
        twin = next((v for v in only_b if _near(w, v)), None)
        if twin is not None:
            del only_b[twin]
            if df.get(w, 0) - own >= 1:
                subst += 1
            else:
                typos += 1
            continue
        parts = [v for v in only_b if v in w]
        if len(parts) >= 2 and any(x + y == w for x in parts for y in parts if x != y):
            typos += 1
            for v in parts:
                only_b.pop(v, None)
            continue
        extra += 1
    return subst, typos, extra + len(only_b)


@lru_cache(maxsize=65536)
def _media_alike(a: str, b: str) -> tuple[float, bool]:
    """The edit similarity of two medium slugs and whether they count as alike
    (:data:`MEDIUM_ALIKE`)."""
    ratio = Indel.normalized_similarity(a[:200], b[:200])
    wa, wb = set(words(a)), set(words(b))
    contained = (wa <= wb and len(wb - wa) <= 1) or (wb <= wa and len(wa - wb) <= 1)
    return ratio, ratio >= MEDIUM_ALIKE or bool(wa and wb and contained)


def _listed(names: Sequence[str], most: int = 5) -> str:
    """``"a, b, c"``, or the first ``most`` and how many more."""
    more = f" (+{len(names) - most})" if len(names) > most else ""
    return ", ".join(names[:most]) + more


COMPACT_TITLE_CHARS = 400
"""Title keys are compared for edits on their first 400 characters without spaces (MoMA has
titles of 771 characters; a cut at 120 made two typos cost four edits when the cut fell after
them: the shorter key brought two more characters into the window)."""


def _compact(key: str) -> str:
    return key.replace(" ", "")[:COMPACT_TITLE_CHARS]


def _numbers_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both titles carry numbers and they differ: "No. 3" vs "No. 4", "folio 21" vs "folio 22"."""
    return bool(a) and bool(b) and a != b


@lru_cache(maxsize=65536)
def _digits(key: str) -> str:
    return "".join(filter(str.isdigit, key))


def _numbers_typo(a_key: str, b_key: str, a: frozenset[str], b: frozenset[str]) -> bool:
    """Differing numbers that are a typo, not another number: the titles are the same but for
    their spaces ("Meru II" / "MeruI I", "Lozami (Gardeners" / "Lozam i(Gardeners", "No. 7 1959"
    / "No 71 959"), or the same digits in the same order and the same roman numerals ("page 35"
    / "page 35e", "(1) ..." / "(1g) ..."). "folio 20" / "folio 02" is another number."""
    if _compact(a_key) == _compact(b_key):
        return True
    digits = _digits(a_key)
    return (
        bool(digits)
        and digits == _digits(b_key)
        and {t for t in a if not t.isdigit()} == {t for t in b if not t.isdigit()}
    )


def _dims(rec: WorkRecord) -> tuple[float, float]:
    d = sorted(
        (x for x in (rec.height_cm, rec.width_cm, rec.depth_cm) if x and x > 0), reverse=True
    )
    d = (d + [math.nan, math.nan])[:2]
    return d[0], d[1]


def _dims_array(records: Sequence[WorkRecord]) -> np.ndarray:
    """The two largest dimensions of every record (NaN where unknown), like :func:`_dims`."""
    n = len(records)
    d = np.array(
        [(r.height_cm, r.width_cm, r.depth_cm) for r in records], dtype=np.float64
    ).reshape(n, 3)
    d[~(d > 0)] = -np.inf  # None became NaN; NaN, 0 and negatives are unknown
    d = -np.sort(-d, axis=1)[:, :2]
    d[np.isinf(d)] = np.nan
    return d.astype(np.float32)


def _whole_cm(dims: np.ndarray) -> np.ndarray:
    """Per row of (n, 2) dimensions: 0.5 when every known one is a whole number of centimetres
    (given to the centimetre, so within 0.5 of the exact value), else 0.05 (to the millimetre)."""
    known = ~np.isnan(dims)
    whole = np.where(known, np.abs(dims - np.round(dims)) < 1e-3, True).all(axis=1)
    return np.where(whole & known.any(axis=1), 0.5, 0.05)


def _dims_gap(
    dims_a: np.ndarray, dims_b: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Two (n, 2) arrays of the two largest dimensions compared row by row: the absolute and
    relative differences, where both are known, and the gap (the largest difference beyond the
    precision either side was given in, 0 where nothing is known on both sides)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        diff = np.abs(dims_a - dims_b)
        rel = diff / np.maximum(dims_a, dims_b)
    both = ~np.isnan(diff)
    # Measurements given in whole centimetres ("12 x 18") match anything that rounds to them.
    tol = np.maximum(_whole_cm(dims_a), _whole_cm(dims_b))[:, None]
    gap = np.where(both, np.maximum(diff - tol, 0.0), 0.0).max(axis=1)
    return diff, rel, both, gap


def _hash_value(h: str | None) -> int | None:
    """A 64-bit perceptual hash (16 hex digits, see artdesk.imaging.phash) as an int."""
    if h and len(h) == PHASH_DIGITS:
        try:
            return int(h, 16)
        except ValueError:
            return None
    return None


def _same_image(a: str | None, b: str | None) -> bool | None:
    """Whether two image hashes show one picture: perceptual hashes within
    ``SAME_IMAGE_DISTANCE`` bits, other hashes (content sha256) equal; None if either lacks one."""
    if not a or not b:
        return None
    va, vb = _hash_value(a), _hash_value(b)
    if va is not None and vb is not None:
        return (va ^ vb).bit_count() <= SAME_IMAGE_DISTANCE
    if (va is None) != (vb is None):
        return None  # a perceptual and a content hash cannot be compared
    return a == b


@dataclass(frozen=True, slots=True)
class _Side:
    """What the score needs of one side of a pair (a draft, or a row of the catalog)."""

    akey: str
    tkey: str
    awords: frozenset[str]
    twords: frozenset[str]
    numbers: frozenset[str]
    year: int
    dims: tuple[float, float]
    image_hash: str | None
    own: int  # 1 when this side's words are counted in the catalog's document frequencies
    medium: str = ""  # title_key of the medium
    category: str = ""
    genes: frozenset[str] = frozenset()

    @classmethod
    def of(cls, rec: WorkRecord) -> _Side:
        akey = artists_key(rec.artists)
        tkey = title_key(rec.title)
        return cls(
            akey, tkey, _artist_words(akey), _content_words(tkey),
            _numbers(tkey), rec.year if rec.year is not None else -1, _dims(rec),
            rec.image_hash or None, 0, title_key(rec.medium), title_key(rec.category),
            frozenset(rec.genes),
        )  # fmt: skip


class _Codes:
    """One small integer per distinct key of a column (0: no value), and the keys by code."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.code: dict[str, int] = {"": 0}
        self.keys: list[str] = [""]
        self.rows = np.fromiter(map(self._add, keys), dtype=np.int32)

    def _add(self, key: str) -> int:
        c = self.code.get(key)
        if c is None:
            c = self.code[key] = len(self.keys)
            self.keys.append(key)
        return c

    def of(self, keys: Sequence[str], extra: list[str]) -> np.ndarray:
        """Codes of keys that may be new: a new key gets a code past the known ones, its key
        appended to ``extra``."""
        out = np.empty(len(keys), dtype=np.int32)
        new: dict[str, int] = {}
        for p, k in enumerate(keys):
            c = self.code.get(k)
            if c is None:
                c = new.get(k)
                if c is None:
                    c = new[k] = len(self.keys) + len(extra)
                    extra.append(k)
            out[p] = c
        return out


def _gene_rows(genes: Iterable[Mapping[str, int]], vocab: dict[str, int]) -> sp.csr_matrix:
    """One L2-normalised row of 1s per work over the gene names (``vocab`` grows with new names)."""
    indptr, indices = [0], []
    for g in genes:
        indices.extend(vocab.setdefault(name, len(vocab)) for name in g)
        indptr.append(len(indices))
    counts = np.diff(np.array(indptr, dtype=np.int64))
    data = np.repeat(1.0 / np.sqrt(np.maximum(counts, 1)), counts).astype(np.float32)
    return sp.csr_matrix(
        (data, np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int64)),
        shape=(len(counts), len(vocab)),
    )


_OBJECT_COLUMNS = [SCORE_FEATURES.index(f) for f in OBJECT_FEATURES]
_OBJECT_IN_VECTOR = [_VECTOR_FEATURES.index(f) for f in OBJECT_FEATURES]


def _capped_logit(features: np.ndarray, coef: np.ndarray, object_columns: list[int]) -> np.ndarray:
    """``features @ coef`` with the object differences' part ``p`` (<= 0) saturated softly at
    :data:`OBJECT_PENALTY_CAP`: ``-cap * (1 - exp(p / cap))``, about ``p`` for a small
    difference, still lower for a larger one, never below ``-cap``."""
    z = features @ coef
    if len(z):
        penalty = np.minimum(features[:, object_columns] @ coef[object_columns], 0.0)
        z += -OBJECT_PENALTY_CAP * -np.expm1(penalty / OBJECT_PENALTY_CAP) - penalty
    return z


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
        artist_vec: CharNgrams,
        title_vec: CharNgrams,
        artist_m: sp.csr_matrix,
        title_m: sp.csr_matrix,
        media: list[str],
        categories: list[str],
        genes: sp.csr_matrix,
        gene_vocab: dict[str, int],
    ) -> None:
        self.ids = ids
        self._artists_text = artists_text
        self._titles = titles
        self._akeys = artist_keys
        self._tkeys = title_keys
        # Word document frequencies over the distinct titles / artist keys (C-level counting);
        # the per-row word sets and numbers are derived when a row is scored.
        title_count = Counter(title_keys)
        pair_count = Counter(zip(artist_keys, title_keys, strict=True))
        # How many works carry each row's title, and each row's (artist, title): an exact match
        # on a title that a hundred works share ("Untitled") says little.
        self._title_count = np.fromiter(
            map(title_count.__getitem__, title_keys), np.int32, len(title_keys)
        )
        self._pair_count = np.fromiter(
            map(pair_count.__getitem__, zip(artist_keys, title_keys, strict=True)),
            np.int32,
            len(title_keys),
        )
        del title_count, pair_count
        self._title_df = Counter(chain.from_iterable(map(_word_set, set(title_keys))))
        self._artist_df = Counter(chain.from_iterable(map(_word_set, set(artist_keys))))
        self._years = years
        self._dims = dims.astype(np.float32)
        self._dims_tol = _whole_cm(self._dims.astype(np.float64)).astype(np.float32)
        self._hashes = hashes
        self._artist_vec = artist_vec
        self._title_vec = title_vec
        # Only the inverted indexes (one column per work) are kept: the candidate search reads
        # them, and the row form the whole-catalog search needs is derived from them on demand.
        self._a_t = artist_m.T.tocsr()
        self._t_t = title_m.T.tocsr()
        self._has_a = (np.diff(artist_m.indptr) > 0).astype(np.float32)
        self._has_t = (np.diff(title_m.indptr) > 0).astype(np.float32)
        self._row_of = {i: r for r, i in enumerate(ids.tolist())}
        self._by_hash: dict[str, list[int]] = defaultdict(list)
        phash_rows, phash_vals = [], []
        for r, h in enumerate(hashes):
            if h:
                self._by_hash[h].append(r)
                v = _hash_value(h)
                if v is not None:
                    phash_rows.append(r)
                    phash_vals.append(v)
        self._codes: tuple[np.ndarray, np.ndarray] | None = None
        self._lens: tuple[np.ndarray, np.ndarray] | None = None
        self._phash_rows = np.array(phash_rows, dtype=np.int64)
        self._phash_vals = np.array(phash_vals, dtype=np.uint64)
        # What the catalog says of the object: medium and category (as codes of their slugs,
        # the text kept for the reasons) and the genes (normalised rows of 1s, for cosines).
        self._media = media
        self._categories = categories
        self._medium = _Codes(map(title_key, media))
        self._category = _Codes(map(title_key, categories))
        self._genes = genes
        self._genes_t = genes.T.tocsr()
        self._gene_vocab = gene_vocab
        self._gene_count = np.diff(genes.indptr).astype(np.int32)
        self._gene_names: list[str] | None = None

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
        gene_vocab: dict[str, int] = {}
        finder = cls(
            ids=np.array([r.id for r in records], dtype=np.int64),
            artists_text=[", ".join(r.artists) for r in records],
            titles=[r.title for r in records],
            artist_keys=akeys,
            title_keys=tkeys,
            years=np.array([r.year if r.year is not None else -1 for r in records], dtype=np.int32),
            dims=_dims_array(records),
            hashes=[r.image_hash or None for r in records],
            artist_vec=artist_vec,
            title_vec=title_vec,
            artist_m=artist_m.tocsr(),
            title_m=title_m.tocsr(),
            media=[r.medium for r in records],
            categories=[r.category for r in records],
            genes=_gene_rows((r.genes for r in records), gene_vocab),
            gene_vocab=gene_vocab,
        )
        check(4)
        return finder

    def with_changes(
        self, upserted: Sequence[WorkRecord], removed: Iterable[int]
    ) -> DuplicateFinder:
        """A new finder with ``upserted`` records (new or changed) and without ``removed`` ids,
        in the fitted n-gram vocabularies (n-grams never seen are left out of the new rows' vectors
        until the next full build); word and title frequencies are counted again."""
        upserted = list(upserted)
        drop = {int(i) for i in removed} | {r.id for r in upserted}
        keep = np.array([r for i, r in self._row_of.items() if i not in drop], dtype=np.int64)
        keep.sort()
        a_rows, t_rows = self._rows()
        akeys = [artists_key(r.artists) for r in upserted]
        tkeys = [title_key(r.title) for r in upserted]
        new_dims = _dims_array(upserted) if upserted else np.zeros((0, 2), dtype=np.float32)
        kept = keep.tolist()
        gene_vocab = dict(self._gene_vocab)
        new_genes = _gene_rows((r.genes for r in upserted), gene_vocab)
        old_genes = self._genes[keep]
        old_genes.resize((len(kept), len(gene_vocab)))
        return DuplicateFinder(
            ids=np.concatenate([self.ids[keep], np.array([r.id for r in upserted], np.int64)]),
            artists_text=[self._artists_text[r] for r in kept]
            + [", ".join(r.artists) for r in upserted],
            titles=[self._titles[r] for r in kept] + [r.title for r in upserted],
            artist_keys=[self._akeys[r] for r in kept] + akeys,
            title_keys=[self._tkeys[r] for r in kept] + tkeys,
            years=np.concatenate(
                [
                    self._years[keep],
                    np.array([-1 if r.year is None else r.year for r in upserted], np.int32),
                ]
            ),
            dims=np.vstack([self._dims[keep], new_dims]),
            hashes=[self._hashes[r] for r in kept] + [r.image_hash or None for r in upserted],
            artist_vec=self._artist_vec,
            title_vec=self._title_vec,
            artist_m=sp.vstack([a_rows[keep], self._artist_vec.transform(akeys)], format="csr"),
            title_m=sp.vstack([t_rows[keep], self._title_vec.transform(tkeys)], format="csr"),
            media=[self._media[r] for r in kept] + [r.medium for r in upserted],
            categories=[self._categories[r] for r in kept] + [r.category for r in upserted],
            genes=sp.vstack([old_genes, new_genes], format="csr"),
            gene_vocab=gene_vocab,
        )

    def __len__(self) -> int:
        return len(self.ids)

    def _row_side(self, r: int) -> _Side:
        akey, tkey = self._akeys[r], self._tkeys[r]
        return _Side(
            akey, tkey, _artist_words(akey), _content_words(tkey), _numbers(tkey),
            int(self._years[r]), (float(self._dims[r, 0]), float(self._dims[r, 1])),
            self._hashes[r], 1, self._medium.keys[self._medium.rows[r]],
            self._category.keys[self._category.rows[r]], frozenset(self._row_genes(r)),
        )  # fmt: skip

    def _row_genes(self, r: int) -> list[str]:
        if self._gene_names is None:
            names = [""] * len(self._gene_vocab)
            for name, c in self._gene_vocab.items():
                names[c] = name
            self._gene_names = names
        lo, hi = self._genes.indptr[r], self._genes.indptr[r + 1]
        return [self._gene_names[c] for c in self._genes.indices[lo:hi].tolist()]

    # ------------------------------------------------------------------ scoring

    def _draft_vectors(self, side: _Side) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        a = (
            self._artist_vec.transform([side.akey])
            if self._a_t.shape[0]
            else sp.csr_matrix((1, 0), dtype=np.float32)
        )
        t = (
            self._title_vec.transform([side.tkey])
            if self._t_t.shape[0]
            else sp.csr_matrix((1, 0), dtype=np.float32)
        )
        return a.tocsr(), t.tocsr()

    def _features(
        self,
        left: Sequence[_Side] | np.ndarray,
        rows: np.ndarray,
        artist_cos: np.ndarray,
        title_cos: np.ndarray,
        min_logit: float | None = None,
    ) -> np.ndarray:
        """The feature matrix (pairs x len(SCORE_FEATURES)): ``left[p]`` against row ``rows[p]``.

        ``left`` is one side per pair (drafts), or an array of rows of this catalog (the
        whole-catalog search): then a pair whose artist and title keys are equal gets its text
        features without the per-pair Python work (they are all "equal"), and with
        ``min_logit`` a pair whose score cannot reach it whatever its text features (the bound
        of :meth:`_text_bound`) skips that work too: its row is left unfinished, bias NaN.
        """
        n = len(rows)
        out = np.zeros((n, len(SCORE_FEATURES)), dtype=np.float64)
        if n == 0:
            return out
        if isinstance(left, np.ndarray):
            year_a = self._years[left].astype(np.int64)
            dims_a = self._dims[left].astype(np.float64)
            codes_a, codes_t = self._key_codes()
            equal = (codes_a[left] == codes_a[rows]) & (codes_t[left] == codes_t[rows])
            sides: dict[int, _Side] = {}
            todo = np.flatnonzero(~equal).tolist()
            lefts = [
                sides.get(x) or sides.setdefault(x, self._row_side(x)) for x in left[todo].tolist()
            ]
            self._equal_keys_features(out, np.flatnonzero(equal), left, rows)
            self._object_features(
                out, rows, (self._medium.rows[left], []), self._category.rows[left],
                self._genes[left], self._gene_count[left],
            )  # fmt: skip
        else:
            year_a = np.array([s.year for s in left], dtype=np.int64)
            dims_a = np.array([s.dims for s in left], dtype=np.float64).reshape(-1, 2)
            todo, lefts = range(n), left
            extra: list[str] = []
            medium_a = self._medium.of([s.medium for s in left], extra)
            category_a = self._category.of([s.category for s in left], [])
            self._object_features(out, rows, (medium_a, extra), category_a, *self._side_genes(left))
        year_b = self._years[rows].astype(np.int64)
        known = (year_a >= 0) & (year_b >= 0)
        dy = np.abs(year_a - year_b)
        dims_b = self._dims[rows].astype(np.float64)
        diff, rel, both, gap = _dims_gap(dims_a, dims_b)
        rel_max = np.where(both, rel, 0.0).max(axis=1)
        abs_max = np.where(both, diff, 0.0).max(axis=1)
        dims_known = both[:, 0]
        out[:, 0] = 1.0
        out[:, 1] = artist_cos
        out[:, 2] = title_cos
        out[:, 3] = known & (dy == 0)
        out[:, 4] = known & (dy > 0) & (dy <= 2)
        out[:, 5] = known & (dy > 2)
        out[:, 6] = dims_known & ((rel_max <= 0.03) | (abs_max <= 1.0))
        out[:, 7] = dims_known & (rel_max > 0.15) & (abs_max > 1.0)
        out[:, 11] = artist_cos * title_cos
        out[:, 25] = np.minimum(np.log1p(self._title_count[rows] - 1) / 5.0, 1.0)
        out[:, 26] = np.minimum(np.log1p(self._pair_count[rows] - 1) / 5.0, 1.0)
        out[:, 27] = dims_known * np.exp(-gap / DIMS_CLOSE_CM)
        if min_logit is not None and isinstance(left, np.ndarray) and len(todo):
            rest = np.asarray(todo, dtype=np.int64)
            hopeless = self._text_bound(out[rest], left[rest], rows[rest]) < min_logit
            out[rest[hopeless], 0] = np.nan
            keep = ~hopeless
            todo = rest[keep].tolist()
            lefts = [x for x, k in zip(lefts, keep.tolist(), strict=True) if k]
        tdf, adf = self._title_df, self._artist_df
        for p, s in zip(todo, lefts, strict=True):
            r, ac, tc = int(rows[p]), float(artist_cos[p]), float(title_cos[p])
            same = _same_image(s.image_hash, self._hashes[r])
            if same is not None:
                out[p, 8 if same else 9] = 1.0
            tb, ab = self._tkeys[r], self._akeys[r]
            out[p, 10] = not s.tkey or not tb
            numbers_differ = _numbers_differ(s.numbers, _numbers(tb))
            if numbers_differ and _numbers_typo(s.tkey, tb, s.numbers, _numbers(tb)):
                numbers_differ = False
                out[p, 36] = 1.0
            out[p, 12] = numbers_differ
            ar = _ratio(s.akey, ab)
            tr = _ratio(s.tkey, tb)
            out[p, 13] = ar
            out[p, 14] = tr
            out[p, 15] = bool(s.tkey) and s.tkey == tb
            out[p, 16] = bool(s.akey) and s.akey == ab
            if not s.tkey or not tb:
                pass  # no title on one side: title_empty says it, no words differ
            elif tc >= 0.2 or tr >= 0.6:
                out[p, 17:20] = changes = _word_changes(s.twords, _content_words(tb), tdf, s.own)
                # every differing word is a typo of its twin: "Clearing Thunderstorm" /
                # "ClearingT hunderstorm", however long the title
                out[p, 29] = changes[0] == changes[2] == 0 < changes[1] and not numbers_differ
            else:
                out[p, 19] = 3
            if not s.akey or not ab:
                pass  # no artist on one side (anonymous works): artist_empty says it
            elif ac >= 0.2 or ar >= 0.6:
                out[p, 20:23] = changes = _word_changes(s.awords, _artist_words(ab), adf, s.own)
                out[p, 30] = changes[0] == changes[2] == 0 < changes[1]
            else:
                out[p, 22] = 3
            out[p, 23] = not s.akey or not ab
            out[p, 32] = not s.akey and not ab
            if s.tkey and tb and s.tkey != tb:
                # without the spaces: a word split or two run together is one typo, not two
                edits = OSA.distance(_compact(s.tkey), _compact(tb), score_cutoff=5)
                out[p, 24] = edits <= 2
                out[p, 31] = 3 <= edits <= 4  # two typos, one of them across words
            if s.akey and ab and s.akey != ab:
                out[p, 28] = OSA.distance(s.akey[:120], ab[:120], score_cutoff=3) <= 2
        np.minimum(out[:, 17:23], [2, 2, 3, 2, 2, 3], out=out[:, 17:23])
        return out

    def _side_genes(self, left: Sequence[_Side]) -> tuple[sp.csr_matrix, np.ndarray]:
        """Normalised gene rows of drafts (one per pair; genes the catalog does not know count in
        the norm only) and how many genes each has."""
        rows: dict[frozenset[str], int] = {}
        at = np.fromiter((rows.setdefault(s.genes, len(rows)) for s in left), np.int64, len(left))
        indptr, indices, data = [0], [], []
        for genes in rows:
            known = [c for c in map(self._gene_vocab.get, genes) if c is not None]
            indices.extend(known)
            data.extend([1.0 / math.sqrt(max(len(genes), 1))] * len(known))
            indptr.append(len(indices))
        m = sp.csr_matrix(
            (np.array(data, dtype=np.float32), np.array(indices, dtype=np.int32), indptr),
            shape=(len(rows), self._genes.shape[1]),
        )
        counts = np.array([len(g) for g in rows], dtype=np.int32)
        return m[at], counts[at]

    def _object_features(
        self,
        out: np.ndarray,
        rows: np.ndarray,
        medium_a: tuple[np.ndarray, list[str]],
        category_a: np.ndarray,
        genes_a: sp.csr_matrix,
        gene_count_a: np.ndarray,
    ) -> None:
        """Whether the medium, category and genes of the pairs (left side given, right side
        ``rows``) differ: only where both sides have a value, so a blank never counts as a
        difference; and only differences count, so the same medium scores as a blank one (on
        museum data a fitted "same" weight came out below a blank's: it stood for "a Tate work")

        ``medium_a`` is the left side's medium codes and the keys of the codes past the
        catalog's (media the catalog does not know)."""
        codes, extra = medium_a
        mb = self._medium.rows[rows]
        differ = np.flatnonzero((codes > 0) & (mb > 0) & (codes != mb))
        if len(differ):
            # one comparison per distinct pair of media (a catalog has few media)
            packed = codes[differ].astype(np.int64) << 32 | mb[differ]
            uniq, inverse = np.unique(packed, return_inverse=True)
            keys, known = self._medium.keys, len(self._medium.keys)
            unlike = np.array(
                [
                    not _media_alike(keys[a] if a < known else extra[a - known], keys[b])[1]
                    for a, b in zip(
                        (uniq >> 32).tolist(), (uniq & 0xFFFFFFFF).tolist(), strict=True
                    )
                ]
            )
            out[differ, 33] = unlike[inverse]
        cb = self._category.rows[rows]
        out[:, 34] = (category_a > 0) & (cb > 0) & (category_a != cb)
        both = (gene_count_a > 0) & (self._gene_count[rows] > 0)
        if both.any():
            cos = np.asarray(genes_a.multiply(self._genes[rows]).sum(axis=1)).ravel()
            out[:, 35] = (1.0 - np.minimum(cos, 1.0)) * both

    def _key_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """An integer per distinct artist key and per distinct title key, for every row."""
        if self._codes is None:
            self._codes = tuple(
                np.unique(np.array(keys, dtype=object), return_inverse=True)[1].astype(np.int32)
                for keys in (self._akeys, self._tkeys)
            )
        return self._codes

    def _text_bound(self, feats: np.ndarray, left: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """An upper bound of the logit of pairs of rows (``left[p]``, ``rows[p]``) whose keys
        differ, from their features computed so far (``feats``: no per-pair text features yet):
        the text features known from the keys alone (equal, empty, lengths, image hashes), the
        others at whatever value of their range raises the score most."""
        coef = np.asarray(SCORE_COEFFICIENTS, dtype=np.float64)
        col = {name: k for k, name in enumerate(SCORE_FEATURES)}
        done = [col[c] for c in _VECTOR_FEATURES]
        z = _capped_logit(feats[:, done], coef[done], _OBJECT_IN_VECTOR)
        codes_a, codes_t = self._key_codes()
        len_a, len_t = self._key_lens()
        has_a, has_t = len_a > 0, len_t > 0
        ea = (codes_a[left] == codes_a[rows]) & has_a[left]
        et = (codes_t[left] == codes_t[rows]) & has_t[left]
        empty_a = ~has_a[left] | ~has_a[rows]
        z += coef[col["title_empty"]] * (~has_t[left] | ~has_t[rows])
        z += coef[col["title_exact"]] * et + coef[col["artist_exact"]] * ea
        z += coef[col["artist_empty"]] * empty_a
        z += coef[col["artist_both_empty"]] * (~has_a[left] & ~has_a[rows])
        hashed = np.array([bool(self._hashes[x]) for x in left.tolist()]) & np.array(
            [bool(self._hashes[r]) for r in rows.tolist()]
        )
        z += max(coef[col["image_same"]], coef[col["image_diff"]], 0.0) * hashed
        dt = np.abs(len_t[left] - len_t[rows])  # _compact lengths: at most the edits
        da = np.abs(np.minimum(len_a[left], 120) - np.minimum(len_a[rows], 120))
        both_t = has_t[left] & has_t[rows] & ~et
        z += max(coef[col["title_edits_1_2"]], 0.0) * (both_t & (dt <= 2))
        z += max(coef[col["title_edits_3_4"]], 0.0) * (both_t & (dt <= 4))
        z += max(coef[col["artist_edits_1_2"]], 0.0) * (~empty_a & ~ea & (da <= 2))
        for name, top in _OPEN_TEXT_FEATURES.items():
            z += max(coef[col[name]] * top, 0.0)
        return z

    def _key_lens(self) -> tuple[np.ndarray, np.ndarray]:
        """Lengths of the artist keys and of the compacted title keys (:func:`_compact`)."""
        if self._lens is None:
            n = len(self._akeys)
            self._lens = (
                np.fromiter(map(len, self._akeys), dtype=np.int32, count=n),
                np.fromiter((len(_compact(k)) for k in self._tkeys), dtype=np.int32, count=n),
            )
        return self._lens

    def _equal_keys_features(
        self, out: np.ndarray, pairs: np.ndarray, left: np.ndarray, rows: np.ndarray
    ) -> None:
        """The text features of pairs (indexes into ``left``/``rows``) whose artist and title
        keys are equal, as the per-pair loop of :meth:`_features` would set them."""
        if not len(pairs):
            return
        has_a = np.array([bool(self._akeys[r]) for r in left[pairs].tolist()])
        has_t = np.array([bool(self._tkeys[r]) for r in left[pairs].tolist()])
        out[pairs, 10] = ~has_t
        out[pairs, 13] = has_a
        out[pairs, 14] = has_t
        out[pairs, 15] = has_t
        out[pairs, 16] = has_a
        out[pairs, 23] = ~has_a
        out[pairs, 32] = ~has_a
        for p, x, r in zip(pairs.tolist(), left[pairs].tolist(), rows[pairs].tolist(), strict=True):
            if self._hashes[x] and self._hashes[r]:
                same = _same_image(self._hashes[x], self._hashes[r])
                if same is not None:
                    out[p, 8 if same else 9] = 1.0

    @staticmethod
    def calibrated(
        features: np.ndarray, coefficients: Sequence[float] = SCORE_COEFFICIENTS
    ) -> np.ndarray:
        z = _capped_logit(features, np.asarray(coefficients, dtype=np.float64), _OBJECT_COLUMNS)
        return 1.0 / (1.0 + np.exp(-z))

    def _dense(self, q: sp.csr_matrix, inverted: sp.csr_matrix) -> np.ndarray:
        """Cosine of a query row with every work (dense, one value per row)."""
        out = np.zeros(len(self.ids), dtype=np.float32)
        if q.nnz:
            s = q @ inverted
            out[s.indices] = s.data
        return out

    def _top(
        self, score: np.ndarray, bonus: Callable[[np.ndarray], np.ndarray], rows: np.ndarray, n: int
    ) -> np.ndarray:
        """The ``n`` best of ``rows`` by text score, ties (often thousands: "Untitled", a prolific
        artist) broken towards works of the draft's year, size and medium (``bonus`` of some rows,
        at most ``_MAX_BONUS``: only rows within that of the n-th best text score need it)."""
        if len(rows) <= n:
            return rows
        s = score[rows]
        nth = -np.partition(-s, n - 1)[n - 1]
        near = np.flatnonzero(s >= nth - _MAX_BONUS)
        if len(near) <= n:
            return rows[near]
        s = s[near] + bonus(rows[near])
        return rows[near[np.argpartition(-s, n - 1)[:n]]]

    def _image_rows(self, h: str | None) -> list[int]:
        if not h:
            return []
        v = _hash_value(h)
        if v is None or not len(self._phash_rows):
            return list(self._by_hash.get(h, ()))
        dist = np.bitwise_count(self._phash_vals ^ np.uint64(v))
        return self._phash_rows[dist <= SAME_IMAGE_DISTANCE].tolist()

    def candidates(self, draft: WorkRecord, n: int = CANDIDATES) -> tuple[np.ndarray, np.ndarray]:
        """Rows of the works worth scoring for ``draft`` and their feature matrix; the draft's
        own id is left out.

        Three channels: the ``n`` nearest works in the combined artist+title n-gram space, the
        ``TITLE_CANDIDATES`` nearest by title alone (a prolific artist's name alone matches
        thousands of works), the ``ARTIST_CANDIDATES`` nearest by artist alone (a title whose
        typos broke most of its n-grams), each with ties broken by year and size; plus the works
        whose image hash matches.
        """
        nrows = len(self.ids)
        side = _Side.of(draft)
        image_rows = self._image_rows(side.image_hash)
        if self._a_t.shape[0] + self._t_t.shape[0] == 0 and not image_rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, len(SCORE_FEATURES)))
        a, t = self._draft_vectors(side)
        sa = self._dense(a, self._a_t) if self._a_t.shape[0] else np.zeros(nrows, np.float32)
        st = self._dense(t, self._t_t) if self._t_t.shape[0] else np.zeros(nrows, np.float32)
        qa, qt = float(a.nnz > 0), float(t.nnz > 0)
        hit_a, hit_t = np.flatnonzero(sa), np.flatnonzero(st)
        union = np.flatnonzero((sa > 0) | (st > 0))
        chosen: list[np.ndarray] = []
        if len(union):
            draft_dims = np.array(side.dims, dtype=np.float32)
            draft_tol = _whole_cm(draft_dims.reshape(1, 2).astype(np.float64))[0]
            medium = self._medium.code.get(side.medium, 0)  # 0: none, or one no work has
            # the cosine of the draft's genes with every work's, through the inverted index
            genes = self._dense(self._side_genes([side])[0], self._genes_t) if side.genes else None

            def bonus(rows: np.ndarray) -> np.ndarray:
                out = np.zeros(len(rows), dtype=np.float64)
                if side.year >= 0:
                    dy = np.abs(self._years[rows] - side.year)
                    out += TIE_BONUS * ((dy == 0) + 0.5 * ((dy > 0) & (dy <= 2)))
                if not math.isnan(side.dims[0]):
                    # _dims_gap against one draft, with the rows' precision computed at build
                    tol = np.maximum(self._dims_tol[rows], draft_tol)
                    with np.errstate(invalid="ignore"):
                        g = np.abs(self._dims[rows] - draft_dims) - tol[:, None]
                    gap = np.where(g > 0, g, 0.0).max(axis=1)  # NaN (unknown) compares False
                    known = ~np.isnan(self._dims[rows, 0])
                    out += TIE_BONUS * known * np.exp(-gap / DIMS_CLOSE_CM)
                if medium:
                    out += TIE_BONUS * (self._medium.rows[rows] == medium)
                if genes is not None:
                    out += TIE_BONUS * genes[rows]
                return out

            wa, wt = ARTIST_WEIGHT, TITLE_WEIGHT
            norm = np.sqrt(
                (wa * self._has_a[union] + wt * self._has_t[union]) * (wa * qa + wt * qt)
            )
            combined = np.zeros(nrows, dtype=np.float32)
            with np.errstate(invalid="ignore", divide="ignore"):
                combined[union] = (wa * sa[union] + wt * st[union]) / norm
            chosen.append(self._top(combined, bonus, union, n))
            chosen.append(self._top(st, bonus, hit_t, TITLE_CANDIDATES))
            chosen.append(self._top(sa, bonus, hit_a, ARTIST_CANDIDATES))
        chosen.append(np.array(image_rows, dtype=np.int64))
        pick = np.zeros(nrows, dtype=bool)
        for c in chosen:
            pick[c] = True
        rows = np.flatnonzero(pick)
        own = self._row_of.get(draft.id)
        if own is not None:
            rows = rows[rows != own]
        if len(rows) == 0:
            return rows, np.zeros((0, len(SCORE_FEATURES)))
        return rows, self._features([side] * len(rows), rows, sa[rows], st[rows])

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
        order = self.rank(draft, rows, feats, scores)
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

    def rank(
        self, draft: WorkRecord, rows: np.ndarray, feats: np.ndarray, scores: np.ndarray
    ) -> np.ndarray:
        """The order of the candidates ``rows``: best score first; equal scores (works alike in
        everything scored: a sketchbook's pages, "Oil on canvas" / "Oil paint on canvas")
        towards the draft's very medium, the genes closest to its, its category, then the id."""
        same_medium = self._medium.rows[rows] == self._medium.code.get(title_key(draft.medium), -1)
        same_category = self._category.rows[rows] == self._category.code.get(
            title_key(draft.category), -1
        )
        return np.lexsort((self.ids[rows], ~same_category, feats[:, 35], ~same_medium, -scores))

    def _reasons(self, draft: WorkRecord, row: int, f: np.ndarray) -> tuple[str, ...]:
        out = []
        if f[16] or f[1] >= 0.999:
            out.append(f"same artist: {self._artists_text[row]}")
        elif f[1] >= 0.5 or f[13] >= 0.8:
            out.append(f"artist name alike ({max(f[1], f[13]):.0%}): {self._artists_text[row]}")
        if f[15] or f[2] >= 0.999:
            out.append(f"same title: {self._titles[row]}")
        elif f[2] >= 0.5 or f[14] >= 0.8:
            out.append(f"title alike ({max(f[2], f[14]):.0%}): {self._titles[row]}")
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
        out.extend(self._object_reasons(draft, row))
        return tuple(out)

    def _object_reasons(self, draft: WorkRecord, row: int) -> list[str]:
        """What the medium, category and genes say, where both works have them."""
        out = []
        ma, mb = title_key(draft.medium), self._medium.keys[self._medium.rows[row]]
        if ma and mb:
            ratio, alike = _media_alike(ma, mb)
            if ma == mb:
                out.append(f"same medium: {self._media[row]}")
            else:
                word = "medium alike" if alike else "medium differs"
                out.append(f"{word} ({ratio:.0%}): {draft.medium} / {self._media[row]}")
        ca, cb = title_key(draft.category), self._category.keys[self._category.rows[row]]
        if ca and cb:
            same = ca == cb
            out.append(
                f"same category: {self._categories[row]}"
                if same
                else f"category differs: {draft.category} / {self._categories[row]}"
            )
        theirs = self._row_genes(row)
        if draft.genes and theirs:
            shared = sorted(set(draft.genes) & set(theirs))
            cos = len(shared) / math.sqrt(len(draft.genes) * len(theirs))
            if not shared:
                out.append("no shared genes")
            elif cos >= 0.999:
                out.append(f"same genes: {_listed(shared)}")
            else:
                out.append(f"shares genes ({cos:.0%}): {_listed(shared)}")
        return out

    # ------------------------------------------------------------------ whole catalog

    def _pair_scores(
        self,
        i: np.ndarray,
        j: np.ndarray,
        a: sp.csr_matrix,
        t: sp.csr_matrix,
        min_score: float | None = None,
    ) -> np.ndarray:
        """Scores of the row pairs (i, j); with ``min_score``, a pair that cannot reach it may
        score 0 instead of its score."""
        min_logit = None
        if min_score is not None and 0.0 < min_score < 1.0:
            min_logit = math.log(min_score / (1.0 - min_score)) - 1e-9
        if len(i) == 0:
            return np.zeros(0)
        artist_cos = np.asarray(a[i].multiply(a[j]).sum(axis=1)).ravel()
        title_cos = np.asarray(t[i].multiply(t[j]).sum(axis=1)).ravel()
        feats = self._features(i, j, artist_cos, title_cos, min_logit)
        scores = self.calibrated(feats)
        scores[np.isnan(feats[:, 0])] = 0.0
        return scores

    def _rows(self) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """The artist and title n-gram rows (one row per work), from the inverted indexes."""
        return self._a_t.T.tocsr(), self._t_t.T.tocsr()

    def candidate_pairs(
        self,
        cancel: threading.Event | None = None,
        rows: tuple[sp.csr_matrix, sp.csr_matrix] | None = None,
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
        a_rows, t_rows = rows if rows is not None else self._rows()
        combined = sp.hstack(
            [a_rows * math.sqrt(ARTIST_WEIGHT), t_rows * math.sqrt(TITLE_WEIGHT)], format="csr"
        )
        c = normalize(combined).tocsc()
        del combined
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
        rows = self._rows()
        i, j = self.candidate_pairs(cancel, rows)
        scores = np.zeros(0)
        parts = []
        for start in range(0, len(i), 200_000):
            if cancel is not None and cancel.is_set():
                raise BuildCancelled("duplicate search cancelled")
            parts.append(
                self._pair_scores(
                    i[start : start + 200_000], j[start : start + 200_000], *rows, min_score
                )
            )
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
