"""`artdesk` / `artdesk gui`: the desktop application."""

from __future__ import annotations

import argparse
import os
import sys

from artdesk.core.errors import ArtdeskError

NO_DISPLAY_REASON = "no display to open the desktop app on"
NO_DISPLAY = (
    f"{NO_DISPLAY_REASON}: use `artdesk serve` for the API server, or set QT_QPA_PLATFORM=offscreen"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "gui", help="open the desktop app on the catalog (what `artdesk` alone does)"
    )
    p.add_argument(
        "--quit-after",
        type=float,
        metavar="SECONDS",
        help="quit cleanly (exit code 0) after SECONDS; for smoke tests and packaging checks",
    )
    p.set_defaults(func=run_gui)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run_gui(args: argparse.Namespace, ctx) -> int:  # noqa: ANN001
    if not has_display():
        raise ArtdeskError(NO_DISPLAY)
    quit_after = getattr(args, "quit_after", None)
    if quit_after is not None and quit_after < 0:
        raise ArtdeskError(f"--quit-after must be zero or more seconds, not {quit_after}")
    from artdesk.app import run_desktop
    from artdesk.gui.lifecycle import quit_requests

    # SIGINT/SIGTERM (and --quit-after) quit the Qt event loop cleanly instead of killing it.
    with quit_requests(quit_after=quit_after):
        return run_desktop(ctx)
