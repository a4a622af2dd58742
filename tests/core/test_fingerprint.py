import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from artdesk.core.fingerprint import fingerprint_parts, slug, source_fingerprint
from tests.conftest import read_csv_rows, shared_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Schmidt", "maria-schmidt"),
        ("Zoë", "zoe"),
        ("Günther Förg", "gunther-forg"),
        ("O'Keeffe", "o-keeffe"),
        ("  Untitled  (Blue) ", "untitled-blue"),
        ("Straße", "strasse"),
        ("?", ""),
        ("+ -", ""),
        ("草間 彌生", "草間-彌生"),
        ("Æsop Œuvre", "aesop-oeuvre"),
        ("Søren Łukasz Đorđe Þór", "soren-lukasz-dorde-thor"),
        ("Spring Exhibition", "spring-exhibition"),
        ("ﬁne ＡＢＣ", "fine-abc"),  # NFKC: ligature and full-width letters
        ("snake_case", "snake-case"),
        ("", ""),
        (None, ""),
    ],
)
def test_slug_examples(text, expected):
    assert slug(text) == expected


def test_fingerprint_of_the_seed_example():
    expected = hashlib.sha256(b"maria-schmidt|composition-in-blue|2024").hexdigest()
    assert source_fingerprint("Maria Schmidt", "Composition in Blue", 2024) == expected
    parts = fingerprint_parts("Maria Schmidt", "Composition in Blue", 2024)
    assert (parts.artist_slug, parts.title_slug, parts.year) == (
        "maria-schmidt",
        "composition-in-blue",
        "2024",
    )


def test_unknown_year_is_empty():
    assert fingerprint_parts("A", "B", None).source == "a|b|"


def test_diacritics_and_case_do_not_change_the_fingerprint():
    assert source_fingerprint("Günther Förg", "Ohne Titel", 1990) == source_fingerprint(
        "gunther forg", "OHNE TITEL", 1990
    )


@given(st.text(max_size=60))
def test_slug_is_idempotent_and_well_formed(text):
    s = slug(text)
    assert slug(s) == s
    assert not s.startswith("-") and not s.endswith("-")
    assert "--" not in s
    assert s == s.casefold() or not s.isascii()


def test_real_fingerprint_collisions_are_real(tmp_path):
    """Rows the data README tags as collisions: distinct works (different accession numbers)
    that share a fingerprint, so the fingerprint cannot be an identity."""
    rows = [
        r
        for r in read_csv_rows(shared_data("edge_cases.csv"))
        if r["reason"].startswith("fingerprint_collision")
    ]
    assert rows
    by_fp: dict[str, set[str]] = {}
    for r in rows:
        year = int(r["year"]) if r["year"].strip() else None
        fp = source_fingerprint(r["artist"], r["title"], year)
        by_fp.setdefault(fp, set()).add(r["accession_number"])
    assert any(len(accessions) > 1 for accessions in by_fp.values())


def test_ascii_slugs_agree_with_the_data_readme(tmp_path):
    """edge_cases.csv carries an ASCII-folded slug fingerprint; ours folds diacritics the same way."""
    for r in read_csv_rows(shared_data("edge_cases.csv")):
        if r["reason"] != "artist_variant_same_ascii_slug":
            continue
        artist_slug, title_slug, _ = r["slug_ascii_fp"].split("|")
        assert slug(r["artist"]) == artist_slug, r["artist"]
        assert slug(r["title"]) == title_slug, r["title"]
