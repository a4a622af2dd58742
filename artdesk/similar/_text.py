"""Text normalisation shared by the similarity, duplicate and artist engines.

Everything goes through :func:`artdesk.core.fingerprint.slug` (casefold, transliterate, drop
diacritics, non-alphanumeric runs to ``-``), so ``"Gerhard Richter"``, ``"GERHARD  RICHTER"``
and ``"Gérhard Richter"`` normalise alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from artdesk.core.fingerprint import slug

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"untitled", "title", "known"}
"""Words that never make two works similar ("Untitled", "Title not known" are everywhere)."""


@lru_cache(maxsize=131072)
def name_key(name: str) -> str:
    """An order-insensitive key for one person's name.

    The slug's tokens, sorted: ``"Richter, Gerhard"`` and ``"Gerhard Richter"`` both give
    ``"gerhard richter"``.
    """
    s = slug(name)
    if not s:
        return ""
    return " ".join(sorted(t for t in s.split("-") if t))


def artists_key(artists: Iterable[str]) -> str:
    """Key for a work's artists: each name's :func:`name_key`, sorted, joined with ``" ; "``."""
    keys = sorted({k for k in (name_key(a) for a in artists if a) if k})
    return " ; ".join(keys)


@lru_cache(maxsize=131072)
def title_key(title: str) -> str:
    """A title's slug with spaces between words (diacritics and punctuation gone)."""
    return slug(title).replace("-", " ")


def words(text: str, min_len: int = 2) -> list[str]:
    """Content words of a text: slug tokens without stop words and bare numbers."""
    if not text:
        return []
    return [
        t
        for t in slug(text).split("-")
        if len(t) >= min_len and t not in STOP_WORDS and not t.isdigit()
    ]
