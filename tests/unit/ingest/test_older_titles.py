"""HTML titles on older and smaller sites without og:title: a short <h1> beside an SEO <title> the page
never prints, a site named only by its host name (its letters, a label of it, its initials), copyright line
or logo, a site's name printed apart from the headline, a page whose every title form is the site's name.
Pages written here, in English, German and French."""
from __future__ import annotations

from briefgen.ingest.pipeline import ingest_file

BODY = ("<p>The regional council agreed on Tuesday to keep the night buses running through the winter, after "
        "a petition signed by more than four thousand residents asked it to reverse last month's decision.</p>"
        "<p>The service had been due to stop in November to save money, but councillors said the cost of "
        "keeping it was small beside the risk to people walking home late on unlit country roads.</p>")
CANONICAL = "<link rel='canonical' href='http://www.towngazette.com/news/night-buses'>"
COPYRIGHT = "<p>&copy; 2011 Town Gazette. All rights reserved.</p>"


def _title(tmp_path, head: str, top: str, tail: str = "") -> str:
    p = tmp_path / "page.html"
    p.write_text(f"<html><head><meta charset='utf-8'>{head}<meta name='date' content='2012-10-09'></head>"
                 f"<body>{top}{BODY}{tail}</body></html>", encoding="utf-8")
    return ingest_file(p).title


def test_a_two_word_h1_beside_an_seo_title_the_page_never_prints(tmp_path):
    assert _title(tmp_path, "<title>Cheap flights, hotels and holiday deals online</title>",
                  "<h1>Buses saved</h1>") == "Buses saved"
    # the site's name in the <title> and a home link does not count as printing the <title>
    assert _title(tmp_path, "<title>Valley Courier - local news, sport and weather for the valley</title>",
                  "<a href='/'>Valley Courier</a><h1>Buses saved</h1>") == "Buses saved"


def test_a_short_h1_is_a_section_when_the_page_prints_the_title_s_headline(tmp_path):
    assert _title(tmp_path, "<title>Night buses saved for the winter - Example Gazette</title>",
                  "<h1>Local news</h1><h2>Night buses saved for the winter</h2>") \
        == "Night buses saved for the winter"
    assert _title(tmp_path, "<title>Night buses saved for the winter - Example Gazette</title>",
                  "<h1><a href='/local/'>Local news</a></h1><div>Night buses saved for the winter</div>") \
        == "Night buses saved for the winter"


def test_site_then_headline_both_printed_the_host_or_copyright_names_the_site(tmp_path):
    head = "<title>Town Gazette | Night buses saved for the winter</title>"
    top = "<div>Town Gazette</div><div>Night buses saved for the winter</div>"
    assert _title(tmp_path, head + CANONICAL, top) == "Night buses saved for the winter"
    assert _title(tmp_path, head, top, COPYRIGHT) == "Night buses saved for the winter"
    # without either, nothing tells the site from a kicker: the title stays whole
    assert _title(tmp_path, head, top) == "Town Gazette | Night buses saved for the winter"


def test_og_title_and_title_both_the_site_s_name_the_printed_headline(tmp_path):
    head = "<title>Town Gazette</title><meta property='og:title' content='Town Gazette'>"
    assert _title(tmp_path, head, "<div class='big'>Night buses saved for the winter</div>", COPYRIGHT) \
        == "Night buses saved for the winter"
    assert _title(tmp_path, head + CANONICAL,
                  "<a href='/'>Town Gazette</a><p><font size=5>Night buses saved for the winter</font></p>") \
        == "Night buses saved for the winter"


def test_an_unspaced_site_prefix_goes_when_the_page_prints_the_headline_alone(tmp_path):
    head = "<title>Gazette Online: Volunteers finish restoring the old town clock</title>"
    top = "<font size=5><b>Volunteers finish restoring the old town clock</b></font><br>"
    assert _title(tmp_path, head, top) == "Volunteers finish restoring the old town clock"
    # a kicker the page prints too stays ("Kicker: Title" set apart)
    assert _title(tmp_path, head, "<p><b>Gazette Online</b></p>" + top) == \
        "Gazette Online: Volunteers finish restoring the old town clock"


def test_the_copyright_pattern_reads_every_form_the_plain_ignore_case_one_did():
    # COPYRIGHT opens with a plain character set so it scans a whole page fast; it must find what the
    # plain ignore-case alternation found, at the same places
    import re

    from briefgen.ingest.html import COPYRIGHT

    plain = re.compile(r"(?:©|&copy;|&#169;|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)?\d{2,4}\s*)?)?"
                       r"(?:by\s+)?", re.IGNORECASE)
    page = ("<p>© 2011 Town Gazette</p><p>&copy; 2009-2011 by Ann</p><p>&COPY;2010</p><p>&#169; 1999 – 2004 X</p>"
            "<p>(C) 2008 Y</p><p>(c)Z</p><p>COPYRIGHT 2007 BY W</p><p>Copyright Acme</p><p>cc (x) &amp; copy</p>")
    assert [m.span() for m in COPYRIGHT.finditer(page)] == [m.span() for m in plain.finditer(page)]
    assert len(list(COPYRIGHT.finditer(page))) == 8


MENU = "<ul><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li><li><a href='/on'>What's on</a></li></ul>"


def test_a_site_s_name_printed_apart_from_the_headline_is_no_kicker(tmp_path):
    head = "<title>Town Gazette | Night buses saved for the winter</title>"
    # a menu or a tagline between them: the site's name at the top of the page
    assert _title(tmp_path, head, f"<div>Town Gazette</div>{MENU}<div>Night buses saved for the winter</div>") \
        == "Night buses saved for the winter"
    assert _title(tmp_path, head, "<div>Town Gazette</div><div>Your local paper since 1887</div>"
                                  "<div>Night buses saved for the winter</div>") == "Night buses saved for the winter"
    fr = "<title>Politique | Les bus de nuit sauvés pour l'hiver</title>"
    assert _title(tmp_path, fr, f"<div>Le Courrier</div>{MENU}<div>Politique</div><div>Les bus de nuit sauvés pour "
                                "l'hiver</div>") == "Politique | Les bus de nuit sauvés pour l'hiver"   # a kicker
    # printed right above it, a kicker or a site's name look the same: the title stays whole
    assert _title(tmp_path, head, "<div>Town Gazette</div><div>Night buses saved for the winter</div>") \
        == "Town Gazette | Night buses saved for the winter"


def test_the_host_s_labels_umlauts_and_initials_name_the_site(tmp_path):
    de = "<title>Nachtbusse fahren auch im Winter weiter - {site}</title><link rel='canonical' href='{url}'>"
    top = "<div>{site}</div><div>Nachtbusse fahren auch im Winter weiter</div>"
    for site, url in (("Neue Zürcher Zeitung", "http://www.nzz.ch/x"), ("Südkurier Online", "http://www.suedkurier.de/x"),
                      ("The Japan Times", "http://news.japantimes.example.co.jp/x")):
        assert _title(tmp_path, de.format(site=site, url=url), top.format(site=site)) \
            == "Nachtbusse fahren auch im Winter weiter", site
    # a headline part holding a word of the host is no site's name
    assert _title(tmp_path, "<title>Berlin mayor resigns | News</title><link rel='canonical' href='http://berlin.example/x'>",
                  "<div>News</div><div>Berlin mayor resigns</div>") == "Berlin mayor resigns | News"


def test_a_logo_s_alt_text_names_the_site(tmp_path):
    head = "<title>Le Courrier de la Vallée | Les bus de nuit sauvés pour l'hiver</title>"
    top = ("<div id='logo'><img src='/img/courrier.gif' alt='Le Courrier de la Vallée'>"
           "<div>Le Courrier de la Vallée</div></div><div>Les bus de nuit sauvés pour l'hiver</div>")
    assert _title(tmp_path, head, top) == "Les bus de nuit sauvés pour l'hiver"


def test_trafilatura_s_guess_of_the_site_s_name_is_not_the_page_s_word(tmp_path):
    # without og:site_name trafilatura guesses the site's name from the <title> (a part with a dot); when
    # it guesses the headline, the title is still the headline, not the text printed above the paragraph
    head = ("<title>Night buses saved for the winter in St. Ives - Town Gazette</title>"
            "<link rel='canonical' href='http://www.towngazette.com/news/night-buses'>")
    top = ("<h1>Night buses saved for the winter in St. Ives</h1>"
           "<p class='byline'>By Ann Smith and Bob Jones / Staff Writers</p>")
    assert _title(tmp_path, head, top) == "Night buses saved for the winter in St. Ives"


def test_a_kicker_the_h1_prints_with_the_headline_is_no_site_s_part(tmp_path):
    # og:title "Kicker / Headline", the JSON-LD headline without the kicker, the <h1> printing both: the
    # kicker is the page's headline's, not a site's part for the JSON-LD form to cut away
    head = ("<meta property='og:title' content='Winter service / Night buses saved after a petition'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": "
            "\"Night buses saved after a petition\"}</script>"
            "<title>Winter service Night buses saved after a petition - Town Gazette</title>")
    top = "<h1><span class='kicker'>Winter service</span> Night buses saved after a petition</h1>"
    assert _title(tmp_path, head, top) == "Winter service / Night buses saved after a petition"
    # a site's name the <h1> does not print still goes
    head = head.replace("Winter service / ", "").replace("Winter service ", "")
    assert _title(tmp_path, head, "<h1>Night buses saved after a petition</h1>") == "Night buses saved after a petition"
