"""Cursor pagination: opaque keyset cursors that stay correct under inserts and deletes,
``next`` keeping the filters, offsets, totals and collection order."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest


def add_works(
    services,
    partner_id: int,
    n: int,
    *,
    start: int = 0,
    published: bool = True,
    artist: str = "Ines Vale",
) -> list[int]:  # noqa: ANN001
    return [
        services.catalog.create_artwork(
            {"title": f"Field {i}", "creation_year": 2000 + i % 20, "published": published},
            partner_id=partner_id,
            source="test",
            artists=[artist],
        ).id
        for i in range(start, start + n)
    ]


def walk(client, url: str, headers: dict[str, str], between=None) -> list[int]:  # noqa: ANN001
    """Follow ``next`` to the end; ``between(page_number)`` runs between pages."""
    ids: list[int] = []
    pages = 0
    while url:
        r = client.get(url, headers=headers)
        assert r.status_code == 200, r.text
        body = r.json()
        ids += [int(a["id"]) for a in body["_embedded"]["artworks"]]
        url = body["_links"].get("next", {}).get("href")
        pages += 1
        if url and between is not None:
            between(pages)
    return ids


@pytest.fixture
def gallery(services):  # noqa: ANN001, ANN201
    return services.catalog.create_partner("Galerie Nord", type="gallery")


@pytest.fixture
def headers(gallery, token_for) -> dict[str, str]:  # noqa: ANN001
    return {"X-Xapp-Token": token_for(gallery.id)}


def test_next_visits_every_artwork_once_and_is_absent_on_the_last_page(
    client,
    services,
    gallery,
    headers,  # noqa: ANN001
) -> None:
    ids = add_works(services, gallery.id, 23)
    r = client.get("/api/artworks", params={"size": 5}, headers=headers)
    assert r.json()["total_count"] is None  # only computed when asked
    assert walk(client, str(r.url), headers) == ids
    last = client.get("/api/artworks", params={"size": 23}, headers=headers).json()
    assert "next" not in last["_links"]
    cursor = parse_qs(
        urlsplit(
            client.get("/api/artworks", params={"size": 5}, headers=headers).json()["_links"][
                "next"
            ]["href"]
        ).query
    )["cursor"][0]
    assert str(ids[4]) not in cursor  # opaque, not the bare id


def test_cursors_survive_inserts_and_deletes_between_pages(
    client,
    services,
    gallery,
    headers,  # noqa: ANN001
) -> None:
    before = add_works(services, gallery.id, 30)
    deleted: set[int] = set()
    inserted: list[int] = []

    def churn(page: int) -> None:
        # Delete a work already seen and one not yet seen; insert new works.
        seen_victim = before[page * 3 - 3]
        ahead_victim = before[-page]
        for victim in (seen_victim, ahead_victim):
            if victim not in deleted:
                services.catalog.delete_artwork(victim, source="test")
                deleted.add(victim)
        inserted.extend(add_works(services, gallery.id, 2, start=100 + page * 2))

    url = str(client.get("/api/artworks", params={"size": 4}, headers=headers).url)
    seen = walk(client, url, headers, between=churn)
    assert len(seen) == len(set(seen)), "an artwork was repeated"
    survivors = [i for i in before if i not in deleted]
    missing = [i for i in survivors if i not in seen]
    assert not missing, f"skipped works that existed throughout: {missing}"
    assert seen == sorted(seen)
    # Works inserted while paging come after the cursor (higher ids), so they are seen too.
    assert set(inserted) <= set(seen)


def test_next_keeps_the_filters(client, services, gallery, headers) -> None:  # noqa: ANN001
    mine = add_works(services, gallery.id, 7, artist="Ines Vale")
    add_works(services, gallery.id, 5, artist="Tom Berg")
    unpublished = add_works(services, gallery.id, 3, published=False, artist="Ines Vale")
    artist_id = services.catalog.find_artist_by_name("Ines Vale").id
    first = client.get(
        "/api/artworks",
        params={"artist_id": artist_id, "published": "true", "size": 3, "total_count": "1"},
        headers=headers,
    ).json()
    assert first["total_count"] == 7
    query = parse_qs(urlsplit(first["_links"]["next"]["href"]).query)
    assert query["artist_id"] == [str(artist_id)] and query["published"] == ["true"]
    assert query["size"] == ["3"]
    assert walk(client, first["_links"]["self"]["href"], headers) == mine
    only_unpublished = client.get(
        "/api/artworks", params={"published": "false", "size": 50}, headers=headers
    ).json()
    assert [int(a["id"]) for a in only_unpublished["_embedded"]["artworks"]] == unpublished


def test_offset_and_total_count(client, services, gallery, headers) -> None:  # noqa: ANN001
    ids = add_works(services, gallery.id, 12)
    r = client.get(
        "/api/artworks", params={"offset": 5, "size": 4, "total_count": "true"}, headers=headers
    ).json()
    assert [int(a["id"]) for a in r["_embedded"]["artworks"]] == ids[5:9]
    assert r["total_count"] == 12
    # next drops the offset and continues after the page.
    assert walk(client, r["_links"]["next"]["href"], headers) == ids[9:]
    cursor = parse_qs(urlsplit(r["_links"]["next"]["href"]).query)["cursor"][0]
    both = client.get("/api/artworks", params={"offset": 2, "cursor": cursor}, headers=headers)
    assert both.status_code == 400
    assert both.json()["type"] == "param_error"


@pytest.mark.parametrize("cursor", ["garbage!", "YToxOjI", "cDox", ""])
def test_a_bad_or_foreign_cursor_is_a_param_error(
    client,
    services,
    gallery,
    headers,
    cursor,  # noqa: ANN001
) -> None:
    add_works(services, gallery.id, 2)
    r = client.get("/api/artworks", params={"cursor": cursor}, headers=headers)
    if cursor == "":
        assert r.status_code == 200  # an empty cursor is no cursor
        return
    assert r.status_code == 400 and r.json()["type"] == "param_error"
    # A partners cursor ("p:1") is refused on artworks.
    assert cursor != "cDox" or "cursor" in r.json()["message"]


def test_collection_pages_follow_position_order(client, services, gallery, headers) -> None:  # noqa: ANN001
    ids = add_works(services, gallery.id, 9)
    order = [ids[4], ids[0], ids[8], ids[2], ids[6], ids[1], ids[7]]
    coll = services.catalog.create_collection("Highlights", partner_id=gallery.id)
    services.catalog.set_collection_items(coll.id, order, source="test")
    first = client.get(
        "/api/artworks",
        params={"collection_id": coll.id, "size": 3, "total_count": 1},
        headers=headers,
    ).json()
    assert first["total_count"] == 7
    assert walk(client, first["_links"]["self"]["href"], headers) == order
    shifted = client.get(
        "/api/artworks", params={"collection_id": coll.id, "offset": 2, "size": 2}, headers=headers
    ).json()
    assert [int(a["id"]) for a in shifted["_embedded"]["artworks"]] == order[2:4]
    assert walk(client, shifted["_links"]["next"]["href"], headers) == order[4:]


def test_other_collections_page_with_cursors(client, services, gallery, headers) -> None:  # noqa: ANN001
    for i in range(7):
        services.catalog.create_partner(f"Partner {i}", type="gallery")
    services.catalog.create_gene("Landscape")
    everyone = client.get("/api/partners", params={"size": 100}, headers=headers).json()
    total = len(everyone["_embedded"]["partners"])
    ids, url = [], "/api/partners?active=true&size=3"
    while url:
        body = client.get(url, headers=headers).json()
        ids += [p["id"] for p in body["_embedded"]["partners"]]
        url = body["_links"].get("next", {}).get("href")
        if url:
            assert "active=true" in url
    assert len(ids) == len(set(ids)) == total == 8
