"""The `artdesk` command: the GUI with no arguments, subcommands for scripts and servers.

Each subcommand lives in a module of this package with ``register(subparsers)``; the handler is
``func(args, ctx)``. Errors are one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from artdesk import __version__
from artdesk.core.errors import ArtdeskError
from artdesk.settings import Settings

# Subcommand modules, in the order `artdesk --help` lists them.
COMMAND_MODULES = (
    "artdesk.cli.gui_cmd",
    "artdesk.cli.demo_cmd",
    "artdesk.cli.catalog_cmds",
    "artdesk.cli.transfer_cmds",
    "artdesk.cli.similar_cmds",
    "artdesk.cli.server_cmds",
    "artdesk.cli.sync_cmds",
)

log = logging.getLogger("artdesk")


class Context:
    """What a command needs: settings, and the catalog's services opened on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.settings = Settings.from_env(catalog=args.catalog, database_url=args.database_url)
        self._services = None
        self.similar_worker = False
        """Run the similarity engine in a worker process (the desktop app sets it)."""

    def services(self, *, upgrade: bool = True):  # noqa: ANN201 - artdesk.services.container.Services
        if self._services is None:
            from artdesk.app import open_catalog

            self._services = open_catalog(
                self.settings, upgrade=upgrade, similar_worker=self.similar_worker
            )
            if self._services.backup_made is not None:
                print(
                    f"upgraded the catalog; backup at {self._services.backup_made}", file=sys.stderr
                )
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="artdesk",
        description="A catalog manager for gallery registrars. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"artdesk {__version__}")
    parser.add_argument(
        "--catalog",
        metavar="PATH",
        help="the SQLite catalog file (default: in the user data folder; env ARTDESK_CATALOG)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="a shared PostgreSQL catalog, postgresql+psycopg://... (env ARTDESK_DATABASE_URL)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log progress details to stderr"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _log_file() -> Path | None:
    from artdesk.settings import default_data_dir

    try:
        path = default_data_dir() / "logs"
        path.mkdir(parents=True, exist_ok=True)
        return path / "artdesk.log"
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s"
    )
    if args.command is None:
        args.func = importlib.import_module("artdesk.cli.gui_cmd").run_gui
    ctx = None
    try:
        ctx = Context(args)
        result = args.func(args, ctx)
        return int(result or 0)
    except ArtdeskError as exc:
        print(f"artdesk: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("artdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, details in the log
        target = _log_file()
        if target is not None:
            fh = logging.FileHandler(target)
            log.addHandler(fh)
            log.exception("unexpected error")
            fh.close()
            log.removeHandler(fh)
        where = f" (details in {target})" if target else ""
        print(f"artdesk: unexpected error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return 1
    finally:
        if ctx is not None:
            ctx.close()


if __name__ == "__main__":
    sys.exit(main())
