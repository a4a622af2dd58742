"""Locate artdesk's bundled resources (icons, stylesheets) in every way artdesk can be run.

The files live in the repository's top-level ``resources/`` directory.  Depending on how
artdesk was started, that tree is found in one of these places, tried in this order:

1. **PyInstaller bundle** (``sys.frozen`` is set): ``<sys._MEIPASS>/resources``.  The
   PyInstaller spec adds the tree with ``datas=[("resources", "resources")]``.  If
   ``_MEIPASS`` is absent (some freezers), ``<dir of sys.executable>/resources`` is used.
2. **Installed wheel** (regular, non-editable install): ``<artdesk package>/_resources``.
   A wheel has no access to the repository, so the tree is shipped as *package data* under
   ``artdesk/_resources``.  In the repository, ``artdesk/_resources`` is a symbolic link to
   ``../resources``; setuptools follows it when building the sdist and the wheel, so the
   installed package contains real files.  pyproject.toml lists the files as package data
   of ``artdesk`` (``_resources/icons/...``, ``_resources/styles/*.qss``) and excludes
   ``artdesk._resources*`` from package discovery so that ``make_icons.py`` is not
   installed as a module.
3. **Source checkout / editable install**: ``<repo>/resources`` next to the ``artdesk``
   package directory.  This also covers a checkout where the symbolic link of (2) is
   missing or was checked out as a plain file (Git on Windows without symlink support).

Package data was chosen over ``data-files`` (which install under ``sys.prefix/share`` and
are not found for ``--target`` or zipped installs) and over ``importlib.resources`` file
handles (every caller here needs a real path: Qt loads icons and stylesheets by file name).

This module uses the standard library only and never imports Qt; ``artdesk.gui`` turns the
returned paths into ``QIcon``/stylesheet strings.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

__all__ = [
    "ICON_SIZES",
    "THEMES",
    "icon_path",
    "resource_path",
    "resource_roots",
    "stylesheet_path",
]

#: Pixel sizes rendered by ``resources/make_icons.py`` into the hicolor layout.
ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)
#: Stylesheet themes shipped in ``resources/styles``.
THEMES: tuple[str, ...] = ("light", "dark")

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_roots() -> list[Path]:
    """Return the candidate ``resources`` directories that exist, in lookup order."""
    candidates: list[Path] = []
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None)
        if bundle:
            candidates.append(Path(bundle) / "resources")
        candidates.append(Path(sys.executable).resolve().parent / "resources")
    candidates.append(_PACKAGE_DIR / "_resources")
    candidates.append(_PACKAGE_DIR.parent / "resources")

    roots: list[Path] = []
    for candidate in candidates:
        if candidate.is_dir() and candidate not in roots:
            roots.append(candidate)
    return roots


def _relative_parts(parts: tuple[str, ...]) -> tuple[str, ...]:
    if not parts:
        raise ValueError("resource_path() needs at least one path component")
    pieces: list[str] = []
    for part in parts:
        pure = PurePosixPath(str(part).replace("\\", "/"))
        if pure.is_absolute() or (len(pure.parts) and ":" in pure.parts[0]):
            raise ValueError(f"resource path components must be relative, got {part!r}")
        for piece in pure.parts:
            if piece == "..":
                raise ValueError(f"resource path may not leave the resources tree: {part!r}")
            if piece != ".":
                pieces.append(piece)
    if not pieces:
        raise ValueError(f"resource path is empty: {parts!r}")
    return tuple(pieces)


def resource_path(*parts: str) -> Path:
    """Return the absolute path of ``resources/<parts...>``.

    ``parts`` are path components relative to the resources tree, e.g.
    ``resource_path("icons", "artdesk.svg")`` or ``resource_path("styles/dark.qss")``.

    Raises :class:`FileNotFoundError` naming every directory searched when the file is in
    none of them, and :class:`ValueError` for absolute paths or ``..`` components.
    """
    relative = _relative_parts(parts)
    roots = resource_roots()
    for root in roots:
        candidate = root.joinpath(*relative)
        if candidate.exists():
            return candidate
    wanted = "/".join(relative)
    searched = ", ".join(str(r) for r in roots) or "no resources directory exists"
    raise FileNotFoundError(
        f"artdesk resource {wanted!r} not found (searched: {searched}). "
        "In a source checkout run 'python resources/make_icons.py' to regenerate icons; "
        "an installed or bundled artdesk is missing files and should be reinstalled."
    )


def icon_path(size: int | None = None) -> Path:
    """Return the application icon: the SVG for ``None``, else the ``size`` px hicolor PNG.

    ``size`` must be one of :data:`ICON_SIZES`; any other value raises :class:`ValueError`.
    """
    if size is None:
        return resource_path("icons", "artdesk.svg")
    if isinstance(size, bool) or not isinstance(size, int) or size not in ICON_SIZES:
        raise ValueError(
            f"no {size!r} px artdesk icon; available sizes: {', '.join(map(str, ICON_SIZES))}"
        )
    return resource_path("icons", "hicolor", f"{size}x{size}", "apps", "artdesk.png")


def stylesheet_path(theme: str) -> Path:
    """Return the Qt stylesheet for ``theme`` (one of :data:`THEMES`)."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; expected one of {', '.join(THEMES)}")
    return resource_path("styles", f"{theme}.qss")
