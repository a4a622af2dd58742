"""Benchmark: the desktop window on a 150,000-artwork catalog (offscreen Qt).

Builds the catalog once with the importer from the shared MoMA (and Tate, to top up) data
(cached at --catalog, default /tmp/artdesk-bench-gui.sqlite), then prints:

* time from building the window to the first rows on screen;
* scrolling from top to bottom a page at a time: time, rows held by the model, peak RSS;
* sorting by several columns: time until the first rows of the new order are shown;
* search, one keystroke at a time (the debounce bypassed): time until the rows are shown;
* the longest stall of the GUI thread during all of it (a 5 ms timer's largest gap).

Run: python tests/benchmarks/bench_gui.py [--catalog PATH] [--rows 150000]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"


def build_catalog(path: Path, rows: int) -> None:
    from artdesk.services.catalog import ArtworkQuery
    from artdesk.services.container import open_services

    services = open_services(f"sqlite:///{path}", path.with_suffix(".files"))
    try:
        for name, preset in (("moma_artworks.csv.gz", "moma"), ("tate_artworks.csv.gz", "tate")):
            have = services.catalog.count_artworks(ArtworkQuery())
            if have >= rows:
                break
            source = DATA / name
            if not source.exists():
                sys.exit(f"{source} is absent: the benchmark imports the shared museum data")
            started = time.perf_counter()
            result = services.importer.run(source, preset=preset)
            print(f"imported {name}: {result.summary()} in {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        services.close()


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", type=Path, default=Path(tempfile.gettempdir()) / "artdesk-bench-gui.sqlite")
    parser.add_argument("--rows", type=int, default=150_000)
    args = parser.parse_args()
    if not args.catalog.exists():
        build_catalog(args.catalog, args.rows)

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from artdesk.gui.dialogs import settings_store
    from artdesk.gui.main_window import MainWindow
    from artdesk.gui.table_model import COLUMN_INDEX
    from artdesk.gui.tasks import TaskRunner
    from artdesk.services.container import open_services

    app = QApplication.instance() or QApplication([])
    services = open_services(f"sqlite:///{args.catalog}", args.catalog.with_suffix(".files"))
    total = services.catalog.count_artworks()
    print(f"catalog: {args.catalog} ({total:,} artworks)")
    base_rss = rss_mb()

    # The GUI-thread stall probe: the largest gap between ticks of a 5 ms timer.
    clock = QElapsedTimer()
    clock.start()
    stall = {"last": 0, "max": 0}

    def tick() -> None:
        now = clock.elapsed()
        stall["max"] = max(stall["max"], now - stall["last"])
        stall["last"] = now

    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)

    def wait(cond, timeout: float = 60.0) -> None:  # noqa: ANN001
        deadline = time.perf_counter() + timeout
        while not cond():
            if time.perf_counter() > deadline:
                raise TimeoutError("the window did not answer in time")
            app.processEvents()
            time.sleep(0.0005)

    runner = TaskRunner()
    store = settings_store(Path(tempfile.mkdtemp()))
    store.setValue("view/thumbnail_size", 40)
    started = time.perf_counter()
    stall["last"] = clock.elapsed()
    probe.start()
    window = MainWindow(services, runner, store, catalog_label=str(args.catalog))
    window.resize(1400, 900)
    window.show()
    model, table = window.model, window.table
    wait(lambda: model.loaded and model.rowCount() > 0 and model.artwork_at(0) is not None)
    first_rows = time.perf_counter() - started
    print(f"first rows shown: {first_rows * 1000:.0f} ms ({model.rowCount():,} rows)")
    wait(lambda: not runner.busy)
    print(f"longest GUI-thread stall while the window was built and first filled: {stall['max']} ms")
    stall["max"] = 0
    stall["last"] = clock.elapsed()

    def visible_loaded() -> bool:
        top = table.rowAt(0)
        bottom = table.rowAt(table.viewport().height() - 1)
        if top < 0:
            return True
        bottom = bottom if bottom >= 0 else model.rowCount() - 1
        return model.artwork_at(top) is not None and model.artwork_at(bottom) is not None

    # scroll top to bottom, a page at a time, waiting for each page's rows
    bar = table.verticalScrollBar()
    started = time.perf_counter()
    most_rows = 0
    pages = 0
    bar.setValue(0)
    while True:
        app.processEvents()
        wait(visible_loaded)
        most_rows = max(most_rows, model.loaded_row_count())
        if bar.value() >= bar.maximum():
            break
        bar.setValue(bar.value() + bar.pageStep())
        pages += 1
    scroll = time.perf_counter() - started
    print(
        f"scrolled top to bottom: {pages:,} pages in {scroll:.1f} s ({scroll / max(pages, 1) * 1000:.1f} ms a page); "
        f"rows held by the model at most {most_rows:,}; peak RSS {rss_mb():.0f} MB (before the window {base_rss:.0f} MB)"
    )

    # sorting in the database
    bar.setValue(0)
    for column, order in (("title", 0), ("artists", 0), ("year", 1), ("price", 1), ("updated", 1)):
        from PySide6.QtCore import Qt

        started = time.perf_counter()
        table.sortByColumn(COLUMN_INDEX[column], Qt.SortOrder(order))
        wait(lambda: model.loaded and model.artwork_at(0) is not None and not runner.busy)
        print(f"sort by {column}{' descending' if order else ''}: {(time.perf_counter() - started) * 1000:.0f} ms")

    # search, one keystroke at a time
    table.sortByColumn(COLUMN_INDEX["thumbnail"], Qt.SortOrder.AscendingOrder)
    wait(lambda: not runner.busy)
    for word in ("portrait", "untitled", "landscape"):
        times = []
        for i in range(1, len(word) + 1):
            window.search.blockSignals(True)
            window.search.setText(word[:i])
            window.search.blockSignals(False)
            started = time.perf_counter()
            window.apply_filters()
            wait(lambda: not runner.busy and model.loaded and (model.rowCount() == 0 or model.artwork_at(0) is not None))
            times.append((time.perf_counter() - started) * 1000)
        print(
            f"search '{word}' per keystroke: median {sorted(times)[len(times) // 2]:.0f} ms, "
            f"worst {max(times):.0f} ms ({model.rowCount():,} hits)"
        )
    window.search.setText("")
    window.apply_filters()
    wait(lambda: not runner.busy)
    probe.stop()
    print(f"longest GUI-thread stall after that (scroll, sort, search): {stall['max']} ms (5 ms timer; includes Qt's own painting)")
    print(f"peak RSS: {rss_mb():.0f} MB")
    window.editor.set_empty()
    window.close()
    runner.stop()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
