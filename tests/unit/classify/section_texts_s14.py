"""German news texts written for the tests in session 14 (not taken from any publication), BODY ONLY (no
headline), each the kind of story an Austrian daily files under one of its sections, mapped onto the six
coarse sections: politics (home and foreign news, courts, police, crime, terror, schools), economy, culture
(arts and the media: TV, radio, press), technology (the web/IT section), science (research, health,
climate, space), sport. Austrian and German usage.

(id, lang, section, body). All 43 were written before the classifier was run on any of them; the first run
(code of commit 4a2525a) filed all 43 under their section (README "Classification": the
first-run transfer figure; texts written for a test are plainer than a newspaper's, so it flatters)."""
from __future__ import annotations

SECTION_TEXTS_S14 = [
    # ------------------------------------------------------------------ politics ---------------------------
    ("s14-pol-landtag", "de", "politics",
     ("Nach der Landtagswahl in der Steiermark haben die Sondierungsgespräche begonnen. Der Landeshauptmann "
      "traf am Vormittag die Spitzen der Grünen und der Neos, am Nachmittag jene der FPÖ. Eine Koalition "
      "gilt als schwierig, weil die Freiheitlichen auf dem Posten des Landeshauptmann-Stellvertreters "
      "bestehen. Ein Ergebnis soll es bis Ende des Monats geben.")),
    ("s14-pol-gemeinde", "de", "politics",
     ("Im Gemeinderat von Wels kam es am Donnerstag zu einem heftigen Schlagabtausch. Die Opposition wirft "
      "dem Bürgermeister vor, die Budgetzahlen geschönt zu haben, und fordert einen Prüfbericht des "
      "Rechnungshofs. Der Bürgermeister wies die Vorwürfe zurück und sprach von Wahlkampfgetöse. Der "
      "Antrag auf eine Sondersitzung wurde mit den Stimmen der Mehrheitsfraktion abgelehnt.")),
    ("s14-pol-einbruch", "de", "politics",
     ("Eine Serie von Wohnungseinbrüchen in Graz-Andritz dürfte geklärt sein. Die Polizei nahm am "
      "Wochenende drei Männer im Alter von 22 bis 31 Jahren fest, in deren Auto Schmuck, Laptops und "
      "Bargeld gefunden wurden. Die Verdächtigen sollen in den vergangenen Wochen in mindestens zwölf "
      "Wohnungen eingestiegen sein. Sie wurden in die Justizanstalt eingeliefert, die Ermittlungen laufen.")),
    ("s14-pol-prozess", "de", "politics",
     ("Am Landesgericht Innsbruck musste sich am Mittwoch ein 45-jähriger Mann wegen schweren Betrugs "
      "verantworten. Er soll älteren Menschen am Telefon vorgegaukelt haben, ein Angehöriger habe einen "
      "Unfall verursacht und brauche dringend Geld. Der Angeklagte bekannte sich teilweise schuldig. Der "
      "Schöffensenat verurteilte ihn zu drei Jahren unbedingter Haft, das Urteil ist nicht rechtskräftig.")),
    ("s14-pol-terror", "de", "politics",
     ("Nach dem vereitelten Anschlag auf ein Konzert hat der Verfassungsschutz weitere Hausdurchsuchungen "
      "in Wien und Niederösterreich durchgeführt. Der 19-jährige Hauptverdächtige soll sich im Internet "
      "radikalisiert und der Terrormiliz Islamischer Staat die Treue geschworen haben. Der Innenminister "
      "kündigte an, die Überwachung von Gefährdern zu verschärfen. Die Opposition verlangt eine "
      "Sondersitzung des Nationalrats.")),
    ("s14-pol-schule", "de", "politics",
     ("Ab Herbst sollen alle Volksschulen mehr Stunden für Deutschförderung erhalten. Das kündigte der "
      "Bildungsminister nach einem Treffen mit den Bildungsdirektionen der Länder an. Lehrervertreter "
      "begrüßen das Vorhaben, warnen aber, dass schon jetzt hunderte Lehrerinnen und Lehrer fehlen. Die "
      "Elternvertreter fordern zudem kleinere Klassen und mehr Schulpsychologen.")),
    ("s14-pol-matura", "de", "politics",
     ("Bei der Zentralmatura in Mathematik ist heuer fast jeder fünfte Schüler durchgefallen. Die "
      "Schulpartner streiten nun darüber, ob die Aufgaben zu schwer waren. Die Direktoren der Gymnasien "
      "fordern eine Reform der Prüfung, das Ministerium verweist auf die Kompensationsprüfungen im Juni. "
      "Die Gewerkschaft der Lehrer will die Ergebnisse in einer Arbeitsgruppe analysieren.")),
    ("s14-pol-eu", "de", "politics",
     ("Die Staats- und Regierungschefs der EU haben sich beim Gipfel in Brüssel nicht auf die Verteilung "
      "der Flüchtlinge einigen können. Ungarn und Polen lehnen verpflichtende Quoten weiterhin ab. Der "
      "Bundeskanzler sprach nach dem Treffen von einem Rückschlag und verlangte einen besseren Schutz der "
      "Außengrenzen. Die Verhandlungen sollen im Dezember fortgesetzt werden.")),
    # ------------------------------------------------------------------ economy ----------------------------
    ("s14-eco-inflation", "de", "economy",
     ("Die Teuerung ist im Oktober leicht zurückgegangen. Laut Statistik Austria lagen die Verbraucherpreise "
      "um 2,1 Prozent über dem Vorjahresniveau, nach 2,4 Prozent im September. Billiger wurden vor allem "
      "Treibstoffe, teurer blieben Mieten und Restaurantbesuche. Ökonomen erwarten, dass die Inflation bis "
      "zum Frühjahr unter zwei Prozent sinkt.")),
    ("s14-eco-bank", "de", "economy",
     ("Die Raiffeisen-Bankengruppe hat im ersten Halbjahr einen Gewinn von 620 Millionen Euro erzielt, um ein "
      "Drittel mehr als im Vorjahr. Getragen wurde das Ergebnis vom Zinsgeschäft und von geringeren "
      "Kreditausfällen in Osteuropa. Der Vorstand kündigte an, die Dividende zu erhöhen. An der Wiener "
      "Börse legte die Aktie nach Bekanntgabe der Zahlen um vier Prozent zu.")),
    ("s14-eco-pleite", "de", "economy",
     ("Ein oberösterreichischer Möbelhersteller hat am Montag beim Landesgericht Linz ein "
      "Sanierungsverfahren beantragt. Betroffen sind rund 240 Beschäftigte und mehr als 300 Gläubiger, die "
      "Passiva belaufen sich laut Kreditschutzverband auf 38 Millionen Euro. Als Gründe nennt das "
      "Unternehmen die schwache Nachfrage und gestiegene Energiekosten. Den Gläubigern wird eine Quote von "
      "30 Prozent angeboten.")),
    ("s14-eco-kv", "de", "economy",
     ("Die Kollektivvertragsverhandlungen im Handel sind in der Nacht auf Freitag ohne Ergebnis vertagt "
      "worden. Die Gewerkschaft fordert ein Lohnplus von fünf Prozent, die Arbeitgeber bieten 2,8 Prozent. "
      "Sollte es bis zur nächsten Runde keine Einigung geben, drohen Betriebsversammlungen in den "
      "Filialen, kurz vor dem Weihnachtsgeschäft.")),
    ("s14-eco-tourismus", "de", "economy",
     ("Die heimischen Hotels und Pensionen melden für die Wintersaison ein Nächtigungsplus. Von November bis "
      "Februar wurden um sechs Prozent mehr Übernachtungen gezählt als im Vorjahr, vor allem Gäste aus "
      "Deutschland und den Niederlanden kamen häufiger. Die Branche klagt allerdings über fehlende "
      "Fachkräfte in Küche und Service und über steigende Kosten.")),
    ("s14-eco-wohnen", "de", "economy",
     ("Die Preise für Eigentumswohnungen sind im dritten Quartal erstmals seit Jahren gesunken. Makler "
      "berichten von deutlich weniger Käufern, weil die Banken bei der Vergabe von Wohnkrediten strenger "
      "geworden sind. Bauträger haben zahlreiche Projekte auf Eis gelegt. Die Bauwirtschaft fordert "
      "deshalb eine Senkung der Grunderwerbsteuer und günstigere Kredite.")),
    ("s14-eco-autozulieferer", "de", "economy",
     ("Ein steirischer Autozulieferer streicht 400 Stellen. Der Konzern begründet den Abbau mit dem "
      "Umsatzeinbruch bei seinen deutschen Kunden und dem schleppenden Umstieg auf Elektroautos. Die "
      "Produktion von Getrieben soll teilweise nach Tschechien verlagert werden. Der Betriebsrat spricht "
      "von einem schwarzen Tag für die Region und verlangt einen Sozialplan.")),
    # ------------------------------------------------------------------ sport ------------------------------
    ("s14-spo-bundesliga", "de", "sport",
     ("Sturm Graz hat die Tabellenführung in der Bundesliga ausgebaut. Gegen den LASK gewannen die Grazer "
      "vor 15.000 Zuschauern mit 3:1, zwei Tore erzielte der Stürmer nach Standardsituationen. Der Trainer "
      "lobte die Moral seiner Mannschaft, die nach dem frühen Rückstand nicht nervös geworden sei. "
      "Salzburg liegt nach dem Remis in Hartberg bereits fünf Punkte zurück.")),
    ("s14-spo-ski", "de", "sport",
     ("Beim Riesentorlauf in Sölden fuhr die Österreicherin nach einem starken zweiten Durchgang noch auf "
      "Platz drei. Den Sieg holte sich die Schweizerin mit sieben Hundertstelsekunden Vorsprung auf die "
      "Italienerin. Auf der eisigen Piste schieden zahlreiche Läuferinnen aus. Weiter geht der Weltcup "
      "in zwei Wochen mit den Slalomrennen in Levi.")),
    ("s14-spo-tennis", "de", "sport",
     ("Der Niederösterreicher ist beim Turnier in der Stadthalle bereits in der ersten Runde ausgeschieden. "
      "Gegen den an Nummer drei gesetzten Russen verlor er nach gut zwei Stunden mit 6:7, 4:6. Im ersten "
      "Satz hatte er bei 5:4 einen Satzball, den er mit einem Doppelfehler vergab. Im Doppel ist er mit "
      "seinem deutschen Partner noch im Bewerb.")),
    ("s14-spo-radsport", "de", "sport",
     ("Auf der Königsetappe der Österreich-Rundfahrt hinauf zum Kitzbüheler Horn hat ein Kolumbianer "
      "gewonnen. Er setzte sich zwei Kilometer vor dem Ziel von seinen Begleitern ab und übernahm auch das "
      "Gelbe Trikot. Der beste Österreicher kam als Sechster ins Ziel, 48 Sekunden hinter dem "
      "Tagessieger. Morgen steht ein Einzelzeitfahren auf dem Programm.")),
    ("s14-spo-eishockey", "de", "sport",
     ("Der KAC hat das erste Finalspiel gegen Salzburg nach Verlängerung gewonnen. Nach torlosen zwei "
      "Dritteln glichen die Salzburger einen Rückstand im Schlussdrittel noch aus, ehe der Kapitän in der "
      "Overtime im Powerplay traf. Der Goalie der Klagenfurter parierte 38 Schüsse. Das zweite Spiel der "
      "Serie findet am Dienstag statt.")),
    ("s14-spo-nationalteam", "de", "sport",
     ("Der Teamchef hat seinen Kader für die beiden Qualifikationsspiele bekanntgegeben. Erstmals "
      "einberufen wurde ein 20-jähriger Mittelfeldspieler aus der zweiten deutschen Liga, verzichten muss "
      "der Teamchef auf den verletzten Innenverteidiger. Mit zwei Siegen wäre das Nationalteam fix bei der "
      "Europameisterschaft dabei.")),
    ("s14-spo-formel1", "de", "sport",
     ("Der Weltmeister hat sich im Qualifying auf dem Red Bull Ring die Poleposition gesichert. Er war um "
      "knapp eine Zehntelsekunde schneller als sein Teamkollege, die Ferraris folgen auf den Rängen drei "
      "und vier. Für das Rennen am Sonntag ist Regen angesagt, die Teams rechnen mit mehreren Boxenstopps. "
      "Erwartet werden mehr als 100.000 Fans in Spielberg.")),
    # ------------------------------------------------------------------ technology (web/IT) ----------------
    ("s14-web-smartphone", "de", "technology",
     ("Der Hersteller hat sein neues Smartphone vorgestellt. Das Gerät bekommt einen schnelleren Prozessor, "
      "eine bessere Kamera und einen größeren Akku, der Preis bleibt mit 999 Euro gleich. Neu ist eine "
      "Funktion, die Fotos direkt auf dem Handy mit künstlicher Intelligenz bearbeitet. In den Handel "
      "kommt das Telefon Ende September.")),
    ("s14-web-datenleck", "de", "technology",
     ("Bei einem Onlinehändler sind die Daten von rund einer Million Kunden gestohlen worden. Unbekannte "
      "haben sich über eine Sicherheitslücke in der Software Zugang zu Namen, Adressen und gehashten "
      "Passwörtern verschafft. Das Unternehmen rät allen Nutzern, ihr Passwort zu ändern. Die "
      "Datenschutzbehörde hat ein Verfahren eingeleitet.")),
    ("s14-web-ki", "de", "technology",
     ("Ein neues KI-Modell soll Programmierern einen Großteil der Routinearbeit abnehmen. Das Sprachmodell "
      "schreibt auf Anweisung ganze Funktionen, sucht Fehler im Code und erklärt sie. Entwickler berichten "
      "in Foren von beeindruckenden Ergebnissen, aber auch von erfundenen Befehlen. Der Dienst kostet 20 "
      "Dollar im Monat und ist vorerst nur auf Englisch verfügbar.")),
    ("s14-web-breitband", "de", "technology",
     ("Der Ausbau des Glasfasernetzes auf dem Land kommt langsamer voran als geplant. Von der Breitbandmilliarde "
      "ist erst ein Teil abgeholt worden, viele Gemeinden warten auf Zusagen. Die Mobilfunker setzen "
      "unterdessen auf 5G und bieten Internet über Funk als Alternative an. Kritiker bemängeln, dass die "
      "Datenraten dabei stark schwanken.")),
    ("s14-web-games", "de", "technology",
     ("Das lang erwartete Rollenspiel ist erschienen und hat gemischte Kritiken erhalten. Gelobt werden die "
      "offene Spielwelt und die Grafik, bemängelt werden zahlreiche Bugs auf den Konsolen. Das Studio hat "
      "bereits einen ersten Patch veröffentlicht. Auf der Plattform Steam spielten am ersten Wochenende "
      "mehr als 400.000 Menschen gleichzeitig.")),
    ("s14-web-soziale", "de", "technology",
     ("Der Kurznachrichtendienst führt eine neue Funktion ein, mit der Nutzer einzelne Beiträge nur für "
      "ausgewählte Follower sichtbar machen können. Gleichzeitig wird der Algorithmus geändert, der "
      "bestimmt, welche Postings in der Timeline erscheinen. Die App wird in den nächsten Tagen "
      "aktualisiert, zuerst für iOS, danach für Android.")),
    ("s14-web-update", "de", "technology",
     ("Microsoft hat ein Sicherheitsupdate für Windows veröffentlicht, das eine bereits ausgenutzte Lücke "
      "schließt. Angreifer konnten über präparierte Dokumente Schadsoftware auf Rechner schleusen. "
      "Administratoren wird geraten, das Update umgehend einzuspielen. Auch für den Browser Edge und das "
      "Office-Paket gibt es Aktualisierungen.")),
    # ------------------------------------------------------------------ science (incl. health, climate) ----
    ("s14-sci-klima", "de", "science",
     ("Der vergangene Sommer war in Österreich einer der heißesten seit Beginn der Messungen. Wie die "
      "Geosphere Austria mitteilte, lag die Temperatur um 2,3 Grad über dem langjährigen Mittel. An 40 "
      "Tagen wurden mehr als 30 Grad gemessen. Klimaforscher sehen darin einen klaren Trend und warnen vor "
      "den Folgen für die Gletscher und die Landwirtschaft.")),
    ("s14-sci-studie", "de", "science",
     ("Forscher der Universität Wien haben herausgefunden, dass Raben vorausplanen können. In Experimenten "
      "wählten die Vögel Werkzeuge aus, die sie erst Stunden später brauchten, um an Futter zu kommen. Die "
      "Studie ist im Fachjournal Science erschienen. Bisher war ein solches Verhalten nur bei "
      "Menschenaffen nachgewiesen worden.")),
    ("s14-sci-grippe", "de", "science",
     ("Die Grippewelle hat Österreich erreicht. Die Zahl der Neuerkrankungen ist in der vergangenen Woche "
      "stark gestiegen, in mehreren Spitälern werden bereits Betten knapp. Ärzte raten Risikogruppen, sich "
      "noch impfen zu lassen. Typische Symptome sind hohes Fieber, Gliederschmerzen und trockener Husten.")),
    ("s14-sci-medizin", "de", "science",
     ("Ein neues Medikament kann das Fortschreiten von Alzheimer im frühen Stadium verlangsamen. In einer "
      "Studie mit 1.800 Patienten verschlechterte sich das Erinnerungsvermögen um ein Viertel langsamer als "
      "in der Placebogruppe. Als Nebenwirkungen traten Schwellungen im Gehirn auf. Die Arzneimittelbehörde "
      "prüft nun die Zulassung.")),
    ("s14-sci-weltraum", "de", "science",
     ("Die Raumsonde hat nach sieben Jahren Flug ihr Ziel erreicht und schwenkt in eine Umlaufbahn um den "
      "Jupiter ein. Sie soll die Eismonde des Planeten untersuchen, unter deren Oberfläche Ozeane vermutet "
      "werden. An Bord sind auch Messgeräte, die an der Technischen Universität Graz entwickelt wurden. Die "
      "ersten Bilder werden im Frühjahr erwartet.")),
    ("s14-sci-archaeologie", "de", "science",
     ("Bei Grabungen am Rand von Hallstatt sind Archäologen auf ein bisher unbekanntes Gräberfeld gestoßen. "
      "Die Funde stammen aus der älteren Eisenzeit und umfassen Bronzeschmuck, Keramik und Waffen. Die "
      "Forscher des Naturhistorischen Museums hoffen, mehr über den Salzabbau und den Handel jener Zeit zu "
      "erfahren.")),
    ("s14-sci-pflege", "de", "science",
     ("Immer mehr Menschen leiden an Diabetes, zeigt der neue Gesundheitsbericht. Rund 600.000 Österreicher "
      "sind betroffen, viele wissen nichts von ihrer Erkrankung. Mediziner empfehlen regelmäßige "
      "Vorsorgeuntersuchungen, mehr Bewegung und eine ausgewogene Ernährung. Übergewicht gilt als "
      "wichtigster Risikofaktor.")),
    # ------------------------------------------------------------------ culture (incl. TV, press) ----------
    ("s14-kul-oper", "de", "culture",
     ("Die Neuinszenierung von Verdis Don Carlo an der Staatsoper wurde am Sonntag vom Publikum mit Jubel "
      "und vereinzelten Buhrufen aufgenommen. Der Regisseur verlegt die Handlung in ein modernes "
      "Regierungsgebäude. Musikalisch überzeugten vor allem der Bariton und das Orchester unter seinem "
      "Chefdirigenten. Weitere Vorstellungen gibt es bis Ende Mai.")),
    ("s14-kul-buch", "de", "culture",
     ("In ihrem neuen Roman erzählt die Kärntner Autorin von drei Generationen einer Familie in einem "
      "Dorf an der slowenischen Grenze. Das Buch ist leise, genau beobachtet und stellenweise sehr komisch. "
      "Der Roman steht bereits auf der Longlist für den Deutschen Buchpreis. Lesungen sind im "
      "Literaturhaus und bei der Buch Wien geplant.")),
    ("s14-kul-orf", "de", "culture",
     ("Der ORF-Stiftungsrat hat am Donnerstag den neuen Programmplan beschlossen. Im Hauptabend von ORF 1 "
      "sollen mehr heimische Serien laufen, eine Talkshow wird eingestellt. Die Quoten des Senders waren "
      "zuletzt gesunken, vor allem bei jüngeren Zusehern. Der Generaldirektor will zudem mehr Inhalte "
      "zuerst im Streaming anbieten.")),
    ("s14-kul-zeitung", "de", "culture",
     ("Eine Tageszeitung stellt ihre gedruckte Ausgabe ein und erscheint künftig nur noch online. Von den "
      "rund 80 Redakteurinnen und Redakteuren sollen 20 ihren Job verlieren. Der Herausgeber begründet den "
      "Schritt mit sinkenden Abozahlen und Anzeigenerlösen. Der Presseclub Concordia bedauerte den Verlust "
      "für die Medienvielfalt.")),
    ("s14-kul-film", "de", "culture",
     ("Der österreichische Spielfilm über eine Bergbauernfamilie hat bei der Berlinale den Silbernen Bären "
      "gewonnen. Die Regisseurin dankte in ihrer Rede den Laiendarstellern aus dem Lungau. Der Film kommt "
      "im März in die heimischen Kinos. Bereits bei der Diagonale in Graz war er als bester Spielfilm "
      "ausgezeichnet worden.")),
    ("s14-kul-ausstellung", "de", "culture",
     ("Das Belvedere widmet Egon Schiele eine große Ausstellung mit mehr als hundert Gemälden und "
      "Zeichnungen, darunter Leihgaben aus New York und Tokio. Die Schau zeigt den Maler als genauen "
      "Beobachter seiner Zeit. Kuratorin und Direktorin rechnen mit einem Besucherrekord, Tickets gibt es "
      "nur mit Zeitfenster.")),
    ("s14-kul-konzert", "de", "culture",
     ("Die Band hat ihr einziges Österreich-Konzert im ausverkauften Ernst-Happel-Stadion gespielt. Mehr als "
      "50.000 Fans hörten zweieinhalb Stunden lang die größten Hits und einige Lieder des neuen Albums. "
      "Der Sänger bedankte sich auf Deutsch beim Publikum. Nach dem letzten Song gab es ein Feuerwerk.")),
]

# A second batch, written after the first had run (and before the classifier saw any of these), of stories
# at the sections' borders, where issue 12's held-out errors lay: telecom and IT-market news, video games,
# TV and press stories about politics or money, crime and school stories, and texts naming few section words.
# First run (code of commit 4a2525a): 11 of 16 right. The misses led to general words and one trap ("star*",
# culture, took "stark", "start"); three stay misses (tests/unit/classify/test_sections.py BORDER_MISSES).
SECTION_TEXTS_S14_BORDER = [
    ("s14b-web-telekom", "de", "technology",
     ("Der Mobilfunker erhöht mit Februar die Grundgebühr für ältere Tarife um bis zu zwei Euro im Monat. "
      "Betroffen sind rund 800.000 Kunden, die ein Sonderkündigungsrecht haben. Die Regulierungsbehörde "
      "RTR prüft, ob die Klausel zur Wertsicherung zulässig ist. Konsumentenschützer raten, die Tarife "
      "zu vergleichen.")),
    ("s14b-web-chipkonzern", "de", "technology",
     ("Der Chipkonzern hat im abgelaufenen Quartal mehr Prozessoren für Rechenzentren verkauft als je "
      "zuvor. Die Nachfrage nach Grafikkarten für das Training großer Sprachmodelle übersteigt das Angebot "
      "bei weitem. Im Werk in Villach sollen deshalb weitere Halbleiter-Fertigungslinien entstehen.")),
    ("s14b-web-konsole", "de", "technology",
     ("Die neue Spielkonsole ist in den ersten vier Tagen nach dem Verkaufsstart mehr als drei Millionen "
      "Mal verkauft worden. Händler berichten von langen Schlangen, online war das Gerät binnen Minuten "
      "vergriffen. Zum Start gibt es allerdings nur eine Handvoll neuer Spiele, ältere Titel laufen "
      "dank Abwärtskompatibilität.")),
    ("s14b-web-esport", "de", "technology",
     ("Bei der Weltmeisterschaft im Strategiespiel haben sich zwei Österreicher für das Finale in Seoul "
      "qualifiziert. Das Preisgeld beträgt zwei Millionen Dollar, die Partien werden live auf Twitch "
      "übertragen. Die Entwickler des Spiels haben für das Turnier eigens einen neuen Patch aufgespielt.")),
    ("s14b-kul-redaktion", "de", "culture",
     ("Der Chefredakteur des Nachrichtenmagazins legt mit Jahresende sein Amt zurück. Der Redaktionsrat "
      "hatte ihm zuvor das Misstrauen ausgesprochen, nachdem Interventionen aus einer Partei bekannt "
      "geworden waren. Der Eigentümer will die Nachfolge bis Ende Jänner klären.")),
    ("s14b-kul-medienfoerderung", "de", "culture",
     ("Die Regierung hat die Presseförderung neu geregelt. Künftig sollen Medien, die Journalistinnen und "
      "Journalisten ausbilden und einen Ethikkodex einhalten, mehr Geld erhalten. Der Verband der "
      "Zeitungsherausgeber begrüßte die Reform, kleinere Verlage befürchten Nachteile. Die Inseratenvergabe "
      "der Ministerien bleibt vorerst unverändert.")),
    ("s14b-kul-serie", "de", "culture",
     ("Die zweite Staffel der Krimiserie ist am Montag im Hauptabend gestartet und hat mehr als 900.000 "
      "Zuseher erreicht. Gedreht wurde im Salzkammergut, die Hauptrolle spielt wieder eine "
      "Burgschauspielerin. Die Kritik lobte Drehbuch und Kamera, der Sender hat eine dritte Staffel bereits "
      "bestellt.")),
    ("s14b-pol-messerangriff", "de", "politics",
     ("Nach dem Messerangriff am Bahnhof von Villach ist der mutmaßliche Täter in Untersuchungshaft genommen "
      "worden. Der 23-Jährige soll zwei Passanten schwer verletzt haben, Zeugen hatten ihn bis zum Eintreffen "
      "der Polizei festgehalten. Ob ein extremistisches Motiv vorliegt, ist noch unklar. Der "
      "Landespolizeidirektor kündigte verstärkte Streifen an.")),
    ("s14b-pol-mobbing", "de", "politics",
     ("An einer Mittelschule in Wien-Floridsdorf ist ein 13-jähriger Schüler monatelang von Mitschülern "
      "gemobbt worden. Die Eltern werfen der Direktion vor, zu spät reagiert zu haben. Die Bildungsdirektion "
      "hat eine Prüfung eingeleitet, zwei Schüler wurden suspendiert. Die Stadt will mehr Sozialarbeiter an "
      "die Schulen schicken.")),
    ("s14b-pol-unfall", "de", "politics",
     ("Bei einem Frontalzusammenstoß auf der B17 bei Wiener Neustadt sind in der Nacht zwei Menschen ums "
      "Leben gekommen. Ein Pkw war aus ungeklärter Ursache auf die Gegenfahrbahn geraten. Die Feuerwehr "
      "musste die Insassen aus den Wracks befreien. Die Straße war bis in die Morgenstunden gesperrt.")),
    ("s14b-eco-handel", "de", "economy",
     ("Der Diskonter eröffnet heuer 15 neue Filialen und investiert 120 Millionen Euro. Damit sollen rund "
      "300 Arbeitsplätze entstehen. Der Lebensmittelhandel verzeichnete zuletzt leichte Umsatzzuwächse, "
      "die Konkurrenz um Kundinnen und Kunden mit kleinem Budget wird aber härter.")),
    ("s14b-eco-flughafen", "de", "economy",
     ("Der Flughafen Wien hat im vergangenen Jahr mehr als 30 Millionen Passagiere abgefertigt, so viele wie "
      "nie zuvor. Vorstand und Aufsichtsrat schlagen der Hauptversammlung eine höhere Dividende vor. Für die "
      "dritte Piste rechnet der Flughafen mit einem Baubeginn frühestens in fünf Jahren.")),
    ("s14b-spo-klubfinanzen", "de", "sport",
     ("Die Austria hat ihren Schuldenstand im vergangenen Geschäftsjahr deutlich gesenkt. Geholfen haben der "
      "Verkauf von zwei Stammspielern und Einnahmen aus dem Europacup. Die Lizenz für die kommende Saison "
      "gilt damit als gesichert, der Vorstand will trotzdem weiter sparen.")),
    ("s14b-spo-doping", "de", "sport",
     ("Ein österreichischer Langläufer ist wegen Blutdopings für vier Jahre gesperrt worden. Die Nationale "
      "Anti-Doping-Agentur hatte auffällige Werte in seinem biologischen Pass festgestellt. Der Athlet "
      "bestreitet die Vorwürfe und will vor den Internationalen Sportgerichtshof ziehen.")),
    ("s14b-sci-hitze", "de", "science",
     ("Hitzewellen werden in Mitteleuropa häufiger und länger, zeigt eine neue Auswertung von Messdaten aus "
      "hundert Jahren. Besonders stark betroffen sind die Städte, wo sich Asphalt und Beton tagsüber "
      "aufheizen und nachts kaum abkühlen. Die Autoren empfehlen mehr Bäume und helle Dächer.")),
    ("s14b-sci-spital", "de", "science",
     ("In den Ambulanzen der Wiener Spitäler müssen Patienten immer länger warten. Die Ärztekammer führt "
      "das auf fehlende Kassenärzte zurück, viele Menschen gingen mit leichten Beschwerden direkt ins "
      "Krankenhaus. Die Gesundheitsstadträtin will neue Primärversorgungszentren eröffnen.")),
]

# A third batch, written after the second had run (and before the classifier saw any of these): short
# items and feature-like openings, as a daily's website runs them, with few of a section's usual words.
# First run (code of commit 213a223): 13 of 15. A police item got no theme (now "Streife", "auf frischer
# Tat"), an ice-core item went to economy ("Millionen Jahren"; now "Antarktis", "Arktis" are climate words).
SECTION_TEXTS_S14_SHORT = [
    ("s14c-pol-kurz", "de", "politics",
     ("Die Regierung hat sich auf ein Paket gegen die Teuerung bei Mieten geeinigt. Die Opposition spricht "
      "von Kosmetik.")),
    ("s14c-pol-feature", "de", "politics",
     ("Es war kurz nach Mitternacht, als die Nachricht im Parlament die Runde machte: Die Abgeordnete tritt "
      "aus ihrer Partei aus und bleibt als wilde Mandatarin im Hohen Haus. Ihr Klub verliert damit die "
      "Mehrheit im Ausschuss.")),
    ("s14c-pol-polizei", "de", "politics",
     ("Zwei Jugendliche haben in der Nacht auf Samstag in Linz mehrere Autos beschädigt. Eine Streife "
      "erwischte sie auf frischer Tat, sie werden angezeigt.")),
    ("s14c-eco-kurz", "de", "economy",
     ("Der Ölpreis ist am Montag um drei Prozent gestiegen. Händler verwiesen auf die Förderkürzungen der "
      "Opec.")),
    ("s14c-eco-feature", "de", "economy",
     ("Wer in diesen Tagen durch die Mariahilfer Straße geht, sieht viele leere Auslagen. Jedes zehnte "
      "Geschäft steht leer, die Mieten sind für viele Händler nicht mehr zu stemmen, sagt die "
      "Wirtschaftskammer.")),
    ("s14c-eco-pension", "de", "economy",
     ("Die Pensionen steigen im kommenden Jahr um 4,6 Prozent. Pensionistenvertreter hatten mehr gefordert, "
      "Ökonomen warnen vor den Kosten für das Budget.")),
    ("s14c-spo-kurz", "de", "sport",
     ("Rapid hat sich von seinem Trainer getrennt. Der Nachfolger soll noch diese Woche präsentiert werden.")),
    ("s14c-spo-feature", "de", "sport",
     ("Mit 38 Jahren steht sie noch einmal am Start. Die Kärntnerin will bei ihrer letzten Saison auf der "
      "Streif nichts dem Zufall überlassen und trainiert seit Juni in Chile.")),
    ("s14c-web-kurz", "de", "technology",
     ("WhatsApp funktioniert seit dem Vormittag bei vielen Nutzern nicht. Nachrichten werden nicht "
      "zugestellt, der Konzern arbeitet an einer Lösung.")),
    ("s14c-web-feature", "de", "technology",
     ("Sie programmiert seit ihrem zwölften Lebensjahr. Heute führt die Grazerin ein Start-up mit 40 "
      "Beschäftigten, das Software für die Lagerverwaltung entwickelt.")),
    ("s14c-sci-kurz", "de", "science",
     ("Forscher haben in der Antarktis die bisher ältesten Eisproben gewonnen. Sie sollen Auskunft über das "
      "Klima vor 1,2 Millionen Jahren geben.")),
    ("s14c-sci-gesundheit", "de", "science",
     ("Masern breiten sich wieder aus: In Wien wurden heuer bereits 80 Fälle gemeldet. Die Behörden rufen "
      "dazu auf, den Impfstatus zu prüfen.")),
    ("s14c-kul-kurz", "de", "culture",
     ("Der Schauspieler ist im Alter von 84 Jahren gestorben. Er war jahrzehntelang Ensemblemitglied der "
      "Josefstadt.")),
    ("s14c-kul-feature", "de", "culture",
     ("Es beginnt mit einem leeren Raum und einem Klavier. Zwei Stunden später verbeugt sich das Ensemble "
      "vor einem Publikum, das nicht aufhören will zu klatschen.")),
    ("s14c-kul-medien", "de", "culture",
     ("Die Moderatorin verlässt nach zwölf Jahren die Nachrichtensendung. Sie wechselt zu einem privaten "
      "Radiosender.")),
]
