"""`artdesk demo`: where the demo goes, reuse and --force, refusal of real catalogs, what runs next."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from artdesk.cli.main import main

STARTUP_S = 120  # building a small demo and starting the server; generous for a loaded machine


def data_dir() -> Path:
    return Path(os.environ["ARTDESK_DATA_DIR"])


def test_demo_is_created_then_reused_then_rebuilt(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--artworks", "40", "--no-open"]) == 0
    out = capsys.readouterr().out
    path = data_dir() / "demo.sqlite"
    assert f"demo catalog: {path}" in out and "40 artworks by" in out
    assert path.is_file() and any((data_dir() / "demo.files" / "images").rglob("*.jpg"))
    assert not (data_dir() / "catalog.sqlite").exists()  # the user's own catalog is untouched

    assert main(["demo", "--artworks", "40", "--no-open"]) == 0
    assert "(kept; --force builds it again)" in capsys.readouterr().out

    assert main(["demo", "--artworks", "25", "--seed", "9", "--no-open", "--force"]) == 0
    out = capsys.readouterr().out
    assert "25 artworks by" in out and "seed 9" in out


def test_demo_never_writes_into_a_real_catalog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from artdesk.services.container import open_services

    real = tmp_path / "real.sqlite"
    svc = open_services(f"sqlite:///{real}", tmp_path / "real.files")
    partner = svc.catalog.create_partner("Real Gallery")
    svc.catalog.create_artwork({"title": "Mine"}, partner_id=partner.id, source="test")
    svc.close()
    assert main(["--catalog", str(real), "demo", "--artworks", "20", "--no-open", "--force"]) == 2
    err = capsys.readouterr().err
    assert "not a demo" in err and "Traceback" not in err
    svc = open_services(f"sqlite:///{real}", tmp_path / "real.files")
    assert svc.catalog.count_artworks() == 1
    svc.close()


def test_bad_count_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--artworks", "0", "--no-open"]) == 2
    assert capsys.readouterr().err.strip() == "artdesk: --artworks must be from 1 to 200,000"


NO_DISPLAY_NOTE = (
    "artdesk: no display to open the desktop app on, so the demo's API server runs instead; "
    "for the window, run with a display or set QT_QPA_PLATFORM=offscreen"
)


def test_without_a_display_it_says_so_and_serves_the_api(tmp_path: Path) -> None:
    """A real `artdesk demo` with no display: before serving, one line on stderr says what runs
    instead and how to get the window; then the API answers on 127.0.0.1 until SIGTERM."""
    catalog = tmp_path / "fresh-demo.sqlite"
    hidden = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    env = {k: v for k, v in os.environ.items() if k not in hidden} | {"PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "artdesk", "--catalog", str(catalog), "demo", "--artworks", "15"]
    stderr_path = tmp_path / "stderr.txt"

    def notes() -> list[str]:  # stderr without the build's progress lines
        text = stderr_path.read_text(encoding="utf-8")
        return [x for x in text.splitlines() if not x.startswith("building the demo: ")]

    with stderr_path.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen(
            [*cmd, "--port", "0"], stdout=subprocess.PIPE, stderr=err, text=True, env=env
        )
    lines: queue.Queue[str | None] = queue.Queue()

    def read_stdout() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    reader = threading.Thread(target=read_stdout, daemon=True)
    reader.start()
    out: list[str] = []
    try:
        while not (out and out[-1].startswith("listening on ")):
            try:
                line = lines.get(timeout=STARTUP_S)
            except queue.Empty:
                pytest.fail(f"no 'listening on' line within {STARTUP_S} s: {out} {notes()}")
            assert line is not None, f"stdout closed before serving: {out} {notes()}"
            out.append(line)
        assert notes() == [NO_DISPLAY_NOTE]  # said before the server started, and only that
        assert f"demo catalog: {catalog}" in out and any("15 artworks by" in x for x in out)
        base = out[-1].removeprefix("listening on ")
        assert base.startswith("http://127.0.0.1:") and int(base.rsplit(":", 1)[1]) > 0
        assert httpx.get(f"{base}/v1/openapi.json", timeout=30).status_code == 200
        assert httpx.get(f"{base}/v1/artworks", timeout=30).status_code == 401  # needs a key
    finally:
        if proc.poll() is None:
            proc.terminate()
        try:
            proc.wait(timeout=STARTUP_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=10)
    assert proc.returncode == 0, notes()
    assert notes() == [NO_DISPLAY_NOTE]


def test_with_a_display_the_desktop_app_opens_on_the_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    import artdesk.app

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    seen = []

    def fake_desktop(ctx) -> int:  # noqa: ANN001
        # the app reopens the catalog it remembers unless one is named: the demo must win
        remembering = getattr(artdesk.app, "_desktop_settings", None)
        settings = remembering(ctx, "/elsewhere/last.sqlite") if remembering else ctx.settings
        seen.append(settings.catalog_path)
        return 0

    monkeypatch.setattr(artdesk.app, "run_desktop", fake_desktop, raising=False)
    assert main(["demo", "--artworks", "10"]) == 0
    assert seen == [data_dir() / "demo.sqlite"]


def test_an_interrupted_demo_is_built_again(capsys: pytest.CaptureFixture[str]) -> None:
    from artdesk.services.container import open_services
    from artdesk.services.demo import build_demo_catalog, demo_marker

    path = data_dir() / "demo.sqlite"
    svc = open_services(f"sqlite:///{path}", data_dir() / "demo.files")

    def stop(stage: str, done: int, total: int) -> None:
        if stage == "images":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_demo_catalog(svc, artworks=30, progress=stop, workers=0)
    assert svc.catalog.count_artworks() == 30
    assert demo_marker(svc)["complete"] is False
    svc.close()

    assert main(["demo", "--artworks", "20", "--no-open"]) == 0
    captured = capsys.readouterr()
    assert "left unfinished; building it again" in captured.err
    assert "20 artworks by" in captured.out
    svc = open_services(f"sqlite:///{path}", data_dir() / "demo.files")
    assert svc.catalog.count_artworks() == 20 and demo_marker(svc)["complete"] is True
    svc.close()
