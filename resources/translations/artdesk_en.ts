<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArtworkEditor</name>
    <message numerus="yes">
        <location filename="../../artdesk/gui/editor.py" line="561"/>
        <source>%n problem(s) to fix</source>
        <translation>
            <numerusform>%n problem to fix</numerusform>
            <numerusform>%n problems to fix</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../artdesk/gui/dialogs.py" line="824"/>
        <source>Exported {n} works to {path}.</source>
        <translation>
            <numerusform>Exported {n} work to {path}.</numerusform>
            <numerusform>Exported {n} works to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../artdesk/gui/dialogs.py" line="620"/>
        <source>{n} columns, {mapped} mapped ({how}).</source>
        <translation>
            <numerusform>{n} column, {mapped} mapped ({how}).</numerusform>
            <numerusform>{n} columns, {mapped} mapped ({how}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/dialogs.py" line="691"/>
        <source>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected ({seconds:.1f} s).</source>
        <translation>
            <numerusform>{rows} row: {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected ({seconds:.1f} s).</numerusform>
            <numerusform>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected ({seconds:.1f} s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../artdesk/gui/main_window.py" line="552"/>
        <source>{shown} of {total} works</source>
        <translation>
            <numerusform>{shown} of {total} works</numerusform>
            <numerusform>{shown} of {total} works</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/main_window.py" line="558"/>
        <source>{shown} works</source>
        <translation>
            <numerusform>{shown} work</numerusform>
            <numerusform>{shown} works</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message numerus="yes">
        <location filename="../../artdesk/gui/sync_dialog.py" line="551"/>
        <source>{groups} group(s) of works sharing a fingerprint to decide below.</source>
        <translation>
            <numerusform>{groups} group of works sharing a fingerprint to decide below.</numerusform>
            <numerusform>{groups} groups of works sharing a fingerprint to decide below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/sync_dialog.py" line="557"/>
        <source>{n} work(s) with open conflicts keep their field.</source>
        <translation>
            <numerusform>{n} work with open conflicts keeps its field.</numerusform>
            <numerusform>{n} works with open conflicts keep their field.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/sync_dialog.py" line="560"/>
        <source>{n} open conflict(s).</source>
        <translation>
            <numerusform>{n} open conflict.</numerusform>
            <numerusform>{n} open conflicts.</numerusform>
        </translation>
    </message>
</context>
</TS>
