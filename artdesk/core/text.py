"""Text helpers for names and measurements as museums and galleries write them (pure)."""

from __future__ import annotations

import re
from functools import lru_cache

# A comma followed by one of these continues the previous name ("Henry Wessel, Jr.").
_NAME_SUFFIXES = re.compile(
    r"^(jr|sr|ii|iii|iv|inc|ltd|llc|co|corp|incorporated|ra|obe|cbe|mbe|kbe|ra|phd|esq)\b\.?",
    re.IGNORECASE,
)
_BORN = re.compile(r"^(born|b\.|died|d\.)\s", re.IGNORECASE)


@lru_cache(maxsize=65536)
def split_artists(text: str | None, separator: str = ",") -> tuple[str, ...]:
    """Split a multi-artist string into names, in order, without duplicates.

    Commas inside parentheses do not split ("City Racing (Matt Hale; Paul Noble, born 1963)"),
    nor do those before a suffix ("Henry Wessel, Jr.", "Apple, Inc.").
    """
    if not text or not text.strip():
        return ()
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    names: list[str] = []
    for part in parts:
        name = " ".join(part.split())
        if not name:
            continue
        if names and (_NAME_SUFFIXES.match(name) or _BORN.match(name)):
            names[-1] = f"{names[-1]}, {name}"
            continue
        names.append(name)
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


_NUM = r"(\d+(?:[.,]\d+)?)"
_SEP = r"\s*[x×X]\s*"
_CM_GROUP = re.compile(rf"{_NUM}(?:{_SEP}{_NUM})?(?:{_SEP}{_NUM})?\s*cm\b")
_MM_GROUP = re.compile(rf"{_NUM}(?:{_SEP}{_NUM})?(?:{_SEP}{_NUM})?\s*mm\b")
_DIAMETER = re.compile(rf"(?:diam(?:eter)?\.?|Ø)\s*:?\s*{_NUM}\s*(cm|mm)\b", re.IGNORECASE)


# The characters a measurement group holds before its unit (digits, separators, spaces).
_GROUP_CHARS = re.compile(r"[\d.,\sxX×]*")


def _first_group(pattern: re.Pattern[str], unit: str, text: str) -> re.Match[str] | None:
    """``pattern.search(text)`` for a group ending in ``unit``, searched from where the run of
    group characters before the unit's first occurrence begins: no match can start earlier (it
    would hold a character a group cannot, or the unit itself), and the inches that come first
    in museum texts are not scanned."""
    at = text.find(unit)
    if at < 0:
        return None
    start = at - _GROUP_CHARS.match(text[at - 1 :: -1]).end() if at else 0
    return pattern.search(text, start)


def _num(value: str | None) -> float | None:
    return float(value.replace(",", ".")) if value else None


DIMENSION_FIELDS = ("height_cm", "width_cm", "depth_cm", "diameter_cm")
"""The artwork fields :func:`parse_dimensions_cm` gives, in the order it gives them."""


@lru_cache(maxsize=65536)
def parse_dimensions_cm(
    text: str | None,
) -> tuple[float | None, float | None, float | None, float | None]:
    """(height, width, depth, diameter) in cm from the first measurement in ``text``.

    Understands "120 × 90 cm", '19 1/8 x 66 1/2" (48.6 x 168.9 cm)', "650 x 810 x 19 mm" and
    "diam. 30 cm"; the first group is the object's (support before frame, composition before
    sheet, as museums list them). Inches-only text gives nothing rather than a guess.
    """
    if not text:
        return (None, None, None, None)
    diameter = None
    # Each search runs only when its literal can occur: the unit patterns hold "cm" / "mm", the
    # diameter one "Ø" or "diam" (case-insensitive: "am" has no other case forms), and a failed
    # search over a long inches-only text costs more than the rest of the parse.
    low = text.lower()
    d = _DIAMETER.search(text) if ("am" in low or "ø" in low) else None
    if d:
        diameter = _num(d.group(1))
        if diameter is not None and d.group(2).lower() == "mm":
            diameter = round(diameter / 10, 3)
    m = _first_group(_CM_GROUP, "cm", text)
    scale = 1.0
    if m is None:
        m = _first_group(_MM_GROUP, "mm", text)
        scale = 0.1
    if m is None:
        return (None, None, None, diameter)
    h, w, dp = (_num(g) for g in m.groups())
    if diameter is not None and w is None:
        return (None, None, None, diameter)

    def cm(v: float | None) -> float | None:
        return None if v is None else round(v * scale, 3)

    return (cm(h), cm(w), cm(dp), diameter)
