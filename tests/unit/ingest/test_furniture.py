"""Furniture paragraphs dropped after either path chose the article (briefgen/ingest/furniture.py): one
test per class, each in several languages, and the article sentences that look like them kept."""
from __future__ import annotations

import pytest

from briefgen.ingest.furniture import clean_blocks, kind
from briefgen.model import Block


@pytest.mark.parametrize("text", [
    "Lesen Sie auch: Warum die Kommunen mehr Geld vom Bund fordern",
    "LESEN SIE AUCH",
    "À lire aussi : Le gouvernement présente son budget",
    "A lire aussi - Les agriculteurs bloquent l'autoroute",
    "Leggi anche: Il governo approva la manovra",
    "READ MORE: Woman in her 90s found alive five days after earthquake",
    "Also read | Floods hit the north",
    "► Mehr zum Thema: Die Rente in Zahlen",
    "Baca juga: Banjir melanda Jakarta",
    "Читайте также: Выборы в Москве",
    "Czytaj też: Rząd przyjął budżet",
])
def test_a_link_to_another_article_is_furniture(text):
    assert kind(text) == "related"


@pytest.mark.parametrize("text", [
    "Lesen Sie auch die Erklärung des Ministers, die er am Montag veröffentlichte.",
    "Read more about the rules in the council's report, the mayor said.",
    "Leggi anche tu il rapporto, ha detto il ministro ai giornalisti.",
    "Related charges were dropped in March.",
])
def test_a_sentence_that_opens_like_a_label_stays(text):
    assert kind(text) is None


@pytest.mark.parametrize("text", [
    "Foto: Max Muster/dpa", "Bildrechte: MDR/David Straub", "Image Credits: UiPath", "Photo: AP",
    "Crédit photo : Jean Dupont / AFP", "Foto: ANSA", "© Lukas Coch/dpa", "Fabrizio Bensch/REUTERS",
])
def test_a_credit_standing_alone_is_furniture(text):
    assert kind(text) == "credit"


@pytest.mark.parametrize("text", [
    "Foto: Der Minister spricht im Bundestag über die Zukunft des Landes und über die Rente.",
    "Photographs from the scene show the damage to the roof and the two cars in the street.",
    "Bild und Ton fielen am Abend für eine Stunde aus.",
])
def test_a_sentence_about_photos_stays(text):
    assert kind(text) is None


@pytest.mark.parametrize("text", [
    "Sie mögen den Tag kompakt zusammengefasst? Dann sind Sie beim täglichen Newsletter richtig.",
    "Laden Sie jetzt unsere App herunter und verpassen Sie keine Nachricht.",
    "Unabhängiger Journalismus braucht deine Unterstützung.",
    "Sign up to our daily newsletter and get the news in your inbox.",
    "Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.",
    "Iscriviti alla newsletter: ogni mattina le notizie nella tua casella.",
    "Der BR24 Newsletter",
])
def test_a_promotion_of_the_site_is_furniture(text):
    assert kind(text) == "promo"


@pytest.mark.parametrize("text", [
    "Die App soll im Herbst kommen, sagte sie am Montag in Berlin.",
    "Sie laden die App herunter, um ihre Nachbarn zu warnen.",
    "The council's newsletter had warned residents in May, officials said.",
    "La newsletter du ministère avait annoncé la mesure dès le printemps.",
    "Wunder erwarten kannst du keine, aber eine gute Ernährung kann dein Immunsystem unterstützen.",
])
def test_an_article_sentence_about_apps_or_newsletters_stays(text):
    assert kind(text) is None


def _p(text: str) -> Block:
    return Block("paragraph", text)


PARAS = [_p("Die Regierung hat am Dienstag ein neues Gesetz beschlossen, das im Herbst gelten soll."),
         _p("Der Minister sagte, das Gesetz sei lange vorbereitet worden und komme zur rechten Zeit."),
         _p("Kritiker verweisen auf die hohen Kosten für die Länder und fordern mehr Geld vom Bund.")]


@pytest.mark.parametrize("tail", [
    ["Baufinanzierung: Diese Zinsbindung bietet jetzt stabile Zinsen", "Bauzinsen: Experte warnt vor Fehler",
     "Rente: Was sich im Juli ändert"],
    ["Floods: What we know so far", "Election 2024: The key races to watch", "Opinion: The week in review"],
])
def test_a_list_of_headlines_at_the_end_goes(tail):
    blocks = tuple(PARAS + [_p(t) for t in tail])
    assert clean_blocks(blocks) == tuple(PARAS)


def test_two_subheads_at_the_end_and_a_list_block_stay():
    blocks = tuple(PARAS + [_p("Was jetzt kommt"), _p("Die nächsten Schritte"),
                            Block("list", items=("Erstens", "Zweitens", "Drittens"))])
    assert clean_blocks(blocks) == blocks


def test_furniture_inside_the_text_goes_and_the_text_around_it_stays():
    blocks = (PARAS[0], _p("Lesen Sie auch: Warum die Kommunen mehr Geld fordern"), PARAS[1],
              _p("Foto: Max Muster/dpa"), PARAS[2])
    assert clean_blocks(blocks) == tuple(PARAS)


def test_nothing_goes_when_half_the_text_would():
    blocks = (_p("Lesen Sie auch: Warum die Kommunen mehr Geld vom Bund fordern und was die Länder sagen"),
              _p("Kurz gesagt."))
    assert clean_blocks(blocks) == blocks


@pytest.mark.parametrize("text,want", [
    ("Click here to read the unsealed search warrant.", "promo"),
    ("Log in or create an account to continue", "promo"),
    ("Mehr über die Füchse lesen Sie hier.", "promo"),
    ("Klicken Sie hier, um das Urteil zu lesen.", "promo"),
    ("Cliquez ici pour lire le jugement.", "promo"),
    ("Reporting by Jane Doe; Editing by John Roe", "contributors"),
    ("– additional reporting by Donald Matthys", "contributors"),
    ("Associated Press writer John Leicester in Paris contributed to this report.", "contributors"),
    ("Mitarbeit: Anna Beispiel", "contributors"),
    ("Traduction : Marie Dupont", "contributors"),
    ("Redaktion und Verlag haben am Montag beschlossen, die Zeitung einzustellen.", None),
    ("Dieser Artikel ist zuerst bei Capital erschienen.", "disclaimer"),
    ("This article first appeared on The Conversation.", "disclaimer"),
    ("Cet article a été publié initialement dans Le Temps.", "disclaimer"),
    ("Gastbeiträge geben nicht die Meinung der Redaktion wieder.", "disclaimer"),
    ("An dieser Stelle finden Sie einen externen Inhalt, der den Artikel ergänzt.", "embed"),
    ("We apologize, but this video has failed to load.", "embed"),
    ("Contenuto esterno: per vederlo accetta i cookie.", "embed"),
    ("The police said the suspect had logged in to the account before midnight.", None),
    # a call's phrase after a subject or an auxiliary is a statement's verb; after a question or "Please" a call
    ("Attendance is taken by whether students turn in their work, not by whether they log in on the day.", None),
    ("Sono stati registrati 300 nuovi casi in Lombardia.", None),
    ("Already subscribed? Log in", "promo"),
    ("Please sign in to comment.", "promo"),
    ("Non hai un account? Registrati in 1 minuto", "promo"),
    # a blog's filing line and the rules for readers' comments
    ("This entry was posted in Fruit and tagged plums, wasps by Ellen. Bookmark the permalink.", "disclaimer"),
    ("Comments are moderated, so yours may take a little while to appear.", "disclaimer"),
    ("Bitte achten Sie darauf, dass Ihre Kommentare sachlich bleiben. Es gilt unsere Netiquette.", "disclaimer"),
    ("Příspěvky vyjadřují názory čtenářů, ne redakce. Vulgární a urážlivé příspěvky mažeme.", "disclaimer"),
    ("The video was posted in March and has been watched two million times.", None),
    ("The forum's comments were moderated by volunteers until the site closed.", None),
])
def test_calls_to_action_contributors_notes_and_embeds(text, want):
    assert kind(text) == want


@pytest.mark.parametrize("text,want", [
    ("3/50", "counter"), ("3/4 der Befragten sagten, sie läsen keine Zeitung.", None),
    ("3/50 Feuerwehrleute löschen am Abend den Brand in der Altstadt.", "counter"),
    ("Bild 3 von 12: Die Altstadt am Morgen danach", "counter"),
    ("Photo 3 of 12 The old town the morning after", "counter"),
    ("Foto 3 di 12 Il centro storico la mattina dopo", "counter"),
    ("Image 3 sur 12 : la vieille ville au lendemain", "counter"),
    ("3 von 12 Befragten gaben an, nie Zeitung zu lesen.", None),
    ("Share on Facebook", "share"), ("Artikel teilen per WhatsApp", "share"), ("12 Kommentare lesen", "share"),
    ("Partager sur Facebook", "share"), ("Condividi su Facebook", "share"),
    ("Mehr Geld für die Pflege", None), ("What happens next", None), ("Home Office bleibt", None),
])
def test_gallery_counters_and_share_rows(text, want):
    assert kind(text) == want


@pytest.mark.parametrize("bio", [
    "Jane Example is a correspondent for the Daily Sample. She covers courts and crime.",
    "Korrespondent Max Muster ist bei der Beispiel-Zeitung für landespolitische Themen zuständig.",
    "Anna Beispiel ist Redakteurin im Ressort Wirtschaft.",
    "Marie Exemple est journaliste au service politique depuis 2015.",
    "Giulia Esempio è giornalista e scrive di politica estera.",
])
def test_an_authors_note_below_the_piece_goes(bio):
    blocks = tuple(PARAS + [_p(bio)])
    assert clean_blocks(blocks) == tuple(PARAS)


@pytest.mark.parametrize("last", [
    "Der Minister ist ein ehemaliger Journalist und kennt die Branche gut.",
    "The minister is a former reporter who knows the trade well.",
    "Gershkovich, a reporter for the newspaper, was released in August after more than a year.",
    "Le ministre est un ancien journaliste, rappelle son entourage.",
])
def test_a_last_paragraph_about_a_journalist_stays(last):
    blocks = tuple(PARAS + [_p(last)])
    assert clean_blocks(blocks) == blocks


GERSHKOVICH = "Evan Gershkovich is a reporter who was held in a Moscow prison for 491 days before his release."


def test_a_last_paragraph_on_a_person_the_story_names_stays():
    # the rule's known false positive (session 6): a real last paragraph of the "<Name> is a reporter who"
    # form, about a person the piece is about and names before
    story = _p("Gershkovich, 33, landed at a military base near Washington late on Thursday, the newspaper said.")
    blocks = tuple(PARAS + [story, _p(GERSHKOVICH)])
    assert clean_blocks(blocks) == blocks


def test_an_authors_note_goes_with_its_heading_which_names_her():
    """'About Helen Carr' over the note names her as the piece does not: the heading is no part of the text the
    note is checked against, and it goes with the note (step gaps brings such a heading back since session 15)."""
    from briefgen.model import Block

    note = _p("Helen Carr is Coastline's features editor. She grew up on a farm and has written about the coast.")
    blocks = tuple(PARAS + [Block("heading", "About Helen Carr"), note])
    assert clean_blocks(blocks) == tuple(PARAS)


def test_an_authors_note_whose_name_the_piece_does_not_use_goes():
    blocks = tuple(PARAS + [_p(GERSHKOVICH)])
    assert clean_blocks(blocks) == tuple(PARAS)


def test_an_authors_note_is_read_only_at_the_end():
    blocks = (PARAS[0], _p("Jane Example is a correspondent for the Daily Sample."), PARAS[1], PARAS[2])
    assert clean_blocks(blocks) == blocks


@pytest.mark.parametrize("text,want", [
    # calls to comment or to call the newsroom, set after a piece
    ("Have your say: should the bypass be built? Post your views below.", "promo"),
    ("Were you affected by the power cut? Email the newsdesk at news@example.org.", "promo"),
    ("What do you think of the plans? Let us know in the comments.", "promo"),
    ("Laissez un commentaire sous cet article.", "promo"),
    # the author's own sign-off in the first person stays with the piece
    ("I'd love to know how your loaf came out, so leave a comment below!", None),
    ("Ich freue mich über eure Rezepte: hinterlasst mir einen Kommentar, lasst eure Meinung da.", None),
    # a promotion that opens with a command needs no pronoun
    ("Sign up to the Morning Brief", "promo"),
    ("Subscribe to our weekly newsletter for the best of the week's stories.", "promo"),
    ("Подписывайтесь на наш канал в Telegram, чтобы не пропустить главное.", "promo"),
    ("Siga-nos no Facebook e receba a newsletter diária.", "promo"),
    ("Subscribers to the newsletter rose by a third last year, the company said.", None),
    ("Downloads of the council's app doubled after the floods, officials said.", None),
    # affiliate disclosures: the publisher's own commission, in the first person plural
    ("Some links in this guide are to shops; we may earn a commission if you buy, at no cost to you.", "disclaimer"),
    ("Kaufen Sie über einen dieser Links, erhalten wir eine Provision vom Händler.", "disclaimer"),
    ("Estate agents earn a commission of about 1.5 per cent on each sale, the report found.", None),
    # an embedded post shown as text, and an old video player's notice
    ("What a night at the ground. Unbelievable scenes pic.twitter.com/abc123", "embed"),
    ("A post shared by Harbour Bakery (@harbourbakery) on Mar 3, 2018 at 7:12am PST", "embed"),
    ("To watch this clip you need the latest version of Adobe Flash Player.", "embed"),
    ("Adobe said it would stop updating Flash Player at the end of 2020.", None),
])
def test_comment_calls_commands_disclosures_and_embedded_posts(text, want):
    assert kind(text) == want


def test_a_columnists_note_below_the_column_goes():
    note = _p("Ruth Example is a retired magistrate and sits on the parish council. Her column appears monthly.")
    blocks = tuple(PARAS + [note])
    assert clean_blocks(blocks) == tuple(PARAS)
# The languages of the held-out mix without a lexicon (pt, es, ru, cs, id) and pl: the same classes at the
# other languages' depth (session 12; written from general knowledge of the languages, data/furniture.toml).
@pytest.mark.parametrize("text,want", [
    ("Leia ainda: Prefeitura anuncia novas obras no centro", "related"),
    ("Notícias relacionadas", "related"),
    ("Смотрите также: Новый мост открыли в Казани", "related"),
    ("Související články", "related"),
    ("Berita terkait: Banjir melanda Bekasi", "related"),
    ("Przeczytaj też: Rząd przyjął budżet", "related"),
    ("Foto: Divulgação", "credit"),
    ("Ilustrační foto: Jan Novák", "credit"),
    ("Imagem: Reprodução/Instagram", "credit"),
    ("Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать новости города.", "promo"),
    ("Sledujte nás na Facebooku a dozvíte se vše jako první.", "promo"),
    ("Ikuti kami di Instagram untuk berita terbaru.", "promo"),
    ("Baixe o aplicativo e receba as notícias no seu celular.", "promo"),
    ("Síguenos en Twitter y Facebook.", "promo"),
    ("Clique aqui e assine já.", "promo"),
    ("Подпишитесь на нашу рассылку, и мы пришлём вам главные новости недели.", "promo"),
    ("Diskuse je moderována. Příspěvky s vulgaritami mažeme.", "disclaimer"),
    ("Os comentários são de responsabilidade de seus autores e não representam a opinião do site.", "disclaimer"),
    ("Мнение автора может не совпадать с мнением редакции.", "disclaimer"),
    ("Este artículo fue publicado originalmente en El País.", "disclaimer"),
    ("Para ver este vídeo necesitas activar JavaScript.", "embed"),
    ("Seu navegador não suporta a reprodução de vídeos.", "embed"),
    ("Ваш браузер не поддерживает воспроизведение видео.", "embed"),
    ("Váš prohlížeč nepodporuje přehrávání videa.", "embed"),
    # article sentences with the same words stay
    ("O governo disse que a assinatura do acordo será na próxima semana.", None),
    ("Pan Novák řekl, že aplikaci vláda spustí v březnu.", None),
    ("Приложение для записи к врачу заработает в марте, сообщили в мэрии.", None),
    ("Polisi mengatakan aplikasi itu diunduh oleh ribuan warga.", None),
    ("Связанные с этим расходы выросли на треть, сообщил министр.", None),
    ("La policía difundió el vídeo el lunes para pedir ayuda a los vecinos.", None),
])
def test_furniture_in_the_languages_without_a_lexicon(text, want):
    assert kind(text) == want
