"""The names a registrar reads for the catalog's fields, in the user's language.

One table for the editor's form, the undo texts ("Edit “X” (Year, Medium)") and the sync
dialog's conflicts, so that a field is called the same everywhere and never by its key.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "Fields"

FIELD_LABELS: dict[str, str] = {
    "inventory_number": QT_TRANSLATE_NOOP("Fields", "Inventory no."),
    "title": QT_TRANSLATE_NOOP("Fields", "Title"),
    "artists": QT_TRANSLATE_NOOP("Fields", "Artists"),
    "date_text": QT_TRANSLATE_NOOP("Fields", "Date"),
    "creation_year": QT_TRANSLATE_NOOP("Fields", "Year"),
    "medium": QT_TRANSLATE_NOOP("Fields", "Medium"),
    "category": QT_TRANSLATE_NOOP("Fields", "Category"),
    "dimensions": QT_TRANSLATE_NOOP("Fields", "Dimensions"),
    "height_cm": QT_TRANSLATE_NOOP("Fields", "Height (cm)"),
    "width_cm": QT_TRANSLATE_NOOP("Fields", "Width (cm)"),
    "depth_cm": QT_TRANSLATE_NOOP("Fields", "Depth (cm)"),
    "diameter_cm": QT_TRANSLATE_NOOP("Fields", "Diameter (cm)"),
    "price": QT_TRANSLATE_NOOP("Fields", "Price"),
    "currency": QT_TRANSLATE_NOOP("Fields", "Currency"),
    "availability": QT_TRANSLATE_NOOP("Fields", "Availability"),
    "description": QT_TRANSLATE_NOOP("Fields", "Description"),
    "image_url": QT_TRANSLATE_NOOP("Fields", "Image URL"),
    "external_url": QT_TRANSLATE_NOOP("Fields", "External URL"),
    "series": QT_TRANSLATE_NOOP("Fields", "Series"),
    "signature": QT_TRANSLATE_NOOP("Fields", "Signature"),
    "provenance": QT_TRANSLATE_NOOP("Fields", "Provenance"),
    "literature": QT_TRANSLATE_NOOP("Fields", "Literature"),
    "exhibition_history": QT_TRANSLATE_NOOP("Fields", "Exhibitions"),
    "credit_line": QT_TRANSLATE_NOOP("Fields", "Credit line"),
    "condition": QT_TRANSLATE_NOOP("Fields", "Condition"),
    "confidential_notes": QT_TRANSLATE_NOOP("Fields", "Confidential notes"),
    "published": QT_TRANSLATE_NOOP("Fields", "Published"),
}


def field_label(name: str) -> str:
    """The translated label of field ``name``; a field this table does not know keeps its key."""
    text = FIELD_LABELS.get(name)
    return QCoreApplication.translate(_CONTEXT, text) if text else name
