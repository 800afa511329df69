from __future__ import annotations

from briefgen.ingest.clean import clean_dump, is_prose, is_sentence, tag, tidy
from briefgen.ingest.linemodel import _kadane, model

P1 = ("Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la "
      "sécheresse, qui dure depuis plusieurs mois dans le sud du pays.")
P2 = ("Les syndicats agricoles ont salué ces annonces, tout en estimant qu'elles arrivent trop tard pour "
      "de nombreuses exploitations déjà en grande difficulté financière.")
P3 = ("Le ministre doit se rendre jeudi dans la région pour rencontrer les éleveurs et les élus locaux, "
      "a précisé son entourage à la presse.")
P4 = ("Selon les chiffres du ministère, près de deux mille exploitations ont déjà demandé une aide depuis "
      "le début de l'année, soit trois fois plus que l'an dernier à la même période.")
P5 = ("Les premières aides devraient être versées avant la fin du mois, et un fonds d'urgence sera ouvert "
      "aux éleveurs dont les pertes dépassent un tiers de leur production habituelle.")
MENU = "\n".join(["Accueil", "Politique", "Economie", "Sport", "Culture", "Météo", "Se connecter"])
# A page as a browser copies it: menus and the article's header above, teasers and the footer below.
HEAD = (f"{MENU}\n\nSécheresse\nLe gouvernement débloque une aide d'urgence pour les agriculteurs\n\n"
        "Par Jean Dupont\nPublié le 12 mars 2024 à 10h15\n\n")
FOOT = (f"\n\nPartager\nÀ la une\nLes incendies reprennent dans le sud\nLa Bourse recule en clôture\n{MENU}\n"
        "Mentions légales\nContact\n© Le Journal 2024")


def page(*parts: str) -> str:
    return HEAD + "\n\n".join(parts) + FOOT


def texts(cleaned):
    return [b.text for b in cleaned.blocks]


def test_can_find_the_article_between_menus_and_footer():
    assert texts(clean_dump(page(P1, P2, P3, P4, P5))) == [P1, P2, P3, P4, P5]


def test_drops_a_teaser_block_and_continues_after_it():
    got = clean_dump(page(P1, P2, "A lire aussi\nLa sécheresse menace les récoltes\nUn été sans pluie", P3, P4, P5))
    assert texts(got) == [P1, P2, P3, P4, P5]


def test_drops_headline_runs_without_a_marker():
    got = clean_dump(page(P1, P2, "La sécheresse menace les récoltes\nUn été historique sans pluie en vue", P3, P4, P5))
    assert texts(got) == [P1, P2, P3, P4, P5]


def test_keeps_a_single_short_line_before_text_as_a_subhead():
    blocks = clean_dump(page(P1, P2, "Des aides jugées insuffisantes", P3, P4, P5)).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", P1), ("paragraph", P2), ("heading", "Des aides jugées insuffisantes"), ("paragraph", P3),
        ("paragraph", P4), ("paragraph", P5)]


def test_a_short_widget_label_shown_twice_is_no_subhead_but_a_long_repeated_heading_is():
    label = "Ajouter à vos sélections"          # shown in the header and again inside the body
    blocks = clean_dump(HEAD.replace("\n\nPar Jean", f"\n{label}\n\nPar Jean") +
                        "\n\n".join([P1, P2, label, P3, P4, P5]) + FOOT).blocks
    assert label not in [b.text for b in blocks] and [b.text for b in blocks if b.kind == "paragraph"] == \
        [P1, P2, P3, P4, P5]
    heading = "Les éleveurs du sud attendent toujours les premières aides de l'État"   # a live blog's
    blocks = clean_dump(HEAD.replace("\n\nPar Jean", f"\n{heading}\n\nPar Jean") +
                        "\n\n".join([P1, P2, heading, P3, P4, P5]) + FOOT).blocks
    assert ("heading", heading) in [(b.kind, b.text) for b in blocks]


def test_cuts_at_an_end_of_article_marker():
    got = clean_dump(page(P1, P2, P3, P4, P5, "Articles les plus lus\nSécheresse : les nappes au plus bas\n"
                          "Le prix du blé s'envole\nUn village privé d'eau potable"))
    assert texts(got) == [P1, P2, P3, P4, P5]


def test_removes_captions_and_credits_from_the_body():
    from briefgen.ingest.meta import find_image

    caption = "Le ministre de l'Agriculture lors de sa visite dans une exploitation du Gers, mardi."
    cleaned = clean_dump(page(P1, f"{caption}\nPhoto: Keystone", P2, P3, P4, P5))
    assert texts(cleaned) == [P1, P2, P3, P4, P5]
    assert find_image(cleaned) == (caption, "Keystone")


def test_drops_share_buttons_and_cookie_prompts():
    got = clean_dump(page(P1, "Auf Facebook teilen Facebook\nPer WhatsApp teilen WhatsApp\n"
                          "Nous utilisons des cookies pour améliorer votre expérience.", P2, P3, P4, P5))
    assert texts(got) == [P1, P2, P3, P4, P5]


def test_keeps_lists():
    kinds = [b.kind for b in clean_dump(page(P1, P2, "• premier point important\n• second point important",
                                             P3, P4, P5)).blocks]
    assert kinds == ["paragraph", "paragraph", "list", "paragraph", "paragraph", "paragraph"]


def test_can_tell_sentences_from_headlines():
    assert is_sentence(P1, len(P1.split()))
    assert not is_sentence("La sécheresse menace les récoltes", 5)
    assert not is_sentence("Qui va payer la facture ?", 5)


def test_a_menu_flattened_into_one_line_is_not_prose():
    assert not is_prose("World Business EU Policy Green Next Health Travel Culture Video Live Programmes Newsletters")
    assert is_prose(P2)


def test_tidy_normalises_unicode_and_keeps_typographic_quotes():
    assert tidy("Cafe\u0301  «déjà»\u00a0vu") == "Café «déjà» vu"


def test_a_page_of_links_has_no_article():
    assert model().article_lines(tag(MENU + "\n" + MENU)) == []


def test_the_region_is_the_run_with_the_highest_sum():
    assert _kadane([-1, 3, -1, 4, -9, 2]) == (1, 4)
    assert _kadane([-1, -2]) == (0, 0)

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefgen.errors import IngestError
from briefgen.ingest.pipeline import ingest_raw
from briefgen.model import RawArticle

LINES = st.one_of(st.sampled_from([P1, P2, P3, "A lire aussi", "Photo: AFP", "date 2026-01-16", "DE", "",
                                   "Publié il y a 3 heures", "31.02.2024", "Meistgelesen", "• point"]),
                  st.text(max_size=80))


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=40))
# rejoin() glues a line that opens with punctuation to the line above without a space (", opens new tab"):
# the kept text is the input's characters in order, so it is compared with all whitespace removed
@example(["• point", ";0", P1])
def test_never_crashes_and_only_keeps_input_text(lines):
    text = "\n".join(lines)
    cleaned = clean_dump(text)
    source = "".join(tidy(text).split())
    for block in cleaned.blocks:
        for part in (block.items if block.kind == "list" else (block.text,)):
            assert "".join(part.split())[:20] in source
    try:
        ingest_raw(RawArticle(path=__import__("pathlib").Path("x.txt"), name="x.txt", kind="dump", text=text,
                              sha256="0"))
    except IngestError:
        pass   # a clear error is fine; anything else is a bug


def test_rejoins_a_paragraph_that_a_link_broke_over_lines():
    from briefgen.ingest.clean import rejoin

    text = ("Reporters were hit, according to a report published on Thursday.\nThe report\n, opens new tab\n"
            " by the Netherlands Organisation for Applied Scientific Research (TNO) - which was contracted\n"
            "to analyse the evidence - found the shots came from a tank.")
    got = rejoin(text).split("\n")
    assert got[0] == "Reporters were hit, according to a report published on Thursday."
    assert got[1].startswith("The report, opens new tab by the Netherlands") and got[1].endswith("from a tank.")


def test_does_not_join_a_byline_or_a_menu_to_the_headline():
    from briefgen.ingest.clean import rejoin

    text = "Meloni da Trump a Mar-a-Lago: «Bella serata»\ndi Viviana Mazza\nSport\nesteri\nvor 3 Stunden"
    assert rejoin(text) == text


def test_rejoins_a_link_inside_brackets_but_not_a_quote_opening_a_paragraph():
    from briefgen.ingest.clean import rejoin

    assert rejoin("Die Zahlen (Quelle:\nStatistisches Bundesamt) sind neu.") == \
        "Die Zahlen (Quelle: Statistisches Bundesamt) sind neu."
    text = "Der Minister sprach von einem Erfolg\n»Wir haben viel erreicht«, sagte er am Abend."
    assert rejoin(text) == text


def test_a_widget_label_repeated_between_every_paragraph_does_not_cut_the_article():
    # a site that prints the same short label between all its paragraphs ("Article content")
    got = clean_dump(page(*(f"Contenu de l'article\n\n{p}" for p in (P1, P2, P3, P4, P5))))
    assert texts(got) == [P1, P2, P3, P4, P5]


def test_short_lines_repeated_three_times_are_left_out_of_the_model_and_never_kept():
    from briefgen.ingest.clean import prepare
    from briefgen.ingest.linemodel import FILLER_LOGIT

    lines = prepare(page(*(f"Contenu de l'article\n\n{p}" for p in (P1, P2, P3, P4, P5))))
    keep, logits = model().decode(lines)
    labels = [ln.i for ln in lines if ln.text == "Contenu de l'article"]
    assert len(labels) == 5 and not set(labels) & set(keep)
    assert all(logits[i] == FILLER_LOGIT for i in labels)
    idx, _ = model().page_logits(lines)
    assert not set(labels) & set(idx)


def test_one_slash_in_a_paragraph_is_not_a_menu_separator():
    from briefgen.ingest.linemodel import LOCAL, shape

    at = LOCAL.index("separators")
    assert shape("Accueil | Politique | Economie | Sport")[1][at] == 1.0
    assert 0 < shape(P1.replace("mardi", "mardi / mercredi"))[1][at] < 0.2
    assert shape(P1)[1][at] == 0.0


def _decode_with(monkeypatch, texts: list[str], first: list[float], second: list[float]) -> list[str]:
    """The shipped model's decoding of a page of one-line paragraphs, given both stages' log-odds."""
    from briefgen.ingest.clean import prepare

    lines = prepare("\n\n".join(texts))
    m = model()
    idx = [ln.i for ln in lines if ln.kind != "blank"]
    assert len(idx) == len(texts)
    monkeypatch.setattr(m, "_stages", lambda _lines: (idx, first, second))
    keep, _ = m.decode(lines)
    return [lines[i].text for i in keep]


def test_the_opening_above_a_rejected_block_joins_the_article_by_the_first_stage(monkeypatch):
    # two opening paragraphs, twelve slides the model rejects, five more paragraphs: the second stage
    # doubts the opening (only rejected lines below it), the first stage does not
    slides = [f"Slide {k} of 12 shows the harbour at dawn" for k in range(1, 13)]
    texts = [P1, P2] + slides + [P3, P4, P5, P1 + " " + P2, P3 + " " + P4]
    first = [3.0, 3.0] + [-6.0] * 12 + [3.0] * 5
    second = [-1.0, -1.0] + [-6.0] * 12 + [3.0] * 5
    assert _decode_with(monkeypatch, texts, first, second) == [P1, P2] + texts[14:]
    # not across an end marker ("Most read" closes an article), nor for a first stage that is unsure (a
    # block without slide counters: across a gallery's counters the gallery step joins doubted lines, below)
    marked = [P1, P2, "Most read"] + slides[1:] + texts[14:]
    assert _decode_with(monkeypatch, marked, first, second) == texts[14:]
    boxes = [P1, P2] + [f"The harbour at dawn, as seen from the pier {k}" for k in range(1, 13)] + texts[14:]
    assert _decode_with(monkeypatch, boxes, [0.2, 0.2] + first[2:], second) == texts[14:]


def test_a_comment_reached_past_an_end_marker_is_cut_but_not_an_article_past_a_box(monkeypatch):
    comment = "I have been saying this for years, and nobody in charge ever listens to the people who live there."
    texts = [P1, P2, P3, P4, P5, "8 Comments", comment]
    scores = [3.0] * 5 + [-6.0, 0.5]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, P5]
    # a "Most read" box inside the article with much of the article after it is passed over
    texts = [P1, P2, "Most read", P3, P4, P5]
    scores = [3.0, 3.0, -6.0, 3.0, 3.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, P5]


def test_a_short_unsure_line_between_kept_paragraphs_is_a_subhead_but_not_a_button(monkeypatch):
    texts = [P1, P2, "Landesregierung unter Druck", P3, P4, "Click here to get the app", P5, "Foto", P1 + " " + P2]
    scores = [3.0, 3.0, -0.66, 3.0, 3.0, -0.66, 3.0, -3.0, 3.0]
    got = _decode_with(monkeypatch, texts, scores, scores)
    assert got == [P1, P2, "Landesregierung unter Druck", P3, P4, P5, P1 + " " + P2]
    # a line the model rejects (below SUBHEAD_KEEP), a sentence, or one not between kept lines stays out
    texts = [P1, "Ein Satz, der endet.", P2, "Unsicherer Zwischentitel", "Noch einer davor", P3]
    scores = [3.0, -0.66, 3.0, -0.66, -0.66, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3]


def test_unsure_paragraphs_cut_off_below_the_article_are_comments_but_its_own_last_lines_stay(monkeypatch):
    # a thread below the article: name and date lines the model rejects, each comment a paragraph it
    # only half believes; the region reaches over them (each adds a little), the tail cut takes them off
    c1 = "Même chose chez nous la semaine dernière, les aides aux agriculteurs arrivent toujours trop tard."
    c2 = "Le ministre ferait mieux de venir voir les exploitations touchées par la sécheresse dans le sud."
    texts = [P1, P2, P3, P4, "Dave from Leeds", "18 August 2009, 7:40", c1, "Sue", "18 August 2009, 12:03", c2]
    scores = [4.0, 4.5, 4.0, 1.2, -3.0, -5.0, 1.0, -3.0, -5.0, 0.8]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4]
    # a page the model is unsure of throughout: the bar follows its kept lines (median less TAIL_DROP)
    weak = [0.6, 0.4, 0.5, 0.2, -3.0, -5.0, 0.3, -3.0, -5.0, 0.3]
    assert _decode_with(monkeypatch, texts, weak, weak) == [P1, P2, P3, P4, c1, c2]


def test_a_doubted_short_line_does_not_end_the_article(monkeypatch):
    texts = [P1, P2, P3, "« Back to news"]
    assert _decode_with(monkeypatch, texts, [3.0, 3.0, 3.0, 0.1], [3.0, 3.0, 3.0, 0.1]) == [P1, P2, P3]
    # a short line the model is sure of, or one that ends like a sentence, stays
    assert _decode_with(monkeypatch, texts, [3.0, 3.0, 3.0, 1.5], [3.0, 3.0, 3.0, 1.5]) == texts
    texts = [P1, P2, P3, "That is all."]
    assert _decode_with(monkeypatch, texts, [3.0, 3.0, 3.0, 0.1], [3.0, 3.0, 3.0, 0.1]) == texts


def test_a_small_block_far_below_the_article_is_not_part_of_it(monkeypatch):
    # the run reaches over a footer's thirteen menu lines to a short legal paragraph the model believes
    menu = [f"Footer link {k}" for k in range(13)]
    legal = "The information on this website is provided for general information only and may change."
    texts = [P1, P2, P3, P4, P5] + menu + [legal]
    scores = [3.0] * 5 + [-3.0] * 13 + [3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, P5]
    # with fewer lines between, or more text below, it stays (a gallery or a box inside an article)
    texts = [P1, P2, P3, P4, P5] + menu[:11] + [legal]
    assert _decode_with(monkeypatch, texts, scores[:16] + [3.0], scores[:16] + [3.0])[-1] == legal


def test_a_last_paragraph_below_a_box_inside_the_article_is_not_taken_for_a_comment(monkeypatch):
    # a newsletter sign-up set between the article's last two paragraphs: no stamp (date, time, count) in
    # it, as a comment's header has, so the paragraph below it is the article's end and stays
    box = ["skip past newsletter promotion", "Free weekly newsletter", "Sign up", "after newsletter promotion"]
    last = ("Les syndicats agricoles estiment que les aides du gouvernement ne suffiront pas aux "
            "exploitations touchées par la sécheresse, et demandent au ministre un fonds d'urgence.")
    texts = [P1, P2, P3, P4, *box, last]
    scores = [4.0, 4.5, 4.0, 1.2, -3.0, -3.0, -3.0, -3.0, 1.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, last]


def test_teaser_cards_below_the_article_are_cut_but_not_a_subhead_over_its_last_paragraph(monkeypatch):
    # a box of other stories below the article: a heading, then each story's headline (dropped) over its
    # summary sentence (half believed), with no date or count in the box to read as a comment's stamp;
    # readers' comments below it (so the hand rules' card list, which wants the cards to close the text,
    # does not see them)
    s1 = ("Les producteurs de lait de la vallée ont vendu leur récolte de foin à un prix record cette semaine, "
          "selon la chambre d'agriculture.")
    s2 = ("La fête de la transhumance aura lieu dimanche au col, avec un marché de producteurs et des "
          "animations pour les enfants.")
    texts = [P1, P2, P3, P4, "Autres actualités", "Foin: les producteurs de lait vendent à prix record", s1,
             "Transhumance: la fête aura lieu dimanche au col", s2, "Marcel", "12 mars 2013",
             "Enfin une bonne nouvelle pour les éleveurs de la vallée, il était temps que cela bouge."]
    scores = [4.0, 4.5, 4.0, 3.0, -4.0, -3.0, 0.4, -1.6, -0.4, -5.0, -8.0, -1.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4]
    # one subhead over the article's last paragraph, dropped by the model, is no box of cards: it stays
    last = ("Les aides arrivent trop tard pour de nombreuses exploitations, selon les syndicats, qui demandent "
            "un fonds d'urgence plus large et plus rapide.")
    texts = [P1, P2, P3, P4, "Photo: AFP", "Des aides trop tardives pour les exploitations", last]
    scores = [4.0, 4.5, 4.0, 3.0, -4.0, -1.2, -0.4]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, last]


COOKIE = ("We use cookies to give you the best possible experience on our website. By continuing to browse this "
          "site you agree to the use of cookies as described in our cookie policy.")
WEATHER = "Dunmore today: light showers, clearing later in the afternoon, with a fresh westerly wind."


def test_kept_text_above_the_article_that_uses_none_of_its_words_is_not_part_of_it(monkeypatch):
    # a cookie notice and a sidebar's weather box the model believes, set apart by lines it drops
    texts = [COOKIE, "Accept all", "Accueil", WEATHER, "Politique", "Sécheresse: des aides pour les agriculteurs",
             "Publié le 3 mars", P1, P2, P3, P4, P5]
    scores = [3.0, -3.0, -6.0, 2.0, -6.0, 0.5, -5.0, 3.0, 3.0, 3.0, 3.0, 3.0]
    got = _decode_with(monkeypatch, texts, scores, scores)
    # the headline, kept on its own above the dropped date line, goes too: the title is read above the text
    assert got == [P1, P2, P3, P4, P5]
    # a standfirst set apart by a photo credit uses the article's words: it stays
    dek = "Le gouvernement promet des aides aux agriculteurs et aux éleveurs touchés par la sécheresse."
    texts = [COOKIE, "Accueil", dek, "Photo: AFP", P1, P2, P3, P4, P5]
    scores = [3.0, -6.0, 2.0, -5.0, 3.0, 3.0, 3.0, 3.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [dek, P1, P2, P3, P4, P5]


def test_a_pull_quote_repeating_a_sentence_of_the_text_goes_but_not_a_subhead(monkeypatch):
    quote = "Les aides arrivent trop tard pour de nombreuses exploitations."
    said = ("« Les aides arrivent trop tard pour de nombreuses exploitations », a déclaré le président du "
            "syndicat, qui demande un fonds d'urgence plus large.")
    texts = [P1, P2, quote, said, P3]
    scores = [3.0, 3.0, 2.0, 3.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, said, P3]
    # a subhead (no sentence mark) made of the paragraph's words stays
    head = "Les aides arrivent trop tard pour de nombreuses exploitations"
    texts = [P1, P2, head, said, P3]
    assert _decode_with(monkeypatch, texts, scores, scores) == texts


def test_a_comment_thread_longer_than_the_article_is_cut_below_it(monkeypatch):
    # eleven comments, each below its header's stamp, outnumber the article's four paragraphs: the page's
    # level is read from the lines that do not sit under a stamp
    comment = "So sorry to read this, we were flooded in 2007 and I know exactly what that smell is like for weeks."
    thread = [line for k in range(11) for line in (f"Reader {k} says:", f"November {k + 1}, 2010 at 9:12 pm", comment)]
    texts = [P1, P2, P3, P4, "11 Responses"] + thread
    scores = [4.0, 4.5, 4.0, 3.5, -2.0] + [-2.0, -5.0, 0.8] * 11
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4]


def test_a_cookie_notice_goes_with_its_block_but_an_article_about_cookies_stays(monkeypatch):
    # a notice below the footer whose paragraphs the model believes: the line in the site's own voice
    # (data/consent.toml) takes its block with it
    notice = ["Our website uses cookies so that we can remember your preferences and keep you signed in.",
              "We also share information about your use of our site with our advertising partners."]
    texts = [P1, P2, P3, P4, P5, "Contact us | Terms", *notice]
    scores = [3.0] * 5 + [-8.0, 3.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, P5]
    # reporting on cookies is not a notice
    news = ("The regulator said that websites which use cookies to track readers must first ask for "
            "their consent, and that a cookie banner may not hide the button to refuse.")
    texts = [P1, P2, news, P3, P4]
    assert _decode_with(monkeypatch, texts, [3.0] * 5, [3.0] * 5) == texts


def test_a_doubted_last_paragraph_right_below_the_article_stays(monkeypatch):
    last = "Les syndicats agricoles demandent au ministre un fonds d'urgence pour les exploitations touchées."
    texts = [P1, P2, P3, P4, last, "Mots-clés : sécheresse, agriculture"]
    scores = [3.0, 3.0, 3.0, 3.0, -0.8, -3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, last]
    # not a line the model rejects, nor one that does not use the article's words
    other = "Retrouvez toutes nos offres d'abonnement et nos newsletters en vous inscrivant gratuitement."
    assert _decode_with(monkeypatch, [P1, P2, P3, P4, other], scores[:5], scores[:5]) == [P1, P2, P3, P4]
    assert _decode_with(monkeypatch, texts, scores[:4] + [-1.5, -3.0], scores[:4] + [-1.5, -3.0]) == texts[:4]


def test_every_consent_phrase_holds_one_of_the_keys_that_let_a_line_be_searched():
    import re
    import tomllib

    from briefgen.ingest.linemodel import MODEL_PATH, _is_consent

    data = tomllib.loads((MODEL_PATH.parent / "consent.toml").read_text(encoding="utf-8"))
    for lang, phrases in data["phrases"].items():
        for phrase in phrases:
            re.compile(phrase)
            assert any(key in phrase.lower() for key in data["keys"]), f"{lang}: {phrase}"
    for line in ("We use cookies to improve your experience.", "This website uses cookies.",
                 "By continuing to browse the site you agree.", "Wir verwenden Cookies, um Inhalte zu zeigen.",
                 "En poursuivant votre navigation, vous acceptez.", "Questo sito utilizza cookie tecnici.",
                 "Utilizamos cookies propias y de terceros.", "Tento web používá soubory cookie."):
        assert _is_consent(line), line
    for line in ("The regulator said websites that use cookies must ask first.", "Cookies and biscuits sold out.",
                 "Google uses cookies to follow readers across sites, the report found."):
        assert not _is_consent(line), line


def test_legal_text_below_the_page_s_copyright_line_is_not_the_article(monkeypatch):
    # the run reaches over the footer's menu and the site's copyright line to two paragraphs of legal text
    # the model believes (a press release's site): they go
    menu = ["About us", "Locations", "Suppliers", "Contact", "Site map"]
    legal = ["The information on this website is provided for general information only and does not constitute "
             "an offer to sell or a solicitation of an offer to buy any securities.",
             "By using this website you agree to our Terms of Use and acknowledge our Privacy Policy."]
    texts = [P1, P2, P3, P4, P5, *menu, "© 1996–2016 Greenfield Pumps, Inc. All rights reserved.", *legal]
    scores = [3.0] * 5 + [-4.0] * 5 + [-6.0] + [3.0, 2.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, P5]
    # a photo credit with a year inside the article, under a gallery's captions, with more article below
    # it than above: the text below stays; and without a year the sign alone is no page's copyright
    gallery = [f"Photo {k} of 5: the harbour at dawn" for k in range(1, 6)]
    texts = [P1, *gallery, "© 2016 Jane Smith", P2, P3, P4]
    scores = [3.0] + [-4.0] * 5 + [-6.0] + [3.0] * 3
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4]
    texts = [P1, P2, P3, P4, P5, *menu, "© Greenfield Pumps", *legal]
    scores = [3.0] * 5 + [-4.0] * 5 + [-6.0] + [3.0, 2.0]
    # (legal text that uses none of the article's words goes by _cut_foreign too: left out here)
    from briefgen.ingest import linemodel

    monkeypatch.setattr(linemodel, "_cut_foreign", lambda kept, texts: kept)
    assert _decode_with(monkeypatch, texts, scores, scores)[-2:] == legal


def test_ledes_cut_off_by_an_ellipsis_below_the_article_are_a_list_of_other_stories(monkeypatch):
    # "Other stories this week": each a headline, a dash and a lede cut off by "...", with no dropped line
    # between them and the article's last paragraph; they and their heading go
    ledes = ["School board approves new bus routes – The school board voted 5-2 on Thursday to add two bus "
             "routes for students in the northern townships...",
             "Fire damages barn on County Road 9 – No one was hurt when fire broke out early Saturday in a hay "
             "barn east of town, the fire chief said…"]
    texts = [P1, P2, P3, P4, "Other stories this week", *ledes]
    scores = [3.0] * 4 + [0.5, 1.0, 0.5]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4]
    # one paragraph ending in an ellipsis, or two with less article above them, stay
    texts = [P1, P2, P3, P4, ledes[0], P5]
    assert _decode_with(monkeypatch, texts, [3.0] * 6, [3.0] * 6) == texts
    texts = [P1, *ledes, P2, P3]
    assert _decode_with(monkeypatch, texts, [3.0] * 5, [3.0] * 5) == texts


def test_a_related_stories_box_between_the_paragraphs_goes_but_not_the_paragraph_after_a_read_also_link(monkeypatch):
    # "Related stories" (a teaser marker the model drops) between two paragraphs, then each story's headline
    # and summary, which the model only doubts: they go, the article's next paragraphs stay
    box = ["Gin closure puts 40 seasonal jobs at risk",
           "Namoi Cotton says its gin may not open this season if the crop is as small as expected.",
           "Keepit Dam falls below 12 per cent", "Drought assistance extended to June"]
    texts = [P1, P2, "Related stories", *box, P3, P4, P5]
    scores = [3.0, 3.0, -6.0, -0.2, 0.1, 1.0, -0.1, 3.0, 3.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, P5]
    # a paragraph the model is sure of, or a long one, under a "read also" line is the article's
    short = "Le ministre promet une réponse rapide aux éleveurs touchés par la sécheresse."
    texts = [P1, P2, P3, "Related stories", short, P4, P5]
    scores = [3.0, 3.0, 3.0, -6.0, 2.5, 3.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, short, P4, P5]
    texts = [P1, P2, P3, "Related stories", P4, P5]
    scores = [3.0, 3.0, 3.0, -6.0, 0.5, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, P5]


def _gallery(n: int) -> list[str]:
    return [x for k in range(1, n + 1) for x in (f"{k}/{n}", f"Le port au lever du jour, vue {k}", "Photo: J. Smith")]


def test_the_paragraphs_below_a_gallery_that_follows_the_article_s_opening_join_it(monkeypatch):
    # two paragraphs, a gallery of twelve captioned slides the model rejects, two more paragraphs it keeps:
    # the gallery is longer than the region reaches across; the paragraphs below it are the article's
    gallery = _gallery(12)
    texts = [P1, P3, *gallery, P2, P4]
    scores = [3.0, 3.0] + [-6.0] * len(gallery) + [0.5, 0.5]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P3, P2, P4]
    # not past an end marker, nor below two counters only, nor text that does not use the article's words
    marked = [P1, P3, *gallery[:-3], "Most read", P2, P4]
    assert _decode_with(monkeypatch, marked, scores, scores) == [P1, P3]
    few = [P1, P3, *gallery[:6], P2, P4]
    assert _decode_with(monkeypatch, few, scores[:8] + [0.5, 0.5], scores[:8] + [0.5, 0.5]) == [P1, P3]
    other = ["Tickets for the summer concerts in the park go on sale on Monday at the town hall and online.",
             "The orchestra will play three evenings in July, weather permitting, with fireworks after each."]
    assert _decode_with(monkeypatch, [P1, P3, *gallery, *other], scores, scores) == [P1, P3]


def test_the_article_s_opening_above_a_gallery_joins_the_text_below_it(monkeypatch):
    # the region starts below a gallery; the two paragraphs above it, which the model only doubts (a paragraph
    # over a rejected block reads like a teaser), are the article's opening
    gallery = _gallery(12)
    texts = [P2, P4, *gallery, P1, P3, P5]
    scores = [-1.0, -1.0] + [-6.0] * len(gallery) + [3.0, 3.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P2, P4, P1, P3, P5]
    # lines the model rejects, or that do not use the article's words, stay out
    low = [-4.0, -4.0] + scores[2:]
    assert _decode_with(monkeypatch, texts, low, low) == [P1, P3, P5]
    other = ["Tickets for the summer concerts in the park go on sale on Monday at the town hall and online.",
             "The orchestra will play three evenings in July, weather permitting, with fireworks after each."]
    assert _decode_with(monkeypatch, [*other, *gallery, P1, P3, P5], scores, scores) == [P1, P3, P5]


def test_an_interview_s_labelled_questions_and_answers_are_kept_to_its_last_answer(monkeypatch):
    intro = ("Since last spring three hives have stood on the flat roof of the town hall, looked after by a "
             "teacher who keeps bees in her spare time. We asked her about honey, stings and the view.")
    qa = ["Q: How did the bees end up on the town hall?",
          ("A: I wrote to the council to ask whether any of its buildings had a flat roof, and the caretaker "
           "rang me a week later."),
          "Q: Is a roof a good place for bees?",
          "A: Better than you would think. From up there they reach the park and all the gardens by the river.",
          "Q: Do you get stung?", "A: Yes. Not often.",
          "Q: What do the staff think?",
          "A: Most of them love it. The finance office asks every August when the honey will be ready.",
          "They even printed labels for the jars last year, with a drawing of the town hall on them."]
    bio = "Ruth Adler writes the Courier's column. Know someone we should talk to? Email the people desk."
    texts = [intro, *qa, bio]
    scores = [3.0] * 5 + [0.5, -0.6, -1.7, -0.6, -0.8, -2.5]
    assert _decode_with(monkeypatch, texts, scores, scores) == [intro, *qa]
    # one question and one answer are no interview: the model's cut stands
    texts = [intro, *qa[:2], P1, P2, qa[2], qa[3], bio]
    scores = [3.0] * 4 + [0.5, -0.6, -1.7, -2.5]
    assert _decode_with(monkeypatch, texts, scores, scores) == [intro, *qa[:2], P1, P2]


def test_the_article_goes_on_below_a_video_player_but_not_below_a_comment_thread_s_stamps(monkeypatch):
    # a video player's lines between two parts of the article: its time codes are no comments' stamps
    player = ["Video", "Play 00:00 / 02:14 CC Fullscreen", "Now Playing: Le port au lever du jour", "Autoplay On",
              "Up next", "Les vendanges commencent en Bourgogne 01:45", "Le Tour passe par les Alpes 02:02",
              "Orages attendus ce soir 03:10"]
    texts = [P1, P3, *player, P2, P4]
    scores = [3.0, 3.0] + [-6.0] * len(player) + [0.5, 0.5]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P3, P2, P4]
    # readers' comments under dated stamps with a time: not joined
    texts = [P1, P3, *[x for k in range(3) for x in (f"Marie{k}", f"{k + 3} mars 2012 à 1{k}:15")], P2, P4]
    scores = [3.0, 3.0] + [-6.0] * 6 + [0.5, 0.5]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P3]


def test_numbered_heads_over_short_paragraphs_are_a_list_article_s_items_not_teaser_cards():
    # "1. Conker hunt" over one short sentence, five times in a row: the card-list vote reads unnumbered such
    # pairs as a box of links (their lines become boiler), numbered in sequence as the article's own items
    from briefgen.ingest.clean import prepare

    items = [("Conker hunt in Priory Park", "The horse chestnuts by the bandstand drop their conkers now."),
             ("Story time at the library", "Every weekday at half past ten, for children under seven."),
             ("The canal towpath walk", "Flat, two miles each way, with ducks to count and a cafe."),
             ("Museum trail for families", "Find the twelve hidden owls in the galleries and win a sticker."),
             ("Pond dipping at Mill Meadows", "Nets are lent free on Tuesday and Thursday afternoons.")]
    intro = "Half-term does not have to cost a fortune. Here are our picks for the week, all of them free."

    def kinds(numbered: bool) -> set[str]:
        text = "\n\n".join([intro] + [x for n, (h, s) in enumerate(items, 1)
                                      for x in ((f"{n}. {h}" if numbered else h), s)])
        return {ln.kind for ln in prepare(text) if ln.kind != "blank" and ln.text != intro}

    assert kinds(numbered=False) == {"boiler"}
    assert kinds(numbered=True) == {"text"}
    # numbered out of sequence: a ranked box of other stories, read as before
    text = "\n\n".join([intro] + [x for n, (h, s) in zip((3, 1, 5, 2, 4), items) for x in (f"{n}. {h}", s)])
    assert {ln.kind for ln in prepare(text) if ln.kind != "blank" and ln.text != intro} == {"boiler"}


def test_a_numbered_line_alone_between_paragraphs_keeps_its_number():
    from briefgen.ingest.clean import Line, article_blocks

    texts = [P1, "1. Conker hunt in Priory Park", P2, "2. Story time at the library", P3,
             "1. FC Köln gewinnt das Derby gegen Mönchengladbach mit zwei zu null.", P4, "- one", "- two"]
    lines = [Line(i=i, text=t, key=t, words=len(t.split())) for i, t in enumerate(texts)]
    blocks = article_blocks(lines, list(range(len(texts))))
    assert [(b.kind, b.text or b.items) for b in blocks] == [
        ("paragraph", P1), ("heading", "1. Conker hunt in Priory Park"), ("paragraph", P2),
        ("heading", "2. Story time at the library"), ("paragraph", P3),
        ("paragraph", "1. FC Köln gewinnt das Derby gegen Mönchengladbach mit zwei zu null."),
        ("paragraph", P4), ("list", ("one", "two"))]


LEGAL = "Hadley Life is published by Finch Media Limited, registered in England and Wales."


def test_prose_below_the_article_that_uses_none_of_its_words_is_not_the_article(monkeypatch):
    # a publisher's legal notice below a box of links under the article, which the model keeps
    texts = [P1, P2, P3, P4, "You may also like", "Rainy day ideas", "Soft play cafes", LEGAL]
    scores = [3.0] * 4 + [-6.0, -4.0, -4.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4]
    # the article's own last paragraph below a box uses its words and stays
    texts = [P1, P2, P3, "You may also like", "Rainy day ideas", "Soft play cafes", P5]
    scores = [3.0] * 3 + [-6.0, -4.0, -4.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P5]


def test_text_kept_far_above_the_article_s_headline_is_the_page_s_not_the_article_s(monkeypatch):
    # a blog's sidebar profile above its archive links, then the post's headline and the post
    profile = ("I have been knitting since my nan taught me at the age of six, and spinning since I was "
               "given a wheel for my fortieth birthday.")
    archive = [f"Archive: October {k}" for k in range(1, 15)]
    head = "Aides aux agriculteurs touchés par la sécheresse"
    texts = [profile, *archive, head, P1, P2, P3, P4]
    scores = [2.0] + [-5.0] * len(archive) + [-2.0] + [3.0] * 4
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4]
    # close above the headline: only a line about something else ("On sale now"); a standfirst stays
    texts = ["On sale now at all good newsagents, price 55p.", head, P1, P2, P3, P4]
    scores = [2.0, -2.0] + [3.0] * 4
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4]
    stand = "Les agriculteurs touchés par la sécheresse recevront une aide de l'État dès la fin du mois."
    texts = [stand, head, P1, P2, P3, P4]
    assert _decode_with(monkeypatch, texts, scores, scores) == [stand, P1, P2, P3, P4]


def test_an_author_s_note_under_the_article_that_names_its_byline_goes(monkeypatch):
    note = ["About Jane Smith",
            "Jane Smith is a writer and photographer who lives in the Dales and writes about farming."]
    texts = ["By Jane Smith", P1, P2, P3, P4, P5, *note]
    scores = [-5.0] + [3.0] * 5 + [0.5, 2.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, P5]
    # a person the article's text names is someone it is about: the last paragraph stays
    quoted = P4 + " Jane Smith, qui élève des moutons, a salué la mesure."
    texts = ["By Jane Smith", P1, P2, P3, quoted, P5, note[1]]
    scores = [-5.0] + [3.0] * 5 + [2.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, quoted, P5, note[1]]


def test_an_interview_s_unlabelled_questions_and_answers_are_kept_to_its_last_answer(monkeypatch):
    intro = ("Walter Brandt has tuned pianos in Eastside since 1970, when he took over the round of his "
             "uncle. We asked him about the worst piano, the best one and who will come after him.")
    qa = ["How did you start?",
          "By accident. I was a bad pianist and a good listener, and my teacher at school noticed it.",
          "Do you use an electronic tuner?",
          "I have one in a drawer. I use it to check myself on bad days, when I have a cold.",
          "What is the worst piano you have tuned?",
          "A church hall upright that had been stored under a leaking roof for a whole winter.",
          "And the best?",
          "A grand piano in a farmhouse up the valley, bought in 1911 and played every day since."]
    note = "Walter Brandt can be reached through the Eastside Music Society. Clara Novak writes about music."
    texts = [intro, *qa, note]
    scores = [3.0] * 5 + [-1.0, 0.5, -1.7, -1.5, -2.5]
    assert _decode_with(monkeypatch, texts, scores, scores) == [intro, *qa]
    # a line the model rejects outright between them (an advertiser's note) stays out
    ad = "This advertisement has not loaded yet, but your article continues below."
    texts = [intro, *qa[:4], ad, *qa[4:]]
    scores = [3.0] * 5 + [-4.0, -1.0, 0.5, -1.7, -1.5]
    assert _decode_with(monkeypatch, texts, scores, scores) == [intro, *qa]


def test_a_live_blog_s_entries_under_their_times_are_kept_to_the_oldest(monkeypatch):
    # entries each under the author's name and a time, the oldest ones doubted
    entries = [P1, P2, P3, P4, P5, P1 + " " + P3, P2 + " " + P4]
    texts = [x for k, e in enumerate(entries)
             for x in (("Sarah Lyle", "Nathan Boyce")[k % 2], f"1{6 - k // 2}:{10 + k}", e)]
    scores = [x for k in range(len(entries)) for x in (-6.0, -8.0, 3.0 if k < 4 else 0.3)]
    assert _decode_with(monkeypatch, texts, scores, scores) == entries


def test_a_paragraph_repeated_below_itself_is_a_pull_quote_but_a_standfirst_above_it_stays(monkeypatch):
    # a pull quote repeating a paragraph's first sentence below it, or the whole paragraph, goes
    first = "Les aides arrivent trop tard pour de nombreuses exploitations."
    para = first + " Les syndicats demandent au ministre un fonds d'urgence plus large et plus rapide."
    texts = [P1, para, first, P3]
    scores = [3.0] * 4
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, para, P3]
    texts = [P1, P2, P2, P3]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3]
    # the same sentence above the paragraph that opens with it is a standfirst: it stays
    texts = [first, para, P1, P3]
    assert _decode_with(monkeypatch, texts, scores, scores) == texts


def test_the_last_block_over_the_page_s_copyright_line_is_its_footer_when_it_shares_few_words(monkeypatch):
    # a legal notice as long as half the article (over the size bar of the foreign cut), set apart by a box
    # of links, right over the page's copyright line
    legal = ("Hadley Life is published by Finch Media Limited, a company registered in England and Wales, "
             "whose registered office is at Bridge Street. We take every care to make sure that the listings "
             "on this website are accurate, but we cannot accept responsibility for any loss.")
    box = ["You may also like", "Rainy day ideas", "Soft play cafes", "Halloween events", "Tags: kids"]
    texts = [P1, P2, P3, P4, *box, legal, "© 2017 Finch Media Limited. All rights reserved."]
    scores = [3.0] * 4 + [-4.0] * 5 + [3.0, -6.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4]
    # the article's own last paragraph there uses its words: it stays
    last = ("Les syndicats agricoles jugent les aides trop tardives pour de nombreuses exploitations et "
            "demandent au ministre de revenir dans la région avant la fin du mois.")
    texts = [P1, P2, P3, P4, *box, last, "© 2017 Finch Media Limited. All rights reserved."]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, last]


def test_a_caption_that_ends_with_its_photographer_goes(monkeypatch):
    # "(Photo by …)" or a bare "Photo <name>" after the caption's last sentence, with no colon or sign (the
    # lexicon's credit forms have one): the model read it as a short paragraph (as a standfirst under the
    # headline it is no lead either: meta.py, checked by the transfer page university-news-leftnav-2014)
    for caption in ("Claire et Mathieu Perrin devant la vitrine, encore couverte de papier. Photo CdP",
                    "Le ministre dans une exploitation du Gers, mardi. (Photo by Chris Vann)",
                    # an English newspaper's own credit: a source before "photo", in brackets or before "by"
                    "Water runs down Elm Street toward Fourth Avenue early Wednesday. (Submitted photo)",
                    "Parts sorted in coffee cans by make and model. Courier photo by Jim Ostrander"):
        texts = [P1, caption, P2, P3]
        assert _decode_with(monkeypatch, texts, [3.0] * 4, [3.0] * 4) == [P1, P2, P3]
    # a sentence about a photo, or photos named inside a sentence, stays
    for line in ("Le maire a montré une photo de la vitrine aux journalistes réunis devant la mairie.",
                 "L'exposition ouvre vendredi. Photos du port et des bateaux jusqu'en mai, à la mairie.",
                 "She kept one thing from the house. A family photo by the window, she said, and her keys."):
        texts = [P1, line, P2, P3]
        assert _decode_with(monkeypatch, texts, [3.0] * 4, [3.0] * 4) == texts


def test_a_list_article_s_numbered_items_are_not_cut_as_comments(monkeypatch):
    # "The 4 best ..." (session 11, batch s11-A's listicle): each item a numbered head the model drops, a
    # rating and a price line with digits (they look like a comment's stamp to the tail cut), one paragraph
    # it only half believes; the items numbered 1, 2, 3 ... from inside the article are its own, heads too
    items = [("1. Tarnwell Ridge", P2), ("2. Fellcraft Scout", P3), ("3. Brackenby Trail", P5), ("4. Alpinor Summit", P4)]
    texts, scores = [P1], [4.0]
    for head, text in items:
        texts += [head, "Rating: 4 of 5", text, "Buy now £165"]
        scores += [-2.5, -6.0, 3.5 if head.startswith("1.") else 1.0, -5.0]
    kept = _decode_with(monkeypatch, texts, scores, scores)
    assert kept == [P1] + [x for item in items for x in item]
    # numbered from below the article (comments, a ranked "Most read" box): cut as before
    comments = [("1. Dave from Leeds", "Même chose chez nous la semaine dernière, les aides arrivent toujours trop tard."),
                ("2. Sue", "Le ministre ferait mieux de venir voir les exploitations touchées par la sécheresse."),
                ("3. Tom", "Encore des promesses, comme l'an dernier, et rien ne change pour les petits éleveurs.")]
    texts, scores = [P1, P2, P3, P4], [4.0, 4.0, 4.0, 4.0]
    for head, text in comments:
        texts += [head, "18 August 2009, 7:40", text]
        scores += [-2.5, -6.0, 1.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4]


def test_a_slide_caption_the_model_would_keep_does_not_end_the_gallery(monkeypatch):
    # one slide's caption reads like prose and scores above the keep bar: it is still between two counters,
    # so the paragraphs after the last slide join the article as they do below a plain gallery
    gallery = _gallery(12)
    texts = [P1, P3, *gallery, P2, P4]
    scores = [3.0, 3.0] + [-6.0] * len(gallery) + [0.5, 0.5]
    scores[2 + 3 * 4 + 1] = 0.2   # the caption of slide 5
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P3, P2, P4]


def test_an_embedded_post_s_caption_is_no_teaser_card_s_headline():
    # an Instagram post's caption with hashtags, then the article's next paragraph: not a headline and its
    # summary (the card-list vote made the article's last paragraphs boiler: batch s11-A's match report)
    from briefgen.ingest.clean import prepare

    p_a = ("Westcliff's manager was furious that the goal stood, claiming the striker had pushed the defender as "
           "the cross came in.")
    p_b = "The result leaves Westcliff on 68 points from 31 games, with Dunmore second on 64."
    intro = "Two late goals from the substitute gave Dunmore a 2-1 win over the leaders at Marsh Lane on Saturday."

    def kinds(caption: str) -> list[str]:
        text = "\n\n".join([intro, P1, caption, p_a, "Title race run-in: who plays who in the last seven games", p_b])
        return [ln.kind for ln in prepare(text) if ln.text in (p_a, p_b)]

    assert kinds("Scenes in the dressing room 🙌 #UTD #Dunmore") == ["text", "text"]
    assert kinds("Scenes in the dressing room after the final whistle") == ["boiler", "boiler"]


def test_a_cookie_notice_s_paragraph_goes_with_the_notice_line_the_model_dropped(monkeypatch):
    # below the article a cookie notice in two paragraphs: the model drops the one naming cookies (a lexicon
    # kind under its bar) and keeps the next ("We also share ..."), set apart from the article by the footer
    notice = "Our website uses cookies and similar technologies so that we can remember your preferences."
    share = ("We also share information about your use of our site with our advertising and analytics partners, "
             "who may combine it with other information that you have provided to them or that they have "
             "collected from your use of their services. You can change your choices at any time.")
    texts = [P1, P2, P3, "Contact us | Advertise | Terms", "Privacy and cookies", notice, share, "Accept"]
    scores = [4.0, 4.0, 4.0, -25.0, -3.0, 0.3, 3.7, -9.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3]


# An English article for the interruption tests below: the spokesman's quote runs over three paragraphs.
E1 = ("Passengers on a flight to Majorca were stranded at the airport for nineteen hours after their plane "
      "was grounded with a broken toilet on Tuesday morning.")
E2 = ("More than 180 passengers, including dozens of young children, spent five hours sitting on the plane "
      "before they were led back into the terminal to wait.")
E3 = ("Families slept on the floor of the departure lounge and were given vouchers worth a few pounds each, "
      "which several travellers said would not buy a sandwich.")
E4 = ("Consumer groups said passengers on flights delayed by more than three hours are usually entitled to "
      "compensation under European rules.")
E5 = 'A spokesman for the airline said: "We are sorry for the delay, which was caused by a technical fault.'
QUOTED = ['"The safety and comfort of everyone on board is always our priority and we did everything we '
          'could to keep the disruption short.', '"Affected customers will be contacted shortly."']


def test_a_quote_left_open_above_a_box_goes_on_below_it(monkeypatch):
    # a "Read more" box inside the spokesman's quote: the quote's last two paragraphs share few words with
    # the article, but the quotation left open above the box goes on in them (no closing mark until its end)
    box = ["READ MORE", "Judge scraps bridge closure", "Farmers win fight over market stalls"]
    texts = [E1, E2, E3, E4, E5, *box, *QUOTED]
    scores = [3.0] * 5 + [-6.0, -2.5, -2.5] + [3.0, 1.2]
    assert _decode_with(monkeypatch, texts, scores, scores) == [E1, E2, E3, E4, E5, *QUOTED]
    # with the quote closed above the box, the same text is set apart from the article: another story's
    closed = E5 + '"'
    texts = [E1, E2, E3, E4, closed, *box, *QUOTED]
    assert _decode_with(monkeypatch, texts, scores, scores) == [E1, E2, E3, E4, closed]


def test_text_above_the_article_is_cut_as_foreign_only_when_it_is_the_smaller_part(monkeypatch):
    # an advertisement splits the article; a note about its author, under the author's name (its
    # "headline"), is taken as the article's block and shares few words with the text: the text above
    # it, the larger part, stays
    note = ("Jane Whitfield is a writer and photographer who lives in Lisbon with two dogs and a bicycle; "
            "her first novel appears in spring, and she teaches photography twice a week.")
    texts = [P1, P2, "Publicité", P3, P4, "Jane Whitfield", note]
    scores = [3.0, 3.0, -6.0, 3.0, 3.0, -3.0, 1.0]
    assert _decode_with(monkeypatch, texts, scores, scores)[:4] == [P1, P2, P3, P4]
    # a box above the article that is smaller than it still goes ("About me" over a blog post)
    texts = [note, "Le gouvernement débloque une aide d'urgence", P1, P2, P3, P4, P5]
    scores = [1.0, -3.0, 3.0, 3.0, 3.0, 3.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, P4, P5]


def test_a_read_more_teaser_inside_the_article_does_not_cut_its_opening(monkeypatch):
    # "Read more" under the article's first paragraphs, then another story's headline and summary (the
    # summary believed): the opening is no teaser's summary above the article (those are a line or two)
    teaser = ["Read more", "Council approves new bus routes for the northern townships",
              "The council approved two new bus routes for students in the northern townships on Monday."]
    texts = [E1, E2, E3, *teaser, E4, E5, *QUOTED, P1]
    scores = [3.0, 3.0, 3.0, -6.0, -2.0, 2.5, 3.0, 3.0, 3.0, 3.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores)[:3] == [E1, E2, E3]


def test_a_next_story_under_a_header_printed_as_the_articles_own_is_cut(monkeypatch):
    # an endless-scroll page: the article under its headline, byline and date line, then the next story under
    # a header printed alike; the next story goes. A teaser box inside the article that shows a headline over
    # its author's name only (not the whole header) does not cut the article's second half.
    head = ["County jail to stop charging inmates for phone calls", "By Chris Haddad, Sentinel staff",
            "Published 11:42 PM ET Tue, March 6, 2018"]
    nxt = ["Next story", "Police identify woman killed in highway crash", "By Staff report",
           "Published 8:10 AM ET Wed, March 7, 2018"]
    texts = head + [E1, E2, E3, E4] + nxt + [P1, P2]
    scores = [-6.0] * 3 + [3.0] * 4 + [-6.0] * 4 + [2.0, 2.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [E1, E2, E3, E4]
    box = ["Also on this", "Opinion: the fares have gone far enough", "By Birgitta Stauber"]
    texts = head + [E1, E2, E3] + box + [E4, E5]
    scores = [-6.0] * 3 + [3.0] * 3 + [-6.0] * 3 + [2.0, 2.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [E1, E2, E3, E4, E5]


def test_teaser_summaries_under_headlines_the_page_links_twice_are_cut(monkeypatch):
    # a short lede (the rest of the story was never in the dump), then a box of cards whose headlines a box at
    # the top of the page lists as well, each over a one-sentence summary the model doubts: the summaries go.
    # Under headlines shown once they stay: they share no word with them, and the lede is too short for the
    # foreign-text cut, so nothing else tells them from the article's short last paragraphs.
    heads = ["Free vaccinations in twelve districts", "Ring road repairs start next week",
             "Local club holds leaders to a draw", "Food festival fills the square"]
    summaries = ["Residents only need to bring their family card to the nearest health centre this month.",
                 "The works are due to end before the holiday traffic, the city's transport office said.",
                 "The equaliser came two minutes from time after a long spell of pressure by the visitors.",
                 "More than a hundred traders took part, and the organisers plan a second evening in spring."]
    cards = [line for pair in zip(heads, summaries) for line in pair]
    texts = heads + [E1] + cards
    scores = [-5.0] * 4 + [3.0] + [-2.0, 0.5] * 4
    assert _decode_with(monkeypatch, texts, scores, scores) == [E1]
    once = ["Weather", "Sport", "Culture", "Travel", E1] + cards
    assert _decode_with(monkeypatch, once, scores, scores)[:4] == [E1, *summaries[:3]]


def test_a_product_box_with_prices_inside_the_article_does_not_cut_its_tail(monkeypatch):
    # the tail cut reads a dropped line with digits between the article's sure lines and the doubted ones below
    # as a comment's stamp; a price is none: the paragraphs under a box of products stay, those under a
    # comment's name and time still go
    box = ["Shop the story", "Northfield Trail Boot – £89.99", "Buy now", "Kestrel Lite Jacket – £129.00", "Buy now"]
    texts = [E1, E2, E3, *box, E4, E5]
    scores = [4.0, 4.0, 4.0, -5.0, -5.0, -8.0, -5.0, -8.0, 1.0, 1.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [E1, E2, E3, E4, E5]
    stamp = ["Jane Doe", "5 hours ago", "Reply", "Share", "Report"]
    texts = [E1, E2, E3, *stamp, E4, E5]
    assert _decode_with(monkeypatch, texts, scores, scores) == [E1, E2, E3]


def test_a_subhead_under_a_link_to_another_story_stays(monkeypatch):
    # "RELATED: <another story's headline>" between a paragraph and the next subhead: the model drops both
    # short lines; the subhead stays, as a heading. Under a dropped line that is no furniture (another story's
    # headline) a short line is a teaser card's second line, no heading.
    from briefgen.ingest.clean import article_blocks, prepare

    def headings(texts, scores):
        lines = prepare("\n\n".join(texts))
        m = model()
        idx = [ln.i for ln in lines if ln.kind != "blank"]
        monkeypatch.setattr(m, "_stages", lambda _lines: (idx, scores, scores))
        return [b.text for b in article_blocks(lines, m.decode(lines)[0]) if b.kind == "heading"]

    scores = [3.0, 3.0, -1.5, -0.5, 3.0, 3.0]
    texts = [E1, E2, "RELATED: Airline to pay passengers stranded in Palma", "Months of complaints", E3, E4]
    assert _decode_with(monkeypatch, texts, scores, scores) == [E1, E2, "Months of complaints", E3, E4]
    assert headings(texts, scores) == ["Months of complaints"]
    scores = [3.0, 3.0, -1.5, 0.5, 3.0, 3.0]
    texts[2] = "Airline to pay passengers stranded in Palma"
    assert headings(texts, scores) == []


def test_the_doubted_last_paragraph_under_a_photo_s_caption_stays(monkeypatch):
    # the article's paragraphs, a photo's caption (dropped), then its last paragraph, which the model only
    # doubts because the page's furniture follows it: a caption does not part it from the article
    caption = "Le ministre jeudi à Lyon. © Jean Dupont / AFP"
    last = ("Les agriculteurs touchés par la sécheresse recevront les premières aides avant la fin du mois, a "
            "précisé le ministre.")
    texts = [P1, P2, P3, caption, last, "Partager", "Mentions légales"]
    scores = [3.0, 3.0, 3.0, -12.0, -0.8, -8.0, -8.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, last]
    # and so with its writer's initials after its last sentence
    texts[4] = last + " (jd)"
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3, texts[4]]
    # a dropped line that is no caption (a box's label) still parts it
    texts[3] = "Toute l'actualité de la région"
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P3]


def test_short_paragraphs_under_a_related_box_whose_links_were_dropped_stay(monkeypatch):
    # short paragraphs (each under BOX_TOKENS, as a language that glues its words makes them all): a
    # "Related" marker and its three headlines, all dropped, then the article's next paragraphs, which the
    # model only doubts: the box was the list of links, the short paragraphs below are the article's
    short = ["Le ministre a promis une réponse aux éleveurs avant la fin du mois.",
             "Les syndicats agricoles attendent des aides plus rapides pour les exploitations.",
             "La sécheresse touche déjà la moitié des communes du sud du pays."]
    links = ["Incendie dans un entrepôt près de Lyon", "La Bourse recule en clôture",
             "Le festival de jazz annule sa dernière soirée"]
    texts = [P1, P2, "Related", *links, *short, P4]
    scores = [3.0, 3.0, -6.0, -2.0, -3.0, -1.5, 1.0, 1.0, 0.5, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, *short, P4]
    # a fourth headline the model keeps (a question, no full stop) is more of the box's links: it goes, the
    # paragraphs below it stay
    texts = [P1, P2, "Related", *links, "Is the village school closing for good?", *short, P4]
    scores = [3.0, 3.0, -6.0, -2.0, -3.0, -1.5, 0.5, 1.0, 1.0, 0.5, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, *short, P4]
    # one dropped headline over a kept summary is a teaser card: the summary still goes
    texts = [P1, P2, "Related", links[0], short[0], P4]
    scores = [3.0, 3.0, -6.0, -2.0, 1.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, P4]


def test_the_article_s_paragraphs_under_a_newsletter_box_s_sign_up_button_stay(monkeypatch):
    # a newsletter box inside the article, its "Sign up" button a teaser marker of the lexicon: the short
    # paragraphs below it, which the model only doubts, are the article's, not a box of other stories
    # (batch s14-A's weekly page lost its last three paragraphs); under "Related stories" they go (above)
    short = ["There are now nine volunteers, most of them retired teachers, and two high school students.",
             "Parents say the club has done more than help with grades."]
    texts = [E1, E2, "Get local news in your inbox", "Sign up for our free weekly newsletter.", "Sign up",
             short[0], "Advertisement", short[1], E3, E4]
    scores = [3.0, 3.0, -3.0, -3.0, -6.0, 0.2, -6.0, 1.1, 3.0, 3.0]
    assert _decode_with(monkeypatch, texts, scores, scores) == [E1, E2, short[0], short[1], E3, E4]
    texts[4] = "Related stories"
    assert _decode_with(monkeypatch, texts, scores, scores) == [E1, E2, E3, E4]


def test_a_doubted_line_inside_the_rejected_block_does_not_keep_the_opening_out(monkeypatch):
    # the opening, a paywall's notices the model rejects, among them one short line it only doubts (kept by
    # the bar by a hair), then the rest of the article: the opening still joins, the doubted line stays out
    notices = [f"Subscribe now to read notice {k} of the latest news in your city and across the country"
               for k in range(1, 13)]
    doubted = "Enjoy additional articles per month."
    block = notices[:6] + [doubted] + notices[6:]
    texts = [P1, P2, *block, P3, P4, P5, P1 + " " + P2, P3 + " " + P4]
    first = [3.0, 3.0] + [-6.0] * 6 + [-0.4] + [-6.0] * 6 + [3.0] * 5
    second = [-1.0, -1.0] + [-6.0] * 6 + [-0.4] + [-6.0] * 6 + [3.0] * 5
    assert _decode_with(monkeypatch, texts, first, second) == [P1, P2] + texts[15:]


def test_a_box_the_page_repeats_between_items_does_not_end_the_article(monkeypatch):
    # a list's items, each followed by the same embed placeholder (long: no filler) and a photo credit: the
    # placeholder, repeated, costs the region nothing where the model drops it, so the items after the
    # second one are not cut off by it; a box that stands once still costs its words
    box = ("Your privacy settings prevent loading and showing all external content from social networks and "
           "other services here. You can change them at any time in the privacy settings of this site.")
    items = [f"{n}. {text}" for n, text in enumerate((E1, E2, E3, E4), 1)]
    texts = [P1, P2]
    for item in items:
        texts += [item, box, "Jane Doe/Agency"]
    scores = [3.0, 3.0] + [0.0, -4.0, -8.0] * 4
    assert _decode_with(monkeypatch, texts, scores, scores) == [P1, P2, *items]
    once = [P1, P2, items[0], box, "Jane Doe/Agency", items[1], box.replace("privacy", "cookie"), "John Roe/Agency",
            items[2]]
    scores = [3.0, 3.0, 0.0, -4.0, -8.0, 0.0, -4.0, -8.0, 0.0]
    assert _decode_with(monkeypatch, once, scores, scores) == [P1, P2, items[0]]
