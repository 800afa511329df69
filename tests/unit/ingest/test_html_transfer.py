"""briefgen's HTML path on hand-written pages of older, varied kinds (tests/data/html-transfer, see its
NOTE.md), each a case folder as the sample pages are (source.html, expected.txt): written before any
change to briefgen for them, so that their first figures measured how the HTML path transfers to layouts it
was not made on. Each page is checked as written and as older markup (html_eval.old_markup: class, id and
HTML5 names removed): a case is right when briefgen's lead and body hold at least 97 % of the reference's
words (recall) and at most 3 % other words (precision), by the same score as the quality gate."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.ingest.pipeline import ingest_raw
from briefgen.ingest.readers import read_raw
from briefgen.ingest.score import article_text, score

PAGES = Path(__file__).resolve().parents[2] / "data" / "html-transfer"
RIGHT = 0.97

# What the HTML path still gets wrong (strict: each flips to a failure once fixed).
KNOWN = {
    # (news-subheads-list-2009, the 'Have you been affected?' call after the story kept: right since session 12's
    # calls to comment and to call the newsroom, data/furniture.toml [cta])
    # session 9's eight pages (s9-dumpbody, written for the dump path), as first run on main ee67ff2: 2 of 8 right
    # as written, 1 of 8 as older markup
    ("gallery-50-slides-2012", "as written"): "the 50 captions are kept and the paragraphs dropped",
    ("gallery-50-slides-2012", "old"): "the 50 captions are kept and the paragraphs dropped",
    ("listpage-cookie-longest-2017", "as written"): "two short items are dropped",
    ("listpage-cookie-longest-2017", "old"): "the legal footer is taken as the article",
    # (cs-zpravy-diskuse-2009, its discussion rules' paragraph kept in both markups, right since
    # data/furniture.toml's comment-policy phrases)
    # (howto-numbered-steps-2015, its lists and subheads dropped in both markups: right since session 15's step gaps
    # across boxes and its closing walk from the text's first run)
    # (teaser-cards-readmore-2016 as older markup, the teaser cards' summaries kept: right since session 13's step
    # teaser_runs)
    # s9-html's ten pages as first run (main ee67ff2): 8 of 10 right as written, 6 of 10 as older markup; the
    # phpBB post, the pull quotes and bio, and the Blogger sidebar are right since (README, session 9)
    # session 10's batch A (s10-corpus, twelve pages) as first run (main eea3fc7): 7 of 12 right as written, 5 of 12
    # as older markup; the Medium response (both markups) and TypePad's TrackBack line (older markup) right since
    # step agreed_end (session 10, s10-html), as is interview-qa-2010's subscription sentence as older markup
    ("wire-reporting-by-2015", "old"): "the 'Next In Business News' summary and the legal footer are kept",
    ("press-release-boilerplate-2013", "as written"): "the two 'About …' boilerplate paragraphs are kept",
    ("press-release-boilerplate-2013", "old"): "the two 'About …' boilerplate paragraphs are kept",
    # (sports-boxscore-ratings-2018 as written, the 'Player ratings' subhead and list after the last paragraph
    # dropped: right since session 14's closing blocks of step gaps, written after the page was seen)
    ("sports-boxscore-ratings-2018", "old"): "the match facts' line-ups are kept (the 'Player ratings' subhead and "
                                             "list come back since session 14)",
    # (liveblog-entries-2019, the entries' <h3> headings and the newest entry dropped: right since session 15's
    # own-heading rule of step link_card, the page's order in step before_title and the headings that open a box)
    ("ru-livejournal-2010", "as written"): "the entry's title is kept as the text's first paragraph",
    ("ru-livejournal-2010", "old"): "the entry's title is kept as the text's first paragraph",
    # session 10's batch B (s10-corpus, ten pages sealed until 09:10): on eea3fc7 9 of 10 right as written, 5 of 10
    # as older markup; on main 58f1f93 (09:10) 9 / 7
    ("recipe-card-jump-2017", "old"): "the recipe card's ingredients and instructions are dropped",
    ("readmore-mostpopular-2016", "old"): "the newsletter box's consent sentence is kept",
    ("letters-page-2008", "as written"): "the letters policy box ('Write to us') is kept, the first letter's heading "
                                         "dropped",
    ("letters-page-2008", "old"): "the letters policy box is kept, the letters' headings dropped",
    # session 11's batch A (s11-corpus, twelve pages of larger sites with their full furniture), first run on main
    # 9e9d865: 5 of 12 right as written, 5 of 12 as older markup
    # (tech-review-wp-2013, the review's 'Good' / 'Bad' lists and their headings after the last paragraph dropped
    # in both markups: right since session 14's closing blocks of step gaps, which step trailing keeps)
    # (right since session 12's furniture phrases, data/furniture.toml, in both markups unless said: the columnist's
    # note, regional-opinion-comments-2012; the affiliate disclosure, listicle-affiliate-2017 as written; the 'Have
    # your say' call, table-national-2008; the embedded tweets, sport-embedded-tweets-2018; the 'follow our channel'
    # line, ru-agency-feed-2017 as written; the Flash player's notice, es-nacional-noticias-relacionadas-2012;
    # and since session 12's step boxes, a box around a form field or an embedded post's text: the newsletter
    # box, react-feature-gdpr-2019 as written and national-megamenu-2016 as older markup; the embedded tweet,
    # tabloid-one-line-paras-2017 as written)
    ("react-feature-gdpr-2019", "old"): "the newsletter box, a consent-banner paragraph, the author's note and the "
                                        "'Since you're here' appeal are kept, a subhead dropped",
    # (listicle-affiliate-2017 as older markup, the eight items' headings dropped: right since session 15's headings
    # that open a paragraph's box, step gaps)
    # session 11's batches B (ten pages) and C (six, the failure tail), sealed outside the repository until 12:10,
    # first run the same on 9e9d865 and on main d76f754: B 7 / 6 of 10 right (as written / older markup), C 3 / 3 of 6
    # (tabloid-one-line-paras-2017 as older markup, the three summary bullets dropped: right since session 15's key
    # points before the first paragraph, step gaps)
    ("joomla-k2-restaurant-review-2012", "as written"): "the review's first paragraph (K2's intro text) is dropped",
    ("blog-inline-links-quotes-2010", "old"): "the 'This entry was posted on …' line is kept",
    ("fr-abonnes-lire-aussi-2018", "old"): "the paywall's 'Il vous reste …' line and a services blurb are kept",
    # (hardwrapped-br-release-2008, the paragraphs hard-wrapped with <br> dropped, recall 0.25: right since the
    # lead's html._soft_break at the end of session 11, after the page was unsealed)
    ("split-body-carousel-2016", "as written"): "the last paragraph is dropped (the newsletter box between the "
                                                "two halves goes since session 12)",
    # (cs-zpravodajstvi-2015, a reader's comment kept in both markups: right since session 14's Czech, Slovak and
    # Polish headings of comment threads, 'Diskuse (3)', for step page_comments; written after the page was seen)
    # session 12's batch A (s12-corpus, ten pages written to the sample pages' proportions, with recall traps),
    # committed before any run; first run on 299db8a (main at the session's start): 7 of 10 right as written, 7 of
    # 10 as older markup
    # (metro-three-containers-2014 as written, the body's second and third containers after a related box and an
    # advert dropped, recall 0.55: right since session 12's step continued; written after this page was seen)
    ("table-brbr-firehouse-2009", "as written"): "the poll, the photo caption, the 'Other local news' list and a "
                                                 "news-submission note are kept",
    ("table-brbr-firehouse-2009", "old"): "the poll, the photo caption, the 'Other local news' list and a "
                                          "news-submission note are kept",
    # (explainer-lists-video-2018 as older markup, the first list and two one-line paragraphs dropped: right since
    # session 15's step gaps across boxes)
    # (es-mercado-brbr-lista-2013, the readers' comments and the related box taken as the article, the <br><br>
    # story dropped, recall 0.11 in both markups: right since session 12's full mode for a page with more words
    # after <br>s than the fast text, html.break_words; written after this page was seen, so no transfer figure)
    # session 12's batches B (ten pages) and C (three, the failure tail), sealed outside the repository until 15:00,
    # first run the same on 299db8a and on main e0a9867: B 8 / 5 of 10 right (as written / older markup), C 1 / 1 of 3
    # (brief-item-listpage-2019 as older markup, the six other briefs' summaries, the subscription note and the
    # legal footer kept, precision 0.29: right since session 13's step teaser_runs, written after it was unsealed)
    ("magazine-gallery-continued-2013", "old"): "eight of the gallery's ten captions are kept, a subhead dropped",
    ("blogger-single-br-2008", "as written"): "the bold day headings and a one-line paragraph between single <br />s "
                                              "are dropped",
    ("blogger-single-br-2008", "old"): "the bold day headings and a one-line paragraph between single <br />s are "
                                       "dropped",
    ("react-div-paras-utc-nextday-2019", "old"): "the four <div role='heading'> subheads and a list item are dropped",
    ("fr-ecole-classe-unique-2017", "as written"): "the 'Par … · Publié le … · Mis à jour …' line is kept",
    ("fr-ecole-classe-unique-2017", "old"): "the 'Par … · Publié le … · Mis à jour …' line is kept",
    # (pt-portal-short-teasers-2010, the whole layout table kept (poll, weather, six teasers with summaries, most
    # read, footer), precision 0.27 in both markups: right since session 13's story cell of a layout table and step
    # teaser_runs, written after the page was unsealed)
    # session 13's batch A (s13-corpus, ten pages aimed at the held-out set's failures: article text a script
    # shows or inserts, an infinite-scroll page, a 300-line menu, pages without a date line), committed before any
    # run; first run on 08910d4 (main at the session's start): 7 / 5 of 10 right (as written / older markup)
    # (infinite-scroll-next-articles-2018, the two next stories the page holds below the article kept, precision
    # 0.74 in both markups: right since session 13's step next_story and continued's stop at an <h1>, written after
    # the page was seen)
    # (pt-portal-sem-data-2014, the standfirst (an <h2> 'linha fina' under the <h1>) and a subhead dropped, recall
    # 0.961 in both markups: right since session 13's deck rule for the <h1>'s next element, written after the page
    # was seen; the subhead is still dropped)
    # (id-script-body-2019, the article after its lede only in a script's JSON blob: the lede and teaser summaries
    # given, recall 0.10 / 0.12: right in both markups since session 13's step script_body, written after the
    # page was seen)
    ("hidden-body-teaser-2017", "old"): "the 'Published … | Updated …' line and a photo caption are kept",
    ("megamenu-300-short-2014", "old"): "the discussion rules' paragraph after the story is kept",
    # session 13's batches B and C (sealed until 18:00), first run on 08910d4 and main bb829f7: B 7 / 5 of 10 right on
    # 08910d4, 7 / 6 on main (scroll-next-story-nodate-2019 as older markup right on main); C 4 / 3 of 4
    # (pt-next-data-body-2017, the body only in __NEXT_DATA__ and JSON-LD's articleBody: the subtitle, byline and
    # 'Carregando…' given, recall 0.08 / 0.10: right in both markups since session 14's headline anchor of step
    # script_body, written after the page was unsealed)
    ("site-index-footer-ambiguous-date-2011", "as written"): "the photo table's caption between the paragraphs is kept",
    ("site-index-footer-ambiguous-date-2011", "old"): "the photo table's caption between the paragraphs is kept",
    ("brief-river-nodate-2015", "as written"): "the 'Latest News' river's twelve summaries under the 144-word brief are "
                                               "kept: precision 0.31",
    ("brief-river-nodate-2015", "old"): "the river's summaries and the legal footer are kept: precision 0.48",
    ("cs-posta-kratke-radky-2015", "old"): "a caption and two 'Další zprávy' summaries are kept",
    ("tv-tabs-story-hidden-2014", "old"): "the video tab's one-line summary is kept",
    # session 14's batch A (s14-corpus, sealed until 21:07), first run on 4a2525a and main afe2aaf: 9 / 9 of 12 right (as
    # written / older markup; F1 0.921 / 0.916 -> 0.933, the Next.js page as older markup moved by bb2a774)
    # (the Next.js page's body, blocks of __NEXT_DATA__'s Apollo state, recall 0.06 / 0.16 on that first run, is read
    # since the lead's html._record_blocks; one paragraph of it, taken for a call to action, stays since session 15's
    # [cta] statement_before)
    ("portal-layout-table-teasers-2009", "as written"): "the photo table's caption is kept, precision 0.940",
    ("portal-layout-table-teasers-2009", "old"): "the photo table's caption is kept, precision 0.947",
    ("pt-portal-tabelas-leia-tambem-2013", "as written"): "the subtitle (the lead, in the table row under the headline's "
                                                          "cell) is dropped",
    ("pt-portal-tabelas-leia-tambem-2013", "old"): "the subtitle (the lead, in the table row under the headline's cell) "
                                                   "is dropped",
    # session 15's batch s15-dates (thirteen old-style pages of date layouts), first run on main a02947a: 12 of 13
    # right in both markups; HTML dates 10 of 13 (13 after the session's date rules), titles 13
    ("fr-publie-mis-a-jour-2009", "as written"): "the long 'Publié le … – Mis à jour le …' line is kept",
    ("fr-publie-mis-a-jour-2009", "old"): "the long 'Publié le … – Mis à jour le …' line is kept",
    # session 15's batch A (s15-corpus, sealed until 00:08), first run the same on a02947a and on main 07975f8: 9 / 11
    # of 14 right (as written / older markup; F1 0.944 / 0.937)
    ("cs-anketa-uprostred-clanku-2018", "as written"): "the reader poll between paragraphs (heading, question, "
                                                       "answers with percentages) is kept, precision 0.951",
    ("howto-footer-outweighs-intro-2014", "as written"): "the steps' <div> texts are dropped (the footer's two "
                                                         "paragraphs outweigh the one <p> intro), recall 0.241",
    ("howto-footer-outweighs-intro-2014", "old"): "the footer's about and disclaimer paragraphs are taken with the "
                                                  "intro, the steps dropped, precision 0.570, recall 0.165",
    ("liveblog-entry-heading-boxes-2018", "as written"): "the standfirst, the newest entry's heading and the safety "
                                                         "entry's heading, paragraph and list are dropped, recall 0.874 "
                                                         "(first run 0.831: every heading; bfd39ee keeps most)",
    ("liveblog-entry-heading-boxes-2018", "old"): "the newest entry's heading and the list of rules are dropped, "
                                                  "recall 0.919 (first run 0.863: every heading; bfd39ee)",
    ("sports-embedded-tweets-readmore-2017", "as written"): "an embedded tweet is kept, precision 0.959",
    ("sports-embedded-tweets-readmore-2017", "old"): "an embedded tweet is kept, precision 0.959 (first run: 0.962, "
                                                     "a subhead also dropped; kept since d6d72f8)",
    ("table-daily-photo-table-related-2008", "as written"): "the photo table's caption is kept, precision 0.964",
    # session 15: right before by a hair (precision 0.971); step gaps now brings back its 'The work' subhead
    # (recall 0.998 -> 1.0, F1 0.984 =), whose 'The' is one more than the reference's count beside the caption
    ("wp2010-history-blog-comment-thread", "old"): "the photo caption ('The movement as we found it in 2007 …') is "
                                                   "kept, precision 0.969",
}

# Pages whose HTML path gives another title or day than pages.json's (../dumps-transfer/pages.json: the
# headline and printed day written with each page; strict, as KNOWN). The phpBB page's title and day and the
# TypePad page's title are right since session 10 (s10-meta: html._h1_is_site, PageNames.above_text), and the
# British page's 'Published on 11/06/2009' (read month-first) since dates.page_order reads 'Thursday 11 June 2009';
# batch B's US page ('Posted Nov. 14, 2018 at 9:40 pm' beside 2018-11-15T02:40Z) since html_dates._same_moment;
# six og:titles that are the shown <h1> cut short, on pages without a JSON-LD headline, since session 13
# (html._shortened: megamenu, tech-review, nazionale, zpravodajstvi, keeper, investigation); and the headline an
# element's class names so (<div class="titulo">, <h2 class="title">) beside a <title> of site and section or place,
# on pages without <h1>, og:title or JSON-LD, since session 13 (html._named_headline: hardwrapped release, two portals).
KNOWN_META = {
    ("interview-qa-2010", "date"): "the page shows only 'July 2010': dated by its file",
    # session 10's batch B (sealed until 09:10), on main 58f1f93: titles 9 of 10, dates 9 of 10 (10 since the lead's
    # printed-moment rule, session 10's end)
    ("it-cronaca-commenti-2013", "title"): "og:title ('Valdorso, riapre il ponte …', the place before the headline) "
                                           "is taken over the shown <h1>",
    # session 11's batch A (s11-corpus), first run on main 9e9d865: titles 7 of 12, dates 12 of 12
    ("listicle-affiliate-2017", "title"): "og:title ('8 best walking boots for winter') is taken over the shown <h1>",
    ("sport-embedded-tweets-2018", "title"): "og:title (the score line and a shorter headline) is taken over the <h1>",
    ("de-regional-anzeige-2016", "title"): "og:title ('Lindenau: …', the town before the headline) is taken",
    # session 11's batches B and C (sealed until 12:10), first run on 9e9d865 and main d76f754: titles 8 of 10 and 3
    # of 6, dates 10 and 6
    ("amp-explainer-questions-2019", "title"): "JSON-LD's shorter headline is taken over the shown <h1>",
    # session 12's batch A (s12-corpus), first run on 299db8a: titles 7 of 10, dates 10 of 10
    ("qa-busdriver-novelist-2016", "title"): "og:title (the <h1> without its 'Q&A:' label) is taken",
    # session 12's batches B and C (sealed until 15:00), first run on 299db8a and main e0a9867: titles 5 of 10 and 2
    # of 3, dates 10 and 3 (the month-first 02.26.2015 and 11/14/2019, and a datePublished of the next day in UTC)
    ("magazine-gallery-continued-2013", "title"): "og:title ('How a Texas town saved …') is taken over the shown <h1>",
    ("react-div-paras-utc-nextday-2019", "title"): "og:title / JSON-LD's headline is taken over the shown <h1>",
    ("cs-koupaliste-perex-2014", "title"): "og:title, a shorter headline, is taken over the shown <h1>",
    ("de-baeckerei-anzeige-2012", "title"): "og:title ('Rottach: …', the town before the headline) is taken",
    ("fr-ecole-classe-unique-2017", "title"): "og:title, a shorter headline, is taken over the shown <h1>",
    # session 13's batch A (s13-corpus), first run on 08910d4: titles 5 of 10, dates 8 of 10 (6 and 9 since
    # html._named_headline: us-weekly's headline is a <div class='title'>, and its 'Posted 02.26.2016' is found by it;
    # 10 dates since dates.parse reads a time printed before the date: infinite-scroll's '11:42 PM ET Tue, March 6')
    ("hidden-body-teaser-2017", "title"): "og:title, shortened ('Ferry fares to rise 18% in July'), is taken over the "
                                          "shown <h1>",
    ("pt-portal-sem-data-2014", "title"): "og:title, a shorter headline, is taken over the shown <h1>",
    ("ru-oblast-div-title-2013", "title"): "og:title, worded otherwise, is taken over the headline (a <div "
                                           "class='title'>; the <title> is 'Site :: Section :: Headline')",
    ("es-furniture-between-2018", "title"): "og:title / JSON-LD's headline, shorter, is taken over the shown <h1>",
    # session 13's batches B and C (sealed until 18:00), first run on 08910d4 and main bb829f7: titles 8 of 10 and 4 of
    # 4, dates 10 and 4 (03/04/2011 and 'Thu 02/05/2015' read month-first, two next-day UTC stamps)
    ("scroll-next-story-nodate-2019", "title"): "og:title, shortened, is taken over the shown <h1>",
    ("cs-posta-kratke-radky-2015", "title"): "og:title, worded otherwise ('Horní Lhota převezme poštu'), is taken over "
                                             "the shown <h1>",
    # session 14's batch A (sealed until 21:07), first run on 4a2525a and main afe2aaf: titles 10 of 12, dates 12
    ("nextjs-ssr-div-paras-related-json-2018", "title"): "og:title, shortened ('Harbor City council wants rules for "
                                                         "rented scooters'), is taken over the shown <h1>",
    ("tv-station-og-worded-otherwise-2014", "title"): "og:title, worded otherwise ('Kessler families evacuated as "
                                                      "elevator burns'), is taken over the shown <h1>",
    # session 15's batch A (sealed until 00:08), first run on a02947a and main 07975f8: titles 13 of 14, dates 14
    ("id-baca-juga-ogtitle-situs-2017", "title"): "og:title's part 'Berita Terkini Hari Ini' (the site's slogan, the "
                                                  "same on every page) is taken over the <h1>",
}


def _cases():
    for case in sorted(p.name for p in PAGES.iterdir() if (p / "source.html").is_file()):
        for markup in ("as written", "old"):
            why = KNOWN.get((case, markup))
            marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
            yield pytest.param(case, markup, marks=marks, id=f"{case}-{markup.replace(' ', '-')}")


def _text(case: str, markup: str) -> str:
    from tests.quality.html_eval import old_markup

    raw = read_raw(PAGES / case / "source.html")
    if markup == "old":
        raw = replace(raw, text=old_markup(raw.text))
    return article_text(ingest_raw(raw))


@pytest.mark.parametrize("case, markup", list(_cases()))
def test_the_html_path_gives_the_article_and_nothing_around_it(case, markup):
    got = score(_text(case, markup), (PAGES / case / "expected.txt").read_text(encoding="utf-8"))
    assert got.recall >= RIGHT, f"recall {got.recall:.3f}"
    assert got.precision >= RIGHT, f"precision {got.precision:.3f}"


def _meta_cases():
    import json

    want = json.loads((PAGES.parent / "dumps-transfer" / "pages.json").read_text(encoding="utf-8"))
    for case in sorted(want):
        for what in ("title", "date"):
            why = KNOWN_META.get((case, what))
            marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
            yield pytest.param(case, what, want[case][what], marks=marks, id=f"{case}-{what}")


@pytest.mark.parametrize("case, what, want", list(_meta_cases()))
def test_the_html_path_gives_the_page_s_headline_and_day(case, what, want):
    """The headline and printed day written with each page before any run (session 10 added this check for
    every transfer page; `python -m tests.quality.transfer_report` gives the count per batch)."""
    from briefgen.errors import UndatedError
    from briefgen.ingest.score import same_title

    try:
        article = ingest_raw(read_raw(PAGES / case / "source.html"))
    except UndatedError as exc:
        assert what == "title", "undated"
        article = exc.article
    if what == "title":
        assert same_title(article.title, want), f"{article.title!r}"
    else:
        assert article.date.date().isoformat() == want


_PARAS = [f"The council agreed on Tuesday to keep the night buses running through the winter, after a petition "
          f"signed by more than four thousand residents asked it to reverse last month's decision ({n})."
          for n in range(4)]


def test_subheads_and_lists_between_two_paragraphs_are_the_article_s():
    """Step gaps: what the page sets between two of the article's paragraphs, as their siblings, stays
    (trafilatura leaves out a blog's <h3> and <ul> when no class name says they are content); a list of
    links there does not."""
    from briefgen.ingest.html import _parse, _with_gaps
    from briefgen.model import Block

    page = (f"<html><body><div><p>{_PARAS[0]}</p><h3>What you need</h3><ul><li>Two old windows</li>"
            f"<li>A box of screws</li></ul><p>{_PARAS[1]}</p><ul><li><a href='/a'>Another story here</a></li>"
            f"<li><a href='/b'>And one more story</a></li></ul><p>{_PARAS[2]}</p></div></body></html>")
    blocks = [Block("paragraph", p) for p in _PARAS[:3]]
    got = _with_gaps(blocks, _parse(page))
    assert got == [blocks[0], Block("heading", "What you need"),
                   Block("list", items=("Two old windows", "A box of screws")), blocks[1], blocks[2]]
    # paragraphs of different parents: what the box that holds both sets between them is read too (_between)
    apart = page.replace(f"<p>{_PARAS[1]}</p>", f"<div><p>{_PARAS[1]}</p></div>")
    assert _with_gaps(blocks, _parse(apart)) == got
    # a text that is not doubtful: subheads and lists come back, a paragraph trafilatura left out does not
    extra = page.replace("<ul><li>Two", "<p>Photo: a cold frame made of two old sash windows</p><ul><li>Two")
    assert _with_gaps(blocks, _parse(extra), paragraphs=False) == got
    assert Block("paragraph", "Photo: a cold frame made of two old sash windows") in _with_gaps(blocks, _parse(extra))


def test_subheads_and_lists_between_paragraphs_of_different_boxes_and_the_headings_that_open_a_box_come_back():
    """Step gaps across boxes (_between): a how-to's intro in a <div>, then a heading and its list, then steps each
    an <li> opened by its <h3>, then the tips under a heading after the <ol>; the page's main run of <p> text is
    its footer, which holds none of the text, so the closing walk starts after the last step, going up through
    its boxes. A fact box's heading over a list and a source line does not open that line's box."""
    from briefgen.ingest.html import _parse, _with_gaps, clean_blocks
    from briefgen.model import Block

    steps = "".join(f"<li><h3>Step {n}</h3><p>{_PARAS[n]}</p></li>" for n in (1, 2))
    footer = "<div class='footer'><p>" + " ".join(["Use of this site means you accept the terms."] * 12) + "</p></div>"
    page = (f"<html><body><div class='article'><div class='intro'><p>{_PARAS[0]}</p></div><h2>You need</h2>"
            f"<ul><li>Vinegar</li><li>Water</li></ul><h2>Instructions</h2><ol>{steps}</ol><h2>Tips</h2>"
            f"<ul><li>Descale once a month</li><li>Never use bleach</li></ul><div>Was this helpful? <a href='#'>Yes"
            f"</a></div></div>{footer}</body></html>")
    blocks = [Block("paragraph", _PARAS[n]) for n in range(3)]
    closing: list[str] = []
    got = _with_gaps(blocks, _parse(page), closing=closing)
    assert got == [blocks[0], Block("heading", "You need"), Block("list", items=("Vinegar", "Water")),
                   Block("heading", "Instructions"), Block("heading", "Step 1"), blocks[1], Block("heading", "Step 2"),
                   blocks[2], Block("heading", "Tips"), Block("list", items=("Descale once a month", "Never use bleach"))]
    assert clean_blocks(got, closing=closing) == got
    fact = (f"<html><body><div><p>{_PARAS[0]}</p><div><h2>Eunuch:</h2><ul><li>A palace guard.</li>"
            f"<li>Castrated.</li></ul><p>{_PARAS[1]}</p></div><p>{_PARAS[2]}</p></div></body></html>")
    assert _with_gaps(blocks, _parse(fact)) == blocks
    # a listicle's item: its <h2> over a photo box and a rating line, then the paragraph
    item = (f"<html><body><div><p>{_PARAS[0]}</p><div><h2>1. Tarnwell Ridge</h2><div><img src='a.jpg'>"
            f"<figcaption>Photo: Outside</figcaption></div><div>Rating: 4 of 5</div><p>{_PARAS[1]}</p></div>"
            f"<p>{_PARAS[2]}</p></div></body></html>")
    assert _with_gaps(blocks, _parse(item)) == [blocks[0], Block("heading", "1. Tarnwell Ridge"), *blocks[1:]]
    # a live entry's heading in a box of its own before the entry's body box
    entries = "".join(f"<article><div><time>4:{n}0pm</time></div><div class='entry-title'><h3>Update {n}</h3></div>"
                      f"<div class='entry-body'><p>{_PARAS[n]}</p></div></article>" for n in range(3))
    live = f"<html><body><div class='entries'>{entries}</div></body></html>"
    assert _with_gaps(blocks, _parse(live)) == [blocks[0], Block("heading", "Update 1"), blocks[1],
                                                Block("heading", "Update 2"), blocks[2]]


def test_key_points_set_right_before_the_first_paragraph_are_the_article_s():
    """Step gaps, before the text's first paragraph (_leading_blocks): a list of sentences right before it, in its
    box or before the boxes it opens, with a label ending in a colon over it, comes back; a list of links, or of
    short items (a byline, tags), or one with a paragraph between, does not."""
    from briefgen.ingest.html import _parse, _with_gaps
    from briefgen.model import Block

    points = ("Passengers were told to stay on board for five hours", "Families with babies slept on the floor "
              "of the lounge")
    items = "".join(f"<li>{i}</li>" for i in points)
    body = "".join(f"<p>{p}</p>" for p in _PARAS[:3])
    blocks = [Block("paragraph", p) for p in _PARAS[:3]]
    page = f"<html><body><h1>Flight grounded</h1><div><strong>In short:</strong><ul>{items}</ul><div>{body}</div></div></body></html>"
    assert _with_gaps(blocks, _parse(page)) == [Block("heading", "In short:"), Block("list", items=points), *blocks]
    for other in (items.replace("<li>", "<li><a href='/x'>").replace("</li>", "</a></li>"),
                  "<li>By Jane Doe</li><li>3 May 2017</li>"):
        assert _with_gaps(blocks, _parse(page.replace(items, other))) == blocks, other
    apart = page.replace("<div><p>", "<p>Advertisement feature text here</p><div><p>", 1)
    assert _with_gaps(blocks, _parse(apart)) == blocks


def test_a_template_s_unfilled_placeholder_is_no_article_text():
    """A CMS's placeholder left in the text ($$ARTICLEAD$$ glued to a first paragraph, {{ author_name }}) goes; a
    block of nothing else goes with it; dollars and braces in prose stay."""
    from briefgen.ingest.html import _without_placeholders
    from briefgen.model import Block

    blocks = [Block("paragraph", "$$ARTICLEAD$$The council met on Monday."), Block("paragraph", "{{ author_name }}"),
              Block("list", items=("It costs $$5 or {x}", "{{AD_SLOT}}")), Block("paragraph", "Prices rose 5 $.")]
    assert _without_placeholders(blocks) == [Block("paragraph", "The council met on Monday."),
                                             Block("list", items=("It costs $$5 or {x}",)), blocks[3]]
    assert _without_placeholders(blocks[3:]) is not None and _without_placeholders(blocks[3:]) == blocks[3:]


def test_a_short_subhead_whose_words_recur_in_the_next_paragraph_comes_back():
    from briefgen.ingest.html import _parse, _with_gaps
    from briefgen.model import Block

    after = "La junta no descarta establecer turnos de riego a partir de julio si las reservas siguen bajando."
    page = (f"<html><body><div><p>{_PARAS[0]}</p><h3>Turnos de riego</h3><p>{after}</p></div></body></html>")
    blocks = [Block("paragraph", _PARAS[0]), Block("paragraph", after)]
    assert _with_gaps(blocks, _parse(page)) == [blocks[0], Block("heading", "Turnos de riego"), blocks[1]]
    # kept already at the start of a paragraph (trafilatura glued it on): not again
    glued = [blocks[0], Block("paragraph", "Turnos de riego " + after)]
    page = page.replace(f"<p>{after}</p>", f"<p>{after}</p><p>{_PARAS[1]}</p>")
    assert _with_gaps([*glued, Block("paragraph", _PARAS[1])], _parse(page))[:2] == glued


def test_lines_that_end_in_a_comma_go_on_in_the_next():
    """A verse's lines (a <pre> poem, <br> lines) end in commas and start with capitals: one paragraph, not
    short "paragraphs" that the headline-like step drops."""
    from briefgen.ingest.html import markdown_blocks

    got = markdown_blocks("The kettle on, the fire drawn,\nthe frost still on the line,\nI walked out every winter "
                          "dawn\nand every dawn was mine.\nI never saw the cities much,\nI never crossed the sea.")
    assert [b.text for b in got] == [("The kettle on, the fire drawn, the frost still on the line, I walked out every "
                                      "winter dawn and every dawn was mine."),
                                     "I never saw the cities much, I never crossed the sea."]


def test_a_short_question_between_two_paragraphs_stays():
    from briefgen.ingest.html import clean_blocks
    from briefgen.model import Block

    blocks = [Block("paragraph", _PARAS[0]), Block("paragraph", "And the best?"), Block("paragraph", _PARAS[1]),
              Block("paragraph", "Photo: Tim Ross")]
    assert [b.text for b in clean_blocks(blocks)] == [_PARAS[0], "And the best?", _PARAS[1]]


def test_a_short_question_and_its_short_answer_stay():
    """An interview's short pair after prose ("Q: Do you get stung?" / "A: Yes. Not often.") stays: the
    question is followed by a sentence, and that answer follows a question kept; a question followed by a
    label and a label after prose still go."""
    from briefgen.ingest.html import clean_blocks
    from briefgen.model import Block

    texts = [_PARAS[0], "Q: Do you get stung?", "A: Yes. Not often.", "Q: What do the staff think?", _PARAS[1]]
    assert [b.text for b in clean_blocks([Block("paragraph", t) for t in texts])] == texts
    caption = [_PARAS[0], "Who pays for the buses?", "Photo: Tim Ross", _PARAS[1]]
    assert [b.text for b in clean_blocks([Block("paragraph", t) for t in caption])] == [_PARAS[0], _PARAS[1]]


def test_a_closing_copyright_notice_goes():
    """Step trailing: a last paragraph that opens with a copyright mark and a year is the site's notice; a
    paragraph that names copyright in the story stays."""
    from briefgen.ingest.html import clean_blocks
    from briefgen.model import Block

    notice = "Copyright 2014 WKRV. All rights reserved. This material may not be published or redistributed."
    blocks = [Block("paragraph", t) for t in (*_PARAS, notice)]
    assert [b.text for b in clean_blocks(blocks)] == _PARAS
    story = "Copyright law, the council said, does not stop it from printing the timetables it paid for."
    blocks = [Block("paragraph", t) for t in (*_PARAS, story)]
    assert [b.text for b in clean_blocks(blocks)] == [*_PARAS, story]


def _dated_page(stamp: str, entries: list[tuple[str, str]]) -> str:
    story = "".join(f"<p>{p}</p>" for p in _PARAS)
    rows = "".join(f"<div><p>Posted by <b>{who}</b> on {day}</p><p>{text}</p></div>" for who, day, text in entries)
    return f"<html><body><div><h1>Night buses stay</h1><p>{stamp}</p>{story}{rows}</div></body></html>"


def test_comments_dated_by_day_only_go_and_a_chronology_stays():
    """Step comment_records with day stamps: three records or more after the article's, oldest first and
    none before the article's own day, are comments; dated entries before it are a chronology."""
    from briefgen.ingest.html import _before_comment_records, _parse
    from briefgen.model import Block

    replies = [("Gerry M.", "March 3, 2009", "Well done to everyone who turned out on Saturday."),
               ("Lorraine", "March 4, 2009", "My two boys helped and have talked about nothing else."),
               ("Frank", "March 6, 2009", "Could the supermarket not put locks on its trolleys?")]
    head = ["By Kevin Doherty, March 3, 2009", *_PARAS]

    def blocks(entries):
        return [Block("paragraph", t) for t in head + [x for who, day, text in entries
                                                       for x in (f"Posted by {who} on {day}", text)]]

    got = _before_comment_records(blocks(replies), _parse(_dated_page(head[0], replies)))
    assert [b.text for b in got] == head
    older = [(who, day.replace("2009", "2007"), text) for who, day, text in replies]
    assert _before_comment_records(blocks(older), _parse(_dated_page(head[0], older))) == blocks(older)
    shuffled = [replies[2], replies[0], replies[1]]
    assert _before_comment_records(blocks(shuffled), _parse(_dated_page(head[0], shuffled))) == blocks(shuffled)


def test_a_consent_notice_that_does_not_say_cookie_is_no_prose_for_the_container():
    """data/consent.toml on the HTML path: a Norwegian notice speaks of "informasjonskapsler", not cookies;
    read with the file's phrases, its paragraphs that hold one are junk and the story is the container."""
    import lxml.html

    from briefgen.ingest.density import best_container
    from briefgen.ingest.html import _names_cookies

    notice = ("Vi bruker informasjonskapsler for å gi deg en bedre opplevelse på nettstedet vårt, for å måle "
              "trafikken og for å vise deg annonser som passer for deg. Du kan når som helst endre valgene dine.")
    more = ("Våre partnere kan også lagre og lese informasjon på enheten din. Nettstedet bruker "
            "informasjonskapsler fra tredjeparter for å tilpasse innhold og annonser og for å måle resultater.")
    story = ("Kommunestyret vedtok tirsdag å beholde nattbussene gjennom vinteren etter at over fire tusen "
             "innbyggere skrev under på et opprop.")
    page = lxml.html.document_fromstring(
        f"<html><body><div id='n'><p>{notice}</p><p>{more}</p><p>{more}</p></div>"
        f"<div id='s'><h1>Nattbussene blir</h1><p>{story}</p><p>{story}</p></div></body></html>")
    body = page.body
    assert best_container(body).element is body     # both read as prose: the whole page, nothing cut
    assert best_container(body, consent=True).element.get("id") == "s"
    assert _names_cookies(notice) and not _names_cookies(story)


def test_teaser_summaries_after_the_article_go_and_a_paragraph_after_a_read_also_link_stays():
    """Step teasers: "<a>headline</a><br>summary" (or a dash, or the link alone in its block) twice or more,
    outside the page's main run of paragraphs, is no text of the article."""
    from briefgen.ingest.html import _parse, _without_teaser_summaries
    from briefgen.model import Block

    summaries = ["Harga cabai rawit di Pasar Kliwon turun hingga separuhnya dalam sepekan terakhir.",
                 "Festival tahunan para petani tembakau akan digelar di alun-alun kota selama tiga hari."]
    teasers = "".join(f"<p><a href='/{n}'>Judul berita lain nomor {n}</a><br>{t}</p>"
                      for n, t in enumerate(summaries))
    page = (f"<html><body><div><p>{_PARAS[0]}</p><div><a href='/x'>Read also: the bus timetable for winter</a>"
            f"</div><p>{_PARAS[1]}</p><p>{_PARAS[2]}</p><p>{_PARAS[3]}</p></div>"
            f"<div><h3>Berita Lainnya</h3>{teasers}</div></body></html>")
    blocks = [Block("paragraph", t) for t in [*_PARAS, *summaries]]
    assert _without_teaser_summaries(blocks, _parse(page)) == blocks[:4]
    one = page.replace(teasers, teasers.split("</p>")[0] + "</p>")
    assert _without_teaser_summaries(blocks[:5], _parse(one)) == blocks[:5]   # one alone: no teaser list


def test_a_standfirst_between_the_headline_and_the_text_is_the_lead():
    """Step deck: a block of running text between the <h1> and the text's first paragraph (a regional
    paper's subtitle in an <h2>) is the standfirst when no description names it; a date line, a caption
    beside its image and a short subhead there are not."""
    from briefgen.ingest.html import _deck, _parse
    from briefgen.model import Block

    deck = ("Los embalses de cabecera están al 58 por ciento y la comunidad de regantes pide a los agricultores "
            "que no siembren más maíz que el año pasado")
    story = "".join(f"<p>{p}</p>" for p in _PARAS)
    blocks = [Block("paragraph", p) for p in _PARAS]
    page = (f"<html><body><div><h1>Los regantes temen una campaña corta</h1><h2>{deck}</h2>"
            f"<div>Redacción | Monzón | 12/05/2011 - 09:40</div><div>{story}</div></div></body></html>")
    assert _deck(_parse(page), "Los regantes temen una campaña corta", blocks) == deck
    caption = page.replace(f"<h2>{deck}</h2>", f"<div><img src='a.jpg'><p>{deck}</p></div>")
    assert _deck(_parse(caption), "Los regantes temen una campaña corta", blocks) is None
    short = page.replace(f"<h2>{deck}</h2>", "<h2>Los embalses de cabecera, al 58 por ciento</h2>")
    assert _deck(_parse(short), "Los regantes temen una campaña corta", blocks) is None
    kept = [Block("paragraph", deck), *blocks]
    assert _deck(_parse(page), "Los regantes temen una campaña corta", kept) is None


def test_a_bold_comments_line_alone_in_its_cell_opens_the_comments():
    """Step page_comments: an older page's heading of its comments is a bold line that is its block's whole
    text ("<td><font><b>3 Comments:</b></font></td>"); bold words inside a paragraph are no heading."""
    from briefgen.ingest.html import _before_page_comments, _parse
    from briefgen.model import Block

    replies = ["Wonderful news Tom. I walked past the quarry last winter and thought the grass looked good.",
               "We had a barn owl hunting over the allotments by the church in October, maybe one of the pair?"]
    rows = "".join(f"<tr><td><font>{r}<br><font size='1'>Margaret H., November 16, 2008</font></font></td></tr>"
                   for r in replies)
    story = "".join(f"<tr><td><font>{p}</font></td></tr>" for p in _PARAS)
    page = (f"<html><body><table>{story}<tr><td><font><b>2 Comments:</b></font></td></tr>{rows}</table>"
            f"</body></html>")
    blocks = [Block("paragraph", t) for t in [*_PARAS, *replies]]
    assert _before_page_comments(blocks, _parse(page)) == blocks[:4]
    inline = page.replace("<td><font><b>2 Comments:</b></font></td>", "<td>See the <b>2 comments</b> below.</td>")
    assert _before_page_comments(blocks, _parse(inline)) == blocks


def test_a_bold_comments_line_ending_with_a_br_opens_the_comments_below_a_stray_footer_line():
    """Step page_comments, two older-page shapes at once: the heading is the first line of its cell, ended by
    a <br> with a note under it ("<b>Reader comments (2)</b><br><font>Comments are the opinions …</font>"),
    and trafilatura put the page's copyright line (after the heading in the page) among the menu items at
    the top of its text, so the first block found only after the heading is no comment: the cut is the
    first such block past the first fifth of the text, when the text above it is mostly not from below."""
    from briefgen.ingest.html import _before_page_comments, _parse
    from briefgen.model import Block

    replies = ["holdenmom3 wrote: My kids play on those fields every spring and nobody asked us about it.",
               "RT140commuter wrote: I lose every call between the rotary and the town line, every day."]
    rows = "".join(f"<tr><td class='comment'>{r}<br><font size='1'>Posted 10/8/2009 at 7:00 PM</font></td></tr>"
                   for r in replies)
    story = "".join(f"<tr><td><font>{p}</font></td></tr>" for p in _PARAS)
    page = (f"<html><body><table><tr><td>Home | Sports</td></tr>{story}</table><table>"
            "<tr><td><b>Reader comments (2)</b><br><font size='1'>Comments are the opinions of their authors."
            f"</font></td></tr>{rows}</table><p>© 2009 The Weekly. All rights reserved.</p></body></html>")
    top = [Block("paragraph", "Home | Sports"), Block("paragraph", "© 2009 The Weekly. All rights reserved.")]
    note = Block("paragraph", "Reader comments (2) Comments are the opinions of their authors.")
    blocks = [*top, *(Block("paragraph", t) for t in _PARAS), note, *(Block("paragraph", t) for t in replies)]
    assert _before_page_comments(blocks, _parse(page)) == blocks[:2 + len(_PARAS)]   # the heading goes too
    # a text read wholly from below the heading (a cookie table at the page's end) is not cut
    below = [Block("paragraph", t) for t in replies]
    assert _before_page_comments(below + below, _parse(page)) == below + below


def test_a_stamp_glued_to_a_comment_that_opens_with_a_number_is_read():
    """comment_records reads a stamp's time from its block's text with a space between the block's elements:
    "<span>17.06.2010 08:12</span><br>184 миллиона …" ran together as "08:12184 …" and the time was not
    found (the page failed with an error)."""
    from briefgen.ingest.html import _before_comment_records, _parse
    from briefgen.model import Block

    replies = [("Ольга", "16.06.2010 14:05", "А пешеходный переход на месте старого моста действительно нужен."),
               ("Сергей", "16.06.2010 18:51", "Видел вчера, работают до темноты. Молодцы строители."),
               ("гость", "17.06.2010 08:12", "184 миллиона за такой мост, интересно, куда ушли деньги.")]
    rows = "".join(f"<div><span>{who}</span> <span>{when}</span><br>{text}</div>" for who, when, text in replies)
    story = "".join(f"<p>{p}</p>" for p in _PARAS)
    page = f"<html><body><div><h1>Мост</h1><div>16.06.2010 10:24</div>{story}</div>{rows}</body></html>"
    blocks = [Block("paragraph", t) for t in [*_PARAS, *(text for *_, text in replies)]]
    assert _before_comment_records(blocks, _parse(page)) == blocks[:4]


def test_a_stamp_that_is_the_first_line_of_a_long_comment_splits_the_records():
    """comment_records: a comment of more than STAMP_WORDS words whose header line (name and time, up to its
    first <br> or block element) opens its block is a record of its own (Drupal's "<span>Submitted by … -
    19:05</span><h3>…</h3><div><p>…", a paper's "<span>Name</span> <span>16.06.2010 12:40</span><br>…"); a
    time inside the comment's prose, after its first line, makes no stamp."""
    from briefgen.ingest.html import _before_comment_records, _parse
    from briefgen.model import Block

    long = ("I see kids running across there every morning on their way to the school, and the cars never "
            "stop for them, so a proper crossing is the one thing that matters most to all of us here ({n}).")
    replies = [("Declan", "Tue, 03/10/2009 - 19:05"), ("mkeane", "Wed, 03/11/2009 - 08:47"),
               ("fionab", "Wed, 03/11/2009 - 12:30")]
    story = "".join(f"<p>{p}</p>" for p in _PARAS)
    texts = [long.format(n=n) for n in range(3)]
    blocks = [Block("paragraph", t) for t in [*_PARAS, *texts]]

    def page(row: str) -> str:
        rows = "".join(row.format(who=who, when=when, text=text) for (who, when), text in zip(replies, texts))
        return (f"<html><body><div><h2>Cycle lane</h2><div>Submitted by fionab on Tue, 03/10/2009 - 14:22</div>"
                f"{story}</div>{rows}</body></html>")

    header_first = "<div><span>Submitted by {who} on {when}.</span><h3><a href='#'>Re</a></h3><div><p>{text}</p></div></div>"
    assert _before_comment_records(blocks, _parse(page(header_first))) == blocks[:4]
    header_br = "<div><span>{who}</span> <span>{when}</span><br>{text}</div>"
    assert _before_comment_records(blocks, _parse(page(header_br))) == blocks[:4]
    time_inside = "<div>{text} Seen at {when}.<br>{who}</div>"
    assert _before_comment_records(blocks, _parse(page(time_inside))) == blocks


def test_a_pull_quote_that_repeats_a_paragraph_s_words_goes():
    """Step pull_quotes: a short paragraph whose word triples run, mostly, as in a longer paragraph of the
    text is a pull quote (cut or not) and goes; a short paragraph of its own words stays."""
    from briefgen.ingest.html import _without_repeats
    from briefgen.model import Block

    said = ("\"It was never quiet. There was always a boat coming, or a paddle broken, or the pound running low, "
            "and you had to be there whatever the weather,\" he told me last spring in Cheddleton.")
    blocks = [Block("paragraph", _PARAS[0]), Block("paragraph", said),
              Block("paragraph", "“There was always a boat coming, or a paddle broken, and you had to be there "
                                 "whatever the weather.”"),
              Block("paragraph", "He still goes up to look at the gates every week."),
              Block("paragraph", "The canal reopened to boats in 1974, and he was at the lock gates when the "
                                 "first pleasure boats came through.")]
    assert _without_repeats(blocks) == [blocks[0], blocks[1], blocks[3], blocks[4]]
    twice = [Block("paragraph", _PARAS[2]), Block("paragraph", _PARAS[2])]
    assert _without_repeats(twice) == twice[:1]


def test_a_teaser_card_s_summary_after_its_link_goes():
    """Step teasers: "<a><img><span>Headline</span></a><p>Summary</p>" cards (a magazine's "You may also
    like") are teasers; their summaries go from the text's second half."""
    from briefgen.ingest.html import _parse, _without_teaser_summaries
    from briefgen.model import Block

    summaries = ["A small group of enthusiasts is keeping alive the skills of the horse-drawn narrowboat.",
                 "How a remote corner of the moorlands became one of the busiest limestone wharves in England."]
    cards = "".join(f"<li><a href='/{n}'><img src='t.jpg'><span>Another feature headline {n}</span></a>"
                    f"<p>{t}</p></li>" for n, t in enumerate(summaries))
    page = f"<html><body><div>{''.join(f'<p>{p}</p>' for p in _PARAS)}</div><ul>{cards}</ul></body></html>"
    blocks = [Block("paragraph", t) for t in [*_PARAS, *summaries]]
    assert _without_teaser_summaries(blocks, _parse(page)) == blocks[:4]


def test_trafilatura_s_markup_goes_and_a_page_s_own_angle_brackets_stay():
    """trafilatura leaves an underline as "<u>…</u>" and escapes a "<" the page showed ("\\<"): blocks hold
    the page's text, so that a paragraph quoting "<persönliche E-Mail-Adresse>" is found in the page again
    (its key was cut at the brackets when every tag-like text was stripped from keys)."""
    from briefgen.ingest.html import markdown_blocks

    got = markdown_blocks("Schreiben Sie an <u>die Redaktion</u> unter \\<persönliche E-Mail-Adresse> bis Montag.")
    assert [b.text for b in got] == ["Schreiben Sie an die Redaktion unter <persönliche E-Mail-Adresse> bis Montag."]


def test_a_sidebar_printed_before_the_headline_is_no_part_of_the_article():
    """Step above_headline: a blog whose sidebar comes before the post in source order ("About me", a text
    widget of prose): the blocks at the text's start that the page prints only before the heading that reads
    as the headline go; a standfirst printed after it stays."""
    from briefgen.ingest.html import _below_headline, _parse
    from briefgen.model import Block

    about = ("I have been knitting since my nan taught me at the age of six, and I keep six Herdwick ewes in a "
             "borrowed field above the village.")
    page = (f"<html><body><div><h1>Two Needles</h1></div><div><h2>About me</h2><p>{about}</p></div>"
            f"<div><h2>Monday, 13 October 2008</h2><h3>The first Kirkby wool day</h3>"
            f"{''.join(f'<p>{p}</p>' for p in _PARAS)}</div></body></html>")
    blocks = [Block("paragraph", t) for t in [about, *_PARAS]]
    assert _below_headline(blocks, _parse(page), ["The first Kirkby wool day"]) == blocks[1:]
    # the headline not found as a heading: nothing goes
    assert _below_headline(blocks, _parse(page), ["Another title"]) == blocks
    # printed again after the headline (a standfirst the sidebar repeats): it stays
    again = page.replace(f"<p>{_PARAS[0]}</p>", f"<p>{about}</p><p>{_PARAS[0]}</p>")
    assert _below_headline(blocks, _parse(again), ["The first Kirkby wool day"]) == blocks


def test_a_forum_post_s_header_line_and_signature_are_no_part_of_its_text():
    """A phpBB news post: the header line that holds the headline and a time ("Posted: … 10:12 am Post
    subject: <headline>") and what comes before it go (step above_headline); a line drawn in underscores
    and the few words after it at the end, the poster's signature, go (step end_marker)."""
    from briefgen.ingest.html import _below_stamp_title, clean_blocks
    from briefgen.model import Block

    head = ["Millbrook Village Forum", "Parish Clerk", "Joined: 04 Jan 2005",
            "Posted: Sat Jun 16, 2007 10:12 am Post subject: Village hall reopens after the flood repairs"]
    sig = ["_____", "Millbrook Parish Council – news and notices for the parish. Please email the clerk instead."]
    blocks = [Block("paragraph", t) for t in [*head, *_PARAS, *sig]]
    titles = ["Millbrook Village Forum :: View topic - Village hall reopens after the flood repairs"]
    assert _below_stamp_title(blocks, titles) == blocks[4:]
    assert [b.text for b in clean_blocks(blocks[4:])] == _PARAS
    # a line that holds the headline but no time or date stays (a kicker and headline, a breadcrumb)
    plain = [Block("paragraph", "News: Village hall reopens after the flood repairs"), *blocks[4:8]]
    assert _below_stamp_title(plain, titles) == plain
    # a drawn line with the article's text after it is a separator, not a signature
    assert [b.text for b in clean_blocks([*blocks[4:6], Block("paragraph", "-----"), *blocks[6:8]])] == _PARAS


def test_a_bold_headline_alone_in_its_block_is_the_headline_s_element():
    """Step above_headline on an older forum or paper: the headline is a <strong> that is its <div>'s whole
    text, not a heading; a welcome line printed before it goes. Bold words inside a paragraph are no
    headline element."""
    from briefgen.ingest.html import _below_headline, _parse
    from briefgen.model import Block

    welcome = "Welcome to the Midland Waterways Forum. Register to post and see fewer adverts."
    page = (f"<html><body><div>{welcome}</div><div><strong>Welford lock gates replaced</strong></div>"
            f"<div>{''.join(f'<p>{p}</p>' for p in _PARAS)}</div></body></html>")
    blocks = [Block("paragraph", t) for t in [welcome, *_PARAS]]
    assert _below_headline(blocks, _parse(page), ["Welford lock gates replaced"]) == blocks[1:]
    inline = page.replace("<div><strong>Welford lock gates replaced</strong></div>",
                          "<div>News: <strong>Welford lock gates replaced</strong> today</div>")
    assert _below_headline(blocks, _parse(inline), ["Welford lock gates replaced"]) == blocks


def test_every_case_is_in_exactly_one_batch():
    """batches.json names the batch each page was written in (tests.quality.transfer_report scores per batch)."""
    import json

    listed = json.loads((PAGES / "batches.json").read_text(encoding="utf-8"))
    names = [n for batch in listed.values() for n in batch]
    assert sorted(names) == sorted(p.parent.name for p in PAGES.glob("*/source.html"))


def test_paragraphs_split_at_inline_elements_are_joined_again():
    """Step rejoin: where a page sets its text in a <div> with <br>s and no <p>, trafilatura gives each link
    or bold word and the text around it as paragraphs of their own, which then read as captions and go; the
    paragraphs are joined again while their text lies within one line of the page (up to a <br>). Two lines
    of the page stay apart, and so does a paragraph after one that ends a sentence."""
    from briefgen.ingest.html import _parse, _rejoined
    from briefgen.model import Block

    page = ("<html><body><div>Early this year <a href='/a'>the drug Wegovy</a> caused a stir. It was hailed on "
            "social media as the <b>slimming jab</b> of the stars.<br><br>In about a month it will be "
            "<a href='/b'>available</a> in the country.<br><br>Experts had guessed May or June.</div>"
            "</body></html>")
    parts = ["Early this year", "the drug Wegovy", "caused a stir. It was hailed on social media as the",
             "slimming jab", "of the stars.", "In about a month it will be", "available", "in the country.",
             "Experts had guessed May or June."]
    got = _rejoined([Block("paragraph", t) for t in parts], _parse(page))
    first = ("Early this year the drug Wegovy caused a stir. It was hailed on social media as the slimming jab "
             "of the stars.")
    assert [b.text for b in got] == [first, "In about a month it will be available in the country.",
                                     "Experts had guessed May or June."]
    whole = [Block("paragraph", t) for t in ("Early this year the drug Wegovy caused a stir.",
                                             "It was hailed on social media as the slimming jab of the stars.")]
    assert _rejoined(whole, _parse(page)) == whole


def test_the_text_ends_where_readability_lxml_s_block_ends_when_the_two_agree():
    """Step agreed_end: when readability-lxml's main block holds most of the text's words, the last
    paragraphs it leaves out (a sidebar's subscription line after the article) go; a paragraph it leaves
    out between two it holds stays, and nothing goes when the two do not agree on most of the text."""
    from briefgen.ingest.html import _agreed_end
    from briefgen.model import Block

    story = "".join(f"<p>{p}</p>" for p in _PARAS)
    side = ("<div><h4>Subscribe</h4><p>The Valley Courier is free in cafes, libraries and venues across town, "
            "or delivered to your door for twelve pounds a year.</p></div>")
    page = f"<html><body><div><div><h1>Night buses</h1>{story}</div><div>{side}</div></div></body></html>"
    sub = Block("paragraph", "The Valley Courier is free in cafes, libraries and venues across town, or "
                             "delivered to your door for twelve pounds a year.")
    paras = [Block("paragraph", p) for p in _PARAS]
    assert _agreed_end([*paras, sub], page) == paras
    assert _agreed_end([paras[0], sub, *paras[1:]], page) == [paras[0], sub, *paras[1:]]
    other = [Block("paragraph", f"A text of other words altogether, about the harbour and its boats ({n}).")
             for n in range(6)]
    assert _agreed_end([*paras[:1], *other, sub], page) == [*paras[:1], *other, sub]


def test_a_paragraph_hard_wrapped_with_br_is_one_paragraph_and_an_address_is_not():
    # a press release pasted from an e-mail: each line of the <p> ends with a <br> inside a sentence; the
    # contact block's lines end with a colon or are short (an address, a phone number): those still end lines
    from briefgen.ingest.html import _page_lines, _parse

    wrapped = ("The Board of County Commissioners on Monday awarded a contract<br>\n"
               "to replace the old bridge over the river, which has been limited to<br>\n"
               "one lane since inspectors found cracks in two of its beams last year.")
    page = (f"<html><body><p>{wrapped}</p>"
            "<p>Contact:<br>Kevin Ashdown, County Engineer<br>555-0133</p>"
            "<p>Roses are red<br>violets are blue</p></body></html>")
    lines = [" ".join(line.split()) for line in _page_lines(_parse(page).find(".//body"))]
    assert " ".join(wrapped.replace("<br>", "").split()) in lines
    assert "Contact:" in lines and "Kevin Ashdown, County Engineer" in lines and "555-0133" in lines
    assert "Roses are red" in lines and "violets are blue" in lines


_TEASERS = ["Police are looking for the driver of a dark pickup truck that struck a parked car on Elm Street early on "
            "Sunday morning.",
            "Groups that want to march in the holiday parade must turn in their applications at the town hall by "
            "Friday.",
            "The senior center will hold a free flu shot clinic on Tuesday morning for everyone who brings a card.",
            "State crews expect to finish the repairs on the river bridge two weeks ahead of the schedule they set."]


def _teaser_page(unit, n: int = 3, first: str = "") -> str:
    units = "".join(unit(k, t) for k, t in enumerate(_TEASERS[:n]))
    return (f"<html><body><div><div>{first}{''.join(f'<p>{p}</p>' for p in _PARAS)}</div>"
            f"<div><h2>More local briefs</h2>{units}</div></div><p>Get the paper delivered for $38 a year.</p>"
            "</body></html>")


def test_a_run_of_teasers_goes_wherever_it_stands_and_counts_as_no_prose_for_the_container():
    """Step teaser_runs: three or more sibling elements of one tag, each a headline link alone in its block or
    line and a summary sentence (here with a date between them, which step teasers does not read), are teasers:
    their text goes, and the density container counts it as no prose (the article's container, not the page's)."""
    from briefgen.ingest.density import best_container
    from briefgen.ingest.html import _body, _parse, _teaser_runs, _without_teaser_runs
    from briefgen.model import Block

    def brief(k, t):
        return f"<div><h2><a href='/briefs/{k}'>Another brief headline number {k}</a></h2><p>11/13/2019</p><p>{t}</p></div>"

    doc = _parse(_teaser_page(brief))
    units = _teaser_runs(doc)
    assert len(units) == 3
    blocks = [Block("paragraph", t) for t in [*_PARAS, *_TEASERS[:3]]]
    assert _without_teaser_runs(blocks, doc, units) == blocks[:4]
    assert best_container(_body(doc), junk=frozenset(units)).element is _body(doc)[0][0]
    assert best_container(_body(doc)).element is not _body(doc)[0][0]
    two = _parse(_teaser_page(brief, n=2))            # two side by side are no run
    assert _teaser_runs(two) == []

    def row(k, t):   # a portal's table rows: "<a>Headline</a><br><span>Summary</span><br>date"
        return f"<tr><td><a href='/n/{k}'>Another headline of the portal {k}</a><br><span>{t}</span><br>22/03/2010</td></tr>"

    rows = _parse(_teaser_page(row).replace("<h2>More local briefs</h2>", "<table>").replace("</div></div>", "</table></div></div>"))
    assert len(_teaser_runs(rows)) == 3


def test_a_run_of_teasers_that_holds_the_text_s_first_paragraph_or_a_list_of_links_in_sentences_stays():
    """A digest of brief items is the article (its first paragraph is one of the units); a list whose items
    open with a link that runs on into the sentence ("<li><a>Tool</a> lets you …") is the article's list."""
    from briefgen.ingest.html import _parse, _teaser_runs, _without_teaser_runs
    from briefgen.model import Block

    def brief(k, t):
        return f"<div><h3><a href='/{k}'>Another brief headline number {k}</a></h3><p>{t}</p></div>"

    digest = _parse(f"<html><body><div>{''.join(brief(k, t) for k, t in enumerate(_TEASERS))}</div></body></html>")
    blocks = [Block("paragraph", t) for t in _TEASERS]
    assert _without_teaser_runs(blocks, digest, _teaser_runs(digest)) == blocks

    def item(k, t):
        return f"<li><a href='https://example.org/{k}'>A useful tool number {k}</a> lets you do this: {t}</li>"

    assert _teaser_runs(_parse(_teaser_page(item).replace("<div><h2>", "<ul><h2>").replace("</div></div><p>", "</ul></div><p>"))) == []


def test_a_layout_table_s_story_is_its_densest_cell_s_text():
    """A page laid out in a table whose text trafilatura gives as table rows (the menu, the poll and weather
    column, the story's cell, the most-read column, the footer row), where readability-lxml's block is a small
    part of it: the story is the densest element inside a cell, teaser rows counting as no prose."""
    from briefgen.ingest.html import _parse, _story_cell

    rows = "".join(f"<tr><td><a href='/n/{k}'>Another headline of the portal {k}</a><br><span>{t}</span><br>"
                   f"22/03/2010</td></tr>" for k, t in enumerate(_TEASERS))
    page = ("<html><body><table><tr><td colspan='3'><a href='/'>Home</a> | <a href='/news'>News</a></td></tr>"
            "<tr><td><b>Poll</b><br>Do you approve of the works in the centre?<br><input type='radio'> Yes<br>"
            "<b>Weather</b><br>Sunny spells, 28 degrees, a light wind from the west in the afternoon</td>"
            f"<td><div>Night buses saved</div><div>{'<br><br>'.join(_PARAS)}</div><b>Other news</b><table>{rows}"
            "</table></td><td><b>Most read</b><br><a href='/a'>One</a><br><a href='/b'>Two</a></td></tr>"
            "<tr><td colspan='3'>All rights reserved. No part of this page may be reproduced in any medium "
            "without the written permission of the publisher.</td></tr></table></body></html>")
    got = _story_cell(_parse(page))
    assert got.split("\n\n") == _PARAS
    assert _story_cell(_parse(f"<html><body><div>{''.join(f'<p>{p}</p>' for p in _PARAS)}</div></body></html>")) is None


def test_an_article_a_script_holds_when_the_page_shows_only_its_start_is_read_from_the_script():
    """Step script_body: the page shows the lede; a script's JSON string (an app's state, HTML inside, perhaps
    inside another JSON string) holds the whole article and twice the words trafilatura found, most of them not
    shown: that string is the text. A page that shows the article its state repeats keeps its own text."""
    import json

    from briefgen.ingest.html import _parse, _script_body

    state = json.dumps({"article": {"body": "".join(f"<p>{p}</p>" for p in _PARAS)}})
    lede = f"<p>{_PARAS[0]}</p>"
    shown = "Most read: another story<br>" + lede
    page = f"<html><body><div>{shown}</div><script>window.__STATE__ = {state};</script></body></html>"
    text = f"Most read: another story\n\n{_PARAS[0]}"
    assert _script_body(_parse(page), text).split("\n\n") == _PARAS
    nested = json.dumps(state)       # a framework's state pushed as one string: read inside
    assert _script_body(_parse(page.replace(f"window.__STATE__ = {state};", f"push([1, {nested}]);")),
                        text).split("\n\n") == _PARAS
    whole = page.replace(lede, "".join(f"<p>{p}</p>" for p in _PARAS))   # rendered on the server too
    assert _script_body(_parse(whole), text) is None
    assert _script_body(_parse(page), "\n\n".join(_PARAS[:3])) is None   # the copy holds no twice the words


def test_the_next_story_an_endless_scroll_page_prints_below_the_article_is_cut():
    """Step next_story: a later <h1> with a date line a few elements below it opens another story; the text's
    blocks found only after it go. An <h1> above the text's start (a blog's name) cuts nothing, nor does a
    later <h1> with no date line. Step continued stops at an <h1>: the next story's body in the same class is
    no continuation."""
    from briefgen.ingest.html import _before_next_story, _continued, _parse
    from briefgen.model import Block

    other = ["Police on Wednesday named the woman who died in the crash on the coast road near the harbour "
             "on Monday night.", "She was driving south when her car crossed the centre line and struck a van."]

    def story(head, paras, day="Published 8:10 AM Wed, March 7, 2018"):
        return (f"<div class='story'><h1>{head}</h1><div>By Staff</div><div>{day}</div><div class='body'>"
                + "".join(f"<p>{p}</p>" for p in paras) + "</div></div>")

    page = f"<html><body>{story('Night buses saved', _PARAS)}{story('Woman named after crash', other)}</body></html>"
    blocks = [Block("paragraph", t) for t in [*_PARAS, *other]]
    assert _before_next_story(blocks, _parse(page)) == blocks[:4]
    undated = page.replace("Published 8:10 AM Wed, March 7, 2018</div><div class='body'><p>Police",
                           "Shared 40 times</div><div class='body'><p>Police")
    assert _before_next_story(blocks, _parse(undated)) == blocks
    blog = f"<html><body><h1>My garden blog</h1>{story('Night buses saved', _PARAS)}</body></html>"
    assert _before_next_story(blocks[:4], _parse(blog)) == blocks[:4]
    assert _continued(blocks[:4], _parse(page)) == blocks[:4]


def test_the_headline_s_next_element_is_its_standfirst_without_a_full_stop_unless_the_headline_is_a_link():
    """Step deck: a subtitle of 12-19 words with no full stop (a Brazilian paper's "linha fina") is the standfirst
    when it is the <h1>'s next element; set further down (after the byline) it is not, and under an <h1> that
    is a link (a blog's name linking home) it is the blog's tagline."""
    from briefgen.ingest.html import _deck, _parse
    from briefgen.model import Block

    head = "Greve de motoristas deixa 200 mil sem ônibus"
    deck = "Motoristas e cobradores pedem reajuste de 9,5%; Justiça manda 70% da frota circular no pico"
    story = "".join(f"<p>{p}</p>" for p in _PARAS)
    blocks = [Block("paragraph", p) for p in _PARAS]
    page = (f"<html><body><div><h1>{head}</h1><h2>{deck}</h2><div>Por Luciana Tavares</div>"
            f"<div>{story}</div></div></body></html>")
    assert _deck(_parse(page), head, blocks) == deck
    later = page.replace(f"<h2>{deck}</h2><div>Por Luciana Tavares</div>", f"<div>Por Luciana Tavares</div><h2>{deck}</h2>")
    assert _deck(_parse(later), head, blocks) is None
    linked = page.replace(f"<h1>{head}</h1>", f"<h1><a href='/'>{head}</a></h1>")
    assert _deck(_parse(linked), head, blocks) is None


def test_subheads_and_lists_that_close_the_article_after_its_last_paragraph_are_the_article_s():
    """Step gaps, after the last paragraph (_closing_blocks): a heading and the list under it, siblings of the
    article's last paragraph in the page's main run (inside a box without links or a form), stay, and step
    trailing does not take such a list for a closing list of headlines by its short items; the walk stops at a
    list with no heading over it (an app's promises), at a box of links, at a form, at a paragraph."""
    from briefgen.ingest.html import _parse, _with_gaps, clean_blocks
    from briefgen.model import Block

    body = "".join(f"<p>{p}</p>" for p in _PARAS)
    good = ("<div class='verdict'><div><h4>Good</h4><ul><li>Long battery life</li><li>Sturdy stand</li></ul></div>"
            "<div><h4>Bad</h4><ul><li>Dim screen</li><li>Heavy</li></ul></div></div>")
    page = f"<html><body><div>{body}{good}<h3>Specifications</h3><table><tr><td>1GB</td></tr></table></div></body></html>"
    blocks = [Block("paragraph", p) for p in _PARAS]
    closing: list[str] = []
    got = _with_gaps(blocks, _parse(page), closing=closing)
    lists = [Block("heading", "Good"), Block("list", items=("Long battery life", "Sturdy stand")),
             Block("heading", "Bad"), Block("list", items=("Dim screen", "Heavy"))]
    assert got == [*blocks, *lists]                     # (the heading over the table only: no text under it)
    assert clean_blocks(got, closing=closing)[-4:] == lists
    assert clean_blocks(got)[-1] == blocks[-1]          # (without the walk's word: a closing list of headlines)
    # trafilatura kept the lists: none again, and step trailing keeps them
    closing = []
    assert _with_gaps([*blocks, *lists], _parse(page), closing=closing) == [*blocks, *lists]
    assert clean_blocks([*blocks, *lists], closing=closing)[-4:] == lists
    # no heading over the list; a box of links before it; a form; a paragraph: nothing is read
    for before in ("", "<div><a href='/a'>Read more stories</a></div>", "<div><form><input></form></div>",
                   "<p>Subscribe to our newsletter for more.</p>"):
        other = page.replace(good, before + ("<ul><li>Read the e-paper</li><li>Push news</li></ul>" if not before
                                             else good))
        assert _with_gaps(blocks, _parse(other)) == blocks, before


def test_an_article_only_a_script_holds_is_found_by_its_headline():
    """Step script_body, anchored on the headline: a page that shows (almost) none of its article (an app renders
    it from its state; a Next.js page's __NEXT_DATA__, a React Query cache) gives the longest JSON string of a
    script that holds the headline's longest words, the HTML copy before a text copy of as many words, when it
    has twice the words of trafilatura's text and most of them are not shown; a photo's caption in it (a <p> in a
    small box with an image) is no paragraph."""
    import json

    from briefgen.ingest.html import _headline_script_body, _parse

    headline = "Night buses saved for the winter after petition"
    photo = "<div class='img-box'><img src='/bus.jpg'><div class='caption'><p>A night bus at the depot. Photo: A. Lee</p></div></div>"
    html_body = "<h2>What now</h2>" + "".join(f"<p>{p}</p>" + (photo if n == 1 else "") for n, p in enumerate(_PARAS))
    state = json.dumps({"article": {"title": headline.replace(" ", "\u00a0", 1), "body": html_body,
                                    "summary": "Short summary of the story."}}, ensure_ascii=False)
    ld = json.dumps({"@type": "NewsArticle", "headline": headline, "articleBody": "\n\n".join(_PARAS)})
    page = (f"<html><head><meta property='og:title' content='{headline} | Town Gazette'>"
            f"<script type='application/ld+json'>{ld}</script></head><body><h1>{headline}</h1><div>Loading…</div>"
            f"<script>window.__STATE__ = {state};</script></body></html>")
    got = _headline_script_body(_parse(page), "Loading…")
    assert got.split("\n\n") == ["## What now", *_PARAS]
    # twice escaped, in a framework's pushed string: read inside
    pushed = page.replace(f"window.__STATE__ = {state};", f"self.__next_f.push([1, {json.dumps(state)}]);")
    assert _headline_script_body(_parse(pushed.replace(ld, "{}")), "Loading…").split("\n\n") == ["## What now", *_PARAS]
    # a script without the headline's words; a page that shows the article: nothing
    other = page.replace(json.dumps(headline)[1:-1], "Another story").replace(headline.replace(" ", "\u00a0", 1),
                                                                              "Another story")
    assert _headline_script_body(_parse(other), "Loading…") is None
    shown = page.replace("<div>Loading…</div>", "".join(f"<p>{p}</p>" for p in _PARAS))
    assert _headline_script_body(_parse(shown), "Loading…") is None


def test_an_article_a_script_keeps_as_a_list_of_blocks_is_joined_under_its_headline():
    """Step script_body, anchored on the headline: an app's state that keeps the article's body as a list of
    blocks (a CMS's paragraphs one by one, each an HTML fragment or an object with its text; a subhead's object
    by its type or level) gives those blocks joined in order, from the record that holds the headline, not the
    list of another record (the related stories, each with its own title and summary)."""
    import json

    from briefgen.ingest.html import _headline_script_body, _parse

    headline = "Night buses saved for the winter after petition"
    blocks = [{"__typename": "ParagraphBlock", "html": f"<p>{p}</p>"} for p in _PARAS[:2]]
    blocks += [{"__typename": "HeadingBlock", "level": 2, "text": "What now"}, {"type": "image", "url": "/bus.jpg"}]
    blocks += [{"type": "text", "content": p} for p in _PARAS[2:]]
    related = [{"title": f"Other story {n}", "summary": "A short teaser of another story.", "url": f"/other-{n}"}
               for n in range(3)]
    state = json.dumps({"props": {"pageProps": {"apolloState": {
        "Article:1": {"title": headline, "dek": "Short summary.", "blocks": blocks},
        "ROOT_QUERY": {"related": related}}}}})
    page = (f"<html><head><meta property='og:title' content='{headline} | Town Gazette'></head><body>"
            f"<h1>{headline}</h1><div>Loading…</div>"
            f"<script id='__NEXT_DATA__' type='application/json'>{state}</script></body></html>")
    assert _headline_script_body(_parse(page), "Loading…").split("\n\n") == [*_PARAS[:2], "## What now", *_PARAS[2:]]
    # the same blocks in a record without the headline: not joined as the article (one block is at most the
    # longest string, as before)
    other = _headline_script_body(_parse(page.replace(f'"title": "{headline}"', '"title": "Another story"')),
                                  "Loading…")
    assert other is None or "\n\n" not in other


def test_a_heading_a_link_repeats_is_the_page_s_own_when_the_page_prints_it_as_a_heading():
    """Step link_card: a live page's 'Key events' list links to its entries' headings ('16:20 Power restored to
    4,000 homes'); the heading the page prints as an <h3> of its own, in no link, stays. A teaser card's headline
    inside its link still goes."""
    from briefgen.ingest.html import _outside_link_cards, _parse
    from briefgen.model import Block

    head = "Power restored to four thousand homes across the county"
    page = (f"<html><body><ul><li><a href='#p12'>16:20 {head}</a></li></ul><article><h3>{head}</h3>"
            f"<p>{_PARAS[0]}</p></article></body></html>")
    blocks = [Block("paragraph", _PARAS[1]), Block("heading", head), Block("paragraph", _PARAS[0])]
    assert _outside_link_cards(blocks, _parse(page)) == blocks
    card = page.replace(f"<h3>{head}</h3>", f"<a href='/x'><h3>{head}</h3></a>")
    assert _outside_link_cards(blocks, _parse(card)) == [blocks[0], blocks[2]]


def test_a_paragraph_the_page_prints_below_the_headline_stays_where_the_page_has_it():
    """Step before_title: what the extractor puts before the headline goes (a cookie notice), unless the page
    prints the paragraph below the headline (a live page's newest entry in an <article> of its own that
    trafilatura put first): it stays, in the page's order."""
    from briefgen.ingest.html import _after_headline, _parse
    from briefgen.model import Block

    title = "Storm live: trains cancelled and homes without power"
    cookie = "We use cookies to give you the best experience on our website and to show you adverts."
    page = (f"<html><body><div><p>{cookie}</p></div><h1>{title}</h1><p>{_PARAS[0]}</p><article><p>{_PARAS[1]}</p>"
            f"</article><article><p>{_PARAS[2]}</p></article></body></html>")
    blocks = [Block("paragraph", cookie), Block("paragraph", _PARAS[1]), Block("heading", title),
              Block("paragraph", _PARAS[0]), Block("paragraph", _PARAS[2])]
    assert _after_headline(blocks, [title], _parse(page)) == [blocks[2], blocks[3], blocks[1], blocks[4]]
    assert _after_headline(blocks, [title]) == blocks[2:]   # (no page: as before)


def test_a_czech_slovak_or_polish_discussion_heading_opens_the_readers_comments():
    """Step page_comments: 'Diskuse (3)', 'Diskuze', 'Diskusia', 'Dyskusja' head a thread of readers' comments as
    'Kommentare (3)' does; the comments' paragraphs after it go (cs-zpravodajstvi-2015 kept one)."""
    from briefgen.ingest.html import _before_page_comments, _parse
    from briefgen.model import Block

    comment = "Za čtyři miliony kilometr chodníku? To je pořádně drahé, a ještě tu zastávku, prosím."
    for heading in ("Diskuse (3)", "Diskuze", "Diskusia (12)", "Dyskusja"):
        page = (f"<html><body><div>{''.join(f'<p>{p}</p>' for p in _PARAS)}</div><div><h3>{heading}</h3>"
                f"<div><p><b>jana_b</b> 9. 4. 2015 11:40</p><p>{comment}</p></div></div></body></html>")
        blocks = [*(Block("paragraph", p) for p in _PARAS), Block("paragraph", comment)]
        assert _before_page_comments(blocks, _parse(page)) == blocks[:-1], heading
    # a subhead of the article that names a discussion among other words stays
    page = page.replace("<h3>Dyskusja</h3>", "<h3>Dyskusja o nowym chodniku trwa od roku</h3>")
    assert _before_page_comments(blocks, _parse(page)) == blocks
