<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="da_DK">
<context>
    <name>ActorTableModel</name>
    <message>
        <location filename="../models/actor_table.py" line="23" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="24" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="25" />
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="27" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="26" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="42" />
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="43" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="43" />
        <source>Active, not public</source>
        <translation>Aktiv, ikke offentlig</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="88" />
        <source>Volunteer landscape</source>
        <translation>Frivillighedslandskabet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="98" />
        <source>Landscape</source>
        <translation>Landskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="99" />
        <location filename="../main_window.py" line="167" />
        <source>Problem statements</source>
        <translation>Problemstillinger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="100" />
        <source>Map</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="114" />
        <source>Search actors…</source>
        <translation>Søg efter aktør…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="116" />
        <source>Search actors</source>
        <translation>Søg efter aktør</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120" />
        <source>Filter by actor kind</source>
        <translation>Filtrér efter aktørtype</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="121" />
        <source>All kinds</source>
        <translation>Alle typer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="137" />
        <source>Actors</source>
        <translation>Aktører</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="143" />
        <source>Actor details</source>
        <translation>Detaljer om aktøren</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="144" />
        <source>Select an actor to see its profile.</source>
        <translation>Vælg en aktør for at se dens profil.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>Problem statement details</source>
        <translation>Detaljer om problemstillingen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175" />
        <source>Select a problem statement to see what it seeks.</source>
        <translation>Vælg en problemstilling for at se, hvad den søger.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191" />
        <source>Details of the actor chosen on the map</source>
        <translation>Detaljer om aktøren valgt på kortet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192" />
        <source>Click a marker to see the actor.</source>
        <translation>Klik på en markør for at se aktøren.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215" />
        <source>Partner map</source>
        <translation>Partnerkort</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="247" />
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="248" />
        <source>&amp;Import landscape…</source>
        <translation>&amp;Importér landskab…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="251" />
        <source>&amp;Export landscape…</source>
        <translation>&amp;Eksportér landskab…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="254" />
        <source>Load &amp;demo landscape</source>
        <translation>Indlæs &amp;demolandskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="256" />
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="264" />
        <source>&amp;Find actor</source>
        <translation>&amp;Find aktør</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="267" />
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="270" />
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="271" />
        <source>&amp;About</source>
        <translation>&amp;Om</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285" />
        <source>Loading…</source>
        <translation>Indlæser…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="293" />
        <source>%1 actors · %2 problem statements · %3 partnerships</source>
        <translation>%1 aktører · %2 problemstillinger · %3 partnerskaber</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="299" />
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="306" />
        <source>Something went wrong</source>
        <translation>Noget gik galt</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="346" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="348" />
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="353" />
        <source>We are</source>
        <translation>Vi er</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="354" />
        <location filename="../main_window.py" line="376" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="355" />
        <source>Our role towards the target group</source>
        <translation>Vores rolle i forhold til målgruppen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="356" />
        <source>Resources and competences</source>
        <translation>Ressourcer og kompetencer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="357" />
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="358" />
        <source>Best at</source>
        <translation>Bedst til</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="359" />
        <source>Worst at</source>
        <translation>Dårligst til</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="360" />
        <source>Successful projects</source>
        <translation>Succesfulde projekter</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361" />
        <source>Attractive partner because</source>
        <translation>Attraktiv partner fordi</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="362" />
        <source>How we know it works</source>
        <translation>Sådan ved vi, at det virker</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="374" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="375" />
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="377" />
        <source>Our role in the project</source>
        <translation>Vores rolle i projektet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="378" />
        <source>We seek someone who</source>
        <translation>Vi søger nogen, der</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="379" />
        <source>Resources sought</source>
        <translation>Søgte ressourcer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="380" />
        <source>Roles sought</source>
        <translation>Søgte roller</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="381" />
        <source>The partner must not</source>
        <translation>Partneren skal ikke</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="382" />
        <source>As a partner you get</source>
        <translation>Som partner får du</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="384" />
        <source>Involves a statutory task</source>
        <translation>Indebærer en myndighedsopgave</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="385" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="399" />
        <source>Import landscape</source>
        <translation>Importér landskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="399" />
        <location filename="../main_window.py" line="443" />
        <source>Landscape documents (*.json)</source>
        <translation>Landskabsdokumenter (*.json)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="406" />
        <source>Importing %1…</source>
        <translation>Importerer %1…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="431" />
        <source>Imported: %1 new and %2 updated actors</source>
        <translation>Importeret: %1 nye og %2 opdaterede aktører</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="441" />
        <source>Export landscape</source>
        <translation>Eksportér landskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="451" />
        <source>Exported %1 actors to %2</source>
        <translation>Eksporterede %1 aktører til %2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="462" />
        <source>About</source>
        <translation>Om</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="464" />
        <source>Volunteer landscape: map the volunteer landscape of a municipality and match partners to social problems.</source>
        <translation>Frivillighedslandskabet: kortlæg kommunens frivillighedslandskab og find partnere til sociale problemstillinger.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../map_view.py" line="66" />
        <source>Map of the landscape</source>
        <translation>Kort over landskabet</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="115" />
        <source>the map's web engine stopped (code %1)</source>
        <translation>kortets webmotor stoppede (kode %1)</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="122" />
        <source>The map cannot be shown: %1. Everything else works as usual.</source>
        <translation>Kortet kan ikke vises: %1. Alt andet virker som normalt.</translation>
    </message>
</context>
<context>
    <name>ProblemStatus</name>
    <message>
        <location filename="../models/problem_table.py" line="15" />
        <source>Draft</source>
        <translation>Kladde</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="16" />
        <source>Open for input</source>
        <translation>Åben for input</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="17" />
        <source>Seeking partners</source>
        <translation>Søger partnere</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="18" />
        <source>Matched</source>
        <translation>Matchet</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="19" />
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <location filename="../models/problem_table.py" line="37" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="37" />
        <source>Owner</source>
        <translation>Ejer</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="37" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="37" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
</context>
</TS>