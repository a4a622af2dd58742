import gzip
import json
import threading

import pytest

from artdesk.core.errors import ImportFileError
from artdesk.services.catalog import ArtworkQuery
from artdesk.services.importer import ImportCancelled
from tests.conftest import read_csv_rows, shared_data

SEED_CSV = (
    "title,creation_year,medium,dimensions,price,currency,availability,description,image_url,external_url,artist_name\n"
    'Composition in Blue,2024,Oil on canvas,120 × 90 cm,45000,EUR,available,"Part of the Chromatic Series...",'
    "https://gallery.example.com/artworks/composition-blue.jpg,https://gallery.example.com/artworks/composition-blue,Maria Schmidt\n"
)


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def state(services):
    return services.catalog.count_artworks(), services.catalog.catalog_version()


def test_artland_csv_with_every_seed_field(services, partner, tmp_path):
    result = services.importer.run(write(tmp_path / "a.csv", SEED_CSV), preset="artland")
    assert result.summary() == "created 1, updated 0, unchanged 0, rejected 0"
    a = services.catalog.list_artworks()[0]
    assert (a.title, a.artist_name, a.price, a.currency, a.creation_year) == (
        "Composition in Blue",
        "Maria Schmidt",
        45000,
        "EUR",
        2024,
    )
    assert (a.height_cm, a.width_cm) == (120.0, 90.0)
    assert a.partner_id == partner.id  # the catalog's only partner


def test_bad_rows_are_reported_not_fatal(services, partner, tmp_path, reader):
    text = (
        "title,price,currency,artist_name\n"
        "Good,100,EUR,A\n"
        ",5,EUR,B\n"  # no title
        "Bad price,12.5.3,EUR,C\n"
        "Bad currency,1,EURO,D\n"
        "Also good,,,E\n"
    )
    report = tmp_path / "report.csv"
    result = services.importer.run(
        write(tmp_path / "b.csv", text), partner=partner.slug, report_path=report
    )
    assert (result.created, result.rejected) == (2, 3)
    rows = list(read_csv_rows(report))
    assert [(r["line"], r["reason"].split(" ")[0]) for r in rows] == [
        ("3", "no"),
        ("4", "price"),
        ("5", "currency"),
    ]
    assert json.loads(rows[0]["row"])["artist_name"] == "B"


def test_broken_encoding_is_a_rejected_row(services, partner, tmp_path, reader):
    data = "title,artist_name\nFine,Zoë\n".encode() + b"Broken \xff title,X\n"
    result = services.importer.run(write(tmp_path / "enc.csv", data), partner=partner.slug)
    assert (result.created, result.rejected) == (1, 1)


def test_unknown_columns_are_reported(services, partner, tmp_path):
    result = services.importer.run(
        write(tmp_path / "u.csv", "title,colour\nX,red\n"), partner=partner.slug
    )
    assert result.unknown_columns == ["colour"]
    mapped = services.importer.run(
        write(tmp_path / "m.csv", "name,colour\nY,red\n"),
        partner=partner.slug,
        mapping="name=title,colour=medium",
    )
    assert (
        mapped.created == 1
        and services.catalog.list_artworks(ArtworkQuery(text="red"))[0].title == "Y"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bin.csv", b"\x00\x01\x02binary\x00", "binary"),
        ("bad.json", b'[{"title": "x"}, ', "not valid JSON"),
        ("empty.csv", b"", "empty"),
        ("notitle.csv", b"a,b\n1,2\n", "title"),
    ],
)
def test_broken_files_are_clear_errors(services, partner, tmp_path, name, content, message):
    before = state(services)
    with pytest.raises(ImportFileError, match=message):
        services.importer.run(write(tmp_path / name, content), partner=partner.slug)
    assert state(services) == before


@pytest.fixture(params=["in-process", "worker"])
def reader(request, monkeypatch):
    """Both ways of reading a file: in this process, and by the worker process large files get."""
    import artdesk.services.importer as importer

    monkeypatch.setattr(
        importer, "WORKER_FILE_BYTES", 10**12 if request.param == "in-process" else 0
    )
    return request.param


def test_truncated_gzip_leaves_the_catalog_unchanged(services, partner, tmp_path, reader):
    rows = "".join(f"Work {i},Artist {i % 50}\n" for i in range(20000))
    data = gzip.compress(("title,artist_name\n" + rows).encode())
    path = write(tmp_path / "cut.csv.gz", data[: len(data) // 2])
    before = state(services)
    with pytest.raises(ImportFileError, match="truncated"):
        services.importer.run(path, partner=partner.slug)
    assert state(services) == before


def test_cancel_rolls_back(services, partner, tmp_path, reader):
    rows = "".join(f"Work {i}\n" for i in range(5000))
    path = write(tmp_path / "many.csv", "title\n" + rows)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ImportCancelled):
        services.importer.run(path, partner=partner.slug, cancel=cancel)
    assert services.catalog.count_artworks() == 0


def test_json_and_jsonl(services, partner, tmp_path):
    items = [
        {"title": "J1", "artist_name": "A", "price": 5},
        {"title": "J2", "artists": ["B", "C"]},
    ]
    services.importer.run(write(tmp_path / "a.json", json.dumps(items)), partner=partner.slug)
    lines = "\n".join(json.dumps({**x, "title": x["title"] + "L"}) for x in items) + "\nnot json\n"
    result = services.importer.run(write(tmp_path / "a.jsonl", lines), partner=partner.slug)
    assert (result.created, result.rejected) == (2, 1)
    assert services.catalog.count_artworks() == 4
    j2 = services.catalog.list_artworks(ArtworkQuery(text="J2L"))[0]
    assert j2.artist_name == "B, C"


def test_rows_without_numbers_match_by_fingerprint_occurrence(services, partner, tmp_path):
    """Two distinct 'Untitled' works with one fingerprint: a second import changes nothing."""
    text = (
        "title,artist_name,date_text\nUntitled,Anon,1970\nUntitled,Anon,1970\nOther,Anon,c. 1971\n"
    )
    path = write(tmp_path / "u.csv", text)
    first = services.importer.run(path, partner=partner.slug)
    assert first.created == 3
    assert services.catalog.list_artworks(ArtworkQuery(text="other"))[0].creation_year == 1971
    again = services.importer.run(path, partner=partner.slug)
    assert again.summary() == "created 0, updated 0, unchanged 3, rejected 0"
    changed = write(
        tmp_path / "u2.csv", "title,artist_name,date_text,medium\nOther,Anon,c. 1971,Ink\n"
    )
    assert services.importer.run(changed, partner=partner.slug).updated == 1


def test_export_then_import_gives_the_same_records(services, partner, tmp_path):
    cat = services.catalog
    a = cat.create_artwork(
        {
            "title": "Ölbild",
            "artist_name": "Zoë Beck",
            "price": 10,
            "currency": "EUR",
            "inventory_number": "Z-1",
            "published": True,
            "confidential_notes": "secret",
            "description": "line one\nline two",
            "date_text": "c. 1960-65",
        },
        partner_id=partner.id,
        source="t",
    )
    cat.add_edition_set(a.id, {"size": 10, "available_editions": ["1", 2, "3-9"]}, source="t")
    cat.set_artwork_genes(a.id, {"Landscape": 70}, source="t")
    cat.create_artwork({"title": "Duo", "artists": ["A", "B"]}, partner_id=partner.id, source="t")
    from artdesk.services.container import open_services

    for fmt in ("csv", "json", "jsonl"):
        out = tmp_path / f"export.{fmt}"
        assert services.exporter.run(out, include_confidential=True) == 2
        other = open_services(
            f"sqlite:///{tmp_path / f'copy-{fmt}.sqlite'}", tmp_path / f"files-{fmt}"
        )
        try:
            result = other.importer.run(out, preset="artdesk")
            assert result.summary() == "created 2, updated 0, unchanged 0, rejected 0"
            from artdesk.services.exporter import artwork_record

            def strip(rec):
                return {
                    k: v
                    for k, v in rec.items()
                    if k not in {"id", "created_at", "updated_at", "last_synced_at", "version"}
                }

            mine = [strip(artwork_record(x, True)) for x in services.exporter.iter_artworks()]
            theirs = [strip(artwork_record(x, True)) for x in other.exporter.iter_artworks()]
            for t, m in zip(theirs, mine, strict=True):
                assert {k: v for k, v in t.items() if m.get(k) != v} == {}
            assert other.importer.run(out, preset="artdesk").unchanged == 2
        finally:
            other.close()
    # without --include-confidential the notes stay on the desk
    services.exporter.run(tmp_path / "public.jsonl")
    assert "secret" not in (tmp_path / "public.jsonl").read_text(encoding="utf-8")


def test_real_edge_cases(services, tmp_path):
    """173 real rows: diacritics, CJK, long titles, newlines, empty titles and artists, collisions."""
    path = shared_data("edge_cases.csv")
    result = services.importer.run(path, preset="tate")
    assert result.created == 173 and result.rejected == 0
    assert result.untitled == sum(1 for r in read_csv_rows(path) if not r["title"].strip())
    assert services.importer.run(path, preset="tate").unchanged == 173
    multi = services.catalog.list_artworks(ArtworkQuery(text="tracey emin english rose"))[0]
    assert [a.name for a in multi.artists][:2] == ["Tracey Emin", "Carl Freedman"]


@pytest.mark.slow
def test_tate_import_creates_every_work_once(sqlite_services):
    path = shared_data("tate_artworks.csv.gz")
    first = sqlite_services.importer.run(path, preset="tate")
    assert (first.created, first.rejected) == (69202, 0)
    assert sqlite_services.catalog.count_artworks() == 69202
    version = sqlite_services.catalog.catalog_version()
    second = sqlite_services.importer.run(path, preset="tate")
    assert second.summary() == "created 0, updated 0, unchanged 69202, rejected 0"
    assert sqlite_services.catalog.catalog_version() == version


@pytest.mark.slow
def test_moma_import_creates_every_work_once(sqlite_services):
    path = shared_data("moma_artworks.csv.gz")
    first = sqlite_services.importer.run(path, preset="moma")
    assert (first.created, first.rejected) == (123919, 0)
    second = sqlite_services.importer.run(path, preset="moma")
    assert second.summary() == "created 0, updated 0, unchanged 123919, rejected 0"


def _index_names(services):
    """The artworks table's indexes and the catalog's triggers (the search index's)."""
    from sqlalchemy import inspect, text

    engine = services.db.engine
    query = (
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        if engine.dialect.name == "sqlite"
        else "SELECT trigger_name, event_manipulation, action_statement"
        " FROM information_schema.triggers WHERE event_object_table = 'artworks'"
    )
    with engine.connect() as conn:
        triggers = conn.execute(text(query)).all()
    return {ix["name"] for ix in inspect(services.db.engine).get_indexes("artworks")} | {
        tuple(t) for t in triggers
    }


def test_large_import_rebuilds_indexes_and_a_failure_restores_them(
    services, partner, tmp_path, monkeypatch
):
    import artdesk.services.importer as importer

    monkeypatch.setattr(importer, "LARGE_FILE_BYTES", 0)  # treat every file as large
    before = _index_names(services)
    rows = "".join(f"Work {i},Artist {i % 50},{1900 + i % 100}\n" for i in range(6000))
    data = gzip.compress(("title,artist_name,date_text\n" + rows).encode())
    with pytest.raises(ImportFileError):
        services.importer.run(
            write(tmp_path / "cut.csv.gz", data[: len(data) // 2]), partner=partner.slug
        )
    assert _index_names(services) == before and services.catalog.count_artworks() == 0
    result = services.importer.run(write(tmp_path / "ok.csv.gz", data), partner=partner.slug)
    assert result.created == 6000
    assert _index_names(services) == before
    assert services.catalog.count_artworks(ArtworkQuery(text="work 5999")) == 1
    assert [
        a.creation_year for a in services.catalog.list_artworks(ArtworkQuery(sort="year"), limit=1)
    ] == [1900]
    # The search index's triggers are back: a work saved afterwards is found.
    services.catalog.create_artwork(
        {"title": "Quietly Restored", "artists": ["Nobody Yet"]}, partner_id=partner.id, source="t"
    )
    assert services.catalog.count_artworks(ArtworkQuery(text="quietly restored")) == 1


def _both_paths(path, preset_name, limit=None):
    """Every record of the file through _FastRows and through prepare_row: (fast, general)."""
    from artdesk.core.errors import ValidationError
    from artdesk.services import importer

    source = importer.open_source(path)
    try:
        preset = importer.PRESETS[preset_name] if preset_name else None
        mapping, _, _ = importer.build_mapping(source.columns, preset, {})
        fast = importer._FastRows.build(source.columns, mapping, preset)
        assert fast is not None
        for n, (line, record, values) in enumerate(source.records):
            if limit is not None and n >= limit:
                return
            raw = importer.record_mapping(source.columns, values)
            try:
                general = importer.prepare_row(line, record, raw, mapping, preset)
            except ValidationError as exc:
                general = exc.message
            yield fast.prepare(line, record, values), general
    finally:
        source.closer()


def _same_row(fast, general):
    assert not isinstance(general, str), (
        f"the fast path accepted a row the general one rejects: {general}"
    )
    assert list(fast.fields.items()) == list(general.fields.items())
    assert (fast.artists, fast.fingerprint, fast.untitled) == (
        general.artists,
        general.fingerprint,
        general.untitled,
    )


@pytest.mark.parametrize(
    ("name", "preset", "limit"),
    [
        ("edge_cases.csv", "tate", None),
        ("tate_artworks.csv.gz", "tate", 4000),
        ("moma_artworks.csv.gz", "moma", 4000),
    ],
)
def test_fast_rows_agree_with_the_general_path_on_real_rows(name, preset, limit):
    pairs = list(_both_paths(shared_data(name), preset, limit))
    fast_rows = [(f, g) for f, g in pairs if f is not None]
    for fast, general in fast_rows:
        _same_row(fast, general)
    assert len(fast_rows) >= 0.95 * len(pairs)  # the point of the fast path: most rows take it


def test_fast_rows_hand_unusual_rows_to_the_general_path(tmp_path):
    long_number = "N" * 121
    # (the filler keeps the NUL past the head that tells a text file from a binary one)
    filler = "".join(f"Filler {i},Anon,F-{i},,,,,,{'x' * 60}\n" for i in range(80))
    text = (
        "title,artist_name,inventory_number,date_text,dimensions,external_url,price,medium,note\n"
        + filler
        + '  Spaced  ,  Ann   Lee ,  A-1 , c. 1960 ,"10 x 20 cm", https://x.example/a ,1200, Oil ,\n'
        "   , Nobody,A-2,,,,,,\n"  # blank title: rejected
        f"Long number,B,{long_number},,,,,,\n"
        "Bad url,C,A-4,,,ftp://x,,,\n"
        "Bad price,D,A-5,,,,12.5.3,,\n"
        "Nul in an unmapped column,E,A-6,,,,,,x\x00y\n"
        "Short row,F\n"
        "Diameter,G,A-8,1999–2001,diam. 30 cm,,,\t,\n"
        "Zoë,Günther Förg, A-9 ,n.d.,650 x 810 x 19 mm,,,Öl,\n"
    )
    path = write(tmp_path / "odd.csv", text)
    pairs = list(_both_paths(path, None))[80:]
    assert len(pairs) == 9
    for fast, general in pairs:
        if fast is not None:
            _same_row(fast, general)
    handed_over = [g for f, g in pairs if f is None]
    assert [g if isinstance(g, str) else g.fields["title"] for g in handed_over] == [
        "no title",
        "inventory_number is longer than 120 characters",
        "external_url must be an http(s) URL, not 'ftp://x'",
        "price must be an integer, not '12.5.3'",
        "Nul in an unmapped column",
        "the row has 2 values; the header has more columns",
    ]
    first = pairs[0][0]
    assert first.fields["title"] == "Spaced" and first.fields["inventory_number"] == "A-1"
    assert first.fields["date_text"] == " c. 1960 " and first.fields["creation_year"] == 1960


def _catalog_rows(services):
    from sqlalchemy import text

    with services.db.read() as s:
        works = s.execute(
            text(
                "SELECT inventory_number, title, artist_names, artist_sort, title_sort, search_text, "
                "source_fingerprint, creation_year, height_cm, width_cm FROM artworks ORDER BY id"
            )
        ).all()
        log = s.execute(
            text("SELECT entity_type, action, source, field_changes FROM changelog ORDER BY id")
        ).all()
    return [tuple(w) for w in works], [(e, a, src, json.loads(c)) for e, a, src, c in log]


def test_the_reader_process_gives_the_same_catalog_and_report(tmp_path, monkeypatch):
    """A large file is read and prepared by a worker process while this one writes: the works,
    their derived text, the changelog and the report are those of the in-process path, whichever
    process derives the rows' search words and changelog JSON."""
    import artdesk.services.importer as importer
    from artdesk.services.container import open_services

    path = shared_data("edge_cases.csv")
    extra = "".join(
        f'Work {i},"Artist {i % 7}, Jr.",{1900 + i % 90},,{i} x {i + 1} cm\n' for i in range(4500)
    )
    big = write(
        tmp_path / "big.csv",
        "title,artist_name,date_text,medium,dimensions\n"
        + extra
        + "Bad,X,,,\x00\n" * 3
        + ",Y,,,\n",
    )
    results = {}
    derive_batch = importer._derive_batch
    for mode, threshold in (("in-process", 10**12), ("worker", 0), ("worker-writer-derives", 0)):
        monkeypatch.setattr(importer, "WORKER_FILE_BYTES", threshold)
        # The worker leaves a batch's search words and changelog JSON to the importing process
        # while that one waits for batches; here it leaves every batch's, as on a slow reader.
        writer_derives = mode == "worker-writer-derives"
        monkeypatch.setattr(
            importer,
            "_derive_batch",
            (lambda b, d, now: derive_batch(b, d, lambda: False))
            if writer_derives
            else derive_batch,
        )
        svc = open_services(f"sqlite:///{tmp_path / f'{mode}.sqlite'}", tmp_path / f"files-{mode}")
        try:
            partner = svc.catalog.create_partner("Galerie Nord", type="gallery")
            museum = svc.importer.run(
                path, preset="tate", report_path=tmp_path / f"{mode}-edge.csv"
            )
            gallery = svc.importer.run(
                big, partner=partner.slug, report_path=tmp_path / f"{mode}.csv"
            )
            again = svc.importer.run(path, preset="tate")
            works, log = _catalog_rows(svc)
            results[mode] = (
                museum.summary(),
                gallery.summary(),
                again.summary(),
                works,
                [(e, a, src, c) for e, a, src, c in log],
                (tmp_path / f"{mode}.csv").read_text(encoding="utf-8"),
                (tmp_path / f"{mode}-edge.csv").read_text(encoding="utf-8"),
            )
        finally:
            svc.close()
    assert results["worker"] == results["in-process"]
    assert results["worker-writer-derives"] == results["in-process"]
    museum, gallery, again, works, log, report, _ = results["worker"]
    assert gallery == "created 4500, updated 0, unchanged 0, rejected 4"
    assert again == "created 0, updated 0, unchanged 173, rejected 0"
    assert len(report.splitlines()) == 5


def test_import_changelog_holds_every_write_with_source_and_values(services, partner, tmp_path):
    path = write(
        tmp_path / "log.csv",
        "title,artists,inventory_number,date_text,medium\n"
        "Composition in Blue,Maria Schmidt,MS-1,2024,Oil on canvas\n"
        'Duo,"Ann Lee, Bo Ek",MS-2,,\n',
    )
    services.importer.run(path, partner=partner.slug)
    created = {c.entity_id: c for c in services.catalog.list_changes(entity_type="artwork")}
    assert {c.action for c in created.values()} == {"create"}
    assert {c.source for c in created.values()} == {"import:log.csv"}
    blue = next(
        c for c in created.values() if c.field_changes["title"]["new"] == "Composition in Blue"
    )
    assert blue.field_changes == {
        "title": {"old": None, "new": "Composition in Blue"},
        "inventory_number": {"old": None, "new": "MS-1"},
        "date_text": {"old": None, "new": "2024"},
        "medium": {"old": None, "new": "Oil on canvas"},
        "creation_year": {"old": None, "new": 2024},
        "artists": {"old": None, "new": ["Maria Schmidt"]},
    }
    duo = next(c for c in created.values() if c.field_changes["title"]["new"] == "Duo")
    assert duo.field_changes["artists"] == {"old": None, "new": ["Ann Lee", "Bo Ek"]}
    artists = services.catalog.list_changes(entity_type="artist")
    assert sorted(c.field_changes["name"]["new"] for c in artists) == [
        "Ann Lee",
        "Bo Ek",
        "Maria Schmidt",
    ]
    version = services.catalog.catalog_version()
    services.importer.run(path, partner=partner.slug)
    assert services.catalog.catalog_version() == version  # unchanged file: no write, no entry
    changed = write(
        tmp_path / "log2.csv",
        "title,artists,inventory_number,date_text,medium\n"
        "Composition in Blue,Maria Schmidt,MS-1,2024,Tempera\n",
    )
    assert services.importer.run(changed, partner=partner.slug).updated == 1
    update = services.catalog.list_changes(after_id=version)
    assert [(c.action, c.source, c.field_changes) for c in update] == [
        ("update", "import:log2.csv", {"medium": {"old": "Oil on canvas", "new": "Tempera"}})
    ]


def test_a_number_twice_in_one_file_is_a_reported_row(services, partner, tmp_path):
    path = write(tmp_path / "twice.csv", "title,inventory_number\nA,X-1\nB,X-1\nC,X-2\n")
    report = tmp_path / "twice-report.csv"
    result = services.importer.run(path, partner=partner.slug, report_path=report)
    assert result.summary() == "created 2, updated 0, unchanged 0, rejected 1"
    [row] = read_csv_rows(report)
    assert (row["line"], row["reason"]) == ("3", "inventory number 'X-1' appears twice in the file")
    assert services.importer.run(path, partner=partner.slug).rejected == 1
    assert services.catalog.count_artworks() == 2


def test_an_import_never_gives_out_the_id_of_a_deleted_work(services, partner, tmp_path):
    first = services.importer.run(
        write(tmp_path / "a.csv", "title\nOne\nTwo\n"), partner=partner.slug
    )
    assert first.created == 2
    newest = max(a.id for a in services.catalog.list_artworks())
    services.catalog.delete_artwork(newest, source="t")
    services.importer.run(write(tmp_path / "b.csv", "title\nThree\nFour\n"), partner=partner.slug)
    ids = sorted(a.id for a in services.catalog.list_artworks())
    assert len(ids) == 3 and newest not in ids and min(ids[1:]) > newest
