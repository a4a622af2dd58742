"""The `artdesk` command as a user runs it: a real process, real files, one-line errors."""

import json
import os
import subprocess
import sys

from tests.conftest import shared_data


def artdesk(*args, catalog=None, env=None, timeout=120):
    cmd = [sys.executable, "-m", "artdesk"]
    if catalog is not None:
        cmd += ["--catalog", str(catalog)]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, timeout=timeout, env=full_env
    )


def test_version():
    from artdesk import __version__

    proc = artdesk("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"artdesk {__version__}"
    assert __version__ != "0.0.0+unknown"


def test_fingerprint_prints_parts_then_digest():
    proc = artdesk("fingerprint", "Maria Schmidt", "Composition in Blue", "2024")
    assert proc.stdout.splitlines() == [
        "maria-schmidt",
        "composition-in-blue",
        "2024",
        __import__("hashlib").sha256(b"maria-schmidt|composition-in-blue|2024").hexdigest(),
    ]
    no_year = artdesk("fingerprint", "Zoë", "?")
    assert no_year.stdout.splitlines()[:3] == ["zoe", "", ""]


def test_partners_import_export_db(tmp_path):
    cat = tmp_path / "desk.sqlite"
    assert (
        artdesk("partners", "create", "Galerie Nord", "--type", "gallery", catalog=cat).returncode
        == 0
    )
    listed = json.loads(artdesk("partners", "list", "--json", catalog=cat).stdout)
    assert [p["slug"] for p in listed] == ["galerie-nord"]
    src = tmp_path / "works.csv"
    src.write_text(
        "title,artist_name,price,currency\nA,Zoë,10,EUR\n,nobody,1,EUR\n", encoding="utf-8"
    )
    proc = artdesk("import", str(src), "--partner", "galerie-nord", catalog=cat)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "created 1, updated 0, unchanged 0, rejected 1"
    assert "report:" in proc.stderr
    out = tmp_path / "out.json"
    assert artdesk("export", "-o", str(out), catalog=cat).returncode == 0
    assert [r["title"] for r in json.loads(out.read_text(encoding="utf-8"))] == ["A"]
    check = artdesk("db", "check", catalog=cat)
    assert check.returncode == 0 and check.stdout.startswith("ok:")
    backup = artdesk("db", "backup", catalog=cat)
    assert backup.returncode == 0 and os.path.exists(backup.stdout.strip())


def test_errors_are_one_line_without_traceback(tmp_path):
    cat = tmp_path / "desk.sqlite"
    bad = tmp_path / "cut.csv.gz"
    bad.write_bytes(shared_data("tate_artworks.csv.gz").read_bytes()[:20000])
    for args in (
        ["import", str(bad), "--preset", "tate"],
        ["import", str(tmp_path / "missing.csv")],
        ["fingerprint", "A", "B", "not-a-year"],
        ["import", str(bad), "--partner", "nobody"],
    ):
        proc = artdesk(*args, catalog=cat)
        assert proc.returncode != 0
        assert "Traceback" not in proc.stderr
        lines = [x for x in proc.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and lines[0].startswith("artdesk: "), proc.stderr


def test_environment_variable_picks_the_catalog(tmp_path):
    cat = tmp_path / "env.sqlite"
    proc = artdesk("partners", "create", "Env Gallery", env={"ARTDESK_CATALOG": str(cat)})
    assert proc.returncode == 0 and cat.exists()


def test_gui_without_display_says_what_to_do(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    proc = subprocess.run(
        [sys.executable, "-m", "artdesk", "--catalog", str(tmp_path / "c.sqlite")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert proc.returncode != 0
    assert proc.stderr.strip().splitlines() == [
        "artdesk: no display to open the desktop app on: use `artdesk serve` for the API server, "
        "or set QT_QPA_PLATFORM=offscreen"
    ]


def test_similar_and_duplicates(tmp_path):
    cat = tmp_path / "s.sqlite"
    src = tmp_path / "w.csv"
    src.write_text(
        "title,artist_name,medium,date_text\n"
        "Harbour at Dusk,Ann Lee,Oil on canvas,1901\n"
        "Harbour at Dawn,Ann Lee,Oil on canvas,1902\n"
        "Portrait of a Lady,Bob Roe,Charcoal on paper,1950\n"
        "Harbor at Dusk,Ann Lee,Oil on canvas,1901\n",
        encoding="utf-8",
    )
    assert artdesk("partners", "create", "G", catalog=cat).returncode == 0
    assert artdesk("import", str(src), catalog=cat).returncode == 0
    proc = artdesk("similar", "1", "-k", "2", "--json", catalog=cat)
    assert proc.returncode == 0, proc.stderr
    ids = [n["id"] for n in json.loads(proc.stdout)]
    assert 3 not in ids and len(ids) == 2
    groups = json.loads(artdesk("duplicates", "--json", catalog=cat).stdout)
    assert any(set(g["ids"]) == {1, 4} for g in groups)
    missing = artdesk("similar", "999", catalog=cat)
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
