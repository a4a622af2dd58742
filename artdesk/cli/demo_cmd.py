"""`artdesk demo`: create (or reuse) the demo catalog, then open it in the app or serve it."""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from artdesk.core.errors import ArtdeskError, ValidationError

MAX_DEMO_ARTWORKS = 200_000


def register(sub: argparse._SubParsersAction) -> None:
    from artdesk.services.demo import DEFAULT_ARTWORKS, DEFAULT_SEED

    p = sub.add_parser(
        "demo",
        help="create a demo catalog (generated artists, works, editions, genes, shows, pictures) and open it",
        description="Create a demo catalog made entirely by artdesk from a seed: a few partners, "
        "hundreds of artists, about 5,000 artworks with editions, genes, shows, collections and "
        "generated pictures. It lives in the user data folder as demo.sqlite (or at --catalog) "
        "and is reused on the next run unless --force. Then the desktop app opens on it. "
        "Without a display (on Linux: no DISPLAY or WAYLAND_DISPLAY, and no QT_QPA_PLATFORM) it says so "
        "on stderr and runs the API server on it instead, as --serve does; to get the window, "
        "run it with a display or set QT_QPA_PLATFORM=offscreen.",
    )
    p.add_argument(
        "--artworks",
        type=int,
        default=DEFAULT_ARTWORKS,
        metavar="N",
        help=f"how many artworks (default {DEFAULT_ARTWORKS})",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"the generator's seed (default {DEFAULT_SEED}); the same seed gives the same catalog",
    )
    p.add_argument(
        "--force", action="store_true", help="delete an existing demo catalog and build it again"
    )
    p.add_argument(
        "--serve",
        action="store_true",
        help="run the API server on the demo instead of the desktop app",
    )
    p.add_argument(
        "--port",
        type=int,
        help="the API server's port when it runs (default 8765; 0 picks a free port)",
    )
    p.add_argument("--no-open", action="store_true", help="only create the demo catalog, then exit")
    p.set_defaults(func=run_demo)


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if stage == "images" and done == total else ""
        print(
            f"\rbuilding the demo: {stage} {done:,}/{total:,}   ",
            end=end,
            file=sys.stderr,
            flush=True,
        )
    elif done == 0:
        print(f"building the demo: {stage}", file=sys.stderr)


def _demo_settings(args: argparse.Namespace, ctx):  # noqa: ANN001, ANN202 - Settings
    """The demo catalog's settings: --catalog / --database-url when given, else demo.sqlite.

    ARTDESK_CATALOG and ARTDESK_DATABASE_URL name the user's own catalog, so the demo ignores them.
    """
    settings = ctx.settings
    if args.database_url:
        return settings
    if args.catalog:
        return replace(settings, database_url=None)
    return replace(
        settings, database_url=None, catalog_path=(settings.data_dir / "demo.sqlite").absolute()
    )


def _remove_sqlite_catalog(settings) -> None:  # noqa: ANN001
    path: Path = settings.catalog_path
    for extra in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)
    shutil.rmtree(settings.catalog_dir, ignore_errors=True)


def prepare_demo(args: argparse.Namespace, ctx) -> bool:  # noqa: ANN001
    """Point ctx at the demo catalog and make sure it holds a demo; True if one was built."""
    from artdesk.services.demo import build_demo_catalog, demo_marker

    if not 1 <= args.artworks <= MAX_DEMO_ARTWORKS:
        raise ValidationError(f"--artworks must be from 1 to {MAX_DEMO_ARTWORKS:,}")
    ctx.close()
    ctx.settings = _demo_settings(args, ctx)
    settings = ctx.settings
    where = settings.catalog_path if not settings.database_url else ctx.services().db.display
    services = ctx.services()
    marker = demo_marker(services)
    unfinished = marker is not None and not marker.get("complete", False)
    if unfinished:
        print(
            f"the demo catalog at {where} was left unfinished; building it again", file=sys.stderr
        )
    if marker is not None and not args.force and not unfinished:
        stats = services.catalog.stats()
        print(f"demo catalog: {where} (kept; --force builds it again)")
        print(
            f"{stats['artworks']:,} artworks by {stats['artists']:,} artists, seed {marker.get('seed')}"
        )
        return False
    count = services.catalog.count_artworks()
    if marker is None and count:
        raise ArtdeskError(
            f"{where} holds a catalog with {count:,} artworks that is not a demo; "
            "artdesk demo never writes into it (give another --catalog)"
        )
    if marker is not None:  # --force, or an interrupted build
        if settings.database_url:
            raise ArtdeskError(
                "rebuilding a demo needs an empty catalog, and artdesk never empties a shared "
                "database; empty it yourself or use --catalog"
            )
        ctx.close()
        _remove_sqlite_catalog(settings)
        services = ctx.services()
    summary = build_demo_catalog(
        services, artworks=args.artworks, seed=args.seed, progress=_progress
    )
    print(f"demo catalog: {where}")
    for line in summary.lines():
        print(line)
    return True


def run_demo(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001 - cli.main.Context
    prepare_demo(args, ctx)
    sys.stdout.flush()
    if args.no_open:
        return 0
    from artdesk.cli.gui_cmd import NO_DISPLAY_REASON, has_display

    if not args.serve and not has_display():
        print(
            f"artdesk: {NO_DISPLAY_REASON}, so the demo's API server runs instead; for the "
            "window, run with a display or set QT_QPA_PLATFORM=offscreen",
            file=sys.stderr,
            flush=True,
        )
    elif not args.serve:
        try:
            from artdesk.app import run_desktop
        except ImportError:
            print(
                "the desktop app is not part of this build yet; serving the demo's API instead",
                file=sys.stderr,
            )
        else:
            if not ctx.settings.database_url:
                # Name the catalog, so the app opens the demo rather than the last one it remembers.
                args.catalog = str(ctx.settings.catalog_path)
            return int(run_desktop(ctx) or 0)
    return _serve(args, ctx)


def _serve(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    where = (
        ctx.settings.catalog_path if not ctx.settings.database_url else ctx.settings.database_url
    )
    try:
        from artdesk.cli.server_cmds import run_serve
    except ImportError:
        print(
            f"the API server is not part of this build; run `artdesk --catalog {where} serve` once it is"
        )
        return 0
    serve_args = argparse.Namespace(**vars(args))
    serve_args.host = None
    serve_args.allow_remote = False
    return int(run_serve(serve_args, ctx) or 0)
