from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from briefgen.errors import IngestError
from briefgen.ingest.pipeline import ingest_file

PARAS = [
    "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la "
    "sécheresse, qui dure depuis plusieurs mois dans le sud du pays et menace les récoltes.",
    "Les syndicats agricoles ont salué ces annonces, tout en estimant qu'elles arrivent trop tard pour de "
    "nombreuses exploitations déjà en grande difficulté financière depuis le printemps.",
    "Le ministre doit se rendre jeudi dans la région pour rencontrer les éleveurs et les élus locaux, a "
    "précisé son entourage à la presse, sans donner davantage de détails sur le programme.",
]
PAGE = f"""<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Sécheresse : l'Etat débloque des aides - Le Journal</title>
<meta property="og:title" content="Sécheresse : l'Etat débloque des aides">
<meta name="description" content="Le gouvernement promet des aides rapides aux agriculteurs du Sud.">
<meta property="article:published_time" content="2026-01-16T09:41:00+01:00">
<meta property="og:site_name" content="Le Journal">
<link rel="alternate" hreflang="fr" href="https://example.org/fr/a"><link rel="alternate" hreflang="de" href="https://example.org/de/a">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Sécheresse : l'Etat débloque des aides</h1>
<p class="lead">Le gouvernement promet des aides rapides aux agriculteurs du Sud.</p>
<p>Par Anne Exemple (AFP)</p>
<figure><img src="a.jpg"><figcaption>Un champ desséché près de Nîmes. Photo: Keystone</figcaption></figure>
<p>{PARAS[0]}</p><h2>Des aides jugées tardives</h2><p>{PARAS[1]}</p><p>A lire aussi</p><p>{PARAS[2]}</p>
</article><footer><p>© 2026 Le Journal. Tous droits réservés.</p></footer></body></html>"""


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    return ingest_file(p)


def test_can_extract_title_lead_and_date_with_time_zone(article):
    assert article.title == "Sécheresse : l'Etat débloque des aides"
    assert article.lead == "Le gouvernement promet des aides rapides aux agriculteurs du Sud."
    assert article.date == datetime(2026, 1, 16, 9, 41, tzinfo=timezone(timedelta(hours=1)))
    assert article.lang == "fr" and article.translations == ("de", "fr")


def test_can_extract_body_with_subheads_and_without_boilerplate(article):
    texts = [(b.kind, b.text) for b in article.blocks]
    assert ("heading", "Des aides jugées tardives") in texts
    body = article.body_text
    assert all(p in body for p in PARAS)
    assert "A lire aussi" not in body and "Accueil" not in body and "Tous droits" not in body


def test_can_extract_source_and_image(article):
    assert article.source.name == "Le Journal" and article.source.file == "page.html"
    assert article.image.caption == "Un champ desséché près de Nîmes." and article.image.credit == "Keystone"


def test_errors_on_a_page_without_an_article(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><body><nav><a href='/'>Accueil</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(IngestError) as info:
        ingest_file(p)
    assert "empty.html" in str(info.value)


HIDDEN = '<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">{}</span>'


@pytest.mark.parametrize(("lang", "hidden"), [
    ("en", ", opens new tab"), ("en", " (opens in a new window)"), ("fr", ", s’ouvre dans un nouvel onglet"),
    ("de", ", öffnet in einem neuen Tab"), ("it", " (si apre in una nuova scheda)")])
def test_drops_link_text_meant_for_screen_readers(tmp_path, lang, hidden):
    link = f'<a href="https://example.org/report.pdf">rapport{HIDDEN.format(hidden)}</a>'
    page = PAGE.replace(f"<p>{PARAS[1]}</p>", f"<p>Le {link} publié mardi le confirme. {PARAS[1]}</p>")
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    text = " ".join(b.text for b in ingest_file(p).blocks)
    assert "Le rapport publié mardi le confirme." in text
    assert hidden.strip(" ,()") not in text


def test_keeps_prose_that_only_resembles_a_screen_reader_phrase():
    from briefgen.ingest.patterns import strip_screen_reader

    prose = "The door opens in a new window frame, and a new tab of the ledger was added."
    assert strip_screen_reader(prose) == prose
    assert strip_screen_reader("Read it here, opens new tab.") == "Read it here."


def _page(tmp_path, head: str, header: str, lead_p: str = ""):
    page = PAGE.replace('<meta property="og:title" content="Sécheresse : l\'Etat débloque des aides">', head) \
        .replace("<article><h1>Sécheresse : l'Etat débloque des aides</h1>", "<article>" + header) \
        .replace('<p class="lead">Le gouvernement promet des aides rapides aux agriculteurs du Sud.</p>', lead_p)
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    return ingest_file(p)


def test_the_title_is_the_h1_when_the_page_title_adds_the_site_name(tmp_path):
    a = _page(tmp_path, '<meta property="og:title" content="Sécheresse : des aides – JDF – 16.01.2026">',
              "<h1>Sécheresse : des aides</h1>")
    assert a.title == "Sécheresse : des aides"


def test_the_title_keeps_a_page_title_that_differs_from_the_h1(tmp_path):
    a = _page(tmp_path, '<meta property="og:title" content="L\'Etat débloque des aides contre la sécheresse">',
              "<h1>Sécheresse : des aides pour le Sud</h1>")
    assert a.title == "L'Etat débloque des aides contre la sécheresse"


@pytest.mark.parametrize("cls", ["article__kicker", "seitenkopf__topline", "headline-overline", "surtitre"])
def test_finds_the_kicker_printed_with_the_h1(tmp_path, cls):
    a = _page(tmp_path, "", f'<h1><span class="{cls}">Agriculture</span> '
                            "<span>Sécheresse : l'Etat débloque des aides</span></h1>")
    assert a.kicker == "Agriculture"


def test_a_teaser_card_kicker_is_not_the_article_s(tmp_path):
    a = _page(tmp_path, "", '<div class="teaser__kicker">Sport</div><h1>Sécheresse : des aides</h1>')
    assert a.kicker is None


def test_the_lead_is_the_standfirst_the_page_shows_even_when_the_description_differs(tmp_path):
    shown = "Le gouvernement promet des aides rapides aux agriculteurs du Sud. Le ministre se rend jeudi sur place."
    a = _page(tmp_path, "", "<h1>Sécheresse : des aides</h1>", f'<div class="intro">{shown}</div>')
    assert a.lead == shown


def test_a_description_the_page_does_not_show_is_no_lead(tmp_path):
    a = _page(tmp_path, "", "<h1>Sécheresse : des aides</h1>")
    assert a.lead is None and a.blocks[0].text == PARAS[0]


def test_an_article_laid_out_in_a_table_is_found(tmp_path):
    paras = "".join(f"<p>{p}</p>" for p in PARAS * 2)
    page = ("<html><head><title>Sécheresse : des aides</title>"
            '<meta property="article:published_time" content="2026-01-16T09:41:00+01:00"></head><body>'
            "<table><tr><td><a href='/'>Accueil</a> <a href='/x'>Sport</a></td></tr>"
            f"<tr><td><h1>Sécheresse : des aides</h1>{paras}</td><td>Publicité</td></tr></table></body></html>")
    p = tmp_path / "table.html"
    p.write_text(page, encoding="utf-8")
    article = ingest_file(p)
    assert all(para in article.body_text for para in PARAS)
    assert "|" not in article.body_text and "Publicité" not in article.body_text


def test_a_japanese_article_is_not_refused_for_having_no_spaces(tmp_path):
    sentence = "政府は火曜日、干ばつの影響を受けた農家を支援するための一連の措置を発表した。"
    page = ('<html lang="ja"><head><title>干ばつ対策</title>'
            '<meta property="article:published_time" content="2026-01-16T09:41:00+09:00"></head><body>'
            f"<article><h1>干ばつ対策</h1>{''.join(f'<p>{sentence}{n}</p>' for n in range(5))}</article></body></html>")
    p = tmp_path / "ja.html"
    p.write_text(page, encoding="utf-8")
    article = ingest_file(p)
    assert sum(b.kind == "paragraph" for b in article.blocks) == 5 and sentence in article.body_text


def test_an_article_of_short_paragraphs_is_kept_not_refused(tmp_path):
    """Cleaning drops short non-sentence paragraphs (captions, teaser links); when that would leave too
    little of what trafilatura found, trafilatura's text is kept instead of refusing the page."""
    items = [f"Le train numéro {n} part à l'heure" for n in range(12)]
    page = ('<html lang="fr"><head><title>Trafic : les départs de ce matin</title>'
            '<meta property="article:published_time" content="2026-01-16T09:41:00+01:00"></head><body>'
            f"<article><h1>Trafic : les départs de ce matin</h1>{''.join(f'<p>{i}</p>' for i in items)}"
            "</article></body></html>")
    p = tmp_path / "ticker.html"
    p.write_text(page, encoding="utf-8")
    article = ingest_file(p)
    assert all(i in article.body_text for i in items)
