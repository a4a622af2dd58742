"""Benchmark: the desktop window on a 150,000-artwork catalog (offscreen Qt).

Builds the catalog once with the importer from the shared MoMA (and Tate, to top up) data
(cached at --catalog, default /tmp/artdesk-bench-gui.sqlite), then prints:

* time from building the window to the first rows on screen;
* scrolling from top to bottom a page at a time: time, rows held by the model, RSS;
* sorting by several columns: time until the first rows of the new order are shown;
* search, one keystroke at a time (the debounce bypassed): time until the rows are shown;
* what a registrar clicks: rows (the editor loads them), the sidebar, the filters, a change
  made elsewhere (as the API server does) reaching the open window;
* the GUI thread's stalls: the longest, and every one over 50 ms with what caused it.

How stalls are found and explained: a 5 ms QTimer ticks on the GUI thread, and a gap between two
ticks over the threshold is a stall. Meanwhile a sampler thread takes the GUI thread's Python
stack every 2 ms (``sys._current_frames``) and the application's ``notify`` records which Qt
event is being delivered, so each stall is reported with the code (file, line, source text) or
the Qt event most of its samples were in.

Run: python tests/benchmarks/bench_gui.py [--catalog PATH] [--rows 150000] [--pages N]
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import linecache
import os
import re
import resource
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
PACKAGE = str(REPO / "artdesk") + os.sep
STALL_MS = 50


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
            print(
                f"imported {name}: {result.summary()} in {time.perf_counter() - started:.1f} s",
                flush=True,
            )
    finally:
        services.close()


def rss_mb() -> float:
    """The resident set now (MB)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_rss_mb(pid: int) -> tuple[float, float]:
    """Another process's resident set now and its peak (MB), from /proc/PID/status."""
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def worker_rss_text(similar: Any) -> str:
    """The similarity worker's RSS (the desktop app runs the engine in that process)."""
    pid = getattr(similar, "pid", None)
    if pid is None:
        return "similarity engine in this process (no worker)"
    try:
        now, peak = process_rss_mb(pid)
    except OSError:
        return f"similarity worker (pid {pid}) is gone"
    return f"similarity worker (pid {pid}): RSS {now:.0f} MB, peak {peak:.0f} MB"


def load_average() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def make_application(argv: list[str], trace_events: bool = True) -> Any:
    """A QApplication whose ``notify`` keeps the stack of Qt events being delivered, and the slow ones.

    With ``trace_events`` off, ``notify`` is Qt's own: no event enters Python (the desktop app
    has no ``notify`` of its own), so an event that runs no Python never waits for the GIL, but
    the stalls are reported without the events in them and without the table's paints."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    if not trace_events:

        class PlainApplication(QApplication):
            def __init__(self, args: list[str]) -> None:
                super().__init__(args)
                self.delivering: list[tuple[str, Any]] = []
                self.slow_events: deque[tuple[float, float, int, str]] = deque(maxlen=1)
                self.table_viewport: Any = None
                self.phase = "start"
                self.paints: list[tuple[str, float, float]] = []

        return PlainApplication(argv)

    class TimedApplication(QApplication):
        def __init__(self, args: list[str]) -> None:
            super().__init__(args)
            self.delivering: list[tuple[str, Any]] = []
            self.slow_events: deque[tuple[float, float, int, str]] = deque(maxlen=2000)
            self.gui_ident = threading.get_ident()
            # Paint events of the catalog table's viewport: (phase, wall s, GUI-thread cpu s).
            self.table_viewport: Any = None
            self.phase = "start"
            self.paints: list[tuple[str, float, float]] = []

        def notify(self, receiver: Any, event: Any) -> bool:  # noqa: N802 - Qt override
            if threading.get_ident() != self.gui_ident:
                return super().notify(receiver, event)
            kind = event.type()
            cls = type(receiver).__name__
            self.delivering.append((cls, kind))
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                return super().notify(receiver, event)
            finally:
                ended = time.perf_counter()
                self.delivering.pop()
                if receiver is self.table_viewport and kind == QEvent.Type.Paint:
                    self.paints.append((self.phase, ended - started, time.thread_time() - cpu))
                if ended - started > STALL_MS / 2000:
                    cpu = time.thread_time() - cpu
                    try:
                        name = receiver.objectName()
                    except RuntimeError:  # deleted while the event was delivered
                        name = ""
                    what = (
                        f"{getattr(kind, 'name', kind)} to {cls}{f' {name!r}' if name else ''} "
                        f"(cpu {cpu * 1000:.0f} ms)"
                    )
                    self.slow_events.append((started, ended, len(self.delivering), what))

    return TimedApplication(argv)


def _frame_text(filename: str, lineno: int | None, func: str) -> str:
    lineno = lineno or 0
    short = (
        filename[len(str(REPO)) + 1 :] if filename.startswith(str(REPO)) else Path(filename).name
    )
    line = linecache.getline(filename, lineno).strip()
    return f"{short}:{lineno} {func}(): {line}" if line else f"{short}:{lineno} {func}()"


class GcWatch:
    """Garbage collections that took long, with the thread that ran them (which holds the GIL)."""

    def __init__(self, min_ms: float = 10) -> None:
        self.min_s = min_ms / 1000
        self.slow: deque[tuple[float, float, int, str]] = deque(maxlen=2000)
        self._started: dict[int, float] = {}
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        now = time.perf_counter()
        ident = threading.get_ident()
        if phase == "start":
            self._started[ident] = now
            return
        started = self._started.pop(ident, now)
        if now - started >= self.min_s:
            self.slow.append((started, now, info["generation"], threading.current_thread().name))


_THREAD = re.compile(r"^(Current thread|Thread) (0x[0-9a-f]+) \(most recent call first\):$")
_FRAME = re.compile(r'^  File "(.+)", line (\d+) in (.+)$')


def parse_dumps(text: str) -> list[dict[int, tuple[bool, list[tuple[str, int, str]]]]]:
    """faulthandler's dumps: per dump, {thread id: (holds the GIL, frames innermost first)}."""
    dumps: list[dict[int, tuple[bool, list[tuple[str, int, str]]]]] = []
    frames: list[tuple[str, int, str]] | None = None
    for line in text.splitlines():
        if line.startswith("Timeout ("):
            dumps.append({})
            continue
        m = _THREAD.match(line)
        if m and dumps:
            frames = []
            dumps[-1][int(m.group(2), 16)] = (m.group(1) == "Current thread", frames)
            continue
        m = _FRAME.match(line)
        if m and frames is not None:
            frames.append((m.group(1), int(m.group(2)), m.group(3)))
    return dumps


class StallWatch:
    """Stalls of the GUI thread (gaps of a 5 ms timer) and where the GUI thread was meanwhile.

    Two views of a stall: the sampler's Python stacks (it needs the GIL, so it sees nothing while
    one thread keeps it), and faulthandler's dumps, written without the GIL by its watchdog when
    the GUI thread has not re-armed it for ``dump_ms``; they name the thread holding the GIL.
    """

    def __init__(
        self,
        app: Any,
        threshold_ms: int = STALL_MS,
        tick_ms: int = 5,
        sample_ms: float = 2,
        *,
        dumps: bool = False,
    ) -> None:
        from PySide6.QtCore import QTimer

        self.app = app
        self.gc = GcWatch()
        self.threshold = threshold_ms / 1000
        self.sample_s = sample_ms / 1000
        self.phase = "start"
        self.samples: deque[tuple[float, tuple, tuple | None]] = deque(maxlen=4000)
        self.stalls: list[dict[str, Any]] = []
        # per phase: the longest gap, and the most CPU time the GUI thread used in one gap
        self.longest: dict[str, tuple[float, float]] = {}
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._armed = 0.0
        self.use_dumps = dumps
        self.dump_s = threshold_ms / 1000 * 0.8
        self._dumps = tempfile.TemporaryFile("w+")  # noqa: SIM115 - open as long as the watch
        self._dump_read = 0
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, name="stall-sampler", daemon=True)
        self._timer = QTimer()
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer.start()
        self._sampler.start()

    def stop(self) -> None:
        self._tick()
        faulthandler.cancel_dump_traceback_later()
        self._timer.stop()
        self._stop.set()
        self._sampler.join()

    def set_phase(self, phase: str) -> None:
        self._tick()
        self.phase = phase
        self.app.phase = phase

    # -------------------------------------------------------------- sampler thread
    def _sample(self) -> None:
        ident = self.app.gui_ident
        while not self._stop.wait(self.sample_s):
            frame = sys._current_frames().get(ident)
            stack = []
            while frame is not None:
                stack.append((frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name))
                frame = frame.f_back
            delivering = self.app.delivering[-1] if self.app.delivering else None
            self.samples.append((time.perf_counter(), tuple(stack), delivering))

    # -------------------------------------------------------------- GUI thread
    def _tick(self) -> None:
        now, cpu_now = time.perf_counter(), time.thread_time()
        gap, cpu = now - self._last, cpu_now - self._last_cpu
        longest, longest_cpu = self.longest.get(self.phase, (0.0, 0.0))
        self.longest[self.phase] = (max(longest, gap), max(longest_cpu, cpu))
        if gap > self.threshold:
            stall = self._record(now - gap, now)
            stall["cpu"] = cpu * 1000
            self.stalls.append(stall)
        if self.use_dumps and now - self._armed > self.dump_s / 4 and not self._stop.is_set():
            faulthandler.dump_traceback_later(self.dump_s, repeat=True, file=self._dumps)
            self._armed = time.perf_counter()
        # the watch's own work is not counted in the next gap
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()

    def _new_dumps(self) -> list[str]:
        """What faulthandler wrote during the stall that just ended, one line per dump."""
        self._dumps.flush()
        self._dumps.seek(self._dump_read)
        text = self._dumps.read()
        self._dump_read = self._dumps.tell()
        names = {t.ident: t.name for t in threading.enumerate()}
        out = []
        for dump in parse_dumps(text):
            holder = next((ident for ident, (current, _) in dump.items() if current), None)
            gui = dump.get(self.app.gui_ident, (False, []))[1]
            where_gui = self._cause(tuple(gui), None) if gui else "no Python frame (in Qt)"
            if holder is None:
                out.append(f"GIL free; GUI thread at {where_gui}")
            elif holder == self.app.gui_ident:
                out.append(f"GIL held by the GUI thread at {where_gui}")
            else:
                frames = tuple(dump[holder][1])
                out.append(
                    f"GIL held by {names.get(holder, hex(holder))} at {self._cause(frames, None)}; "
                    f"GUI thread waiting at {where_gui}"
                )
        return out

    def _record(self, start: float, end: float) -> dict[str, Any]:
        """Keep what was seen during a stall (cheap: it runs on the GUI thread); explain later."""
        samples = [
            (stack, delivering) for t, stack, delivering in list(self.samples) if start < t < end
        ]
        events = [
            (e - s, depth, what)
            for s, e, depth, what in list(self.app.slow_events)
            if s < end and e > start
        ]
        collections = [
            (e - s, generation, thread)
            for s, e, generation, thread in list(self.gc.slow)
            if s < end and e > start
        ]
        return {
            "dumps": self._new_dumps() if self.use_dumps else [],
            "gc": collections,
            "phase": self.phase,
            "ms": (end - start) * 1000,
            "raw_samples": samples,
            "events": events,
        }

    def _explain(self, stall: dict[str, Any]) -> None:
        causes = Counter(
            self._cause(stack, delivering) for stack, delivering in stall["raw_samples"]
        )
        stall["causes"] = causes.most_common(3)
        stall["samples"] = len(stall["raw_samples"])
        stall["events"] = sorted(stall["events"], key=lambda x: (x[1], -x[0]))[:3]

    @staticmethod
    def _cause(stack: tuple, delivering: tuple | None) -> str:
        if not stack:
            return "no Python frame"
        innermost = stack[0]
        if innermost[0].startswith(PACKAGE):
            return _frame_text(*innermost)
        ours = next((f for f in stack if f[0].startswith(PACKAGE)), None)
        if innermost[0] == __file__:
            if innermost[2] in ("wait", "notify") and delivering is not None:
                cls, kind = delivering
                event = f"Qt, delivering {getattr(kind, 'name', kind)} to {cls}"
                return f"{_frame_text(*ours)}  ->  {event}" if ours is not None else event
            if innermost[2] in ("wait", "_tick", "notify"):
                return "Qt's own work (layout, painting) in processEvents"
            return _frame_text(*innermost)
        if ours is not None:
            return f"{_frame_text(*ours)}  ->  {_frame_text(*innermost)}"
        return _frame_text(*innermost)

    def report(self) -> None:
        print(
            f"\nGUI-thread stalls (gaps of a 5 ms timer; target: none over {STALL_MS} ms)  [{load_average()}]"
        )
        print(
            "  (cpu: the GUI thread's own CPU time in the gap; a gap much longer than its cpu was spent"
        )
        print("  waiting: for a core on a loaded machine, or for the GIL)")
        for phase, (longest, longest_cpu) in self.longest.items():
            n = sum(1 for s in self.stalls if s["phase"] == phase)
            print(
                f"  {phase:<28} longest {longest * 1000:6.0f} ms, {n:3d} over {STALL_MS} ms; "
                f"most cpu in one gap {longest_cpu * 1000:4.0f} ms"
            )
        paints: dict[str, list[tuple[float, float]]] = {}
        for phase, wall, cpu in self.app.paints:
            paints.setdefault(phase, []).append((wall, cpu))
        print(
            "  paints of the catalog table (its viewport's Paint events): GUI-thread cpu and wall per paint"
        )
        for phase, values in paints.items():
            cpus = sorted(c * 1000 for _, c in values)
            walls = sorted(w * 1000 for w, _ in values)
            print(
                f"    {phase:<28} {len(values):5d} paints: cpu median {cpus[len(cpus) // 2]:5.1f} ms, "
                f"p95 {cpus[int(len(cpus) * 0.95)]:5.1f}, max {cpus[-1]:5.1f}; "
                f"wall median {walls[len(walls) // 2]:5.1f} ms, max {walls[-1]:5.1f}"
            )
        shown = {p: v for p, v in self.longest.items() if not p.startswith(("start", "build"))}
        worst = max((v[0] for v in shown.values()), default=0.0)
        worst_cpu = max((v[1] for v in shown.values()), default=0.0)
        print(
            f"  longest GUI-thread stall once the window is shown: {worst * 1000:.0f} ms "
            f"(most GUI-thread cpu in one gap {worst_cpu * 1000:.0f} ms)"
        )
        for s in self.stalls:
            self._explain(s)
        by_cpu = sorted(self.stalls, key=lambda s: -s["cpu"])[:8]
        print(
            "  the gaps in which the GUI thread itself worked longest (the figure a quiet machine shows):"
        )
        for s in by_cpu:
            top = s["causes"][0][0] if s["causes"] else "no samples"
            print(
                f"    cpu {s['cpu']:4.0f} ms in a {s['ms']:.0f} ms gap during {s['phase']}: mostly {top}"
            )
        print("  the longest gaps:")
        for s in sorted(self.stalls, key=lambda s: -s["ms"])[:25]:
            print(
                f"  - {s['ms']:.0f} ms (cpu {s['cpu']:.0f} ms) during {s['phase']} ({s['samples']} samples):"
            )
            for cause, n in s["causes"]:
                print(f"      {n:4d} x {cause}")
            for ms, depth, what in s["events"]:
                print(f"      event {what}: {ms * 1000:.0f} ms (depth {depth})")
            for dump in Counter(s["dumps"]).most_common(3):
                print(f"      {dump[1]:4d} x faulthandler: {dump[0]}")
            for ms, generation, thread in s["gc"]:
                print(
                    f"      garbage collection of generation {generation} in thread {thread}: {ms * 1000:.0f} ms"
                )
        if len(self.stalls) > 25:
            print(f"  ... and {len(self.stalls) - 25} shorter stalls over {STALL_MS} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--catalog", type=Path, default=Path(tempfile.gettempdir()) / "artdesk-bench-gui.sqlite"
    )
    parser.add_argument("--rows", type=int, default=150_000)
    parser.add_argument(
        "--pages", type=int, default=0, help="scroll only this many pages (0: top to bottom)"
    )
    parser.add_argument(
        "--dumps",
        action="store_true",
        help="also have faulthandler dump every thread during a stall (names the GIL holder; may crash: it reads stacks without the GIL)",
    )
    parser.add_argument(
        "--no-theme",
        action="store_true",
        help="leave Qt's default style (the app applies Fusion, a palette and a stylesheet)",
    )
    parser.add_argument(
        "--no-similar",
        action="store_true",
        help="do not load or build the similarity index meanwhile",
    )
    parser.add_argument(
        "--in-process-similar",
        action="store_true",
        help="run the similarity engine in the GUI process (before: the desktop app runs it in a worker process)",
    )
    parser.add_argument(
        "--no-event-trace",
        action="store_true",
        help="no Python notify: Qt delivers events as in the desktop app (a traced event waits "
        "for the GIL to enter Python, which the app's own events do not); stalls are then "
        "reported without the events in them",
    )
    args = parser.parse_args()
    if not args.catalog.exists():
        build_catalog(args.catalog, args.rows)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from artdesk.gui.application import (
        configure_interpreter,
        freeze_startup_objects,
        freeze_when_settled,
    )
    from artdesk.gui.dialogs import settings_store
    from artdesk.gui.main_window import MainWindow
    from artdesk.gui.table_model import COLUMN_INDEX
    from artdesk.gui.tasks import TaskRunner
    from artdesk.services.container import open_services

    if not os.environ.get("BENCH_DEFAULT_SWITCH"):
        configure_interpreter()  # as create_application does
    print(f"switch interval {sys.getswitchinterval() * 1000:.1f} ms")
    app = make_application(sys.argv[:1], trace_events=not args.no_event_trace)
    if not args.no_theme:
        from artdesk.gui.theme import apply_theme

        apply_theme(app, "light")  # as Desktop does: Fusion, the palette and the stylesheet
    services = open_services(
        f"sqlite:///{args.catalog}",
        args.catalog.with_suffix(".files"),
        similar_worker=not (args.no_similar or args.in_process_similar),  # as run_desktop does
    )
    total = services.catalog.count_artworks()
    print(f"catalog: {args.catalog} ({total:,} artworks)  [{load_average()}]")
    base_rss = rss_mb()
    watch = StallWatch(app, dumps=args.dumps)
    similar = getattr(services, "similar", None)
    if similar is not None and not args.no_similar:
        similar.ensure_index(background=True)  # as run_desktop does: it loads or builds meanwhile

    def wait(cond, timeout: float = 60.0) -> None:  # noqa: ANN001
        deadline = time.perf_counter() + timeout
        while not cond():
            if time.perf_counter() > deadline:
                raise TimeoutError("the window did not answer in time")
            app.processEvents()
            time.sleep(0.0005)

    def settle(seconds: float = 0.3) -> None:
        """Let queued work (debounce timers, late blocks) finish, the GUI thread idle meanwhile."""
        wait(lambda: not runner.busy)
        deadline = time.perf_counter() + seconds
        wait(lambda: time.perf_counter() > deadline)
        wait(lambda: not runner.busy)

    runner = TaskRunner()
    store = settings_store(Path(tempfile.mkdtemp()))
    store.setValue("view/thumbnail_size", 40)
    watch.start()
    watch.set_phase("build the window (hidden)")
    started = time.perf_counter()
    window = MainWindow(services, runner, store, catalog_label=str(args.catalog))
    window.resize(1400, 900)
    built = time.perf_counter() - started
    app.table_viewport = window.table.viewport()
    watch.set_phase("show and fill the window")
    freeze_startup_objects()  # as Desktop.run does
    freeze_when_settled(window)
    window.show()
    model, table = window.model, window.table
    wait(lambda: model.loaded and model.rowCount() > 0 and model.artwork_at(0) is not None)
    app.processEvents()
    first_rows = time.perf_counter() - started
    print(
        f"first rows shown: {first_rows * 1000:.0f} ms ({model.rowCount():,} rows; building the hidden "
        f"window took {built * 1000:.0f} ms of it)  [{load_average()}]"
    )
    settle(1.0)

    def visible_loaded() -> bool:
        top = table.rowAt(0)
        bottom = table.rowAt(table.viewport().height() - 1)
        if top < 0:
            return True
        bottom = bottom if bottom >= 0 else model.rowCount() - 1
        return model.artwork_at(top) is not None and model.artwork_at(bottom) is not None

    # scroll top to bottom, a page at a time, waiting for each page's rows
    watch.set_phase("scroll")
    bar = table.verticalScrollBar()
    started = time.perf_counter()
    most_rows = 0
    most_rss = rss_mb()
    pages = 0
    bar.setValue(0)
    while True:
        app.processEvents()
        wait(visible_loaded)
        most_rows = max(most_rows, model.loaded_row_count())
        if pages % 200 == 0:
            most_rss = max(most_rss, rss_mb())
        if bar.value() >= bar.maximum() or (args.pages and pages >= args.pages):
            break
        bar.setValue(bar.value() + bar.pageStep())
        pages += 1
    scroll = time.perf_counter() - started
    most_rss = max(most_rss, rss_mb())
    print(
        f"scrolled {'top to bottom' if not args.pages else 'down'}: {pages:,} pages in {scroll:.1f} s "
        f"({scroll / max(pages, 1) * 1000:.1f} ms a page); rows held by the model at most {most_rows:,}; "
        f"RSS at most {most_rss:.0f} MB (before the window {base_rss:.0f} MB)  [{load_average()}]"
    )
    if similar is not None and not args.no_similar:
        print(f"  {worker_rss_text(similar)}")

    # sorting in the database
    watch.set_phase("sort")
    bar.setValue(0)
    settle()
    for column, order in (
        ("title", 0),
        ("artists", 0),
        ("year", 1),
        ("price", 1),
        ("updated", 1),
        ("inventory", 0),
    ):
        started = time.perf_counter()
        table.sortByColumn(COLUMN_INDEX[column], Qt.SortOrder(order))
        wait(lambda: not model.pending and model.artwork_at(0) is not None)
        app.processEvents()
        print(
            f"sort by {column}{' descending' if order else ''}: {(time.perf_counter() - started) * 1000:.0f} ms  [{load_average()}]"
        )
    table.sortByColumn(COLUMN_INDEX["thumbnail"], Qt.SortOrder.AscendingOrder)
    settle()

    # search, one keystroke at a time
    watch.set_phase("search")
    every: list[float] = []
    for word in ("portrait", "untitled", "landscape", "picasso"):
        times = []
        for i in range(1, len(word) + 1):
            window.search.blockSignals(True)
            window.search.setText(word[:i])
            window.search.blockSignals(False)
            started = time.perf_counter()
            window.apply_filters()
            wait(
                lambda: (
                    not model.pending and (model.rowCount() == 0 or model.artwork_at(0) is not None)
                )
            )
            app.processEvents()  # and painted
            times.append((time.perf_counter() - started) * 1000)
            wait(lambda: not runner.busy)
        every += times
        print(
            f"search '{word}' per keystroke: median {sorted(times)[len(times) // 2]:.0f} ms, "
            f"worst {max(times):.0f} ms ({model.rowCount():,} hits; "
            f"{' '.join(f'{t:.0f}' for t in times)})  [{load_average()}]"
        )
    every.sort()
    print(
        f"search, all {len(every)} keystrokes: median {every[len(every) // 2]:.0f} ms, worst {every[-1]:.0f} ms"
    )
    # typing through the real search box (debounced), as a user does
    window.search.clear()
    settle()
    table.setFocus()
    window.search.setFocus()
    QTest.keyClicks(window.search, "still life", delay=60)
    started = time.perf_counter()
    wait(
        lambda: (
            not window.search_timer.isActive()
            and not model.pending
            and model.query.text == "still life"
        )
    )
    app.processEvents()
    print(
        f"typed 'still life' into the search box (60 ms a key): rows shown {(time.perf_counter() - started) * 1000:.0f} ms "
        f"after the last key, {window.search_timer.interval()} ms of it the debounce ({model.rowCount():,} hits)"
    )
    # the last rows of a broad search sorted by title (a deep page: OFFSET near the end)
    table.sortByColumn(COLUMN_INDEX["title"], Qt.SortOrder.AscendingOrder)
    settle()
    for word in ("untitled", "s"):
        window.search.blockSignals(True)
        window.search.setText(word)
        window.search.blockSignals(False)
        window.apply_filters()
        wait(lambda: not model.pending and model.artwork_at(0) is not None)
        settle()
        started = time.perf_counter()
        bar.setValue(bar.maximum())
        app.processEvents()
        wait(visible_loaded)
        app.processEvents()
        print(
            f"search '{word}' by title, scrolled to the last rows: shown in "
            f"{(time.perf_counter() - started) * 1000:.0f} ms ({model.rowCount():,} hits)  [{load_average()}]"
        )
    window.search.clear()
    window.apply_filters()
    settle()
    table.sortByColumn(COLUMN_INDEX["thumbnail"], Qt.SortOrder.AscendingOrder)
    settle()

    # what a registrar clicks
    watch.set_phase("select rows (editor)")
    started = time.perf_counter()
    for row in (0, 1, 5, 12, 3):
        table.selectRow(row)
        wait(
            lambda: (
                window.editor.artwork is not None
                and window.editor.artwork.id == window.selected_id
                and not runner.busy
            )
        )
    print(
        f"selected 5 rows, each shown in the editor: {(time.perf_counter() - started) * 1000 / 5:.0f} ms a row"
    )
    settle()

    watch.set_phase("sidebar and filters")
    sidebar = window.sidebar
    wait(lambda: bool(sidebar.data))
    started = time.perf_counter()
    steps = 0
    for kind in ("partner", "artist", "collection", "show"):
        group = sidebar.groups[kind]
        if group.childCount():
            group.setExpanded(True)
            sidebar.setCurrentItem(group.child(0))
            wait(lambda: model.loaded and not runner.busy)
            steps += 1
    sidebar.setCurrentItem(sidebar.dup_item)
    wait(lambda: model.loaded and not runner.busy)
    sidebar.setCurrentItem(sidebar.all_item)
    wait(lambda: model.loaded and not runner.busy)
    window.availability_filter.setCurrentIndex(1)
    wait(lambda: model.loaded and not runner.busy)
    window.clear_filters()
    wait(lambda: model.loaded and not runner.busy)
    print(
        f"sidebar and filters: {steps + 4} changes, {(time.perf_counter() - started) * 1000 / (steps + 4):.0f} ms each to the new rows"
    )
    settle()

    watch.set_phase("change made elsewhere")
    target = model.artwork_at(2)
    assert target is not None
    suffix = " (re-examined)"  # added, or taken off again: the cached catalog does not drift
    title = target.title[: -len(suffix)] if target.title.endswith(suffix) else target.title + suffix
    started = time.perf_counter()
    writer = threading.Thread(
        target=services.catalog.update_artwork,
        args=(target.id, {"title": title}),
        kwargs={"source": "bench", "expected_version": target.version},
    )
    writer.start()  # (not joined here: that would block the GUI thread)
    wait(lambda: (a := model.artwork_at(2)) is not None and a.title == title, timeout=10)
    writer.join()
    print(
        f"a write made elsewhere shown in the table: {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    settle(0.5)

    watch.stop()
    if similar is not None and not args.no_similar:
        status = similar.status()
        print(
            f"similarity index meanwhile: {'ready' if status.ready else 'not ready'}, {'still building' if status.building else 'idle'} ({status.works:,} works)"
        )
    print(
        f"GUI process RSS at the end: {rss_mb():.0f} MB, peak {peak_rss_mb():.0f} MB (target under 500 MB)  [{load_average()}]"
    )
    if similar is not None and not args.no_similar:
        print(f"{worker_rss_text(similar)} (a separate process, not in the GUI's RSS)")
    watch.report()
    window.editor.set_empty()
    window.close()
    runner.stop()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
