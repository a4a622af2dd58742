"""Build the PyInstaller bundle once (packaging/build.py into a temporary folder) and run it.

The built executable, not the source tree, must answer `--version`, serve the API on a new
catalog (which runs the bundled Alembic migrations) and start the desktop app offscreen and quit
cleanly.  The build uses the PyInstaller installed in this environment; nothing is downloaded.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO / "packaging" / "build.py"
BUILD_TIMEOUT_S = 900  # about 3-5 minutes on 2 idle cores; generous for a loaded CI machine
EXE_NAME = "artdesk.exe" if sys.platform == "win32" else "artdesk"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle, built once for this module."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: pip install -e '.[test]' (or '.[build]')")
    root = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            str(BUILD_SCRIPT),
            "--dist",
            str(root / "dist"),
            "--work",
            str(root / "work"),
            "--quiet",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr[-6000:]}"
    folder = root / "dist" / "artdesk"
    assert (folder / EXE_NAME).is_file(), result.stdout
    print(f"\nbundle built in {time.monotonic() - started:.0f} s: {result.stdout.strip()}")
    return folder


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["ARTDESK_DATA_DIR"] = str(tmp_path / "data")
    env.update(extra)
    return env


def _lines(stream) -> queue.Queue[str | None]:  # noqa: ANN001 - a text pipe
    """Read a pipe on a thread so that waiting for a line can time out."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _start(args: list[str], tmp_path: Path, **env: str) -> tuple[subprocess.Popen[str], Path]:
    """Start the bundled program; stdout is a pipe, stderr goes to a file (returned)."""
    stderr = tmp_path / "stderr.txt"
    with stderr.open("w") as err:
        proc = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=err, text=True, env=_env(tmp_path, **env)
        )
    return proc, stderr


def _stop(
    proc: subprocess.Popen[str], stderr: Path, signum: int, timeout: float = 60
) -> tuple[int, str]:
    proc.send_signal(signum)
    try:
        code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail(f"the bundled artdesk did not stop within {timeout} s after signal {signum}")
    return code, stderr.read_text()


def test_bundle_contents(bundle: Path) -> None:
    internal = bundle / "_internal"
    files = {p.relative_to(internal).as_posix() for p in internal.rglob("*") if p.is_file()}
    # What the app reads at run time.
    assert "resources/icons/artdesk.svg" in files
    assert "resources/styles/light.qss" in files and "resources/styles/dark.qss" in files
    assert "artdesk/db/migrations/env.py" in files
    assert "artdesk/db/migrations/script.py.mako" in files
    shipped = sorted((REPO / "artdesk" / "db" / "migrations" / "versions").glob("*.py"))
    assert shipped
    for migration in shipped:
        assert f"artdesk/db/migrations/versions/{migration.name}" in files
    plugins = "PySide6/Qt/plugins"
    if sys.platform.startswith("linux"):
        for wanted in (
            "platforms/libqoffscreen.so",
            "platforms/libqxcb.so",
            "platforms/libqwayland.so",
            "imageformats/libqjpeg.so",
            "imageformats/libqsvg.so",
        ):
            assert f"{plugins}/{wanted}" in files, wanted
    assert not any(f.startswith(f"{plugins}/platforms/libqvnc") for f in files)
    # What it leaves out.
    for unwanted in (
        "tkinter",
        "_tkinter",
        "matplotlib",
        "IPython",
        "pytest",
        "_pytest",
        "hypothesis",
        "schemathesis",
        "QtWebEngine",
        "Qt3D",
        "QtQuick",
        "QtQml",
        "Qt6Pdf",
    ):
        assert not any(unwanted in f for f in files), unwanted
    # PyInstaller links shared libraries into _internal/ with symbolic links: count them once.
    real = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in real)
    print(f"\nbundle size: {size / 2**20:.0f} MiB in {len(real)} files")
    assert size < 400 * 2**20


def test_version_answers_the_package_version(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(bundle / EXE_NAME), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"artdesk {importlib.metadata.version('artdesk')}"


def test_serve_on_a_new_catalog_answers_openapi_and_stops_cleanly(
    bundle: Path, tmp_path: Path
) -> None:
    catalog = tmp_path / "new.sqlite"
    proc, stderr = _start(
        [str(bundle / EXE_NAME), "--catalog", str(catalog), "serve", "--port", "0"], tmp_path
    )
    try:
        lines = _lines(proc.stdout)
        try:
            line = lines.get(timeout=120)
        except queue.Empty:
            pytest.fail("no 'listening on' line within 120 s")
        assert line is not None, f"stdout closed: {stderr.read_text()}"
        assert line.startswith("listening on http://127.0.0.1:"), line
        base = line.split("listening on ", 1)[1].strip()
        assert int(base.rsplit(":", 1)[1]) > 0

        response = httpx.get(f"{base}/v1/openapi.json", timeout=30)
        assert response.status_code == 200
        spec = response.json()
        assert spec["openapi"].startswith("3.")
        assert any(path.startswith("/v1/artworks") for path in spec["paths"])
        assert httpx.get(f"{base}/docs", timeout=30).status_code == 200  # bundled Swagger UI
        assert httpx.get(f"{base}/docs/assets/swagger-ui-bundle.js", timeout=30).status_code == 200
        assert httpx.get(f"{base}/v1/artworks", timeout=30).status_code == 401  # needs a key
    finally:
        if proc.poll() is None:
            code, err = _stop(
                proc, stderr, signal.SIGINT if sys.platform != "win32" else signal.CTRL_C_EVENT
            )
        else:
            code, err = proc.returncode, stderr.read_text()
    assert code == 0, err
    assert "Traceback" not in err and "unexpected error" not in err, err

    # The bundled migrations created the catalog at the head revision.
    from artdesk.db.migrate import head_revision

    with sqlite3.connect(catalog) as conn:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert revision == head_revision()
    assert {"artworks", "artists", "partners"} <= tables


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signal")
def test_serve_stops_cleanly_on_sigterm(bundle: Path, tmp_path: Path) -> None:
    proc, stderr = _start(
        [str(bundle / EXE_NAME), "--catalog", str(tmp_path / "c.sqlite"), "serve", "--port", "0"],
        tmp_path,
    )
    lines = _lines(proc.stdout)
    try:
        line = lines.get(timeout=120)
    except queue.Empty:
        proc.kill()
        pytest.fail("no 'listening on' line within 120 s")
    assert line is not None and line.startswith("listening on "), stderr.read_text()
    code, err = _stop(proc, stderr, signal.SIGTERM)
    assert code == 0, err


def test_gui_starts_offscreen_and_quits_when_asked(bundle: Path, tmp_path: Path) -> None:
    catalog = tmp_path / "gui.sqlite"
    started = time.monotonic()
    result = subprocess.run(
        [str(bundle / EXE_NAME), "--catalog", str(catalog), "gui", "--quit-after", "4"],
        capture_output=True,
        text=True,
        timeout=180,
        env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 0, result.stderr
    assert "unexpected error" not in result.stderr, result.stderr
    assert time.monotonic() - started >= 4  # it ran until asked, it did not fall over early
    assert catalog.exists()  # the app opened (and created) its catalog


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signal")
def test_gui_quits_cleanly_on_sigterm(bundle: Path, tmp_path: Path) -> None:
    catalog = tmp_path / "gui.sqlite"
    proc, stderr = _start(
        [str(bundle / EXE_NAME), "--catalog", str(catalog), "gui"],
        tmp_path,
        QT_QPA_PLATFORM="offscreen",
    )
    deadline = time.monotonic() + 120
    while not catalog.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert proc.poll() is None, stderr.read_text()
    assert catalog.exists(), "the app did not open its catalog within 120 s"
    time.sleep(2)  # let the window come up
    assert proc.poll() is None, stderr.read_text()
    code, err = _stop(proc, stderr, signal.SIGTERM)
    assert code == 0, err
    assert "unexpected error" not in err, err
