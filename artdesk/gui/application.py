"""The desktop application: QApplication, theme, translations, the window, the event loop.

``artdesk.app.run_desktop`` (the composition root) opens the catalog and the API server and
hands them here; this module owns everything Qt.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from artdesk.gui.dialogs import settings_store
from artdesk.gui.main_window import MainWindow
from artdesk.gui.tasks import TaskRunner
from artdesk.gui.theme import app_icon, apply_theme
from artdesk.resources import resource_roots

# How long a thread running Python keeps the GIL while another waits for it (CPython: 5 ms).
# Painting the table calls into Python for every cell, and each call needs the GIL; while a worker
# runs Python (turning a block of rows into artworks, the similarity index), 5 ms per wait adds
# up to a frozen window. A shorter slice costs the workers a little throughput, not the GUI.
GUI_SWITCH_INTERVAL_S = 0.0005


def configure_interpreter() -> None:
    """The interpreter settings the window needs to stay responsive (see GUI_SWITCH_INTERVAL_S)."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)


def create_application(argv: list[str] | None = None) -> QApplication:
    configure_interpreter()
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("artdesk")
    app.setOrganizationName("artdesk")
    app.setApplicationDisplayName("artdesk")
    app.setWindowIcon(app_icon())
    install_translations(app, QLocale.system())
    return app


def install_translations(app: QApplication, locale: QLocale) -> list[QTranslator]:
    """Qt's own strings and artdesk's for ``locale``, where there is a translation; the ones installed.

    artdesk's are ``resources/translations/artdesk_<language>.qm`` (compiled with
    ``pyside6-lrelease`` from the ``.ts`` beside it); QTranslator tries ``de_DE``, then ``de``.
    ``artdesk_en`` holds only the English plural forms ("1 work", "5 works") of the counted
    messages; it is installed first, so that any other language's translation comes before it.
    """
    installed = []
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    wanted = [english] if locale.language() == QLocale.Language.English else [english, locale]
    for which in wanted:
        for root in resource_roots():
            ours = QTranslator(app)
            if ours.load(which, "artdesk", "_", str(root / "translations")):
                app.installTranslator(ours)  # searched before the ones installed earlier
                installed.append(ours)
                break
    return installed


def freeze_startup_objects() -> None:
    """Take what starting made (modules, Qt wrappers, SQLAlchemy's mappers) out of the collector's view.

    A full garbage collection walks every tracked object; after start-up that is some 170,000 of
    them and a few hundred ms, during which the thread that triggered it (a worker, or the GUI
    thread itself) holds the GIL and the window cannot paint. Frozen objects are never walked
    again, so later collections only see what the session made since.
    """
    gc.freeze()


def freeze_when_settled(window: MainWindow) -> None:
    """Once the window's side lists are in (the sidebar filled), collect once and freeze again.

    What the first seconds made to keep (the sidebar's items, the filter lists, SQLAlchemy's
    compiled statements, the widgets' wrappers) would otherwise be walked by every later full
    collection, on whichever thread, holding the GIL. The collection first (one, on the GUI
    thread, of what start-up made: about 10 ms) so that no garbage is frozen for good.
    """

    def settled() -> None:
        gc.collect()
        gc.freeze()

    window.sidebar.loaded.connect(settled, Qt.ConnectionType.SingleShotConnection)


def remembered_catalog(data_dir: Path) -> str | None:
    """The catalog to open when none was named: the default from the preferences, else the last."""
    store = settings_store(data_dir)
    for key in ("catalog/default", "catalog/last"):
        value = str(store.value(key, "") or "").strip()
        if value and Path(value).exists():
            return value
    return None


class Desktop:
    """One running window on one catalog, with its task runner."""

    def __init__(
        self,
        app: QApplication,
        services: Any,
        data_dir: Path,
        *,
        catalog_label: str,
        catalog_path: Path | None,
        server: Any = None,
    ) -> None:
        self.app = app
        self.store: QSettings = settings_store(data_dir)
        if catalog_path is not None:
            self.store.setValue("catalog/last", str(catalog_path))
        apply_theme(app, str(self.store.value("view/theme", "system")))
        self.runner = TaskRunner()
        self.server = server
        self.window = MainWindow(
            services,
            self.runner,
            self.store,
            catalog_label=catalog_label,
            server=server,
            theme_changed=self.set_theme,
        )
        hints = app.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._scheme_changed)

    def set_theme(self, choice: str) -> None:
        apply_theme(self.app, choice)

    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if str(self.store.value("view/theme", "system")) == "system":
            apply_theme(self.app, "system")

    def start_server(self) -> None:
        """Start the API server off the GUI thread; the status bar shows its address."""
        if self.server is None:
            return
        self.runner.read(
            self.server.start,
            on_done=lambda _a: self.window.update_server_status(),
            on_error=lambda exc: (self.window.update_server_status(), self.window.show_error(exc)),
        )

    def run(self) -> int:
        freeze_startup_objects()
        freeze_when_settled(self.window)
        self.window.show()
        self.start_server()
        return self.app.exec()

    def stop_tasks(self) -> None:
        self.runner.stop(wait=True)
