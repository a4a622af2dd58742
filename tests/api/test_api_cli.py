"""`artdesk keys create|list|revoke` and `artdesk serve` as a user runs them."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
from cli_server import artdesk, create_key, serve

from artdesk.cli.main import main
from artdesk.services.container import open_services


def _partner(catalog: Path, tmp_path: Path, name: str = "Galerie Nord") -> None:
    services = open_services(f"sqlite:///{catalog}", tmp_path / "files")
    services.catalog.create_partner(name)
    services.close()


def run(capsys, catalog: Path, *args: str) -> subprocess.CompletedProcess[str]:  # noqa: ANN001
    """`artdesk ARGS` in this process (the same entry point, without a Python start-up)."""
    code = main(["--catalog", str(catalog), *args])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


def test_keys_create_list_revoke(catalog_path: Path, tmp_path: Path, capsys):
    _partner(catalog_path, tmp_path)
    done = run(
        capsys,
        catalog_path,
        "keys",
        "create",
        "--partner",
        "galerie-nord",
        "--scope",
        "artworks:read",
        "--scope",
        "artworks:write",
        "--label",
        "website sync",
        "--rate-limit",
        "90",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    secret = lines[-1]
    assert re.fullmatch(r"ak_live_[A-Za-z0-9_-]{32,}", secret)
    assert done.stdout.count(secret) == 1
    prefix = secret[:16]
    listed = run(capsys, catalog_path, "keys", "list")
    assert listed.returncode == 0
    assert prefix in listed.stdout and secret not in listed.stdout
    assert "website sync" in listed.stdout and "90" in listed.stdout and "active" in listed.stdout
    # Only a salted hash and the prefix are stored.
    raw = b"".join(p.read_bytes() for p in catalog_path.parent.glob(catalog_path.name + "*"))
    assert secret.encode() not in raw
    revoked = run(capsys, catalog_path, "keys", "revoke", prefix)
    assert revoked.returncode == 0 and prefix in revoked.stdout
    assert "revoked" in run(capsys, catalog_path, "keys", "list").stdout
    assert prefix not in run(capsys, catalog_path, "keys", "list", "--active").stdout


def test_keys_errors_are_one_line(catalog_path: Path, tmp_path: Path, capsys):
    _partner(catalog_path, tmp_path)
    bad_scope = run(
        capsys,
        catalog_path,
        "keys",
        "create",
        "--partner",
        "galerie-nord",
        "--scope",
        "artworks:delete",
    )
    assert bad_scope.returncode == 2 and "unknown scope" in bad_scope.stderr
    assert "Traceback" not in bad_scope.stderr
    no_partner = run(
        capsys, catalog_path, "keys", "create", "--partner", "nobody", "--scope", "artworks:read"
    )
    assert no_partner.returncode == 2 and "nobody" in no_partner.stderr
    no_key = run(capsys, catalog_path, "keys", "revoke", "ak_live_zzzz")
    assert no_key.returncode == 2 and "no key" in no_key.stderr


def test_serve_prints_one_line_and_a_revoked_key_stops_working(catalog_path: Path, tmp_path: Path):
    _partner(catalog_path, tmp_path)
    key = create_key(catalog_path, "galerie-nord", "artworks:read")
    with serve(catalog_path) as address:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", address)
        h = {"Authorization": f"Bearer {key}"}
        assert httpx.get(f"{address}/v1/artworks", headers=h).status_code == 200
        assert artdesk(catalog_path, "keys", "revoke", key[:16]).returncode == 0
        assert httpx.get(f"{address}/v1/artworks", headers=h).status_code == 401


def test_serve_refuses_remote_hosts_without_the_flag(catalog_path: Path, capsys):
    done = run(capsys, catalog_path, "serve", "--host", "0.0.0.0", "--port", "0")
    assert done.returncode == 2 and "--allow-remote" in done.stderr and done.stdout == ""


def test_serve_allow_remote_warns_and_stops_on_sigterm(catalog_path: Path):
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "artdesk",
            "--catalog",
            str(catalog_path),
            "serve",
            "--host",
            "0.0.0.0",
            "--port",
            "0",
            "--allow-remote",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline().strip()
        assert re.fullmatch(r"listening on http://0\.0\.0\.0:\d+", line), line
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert "warning" in err and out == ""
