"""Field validation shared by the GUI editor (inline), the API, the importer and sync.

``clean_artwork_fields`` turns loosely typed input into clean values or raises ValidationError
naming the field; ``field_problems`` returns every problem at once for inline display.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from artdesk.core.errors import ValidationError
from artdesk.core.models import (
    ARTWORK_NUMBER_FIELDS,
    ARTWORK_TEXT_FIELDS,
    ISO_4217,
    YEAR_MAX,
    YEAR_MIN,
    Availability,
)

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_INT_TEXT = re.compile(r"^[+-]?\d+$")
MAX_TEXT = 100_000
MAX_PRICE = 10**15

URL_FIELDS = frozenset({"image_url", "external_url"})
# Fields stored in bounded columns (PostgreSQL enforces them; SQLite would not).
MAX_LENGTHS = {
    "inventory_number": 120,
    "date_text": 300,
    "category": 200,
    "image_url": 2000,
    "external_url": 2000,
}
FLOAT_FIELDS = frozenset({"height_cm", "width_cm", "depth_cm", "diameter_cm"})


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_int(name: str, value: Any, *, lo: int | None = None, hi: int | None = None) -> int | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{name} must be an integer", field=name)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValidationError(f"{name} must be an integer, not {value!r}", field=name)
        value = int(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "")
        if not _INT_TEXT.match(text):
            raise ValidationError(f"{name} must be an integer, not {value!r}", field=name)
        value = int(text)
    elif not isinstance(value, int):
        raise ValidationError(f"{name} must be an integer", field=name)
    if lo is not None and value < lo:
        raise ValidationError(f"{name} must be at least {lo}", field=name)
    if hi is not None and value > hi:
        raise ValidationError(f"{name} must be at most {hi}", field=name)
    return value


def clean_float(name: str, value: Any) -> float | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{name} must be a number", field=name)
    try:
        number = float(value.strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{name} must be a number, not {value!r}", field=name) from None
    if math.isnan(number) or math.isinf(number) or number < 0:
        raise ValidationError(f"{name} must be a positive number", field=name)
    return round(number, 3)


def clean_text(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        else:
            raise ValidationError(f"{name} must be text", field=name)
    if "\x00" in value:
        raise ValidationError(f"{name} contains a NUL character", field=name)
    if len(value) > MAX_TEXT:
        raise ValidationError(f"{name} is longer than {MAX_TEXT} characters", field=name)
    return value if value.strip() else None


def clean_currency(value: Any) -> str | None:
    text = clean_text("currency", value)
    if text is None:
        return None
    code = text.strip().upper()
    if code not in ISO_4217:
        raise ValidationError(
            f"currency must be an ISO 4217 code such as EUR or USD, not {text!r}", field="currency"
        )
    return code


def clean_availability(value: Any) -> str | None:
    text = clean_text("availability", value)
    if text is None:
        return None
    norm = text.strip().lower().replace(" ", "_").replace("-", "_")
    allowed = {a.value for a in Availability}
    if norm not in allowed:
        raise ValidationError(
            f"availability must be one of {', '.join(sorted(allowed))}, not {text!r}",
            field="availability",
        )
    return norm


def clean_url(name: str, value: Any) -> str | None:
    text = clean_text(name, value)
    if text is None:
        return None
    text = text.strip()
    if not _URL.match(text):
        raise ValidationError(f"{name} must be an http(s) URL, not {text!r}", field=name)
    return text


def clean_bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in {"1", "true", "yes", "y", "t"}:
        return True
    if isinstance(value, str) and value.strip().lower() in {"0", "false", "no", "n", "f", ""}:
        return False
    raise ValidationError(f"{name} must be true or false", field=name)


def clean_field(name: str, value: Any) -> Any:
    """One artwork field, cleaned; raises ValidationError naming the field."""
    cleaned = _clean_field(name, value)
    limit = MAX_LENGTHS.get(name)
    if limit is not None and isinstance(cleaned, str) and len(cleaned) > limit:
        raise ValidationError(f"{name} is longer than {limit} characters", field=name)
    return cleaned


def _clean_field(name: str, value: Any) -> Any:
    if name == "title":
        text = clean_text("title", value)
        if text is None:
            raise ValidationError("Missing required field: title", field="title")
        return text.strip()
    if name == "currency":
        return clean_currency(value)
    if name == "availability":
        return clean_availability(value)
    if name in URL_FIELDS:
        return clean_url(name, value)
    if name == "creation_year":
        return clean_int(name, value, lo=YEAR_MIN, hi=YEAR_MAX)
    if name == "price":
        return clean_int(name, value, lo=0, hi=MAX_PRICE)
    if name in FLOAT_FIELDS:
        return clean_float(name, value)
    if name == "published":
        return clean_bool(name, value)
    if name in ARTWORK_TEXT_FIELDS:
        text = clean_text(name, value)
        return text.strip() if text is not None and name == "inventory_number" else text
    raise ValidationError(f"unknown field: {name}", field=name)


KNOWN_FIELDS = frozenset(ARTWORK_TEXT_FIELDS) | frozenset(ARTWORK_NUMBER_FIELDS) | {"published"}


def clean_artwork_fields(data: Mapping[str, Any], *, require_title: bool) -> dict[str, Any]:
    """Clean every known field present in ``data`` (others raise). Title required on create."""
    out: dict[str, Any] = {}
    for name, value in data.items():
        out[name] = clean_field(name, value)
    if require_title and "title" not in out:
        raise ValidationError("Missing required field: title", field="title")
    return out


def field_problems(data: Mapping[str, Any], *, require_title: bool = True) -> dict[str, str]:
    """Every field's problem at once ({field: message}), for inline display in an editor."""
    problems: dict[str, str] = {}
    for name, value in data.items():
        try:
            clean_field(name, value)
        except ValidationError as exc:
            problems[name] = exc.message
    if require_title and "title" not in data:
        problems["title"] = "Missing required field: title"
    return problems
