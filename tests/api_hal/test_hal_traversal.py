"""A HAL client that knows only the root: every URL it requests comes from a link or from
rendering a link template (RFC 6570), never from string building. Run in-process and against a
real server thread on 127.0.0.1 (port 0)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import httpx

TEMPLATE = re.compile(r"\{([?&]?)([^}]+)\}")


def expand(template: str, **values: Any) -> str:
    """RFC 6570 simple (``{id}``) and form-style query (``{?a,b}``) expansion."""

    def one(m: re.Match[str]) -> str:
        op, names = m.group(1), m.group(2).split(",")
        if not op:
            return ",".join(quote(str(values[n]), safe="") for n in names if n in values)
        pairs = [f"{n}={quote(str(values[n]), safe='')}" for n in names if n in values]
        if not pairs:
            return ""
        return ("?" if op == "?" else "&") + "&".join(pairs)

    return TEMPLATE.sub(one, template)


def test_expand_follows_rfc_6570() -> None:
    assert expand("/a{?x,y}", y="1 2") == "/a?y=1%202"
    assert expand("/a{?x,y}") == "/a"
    assert expand("/a/{id}", id="7") == "/a/7"


def traverse(http: httpx.Client | Any, root_url: str, client_id: str, secret: str) -> dict:
    """Walk the API as a client would; returns what it saw."""
    root = http.get(root_url)
    assert root.status_code == 200
    assert root.headers["content-type"].startswith("application/hal+json")
    links = root.json()["_links"]
    for plural in ("artworks", "artists", "partners", "genes", "shows"):
        assert links[plural]["templated"] is True and "{?" in links[plural]["href"]
    for singular in ("artwork", "artist", "partner", "gene", "show"):
        assert links[singular]["href"].endswith("/{id}")

    token_url = expand(links["xapp_token"]["href"], client_id=client_id, client_secret=secret)
    issued = http.post(token_url)
    assert issued.status_code == 201, issued.text
    assert issued.json()["type"] == "xapp_token"
    headers = {"X-XAPP-Token": issued.json()["token"], "Accept": "application/vnd.artsy-v2+json"}

    seen: list[str] = []
    url: str | None = expand(links["artworks"]["href"], size=2)
    pages = 0
    while url is not None:
        page = http.get(url, headers=headers)
        assert page.status_code == 200, page.text
        body = page.json()
        seen += [a["id"] for a in body["_embedded"]["artworks"]]
        url = body["_links"].get("next", {}).get("href")
        pages += 1
        assert pages < 100

    first = http.get(expand(links["artwork"]["href"], id=seen[0]), headers=headers)
    assert first.status_code == 200
    artwork = first.json()
    assert artwork["id"] == seen[0]
    partner = http.get(artwork["_links"]["partner"]["href"], headers=headers)
    artists = http.get(artwork["_links"]["artists"]["href"], headers=headers)
    similar = http.get(artwork["_links"]["similar_artworks"]["href"], headers=headers)
    genes = http.get(artwork["_links"]["genes"]["href"], headers=headers)
    for r in (partner, artists, similar, genes):
        assert r.status_code == 200, r.text
    shows = http.get(partner.json()["_links"]["shows"]["href"], headers=headers)
    partner_works = http.get(partner.json()["_links"]["artworks"]["href"], headers=headers)
    assert shows.status_code == 200 and partner_works.status_code == 200
    image = http.get(artwork["_links"]["thumbnail"]["href"])
    return {
        "seen": seen,
        "pages": pages,
        "artwork": artwork,
        "partner": partner.json(),
        "artists": artists.json()["_embedded"]["artists"],
        "similar": similar.json()["_embedded"]["artworks"],
        "similar_links": similar.json()["_links"],
        "image": image,
    }


def _expected_ids(services, partner_id: int) -> list[str]:  # noqa: ANN001
    from artdesk.services.catalog import ArtworkQuery

    works = services.catalog.list_artworks(
        ArtworkQuery(visible_to_partner_id=partner_id), limit=10_000
    )
    return sorted((str(w.id) for w in works), key=int)


def _check(result: dict, services, records) -> None:  # noqa: ANN001
    expected = _expected_ids(services, records.partner_id)
    assert result["seen"] == expected  # every visible artwork, once, in id order
    assert str(records.other_unpublished_id) not in result["seen"]
    assert result["pages"] == (len(expected) + 1) // 2
    assert result["partner"]["id"] == str(records.partner_id)
    assert [a["name"] for a in result["artists"]] == ["William Michael Harnett"]
    similar_ids = {a["id"] for a in result["similar"]}
    assert result["artwork"]["id"] not in similar_ids
    assert str(records.other_unpublished_id) not in similar_ids
    assert "next" not in result["similar_links"]  # similar artworks are not paginated
    assert result["image"].status_code == 200
    assert result["image"].headers["content-type"] == "image/jpeg"


def test_traversal_in_process(client, services, records, new_key) -> None:  # noqa: ANN001
    key = new_key(records.partner_id)
    result = traverse(client, "/api", key.key.prefix, key.secret)
    _check(result, services, records)


def test_traversal_against_a_real_server(live, services, records, new_key) -> None:  # noqa: ANN001
    key = new_key(records.partner_id)
    with httpx.Client(timeout=30) as http:
        result = traverse(http, f"{live.address}/api", key.key.prefix, key.secret)
    _check(result, services, records)
    # Links are absolute and name the server that answered.
    assert result["artwork"]["_links"]["self"]["href"].startswith(f"{live.address}/api/")
