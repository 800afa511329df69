"""Metadata of older pages. Dump dates when the `date` line is missing, or is the day the page was saved
rather than the day it appeared: the page's own header date decides. HTML printed dates and titles
without og:title (section suffixes, an <h1> beside an SEO title). Texts and pages written here."""
from __future__ import annotations

from datetime import date

from briefgen.ingest import dates
from briefgen.ingest.clean import clean_dump
from briefgen.ingest.meta import find_dates, split_prefix
from briefgen.ingest.meta_score import (
    with_later_date_line,
    without_date_line,
    without_machine_dates,
    without_meta_titles,
)

BODY = ("The council met on the evening to discuss the plans for the new bridge across the river. "
        "Residents had asked for a safer crossing for years, and the engineers presented three options. ") * 3


def _published(dump: str, lang: str = "en"):
    ref, _, text = split_prefix(dump)
    return find_dates(clean_dump(text), ref, lang)[0]


HEADER = ("Council backs the new river bridge\n\nBy Jane Doe\n"
          "April 26, 2014 at 11:24 a.m. EDT\n\n" + BODY + "\n\n"
          "— Local Weather (@weatherdesk) April 25, 2014\n\n" + BODY)


def test_without_a_date_line_the_header_date_beats_an_embedded_post_below():
    # a nine-word date line with its time and zone is a date line, and it stands above the text
    assert _published(HEADER).date() == date(2014, 4, 26)


def test_a_date_line_saved_months_later_gives_way_to_the_printed_date():
    assert _published("date 2014-09-15\n" + HEADER).date() == date(2014, 4, 26)


def test_a_long_header_line_with_the_date_beats_a_date_range_inside_the_text():
    dump = ("Neue Brücke über den Fluss beschlossen\n\n"
            "Artikel veröffentlicht am 28. April 2014, 14:26 Uhr, Erika Mustermann, Redakteurin Lokales\n\n"
            + BODY + "\n\nFestwoche 17.-20.06.2014\n\n" + BODY)
    assert _published(dump, "de").date() == date(2014, 4, 28)
    assert _published("date 2014-10-01\n" + dump, "de").date() == date(2014, 4, 28)


def test_the_nearest_teaser_free_date_wins_over_teaser_dates_further_up():
    teasers = "".join(f"Sport {d:02d}.04.2014\n\nTeaser headline number {d}\n\n" for d in (20, 21, 22))
    dump = teasers + "Council backs the new bridge\n\nVon Erika Mustermann 26.04.2014, 20:59 Uhr\n\n" + BODY
    assert _published(dump, "de").date() == date(2014, 4, 26)


def test_a_relative_date_counts_from_the_date_line_so_the_printed_date_comes_first():
    dump = ("date 2014-09-15\nCouncil backs the new bridge\n\n28.04.2014 | 17:52 Uhr\n\n" + BODY
            + "\n\nvor 2 Std.\n\n" + BODY)
    assert _published(dump, "de").date() == date(2014, 4, 28)


def test_an_update_stamp_alone_gives_the_day_when_the_date_line_is_later():
    dump = "Council backs the new bridge\n\nStand: 28. April 2014, 05:00 Uhr\n\n" + BODY
    assert _published(dump, "de").date() == date(2014, 4, 28)                        # no date line
    assert _published("date 2014-09-15\n" + dump, "de").date() == date(2014, 4, 28)  # saved later
    assert _published("date 2014-04-28\n" + dump, "de").date() == date(2014, 4, 28)


def test_without_a_date_line_a_relative_date_is_never_the_clock_s_day():
    # dateparser would read "vor 2 Stunden" from today: without a day to count from it is no date
    assert dates.parse("Veröffentlicht vor 2 Stunden", slow=True, lang="de") is None
    assert dates.parse("Publié il y a 3 jours", slow=True, lang="fr") is None


def test_hier_is_yesterday_only_in_french_and_not_inside_a_sentence():
    ref = date(2014, 4, 28)
    assert dates.parse("hier, 18:00", ref, lang="fr").date() == date(2014, 4, 27)
    assert dates.parse("In der Stunde schlachten wir hier so 45 Schweine.", ref, lang="de") is None
    assert dates.parse("Yesterday", ref, lang="en").date() == date(2014, 4, 27)
    assert dates.parse("What we learned yesterday about the council and the bridge", ref, lang="en") is None


def test_the_degraded_variants_of_a_dump():
    dump = "date 2014-04-28 DE | FR\nTitle\n\nText"
    assert without_date_line(dump) == "DE | FR\nTitle\n\nText"
    assert without_date_line("date 2014-04-28\nTitle") == "Title"
    assert with_later_date_line(dump, 100) == "date 2014-08-06 DE | FR\nTitle\n\nText"
    assert without_date_line("Title\n\nText") == "Title\n\nText"


def test_the_degraded_variants_of_an_html_page():
    page = ('<meta property="article:published_time" content="2014-04-28T10:00:00Z"><meta name="viewport" '
            'content="a"><meta property="og:title" content="T"><meta name="description" content="D">'
            '<script type="application/ld+json">{"datePublished": "2014-04-28", "headline": "T"}</script>'
            '<time datetime="2014-04-28">28 April 2014</time><span itemprop="datePublished" content="2014">x</span>')
    assert without_machine_dates(page) == ('<meta name="viewport" content="a"><meta property="og:title" '
                                           'content="T"><meta name="description" content="D">'
                                           '<time>28 April 2014</time><span itemprop="datePublished">x</span>')
    assert "og:title" not in without_meta_titles(page) and "ld+json" not in without_meta_titles(page)
    assert 'name="description"' in without_meta_titles(page) and "datetime" in without_meta_titles(page)


def test_a_time_zone_beside_an_ambiguous_date_gives_its_order():
    assert dates.parse("Published on 06/01/2026 - 13:55 GMT+1", lang="en").date() == date(2026, 1, 6)
    assert dates.parse("06/01/2026 10:02 CET", lang="en").date() == date(2026, 1, 6)
    assert dates.parse("06/01/2026 10:02 p.m. EDT", lang="en_GB").date() == date(2026, 6, 1)
    assert dates.parse("06/01/2026 10:02 UTC", lang="en").date() == date(2026, 6, 1)   # no hint: locale
    # the page's own order and the dump's day still come first
    assert dates.parse("06/01/2026 13:55 GMT+1", lang="en", order="mdy").date() == date(2026, 6, 1)
    assert dates.parse("06/01/2026 13:55 GMT+1", ref=date(2026, 6, 1), lang="en").date() == date(2026, 6, 1)


def _html(tmp_path, body: str):
    from briefgen.ingest.pipeline import ingest_file

    p = tmp_path / "page.html"
    p.write_text("<html lang='en-GB'><head><meta charset='utf-8'><title>Night buses saved | Courier</title>"
                 f"</head><body>{body}<p>{BODY}</p><p>{BODY}</p></body></html>", encoding="utf-8")
    return ingest_file(p)


def test_a_printed_date_line_beats_a_photo_caption_that_holds_a_date(tmp_path):
    a = _html(tmp_path, "<h1>Night buses saved</h1><figure><img src='a.jpg'><figcaption>Passengers at the "
                        "depot in Leeds, on 15 May 2014, before the vote.</figcaption></figure>"
                        "<p class='x'>By Ann Smith</p><p class='y'>29/05/2014 20:00</p>")
    assert a.date.date() == date(2014, 5, 29)


def test_the_date_above_the_headline_beats_a_teaser_date_further_below(tmp_path):
    a = _html(tmp_path, "<div>Transport</div><div>15 April 2014, 14:36</div><div>Share</div>"
                        "<h1>Night buses saved</h1><div>Listen</div><div>Audio</div><div>3 min</div>"
                        "<div>Related</div><div>Trains</div><div>More</div><div>Radio</div>"
                        "<div>14 April 2014, 17:50</div>")
    assert a.date.date() == date(2014, 4, 15)


def test_a_byline_date_below_beats_a_masthead_day_just_above(tmp_path):
    a = _html(tmp_path, "<div>Valley Courier</div><div>Tuesday, 9 December 2014</div>"
                        "<h1>Night buses saved</h1><div>Transport</div><div>By Ann Smith, 6 March 2014</div>")
    assert a.date.date() == date(2014, 3, 6)


def _titled(tmp_path, head: str, body: str):
    from briefgen.ingest.pipeline import ingest_file

    p = tmp_path / "page.html"
    p.write_text(f"<html><head><meta charset='utf-8'>{head}<meta name='date' content='2012-10-09'></head>"
                 f"<body>{body}<p>{BODY}</p><p>{BODY}</p></body></html>", encoding="utf-8")
    return ingest_file(p)


MENU = ("<ul><li><a href='/'>Home</a></li><li><a href='/news/'>News</a></li>"
        "<li><a href='/sport/'>Sport</a></li></ul>")


def test_a_section_the_menu_links_to_is_cut_off_the_title(tmp_path):
    # "Title - Section - Site" without og:title: the site by its home link, the section by the menu
    a = _titled(tmp_path, "<title>Night buses saved for the winter - News - Valley Courier</title>",
                "<a href='/'><img src='logo.png' alt='Valley Courier'></a>" + MENU +
                "<div class='title'>Night buses saved for the winter</div>")
    assert a.title == "Night buses saved for the winter"


def test_a_short_title_part_that_is_no_menu_link_stays(tmp_path):
    a = _titled(tmp_path, "<title>Night buses saved - again | Valley Courier</title>",
                "<a href='/'>Valley Courier</a>" + MENU +
                "<div class='title'>Night buses saved - again</div>")
    assert a.title == "Night buses saved - again"


def test_a_long_h1_is_the_headline_beside_an_seo_title_that_shares_no_word(tmp_path):
    a = _titled(tmp_path, "<title>Transport plans approved by councillors | Courier</title>",
                MENU + "<h1>Night buses saved for the winter</h1>")
    assert a.title == "Night buses saved for the winter"


def test_a_utc_timestamp_without_a_printed_day_takes_the_zone_of_a_printed_time():
    from datetime import UTC, datetime, timedelta

    from briefgen.ingest.html_dates import page_dates

    utc = '<meta property="article:published_time" content="2015-02-27T02:30:00Z">'
    html = f"<html><head>{utc}</head><body><h1>Night buses saved</h1>{{}}</body></html>"
    got, _ = page_dates(html.format('<span class="posted">Updated 9:30 PM EST</span>'))
    assert got.date() == date(2015, 2, 26) and got.utcoffset() == timedelta(hours=-5)
    assert got == datetime(2015, 2, 27, 2, 30, tzinfo=UTC)   # the same moment
    got, _ = page_dates(html.format('<span class="posted">Stand: 03:30 MEZ</span>'))
    assert got.date() == date(2015, 2, 27) and got.utcoffset() == timedelta(hours=1)
    # no hint at all: the moment stays in UTC (a US evening then shows as the next day)
    got, _ = page_dates(html.format('<span class="posted">Updated 9:30 PM</span>'))
    assert got.date() == date(2015, 2, 27) and got.utcoffset() == timedelta(0)


def test_the_title_part_the_page_shows_alone_is_the_headline(tmp_path):
    # WordPress 2.x: "Blog » Blog Archive » Post", the logo an image without alt, the post title in <b>
    a = _titled(tmp_path, "<title>Allotment Diaries &raquo; Blog Archive &raquo; Why the tomatoes split"
                "</title>",
                "<div id='header'><a href='/'><img src='logo.gif'></a></div>"
                "<div class='post'><b>Why the tomatoes split</b></div>")
    assert a.title == "Why the tomatoes split"
    # "Title : Site" with the site named nowhere, the headline in a <font>
    a = _titled(tmp_path, "<title>County approves new bridge : Valley Courier</title>",
                "<a href='index.html'>Home</a><font size=5>County approves new bridge</font>")
    assert a.title == "County approves new bridge"


def test_a_kicker_and_title_printed_apart_stay_one_title(tmp_path):
    a = _titled(tmp_path, "<title>Just Coup It : the tracksuit that went viral</title>",
                "<p class='kicker'>Just Coup It</p><p class='headline'>the tracksuit that went viral</p>")
    assert a.title == "Just Coup It : the tracksuit that went viral"


def test_an_og_title_that_is_the_site_s_name_on_every_page_gives_way(tmp_path):
    head = ("<meta property='og:title' content='Valley Courier'>"
            "<title>County approves new bridge | Valley Courier</title>")
    assert _titled(tmp_path, head, "<h1>County approves new bridge</h1>").title == "County approves new bridge"
    assert _titled(tmp_path, head, "<h2>County approves new bridge</h2>").title == "County approves new bridge"
    # an og:title that is the headline (the <title>'s other end) stays
    head = "<meta property='og:title' content='County approves new bridge'><title>County approves new bridge | " \
           "Valley Courier</title>"
    assert _titled(tmp_path, head, "<h2>Valley Courier</h2>").title == "County approves new bridge"


def test_the_dated_variants_of_an_html_page_and_a_dump():
    from briefgen.ingest.meta_score import (
        with_byline_date_only,
        with_other_dates,
        with_posted_line_only,
        with_url_date_only,
        without_printed_dates,
    )

    page = ('<html><head><meta name="date" content="2011-03-03"></head><body><h1>Night buses</h1>'
            '<p class="d">March 3, 2011, 10:15</p><a href="/2011/03/02/other/">Other</a><p>Text.</p></body></html>')
    bare = without_printed_dates(page)
    assert "2011" not in bare and "10:15" in bare and "Night buses" in bare
    day = date(2011, 3, 3)
    assert '<link rel="canonical" href="https://blog.example.org/2011/03/03/the-post/">' in \
        with_url_date_only(page, day, "en")
    assert "</h1><p class=\"postmeta\">Posted on 3. März 2011 by admin</p>" in with_posted_line_only(page, day, "de")
    other = with_other_dates(page, day, "en")
    assert "March 3, 2011, 10:15" in other and "Recent posts" in other and "April 2, 2011" in other \
        and "Reader 0 said on March 4, 2011 at 8:15 pm" in other
    dump = "date 2011-03-03\nNight buses\nMarch 3, 2011\n\n" + BODY
    assert with_byline_date_only(dump, day, "en") == "Night buses\n\n\nBy Jane Doe, March 3, 2011\n\n" + BODY
