"""GET /v1/artworks/{id}/similar: nearest neighbours the key may see, with reasons."""


def test_similar_artworks_with_reasons_and_entity_binding(
    services, entity, other_entity, client, headers
):
    cat = services.catalog
    mine = []
    for title, genes in [
        ("Harbour I", {"Seascape": 90, "Boats": 70}),
        ("Harbour II", {"Seascape": 85, "Boats": 60}),
        ("Portrait", {"Portrait": 100}),
    ]:
        a = cat.create_artwork(
            {"title": title, "artist_name": "Ann Lee"}, partner_id=entity.id, source="t"
        )
        cat.set_artwork_genes(a.id, genes, source="t")
        mine.append(a)
    hidden = cat.create_artwork(
        {"title": "Harbour III", "artist_name": "Ann Lee"}, partner_id=other_entity.id, source="t"
    )
    cat.set_artwork_genes(hidden.id, {"Seascape": 90, "Boats": 70}, source="t")
    services.similar.ensure_index(background=False)

    r = client.get(f"/v1/artworks/{mine[0].id}/similar?k=5", headers=headers)
    assert r.status_code == 200, r.text
    body = r.json()
    ids = [s["artwork"]["id"] for s in body["similar"]]
    assert ids[0] == mine[1].id
    assert hidden.id not in ids  # another entity's unpublished work never shows
    assert any("Seascape" in reason for reason in body["similar"][0]["reasons"])
    assert 0 <= body["similar"][0]["score"] <= 1
    assert "confidential_notes" not in r.text

    assert (
        client.get(f"/v1/artworks/{hidden.id}/similar", headers=headers).json()["error"]
        == "not_found"
    )
    assert client.get(f"/v1/artworks/{mine[0].id}/similar?k=0", headers=headers).status_code == 400
