<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiServerDialog</name>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="845"/>
        <source>API server</source>
        <translation>API-Server</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="853"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="859"/>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="863"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="868"/>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="872"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="873"/>
        <location filename="../../artdesk/gui/dialogs.py" line="905"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="874"/>
        <location filename="../../artdesk/gui/dialogs.py" line="906"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="875"/>
        <location filename="../../artdesk/gui/dialogs.py" line="907"/>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="876"/>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="877"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="910"/>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="912"/>
        <source>Revoke selected</source>
        <translation>Ausgewählten widerrufen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="922"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="929"/>
        <source>This is the only time the key is shown. Copy it now.</source>
        <translation>Der Schlüssel wird nur dieses eine Mal angezeigt. Kopieren Sie ihn jetzt.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="944"/>
        <source>The API server is not available in this build.</source>
        <translation>Der API-Server ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="946"/>
        <location filename="../../artdesk/gui/dialogs.py" line="953"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="949"/>
        <source>Running at {address}</source>
        <translation>Läuft unter {address}</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="950"/>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="952"/>
        <source>Stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="997"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="998"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="998"/>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1007"/>
        <source>Add a partner first: a key acts for one partner.</source>
        <translation>Legen Sie zuerst einen Partner an: Ein Schlüssel gilt für genau einen Partner.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1024"/>
        <source>Key {prefix}… created.</source>
        <translation>Schlüssel {prefix}… erstellt.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1032"/>
        <source>Copied. The key is not kept anywhere else.</source>
        <translation>Kopiert. Der Schlüssel wird nirgendwo sonst gespeichert.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1041"/>
        <source>Revoke key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1042"/>
        <source>Revoke {prefix}…? Clients using it stop working at once.</source>
        <translation>{prefix}… widerrufen? Anwendungen, die ihn nutzen, verlieren sofort den Zugriff.</translation>
    </message>
</context>
<context>
    <name>ArtworkEditor</name>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="193"/>
        <location filename="../../artdesk/gui/editor.py" line="791"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="218"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="240"/>
        <source>Names separated by “;”</source>
        <translation>Namen, getrennt durch „;“</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="257"/>
        <source>Artists</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="207"/>
        <source>Details</source>
        <translation>Angaben</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="278"/>
        <source>Editions</source>
        <translation>Auflagen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="281"/>
        <source>Genes</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="284"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="287"/>
        <source>Similar</source>
        <translation>Ähnliche Werke</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="293"/>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="295"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="326"/>
        <source>visible through the public API</source>
        <translation>über die öffentliche API sichtbar</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="394"/>
        <source>Choose the partner this work belongs to</source>
        <translation>Wählen Sie den Partner, zu dem dieses Werk gehört</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="432"/>
        <source>No work selected</source>
        <translation>Kein Werk ausgewählt</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="448"/>
        <source>New work</source>
        <translation>Neues Werk</translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/editor.py" line="561"/>
        <source>%n problem(s) to fix</source>
        <translation>
            <numerusform>%n Angabe zu korrigieren</numerusform>
            <numerusform>%n Angaben zu korrigieren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="563"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="588"/>
        <source>Fingerprint: {digest} ({source})</source>
        <translation>Fingerabdruck: {digest} ({source})</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="594"/>
        <source>This work was synced on {when}. Changing its artist, title or year changes its fingerprint: the remote catalog may then see it as a new work.</source>
        <translation>Dieses Werk wurde am {when} synchronisiert. Wenn Sie Künstler/in, Titel oder Jahr ändern, ändert sich sein Fingerabdruck: Der entfernte Katalog sieht es dann womöglich als neues Werk.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="618"/>
        <source>same artist, title and year</source>
        <translation>Künstler/in, Titel und Jahr stimmen überein</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="686"/>
        <source>“{typed}” is new. Did you mean &lt;a href=&quot;{i}&quot;&gt;{match}&lt;/a&gt;?</source>
        <translation>„{typed}“ ist neu. Meinten Sie &lt;a href=&quot;{i}&quot;&gt;{match}&lt;/a&gt;?</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="711"/>
        <source>Fix the marked fields first</source>
        <translation>Korrigieren Sie zuerst die markierten Felder</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="752"/>
        <source>Created “{title}”</source>
        <translation>„{title}“ angelegt</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="761"/>
        <source>Saved “{title}”</source>
        <translation>„{title}“ gespeichert</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="780"/>
        <source>Changed elsewhere</source>
        <translation>An anderer Stelle geändert</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="783"/>
        <source>This work was changed elsewhere (by the API, an import or another window) since you opened it.</source>
        <translation>Dieses Werk wurde seit dem Öffnen an anderer Stelle geändert (über die API, einen Import oder in einem anderen Fenster).</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="788"/>
        <source>Reload it to see the other change (your unsaved edits are dropped), or keep editing and decide later.</source>
        <translation>Laden Sie es neu, um die andere Änderung zu sehen (Ihre ungespeicherten Änderungen gehen dabei verloren), oder bearbeiten Sie es weiter und entscheiden Sie später.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="793"/>
        <source>Save mine over theirs</source>
        <translation>Meine Fassung trotzdem speichern</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="795"/>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="815"/>
        <source>This work was changed elsewhere since you opened it. Saving will ask whether to reload or to save your edits over that change.</source>
        <translation>Dieses Werk wurde seit dem Öffnen an anderer Stelle geändert. Beim Speichern werden Sie gefragt, ob Sie es neu laden oder Ihre Änderungen darüber speichern möchten.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="830"/>
        <source>This work was deleted elsewhere.</source>
        <translation>Dieses Werk wurde an anderer Stelle gelöscht.</translation>
    </message>
</context>
<context>
    <name>ArtworkTableModel</name>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="99"/>
        <source>Inventory</source>
        <translation>Inventarnummer</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="100"/>
        <source>Artists</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="101"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="102"/>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="103"/>
        <source>Medium</source>
        <translation>Technik</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="104"/>
        <source>Dimensions</source>
        <translation>Maße</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="105"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="106"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="108"/>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="110"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="111"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="661"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>Availability</name>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="72"/>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="73"/>
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="74"/>
        <source>reserved</source>
        <translation>reserviert</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="75"/>
        <source>not for sale</source>
        <translation>unverkäuflich</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="62"/>
        <source>&lt;b&gt;Possible duplicates&lt;/b&gt; — this may already be in the catalog:</source>
        <translation>&lt;b&gt;Mögliche Duplikate&lt;/b&gt; – dieses Werk ist vielleicht schon im Katalog:</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="91"/>
        <source>(no artist)</source>
        <translation>(ohne Künstler/in)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="94"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="97"/>
        <source>This is a different work</source>
        <translation>Das ist ein anderes Werk</translation>
    </message>
</context>
<context>
    <name>EditionDialog</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="121"/>
        <source>Edition set</source>
        <translation>Auflage</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="130"/>
        <source>e.g. 1-3, 7</source>
        <translation>z. B. 1-3, 7</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="145"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="146"/>
        <source>Edition size</source>
        <translation>Auflagenhöhe</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="147"/>
        <source>Artist proofs</source>
        <translation>Künstlerexemplare (E.A.)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="148"/>
        <source>Available numbers</source>
        <translation>Verfügbare Nummern</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="149"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="150"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="151"/>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="152"/>
        <source>Dimensions</source>
        <translation>Maße</translation>
    </message>
</context>
<context>
    <name>EditionsPanel</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="181"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="182"/>
        <source>Size</source>
        <translation>Auflagenhöhe</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="183"/>
        <source>APs</source>
        <translation>E.A.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="184"/>
        <source>Available</source>
        <translation>Verfügbare Nr.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="185"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="186"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="187"/>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="188"/>
        <source>Dimensions</source>
        <translation>Maße</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="207"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="208"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="209"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>EntitiesDialog</name>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="95"/>
        <source>gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="96"/>
        <source>museum</source>
        <translation>Museum</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="97"/>
        <source>institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="98"/>
        <source>studio</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="99"/>
        <source>auction</source>
        <translation>Auktionshaus</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="100"/>
        <source>fair</source>
        <translation>Messe</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="101"/>
        <source>private</source>
        <translation>privat</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="104"/>
        <source>upcoming</source>
        <translation>geplant</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="105"/>
        <source>running</source>
        <translation>laufend</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="106"/>
        <source>closed</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="124"/>
        <source>Partners, artists, shows and collections</source>
        <translation>Partner, Künstler, Ausstellungen und Sammlungen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="142"/>
        <location filename="../../artdesk/gui/dialogs.py" line="170"/>
        <location filename="../../artdesk/gui/dialogs.py" line="189"/>
        <location filename="../../artdesk/gui/dialogs.py" line="343"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="142"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="142"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="142"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="147"/>
        <source>New partner name</source>
        <translation>Name des neuen Partners</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="152"/>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="153"/>
        <source>Add partner</source>
        <translation>Partner hinzufügen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="158"/>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="165"/>
        <source>Find an artist</source>
        <translation>Künstler/in suchen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="170"/>
        <source>Nationality</source>
        <translation>Nationalität</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="170"/>
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="170"/>
        <source>Died</source>
        <translation>Gestorben</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="176"/>
        <source>New artist name</source>
        <translation>Neuer Künstlername</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="177"/>
        <source>Add artist</source>
        <translation>Künstler/in hinzufügen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="182"/>
        <source>Double-click an artist to rename it.</source>
        <translation>Zum Umbenennen doppelt auf einen Namen klicken.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="183"/>
        <source>Artists</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="189"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="189"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="189"/>
        <source>Works</source>
        <translation>Werke</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="194"/>
        <source>New show name</source>
        <translation>Name der neuen Ausstellung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="199"/>
        <source>Add show</source>
        <translation>Ausstellung hinzufügen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="204"/>
        <source>Shows</source>
        <translation>Ausstellungen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="216"/>
        <source>New collection</source>
        <translation>Neue Sammlung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="217"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="224"/>
        <source>Works, in order (drag to reorder):</source>
        <translation>Werke in Reihenfolge (zum Umordnen ziehen):</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="233"/>
        <source>Add works by id, e.g. 12, 40</source>
        <translation>Werke nach ID hinzufügen, z. B. 12, 40</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="234"/>
        <source>Add works</source>
        <translation>Werke hinzufügen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="236"/>
        <source>Remove work</source>
        <translation>Werk entfernen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="238"/>
        <source>Save order</source>
        <translation>Reihenfolge speichern</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="245"/>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="311"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="343"/>
        <source>Rename artist</source>
        <translation>Künstler/in umbenennen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="357"/>
        <source>Add a partner first.</source>
        <translation>Legen Sie zuerst einen Partner an.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="407"/>
        <source>Give artwork ids as numbers, e.g. 12, 40</source>
        <translation>Geben Sie die Werk-IDs als Zahlen an, z. B. 12, 40</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="731"/>
        <location filename="../../artdesk/gui/dialogs.py" line="776"/>
        <source>Export artworks</source>
        <translation>Werke exportieren</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="739"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="743"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="747"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="748"/>
        <source>Only the works shown (current search and filters)</source>
        <translation>Nur die angezeigten Werke (aktuelle Suche und Filter)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="751"/>
        <source>Include confidential notes</source>
        <translation>Vertrauliche Notizen einschließen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="759"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="761"/>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="764"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="771"/>
        <source>The exporter is not available in this build.</source>
        <translation>Der Export ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="778"/>
        <source>CSV (*.csv);;JSON (*.json);;JSON lines (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON (*.json);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="789"/>
        <source>Choose a file first.</source>
        <translation>Bitte zuerst eine Datei auswählen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/dialogs.py" line="824"/>
        <source>Exported {n} works to {path}.</source>
        <translation>
            <numerusform>{n} Werk nach {path} exportiert.</numerusform>
            <numerusform>{n} Werke nach {path} exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="14"/>
        <source>Inventory no.</source>
        <translation>Inventarnr.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="15"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="16"/>
        <source>Artists</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="17"/>
        <source>Date</source>
        <translation>Datierung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="18"/>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="19"/>
        <source>Medium</source>
        <translation>Technik</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="20"/>
        <source>Category</source>
        <translation>Gattung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="21"/>
        <source>Dimensions</source>
        <translation>Maße</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="22"/>
        <source>Height (cm)</source>
        <translation>Höhe (cm)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="23"/>
        <source>Width (cm)</source>
        <translation>Breite (cm)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="24"/>
        <source>Depth (cm)</source>
        <translation>Tiefe (cm)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="25"/>
        <source>Diameter (cm)</source>
        <translation>Durchmesser (cm)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="26"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="27"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="28"/>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="29"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="30"/>
        <source>Image URL</source>
        <translation>Bild-URL</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="31"/>
        <source>External URL</source>
        <translation>Externe URL</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="32"/>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="33"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="34"/>
        <source>Provenance</source>
        <translation>Provenienz</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="35"/>
        <source>Literature</source>
        <translation>Literatur</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="36"/>
        <source>Exhibitions</source>
        <translation>Ausstellungen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="37"/>
        <source>Credit line</source>
        <translation>Creditline</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="38"/>
        <source>Condition</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="39"/>
        <source>Confidential notes</source>
        <translation>Vertrauliche Notizen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/labels.py" line="40"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
</context>
<context>
    <name>GenesPanel</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="310"/>
        <source>Gene</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="310"/>
        <source>Value (0–100)</source>
        <translation>Wert (0–100)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="314"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="315"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="316"/>
        <source>Save genes</source>
        <translation>Merkmale speichern</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="325"/>
        <source>Suggested from similar works:</source>
        <translation>Vorschläge aus ähnlichen Werken:</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="371"/>
        <source>{gene}: {value} (confidence {conf:.0%}) — double-click to add</source>
        <translation>{gene}: {value} (Konfidenz {conf:.0%}) – Doppelklick zum Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="391"/>
        <source>Genes saved</source>
        <translation>Merkmale gespeichert</translation>
    </message>
</context>
<context>
    <name>ImagesPanel</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="442"/>
        <source>Drop image files here, or paste one (Ctrl+V).</source>
        <translation>Bilddateien hierher ziehen oder ein Bild einfügen (Strg+V).</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="455"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="456"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="466"/>
        <source>Images cannot be stored in this catalog.</source>
        <translation>In diesem Katalog können keine Bilder gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="478"/>
        <source>default</source>
        <translation>Hauptbild</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="505"/>
        <source>Add images</source>
        <translation>Bilder hinzufügen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="507"/>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.gif *.bmp)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.gif *.bmp)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="551"/>
        <source>Image added</source>
        <translation>Bild hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="555"/>
        <source>the pasted image</source>
        <translation>das eingefügte Bild</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="556"/>
        <source>{name} was refused: {why}</source>
        <translation>{name} wurde abgelehnt: {why}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="449"/>
        <location filename="../../artdesk/gui/dialogs.py" line="551"/>
        <source>Import artworks</source>
        <translation>Werke importieren</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="464"/>
        <source>A CSV, JSON or JSON-lines file (optionally .gz)</source>
        <translation>Eine CSV-, JSON- oder JSON-Lines-Datei (auch als .gz)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="466"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="468"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="476"/>
        <source>Detect from the columns</source>
        <translation>Anhand der Spalten erkennen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="477"/>
        <source>Columns as mapped below</source>
        <translation>Spalten wie unten zugeordnet</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="486"/>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="489"/>
        <source>Partner (when the file names none)</source>
        <translation>Partner (falls die Datei keinen nennt)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="492"/>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="492"/>
        <source>Artwork field</source>
        <translation>Feld des Werks</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="500"/>
        <source>Column mapping (edit a field name to change it; empty = not imported):</source>
        <translation>Spaltenzuordnung (Feldnamen zum Ändern bearbeiten; leer = wird nicht importiert):</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="504"/>
        <source>First rows:</source>
        <translation>Erste Zeilen:</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="518"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="518"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="518"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="525"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="528"/>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="531"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="538"/>
        <source>The importer is not available in this build.</source>
        <translation>Der Import ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="544"/>
        <source>(from the file or the preset)</source>
        <translation>(aus der Datei oder der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="553"/>
        <source>Catalog files (*.csv *.json *.jsonl *.gz);;All files (*)</source>
        <translation>Katalogdateien (*.csv *.json *.jsonl *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="580"/>
        <source>Reading the first rows…</source>
        <translation>Die ersten Zeilen werden gelesen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="617"/>
        <source>preset {name}</source>
        <translation>Vorlage {name}</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="617"/>
        <source>columns by name</source>
        <translation>Spalten nach Namen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/dialogs.py" line="620"/>
        <source>{n} columns, {mapped} mapped ({how}).</source>
        <translation>
            <numerusform>{n} Spalte, {mapped} zugeordnet ({how}).</numerusform>
            <numerusform>{n} Spalten, {mapped} zugeordnet ({how}).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="632"/>
        <source>Choose a file first.</source>
        <translation>Bitte zuerst eine Datei auswählen.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="658"/>
        <source>Importing…</source>
        <translation>Import läuft…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="673"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/dialogs.py" line="691"/>
        <source>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected ({seconds:.1f} s).</source>
        <translation>
            <numerusform>{rows} Zeile: {created} neu angelegt, {updated} aktualisiert, {unchanged} unverändert, {rejected} abgelehnt ({seconds:.1f} s).</numerusform>
            <numerusform>{rows} Zeilen: {created} neu angelegt, {updated} aktualisiert, {unchanged} unverändert, {rejected} abgelehnt ({seconds:.1f} s).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="717"/>
        <source>Report: {path}</source>
        <translation>Bericht: {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="117"/>
        <source>artdesk — {catalog}[*]</source>
        <translation>artdesk – {catalog}[*]</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="117"/>
        <source>catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="177"/>
        <source>Search title, artist, medium, inventory… (Ctrl+F)</source>
        <translation>Titel, Künstler, Technik, Inventarnummer suchen… (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="183"/>
        <source>All partners</source>
        <translation>Alle Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="186"/>
        <source>Artist</source>
        <translation>Künstler/in</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="196"/>
        <source>Any availability</source>
        <translation>Jede Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="201"/>
        <source>Any show</source>
        <translation>Jede Ausstellung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="204"/>
        <source>Any collection</source>
        <translation>Jede Sammlung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="205"/>
        <source>Possible duplicates</source>
        <translation>Mögliche Duplikate</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="281"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="283"/>
        <source>&amp;New work</source>
        <translation>&amp;Neues Werk</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="285"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="286"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="288"/>
        <source>&amp;Preferences…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="294"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="308"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="309"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="311"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="314"/>
        <source>&amp;Save work</source>
        <translation>Werk &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="317"/>
        <source>Re&amp;vert work</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="320"/>
        <source>&amp;Delete work</source>
        <translation>Werk &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="323"/>
        <source>&amp;Find</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="337"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="339"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="342"/>
        <source>Show possible &amp;duplicates</source>
        <translation>Mögliche &amp;Duplikate anzeigen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="348"/>
        <source>&amp;Clear filters</source>
        <translation>&amp;Filter zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="351"/>
        <source>&amp;Next work</source>
        <translation>&amp;Nächstes Werk</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="354"/>
        <source>&amp;Previous work</source>
        <translation>&amp;Vorheriges Werk</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="366"/>
        <source>&amp;Catalog</source>
        <translation>&amp;Katalog</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="369"/>
        <source>&amp;Partners…</source>
        <translation>&amp;Partner…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="374"/>
        <source>&amp;Artists…</source>
        <translation>&amp;Künstler…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="378"/>
        <source>&amp;Shows…</source>
        <translation>&amp;Ausstellungen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="382"/>
        <source>&amp;Collections…</source>
        <translation>&amp;Sammlungen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="387"/>
        <source>S&amp;ync with remote catalogs…</source>
        <translation>Mit entfernten Katalogen s&amp;ynchronisieren…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="390"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="393"/>
        <source>&amp;API server and keys…</source>
        <translation>&amp;API-Server und Schlüssel…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="396"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="397"/>
        <source>&amp;About artdesk</source>
        <translation>&amp;Über artdesk</translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/main_window.py" line="552"/>
        <source>{shown} of {total} works</source>
        <translation>
            <numerusform>{shown} von {total} Werk</numerusform>
            <numerusform>{shown} von {total} Werken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/main_window.py" line="558"/>
        <source>{shown} works</source>
        <translation>
            <numerusform>{shown} Werk</numerusform>
            <numerusform>{shown} Werke</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="578"/>
        <location filename="../../artdesk/gui/main_window.py" line="856"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="579"/>
        <source>The work you are editing has unsaved changes. Discard them?</source>
        <translation>Das Werk, das Sie bearbeiten, hat ungespeicherte Änderungen. Diese verwerfen?</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="657"/>
        <source>Delete work</source>
        <translation>Werk löschen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="658"/>
        <source>Delete “{title}”? You can undo this with {undo}.</source>
        <translation>„{title}“ löschen? Sie können das mit {undo} rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="681"/>
        <source>Deleted “{title}”</source>
        <translation>„{title}“ gelöscht</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="767"/>
        <source>About artdesk</source>
        <translation>Über artdesk</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="768"/>
        <source>artdesk {version}
A catalog manager for gallery registrars.</source>
        <translation>artdesk {version}
Katalogverwaltung für Registrarinnen und Registrare in Galerien.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="787"/>
        <source>API: not available</source>
        <translation>API: nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="790"/>
        <source>API: {address}</source>
        <translation>API: {address}</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="794"/>
        <source>API: stopped ({why})</source>
        <translation>API: beendet ({why})</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="797"/>
        <source>API: stopped</source>
        <translation>API: beendet</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="815"/>
        <source>Sync: never</source>
        <translation>Synchronisiert: nie</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="818"/>
        <source>Last sync: {when}</source>
        <translation>Zuletzt synchronisiert: {when}</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="857"/>
        <source>The work you are editing has unsaved changes. Quit without saving them?</source>
        <translation>Das Werk, das Sie bearbeiten, hat ungespeicherte Änderungen. Ohne Speichern beenden?</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1063"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1068"/>
        <source>the last catalog opened</source>
        <translation>der zuletzt geöffnete Katalog</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1069"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1073"/>
        <location filename="../../artdesk/gui/dialogs.py" line="1099"/>
        <source>Default catalog</source>
        <translation>Standardkatalog</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1076"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1077"/>
        <source>no thumbnails</source>
        <translation>keine Vorschaubilder</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1079"/>
        <source>Thumbnail size</source>
        <translation>Größe der Vorschaubilder</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1082"/>
        <source>Follow the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1083"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1084"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1089"/>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1099"/>
        <source>Catalogs (*.sqlite *.db);;All files (*)</source>
        <translation>Kataloge (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="53"/>
        <source>All artworks</source>
        <translation>Alle Werke</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="54"/>
        <source>Possible duplicates</source>
        <translation>Mögliche Duplikate</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="56"/>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="57"/>
        <source>Artists</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="58"/>
        <source>Shows</source>
        <translation>Ausstellungen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="59"/>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="608"/>
        <source>Similar works are not available for this catalog.</source>
        <translation>Für diesen Katalog sind keine ähnlichen Werke verfügbar.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="618"/>
        <source>The similarity index is being built…</source>
        <translation>Der Ähnlichkeitsindex wird aufgebaut…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="620"/>
        <source>No similarity index yet.</source>
        <translation>Noch kein Ähnlichkeitsindex vorhanden.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="623"/>
        <source>Nearest works (double-click or Enter opens one):</source>
        <translation>Ähnlichste Werke (Doppelklick oder Eingabetaste öffnet das Werk):</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="649"/>
        <source>This work is not in the similarity index yet.</source>
        <translation>Dieses Werk ist noch nicht im Ähnlichkeitsindex.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="663"/>
        <source>No similar works found.</source>
        <translation>Keine ähnlichen Werke gefunden.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="48"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="49"/>
        <source>Push as one work</source>
        <translation>Als ein Werk senden</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="50"/>
        <source>Push each work</source>
        <translation>Jedes Werk einzeln senden</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="53"/>
        <source>Pushing</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="54"/>
        <source>Listing remote works</source>
        <translation>Entfernte Werke auflisten</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="55"/>
        <source>Fetching remote works</source>
        <translation>Entfernte Werke abrufen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="56"/>
        <source>Merging</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="59"/>
        <source>edited here, deleted on the remote</source>
        <translation>hier bearbeitet, im entfernten Katalog gelöscht</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="60"/>
        <source>deleted here, edited on the remote</source>
        <translation>hier gelöscht, im entfernten Katalog bearbeitet</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="61"/>
        <source>several remote works share its fingerprint</source>
        <translation>mehrere entfernte Werke haben denselben Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="65"/>
        <source>applied</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="66"/>
        <source>conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="67"/>
        <source>created</source>
        <translation>neu angelegt</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="68"/>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="70"/>
        <source>linked</source>
        <translation>verknüpft</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="71"/>
        <source>merged</source>
        <translation>zusammengeführt</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="72"/>
        <source>partners created</source>
        <translation>Partner angelegt</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="73"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="74"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="75"/>
        <source>updated</source>
        <translation>aktualisiert</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="150"/>
        <source>Sync with remote catalogs</source>
        <translation>Mit entfernten Katalogen synchronisieren</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="165"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="321"/>
        <source>Remote</source>
        <translation>Entfernter Katalog</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="185"/>
        <source>Cancel sync</source>
        <translation>Synchronisierung abbrechen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="215"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="249"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="216"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="251"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="217"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="250"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="218"/>
        <source>Linked works</source>
        <translation>Verknüpfte Werke</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="219"/>
        <source>Open conflicts</source>
        <translation>Offene Konflikte</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="220"/>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="225"/>
        <source>Remove remote…</source>
        <translation>Entfernten Katalog austragen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="232"/>
        <source>Add a remote</source>
        <translation>Entfernten Katalog hinzufügen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="235"/>
        <source>e.g. central</source>
        <translation>z. B. zentrale</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="247"/>
        <source>Add remote</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="252"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="253"/>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="254"/>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="256"/>
        <source>Secrets are kept in the system keyring, or in a file only you can read.</source>
        <translation>Zugangsdaten werden im Schlüsselbund des Systems gespeichert oder in einer Datei, die nur Sie lesen können.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="263"/>
        <source>Remotes</source>
        <translation>Entfernte Kataloge</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="274"/>
        <source>Works the remote would merge into one because they share a fingerprint: choose for each group.</source>
        <translation>Werke, die der entfernte Katalog zu einem zusammenführen würde, weil sie denselben Fingerabdruck haben: Entscheiden Sie für jede Gruppe.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="281"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="281"/>
        <source>Works</source>
        <translation>Werke</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="281"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="287"/>
        <source>No two local works share a fingerprint: there is nothing to decide.</source>
        <translation>Keine zwei lokalen Werke haben denselben Fingerabdruck: Es gibt nichts zu entscheiden.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="293"/>
        <source>Refresh plan</source>
        <translation>Plan aktualisieren</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="295"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="693"/>
        <source>Pull</source>
        <translation>Abrufen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="296"/>
        <source>Take the remote&apos;s changes</source>
        <translation>Die Änderungen des entfernten Katalogs übernehmen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="298"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="693"/>
        <source>Push</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="299"/>
        <source>Send this desk&apos;s changes as planned</source>
        <translation>Die Änderungen dieses Arbeitsplatzes wie geplant senden</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="301"/>
        <source>Sync (pull, then push)</source>
        <translation>Synchronisieren (abrufen, dann senden)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="309"/>
        <source>Plan and sync</source>
        <translation>Planen und synchronisieren</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="314"/>
        <source>Work</source>
        <translation>Werk</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="314"/>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="321"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="321"/>
        <source>This desk</source>
        <translation>Dieser Arbeitsplatz</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="321"/>
        <source>Last synced</source>
        <translation>Zuletzt synchronisiert</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="331"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="844"/>
        <source>Keep mine</source>
        <translation>Meinen Wert behalten</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="333"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="845"/>
        <source>Take theirs</source>
        <translation>Entfernten Wert übernehmen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="336"/>
        <source>or type the value to keep</source>
        <translation>oder den zu behaltenden Wert eingeben</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="337"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="846"/>
        <source>Use this value</source>
        <translation>Diesen Wert verwenden</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="347"/>
        <source>Until a conflict is resolved the local value stays; the next sync sends the result.</source>
        <translation>Bis ein Konflikt gelöst ist, bleibt der lokale Wert erhalten; die nächste Synchronisierung sendet das Ergebnis.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="351"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="738"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="404"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="419"/>
        <source>No remote yet: add one on the Remotes tab.</source>
        <translation>Noch kein entfernter Katalog: Fügen Sie einen auf der Registerkarte „Entfernte Kataloge“ hinzu.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="464"/>
        <source>Added remote {name}; its secret is kept in {where}.</source>
        <translation>Entfernter Katalog {name} hinzugefügt; Speicherort der Zugangsdaten: {where}.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="482"/>
        <source>Remove remote</source>
        <translation>Entfernten Katalog austragen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="484"/>
        <source>Forget the remote {name} and its stored secret? The works stay in both catalogs; adding it again later links them by fingerprint.</source>
        <translation>Den entfernten Katalog {name} austragen und seine gespeicherten Zugangsdaten löschen? Die Werke bleiben in beiden Katalogen; wird er später wieder hinzugefügt, werden sie über den Fingerabdruck verknüpft.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="502"/>
        <source>Removed remote {name}.</source>
        <translation>Entfernter Katalog {name} ausgetragen.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="525"/>
        <source>Working out what a push would do…</source>
        <translation>Es wird ermittelt, was beim Senden geschähe…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="536"/>
        <source>{name} is an Artsy remote: pull only, nothing is pushed.</source>
        <translation>{name} ist ein Artsy-Katalog: Es wird nur abgerufen, nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="541"/>
        <source>A push would create {creates}, update {updates} and delete {deletes} remote works ({unchanged} unchanged).</source>
        <translation>Beim Senden an den entfernten Katalog: {creates} neu, {updates} aktualisiert, {deletes} gelöscht, {unchanged} unverändert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/sync_dialog.py" line="551"/>
        <source>{groups} group(s) of works sharing a fingerprint to decide below.</source>
        <translation>
            <numerusform>{groups} Gruppe von Werken mit demselben Fingerabdruck ist unten zu entscheiden.</numerusform>
            <numerusform>{groups} Gruppen von Werken mit demselben Fingerabdruck sind unten zu entscheiden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/sync_dialog.py" line="557"/>
        <source>{n} work(s) with open conflicts keep their field.</source>
        <translation>
            <numerusform>Bei {n} Werk mit offenen Konflikten wird das strittige Feld nicht gesendet.</numerusform>
            <numerusform>Bei {n} Werken mit offenen Konflikten wird das strittige Feld nicht gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/sync_dialog.py" line="560"/>
        <source>{n} open conflict(s).</source>
        <translation>
            <numerusform>{n} offener Konflikt.</numerusform>
            <numerusform>{n} offene Konflikte.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="570"/>
        <source>on the remote as {id}</source>
        <translation>im entfernten Katalog als {id}</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="572"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="621"/>
        <source>Connecting to {name}…</source>
        <translation>Verbindung zu {name} wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="640"/>
        <source>{phase}: {done} of {total}</source>
        <translation>{phase}: {done} von {total}</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="646"/>
        <source>(about {eta} left)</source>
        <translation>(noch etwa {eta})</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="649"/>
        <source>{phase}: {done}</source>
        <translation>{phase}: {done}</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="651"/>
        <source>cancelling after the requests in flight…</source>
        <translation>wird nach den laufenden Anfragen abgebrochen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="660"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="695"/>
        <source>done</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="696"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="69"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="697"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="704"/>
        <source>{direction}: {status} in {seconds:.1f} s</source>
        <translation>{direction}: {status} in {seconds:.1f} s</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="736"/>
        <source>Conflicts ({n})</source>
        <translation>Konflikte ({n})</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="765"/>
        <source>No open conflicts.</source>
        <translation>Keine offenen Konflikte.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="778"/>
        <source>Keep mine: this desk&apos;s value goes to the remote with the next sync. Take theirs: the remote&apos;s value replaces this desk&apos;s.</source>
        <translation>Meinen Wert behalten: Der Wert dieses Arbeitsplatzes geht mit der nächsten Synchronisierung an den entfernten Katalog. Entfernten Wert übernehmen: Der Wert des entfernten Katalogs ersetzt den hiesigen.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="788"/>
        <source>Remote works: {ids}. Type one to link to it.</source>
        <translation>Entfernte Werke: {ids}. Geben Sie eines ein, um es zu verknüpfen.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="812"/>
        <source>Type the value to keep first.</source>
        <translation>Geben Sie zuerst den zu behaltenden Wert ein.</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="832"/>
        <source>Conflict on #{id} resolved ({how}); the next sync sends the result.</source>
        <translation>Konflikt bei #{id} gelöst ({how}); die nächste Synchronisierung sendet das Ergebnis.</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../artdesk/gui/commands.py" line="35"/>
        <source>Could not undo or redo “{what}”: {why}</source>
        <translation>„{what}“ konnte nicht rückgängig gemacht oder wiederhergestellt werden: {why}</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/commands.py" line="36"/>
        <source>Create “{title}”</source>
        <translation>„{title}“ anlegen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/commands.py" line="37"/>
        <source>Delete “{title}”</source>
        <translation>„{title}“ löschen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/commands.py" line="38"/>
        <source>Edit “{title}” ({fields})</source>
        <translation>„{title}“ bearbeiten ({fields})</translation>
    </message>
</context>
</TS>
