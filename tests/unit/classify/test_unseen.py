"""Articles written for these tests (not taken from the samples): the classifier must label news it has
never seen. One story of each common shape per language: domestic news naming only cities, a summit of
several countries, sport, a country named only in passing, and traps (Georgia the US state, Jordan as a
first name, New Jersey, turkey the bird)."""
from __future__ import annotations

import pytest

from briefgen.classify.pipeline import classify_text

# (id, lang, title, body, countries required, countries allowed besides (named once in a list of several:
# an annotator may or may not label them), first theme (or the first themes accepted)). Any other country fails the test.
ARTICLES = [
    # --- English ---------------------------------------------------------------------------------------
    ("en-domestic", "en", "Rail strike halts trains between Manchester and Leeds",
     ("Commuters in Manchester and Leeds faced a morning without trains on Tuesday as drivers walked out "
     "over pay, the second stoppage this month.\n\n"
     "Services from Liverpool and Birmingham were also cut back, and the operator said it expected "
     "disruption to last into Wednesday. Union leaders said talks with management had broken down.\n\n"
     "Passengers queued for replacement buses outside Piccadilly station, where many said they had "
     "given up on the railway for the week."),
     {"GB"}, set(), None),
    ("en-summit", "en", "G7 leaders pledge support for Ukraine at summit in Canada",
     ("Leaders of the Group of Seven met in Alberta on Monday and pledged to keep supporting Ukraine as "
     "Russian strikes on its cities intensified.\n\n"
     "Canada's prime minister, who hosted the talks, said the seven democracies were united. Japan's "
     "prime minister called for pressure on Moscow, while the leaders of Germany, France, Italy and "
     "Britain backed new sanctions. The United States delegation was more cautious.\n\n"
     "Ukraine's president joined the summit on its second day and asked for air defence systems."),
     {"CA", "UA"}, {"RU", "JP", "DE", "FR", "IT", "GB", "US"}, "diplomacy"),
    ("en-sport", "en", "Spanish teenager wins first Wimbledon title",
     ("The Spanish player beat the defending champion in four sets on Centre Court in London on Sunday "
     "to win his first Wimbledon title.\n\n"
     "He broke serve twice in the final set and closed out the match with an ace, then climbed into the "
     "stands to embrace his coach. The tournament's organisers said a record crowd had attended the "
     "fortnight, and the prize money for the champion rose to nearly three million pounds."),
     {"ES"}, {"GB"}, "sport"),
    ("en-passing", "en", "German factory orders fall for a third month",
     ("Orders at German factories fell for a third month in a row in March, the statistics office said on "
     "Friday, as demand for machinery and cars weakened.\n\n"
     "Economists had expected a small rise. Orders from abroad dropped more sharply than domestic ones, "
     "with weaker demand from China weighing on exporters.\n\n"
     "The economy ministry said the figures showed that industry had not yet turned the corner, and "
     "that lower energy prices would help manufacturers in the second half of the year."),
     {"DE"}, set(), "economy"),
    ("en-traps", "en", "Georgia governor signs voting law as protests grow in Atlanta",
     ("The governor of Georgia signed a bill on Thursday that changes how absentee ballots are counted, "
     "drawing protests outside the state capitol in Atlanta.\n\n"
     "Jordan Ellis, a volunteer who organised the rally, said the law would make voting harder. Officials "
     "in New Jersey and New Mexico said they were watching the case closely.\n\n"
     "The Republican-led legislature passed the bill last week. Democrats said they would challenge it "
     "in court before the Thanksgiving holiday, when families gather around a roast turkey."),
     {"US"}, set(), "politics"),
    ("en-turkey-bird", "en", "Turkey prices soar ahead of Thanksgiving",
     ("Turkey farmers in Minnesota and Iowa say bird flu has cut their flocks by a fifth this year, pushing up "
      "the price of a Thanksgiving roast.\n\n"
      "Grocers in Chicago reported that frozen birds were selling out days earlier than usual. Turkey remains "
      "the centrepiece of the holiday meal for most American families, a trade group said."),
     {"US"}, set(), None),
    # --- French ----------------------------------------------------------------------------------------
    ("fr-domestic", "fr", "Grève à la SNCF : trafic très perturbé entre Lyon et Marseille",
     ("Les usagers du rail ont connu une journée difficile mardi à Lyon et à Marseille, où seul un train "
     "sur trois circulait en raison d'une grève des contrôleurs.\n\n"
     "À Toulouse et à Bordeaux, les gares étaient presque vides. Les syndicats réclament une hausse des "
     "salaires et de meilleures conditions de travail, et menacent de reconduire le mouvement pendant "
     "les vacances.\n\n"
     "La direction affirme avoir fait des propositions et appelle à la reprise du dialogue."),
     {"FR"}, set(), None),
    ("fr-summit", "fr", "Sommet de l'Otan : les alliés promettent d'augmenter leurs dépenses militaires",
     ("Réunis à La Haye, les dirigeants des pays membres de l'Otan se sont engagés mercredi à porter leurs "
     "dépenses de défense à un niveau inédit depuis la guerre froide.\n\n"
     "Le chancelier allemand a salué un tournant, tandis que le président polonais a rappelé que la "
     "Pologne consacrait déjà plus de 4 % de son PIB à son armée. L'Espagne a obtenu une dérogation, au "
     "grand dam des États-Unis.\n\n"
     "Le secrétaire général de l'Alliance a estimé que la menace russe justifiait cet effort."),
     {"PL"}, {"NL", "DE", "ES", "US", "RU"}, ("defence", "diplomacy")),
    ("fr-sport", "fr", "Tour de France : le Slovène s'impose au sommet et conforte son maillot jaune",
     ("Le coureur slovène a remporté jeudi la quatorzième étape du Tour de France, longue de 180 kilomètres, "
     "en lâchant ses rivaux dans la dernière ascension.\n\n"
     "Le Danois, son principal adversaire, a concédé plus d'une minute au sommet. Le meilleur Français du "
     "classement général pointe désormais à la cinquième place, à six minutes du leader.\n\n"
     "Vendredi, le peloton rejoindra Toulouse pour une étape promise aux sprinteurs."),
     {"SI", "FR"}, {"DK"}, "sport"),
    ("fr-passing", "fr", "Retraites : le Conseil fédéral veut relever l'âge de référence",
     ("Le Conseil fédéral a présenté mercredi à Berne un projet de réforme des retraites qui relèverait "
     "progressivement l'âge de référence à 66 ans.\n\n"
     "Selon le gouvernement suisse, l'AVS sera déficitaire dès 2030 sans nouvelles recettes. Les "
     "syndicats ont déjà annoncé un référendum. Le ministre a cité l'exemple de la Suède, où l'âge de "
     "départ suit l'espérance de vie.\n\n"
     "Le Parlement examinera le texte à la session d'automne."),
     {"CH"}, set(), None),
    ("fr-traps", "fr", "Jordan Bardella en meeting à Perpignan avant les municipales",
     ("Le président du Rassemblement national, Jordan Bardella, a tenu samedi un meeting à Perpignan devant "
     "plusieurs milliers de sympathisants.\n\n"
     "Il a promis de faire de la sécurité et du pouvoir d'achat les priorités de ses candidats aux "
     "élections municipales. Le maire de la ville a vanté son bilan.\n\n"
     "Ses adversaires de gauche ont dénoncé un discours de division et appelé à l'union."),
     {"FR"}, set(), "politics"),
    # --- German ----------------------------------------------------------------------------------------
    ("de-domestic", "de", "Bahnstreik legt Fernverkehr in München und Hamburg lahm",
     ("Reisende in München und Hamburg mussten sich am Montag auf massive Einschränkungen einstellen: Die "
     "Lokführergewerkschaft hat zu einem 24-stündigen Streik aufgerufen.\n\n"
     "Auch in Köln, Frankfurt und Leipzig fielen zahlreiche Züge aus. Die Gewerkschaft fordert höhere "
     "Löhne und eine kürzere Arbeitszeit für Schichtarbeiter.\n\n"
     "Der Konzern sprach von einem unverhältnismäßigen Ausstand und kündigte einen Notfahrplan an."),
     {"DE"}, set(), None),
    ("de-summit", "de", "EU-Gipfel ringt um neue Sanktionen gegen Russland",
     ("Die Staats- und Regierungschefs der EU haben in Brüssel bis in die Nacht über ein neues "
     "Sanktionspaket gegen Russland verhandelt.\n\n"
     "Bundeskanzler Merz drängte auf eine rasche Einigung, Frankreichs Präsident Macron forderte mehr "
     "Geld für die Verteidigung. Ungarn und die Slowakei blockierten zunächst, weil sie Nachteile für ihre "
     "Energieversorgung fürchten.\n\n"
     "Polens Regierungschef Tusk warnte, jede Verzögerung nütze allein dem Kreml."),
     {"RU"}, {"DE", "FR", "HU", "SK", "PL"}, None),
    ("de-sport", "de", "Bayern gewinnt Spitzenspiel in Dortmund",
     ("Der FC Bayern hat das Spitzenspiel der Bundesliga bei Borussia Dortmund mit 3:1 gewonnen und die "
     "Tabellenführung ausgebaut.\n\n"
     "Nach einem frühen Rückstand drehten die Münchner die Partie noch vor der Pause. Der Trainer lobte die "
     "Moral seiner Mannschaft, die zuletzt in der Champions League enttäuscht hatte. Vor 81.000 Zuschauern "
     "erzielte der Stürmer in der Schlussphase sein zwanzigstes Saisontor."),
     {"DE"}, set(), "sport"),
    ("de-passing", "de", "Österreich verschärft die Regeln für den Familiennachzug",
     ("Die Regierung in Wien hat am Mittwoch strengere Regeln für den Familiennachzug von Schutzberechtigten "
     "beschlossen.\n\n"
     "Innenminister und Kanzler verteidigten den Schritt mit der Belastung von Schulen und Gemeinden. "
     "Kritiker verwiesen darauf, dass ein ähnliches Gesetz in Dänemark vor Gericht gelandet sei.\n\n"
     "Die Opposition kündigte an, den Verfassungsgerichtshof anzurufen."),
     {"AT"}, set(), "politics"),
    ("de-traps", "de", "Michael Jordan verkauft Anteile an Basketballteam",
     ("Die Basketball-Legende Michael Jordan hat seine restlichen Anteile an den Charlotte Hornets verkauft, "
     "wie das Team am Freitag mitteilte.\n\n"
     "Jordan hatte den Klub 2010 übernommen. Die neuen Eigentümer, eine Investorengruppe aus New Jersey und "
     "Atlanta, wollen die Arena modernisieren. Die Liga muss dem Verkauf noch zustimmen."),
     {"US"}, set(), None),
    # --- Italian ---------------------------------------------------------------------------------------
    ("it-domestic", "it", "Sciopero dei trasporti, disagi a Milano e Napoli",
     ("Giornata difficile per i pendolari di Milano e Napoli, dove metropolitane e autobus si sono fermati "
     "per uno sciopero di ventiquattro ore.\n\n"
     "A Torino e a Bologna hanno circolato solo le corse garantite. I sindacati chiedono il rinnovo del "
     "contratto nazionale e più sicurezza per il personale.\n\n"
     "Il ministro ha convocato le parti per la prossima settimana."),
     {"IT"}, set(), None),
    ("it-summit", "it", "Vertice a Parigi sulla difesa europea",
     ("I leader di Francia, Germania, Regno Unito e Polonia si sono riuniti a Parigi per discutere di una "
     "difesa europea più autonoma dagli Stati Uniti.\n\n"
     "La presidente del Consiglio italiana ha partecipato in collegamento. Al centro dei colloqui il "
     "sostegno all'Ucraina e le garanzie di sicurezza in caso di cessate il fuoco con la Russia."),
     {"FR"}, {"DE", "GB", "PL", "US", "UA", "RU", "IT"}, None),
    ("it-sport", "it", "Il tennista italiano vince a Melbourne e torna numero uno",
     ("Il tennista italiano ha vinto domenica gli Australian Open battendo in finale lo spagnolo in tre set "
     "sul cemento di Melbourne.\n\n"
     "È il terzo titolo del Grande Slam della sua carriera. L'allenatore ha parlato di una prova quasi "
     "perfetta, mentre il presidente della federazione ha annunciato una festa al suo ritorno a casa."),
     {"IT", "AU"}, {"ES"}, "sport"),
    ("it-traps", "it", "Bayern Monaco, nuovo allenatore dopo la sconfitta",
     ("Il Bayern Monaco ha scelto il nuovo allenatore dopo la sconfitta in Champions League contro il "
     "Real Madrid.\n\n"
     "Il tecnico, che ha guidato squadre in Germania e in Inghilterra, firmerà un contratto di due anni. "
     "La società bavarese punta a riconquistare il campionato già in questa stagione."),
     {"DE"}, {"ES", "GB"}, "sport"),
]


@pytest.mark.parametrize(("case", "lang", "title", "body", "required", "allowed", "theme"), ARTICLES,
                         ids=[a[0] for a in ARTICLES])
def test_labels_news_it_has_never_seen(case, lang, title, body, required, allowed, theme):
    got = classify_text(title, None, body, lang, None)
    assert required <= set(got.countries) <= required | allowed, (got.countries, got.explain)
    if theme:   # one first theme, or several where the story is as much one as the other
        assert got.themes[:1] and got.themes[0] in ((theme,) if isinstance(theme, str) else theme), \
            (got.themes, got.explain)
