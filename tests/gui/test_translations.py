"""Translations: the shipped German one reaches the real window, and a .ts made here is compiled
with pyside6-lrelease and loaded as the app loads its own."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from artdesk.gui.application import install_translations
from artdesk.gui.dialogs import settings_store
from artdesk.gui.main_window import MainWindow
from artdesk.gui.table_model import COLUMN_INDEX, availability_label
from artdesk.resources import resource_path

LRELEASE = shutil.which("pyside6-lrelease")


@pytest.fixture
def german(qapp):  # noqa: ANN001, ANN201
    installed = install_translations(
        qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany)
    )
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


def test_the_window_speaks_german_with_the_shipped_translation(
    qtbot, german, services, runner, catalog_works, tmp_path
):  # noqa: ANN001
    assert any(Path(t.filePath()).name == "artdesk_de.qm" for t in german)
    window = MainWindow(services, runner, settings_store(tmp_path / "prefs"), catalog_label="t")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.loaded, timeout=15000)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:3] == ["&Datei", "&Bearbeiten", "&Ansicht"]
    assert window.findChild(type(window.new_action), "newWork").text() == "&Neues Werk"
    header = window.model.headerData(COLUMN_INDEX["title"], Qt.Orientation.Horizontal)
    assert header == "Titel"
    assert availability_label("not_for_sale") == "unverkäuflich"
    # a string the German file leaves untranslated stays in English
    assert window.search.placeholderText().startswith("Titel, Künstler")
    assert QCoreApplication.translate("MainWindow", "Sync: never") == "Sync: never"
    window.close()


def test_no_translation_for_a_language_artdesk_has_none_for(qapp):  # noqa: ANN001
    installed = install_translations(qapp, QLocale(QLocale.Language.Icelandic))
    try:
        assert not any(Path(t.filePath()).name.startswith("artdesk") for t in installed)
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


@pytest.mark.skipif(LRELEASE is None, reason="pyside6-lrelease (PySide6's tools) is not on PATH")
def test_a_translation_written_here_is_compiled_and_loaded(qtbot, qapp, tmp_path):  # noqa: ANN001
    ts = tmp_path / "artdesk_fr.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    subprocess.run([LRELEASE, str(ts), "-qm", str(tmp_path / "artdesk_fr.qm")], check=True)
    translator = QTranslator()
    assert translator.load(
        QLocale(QLocale.Language.French, QLocale.Country.France), "artdesk", "_", str(tmp_path)
    )
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&Fichier"
        assert QCoreApplication.translate("MainWindow", "&Edit") == "&Edit"
    finally:
        qapp.removeTranslator(translator)


@pytest.mark.skipif(LRELEASE is None, reason="pyside6-lrelease (PySide6's tools) is not on PATH")
def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path):  # noqa: ANN001
    ts = resource_path("translations", "artdesk_de.ts")
    fresh = tmp_path / "artdesk_de.qm"
    subprocess.run([LRELEASE, "-nounfinished", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == resource_path("translations", "artdesk_de.qm").read_bytes()
