"""Screenshots of the real desktop app on a demo catalog, for reviewers and the README.

    python packaging/screenshots.py OUT_DIR [--artworks N] [--theme light|dark]

Without a display the script runs itself again under a virtual one (``xvfb-run``; install it
with ``apt-get install -y xvfb``). It builds a demo catalog in a temporary folder (generated
works with pictures), starts the window with the embedded API server on a free port, and saves
``main-window.png``, ``editor.png``, ``import-dialog.png`` and the sync dialog (``sync-plan.png``,
``sync-conflicts.png``, against a second demo catalog served on 127.0.0.1) into OUT_DIR.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"


def _under_virtual_display(argv: list[str]) -> int:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        sys.exit(
            "no display and no xvfb-run: install it (apt-get install -y xvfb) or run under a display"
        )
    env = dict(os.environ, ARTDESK_SCREENSHOTS_CHILD="1")
    env.pop("QT_QPA_PLATFORM", None)
    cmd = [xvfb, "-a", "-s", "-screen 0 1680x1050x24", sys.executable, __file__, *argv]
    return subprocess.call(cmd, env=env)


def _wait(app, cond, timeout: float = 60.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def _settle(app, seconds: float = 0.6) -> None:  # noqa: ANN001
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _sample_csv(folder: Path) -> Path:
    """A small import file: the first rows of the shared Tate data, else a few typed rows."""
    out = folder / "tate-sample.csv"
    source = SHARED / "tate_artworks.csv.gz"
    if source.exists():
        import gzip

        with gzip.open(source, "rt", encoding="utf-8", newline="") as fh:
            lines = [next(fh) for _ in range(40)]
        out.write_text("".join(lines), encoding="utf-8")
    else:
        out.write_text(
            "title,artist_name,creation_year,medium,price,currency\n"
            "Harbour at Dawn,Anna Berg,1998,oil on canvas,12000,EUR\n"
            "Blue Study,Kenji Mori,2004,gouache on paper,3500,USD\n",
            encoding="utf-8",
        )
    return out


def _sync_shots(app, window, services, work: Path, out_dir: Path) -> None:  # noqa: ANN001
    """The sync dialog against a second catalog on 127.0.0.1: a push plan with a group of works
    sharing a fingerprint, and a same-field conflict side by side."""
    from artdesk.api.server import ApiServer
    from artdesk.services.catalog import ArtworkQuery
    from artdesk.services.container import open_services

    catalog = services.catalog
    home = min(
        catalog.list_partners(),
        key=lambda p: catalog.count_artworks(ArtworkQuery(partner_id=p.id)) or 10**9,
    )
    central = open_services(f"sqlite:///{work / 'central.sqlite'}", work / "central.files")
    server = None
    try:
        remote_partner = central.catalog.create_partner(home.name, type="gallery")
        key = central.keys.create(
            remote_partner.id, ["artworks:read", "artworks:write", "artists:read"]
        ).secret
        server = ApiServer(central).start()
        services.sync.add_remote(
            "gallery-central", server.address, "artdesk", token=key, partner_id=home.id
        )
        services.sync.push("gallery-central")
        # The same field edited on both sides: a conflict after the pull.
        mine = catalog.list_artworks(ArtworkQuery(partner_id=home.id), limit=1)[0]
        theirs = next(w for w in central.catalog.list_artworks(limit=500) if w.title == mine.title)
        central.catalog.update_artwork(theirs.id, {"medium": "Oil and wax on linen"}, source="demo")
        catalog.update_artwork(mine.id, {"medium": "Oil on linen"}, source="demo")
        services.sync.pull("gallery-central")
        # New works: two editions of one print (one fingerprint) and a correction.
        for n in (1, 2):
            catalog.create_artwork(
                {"title": "Harbour Lights", "creation_year": 2021, "medium": f"etching {n}/20"},
                partner_id=home.id,
                source="demo",
                artists=["Anna Berg"],
            )
        catalog.create_artwork(
            {"title": "Salt Marsh", "creation_year": 2023, "medium": "gouache on paper"},
            partner_id=home.id,
            source="demo",
            artists=["Lea Vogt"],
        )
        dialog = window.open_sync()
        dialog.resize(980, 680)
        _wait(app, lambda: dialog.plan is not None and dialog.conflicts)
        dialog.tabs.setCurrentIndex(1)
        box = dialog.groups_table.cellWidget(0, 2)
        if box is not None:
            box.setCurrentIndex(box.findData("one"))
        _settle(app)
        dialog.grab().save(str(out_dir / "sync-plan.png"))
        dialog.tabs.setCurrentIndex(2)
        _settle(app)
        dialog.grab().save(str(out_dir / "sync-conflicts.png"))
        dialog.close()
        services.sync.remove_remote("gallery-central")
    finally:
        if server is not None:
            server.stop()
        central.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--artworks", type=int, default=1500)
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("ARTDESK_SCREENSHOTS_CHILD"):
        return _under_virtual_display(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="artdesk-shots-"))
    os.environ["ARTDESK_DATA_DIR"] = str(work / "data")

    from PySide6.QtCore import Qt

    from artdesk.app import api_server_control
    from artdesk.gui.application import Desktop, create_application
    from artdesk.services.container import open_services
    from artdesk.services.demo import build_demo_catalog
    from artdesk.settings import Settings

    catalog = work / "demo.sqlite"
    settings = Settings(data_dir=work / "data", catalog_path=catalog).with_api("127.0.0.1", 0)
    services = open_services(settings.url, settings.catalog_dir)
    print(f"building a demo catalog of {args.artworks} works…", flush=True)
    build_demo_catalog(services, artworks=args.artworks, images=min(args.artworks, 400))

    app = create_application(["artdesk"])
    from artdesk.gui.dialogs import settings_store

    settings_store(settings.data_dir).setValue("view/theme", args.theme)
    server = api_server_control(services, settings)
    desktop = Desktop(
        app,
        services,
        settings.data_dir,
        catalog_label=str(catalog),
        catalog_path=catalog,
        server=server,
    )
    window = desktop.window
    try:
        window.resize(1560, 940)
        window.show()
        desktop.start_server()
        model = window.model
        _wait(app, lambda: model.loaded and model.artwork_at(0) is not None)
        _wait(app, lambda: server is None or server.running)
        window.update_server_status()
        # the first work with an artist for the main window and the form
        row = next(
            (
                r
                for r in range(min(model.rowCount(), 200))
                if (a := model.artwork_at(r)) is not None and a.artist_name
            ),
            0,
        )
        window.table.setCurrentIndex(model.index(row, 1))
        _wait(app, lambda: window.editor.artwork is not None)
        _settle(app, 1.5)
        window.grab().save(str(args.out_dir / "main-window.png"))
        window.editor.tabs.setCurrentIndex(0)
        window.editor.grab().save(str(args.out_dir / "editor.png"))
        # the images tab of a work that has a picture (its thumbnail is in the table)
        thumbnail = Qt.ItemDataRole.DecorationRole
        pictured = next(
            (
                r
                for r in range(min(model.rowCount(), 200))
                if model.data(model.index(r, 0), thumbnail) is not None
            ),
            None,
        )
        if pictured is not None:
            window.table.setCurrentIndex(model.index(pictured, 1))
            _wait(app, lambda: window.editor.artwork is not None and window.editor.artwork.images)
        window.editor.tabs.setCurrentIndex(3)
        if pictured is not None:
            _wait(app, lambda: window.editor.images.list.count() > 0)
        _settle(app, 1.0)
        window.editor.grab().save(str(args.out_dir / "editor-images.png"))

        dialog = window.open_import()
        dialog.resize(1100, 720)
        dialog.set_path(str(_sample_csv(work)))
        _wait(app, lambda: dialog.preview_table.rowCount() > 0)
        _settle(app)
        dialog.grab().save(str(args.out_dir / "import-dialog.png"))
        dialog.close()
        _sync_shots(app, window, services, work, args.out_dir)
        for name in (
            "main-window.png",
            "editor.png",
            "editor-images.png",
            "import-dialog.png",
            "sync-plan.png",
            "sync-conflicts.png",
        ):
            print(args.out_dir / name)
    finally:
        window.editor.set_empty()
        window.close()
        desktop.stop_tasks()
        if server is not None:
            server.stop()
        services.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
