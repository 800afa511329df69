"""Titles of older, varied pages, session 10 (issue 11): hand-made whole pages as 2008–2019 blogs, small news
sites and forums print them, on the HTML path: the blog's name as a plain `<h1>` above its tagline with the
post's title below it ("Post | Blog"), WordPress's "Post « Blog", a Joomla `contentheading` cell, a phpBB
topic ("Forum :: View topic - Topic"), and cases the new rules must leave alone (a short headline beside a
long site name printed in the footer, a headline with its dek and byline, French quotes in a title).

Written after the rules they test (`html._h1_is_site`, `PageNames.above_text`, the opening-guillemet
separator), from general layouts of older sites, not from any sample page's lines: they are no transfer
figure (session 10's report gives what the rules changed on the sample pages and their degraded copies)."""
from __future__ import annotations

from datetime import date

import pytest

from briefgen.ingest.pipeline import ingest_file
from tests.unit.ingest.test_meta_transfer import FOOTER, MENU, SITE, TEXT
from tests.unit.ingest.test_meta_transfer import HEADLINE as H
from tests.unit.ingest.test_meta_transfer_s9 import BLOG, DAY, T, _page

TAGLINE = "<p class='description'>Walks, pubs and bus times in the valley</p>"
PERMALINK = "<h2 class='entry-title'><a href='/2015/02/night-buses/' rel='bookmark'>{h}</a></h2>"
PAPER = "Talbote Online"   # a German paper's name as its <h1> prints it (its footer's copyright says "Talbote")

TITLES = [
    # the blog's name a plain <h1> above its tagline; the post's title a permalink <h2>: "Post | Blog"
    ("plain-h1-blog", "en", f"<title>{H['en']} | {BLOG}</title>{DAY}", PERMALINK.format(h=H["en"]),
     {"logo": f"<div id='header'><h1>{BLOG}</h1>{TAGLINE}</div>"}, H["en"]),
    # the same with the blog's name first: "Blog - Post"
    ("plain-h1-blog-first", "en", f"<title>{BLOG} - {H['en']}</title>{DAY}", PERMALINK.format(h=H["en"]),
     {"logo": f"<div id='header'><h1>{BLOG}</h1>{TAGLINE}</div>"}, H["en"]),
    # WordPress's Kubrick theme: "Post « Blog", the blog's name an <h1> link
    ("laquo", "en", f"<title>{H['en']} &laquo; {BLOG}</title>{DAY}", f"<h2>{H['en']}</h2>",
     {"logo": f"<div id='header'><h1><a href='/'>{BLOG}</a></h1>{TAGLINE}</div>"}, H["en"]),
    # Joomla 1.0/1.5: the paper's name a plain <h1>, the headline a table cell of class contentheading
    ("joomla-contentheading", "de", f"<title>{H['de']} - {PAPER}</title>{DAY}",
     (f"<table class='contentpaneopen'><tr><td class='contentheading' width='100%'>{H['de']}</td>"
      "<td class='buttonheading'><a href='#'>PDF</a></td><td class='buttonheading'><a href='#'>Drucken</a>"
      "</td></tr></table>"),
     {"logo": f"<div id='header'><h1>{PAPER}</h1><p>Nachrichten aus dem Tal und den Dörfern</p></div>"},
     H["de"]),
    # phpBB 2: "Forum :: View topic - Topic", no <h1>; the topic's title links to the topic above the post
    ("phpbb-topic", "en", f"<title>Valley Forum :: View topic - {H['en']}</title>{DAY}",
     (f"<a class='maintitle' href='viewtopic.php?t=1893'>{H['en']}</a><br>"
      f"<span class='postdetails'>Posted: Thu Feb 26, 2015 10:12 am &nbsp; Post subject: {H['en']}</span>"),
     {"logo": "<span class='maintitle'>Valley Forum</span><br><span class='gen'>Chat for the valley</span>"},
     H["en"]),
    # left alone: a short headline beside a long site name that the page prints again in its footer
    ("short-headline-long-site", "en", f"<title>Buses saved | {SITE['en']} and Weekly Advertiser</title>{DAY}",
     "<h1>Buses saved</h1>", {"logo": f"<div id='top'><b>{SITE['en']}</b></div>",
                              "bottom": f"<p>{SITE['en']} and Weekly Advertiser</p>"}, "Buses saved"),
    # left alone: "Headline - Dek" with the dek printed under the headline and its byline
    ("headline-byline-dek", "en",
     f"<title>Night buses saved - Council finds the money for a winter service at last</title>{DAY}",
     ("<div class='story-head'><h1>Night buses saved</h1><p class='byline'>By Ann Carter</p>"
      "<h2 class='dek'>Council finds the money for a winter service at last</h2></div>"), {}, "Night buses saved"),
    # left alone: French quotes inside the headline, the site's name after a bar
    ("fr-guillemets", "fr", f"<title>Grève : « On ne lâchera rien » | {SITE['fr']}</title>{DAY}",
     "<h1>Grève : « On ne lâchera rien »</h1>", {}, "Grève : « On ne lâchera rien »"),
]


@pytest.mark.parametrize("case, lang, head, top, options, want", TITLES, ids=[c[0] for c in TITLES])
def test_html_title(tmp_path, case, lang, head, top, options, want):
    assert _page(tmp_path, lang, head, top, **options).title == want


def test_a_date_written_with_its_month_s_name_settles_an_open_numeric_date():
    from briefgen.ingest.dates import page_order

    assert page_order(["Thursday 11 June 2009", "Published on 11/06/2009"]) == "dmy"
    assert page_order(["Monday, March 5, 2012", "Posted 03/05/2012 at 10:15 AM"]) == "mdy"
    assert page_order(["5 mars 2012", "Publié le 05/03/2012"], "fr") == "dmy"
    assert page_order(["Posted 03/05/2012"]) is None                      # nothing settles it
    assert page_order(["Thursday 11 June 2009", "11/06/2009", "06/11/2009"]) is None   # both readings shown
    assert page_order(["26.02.2015", "Thursday 11 June 2009", "06/11/2009"]) == "dmy"  # a field over 12 first


# An open numeric date under the headline and the day written out elsewhere (a masthead's "today", a footer's
# archive line): the page's own order, against the page language's CLDR one (en: month first)
DATES = [
    ("gb-masthead", "<div id='today'>Tuesday 5 March 2013</div>", "<p class='date'>Published on 05/03/2013</p>",
     date(2013, 3, 5)),
    ("us-masthead", "<div id='today'>Sunday, May 3, 2015</div>", "<p class='date'>Posted 05/03/2015</p>",
     date(2015, 5, 3)),
]


@pytest.mark.parametrize("case, masthead, byline, want", DATES, ids=[c[0] for c in DATES])
def test_html_date(tmp_path, case, masthead, byline, want):
    a = _page(tmp_path, "en", T["en"], f"<h1>{H['en']}</h1>{byline}",
              logo=f"<div id='masthead'><a href='/'>{SITE['en']}</a>{masthead}</div>")
    assert a.date.date() == want


# A dump whose `date` line is weeks after a date printed above its headline: a date a phrase names is an
# event's and the `date` line stands; a kicker's or a weekday's date, or one opening its line, is the page's own
# (a page saved later: the printed day). Two days before the line (the publication day as the collector knows
# it), every one gives the line's day.
ABOVE = [
    ("en-meeting-of", "en", "Meeting of May 8, 2012", date(2012, 5, 30)),
    ("fr-seance-du", "fr", "Séance du 8 mai 2012", date(2012, 5, 30)),
    ("de-kicker-comma", "de", "Politik, 8. Mai 2012", date(2012, 5, 8)),
    ("en-weekday", "en", "Tuesday, May 8, 2012", date(2012, 5, 8)),
    ("de-date-first", "de", "08.05.2012, 17:26 Uhr", date(2012, 5, 8)),
]


@pytest.mark.parametrize("case, lang, line, want", ABOVE, ids=[c[0] for c in ABOVE])
def test_dump_a_date_above_the_headline_beside_a_later_date_line(tmp_path, case, lang, line, want):
    for date_line, day in (("date 2012-05-30", want), ("date 2012-05-10", date(2012, 5, 10))):
        lines = [date_line, SITE[lang], *MENU[lang], line, "", H[lang], ""]
        lines += [p + "\n" for p in TEXT[lang] * 2] + [FOOTER[lang]]
        p = tmp_path / "page.txt"
        p.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert ingest_file(p).date.date() == day, date_line


def test_dump_without_a_date_line_an_open_numeric_date_takes_the_masthead_s_order(tmp_path):
    # a British paper's masthead day and the story's slashed "Published on" line (a credit to the cleaner)
    lines = ["Thursday 11 June 2009", SITE["en"], *MENU["en"], "", H["en"], "Published on 11/06/2009", ""]
    lines += [p + "\n" for p in TEXT["en"] * 2] + [FOOTER["en"]]
    p = tmp_path / "page.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ingest_file(p).date.date() == date(2009, 6, 11)


def test_htmldate_s_dateparser_reads_the_page_s_language_and_english_only_while_briefgen_asks():
    import htmldate.extractors as hx

    from briefgen.ingest.html import _dateparser_in

    before = hx.get_external_parser
    with _dateparser_in("de"):
        assert sorted(hx.get_external_parser().languages) == ["de", "en"]
        assert hx.get_external_parser()._settings is before()._settings   # htmldate's own settings
        assert hx.try_date_expr("12. März 2009", "%Y-%m-%d", True, hx.datetime(1995, 1, 1),
                                hx.datetime(2030, 1, 1)) == "2009-03-12"
    assert hx.get_external_parser is before
    with _dateparser_in(None):   # no language known: every locale, as htmldate does
        assert hx.get_external_parser is before
