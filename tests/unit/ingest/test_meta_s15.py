"""Dates of older pages, session 15 (issue 11): the four general rules the s15-dates batch's first run asked for
(tests/data/html-transfer, batch s15-dates: HTML dates 10 of 13, dump dates 11 of 13 before them), each in
en/de/fr/it, on both paths where the rule is both paths'. Every case fails on main a02947a.

1. A wire dateline whose place and agency stand before a dash and the date after it ("WASHINGTON (AP) — Feb.
   26, 2015 — …"): the story's date when the page prints no other (dates.dateline).
2. A `<time>` that says it is the last update (itemprop="dateModified", class="updated") is no publication
   time: the publication date printed beside it is the page's (html_dates).
3. A text that a publication label opens is a date line however many words follow ("Publié le mercredi 7
   octobre 2009 à 18 h 40 – Mis à jour le jeudi 8 octobre …"): it outranks a comment's stamp below
   (html.printed_date).
4. A dump without a `date` line: the post's footer sentence that labels its date ("This entry was posted on …
   and is filed under News.") followed by another sentence on its line, above readers' comments whose stamps
   are unlabelled dates, is the post's date, not the first comment's (meta.find_dates, meta._date_anywhere).
"""
from __future__ import annotations

from datetime import date

import pytest

from briefgen.ingest.pipeline import ingest_file
from tests.unit.ingest.test_meta_transfer import FOOTER, HEADLINE, MENU, RELATED, SITE, TEXT, _dump, _html

# 1. A wire dateline: place (agency) — date — text
WIRE = [
    ("en", "WASHINGTON (AP) — Feb. 26, 2015 — ", date(2015, 2, 26)),
    ("en", "NEW YORK — March 3, 2012 — ", date(2012, 3, 3)),
    ("de", "BERLIN (dpa) – 3. März 2011 – ", date(2011, 3, 3)),
    ("fr", "PARIS (AFP) - 12 mars 2014 - ", date(2014, 3, 12)),
    ("it", "ROMA (ANSA) – 9 marzo 2018 – ", date(2018, 3, 9)),
]
IT_TEXT = ("Il consiglio comunale ha approvato nella notte il bilancio di previsione dopo una seduta durata più di sei "
           "ore, con i voti della maggioranza e l'astensione di due consiglieri dell'opposizione.")


def _wire_paragraphs(lang: str, opening: str) -> list[str]:
    first, *rest = TEXT.get(lang, TEXT["en"]) if lang != "it" else (IT_TEXT, *TEXT["en"][1:])
    return [opening + first, *rest]


@pytest.mark.parametrize("lang, opening, want", WIRE)
def test_dump_a_wire_dateline_with_the_place_before_a_dash(tmp_path, lang, opening, want):
    site = SITE.get(lang, SITE["en"])
    lines = [site, *MENU.get(lang, MENU["en"]), "", HEADLINE.get(lang, HEADLINE["en"]), ""]
    lines += [p + "\n" for p in _wire_paragraphs(lang, opening)] + [FOOTER.get(lang, FOOTER["en"])]
    p = tmp_path / "page.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ingest_file(p).date.date() == want


# (the HTML path read "NEW YORK —", "BERLIN (dpa) –" and "PARIS (AFP) -" already, by htmldate's guess)
@pytest.mark.parametrize("lang, opening, want", [WIRE[0], WIRE[4]])
def test_html_a_wire_dateline_with_the_place_before_a_dash(tmp_path, lang, opening, want):
    headline = HEADLINE.get(lang, HEADLINE["en"])
    paras = "".join(f"<p>{t}</p>" for t in _wire_paragraphs(lang, opening))
    p = tmp_path / "page.html"
    p.write_text(f"<html lang='{lang}'><head><meta charset='utf-8'><title>{headline}</title></head><body>"
                 f"<div id='nav'><a href='/'>Home</a> | <a href='/news/'>News</a></div><h2>{headline}</h2>"
                 f"<p><b>By Ann Lee</b></p>{paras}<div id='footer'>© Plainsview Daily</div></body></html>",
                 encoding="utf-8")
    assert ingest_file(p).date.date() == want


def test_a_sentence_with_a_dash_around_a_date_is_no_dateline():
    from briefgen.ingest import dates

    assert dates.dateline("The council met — April 12, 2016 — and voted to keep the library open.") is None
    assert dates.dateline("On Tuesday - April 12, 2016 - the council voted to keep the library open.") is None


# 2. A <time> that is the update, beside the printed publication date
MODIFIED = [
    ("de", "Veröffentlicht am 03.04.2019 um 21:10 Uhr · Aktualisiert am {t}", date(2019, 4, 3)),
    ("en", "Published April 3, 2019 at 9:10 pm | Updated {t}", date(2019, 4, 3)),
    ("fr", "Publié le 3 avril 2019 à 21:10 | Mis à jour le {t}", date(2019, 4, 3)),
    ("it", "Pubblicato il 3 aprile 2019 alle 21:10 | Aggiornato il {t}", date(2019, 4, 3)),
]


@pytest.mark.parametrize("attr", ["itemprop='dateModified'", "class='updated'"])
@pytest.mark.parametrize("lang, line, want", MODIFIED)
def test_html_a_time_element_that_is_the_update_is_no_publication_date(tmp_path, lang, line, want, attr):
    shown = line.format(t=f"<time {attr} datetime='2019-04-05T08:30:00+02:00'>05.04.2019</time>")
    text = "en" if lang == "it" else lang
    a = _html(tmp_path, lang, f"<title>{HEADLINE[text]}</title>",
              f"<h1>{HEADLINE[text]}</h1><p class='meta'>{shown}</p>", text)
    assert a.date.date() == want


def test_html_a_time_element_named_published_and_updated_is_the_publication(tmp_path):
    # WordPress prints "entry-date published updated" on a post never updated: the publication
    a = _html(tmp_path, "en", f"<title>{HEADLINE['en']}</title>",
              f"<h1>{HEADLINE['en']}</h1><p><time class='entry-date published updated' "
              f"datetime='2019-04-03T21:10:00+02:00'>April 3, 2019</time></p>", "en")
    assert a.date.date() == date(2019, 4, 3)



def test_html_a_time_element_named_updated_still_gives_a_utc_stamp_its_local_time(tmp_path):
    # (a guard, passes on main too) a page whose only local time is a <time class="updated"> of the same moment as its
    # UTC article:published_time: the brief keeps the local offset
    meta = "<meta property='article:published_time' content='2024-01-29T19:00:45+00:00'>"
    a = _html(tmp_path, "de", f"<title>{HEADLINE['de']}</title>{meta}",
              f"<h1>{HEADLINE['de']}</h1><p><time class='updated' datetime='2024-01-29T20:00:45+01:00'>20:00, "
              f"29 Jan 2024</time></p>", "de")
    assert a.date.isoformat() == "2024-01-29T20:00:45+01:00"

# 3. A publication label opening a long date text, with an update after it, and readers' comments below
PUBLISHED_LONG = [
    ("fr", "Publié le mercredi 7 octobre 2009 à 18 h 40 – Mis à jour le jeudi 8 octobre 2009 à 10 h 05",
     "Le 8 octobre 2009 à 09:12, Marc a dit :", "fr"),
    ("en", "Published on Wednesday, October 7, 2009 at 6:40 pm – Last updated on Thursday, October 8, 2009",
     "On October 8, 2009 at 9:12 am, Mark said:", "en"),
    ("de", "Veröffentlicht am Mittwoch, 7. Oktober 2009, 18:40 Uhr – Zuletzt aktualisiert am Donnerstag, 8. Oktober 2009",
     "Am 8. Oktober 2009 um 09:12 schrieb Markus:", "de"),
    ("it", "Pubblicato mercoledì 7 ottobre 2009 alle 18:40 – Aggiornato giovedì 8 ottobre 2009 alle 10:05",
     "Il 8 ottobre 2009 alle 09:12 Marco ha scritto:", "en"),
]


@pytest.mark.parametrize("lang, info, stamp, text", PUBLISHED_LONG)
def test_html_a_publication_label_opening_a_long_date_text_beats_a_comment_s_stamp(tmp_path, lang, info, stamp, text):
    top = f"<h2>{HEADLINE[text]}</h2><p class='post-info'>{info}</p>"
    a = _html(tmp_path, lang, f"<title>{HEADLINE[text]}</title>",
              top + "".join(f"<p>{t}</p>" for t in TEXT[text][:1]), text)
    # the comment below the text: its stamp, then the comment
    page = (tmp_path / "page.html").read_text(encoding="utf-8").replace(
        "</div><div id='sidebar'>", f"<h3>2</h3><p class='c'>{stamp}</p><p>{TEXT[text][2][:60]}</p></div><div id='sidebar'>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert ingest_file(tmp_path / "page.html").date.date() == date(2009, 10, 7)
    assert a.date.date() == date(2009, 10, 7)


# 4. A dump without a `date` line: the footer's labelled sentence, then another, above readers' comments
FOOTER_SENTENCES = [
    ("en", "This entry was posted on Thursday, June 14th, 2012 at 8:15 pm and is filed under News. You can follow any "
           "responses to this entry through the RSS 2.0 feed.", ["Bob says:", "June 15, 2012 at 7:02 am"]),
    ("fr", "Cet article a été publié le jeudi 14 juin 2012 à 20h15 et classé dans Actualités. Vous pouvez suivre les "
           "réponses à cet article par le fil RSS 2.0 des commentaires.", ["Marc dit :", "15 juin 2012 à 7 h 02 min"]),
    ("de", "Dieser Eintrag wurde am Donnerstag, 14. Juni 2012 um 20:15 Uhr veröffentlicht und ist unter Lokales "
           "abgelegt. Du kannst die Antworten auf diesen Eintrag über den RSS-2.0-Feed verfolgen.",
     ["Markus sagt:", "15. Juni 2012 um 07:02"]),
    ("it", "Questo articolo è stato pubblicato giovedì 14 giugno 2012 alle 20:15 ed è archiviato in Notizie. Puoi "
           "seguire le risposte a questo articolo tramite il feed RSS 2.0.", ["Marco dice:", "15 giugno 2012 alle 07:02"]),
]


@pytest.mark.parametrize("lang, foot, comment", FOOTER_SENTENCES)
def test_dump_a_footer_sentence_labelled_published_beats_the_comments_below_it(tmp_path, lang, foot, comment):
    text = "en" if lang == "it" else lang
    lines = [SITE[text], *MENU[text], "", HEADLINE[text], ""] + [p + "\n" for p in TEXT[text] * 2]
    lines += [foot, "2 Responses", *comment, "", TEXT[text][0][:70], ""]
    lines += [comment[0].replace(comment[0].split()[0], "Anna"), comment[1].replace("15", "16"), "",
              TEXT[text][1][:60], "", *RELATED[text], "", FOOTER[text]]
    p = tmp_path / "page.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ingest_file(p).date.date() == date(2012, 6, 14)


# 5. Pages that give no brief: a dump whose text is one paragraph with a date line or a photo credit below it (a
# short news item, a copy cut off below its first paragraph): the header took that paragraph for the standfirst
# (meta._lead_from_body) and the page gave "no recognisable article text"; the paragraph is the text
CUT_OFF = {
    "en": ("Council keeps the night buses", "By Ann Lee",
           "The county council voted on Tuesday evening to keep the night buses running through the winter months, after "
           "residents collected more than four thousand signatures against the planned cuts to the late services.",
           ["Published: February 26, 2015 10:30", "Photo: Ann Lee"]),
    "de": ("Nachtbusse fahren weiter", "Von Eva Muster",
           "Der Kreistag hat am Dienstagabend beschlossen, die Nachtbusse auch in den Wintermonaten fahren zu lassen, "
           "nachdem Anwohner mehr als viertausend Unterschriften gegen die geplanten Kürzungen gesammelt hatten.",
           ["Veröffentlicht: 26.02.2015, 10:30 Uhr", "Foto: Eva Muster"]),
    "fr": ("Les bus de nuit maintenus", "Par Anne Leroy",
           "Le conseil départemental a voté mardi soir le maintien des bus de nuit pendant tout l'hiver, après que les "
           "habitants ont réuni plus de quatre mille signatures contre les suppressions prévues des services tardifs.",
           ["Publié le 26 février 2015 à 10h30", "Photo : Anne Leroy"]),
    "it": ("Restano i bus notturni", "di Anna Conti",
           "Il consiglio provinciale ha deciso martedì sera di mantenere i bus notturni per tutto l'inverno, dopo che i "
           "residenti hanno raccolto più di quattromila firme contro i tagli previsti alle corse serali.",
           ["Pubblicato il 26 febbraio 2015 alle 10:30", "Foto: Anna Conti"]),
}


@pytest.mark.parametrize("below", [0, 1], ids=["date line", "credit"])
@pytest.mark.parametrize("lang", sorted(CUT_OFF))
def test_dump_of_one_paragraph_above_a_date_line_or_credit_gives_a_brief(tmp_path, lang, below):
    headline, byline, paragraph, tails = CUT_OFF[lang]
    text = "en" if lang == "it" else lang
    p = tmp_path / "page.txt"
    p.write_text("\n".join(["date 2015-02-26", SITE[text], *MENU[text], "", headline, byline, "", paragraph, "",
                            tails[below]]) + "\n", encoding="utf-8")
    a = ingest_file(p)
    assert a.title == headline and paragraph in "\n".join(b.text for b in a.blocks)



def test_dump_of_a_legal_notice_over_the_copyright_line_still_gives_no_brief(tmp_path):
    # a page whose article a consent wall hid: menus, the paper's legal notice and its copyright line are no article
    from briefgen.errors import BriefgenError

    p = tmp_path / "page.txt"
    p.write_text("\n".join([
        "date 2019-03-19", "Correio do Vale", "Última hora Local País Mundo Economia Desporto Cultura Opinião",
        "Assinar Entrar", "",
        "Todos os direitos reservados. É proibida a reprodução do conteúdo desta página em qualquer meio de "
        "comunicação, eletrônico ou impresso, sem autorização escrita do jornal. As opiniões expressas nos artigos "
        "assinados são de responsabilidade de seus autores.", "",
        "© 2019 Correio do Vale. Estatuto editorial. Ficha técnica."]) + "\n", encoding="utf-8")
    with pytest.raises(BriefgenError, match="no recognisable article text"):
        ingest_file(p)
