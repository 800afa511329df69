"""French and Italian news texts written for the tests in session 15 (not taken from any publication), BODY
ONLY (no headline), five per coarse section, each the kind of story a daily files under it: politics (home
and foreign news, courts, police, crime, schools), economy (business, markets, jobs, energy prices), culture
(arts, books, the media: TV, press), technology (the web/IT section: apps, video games, telecoms, security,
AI), science (research, health, climate, space), sport.

(id, lang, section, body). All 60 were written before the classifier was run on any of them; the first run's
figure is in the README ("Classification") and test_sections.py keeps the misses no general word fixes as
strict xfails."""
from __future__ import annotations

SECTION_TEXTS_S15_FR = [
    # ------------------------------------------------------------------ politics ---------------------------
    ("s15-fr-pol-assemblee", "fr", "politics",
     ("Le gouvernement a de nouveau engagé sa responsabilité mardi sur le projet de loi de finances. Les "
      "groupes de gauche ont aussitôt déposé une motion de censure, qui sera examinée jeudi dans "
      "l'hémicycle. Il manque une quarantaine de voix pour la faire adopter, selon les calculs des députés "
      "de la majorité. Le Premier ministre a appelé les élus à la responsabilité.")),
    ("s15-fr-pol-municipales", "fr", "politics",
     ("Au soir du premier tour des municipales, le maire sortant arrive en tête avec 38 % des suffrages, "
      "devant la liste d'union de la gauche. Les deux listes écologiste et divers droite, qui ont dépassé la "
      "barre des 10 %, pourront se maintenir au second tour. Les tractations pour d'éventuelles fusions ont "
      "commencé dès dimanche soir. La participation a reculé de cinq points.")),
    ("s15-fr-pol-cambriolages", "fr", "politics",
     ("Trois hommes soupçonnés d'une vingtaine de cambriolages dans des pavillons de l'agglomération ont été "
      "interpellés mercredi par les gendarmes. Des bijoux, des ordinateurs et plusieurs milliers d'euros en "
      "liquide ont été retrouvés lors des perquisitions. Placés en garde à vue, ils devaient être présentés "
      "au parquet vendredi. L'enquête se poursuit pour identifier d'éventuels complices.")),
    ("s15-fr-pol-rentree", "fr", "politics",
     ("À quelques jours de la rentrée, près de trois mille postes d'enseignants restent vacants, selon les "
      "syndicats. Le ministère de l'Éducation nationale assure que chaque classe aura un professeur devant "
      "elle, grâce au recrutement de contractuels. Les parents d'élèves dénoncent des classes surchargées "
      "dans les collèges. Une journée de grève est prévue à la fin du mois.")),
    ("s15-fr-pol-sommet", "fr", "politics",
     ("Les ministres des affaires étrangères des deux pays se sont retrouvés lundi pour une nouvelle série de "
      "négociations sous l'égide des Nations unies. L'objectif est de prolonger le cessez-le-feu, qui expire "
      "à la fin de la semaine. La délégation a posé comme condition le retrait des troupes de la zone "
      "frontalière. Un communiqué commun pourrait être publié mardi.")),
    # ------------------------------------------------------------------ economy ----------------------------
    ("s15-fr-eco-inflation", "fr", "economy",
     ("Les prix à la consommation ont augmenté de 1,8 % sur un an en octobre, selon l'estimation provisoire "
      "de l'Insee. La baisse des prix des carburants a compensé la hausse des loyers et des services. Sur un "
      "mois, l'indice est resté stable. Les économistes s'attendent à un ralentissement de l'inflation "
      "au premier trimestre, ce qui pourrait soutenir le pouvoir d'achat des ménages.")),
    ("s15-fr-eco-resultats", "fr", "economy",
     ("Le groupe a publié jeudi un chiffre d'affaires de 12,4 milliards d'euros pour le troisième trimestre, "
      "en hausse de 6 %, porté par ses ventes en Asie. Le bénéfice net a toutefois reculé en raison de "
      "charges de restructuration. L'action a perdu 4 % à la Bourse de Paris, où le CAC 40 a terminé la "
      "séance en léger repli. La direction a confirmé ses objectifs annuels.")),
    ("s15-fr-eco-chomage", "fr", "economy",
     ("Le taux de chômage est remonté à 7,6 % de la population active au troisième trimestre. Le nombre de "
      "demandeurs d'emploi inscrits a progressé dans l'industrie et la construction, tandis que les services "
      "continuaient d'embaucher. Les entreprises interrogées se disent prudentes pour les mois à venir. Les "
      "syndicats réclament un soutien aux secteurs les plus touchés.")),
    ("s15-fr-eco-lait", "fr", "economy",
     ("Les producteurs de lait et les industriels n'ont toujours pas trouvé d'accord sur le prix payé aux "
      "éleveurs pour l'an prochain. Les négociations commerciales avec la grande distribution doivent "
      "s'achever le 1er mars. Les coopératives estiment que leurs coûts de production ont augmenté de 10 % "
      "en deux ans, en raison de l'alimentation du bétail et de l'énergie.")),
    ("s15-fr-eco-electricite", "fr", "economy",
     ("Les factures d'électricité vont baisser d'environ 15 % au 1er février pour les clients au tarif "
      "réglementé, a annoncé la Commission de régulation de l'énergie. Cette baisse suit le recul des prix "
      "sur le marché de gros. Les fournisseurs alternatifs devraient aligner leurs offres. Les associations "
      "de consommateurs jugent néanmoins les prix encore très supérieurs à ceux d'avant la crise.")),
    # ------------------------------------------------------------------ culture ----------------------------
    ("s15-fr-cul-theatre", "fr", "culture",
     ("Le festival de théâtre s'est ouvert samedi soir dans la cour d'honneur avec une mise en scène de "
      "quatre heures d'une tragédie grecque. Le public a réservé une longue ovation aux comédiens. Cette "
      "année, la programmation compte une quarantaine de spectacles, dont une majorité de créations. La "
      "billetterie affiche déjà complet pour la plupart des représentations.")),
    ("s15-fr-cul-goncourt", "fr", "culture",
     ("Le prix Goncourt a été attribué mardi à une romancière de 41 ans pour son quatrième livre, un récit "
      "familial qui traverse trois générations. Le jury l'a désignée au deuxième tour de scrutin. Son "
      "éditeur a aussitôt annoncé un nouveau tirage de 200 000 exemplaires. Les libraires s'attendent à un "
      "succès pour les ventes de fin d'année.")),
    ("s15-fr-cul-exposition", "fr", "culture",
     ("Le musée consacre à partir de vendredi une grande rétrospective au peintre, réunissant plus de 150 "
      "toiles et dessins prêtés par des collections du monde entier. Le parcours suit son œuvre depuis ses "
      "paysages de jeunesse jusqu'aux grands formats abstraits de la fin de sa vie. Les commissaires "
      "espèrent dépasser les 500 000 visiteurs d'ici à février.")),
    ("s15-fr-cul-audiences", "fr", "culture",
     ("La nouvelle série policière de la chaîne a réuni 5,2 millions de téléspectateurs lundi soir, soit "
      "24 % de part d'audience, devançant largement le film diffusé par sa concurrente. Le deuxième épisode "
      "a conservé l'essentiel du public. La chaîne a déjà commandé une deuxième saison, dont le tournage doit "
      "commencer au printemps.")),
    ("s15-fr-cul-quotidien", "fr", "culture",
     ("La rédaction du quotidien a voté une motion de défiance contre son nouveau directeur, à 78 % des "
      "votants. Les journalistes reprochent à la direction un plan de départs qui supprimerait une trentaine "
      "de postes et craignent pour l'indépendance éditoriale du titre. Le propriétaire du journal a assuré "
      "que la ligne ne changerait pas.")),
    # ------------------------------------------------------------------ technology -------------------------
    ("s15-fr-tech-appli", "fr", "technology",
     ("La dernière mise à jour de l'application de messagerie permet désormais de modifier un message "
      "envoyé pendant quinze minutes. Elle ajoute aussi un mode qui masque le numéro de téléphone dans les "
      "groupes. Les utilisateurs de smartphones anciens devront toutefois installer une version récente du "
      "système d'exploitation pour en profiter.")),
    ("s15-fr-tech-jeu", "fr", "technology",
     ("Le studio a repoussé de six mois la sortie de son jeu vidéo le plus attendu, qui devait arriver sur "
      "consoles et PC en mars. Les développeurs veulent corriger les bugs constatés lors de la version "
      "bêta. Les joueurs qui l'avaient précommandé pourront se faire rembourser. L'annonce a fait chuter "
      "l'action de l'éditeur.")),
    ("s15-fr-tech-reseau", "fr", "technology",
     ("Les opérateurs doivent avoir couvert 98 % de la population en très haut débit mobile d'ici à la fin "
      "de l'année prochaine, rappelle le régulateur des télécoms. Plusieurs milliers d'antennes restent à "
      "installer dans les zones rurales. Les abonnés se plaignent encore de coupures fréquentes du réseau. "
      "La fibre, elle, arrive dans 80 % des foyers.")),
    ("s15-fr-tech-cyber", "fr", "technology",
     ("Un hôpital du sud-ouest est paralysé depuis samedi par une cyberattaque au rançongiciel. Les pirates "
      "ont chiffré les serveurs et réclament une rançon en cryptomonnaie. Les équipes informatiques ont "
      "coupé l'accès à internet et travaillent à restaurer les sauvegardes. L'agence nationale chargée de "
      "la sécurité des systèmes d'information a été saisie.")),
    ("s15-fr-tech-ia", "fr", "technology",
     ("La jeune pousse parisienne a levé 400 millions d'euros pour développer ses modèles d'intelligence "
      "artificielle générative. Son logiciel, capable de rédiger du code et de répondre en plusieurs langues, "
      "est déjà utilisé par des centaines d'entreprises. Ses fondateurs veulent recruter une centaine "
      "d'ingénieurs et construire leur propre centre de calcul.")),
    # ------------------------------------------------------------------ science ----------------------------
    ("s15-fr-sci-recherche", "fr", "science",
     ("Des chercheurs du CNRS ont identifié une protéine qui permet à certaines bactéries de résister aux "
      "antibiotiques, selon une étude publiée mercredi dans la revue Nature. En bloquant cette protéine en "
      "laboratoire, l'équipe a rendu les bactéries de nouveau sensibles au traitement. Les scientifiques "
      "espèrent tester cette piste chez la souris d'ici deux ans.")),
    ("s15-fr-sci-grippe", "fr", "science",
     ("L'épidémie de grippe a atteint son pic cette semaine, selon Santé publique France, avec plus de 900 "
      "passages aux urgences pour mille consultations. Les hôpitaux de plusieurs régions ont déclenché leur "
      "plan blanc. Les médecins appellent les personnes âgées et les soignants à se faire vacciner, alors "
      "que la couverture vaccinale reste inférieure à 50 %.")),
    ("s15-fr-sci-canicule", "fr", "science",
     ("Les températures ont dépassé 40 degrés dans une grande partie du pays mardi, un record pour un mois de "
      "juin. Les climatologues rappellent que ces vagues de chaleur deviennent plus fréquentes et plus "
      "intenses avec le réchauffement climatique. La sécheresse touche déjà les nappes phréatiques, et des "
      "restrictions d'eau ont été décidées dans soixante départements.")),
    ("s15-fr-sci-fusee", "fr", "science",
     ("La fusée a décollé lundi soir de Kourou et placé en orbite deux satellites d'observation de la Terre. "
      "Le lancement, reporté deux fois à cause de la météo, s'est déroulé sans incident. Les satellites "
      "doivent mesurer la hauteur des océans et la fonte des glaces pendant sept ans. L'agence spatiale "
      "prévoit encore quatre tirs cette année.")),
    ("s15-fr-sci-cancer", "fr", "science",
     ("Un nouveau traitement a réduit de moitié le risque de rechute chez des patientes atteintes d'un "
      "cancer du sein, selon les résultats d'un essai clinique mené dans quinze pays. Le médicament, "
      "administré après la chirurgie, a été bien toléré. Les oncologues saluent une avancée, mais attendent "
      "des données sur la survie à plus long terme.")),
    # ------------------------------------------------------------------ sport ------------------------------
    ("s15-fr-spo-ligue", "fr", "sport",
     ("Grâce à un doublé de son attaquant en seconde période, le club s'est imposé 2-1 à l'extérieur "
      "dimanche soir et conforte sa place sur le podium. L'entraîneur a salué la réaction de ses joueurs "
      "après un premier acte raté. Le gardien a sauvé le match en arrêtant un penalty à la 85e minute. "
      "Prochain rendez-vous mercredi, en Coupe d'Europe.")),
    ("s15-fr-spo-tennis", "fr", "sport",
     ("La numéro un mondiale s'est qualifiée pour la finale du tournoi en battant sa compatriote en deux "
      "sets, 6-3, 7-5. Elle a servi onze aces et n'a concédé qu'une balle de break. Elle affrontera samedi "
      "la tenante du titre, qui l'avait battue en demi-finale l'an dernier sur cette même terre battue.")),
    ("s15-fr-spo-velo", "fr", "sport",
     ("Le coureur a remporté en solitaire la 15e étape, au sommet d'un col de première catégorie, après une "
      "attaque à six kilomètres de l'arrivée. Le maillot jaune a terminé dans le même temps que ses "
      "principaux rivaux et conserve une avance de deux minutes au classement général. Le peloton observe "
      "mardi une journée de repos.")),
    ("s15-fr-spo-rugby", "fr", "sport",
     ("Le XV de France a battu l'Irlande 27-20 vendredi soir en ouverture du Tournoi des Six Nations, grâce "
      "à deux essais inscrits en fin de match. Le sélectionneur a salué la défense de ses joueurs, qui ont "
      "tenu malgré l'exclusion temporaire d'un pilier. Les Bleus recevront l'Écosse la semaine prochaine.")),
    ("s15-fr-spo-ski", "fr", "sport",
     ("La skieuse a remporté le slalom géant de Coupe du monde samedi, sa troisième victoire de la saison, "
      "devant une Autrichienne et une Suissesse. Deuxième après la première manche, elle a signé le meilleur "
      "temps sur le second tracé malgré la neige. Elle prend la tête du classement de la discipline avant "
      "les championnats du monde.")),
]

SECTION_TEXTS_S15_IT = [
    # ------------------------------------------------------------------ politics ---------------------------
    ("s15-it-pol-fiducia", "it", "politics",
     ("Il governo ha posto la questione di fiducia sul decreto alla Camera, dove il voto è previsto per "
      "giovedì. Le opposizioni hanno protestato in aula, accusando la maggioranza di impedire il dibattito "
      "sugli emendamenti. Il testo dovrà poi passare al Senato entro la fine del mese, prima della scadenza "
      "del decreto.")),
    ("s15-it-pol-regionali", "it", "politics",
     ("A tre settimane dalle elezioni regionali il centrodestra non ha ancora scelto il proprio candidato "
      "presidente. I partiti della coalizione si sono riuniti lunedì sera senza trovare un accordo. Il "
      "centrosinistra ha invece presentato il suo candidato, un sindaco al secondo mandato, sostenuto anche "
      "dalle liste civiche.")),
    ("s15-it-pol-furti", "it", "politics",
     ("I carabinieri hanno arrestato tre giovani accusati di una serie di furti in appartamento nei comuni "
      "della provincia. Nell'auto dei sospettati sono stati trovati gioielli, computer e attrezzi da scasso. "
      "Secondo la procura, la banda avrebbe colpito almeno quindici volte negli ultimi due mesi. Il giudice "
      "ha convalidato gli arresti.")),
    ("s15-it-pol-scuola", "it", "politics",
     ("All'inizio dell'anno scolastico mancano ancora migliaia di docenti, denunciano i sindacati della "
      "scuola. Il ministero dell'Istruzione assicura che le supplenze saranno assegnate entro fine settembre. "
      "I presidi segnalano classi troppo numerose e una carenza di insegnanti di sostegno. Gli studenti hanno "
      "annunciato una manifestazione per ottobre.")),
    ("s15-it-pol-vertice", "it", "politics",
     ("Al vertice dei capi di Stato e di governo dell'Unione europea la premier ha chiesto una gestione "
      "comune dei flussi migratori e più fondi per i rimpatri. Diversi Paesi del Nord si sono opposti alla "
      "proposta di redistribuzione. Il Consiglio ha rinviato la decisione al prossimo incontro, previsto a "
      "dicembre.")),
    # ------------------------------------------------------------------ economy ----------------------------
    ("s15-it-eco-inflazione", "it", "economy",
     ("L'inflazione è scesa all'1,6% a ottobre, secondo le stime preliminari dell'Istat. A frenare i prezzi "
      "sono stati soprattutto i carburanti e le bollette, mentre i beni alimentari continuano a rincarare. "
      "Il carrello della spesa segna un aumento del 2,8% su base annua. Le associazioni dei consumatori "
      "chiedono interventi sulle tariffe.")),
    ("s15-it-eco-borsa", "it", "economy",
     ("Piazza Affari ha chiuso in rialzo dell'1,2%, trainata dai titoli bancari dopo i conti trimestrali "
      "migliori delle attese. La banca ha registrato un utile netto di 2,3 miliardi di euro e ha annunciato "
      "un nuovo piano di riacquisto di azioni. Lo spread tra Btp e Bund è sceso sotto i 120 punti base.")),
    ("s15-it-eco-lavoro", "it", "economy",
     ("Il tasso di disoccupazione è sceso al 6,1%, il livello più basso da quindici anni. Crescono soprattutto "
      "i contratti a tempo indeterminato, mentre diminuiscono gli inattivi. Resta alta però la disoccupazione "
      "giovanile, al 19%. Le imprese lamentano difficoltà a trovare personale qualificato nei settori tecnici.")),
    ("s15-it-eco-auto", "it", "economy",
     ("Le immatricolazioni di auto nuove sono calate del 9% a settembre rispetto a un anno fa. Il gruppo ha "
      "annunciato la cassa integrazione per duemila dipendenti dello stabilimento fino a dicembre, a causa "
      "della domanda debole. I sindacati dei metalmeccanici chiedono un incontro urgente al ministero delle "
      "Imprese.")),
    ("s15-it-eco-bollette", "it", "economy",
     ("Dal primo gennaio le bollette della luce scenderanno del 12% per le famiglie ancora nel servizio di "
      "tutela, ha comunicato l'Autorità per l'energia. Il calo segue la discesa del prezzo all'ingrosso del "
      "gas. I fornitori del mercato libero dovrebbero adeguare le offerte nelle prossime settimane.")),
    # ------------------------------------------------------------------ culture ----------------------------
    ("s15-it-cul-festival", "it", "culture",
     ("La prima serata del festival della canzone ha incollato davanti al televisore oltre dieci milioni di "
      "spettatori. In gara ci sono trenta cantanti, tra nomi storici della musica leggera e giovani "
      "rapper. Il conduttore ha aperto la serata con un omaggio a un cantautore scomparso. La classifica "
      "provvisoria è stata decisa dalla giuria della sala stampa.")),
    ("s15-it-cul-strega", "it", "culture",
     ("Il Premio Strega è andato a una scrittrice di 52 anni per un romanzo ambientato in un paese del Sud "
      "negli anni Sessanta. Il libro ha ottenuto 187 voti, staccando di poco il secondo classificato. "
      "L'editore ha annunciato una ristampa di centomila copie. La vincitrice ha dedicato il premio alla "
      "madre.")),
    ("s15-it-cul-mostra", "it", "culture",
     ("Apre sabato a Palazzo Reale una grande mostra dedicata al pittore, con oltre ottanta opere tra dipinti "
      "e disegni provenienti da musei di tutto il mondo. Il percorso segue la sua carriera dalle prime nature "
      "morte ai ritratti della maturità. I curatori prevedono più di trecentomila visitatori.")),
    ("s15-it-cul-ascolti", "it", "culture",
     ("La nuova fiction della Rai ha conquistato la prima serata di domenica con 5,4 milioni di spettatori e "
      "il 27% di share. Il talent show della rete concorrente si è fermato al 18%. La serie, tratta da un "
      "romanzo giallo, è già stata confermata per una seconda stagione.")),
    ("s15-it-cul-giornale", "it", "culture",
     ("I giornalisti del quotidiano hanno proclamato due giorni di sciopero contro il piano dell'editore, che "
      "prevede trenta prepensionamenti e la chiusura di due redazioni locali. Il comitato di redazione teme "
      "per la qualità dell'informazione. Il giornale non sarà in edicola né domenica né lunedì, e il sito non "
      "sarà aggiornato.")),
    # ------------------------------------------------------------------ technology -------------------------
    ("s15-it-tech-app", "it", "technology",
     ("L'ultimo aggiornamento dell'app di messaggistica permette di modificare un messaggio inviato entro "
      "quindici minuti e di nascondere il proprio numero nei gruppi. Per usare le nuove funzioni gli utenti "
      "dovranno avere una versione recente del sistema operativo sul loro smartphone.")),
    ("s15-it-tech-videogioco", "it", "technology",
     ("Lo studio ha rinviato di sei mesi l'uscita del suo videogioco più atteso, previsto per console e pc a "
      "marzo. Gli sviluppatori vogliono correggere i bug emersi durante la beta. I giocatori che lo avevano "
      "preordinato potranno chiedere il rimborso.")),
    ("s15-it-tech-operatori", "it", "technology",
     ("Gli operatori di telefonia mobile hanno avviato lo spegnimento delle vecchie reti, per liberare "
      "frequenze destinate ai servizi di nuova generazione. Milioni di clienti con telefoni datati dovranno "
      "cambiare apparecchio o sim. L'Agcom ha chiesto agli operatori di informare gli abbonati con "
      "almeno tre mesi di anticipo. La copertura in fibra ha raggiunto il 60% delle famiglie.")),
    ("s15-it-tech-attacco", "it", "technology",
     ("Un attacco informatico ha bloccato per tre giorni i servizi online della regione. Gli hacker hanno "
      "cifrato i server e chiesto un riscatto in criptovaluta. I tecnici hanno isolato la rete e stanno "
      "ripristinando i dati dai backup. Sul caso indaga la polizia postale, con l'Agenzia per la "
      "cybersicurezza nazionale.")),
    ("s15-it-tech-ia", "it", "technology",
     ("La startup milanese ha raccolto 80 milioni di euro per sviluppare i suoi modelli di intelligenza "
      "artificiale, capaci di analizzare documenti legali in pochi secondi. Il software è già usato da "
      "decine di studi professionali. Con i nuovi fondi l'azienda assumerà cento ingegneri e aprirà una sede "
      "negli Stati Uniti.")),
    # ------------------------------------------------------------------ science ----------------------------
    ("s15-it-sci-ricerca", "it", "science",
     ("Un gruppo di ricercatori dell'università ha scoperto un meccanismo con cui alcune cellule tumorali "
      "sfuggono al sistema immunitario. Lo studio, pubblicato sulla rivista Science, è stato condotto sui "
      "topi. Bloccando una proteina, gli scienziati sono riusciti a rallentare la crescita del tumore. Ora "
      "servono altri anni di sperimentazione.")),
    ("s15-it-sci-influenza", "it", "science",
     ("Il picco dell'influenza è arrivato con due settimane di anticipo e i pronto soccorso sono sotto "
      "pressione, soprattutto negli ospedali delle grandi città. I medici di famiglia segnalano migliaia di "
      "casi al giorno tra bambini e anziani. Il ministero della Salute invita le persone fragili a "
      "vaccinarsi, perché la copertura resta sotto il 50%.")),
    ("s15-it-sci-siccita", "it", "science",
     ("La siccità ha ridotto la portata del fiume ai minimi degli ultimi settant'anni e i ghiacciai alpini "
      "hanno perso un altro metro di spessore in estate. Secondo i climatologi, il cambiamento climatico rende "
      "questi fenomeni più frequenti. Diversi comuni hanno introdotto il razionamento dell'acqua.")),
    ("s15-it-sci-spazio", "it", "science",
     ("L'astronauta è rientrato sulla Terra dopo sei mesi trascorsi sulla Stazione spaziale internazionale, "
      "dove ha condotto una cinquantina di esperimenti scientifici. La capsula è ammarata al largo della "
      "Florida. L'Agenzia spaziale ha annunciato che nel 2027 un'altra missione porterà in orbita un "
      "astronauta italiano.")),
    ("s15-it-sci-farmaco", "it", "science",
     ("Un nuovo farmaco ha dimezzato il rischio di ricaduta nei pazienti con una forma aggressiva di "
      "leucemia, secondo i risultati di una sperimentazione clinica condotta in venti centri. Gli ematologi "
      "parlano di un passo avanti importante, ma avvertono che serviranno dati sulla sopravvivenza a lungo "
      "termine prima dell'approvazione.")),
    # ------------------------------------------------------------------ sport ------------------------------
    ("s15-it-spo-campionato", "it", "sport",
     ("Con una doppietta del centravanti nel secondo tempo, la squadra ha vinto 2-1 in trasferta e resta in "
      "testa alla classifica. L'allenatore ha elogiato la reazione dei suoi dopo un primo tempo opaco. Il "
      "portiere ha parato un rigore all'ultimo minuto. Mercoledì si torna in campo per la Champions League.")),
    ("s15-it-spo-giro", "it", "sport",
     ("Il corridore ha vinto in solitaria la tappa di montagna, staccando tutti sull'ultima salita a otto "
      "chilometri dal traguardo. La maglia rosa è arrivata con i migliori e conserva un vantaggio di un "
      "minuto e mezzo in classifica generale. Domani è in programma la cronometro.")),
    ("s15-it-spo-gp", "it", "sport",
     ("Il pilota ha conquistato la pole position del Gran Premio con un giro record, davanti al compagno di "
      "squadra. Nelle prove libere la monoposto aveva sofferto di problemi ai freni, risolti dai meccanici "
      "nella notte. La gara scatta domenica alle 15, con la pioggia prevista a metà corsa.")),
    ("s15-it-spo-tennis", "it", "sport",
     ("Il numero uno del mondo si è qualificato per la finale del torneo battendo in due set il suo "
      "avversario, 6-4, 7-6. Ha servito dodici ace e ha annullato tutte le palle break. Domenica affronterà "
      "il campione in carica, che lo aveva sconfitto in semifinale lo scorso anno.")),
    ("s15-it-spo-sci", "it", "sport",
     ("La sciatrice ha vinto lo slalom gigante di Coppa del mondo, la sua terza vittoria stagionale, davanti "
      "a un'austriaca e a una svizzera. Seconda dopo la prima manche, ha fatto segnare il miglior tempo nella "
      "seconda nonostante la neve fresca. Ora guida la classifica di specialità.")),
]
