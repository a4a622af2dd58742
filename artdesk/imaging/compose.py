"""Abstract pictures drawn with Pillow for the demo catalog (and tests): no files, no downloads.

``render_composition(seed, palette, size, style)`` is deterministic: the same arguments give the
same pixels. Styles echo what the demo works are: colour fields, hard-edge geometry, gestural
marks, a horizon landscape, a portrait-like figure, a photograph-like soft gradient and
monochrome grids.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFilter

RGB = tuple[int, int, int]
STYLES = ("color_field", "geometric", "gestural", "landscape", "figure", "photo", "grid")


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _jitter(rng: random.Random, c: RGB, amount: int = 18) -> RGB:
    return tuple(max(0, min(255, v + rng.randint(-amount, amount))) for v in c)  # type: ignore[return-value]


def gradient(size: tuple[int, int], top: RGB, bottom: RGB, angle: float = 0.0) -> Image.Image:
    """A linear gradient from ``top`` to ``bottom``, turned by ``angle`` degrees."""
    # Drawn small and enlarged: a smooth ramp needs no more pixels, and this is much faster.
    small = (max(2, size[0] // 8), max(2, size[1] // 8))
    mask = Image.linear_gradient("L")
    if angle:
        mask = mask.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=128)
    mask = mask.resize(small, Image.Resampling.BILINEAR)
    ramp = Image.composite(Image.new("RGB", small, bottom), Image.new("RGB", small, top), mask)
    return ramp.resize(size, Image.Resampling.BILINEAR)


def _color_field(rng: random.Random, im: Image.Image, pal: Sequence[RGB]) -> None:
    w, h = im.size
    d = ImageDraw.Draw(im)
    bands = rng.randint(2, 3)
    margin = rng.uniform(0.06, 0.12)
    top = h * margin
    avail = h * (1 - 2 * margin)
    gap = h * rng.uniform(0.02, 0.05)
    heights = [rng.uniform(0.6, 1.4) for _ in range(bands)]
    scale = (avail - gap * (bands - 1)) / sum(heights)
    for i, frac in enumerate(heights):
        bh = frac * scale
        c = pal[(i + 1) % len(pal)]
        step = max(1.0, min(w, h) / 200)
        for k in range(4):  # soft, feathered edges
            inset = k * step
            box = (w * margin + inset, top + inset, w * (1 - margin) - inset, top + bh - inset)
            if box[2] > box[0] and box[3] > box[1]:
                d.rectangle(box, fill=_mix(pal[0], c, (k + 1) / 4))
        top += bh + gap


def _geometric(rng: random.Random, im: Image.Image, pal: Sequence[RGB]) -> None:
    w, h = im.size
    d = ImageDraw.Draw(im)
    for _ in range(rng.randint(5, 12)):
        c = rng.choice(pal)
        x0, y0 = rng.uniform(-0.1, 0.9) * w, rng.uniform(-0.1, 0.9) * h
        x1, y1 = x0 + rng.uniform(0.1, 0.5) * w, y0 + rng.uniform(0.1, 0.5) * h
        kind = rng.random()
        if kind < 0.45:
            d.rectangle((x0, y0, x1, y1), fill=c)
        elif kind < 0.75:
            d.ellipse((x0, y0, x1, y1), fill=c)
        else:
            d.polygon([(x0, y1), ((x0 + x1) / 2, y0), (x1, y1)], fill=c)
    for _ in range(rng.randint(0, 4)):
        y = rng.uniform(0, h)
        d.line(
            (0, y, w, y + rng.uniform(-h / 4, h / 4)),
            fill=rng.choice(pal),
            width=rng.randint(3, 14),
        )


def _gestural(rng: random.Random, im: Image.Image, pal: Sequence[RGB]) -> None:
    w, h = im.size
    d = ImageDraw.Draw(im)
    for _ in range(rng.randint(25, 60)):
        c = _jitter(rng, rng.choice(pal), 30)
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        pts = [(x, y)]
        for _ in range(rng.randint(2, 6)):
            x += rng.uniform(-0.2, 0.2) * w
            y += rng.uniform(-0.15, 0.15) * h
            pts.append((x, y))
        d.line(pts, fill=c, width=rng.randint(4, 28), joint="curve")
    for _ in range(rng.randint(5, 15)):
        r = rng.uniform(0.01, 0.05) * w
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        d.ellipse((x - r, y - r, x + r, y + r), fill=_jitter(rng, rng.choice(pal), 25))


def _landscape(rng: random.Random, im: Image.Image, pal: Sequence[RGB]) -> None:
    w, h = im.size
    horizon = rng.uniform(0.35, 0.65) * h
    sky = gradient((w, max(1, int(horizon))), _mix(pal[0], (255, 255, 255), 0.3), pal[0])
    im.paste(sky, (0, 0))
    d = ImageDraw.Draw(im)
    layers = rng.randint(2, 4)
    for i in range(layers):
        c = _mix(pal[(i + 1) % len(pal)], (20, 20, 20), i / (layers + 2))
        base = horizon + (h - horizon) * i / layers
        pts = [(0, h)]
        steps = rng.randint(4, 9)
        for k in range(steps + 1):
            pts.append((w * k / steps, base - rng.uniform(0, 0.18) * h))
        pts.append((w, h))
        d.polygon(pts, fill=c)
    if rng.random() < 0.6:
        r = rng.uniform(0.03, 0.08) * w
        x, y = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.3) * h
        d.ellipse((x - r, y - r, x + r, y + r), fill=_mix(pal[-1], (255, 240, 200), 0.6))


def _figure(rng: random.Random, im: Image.Image, pal: Sequence[RGB]) -> None:
    w, h = im.size
    d = ImageDraw.Draw(im)
    cx = w * rng.uniform(0.4, 0.6)
    body = _jitter(rng, pal[1 % len(pal)])
    d.ellipse((cx - w * 0.32, h * 0.55, cx + w * 0.32, h * 1.25), fill=body)
    d.rectangle((cx - w * 0.06, h * 0.42, cx + w * 0.06, h * 0.62), fill=_mix(body, pal[-1], 0.5))
    head = _jitter(rng, pal[-1])
    d.ellipse((cx - w * 0.14, h * 0.16, cx + w * 0.14, h * 0.5), fill=head)
    hair = _mix(pal[0], (30, 25, 20), 0.7)
    d.chord((cx - w * 0.15, h * 0.13, cx + w * 0.15, h * 0.42), 180, 360, fill=hair)


def _photo(rng: random.Random, im: Image.Image, pal: Sequence[RGB]) -> None:
    w, h = im.size
    small = gradient((64, 48), pal[0], pal[-1], rng.uniform(-40, 40))
    d = ImageDraw.Draw(small)
    for _ in range(rng.randint(4, 9)):
        r = rng.uniform(4, 16)
        x, y = rng.uniform(0, 64), rng.uniform(0, 48)
        d.ellipse((x - r, y - r, x + r, y + r), fill=_jitter(rng, rng.choice(pal), 30))
    small = small.filter(ImageFilter.GaussianBlur(3))
    im.paste(small.resize((w, h), Image.Resampling.BICUBIC), (0, 0))


def _grid(rng: random.Random, im: Image.Image, pal: Sequence[RGB]) -> None:
    w, h = im.size
    d = ImageDraw.Draw(im)
    cols, rows = rng.randint(3, 9), rng.randint(3, 9)
    cw, ch = w / cols, h / rows
    pad = rng.uniform(0.04, 0.15)
    for i in range(cols):
        for j in range(rows):
            c = _jitter(rng, pal[(i + j) % len(pal)], 22)
            d.rectangle(
                (
                    i * cw + cw * pad,
                    j * ch + ch * pad,
                    (i + 1) * cw - cw * pad,
                    (j + 1) * ch - ch * pad,
                ),
                fill=c,
            )


_COVERING = frozenset({"photo", "landscape"})
_PAINTERS = {
    "color_field": _color_field,
    "geometric": _geometric,
    "gestural": _gestural,
    "landscape": _landscape,
    "figure": _figure,
    "photo": _photo,
    "grid": _grid,
}


def render_composition(
    seed: int,
    palette: Sequence[RGB],
    size: tuple[int, int] = (600, 450),
    style: str = "geometric",
) -> Image.Image:
    """A deterministic abstract picture in the palette's colours (the first is the ground)."""
    if style not in _PAINTERS:
        raise ValueError(f"unknown style {style!r}; one of {', '.join(STYLES)}")
    if not palette:
        raise ValueError("the palette needs at least one colour")
    rng = random.Random(seed)
    pal = [tuple(int(v) for v in c) for c in palette]
    angle = rng.uniform(-30, 30)
    if style in _COVERING:  # painted over entirely: a flat ground saves drawing a gradient
        ground = Image.new("RGB", size, pal[0])
    else:
        ground = gradient(
            size, _mix(pal[0], (255, 255, 255), 0.15), _mix(pal[0], (0, 0, 0), 0.15), angle
        )
    _PAINTERS[style](rng, ground, pal)  # type: ignore[arg-type]
    return ground
