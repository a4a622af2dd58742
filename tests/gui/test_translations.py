"""Translations: the shipped German one is complete and current and reaches the real window, and
a .ts made here is compiled with pyside6-lrelease and loaded as the app loads its own."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

import artdesk.gui
from artdesk.gui.application import install_translations
from artdesk.gui.dialogs import PreferencesDialog, settings_store
from artdesk.gui.main_window import MainWindow
from artdesk.gui.table_model import COLUMN_INDEX, availability_label
from artdesk.resources import resource_path

LRELEASE = shutil.which("pyside6-lrelease")
LUPDATE = shutil.which("pyside6-lupdate")
# what must come through a translation unchanged: str.format fields, Qt's %n / %1 and [*], markup
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n|%L?\d|\[\*\]|<[^>]+>")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, message element) of every message in a .ts file."""
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name"), message.findtext("source"), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translations(message: ET.Element) -> list[str]:
    """A message's translation, or its plural forms."""
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def mnemonic(text: str) -> str | None:
    """The accelerator letter of a menu text (the character after a single ``&``)."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


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
    assert window.search.placeholderText() == (
        "Titel, Künstler, Technik, Inventarnummer suchen… (Strg+F)"
    )
    assert window.artist_filter.placeholderText() == "Künstler/in"
    # read with the sidebar's lists once the first rows are shown
    qtbot.waitUntil(lambda: window.sync_status.text() == "Synchronisiert: nie", timeout=15000)
    # the count takes the plural form for the number of works
    qtbot.waitUntil(lambda: window.count_status.text() == "5 Werke", timeout=15000)
    assert QCoreApplication.translate("MainWindow", "{shown} works", "", 1) == "{shown} Werk"
    sidebar = [window.sidebar.topLevelItem(i).text(0) for i in range(4)]
    assert sidebar == ["Alle Werke", "Mögliche Duplikate", "Partner", "Künstler"]
    tabs = window.editor.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Angaben",
        "Auflagen",
        "Merkmale",
        "Bilder",
        "Ähnliche Werke",
    ]
    assert window.editor.save_button.text() == "Speichern"
    assert window.undo_action.text() == "&Rückgängig"
    window.close()
    prefs = PreferencesDialog(settings_store(tmp_path / "prefs"))
    qtbot.addWidget(prefs)
    assert prefs.windowTitle() == "Einstellungen"


def test_no_two_entries_of_a_german_menu_share_an_accelerator(
    qtbot, german, services, runner, tmp_path
):  # noqa: ANN001
    window = MainWindow(services, runner, settings_store(tmp_path / "prefs"), catalog_label="t")
    qtbot.addWidget(window)
    menus = [a.menu() for a in window.menuBar().actions()]
    entries = {"menu bar": [a.text() for a in window.menuBar().actions()]}
    entries.update(
        {menu.title(): [a.text() for a in menu.actions() if not a.isSeparator()] for menu in menus}
    )
    assert "&Datei" in entries
    for name, texts in entries.items():
        letters = [mnemonic(text) for text in texts]
        assert None not in letters, (name, texts)
        assert len(set(letters)) == len(letters), (name, texts)
    window.close()


def test_every_message_of_the_shipped_german_translation_is_translated():
    found = messages(resource_path("translations", "artdesk_de.ts"))
    assert len(found) > 400
    for context, source, message in found:
        where = (context, source)
        assert message.find("translation").get("type") is None, where  # unfinished, vanished
        forms = translations(message)
        # German has a singular and a plural
        assert len(forms) == (2 if message.get("numerus") == "yes" else 1), where
        for text in forms:
            assert text.strip(), where
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                where,
                text,
            )
            assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&"), where
            assert text.endswith("…") == source.endswith("…"), where


@pytest.mark.skipif(LUPDATE is None, reason="pyside6-lupdate (PySide6's tools) is not on PATH")
@pytest.mark.parametrize(("name", "options"), [("artdesk_de", []), ("artdesk_en", ["-pluralonly"])])
def test_the_shipped_translations_have_every_string_of_the_gui(tmp_path, name, options):  # noqa: ANN001
    shipped = resource_path("translations", f"{name}.ts")
    fresh = tmp_path / f"{name}.ts"
    shutil.copyfile(shipped, fresh)
    gui = Path(artdesk.gui.__file__).parent
    sources = sorted(str(p) for p in gui.rglob("*.py"))
    subprocess.run([LUPDATE, *options, "-no-obsolete", *sources, "-ts", str(fresh)], check=True)
    current = {(c, s) for c, s, m in messages(fresh)}
    assert current == {(c, s) for c, s, m in messages(shipped)}, (
        "run the README's pyside6-lupdate commands and translate the new strings"
    )


def test_the_english_plural_forms_are_the_only_ones_for_a_language_without_a_translation(
    qapp,  # noqa: ANN001
):
    installed = install_translations(qapp, QLocale(QLocale.Language.Icelandic))
    try:
        ours = [Path(t.filePath()).name for t in installed if "artdesk" in t.filePath()]
        assert ours == ["artdesk_en.qm"]
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        one = QCoreApplication.translate("MainWindow", "{shown} works", "", 1)
        many = QCoreApplication.translate("MainWindow", "{shown} works", "", 5)
        assert (one, many) == ("{shown} work", "{shown} works")
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_every_counted_message_has_its_english_singular():
    english = {(c, s): m for c, s, m in messages(resource_path("translations", "artdesk_en.ts"))}
    counted = {
        (c, s) for c, s, m in messages(resource_path("translations", "artdesk_de.ts"))
        if m.get("numerus") == "yes"
    }  # fmt: skip
    assert counted and set(english) == counted
    for key, message in english.items():
        one, many = translations(message)
        assert message.find("translation").get("type") is None, key
        assert PLACEHOLDER.findall(one) == PLACEHOLDER.findall(key[1]), key
        assert "(s)" not in one + many and one != many or key[1].endswith("of {total} works")


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
@pytest.mark.parametrize("name", ["artdesk_de", "artdesk_en"])
def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path, name):  # noqa: ANN001
    ts = resource_path("translations", f"{name}.ts")
    fresh = tmp_path / f"{name}.qm"
    subprocess.run([LRELEASE, "-nounfinished", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == resource_path("translations", f"{name}.qm").read_bytes()


def test_fields_are_named_by_their_labels_in_german(german):  # noqa: ANN001
    from artdesk.gui.labels import FIELD_LABELS, field_label

    assert [field_label(f) for f in ("creation_year", "medium", "credit_line")] == [
        "Jahr",
        "Technik",
        "Creditline",
    ]
    assert all(field_label(f) != text for f, text in FIELD_LABELS.items())
    assert field_label("a_field_of_tomorrow") == "a_field_of_tomorrow"
