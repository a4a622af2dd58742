"""The similarity engine fed from a real catalog: records, neighbours, artist auto-linking."""

from artdesk.services.similar_wiring import record_for, work_records


def test_records_carry_artists_genes_and_version(services, partner):
    cat = services.catalog
    a = cat.create_artwork(
        {"title": "Harbour at Dusk", "artist_name": "Ann Lee", "medium": "Oil"},
        partner_id=partner.id,
        source="t",
    )
    cat.set_artwork_genes(a.id, {"Seascape": 90}, source="t")
    records, version = work_records(cat)
    assert version == cat.catalog_version()
    (rec,) = records
    assert (rec.id, rec.artists, rec.title, dict(rec.genes)) == (
        a.id,
        ("Ann Lee",),
        "Harbour at Dusk",
        {"Seascape": 90},
    )
    assert record_for(cat, a.id).genes == {"Seascape": 90}


def test_similar_works_from_the_catalog(services, partner):
    cat = services.catalog
    ids = []
    for title, genes in [
        ("Harbour I", {"Seascape": 90, "Boats": 70}),
        ("Harbour II", {"Seascape": 85, "Boats": 60}),
        ("Portrait of a Lady", {"Portrait": 100}),
    ]:
        a = cat.create_artwork(
            {"title": title, "artist_name": "Ann Lee"}, partner_id=partner.id, source="t"
        )
        cat.set_artwork_genes(a.id, genes, source="t")
        ids.append(a.id)
    services.similar.ensure_index(background=False)
    best = services.similar.similar(ids[0], k=2)[0]
    assert best.id == ids[1]
    assert any("Seascape" in r for r in best.reasons)


def test_typed_artist_names_link_to_existing_artists(services, partner):
    cat = services.catalog
    cat.create_artwork(
        {"title": "A", "artist_name": "Gerhard Richter"}, partner_id=partner.id, source="t"
    )
    cat.create_artwork({"title": "B", "artist_name": "Artist 1"}, partner_id=partner.id, source="t")
    services.similar._artists_provider._at = -1e9  # read the artist list again now
    b = cat.create_artwork(
        {"title": "B", "artist_name": "Richter, Gerhard"}, partner_id=partner.id, source="t"
    )
    assert b.artist_name == "Gerhard Richter"
    c = cat.create_artwork(
        {"title": "C", "artist_name": "Artist 10"}, partner_id=partner.id, source="t"
    )
    assert c.artist_name == "Artist 10"
