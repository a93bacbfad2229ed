<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="da_DK">
<context>
    <name>ActorEditor</name>
    <message>
        <location filename="../actor_editor.py" line="476" />
        <source>Someone else saved this actor while you were editing it (their version %1, yours %2). Your changes are still here: copy what you need and reload the actor to see theirs.</source>
        <translation>En anden har gemt denne aktør, mens du redigerede den (deres version %1, din %2). Dine ændringer er her stadig: kopiér det, du skal bruge, og genindlæs aktøren for at se deres.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="492" />
        <source>Saved.</source>
        <translation>Gemt.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="531" />
        <location filename="../actor_editor.py" line="747" />
        <source>Social dating profile</source>
        <translation>Social datingprofil</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="535" />
        <source>Example: Patriciahuset</source>
        <translation>Eksempel: Patriciahuset</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="539" />
        <source>Show the worked example Patriciahuset</source>
        <translation>Vis eksemplet Patriciahuset</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="543" />
        <source>Worked example: Patriciahuset</source>
        <translation>Eksempel: Patriciahuset</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="565" />
        <source>Editor messages</source>
        <translation>Meddelelser fra redigeringen</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="567" />
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="569" />
        <location filename="../actor_editor.py" line="1388" />
        <source>Save the dating profile (Ctrl+S)</source>
        <translation>Gem datingprofilen (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="570" />
        <source>Save the dating profile</source>
        <translation>Gem datingprofilen</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="628" />
        <source>Problem with %1</source>
        <translation>Problem med %1</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="737" />
        <location filename="../actor_editor.py" line="857" />
        <location filename="../actor_editor.py" line="991" />
        <source>Not stated</source>
        <translation>Ikke oplyst</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="749" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="749" />
        <source>The name the actor is known by locally.</source>
        <translation>Det navn, aktøren er kendt under lokalt.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="754" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="756" />
        <source>Which kind of actor: an individual volunteer, an association, a company, a public institution …</source>
        <translation>Hvilken slags aktør: en frivillig person, en forening, en virksomhed, et offentligt tilbud …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="759" />
        <source>Choose a type…</source>
        <translation>Vælg en type …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="771" />
        <source>An individual volunteer is a person: under the GDPR the record is kept only with the person's consent and a stated purpose, and it never appears on public maps.</source>
        <translation>En frivillig person er en person: efter GDPR opbevares oplysningerne kun med personens samtykke og et angivet formål, og de vises aldrig på offentlige kort.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="783" />
        <source>We are …</source>
        <translation>Jeg/vi er …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="784" />
        <source>Who are you, and what do you do? A few sentences.</source>
        <translation>Hvem er I, og hvad laver I? Et par sætninger.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="786" />
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="787" />
        <location filename="../actor_editor.py" line="939" />
        <source>Resources and competences</source>
        <translation>Ressourcer og kompetencer</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="792" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="793" />
        <source>Which target groups you need a collaboration with.</source>
        <translation>Hvilke målgrupper I har brug for et samarbejde med.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="798" />
        <source>Our role towards the target group</source>
        <translation>Min/vores rolle i forhold til målgruppen</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="800" />
        <source>What you do for these target groups, e.g. run a service, advise, bring people together.</source>
        <translation>Hvad I gør for målgruppen, f.eks. driver et tilbud, rådgiver eller samler mennesker.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="808" />
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="810" />
        <source>Which roles you can take in a partnership, e.g. bridge builder, service provider, commissioner.</source>
        <translation>Hvilke roller I kan påtage jer i et partnerskab, f.eks. brobygger, serviceleverandør eller bestiller.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="818" />
        <source>Prevention level</source>
        <translation>Forebyggelsesniveau</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="820" />
        <source>Where your effort sits: before the problem arises, early, treatment or rehabilitation.</source>
        <translation>Hvor jeres indsats ligger: inden problemet opstår, tidligt, behandlende eller rehabiliterende.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="827" />
        <source>We are best at …</source>
        <translation>Jeg/vi er bedst til …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="828" />
        <source>What a partner can count on you for.</source>
        <translation>Det, en partner kan regne med jer til.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="833" />
        <source>We are worst at …</source>
        <translation>Jeg/vi er dårligst til …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="834" />
        <source>Where you fall short: it tells a partner what you need from them.</source>
        <translation>Hvor I kommer til kort – det fortæller en partner, hvad I har brug for.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="836" />
        <source>1-3 examples of successful projects</source>
        <translation>1-3 eksempler på succesfulde projekter</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="840" />
        <source>What makes you an attractive partner?</source>
        <translation>Hvad gør jer til en attraktiv partner?</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="841" />
        <source>What you bring that makes you worth collaborating with.</source>
        <translation>Det, I bidrager med, som gør jer værd at samarbejde med.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="846" />
        <source>This is how we know our effort works</source>
        <translation>Sådan ved vi, at indsatsen virker</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="847" />
        <source>How you document the value you create or measure the effect of your effort.</source>
        <translation>Hvordan I dokumenterer den værdi, I skaber, og/eller måler effekten af indsatsen.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="852" />
        <source>Evidence level</source>
        <translation>Evidensniveau</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="854" />
        <source>How strong that documentation is, from case studies (low) to systematic reviews (high).</source>
        <translation>Hvor stærk dokumentationen er, fra casestudier (lav) til systematiske forskningsoversigter (høj).</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="863" />
        <source>The number of employees and volunteers in your organisation or unit.</source>
        <translation>Antallet af ansatte/frivillige i din organisation/enhed.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="870" />
        <source>Employees</source>
        <translation>Ansatte</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="871" />
        <source>Volunteers</source>
        <translation>Frivillige</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="892" />
        <source>1-3 examples of successful projects or efforts. What made them successful?</source>
        <translation>1-3 eksempler på succesfulde projekter/indsatser. Hvad gjorde dem succesfulde?</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="900" />
        <source>What was it, and what made it successful?</source>
        <translation>Hvad var det, og hvad gjorde det succesfuldt?</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="901" />
        <source>Example %1</source>
        <translation>Eksempel %1</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="913" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="913" />
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="913" />
        <source>Hours/month</source>
        <translation>Timer/md.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="913" />
        <source>DKK</source>
        <translation>Kr.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="933" />
        <source>Add resource</source>
        <translation>Tilføj ressource</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="934" />
        <source>Add a resource</source>
        <translation>Tilføj en ressource</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="936" />
        <source>Remove resource</source>
        <translation>Fjern ressource</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="937" />
        <source>Remove the selected resource</source>
        <translation>Fjern den valgte ressource</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="941" />
        <source>Which resources (e.g. funding, staff or volunteer hours) and competences you can offer in a collaboration or partnership.</source>
        <translation>Hvilke typer af ressourcer – f.eks. finansiering, medarbejdertimer/frivilligtimer – og kompetencer I kan stille til rådighed i et samarbejde eller partnerskab.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="962" />
        <source>Location</source>
        <translation>Placering</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="963" />
        <location filename="../actor_editor.py" line="981" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="963" />
        <source>Street and number.</source>
        <translation>Gade og husnummer.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="965" />
        <location filename="../actor_editor.py" line="982" />
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="965" />
        <source>Four digits, e.g. 6700.</source>
        <translation>Fire cifre, fx 6700.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="967" />
        <source>City</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="967" />
        <source>The town or city.</source>
        <translation>Byen.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="971" />
        <source>Municipality code</source>
        <translation>Kommunekode</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="972" />
        <source>Three or four digits, e.g. 0561 for Esbjerg.</source>
        <translation>Tre eller fire cifre, f.eks. 0561 for Esbjerg.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="975" />
        <source>Decimal degrees, e.g. 55.4765 and 8.4594; give both latitude and longitude, or neither.</source>
        <translation>Decimalgrader, f.eks. 55,4765 og 8,4594; angiv både bredde- og længdegrad eller ingen af dem.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="978" />
        <source>Latitude</source>
        <translation>Breddegrad</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="979" />
        <source>Longitude</source>
        <translation>Længdegrad</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="983" />
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="984" />
        <source>Placed by hand</source>
        <translation>Placeret manuelt</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="989" />
        <source>Precision</source>
        <translation>Præcision</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="990" />
        <source>How exact the point on the map is.</source>
        <translation>Hvor præcist punktet på kortet er.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="997" />
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1001" />
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1003" />
        <source>A contact person is personal data: shown on public maps only when the actor agreed.</source>
        <translation>En kontaktperson er en personoplysning: vises kun på offentlige kort, når aktøren har sagt ja.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1008" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1008" />
        <source>For example name@example.dk.</source>
        <translation>F.eks. navn@example.dk.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1010" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1010" />
        <source>For example 75 12 34 56.</source>
        <translation>F.eks. 75 12 34 56.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1014" />
        <source>Website</source>
        <translation>Websted</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1015" />
        <source>Starts with https://, e.g. https://www.example.dk.</source>
        <translation>Begynder med https://, f.eks. https://www.example.dk.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1020" />
        <source>Publishing and consent</source>
        <translation>Offentliggørelse og samtykke</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1021" />
        <location filename="../actor_editor.py" line="1028" />
        <source>Public</source>
        <translation>Offentlig</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1029" />
        <location filename="../actor_editor.py" line="1273" />
        <source>Public actors may appear on exported partner maps.</source>
        <translation>Offentlige aktører kan vises på eksporterede partnerkort.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1031" />
        <location filename="../actor_editor.py" line="1038" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1039" />
        <source>Inactive actors are kept in the register but not proposed as partners.</source>
        <translation>Inaktive aktører bliver i registret, men foreslås ikke som partnere.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1042" />
        <source>No consent</source>
        <translation>Intet samtykke</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1048" />
        <location filename="../actor_editor.py" line="1055" />
        <location filename="../actor_editor.py" line="1276" />
        <source>Consent given on</source>
        <translation>Samtykke givet den</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1049" />
        <source>The date the person or organisation agreed to be registered.</source>
        <translation>Den dato, personen eller organisationen sagde ja til at blive registreret.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1060" />
        <location filename="../actor_editor.py" line="1277" />
        <source>Purpose of the consent</source>
        <translation>Formål med samtykket</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1062" />
        <source>What the data is kept for, e.g. matching with volunteer tasks in the municipality.</source>
        <translation>Hvad oplysningerne opbevares til, f.eks. matchning til frivillige opgaver i kommunen.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1068" />
        <source>Not verified</source>
        <translation>Ikke bekræftet</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1074" />
        <location filename="../actor_editor.py" line="1081" />
        <source>Verified on</source>
        <translation>Bekræftet den</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1075" />
        <source>When the record was last checked with the actor.</source>
        <translation>Hvornår oplysningerne sidst blev tjekket med aktøren.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1127" />
        <source>We are</source>
        <translation>Vi er</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1129" />
        <source>One of the municipality's socio-psychiatric services, with 17 staff, most with a background in social education. We offer a place of development and learning for citizens aged 18-60 with a mental illness.</source>
        <translation>Et af kommunens socialpsykiatriske tilbud med 17 ansatte, der hovedsageligt har fagpædagogisk baggrund. Vi leverer et udviklings- og læringsmiljø for psykisk syge borgere i alderen 18-60 år.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1135" />
        <source>We seek a partner for</source>
        <translation>Vi søger en samarbejdspartner til</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1137" />
        <source>An open café that builds bridges to the municipality's other services and to activities in the local community: volunteers who help users without a network get going with something out in the world, so that in time they can use the ordinary services instead of the institutions.</source>
        <translation>En åben café, der bygger bro til resten af kommunens tilbud og til aktiviteter i lokalsamfundet: frivillige, der kan få psykisk syge uden netværk i gang med noget ude i resten af verden, så de på sigt kan benytte kommunens almindelige tilbud og blive fri for institutionerne.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1144" />
        <source>We are good at</source>
        <translation>Det er vi gode til</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1146" />
        <source>Making the target group stronger: skilled professional staff help the users develop within the walls of the house.</source>
        <translation>At gøre målgruppen stærkere: et stærkt fagligt personale hjælper brugerne med at udvikle sig inden for husets rammer.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1151" />
        <source>We are less good at</source>
        <translation>Det er vi mindre gode til</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1153" />
        <source>We lack bridge builders who can create contact with the world outside: internships, self-help groups, evening classes and so on.</source>
        <translation>Vi mangler brobyggere, der kan skabe kontakt ud i verden og fungere som bindeled – til praktikpladser, selvhjælpsgrupper, kurser på AOF osv.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1158" />
        <source>Our role in the project</source>
        <translation>Vores rolle i projektet</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1160" />
        <source>To provide the premises and sparring with our professional staff whenever it is needed.</source>
        <translation>At stille rammerne til rådighed og give sparring med vores fagpersonale, når som helst det er nødvendigt.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1165" />
        <source>How we know it works</source>
        <translation>Sådan ved vi, at det virker</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1167" />
        <source>When the users are attached to offers outside the house: we know it works when we have made ourselves superfluous.</source>
        <translation>Når brugerne får tilknytning til tilbud uden for huset: vi ved, det virker, når vi lykkes med at gøre os selv overflødige.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1172" />
        <source>We seek someone who</source>
        <translation>Til dette projekt søger vi nogen, der</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1174" />
        <source>Can provide volunteers to link the users to the local community, for example a voluntary organisation working with mentally vulnerable people.</source>
        <translation>Kan stille frivillige kræfter til rådighed, som kan være bindeled til resten af lokalsamfundet – f.eks. en frivillig organisation, der arbejder med psykisk sårbare.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1179" />
        <source>As a partner you get</source>
        <translation>Som partner i projektet får du</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1181" />
        <source>Access to the target group, a say in the café project, good surroundings and professional sparring.</source>
        <translation>Adgang til målgruppen i Patriciahuset, mulighed for at præge café-projektet, gode rammer for og professionel sparring om indsatsen.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1190" />
        <source>From the guide to future welfare alliances, working question 5. The first half describes the actor (this form); the half that seeks a partner becomes a problem statement.</source>
        <translation>Fra »Guide til fremtidens velfærdsalliancer«, Arbejdsspørgsmål 5. Første halvdel beskriver aktøren (denne formular); den halvdel, der søger en partner, bliver til en problemstilling.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1194" />
        <source>Dating profile: Patriciahuset in Esbjerg seeks a bridge builder</source>
        <translation>Datingprofil: Patriciahuset i Esbjerg søger brobygger</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1252" />
        <source>Change %1</source>
        <translation>Ret %1</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1261" />
        <source>Sector: %1</source>
        <translation>Sektor: %1</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1271" />
        <location filename="../actor_editor.py" line="1444" />
        <source>Individual volunteers are never shown on public maps.</source>
        <translation>Frivillige personer vises aldrig på offentlige kort.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1286" />
        <location filename="../actor_editor.py" line="1469" />
        <source>New actor</source>
        <translation>Ny aktør</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1288" />
        <source>Social dating profile: %1</source>
        <translation>Social datingprofil: %1</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1349" />
        <source>Not a number: use decimal degrees such as 55.4765.</source>
        <translation>Ikke et tal: brug decimalgrader som 55,4765.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1386" />
        <location filename="../actor_editor.py" line="1402" />
        <source>Fill in the fields marked * to save.</source>
        <translation>Udfyld felterne markeret med * for at gemme.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1403" />
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Ikke gemt: ret felterne markeret med rødt.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1422" />
        <location filename="../actor_editor.py" line="1426" />
        <source>Give both latitude and longitude, or neither.</source>
        <translation>Udfyld både bredde- og længdegrad eller ingen af dem.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1423" />
        <source>Latitude must be between -90 and 90.</source>
        <translation>Breddegraden skal ligge mellem -90 og 90.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1427" />
        <source>Longitude must be between -180 and 180.</source>
        <translation>Længdegraden skal ligge mellem -180 og 180.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1429" />
        <source>Enter the actor's name.</source>
        <translation>Skriv aktørens navn.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1430" />
        <source>Choose a type.</source>
        <translation>Vælg en type.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1431" />
        <source>Not an e-mail address (e.g. name@example.dk).</source>
        <translation>Ikke en e-mailadresse (f.eks. navn@example.dk).</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1433" />
        <source>A website address starts with http:// or https:// (e.g. https://www.example.dk).</source>
        <translation>En webadresse begynder med http:// eller https:// (f.eks. https://www.example.dk).</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1436" />
        <source>A municipality code has three or four digits, e.g. 0561.</source>
        <translation>En kommunekode har tre eller fire cifre, f.eks. 0561.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1439" />
        <source>Required for an individual volunteer: the date the person gave consent.</source>
        <translation>Påkrævet for en frivillig person: den dato, personen gav samtykke.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1442" />
        <source>Required for an individual volunteer: what the data is kept for.</source>
        <translation>Påkrævet for en frivillig person: hvad oplysningerne opbevares til.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1445" />
        <source>Another actor already has this id.</source>
        <translation>En anden aktør har allerede dette id.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1451" />
        <source>Unknown code %1 (did you mean %2?)</source>
        <translation>Ukendt kode %1 (mente du %2?)</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1462" />
        <location filename="../actor_editor.py" line="1463" />
        <source>Save changes?</source>
        <translation>Gem ændringer?</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="1471" />
        <source>The dating profile of %1 has changes that are not saved.</source>
        <translation>Datingprofilen for %1 har ændringer, der ikke er gemt.</translation>
    </message>
</context>
<context>
    <name>ActorTableModel</name>
    <message>
        <location filename="../models/actor_table.py" line="207" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="208" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="209" />
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="211" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="210" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="238" />
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="239" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="239" />
        <source>Active, not public</source>
        <translation>Aktiv, ikke offentlig</translation>
    </message>
</context>
<context>
    <name>CodePicker</name>
    <message>
        <location filename="../widgets/code_picker.py" line="53" />
        <source>Type to filter…</source>
        <translation>Skriv for at filtrere …</translation>
    </message>
    <message>
        <location filename="../widgets/code_picker.py" line="119" />
        <source>Filter %1</source>
        <translation>Filtrér %1</translation>
    </message>
    <message>
        <location filename="../widgets/code_picker.py" line="120" />
        <source>Chosen %1</source>
        <translation>Valgte %1</translation>
    </message>
    <message>
        <location filename="../widgets/code_picker.py" line="174" />
        <source>Chosen: %1</source>
        <translation>Valgt: %1</translation>
    </message>
    <message>
        <location filename="../widgets/code_picker.py" line="176" />
        <source>Nothing chosen</source>
        <translation>Intet valgt</translation>
    </message>
</context>
<context>
    <name>ExportMapDialog</name>
    <message>
        <location filename="../export_map_dialog.py" line="52" />
        <location filename="../export_map_dialog.py" line="234" />
        <source>Export partner map</source>
        <translation>Eksportér partnerkort</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="60" />
        <source>What the map shows</source>
        <translation>Hvad kortet viser</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="62" />
        <source>The whole landscape</source>
        <translation>Hele landskabet</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="63" />
        <source>One municipality</source>
        <translation>Én kommune</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="64" />
        <source>One target group</source>
        <translation>Én målgruppe</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="65" />
        <source>One resource</source>
        <translation>Én ressource</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="66" />
        <source>The ranked partners of a problem statement</source>
        <translation>De rangerede partnere til en problemstilling</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="70" />
        <source>Which one</source>
        <translation>Hvilken</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="80" />
        <source>Number of ranked partners</source>
        <translation>Antal rangerede partnere</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="82" />
        <source>Title of the map</source>
        <translation>Kortets titel</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="83" />
        <source>Partner map</source>
        <translation>Partnerkort</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="88" />
        <source>Language of the map</source>
        <translation>Kortets sprog</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="89" />
        <source>Boundaries (imported municipalities and regions)</source>
        <translation>Grænser (importerede kommuner og regioner)</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="91" />
        <source>Offer an online background map (needs network)</source>
        <translation>Tilbyd et online baggrundskort (kræver netværk)</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="93" />
        <source>File to write</source>
        <translation>Fil der skrives</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="94" />
        <source>Browse…</source>
        <translation>Gennemse…</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="101" />
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="102" />
        <source>Which</source>
        <translation>Hvilken</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="103" />
        <source>Partners</source>
        <translation>Partnere</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="104" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="105" />
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="108" />
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="115" />
        <source>Actors that will be on the map</source>
        <translation>Aktører der kommer med på kortet</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="118" />
        <source>Never on a public map: individual volunteers, actors that are not public or not active. Contact persons only for actors that gave consent.</source>
        <translation>Aldrig på et offentligt kort: frivillige personer og aktører, der ikke er offentlige eller aktive. Kontaktpersoner kun for aktører, der har givet samtykke.</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="126" />
        <source>Export</source>
        <translation>Eksportér</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="170" />
        <source>Choose which one to show.</source>
        <translation>Vælg hvad der skal vises.</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="184" />
        <source>Working out what the map will show…</source>
        <translation>Finder ud af, hvad kortet skal vise…</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="200" />
        <source>%1 actors on the map (%2 with a contact person). Left out: %3 individual volunteers, %4 not public, %5 inactive, %6 without a location. %7 boundary shapes.</source>
        <translation>%1 aktører på kortet (%2 med kontaktperson). Udeladt: %3 frivillige personer, %4 ikke offentlige, %5 inaktive, %6 uden placering. %7 grænseflader.</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="218" />
        <source>… and %1 more</source>
        <translation>… og %1 mere</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="236" />
        <source>Web pages (*.html)</source>
        <translation>Websider (*.html)</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="264" />
        <source>Written to %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="265" />
        <source>Open in browser</source>
        <translation>Åbn i browser</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="268" />
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="119" />
        <source>Volunteer landscape</source>
        <translation>Frivillighedslandskabet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="127" />
        <source>Landscape</source>
        <translation>Landskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="128" />
        <location filename="../main_window.py" line="280" />
        <source>Problem statements</source>
        <translation>Problemstillinger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129" />
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="130" />
        <source>Map</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="136" />
        <source>Partnerships</source>
        <translation>Partnerskaber</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153" />
        <source>Search actors…</source>
        <translation>Søg efter aktør…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="155" />
        <source>Search actors</source>
        <translation>Søg efter aktør</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172" />
        <source>Filter by actor kind</source>
        <translation>Filtrér efter aktørtype</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172" />
        <source>All kinds</source>
        <translation>Alle typer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="177" />
        <source>Filter by target group</source>
        <translation>Filtrér efter målgruppe</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="177" />
        <source>All target groups</source>
        <translation>Alle målgrupper</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>Filter by resource</source>
        <translation>Filtrér efter ressource</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>All resources</source>
        <translation>Alle ressourcer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187" />
        <source>Filter by municipality</source>
        <translation>Filtrér efter kommune</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187" />
        <source>All municipalities</source>
        <translation>Alle kommuner</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207" />
        <source>Actors</source>
        <translation>Aktører</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="213" />
        <source>Actor details</source>
        <translation>Detaljer om aktøren</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214" />
        <source>Select an actor to see its profile.</source>
        <translation>Vælg en aktør for at se dens profil.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221" />
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222" />
        <source>Edit dating profile</source>
        <translation>Redigér datingprofil</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="263" />
        <source>Partnership proposed: %1 ↔ %2</source>
        <translation>Partnerskab foreslået: %1 ↔ %2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="286" />
        <source>Problem statement details</source>
        <translation>Detaljer om problemstillingen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="288" />
        <source>Select a problem statement to see what it seeks.</source>
        <translation>Vælg en problemstilling for at se, hvad den søger.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="292" />
        <source>Find &amp;partners</source>
        <translation>Find &amp;partnere</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="295" />
        <source>Rank the landscape's actors for the selected problem statement (Enter)</source>
        <translation>Rangér landskabets aktører til den valgte problemstilling (Enter)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="314" />
        <source>Overview</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="315" />
        <source>Edit problem statement</source>
        <translation>Redigér problemstilling</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="339" />
        <source>Details of the actor chosen on the map</source>
        <translation>Detaljer om aktøren valgt på kortet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="340" />
        <source>Click a marker to see the actor.</source>
        <translation>Klik på en markør for at se aktøren.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="364" />
        <source>Partner map</source>
        <translation>Partnerkort</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="408" />
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="409" />
        <source>&amp;Import landscape…</source>
        <translation>&amp;Importér landskab…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="412" />
        <source>&amp;Export landscape…</source>
        <translation>&amp;Eksportér landskab…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="415" />
        <source>Export partner &amp;map…</source>
        <translation>Eksportér partner&amp;kort…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="418" />
        <source>Import &amp;boundaries…</source>
        <translation>Importér &amp;grænser…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="420" />
        <source>Municipalities, regions or postcodes from GeoJSON, GeoPackage or Shapefile</source>
        <translation>Kommuner, regioner eller postnumre fra GeoJSON, GeoPackage eller Shapefile</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="423" />
        <source>Load &amp;demo landscape</source>
        <translation>Indlæs &amp;demolandskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="425" />
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="447" />
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="449" />
        <source>&amp;Redo</source>
        <translation>&amp;Gentag</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="451" />
        <source>&amp;New actor</source>
        <translation>&amp;Ny aktør</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="454" />
        <source>New &amp;problem statement</source>
        <translation>Ny &amp;problemstilling</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="457" />
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="467" />
        <source>&amp;Find actor</source>
        <translation>&amp;Find aktør</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="470" />
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="479" />
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="481" />
        <source>&amp;Landscape</source>
        <translation>&amp;Landskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="482" />
        <source>&amp;Problem statements</source>
        <translation>&amp;Problemstillinger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="483" />
        <source>&amp;Match</source>
        <translation>&amp;Match</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="484" />
        <source>M&amp;ap</source>
        <translation>K&amp;ort</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="485" />
        <source>Pa&amp;rtnerships</source>
        <translation>Pa&amp;rtnerskaber</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="494" />
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="504" />
        <source>Main</source>
        <translation>Hovedværktøjslinje</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="519" />
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="520" />
        <source>&amp;About</source>
        <translation>&amp;Om</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="533" />
        <source>Loading…</source>
        <translation>Indlæser…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="549" />
        <source>%1 actors · %2 problem statements · %3 partnerships</source>
        <translation>%1 aktører · %2 problemstillinger · %3 partnerskaber</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="555" />
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="589" />
        <source>%1 of %2 actors shown</source>
        <translation>%1 af %2 aktører vises</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="597" />
        <source>Something went wrong</source>
        <translation>Noget gik galt</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="652" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="654" />
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="659" />
        <source>We are</source>
        <translation>Vi er</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="660" />
        <location filename="../main_window.py" line="682" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="661" />
        <source>Our role towards the target group</source>
        <translation>Vores rolle i forhold til målgruppen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="662" />
        <source>Resources and competences</source>
        <translation>Ressourcer og kompetencer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="663" />
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="664" />
        <source>Best at</source>
        <translation>Bedst til</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="665" />
        <source>Worst at</source>
        <translation>Dårligst til</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="666" />
        <source>Successful projects</source>
        <translation>Succesfulde projekter</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="667" />
        <source>Attractive partner because</source>
        <translation>Attraktiv partner fordi</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="668" />
        <source>How we know it works</source>
        <translation>Sådan ved vi, at det virker</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="680" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="681" />
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="683" />
        <source>Our role in the project</source>
        <translation>Vores rolle i projektet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="684" />
        <source>We seek someone who</source>
        <translation>Vi søger nogen, der</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="685" />
        <source>Resources sought</source>
        <translation>Søgte ressourcer</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="686" />
        <source>Roles sought</source>
        <translation>Søgte roller</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="687" />
        <source>The partner must not</source>
        <translation>Partneren skal ikke</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="688" />
        <source>As a partner you get</source>
        <translation>Som partner får du</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="690" />
        <source>Involves a statutory task</source>
        <translation>Indebærer en myndighedsopgave</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="691" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="705" />
        <source>Import landscape</source>
        <translation>Importér landskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="705" />
        <location filename="../main_window.py" line="818" />
        <source>Landscape documents (*.json)</source>
        <translation>Landskabsdokumenter (*.json)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="724" />
        <location filename="../main_window.py" line="790" />
        <source>Importing %1…</source>
        <translation>Importerer %1…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="715" />
        <location filename="../main_window.py" line="781" />
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importen blev annulleret; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="735" />
        <location filename="../main_window.py" line="748" />
        <source>Import boundaries</source>
        <translation>Importér grænser</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="737" />
        <source>Boundary files (*.geojson *.json *.gpkg *.shp *.zip)</source>
        <translation>Grænsefiler (*.geojson *.json *.gpkg *.shp *.zip)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="742" />
        <source>Municipalities</source>
        <translation>Kommuner</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="743" />
        <source>Regions</source>
        <translation>Regioner</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="744" />
        <source>Postcodes</source>
        <translation>Postnumre</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="749" />
        <source>What does the file hold?</source>
        <translation>Hvad indeholder filen?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="772" />
        <source>Imported %1 shapes</source>
        <translation>Importerede %1 grænseflader</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="806" />
        <source>Imported: %1 new and %2 updated actors</source>
        <translation>Importeret: %1 nye og %2 opdaterede aktører</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="816" />
        <source>Export landscape</source>
        <translation>Eksportér landskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="846" />
        <source>Exporting to %1…</source>
        <translation>Eksporterer til %1…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="829" />
        <source>Exported %1 actors to %2</source>
        <translation>Eksporterede %1 aktører til %2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="837" />
        <source>Export cancelled.</source>
        <translation>Eksporten blev annulleret.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="881" />
        <source>Saved %1</source>
        <translation>Gemt: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="906" />
        <source>The language changes when the application is started again.</source>
        <translation>Sproget skifter, næste gang programmet startes.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="921" />
        <source>Partner map written to %1</source>
        <translation>Partnerkort gemt i %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="932" />
        <source>About</source>
        <translation>Om</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="934" />
        <source>Volunteer landscape: map the volunteer landscape of a municipality and match partners to social problems.</source>
        <translation>Frivillighedslandskabet: kortlæg kommunens frivillighedslandskab og find partnere til sociale problemstillinger.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../map_view.py" line="71" />
        <source>Map of the landscape</source>
        <translation>Kort over landskabet</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="120" />
        <source>the map's web engine stopped (code %1)</source>
        <translation>kortets webmotor stoppede (kode %1)</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="127" />
        <source>The map cannot be shown: %1. Everything else works as usual.</source>
        <translation>Kortet kan ikke vises: %1. Alt andet virker som normalt.</translation>
    </message>
</context>
<context>
    <name>MatchTableModel</name>
    <message>
        <location filename="../match_view.py" line="64" />
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="65" />
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="66" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="67" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="68" />
        <source>Distance</source>
        <translation>Afstand</translation>
    </message>
</context>
<context>
    <name>MatchView</name>
    <message>
        <location filename="../match_view.py" line="158" />
        <source>Problem statement to match</source>
        <translation>Problemstilling der skal matches</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="165" />
        <source>Number of partners</source>
        <translation>Antal partnere</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="167" />
        <source>Fair rotation</source>
        <translation>Fair rotation</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="169" />
        <source>Actors proposed recently get a mild, explained penalty so others surface too.</source>
        <translation>Aktører, der for nylig er foreslået, får et mildt, forklaret fradrag, så andre også kommer frem.</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="173" />
        <source>Problem:</source>
        <translation>Problemstilling:</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="175" />
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="185" />
        <source>Ranked partners</source>
        <translation>Rangerede partnere</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="209" />
        <source>&amp;Propose partnership</source>
        <translation>&amp;Foreslå partnerskab</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="222" />
        <source>Why this partner</source>
        <translation>Hvorfor denne partner</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="225" />
        <location filename="../match_view.py" line="231" />
        <source>360° review</source>
        <translation>360°-eftersyn</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="228" />
        <source>Consortium proposal</source>
        <translation>Forslag til konsortium</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="230" />
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="232" />
        <source>Consortium</source>
        <translation>Konsortium</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="233" />
        <source>Weights</source>
        <translation>Vægte</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="251" />
        <source>How much each criterion counts</source>
        <translation>Hvor meget hvert kriterium tæller</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="268" />
        <source>Default weights</source>
        <translation>Standardvægte</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="326" />
        <source>Ranking the landscape…</source>
        <translation>Rangerer landskabet…</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="361" />
        <source>Excluded: %1</source>
        <translation>Udelukket: %1</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="368" />
        <source>No actor passes the hard gates.</source>
        <translation>Ingen aktører består de faste krav.</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="483" />
        <source>Not covered by anyone:</source>
        <translation>Dækkes ikke af nogen:</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../operations.py" line="99" />
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../actor_editor.py" line="263" />
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="266" />
        <source>Clear</source>
        <translation>Ryd</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="278" />
        <source>%1: today</source>
        <translation>%1: i dag</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="279" />
        <source>%1: clear</source>
        <translation>%1: ryd</translation>
    </message>
</context>
<context>
    <name>PartnershipTableModel</name>
    <message>
        <location filename="../models/partnership_table.py" line="36" />
        <source>Problem statement</source>
        <translation>Problemstilling</translation>
    </message>
    <message>
        <location filename="../models/partnership_table.py" line="37" />
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../models/partnership_table.py" line="38" />
        <source>Stage</source>
        <translation>Stadie</translation>
    </message>
    <message>
        <location filename="../models/partnership_table.py" line="39" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../models/partnership_table.py" line="40" />
        <source>Updated</source>
        <translation>Opdateret</translation>
    </message>
</context>
<context>
    <name>PartnershipsView</name>
    <message>
        <location filename="../partnerships_view.py" line="127" />
        <source>Show partnerships at stage</source>
        <translation>Vis partnerskaber på stadie</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="128" />
        <source>All stages</source>
        <translation>Alle stadier</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="136" />
        <source>&amp;Show:</source>
        <translation>&amp;Vis:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="144" />
        <location filename="../partnerships_view.py" line="658" />
        <source>Partnerships</source>
        <translation>Partnerskaber</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="182" />
        <source>Problem statement</source>
        <translation>Problemstilling</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="183" />
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="189" />
        <source>Problem statement:</source>
        <translation>Problemstilling:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="190" />
        <source>Partner:</source>
        <translation>Partner:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="194" />
        <source>New stage</source>
        <translation>Nyt stadie</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="200" />
        <source>Note on the stage change</source>
        <translation>Notat til stadieskiftet</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="201" />
        <source>Note (optional)</source>
        <translation>Notat (valgfrit)</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="203" />
        <location filename="../partnerships_view.py" line="205" />
        <source>Change stage</source>
        <translation>Skift stadie</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="211" />
        <source>S&amp;tage:</source>
        <translation>S&amp;tadie:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="214" />
        <source>N&amp;ote:</source>
        <translation>N&amp;otat:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="220" />
        <source>Stage history</source>
        <translation>Stadiehistorik</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="221" />
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="221" />
        <source>Stage</source>
        <translation>Stadie</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="221" />
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="225" />
        <source>History:</source>
        <translation>Historik:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="229" />
        <source>Partnership type</source>
        <translation>Partnerskabstype</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="230" />
        <source>(no type)</source>
        <translation>(ingen type)</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="234" />
        <source>T&amp;ype:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="240" />
        <source>Success factors</source>
        <translation>Succesfaktorer</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="256" />
        <source>Su&amp;ccess factors:</source>
        <translation>Su&amp;ccesfaktorer:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="262" />
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="265" />
        <source>&amp;Notes:</source>
        <translation>&amp;Noter:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="269" />
        <location filename="../partnerships_view.py" line="271" />
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="275" />
        <location filename="../partnerships_view.py" line="277" />
        <source>Discard changes</source>
        <translation>Kassér ændringer</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="362" />
        <source>Change stage of %1 to %2</source>
        <translation>Skift stadie for %1 til %2</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="369" />
        <source>Stage change undone</source>
        <translation>Stadieskift fortrudt</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="384" />
        <source>Edit partnership with %1</source>
        <translation>Ret partnerskab med %1</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="401" />
        <source>Propose partnership %1</source>
        <translation>Foreslå partnerskab %1</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="498" />
        <source>Select a partnership to see it here.</source>
        <translation>Vælg et partnerskab for at se det her.</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="593" />
        <source>Partnership</source>
        <translation>Partnerskab</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="643" />
        <source>Nothing was saved:</source>
        <translation>Intet blev gemt:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="649" />
        <source>Your changes have been kept. Save again to store them over the other changes, or discard them to see what is stored now.</source>
        <translation>Dine ændringer er ikke gået tabt. Gem igen for at erstatte de andres ændringer med dine, eller kassér dine ændringer for at se det, der er gemt nu.</translation>
    </message>
</context>
<context>
    <name>ProblemEditor</name>
    <message>
        <location filename="../problem_editor.py" line="304" />
        <source>The problem statement could not be opened</source>
        <translation>Problemstillingen kunne ikke åbnes</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="349" />
        <location filename="../problem_editor.py" line="440" />
        <location filename="../problem_editor.py" line="1404" />
        <location filename="../problem_editor.py" line="1439" />
        <source>The problem statement was not saved</source>
        <translation>Problemstillingen blev ikke gemt</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="353" />
        <source>Create “%1”</source>
        <translation>Opret “%1”</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="385" />
        <source>Move to %1</source>
        <translation>Flyt til %1</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="421" />
        <source>The problem statement was not deleted</source>
        <translation>Problemstillingen blev ikke slettet</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="490" />
        <source>Save the problem statement to move it along.</source>
        <translation>Gem problemstillingen for at flytte den videre.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="507" />
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="509" />
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="518" />
        <source>Find partners</source>
        <translation>Find partnere</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="520" />
        <source>Rank the actors of the landscape as partners</source>
        <translation>Rangér landskabets aktører som partnere</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="522" />
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="524" />
        <source>Save the problem statement (Ctrl+S)</source>
        <translation>Gem problemstillingen (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="535" />
        <source>The problem</source>
        <translation>Problemet</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="542" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="544" />
        <source>A short name a partner understands at a glance.</source>
        <translation>Et kort navn, som en partner forstår med det samme.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="551" />
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="559" />
        <source>Owner</source>
        <translation>Ejer</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="561" />
        <source>The unit or organisation that seeks partners; type to search.</source>
        <translation>Den enhed eller organisation, der søger partnere; skriv for at søge.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="575" />
        <source>Municipality code</source>
        <translation>Kommunekode</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="577" />
        <source>The municipality's code of 3-4 digits, e.g. 0561 for Esbjerg.</source>
        <translation>Kommunens kode på 3-4 cifre, fx 0561 for Esbjerg.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="583" />
        <source>We seek a partner for the project …</source>
        <translation>Jeg/vi søger samarbejdspartner til projektet …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="585" />
        <source>Describe the problem so that volunteers can help define it.</source>
        <translation>Beskriv problemet, så frivillige kan være med til at definere det.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="591" />
        <source>Concreteness</source>
        <translation>Konkrethed</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="594" />
        <source>The fewer resources the volunteers have, the more concrete the problem must be.</source>
        <translation>Jo færre ressourcer de frivillige har, jo mere konkret skal problemstillingen være.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="601" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="603" />
        <source>Who the effort is for; tick one or more.</source>
        <translation>Hvem indsatsen er for; sæt flueben ved en eller flere.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="609" />
        <source>Prevention level</source>
        <translation>Forebyggelsesniveau</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="612" />
        <source>Where the effort comes in: before the problem arises, early, treatment or rehabilitation.</source>
        <translation>Hvor indsatsen sætter ind: inden problemet opstår, tidligt, behandlende eller rehabiliterende.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="620" />
        <source>My/our role in the project is …</source>
        <translation>Min/vores rolle i projektet er …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="622" />
        <source>What you put in yourselves: staff, premises, access to the target group.</source>
        <translation>Hvad I selv lægger i projektet: medarbejdere, lokaler, adgang til målgruppen.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="628" />
        <source>This is how I know that my/our effort works …</source>
        <translation>Sådan ved jeg, at min/vores indsats virker …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="630" />
        <source>Measurements, evaluations or experience that show the effect.</source>
        <translation>Målinger, evalueringer eller erfaringer, der viser effekten.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="632" />
        <source>The problem involves a statutory task</source>
        <translation>Problemstillingen indebærer en myndighedsopgave</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="637" />
        <source>Statutory task</source>
        <translation>Myndighedsopgave</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="640" />
        <source>Volunteers can contribute, but they cannot carry the responsibility for a statutory task.</source>
        <translation>Frivillige kan bidrage, men de kan ikke bære ansvaret for en myndighedsopgave.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="651" />
        <source>The partner we seek</source>
        <translation>Den partner, vi søger</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="657" />
        <source>For this project I seek someone who …</source>
        <translation>Til dette projekt søger jeg nogen, der …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="659" />
        <source>What the partner should do or be able to do.</source>
        <translation>Hvad partneren skal gøre eller kunne.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="666" />
        <source>Required resources</source>
        <translation>Krævede ressourcer</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="668" />
        <source>Partners who do not offer these are left out of the matching.</source>
        <translation>Partnere, der ikke tilbyder disse, udelades af matchningen.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="674" />
        <source>Can fill the role of …</source>
        <translation>Kan udfylde rollen som …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="676" />
        <source>The roles the partner should take in the project.</source>
        <translation>De roller, partneren skal have i projektet.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="682" />
        <source>Kinds of actor sought</source>
        <translation>Søgte aktørtyper</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="685" />
        <source>E.g. a local association for a concrete problem, a voluntary organisation for an overarching one.</source>
        <translation>Fx en lokal forening til en konkret problemstilling, en frivillig organisation til en overordnet.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="693" />
        <source>The partner must not …</source>
        <translation>Partneren skal ikke …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="695" />
        <source>Tasks the partner must not take over; shown with every match.</source>
        <translation>Opgaver, partneren ikke skal overtage; vises ved hvert match.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="701" />
        <source>Excluded kinds of actor</source>
        <translation>Udelukkede aktørtyper</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="703" />
        <source>These kinds are never proposed.</source>
        <translation>Disse typer foreslås aldrig.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="710" />
        <source>Maximum distance (km)</source>
        <translation>Største afstand (km)</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="712" />
        <source>Leave empty when distance does not matter.</source>
        <translation>Lad feltet stå tomt, når afstanden ikke betyder noget.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="718" />
        <source>As a partner in the project you get …</source>
        <translation>Som partner i projektet får du …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="721" />
        <source>What the partner gains: premises, sparring, visibility, access to the target group.</source>
        <translation>Hvad partneren får ud af det: lokaler, sparring, synlighed, adgang til målgruppen.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="731" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="731" />
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="731" />
        <source>Hours/month</source>
        <translation>Timer/md.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="731" />
        <source>DKK</source>
        <translation>Kr.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="743" />
        <source>Kind of resource</source>
        <translation>Ressourcetype</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="745" />
        <source>Add resource</source>
        <translation>Tilføj ressource</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="748" />
        <source>Remove resource</source>
        <translation>Fjern ressource</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="763" />
        <source>Resources sought</source>
        <translation>Søgte ressourcer</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="766" />
        <source>Can make the following resources available: kind, what, hours per month and amount in DKK.</source>
        <translation>Kan stille følgende ressourcer til rådighed: type, hvad, timer pr. måned og beløb i kr.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="777" />
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="783" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="784" />
        <source>Where the project takes place.</source>
        <translation>Hvor projektet foregår.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="789" />
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="790" />
        <source>Four digits, e.g. 6700.</source>
        <translation>Fire cifre, fx 6700.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="795" />
        <source>City</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="796" />
        <source>The town or city of the postcode.</source>
        <translation>Byen, postnummeret hører til.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="801" />
        <source>Latitude</source>
        <translation>Breddegrad</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="802" />
        <source>Decimal degrees, e.g. 55.4765; give both or neither.</source>
        <translation>Decimalgrader, fx 55,4765; udfyld begge eller ingen.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="807" />
        <source>Longitude</source>
        <translation>Længdegrad</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="808" />
        <source>Decimal degrees, e.g. 8.4594.</source>
        <translation>Decimalgrader, fx 8,4594.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="839" />
        <source>(not chosen)</source>
        <translation>(ikke valgt)</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="846" />
        <source>Filter…</source>
        <translation>Filtrér…</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="908" />
        <source>Filter: %1</source>
        <translation>Filtrér: %1</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="995" />
        <source>Edit %1</source>
        <translation>Ret %1</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1111" />
        <source>Resource %1: choose a kind.</source>
        <translation>Ressource %1: vælg en type.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1114" />
        <source>Resource %1: hours per month must be 0 or more.</source>
        <translation>Ressource %1: timer pr. måned skal være 0 eller mere.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1117" />
        <source>Resource %1: the amount in DKK must be 0 or more.</source>
        <translation>Ressource %1: beløbet i kr. skal være 0 eller mere.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1255" />
        <source>A title is required.</source>
        <translation>Titlen skal udfyldes.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1258" />
        <source>A municipality code has 3-4 digits.</source>
        <translation>En kommunekode har 3-4 cifre.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1263" />
        <source>Must be a number of 0 or more.</source>
        <translation>Skal være et tal på 0 eller mere.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1266" />
        <source>Latitude must be a number between -90 and 90.</source>
        <translation>Breddegraden skal være et tal mellem -90 og 90.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1267" />
        <source>Longitude must be a number between -180 and 180.</source>
        <translation>Længdegraden skal være et tal mellem -180 og 180.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1281" />
        <source>Give both latitude and longitude, or neither.</source>
        <translation>Udfyld både bredde- og længdegrad eller ingen af dem.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1317" />
        <location filename="../problem_editor.py" line="1463" />
        <source>New problem statement</source>
        <translation>Ny problemstilling</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1319" />
        <source>not saved yet</source>
        <translation>ikke gemt endnu</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1320" />
        <source>Id: %1</source>
        <translation>Id: %1</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1327" />
        <source>Draft: you are still writing the problem statement.</source>
        <translation>Kladde: du er stadig i gang med at skrive problemstillingen.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1329" />
        <source>Open for input: volunteers and associations can help define the problem.</source>
        <translation>Åben for input: frivillige og foreninger kan byde ind på at definere problemet.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1331" />
        <source>Seeking partners: the problem is defined; partners are sought.</source>
        <translation>Søger partnere: problemet er defineret, og der søges samarbejdspartnere.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1332" />
        <source>Matched: a partner has been found and the collaboration agreed.</source>
        <translation>Matchet: der er fundet en partner, og samarbejdet er aftalt.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1334" />
        <source>Closed: the problem statement is finished or dropped; it can be reopened as a draft.</source>
        <translation>Lukket: problemstillingen er afsluttet eller opgivet; den kan genåbnes som kladde.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1341" />
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1343" />
        <source>Reopen as draft</source>
        <translation>Genåbn som kladde</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1345" />
        <source>Back to %1</source>
        <translation>Tilbage til %1</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1346" />
        <source>Move on to %1</source>
        <translation>Videre til %1</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1350" />
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1370" />
        <source>The status was not changed</source>
        <translation>Status blev ikke ændret</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1403" />
        <source>Please correct the marked fields:</source>
        <translation>Ret venligst de markerede felter:</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1408" />
        <source>Changed by someone else</source>
        <translation>Ændret af en anden</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1410" />
        <source>Someone else changed this problem statement while you were editing it. Your text is kept in the form.</source>
        <translation>En anden har ændret problemstillingen, mens du redigerede den. Din tekst er bevaret i formularen.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1416" />
        <source>Overwrite with mine</source>
        <translation>Overskriv med min</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1418" />
        <source>Discard mine and reload</source>
        <translation>Kassér min og genindlæs</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1466" />
        <source>Unsaved changes</source>
        <translation>Ikke gemte ændringer</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="1467" />
        <source>Save the changes to “%1”?</source>
        <translation>Vil du gemme ændringerne i “%1”?</translation>
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