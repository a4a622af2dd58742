"""Light and dark palettes and stylesheets; "system" follows the desktop's colour scheme."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from artdesk.resources import ICON_SIZES, icon_path, stylesheet_path

log = logging.getLogger(__name__)

THEME_CHOICES = ("system", "light", "dark")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def effective_theme(choice: str) -> str:
    if choice in ("light", "dark"):
        return choice
    return "dark" if system_is_dark() else "light"


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1f2229"), QColor("#272b33"), QColor("#e4e6eb")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#252932"))
    p.setColor(QPalette.ColorRole.ToolTipBase, window)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, window)
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.BrightText, QColor("#ff6b6b"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#b7822a"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Link, QColor("#e0b15a"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a909c"))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6c717c"))
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#f4f5f7"))
    p.setColor(QPalette.ColorRole.WindowText, QColor("#1d2026"))
    p.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f8fa"))
    p.setColor(QPalette.ColorRole.Text, QColor("#1d2026"))
    p.setColor(QPalette.ColorRole.Button, QColor("#eceef1"))
    p.setColor(QPalette.ColorRole.ButtonText, QColor("#1d2026"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#c99a45"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.ToolTipText, QColor("#1d2026"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a8f99"))
    return p


def apply_theme(app: QApplication, choice: str) -> str:
    """Apply the palette and stylesheet for ``choice``; returns the theme applied."""
    theme = effective_theme(choice)
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if theme == "dark" else _light_palette())
    try:
        app.setStyleSheet(stylesheet_path(theme).read_text(encoding="utf-8"))
    except (OSError, FileNotFoundError) as exc:
        log.warning("no stylesheet for the %s theme: %s", theme, exc)
        app.setStyleSheet("")
    return theme


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        try:
            icon.addFile(str(icon_path(size)))
        except (FileNotFoundError, ValueError):
            continue
    return icon
