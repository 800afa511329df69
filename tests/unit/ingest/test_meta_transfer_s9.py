"""Titles and dates of older, varied pages, session 9 (issue 11): hand-made whole pages as small news sites,
blogs and magazines of 2008–2019 laid them out (WordPress and Blogger themes, layout tables, `<font>`
headlines, hAtom microformats, "Site - Headline", "Headline :: Site", "Section | Headline | Site" document
titles, an `<h1>` that is the site's logo, an og:title other than the shown headline, all-caps titles; US
month-first dates, "Posted on … by", UTC stamps on another local day, updates printed beside the
publication, a date only in the address, a copyright year only, readers' comments dated after the post,
Russian, Portuguese and Czech dates), on the HTML path and, for dates, on dumps.

Written with their expectations before any run (session 9), from general layouts of older sites, not from
any sample page's lines; the session report gives how many passed as written, and
`python bench/meta_transfer_baselines.py test_meta_transfer_s9` puts trafilatura's metadata and htmldate
beside briefgen on the same pages. A case's `want` is the title (a string) or the publication day (a date;
None: the page shows no date of its own and is dated by its file)."""
from __future__ import annotations

from datetime import date

import pytest

from briefgen.ingest.pipeline import ingest_file
from tests.unit.ingest.test_meta_transfer import FOOTER, HEADLINE, MENU, RELATED, SITE, TEXT

HOST = {"en": "www.valleycourier.com", "de": "www.talbote.de", "fr": "www.courrierduval.ch",
        "pt": "www.jornaldovale.com.br", "ru": "vestnik-doliny.ru", "cs": "www.udolnilisty.cz",
        "ja": "www.tani-shimbun.jp"}
TEXT = dict(TEXT, ja=(
    "町議会は火曜日の夜、住民が四千人を超える署名を集めたことを受けて、冬の間も夜間バスの運行を続けることを決めた。",
    "議員らは、街灯のない道を歩いて帰る人々の危険に比べれば運行費用は小さいとして、他の予算での節約を求めた。",
    "運行会社は決定を歓迎し、来週新しい時刻表を発表すると述べた。金曜と土曜の夜には北部の集落へ二便を増やす。"))
HEADLINE = dict(HEADLINE, ja="夜間バス、冬も運行継続 住民の署名受け")
SITE = dict(SITE, ja="谷新聞")
MENU = dict(MENU, ja=["ホーム", "ニュース", "スポーツ", "オピニオン", "お問い合わせ"])
RELATED = dict(RELATED, ja=["関連記事", "図書館の開館時間を延長", "春に新しい自転車道が開通"])
FOOTER = dict(FOOTER, ja="© 2024 谷新聞 無断転載を禁じます")
BLOG = "Valley Walks"   # an English blog's name


def _page(tmp_path, lang: str, head: str, top: str, *, bottom: str = "", sidebar: str = "",
          logo: str | None = None, table: bool = False) -> object:
    """A whole older page: the site's name (or `logo`), a menu, the story (`top` above its three
    paragraphs, `bottom` below them), a sidebar of other stories (or `sidebar`), a footer; laid out in
    `<div>`s or, with `table`, in a layout table as sites of the early 2000s did."""
    paras = "".join(f"<p>{t}</p>" for t in TEXT[lang])
    menu = "".join(f"<a href='/{n}/'>{m}</a> | " for n, m in enumerate(MENU[lang]))
    related = "".join(f"<li><a href='/r{n}.html'>{m}</a></li>" for n, m in enumerate(RELATED[lang][1:]))
    side = sidebar or f"<h3>{RELATED[lang][0]}</h3><ul>{related}</ul>"
    name = logo if logo is not None else f"<div id='masthead'><a href='/'>{SITE[lang]}</a></div>"
    story = f"{top}{paras}{bottom}"
    if table:
        body = (f"<table width='760' border='0' cellpadding='0'><tr><td colspan='2'>{name}</td></tr>"
                f"<tr><td colspan='2'><font size='2'>{menu}</font></td></tr>"
                f"<tr><td width='160' valign='top'>{side}</td><td valign='top'>{story}</td></tr>"
                f"<tr><td colspan='2'><font size='1'>{FOOTER[lang]}</font></td></tr></table>")
    else:
        body = (f"{name}<div id='nav'>{menu}</div><div id='main'><div class='post'>{story}</div></div>"
                f"<div id='sidebar'>{side}</div><div id='footer'>{FOOTER[lang]}</div>")
    p = tmp_path / "page.html"
    p.write_text(f"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html lang='{lang}'>"
                 f"<head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'>{head}</head>"
                 f"<body>{body}</body></html>", encoding="utf-8")
    return ingest_file(p)


def _dump(tmp_path, lang: str, above: list[str], below: list[str] = ()) -> object:
    """A dump without a `date` line: the site's name, menu, headline, `above` (date and byline lines),
    the text, `below` (a post's footer, comments), related links, footer."""
    lines = [SITE[lang], *MENU[lang], "", HEADLINE[lang], *above, ""]
    lines += [p + "\n" for p in TEXT[lang] * 2] + list(below) + ["", *RELATED[lang], "", FOOTER[lang]]
    p = tmp_path / "page.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ingest_file(p)


H = HEADLINE
DAY = "<meta name='date' content='2015-02-26'>"   # a machine date, so that a title case tests the title only

# 1. Titles: (case, lang, head, top, options, want)
TITLES = [
    # "Site - Headline": the site's name first; its name is an <h1> link, the headline an <h2>
    ("site-dash-headline", "en", f"<title>{SITE['en']} - {H['en']}</title>{DAY}",
     f"<h2>{H['en']}</h2>", {"logo": f"<h1><a href='/'>{SITE['en']}</a></h1>"}, H["en"]),
    # "Headline :: Site"
    ("double-colon", "en", f"<title>{H['en']} :: {SITE['en']}</title>{DAY}",
     f"<h1 class='title'>{H['en']}</h1>", {}, H["en"]),
    # "Section | Headline | Site"
    ("section-headline-site", "de", f"<title>Lokales | {H['de']} | {SITE['de']}</title>{DAY}",
     f"<h1>{H['de']}</h1>", {}, H["de"]),
    # the <h1> is the site's logo (an image with its name), the headline an <h2>; "Site | Headline"
    ("logo-h1", "en", f"<title>{SITE['en']} | {H['en']}</title>{DAY}",
     f"<h2 class='headline'>{H['en']}</h2>",
     {"logo": f"<h1 id='logo'><a href='http://{HOST['en']}/'><img src='/i/logo.gif' alt='{SITE['en']}'></a></h1>"},
     H["en"]),
    # og:title carries the kicker the <h1> sets apart in a span: the headline without it
    ("og-title-with-kicker", "en",
     f"<title>{H['en']} | {SITE['en']}</title><meta property='og:title' content='Transport: {H['en']}'>{DAY}",
     f"<h1><span class='kicker'>Transport</span> {H['en']}</h1>", {}, H["en"]),
    # og:title is an SEO wording the page never shows: the shown headline
    ("og-title-seo", "en",
     (f"<title>Council keeps night buses running all winter | {SITE['en']}</title>"
      f"<meta property='og:title' content='Council keeps night buses running all winter'>{DAY}"),
     f"<h1>{H['en']}</h1>", {}, H["en"]),
    # a site suffix with a tagline in another language (a Swiss French paper's English tagline)
    ("suffix-other-language", "fr",
     f"<title>{H['fr']} | {SITE['fr']} - Swiss news in French</title>{DAY}", f"<h1>{H['fr']}</h1>", {}, H["fr"]),
    # WordPress: "Blog » Post", the post's title a permalink in an <h2>
    ("wordpress-raquo", "en", f"<title>{BLOG} &raquo; {H['en']}</title>{DAY}",
     (f"<h2><a href='http://valleywalks.net/2015/02/night-buses/' rel='bookmark' "
      f"title='Permanent Link to {H['en']}'>{H['en']}</a></h2>"),
     {"logo": f"<h1 id='blog-title'><a href='http://valleywalks.net/'>{BLOG}</a></h1>"}, H["en"]),
    # Blogger: "Blog: Post", the date header above the post's <h3 class='post-title entry-title'> link
    ("blogger", "en", f"<title>{BLOG}: {H['en']}</title>{DAY}",
     (f"<h2 class='date-header'><span>Thursday, February 26, 2015</span></h2>"
      f"<h3 class='post-title entry-title'><a href='http://valleywalks.blogspot.com/2015/02/night-buses.html'>"
      f"{H['en']}</a></h3>"),
     {"logo": f"<div id='header'><h1 class='title'><a href='http://valleywalks.blogspot.com/'>{BLOG}</a></h1></div>"},
     H["en"]),
    # an all-caps <title>; the page prints the headline in its own case
    ("all-caps-title", "en", f"<title>{H['en'].upper()} - {SITE['en'].upper()}</title>{DAY}",
     f"<h1>{H['en']}</h1>", {}, H["en"]),
    # the document title is the blog's name only; the post's title an <h2 class='entry-title'>
    ("entry-title", "en", f"<title>{BLOG}</title>{DAY}", f"<h2 class='entry-title'>{H['en']}</h2>",
     {"logo": f"<h1><a href='/'>{BLOG}</a></h1>"}, H["en"]),
    # a layout table, the headline in a <font><b> of its cell; the title is the site and its tagline
    ("table-font-headline", "en", f"<title>{SITE['en']} - Local news for the valley</title>{DAY}",
     f"<font face='Arial' size='4'><b>{H['en']}</b></font><br><br>", {"table": True}, H["en"]),
    # Portuguese "Site - Headline"
    ("pt-site-first", "pt", f"<title>{SITE['pt']} - {H['pt']}</title>{DAY}", f"<h1>{H['pt']}</h1>", {},
     H["pt"]),
    # Russian "Headline - Site - tagline"
    ("ru-site-tagline", "ru", f"<title>{H['ru']} - {SITE['ru']} - новости города</title>{DAY}",
     f"<h1>{H['ru']}</h1>", {}, H["ru"]),
    # a headline that holds the title's separator itself
    ("headline-with-dash", "en", f"<title>Night buses saved - for now - {SITE['en']}</title>{DAY}",
     "<h1>Night buses saved - for now</h1>", {}, "Night buses saved - for now"),
    # Czech, no <h1>: the headline a bold paragraph; "Site - Headline"
    ("cs-bold-headline", "cs", f"<title>{SITE['cs']} - {H['cs']}</title>{DAY}",
     f"<p class='nadpis'><b>{H['cs']}</b></p>", {}, H["cs"]),
]


# Two expectations written before the run that the sample pages' references do not bear out: where a
# page's og:title and <h1> are worded differently (not only by a site's suffix), the references follow
# og:title on some (de-ntv, de-stern, en-express, sv-aftonbladet) and the <h1> on others (en-cbcnews,
# en-inews, en-westaustralian, pl-rzeczpospolita), and German ones keep og:title's "Kicker: Headline"
# (mitteldeutschezeitung, stuttgarterzeitung, rheinischepost) as often as they drop it (srf, sportschau).
# og:title stays first (it matched the references best), so these two stay as written, failing: a choice
# no general rule settles.
DISPUTED = {"og-title-with-kicker", "og-title-seo"}
TITLES = [pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason="references disagree")) if c[0] in DISPUTED
          else c for c in TITLES]


@pytest.mark.parametrize("case, lang, head, top, options, want", TITLES,
                         ids=[(c.values if hasattr(c, "values") else c)[0] for c in TITLES])
def test_html_title(tmp_path, case, lang, head, top, options, want):
    assert _page(tmp_path, lang, head, top, **options).title == want


def test_the_plausible_local_days_of_a_moment_come_from_the_language_s_territories():
    from datetime import UTC, datetime

    from briefgen.ingest.html_dates import plausible_days

    afternoon = datetime(2024, 4, 25, 17, 30, tzinfo=UTC)
    assert plausible_days(afternoon, "de") == {date(2024, 4, 25)}             # UTC+1/+2: the same evening
    assert plausible_days(afternoon, "de_CH") == {date(2024, 4, 25)}
    assert plausible_days(datetime(2024, 4, 25, 16, tzinfo=UTC), "ja") == {date(2024, 4, 26)}
    assert plausible_days(datetime(2015, 3, 1, 2, 30, tzinfo=UTC), "en") >= {
        date(2015, 2, 28), date(2015, 3, 1)}                                   # from Hawaii to New Zealand
    assert plausible_days(datetime(2024, 4, 25, tzinfo=UTC), "de") is None   # a bare day at midnight
    assert plausible_days(afternoon, None) is None and plausible_days(afternoon, "xx") is None


def test_a_line_that_counts_the_comments_is_the_post_s_own():
    from briefgen.ingest.dates import counts_comments

    for text in ("Filed under News on 3 May 2013 | 3 Comments", "Posted in News | No Comments »", "Comments (4)",
                 "12 Kommentare", "Commentaires (3)", "4 комментария", "2 Responses"):
        assert counts_comments(text), text
    for text in ("Mary on 4 May 2013 at 9:12", "Posted in News | Leave a Comment", "The council's 3 members"):
        assert not counts_comments(text), text


# 2. Dates on the HTML path: (case, lang, head, top, options, want)
COMMENTS_EN = ("<div id='comments'><h3>3 Responses to &#8220;{h}&#8221;</h3><ol class='commentlist'>"
               "<li><cite>Mary</cite> says:<br><small>March 4, 2010 at 8:12 am</small><p>Good news for the "
               "villages, at last.</p></li><li><cite>Tom</cite> says:<br><small>March 5, 2010 at 11:40 pm</small>"
               "<p>About time the council listened.</p></li><li><cite>admin</cite> says:<br>"
               "<small>March 8, 2010 at 9:03 am</small><p>Thanks for reading.</p></li></ol></div>")
ARCHIVES = ("<h3>Archives</h3><ul><li><a href='/2010/03/'>March 2010</a></li><li><a href='/2010/02/'>February "
            "2010</a></li><li><a href='/2010/01/'>January 2010</a></li></ul>")
T = {lang: f"<title>{H[lang]} | {SITE[lang]}</title>" for lang in H}
DATES = [
    # a US page's month-first date, open either way (03/05)
    ("us-month-first", "en", T["en"], f"<h1>{H['en']}</h1><p class='byline'>Posted 03/05/2012 at 10:15 AM</p>",
     {}, date(2012, 3, 5)),
    # WordPress: "Posted on … by admin", readers' comments dated after it, monthly archives in the sidebar
    ("posted-on-by", "en", f"<title>{BLOG} &raquo; {H['en']}</title>",
     (f"<h2>{H['en']}</h2><div class='postmeta'>Posted on March 3, 2010 by admin</div>"),
     {"bottom": COMMENTS_EN.format(h=H["en"]), "sidebar": ARCHIVES}, date(2010, 3, 3)),
    # a UTC stamp on the next day; the page prints the US evening's day and time
    ("utc-next-day-printed", "en",
     T["en"] + "<meta property='article:published_time' content='2015-02-27T03:30:00+00:00'>",
     f"<h1>{H['en']}</h1><p class='dateline'>February 26, 2015 10:30 PM EST</p>", {}, date(2015, 2, 26)),
    # hAtom: <abbr class='published' title='ISO'>, the ISO a UTC stamp on the next day
    ("hatom-utc", "en", T["en"],
     (f"<h2 class='entry-title'>{H['en']}</h2><p>Posted by Ann on <abbr class='published' "
      "title='2010-03-04T03:15:00+00:00'>March 3, 2010</abbr></p>"), {}, date(2010, 3, 3)),
    # an update printed after the publication, on one line
    ("updated-after", "en", T["en"],
     (f"<h1>{H['en']}</h1><p class='meta'>Published: 12 June 2017 09:00 BST | Last updated: 14 June 2017 "
      "17:22 BST</p>"), {}, date(2017, 6, 12)),
    # the update printed first, the publication below it
    ("updated-first", "en", T["en"],
     (f"<h1>{H['en']}</h1><p><small>Last updated 14 June 2017</small></p>"
      "<p><small>First published 12 June 2017</small></p>"), {}, date(2017, 6, 12)),
    # the date only in the address
    ("url-only", "en",
     T["en"] + f"<link rel='canonical' href='http://{HOST['en']}/2012/03/05/night-buses-saved/'>",
     f"<h1>{H['en']}</h1>", {}, date(2012, 3, 5)),
    # only the copyright year: no date of its own (dated by its file)
    ("copyright-only", "en", T["en"], f"<h1>{H['en']}</h1>", {}, None),
    # the post's date at its foot ("Filed under"), comments dated after it below
    ("date-at-foot-comments-after", "en", T["en"], f"<h2>{H['en']}</h2>",
     {"bottom": ("<p class='postmetadata'>Filed under News on 3 May 2013 | 3 Comments</p>"
                 "<div class='comments'><p><b>Mary</b> on 4 May 2013 at 9:12</p><p>Good news for the villages.</p>"
                 "<p><b>Tom</b> on 5 May 2013 at 10:01</p><p>About time the council listened.</p>"
                 "<p><b>Ann</b> on 9 May 2013 at 18:30</p><p>Thanks for the report.</p></div>")},
     date(2013, 5, 3)),
    # Russian, Portuguese (with an update), Czech printed dates, no machine dates
    ("ru-genitive", "ru", T["ru"], f"<h1>{H['ru']}</h1><p class='date'>12 марта 2014, 15:40</p>", {},
     date(2014, 3, 12)),
    ("pt-de-marco", "pt", T["pt"],
     (f"<h1>{H['pt']}</h1><p class='data'>Publicado em 5 de março de 2012 às 10h30 | Atualizado em 7 de março "
      "de 2012 às 18h02</p>"), {}, date(2012, 3, 5)),
    ("cs-genitive", "cs", T["cs"], f"<h1>{H['cs']}</h1><p class='datum'>5. března 2012 10:30</p>", {},
     date(2012, 3, 5)),
    # an unlabelled edition day beside a UTC afternoon: a German page cannot be on the next day at 17:30 UTC
    ("de-edition-beside-utc", "de",
     T["de"] + "<meta property='article:published_time' content='2024-04-25T17:30:00Z'>",
     f"<h1>{H['de']}</h1><p class='date'>26.04.2024</p>", {}, date(2024, 4, 25)),
    # ... while a Japanese page at 16:00 UTC is on the next day (01:00 JST)
    ("ja-next-day-beside-utc", "ja",
     T["ja"] + "<meta property='article:published_time' content='2024-04-25T16:00:00Z'>",
     f"<h1>{H['ja']}</h1><p class='date'>2024年4月26日</p>", {}, date(2024, 4, 26)),
    # ... and a US page at 02:30 UTC on the day before
    ("us-day-before-utc", "en",
     T["en"] + "<meta property='article:published_time' content='2015-03-01T02:30:00Z'>",
     f"<h1>{H['en']}</h1><p class='date'>February 28, 2015</p>", {}, date(2015, 2, 28)),
    # Blogger: the date header above the post's title, "Posted by Ann at 10:15 PM" below the post
    ("blogger-date-header", "en", f"<title>{BLOG}: {H['en']}</title>",
     (f"<h2 class='date-header'><span>Wednesday, March 3, 2010</span></h2>"
      f"<h3 class='post-title entry-title'>{H['en']}</h3>"),
     {"bottom": "<div class='post-footer'>Posted by Ann at <a class='timestamp-link' href='#'>10:15 PM</a> "
                "<a href='#comments'>2 comments</a></div>", "sidebar": ARCHIVES}, date(2010, 3, 3)),
]


@pytest.mark.parametrize("case, lang, head, top, options, want", DATES, ids=[c[0] for c in DATES])
def test_html_date(tmp_path, case, lang, head, top, options, want):
    a = _page(tmp_path, lang, head, top, **options)
    if want is None:
        assert a.date_from == "file"
    else:
        assert a.date_from is None and a.date.date() == want


# 3. Dates on dumps without a `date` line: (case, lang, above, below, want)
DUMP_DATES = [
    ("posted-on-by", "en", ["Posted on March 3, 2010 by admin"],
     ["3 Responses to “" + H["en"] + "”", "Mary says:", "March 4, 2010 at 8:12 am", "Good news for the villages.",
      "Tom says:", "March 5, 2010 at 11:40 pm", "About time the council listened."], date(2010, 3, 3)),
    ("us-month-first", "en", ["Posted 03/05/2012 at 10:15 AM"], [], date(2012, 3, 5)),
    ("updated-first", "en", ["Last updated 14 June 2017", "First published 12 June 2017"], [], date(2017, 6, 12)),
    ("updated-after", "en", ["Published: 12 June 2017 09:00 BST | Last updated: 14 June 2017 17:22 BST"], [],
     date(2017, 6, 12)),
    ("ru-genitive", "ru", ["12 марта 2014, 15:40"], [], date(2014, 3, 12)),
    ("pt-de-marco", "pt", ["Publicado em 5 de março de 2012 às 10h30"], [], date(2012, 3, 5)),
    ("cs-genitive", "cs", ["5. března 2012 10:30"], [], date(2012, 3, 5)),
    ("date-at-foot-comments-after", "en", [],
     ["Filed under News on 3 May 2013 | 3 Comments", "Mary on 4 May 2013 at 9:12", "Good news for the villages.",
      "Tom on 5 May 2013 at 10:01", "About time the council listened."], date(2013, 5, 3)),
]


@pytest.mark.parametrize("case, lang, above, below, want", DUMP_DATES, ids=[c[0] for c in DUMP_DATES])
def test_dump_date(tmp_path, case, lang, above, below, want):
    a = _dump(tmp_path, lang, above, below)
    assert a.date_from is None and a.date.date() == want


# 4. Added after the first run (a probe of dumps whose `date` line is the article's day, as the held-out
# dumps are made): a single earlier date printed above the headline
def test_dump_a_link_to_another_post_with_its_date_is_not_the_article_s(tmp_path):
    # "« Older post (date)": a link to the previous post, above the headline; the `date` line stands
    lines = ["date 2010-03-03", SITE["en"], *MENU["en"], "« Council to vote on night buses (February 24, 2010)", "",
             H["en"], "By Ann Lee", ""] + [p + "\n" for p in TEXT["en"] * 2] + [FOOTER["en"]]
    p = tmp_path / "page.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ingest_file(p).date.date() == date(2010, 3, 3)


NAV = ("<div class='navigation'><a href='/2010/02/24/council-vote/'>&laquo; Council to vote on night buses "
       "(February 24, 2010)</a></div>")


@pytest.mark.parametrize("top, want", [
    (f"{NAV}<h2>{H['en']}</h2>", None),    # the page shows no date of its own
    (f"{NAV}<h2>{H['en']}</h2><p class='postmeta'>Posted on March 3, 2010 by admin</p>", date(2010, 3, 3)),
])
def test_html_a_link_to_another_post_with_its_date_is_not_the_article_s(tmp_path, top, want):
    a = _page(tmp_path, "en", T["en"], top)
    assert (a.date_from == "file") if want is None else (a.date.date() == want)


def test_dump_an_event_s_date_above_the_headline_beside_the_date_line(tmp_path):
    # "Sitzung vom 8. Mai 2012" as a kicker: the page prints no other date; the `date` line is the article's
    # day (a strict xfail in session 9; since session 10 a date a phrase names above the headline, meta._event_date,
    # is no word against the `date` line)
    lines = ["date 2012-05-10", SITE["de"], *MENU["de"], "Sitzung vom 8. Mai 2012", "", H["de"], "Von Anna Muster", ""]
    lines += [p + "\n" for p in TEXT["de"] * 2] + [FOOTER["de"]]
    p = tmp_path / "page.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ingest_file(p).date.date() == date(2012, 5, 10)


# 5. Added after the first run (probes of more older title layouts; nine others passed as they were): a
# section name where the headline was expected
@pytest.mark.parametrize("case, head, top, want", [
    # an older CMS's section heading as the <h1>, the story's title an <h2>; the <title> carries both
    ("h1-section", f"<title>{H['en']} | News | {SITE['en']}</title>{DAY}", f"<h1>News</h1><h2>{H['en']}</h2>",
     H["en"]),
    # the <title> is the site and the section only; the headline an <h3>
    ("title-site-section", f"<title>{SITE['en']} - News</title>{DAY}", f"<h3>{H['en']}</h3>", H["en"]),
])
def test_html_a_section_name_is_no_headline(tmp_path, case, head, top, want):
    assert _page(tmp_path, "en", head, top).title == want
