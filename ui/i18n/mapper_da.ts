<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="da_DK">
<context>
    <name>ActorTableModel</name>
    <message>
        <location filename="../models/actor_table.py" line="55" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="56" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="57" />
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="58" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="59" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="90" />
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="91" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="91" />
        <source>Active, not public</source>
        <translation>Aktiv, ikke offentlig</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="82" />
        <source>Volunteer landscape</source>
        <translation>Frivillighedslandskabet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="92" />
        <source>Landscape</source>
        <translation>Landskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="93" />
        <location filename="../main_window.py" line="159" />
        <source>Problem statements</source>
        <translation>Problemstillinger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="106" />
        <source>Search actors…</source>
        <translation>Søg efter aktør…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="108" />
        <source>Search actors</source>
        <translation>Søg efter aktør</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="112" />
        <source>Filter by actor kind</source>
        <translation>Filtrér efter aktørtype</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="113" />
        <source>All kinds</source>
        <translation>Alle typer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129" />
        <source>Actors</source>
        <translation>Aktører</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="135" />
        <source>Actor details</source>
        <translation>Detaljer om aktøren</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="136" />
        <source>Select an actor to see its profile.</source>
        <translation>Vælg en aktør for at se dens profil.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="165" />
        <source>Problem statement details</source>
        <translation>Detaljer om problemstillingen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="167" />
        <source>Select a problem statement to see what it seeks.</source>
        <translation>Vælg en problemstilling for at se, hvad den søger.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="179" />
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="180" />
        <source>&amp;Import landscape…</source>
        <translation>&amp;Importér landskab…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183" />
        <source>&amp;Export landscape…</source>
        <translation>&amp;Eksportér landskab…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186" />
        <source>Load &amp;demo landscape</source>
        <translation>Indlæs &amp;demolandskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188" />
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196" />
        <source>&amp;Find actor</source>
        <translation>&amp;Find aktør</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="199" />
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="202" />
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="203" />
        <source>&amp;About</source>
        <translation>&amp;Om</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="217" />
        <source>Loading…</source>
        <translation>Indlæser…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225" />
        <source>%1 actors · %2 problem statements · %3 partnerships</source>
        <translation>%1 aktører · %2 problemstillinger · %3 partnerskaber</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231" />
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="238" />
        <source>Something went wrong</source>
        <translation>Noget gik galt</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="276" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="278" />
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="283" />
        <source>We are</source>
        <translation>Vi er</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="284" />
        <location filename="../main_window.py" line="306" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285" />
        <source>Our role towards the target group</source>
        <translation>Vores rolle i forhold til målgruppen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="286" />
        <source>Resources and competences</source>
        <translation>Ressourcer og kompetencer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="287" />
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="288" />
        <source>Best at</source>
        <translation>Bedst til</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="289" />
        <source>Worst at</source>
        <translation>Dårligst til</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="290" />
        <source>Successful projects</source>
        <translation>Succesfulde projekter</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="291" />
        <source>Attractive partner because</source>
        <translation>Attraktiv partner fordi</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="292" />
        <source>How we know it works</source>
        <translation>Sådan ved vi, at det virker</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="304" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="305" />
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="307" />
        <source>Our role in the project</source>
        <translation>Vores rolle i projektet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="308" />
        <source>We seek someone who</source>
        <translation>Vi søger nogen, der</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="309" />
        <source>Resources sought</source>
        <translation>Søgte ressourcer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="310" />
        <source>Roles sought</source>
        <translation>Søgte roller</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="311" />
        <source>The partner must not</source>
        <translation>Partneren skal ikke</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="312" />
        <source>As a partner you get</source>
        <translation>Som partner får du</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="314" />
        <source>Involves a statutory task</source>
        <translation>Indebærer en myndighedsopgave</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="315" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="329" />
        <source>Import landscape</source>
        <translation>Importér landskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="329" />
        <location filename="../main_window.py" line="373" />
        <source>Landscape documents (*.json)</source>
        <translation>Landskabsdokumenter (*.json)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="336" />
        <source>Importing %1…</source>
        <translation>Importerer %1…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361" />
        <source>Imported: %1 new and %2 updated actors</source>
        <translation>Importeret: %1 nye og %2 opdaterede aktører</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="371" />
        <source>Export landscape</source>
        <translation>Eksportér landskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="381" />
        <source>Exported %1 actors to %2</source>
        <translation>Eksporterede %1 aktører til %2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="392" />
        <source>About</source>
        <translation>Om</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="394" />
        <source>Volunteer landscape: map the volunteer landscape of a municipality and match partners to social problems.</source>
        <translation>Frivillighedslandskabet: kortlæg kommunens frivillighedslandskab og find partnere til sociale problemstillinger.</translation>
    </message>
</context>
<context>
    <name>ProblemStatus</name>
    <message>
        <location filename="../models/problem_table.py" line="16" />
        <source>Draft</source>
        <translation>Kladde</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="17" />
        <source>Open for input</source>
        <translation>Åben for input</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="18" />
        <source>Seeking partners</source>
        <translation>Søger partnere</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="19" />
        <source>Matched</source>
        <translation>Matchet</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="20" />
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <location filename="../models/problem_table.py" line="58" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="59" />
        <source>Owner</source>
        <translation>Ejer</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="60" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="61" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
</context>
</TS>