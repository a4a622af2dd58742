"""The duplicate finder's use of what the catalog says of the object (medium, category, genes)
and of titles whose typos fall on numbers, spaces or far into a long title."""

from __future__ import annotations

import dataclasses

from artdesk.similar import duplicates as dup
from artdesk.similar.duplicates import DUPLICATE_THRESHOLD, DuplicateFinder
from artdesk.similar.records import WorkRecord

F = {name: k for k, name in enumerate(dup.SCORE_FEATURES)}

PAGE = WorkRecord(10**9, ("Anna Berg",), "Page from the Harbour Sketchbook", year=1901,
                  height_cm=20.3, width_cm=15.1, category="on paper, unique")  # fmt: skip
GRAPHITE = dataclasses.replace(PAGE, medium="Graphite on paper",
                               genes={"Harbour": 100, "Boat": 100, "Sea": 70})  # fmt: skip
WATERCOLOUR = dataclasses.replace(PAGE, id=10**9 + 1, medium="Watercolour on paper",
                                  genes={"Harbour": 100, "Town": 100, "Church": 70})  # fmt: skip


def _finder(tate_sample: list[WorkRecord], *extra: WorkRecord) -> DuplicateFinder:
    return DuplicateFinder.build([*tate_sample, *extra])


def _draft(**changes: object) -> WorkRecord:
    """A re-typed entry of the page: "Last, First", a typo in the title, no year."""
    base = dataclasses.replace(PAGE, id=-1, artists=("Berg, Anna",), year=None,
                               title="Page from the Harbour Skecthbook")  # fmt: skip
    return dataclasses.replace(base, **changes)


def _features(finder: DuplicateFinder, draft: WorkRecord, wid: int):  # noqa: ANN202
    rows, feats = finder.candidates(draft)
    return feats[rows.tolist().index(finder._row_of[wid])]


def _scores(finder: DuplicateFinder, draft: WorkRecord) -> dict[int, float]:
    return {n.id: n.score for n in finder.possible_duplicates(draft, k=10, min_score=0.0)}


def test_the_twin_with_the_drafts_medium_ranks_first(tate_sample: list[WorkRecord]) -> None:
    # the two pages share artist, title, year and size; only the medium and genes differ
    finder = _finder(tate_sample, WATERCOLOUR, GRAPHITE)
    for kept, other in ((GRAPHITE, WATERCOLOUR), (WATERCOLOUR, GRAPHITE)):
        found = finder.possible_duplicates(_draft(medium=kept.medium))
        assert found and found[0].id == kept.id
        assert f"same medium: {kept.medium}" in found[0].reasons
        scores = _scores(finder, _draft(medium=kept.medium))
        assert scores[kept.id] > scores[other.id]
        draft = _draft(medium=kept.medium)
        reasons = finder._reasons(draft, finder._row_of[other.id],
                                  _features(finder, draft, other.id))  # fmt: skip
        assert f"medium differs (65%): {kept.medium} / {other.medium}" in reasons


def test_a_blank_medium_is_not_a_difference(tate_sample: list[WorkRecord]) -> None:
    finder = _finder(tate_sample, WATERCOLOUR, GRAPHITE)
    blank = _scores(finder, _draft())
    # neither page is preferred when the draft says nothing of the medium...
    assert blank[GRAPHITE.id] == blank[WATERCOLOUR.id]
    # ...and a page is scored higher with no medium on the draft than with another medium
    other = _scores(finder, _draft(medium="Watercolour on paper"))
    assert blank[GRAPHITE.id] > other[GRAPHITE.id]
    # a page without a medium in the catalog is not penalised by the draft's medium
    bare = dataclasses.replace(PAGE, id=10**9 + 2)
    alone = _finder(tate_sample, bare)
    assert (
        _scores(alone, _draft(medium="Graphite on paper"))[bare.id]
        == _scores(alone, _draft())[bare.id]
    )
    found = alone.possible_duplicates(_draft(medium="Graphite on paper"))
    assert found[0].id == bare.id and not any("medium" in r for r in found[0].reasons)


def test_a_spelling_of_the_medium_counts_as_the_same(tate_sample: list[WorkRecord]) -> None:
    finder = _finder(tate_sample, WATERCOLOUR, GRAPHITE)
    draft = _draft(medium="Watercolor on paper")
    assert _features(finder, draft, WATERCOLOUR.id)[F["medium_differ"]] == 0.0
    assert _features(finder, draft, GRAPHITE.id)[F["medium_differ"]] == 1.0
    found = finder.possible_duplicates(draft)
    assert found[0].id == WATERCOLOUR.id
    assert "medium alike (97%): Watercolor on paper / Watercolour on paper" in found[0].reasons
    # the same medium in more or fewer words is no difference either
    for medium in ("Watercolour", "Watercolour and ink on paper"):
        assert _features(finder, _draft(medium=medium), WATERCOLOUR.id)[F["medium_differ"]] == 0
    blank = _scores(finder, _draft())
    assert _scores(finder, _draft(medium="Watercolour"))[WATERCOLOUR.id] == blank[WATERCOLOUR.id]


def test_the_twin_with_the_drafts_genes_ranks_first(tate_sample: list[WorkRecord]) -> None:
    finder = _finder(tate_sample, WATERCOLOUR, GRAPHITE)
    for kept, other in ((GRAPHITE, WATERCOLOUR), (WATERCOLOUR, GRAPHITE)):
        draft = _draft(genes=dict(kept.genes))
        scores = _scores(finder, draft)
        assert scores[kept.id] > scores[other.id]
        found = finder.possible_duplicates(draft)
        assert found[0].id == kept.id
        assert any(r.startswith("same genes: ") for r in found[0].reasons), found[0].reasons
    # some genes shared: said so, with the names; the more shared, the higher
    draft = _draft(genes={"Harbour": 100, "Boat": 90, "Portrait": 100})
    found = finder.possible_duplicates(draft, min_score=0.0)
    assert found[0].id == GRAPHITE.id
    assert "shares genes (67%): Boat, Harbour" in found[0].reasons
    fewer = _scores(finder, _draft(genes={"Harbour": 100, "Portrait": 100, "Dog": 40}))
    assert _scores(finder, draft)[GRAPHITE.id] > fewer[GRAPHITE.id]
    # no genes on the draft: neither is preferred, and the same genes score as none
    blank = _scores(finder, _draft())
    assert blank[GRAPHITE.id] == blank[WATERCOLOUR.id]
    assert _scores(finder, _draft(genes=dict(GRAPHITE.genes)))[GRAPHITE.id] == blank[GRAPHITE.id]


def test_a_different_category_counts_against(tate_sample: list[WorkRecord]) -> None:
    print_ = dataclasses.replace(PAGE, id=10**9 + 3, category="on paper, print")
    finder = _finder(tate_sample, PAGE, print_)
    found = finder.possible_duplicates(_draft(), k=2, min_score=0.0)
    assert found[0].id == PAGE.id and "same category: on paper, unique" in found[0].reasons
    assert found[1].id == print_.id
    assert "category differs: on paper, unique / on paper, print" in found[1].reasons
    assert found[0].score > found[1].score


def test_incremental_changes_carry_medium_and_genes(tate_sample: list[WorkRecord]) -> None:
    finder = _finder(tate_sample, WATERCOLOUR)
    genes = {"Harbour": 100, "Boat": 100, "A gene no work had": 40}
    changed = finder.with_changes([dataclasses.replace(GRAPHITE, genes=genes)], [])
    draft = _draft(medium="Graphite on paper", genes=genes)
    found = changed.possible_duplicates(draft)
    assert (
        found[0].id == GRAPHITE.id and f"same genes: {', '.join(sorted(genes))}" in found[0].reasons
    )
    # a removed work's medium no longer counts
    gone = changed.with_changes([], [GRAPHITE.id])
    assert GRAPHITE.id not in _scores(gone, draft)


def test_numbers_changed_by_a_typo_are_not_another_number() -> None:
    def typo(a: str, b: str) -> bool:
        ka, kb = dup.title_key(a), dup.title_key(b)
        return dup._numbers_typo(ka, kb, dup._numbers(ka), dup._numbers(kb))

    assert typo("Meru II", "MeruI I")  # the same title but for a space
    assert typo("No. 7 1959", "No 71 959")
    assert typo("Plate from page 35 (suite, plate 6)", "Plate from page 35e (suite, plate 6)")
    assert typo("(1) River View; (2) Namur", "(1g) River View; (2) Namur")
    assert not typo("Vulture I", "Vulture II")
    assert not typo("Plate (folio 20) from Book AC", "Plate (folio 02) from Book AC")
    assert not typo("Suite 66 VIII", "Suite 66 VII")


def test_a_split_word_or_a_number_typo_in_a_real_catalog(tate_sample: list[WorkRecord]) -> None:
    tucker = WorkRecord(10**9 + 5, ("William Tucker",), "Meru II", medium="Painted steel",
                        year=1964, height_cm=232.4, width_cm=96.2)  # fmt: skip
    sibling = dataclasses.replace(tucker, id=10**9 + 6, title="Meru I", height_cm=180.0)
    adams = WorkRecord(10**9 + 7, ("Ansel Adams",),
                       "Yosemite Valley, Clearing Thunderstorm, from Tunnel Esplanade, California",
                       medium="Gelatin silver print", year=1972, height_cm=25.2, width_cm=32.2)  # fmt: skip
    finder = _finder(tate_sample, tucker, sibling, adams)
    found = finder.possible_duplicates(
        dataclasses.replace(tucker, id=-1, title="MeruI I", year=None)
    )
    assert found and found[0].id == tucker.id
    # two typos, one of them moving a space, far into a long title: one or two edits
    draft = dataclasses.replace(
        adams, id=-2, year=None,
        title="Yosemite Valley, ClearingT hunderstorm, from Tunnel Esplanade,h California",
    )  # fmt: skip
    f = _features(finder, draft, adams.id)
    assert f[F["title_edits_1_2"]] == 1.0 and f[F["title_edits_3_4"]] == 0.0
    found = finder.possible_duplicates(draft)
    assert found and found[0].id == adams.id and found[0].score >= DUPLICATE_THRESHOLD
    # a real other number is still another work
    assert sibling.id not in [n.id for n in finder.possible_duplicates(
        dataclasses.replace(tucker, id=-3))]  # fmt: skip


def test_equal_scores_go_to_the_drafts_very_medium(tate_sample: list[WorkRecord]) -> None:
    # "Oil on canvas" and "Oil paint on canvas" are alike: the two score the same for either
    # draft, and the one written as the draft writes it comes first, whatever the ids
    oil = dataclasses.replace(PAGE, id=10**9 + 8, medium="Oil on canvas")
    paint = dataclasses.replace(PAGE, id=10**9 + 9, medium="Oil paint on canvas")
    finder = _finder(tate_sample, oil, paint)
    for kept, other in ((oil, paint), (paint, oil)):
        draft = _draft(medium=kept.medium)
        scores = _scores(finder, draft)
        assert scores[kept.id] == scores[other.id]
        found = finder.possible_duplicates(draft)
        assert [n.id for n in found[:2]] == [kept.id, other.id]
        assert f"same medium: {kept.medium}" in found[0].reasons
        assert any(r.startswith("medium alike") for r in found[1].reasons)
    # a medium that adds more than one word to the other's is another medium
    pencil = _draft(medium="Pencil on paper")
    marker = dataclasses.replace(PAGE, id=10**9 + 10,
                                 medium="Felt-tipped marker, ink and colored pencil on paper")  # fmt: skip
    assert _features(_finder(tate_sample, marker), pencil, marker.id)[F["medium_differ"]] == 1.0


def test_a_real_duplicate_catalogued_differently_is_still_shown(
    tate_sample: list[WorkRecord],
) -> None:
    # the same page entered again by another hand: exact artist, title, year and size, but
    # another category and other subjects; it must still be offered as a likely duplicate
    finder = _finder(tate_sample, GRAPHITE)
    retyped = dataclasses.replace(
        GRAPHITE, id=-1, category="drawing", genes={"Portrait": 100, "Dog": 40}
    )
    found = finder.possible_duplicates(retyped)
    assert [n.id for n in found][:1] == [GRAPHITE.id]
    assert found[0].score >= DUPLICATE_THRESHOLD
    # a look-alike that agrees with the draft still ranks above the one that does not
    agrees = dataclasses.replace(GRAPHITE, id=10**9 + 4, category="drawing",
                                 genes={"Portrait": 100, "Dog": 40})  # fmt: skip
    both = _finder(tate_sample, GRAPHITE, agrees)
    assert [n.id for n in both.possible_duplicates(retyped)][:2] == [agrees.id, GRAPHITE.id]
