<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiServerDialog</name>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="828"/>
        <source>API server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="836"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="842"/>
        <source>any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="846"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="851"/>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="855"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="856"/>
        <location filename="../../artdesk/gui/dialogs.py" line="888"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="857"/>
        <location filename="../../artdesk/gui/dialogs.py" line="889"/>
        <source>Partner</source>
        <translation type="unfinished">Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="858"/>
        <location filename="../../artdesk/gui/dialogs.py" line="890"/>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="859"/>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="860"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="893"/>
        <source>Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="895"/>
        <source>Revoke selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="905"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="912"/>
        <source>This is the only time the key is shown. Copy it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="927"/>
        <source>The API server is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="929"/>
        <location filename="../../artdesk/gui/dialogs.py" line="936"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="932"/>
        <source>Running at {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="933"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="935"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="980"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="981"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="981"/>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="990"/>
        <source>Add a partner first: a key acts for one partner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1007"/>
        <source>Key {prefix}… created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1015"/>
        <source>Copied. The key is not kept anywhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1024"/>
        <source>Revoke key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1025"/>
        <source>Revoke {prefix}…? Clients using it stop working at once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArtworkEditor</name>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="188"/>
        <location filename="../../artdesk/gui/editor.py" line="801"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="207"/>
        <source>Partner</source>
        <translation type="unfinished">Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="210"/>
        <source>Inventory no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="211"/>
        <source>Title</source>
        <translation type="unfinished">Titel</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="212"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="213"/>
        <source>Year</source>
        <translation type="unfinished">Jahr</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="214"/>
        <source>Medium</source>
        <translation type="unfinished">Technik</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="215"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="216"/>
        <source>Dimensions</source>
        <translation type="unfinished">Maße</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="217"/>
        <source>Height (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="218"/>
        <source>Width (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="219"/>
        <source>Depth (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="220"/>
        <source>Diameter (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="221"/>
        <source>Price</source>
        <translation type="unfinished">Preis</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="222"/>
        <source>Currency</source>
        <translation type="unfinished">Währung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="223"/>
        <source>Availability</source>
        <translation type="unfinished">Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="224"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="225"/>
        <source>Image URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="226"/>
        <source>External URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="227"/>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="228"/>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="229"/>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="230"/>
        <source>Literature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="231"/>
        <source>Exhibitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="232"/>
        <source>Credit line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="233"/>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="234"/>
        <source>Confidential notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="235"/>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="257"/>
        <source>Names separated by “;”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="274"/>
        <source>Artists</source>
        <translation type="unfinished">Künstler</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="297"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="301"/>
        <source>Editions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="304"/>
        <source>Genes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="307"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="310"/>
        <source>Similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="316"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="318"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="349"/>
        <source>visible through the public API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="417"/>
        <source>Choose the partner this work belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="455"/>
        <source>No work selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="471"/>
        <source>New work</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../artdesk/gui/editor.py" line="584"/>
        <source>%n problem(s) to fix</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="586"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="611"/>
        <source>Fingerprint: {digest} ({source})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="617"/>
        <source>This work was synced on {when}. Changing its artist, title or year changes its fingerprint: the remote catalog may then see it as a new work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="657"/>
        <source>same artist, title and year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="696"/>
        <source>“{typed}” is new. Did you mean &lt;a href=&quot;{i}&quot;&gt;{match}&lt;/a&gt;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="721"/>
        <source>Fix the marked fields first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="762"/>
        <source>Created “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="771"/>
        <source>Saved “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="790"/>
        <source>Changed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="793"/>
        <source>This work was changed elsewhere (by the API, an import or another window) since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="798"/>
        <source>Reload it to see the other change (your unsaved edits are dropped), or keep editing and decide later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="803"/>
        <source>Save mine over theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="805"/>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="825"/>
        <source>This work was changed elsewhere since you opened it. Saving will ask whether to reload or to save your edits over that change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/editor.py" line="840"/>
        <source>This work was deleted elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArtworkTableModel</name>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="97"/>
        <source>Inventory</source>
        <translation>Inventarnummer</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="98"/>
        <source>Artists</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="99"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="100"/>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="101"/>
        <source>Medium</source>
        <translation>Technik</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="102"/>
        <source>Dimensions</source>
        <translation>Maße</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="103"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="104"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="106"/>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="108"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="109"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="607"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>Availability</name>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="70"/>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="71"/>
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="72"/>
        <source>reserved</source>
        <translation>reserviert</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/table_model.py" line="73"/>
        <source>not for sale</source>
        <translation>unverkäuflich</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="62"/>
        <source>&lt;b&gt;Possible duplicates&lt;/b&gt; — this may already be in the catalog:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="95"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="98"/>
        <source>This is a different work</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditionDialog</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="122"/>
        <source>Edition set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="131"/>
        <source>e.g. 1-3, 7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="146"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="147"/>
        <source>Edition size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="148"/>
        <source>Artist proofs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="149"/>
        <source>Available numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="150"/>
        <source>Price</source>
        <translation type="unfinished">Preis</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="151"/>
        <source>Currency</source>
        <translation type="unfinished">Währung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="152"/>
        <source>Availability</source>
        <translation type="unfinished">Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="153"/>
        <source>Dimensions</source>
        <translation type="unfinished">Maße</translation>
    </message>
</context>
<context>
    <name>EditionsPanel</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="182"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="183"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="184"/>
        <source>APs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="185"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="186"/>
        <source>Price</source>
        <translation type="unfinished">Preis</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="187"/>
        <source>Currency</source>
        <translation type="unfinished">Währung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="188"/>
        <source>Availability</source>
        <translation type="unfinished">Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="189"/>
        <source>Dimensions</source>
        <translation type="unfinished">Maße</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="208"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="209"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="210"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntitiesDialog</name>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="82"/>
        <source>gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="83"/>
        <source>museum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="84"/>
        <source>institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="85"/>
        <source>studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="86"/>
        <source>auction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="87"/>
        <source>fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="88"/>
        <source>private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="91"/>
        <source>upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="92"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="93"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="111"/>
        <source>Partners, artists, shows and collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="129"/>
        <location filename="../../artdesk/gui/dialogs.py" line="157"/>
        <location filename="../../artdesk/gui/dialogs.py" line="176"/>
        <location filename="../../artdesk/gui/dialogs.py" line="330"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="129"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="129"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="129"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="134"/>
        <source>New partner name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="139"/>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="140"/>
        <source>Add partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="145"/>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="152"/>
        <source>Find an artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="157"/>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="157"/>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="157"/>
        <source>Died</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="163"/>
        <source>New artist name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="164"/>
        <source>Add artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="169"/>
        <source>Double-click an artist to rename it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="170"/>
        <source>Artists</source>
        <translation type="unfinished">Künstler</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="176"/>
        <source>Partner</source>
        <translation type="unfinished">Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="176"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="176"/>
        <source>Works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="181"/>
        <source>New show name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="186"/>
        <source>Add show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="191"/>
        <source>Shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="203"/>
        <source>New collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="204"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="211"/>
        <source>Works, in order (drag to reorder):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="220"/>
        <source>Add works by id, e.g. 12, 40</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="221"/>
        <source>Add works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="223"/>
        <source>Remove work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="225"/>
        <source>Save order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="232"/>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="298"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="330"/>
        <source>Rename artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="344"/>
        <source>Add a partner first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="394"/>
        <source>Give artwork ids as numbers, e.g. 12, 40</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="716"/>
        <location filename="../../artdesk/gui/dialogs.py" line="761"/>
        <source>Export artworks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="724"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="728"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="732"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="733"/>
        <source>Only the works shown (current search and filters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="736"/>
        <source>Include confidential notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="744"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="746"/>
        <source>Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="749"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="756"/>
        <source>The exporter is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="763"/>
        <source>CSV (*.csv);;JSON (*.json);;JSON lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="774"/>
        <source>Choose a file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="809"/>
        <source>Exported {n} works to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenesPanel</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="311"/>
        <source>Gene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="311"/>
        <source>Value (0–100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="315"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="316"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="317"/>
        <source>Save genes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="326"/>
        <source>Suggested from similar works:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="372"/>
        <source>{gene}: {value} (confidence {conf:.0%}) — double-click to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="392"/>
        <source>Genes saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagesPanel</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="443"/>
        <source>Drop image files here, or paste one (Ctrl+V).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="456"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="457"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="467"/>
        <source>Images cannot be stored in this catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="479"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="506"/>
        <source>Add images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="508"/>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.gif *.bmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="552"/>
        <source>Image added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="556"/>
        <source>the pasted image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="557"/>
        <source>{name} was refused: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="436"/>
        <location filename="../../artdesk/gui/dialogs.py" line="538"/>
        <source>Import artworks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="451"/>
        <source>A CSV, JSON or JSON-lines file (optionally .gz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="453"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="455"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="463"/>
        <source>Detect from the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="464"/>
        <source>Columns as mapped below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="473"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="476"/>
        <source>Partner (when the file names none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="479"/>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="479"/>
        <source>Artwork field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="487"/>
        <source>Column mapping (edit a field name to change it; empty = not imported):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="491"/>
        <source>First rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="505"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="505"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="505"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="512"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="515"/>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="518"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="525"/>
        <source>The importer is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="531"/>
        <source>(from the file or the preset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="540"/>
        <source>Catalog files (*.csv *.json *.jsonl *.gz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="567"/>
        <source>Reading the first rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="604"/>
        <source>preset {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="604"/>
        <source>columns by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="607"/>
        <source>{n} columns, {mapped} mapped ({how}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="619"/>
        <source>Choose a file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="645"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="660"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="678"/>
        <source>{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected ({seconds:.1f} s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="702"/>
        <source>Report: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="106"/>
        <source>artdesk — {catalog}[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="106"/>
        <source>catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="154"/>
        <source>Search title, artist, medium, inventory… (Ctrl+F)</source>
        <translation>Titel, Künstler, Technik, Inventarnummer suchen… (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="160"/>
        <source>All partners</source>
        <translation>Alle Partner</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="163"/>
        <source>Artist</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="173"/>
        <source>Any availability</source>
        <translation>Jede Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="178"/>
        <source>Any show</source>
        <translation>Jede Ausstellung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="181"/>
        <source>Any collection</source>
        <translation>Jede Sammlung</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="182"/>
        <source>Possible duplicates</source>
        <translation>Mögliche Duplikate</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="257"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="259"/>
        <source>&amp;New work</source>
        <translation>&amp;Neues Werk</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="261"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="262"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="264"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="270"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="284"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="285"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="287"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="290"/>
        <source>&amp;Save work</source>
        <translation>Werk &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="293"/>
        <source>Re&amp;vert work</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="296"/>
        <source>&amp;Delete work</source>
        <translation>Werk &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="299"/>
        <source>&amp;Find</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="313"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="315"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="318"/>
        <source>Show possible &amp;duplicates</source>
        <translation>Mögliche &amp;Duplikate anzeigen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="324"/>
        <source>&amp;Clear filters</source>
        <translation>&amp;Filter zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="327"/>
        <source>&amp;Next work</source>
        <translation>&amp;Nächstes Werk</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="330"/>
        <source>&amp;Previous work</source>
        <translation>&amp;Vorheriges Werk</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="342"/>
        <source>&amp;Catalog</source>
        <translation>&amp;Katalog</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="345"/>
        <source>&amp;Partners…</source>
        <translation>&amp;Partner…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="350"/>
        <source>&amp;Artists…</source>
        <translation>&amp;Künstler…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="354"/>
        <source>&amp;Shows…</source>
        <translation>&amp;Ausstellungen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="358"/>
        <source>&amp;Collections…</source>
        <translation>&amp;Sammlungen…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="363"/>
        <source>S&amp;ync with remote catalogs…</source>
        <translation>Mit entfernten Katalogen s&amp;ynchronisieren…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="366"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="369"/>
        <source>&amp;API server and keys…</source>
        <translation>&amp;API-Server und Schlüssel…</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="372"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="373"/>
        <source>&amp;About artdesk</source>
        <translation>&amp;Über artdesk</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="525"/>
        <source>{shown} of {total} works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="528"/>
        <source>{shown} works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="547"/>
        <location filename="../../artdesk/gui/main_window.py" line="819"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="548"/>
        <source>The work you are editing has unsaved changes. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="626"/>
        <source>Delete work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="627"/>
        <source>Delete “{title}”? You can undo this with {undo}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="650"/>
        <source>Deleted “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="730"/>
        <source>About artdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="731"/>
        <source>artdesk {version}
A catalog manager for gallery registrars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="750"/>
        <source>API: not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="753"/>
        <source>API: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="757"/>
        <source>API: stopped ({why})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="760"/>
        <source>API: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="778"/>
        <source>Sync: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="781"/>
        <source>Last sync: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/main_window.py" line="820"/>
        <source>The work you are editing has unsaved changes. Quit without saving them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1046"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1051"/>
        <source>the last catalog opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1052"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1056"/>
        <location filename="../../artdesk/gui/dialogs.py" line="1082"/>
        <source>Default catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1059"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1060"/>
        <source>no thumbnails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1062"/>
        <source>Thumbnail size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1065"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1066"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1067"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1072"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/dialogs.py" line="1082"/>
        <source>Catalogs (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="42"/>
        <source>All artworks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="43"/>
        <source>Possible duplicates</source>
        <translation type="unfinished">Mögliche Duplikate</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="45"/>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="46"/>
        <source>Artists</source>
        <translation type="unfinished">Künstler</translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="47"/>
        <source>Shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sidebar.py" line="48"/>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="609"/>
        <source>Similar works are not available for this catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="619"/>
        <source>The similarity index is being built…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="621"/>
        <source>No similarity index yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="624"/>
        <source>Nearest works (double-click or Enter opens one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="650"/>
        <source>This work is not in the similarity index yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/panels.py" line="664"/>
        <source>No similar works found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="47"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="48"/>
        <source>Push as one work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="49"/>
        <source>Push each work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="52"/>
        <source>Pushing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="53"/>
        <source>Listing remote works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="54"/>
        <source>Fetching remote works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="55"/>
        <source>Merging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="58"/>
        <source>edited here, deleted on the remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="59"/>
        <source>deleted here, edited on the remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="60"/>
        <source>several remote works share its fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="135"/>
        <source>Sync with remote catalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="150"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="317"/>
        <source>Remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="170"/>
        <source>Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="200"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="242"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="201"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="244"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="202"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="243"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="203"/>
        <source>Linked works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="204"/>
        <source>Open conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="205"/>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="218"/>
        <source>Remove remote…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="225"/>
        <source>Add a remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="228"/>
        <source>e.g. central</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="240"/>
        <source>Add remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="245"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="246"/>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="247"/>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="249"/>
        <source>Secrets are kept in the system keyring, or in a file only you can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="256"/>
        <source>Remotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="267"/>
        <source>Works the remote would merge into one because they share a fingerprint: choose for each group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="273"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="273"/>
        <source>Works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="273"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="283"/>
        <source>No two local works share a fingerprint: there is nothing to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="289"/>
        <source>Refresh plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="291"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="693"/>
        <source>Pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="292"/>
        <source>Take the remote&apos;s changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="294"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="693"/>
        <source>Push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="295"/>
        <source>Send this desk&apos;s changes as planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="297"/>
        <source>Sync (pull, then push)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="305"/>
        <source>Plan and sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="310"/>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="310"/>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="317"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="317"/>
        <source>This desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="317"/>
        <source>Last synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="335"/>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="337"/>
        <source>Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="340"/>
        <source>or type the value to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="341"/>
        <source>Use this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="351"/>
        <source>Until a conflict is resolved the local value stays; the next sync sends the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="355"/>
        <location filename="../../artdesk/gui/sync_dialog.py" line="730"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="408"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="423"/>
        <source>No remote yet: add one on the Remotes tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="468"/>
        <source>Added remote {name}; its secret is kept in {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="486"/>
        <source>Remove remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="488"/>
        <source>Forget the remote {name} and its stored secret? The works stay in both catalogs; adding it again later links them by fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="506"/>
        <source>Removed remote {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="529"/>
        <source>Working out what a push would do…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="540"/>
        <source>{name} is an Artsy remote: pull only, nothing is pushed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="545"/>
        <source>A push would create {creates}, update {updates} and delete {deletes} remote works ({unchanged} unchanged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="555"/>
        <source>{groups} group(s) of works sharing a fingerprint to decide below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="558"/>
        <source>{n} work(s) with open conflicts keep their field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="562"/>
        <source>{n} open conflict(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="570"/>
        <source>on the remote as {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="572"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="621"/>
        <source>Connecting to {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="640"/>
        <source>{phase}: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="646"/>
        <source>(about {eta} left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="649"/>
        <source>{phase}: {done}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="651"/>
        <source>cancelling after the requests in flight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="660"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="695"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="696"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="697"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="700"/>
        <source>{direction}: {status} in {seconds:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="728"/>
        <source>Conflicts ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="757"/>
        <source>No open conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="769"/>
        <source>Keep mine: this desk&apos;s value goes to the remote with the next sync. Take theirs: the remote&apos;s value replaces this desk&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="779"/>
        <source>Remote works: {ids}. Type one to link to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="803"/>
        <source>Type the value to keep first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/sync_dialog.py" line="823"/>
        <source>Conflict on #{id} resolved ({how}); the next sync sends the result.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../artdesk/gui/commands.py" line="34"/>
        <source>Could not undo or redo “{what}”: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/commands.py" line="35"/>
        <source>Create “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/commands.py" line="36"/>
        <source>Delete “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../artdesk/gui/commands.py" line="37"/>
        <source>Edit “{title}” ({fields})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
