"""Every curl example of Artland's seed page, verbatim, against `artdesk serve --port 0`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from cli_server import create_key, serve

from artdesk.services.container import open_services

SEED = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "reference"
    / "seeds"
    / "artland-artworks-api.txt"
)
ARTLAND = "https://api.artland.com"


def seed_examples(text: str) -> list[dict]:
    """[{method, url, headers, body, status, expected}] from the page's curl examples."""
    examples = []
    starts = [m.start() for m in re.finditer(r"curl ", text)]
    for start in starts:
        marker = re.compile(r"Response \((\d{3})\):").search(text, start)
        assert marker, "every example is followed by its response"
        command = text[start : marker.start()]
        method = re.search(r"-X (\w+)", command)
        url = re.search(r"(https?://\S+)", command).group(1)
        headers = {}
        for raw in re.findall(r'-H "([^"*\n]+)', command):
            name, _, value = raw.partition(":")
            headers[name.strip()] = value.strip()
        data = re.search(r"-d '(.*?)'", command, re.S)
        brace = text.index("{", marker.end())
        expected, _ = json.JSONDecoder().raw_decode(text, brace)
        examples.append(
            {
                "method": method.group(1) if method else "GET",
                "url": url,
                "headers": headers,
                "body": data.group(1) if data else None,
                "status": int(marker.group(1)),
                "expected": expected,
            }
        )
    return examples


def test_seed_parses_into_four_examples():
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent: the shared reference lives beside the project checkout")
    examples = seed_examples(SEED.read_text(encoding="utf-8"))
    assert [(e["method"], e["status"]) for e in examples] == [
        ("POST", 201),
        ("GET", 200),
        ("GET", 200),
        ("PUT", 200),
    ]


def _same_shape(expected, actual, created_id: int, path: str = "") -> None:  # noqa: ANN001
    """Every field of the seed's response is in ours with the same value (ids mapped, the
    seed's made-up fingerprint and total only typed)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        for key, value in expected.items():
            assert key in actual, f"{path}.{key} missing"
            if key == "id":
                assert actual[key] == created_id, path
            elif key == "source_fingerprint":
                assert re.fullmatch(r"[0-9a-f]{64}", actual[key])
            elif key == "total":
                assert isinstance(actual[key], int) and actual[key] >= 1
            else:
                _same_shape(value, actual[key], created_id, f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) >= len(expected), path
        for e, a in zip(expected, actual, strict=False):
            _same_shape(e, a, created_id, path + "[]")
    else:
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"


def test_every_seed_example_works_verbatim_against_artdesk_serve(
    catalog_path: Path, tmp_path: Path
):
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent: the shared reference lives beside the project checkout")
    examples = seed_examples(SEED.read_text(encoding="utf-8"))
    services = open_services(f"sqlite:///{catalog_path}", tmp_path / "files")
    services.catalog.create_partner("Galerie Nord")
    services.close()
    key = create_key(catalog_path, "galerie-nord", "artworks:read", "artworks:write")
    assert re.fullmatch(r"ak_live_[A-Za-z0-9_-]{32,}", key)
    created_id = None
    with serve(catalog_path) as address, httpx.Client() as http:
        for ex in examples:
            url = ex["url"].replace(ARTLAND, address)
            if created_id is not None:
                url = url.replace("/v1/artworks/123", f"/v1/artworks/{created_id}")
            headers = {
                name: (f"Bearer {key}" if name == "Authorization" else value)
                for name, value in ex["headers"].items()
            }
            r = http.request(ex["method"], url, headers=headers, content=ex["body"])
            assert r.status_code == ex["status"], (ex["method"], url, r.text)
            actual = r.json()
            if created_id is None:
                created_id = actual["id"]
                assert actual["created"] is True
            if ex["method"] == "PUT":  # "id, title and the fields sent": exactly those
                assert set(actual) == set(ex["expected"])
            _same_shape(ex["expected"], actual, created_id)
        # The POST again: the same fingerprint updates the artwork (created false).
        post = examples[0]
        r = http.post(
            post["url"].replace(ARTLAND, address),
            headers={**post["headers"], "Authorization": f"Bearer {key}"},
            content=post["body"],
        )
        assert (
            r.status_code == 201 and r.json()["created"] is False and r.json()["id"] == created_id
        )
