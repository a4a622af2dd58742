"""Slugs and the source fingerprint (pure functions, standard library only).

``source_fingerprint = sha256(slug(artist) + "|" + slug(title) + "|" + year).hexdigest()``

``slug(s)``:

1. Unicode NFKC, then casefold;
2. transliterate ``æ``->``ae``, ``œ``->``oe``, ``ø``->``o``, ``ł``->``l``, ``đ``->``d``,
   ``ð``->``d``, ``þ``->``th``;
3. NFKD and drop combining marks;
4. every run of characters that are not Unicode letters or digits becomes one ``-``;
5. strip leading and trailing ``-``.

The fingerprint is a duplicate *signal*, never an identity: distinct works share it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
)
# [^\W_] is "a Unicode letter or digit" (\w minus the underscore).
_NOT_ALNUM_RUN = re.compile(r"(?:[\W_])+")


def slug_uncached(text: str | None) -> str:
    """``slug`` without its cache, for text that rarely repeats (titles, inventory numbers)."""
    if not text:
        return ""
    if text.isascii():
        # ASCII needs no Unicode normalisation: NFKC, NFKD and the transliterations leave it as is.
        return _NOT_ALNUM_RUN.sub("-", text.lower()).strip("-")
    s = unicodedata.normalize("NFKC", text).casefold()
    s = s.translate(_TRANSLITERATE)
    s = unicodedata.normalize("NFKD", s)
    if not s.isascii():
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _NOT_ALNUM_RUN.sub("-", s)
    return s.strip("-")


slug = lru_cache(maxsize=65536)(slug_uncached)
slug.__doc__ = """Normalise a name or title to its slug (see the module docstring)."""


@dataclass(frozen=True, slots=True)
class Fingerprint:
    artist_slug: str
    title_slug: str
    year: str
    digest: str

    @property
    def source(self) -> str:
        return f"{self.artist_slug}|{self.title_slug}|{self.year}"


def fingerprint_parts(artist_name: str | None, title: str | None, year: int | None) -> Fingerprint:
    artist_slug = slug(artist_name)
    title_slug = slug(title)
    year_text = "" if year is None else str(int(year))
    return Fingerprint(
        artist_slug, title_slug, year_text, digest_of_slugs(artist_slug, title_slug, year)
    )


def digest_of_slugs(artist_slug: str, title_slug: str, year: int | None) -> str:
    """The fingerprint from slugs already made (bulk imports slug each artist string once)."""
    source = f"{artist_slug}|{title_slug}|{'' if year is None else int(year)}"
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def source_fingerprint(artist_name: str | None, title: str | None, year: int | None) -> str:
    """The hex SHA-256 source fingerprint of a work."""
    return fingerprint_parts(artist_name, title, year).digest


def artist_display(names: list[str] | tuple[str, ...]) -> str:
    """The artists' display string as entered: names joined with ", "."""
    return ", ".join(n.strip() for n in names if n and n.strip())
