"""Values shared by the API tests."""

from __future__ import annotations

SEED_BODY = {
    "title": "Composition in Blue",
    "creation_year": 2024,
    "medium": "Oil on canvas",
    "dimensions": "120 × 90 cm",
    "price": 45000,
    "currency": "EUR",
    "availability": "available",
    "description": "Part of the Chromatic Series...",
    "image_url": "https://gallery.example.com/artworks/composition-blue.jpg",
    "external_url": "https://gallery.example.com/artworks/composition-blue",
    "artist_name": "Maria Schmidt",
}
