"""Render the artdesk application icon from ``icons/artdesk.svg``.

Writes, next to this script:

* ``icons/hicolor/<N>x<N>/apps/artdesk.png`` for N in 16, 24, 32, 48, 64, 128, 256, 512
  (freedesktop hicolor theme layout, used by ``packaging/linux/install.sh``);
* ``icons/artdesk.ico`` (Windows; 16-256 px frames taken from the PNGs above, not resampled);
* ``icons/artdesk.icns`` (macOS; 32-1024 px) when Pillow writes an ICNS file that reads
  back with every requested size; otherwise an existing ``artdesk.icns`` is left untouched
  and a note is printed.

Rendering uses Qt's SVG renderer (PySide6's QtSvg, part of PySide6-Essentials) on the
``offscreen`` platform, so no display is needed.  Each size is rendered straight from the
vector source rather than downscaled from a large bitmap, which keeps small sizes crisp.

Usage::

    python resources/make_icons.py            # render everything
    python resources/make_icons.py --check    # exit 1 if a committed output is missing/stale
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICONS = HERE / "icons"
SVG = ICONS / "artdesk.svg"

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Pillow's ICNS writer stores the PNG-encoded slots ic07-ic14 (128-1024 px and the @2x
# variants of 16/32/128/256/512, i.e. 32-1024 px); it has no 16 px @1x slot.
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)


#: Largest mean per-channel difference (0-255) tolerated by ``--check`` between a committed
#: PNG and a fresh render; absorbs anti-aliasing differences between Qt versions.
CHECK_TOLERANCE = 2.0


def png_path(size: int, icons_dir: Path = ICONS) -> Path:
    return icons_dir / "hicolor" / f"{size}x{size}" / "apps" / "artdesk.png"


def render_png(svg: Path, size: int) -> bytes:
    """Render *svg* to a square transparent PNG of *size* pixels and return its bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        render_png._app = QGuiApplication([sys.argv[0]])  # keep a reference alive

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise RuntimeError(f"Qt could not parse {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not encode the {size}px PNG")
    buffer.close()
    return bytes(data.data())


def _normalise_png(raw: bytes) -> bytes:
    """Re-encode through Pillow so the output is byte-stable (RGBA, no Qt text chunks)."""
    from PIL import Image

    with Image.open(io.BytesIO(raw)) as im:
        im = im.convert("RGBA")
        out = io.BytesIO()
        im.save(out, "PNG", optimize=True)
        return out.getvalue()


def write_ico(pngs: dict[int, Path], target: Path) -> None:
    from PIL import Image

    frames = [Image.open(pngs[s]).convert("RGBA") for s in ICO_SIZES]
    largest = frames[-1]
    largest.save(
        target,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=frames[:-1],
    )
    with Image.open(target) as check:
        found = {tuple(s) for s in check.info.get("sizes", set())}
    missing = {(s, s) for s in ICO_SIZES} - found
    if missing:
        raise RuntimeError(f"{target} is missing sizes {sorted(missing)}")


def try_write_icns(pngs: dict[int, Path], target: Path) -> bool:
    """Write *target* with Pillow and verify it reads back; return False if unsupported.

    Pillow's ICNS writer emits every slot up to 1024 px (the 512@2x "ic10" entry) and resizes
    the base image for any slot that no appended image matches, so a 1024 px frame is
    rendered from the SVG for it instead of letting Pillow upscale the 512 px bitmap.
    """
    from PIL import Image

    frames = []
    for s in ICNS_SIZES:
        if s in pngs:
            frames.append(Image.open(pngs[s]).convert("RGBA"))
        else:
            frames.append(Image.open(io.BytesIO(render_png(SVG, s))).convert("RGBA"))
    tmp = target.with_suffix(".icns.tmp")
    try:
        frames[-1].save(tmp, format="ICNS", append_images=frames[:-1])
        with Image.open(tmp) as check:
            found = {w * scale for (w, _h, scale) in check.info.get("sizes", [])}
            check.load()
            if check.size != (1024, 1024):
                raise ValueError(f"largest frame is {check.size}, expected 1024x1024")
        missing = set(ICNS_SIZES) - found
        if missing:
            raise ValueError(f"frames missing for sizes {sorted(missing)}")
    except (OSError, ValueError, KeyError) as exc:
        tmp.unlink(missing_ok=True)
        print(f"note: skipped {target.name}: Pillow could not write a valid ICNS ({exc})")
        return False
    tmp.replace(target)
    return True


def build(icons_dir: Path = ICONS) -> list[Path]:
    """Render every output from ``SVG`` into *icons_dir*; return the files written."""
    written: list[Path] = []
    pngs: dict[int, Path] = {}
    for size in SIZES:
        path = png_path(size, icons_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_normalise_png(render_png(SVG, size)))
        pngs[size] = path
        written.append(path)
    ico = icons_dir / "artdesk.ico"
    write_ico(pngs, ico)
    written.append(ico)
    icns = icons_dir / "artdesk.icns"
    if try_write_icns(pngs, icns):
        written.append(icns)
    return written


def check(icons_dir: Path = ICONS) -> list[str]:
    """Compare the committed outputs with a fresh render; return a list of problems.

    A PNG is stale when its size is wrong or its pixels differ from the current SVG by more
    than ``CHECK_TOLERANCE`` on average (file bytes are not compared: encoders differ).
    """
    from PIL import Image, ImageChops, ImageStat

    problems: list[str] = []
    for size in SIZES:
        path = png_path(size, icons_dir)
        if not path.is_file():
            problems.append(f"missing: {path}")
            continue
        with Image.open(path) as committed:
            committed = committed.convert("RGBA")
        if committed.size != (size, size):
            problems.append(f"wrong size {committed.size}: {path}")
            continue
        fresh = Image.open(io.BytesIO(render_png(SVG, size))).convert("RGBA")
        diff = ImageStat.Stat(ImageChops.difference(committed, fresh)).mean
        if max(diff) > CHECK_TOLERANCE:
            problems.append(f"differs from the SVG (mean channel diff {max(diff):.1f}): {path}")
    ico = icons_dir / "artdesk.ico"
    if not ico.is_file():
        problems.append(f"missing: {ico}")
    else:
        with Image.open(ico) as im:
            found = {tuple(sz) for sz in im.info.get("sizes", set())}
        lacking = sorted({(n, n) for n in ICO_SIZES} - found)
        if lacking:
            problems.append(f"{ico} lacks sizes {lacking}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a committed PNG/ICO is missing or no longer matches the SVG",
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for line in problems:
            print(line)
        return 1 if problems else 0
    for path in build():
        print(f"wrote {path.relative_to(HERE)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
