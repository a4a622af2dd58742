"""`artdesk import` and `artdesk export`."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from pathlib import Path

from artdesk.services.exporter import FORMATS
from artdesk.services.importer import PRESETS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import artworks from CSV, gzip CSV, JSON or JSON Lines",
        description="Import artworks. Identity: the inventory/accession number within the partner, "
        "else the fingerprint. Importing the same file twice changes nothing. Bad rows are written "
        "to a report; a broken file leaves the catalog unchanged.",
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--preset",
        choices=sorted(PRESETS),
        help="column names of a known source (default: detected)",
    )
    p.add_argument("--partner", metavar="SLUG", help="the partner the works belong to")
    p.add_argument(
        "--map", metavar="COL=field,...", help="map columns to fields (COL=- skips a column)"
    )
    p.add_argument("--report", type=Path, metavar="FILE", help="where to write rejected rows (CSV)")
    p.set_defaults(func=cmd_import)

    e = sub.add_parser("export", help="export every artwork field to CSV, JSON or JSON Lines")
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    e.add_argument("--format", choices=FORMATS, help="default: from the file name's extension")
    e.add_argument(
        "--include-confidential", action="store_true", help="also write confidential notes"
    )
    e.set_defaults(func=cmd_export)


def _progress_bar(description: str):  # noqa: ANN202 - rich Progress or None
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn(description),
        BarColumn(),
        TextColumn("{task.fields[rows]} rows"),
        TimeRemainingColumn(),
        transient=True,
        console=Console(stderr=True),
    )


def _cancel_on_sigterm(cancel: threading.Event) -> None:
    with contextlib.suppress(ValueError):  # only the main thread may set handlers
        signal.signal(signal.SIGTERM, lambda *_: cancel.set())


def cmd_import(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    svc = ctx.services()
    cancel = threading.Event()
    _cancel_on_sigterm(cancel)
    bar = _progress_bar(f"importing {args.file.name}")
    task = None

    def progress(rows: int, done: int, total: int) -> None:
        if bar is not None:
            bar.update(task, completed=done, total=total or None, rows=rows)

    if bar is not None:
        bar.start()
        task = bar.add_task("import", total=None, rows=0)
    try:
        result = svc.importer.run(
            args.file,
            preset=args.preset,
            partner=args.partner,
            mapping=args.map,
            report_path=args.report,
            progress=progress,
            cancel=cancel,
        )
    finally:
        if bar is not None:
            bar.stop()
    if result.partners_created:
        print(f"created partner(s): {', '.join(result.partners_created)}", file=sys.stderr)
    if result.unknown_columns:
        print(
            f"unknown columns, not imported: {', '.join(result.unknown_columns)} "
            "(map them with --map COL=field)",
            file=sys.stderr,
        )
    if result.not_imported_columns:
        print(
            f"columns the {result.preset} preset does not import: {', '.join(result.not_imported_columns)}",
            file=sys.stderr,
        )
    if result.untitled:
        print(
            f"{result.untitled} rows had no title and were catalogued as 'Untitled'",
            file=sys.stderr,
        )
    if result.report_path:
        print(f"report: {result.report_path}", file=sys.stderr)
    print(f"{result.rows} rows read in {result.seconds:.1f} s", file=sys.stderr)
    print(result.summary())
    return 0


def cmd_export(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    svc = ctx.services()
    count = svc.exporter.run(
        args.output, format=args.format, include_confidential=args.include_confidential
    )
    print(f"exported {count} artworks to {args.output}")
    return 0
