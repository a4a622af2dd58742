"""`artdesk demo`: where the demo goes, reuse and --force, refusal of real catalogs, what runs next."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from artdesk.cli.main import main


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


def test_demo_never_writes_into_a_real_catalog(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
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


def test_without_a_display_the_api_server_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import artdesk.cli.server_cmds as server_cmds

    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    calls = []

    def fake_serve(args, ctx):  # noqa: ANN001, ANN202
        calls.append((args.port, args.host, ctx.settings.catalog_path, ctx.services().catalog.count_artworks()))
        return 0

    monkeypatch.setattr(server_cmds, "run_serve", fake_serve)
    assert main(["demo", "--artworks", "15", "--port", "0"]) == 0
    assert calls == [(0, None, data_dir() / "demo.sqlite", 15)]


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
