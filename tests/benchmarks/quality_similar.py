"""Quality of the similarity engine on real museum data (a measurement script, not a test).

    PYTHONPATH=. python tests/benchmarks/quality_similar.py [--calibrate] [--part genes|duplicates|all]

(a) Gene suggestions, Tate: every Tate subject attached to an artwork is a gene (value by level
    in Tate's 3-level subject tree: leaf 100, level 1 70, level 0 40; see
    ``tests/similar/museum_records.py``). The subjects of a random 10 % of the artworks that have
    subjects are hidden (the index is built without them); for each hidden work the top 5
    suggested genes are compared with its hidden subjects: precision@5 and recall@5, over all
    levels and over leaf subjects only (suggestions restricted to leaf genes), with a baseline
    that suggests the 5 most frequent genes. Then, on the full index, how often a work's nearest
    neighbour shares an artist, and a movement (tate_movements).

(b) Duplicates, Tate + MoMA: 2,000 unrelated works (their normalised artist+title occurs once
    in the data) are held out; the finder indexes all other rows. 2,000 indexed works get a
    noisy copy (typos in artist and title, dropped diacritics, "Untitled" variants, missing year,
    "Last, First" reordering, dropped or rounded dimensions; 2-4 of these each; the medium,
    category and genes, Tate's subjects, are the original's); recall@5 is the
    share of copies whose original is among ``possible_duplicates(copy, k=5)`` at the default
    threshold. The headline recall@5 also counts an identical twin of the original as found
    (same artist key, title key, year and dimensions: an edition's impressions, a book's pages,
    which no data tells apart); the original alone and the "unambiguous" copies are printed
    too, and the missed copies are counted by why they miss. The false-positive rate is the
    share of the held-out works for which any candidate scores at or above the threshold.

``--calibrate`` first fits the logistic score on a separate sample (seed 1) and prints the
coefficients that ``artdesk/similar/duplicates.py`` hard-codes; the evaluation uses seed 0.
A calibration candidate is labelled a duplicate when it is the original or equal to it in
everything the finder compares (a twin that also has its medium, category and genes: a twin
that differs in them is something the finder can and should tell apart).
Data: Tate (CC0), The Museum of Modern Art (MoMA) (CC0).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "similar"))

import museum_records as mr  # noqa: E402

from artdesk.similar import duplicates as dup  # noqa: E402
from artdesk.similar._text import artists_key, title_key  # noqa: E402
from artdesk.similar.duplicates import DuplicateFinder  # noqa: E402
from artdesk.similar.index import SimilarityIndex  # noqa: E402
from artdesk.similar.records import WorkRecord  # noqa: E402

SEED = 0
N_COPIES = 2000
N_UNRELATED = 2000
CAL_COPIES = 2500
CAL_UNRELATED = 1500
CAL_POSITIVE_WEIGHT = 1.0


# ----------------------------------------------------------------------------- (a) genes


def genes_quality() -> None:
    print("== (a) gene suggestions on Tate (tate_artworks + tate_subjects)")
    t0 = time.perf_counter()
    records = mr.tate_records()
    terms = mr.subject_terms()
    leaf = {name for name, level in terms.values() if level == 2}
    movements = mr.tate_movements()
    rng = random.Random(SEED)
    with_genes = [r for r in records if r.genes]
    hidden_ids = set(rng.sample([r.id for r in with_genes], k=len(with_genes) // 10))
    truth = {r.id: dict(r.genes) for r in records if r.id in hidden_ids}
    masked = [dataclasses.replace(r, genes={}) if r.id in hidden_ids else r for r in records]
    index = SimilarityIndex.build(masked, catalog_version="quality")
    print(
        f"works {len(records)}, with subjects {len(with_genes)}, hidden {len(hidden_ids)}, "
        f"load+build {time.perf_counter() - t0:.1f} s"
    )
    freq = Counter(g for r in masked for g in r.genes)
    popular_all = [g for g, _ in freq.most_common(5)]
    popular_leaf = [g for g, _ in freq.most_common() if g in leaf][:5]

    def pr(suggested: list[str], actual: set[str]) -> tuple[float, float]:
        hits = len(set(suggested[:5]) & actual)
        return hits / 5, (hits / len(actual) if actual else 0.0)

    sums = {key: np.zeros(2) for key in ("all", "leaf", "base_all", "base_leaf")}
    n_leaf = 0
    for wid in sorted(hidden_ids):
        actual = set(truth[wid])
        actual_leaf = actual & leaf
        sums["all"] += pr([g for g, _, _ in index.suggest_genes(wid, 10)], actual)
        sums["base_all"] += pr(popular_all, actual)
        if actual_leaf:
            n_leaf += 1
            sums["leaf"] += pr(
                [g for g, _, _ in index.suggest_genes(wid, 10, only=leaf)], actual_leaf
            )
            sums["base_leaf"] += pr(popular_leaf, actual_leaf)
    n = len(hidden_ids)
    print(
        f"all subject levels : precision@5 {sums['all'][0] / n:.3f}  recall@5 {sums['all'][1] / n:.3f}  (n={n})"
    )
    print(
        f"  baseline top-5 most frequent genes: precision@5 {sums['base_all'][0] / n:.3f}  recall@5 {sums['base_all'][1] / n:.3f}"
    )
    print(
        f"leaf subjects only : precision@5 {sums['leaf'][0] / n_leaf:.3f}  recall@5 {sums['leaf'][1] / n_leaf:.3f}  (n={n_leaf})"
    )
    print(
        f"  baseline top-5 most frequent leaf genes: precision@5 {sums['base_leaf'][0] / n_leaf:.3f}  recall@5 {sums['base_leaf'][1] / n_leaf:.3f}"
    )

    full = SimilarityIndex.build(records, catalog_version="quality-full")
    by_id = {r.id: r for r in records}
    sample = rng.sample(list(by_id), k=5000)
    share_artist = 0
    with_mov = share_mov = nn_with_mov = share_mov_cond = 0
    for wid in sample:
        nn = full.similar(wid, 1)
        if not nn:
            continue
        other = by_id[nn[0].id]
        if {artists_key((a,)) for a in by_id[wid].artists} & {
            artists_key((a,)) for a in other.artists
        }:
            share_artist += 1
        if movements.get(wid):
            with_mov += 1
            if movements.get(other.id):
                nn_with_mov += 1
                if movements[wid] & movements[other.id]:
                    share_mov += 1
                    share_mov_cond += 1
    print(
        f"nearest neighbour shares an artist: {share_artist / len(sample):.3f} (5,000 random Tate works, full index)"
    )
    print(
        f"nearest neighbour shares a movement: {share_mov / max(with_mov, 1):.3f} of {with_mov} sampled works that have a movement; "
        f"{share_mov_cond / max(nn_with_mov, 1):.3f} of the {nn_with_mov} whose neighbour has one too"
    )


# ----------------------------------------------------------------------------- (b) duplicates

_KEYBOARD = "abcdefghijklmnopqrstuvwxyz"


def _typo(s: str, rng: random.Random) -> str:
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    op = rng.choice(("delete", "swap", "replace", "insert"))
    if op == "delete":
        return s[:i] + s[i + 1 :]
    if op == "swap":
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if op == "replace":
        return s[:i] + rng.choice(_KEYBOARD) + s[i + 1 :]
    return s[:i] + rng.choice(_KEYBOARD) + s[i:]


def _ascii(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _last_first(name: str) -> str:
    parts = name.split()
    return f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) >= 2 and "," not in name else name


def _untitled(title: str, rng: random.Random) -> str:
    """Variants of an "Untitled" title; other titles are left alone."""
    if "untitled" in title.lower():
        rest = title.lower().replace("untitled", "").strip(" ,.:;()[]-")
        return rng.choice(
            [
                f"[Untitled] {rest}".strip(),
                f"Untitled, {rest}".strip(" ,"),
                f"untitled ({rest})" if rest else "Untitled.",
            ]
        )
    return title


def noisy_copy(rec: WorkRecord, rng: random.Random) -> WorkRecord:
    return noisy_copy_ops(rec, rng)[0]


def noisy_copy_ops(rec: WorkRecord, rng: random.Random) -> tuple[WorkRecord, list[str]]:
    """A noisy copy of ``rec`` and the kinds of noise applied to it (those that changed it)."""
    artists = list(rec.artists)
    title = rec.title
    year = rec.year
    dims = (rec.height_cm, rec.width_cm, rec.depth_cm)
    ops = rng.sample(
        [
            "artist_typo",
            "title_typo",
            "ascii",
            "untitled",
            "no_year",
            "last_first",
            "dims",
            "title_typo2",
        ],
        k=rng.randint(2, 4),
    )
    applied = []
    for op in ops:
        before = (tuple(artists), title, year, dims)
        if op == "artist_typo" and artists:
            j = rng.randrange(len(artists))
            artists[j] = _typo(artists[j], rng)
        elif op in ("title_typo", "title_typo2"):
            title = _typo(title, rng)
        elif op == "ascii":
            artists = [_ascii(a) for a in artists]
            title = _ascii(title)
        elif op == "untitled":
            title = _untitled(title, rng)
        elif op == "no_year":
            year = None
        elif op == "last_first":
            artists = [_last_first(a) for a in artists]
        elif op == "dims":
            dims = rng.choice([(None, None, None), tuple(round(d) if d else d for d in dims)])
        if (tuple(artists), title, year, dims) != before:
            applied.append("title_typo" if op == "title_typo2" else op)
    copy = dataclasses.replace(
        rec,
        id=-1,
        artists=tuple(artists),
        title=title,
        year=year,
        height_cm=dims[0],
        width_cm=dims[1],
        depth_cm=dims[2],
    )
    return copy, applied


def _twin_key(r: WorkRecord) -> tuple:
    return (artists_key(r.artists), title_key(r.title), r.year, r.height_cm, r.width_cm, r.depth_cm)


def _same_record_key(r: WorkRecord) -> tuple:
    """Everything the finder compares (a twin with the same medium, category and genes too)."""
    return (*_twin_key(r), title_key(r.medium), title_key(r.category), frozenset(r.genes))


def _split(
    records: list[WorkRecord], rng: random.Random
) -> tuple[list[WorkRecord], list[WorkRecord]]:
    pair_count = Counter((artists_key(r.artists), title_key(r.title)) for r in records)
    unique = [
        r
        for r in records
        if pair_count[(artists_key(r.artists), title_key(r.title))] == 1
        and r.artists
        and title_key(r.title)
    ]
    held = {r.id for r in rng.sample(unique, k=N_UNRELATED)}
    return [r for r in records if r.id not in held], [r for r in records if r.id in held]


def _pair_key(r: WorkRecord) -> tuple[str, str]:
    return artists_key(r.artists), title_key(r.title)


def _labelled(
    finder: DuplicateFinder, query: WorkRecord, ok: set[int]
) -> tuple[np.ndarray, np.ndarray]:
    rows, feats = finder.candidates(query)
    return feats, np.array([int(finder.ids[r]) in ok for r in rows.tolist()], dtype=bool)


def calibrate(
    finder: DuplicateFinder, indexed: list[WorkRecord], exclude: set[int]
) -> tuple[list[float], float]:
    """Fit the logistic score and choose the threshold on a sample disjoint from the evaluation:
    noisy copies of 2,500 indexed works (seed 1) and 1,500 indexed works whose artist+title is
    unique (seed 2) queried as they are, none of them among the evaluated originals."""
    from sklearn.linear_model import LogisticRegression

    twins: dict[tuple, set[int]] = {}
    for r in indexed:
        twins.setdefault(_same_record_key(r), set()).add(r.id)
    pool = [r for r in indexed if r.id not in exclude]
    rng = random.Random(1)
    xs, ys = [], []
    for rec in rng.sample(pool, k=CAL_COPIES):
        f, y = _labelled(finder, noisy_copy(rec, rng), twins[_same_record_key(rec)])
        xs.append(f)
        ys.append(y)
    pair_count = Counter(_pair_key(r) for r in indexed)
    # works without an artist too (anonymous objects, periodicals): drafts like them occur
    unique = [r for r in pool if pair_count[_pair_key(r)] == 1 and r.title]
    negatives = []
    for rec in random.Random(2).sample(unique, k=CAL_UNRELATED):
        f, y = _labelled(finder, rec, twins[_same_record_key(rec)])
        xs.append(f)
        ys.append(y)
        negatives.append(f)
    x, y = np.vstack(xs), np.concatenate(ys)
    model = LogisticRegression(
        C=1.0, max_iter=5000, fit_intercept=False, class_weight={0: 1.0, 1: CAL_POSITIVE_WEIGHT}
    )
    model.fit(x, y)
    coef = [round(float(c), 2) for c in model.coef_[0]]
    # image features never occur in museum data: hand-set (an equal image alone scores ~0.98)
    i_same, i_diff = dup.SCORE_FEATURES.index("image_same"), dup.SCORE_FEATURES.index("image_diff")
    coef[i_same], coef[i_diff] = 22.0, -3.0
    best = np.array(
        [DuplicateFinder.calibrated(f, coef).max() if len(f) else 0.0 for f in negatives]
    )
    # the lowest threshold (in steps of 0.05) keeping false positives on these queries <= 1.5 %
    threshold = next(t for t in np.arange(0.3, 1.0, 0.05) if np.mean(best >= t) <= 0.015)
    print(
        f"calibration pairs {len(y)} (positives {int(y.sum())}), class weight of positives {CAL_POSITIVE_WEIGHT}"
    )
    print(f"SCORE_COEFFICIENTS = {tuple(coef)}")
    print(
        f"DUPLICATE_THRESHOLD = {threshold:.2f}  (calibration false positives {np.mean(best >= threshold):.4f})"
    )
    return coef, round(float(threshold), 2)


def _ambiguous(rec: WorkRecord, copy: WorkRecord, same_pair: list[WorkRecord]) -> bool:
    """At least 5 other indexed works fit the copy as well as the original does: same artist
    and title as the original, and the year and size the copy still carries do not tell them
    apart (a prolific artist's "[blank]" sketchbook pages, "Untitled" photographs)."""
    n = 0
    for other in same_pair:
        if other.id == rec.id:
            continue
        if copy.year is not None and other.year != rec.year:
            continue
        if copy.height_cm is not None and (other.height_cm, other.width_cm) != (
            rec.height_cm,
            rec.width_cm,
        ):
            continue
        n += 1
    return n >= 5


def _miss_kind(
    finder: DuplicateFinder,
    rec: WorkRecord,
    rows: np.ndarray,
    order: np.ndarray,
    by_pair: dict[tuple[str, str], list[WorkRecord]],
) -> str:
    """Why a copy's original was not found: not among the scored candidates; in the top 5 but
    under the threshold; outranked only by works with its artist and title (editions, series,
    sketchbook pages); or outranked by other works too."""
    ids = finder.ids[rows]
    at = np.flatnonzero(ids[order] == rec.id)
    if not len(at):
        return "not a candidate"
    if at[0] < 5:
        return "under the threshold"
    same = {r.id for r in by_pair[_pair_key(rec)]}
    above = ids[order[: at[0]]].tolist()
    if all(a in same for a in above[:5]):
        return "outranked by works with its artist and title"
    return "outranked by other works"


def duplicates_quality(do_calibrate: bool) -> None:
    print("== (b) possible duplicates on Tate + MoMA")
    t0 = time.perf_counter()
    # Tate's works with their subjects as genes: the finder compares them (and the medium and
    # category) when both sides have them, and a copy keeps the original's, as a duplicate
    # entry of one object would
    records = mr.museum_records(with_genes=True)
    rng = random.Random(SEED)
    indexed, unrelated = _split(records, rng)
    finder = DuplicateFinder.build(indexed)
    print(
        f"rows {len(records)}, indexed {len(indexed)}, held-out unrelated {len(unrelated)}, "
        f"load+build {time.perf_counter() - t0:.1f} s"
    )
    originals = rng.sample(indexed, k=N_COPIES)
    if do_calibrate:
        coefficients, threshold = calibrate(finder, indexed, {r.id for r in originals})
    else:
        coefficients, threshold = list(dup.SCORE_COEFFICIENTS), dup.DUPLICATE_THRESHOLD
    twins: dict[tuple, set[int]] = {}
    by_pair: dict[tuple[str, str], list[WorkRecord]] = {}
    for r in indexed:
        twins.setdefault(_twin_key(r), set()).add(r.id)
        by_pair.setdefault(_pair_key(r), []).append(r)
    columns = ("candidates", "top5", "recall@5", "or twin", "unambiguous")
    stats: dict[str, Counter] = {}
    ops_rng = random.Random(SEED + 100)
    misses = []
    miss_kinds: Counter = Counter()
    for rec in originals:
        copy, ops = noisy_copy_ops(rec, ops_rng)
        rows, feats = finder.candidates(copy)  # copy.id is -1: never the original's own row
        scores = DuplicateFinder.calibrated(feats, coefficients)
        ranked = finder.rank(copy, rows, feats, scores)  # possible_duplicates' order
        order = ranked[:5]
        top_all = [int(finder.ids[rows[i]]) for i in order]
        top = [int(finder.ids[rows[i]]) for i in order if scores[i] >= threshold]
        hit = rec.id in top
        ambiguous = _ambiguous(rec, copy, by_pair[_pair_key(rec)])
        row = {
            "candidates": rec.id in set(finder.ids[rows].tolist()),
            "top5": rec.id in top_all,
            "recall@5": hit,
            "or twin": hit or bool(set(top) & twins[_twin_key(rec)]),
            "unambiguous": hit if not ambiguous else None,
        }
        if not row["or twin"]:
            miss_kinds[_miss_kind(finder, rec, rows, ranked, by_pair)] += 1
        for op in [*(ops or ["none"]), "all"]:
            c = stats.setdefault(op, Counter())
            c["n"] += 1
            c["n_unambiguous"] += not ambiguous
            for k, v in row.items():
                c[k] += bool(v)
        if not hit and not ambiguous and len(misses) < 10:
            misses.append(
                (ops, rec.artists, rec.title, rec.year, copy.artists, copy.title, copy.year)
            )
    fp = 0
    fp_ops: dict[str, Counter] = {}
    fp_rng = random.Random(SEED + 200)
    for rec in unrelated:
        rows, feats = finder.candidates(dataclasses.replace(rec, id=-1))
        fp += bool(len(rows)) and DuplicateFinder.calibrated(feats, coefficients).max() >= threshold
        noisy, ops = noisy_copy_ops(rec, fp_rng)
        rows, feats = finder.candidates(noisy)
        flagged = (
            bool(len(rows)) and DuplicateFinder.calibrated(feats, coefficients).max() >= threshold
        )
        for op in [*(ops or ["none"]), "all"]:
            c = fp_ops.setdefault(op, Counter())
            c["n"] += 1
            c["fp"] += flagged
    print(
        f"threshold {threshold}; recall@5 = the original itself among possible_duplicates(copy, k=5)"
    )
    print("  'or twin': or a real duplicate of it (same artist, title, year and dimensions)")
    print("  'unambiguous': over copies that fewer than 5 other works fit as well as the original")
    print("  noisy FP: noisy copies of the unrelated works (no original indexed) flagged anyway")
    print(
        f"{'noise':12} {'n':>5} "
        + " ".join(f"{c:>11}" for c in columns)
        + f" {'(n unamb.)':>10} {'noisy FP':>9}"
    )
    for op in sorted(stats, key=lambda o: (o == "all", o)):
        c = stats[op]
        cells = [c[k] / c["n"] for k in columns[:-1]] + [
            c["unambiguous"] / max(c["n_unambiguous"], 1)
        ]
        f = fp_ops.get(op, Counter())
        print(
            f"{op:12} {c['n']:5d} "
            + " ".join(f"{v:11.4f}" for v in cells)
            + f" {c['n_unambiguous']:10d} {f['fp'] / max(f['n'], 1):9.4f}"
        )
    print(f"false-positive rate on {N_UNRELATED} unrelated works: {fp / N_UNRELATED:.4f}")
    c = stats["all"]
    print(
        f"recall@5, the original or an identical twin of it: {c['or twin'] / c['n']:.4f} "
        f"(target >= 0.95); the original itself: {c['recall@5'] / c['n']:.4f}; "
        f"unambiguous copies: {c['unambiguous'] / max(c['n_unambiguous'], 1):.4f}"
    )
    print(
        f"copies missed (neither the original nor a twin found), {sum(miss_kinds.values())}: "
        + ", ".join(f"{k} {v}" for k, v in miss_kinds.most_common())
    )
    print("some misses of unambiguous copies (original -> copy):")
    for m in misses:
        print("  ", m)


def main() -> None:
    if not mr.data_available():
        print(mr.SKIP_REASON)
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--part", choices=("genes", "duplicates", "all"), default="all")
    args = parser.parse_args()
    print("figures from this machine (2 shared cores); fixed seed", SEED)
    if args.part in ("genes", "all"):
        genes_quality()
    if args.part in ("duplicates", "all"):
        duplicates_quality(args.calibrate)


if __name__ == "__main__":
    main()
