"""Tests for artdesk.resources, the generated icons, the stylesheets and packaging/linux."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from artdesk import resources
from artdesk.resources import (
    ICON_SIZES,
    THEMES,
    icon_path,
    resource_path,
    resource_roots,
    stylesheet_path,
)

REPO = Path(__file__).resolve().parents[1]
LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / "io.artdesk.Artdesk.desktop"
METAINFO = LINUX / "io.artdesk.Artdesk.metainfo.xml"
INSTALL_SH = LINUX / "install.sh"


# ---- resource_path ------------------------------------------------------------------------


def test_resource_path_finds_svg_in_checkout():
    svg = resource_path("icons", "artdesk.svg")
    assert svg.is_file()
    assert svg.resolve() == (REPO / "resources" / "icons" / "artdesk.svg").resolve()
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "<svg" in svg.read_text(encoding="utf-8")


def test_resource_path_accepts_slash_separated_parts():
    assert resource_path("styles/light.qss") == resource_path("styles", "light.qss")


def test_icon_path_default_is_svg():
    assert icon_path() == resource_path("icons", "artdesk.svg")


def test_missing_resource_raises_file_not_found_with_searched_dirs():
    with pytest.raises(FileNotFoundError) as excinfo:
        resource_path("icons", "no-such-icon.png")
    message = str(excinfo.value)
    assert "icons/no-such-icon.png" in message
    assert str(REPO / "resources") in message


@pytest.mark.parametrize(
    "bad", [("..", "pyproject.toml"), ("icons/../../README.md",), ("/etc/passwd",)]
)
def test_resource_path_rejects_escaping_paths(bad):
    with pytest.raises(ValueError):
        resource_path(*bad)


def test_resource_path_requires_a_component():
    with pytest.raises(ValueError):
        resource_path()


@pytest.mark.parametrize("size", [0, 17, 1024, True, "32"])
def test_icon_path_rejects_unknown_sizes(size):
    with pytest.raises(ValueError, match="available sizes"):
        icon_path(size)


def test_stylesheet_path_rejects_unknown_theme():
    with pytest.raises(ValueError, match="unknown theme"):
        stylesheet_path("neon")


def test_pyinstaller_bundle_dir_is_searched_first(tmp_path, monkeypatch):
    bundled = tmp_path / "resources" / "icons" / "artdesk.svg"
    bundled.parent.mkdir(parents=True)
    bundled.write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert resource_roots()[0] == tmp_path / "resources"
    assert icon_path() == bundled
    # Files the bundle lacks still resolve through the later roots.
    assert stylesheet_path("dark").is_file()


def test_package_data_dir_is_searched_before_checkout(tmp_path, monkeypatch):
    package_dir = tmp_path / "site-packages" / "artdesk"
    qss = package_dir / "_resources" / "styles" / "light.qss"
    qss.parent.mkdir(parents=True)
    qss.write_text("QWidget {}", encoding="utf-8")
    monkeypatch.setattr(resources, "_PACKAGE_DIR", package_dir)

    assert resource_roots() == [package_dir / "_resources"]
    assert stylesheet_path("light") == qss
    with pytest.raises(FileNotFoundError, match=r"styles/dark\.qss"):
        stylesheet_path("dark")


def test_resources_module_does_not_import_qt():
    code = (
        "import sys, artdesk.resources as r; r.icon_path(16); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# ---- icons --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ICON_SIZES)
def test_hicolor_png_has_right_pixel_size(size):
    path = icon_path(size)
    assert path.parts[-4:] == ("hicolor", f"{size}x{size}", "apps", "artdesk.png")
    with Image.open(path) as im:
        assert im.format == "PNG"
        assert im.size == (size, size)
        assert im.mode == "RGBA"
        rgba = im.convert("RGBA")
    # Transparent outside the rounded tile, opaque in the middle.
    assert rgba.getpixel((0, 0))[3] == 0
    assert rgba.getpixel((size // 2, size // 2))[3] == 255


def test_ico_holds_all_windows_sizes():
    with Image.open(resource_path("icons", "artdesk.ico")) as im:
        assert im.format == "ICO"
        sizes = {tuple(s) for s in im.info["sizes"]}
    assert {(n, n) for n in (16, 24, 32, 48, 64, 128, 256)} <= sizes


def test_committed_pngs_match_the_svg():
    pytest.importorskip("PySide6.QtSvg", reason="PySide6 QtSvg is needed to render the SVG")
    proc = subprocess.run(
        [sys.executable, str(REPO / "resources" / "make_icons.py"), "--check"],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, (
        "committed icons are stale; run python resources/make_icons.py\n"
        + proc.stdout
        + proc.stderr
    )


# ---- stylesheets --------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_stylesheet_exists_and_is_non_empty(theme):
    path = stylesheet_path(theme)
    assert path.name == f"{theme}.qss"
    text = path.read_text(encoding="utf-8")
    for selector in ("#catalogTable", "#sidebar", "#editorForm", "QStatusBar"):
        assert selector in text
    assert "palette(" in text
    assert text.count("{") == text.count("}")


@pytest.mark.parametrize("theme", THEMES)
def test_stylesheet_parses_in_qt(theme):
    pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is needed to parse the stylesheet")
    script = r"""
import sys
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import (QApplication, QLineEdit, QListView, QStatusBar, QTableView,
                               QVBoxLayout, QWidget)
messages = []
qInstallMessageHandler(lambda kind, ctx, msg: messages.append(msg))
app = QApplication([])
root = QWidget()
root.setStyleSheet(open(sys.argv[1], encoding="utf-8").read())
layout = QVBoxLayout(root)
layout.addWidget(QListView(objectName="sidebar"))
layout.addWidget(QTableView(objectName="catalogTable"))
form = QWidget(objectName="editorForm")
QVBoxLayout(form).addWidget(QLineEdit())
layout.addWidget(form)
layout.addWidget(QStatusBar())
root.show()
app.processEvents()
root.grab()
bad = [m for m in messages if "stylesheet" in m.lower()]
print(bad)
sys.exit(1 if bad else 0)
"""
    proc = subprocess.run(
        [sys.executable, "-c", script, str(stylesheet_path(theme))],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


# ---- packaging/linux ----------------------------------------------------------------------


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(
            f"{tool} is not installed (Debian: apt-get install appstream desktop-file-utils)"
        )
    return path


def test_desktop_entry_validates():
    tool = _require("desktop-file-validate")
    proc = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in (proc.stdout + proc.stderr).lower()


def test_desktop_entry_fields():
    text = DESKTOP.read_text(encoding="utf-8")
    lines = set(text.splitlines())
    assert "[Desktop Entry]" in lines
    assert "Exec=artdesk" in lines
    assert "Icon=artdesk" in lines
    assert "Categories=Office;Database;" in lines


def test_metainfo_validates():
    tool = _require("appstreamcli")
    proc = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    output = proc.stdout + proc.stderr
    assert "E:" not in output and "W:" not in output, output


def test_metainfo_content():
    import xml.etree.ElementTree as ET

    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "io.artdesk.Artdesk"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "artdesk"
    release = root.find("releases/release")
    assert release is not None
    assert (release.get("version"), release.get("date")) == ("0.1.0", "2026-11-23")


@pytest.mark.skipif(sys.platform == "win32", reason="install.sh is a POSIX shell script")
def test_install_sh_installs_freedesktop_layout(tmp_path):
    prefix = tmp_path / "prefix"
    env = dict(os.environ, HOME=str(tmp_path / "home"))
    proc = subprocess.run(
        ["sh", str(INSTALL_SH), "--prefix", str(prefix)], env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

    share = prefix / "share"
    desktop = share / "applications" / DESKTOP.name
    metainfo = share / "metainfo" / METAINFO.name
    assert desktop.read_bytes() == DESKTOP.read_bytes()
    assert metainfo.read_bytes() == METAINFO.read_bytes()
    for size in ICON_SIZES:
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "artdesk.png"
        with Image.open(png) as im:
            assert im.size == (size, size)
    svg = share / "icons" / "hicolor" / "scalable" / "apps" / "artdesk.svg"
    assert svg.read_bytes() == icon_path().read_bytes()
    assert not (tmp_path / "home").exists(), "an explicit --prefix must not touch $HOME"

    proc = subprocess.run(
        ["sh", str(INSTALL_SH), "--prefix", str(prefix), "--uninstall"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not desktop.exists() and not metainfo.exists() and not svg.exists()
    assert not list(share.glob("icons/hicolor/*/apps/artdesk.*"))


@pytest.mark.skipif(sys.platform == "win32", reason="install.sh is a POSIX shell script")
def test_install_sh_defaults_to_home_local_and_honours_destdir(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    proc = subprocess.run(
        ["sh", str(INSTALL_SH)],
        env=dict(os.environ, HOME=str(home), PREFIX="", DESTDIR=""),
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (home / ".local" / "share" / "applications" / DESKTOP.name).is_file()

    stage = tmp_path / "stage"
    proc = subprocess.run(
        ["sh", str(INSTALL_SH), "--prefix", "/usr"],
        env=dict(os.environ, HOME=str(home), DESTDIR=str(stage)),
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (stage / "usr" / "share" / "metainfo" / METAINFO.name).is_file()
    assert (stage / "usr/share/icons/hicolor/48x48/apps/artdesk.png").is_file()


@pytest.mark.skipif(sys.platform == "win32", reason="install.sh is a POSIX shell script")
def test_install_sh_rejects_relative_prefix(tmp_path):
    proc = subprocess.run(
        ["sh", str(INSTALL_SH), "--prefix", "relative/dir"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "absolute" in proc.stderr
    assert not (tmp_path / "relative").exists()
