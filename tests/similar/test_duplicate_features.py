"""The duplicate finder's own pieces: its n-gram TF-IDF, perceptual image hashes, word changes."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from artdesk.imaging import phash
from artdesk.similar import duplicates as dup
from artdesk.similar._text import title_key
from artdesk.similar.duplicates import CharNgrams, DuplicateFinder
from artdesk.similar.records import WorkRecord


def test_char_ngrams_match_scikit_learn_char_wb_tfidf(tate_sample: list[WorkRecord]) -> None:
    keys = sorted({title_key(r.title) for r in tate_sample}) + ["", "a", "日本 語 x"]
    ours, m = CharNgrams.fit(keys)
    sk = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 3), lowercase=False,
                         sublinear_tf=True, dtype=np.float32)  # fmt: skip
    m_sk = sk.fit_transform(keys)
    assert m.shape == m_sk.shape and m.nnz == m_sk.nnz
    assert abs((m[:500] @ m.T) - (m_sk[:500] @ m_sk.T)).max() < 1e-5
    drafts = ["abstrakts bild 809 4", "sea poppy ii", "", "日本", "zzqx"]
    assert abs((ours.transform(drafts) @ m.T) - (sk.transform(drafts) @ m_sk.T)).max() < 1e-5


def test_image_hash_constants_agree_with_the_imaging_module() -> None:
    assert dup.SAME_IMAGE_DISTANCE == phash.SAME_IMAGE_DISTANCE
    assert dup.PHASH_DIGITS == phash.HASH_BITS // 4


def test_perceptual_hash_near_match_is_the_same_image(tate_sample: list[WorkRecord]) -> None:
    base = 0x9F3C_5A0F_1E2D_3C4B
    rec = WorkRecord(10**9, ("Anna Berg",), "Harbour at Dusk", year=1901,
                     image_hash=f"{base:016x}")  # fmt: skip
    finder = DuplicateFinder.build([*tate_sample, rec])
    near = f"{base ^ 0b1011:016x}"  # 3 bits differ: resized / recompressed copy
    found = finder.possible_duplicates(WorkRecord(-1, ("Someone Else",), "Other", image_hash=near))
    assert found and found[0].id == rec.id and "same image" in found[0].reasons
    far = f"{base ^ ((1 << 40) - 1):016x}"  # 40 bits differ: another picture
    draft = WorkRecord(-2, ("Anna Berg",), "Harbour at Dusk", year=1901, image_hash=far)
    other = finder.possible_duplicates(draft, min_score=0.0)
    assert other[0].id == rec.id and "different image" in other[0].reasons
    same = finder.possible_duplicates(
        WorkRecord(-3, ("Anna Berg",), "Harbour at Dusk", year=1901, image_hash=near)
    )
    assert same[0].score > other[0].score


def test_word_changes_tell_typos_from_other_words() -> None:
    df = {"boroughbridge": 3, "from": 900, "the": 5000, "east": 40, "west": 55, "glass": 9,
          "glasses": 7, "stacking": 2}  # fmt: skip
    words = dup._content_words
    assert dup._word_changes(
        words("boroughbridge from the west"), words("boroughbridge from the east"), df, 0
    ) == (0, 0, 2)
    assert dup._word_changes(words("stacking glass"), words("stacking glasses"), df, 0) == (1, 0, 0)
    assert dup._word_changes(
        words("boroughbridge from the esat"), words("boroughbridge from the east"), df, 0
    ) == (0, 1, 0)
    assert dup._word_changes(words("tablelighters"), words("table lighters"), df, 0) == (0, 1, 0)
    assert dup._word_changes(words("sketches of hills"), words("sketches"), df, 0) == (0, 0, 1)
