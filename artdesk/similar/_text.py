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


@lru_cache(maxsize=262144)
def words(text: str) -> tuple[str, ...]:
    """Content words of a text: slug tokens of 2+ characters, no stop words, no bare numbers.

    Cached: media ("Oil paint on canvas") and titles ("Untitled") repeat a lot in a catalog.
    """
    if not text:
        return ()
    return tuple(
        t for t in slug(text).split("-") if len(t) >= 2 and t not in STOP_WORDS and not t.isdigit()
    )
