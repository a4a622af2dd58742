"""Build the artdesk desktop bundle with PyInstaller (one-folder build).

    python packaging/build.py                 # -> dist/artdesk/ (and dist/Artdesk.app on macOS)
    python packaging/build.py --dist OUT      # -> OUT/artdesk/
    python packaging/build.py --dist OUT --work TMP

Runs the same spec (packaging/pyinstaller/artdesk.spec) on Linux, Windows and macOS with the
Python that runs this script; PyInstaller comes from the `build` extra
(``pip install -e '.[build]'``).  Nothing is downloaded.  When the build succeeds it prints the
bundle's folder, its size and how long the build took.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pyinstaller" / "artdesk.spec"
NAME = "artdesk"


def folder_size(path: Path) -> int:
    total = 0
    for dirpath, _dirnames, filenames in os.walk(path):
        for filename in filenames:
            file = Path(dirpath) / filename
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def executable(dist: Path) -> Path:
    """The built program inside ``dist``."""
    return dist / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def build(dist: Path, work: Path, *, quiet: bool = False) -> Path:
    """Run PyInstaller on the spec; return the bundle folder (``dist/artdesk``)."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit(
            "build.py: PyInstaller is not installed for this Python; "
            "install the build extra: pip install -e '.[build]'"
        )
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--log-level",
        "WARN" if quiet else "INFO",
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    return dist / NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dist",
        type=Path,
        default=ROOT / "dist",
        help="where the bundle folder goes (default: dist/ in the repository)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build" / "pyinstaller",
        help="PyInstaller's work folder (default: build/pyinstaller)",
    )
    parser.add_argument("--quiet", action="store_true", help="only PyInstaller's warnings")
    args = parser.parse_args(argv)

    started = time.monotonic()
    try:
        bundle = build(args.dist.resolve(), args.work.resolve(), quiet=args.quiet)
    except subprocess.CalledProcessError as exc:
        print(f"build.py: PyInstaller failed (exit code {exc.returncode})", file=sys.stderr)
        return 1
    elapsed = time.monotonic() - started
    size = folder_size(bundle)
    print(f"built {bundle} ({size / 2**20:.0f} MiB) in {elapsed:.0f} s")
    print(f"run it: {executable(bundle.parent)} --version")
    return 0


if __name__ == "__main__":
    sys.exit(main())
