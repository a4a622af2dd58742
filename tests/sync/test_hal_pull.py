"""Pull from an Artsy-style HAL remote: a real artdesk server on 127.0.0.1 (port 0) serving its
catalog under /api, pulled into desk catalogs through the root and its links only."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from artdesk.core.errors import ValidationError
from artdesk.services.container import Services
from artdesk.sync import hal as hal_module
from artdesk.sync.hal import expand, map_artwork, template_params
from tests.sync.conftest import _open

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@dataclass
class Gallery:
    services: Services
    server: object
    root: str
    client_id: str
    client_secret: str
    own_partner: int
    other_partner: int
    ids: dict[str, int]


@pytest.fixture
def gallery(template_catalog: Path, tmp_path: Path) -> Iterator[Gallery]:
    """A catalog of two partners: the key's own (a gallery) and a museum; published and
    unpublished works of both, two with edition sets, one with two artists."""
    from artdesk.api.server import ApiServer

    services = _open(template_catalog, tmp_path, "gallery")
    cat = services.catalog
    nord = cat.create_partner("Galerie Nord", type="gallery", email="info@nord.example")
    museum = cat.create_partner("Museum Süd", type="museum", region="Europe")
    ids: dict[str, int] = {}
    ids["violin"] = cat.create_artwork(
        {
            "title": "The Old Violin",
            "date_text": "c. 1886",
            "category": "Painting",
            "medium": "Oil on canvas",
            "height_cm": 96.5,
            "width_cm": 60,
            "external_url": "https://nord.example/works/violin",
            "signature": "signed lower right",
            "series": "Trompe-l'oeil",
            "provenance": "The artist; sold 1887",
            "literature": "Frankenstein 1953, p. 12",
            "exhibition_history": "Cincinnati 1886",
            "description": "A trompe-l'oeil of a violin hung on a door.",
            "credit_line": "Courtesy Galerie Nord",
            "image_url": "https://images.nord.example/violin.jpg",
            "price": 45000,
            "currency": "EUR",
            "availability": "available",
            "published": True,
        },
        partner_id=nord.id,
        source="test",
        artists=["William Michael Harnett", "John F. Peto"],
    ).id
    ids["bronze"] = cat.create_artwork(
        {
            "title": "Bronze Study",
            "creation_year": 1890,
            "category": "Sculpture",
            "availability": "sold",
            "published": True,
        },
        partner_id=nord.id,
        source="test",
        artists=["William Michael Harnett"],
    ).id
    cat.add_edition_set(
        ids["bronze"],
        {"size": 8, "artist_proofs": 2, "available_editions": ["1", 2, "4-6"], "height_cm": 44.9},
        source="test",
    )
    cat.add_edition_set(ids["bronze"], {"label": "Second cast, 1901", "size": 3}, source="test")
    ids["own_draft"] = cat.create_artwork(
        {"title": "Study for The Old Violin", "creation_year": 1885, "published": False},
        partner_id=nord.id,
        source="test",
        artists=["William Michael Harnett"],
    ).id
    ids["harbour"] = cat.create_artwork(
        {
            "title": "Harbour at Dusk",
            "date_text": "2021",
            "medium": "Acrylic on linen",
            "availability": "reserved",
            "published": True,
        },
        partner_id=museum.id,
        source="test",
        artists=["Ana Ortiz"],
    ).id
    ids["museum_draft"] = cat.create_artwork(
        {"title": "Secret Draft", "creation_year": 2022, "published": False},
        partner_id=museum.id,
        source="test",
        artists=["Ana Ortiz"],
    ).id
    new = services.keys.create(
        nord.id, ["artworks:read", "artists:read"], rate_limit_per_minute=1_000_000
    )
    server = ApiServer(services).start()
    try:
        yield Gallery(
            services,
            server,
            f"{server.address}/api",
            new.key.prefix,
            new.secret,
            nord.id,
            museum.id,
            ids,
        )
    finally:
        server.stop()
        services.close()


class CountingTransport(httpx.BaseTransport):
    """A real transport that records every request (method, path) and can run a hook first."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.requests: list[tuple[str, str]] = []
        self.statuses: list[int] = []
        self.before = None
        self.lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.requests.append((request.method, request.url.path))
            if self.before is not None:
                self.before(request)
        response = self.inner.handle_request(request)
        with self.lock:
            self.statuses.append(response.status_code)
        return response

    def close(self) -> None:
        pass  # shared by several pulls

    def shutdown(self) -> None:
        self.inner.close()


@pytest.fixture
def transport() -> Iterator[CountingTransport]:
    t = CountingTransport()
    yield t
    t.shutdown()


@pytest.fixture
def desk(make_desk, gallery: Gallery, transport: CountingTransport) -> Services:  # noqa: ANN001
    d = make_desk("desk", partner=False, transport=transport)
    d.sync.add_remote(
        "hal",
        gallery.root,
        "artsy",
        client_id=gallery.client_id,
        client_secret=gallery.client_secret,
    )
    return d


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two artworks a page, so that every pull follows ``next`` cursors."""
    monkeypatch.setattr(hal_module, "PAGE_SIZE", 2)


def _by_title(services: Services) -> dict[str, object]:
    works = services.catalog.list_artworks(limit=1000)
    return {w.title: services.catalog.get_artwork(w.id, detail=True) for w in works}


def test_template_expansion() -> None:
    t = "http://h/api/artworks{?artist_id,size,cursor}"
    assert template_params(t) == {"artist_id", "size", "cursor"}
    assert expand(t) == "http://h/api/artworks"
    assert (
        expand(t, {"size": 2, "cursor": "a b/c"}) == "http://h/api/artworks?size=2&cursor=a%20b%2Fc"
    )
    assert expand("http://h/api/images/7/{image_version}.jpg", {"image_version": "large"}) == (
        "http://h/api/images/7/large.jpg"
    )


def test_map_artwork_blank_text_and_sale_fields() -> None:
    doc = {
        "title": "T",
        "medium": "",
        "date": "ca. 1960-65",
        "dimensions": {"cm": {"text": "", "height": None}},
        "published": True,
        "sold": False,
        "sale_message": "On hold",
        "_embedded": {"editions": []},
    }
    out = map_artwork(doc, ["A"])
    assert out["medium"] is None and out["dimensions"] is None
    assert (out["date_text"], out["creation_year"]) == ("ca. 1960-65", 1960)
    assert out["availability"] == "reserved" and out["editions"] is None
    # A bare year in ``date`` is the creation year, not a date text.
    assert (map_artwork({**doc, "date": "1890"}, [])["date_text"]) is None
    assert map_artwork({**doc, "date": "1890"}, [])["creation_year"] == 1890
    assert map_artwork({**doc, "sale_message": None}, [])["availability"] is None
    assert map_artwork({**doc, "sale_message": "Sold", "sold": True}, [])["availability"] == "sold"
    assert map_artwork({**doc, "sale_message": "€45,000"}, [])["availability"] == "available"


def test_pull_into_empty_desk_then_nothing(
    gallery: Gallery, desk: Services, transport: CountingTransport
) -> None:
    report = desk.sync.pull("hal")
    assert report.status == "done", report.messages
    assert report.counts["created"] == 4
    works = _by_title(desk)
    # Published works of both partners and the token's own unpublished one; not the museum's.
    assert set(works) == {"The Old Violin", "Bronze Study", "Study for The Old Violin",
                          "Harbour at Dusk"}  # fmt: skip
    partners = {p.name: p for p in desk.catalog.list_partners()}
    assert set(partners) == {"Galerie Nord", "Museum Süd"}
    assert partners["Museum Süd"].type == "museum"
    violin = works["The Old Violin"]
    assert violin.partner_id == partners["Galerie Nord"].id
    assert [a.name for a in violin.artists] == ["William Michael Harnett", "John F. Peto"]
    assert (violin.date_text, violin.creation_year) == ("c. 1886", 1886)
    assert (violin.category, violin.medium) == ("Painting", "Oil on canvas")
    assert (violin.height_cm, violin.width_cm, violin.depth_cm) == (96.5, 60.0, None)
    assert violin.dimensions == "96.5 × 60 cm"
    assert violin.external_url == "https://nord.example/works/violin"
    assert violin.signature == "signed lower right"
    assert violin.series == "Trompe-l'oeil"
    assert violin.provenance == "The artist; sold 1887"
    assert violin.literature == "Frankenstein 1953, p. 12"
    assert violin.exhibition_history == "Cincinnati 1886"
    assert violin.description == "A trompe-l'oeil of a violin hung on a door."
    assert violin.credit_line == "Courtesy Galerie Nord"
    assert violin.published is True and violin.availability == "available"
    assert violin.image_url == f"{gallery.root}/images/{gallery.ids['violin']}/normalized.jpg"
    assert violin.price is None  # a sale message is not a price list
    bronze = works["Bronze Study"]
    assert bronze.availability == "sold" and bronze.creation_year == 1890
    assert bronze.date_text is None  # the remote's "1890" is the year, nothing more
    e1, e2 = bronze.editions
    assert (e1.size, e1.artist_proofs, e1.label) == (8, 2, None)
    assert list(e1.available_editions) == ["1", 2, "4-6"] and e1.height_cm == 44.9
    assert (e2.size, e2.label) == (3, "Second cast, 1901")
    draft = works["Study for The Old Violin"]
    assert draft.published is False and draft.availability is None
    assert works["Harbour at Dusk"].availability == "reserved"
    # Only the root URL was built here; the artworks were walked 2 a page with a next cursor
    # (plus one size=1 request for the total the progress shows).
    paths = [p for _, p in transport.requests]
    assert paths[0] == "/api" and paths.count("/api/artworks") == 1 + 2
    assert paths.count("/api/tokens/xapp_token") == 1

    # Second pull: nothing changes, not even the catalog version.
    version = desk.catalog.catalog_version()
    versions = {w.id: w.version for w in desk.catalog.list_artworks(limit=100)}
    again = desk.sync.pull("hal")
    assert again.status == "done"
    assert set(again.counts) == {"unchanged"} and again.counts["unchanged"] == 4
    assert desk.catalog.catalog_version() == version
    assert {w.id: w.version for w in desk.catalog.list_artworks(limit=100)} == versions

    # Pushing to an artsy remote is refused in one line.
    with pytest.raises(ValidationError, match="read-only, pull only") as err:
        desk.sync.push("hal")
    assert "\n" not in str(err.value.message)


def test_remote_edits_local_edits_and_conflicts(gallery: Gallery, desk: Services) -> None:
    desk.sync.pull("hal")
    cat, ids = gallery.services.catalog, gallery.ids
    mine = _by_title(desk)
    # A remote edit arrives; a local edit of another field survives (three-way merge).
    cat.update_artwork(ids["violin"], {"medium": "Oil on panel"}, source="gui")
    desk.catalog.update_artwork(
        mine["The Old Violin"].id, {"signature": "monogrammed"}, source="gui"
    )
    # The same field on both sides: a conflict, the local value stays.
    cat.update_artwork(ids["harbour"], {"medium": "Oil on linen"}, source="gui")
    desk.catalog.update_artwork(mine["Harbour at Dusk"].id, {"medium": "Acrylic"}, source="gui")
    # Edition sets and artists edited remotely arrive too.
    (first, _second) = cat.list_editions(ids["bronze"])
    cat.update_edition_set(first.id, {"available_editions": ["4-6"]}, source="gui")
    cat.update_artwork(ids["own_draft"], {"artists": ["John F. Peto"]}, source="gui")

    report = desk.sync.pull("hal")
    assert report.status == "done", report.messages
    assert report.counts.get("conflicts") == 1
    works = _by_title(desk)
    violin = works["The Old Violin"]
    assert (violin.medium, violin.signature) == ("Oil on panel", "monogrammed")
    assert works["Harbour at Dusk"].medium == "Acrylic"
    assert list(works["Bronze Study"].editions[0].available_editions) == ["4-6"]
    assert len(works["Bronze Study"].editions) == 2
    assert [a.name for a in works["Study for The Old Violin"].artists] == ["John F. Peto"]
    (conflict,) = desk.sync.conflicts("hal")
    assert (conflict.field, conflict.base, conflict.mine, conflict.theirs) == (
        "medium",
        "Acrylic on linen",
        "Acrylic",
        "Oil on linen",
    )
    # Pulling again neither duplicates the conflict nor touches the held field.
    version = desk.catalog.catalog_version()
    desk.sync.pull("hal")
    assert len(desk.sync.conflicts("hal")) == 1
    assert desk.catalog.catalog_version() == version
    desk.sync.resolve_conflict(conflict.id, "theirs")
    assert _by_title(desk)["Harbour at Dusk"].medium == "Oil on linen"
    after = desk.sync.pull("hal")
    assert set(after.counts) == {"unchanged"}

    # A work the remote stops showing (unpublished by the museum) goes here too.
    cat.update_artwork(ids["harbour"], {"published": False}, source="gui")
    gone = desk.sync.pull("hal")
    assert gone.counts.get("deleted") == 1
    assert "Harbour at Dusk" not in _by_title(desk)


def test_existing_work_is_linked_not_duplicated(
    make_desk,  # noqa: ANN001
    gallery: Gallery,
    transport: CountingTransport,
) -> None:
    """A desk that already has the bronze (same partner, artists, title, year) links it: no
    second copy; the remote's edition sets arrive, the desk's own medium stays."""
    d = make_desk("own", partner=False, transport=transport)
    nord = d.catalog.create_partner("Galerie Nord", type="gallery")
    mine = d.catalog.create_artwork(
        {"title": "Bronze Study", "creation_year": 1890, "medium": "Bronze", "published": True},
        partner_id=nord.id,
        source="test",
        artists=["William Michael Harnett"],
    )
    d.sync.add_remote(
        "hal",
        gallery.root,
        "artsy",
        client_id=gallery.client_id,
        client_secret=gallery.client_secret,
    )
    report = d.sync.pull("hal")
    assert report.status == "done", report.messages
    assert (report.counts["linked"], report.counts["created"]) == (1, 3)
    assert d.catalog.count_artworks() == 4 and not d.sync.conflicts("hal")
    bronze = d.catalog.get_artwork(mine.id, detail=True)
    assert bronze.medium == "Bronze" and bronze.availability == "sold"
    assert [e.size for e in bronze.editions] == [8, 3]
    assert set(d.sync.pull("hal").counts) == {"unchanged"}


def test_deleted_here_edited_there(gallery: Gallery, desk: Services) -> None:
    """A work deleted on the desk stays deleted while the remote does not change it; once the
    remote edits it, a conflict; "theirs" brings it back into the remote work's partner."""
    desk.sync.pull("hal")
    harbour = _by_title(desk)["Harbour at Dusk"]
    desk.catalog.delete_artwork(harbour.id, source="gui")
    again = desk.sync.pull("hal")
    assert "created" not in again.counts and desk.catalog.count_artworks() == 3
    gallery.services.catalog.update_artwork(
        gallery.ids["harbour"], {"medium": "Oil on linen"}, source="gui"
    )
    report = desk.sync.pull("hal")
    assert report.counts.get("conflicts") == 1
    (conflict,) = desk.sync.conflicts("hal")
    assert conflict.kind == "deleted_local" and conflict.theirs["medium"] == "Oil on linen"
    assert desk.catalog.count_artworks() == 3  # nothing comes back until the registrar decides
    desk.sync.resolve_conflict(conflict.id, "theirs")
    back = _by_title(desk)["Harbour at Dusk"]
    museum = {p.name: p.id for p in desk.catalog.list_partners()}["Museum Süd"]
    assert (back.partner_id, back.medium, back.availability) == (museum, "Oil on linen", "reserved")
    assert [a.name for a in back.artists] == ["Ana Ortiz"]
    assert set(desk.sync.pull("hal").counts) == {"unchanged"}


def test_gone_from_remote_after_local_edit_is_a_conflict(gallery: Gallery, desk: Services) -> None:
    desk.sync.pull("hal")
    violin = _by_title(desk)["The Old Violin"]
    desk.catalog.update_artwork(violin.id, {"signature": "monogrammed"}, source="gui")
    gallery.services.catalog.delete_artwork(gallery.ids["violin"], source="gui")
    report = desk.sync.pull("hal")
    assert report.counts.get("conflicts") == 1 and "deleted" not in report.counts
    (conflict,) = desk.sync.conflicts("hal")
    assert conflict.kind == "deleted_remote"
    desk.sync.resolve_conflict(conflict.id, "mine")
    kept = desk.catalog.get_artwork(violin.id)
    assert kept.signature == "monogrammed"
    after = desk.sync.pull("hal")
    assert after.status == "done" and not desk.sync.conflicts("hal")
    assert desk.catalog.get_artwork(violin.id).signature == "monogrammed"


def test_expired_token_is_renewed(
    gallery: Gallery, desk: Services, transport: CountingTransport
) -> None:
    """The server's clock jumps two hours before every next page: the token the desk holds
    expires mid-pull, the remote says 401, and the desk gets a new one and carries on."""
    tokens = gallery.server.app.state.hal.tokens
    offset = [0.0]
    tokens.clock = lambda: time.time() + offset[0]

    jumped: set[str] = set()

    def jump(request: httpx.Request) -> None:
        url = str(request.url)
        # Once per page: not again for the retry with the new token.
        if (
            request.url.path == "/api/artworks"
            and "cursor" in request.url.params
            and (url not in jumped)
        ):
            jumped.add(url)
            offset[0] += 7200

    transport.before = jump
    report = desk.sync.pull("hal")
    assert report.status == "done", report.messages
    assert report.counts["created"] == 4
    posts = [p for m, p in transport.requests if m == "POST"]
    assert len(posts) == 2 and set(posts) == {"/api/tokens/xapp_token"}
    assert transport.statuses.count(401) == 1


def test_wrong_secret_is_one_clear_error(make_desk, gallery: Gallery) -> None:  # noqa: ANN001
    d = make_desk("wrong", partner=False)
    d.sync.add_remote(
        "hal", gallery.root, "artsy", client_id=gallery.client_id, client_secret="ak_live_nope"
    )
    from artdesk.sync.errors import RemoteAuthError

    with pytest.raises(RemoteAuthError, match="refused the client id and secret"):
        d.sync.pull("hal")
    assert d.sync.log("hal")[0].status == "failed"
    assert d.catalog.count_artworks() == 0


def test_cancel_then_resume(gallery: Gallery, desk: Services) -> None:
    cancel = threading.Event()
    seen = []

    def progress(p) -> None:  # noqa: ANN001
        seen.append(p)
        if p.phase == "fetch" and p.done >= 2:
            cancel.set()

    first = desk.sync.pull("hal", progress, cancel)
    assert first.status == "cancelled"
    assert 0 < desk.catalog.count_artworks() < 4
    second = desk.sync.pull("hal")
    assert second.status == "done" and desk.catalog.count_artworks() == 4
    assert len({w.title for w in desk.catalog.list_artworks(limit=100)}) == 4


def test_cli_pull_from_artsy_remote(gallery: Gallery, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from artdesk.cli.main import main

    path = str(tmp_path / "cli.sqlite")
    add = ["remotes", "add", "hal", gallery.root, "--kind", "artsy"]
    creds = ["--client-id", gallery.client_id, "--client-secret", gallery.client_secret]
    assert main(["--catalog", path, *add, *creds]) == 0
    assert gallery.client_secret not in capsys.readouterr().out
    assert main(["--catalog", path, "sync", "hal", "--pull"]) == 0
    assert "pull hal: done (4 created, 2 partners created)" in capsys.readouterr().out
    assert main(["--catalog", path, "sync", "hal", "--pull"]) == 0
    assert "pull hal: done (4 unchanged)" in capsys.readouterr().out
    assert main(["--catalog", path, "sync", "hal", "--push"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "read-only, pull only" in err
