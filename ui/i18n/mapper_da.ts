<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="da_DK">
<context>
    <name>ActorEditor</name>
    <message>
        <location filename="../actor_editor.py" line="217" />
        <source>Social dating profile</source>
        <translation>Social datingprofil</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="98" />
        <source>Example: Patriciahuset</source>
        <translation>Eksempel: Patriciahuset</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="102" />
        <source>Show the worked example Patriciahuset</source>
        <translation>Vis eksemplet Patriciahuset</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="106" />
        <source>Worked example: Patriciahuset</source>
        <translation>Eksempel: Patriciahuset</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="94" />
        <source>Save the dating profile (Ctrl+S)</source>
        <translation>Gem datingprofilen (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="132" />
        <source>Save the dating profile</source>
        <translation>Gem datingprofilen</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="245" />
        <location filename="../actor_editor.py" line="251" />
        <location filename="../actor_editor.py" line="312" />
        <location filename="../actor_editor.py" line="368" />
        <location filename="../actor_editor.py" line="377" />
        <source>Not stated</source>
        <translation>Ikke oplyst</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="221" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="222" />
        <source>The name the actor is known by locally.</source>
        <translation>Det navn, aktøren er kendt under lokalt.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="227" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="229" />
        <source>Which kind of actor: an individual volunteer, an association, a company, a public institution …</source>
        <translation>Hvilken slags aktør: en frivillig person, en forening, en virksomhed, et offentligt tilbud …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="234" />
        <source>Choose a type…</source>
        <translation>Vælg en type …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="460" />
        <source>An individual volunteer is a person: under the GDPR the record is kept only with the person's consent and a stated purpose, and it never appears on public maps.</source>
        <translation>En frivillig person er en person: efter GDPR opbevares oplysningerne kun med personens samtykke og et angivet formål, og de vises aldrig på offentlige kort.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="238" />
        <source>We are …</source>
        <translation>Jeg/vi er …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="255" />
        <source>Resources and competences</source>
        <translation>Ressourcer og kompetencer</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="263" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="269" />
        <source>Our role towards the target group</source>
        <translation>Min/vores rolle i forhold til målgruppen</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="276" />
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="282" />
        <source>Prevention level</source>
        <translation>Forebyggelsesniveau</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="288" />
        <source>We are best at …</source>
        <translation>Jeg/vi er bedst til …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="293" />
        <source>We are worst at …</source>
        <translation>Jeg/vi er dårligst til …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="299" />
        <source>What makes you an attractive partner?</source>
        <translation>Hvad gør jer til en attraktiv partner?</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="300" />
        <source>What you bring that makes you worth collaborating with.</source>
        <translation>Det, I bidrager med, som gør jer værd at samarbejde med.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="304" />
        <source>This is how we know our effort works</source>
        <translation>Sådan ved vi, at indsatsen virker</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="309" />
        <source>Evidence level</source>
        <translation>Evidensniveau</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="243" />
        <source>Employees</source>
        <translation>Ansatte</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="249" />
        <source>Volunteers</source>
        <translation>Frivillige</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="200" />
        <source>1-3 examples of successful projects or efforts. What made them successful?</source>
        <translation>1-3 eksempler på succesfulde projekter/indsatser. Hvad gjorde dem succesfulde?</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="204" />
        <source>What was it, and what made it successful?</source>
        <translation>Hvad var det, og hvad gjorde det succesfuldt?</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="198" />
        <source>Example %1</source>
        <translation>Eksempel %1</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="350" />
        <source>Location</source>
        <translation>Placering</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="209" />
        <location filename="../actor_editor.py" line="352" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="352" />
        <source>Street and number.</source>
        <translation>Gade og husnummer.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="210" />
        <location filename="../actor_editor.py" line="355" />
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="359" />
        <source>City</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="370" />
        <source>Latitude</source>
        <translation>Breddegrad</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="371" />
        <source>Longitude</source>
        <translation>Længdegrad</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="211" />
        <location filename="../actor_editor.py" line="362" />
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="212" />
        <source>Placed by hand</source>
        <translation>Placeret manuelt</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="374" />
        <source>Precision</source>
        <translation>Præcision</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="375" />
        <source>How exact the point on the map is.</source>
        <translation>Hvor præcist punktet på kortet er.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="383" />
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="387" />
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="391" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="391" />
        <source>For example name@example.dk.</source>
        <translation>F.eks. navn@example.dk.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="393" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="393" />
        <source>For example 75 12 34 56.</source>
        <translation>F.eks. 75 12 34 56.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="396" />
        <source>Website</source>
        <translation>Websted</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="403" />
        <source>Publishing and consent</source>
        <translation>Offentliggørelse og samtykke</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="407" />
        <source>Public</source>
        <translation>Offentlig</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="408" />
        <location filename="../actor_editor.py" line="761" />
        <source>Public actors may appear on exported partner maps.</source>
        <translation>Offentlige aktører kan vises på eksporterede partnerkort.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="412" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="419" />
        <source>No consent</source>
        <translation>Intet samtykke</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="417" />
        <location filename="../actor_editor.py" line="764" />
        <source>Consent given on</source>
        <translation>Samtykke givet den</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="418" />
        <source>The date the person or organisation agreed to be registered.</source>
        <translation>Den dato, personen eller organisationen sagde ja til at blive registreret.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="423" />
        <location filename="../actor_editor.py" line="765" />
        <source>Purpose of the consent</source>
        <translation>Formål med samtykket</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="430" />
        <source>Not verified</source>
        <translation>Ikke bekræftet</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="428" />
        <source>Verified on</source>
        <translation>Bekræftet den</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="214" />
        <source>Decimal degrees, e.g. 55,4765 and 8,4594; give both or neither.</source>
        <translation>Decimalgrader, fx 55,4765 og 8,4594; angiv begge eller ingen.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="239" />
        <source>Who are you, and what do you do?</source>
        <translation>Hvem er I, og hvad laver I?</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="244" />
        <source>Paid staff.</source>
        <translation>Lønnede medarbejdere.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="250" />
        <source>Active volunteers.</source>
        <translation>Aktive frivillige.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="257" />
        <source>What you can offer a partnership: funding, staff or volunteer hours, premises, competences. Amounts as 250.000 or 2,5.</source>
        <translation>Hvad I kan tilbyde et partnerskab: finansiering, medarbejder- eller frivillighedstimer, lokaler, kompetencer. Beløb som 250.000 eller 2,5.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="264" />
        <source>The target groups you work with.</source>
        <translation>De målgrupper, I arbejder med.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="271" />
        <source>What you do for them: run a service, advise, bring people together.</source>
        <translation>Hvad I gør for dem: driver et tilbud, rådgiver, samler mennesker.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="277" />
        <source>Roles you can take in a partnership, e.g. bridge builder.</source>
        <translation>Roller, I kan tage i et partnerskab, fx brobygger.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="283" />
        <source>Before the problem arises, early, treatment or rehabilitation.</source>
        <translation>Før problemet opstår, tidligt, behandling eller rehabilitering.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="289" />
        <source>What a partner can count on.</source>
        <translation>Hvad en partner kan regne med.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="294" />
        <source>Where you fall short: what you need from a partner.</source>
        <translation>Hvor I kommer til kort: hvad I har brug for fra en partner.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="305" />
        <source>How you document the value you create.</source>
        <translation>Hvordan I dokumenterer den værdi, I skaber.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="310" />
        <source>From case studies (low) to systematic reviews (high).</source>
        <translation>Fra casestudier (lav) til systematiske reviews (høj).</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="318" />
        <source>We seek …</source>
        <translation>Vi søger …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="322" />
        <source>We seek a partner who …</source>
        <translation>Vi søger en partner, der …</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="323" />
        <source>What you look for in a partner, in your own words.</source>
        <translation>Hvad I leder efter hos en partner, med jeres egne ord.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="327" />
        <source>Resources we seek</source>
        <translation>Ressourcer, vi søger</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="328" />
        <source>Resources you lack and would like a partner to bring.</source>
        <translation>Ressourcer, I mangler og gerne vil have en partner til at bidrage med.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="333" />
        <source>Roles we seek in a partner</source>
        <translation>Roller, vi søger hos en partner</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="334" />
        <source>The roles a partner should take, e.g. bridge builder, funder.</source>
        <translation>De roller, en partner skal tage, fx brobygger eller finansieringskilde.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="339" />
        <source>Target groups we seek to reach</source>
        <translation>Målgrupper, vi vil nå</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="340" />
        <source>Target groups you want to reach through a partner.</source>
        <translation>Målgrupper, I vil nå gennem en partner.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="346" />
        <source>The other half of the dating profile: matching uses it for reciprocity.</source>
        <translation>Datingprofilens anden halvdel: matchningen bruger den til gensidighed.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="356" />
        <source>Four digits, e.g. 6700: places the actor on the map.</source>
        <translation>Fire cifre, fx 6700: placerer aktøren på kortet.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="359" />
        <location filename="../actor_editor.py" line="363" />
        <source>Filled in from the postcode.</source>
        <translation>Udfyldes ud fra postnummeret.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="388" />
        <source>Personal data: on public maps only when the actor agreed.</source>
        <translation>Personoplysning: vises kun på offentlige kort, når aktøren har sagt ja.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="397" />
        <source>For example https://www.example.dk.</source>
        <translation>Fx https://www.eksempel.dk.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="413" />
        <source>Inactive actors are kept but not proposed as partners.</source>
        <translation>Inaktive aktører gemmes, men foreslås ikke som partnere.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="424" />
        <source>What the data is kept for, e.g. matching with volunteer tasks.</source>
        <translation>Hvad oplysningerne gemmes til, fx match med frivilligopgaver.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="429" />
        <source>When the record was last checked with the actor.</source>
        <translation>Hvornår oplysningerne sidst blev tjekket med aktøren.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="436" />
        <source>To review</source>
        <translation>Til gennemsyn</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="440" />
        <source>Kept from an import</source>
        <translation>Gemt fra en import</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="442" />
        <source>Values a register import could not place (a target group, kind or postcode it does not know). Correct the record above, then mark them resolved.</source>
        <translation>Værdier, som en registerimport ikke kunne placere (en målgruppe, type eller et postnummer, den ikke kender). Ret posten ovenfor, og markér dem derefter som løst.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="446" />
        <source>Nothing to review</source>
        <translation>Intet til gennemsyn</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="447" />
        <source>Mark as &amp;resolved</source>
        <translation>Markér som &amp;løst</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="619" />
        <source>Not a number: use decimal degrees such as 55,4765.</source>
        <translation>Ikke et tal: brug decimalgrader som 55,4765.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="624" />
        <source>Hours and DKK must be numbers, e.g. 40 or 250.000 (row %1).</source>
        <translation>Timer og kr. skal være tal, fx 40 eller 250.000 (række %1).</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="701" />
        <source>Profile %1 % complete</source>
        <translation>Profilen er %1 % udfyldt</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="708" />
        <source>fill in next: %1</source>
        <translation>udfyld dette næst: %1</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="778" />
        <source>On the map at the coordinates given.</source>
        <translation>På kortet ved de angivne koordinater.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="781" />
        <source>On the map by postcode: %1 %2, %3 municipality.</source>
        <translation>På kortet ud fra postnummer: %1 %2, %3 Kommune.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="787" />
        <source>Not on the map — give a postcode (municipality %1 is known).</source>
        <translation>Ikke på kortet — angiv postnummer (kommunen %1 er kendt).</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="791" />
        <source>Not on the map — give a postcode.</source>
        <translation>Ikke på kortet — angiv postnummer.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="806" />
        <source>We are</source>
        <translation>Vi er</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="808" />
        <source>One of the municipality's socio-psychiatric services, with 17 staff, most with a background in social education. We offer a place of development and learning for citizens aged 18-60 with a mental illness.</source>
        <translation>Et af kommunens socialpsykiatriske tilbud med 17 ansatte, der hovedsageligt har fagpædagogisk baggrund. Vi leverer et udviklings- og læringsmiljø for psykisk syge borgere i alderen 18-60 år.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="814" />
        <source>We seek a partner for</source>
        <translation>Vi søger en samarbejdspartner til</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="816" />
        <source>An open café that builds bridges to the municipality's other services and to activities in the local community: volunteers who help users without a network get going with something out in the world, so that in time they can use the ordinary services instead of the institutions.</source>
        <translation>En åben café, der bygger bro til resten af kommunens tilbud og til aktiviteter i lokalsamfundet: frivillige, der kan få psykisk syge uden netværk i gang med noget ude i resten af verden, så de på sigt kan benytte kommunens almindelige tilbud og blive fri for institutionerne.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="823" />
        <source>We are good at</source>
        <translation>Det er vi gode til</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="825" />
        <source>Making the target group stronger: skilled professional staff help the users develop within the walls of the house.</source>
        <translation>At gøre målgruppen stærkere: et stærkt fagligt personale hjælper brugerne med at udvikle sig inden for husets rammer.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="830" />
        <source>We are less good at</source>
        <translation>Det er vi mindre gode til</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="832" />
        <source>We lack bridge builders who can create contact with the world outside: internships, self-help groups, evening classes and so on.</source>
        <translation>Vi mangler brobyggere, der kan skabe kontakt ud i verden og fungere som bindeled – til praktikpladser, selvhjælpsgrupper, kurser på AOF osv.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="837" />
        <source>Our role in the project</source>
        <translation>Vores rolle i projektet</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="839" />
        <source>To provide the premises and sparring with our professional staff whenever it is needed.</source>
        <translation>At stille rammerne til rådighed og give sparring med vores fagpersonale, når som helst det er nødvendigt.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="844" />
        <source>How we know it works</source>
        <translation>Sådan ved vi, at det virker</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="846" />
        <source>When the users are attached to offers outside the house: we know it works when we have made ourselves superfluous.</source>
        <translation>Når brugerne får tilknytning til tilbud uden for huset: vi ved, det virker, når vi lykkes med at gøre os selv overflødige.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="851" />
        <source>We seek someone who</source>
        <translation>Til dette projekt søger vi nogen, der</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="853" />
        <source>Can provide volunteers to link the users to the local community, for example a voluntary organisation working with mentally vulnerable people.</source>
        <translation>Kan stille frivillige kræfter til rådighed, som kan være bindeled til resten af lokalsamfundet – f.eks. en frivillig organisation, der arbejder med psykisk sårbare.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="858" />
        <source>As a partner you get</source>
        <translation>Som partner i projektet får du</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="860" />
        <source>Access to the target group, a say in the café project, good surroundings and professional sparring.</source>
        <translation>Adgang til målgruppen i Patriciahuset, mulighed for at præge café-projektet, gode rammer for og professionel sparring om indsatsen.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="869" />
        <source>From the guide to future welfare alliances, working question 5. The first half describes the actor (this form); the half that seeks a partner becomes a problem statement.</source>
        <translation>Fra »Guide til fremtidens velfærdsalliancer«, Arbejdsspørgsmål 5. Første halvdel beskriver aktøren (denne formular); den halvdel, der søger en partner, bliver til en problemstilling.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="873" />
        <source>Dating profile: Patriciahuset in Esbjerg seeks a bridge builder</source>
        <translation>Datingprofil: Patriciahuset i Esbjerg søger brobygger</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="749" />
        <source>Sector: %1</source>
        <translation>Sektor: %1</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="759" />
        <source>Individual volunteers are never shown on public maps.</source>
        <translation>Frivillige personer vises aldrig på offentlige kort.</translation>
    </message>
    <message>
        <location filename="../actor_editor.py" line="602" />
        <source>New actor</source>
        <translation>Ny aktør</translation>
    </message>
</context>
<context>
    <name>ActorTableModel</name>
    <message>
        <location filename="../models/actor_table.py" line="521" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="522" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="523" />
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="526" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="524" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="525" />
        <source>Filled in</source>
        <translation>Udfyldt</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="560" />
        <source>%1 (not on the map)</source>
        <translation>%1 (ikke på kortet)</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="561" />
        <source>Not on the map — give a postcode</source>
        <translation>Ikke på kortet — angiv postnummer</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="569" />
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="570" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../models/actor_table.py" line="570" />
        <source>Active, not public</source>
        <translation>Aktiv, ikke offentlig</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../app.py" line="242" />
        <source>Backup saved: %1</source>
        <translation>Sikkerhedskopi gemt: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="245" />
        <source>The automatic backup in %1 could not be made.</source>
        <translation>Den automatiske sikkerhedskopi i %1 kunne ikke laves.</translation>
    </message>
</context>
<context>
    <name>BehindActorsTableModel</name>
    <message>
        <location filename="../models/coverage_table.py" line="207" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../models/coverage_table.py" line="207" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../models/coverage_table.py" line="207" />
        <source>Place</source>
        <translation>Sted</translation>
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
        <location filename="../widgets/code_picker.py" line="69" />
        <source>also: %1</source>
        <translation>også: %1</translation>
    </message>
    <message>
        <location filename="../widgets/code_picker.py" line="125" />
        <source>Filter %1</source>
        <translation>Filtrér %1</translation>
    </message>
    <message>
        <location filename="../widgets/code_picker.py" line="126" />
        <source>Chosen %1</source>
        <translation>Valgte %1</translation>
    </message>
    <message>
        <location filename="../widgets/code_picker.py" line="179" />
        <source>Chosen: %1</source>
        <translation>Valgt: %1</translation>
    </message>
    <message>
        <location filename="../widgets/code_picker.py" line="181" />
        <source>Nothing chosen</source>
        <translation>Intet valgt</translation>
    </message>
</context>
<context>
    <name>CodeSuggestions</name>
    <message>
        <location filename="../widgets/code_suggestions.py" line="67" />
        <source>Suggested from the profile's own words:</source>
        <translation>Foreslået ud fra profilens egne ord:</translation>
    </message>
    <message>
        <location filename="../widgets/code_suggestions.py" line="99" />
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <location filename="../widgets/code_suggestions.py" line="101" />
        <source>Add %1</source>
        <translation>Tilføj %1</translation>
    </message>
    <message>
        <location filename="../widgets/code_suggestions.py" line="103" />
        <source>Reject</source>
        <translation>Afvis</translation>
    </message>
    <message>
        <location filename="../widgets/code_suggestions.py" line="105" />
        <source>Reject %1</source>
        <translation>Afvis %1</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="86" />
        <source>Conflicting changes</source>
        <translation>Modstridende ændringer</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="89" />
        <source>My version</source>
        <translation>Min version</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="90" />
        <source>Their version</source>
        <translation>Deres version</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="111" />
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="111" />
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="123" />
        <source>Fields of both versions</source>
        <translation>Felterne i begge versioner</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="125" />
        <source>Keep &amp;all mine</source>
        <translation>Behold &amp;alle mine</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="129" />
        <source>Take all &amp;theirs</source>
        <translation>Tag alle &amp;deres</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="143" />
        <source>&amp;Save the result</source>
        <translation>&amp;Gem resultatet</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="147" />
        <source>&amp;Go on editing</source>
        <translation>&amp;Fortsæt redigering</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="174" />
        <source>%1: result</source>
        <translation>%1: resultat</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="202" />
        <source>Changed in both versions: choose one</source>
        <translation>Ændret i begge versioner: vælg én</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_dialog.py" line="213" />
        <source>merged automatically</source>
        <translation>flettet automatisk</translation>
    </message>
</context>
<context>
    <name>ConflictRecordTableModel</name>
    <message>
        <location filename="../sync_dialogs.py" line="228" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="228" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="228" />
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="228" />
        <source>Fields</source>
        <translation>Felter</translation>
    </message>
</context>
<context>
    <name>CoverageTableModel</name>
    <message>
        <location filename="../models/coverage_table.py" line="108" />
        <source>Target group</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <location filename="../models/coverage_table.py" line="110" />
        <source>All</source>
        <translation>I alt</translation>
    </message>
    <message>
        <location filename="../models/coverage_table.py" line="180" />
        <source>White spot: 1 actor (expected %2)</source>
        <translation>Hvid plet: 1 aktør (forventet %2)</translation>
    </message>
    <message>
        <location filename="../models/coverage_table.py" line="182" />
        <source>White spot: %1 actors (expected %2)</source>
        <translation>Hvid plet: %1 aktører (forventet %2)</translation>
    </message>
    <message>
        <location filename="../models/coverage_table.py" line="186" />
        <source>1 actor (expected %2)</source>
        <translation>1 aktør (forventet %2)</translation>
    </message>
    <message>
        <location filename="../models/coverage_table.py" line="188" />
        <source>%1 actors (expected %2)</source>
        <translation>%1 aktører (forventet %2)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../crash_dialog.py" line="172" />
        <source>Something went wrong</source>
        <translation>Noget gik galt</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="186" />
        <source>The action could not be completed.</source>
        <translation>Handlingen kunne ikke gennemføres.</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="188" />
        <source>An unexpected error occurred in the program.</source>
        <translation>Der opstod en uventet fejl i programmet.</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="197" />
        <source>What was already saved has not been lost. You can keep working; if the error comes back, save an error report and send it to the person who supports the program.</source>
        <translation>Det, der allerede var gemt, er ikke gået tabt. Du kan arbejde videre; hvis fejlen kommer igen, så gem en fejlrapport og send den til den, der hjælper dig med programmet.</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="214" />
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="221" />
        <source>Error details</source>
        <translation>Fejldetaljer</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="229" />
        <source>Save error report…</source>
        <translation>Gem fejlrapport…</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="230" />
        <source>Copy details</source>
        <translation>Kopiér detaljer</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="231" />
        <source>Continue</source>
        <translation>Fortsæt</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="287" />
        <source>The same error happened %1 times.</source>
        <translation>Den samme fejl er sket %1 gange.</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="292" />
        <source>%1 other errors happened as well; see Details.</source>
        <translation>%1 andre fejl er også sket; se Detaljer.</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="303" />
        <source>The details were copied.</source>
        <translation>Detaljerne er kopieret.</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="307" />
        <source>error-report</source>
        <translation>fejlrapport</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="310" />
        <source>Save error report</source>
        <translation>Gem fejlrapport</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="310" />
        <source>Zip archives (*.zip)</source>
        <translation>Zip-arkiver (*.zip)</translation>
    </message>
    <message>
        <location filename="../crash_dialog.py" line="322" />
        <source>The error report was saved as %1.</source>
        <translation>Fejlrapporten er gemt som %1.</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../database_dialog.py" line="80" />
        <location filename="../database_dialog.py" line="159" />
        <source>Choose database</source>
        <translation>Vælg database</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="82" />
        <source>A file on this computer (SQLite)</source>
        <translation>En fil på denne computer (SQLite)</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="83" />
        <source>A shared server (PostgreSQL)</source>
        <translation>En delt server (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="89" />
        <source>Database file</source>
        <translation>Databasefil</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="90" />
        <source>Browse…</source>
        <translation>Gennemse…</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="98" />
        <source>Server address</source>
        <translation>Serverens adresse</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="101" />
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="103" />
        <source>Not remembered. Leave empty when PGPASSWORD or ~/.pgpass gives it.</source>
        <translation>Huskes ikke. Lad feltet stå tomt, når PGPASSWORD eller ~/.pgpass giver den.</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="107" />
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="109" />
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="110" />
        <source>Password:</source>
        <translation>Adgangskode:</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="113" />
        <source>Recently used databases</source>
        <translation>Senest brugte databaser</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="128" />
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="131" />
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="135" />
        <source>Recently used:</source>
        <translation>Senest brugt:</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="159" />
        <source>Databases (*.sqlite *.db);;All (*)</source>
        <translation>Databaser (*.sqlite *.db);;Alle (*)</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="170" />
        <source>Choose a file.</source>
        <translation>Vælg en fil.</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="175" />
        <source>Write the server's address.</source>
        <translation>Skriv serverens adresse.</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="181" />
        <source>Not a server address: %1. Write it as postgresql+psycopg://user@host/name.</source>
        <translation>Ikke en serveradresse: %1. Skriv den som postgresql+psycopg://bruger@vært/navn.</translation>
    </message>
    <message>
        <location filename="../database_dialog.py" line="190" />
        <source>Opening…</source>
        <translation>Åbner…</translation>
    </message>
</context>
<context>
    <name>DuplicatePairTableModel</name>
    <message>
        <location filename="../duplicates_dialog.py" line="58" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="59" />
        <source>Proposal</source>
        <translation>Forslag</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="60" />
        <source>Actor</source>
        <translation>Aktør</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="61" />
        <source>Maybe the same as</source>
        <translation>Måske den samme som</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="62" />
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="70" />
        <source>Merge</source>
        <translation>Flet</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="70" />
        <source>Review</source>
        <translation>Gennemse</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <location filename="../widgets/duplicate_warning.py" line="46" />
        <source>Possible duplicates</source>
        <translation>Mulige dubletter</translation>
    </message>
    <message>
        <location filename="../widgets/duplicate_warning.py" line="57" />
        <source>Warning</source>
        <translation>Advarsel</translation>
    </message>
    <message>
        <location filename="../widgets/duplicate_warning.py" line="59" />
        <source>Looks like existing actors:</source>
        <translation>Ligner eksisterende aktører:</translation>
    </message>
    <message>
        <location filename="../widgets/duplicate_warning.py" line="72" />
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
    <message>
        <location filename="../widgets/duplicate_warning.py" line="124" />
        <source>Open %1</source>
        <translation>Åbn %1</translation>
    </message>
    <message>
        <location filename="../widgets/duplicate_warning.py" line="125" />
        <source>Open the existing actor %1</source>
        <translation>Åbn den eksisterende aktør %1</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../duplicates_dialog.py" line="96" />
        <source>Possible duplicates</source>
        <translation>Mulige dubletter</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="101" />
        <location filename="../duplicates_dialog.py" line="154" />
        <source>Looking for duplicates…</source>
        <translation>Leder efter dubletter…</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="110" />
        <source>Pairs that may be the same actor</source>
        <translation>Par der måske er den samme aktør</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="131" />
        <source>&amp;Compare…</source>
        <translation>&amp;Sammenlign…</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="136" />
        <source>&amp;Refresh</source>
        <translation>&amp;Opdatér</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="173" />
        <source>%1 pairs may be the same actor (%2 very likely). Open a pair to compare and merge it, or to say they are not the same.</source>
        <translation>%1 par er måske den samme aktør (%2 meget sandsynligt). Åbn et par for at sammenligne og flette det eller for at angive, at de ikke er den samme.</translation>
    </message>
    <message>
        <location filename="../duplicates_dialog.py" line="183" />
        <source>No possible duplicates in the register.</source>
        <translation>Ingen mulige dubletter i registret.</translation>
    </message>
</context>
<context>
    <name>ErasureProposalTableModel</name>
    <message>
        <location filename="../privacy_review_dialog.py" line="93" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="93" />
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="93" />
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="93" />
        <source>Since</source>
        <translation>Siden</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="102" />
        <source>Marked inactive</source>
        <translation>Markeret inaktiv</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="103" />
        <source>Nothing changed, verified or worked on</source>
        <translation>Intet ændret, verificeret eller samarbejdet om</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../text_pieces.py" line="32" />
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="33" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="34" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="35" />
        <source>Kind of actor</source>
        <translation>Aktørtype</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="36" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="37" />
        <source>Public</source>
        <translation>Offentlig</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="38" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="39" />
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="40" />
        <source>Parent organisation</source>
        <translation>Overordnet organisation</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="41" />
        <source>Owner</source>
        <translation>Ejer</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="42" />
        <source>Problem statement</source>
        <translation>Problemstilling</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="43" />
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="44" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="45" />
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="46" />
        <source>Prevention levels</source>
        <translation>Forebyggelsesniveauer</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="47" />
        <source>Prevention level</source>
        <translation>Forebyggelsesniveau</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="48" />
        <source>Resources offered</source>
        <translation>Ressourcer vi tilbyder</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="49" />
        <location filename="../text_pieces.py" line="80" />
        <source>Kind of resource</source>
        <translation>Ressourcetype</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="50" />
        <location filename="../text_pieces.py" line="81" />
        <source>Hours per month</source>
        <translation>Timer pr. måned</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="51" />
        <location filename="../text_pieces.py" line="82" />
        <source>Amount (DKK)</source>
        <translation>Beløb (kr.)</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="52" />
        <source>Service area (km)</source>
        <translation>Dækningsområde (km)</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="53" />
        <source>Volunteers</source>
        <translation>Frivillige</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="54" />
        <source>Employees</source>
        <translation>Ansatte</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="55" />
        <source>Verified on</source>
        <translation>Bekræftet den</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="56" />
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="57" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="58" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="59" />
        <source>Website</source>
        <translation>Hjemmeside</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="60" />
        <source>Date of consent</source>
        <translation>Dato for samtykke</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="61" />
        <source>Purpose of registration</source>
        <translation>Formål med registreringen</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="62" />
        <source>Location</source>
        <translation>Placering</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="63" />
        <source>Latitude</source>
        <translation>Breddegrad</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="64" />
        <source>Longitude</source>
        <translation>Længdegrad</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="65" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="66" />
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="67" />
        <source>City</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="68" />
        <location filename="../text_pieces.py" line="69" />
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="70" />
        <source>Successful projects</source>
        <translation>Succesfulde projekter</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="71" />
        <location filename="../text_pieces.py" line="72" />
        <source>Evidence level</source>
        <translation>Evidensniveau</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="73" />
        <source>How we know it works</source>
        <translation>Sådan ved vi, at det virker</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="74" />
        <source>Concreteness</source>
        <translation>Konkrethed</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="75" />
        <source>What you seek</source>
        <translation>Det søger I</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="76" />
        <source>Who we seek</source>
        <translation>Hvem vi søger</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="77" />
        <source>Roles sought</source>
        <translation>Søgte roller</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="78" />
        <source>Target groups sought</source>
        <translation>Søgte målgrupper</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="79" />
        <source>Resources sought</source>
        <translation>Søgte ressourcer</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="83" />
        <source>Required resources</source>
        <translation>Krævede ressourcer</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="84" />
        <source>Kinds of partner sought</source>
        <translation>Søgte partnertyper</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="85" />
        <source>Kinds of partner excluded</source>
        <translation>Fravalgte partnertyper</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="86" />
        <source>Maximum distance (km)</source>
        <translation>Største afstand (km)</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="87" />
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="88" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="89" />
        <source>Success factors</source>
        <translation>Succesfaktorer</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="90" />
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="91" />
        <source>Partnerships</source>
        <translation>Partnerskaber</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="96" />
        <source>Actor %1</source>
        <translation>Aktør %1</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="97" />
        <source>Problem statement %1</source>
        <translation>Problemstilling %1</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="98" />
        <source>Partnership %1</source>
        <translation>Partnerskab %1</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="101" />
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="102" />
        <source>a number</source>
        <translation>et tal</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="103" />
        <source>a whole number</source>
        <translation>et helt tal</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="104" />
        <source>yes or no</source>
        <translation>ja eller nej</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="105" />
        <source>a list</source>
        <translation>en liste</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="106" />
        <source>a group of fields</source>
        <translation>en gruppe felter</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="107" />
        <source>nothing</source>
        <translation>ingenting</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="115" />
        <source>LANGUAGE_CODE</source>
        <translation>da</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="131" />
        <source>%1 (no. %2)</source>
        <translation>%1 (nr. %2)</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="136" />
        <source>no matching code</source>
        <translation>ingen passende kode</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="137" />
        <source>unknown postcode</source>
        <translation>ukendt postnummer</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="138" />
        <source>not a valid value</source>
        <translation>ikke en gyldig værdi</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="139" />
        <source>note in the source</source>
        <translation>note i kilden</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="152" />
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="170" />
        <source>no. %1</source>
        <translation>nr. %1</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="173" />
        <source>The document</source>
        <translation>Dokumentet</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="181" />
        <source>"%1"</source>
        <translation>»%1«</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="186" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../text_pieces.py" line="186" />
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="48" />
        <source>%1 is not valid.</source>
        <translation>%1: værdien er ikke gyldig.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="50" />
        <source>%1: the value %2 is not valid.</source>
        <translation>%1: værdien %2 er ikke gyldig.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="57" />
        <source>Did you mean %1?</source>
        <translation>Mente du %1?</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="61" />
        <source>%1 must be filled in.</source>
        <translation>%1 skal udfyldes.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="65" />
        <source>%1 cannot be only spaces.</source>
        <translation>%1 må ikke kun være mellemrum.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="70" />
        <source>%1: %2 is not one of the choices.</source>
        <translation>%1: %2 er ikke et af valgene.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="80" />
        <source>%1: %2 is not one of the allowed values.</source>
        <translation>%1: %2 er ikke en af de tilladte værdier.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="87" />
        <location filename="../error_text.py" line="100" />
        <source>%1 must be %2.</source>
        <translation>%1 skal være %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="99" />
        <source>%1 or %2</source>
        <translation>%1 eller %2</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="107" />
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 skal være mellem %2 og %3.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="114" />
        <source>%1 must be at least %2.</source>
        <translation>%1 skal være mindst %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="118" />
        <source>%1 must be at most %2.</source>
        <translation>%1 må højst være %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="127" />
        <source>%1 is too long: %2 characters, at most %3 are allowed.</source>
        <translation>%1 er for lang: %2 tegn, højst %3 er tilladt.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="133" />
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1: der må højst være %2 tegn.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="142" />
        <source>%1 is too large: at most %2.</source>
        <translation>%1 er for stor: højst %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="148" />
        <source>%1 holds an invisible control character (NUL) that cannot be saved; delete it or type the text again.</source>
        <translation>%1 indeholder et usynligt kontroltegn (NUL), som ikke kan gemmes; slet det, eller skriv teksten igen.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="159" />
        <source>%1 is too short: at least %2 characters.</source>
        <translation>%1: der skal være mindst %2 tegn.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="167" />
        <source>%1: at most %2 may be given.</source>
        <translation>%1: der må højst angives %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="173" />
        <source>%1: at least %2 must be given.</source>
        <translation>%1: der skal angives mindst %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="178" />
        <source>%1 names the same thing twice.</source>
        <translation>%1 nævner det samme to gange.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="185" />
        <source>%1: %2 is not a date; write it as YYYY-MM-DD.</source>
        <translation>%1: %2 er ikke en dato; skriv den som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="195" />
        <source>%1: %2 is not a valid CVR number (eight digits that pass the check digit).</source>
        <translation>%1: %2 er ikke et gyldigt CVR-nummer (otte cifre, der består kontrolcifferet).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="203" />
        <source>%1: %2 is not written the right way.</source>
        <translation>%1: %2 er ikke skrevet på den rigtige måde.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="208" />
        <source>%1 is not a field of this record.</source>
        <translation>%1 er ikke et felt i denne post.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="213" />
        <source>%1 must be a number.</source>
        <translation>%1 skal være et tal.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="218" />
        <source>%1: %2 is not an e-mail address (e.g. name@example.dk).</source>
        <translation>%1: %2 er ikke en e-mailadresse (f.eks. navn@eksempel.dk).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="226" />
        <source>%1: a website address starts with http:// or https:// (e.g. https://www.example.dk).</source>
        <translation>%1: en hjemmesideadresse begynder med http:// eller https:// (f.eks. https://www.eksempel.dk).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="235" />
        <source>A location needs both latitude and longitude.</source>
        <translation>En placering skal have både breddegrad og længdegrad.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="239" />
        <source>An individual volunteer is registered only with consent: fill in the date of consent.</source>
        <translation>En frivillig person registreres kun med samtykke: udfyld datoen for samtykket.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="246" />
        <source>An individual volunteer is registered only for a stated purpose: fill in the purpose.</source>
        <translation>En frivillig person registreres kun til et oplyst formål: udfyld formålet.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="253" />
        <source>An individual volunteer is personal data and cannot be shown publicly.</source>
        <translation>En frivillig person er personoplysninger og kan ikke vises offentligt.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="259" />
        <source>The id %1 is already in use.</source>
        <translation>Id'et %1 er allerede i brug.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="262" />
        <source>%1 is free.</source>
        <translation>%1 er ledigt.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="269" />
        <source>%1: there is no problem statement with the id %2.</source>
        <translation>%1: der findes ingen problemstilling med id'et %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="271" />
        <source>%1: there is no actor with the id %2.</source>
        <translation>%1: der findes ingen aktør med id'et %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="276" />
        <source>An actor cannot be its own parent organisation.</source>
        <translation>En aktør kan ikke være sin egen overordnede organisation.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="287" />
        <source>The parent organisations would go round in a circle (%1): clear the parent of one of them.</source>
        <translation>Moderorganisationerne ville gå i ring (%1): fjern moderorganisationen fra en af dem.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="297" />
        <source>The same partnership appears twice.</source>
        <translation>Det samme partnerskab optræder to gange.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="303" />
        <source>It cannot be deleted: a partnership refers to it. Close it instead.</source>
        <translation>Den kan ikke slettes: et partnerskab henviser til den. Luk den i stedet.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="308" />
        <source>It cannot be deleted: %1 partnerships refer to it. Close it instead.</source>
        <translation>Den kan ikke slettes: %1 partnerskaber henviser til den. Luk den i stedet.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="322" />
        <source>%1 is not a status; it can move on to: %2.</source>
        <translation>%1 er ikke en status; den kan gå videre til: %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="330" />
        <source>A problem statement cannot move from %1 to %2; it can move on to: %3.</source>
        <translation>En problemstilling kan ikke gå fra %1 til %2; den kan gå videre til: %3.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="344" />
        <source>%1 is an old Excel workbook (.xls) or protected by a password. Open it in Excel and save it as .xlsx without a password.</source>
        <translation>%1 er en gammel Excel-projektmappe (.xls) eller beskyttet med adgangskode. Åbn den i Excel, og gem den som .xlsx uden adgangskode.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="349" />
        <source>%1 is not an Excel workbook. Save it again from Excel as .xlsx, or export it as CSV.</source>
        <translation>%1 er ikke en Excel-projektmappe. Gem den igen fra Excel som .xlsx, eller eksportér den som CSV.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="353" />
        <source>%1 is an Excel workbook, not a CSV file. Name it .xlsx.</source>
        <translation>%1 er en Excel-projektmappe, ikke en CSV-fil. Giv den endelsen .xlsx.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="356" />
        <source>%1 is empty.</source>
        <translation>%1 er tom.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="357" />
        <source>%1 cannot be read as CSV.</source>
        <translation>%1 kan ikke læses som CSV.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="358" />
        <source>%1 cannot be read in the chosen encoding. Choose 'Detect automatically' or the file's own encoding.</source>
        <translation>%1 kan ikke læses med det valgte tegnsæt. Vælg »Find automatisk« eller filens eget tegnsæt.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="363" />
        <source>The Excel workbook %1 is damaged. Open it in Excel and save it again, or export it as CSV.</source>
        <translation>Excel-projektmappen %1 er beskadiget. Åbn den i Excel, og gem den igen, eller eksportér den som CSV.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="368" />
        <source>The Excel workbook %1 has no worksheet.</source>
        <translation>Excel-projektmappen %1 har intet ark.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="369" />
        <source>The chosen header line of %1 is empty or beyond the file.</source>
        <translation>Den valgte overskriftslinje i %1 er tom eller ligger uden for filen.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="372" />
        <source>No row of column names (such as Navn, Adresse, Postnr.) was found at the top of %1.</source>
        <translation>Der blev ikke fundet en række med kolonnenavne (som Navn, Adresse, Postnr.) øverst i %1.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="376" />
        <source>%1 is %2 text, which cannot be read. Save it from Excel as 'CSV UTF-8', or as .xlsx.</source>
        <translation>%1 er %2-tekst, som ikke kan læses. Gem den fra Excel som »CSV UTF-8« eller som .xlsx.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="380" />
        <source>%1 has column names but no rows.</source>
        <translation>%1 har kolonnenavne, men ingen rækker.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="388" />
        <source>The file %1 cannot be used.</source>
        <translation>Filen %1 kan ikke bruges.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="394" />
        <source>The row has more values than the header has columns (%1): a value holding the delimiter without quotes, or a shifted row.</source>
        <translation>Rækken har flere værdier, end overskriften har kolonner (%1): en værdi med skilletegnet uden anførselstegn, eller en forskudt række.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="405" />
        <source>The file is not valid JSON (line %1, column %2).</source>
        <translation>Filen er ikke gyldig JSON (linje %1, kolonne %2).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="412" />
        <source>The file is not a landscape document.</source>
        <translation>Filen er ikke et landskabsdokument.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="417" />
        <source>%1: %2 is not the code of a Danish municipality.</source>
        <translation>%1: %2 er ikke koden for en dansk kommune.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="477" />
        <source>The action could not be completed (%1).</source>
        <translation>Handlingen kunne ikke gennemføres (%1).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="481" />
        <source>The file %1 cannot be read or written.</source>
        <translation>Filen %1 kan ikke læses eller skrives.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="485" />
        <source>An unexpected error occurred (%1).</source>
        <translation>Der opstod en uventet fejl (%1).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="491" />
        <source>Nothing was saved.</source>
        <translation>Intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="502" />
        <source>Nothing was saved; %1 problems:</source>
        <translation>Intet blev gemt; %1 fejl:</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="507" />
        <source>… and %1 more.</source>
        <translation>… og %1 til.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="519" />
        <source>There is no actor with the id %1.</source>
        <translation>Der findes ingen aktør med id'et %1.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="521" />
        <source>There is no problem statement with the id %1.</source>
        <translation>Der findes ingen problemstilling med id'et %1.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="523" />
        <source>There is no partnership %1.</source>
        <translation>Der findes intet partnerskab %1.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="525" />
        <source>%1 was not found.</source>
        <translation>%1 blev ikke fundet.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="532" />
        <source>Someone else changed the actor %1 while you edited it.</source>
        <translation>En anden har ændret aktøren %1, mens du redigerede den.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="534" />
        <source>Someone else changed the problem statement %1 while you edited it.</source>
        <translation>En anden har ændret problemstillingen %1, mens du redigerede den.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="538" />
        <source>Someone else changed the partnership %1 while you edited it.</source>
        <translation>En anden har ændret partnerskabet %1, mens du redigerede det.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="542" />
        <source>Someone else changed %1 while you edited it.</source>
        <translation>En anden har ændret %1, mens du redigerede.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="552" />
        <source>%1 is not a database address.</source>
        <translation>%1 er ikke en databaseadresse.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="555" />
        <source>The folder %1 for the database cannot be created.</source>
        <translation>Mappen %1 til databasen kan ikke oprettes.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="559" />
        <source>This kind of database cannot be used: %1.</source>
        <translation>Denne slags database kan ikke bruges: %1.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="561" />
        <source>The database %1 holds tables that were not made by this application; choose another database.</source>
        <translation>Databasen %1 indeholder tabeller, som ikke er lavet af dette program; vælg en anden database.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="567" />
        <source>The database %1 cannot be opened. Check that it exists and that you may use it.</source>
        <translation>Databasen %1 kan ikke åbnes. Kontrollér, at den findes, og at du har adgang til den.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="574" />
        <source>The database %1 cannot be used.</source>
        <translation>Databasen %1 kan ikke bruges.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="581" />
        <source>The problem statement says nothing a partner could be matched on: fill in at least one of %1.</source>
        <translation>Problemstillingen siger intet, som en partner kan matches på: udfyld mindst én af %1.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="596" />
        <source>Nothing was imported.</source>
        <translation>Intet blev importeret.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="786" />
        <source>%1 exists already and was not overwritten.</source>
        <translation>%1 findes allerede og blev ikke overskrevet.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="788" />
        <source>PostgreSQL's client tools are not installed (%2 is missing).</source>
        <translation>PostgreSQL' klientværktøjer er ikke installeret (%2 mangler).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="792" />
        <source>%2 failed; nothing was changed.</source>
        <translation>%2 fejlede; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="794" />
        <source>%1 is not a database of this program; nothing was changed.</source>
        <translation>%1 er ikke en database fra dette program; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="796" />
        <source>There is no database to back up: %1.</source>
        <translation>Der er ingen database at sikkerhedskopiere: %1.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="798" />
        <source>%1 has another schema version than the server; restore it into a new, empty database. Nothing was changed.</source>
        <translation>%1 har en anden skemaversion end serveren; gendan den i en ny, tom database. Intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="804" />
        <source>The number of backups to keep must be at least 1.</source>
        <translation>Antallet af sikkerhedskopier, der gemmes, skal være mindst 1.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="806" />
        <source>The backup could not be made or restored (%1).</source>
        <translation>Sikkerhedskopien kunne ikke laves eller gendannes (%1).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="812" />
        <source>%1 is not a person (an individual volunteer): only a person's data can be exported or erased for the person.</source>
        <translation>%1 er ikke en person (en enkelt frivillig): kun en persons egne oplysninger kan udleveres eller slettes.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="824" />
        <source>This database is not an offline copy: make one with File → Take offline….</source>
        <translation>Denne database er ikke en offline-kopi: lav en med Filer → Tag med offline….</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="829" />
        <source>The file for the copy exists already and was not overwritten: choose a new file.</source>
        <translation>Filen til kopien findes allerede og er ikke overskrevet: vælg en ny fil.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="834" />
        <source>That conflict is no longer open (it was decided or synchronised).</source>
        <translation>Den konflikt er ikke længere åben (den er afgjort eller synkroniseret).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="838" />
        <source>The id names records of several kinds; decide the conflict from the list of sync conflicts.</source>
        <translation>Id'et betegner poster af flere slags; afgør konflikten fra listen over synkroniseringskonflikter.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="844" />
        <source>Others changed the server while this synchronisation ran, three times in a row. Nothing is lost: synchronise again.</source>
        <translation>Andre ændrede serveren, mens synkroniseringen kørte, tre gange i træk. Intet er gået tabt: synkroniser igen.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="849" />
        <source>The synchronisation could not be completed.</source>
        <translation>Synkroniseringen kunne ikke gennemføres.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="343" />
        <location filename="../error_text.py" line="600" />
        <source>The file %1 cannot be read.</source>
        <translation>Filen %1 kan ikke læses.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="609" />
        <source>%1 is not a kind of boundary; use one of %2.</source>
        <translation>%1 er ikke en slags grænser; brug en af %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="617" />
        <source>Files like %1 cannot be imported; use GeoJSON (.geojson, .json), GeoPackage (.gpkg) or Shapefile (.shp, or a .zip holding one).</source>
        <translation>Filer som %1 kan ikke importeres; brug GeoJSON (.geojson, .json), GeoPackage (.gpkg) eller Shapefile (.shp, eller en .zip med en).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="628" />
        <source>The zip file %1 holds several shapefiles (%2); unpack it and import one of them.</source>
        <translation>Zip-filen %1 indeholder flere shapefiler (%2); pak den ud, og importér en af dem.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="639" />
        <source>Its columns are: %1.</source>
        <translation>Filens kolonner er: %1.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="644" />
        <source>The file %1 has no column %2.</source>
        <translation>Filen %1 har ingen kolonne %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="653" />
        <source>The file %1 has no column with the names of the areas.</source>
        <translation>Filen %1 har ingen kolonne med områdernes navne.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="655" />
        <source>The file %1 has no column with the codes of the areas.</source>
        <translation>Filen %1 har ingen kolonne med områdernes koder.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="663" />
        <source>The file %1 holds no areas (polygons).</source>
        <translation>Filen %1 indeholder ingen områder (polygoner).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="665" />
        <source>It holds: %1.</source>
        <translation>Den indeholder: %1.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="671" />
        <source>No area in the file %1 has a code in the column %2.</source>
        <translation>Intet område i filen %1 har en kode i kolonnen %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="678" />
        <source>longitude/latitude</source>
        <translation>længdegrad/breddegrad</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="680" />
        <source>Some coordinates in %1 cannot be converted from %2.</source>
        <translation>Nogle koordinater i %1 kan ikke omregnes fra %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="341" />
        <location filename="../error_text.py" line="687" />
        <source>The file %1 does not exist.</source>
        <translation>Filen %1 findes ikke.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="342" />
        <location filename="../error_text.py" line="688" />
        <source>%1 is a folder, not a file.</source>
        <translation>%1 er en mappe, ikke en fil.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="690" />
        <source>The file %1 is empty.</source>
        <translation>Filen %1 er tom.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="691" />
        <source>The file %1 has no shapes.</source>
        <translation>Filen %1 har ingen former.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="692" />
        <source>%1 is not a readable zip file.</source>
        <translation>%1 er ikke en zip-fil, der kan læses.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="694" />
        <source>The zip file %1 holds no shapefile (.shp).</source>
        <translation>Zip-filen %1 indeholder ingen shapefil (.shp).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="702" />
        <source>The file %1 does not say which coordinate system it uses, and its coordinates are not longitude/latitude. Keep the .prj file beside a shapefile, or save the file with its coordinate system (e.g. EPSG:25832).</source>
        <translation>Filen %1 oplyser ikke, hvilket koordinatsystem den bruger, og dens koordinater er ikke længdegrad/breddegrad. Behold .prj-filen ved siden af en shapefil, eller gem filen med dens koordinatsystem (f.eks. EPSG:25832).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="717" />
        <source>The problem statement %1 and the actor %2 are already partners (stage: %3).</source>
        <translation>Problemstillingen %1 og aktøren %2 er allerede partnere (fase: %3).</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="732" />
        <source>it owns the problem statements %1</source>
        <translation>den ejer problemstillingerne %1</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="738" />
        <source>it is a partner on the problem statements %1</source>
        <translation>den er partner på problemstillingerne %1</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="746" />
        <source>it is the parent organisation of %1</source>
        <translation>den er overordnet organisation for %1</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="753" />
        <source>the parent organisations go round in a circle (%1): clear the parent of %2 first</source>
        <translation>moderorganisationerne går i ring (%1): fjern først moderorganisationen fra %2</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="763" />
        <source>The actor %1 cannot be deleted: %2.</source>
        <translation>Aktøren %1 kan ikke slettes: %2.</translation>
    </message>
    <message>
        <location filename="../error_text.py" line="770" />
        <source>Stopped; nothing was changed.</source>
        <translation>Afbrudt; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="23" />
        <source>The file %1 is not a database of this application (it may be another kind of file). It was not changed.</source>
        <translation>Filen %1 er ikke en database fra dette program (det kan være en anden slags fil). Den er ikke ændret.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="34" />
        <source>The database %1 was made by a newer version of the application (schema %2; this version knows schemas up to %3). Update the application to open it; the database was not changed.</source>
        <translation>Databasen %1 er lavet af en nyere version af programmet (skema %2; denne version kender skemaer op til %3). Opdatér programmet for at åbne den; databasen er ikke ændret.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="50" />
        <source>The database %1 is in use by %2. Close it there and try again.</source>
        <translation>Databasen %1 er i brug af %2. Luk den dér, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="57" />
        <source>The database %1 is in use by another program. Close it there and try again.</source>
        <translation>Databasen %1 er i brug af et andet program. Luk den dér, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="67" />
        <source>The database %1 is read-only: you can look, but changes cannot be saved. Nothing was saved.</source>
        <translation>Databasen %1 er skrivebeskyttet: du kan se, men ændringer kan ikke gemmes. Intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="78" />
        <source>The database %1 is read-only and was made by an older version (schema %2); it must be upgraded to schema %3 before it can be opened. Make it writable and try again.</source>
        <translation>Databasen %1 er skrivebeskyttet og lavet af en ældre version (skema %2); den skal opgraderes til skema %3, før den kan åbnes. Gør den skrivbar, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="92" />
        <source>The disk with the database %1 is full. Nothing was saved; what was saved before is unchanged.</source>
        <translation>Disken med databasen %1 er fuld. Intet blev gemt; det, der var gemt før, er uændret.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="103" />
        <source>The database %1 must be upgraded, but the safety copy %2 could not be made; nothing was changed.</source>
        <translation>Databasen %1 skal opgraderes, men sikkerhedskopien %2 kunne ikke laves; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="115" />
        <source>The shared database %1 has the schema %2, this release needs %3. It is upgraded only on purpose, after a backup and while nobody is editing: mapper --db … init --upgrade. Nothing was changed.</source>
        <translation>Den delte database %1 har skemaet %2, denne udgave kræver %3. Den opgraderes kun med vilje, efter en sikkerhedskopi og mens ingen redigerer: mapper --db … init --upgrade. Intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="143" />
        <source>The database %1 is opened read-only (the file, its folder or the drive cannot be written): you can look, but changes cannot be saved.</source>
        <translation>Databasen %1 er åbnet skrivebeskyttet (filen, dens mappe eller drevet kan ikke skrives): du kan se, men ændringer kan ikke gemmes.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="158" />
        <source>The disk is full: %1 could not be written. An earlier file is unchanged.</source>
        <translation>Disken er fuld: %1 kunne ikke skrives. En tidligere fil er uændret.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="162" />
        <source>You may not write %1. Choose another folder.</source>
        <translation>Du har ikke lov til at skrive %1. Vælg en anden mappe.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="164" />
        <source>%1 is on a read-only drive. Choose another folder.</source>
        <translation>%1 ligger på et skrivebeskyttet drev. Vælg en anden mappe.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="167" />
        <source>The folder %1 does not exist.</source>
        <translation>Mappen %1 findes ikke.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="170" />
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 er en mappe; vælg et filnavn.</translation>
    </message>
    <message>
        <location filename="../storage_text.py" line="172" />
        <source>%1 cannot be written. An earlier file is unchanged.</source>
        <translation>%1 kan ikke skrives. En tidligere fil er uændret.</translation>
    </message>
</context>
<context>
    <name>ExportMapDialog</name>
    <message>
        <location filename="../export_map_dialog.py" line="54" />
        <location filename="../export_map_dialog.py" line="241" />
        <source>Export partner map</source>
        <translation>Eksportér partnerkort</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="62" />
        <source>What the map shows</source>
        <translation>Hvad kortet viser</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="64" />
        <source>The whole landscape</source>
        <translation>Hele landskabet</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="65" />
        <source>One municipality</source>
        <translation>Én kommune</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="66" />
        <source>One target group</source>
        <translation>Én målgruppe</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="67" />
        <source>One resource</source>
        <translation>Én ressource</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="68" />
        <source>The ranked partners of a problem statement</source>
        <translation>De rangerede partnere til en problemstilling</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="72" />
        <source>Which one</source>
        <translation>Hvilken</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="82" />
        <source>Number of ranked partners</source>
        <translation>Antal rangerede partnere</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="85" />
        <source>Title of the map</source>
        <translation>Kortets titel</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="86" />
        <source>Partner map</source>
        <translation>Partnerkort</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="91" />
        <source>Language of the map</source>
        <translation>Kortets sprog</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="93" />
        <source>Municipality boundaries (built in, or the layer you imported)</source>
        <translation>Kommunegrænser (de indbyggede eller det lag, du har importeret)</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="96" />
        <source>Offer an online background map (needs network)</source>
        <translation>Tilbyd et online baggrundskort (kræver netværk)</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="100" />
        <source>File to write</source>
        <translation>Fil der skrives</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="101" />
        <source>Browse…</source>
        <translation>Gennemse…</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="108" />
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="109" />
        <source>Which</source>
        <translation>Hvilken</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="110" />
        <source>Partners</source>
        <translation>Partnere</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="111" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="112" />
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="115" />
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="122" />
        <source>Actors that will be on the map</source>
        <translation>Aktører der kommer med på kortet</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="125" />
        <source>Never on a public map: individual volunteers, actors that are not public or not active. Contact persons only for actors that gave consent.</source>
        <translation>Aldrig på et offentligt kort: frivillige personer og aktører, der ikke er offentlige eller aktive. Kontaktpersoner kun for aktører, der har givet samtykke.</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="133" />
        <source>Export</source>
        <translation>Eksportér</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="177" />
        <source>Choose which one to show.</source>
        <translation>Vælg hvad der skal vises.</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="191" />
        <source>Working out what the map will show…</source>
        <translation>Finder ud af, hvad kortet skal vise…</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="207" />
        <source>%1 actors on the map (%2 with a contact person). Left out: %3 individual volunteers, %4 not public, %5 inactive, %6 without a location. %7 boundary shapes.</source>
        <translation>%1 aktører på kortet (%2 med kontaktperson). Udeladt: %3 frivillige personer, %4 ikke offentlige, %5 inaktive, %6 uden placering. %7 grænseflader.</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="225" />
        <source>… and %1 more</source>
        <translation>… og %1 mere</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="243" />
        <source>Web pages (*.html)</source>
        <translation>Websider (*.html)</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="278" />
        <source>Written to %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="279" />
        <source>Open in browser</source>
        <translation>Åbn i browser</translation>
    </message>
    <message>
        <location filename="../export_map_dialog.py" line="282" />
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>FileOperations</name>
    <message>
        <location filename="../file_operations.py" line="81" />
        <source>Something went wrong</source>
        <translation>Noget gik galt</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="94" />
        <source>Import landscape</source>
        <translation>Importér landskab</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="96" />
        <location filename="../file_operations.py" line="188" />
        <source>Landscape documents (*.json)</source>
        <translation>Landskabsdokumenter (*.json)</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="107" />
        <location filename="../file_operations.py" line="417" />
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importen blev annulleret; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="116" />
        <location filename="../file_operations.py" line="426" />
        <source>Importing %1…</source>
        <translation>Importerer %1…</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="134" />
        <source>Imported %1: %2 new and %3 updated actors, %4 rows merged, %5 rejected</source>
        <translation>Importerede %1: %2 nye og %3 opdaterede aktører, %4 rækker lagt sammen, %5 afvist</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="163" />
        <source>%1 new and %2 updated actors, %3 new and %4 updated problem statements, %5 new partnerships</source>
        <translation>%1 nye og %2 opdaterede aktører, %3 nye og %4 opdaterede problemstillinger, %5 nye partnerskaber</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="173" />
        <source>Demo landscape loaded: %1</source>
        <translation>Demolandskabet er indlæst: %1</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="175" />
        <source>Imported %1: %2</source>
        <translation>Importeret fra %1: %2</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="186" />
        <location filename="../file_operations.py" line="198" />
        <source>Export landscape</source>
        <translation>Eksportér landskab</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="200" />
        <source>Without personal data the file holds no individual volunteers, no partnerships with them and no contact persons. An export with personal data is logged; never publish it.</source>
        <translation>Uden personoplysninger indeholder filen ingen frivillige personer, ingen partnerskaber med dem og ingen kontaktpersoner. En eksport med personoplysninger bliver noteret i loggen; offentliggør den aldrig.</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="209" />
        <source>Include personal data (individual volunteers and contact persons)</source>
        <translation>Medtag personoplysninger (frivillige og kontaktpersoner)</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="232" />
        <location filename="../file_operations.py" line="337" />
        <source>Exported %1 actors to %2</source>
        <translation>Eksporterede %1 aktører til %2</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="239" />
        <location filename="../file_operations.py" line="351" />
        <source>Export cancelled.</source>
        <translation>Eksporten blev annulleret.</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="248" />
        <location filename="../file_operations.py" line="360" />
        <source>Exporting to %1…</source>
        <translation>Eksporterer til %1…</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="261" />
        <source>Export HSDS package</source>
        <translation>Eksportér HSDS-pakke</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="263" />
        <source>HSDS package (a new folder)</source>
        <translation>HSDS-pakke (en ny mappe)</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="286" />
        <source>HSDS package: %1 organisations written to %2, %3 left out</source>
        <translation>HSDS-pakke: %1 organisationer skrevet til %2, %3 udeladt</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="296" />
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV til Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="297" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-projektmappe (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="300" />
        <location filename="../file_operations.py" line="313" />
        <source>Export register</source>
        <translation>Eksportér register</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="309" />
        <source>Public view (what may be published)</source>
        <translation>Offentlig visning (det, der må offentliggøres)</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="310" />
        <source>Internal view with contact persons (personal data: never publish it)</source>
        <translation>Intern visning med kontaktpersoner (persondata: må aldrig offentliggøres)</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="313" />
        <source>Which view?</source>
        <translation>Hvilken visning?</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="373" />
        <source>Municipalities</source>
        <translation>Kommuner</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="374" />
        <source>Regions</source>
        <translation>Regioner</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="375" />
        <source>Postcodes</source>
        <translation>Postnumre</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="381" />
        <location filename="../file_operations.py" line="390" />
        <source>Import boundaries</source>
        <translation>Importér grænser</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="383" />
        <source>Boundary files (*.geojson *.json *.gpkg *.shp *.zip)</source>
        <translation>Grænsefiler (*.geojson *.json *.gpkg *.shp *.zip)</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="391" />
        <source>What does the file hold?</source>
        <translation>Hvad indeholder filen?</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="436" />
        <source>%1 municipalities</source>
        <translation>%1 kommuner</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="437" />
        <source>%1 regions</source>
        <translation>%1 regioner</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="438" />
        <source>%1 postcode areas</source>
        <translation>%1 postnumre</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="439" />
        <source>%1 shapes</source>
        <translation>%1 grænseflader</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="441" />
        <source>Boundaries imported from %1: %2</source>
        <translation>Grænser importeret fra %1: %2</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="446" />
        <source>(%1 actors got their municipality)</source>
        <translation>(%1 aktører fik deres kommune)</translation>
    </message>
    <message>
        <location filename="../file_operations.py" line="461" />
        <source>Partner map written to %1</source>
        <translation>Partnerkort gemt i %1</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../first_run.py" line="72" />
        <source>No particular municipality</source>
        <translation>Ingen bestemt kommune</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../help_dialog.py" line="43" />
        <source>%1 – guide</source>
        <translation>%1 – vejledning</translation>
    </message>
    <message>
        <location filename="../help_dialog.py" line="44" />
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../help_dialog.py" line="44" />
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../widgets/history_view.py" line="24" />
        <source>created</source>
        <translation>oprettet</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="25" />
        <source>changed</source>
        <translation>ændret</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="26" />
        <source>deleted</source>
        <translation>slettet</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="27" />
        <source>revived</source>
        <translation>genoprettet</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="28" />
        <source>merged</source>
        <translation>sammenlagt</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="29" />
        <source>imported</source>
        <translation>importeret</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="32" />
        <source>Who we are</source>
        <translation>Hvem vi er</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="33" />
        <source>We are best at</source>
        <translation>Vi er bedst til</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="34" />
        <source>We are worst at</source>
        <translation>Vi er dårligst til</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="35" />
        <source>An attractive partner because</source>
        <translation>En attraktiv partner fordi</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="38" />
        <source>Our role towards the target group</source>
        <translation>Min/vores rolle i forhold til målgruppen</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="41" />
        <source>How we know it works</source>
        <translation>Sådan ved vi, at det virker</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="42" />
        <source>Register ids (CVR …)</source>
        <translation>Registernumre (CVR …)</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="43" />
        <source>For review</source>
        <translation>Til gennemsyn</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="44" />
        <source>Merged into</source>
        <translation>Lagt sammen med</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="45" />
        <source>Merged from</source>
        <translation>Sammenlagt fra</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="69" />
        <source>Change history</source>
        <translation>Ændringshistorik</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="72" />
        <location filename="../widgets/history_view.py" line="87" />
        <source>Select a record to see its history.</source>
        <translation>Vælg en post for at se dens historik.</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="104" />
        <source>Reading the history…</source>
        <translation>Læser historikken …</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="124" />
        <location filename="../widgets/history_view.py" line="132" />
        <source>No changes recorded.</source>
        <translation>Ingen ændringer registreret.</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="134" />
        <source>The history could not be read.</source>
        <translation>Historikken kunne ikke læses.</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="161" />
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="163" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="163" />
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="193" />
        <source>unknown</source>
        <translation>ukendt</translation>
    </message>
    <message>
        <location filename="../widgets/history_view.py" line="201" />
        <source>(the values have been erased)</source>
        <translation>(værdierne er slettet)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../import_wizard.py" line="73" />
        <location filename="../import_wizard.py" line="80" />
        <source>Detect automatically</source>
        <translation>Find automatisk</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="74" />
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="75" />
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 med BOM</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="76" />
        <source>Windows-1252 (Danish Excel)</source>
        <translation>Windows-1252 (dansk Excel)</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="77" />
        <source>Latin-1 (ISO 8859-1)</source>
        <translation>Latin-1 (ISO 8859-1)</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="81" />
        <source>Semicolon ;</source>
        <translation>Semikolon ;</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="82" />
        <source>Comma ,</source>
        <translation>Komma ,</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="83" />
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="84" />
        <source>Vertical bar |</source>
        <translation>Lodret streg |</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="139" />
        <source>Choose the list</source>
        <translation>Vælg listen</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="141" />
        <source>A CSV file or an Excel workbook from a booking or grants system or a volunteer centre's spreadsheet. The format is detected; change it here if the preview looks wrong.</source>
        <translation>En CSV-fil eller en Excel-projektmappe fra et booking- eller tilskudssystem eller et frivilligcenters regneark. Formatet findes automatisk; ret det her, hvis visningen ser forkert ud.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="150" />
        <source>Path of a .csv or .xlsx file</source>
        <translation>Sti til en .csv- eller .xlsx-fil</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="152" />
        <source>&amp;Browse…</source>
        <translation>&amp;Gennemse…</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="167" />
        <source>Find automatically</source>
        <translation>Find automatisk</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="171" />
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="174" />
        <source>&amp;Encoding:</source>
        <translation>&amp;Tegnsæt:</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="175" />
        <source>&amp;Delimiter:</source>
        <translation>&amp;Skilletegn:</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="176" />
        <source>&amp;Worksheet:</source>
        <translation>&amp;Ark:</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="177" />
        <source>&amp;Header line:</source>
        <translation>&amp;Overskriftslinje:</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="183" />
        <source>First rows of the list</source>
        <translation>Listens første rækker</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="202" />
        <source>Import a register</source>
        <translation>Importér et register</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="204" />
        <source>Registers (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Registre (*.csv *.xlsx *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="265" />
        <source>Excel workbook · worksheet %1 · header in row %2 · %3 columns</source>
        <translation>Excel-projektmappe · ark %1 · overskrift i række %2 · %3 kolonner</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="280" />
        <source>CSV file · %1 · %2 · header in line %3 · %4 columns</source>
        <translation>CSV-fil · %1 · %2 · overskrift i linje %3 · %4 kolonner</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="287" />
        <source>about %1 rows</source>
        <translation>omkring %1 rækker</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="303" />
        <source>Match the columns</source>
        <translation>Tilknyt kolonnerne</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="306" />
        <source>Column in the file</source>
        <translation>Kolonne i filen</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="307" />
        <source>Examples</source>
        <translation>Eksempler</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="308" />
        <location filename="../import_wizard.py" line="443" />
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="312" />
        <source>Columns and fields</source>
        <translation>Kolonner og felter</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="318" />
        <source>&amp;Merge sure duplicates (within the list and with the register)</source>
        <translation>&amp;Læg sikre dubletter sammen (i listen og med registret)</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="326" />
        <source>&amp;Kind of rows without one:</source>
        <translation>&amp;Type for rækker uden type:</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="339" />
        <source>The columns are matched as at the last import from this source.</source>
        <translation>Kolonnerne er tilknyttet som ved sidste import fra denne kilde.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="343" />
        <source>The columns are matched by their names. Check each one; the choice is remembered for the next list from the same source.</source>
        <translation>Kolonnerne er tilknyttet ud fra deres navne. Kontrollér hver enkelt; valget huskes til næste liste fra samme kilde.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="360" />
        <source>Field for column %1</source>
        <translation>Felt for kolonnen %1</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="361" />
        <source>— not imported —</source>
        <translation>— importeres ikke —</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="372" />
        <source>Reject the row</source>
        <translation>Afvis rækken</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="394" />
        <source>Choose the column that holds the name.</source>
        <translation>Vælg den kolonne, der indeholder navnet.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="399" />
        <source>Each of these fields can take one column only: %1.</source>
        <translation>Hvert af disse felter kan kun tage én kolonne: %1.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="422" />
        <source>Check before importing</source>
        <translation>Kontrollér før import</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="423" />
        <source>Nothing has been stored yet.</source>
        <translation>Intet er gemt endnu.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="425" />
        <source>&amp;Import</source>
        <translation>&amp;Importér</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="434" />
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="435" />
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="436" />
        <location filename="../import_wizard.py" line="444" />
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="437" />
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="445" />
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="446" />
        <source>Lines</source>
        <translation>Linjer</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="452" />
        <source>Actor</source>
        <translation>Aktør</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="453" />
        <source>May be the same as</source>
        <translation>Er måske den samme som</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="454" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="455" />
        <source>Evidence</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="461" />
        <source>Check results</source>
        <translation>Resultat af kontrollen</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="462" />
        <source>Rejected rows</source>
        <translation>Afviste rækker</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="463" />
        <source>Values without a field</source>
        <translation>Værdier uden felt</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="464" />
        <source>Possible duplicates</source>
        <translation>Mulige dubletter</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="468" />
        <source>&amp;Save rejected rows as CSV…</source>
        <translation>&amp;Gem afviste rækker som CSV…</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="484" />
        <source>Reading every row…</source>
        <translation>Læser alle rækker…</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="547" />
        <source>%1 rows read: %2 new actors, %3 to update, %4 unchanged, %5 rows merged into others, %6 rejected.</source>
        <translation>%1 rækker læst: %2 nye aktører, %3 opdateres, %4 uændrede, %5 rækker lagt sammen med andre, %6 afvist.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="592" />
        <source>Rejected rows (%1)</source>
        <translation>Afviste rækker (%1)</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="595" />
        <source>Kept for review (%1)</source>
        <translation>Til gennemsyn (%1)</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="598" />
        <source>Possible duplicates (%1)</source>
        <translation>Mulige dubletter (%1)</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="615" />
        <source>Save rejected rows</source>
        <translation>Gem afviste rækker</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="617" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="634" />
        <source>%1 rejected rows saved in %2.</source>
        <translation>%1 afviste rækker gemt i %2.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="657" />
        <source>Importing</source>
        <translation>Importerer</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="659" />
        <source>In one go: Cancel leaves the register as it was.</source>
        <translation>I ét hug: Annuller efterlader registret, som det var.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="679" />
        <source>Storing the actors…</source>
        <translation>Gemmer aktørerne…</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="710" />
        <source>Imported</source>
        <translation>Importeret</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="713" />
        <source>%1 rows read: %2 new actors, %3 updated, %4 unchanged, %5 rows merged, %6 rejected.</source>
        <translation>%1 rækker læst: %2 nye aktører, %3 opdateret, %4 uændrede, %5 rækker lagt sammen, %6 afvist.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="728" />
        <source>%1 values are kept on the actors for review.</source>
        <translation>%1 værdier er gemt på aktørerne til gennemsyn.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="737" />
        <source>For %1 actors their own words suggest target groups or resources: the editor offers them (filter 'Incomplete profile').</source>
        <translation>For %1 aktører foreslår deres egne ord målgrupper eller ressourcer: editoren tilbyder dem (filteret »Ufuldstændig profil«).</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="756" />
        <source>Not imported</source>
        <translation>Ikke importeret</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="759" />
        <source>The import was cancelled; nothing was changed.</source>
        <translation>Importen blev afbrudt; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="764" />
        <source>Someone changed the register meanwhile. Go back and check again.</source>
        <translation>Nogen har ændret registret imens. Gå tilbage og kontrollér igen.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="770" />
        <source>Nothing was changed.</source>
        <translation>Intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../import_wizard.py" line="792" />
        <source>Import a register (CSV or Excel)</source>
        <translation>Importér et register (CSV eller Excel)</translation>
    </message>
</context>
<context>
    <name>LandscapeTab</name>
    <message>
        <location filename="../tabs/landscape_tab.py" line="110" />
        <source>Search actors…</source>
        <translation>Søg efter aktør…</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="113" />
        <source>Search actors</source>
        <translation>Søg efter aktør</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="138" />
        <source>Filter by actor kind</source>
        <translation>Filtrér efter aktørtype</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="138" />
        <source>All kinds</source>
        <translation>Alle typer</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="142" />
        <source>Filter by target group</source>
        <translation>Filtrér efter målgruppe</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="143" />
        <source>All target groups</source>
        <translation>Alle målgrupper</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="148" />
        <source>Filter by resource</source>
        <translation>Filtrér efter ressource</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="149" />
        <source>All resources</source>
        <translation>Alle ressourcer</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="154" />
        <source>Filter by municipality</source>
        <translation>Filtrér efter kommune</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="155" />
        <source>All municipalities</source>
        <translation>Alle kommuner</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="160" />
        <source>Filter by what needs attention</source>
        <translation>Filtrér efter, hvad der kræver opmærksomhed</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="161" />
        <source>All records</source>
        <translation>Alle poster</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="164" />
        <source>To review (kept from an import)</source>
        <translation>Til gennemsyn (fra en import)</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="165" />
        <source>Not on the map</source>
        <translation>Ikke på kortet</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="167" />
        <source>Incomplete profile (no target groups or resources)</source>
        <translation>Ufuldstændig profil (ingen målgrupper eller ressourcer)</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="187" />
        <source>Actors</source>
        <translation>Aktører</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="198" />
        <source>Actor details</source>
        <translation>Detaljer om aktøren</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="199" />
        <source>Select an actor to see its profile.</source>
        <translation>Vælg en aktør for at se dens profil.</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="202" />
        <source>Selected actor</source>
        <translation>Valgt aktør</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="203" />
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="204" />
        <source>Edit dating profile</source>
        <translation>Redigér datingprofil</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="206" />
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../tabs/landscape_tab.py" line="415" />
        <source>%1 of %2 actors shown</source>
        <translation>%1 af %2 aktører vises</translation>
    </message>
</context>
<context>
    <name>LocaleFormat</name>
    <message>
        <location filename="../locale_format.py" line="70" />
        <source>"%1" is too large a number</source>
        <translation>»%1« er et for stort tal</translation>
    </message>
    <message>
        <location filename="../locale_format.py" line="118" />
        <source>"%1": write decimals with "%2", e.g. %3</source>
        <translation>»%1«: skriv decimaler med »%2«, f.eks. %3</translation>
    </message>
    <message>
        <location filename="../locale_format.py" line="124" />
        <source>"%1" is not a number; write it like %2</source>
        <translation>»%1« er ikke et tal; skriv det som %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="166" />
        <source>Landscape</source>
        <translation>Landskab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="167" />
        <source>Problem statements</source>
        <translation>Problemstillinger</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="168" />
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169" />
        <source>Map</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171" />
        <source>Partnerships</source>
        <translation>Partnerskaber</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>Overview</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="325" />
        <location filename="../main_window.py" line="330" />
        <source>Saved “%1”</source>
        <translation>Gemt: “%1”</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="336" />
        <source>“%1” is now: %2</source>
        <translation>“%1” er nu: %2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="347" />
        <source>Partnership removed: %1 ↔ %2</source>
        <translation>Partnerskab fjernet: %1 ↔ %2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="351" />
        <source>Partnership saved: %1 ↔ %2</source>
        <translation>Partnerskab gemt: %1 ↔ %2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="398" />
        <source>“%1” is not matched: %2</source>
        <translation>“%1” matches ikke: %2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="510" />
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="514" />
        <source>Restart now</source>
        <translation>Genstart nu</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="515" />
        <source>Later</source>
        <translation>Senere</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="530" />
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="532" />
        <source>%1: map the volunteer landscape of a municipality and match partners to social problems.</source>
        <translation>%1: kortlæg kommunens frivillighedslandskab og find partnere til sociale problemstillinger.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="572" />
        <source>Your name is used in the history from the next start.</source>
        <translation>Dit navn bruges i historikken fra næste start.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="367" />
        <source>Partnership proposed: %1 ↔ %2</source>
        <translation>Partnerskab foreslået: %1 ↔ %2</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="165" />
        <source>Areas</source>
        <translation>Områder</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="244" />
        <source>Loading…</source>
        <translation>Indlæser…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="310" />
        <source>%1 actors · %2 problem statements · %3 partnerships</source>
        <translation>%1 aktører · %2 problemstillinger · %3 partnerskaber</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="504" />
        <location filename="../main_window.py" line="511" />
        <source>The language changes when the application is started again.</source>
        <translation>Sproget skifter, næste gang programmet startes.</translation>
    </message>
</context>
<context>
    <name>MapTab</name>
    <message>
        <location filename="../tabs/map_tab.py" line="70" />
        <source>Partners</source>
        <translation>Partnere</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="71" />
        <location filename="../tabs/map_tab.py" line="87" />
        <source>Problem statement</source>
        <translation>Problemstilling</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="72" />
        <source>Coverage</source>
        <translation>Dækning</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="82" />
        <source>A problem statement's place, its distance limit and its best partners</source>
        <translation>Problemstillingens sted, dens afstandsgrænse og dens bedste partnere</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="86" />
        <source>Problem statement shown on the map</source>
        <translation>Problemstilling vist på kortet</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="93" />
        <source>Number of partners on the map</source>
        <translation>Antal partnere på kortet</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="94" />
        <source>How many of the best-ranked partners are drawn</source>
        <translation>Hvor mange af de bedst rangerede partnere der tegnes</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="96" />
        <source>The public partner map: one marker per actor</source>
        <translation>Det offentlige partnerkort: én markør pr. aktør</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="98" />
        <source>Actors of a target group per municipality, with the white spots</source>
        <translation>Aktører med en målgruppe pr. kommune, med de hvide pletter</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="102" />
        <location filename="../tabs/map_tab.py" line="106" />
        <source>Target group</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="103" />
        <source>All target groups</source>
        <translation>Alle målgrupper</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="110" />
        <source>Area of the partner map</source>
        <translation>Partnerkortets område</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="112" />
        <source>Your own municipality (Settings), or every actor of the landscape</source>
        <translation>Din egen kommune (Indstillinger) eller alle landskabets aktører</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="114" />
        <source>Whole landscape</source>
        <translation>Hele landskabet</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="115" />
        <source>Export coverage map…</source>
        <translation>Eksportér dækningskort…</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="144" />
        <source>Details of the actor chosen on the map</source>
        <translation>Detaljer om aktøren valgt på kortet</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="145" />
        <source>Click a marker to see the actor.</source>
        <translation>Klik på en markør for at se aktøren.</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="190" />
        <source>%1 municipality</source>
        <translation>%1 Kommune</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="258" />
        <source>Partner map</source>
        <translation>Partnerkort</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="365" />
        <source>Export coverage map</source>
        <translation>Eksportér dækningskort</translation>
    </message>
    <message>
        <location filename="../tabs/map_tab.py" line="367" />
        <source>Web pages (*.html)</source>
        <translation>Websider (*.html)</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../map_view.py" line="75" />
        <source>Map of the landscape</source>
        <translation>Kort over landskabet</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="146" />
        <source>the map's web engine stopped (code %1)</source>
        <translation>kortets webmotor stoppede (kode %1)</translation>
    </message>
    <message>
        <location filename="../map_view.py" line="153" />
        <source>The map cannot be shown: %1. Everything else works as usual.</source>
        <translation>Kortet kan ikke vises: %1. Alt andet virker som normalt.</translation>
    </message>
</context>
<context>
    <name>MatchTableModel</name>
    <message>
        <location filename="../match_view.py" line="79" />
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="80" />
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="81" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="82" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="83" />
        <source>Distance</source>
        <translation>Afstand</translation>
    </message>
</context>
<context>
    <name>MatchView</name>
    <message>
        <location filename="../match_view.py" line="207" />
        <source>Problem statement to match</source>
        <translation>Problemstilling der skal matches</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="214" />
        <source>Number of partners</source>
        <translation>Antal partnere</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="216" />
        <source>Spread proposals (fair rotation)</source>
        <translation>Fordel forslagene (retfærdig rotation)</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="218" />
        <source>Actors proposed recently get a mild, explained penalty so others surface too.</source>
        <translation>Aktører, der for nylig er foreslået, får et mildt, forklaret fradrag, så andre også kommer frem.</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="222" />
        <source>Problem:</source>
        <translation>Problemstilling:</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="224" />
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="234" />
        <source>Ranked partners</source>
        <translation>Rangerede partnere</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="258" />
        <source>Propose &amp;partnership</source>
        <translation>Foreslå &amp;partnerskab</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="262" />
        <source>E&amp;xport ranking…</source>
        <translation>E&amp;ksportér rangering…</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="266" />
        <source>Show on &amp;map</source>
        <translation>Vis på &amp;kort</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="269" />
        <source>The problem statement's place, its distance limit and these partners</source>
        <translation>Problemstillingens sted, dens afstandsgrænse og disse partnere</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="286" />
        <source>Why this partner</source>
        <translation>Hvorfor denne partner</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="289" />
        <location filename="../match_view.py" line="296" />
        <source>360° review</source>
        <translation>360°-eftersyn</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="292" />
        <source>Consortium proposal</source>
        <translation>Forslag til konsortium</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="294" />
        <source>About the chosen partner</source>
        <translation>Om den valgte partner</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="295" />
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="297" />
        <source>Consortium</source>
        <translation>Konsortium</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="298" />
        <source>Weights</source>
        <translation>Vægte</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="316" />
        <source>How much each criterion counts</source>
        <translation>Hvor meget hvert kriterium tæller</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="333" />
        <source>Default weights</source>
        <translation>Standardvægte</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="411" />
        <source>Ranking the landscape…</source>
        <translation>Rangerer landskabet…</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="427" />
        <source>Reading the actors' texts (once, after changes): %1 of %2…</source>
        <translation>Læser aktørernes tekster (én gang efter ændringer): %1 af %2 …</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="444" />
        <source>Proposed a partnership with %1 on "%2".</source>
        <translation>Partnerskab med %1 om »%2« foreslået.</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="461" />
        <location filename="../match_view.py" line="485" />
        <source>Export ranking</source>
        <translation>Eksportér rangering</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="463" />
        <source>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</source>
        <translation>Excel-projektmappe (*.xlsx);;CSV til Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="487" />
        <source>The ranking names %1 individual volunteers (personal data). Without them the file holds the other partners only. An export with personal data is logged; never publish it.</source>
        <translation>Rangeringen nævner %1 frivillige personer (personoplysninger). Uden dem indeholder filen kun de øvrige partnere. En eksport med personoplysninger bliver noteret; offentliggør den aldrig.</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="494" />
        <source>Include individual volunteers (personal data)</source>
        <translation>Medtag frivillige personer (personoplysninger)</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="541" />
        <source>Exported %1 ranked partners to %2</source>
        <translation>Eksporterede %1 rangerede partnere til %2</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="571" />
        <source>Excluded: %1</source>
        <translation>Udelukket: %1</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="581" />
        <source>Existing partnerships: %1</source>
        <translation>Eksisterende samarbejder: %1</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="587" />
        <source>No actor passes the hard gates.</source>
        <translation>Ingen aktører består de faste krav.</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="687" />
        <source>Speaks for</source>
        <translation>Taler for</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="688" />
        <source>Speaks against</source>
        <translation>Taler imod</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="705" />
        <source>Judged on %1 % of the weight from its profile; the rest is inferred from its texts or not given.</source>
        <translation>Vurderet på %1 % af vægten ud fra profilen; resten er udledt af teksterne eller ikke oplyst.</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="711" />
        <source>Judged on %1 % of the weight; the rest is not given.</source>
        <translation>Vurderet på %1 % af vægten; resten er ikke oplyst.</translation>
    </message>
    <message>
        <location filename="../match_view.py" line="763" />
        <source>Not covered by anyone:</source>
        <translation>Dækkes ikke af nogen:</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../merge_dialog.py" line="87" />
        <source>Register ids (CVR …)</source>
        <translation>Registernumre (CVR …)</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="88" />
        <source>Who we are</source>
        <translation>Hvem vi er</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="89" />
        <source>We are best at</source>
        <translation>Vi er bedst til</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="90" />
        <source>We are worst at</source>
        <translation>Vi er dårligst til</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="91" />
        <source>An attractive partner because</source>
        <translation>En attraktiv partner fordi</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="94" />
        <source>Our role towards the target group</source>
        <translation>Vores rolle over for målgruppen</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="97" />
        <source>How we know it works</source>
        <translation>Sådan ved vi, at det virker</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="98" />
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="99" />
        <source>For review</source>
        <translation>Til gennemsyn</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="104" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="105" />
        <source>CVR number</source>
        <translation>CVR-nummer</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="106" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="107" />
        <source>Website</source>
        <translation>Hjemmeside</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="108" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="109" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="110" />
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="111" />
        <source>Town</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="112" />
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="115" />
        <source>other places: %1 ≠ %2</source>
        <translation>andre steder: %1 ≠ %2</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="118" />
        <source>the name's place %1 ≠ the town %2</source>
        <translation>stedet i navnet %1 ≠ byen %2</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="122" />
        <source>other numbers: %1 ≠ %2</source>
        <translation>andre numre: %1 ≠ %2</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="124" />
        <source>other words: %1 ≠ %2</source>
        <translation>andre ord: %1 ≠ %2</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="127" />
        <source>%1 in one name only</source>
        <translation>%1 kun i det ene navn</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="129" />
        <source>abbreviation %1</source>
        <translation>forkortelsen %1</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="141" />
        <source>score %1</source>
        <translation>score %1</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="160" />
        <source>Two different CVR numbers: two legal entities are never merged.</source>
        <translation>To forskellige CVR-numre: to juridiske enheder flettes aldrig.</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="165" />
        <source>Score %1: very likely the same actor</source>
        <translation>Score %1: meget sandsynligt den samme aktør</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="167" />
        <source>Score %1: possibly the same actor</source>
        <translation>Score %1: måske den samme aktør</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="168" />
        <source>Score %1: probably two actors</source>
        <translation>Score %1: sandsynligvis to aktører</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="212" />
        <source>Merge actors</source>
        <translation>Flet aktører</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="227" />
        <source>Why they may be the same</source>
        <translation>Hvorfor de måske er den samme</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="231" />
        <source>The actor that stays</source>
        <translation>Aktøren der bliver</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="234" />
        <source>Keep the id of</source>
        <translation>Behold id fra</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="237" />
        <source>Values to keep</source>
        <translation>Værdier der beholdes</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="249" />
        <source>&amp;Merge</source>
        <translation>&amp;Flet</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="252" />
        <source>&amp;Not the same</source>
        <translation>&amp;Ikke den samme</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="255" />
        <source>They are different actors: never propose them as duplicates again</source>
        <translation>De er forskellige aktører: foreslå dem aldrig igen som dubletter</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="359" />
        <source>Both (all of them)</source>
        <translation>Begge (dem alle)</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="370" />
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="437" />
        <source>The actors are shown again as they are stored now.</source>
        <translation>Aktørerne vises igen, som de er gemt nu.</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="523" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="523" />
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../operations.py" line="149" />
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../forms/fields.py" line="261" />
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location filename="../forms/fields.py" line="264" />
        <source>Clear</source>
        <translation>Ryd</translation>
    </message>
    <message>
        <location filename="../forms/fields.py" line="276" />
        <source>%1: today</source>
        <translation>%1: i dag</translation>
    </message>
    <message>
        <location filename="../forms/fields.py" line="277" />
        <source>%1: clear</source>
        <translation>%1: ryd</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../overview_tab.py" line="139" />
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="140" />
        <source>The whole landscape</source>
        <translation>Hele landskabet</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="144" />
        <source>Areas</source>
        <translation>Områder</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="145" />
        <source>Municipalities</source>
        <translation>Kommuner</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="146" />
        <source>Postcodes</source>
        <translation>Postnumre</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="149" />
        <source>Overview status</source>
        <translation>Overblikkets status</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="152" />
        <source>&amp;Municipality:</source>
        <translation>&amp;Kommune:</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="153" />
        <source>&amp;Areas:</source>
        <translation>&amp;Områder:</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="168" />
        <source>Actors</source>
        <translation>Aktører</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="169" />
        <source>of which individual volunteers</source>
        <translation>heraf frivillige personer</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="170" />
        <source>Problem statements</source>
        <translation>Problemstillinger</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="171" />
        <source>Partnerships</source>
        <translation>Partnerskaber</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="172" />
        <source>White spots</source>
        <translation>Hvide pletter</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="189" />
        <source>Actors by kind</source>
        <translation>Aktører efter type</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="191" />
        <source>Click a bar to list the organisations of that kind.</source>
        <translation>Klik på en søjle for at se organisationerne af den type.</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="194" />
        <source>Actors by sector</source>
        <translation>Aktører efter sektor</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="197" />
        <source>Partnerships by stage</source>
        <translation>Partnerskaber efter fase</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="201" />
        <source>Resources offered (hours per month)</source>
        <translation>Tilbudte ressourcer (timer pr. måned)</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="209" />
        <source>Profile completeness</source>
        <translation>Profilernes udfyldelse</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="215" />
        <source>Partnerships by evidence level</source>
        <translation>Partnerskaber efter evidensniveau</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="225" />
        <source>Data review…</source>
        <translation>Gennemgang af data…</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="227" />
        <source>Edit → Data review…</source>
        <translation>Rediger → Gennemgang af data…</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="251" />
        <source>Charts</source>
        <translation>Diagrammer</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="258" />
        <source>Coverage: actors per target group and area</source>
        <translation>Dækning: aktører pr. målgruppe og område</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="266" />
        <source>%1 = white spot: no actors, or clearly fewer than the area's share. Click a cell (or press Enter) to list the organisations.</source>
        <translation>%1 = hvid plet: ingen aktører, eller klart færre end områdets andel. Klik på en celle (eller tryk Enter) for at se organisationerne.</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="282" />
        <source>Coverage of target groups by area</source>
        <translation>Målgruppernes dækning pr. område</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="305" />
        <source>Organisations behind the chosen figure</source>
        <translation>Organisationerne bag det valgte tal</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="317" />
        <source>Double-click an organisation to open it</source>
        <translation>Dobbeltklik på en organisation for at åbne den</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="355" />
        <source>A single municipality is shown by its postcodes.</source>
        <translation>En enkelt kommune vises fordelt på postnumre.</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="366" />
        <source>Calculating…</source>
        <translation>Beregner…</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="386" />
        <source>Calculated at %1</source>
        <translation>Beregnet kl. %1</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="394" />
        <source>The overview could not be calculated: %1</source>
        <translation>Overblikket kunne ikke beregnes: %1</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="434" />
        <source>%1 actors have no known area and are not in the matrix.</source>
        <translation>%1 aktører har intet kendt område og er ikke med i tabellen.</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="453" />
        <source>With documented effect: %1 of %2</source>
        <translation>Med dokumenteret effekt: %1 af %2</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="477" />
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="502" />
        <source>Funding offered: %1 kr. from %2 actors</source>
        <translation>Tilbudt finansiering: %1 kr. fra %2 aktører</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="510" />
        <source>Profile completeness (average %1 %)</source>
        <translation>Profilernes udfyldelse (gennemsnit %1 %)</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="519" />
        <source>%1 actors not verified within %2 months</source>
        <translation>%1 aktører ikke verificeret inden for %2 måneder</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="531" />
        <source>Click a cell of the matrix or a bar of the kinds to see the organisations.</source>
        <translation>Klik på en celle i tabellen eller en søjle for en type for at se organisationerne.</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="541" />
        <source>%1 in %2</source>
        <translation>%1 i %2</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="555" />
        <source>Finding the organisations: %1…</source>
        <translation>Finder organisationerne: %1…</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="571" />
        <source>Organisations: %1 (%2)</source>
        <translation>Organisationer: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../overview_tab.py" line="577" />
        <source>Organisations: %1 — none. Individual volunteers are counted, never listed.</source>
        <translation>Organisationer: %1 — ingen. Frivillige personer tælles, men vises aldrig.</translation>
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
        <location filename="../partnerships_view.py" line="141" />
        <source>Selected partnership</source>
        <translation>Valgt partnerskab</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="142" />
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="143" />
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="161" />
        <source>Show partnerships at stage</source>
        <translation>Vis partnerskaber på stadie</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="162" />
        <source>All stages</source>
        <translation>Alle stadier</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="170" />
        <source>&amp;Show:</source>
        <translation>&amp;Vis:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="178" />
        <location filename="../partnerships_view.py" line="777" />
        <source>Partnerships</source>
        <translation>Partnerskaber</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="216" />
        <source>Problem statement</source>
        <translation>Problemstilling</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="217" />
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="223" />
        <source>Problem statement:</source>
        <translation>Problemstilling:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="224" />
        <source>Partner:</source>
        <translation>Partner:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="228" />
        <source>New stage</source>
        <translation>Nyt stadie</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="234" />
        <source>Note on the stage change</source>
        <translation>Notat til stadieskiftet</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="235" />
        <source>Note (optional)</source>
        <translation>Notat (valgfrit)</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="237" />
        <location filename="../partnerships_view.py" line="239" />
        <source>Change stage</source>
        <translation>Skift stadie</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="245" />
        <source>S&amp;tage:</source>
        <translation>S&amp;tadie:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="248" />
        <source>N&amp;ote:</source>
        <translation>N&amp;otat:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="260" />
        <source>Stage history</source>
        <translation>Stadiehistorik</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="261" />
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="261" />
        <source>Stage</source>
        <translation>Stadie</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="261" />
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="265" />
        <source>History:</source>
        <translation>Historik:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="269" />
        <source>Partnership type</source>
        <translation>Partnerskabstype</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="270" />
        <source>(no type)</source>
        <translation>(ingen type)</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="274" />
        <source>T&amp;ype:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="280" />
        <source>Success factors</source>
        <translation>Succesfaktorer</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="296" />
        <source>Su&amp;ccess factors:</source>
        <translation>Su&amp;ccesfaktorer:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="302" />
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="305" />
        <source>&amp;Notes:</source>
        <translation>&amp;Noter:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="311" />
        <source>How we know it works</source>
        <translation>Sådan ved vi, at det virker</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="313" />
        <source>What the partnership achieved, and how you know</source>
        <translation>Hvad partnerskabet har opnået, og hvordan I ved det</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="317" />
        <source>&amp;How we know it works:</source>
        <translation>&amp;Sådan ved vi, at det virker:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="323" />
        <source>Evidence level</source>
        <translation>Evidensniveau</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="324" />
        <source>Not given</source>
        <translation>Ikke angivet</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="328" />
        <source>&amp;Evidence level:</source>
        <translation>&amp;Evidensniveau:</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="332" />
        <location filename="../partnerships_view.py" line="334" />
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="338" />
        <location filename="../partnerships_view.py" line="340" />
        <source>Discard changes</source>
        <translation>Kassér ændringer</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="428" />
        <source>Change stage of %1 to %2</source>
        <translation>Skift stadie for %1 til %2</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="435" />
        <source>Stage change undone</source>
        <translation>Stadieskift fortrudt</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="442" />
        <source>The partnership with %1 on "%2" is now at the stage %3.</source>
        <translation>Partnerskabet med %1 om »%2« er nu i fasen %3.</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="459" />
        <source>Edit partnership with %1</source>
        <translation>Ret partnerskab med %1</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="468" />
        <source>The partnership with %1 on "%2" is saved.</source>
        <translation>Partnerskabet med %1 om »%2« er gemt.</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="491" />
        <source>Propose partnership %1</source>
        <translation>Foreslå partnerskab %1</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="508" />
        <source>Proposed a partnership with %1 on "%2".</source>
        <translation>Partnerskab med %1 om »%2« foreslået.</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="601" />
        <source>Select a partnership to see it here.</source>
        <translation>Vælg et partnerskab for at se det her.</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="714" />
        <source>Partnership</source>
        <translation>Partnerskab</translation>
    </message>
    <message>
        <location filename="../partnerships_view.py" line="768" />
        <source>Your changes have been kept. Save again to store them over the other changes, or discard them to see what is stored now.</source>
        <translation>Dine ændringer er ikke gået tabt. Gem igen for at erstatte de andres ændringer med dine, eller kassér dine ændringer for at se det, der er gemt nu.</translation>
    </message>
</context>
<context>
    <name>PrivacyReviewDialog</name>
    <message>
        <location filename="../privacy_review_dialog.py" line="161" />
        <source>Data review</source>
        <translation>Gennemgang af data</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="164" />
        <source>Loading…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="172" />
        <source>Actors not verified</source>
        <translation>Aktører der ikke er verificeret</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="177" />
        <source>Persons proposed for erasure</source>
        <translation>Personer foreslået til sletning</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="179" />
        <source>Delete person…</source>
        <translation>Slet person…</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="187" />
        <source>Not verified for more than (months):</source>
        <translation>Ikke verificeret i mere end (måneder):</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="191" />
        <source>Double-click an actor to open it in the editor.</source>
        <translation>Dobbeltklik på en aktør for at åbne den i redigeringen.</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="194" />
        <source>Inactive for more than (months):</source>
        <translation>Inaktiv i mere end (måneder):</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="200" />
        <source>Individual volunteers inactive this long are only proposed: nobody is deleted until you choose Delete person.</source>
        <translation>Frivillige personer, der har været inaktive så længe, bliver kun foreslået: ingen slettes, før du vælger Slet person.</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="208" />
        <source>Records to review</source>
        <translation>Poster til gennemgang</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="209" />
        <source>Not verified</source>
        <translation>Ikke verificeret</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="210" />
        <source>Proposed for erasure</source>
        <translation>Foreslået til sletning</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="268" />
        <source>%1 actors have not been verified for %2 months; %3 persons have been inactive for more than %4 months and are proposed for erasure.</source>
        <translation>%1 aktører er ikke verificeret i %2 måneder; %3 personer har været inaktive i mere end %4 måneder og foreslås slettet.</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="305" />
        <source>Delete person</source>
        <translation>Slet person</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="308" />
        <source>Delete everything about %1 (%2) for good: the record, partnerships, contact fields and history, and the backups holding them? This cannot be undone.</source>
        <translation>Slet alle oplysninger om %1 (%2) for altid: posten, partnerskaber, kontaktfelter og historik og de sikkerhedskopier, der rummer dem? Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="332" />
        <source>Deleting…</source>
        <translation>Sletter…</translation>
    </message>
</context>
<context>
    <name>ProblemEditor</name>
    <message>
        <location filename="../problem_editor.py" line="408" />
        <source>Save the problem statement to move it along.</source>
        <translation>Gem problemstillingen for at flytte den videre.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="150" />
        <source>Find partners</source>
        <translation>Find partnere</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="152" />
        <location filename="../problem_editor.py" line="635" />
        <source>Rank the actors of the landscape as partners</source>
        <translation>Rangér landskabets aktører som partnere</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="144" />
        <source>Save the problem statement (Ctrl+S)</source>
        <translation>Gem problemstillingen (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="232" />
        <source>The problem</source>
        <translation>Problemet</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="236" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="237" />
        <source>A short name a partner understands at a glance.</source>
        <translation>Et kort navn, som en partner forstår med det samme.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="242" />
        <source>Owner</source>
        <translation>Ejer</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="243" />
        <source>The unit or organisation that seeks partners; type to search.</source>
        <translation>Den enhed eller organisation, der søger partnere; skriv for at søge.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="258" />
        <source>We seek a partner for the project …</source>
        <translation>Jeg/vi søger samarbejdspartner til projektet …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="259" />
        <source>Describe the problem so that volunteers can help define it.</source>
        <translation>Beskriv problemet, så frivillige kan være med til at definere det.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="263" />
        <source>Concreteness</source>
        <translation>Konkrethed</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="265" />
        <source>The fewer resources the volunteers have, the more concrete the problem must be.</source>
        <translation>Jo færre ressourcer de frivillige har, jo mere konkret skal problemstillingen være.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="273" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="274" />
        <source>Who the effort is for; tick one or more.</source>
        <translation>Hvem indsatsen er for; sæt flueben ved en eller flere.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="279" />
        <source>Prevention level</source>
        <translation>Forebyggelsesniveau</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="286" />
        <source>My/our role in the project is …</source>
        <translation>Min/vores rolle i projektet er …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="291" />
        <source>This is how I know that my/our effort works …</source>
        <translation>Sådan ved jeg, at min/vores indsats virker …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="292" />
        <source>Measurements, evaluations or experience that show the effect.</source>
        <translation>Målinger, evalueringer eller erfaringer, der viser effekten.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="301" />
        <source>The problem involves a statutory task</source>
        <translation>Problemstillingen indebærer en myndighedsopgave</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="296" />
        <source>Statutory task</source>
        <translation>Myndighedsopgave</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="200" />
        <source>Move %1 to %2</source>
        <translation>Flyt %1 til %2</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="248" />
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="249" />
        <source>The municipality the problem belongs to.</source>
        <translation>Den kommune, problemstillingen hører til.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="254" />
        <source>Not stated</source>
        <translation>Ikke oplyst</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="280" />
        <source>Before the problem arises, early, treatment or rehabilitation.</source>
        <translation>Før problemet opstår, tidligt, behandling eller rehabilitering.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="287" />
        <source>What you put in: staff, premises, access to the target group.</source>
        <translation>Hvad I selv bidrager med: medarbejdere, lokaler, adgang til målgruppen.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="298" />
        <source>Volunteers can contribute, but they cannot carry the responsibility for a statutory task.</source>
        <translation>Frivillige kan bidrage, men de kan ikke bære ansvaret for en myndighedsopgave.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="307" />
        <source>The partner we seek</source>
        <translation>Den partner, vi søger</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="311" />
        <source>For this project I seek someone who …</source>
        <translation>Til dette projekt søger jeg nogen, der …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="312" />
        <source>What the partner should do or be able to do.</source>
        <translation>Hvad partneren skal gøre eller kunne.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="318" />
        <source>What you seek from a partner: kind, what, hours per month and amount in DKK (e.g. 250.000).</source>
        <translation>Hvad I søger fra en partner: slags, hvad, timer pr. måned og beløb i kr. (fx 250.000).</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="324" />
        <source>Required resources</source>
        <translation>Krævede ressourcer</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="325" />
        <source>Partners who do not offer these are left out of the matching.</source>
        <translation>Partnere, der ikke tilbyder disse, udelades af matchningen.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="330" />
        <source>Can fill the role of …</source>
        <translation>Kan udfylde rollen som …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="331" />
        <source>The roles the partner should take in the project.</source>
        <translation>De roller, partneren skal have i projektet.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="336" />
        <source>Kinds of actor sought</source>
        <translation>Søgte aktørtyper</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="338" />
        <source>A local association for a concrete problem, an organisation for a broad one.</source>
        <translation>En lokal forening til en konkret problemstilling, en organisation til en bred.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="362" />
        <source>What the partner gains: premises, sparring, the target group.</source>
        <translation>Hvad partneren får: lokaler, sparring, adgang til målgruppen.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="378" />
        <source>Four digits, e.g. 6760: distances are measured from here.</source>
        <translation>Fire cifre, fx 6760: afstande måles herfra.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="381" />
        <source>Filled in from the postcode.</source>
        <translation>Udfyldes ud fra postnummeret.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="385" />
        <source>Decimal degrees, e.g. 55,4765; give both or neither.</source>
        <translation>Decimalgrader, fx 55,4765; angiv begge eller ingen.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="390" />
        <source>Decimal degrees, e.g. 8,4594.</source>
        <translation>Decimalgrader, fx 8,4594.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="534" />
        <source>Hours and DKK must be numbers, e.g. 40 or 250.000 (row %1).</source>
        <translation>Timer og kr. skal være tal, fx 40 eller 250.000 (række %1).</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="548" />
        <source>Decimal degrees between -%1 and %1.</source>
        <translation>Decimalgrader mellem -%1 og %1.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="637" />
        <source>Partners are sought once the problem is open for input or seeking.</source>
        <translation>Der søges partnere, når problemstillingen er åben for input eller søger partnere.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="345" />
        <source>The partner must not …</source>
        <translation>Partneren skal ikke …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="346" />
        <source>Tasks the partner must not take over; shown with every match.</source>
        <translation>Opgaver, partneren ikke skal overtage; vises ved hvert match.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="350" />
        <source>Excluded kinds of actor</source>
        <translation>Udelukkede aktørtyper</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="351" />
        <source>These kinds are never proposed.</source>
        <translation>Disse typer foreslås aldrig.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="356" />
        <source>Maximum distance (km)</source>
        <translation>Største afstand (km)</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="357" />
        <source>Leave empty when distance does not matter.</source>
        <translation>Lad feltet stå tomt, når afstanden ikke betyder noget.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="361" />
        <source>As a partner in the project you get …</source>
        <translation>Som partner i projektet får du …</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="316" />
        <source>Resources sought</source>
        <translation>Søgte ressourcer</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="368" />
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="372" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="373" />
        <source>Where the project takes place.</source>
        <translation>Hvor projektet foregår.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="377" />
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="381" />
        <source>City</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="384" />
        <source>Latitude</source>
        <translation>Breddegrad</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="389" />
        <source>Longitude</source>
        <translation>Længdegrad</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="269" />
        <location filename="../problem_editor.py" line="282" />
        <source>(not chosen)</source>
        <translation>(ikke valgt)</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="529" />
        <source>A title is required.</source>
        <translation>Titlen skal udfyldes.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="541" />
        <source>Must be a number of 0 or more.</source>
        <translation>Skal være et tal på 0 eller mere.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="521" />
        <source>New problem statement</source>
        <translation>Ny problemstilling</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="597" />
        <source>Draft: you are still writing the problem statement.</source>
        <translation>Kladde: du er stadig i gang med at skrive problemstillingen.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="599" />
        <source>Open for input: volunteers and associations can help define the problem.</source>
        <translation>Åben for input: frivillige og foreninger kan byde ind på at definere problemet.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="601" />
        <source>Seeking partners: the problem is defined; partners are sought.</source>
        <translation>Søger partnere: problemet er defineret, og der søges samarbejdspartnere.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="602" />
        <source>Matched: a partner has been found and the collaboration agreed.</source>
        <translation>Matchet: der er fundet en partner, og samarbejdet er aftalt.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="604" />
        <source>Closed: the problem statement is finished or dropped; it can be reopened as a draft.</source>
        <translation>Lukket: problemstillingen er afsluttet eller opgivet; den kan genåbnes som kladde.</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="611" />
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="613" />
        <source>Reopen as draft</source>
        <translation>Genåbn som kladde</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="615" />
        <source>Back to %1</source>
        <translation>Tilbage til %1</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="616" />
        <source>Move on to %1</source>
        <translation>Videre til %1</translation>
    </message>
    <message>
        <location filename="../problem_editor.py" line="622" />
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
</context>
<context>
    <name>ProblemStatus</name>
    <message>
        <location filename="../models/problem_table.py" line="22" />
        <source>Draft</source>
        <translation>Kladde</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="23" />
        <source>Open for input</source>
        <translation>Åben for input</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="24" />
        <source>Seeking partners</source>
        <translation>Søger partnere</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="25" />
        <source>Matched</source>
        <translation>Matchet</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="26" />
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <location filename="../models/problem_table.py" line="44" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="44" />
        <source>Owner</source>
        <translation>Ejer</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="44" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/problem_table.py" line="44" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
</context>
<context>
    <name>ProblemsTab</name>
    <message>
        <location filename="../tabs/problems_tab.py" line="75" />
        <source>Problem statements</source>
        <translation>Problemstillinger</translation>
    </message>
    <message>
        <location filename="../tabs/problems_tab.py" line="83" />
        <source>Problem statement details</source>
        <translation>Detaljer om problemstillingen</translation>
    </message>
    <message>
        <location filename="../tabs/problems_tab.py" line="85" />
        <source>Select a problem statement to see what it seeks.</source>
        <translation>Vælg en problemstilling for at se, hvad den søger.</translation>
    </message>
    <message>
        <location filename="../tabs/problems_tab.py" line="87" />
        <source>Find &amp;partners</source>
        <translation>Find &amp;partnere</translation>
    </message>
    <message>
        <location filename="../tabs/problems_tab.py" line="103" />
        <source>Selected problem statement</source>
        <translation>Valgt problemstilling</translation>
    </message>
    <message>
        <location filename="../tabs/problems_tab.py" line="104" />
        <source>Overview</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <location filename="../tabs/problems_tab.py" line="105" />
        <source>Edit problem statement</source>
        <translation>Redigér problemstilling</translation>
    </message>
    <message>
        <location filename="../tabs/problems_tab.py" line="107" />
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../tabs/problems_tab.py" line="239" />
        <source>Rank the landscape's actors for the selected problem statement (Enter)</source>
        <translation>Rangér landskabets aktører til den valgte problemstilling (Enter)</translation>
    </message>
    <message>
        <location filename="../tabs/problems_tab.py" line="246" />
        <source>Only problem statements with the status %1 are matched.</source>
        <translation>Kun problemstillinger med status %1 matches.</translation>
    </message>
    <message>
        <location filename="../tabs/problems_tab.py" line="247" />
        <source> or </source>
        <translation> eller </translation>
    </message>
</context>
<context>
    <name>ProfileHtml</name>
    <message>
        <location filename="../tabs/profiles.py" line="43" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="45" />
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="50" />
        <source>We are</source>
        <translation>Vi er</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="51" />
        <location filename="../tabs/profiles.py" line="81" />
        <source>Target groups</source>
        <translation>Målgrupper</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="52" />
        <source>Our role towards the target group</source>
        <translation>Vores rolle i forhold til målgruppen</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="53" />
        <source>Resources and competences</source>
        <translation>Ressourcer og kompetencer</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="54" />
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="55" />
        <source>Best at</source>
        <translation>Bedst til</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="56" />
        <source>Worst at</source>
        <translation>Dårligst til</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="57" />
        <source>Successful projects</source>
        <translation>Succesfulde projekter</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="58" />
        <source>Attractive partner because</source>
        <translation>Attraktiv partner fordi</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="59" />
        <source>How we know it works</source>
        <translation>Sådan ved vi, at det virker</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="67" />
        <source>To review (kept from an import)</source>
        <translation>Til gennemsyn (gemt fra en import)</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="79" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="80" />
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="82" />
        <source>Our role in the project</source>
        <translation>Vores rolle i projektet</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="83" />
        <source>We seek someone who</source>
        <translation>Vi søger nogen, der</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="84" />
        <source>Resources sought</source>
        <translation>Søgte ressourcer</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="85" />
        <source>Roles sought</source>
        <translation>Søgte roller</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="86" />
        <source>The partner must not</source>
        <translation>Partneren skal ikke</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="87" />
        <source>As a partner you get</source>
        <translation>Som partner får du</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="89" />
        <source>Involves a statutory task</source>
        <translation>Indebærer en myndighedsopgave</translation>
    </message>
    <message>
        <location filename="../tabs/profiles.py" line="90" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../forms/record_form.py" line="227" />
        <source>Editor messages</source>
        <translation>Beskeder fra redigeringen</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="229" />
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="317" />
        <source>Problem with %1</source>
        <translation>Problem med %1</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="530" />
        <location filename="../forms/record_form.py" line="549" />
        <source>Change %1 of %2</source>
        <translation>Ændr %1 for %2</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="601" />
        <source>Create %1</source>
        <translation>Opret %1</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="605" />
        <source>Saved.</source>
        <translation>Gemt.</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="709" />
        <location filename="../forms/record_form.py" line="716" />
        <source>Fill in the fields marked * to save.</source>
        <translation>Udfyld felterne mærket * for at gemme.</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="720" />
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Ikke gemt: ret felterne markeret med rødt.</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="786" />
        <source>Someone else saved this record while you were editing it.</source>
        <translation>En anden gemte posten, mens du redigerede den.</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="788" />
        <source>%1 saved this record while you were editing it.</source>
        <translation>%1 gemte posten, mens du redigerede den.</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="792" />
        <source>Saved by someone else</source>
        <translation>Gemt af en anden</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="756" />
        <source>Not saved: someone else changed this record. Your input is still here.</source>
        <translation>Ikke gemt: en anden har ændret posten. Det, du har skrevet, er her stadig.</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="219" />
        <source>Fields</source>
        <translation>Felter</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="796" />
        <source>Fields only one of you changed are merged. Where you both changed a field, choose the version to keep.</source>
        <translation>Felter, som kun én af jer har ændret, er flettet. Hvor I begge har ændret et felt, vælger du, hvilken version der skal gælde.</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="840" />
        <source>Saved. Merged with changes by someone else (%1).</source>
        <translation>Gemt. Flettet med ændringer fra en anden (%1).</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="842" />
        <source>Saved. Merged with changes by %1 (%2).</source>
        <translation>Gemt. Flettet med ændringer fra %1 (%2).</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="865" />
        <location filename="../forms/record_form.py" line="866" />
        <source>Save changes?</source>
        <translation>Gem ændringer?</translation>
    </message>
    <message>
        <location filename="../forms/record_form.py" line="871" />
        <source>%1 has changes that are not saved.</source>
        <translation>%1 har ændringer, der ikke er gemt.</translation>
    </message>
    <message>
        <location filename="../forms/value_text.py" line="40" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../forms/value_text.py" line="41" />
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location filename="../forms/value_text.py" line="56" />
        <source>%1 hours a month</source>
        <translation>%1 timer om måneden</translation>
    </message>
    <message>
        <location filename="../forms/value_text.py" line="59" />
        <source>%1 DKK</source>
        <translation>%1 kr.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../report_dialog.py" line="59" />
        <location filename="../report_dialog.py" line="165" />
        <source>Committee report</source>
        <translation>Udvalgsrapport</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="66" />
        <location filename="../report_dialog.py" line="103" />
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="69" />
        <source>The whole period</source>
        <translation>Hele perioden</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="75" />
        <location filename="../report_dialog.py" line="83" />
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="76" />
        <location filename="../report_dialog.py" line="85" />
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="91" />
        <source>Language of the report</source>
        <translation>Rapportens sprog</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="94" />
        <source>HTML file to write</source>
        <translation>HTML-filen, der skrives</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="95" />
        <source>Browse…</source>
        <translation>Gennemse…</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="100" />
        <source>Also a PDF for printing (beside the HTML file)</source>
        <translation>Også en PDF til udskrift (ved siden af HTML-filen)</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="104" />
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="105" />
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="106" />
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="111" />
        <source>The figures are as of today; the period chooses the partnerships listed. No individual volunteer and no contact person is named in the report.</source>
        <translation>Tallene er opgjort i dag; perioden afgør, hvilke partnerskaber der listes. Rapporten nævner ingen frivillig enkeltperson og ingen kontaktperson.</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="125" />
        <source>Write report</source>
        <translation>Skriv rapport</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="129" />
        <source>Open report</source>
        <translation>Åbn rapport</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="136" />
        <source>The register has no municipality to report on yet.</source>
        <translation>Registret har endnu ingen kommune at lave en rapport om.</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="165" />
        <source>Web pages (*.html)</source>
        <translation>Websider (*.html)</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="179" />
        <source>The period ends before it starts.</source>
        <translation>Perioden slutter, før den begynder.</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="187" />
        <source>Writing the report…</source>
        <translation>Skriver rapporten…</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="215" />
        <source>Printing the PDF…</source>
        <translation>Udskriver PDF'en…</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="221" />
        <location filename="../report_dialog.py" line="231" />
        <source>The PDF could not be printed (%1).</source>
        <translation>PDF'en kunne ikke udskrives (%1).</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="235" />
        <source>Written to %1</source>
        <translation>Skrevet til %1</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="237" />
        <source>PDF: %1</source>
        <translation>PDF: %1</translation>
    </message>
    <message>
        <location filename="../report_dialog.py" line="241" />
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>ResourceKindDelegate</name>
    <message>
        <location filename="../forms/resource_table.py" line="94" />
        <source>Kind of resource</source>
        <translation>Ressourcetype</translation>
    </message>
</context>
<context>
    <name>ResourceTable</name>
    <message>
        <location filename="../forms/resource_table.py" line="125" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../forms/resource_table.py" line="125" />
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../forms/resource_table.py" line="125" />
        <source>Hours/month</source>
        <translation>Timer/md.</translation>
    </message>
    <message>
        <location filename="../forms/resource_table.py" line="125" />
        <source>DKK</source>
        <translation>Kr.</translation>
    </message>
    <message>
        <location filename="../forms/resource_table.py" line="140" />
        <source>Add resource</source>
        <translation>Tilføj ressource</translation>
    </message>
    <message>
        <location filename="../forms/resource_table.py" line="141" />
        <source>Add a resource</source>
        <translation>Tilføj en ressource</translation>
    </message>
    <message>
        <location filename="../forms/resource_table.py" line="143" />
        <source>Remove resource</source>
        <translation>Fjern ressource</translation>
    </message>
    <message>
        <location filename="../forms/resource_table.py" line="144" />
        <source>Remove the selected resource</source>
        <translation>Fjern den valgte ressource</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="76" />
        <location filename="../settings_dialog.py" line="94" />
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="96" />
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="97" />
        <source>Backups</source>
        <translation>Sikkerhedskopier</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="98" />
        <location filename="../settings_dialog.py" line="203" />
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="99" />
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="100" />
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="101" />
        <source>Retention</source>
        <translation>Opbevaring</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="113" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="116" />
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="118" />
        <source>&amp;Apply</source>
        <translation>&amp;Anvend</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="140" />
        <source>Database in use</source>
        <translation>Database i brug</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="142" />
        <source>A file on this computer (SQLite)</source>
        <translation>En fil på denne computer (SQLite)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="144" />
        <source>A shared server (PostgreSQL)</source>
        <translation>En fælles server (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="147" />
        <source>%1, read only</source>
        <translation>%1, skrivebeskyttet</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="148" />
        <source>&amp;Switch database…</source>
        <translation>&amp;Skift database…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="150" />
        <source>Switch database</source>
        <translation>Skift database</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="155" />
        <source>In use:</source>
        <translation>I brug:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="156" />
        <source>Kind:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="164" />
        <source>Open a file on this computer or a shared server; the window opens anew on it, and it is the one opened at the next start.</source>
        <translation>Åbn en fil på denne computer eller en fælles server; vinduet åbner på ny med den, og det er den, der åbnes ved næste start.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="176" />
        <source>Daily backups kept</source>
        <translation>Antal daglige sikkerhedskopier, der gemmes</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="181" />
        <source>Backup folder</source>
        <translation>Mappe til sikkerhedskopier</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="184" />
        <source>Daily backups &amp;kept:</source>
        <translation>Daglige sikkerhedskopier, der &amp;gemmes:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="185" />
        <source>Folder:</source>
        <translation>Mappe:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="189" />
        <source>The first start of each day copies the database file into this folder; the oldest copies beyond the number above are deleted.</source>
        <translation>Dagens første start kopierer databasefilen til denne mappe; de ældste kopier ud over antallet ovenfor slettes.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="194" />
        <source>Automatic backups are made of a database file on this computer only; a shared server is backed up with 'mapper backup' or by its administrator.</source>
        <translation>Der tages kun automatiske sikkerhedskopier af en databasefil på denne computer; en fælles server sikkerhedskopieres med 'mapper backup' eller af dens administrator.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="209" />
        <source>&amp;Language:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="211" />
        <source>When you close this dialog you can restart the window in it at once.</source>
        <translation>Når du lukker denne dialog, kan du genstarte vinduet på sproget med det samme.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="220" />
        <source>Your name</source>
        <translation>Dit navn</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="224" />
        <source>Your &amp;name:</source>
        <translation>Dit &amp;navn:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="228" />
        <source>Shown in the history of every record you change. Empty: the computer's login name (%1).</source>
        <translation>Vises i historikken for hver post, du ændrer. Tomt: computerens brugernavn (%1).</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="237" />
        <source>Your municipality</source>
        <translation>Din kommune</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="242" />
        <source>Your &amp;municipality:</source>
        <translation>Din &amp;kommune:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="246" />
        <source>The register's municipality filter and the partner map start at it, and new actors and problem statements get it. Type to search.</source>
        <translation>Registrets kommunefilter og partnerkortet starter ved den, og nye aktører og problemstillinger får den. Skriv for at søge.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="271" />
        <source>Whole months from %1 to %2, stored in the database for everyone who works on it. Persons are only proposed for erasure (Edit → Data review); nobody is deleted without being asked.</source>
        <translation>Hele måneder fra %1 til %2, gemt i databasen for alle, der arbejder i den. Personer bliver kun foreslået til sletning (Rediger → Gennemgang af data); ingen slettes, uden at du bliver spurgt.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="283" />
        <source>Review actors not verified for (months)</source>
        <translation>Gennemgå aktører, der ikke er verificeret i (måneder)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="286" />
        <source>Propose inactive persons for erasure after (months)</source>
        <translation>Foreslå inaktive personer til sletning efter (måneder)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="319" />
        <source>Nothing was saved. %1</source>
        <translation>Intet blev gemt. %1</translation>
    </message>
</context>
<context>
    <name>StageTimeline</name>
    <message>
        <location filename="../widgets/stage_timeline.py" line="54" />
        <source>Stage timeline</source>
        <translation>Stadieforløb</translation>
    </message>
    <message>
        <location filename="../widgets/stage_timeline.py" line="110" />
        <source>No partnership shown.</source>
        <translation>Intet partnerskab vist.</translation>
    </message>
    <message>
        <location filename="../widgets/stage_timeline.py" line="112" />
        <source>No stage changes recorded.</source>
        <translation>Ingen stadieskift registreret.</translation>
    </message>
    <message>
        <location filename="../widgets/stage_timeline.py" line="120" />
        <source>%1 again %2</source>
        <translation>%1 igen %2</translation>
    </message>
    <message>
        <location filename="../widgets/stage_timeline.py" line="128" />
        <source>A stage reached more than once shows its latest date.</source>
        <translation>Et stadie, der er nået mere end én gang, vises med den seneste dato.</translation>
    </message>
    <message>
        <location filename="../widgets/stage_timeline.py" line="133" />
        <source>Current stage: %1.</source>
        <translation>Nuværende stadie: %1.</translation>
    </message>
    <message>
        <location filename="../widgets/stage_timeline.py" line="140" />
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <location filename="../sync_actions.py" line="90" />
        <source>last synchronised %1</source>
        <translation>sidst synkroniseret %1</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="92" />
        <source>not synchronised yet</source>
        <translation>endnu ikke synkroniseret</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="95" />
        <source>Offline copy of %1 · %2</source>
        <translation>Offline-kopi af %1 · %2</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="100" />
        <source>Synchronise (Ctrl+Shift+S) brings the copy and the server up to date.</source>
        <translation>Synkroniser (Ctrl+Shift+S) bringer kopien og serveren à jour.</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="133" />
        <source>Offline copy saved in %1</source>
        <translation>Offline-kopi gemt i %1</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="138" />
        <source>Taking offline was cancelled; no copy was made.</source>
        <translation>Kopieringen blev annulleret; der er ikke lavet nogen kopi.</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="142" />
        <source>Copying the landscape into %1…</source>
        <translation>Kopierer landskabet til %1…</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="148" />
        <source>No offline copy was made.</source>
        <translation>Der blev ikke lavet nogen offline-kopi.</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="158" />
        <source>Offline copy made</source>
        <translation>Offline-kopi lavet</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="161" />
        <source>The copy holds %1 actors, %2 problem statements and %3 partnerships from %4, and is saved in %5.</source>
        <translation>Kopien rummer %1 aktører, %2 problemstillinger og %3 partnerskaber fra %4 og er gemt i %5.</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="172" />
        <source>Open it now to work offline in this window (File → Switch database… goes back); later you can also open it with the command:</source>
        <translation>Åbn den nu for at arbejde offline i dette vindue (Filer → Skift database… fører tilbage); senere kan du også åbne den med kommandoen:</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="180" />
        <source>&amp;Open the copy</source>
        <translation>&amp;Åbn kopien</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="182" />
        <source>&amp;Close</source>
        <translation>&amp;Luk</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="190" />
        <source>The copy could not be opened: use mapper --db %1 gui</source>
        <translation>Kopien kunne ikke åbnes: brug mapper --db %1 gui</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="206" />
        <source>The copy could not be opened.</source>
        <translation>Kopien kunne ikke åbnes.</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="221" />
        <source>Synchronising…</source>
        <translation>Synkroniserer…</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="241" />
        <source>Synchronised: %1 sent, %2 received, %3 conflicts</source>
        <translation>Synkroniseret: %1 sendt, %2 hentet, %3 konflikter</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="257" />
        <source>The synchronisation could not be completed; nothing is lost.</source>
        <translation>Synkroniseringen kunne ikke gennemføres; intet er gået tabt.</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="263" />
        <source>Offline copy</source>
        <translation>Offline-kopi</translation>
    </message>
    <message>
        <location filename="../sync_actions.py" line="299" />
        <source>A synchronisation is running: decide again when it is done.</source>
        <translation>En synkronisering kører: afgør igen, når den er færdig.</translation>
    </message>
</context>
<context>
    <name>SyncConflictsDialog</name>
    <message>
        <location filename="../sync_dialogs.py" line="216" />
        <source>Actor</source>
        <translation>Aktør</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="217" />
        <source>Problem statement</source>
        <translation>Problemstilling</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="218" />
        <source>Partnership</source>
        <translation>Partnerskab</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="263" />
        <source>Deleted/changed</source>
        <translation>Slettet/ændret</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="271" />
        <source>deleted</source>
        <translation>slettet</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="273" />
        <source>changed</source>
        <translation>ændret</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="274" />
        <source>in use (cannot be deleted)</source>
        <translation>i brug (kan ikke slettes)</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="282" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="283" />
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="320" />
        <source>Sync conflicts</source>
        <translation>Synkroniseringskonflikter</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="333" />
        <source>Records with conflicts</source>
        <translation>Poster med konflikter</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="347" />
        <source>&amp;Open…</source>
        <translation>&amp;Åbn…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="350" />
        <source>Open the record's conflicts</source>
        <translation>Åbn postens konflikter</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="370" />
        <source>These records were changed both on this computer and on the server, in the same fields. Nothing was overwritten: open each and choose the values to keep; both sides get them at the next synchronisation.</source>
        <translation>Disse poster er ændret både på denne computer og på serveren, i de samme felter. Intet er overskrevet: åbn hver af dem, og vælg de værdier, der skal beholdes; begge sider får dem ved næste synkronisering.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="378" />
        <source>No conflicts are open.</source>
        <translation>Ingen konflikter er åbne.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="410" />
        <source>Sync conflict: %1 %2</source>
        <translation>Synkroniseringskonflikt: %1 %2</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="412" />
        <source>Both this computer and the server changed these fields since the last synchronisation. Choose the value to keep for each; it is written to both at once.</source>
        <translation>Både denne computer og serveren har ændret disse felter siden sidste synkronisering. Vælg den værdi, der skal beholdes, for hvert felt; den skrives til begge på én gang.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="416" />
        <source>This computer</source>
        <translation>Denne computer</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="417" />
        <source>Server</source>
        <translation>Serveren</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="418" />
        <source>Keep &amp;all from this computer</source>
        <translation>Behold &amp;alle fra denne computer</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="419" />
        <source>Take all from the &amp;server</source>
        <translation>Tag alle fra &amp;serveren</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="422" />
        <source>Decide &amp;later</source>
        <translation>Afgør &amp;senere</translation>
    </message>
</context>
<context>
    <name>TakeOfflineDialog</name>
    <message>
        <location filename="../sync_dialogs.py" line="73" />
        <source>Take offline</source>
        <translation>Tag med offline</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="76" />
        <source>Copies the landscape from the shared server into a file on this computer. Work in the copy without a connection, and synchronise when you are online again.</source>
        <translation>Kopierer landskabet fra den fælles server til en fil på denne computer. Arbejd i kopien uden forbindelse, og synkroniser, når du er online igen.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="86" />
        <source>Server address</source>
        <translation>Serverens adresse</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="89" />
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="92" />
        <source>The whole landscape</source>
        <translation>Hele landskabet</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="95" />
        <location filename="../sync_dialogs.py" line="158" />
        <source>File of the copy</source>
        <translation>Kopiens fil</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="99" />
        <source>&amp;Choose…</source>
        <translation>&amp;Vælg…</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="101" />
        <source>Choose the file of the copy</source>
        <translation>Vælg kopiens fil</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="110" />
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="111" />
        <source>&amp;Municipality:</source>
        <translation>&amp;Kommune:</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="112" />
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="126" />
        <source>&amp;Take offline</source>
        <translation>&amp;Tag med offline</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="160" />
        <source>Offline copies (*.sqlite)</source>
        <translation>Offline-kopier (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="169" />
        <source>Give the server's address.</source>
        <translation>Angiv serverens adresse.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="172" />
        <source>Give the file of the copy.</source>
        <translation>Angiv kopiens fil.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="176" />
        <source>%1 exists already: choose a new file for the copy.</source>
        <translation>%1 findes allerede: vælg en ny fil til kopien.</translation>
    </message>
    <message>
        <location filename="../sync_dialogs.py" line="181" />
        <source>The folder %1 does not exist.</source>
        <translation>Mappen %1 findes ikke.</translation>
    </message>
</context>
<context>
    <name>UnverifiedTableModel</name>
    <message>
        <location filename="../privacy_review_dialog.py" line="62" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="63" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="64" />
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="65" />
        <source>Verified</source>
        <translation>Verificeret</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="66" />
        <source>Last changed</source>
        <translation>Sidst ændret</translation>
    </message>
    <message>
        <location filename="../privacy_review_dialog.py" line="77" />
        <source>never</source>
        <translation>aldrig</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../first_run.py" line="147" />
        <location filename="../first_run.py" line="148" />
        <source>Welcome to %1</source>
        <translation>Velkommen til %1</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="156" />
        <source>Map the volunteer landscape of your municipality: associations, volunteers and services, what they offer, and who could solve a problem together. A few quick questions before you start; you can change the answers later under File → Settings.</source>
        <translation>Kortlæg frivillighedslandskabet i din kommune: foreninger, frivillige og tilbud, hvad de kan bidrage med, og hvem der kan løse et problem sammen. Et par hurtige spørgsmål, før du går i gang; du kan ændre svarene senere under Filer → Indstillinger.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="165" />
        <source>Your municipality</source>
        <translation>Din kommune</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="170" />
        <source>The register and the map start at this municipality, and new actors and problem statements get it.</source>
        <translation>Registret og kortet starter ved denne kommune, og nye aktører og problemstillinger får den.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="180" />
        <source>Your name</source>
        <translation>Dit navn</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="181" />
        <location filename="../first_run.py" line="192" />
        <source>Shown in the history of every record you change.</source>
        <translation>Vises i historikken for hver post, du ændrer.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="182" />
        <source>Load the demo landscape so I can try the program</source>
        <translation>Indlæs demolandskabet, så jeg kan prøve programmet</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="184" />
        <source>Load the demo landscape</source>
        <translation>Indlæs demolandskabet</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="189" />
        <source>&amp;Municipality:</source>
        <translation>&amp;Kommune:</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="191" />
        <source>Your &amp;name:</source>
        <translation>Dit &amp;navn:</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="198" />
        <source>Get started</source>
        <translation>Kom i gang</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="203" />
        <source>Skip</source>
        <translation>Spring over</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="226" />
        <source>No single municipality is called “%1”: choose one from the list.</source>
        <translation>»%1« passer ikke på netop én kommune: vælg en fra listen.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="284" />
        <source>Loading the demo landscape…</source>
        <translation>Indlæser demolandskabet…</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../window_actions.py" line="34" />
        <source>&amp;Import landscape…</source>
        <translation>&amp;Importér landskab…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="38" />
        <source>Import</source>
        <translation>Importér</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="41" />
        <source>Import re&amp;gister (CSV/Excel)…</source>
        <translation>Importér re&amp;gister (CSV/Excel)…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="44" />
        <source>A list of associations from a booking or grants system or a spreadsheet</source>
        <translation>En liste over foreninger fra et booking- eller tilskudssystem eller et regneark</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="46" />
        <source>&amp;Export landscape…</source>
        <translation>&amp;Eksportér landskab…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="48" />
        <source>Export partner &amp;map…</source>
        <translation>Eksportér partner&amp;kort…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="52" />
        <source>Partner map</source>
        <translation>Partnerkort</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="55" />
        <source>Export &amp;HSDS package…</source>
        <translation>Eksportér &amp;HSDS-pakke…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="59" />
        <source>Public organisations in Open Referral's format (HSDS 3.0) for other directories</source>
        <translation>Offentlige organisationer i Open Referrals format (HSDS 3.0) til andre vejvisere og registre</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="63" />
        <source>Export regis&amp;ter (CSV/Excel)…</source>
        <translation>Eksportér &amp;register (CSV/Excel)…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="65" />
        <source>&amp;Report…</source>
        <translation>&amp;Rapport…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="66" />
        <source>Import &amp;boundaries…</source>
        <translation>Importér &amp;grænser…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="68" />
        <source>Municipalities, regions or postcodes from GeoJSON, GeoPackage or Shapefile</source>
        <translation>Kommuner, regioner eller postnumre fra GeoJSON, GeoPackage eller Shapefile</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="70" />
        <source>Load &amp;demo landscape</source>
        <translation>Indlæs &amp;demolandskab</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="74" />
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="78" />
        <source>&amp;New actor</source>
        <translation>&amp;Ny aktør</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="82" />
        <source>New actor</source>
        <translation>Ny aktør</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="85" />
        <source>New &amp;problem statement</source>
        <translation>Ny &amp;problemstilling</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="89" />
        <source>New problem</source>
        <translation>Ny problemstilling</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="92" />
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="96" />
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="106" />
        <source>&amp;Find actor</source>
        <translation>&amp;Find aktør</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="110" />
        <source>Find</source>
        <translation>Søg</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="113" />
        <source>Possible &amp;duplicates…</source>
        <translation>Mulige &amp;dubletter…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="116" />
        <source>Actors that may be the same: compare them and merge, or keep both</source>
        <translation>Aktører der måske er den samme: sammenlign og flet dem, eller behold begge</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="119" />
        <source>Data re&amp;view…</source>
        <translation>Genne&amp;mgang af data…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="122" />
        <source>Actors not verified for a long time, and persons proposed for erasure</source>
        <translation>Aktører der længe ikke er verificeret, og personer foreslået til sletning</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="125" />
        <source>&amp;Landscape</source>
        <translation>&amp;Landskab</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="126" />
        <source>&amp;Problem statements</source>
        <translation>&amp;Problemstillinger</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="127" />
        <source>&amp;Match</source>
        <translation>&amp;Match</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="128" />
        <source>M&amp;ap</source>
        <translation>K&amp;ort</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="129" />
        <source>Pa&amp;rtnerships</source>
        <translation>Pa&amp;rtnerskaber</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="130" />
        <source>&amp;Overview</source>
        <translation>O&amp;verblik</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="143" />
        <source>&amp;Guide</source>
        <translation>&amp;Vejledning</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="146" />
        <source>&amp;About %1</source>
        <translation>&amp;Om %1</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="153" />
        <source>S&amp;witch database…</source>
        <translation>Skift &amp;database…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="156" />
        <source>Open another landscape: a file on this computer or a shared server</source>
        <translation>Åbn et andet landskab: en fil på denne computer eller en delt server</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="158" />
        <source>&amp;Settings…</source>
        <translation>Ind&amp;stillinger…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="161" />
        <source>Database, backups, language, your name, your municipality, retention periods</source>
        <translation>Database, sikkerhedskopier, sprog, dit navn, din kommune, opbevaringsperioder</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="163" />
        <source>Take &amp;offline…</source>
        <translation>Tag med &amp;offline…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="165" />
        <source>Copy the landscape from the server into a file, to work without a connection</source>
        <translation>Kopiér landskabet fra serveren til en fil for at arbejde uden forbindelse</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="168" />
        <source>S&amp;ynchronise</source>
        <translation>S&amp;ynkroniser</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="172" />
        <source>Synchronise</source>
        <translation>Synkroniser</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="174" />
        <source>Bring this offline copy and its server up to date</source>
        <translation>Bring denne offline-kopi og dens server à jour</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="177" />
        <source>Sync co&amp;nflicts…</source>
        <translation>Synkroniserings&amp;konflikter…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="213" />
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="215" />
        <source>&amp;Redo</source>
        <translation>&amp;Gentag</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="219" />
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="220" />
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="228" />
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="255" />
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="263" />
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="266" />
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="268" />
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="274" />
        <source>Main</source>
        <translation>Hovedværktøjslinje</translation>
    </message>
</context>
</TS>