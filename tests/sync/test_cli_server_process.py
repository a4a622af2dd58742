"""The CLI against a separate `artdesk serve --port 0` process: remotes, sync, conflicts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from artdesk.cli.main import main


def _artdesk(env: dict[str, str], *args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "artdesk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture
def served(tmp_path: Path, catalog_path: Path):  # noqa: ANN201
    env = dict(os.environ)
    server_catalog = str(catalog_path)
    _artdesk(env, "--catalog", server_catalog, "partners", "create", "Galerie Nord")
    key = (
        _artdesk(
            env,
            "--catalog",
            server_catalog,
            "keys",
            "create",
            "--partner",
            "galerie-nord",
            "--scope",
            "artworks:read",
            "--scope",
            "artworks:write",
            "--rate-limit",
            "100000",
        )
        .strip()
        .splitlines()[-1]
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "artdesk", "--catalog", server_catalog, "serve", "--port", "0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("listening on http://127.0.0.1:"), proc.stderr.read()
        yield line.removeprefix("listening on "), key
    finally:
        proc.terminate()
        proc.wait(30)


def test_cli_remotes_sync_and_conflicts(served, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    address, key = served
    desk_a, desk_b = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    for desk in (desk_a, desk_b):
        assert main(["--catalog", desk, "partners", "create", "Galerie Nord"]) == 0
        assert (
            main(
                [
                    "--catalog",
                    desk,
                    "remotes",
                    "add",
                    "central",
                    address,
                    "--kind",
                    "artdesk",
                    "--token",
                    key,
                ]
            )
            == 0
        )
    out = capsys.readouterr().out
    assert "secret stored in" in out and key not in out
    from artdesk.services.container import open_services

    a = open_services(f"sqlite:///{desk_a}", tmp_path / "a.files")
    pid = a.catalog.list_partners()[0].id
    w = a.catalog.create_artwork(
        {"title": "Composition in Blue", "creation_year": 2024, "price": 45000, "currency": "EUR"},
        partner_id=pid,
        source="t",
        artists=["Maria Schmidt"],
    )
    for _ in range(2):
        a.catalog.create_artwork(
            {"title": "Untitled", "creation_year": 1969},
            partner_id=pid,
            source="t",
            artists=["Agnes Martin"],
        )
    a.close()
    assert main(["--catalog", desk_a, "sync", "central", "--plan"]) == 0
    out = capsys.readouterr().out
    assert "1 to create" in out and "2 local works share one fingerprint" in out
    assert main(["--catalog", desk_a, "sync", "central", "--yes", "--groups", "each"]) == 0
    out = capsys.readouterr().out
    assert "push central: done (3 created)" in out
    assert main(["--catalog", desk_b, "sync", "central", "--pull"]) == 0
    assert "pull central: done (3 created)" in capsys.readouterr().out
    assert main(["--catalog", desk_a, "sync", "central", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "push central: done in" in out  # nothing to do the second time

    # The same field on two desks -> a conflict on the second; resolve it from the CLI.
    a = open_services(f"sqlite:///{desk_a}", tmp_path / "a.files")
    a.catalog.update_artwork(w.id, {"price": 52000}, source="gui")
    a.close()
    b = open_services(f"sqlite:///{desk_b}", tmp_path / "b.files")
    wb = [x for x in b.catalog.list_artworks() if x.title == "Composition in Blue"][0]
    b.catalog.update_artwork(wb.id, {"price": 50000}, source="gui")
    b.close()
    assert main(["--catalog", desk_a, "sync", "central", "--yes"]) == 0
    assert main(["--catalog", desk_b, "sync", "central", "--yes"]) == 0
    assert "1 open conflict" in capsys.readouterr().out
    assert main(["--catalog", desk_b, "conflicts", "list"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[0]
    assert "price: here 50000, there 52000" in line
    assert main(["--catalog", desk_b, "conflicts", "resolve", line.split()[0], "--theirs"]) == 0
    assert main(["--catalog", desk_b, "conflicts"]) == 0
    assert "no open conflicts" in capsys.readouterr().out
    assert main(["--catalog", desk_b, "remotes", "list"]) == 0
    assert "central\tartdesk" in capsys.readouterr().out
    assert main(["--catalog", desk_b, "remotes", "remove", "central"]) == 0
