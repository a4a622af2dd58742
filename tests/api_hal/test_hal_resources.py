"""Partners, profiles, artists, genes, shows and editions with their list filters."""

from __future__ import annotations

from datetime import datetime


def _names(body: dict, plural: str, key: str = "name") -> list[str]:
    return [item[key] for item in body["_embedded"][plural]]


def test_partners_with_and_without_active(client, services, records, hal_headers) -> None:  # noqa: ANN001
    closed = services.catalog.create_partner("Closed Rooms", type="gallery")
    services.catalog.update_partner(closed.id, {"active": False}, source="test")
    every = client.get("/api/partners", params={"size": 50}, headers=hal_headers).json()
    active = client.get(
        "/api/partners", params={"active": "true", "total_count": 1}, headers=hal_headers
    ).json()
    assert "Closed Rooms" in _names(every, "partners")
    assert "Closed Rooms" not in _names(active, "partners")
    assert active["total_count"] == 2
    by_slug = client.get(
        "/api/partners/national-gallery-of-art-washington-d-c", headers=hal_headers
    )
    assert by_slug.status_code == 200 and by_slug.json()["id"] == str(records.partner_id)
    profile = client.get(by_slug.json()["_links"]["profile"]["href"], headers=hal_headers).json()
    assert profile["handle"] == "ngadc" and profile["owner_type"] == "PartnerInstitution"
    contacts = client.get(
        by_slug.json()["_links"]["partner_contacts"]["href"], headers=hal_headers
    ).json()
    assert contacts["_embedded"]["partner_contacts"] == []  # the NGA record has no e-mail
    other = client.get(
        "/api/partner_contacts",
        params={"partner_id": records.other_partner_id},
        headers=hal_headers,
    ).json()
    assert [c["email"] for c in other["_embedded"]["partner_contacts"]] == ["info@sued.example"]
    missing = client.get("/api/partners/99999", headers=hal_headers)
    assert missing.status_code == 404 and missing.json()["message"] == "Partner Not Found"


def test_artists_and_their_filters(client, services, records, hal_headers) -> None:  # noqa: ANN001
    everyone = client.get("/api/artists", params={"total_count": 1}, headers=hal_headers).json()
    assert everyone["total_count"] == 2
    assert set(_names(everyone, "artists")) == {"William Michael Harnett", "Ana Ortiz"}
    of_work = client.get(
        "/api/artists", params={"artwork_id": records.artwork_id}, headers=hal_headers
    ).json()
    artist = of_work["_embedded"]["artists"][0]
    assert artist["name"] == "William Michael Harnett" and artist["birthday"] == "1848"
    assert list(artist) == [
        "id",
        "slug",
        "created_at",
        "updated_at",
        "name",
        "sortable_name",
        "gender",
        "biography",
        "birthday",
        "deathday",
        "hometown",
        "location",
        "nationality",
        "_links",
    ]
    assert artist["gender"] == "" and artist["sortable_name"] == "Harnett, William Michael"
    by_partner = client.get(
        "/api/artists", params={"partner_id": records.other_partner_id}, headers=hal_headers
    ).json()
    assert _names(by_partner, "artists") == ["Ana Ortiz"]
    one = client.get(f"/api/artists/{artist['slug']}", headers=hal_headers)
    assert one.status_code == 200 and one.json()["id"] == artist["id"]
    works = client.get(artist["_links"]["published_artworks"]["href"], headers=hal_headers).json()
    assert {a["id"] for a in works["_embedded"]["artworks"]} == {
        str(records.artwork_id),
        str(records.edition_artwork_id),
    }


def test_genes_and_their_filters(client, services, records, hal_headers) -> None:  # noqa: ANN001
    services.catalog.set_artwork_genes(
        records.artwork_id, {"Still Life": 90, "Music": 60}, source="test"
    )
    services.catalog.set_artwork_genes(records.other_published_id, {"Seascape": 80}, source="test")
    of_work = client.get(
        "/api/genes", params={"artwork_id": records.artwork_id}, headers=hal_headers
    ).json()
    assert set(_names(of_work, "genes")) == {"Still Life", "Music"}
    gene = of_work["_embedded"]["genes"][0]
    assert list(gene) == [
        "id",
        "created_at",
        "updated_at",
        "name",
        "display_name",
        "description",
        "_links",
    ]
    by_artist = client.get(
        "/api/genes", params={"artist_id": records.artist_id}, headers=hal_headers
    ).json()
    assert set(_names(by_artist, "genes")) == {"Still Life", "Music"}
    tagged = client.get(gene["_links"]["artworks"]["href"], headers=hal_headers).json()
    assert [a["id"] for a in tagged["_embedded"]["artworks"]] == [str(records.artwork_id)]
    artists = client.get(gene["_links"]["artists"]["href"], headers=hal_headers).json()
    assert _names(artists, "artists") == ["William Michael Harnett"]
    assert client.get(f"/api/genes/{gene['id']}", headers=hal_headers).json() == gene


def test_shows_and_their_filters(client, services, records, hal_headers) -> None:  # noqa: ANN001
    cat = services.catalog
    running = cat.create_show(
        records.partner_id,
        "Trompe l'oeil",
        status="running",
        start_date=datetime(2024, 5, 1, 10, 0),
        end_date=None,
    )
    cat.create_show(records.partner_id, "Past Masters", status="closed")
    cat.create_show(records.other_partner_id, "Harbours", status="upcoming")
    cat.set_show_artworks(running.id, [records.artwork_id], source="test")
    current = client.get(
        "/api/shows", params={"status": "current", "total_count": 1}, headers=hal_headers
    ).json()
    assert set(_names(current, "shows")) == {"Trompe l'oeil", "Harbours"}
    assert current["total_count"] == 2
    ours = client.get(
        "/api/shows", params={"partner_id": records.partner_id}, headers=hal_headers
    ).json()
    assert set(_names(ours, "shows")) == {"Trompe l'oeil", "Past Masters"}
    show = client.get(f"/api/shows/{running.id}", headers=hal_headers).json()
    assert show["start_at"] == "2024-05-01T10:00:00+00:00" and show["end_at"] is None
    assert show["status"] == "running" and show["description"] == ""
    works = client.get(show["_links"]["artworks"]["href"], headers=hal_headers).json()
    assert [a["id"] for a in works["_embedded"]["artworks"]] == [str(records.artwork_id)]


def test_editions_list_and_items(client, services, records, hal_headers) -> None:  # noqa: ANN001
    extra = services.catalog.add_edition_set(
        records.edition_artwork_id,
        {
            "size": 50,
            "artist_proofs": 5,
            "available_editions": "1, 3-9",
            "price": 1200,
            "currency": "USD",
            "availability": "available",
        },
        source="test",
    )
    listed = client.get(
        "/api/editions", params={"artwork_id": records.edition_artwork_id}, headers=hal_headers
    ).json()
    assert [e["id"] for e in listed["_embedded"]["editions"]] == [
        str(records.edition_id),
        str(extra.id),
    ]
    edition = client.get(
        f"/api/editions/{extra.id}",
        params={"artwork_id": records.edition_artwork_id},
        headers=hal_headers,
    ).json()
    assert edition["editions"] == "Edition of 50 + 5 AP"
    assert edition["available_editions"] == ["1", "3-9"]
    assert edition["sale_message"] == "$1,200" and edition["can_acquire"] is True
    wrong_work = client.get(
        f"/api/editions/{extra.id}", params={"artwork_id": records.artwork_id}, headers=hal_headers
    )
    assert wrong_work.status_code == 404
    assert wrong_work.json() == {"type": "other_error", "message": "Edition Not Found"}
    work = client.get(f"/api/artworks/{records.edition_artwork_id}", headers=hal_headers).json()
    assert len(work["_embedded"]["editions"]) == 2


def test_what_artdesk_has_none_of_is_an_empty_set(client, records, hal_headers) -> None:  # noqa: ANN001
    work = client.get(f"/api/artworks/{records.artwork_id}", headers=hal_headers).json()
    for rel, plural in (("collection_users", "users"), ("sale_artworks", "sale_artworks")):
        r = client.get(work["_links"][rel]["href"], headers=hal_headers)
        assert r.status_code == 200 and r.json()["_embedded"] == {plural: []}
