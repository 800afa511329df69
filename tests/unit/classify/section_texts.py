"""News texts written for the tests (not taken from any publication), BODY ONLY (no headline), each the kind
of story a general daily files under one of six sections: politics (home and foreign news, courts, police
and crime), economy, culture (arts and the media: TV, radio, press), technology (the web/IT section:
internet, apps, software, telecoms, games), science (research, health, climate, space), sport.

(id, lang, section, body). German includes Austrian and Swiss usage and institutions. These were written
before the lexicon changes that came with them: 51 of 57 were filed right then, and the misses showed which
kinds of words were missing (README "Classification"). SECTION_TEXTS_2 came afterwards (see there)."""
from __future__ import annotations

SECTION_TEXTS = [
    # ------------------------------------------------------------------ German (de, at, ch) ---------------
    ("de-pol-klub", "de", "politics",
     ("Der Klubobmann der Volkspartei kündigte am Dienstag an, den Entwurf noch vor dem Sommer in den "
     "Nationalrat einzubringen. Die Sozialdemokraten wollen zustimmen, wenn die Länder mehr Mitsprache "
     "erhalten. Die Freiheitlichen sprachen von einem faulen Kompromiss und kündigten einen "
     "Misstrauensantrag gegen die Innenministerin an.")),
    ("de-pol-asyl", "de", "politics",
     ("Die Zahl der Asylanträge ist im ersten Quartal deutlich gestiegen. In den Erstaufnahmezentren in "
     "Traiskirchen und Thalham sind mehr als 3000 Asylwerber untergebracht, die Quartiere gelten als "
     "überfüllt. Die Länder erfüllen die vereinbarte Quote weiterhin nicht; der Bund droht mit dem "
     "Durchgriffsrecht.")),
    ("de-pol-chronik", "de", "politics",
     ("Ein 34-jähriger Mann ist in der Nacht auf Sonntag in Wien-Favoriten niedergestochen worden. Die "
     "Polizei nahm zwei Verdächtige fest, die Staatsanwaltschaft ermittelt wegen versuchten Mordes. Das Opfer "
     "wurde ins Spital gebracht und ist außer Lebensgefahr.")),
    ("de-pol-gericht", "de", "politics",
     ("Der Verfassungsgerichtshof hat die Wahl in sechs Bezirken aufgehoben. Die Höchstrichter sahen "
     "Unregelmäßigkeiten bei der Auszählung der Briefwahlstimmen. Die Wiederholung soll im Herbst "
     "stattfinden, teilte das Innenministerium mit.")),
    ("de-pol-ch", "de", "politics",
     ("Der Ständerat hat die Vorlage mit 29 zu 14 Stimmen angenommen. Die SVP will das Referendum ergreifen, "
     "die Mitte und die FDP unterstützen den Kompromiss des Bundesrats. Das letzte Wort haben damit "
     "voraussichtlich die Stimmberechtigten an der Urne.")),
    ("de-eco-bank", "de", "economy",
     ("Die Gläubiger der Abbaugesellschaft müssen auf einen Teil ihres Geldes verzichten. Die Finanzmarktaufsicht "
     "verfügte einen Schuldenschnitt, die Anleihen verloren an der Börse knapp die Hälfte ihres Werts. "
     "Betroffen sind vor allem Versicherungen und Pensionskassen.")),
    ("de-eco-ams", "de", "economy",
     ("Die Arbeitslosigkeit ist im Mai leicht zurückgegangen. Beim Arbeitsmarktservice waren knapp 330.000 "
     "Menschen als arbeitslos oder in Schulung gemeldet. Das Wirtschaftsforschungsinstitut erwartet für das "
     "zweite Halbjahr eine leichte Erholung der Konjunktur.")),
    ("de-eco-firma", "de", "economy",
     ("Der Stahlkonzern hat im abgelaufenen Geschäftsjahr weniger verdient. Der Vorstand begründete den "
     "Rückgang mit schwächerer Nachfrage aus der Autoindustrie. Die Dividende soll dennoch stabil bleiben, "
     "der Aufsichtsrat muss der Ausschüttung noch zustimmen.")),
    ("de-cul-oper", "de", "culture",
     ("Die Premiere an der Staatsoper wurde vom Publikum mit langem Applaus gefeiert. Der Dirigent führte "
     "das Orchester mit großer Ruhe durch die vier Stunden, die Inszenierung blieb dagegen blass. Die "
     "Sopranistin in der Titelrolle war der Star des Abends.")),
    ("de-cul-orf", "de", "culture",
     ("Der Stiftungsrat des ORF hat den Generaldirektor für weitere fünf Jahre bestellt. Die Privatsender "
     "kritisierten, dass die Gebühren erneut steigen sollen. Die Quoten der Hauptabendsendungen waren "
     "zuletzt gesunken, vor allem bei jüngeren Sehern.")),
    ("de-cul-buch", "de", "culture",
     ("In ihrem neuen Roman erzählt die Autorin von drei Generationen einer Familie im Mühlviertel. Das Buch "
     "erscheint im Frühjahr, eine Lesung im Literaturhaus ist bereits ausverkauft. Kritiker loben die "
     "genaue Sprache und den lakonischen Ton.")),
    ("de-tec-app", "de", "technology",
     ("Mit dem Update bekommt der Messenger eine Ende-zu-Ende-Verschlüsselung für Gruppenchats. Nutzer müssen "
     "die neue Version aus dem App Store oder von Google Play herunterladen. Ältere Smartphones mit Android "
     "4 werden nicht mehr unterstützt.")),
    ("de-tec-game", "de", "technology",
     ("Im neuen Teil der Rollenspielreihe erkunden Spieler eine offene Welt und können ihre Figur frei "
     "gestalten. Das Spiel erscheint im Herbst für PC, PlayStation 4 und Xbox One. Im Test überzeugten vor "
     "allem die Grafik und die Quests, der Mehrspielermodus wirkte dagegen unfertig.")),
    ("de-tec-netz", "de", "technology",
     ("Hacker haben Zugangsdaten von mehreren Millionen Kunden eines Onlinedienstes erbeutet. Das Unternehmen "
     "rät allen Nutzern, ihr Passwort zu ändern und die Zwei-Faktor-Authentifizierung zu aktivieren. Die "
     "Sicherheitslücke sei inzwischen geschlossen.")),
    ("de-sci-fossil", "de", "science",
     ("Paläontologen haben in Argentinien die Knochen eines bisher unbekannten Dinosauriers entdeckt. Das Tier "
     "lebte vor etwa 90 Millionen Jahren und dürfte bis zu 30 Meter lang gewesen sein. Die Forscher "
     "beschreiben den Fund im Fachjournal \"Nature\".")),
    ("de-sci-raum", "de", "science",
     ("Die Raumsonde hat nach zehn Jahren Flug den Kometen erreicht. Die Europäische Weltraumorganisation "
     "will in den kommenden Wochen einen Lander auf der Oberfläche absetzen. Die Aufnahmen zeigen eine "
     "zerklüftete Landschaft aus Eis und Staub.")),
    ("de-sci-med", "de", "science",
     ("Ein neues Medikament senkt das Risiko eines zweiten Herzinfarkts um ein Viertel. Das zeigt eine "
     "Studie mit mehr als 10.000 Patienten, die an der Medizinischen Universität Wien ausgewertet wurde. "
     "Nebenwirkungen traten selten auf.")),
    ("de-spo-ski", "de", "sport",
     ("Die Salzburgerin gewann den Riesentorlauf in Sölden mit drei Zehntelsekunden Vorsprung. Nach dem ersten "
     "Durchgang lag sie noch auf Rang vier, im Finale fuhr sie Laufbestzeit. Für die ÖSV-Läuferin ist es der "
     "dritte Weltcupsieg.")),
    ("de-spo-fussball", "de", "sport",
     ("Rapid kam im Heimspiel gegen Sturm Graz nicht über ein 1:1 hinaus. Die Hütteldorfer gingen kurz vor "
     "der Pause durch einen Kopfball in Führung, die Steirer glichen nach einem Eckball aus. In der "
     "Tabelle bleibt Salzburg damit fünf Punkte voran.")),
    ("de-spo-tennis", "de", "sport",
     ("Der Niederösterreicher zog nach einem Dreisatzsieg ins Viertelfinale ein. Er verwandelte nach zwei "
     "Stunden seinen dritten Matchball und trifft nun auf den an Nummer zwei gesetzten Spanier.")),
    # ------------------------------------------------------------------ English ------------------------
    ("en-pol-commons", "en", "politics",
     ("MPs voted by 312 to 290 to give the bill a second reading, despite a rebellion by backbenchers. The "
     "Home Office said the changes would speed up asylum decisions, while Labour called them unworkable. "
     "The bill now goes to committee stage.")),
    ("en-pol-police", "en", "politics",
     ("A 27-year-old man has been charged with murder after a woman was found dead at a flat in Leeds. "
     "Detectives said the pair knew each other. He will appear before magistrates on Monday.")),
    ("en-pol-court", "en", "politics",
     ("The justices ruled five to four that the state's redistricting map violated the Voting Rights Act. "
     "The governor said he would ask the legislature to draw new districts before the November midterms.")),
    ("en-eco-bank", "en", "economy",
     ("The lender reported a 12 percent fall in quarterly profit as bad loans rose, sending its shares down "
     "4 percent in early trading. The chief executive said the bank would cut 3,000 jobs and close 200 "
     "branches by next year.")),
    ("en-eco-jobs", "en", "economy",
     ("Employers added 180,000 jobs last month and wage growth slowed, figures showed on Friday. Economists "
     "said the data gave the Fed room to hold rates steady at its next meeting.")),
    ("en-cul-film", "en", "culture",
     ("The director's third feature premiered at Sundance to a standing ovation. Shot in black and white, it "
     "follows two sisters who run a failing cinema in a small mining town. The distributor plans a "
     "nationwide release in the autumn.")),
    ("en-cul-bbc", "en", "culture",
     ("The broadcaster's new drama drew an audience of 8 million on its first night, the biggest for a "
     "launch in five years. Critics praised the lead performance, and the channel has already commissioned a "
     "second series.")),
    ("en-tec-phone", "en", "technology",
     ("The company unveiled its new handset on Tuesday with a larger screen, a faster chip and a camera that "
     "works better in low light. It runs the latest version of the operating system and goes on sale in "
     "stores next week.")),
    ("en-tec-hack", "en", "technology",
     ("Hackers stole the passwords and email addresses of about 40 million users of the service, the firm "
     "admitted. It urged customers to change their login details and turn on two-factor authentication.")),
    ("en-sci-fossil", "en", "science",
     ("Palaeontologists have unearthed the skeleton of a previously unknown dinosaur in Patagonia. The animal "
     "lived about 90 million years ago, the team wrote in the journal Nature, and may have been the largest "
     "creature ever to walk the Earth.")),
    ("en-sci-med", "en", "science",
     ("A new drug cut the risk of a second heart attack by a quarter in a trial of more than 10,000 patients. "
     "Researchers said side effects were rare and that the findings could change clinical guidelines.")),
    ("en-spo-football", "en", "sport",
     ("United came from behind to win 2-1 at Villa Park. The visitors equalised from the penalty spot "
     "before half-time, and the substitute headed in a late winner to lift them to fourth in the table.")),
    ("en-spo-cricket", "en", "sport",
     ("England were bowled out for 187 on the second day at Lord's, handing the tourists a lead of 140. "
     "The captain fell for a duck, and only a late stand between the tail-enders avoided the follow-on.")),
    # ------------------------------------------------------------------ French -------------------------
    ("fr-pol-assemblee", "fr", "politics",
     ("Les députés ont adopté le texte en première lecture par 312 voix contre 210. La droite sénatoriale "
     "promet de le modifier, tandis que la gauche dénonce un passage en force et envisage une motion de "
     "censure contre le gouvernement.")),
    ("fr-pol-faits", "fr", "politics",
     ("Un homme de 34 ans a été mis en examen pour meurtre après la mort d'une femme à Roubaix. Les "
     "enquêteurs de la police judiciaire ont retrouvé l'arme du crime. Le suspect a été placé en détention "
     "provisoire.")),
    ("fr-eco-emploi", "fr", "economy",
     ("Le nombre de demandeurs d'emploi a reculé de 1,2 % au troisième trimestre, selon Pôle emploi. Les "
     "économistes restent prudents : la croissance ralentit et les entreprises hésitent à embaucher.")),
    ("fr-eco-groupe", "fr", "economy",
     ("Le groupe a publié un bénéfice net en hausse de 8 % et relevé ses objectifs pour l'année. À la "
     "Bourse de Paris, l'action a gagné 5 %. Le directeur général a annoncé un plan de rachat d'actions.")),
    ("fr-cul-cinema", "fr", "culture",
     ("Le film, présenté en compétition à Cannes, suit une famille d'agriculteurs pendant un été de "
     "sécheresse. La réalisatrice signe une mise en scène sobre, portée par une actrice bouleversante. "
     "Sortie en salles le 12 octobre.")),
    ("fr-cul-tele", "fr", "culture",
     ("La chaîne a perdu près d'un million de téléspectateurs en un an et son journal de 20 heures passe "
     "derrière celui de sa concurrente. La direction annonce une nouvelle grille et le départ de deux "
     "animateurs vedettes.")),
    ("fr-tec-appli", "fr", "technology",
     ("La mise à jour de l'application ajoute le chiffrement de bout en bout des messages. Les utilisateurs "
     "d'iPhone et d'Android doivent la télécharger, les anciens téléphones ne seront plus pris en charge.")),
    ("fr-tec-jeu", "fr", "technology",
     ("Ce jeu de rôle propose un monde ouvert immense et un mode multijoueur en ligne. Il sort sur PC et "
     "consoles le mois prochain ; le studio promet des mises à jour gratuites.")),
    ("fr-sci-espace", "fr", "science",
     ("La sonde a atteint l'orbite de Mars après sept mois de voyage. Les chercheurs du CNES espèrent "
     "recevoir les premières images de la surface de la planète rouge dans quelques jours.")),
    ("fr-sci-med", "fr", "science",
     ("Une étude menée auprès de 10 000 patients montre qu'un nouveau traitement réduit d'un quart le risque "
     "de récidive d'infarctus. Les chercheurs de l'Inserm publient leurs résultats dans The Lancet.")),
    ("fr-spo-foot", "fr", "sport",
     ("Le PSG s'est imposé 3-1 au Vélodrome grâce à un doublé de son attaquant. Les Marseillais avaient "
     "ouvert le score sur penalty avant la pause. Paris compte désormais huit points d'avance en Ligue 1.")),
    ("fr-spo-rugby", "fr", "sport",
     ("Le XV de France a battu l'Irlande 24-17 au Stade de France et prend la tête du Tournoi des Six "
     "Nations. L'ouvreur a réussi tous ses coups de pied.")),
    # ------------------------------------------------------------------ Italian ------------------------
    ("it-pol-camera", "it", "politics",
     ("La Camera ha approvato il decreto con 280 voti a favore e 150 contrari. L'opposizione ha abbandonato "
     "l'aula in segno di protesta, mentre la maggioranza parla di una riforma attesa da anni. Il testo passa "
     "ora al Senato.")),
    ("it-pol-cronaca", "it", "politics",
     ("Un uomo di 40 anni è stato arrestato dai carabinieri con l'accusa di omicidio. La vittima, una donna "
     "di 35 anni, è stata trovata senza vita nel suo appartamento a Bergamo. Indaga la procura.")),
    ("it-eco-banca", "it", "economy",
     ("L'istituto ha chiuso il trimestre con un utile netto di 900 milioni di euro, sopra le attese degli "
     "analisti. A Piazza Affari il titolo ha guadagnato il 4 per cento. L'amministratore delegato conferma "
     "il dividendo.")),
    ("it-eco-lavoro", "it", "economy",
     ("Secondo l'Istat il tasso di disoccupazione è sceso al 7,8 per cento, il livello più basso dal 2008. "
     "Crescono i contratti a tempo indeterminato, mentre la disoccupazione giovanile resta alta.")),
    ("it-cul-cinema", "it", "culture",
     ("Il film del regista napoletano, in concorso alla Mostra di Venezia, racconta l'estate di due fratelli "
     "in un paese del Cilento. Applausi in sala per l'attrice protagonista. Uscirà nelle sale a ottobre.")),
    ("it-cul-tv", "it", "culture",
     ("Il programma del sabato sera ha raccolto 5 milioni di telespettatori e il 24 per cento di share. La "
     "Rai conferma la conduttrice anche per la prossima stagione.")),
    ("it-tec-app", "it", "technology",
     ("Con l'aggiornamento l'applicazione introduce la crittografia end-to-end per i messaggi di gruppo. Gli "
     "utenti devono scaricare la nuova versione; gli smartphone più vecchi non saranno più supportati.")),
    ("it-tec-rete", "it", "technology",
     ("Gli hacker hanno sottratto le password di milioni di utenti del servizio. L'azienda invita a cambiare "
     "le credenziali e ad attivare l'autenticazione a due fattori.")),
    ("it-sci-spazio", "it", "science",
     ("La sonda ha raggiunto l'orbita di Giove dopo cinque anni di viaggio. I ricercatori dell'Agenzia "
     "spaziale italiana studieranno l'atmosfera e il campo magnetico del pianeta.")),
    ("it-sci-med", "it", "science",
     ("Uno studio su diecimila pazienti mostra che il nuovo farmaco riduce di un quarto il rischio di un "
     "secondo infarto. I ricercatori hanno pubblicato i risultati su una rivista scientifica.")),
    ("it-spo-calcio", "it", "sport",
     ("La Juventus ha battuto l'Inter 2-1 all'Allianz Stadium. Decide un gol nel recupero dell'attaccante "
     "entrato dalla panchina. In classifica i bianconeri salgono al secondo posto.")),
    ("it-spo-ciclismo", "it", "sport",
     ("Il corridore sloveno ha vinto la tappa del Giro con un attacco sull'ultima salita e ha conquistato la "
     "maglia rosa.")),
]


# Second round, written after the first round's changes had landed and measured before any further change:
# 21 of 24 filed right (the code before this round's work: 18 of 24). The misses then led to general
# words (glaciers, ice hockey), not to these texts' own words. A start-up's funding round runs in the
# economy pages as often as in the web section: both are accepted.
SECTION_TEXTS_2 = [
    ("de2-web-hass", "de", "technology",
     ("Facebook will stärker gegen Hasspostings vorgehen. Der Konzern kündigte an, in Deutschland und "
      "Österreich zusätzliche Moderatoren einzustellen, die gemeldete Beiträge binnen 24 Stunden prüfen "
      "sollen. Nutzer hatten kritisiert, dass rassistische Kommentare oft wochenlang online blieben. "
      "Netzaktivisten fordern zudem mehr Transparenz bei den Löschregeln.")),
    ("de2-web-startup", "de", ("technology", "economy"),
     ("Das Wiener Start-up hat eine App entwickelt, mit der sich Rechnungen per Foto erfassen lassen. "
      "Die Software erkennt Beträge und Steuersätze automatisch und überträgt sie in die Buchhaltung. "
      "Investoren steckten nun zwei Millionen Euro in die Firma, die im kommenden Jahr nach Deutschland "
      "expandieren will.")),
    ("de2-etat-zeitung", "de", "culture",
     ("Die Tageszeitung stellt ihre Printausgabe am Wochenende ein und erscheint dann nur noch online. "
      "Der Verlag begründet den Schritt mit sinkenden Auflagen und steigenden Papierkosten. Die "
      "Redaktion soll verkleinert werden, der Chefredakteur spricht von einem schmerzhaften, aber "
      "notwendigen Umbau. Der Presseclub äußerte sich besorgt über die Vielfalt der Medien.")),
    ("de2-etat-serie", "de", "culture",
     ("Die zweite Staffel der Krimiserie startet am Sonntag im Hauptabendprogramm. Die Hauptdarstellerin "
      "ermittelt diesmal im Salzkammergut, gedreht wurde im vergangenen Sommer. Die erste Staffel hatte im "
      "Schnitt mehr als 700.000 Zuseher.")),
    ("de2-wiss-klima", "de", "science",
     ("Die Gletscher in den Alpen haben im vergangenen Jahr so viel Eis verloren wie nie seit Beginn der "
      "Messungen. Das zeigen Daten, die Glaziologen der Universität Innsbruck ausgewertet haben. Die "
      "Forscher führen den Rückgang auf den heißen Sommer und den schneearmen Winter zurück.")),
    ("de2-wiss-tier", "de", "science",
     ("Krähen können offenbar planen. In Versuchen wählten die Vögel Werkzeuge aus, die sie erst Stunden "
      "später brauchten, berichten Verhaltensbiologen im Fachmagazin Science. Bisher war ein solches "
      "Verhalten nur von Menschenaffen bekannt.")),
    ("de2-panorama-unfall", "de", "politics",
     ("Bei einem Busunglück auf der Brennerautobahn sind am Freitag zwei Menschen ums Leben gekommen, 15 "
      "wurden verletzt. Der Reisebus war aus ungeklärter Ursache von der Fahrbahn abgekommen. Die "
      "Autobahn blieb stundenlang gesperrt, die Polizei ermittelt.")),
    ("de2-inland-schule", "de", "politics",
     ("Die Bildungsministerin will die Zentralmatura reformieren. Künftig sollen die Schulnoten stärker "
      "zählen, die Opposition spricht von einer Abwertung der Reifeprüfung. Lehrervertreter begrüßen den "
      "Vorschlag, die Landesschulräte sollen bis Herbst Stellung nehmen.")),
    ("de2-wirtschaft-tourismus", "de", "economy",
     ("Die Hotellerie meldet für die Wintersaison ein Nächtigungsplus von vier Prozent. Vor allem Gäste "
      "aus Deutschland und den Niederlanden kamen häufiger. Die Branche klagt dennoch über fehlende "
      "Fachkräfte und steigende Kosten für Energie.")),
    ("de2-sport-eishockey", "de", "sport",
     ("Die Capitals haben das dritte Spiel der Finalserie mit 4:2 gewonnen und führen nun 2:1. Der "
      "Kapitän erzielte zwei Treffer im Powerplay, der Goalie hielt 31 Schüsse.")),
    ("en2-tech-outage", "en", "technology",
     ("Millions of people were unable to send messages for several hours on Wednesday after an outage "
      "at the platform. The company blamed a faulty configuration change on its servers and said no data "
      "had been lost. Rival apps reported a surge in sign-ups during the disruption.")),
    ("en2-culture-museum", "en", "culture",
     ("The museum will return two bronze sculptures to Nigeria, ending a decades-long dispute over objects "
      "looted in the nineteenth century. The curator said the works would go on show in a new gallery in "
      "Benin City next spring.")),
    ("en2-science-climate", "en", "science",
     ("Sea ice around Antarctica has fallen to a record low for the third year running, scientists said. "
      "Researchers warned that the loss could speed up warming because open water absorbs more heat than "
      "ice, and called for more monitoring of the Southern Ocean.")),
    ("en2-economy-airline", "en", "economy",
     ("The airline said it would cut 2,000 jobs and retire its oldest aircraft after reporting a loss for "
      "the year. Fuel costs and weak demand on transatlantic routes weighed on results, and its shares fell "
      "sharply in London.")),
    ("en2-politics-court", "en", "politics",
     ("A judge blocked the state's new abortion law hours before it was due to take effect, ruling that it "
      "probably violated the state constitution. The attorney general said he would appeal to the "
      "supreme court.")),
    ("en2-sport-golf", "en", "sport",
     ("The American birdied three of the last four holes to win by a stroke at Augusta, completing a "
      "final round of 66. His playing partner had led by two at the turn but found the water on the "
      "twelfth.")),
    ("fr2-tech-ia", "fr", "technology",
     ("La start-up parisienne a présenté un nouveau modèle d'intelligence artificielle capable de générer "
      "du code informatique. Elle revendique déjà plusieurs milliers d'utilisateurs payants et prépare une "
      "levée de fonds auprès d'investisseurs américains.")),
    ("fr2-culture-livre", "fr", "culture",
     ("Le prix Goncourt a été attribué mardi à un premier roman consacré à l'exil d'une famille "
      "arménienne. L'auteure, ancienne journaliste, a été saluée par le jury pour la force de son "
      "écriture.")),
    ("fr2-science-arch", "fr", "science",
     ("Des archéologues ont mis au jour une nécropole gallo-romaine lors de fouilles préventives près de "
      "Lyon. Une centaine de sépultures ont été découvertes, certaines avec des objets en verre et des "
      "pièces de monnaie.")),
    ("fr2-sport-tennis", "fr", "sport",
     ("La Française s'est qualifiée pour les huitièmes de finale en battant la tête de série numéro cinq "
      "en deux sets. Elle affrontera jeudi une joueuse issue des qualifications.")),
    ("it2-tech-truffa", "it", "technology",
     ("Una nuova truffa via sms sta colpendo i clienti delle banche: il messaggio invita a cliccare su un "
      "link per sbloccare il conto. La polizia postale consiglia di non inserire mai le credenziali su "
      "siti raggiunti da un sms e di scaricare le app solo dagli store ufficiali.")),
    ("it2-cultura-mostra", "it", "culture",
     ("A Palazzo Reale apre la mostra dedicata al pittore fiammingo, con oltre ottanta opere provenienti da "
      "musei di tutta Europa. Il curatore ha voluto affiancare i dipinti ai disegni preparatori.")),
    ("it2-scienza-med", "it", "science",
     ("Un gruppo di ricercatori dell'Università di Padova ha individuato una proteina che rallenta la "
      "crescita di alcuni tumori del sangue. Lo studio, condotto sui topi, sarà ora esteso ai pazienti.")),
    ("it2-economia-auto", "it", "economy",
     ("Le immatricolazioni di auto nuove sono calate del 6 per cento a marzo. Pesano i prezzi elevati e "
      "l'incertezza sugli incentivi; in controtendenza le vendite di ibride, salite del 12 per cento.")),
]
