"""Schemathesis against /v1/openapi.json on a real server: no 5xx, no answer outside the schema.

A quick profile runs in the normal suite; ARTDESK_LONG_FUZZ=1 runs a longer one as well.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.config import SchemathesisConfig

from artdesk.api.server import ApiServer
from artdesk.services.keys import SCOPES

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
QUICK_EXAMPLES = 12  # per operation and generation mode: about 150 cases in all
LONG_EXAMPLES = 300
LONG = os.environ.get("ARTDESK_LONG_FUZZ") == "1"


@pytest.fixture
def fuzz_target(services):  # noqa: ANN001, ANN201
    """A served catalog with some artworks of the key's entity and of another one."""
    cat = services.catalog
    mine = cat.create_partner("Galerie Nord")
    theirs = cat.create_partner("Kunsthaus Süd")
    for i in range(6):
        cat.create_artwork(
            {"title": f"Work {i}", "price": i * 100, "currency": "EUR"},
            partner_id=mine.id if i % 2 else theirs.id,
            source="test",
            artists=[f"Artist {i % 3}"],
        )
    secret = services.keys.create(mine.id, list(SCOPES), rate_limit_per_minute=1_000_000).secret
    server = ApiServer(services).start()
    try:
        yield server, {"Authorization": f"Bearer {secret}"}
    finally:
        server.stop()


@pytest.fixture
def api_schema(fuzz_target):  # noqa: ANN001, ANN201
    server, _ = fuzz_target
    # The quick profile skips the coverage phase (hundreds of boundary cases per operation);
    # the long one runs every phase.
    config = SchemathesisConfig.from_dict(
        {} if LONG else {"phases": {"coverage": {"enabled": False}}}
    )
    return schemathesis.openapi.from_url(f"{server.address}/v1/openapi.json", config=config)


@pytest.fixture
def fuzz_headers(fuzz_target):  # noqa: ANN001, ANN201
    return fuzz_target[1]


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=QUICK_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_v1_quick_fuzz(case, fuzz_headers):  # noqa: ANN001
    case.call_and_validate(headers=fuzz_headers, checks=CHECKS, timeout=30)


@pytest.mark.slow
@pytest.mark.skipif(not LONG, reason="the long fuzz profile runs with ARTDESK_LONG_FUZZ=1")
@schema.parametrize()
@settings(max_examples=LONG_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_v1_long_fuzz(case, fuzz_headers):  # noqa: ANN001
    case.call_and_validate(headers=fuzz_headers, checks=CHECKS, timeout=30)
