import pytest

from artdesk.core.errors import ValidationError
from artdesk.core.text import parse_dimensions_cm, split_artists
from artdesk.core.validation import clean_artwork_fields, clean_field, field_problems


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Aldo Rossi, Gianni Braghieri, M. Bosshard",
            ("Aldo Rossi", "Gianni Braghieri", "M. Bosshard"),
        ),
        ("Henry Wessel, Jr.", ("Henry Wessel, Jr.",)),
        ("Apple, Inc.", ("Apple, Inc.",)),
        (
            "Isaac Nicholson, after Thomas Bewick, after Thomas Bewick",
            ("Isaac Nicholson", "after Thomas Bewick"),
        ),
        (
            "City Racing (Matt Hale; Paul Noble, born 1963), John Burgess",
            ("City Racing (Matt Hale; Paul Noble, born 1963)", "John Burgess"),
        ),
        ("  ", ()),
        (None, ()),
    ],
)
def test_split_artists(text, names):
    assert split_artists(text) == names


@pytest.mark.parametrize(
    ("text", "dims"),
    [
        ('19 1/8 x 66 1/2" (48.6 x 168.9 cm)', (48.6, 168.9, None, None)),
        ("support: 650 x 810 x 19 mm\nframe: 743 x 904 x 70 mm", (65.0, 81.0, 1.9, None)),
        ("120 × 90 cm", (120.0, 90.0, None, None)),
        ("diam. 30 cm", (None, None, None, 30.0)),
        ("9 min.", (None, None, None, None)),
        ("38 x 23 5/8 in", (None, None, None, None)),
    ],
)
def test_parse_dimensions_cm(text, dims):
    assert parse_dimensions_cm(text) == dims


def test_clean_fields():
    out = clean_artwork_fields(
        {
            "title": " Composition ",
            "price": "45,000",
            "currency": "eur",
            "availability": "Not for sale",
            "creation_year": 2024.0,
            "height_cm": "120,5",
            "published": "yes",
        },
        require_title=True,
    )
    assert out == {
        "title": "Composition",
        "price": 45000,
        "currency": "EUR",
        "availability": "not_for_sale",
        "creation_year": 2024,
        "height_cm": 120.5,
        "published": True,
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "  ", "Missing required field: title"),
        ("currency", "EURO", "ISO 4217"),
        ("price", "12.5", "integer"),
        ("price", -1, "at least 0"),
        ("creation_year", 99999, "at most"),
        ("availability", "gone", "availability must be one of"),
        ("image_url", "ftp://x", "http(s) URL"),
        ("height_cm", "tall", "number"),
        ("medium", "a\x00b", "NUL"),
        ("colour", "red", "unknown field"),
    ],
)
def test_bad_values_name_the_field(field, value, message):
    with pytest.raises(ValidationError) as err:
        clean_field(field, value)
    assert message in err.value.message
    assert err.value.field == field


def test_field_problems_reports_every_field_at_once():
    problems = field_problems({"title": "", "currency": "XXX1", "price": "abc"})
    assert set(problems) == {"title", "currency", "price"}
    assert field_problems({"title": "Fine", "currency": "USD"}) == {}


def test_bounded_fields_are_refused_when_too_long():
    with pytest.raises(ValidationError, match="inventory_number is longer than 120"):
        clean_field("inventory_number", "X" * 121)
    assert clean_field("inventory_number", "X" * 120) == "X" * 120


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "column"),
    [("moma_artworks.csv.gz", "Dimensions"), ("tate_artworks.csv.gz", "dimensions")],
)
def test_measurements_are_found_as_a_search_of_the_whole_text_finds_them(name, column):
    """parse_dimensions_cm searches for a group from just before the unit's first occurrence:
    on every museum dimension text that finds what a search of the whole text finds."""
    import csv
    import gzip

    from artdesk.core.text import _CM_GROUP, _MM_GROUP, _first_group
    from tests.conftest import shared_data

    with gzip.open(shared_data(name), "rt", encoding="utf-8", newline="") as fh:
        texts = {row[column] for row in csv.DictReader(fh) if row[column]}
    texts |= {
        "cm",
        "12 cm",
        "x12 cm",
        "10 x 20 in. (25,4 x 50,8\u00a0cm)",
        "4 mm, 5\u2009x\u20096 mm",
    }
    for text in texts:
        for pattern, unit in ((_CM_GROUP, "cm"), (_MM_GROUP, "mm")):
            whole = pattern.search(text)
            found = _first_group(pattern, unit, text)
            assert (found and (found.span(), found.groups())) == (
                whole and (whole.span(), whole.groups())
            ), text
