import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from artdesk.core.errors import ConflictError, NotFoundError, StaleVersionError, ValidationError
from artdesk.core.fingerprint import source_fingerprint
from artdesk.services.catalog import ArtworkQuery


def make(services, partner, title="Composition in Blue", **fields):
    data = {"title": title, "artist_name": "Maria Schmidt", "creation_year": 2024, **fields}
    return services.catalog.create_artwork(data, partner_id=partner.id, source="test")


def test_create_sets_fingerprint_artists_and_changelog(services, partner):
    a = make(services, partner, price=45000, currency="eur", confidential_notes="buyer: X")
    assert a.source_fingerprint == source_fingerprint("Maria Schmidt", "Composition in Blue", 2024)
    assert [x.name for x in a.artists] == ["Maria Schmidt"]
    assert a.currency == "EUR" and a.version == 1
    entry = services.catalog.list_changes(entity_type="artwork", entity_id=a.id)[0]
    assert entry.action == "create" and entry.source == "test"
    assert entry.field_changes["price"] == {"old": None, "new": 45000}
    assert entry.field_changes["artists"] == {"old": None, "new": ["Maria Schmidt"]}


def test_the_size_in_cm_follows_the_dimensions_text(services, partner):
    a = make(services, partner, dimensions='19 1/8 x 66 1/2" (48.6 x 168.9 cm)')
    assert (a.height_cm, a.width_cm, a.depth_cm, a.diameter_cm) == (48.6, 168.9, None, None)
    # a new text gives a new size; a size given with the text is kept as given
    a = services.catalog.update_artwork(a.id, {"dimensions": "650 x 810 x 19 mm"}, source="t",
                                        expected_version=a.version)  # fmt: skip
    assert (a.height_cm, a.width_cm, a.depth_cm) == (65.0, 81.0, 1.9)
    b = make(services, partner, "Other", dimensions="120 x 90 cm", height_cm=121.5)
    assert (b.height_cm, b.width_cm) == (121.5, None)
    # a text with no size in cm or mm (inches only) gives none rather than a guess
    c = make(services, partner, "Third", dimensions='30 x 40"')
    assert (c.height_cm, c.width_cm) == (None, None)


def test_multiple_artists_keep_their_order(services, partner):
    a = services.catalog.create_artwork(
        {"title": "Duo"}, partner_id=partner.id, source="t", artists=["Zoë Beck", "Adam Ant"]
    )
    assert [x.name for x in a.artists] == ["Zoë Beck", "Adam Ant"]
    b = services.catalog.update_artwork(a.id, {"artists": ["Adam Ant", "Zoë Beck"]}, source="t")
    assert [x.name for x in b.artists] == ["Adam Ant", "Zoë Beck"]
    assert b.source_fingerprint != a.source_fingerprint


def test_update_logs_old_and_new_and_bumps_version_once(services, partner):
    a = make(services, partner, price=45000)
    b = services.catalog.update_artwork(
        a.id, {"price": 52000, "availability": "reserved"}, source="gui", expected_version=a.version
    )
    assert (b.price, b.availability, b.version) == (52000, "reserved", a.version + 1)
    change = services.catalog.list_changes(entity_id=a.id, entity_type="artwork")[-1]
    assert change.field_changes == {
        "price": {"old": 45000, "new": 52000},
        "availability": {"old": None, "new": "reserved"},
    }


def test_stale_version_is_refused_and_nothing_written(services, partner):
    a = make(services, partner)
    services.catalog.update_artwork(a.id, {"medium": "Oil"}, source="desk-1")
    with pytest.raises(StaleVersionError):
        services.catalog.update_artwork(
            a.id, {"medium": "Acrylic"}, source="desk-2", expected_version=a.version
        )
    assert services.catalog.get_artwork(a.id).medium == "Oil"


def test_validation_errors_write_nothing(services, partner):
    with pytest.raises(ValidationError, match="title"):
        services.catalog.create_artwork({"title": " "}, partner_id=partner.id, source="t")
    with pytest.raises(ValidationError, match="currency"):
        services.catalog.create_artwork(
            {"title": "X", "currency": "EURO"}, partner_id=partner.id, source="t"
        )
    assert services.catalog.count_artworks() == 0
    assert services.catalog.list_changes(entity_type="artwork") == []


def test_inventory_number_is_unique_within_a_partner_only(services, partner):
    other = services.catalog.create_partner("Museum Süd", type="museum")
    make(services, partner, inventory_number="INV-1")
    make(services, other, inventory_number="INV-1")
    with pytest.raises(ConflictError):
        make(services, partner, title="Other", inventory_number="INV-1")


def test_fingerprint_is_not_an_identity(services, partner):
    """Distinct works may share a fingerprint: the catalog keeps both and shows them as a group."""
    a = make(services, partner, title="Untitled", inventory_number="P1")
    b = make(services, partner, title="Untitled", inventory_number="P2")
    assert a.source_fingerprint == b.source_fingerprint
    assert services.catalog.count_artworks() == 2
    assert services.catalog.fingerprint_groups() == [[a.id, b.id]]
    assert services.catalog.count_artworks(ArtworkQuery(duplicates_only=True)) == 2


def test_upsert_creates_merges_and_refuses_ambiguity(services, partner):
    data = {
        "title": "Composition in Blue",
        "creation_year": 2024,
        "artist_name": "Maria Schmidt",
        "price": 1,
    }
    a, created = services.catalog.upsert_artwork(data, partner_id=partner.id, source="api:k")
    assert created and a.last_synced_at is not None
    b, created = services.catalog.upsert_artwork(
        {**data, "price": None, "medium": "Oil"}, partner_id=partner.id, source="api:k"
    )
    assert not created and b.id == a.id and b.price == 1 and b.medium == "Oil"
    make(services, partner)  # a second work with the same fingerprint
    with pytest.raises(ConflictError) as err:
        services.catalog.upsert_artwork(data, partner_id=partner.id, source="api:k")
    assert len(err.value.detail["candidates"]) == 2


def test_upsert_answers_the_work_as_stored_with_its_artists_and_changelog(services, partner):
    data = {"title": "Harbour at Dusk", "creation_year": 1911, "artist_name": "Lena Voss"}
    a, created = services.catalog.upsert_artwork(data, partner_id=partner.id, source="api:k")
    stored = services.catalog.get_artwork(a.id)
    assert created and a == replace(stored, editions=(), genes=(), images=())
    assert [r.name for r in a.artists] == ["Lena Voss"] and a.partner_slug == partner.slug
    (entry,) = services.catalog.list_changes(entity_type="artwork", entity_id=a.id)
    assert (
        entry.partner_id == partner.id
        and entry.action == "create"
        and entry.field_changes["artists"]["new"] == ["Lena Voss"]
    )
    assert entry.field_changes["title"] == {"old": None, "new": "Harbour at Dusk"}


def test_upsert_before_commit_runs_in_the_write_and_a_failure_writes_nothing(services, partner):
    seen = []

    def keep(s, artwork, created):  # noqa: ANN001
        seen.append((artwork.id, created, s.in_transaction()))

    data = {"title": "Quay", "artist_name": "Ida Holm"}
    a, _ = services.catalog.upsert_artwork(
        data, partner_id=partner.id, source="api:k", before_commit=keep
    )
    services.catalog.upsert_artwork(
        {**data, "price": 5}, partner_id=partner.id, source="api:k", before_commit=keep
    )
    assert seen == [(a.id, True, True), (a.id, False, True)]

    def fail(s, artwork, created):  # noqa: ANN001
        raise RuntimeError("disk full")

    before = services.catalog.count_artworks()
    with pytest.raises(RuntimeError):
        services.catalog.upsert_artwork(
            {"title": "Never kept", "artist_name": "Nils Brand"},
            partner_id=partner.id,
            source="api:k",
            before_commit=fail,
        )
    assert services.catalog.count_artworks() == before
    assert services.catalog.list_changes(entity_type="artwork", entity_id=a.id + 1) == []
    assert "Nils Brand" not in [x.name for x in services.catalog.list_artists()]


def test_entity_binding_hides_other_partners_works(services, partner):
    other = services.catalog.create_partner("Other Gallery")
    a = make(services, other)
    with pytest.raises(NotFoundError):
        services.catalog.get_artwork(a.id, partner_id=partner.id)
    with pytest.raises(NotFoundError):
        services.catalog.update_artwork(a.id, {"price": 1}, source="t", partner_id=partner.id)


def test_full_text_search_folds_diacritics_and_prefixes(services, partner):
    make(
        services,
        partner,
        title="Paysage à Céret",
        medium="Huile sur toile",
        artist_name="Chaïm Soutine",
    )
    make(
        services,
        partner,
        title="Still Life",
        artist_name="Giorgio Morandi",
        inventory_number="GM-7",
    )
    cat = services.catalog
    assert [a.title for a in cat.list_artworks(ArtworkQuery(text="ceret"))] == ["Paysage à Céret"]
    assert [a.title for a in cat.list_artworks(ArtworkQuery(text="Chaim sout"))] == [
        "Paysage à Céret"
    ]
    assert [a.title for a in cat.list_artworks(ArtworkQuery(text="gm-7"))] == ["Still Life"]
    assert cat.count_artworks(ArtworkQuery(text="nothing-like-this")) == 0
    assert cat.count_artworks(ArtworkQuery(text="?!")) == 0


def test_one_and_two_letter_prefixes_find_exactly_the_works_with_such_a_word(services, partner):
    """What the search box sends after the first keystrokes: every word typed is a prefix."""
    titles = ["Paysage", "Portrait of a Lady", "Still Life", "Self Portrait", "Mountain"]
    for i, title in enumerate(titles):
        make(services, partner, title=title, artist_name="Ann Zed", inventory_number=f"I-{i}")
    cat = services.catalog

    def found(text, **kw):
        q = ArtworkQuery(text=text, **kw)
        works = cat.list_artworks(q, limit=50)
        assert cat.count_artworks(q) == len(works)
        return sorted(a.title for a in works)

    assert found("p") == ["Paysage", "Portrait of a Lady", "Self Portrait"]
    assert found("P") == found("p")
    assert found("po") == ["Portrait of a Lady", "Self Portrait"]
    assert found("s") == ["Self Portrait", "Still Life"]
    assert found("st") == ["Still Life"]
    assert found("s p") == ["Self Portrait"]  # both words, each a prefix
    assert found("l") == ["Portrait of a Lady", "Still Life"]
    assert found("z") == sorted(titles)  # the artist's name is searched too
    assert found("q") == []
    assert [a.title for a in cat.list_artworks(ArtworkQuery(text="p", sort="title"))] == [
        "Paysage",
        "Portrait of a Lady",
        "Self Portrait",
    ]
    # with another filter the count takes the general path: the same answer
    assert cat.count_artworks(ArtworkQuery(text="p", partner_id=partner.id)) == 3
    other = cat.create_partner("Other Gallery")
    assert cat.count_artworks(ArtworkQuery(text="p", partner_id=other.id)) == 0


def test_search_box_pages_in_every_order_are_those_of_the_general_plan(
    sqlite_services, monkeypatch
):
    """The search box alone reads its pages by plans of its own on SQLite (from the full-text
    index in id order, by walking the sort's index when matches are dense): every page is the
    one the general plan (the same query with a filter that keeps every work) gives."""
    import artdesk.services.catalog as catalog_module

    services = sqlite_services
    partner = services.catalog.create_partner("Gallery")
    words = ["Paysage", "Portrait", "Paper Moon", "Study", "Still", "Pale Sea", "Mountain"]
    for i in range(35):
        make(
            services,
            partner,
            title=f"{words[i % len(words)]} {i % 4}",
            artist_name=["Ann Poe", "Sam Lee", "Pia Sun"][i % 3],
            creation_year=[None, 1990, 1850, 2001][i % 4],
            price=[None, 100, 50][i % 3],
            inventory_number=f"N-{i}",
        )
    cat = services.catalog

    def general(q, offset, limit):
        return cat.list_artwork_ids(replace(q, partner_id=partner.id), offset, limit)

    for cost in (catalog_module._LOOKUP_COST, 0):  # 0: the walk is tried for every query
        monkeypatch.setattr(catalog_module, "_LOOKUP_COST", cost)
        for text in ("p", "pa", "s p", "po", "m", "zz", "paper"):
            for sort in ("id", "title", "year", "price", "artist"):
                for descending in (False, True):
                    q = ArtworkQuery(text=text, sort=sort, descending=descending)
                    for offset, limit in ((0, 5), (3, 4), (0, 50), (20, 5), (9, 30)):
                        got = cat.list_artwork_ids(q, offset, limit)
                        assert got == general(q, offset, limit), (text, sort, descending, offset)
                        page = cat.list_artworks(q, offset, limit)
                        assert [a.id for a in page] == got
    # a word beginning with p in the title (4 of the 7) or the artist (Ann Poe, Pia Sun)
    expected = [i for i in range(35) if i % 7 in (0, 1, 2, 5) or i % 3 in (0, 2)]
    assert len(cat.list_artwork_ids(ArtworkQuery(text="p", sort="title"), 0, 50)) == len(expected)


def test_search_sees_edits_and_deletes(services, partner):
    a = make(services, partner, title="Blue")
    services.catalog.update_artwork(a.id, {"title": "Crimson"}, source="t")
    assert services.catalog.count_artworks(ArtworkQuery(text="blue")) == 0
    assert services.catalog.count_artworks(ArtworkQuery(text="crimson")) == 1
    services.catalog.delete_artwork(a.id, source="t")
    assert services.catalog.count_artworks(ArtworkQuery(text="crimson")) == 0


def test_sorting_and_paging_run_in_the_database(services, partner):
    for i, (title, price) in enumerate([("b", 30), ("a", 10), ("c", 20)]):
        make(services, partner, title=title, price=price, inventory_number=str(i))
    cat = services.catalog
    assert [a.title for a in cat.list_artworks(ArtworkQuery(sort="title"))] == ["a", "b", "c"]
    assert [a.price for a in cat.list_artworks(ArtworkQuery(sort="price", descending=True))] == [
        30,
        20,
        10,
    ]
    assert [a.title for a in cat.list_artworks(ArtworkQuery(sort="title"), offset=1, limit=1)] == [
        "b"
    ]
    with pytest.raises(ValidationError):
        cat.list_artworks(ArtworkQuery(sort="colour"))


def test_delete_and_restore_keep_id_and_fields(services, partner):
    a = make(services, partner, price=9, inventory_number="X1")
    services.catalog.delete_artwork(a.id, source="gui")
    assert services.catalog.count_artworks() == 0
    assert (
        services.catalog.list_changes(entity_id=a.id, entity_type="artwork")[-1].action == "delete"
    )
    b = services.catalog.restore_artwork(a, source="gui:undo")
    assert (b.id, b.price, b.inventory_number, b.artist_name) == (a.id, 9, "X1", "Maria Schmidt")


def test_a_deleted_works_id_is_never_given_to_another(services, partner):
    """An API client or a remote desk holding the id of a deleted work must not find another
    work under it (SQLite hands out the newest deleted id again unless told not to)."""
    make(services, partner, title="First")
    newest = make(services, partner, title="Second")
    services.catalog.delete_artwork(newest.id, source="api")
    third = make(services, partner, title="Third")
    assert third.id > newest.id
    with pytest.raises(NotFoundError):
        services.catalog.get_artwork(newest.id)
    # undo of the delete still brings the work back under its own id
    back = services.catalog.restore_artwork(newest, source="gui:undo")
    assert back.id == newest.id and back.title == "Second"


def test_editions_genes_shows_collections(services, partner):
    cat = services.catalog
    a = make(services, partner)
    b = make(services, partner, title="Second")
    e = cat.add_edition_set(
        a.id,
        {
            "label": "Edition of 10",
            "size": 10,
            "artist_proofs": 2,
            "available_editions": ["1", 2, "3-9"],
            "price": 900,
            "currency": "usd",
        },
        source="t",
    )
    assert e.available_editions == ("1", 2, "3-9") and e.currency == "USD"
    with pytest.raises(ValidationError):
        cat.add_edition_set(a.id, {"available_editions": ["9-3"]}, source="t")
    genes = cat.set_artwork_genes(a.id, {"Color Field": 80, "Abstract Painting": 100}, source="t")
    assert [(g.name, g.value) for g in genes] == [("Abstract Painting", 100), ("Color Field", 80)]
    with pytest.raises(ValidationError):
        cat.set_artwork_genes(a.id, {"Color Field": 101}, source="t")
    show = cat.create_show(partner.id, "Spring Exhibition", status="running")
    cat.set_show_artworks(show.id, [a.id], source="t")
    assert [x.id for x in cat.list_artworks(ArtworkQuery(show_id=show.id))] == [a.id]
    coll = cat.create_collection("Highlights", partner_id=partner.id)
    cat.set_collection_items(coll.id, [b.id, a.id], source="t")
    assert [x.id for x in cat.list_artworks(ArtworkQuery(collection_id=coll.id))] == [b.id, a.id]
    detail = cat.get_artwork(a.id)
    assert len(detail.editions) == 1 and len(detail.genes) == 2


def test_changelog_since_and_partner(services, partner):
    make(services, partner)
    later = datetime.now(UTC) + timedelta(hours=1)
    assert services.catalog.list_changes(since=later) == []
    assert services.catalog.count_changes(partner_id=partner.id) >= 2


def test_notifier_announces_committed_writes(services, partner):
    seen = []
    services.notifier.subscribe(seen.append)
    a = make(services, partner)
    services.catalog.update_artwork(a.id, {"price": 5}, source="api:x")
    assert [c.source for c in seen if "artworks" in c.kinds][-2:] == ["test", "api:x"]
    assert a.id in seen[-1].artwork_ids


def test_concurrent_writers_never_lose_a_write(sqlite_services):
    """Threads writing at once queue on the catalog's writer; none fails, none is lost."""
    svc = sqlite_services
    p = svc.catalog.create_partner("Busy Gallery")
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(25):
                svc.catalog.create_artwork({"title": f"w{n}-{i}"}, partner_id=p.id, source=f"t{n}")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert svc.catalog.count_artworks() == 150
