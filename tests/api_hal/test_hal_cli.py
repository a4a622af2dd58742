"""`artdesk keys create` prints what a HAL client needs: the client id (and the key itself)."""

from __future__ import annotations

import re
from pathlib import Path

from artdesk.cli.main import main
from artdesk.services.container import open_services


def test_keys_create_prints_the_hal_client_id(catalog_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    services = open_services(f"sqlite:///{catalog_path}", tmp_path / "files")
    services.catalog.create_partner("Galerie Nord")
    services.close()
    code = main(
        [
            "--catalog",
            str(catalog_path),
            "keys",
            "create",
            "--partner",
            "galerie-nord",
            "--scope",
            "artworks:read",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    secret = out.strip().splitlines()[-1]
    client_id = re.search(r"client_id: (\S+)", out).group(1)
    assert secret.startswith(client_id) and out.count(secret) == 1

    from fastapi.testclient import TestClient

    from artdesk.api.app import create_app

    services = open_services(f"sqlite:///{catalog_path}", tmp_path / "files")
    try:
        with TestClient(create_app(services)) as client:
            r = client.post(
                "/api/tokens/xapp_token", data={"client_id": client_id, "client_secret": secret}
            )
            assert r.status_code == 201
            works = client.get("/api/artworks", headers={"X-Xapp-Token": r.json()["token"]})
            assert works.status_code == 200 and works.json()["_embedded"] == {"artworks": []}
    finally:
        services.close()
