"""The page-dump path on the hand-written transfer pages of tests/data/html-transfer (see its NOTE.md), rendered
to dumps as the sample dumps were made (tests/data/dumps-transfer, scripts/render_dumps.py): a case is right
when the dump's lead and body hold at least 97 % of the words of the page's reference text (expected.txt,
written with the page from its article text) and at most 3 % other words, the HTML transfer test's measure.
The dumps were rendered and this test first run before any change to the dump path for them (session 8):
that first count is the dump path's honest transfer figure (tests/data/dumps-transfer/NOTE.md)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.ingest.pipeline import ingest_file
from briefgen.ingest.score import article_text, score

DATA = Path(__file__).resolve().parents[2] / "data"
DUMPS = DATA / "dumps-transfer"
PAGES = json.loads((DUMPS / "pages.json").read_text(encoding="utf-8"))
RIGHT = 0.97

# What the dump path still gets wrong (strict: each flips to a failure once fixed).
KNOWN = {
    # as first run (main 47a1d04): 7 of 10 right, mean F1 0.966
    "howto-blog-lists-2011": "the subheads and list items are dropped, the 'This entry was posted in' line kept",
    # (ru-gazeta-2009, the headline left in the body under the weather line taken as the title, right since
    # session 11's function words: its Russian paragraphs read as sentences)
    # s8-html's ten pages, rendered when they landed, as first run (main f790864): 7 of 10 right, mean F1 0.974
    "movabletype-pre-poem-2006": "the poem's lines (short, ending with commas) are dropped",
    "news-subheads-list-2009": "the list items are dropped and the 'Have you been affected?' call is kept",
    # (td-brbr-related-table-2007, its 'Related stories' teasers between the paragraphs kept, right since
    # linemodel._cut_marked_box)
    # session 9's eight pages, as first run (main ee67ff2): 2 of 8 right, mean F1 0.770
    "howto-numbered-steps-2015": "only the intro is kept: the lists, subheads and steps are dropped",
    # (teaser-cards-readmore-2016, an 'Editor's Picks' card's summary above the headline kept, right since
    # session 10's headline ranker took the headline: the summary then stands above it)
    # (listpage-cookie-longest-2017, its legal footer taken as the article, right since session 10: its
    # numbered items are no teaser cards for clean.handle_card_lists, its legal notice over the copyright
    # line goes by linemodel._cut_foreign)
    # (gallery-50-slides-2012, the paragraphs after its 50-slide gallery lost, right since
    # linemodel._join_past_gallery; interview-q-a-prefix-2013, cut after "A: Yes. Not often.", since
    # linemodel._keep_interview; wp2011-threaded-comments, its "This entry was posted in … Bookmark the
    # permalink." line kept, since data/furniture.toml's filing-line phrases)
    # s9-html's ten pages, rendered before any change (main ee67ff2): 5 of 10 right, mean F1 0.980
    # (blogger-sidebar-first-2008, its sidebar's 'About Me' profile above the post kept, and
    # div-br-story-2009, an 'On sale now' line above the headline kept, right since
    # linemodel._cut_above_headline;
    # magazine-pullquote-bio-2015, the author's bio box kept, since linemodel._cut_author_note; and
    # interview-qa-2010, cut after the fourth question, since linemodel._keep_interview reads unlabelled
    # questions)
    "pt-latin1-2009": "the standfirst (the subtitle under the headline) is dropped",
    # (wordpress-threaded-comments-2011, its "This entry was posted in …" line kept, right since
    # data/furniture.toml's filing-line phrases)
    # session 10's batch A (s10-corpus, twelve pages), rendered and run before any change (main eea3fc7): 6 of 12
    # right, mean F1 0.971
    "medium-claps-2016": "the map's caption and a pull quote that repeats a sentence are kept",
    "sports-boxscore-ratings-2018": "the 'Player ratings' subhead and the last rating are dropped",
    # (ru-livejournal-2010, the entry's last short line dropped, right since session 11's function words)
    # (university-news-leftnav-2014 and fr-regional-commentaires-2011, a photo caption ending with its
    # photographer kept, right since linemodel._drop_credited and meta's lead check)
    # (liveblog-entries-2019, stopped after the sixth of ten entries, right since linemodel._cut_unsure_tail
    # reads entries under a stamp above the cut as a live blog's)
    # session 10's batch B (s10-corpus, ten pages sealed until 09:10): on eea3fc7 7 of 10 right, mean F1 0.954; on
    # main 58f1f93 (09:10) 7 of 10, F1 0.962
    "recipe-card-jump-2017": "the recipe card's ingredients and instructions (and their headings) are dropped",
    "readmore-mostpopular-2016": "an inline 'Related' link and the newsletter box's consent sentence are kept",
    "letters-page-2008": "the three letters' headings are dropped",
    # session 11's batch A (s11-corpus, twelve pages of larger sites with their full furniture), rendered and run
    # before any change (main 9e9d865): 5 of 12 right, mean F1 0.919
    "national-megamenu-2016": "the newsletter box between paragraphs is kept, a subhead dropped",
    "tech-review-wp-2013": "two subheads and the review's 'Good' / 'Bad' lists are dropped",
    "react-feature-gdpr-2019": "the GDPR consent banner's paragraphs are kept (and its heading taken as the title), "
                               "the standfirst dropped",
    "listicle-affiliate-2017": "the affiliate disclosure above the text is kept and the verdict's subhead dropped "
                               "(cut after the first of eight items until session 11's numbered-items rule)",
    "table-national-2008": "the 'Print this article | E-mail' tools line and the 'Have your say' call are kept",
    # (sport-embedded-tweets-2018, cut at the embedded Instagram post, right since session 11: a card head
    # with a hashtag, a handle or a link is an embed's caption, clean.handle_card_lists)
    # (ru-agency-feed-2017, the tags line and the 'follow us on Yandex.Zen' line kept: right since session 12's
    # promotion that opens with a command, data/furniture.toml [promo] imperative)
    # session 11's batches B (ten pages) and C (six, the failure tail), sealed outside the repository until 12:10,
    # first run the same on 9e9d865 and on main d76f754: B 6 of 10 right (F1 0.978), C 1 of 6 (0.916)
    "tabloid-one-line-paras-2017": "the embedded tweet is kept, two of the three summary bullets and two one-line "
                                   "paragraphs dropped (the spokesman's last two paragraphs below a READ MORE "
                                   "box inside his quote stay since session 12's linemodel._quote_goes_on)",
    "blog-inline-links-quotes-2010": "the blog's tagline above the post is kept",
    "amp-explainer-questions-2019": "the map placeholder's sentence is kept, the list of three zones dropped",
    "fr-abonnes-lire-aussi-2018": "the byline and 'Publié le …' line is kept",
    "hardwrapped-br-release-2008": "two paragraphs hard-wrapped with <br> (short lines) are dropped",
    # (split-body-carousel-2016, its last paragraph dropped; cs-zpravodajstvi-2015, the last three paragraphs
    # after the 'Reklama' label dropped; id-bacajuga-scroll-2018, the comment note kept: right since session
    # 11's function words of one language of 37, a change made before these pages were unsealed)
    "pt-div-br-portal-2013": "the story's last, short paragraph is dropped",
    # session 12's batch A (s12-corpus, ten pages written to the sample pages' proportions, with recall traps),
    # committed before any run; first run on 299db8a (main at the session's start): 5 of 10 right, mean F1 0.981
    "table-brbr-firehouse-2009": "the photo caption, a related story's summary and a sidebar headline are kept",
    "explainer-lists-video-2018": "the photo caption and the video player's title are kept, the second list and its "
                                  "subhead dropped",
    "transit-blog-links-quote-2010": "the 'Tags:' line and the '3 Responses to …' heading are kept",
    # (pt-racionamento-split-2015, its comment policy note kept: right since session 12's pt/es/ru/cs/id
    # furniture phrases (s12-otherlang), written before this batch landed, so a first run: P 0.964 -> 1.000)
    "es-mercado-brbr-lista-2013": "the photo caption is kept, the list of three demands dropped",
    # session 12's batches B (ten pages) and C (three, the failure tail), sealed outside the repository until 15:00,
    # first run the same on 299db8a and on main e0a9867: B 7 of 10 right (F1 0.975), C 3 of 3 (1.000)
    "tv-js-headline-monthfirst-2015": "the list of three warming centres is dropped",
    "us-daily-timeline-aside-2011": "three paragraphs before the timeline aside are dropped, the photo caption kept",
    "react-div-paras-utc-nextday-2019": "the <div> paragraphs come without blank lines between them: four subheads, a list "
                                        "of three and three paragraphs are dropped, the headline and 'Key points' kept",
    # session 13's batch A (s13-corpus, ten pages aimed at the held-out set's failures, three dumps without a date
    # line), committed before any run; first run on 08910d4 (main at the session's start): 3 of 10 right, mean F1
    # 0.812; titles 10, dates 10 (the three read from the page's text)
    "hidden-body-teaser-2017": "the body is hidden by an inline display:none until a script shows it: the dump holds a "
                               "two-paragraph teaser, recall 0.10",
    "id-script-body-2019": "the article after its lede is inserted by a script from a JSON blob: the dump holds the "
                           "lede alone (recall 0.09; the teaser summaries after it go since s13-dumpbody)",
    # (infinite-scroll-next-articles-2018, the next story kept: right since s13-dumpbody's _cut_next_article, seen)
    "es-furniture-between-2018": "the lead photo's caption, a 'Te puede interesar' link and the one 'Otras noticias' "
                                 "summary whose headline the page shows once are kept, a subhead dropped",
    # (noscript-body-lazy-2012 and megamenu-300-short-2014, their captions kept, "… Courier photo by Jim Ostrander",
    # "… (Submitted photo)": right since s13-dumpbody's newspaper credits in linemodel.PHOTOGRAPHER, seen)
    # (us-weekly-monthfirst-h1logo-2016, three subheads under "Story continues below", "Staff photo" and a "RELATED:"
    # link dropped: right since s13-dumpbody's subheads past furniture lines, two of them back; seen)
    # session 13's batches B (ten pages) and C (four, text a browser without scripts does not show), sealed outside
    # the repository until 18:00, first run the same on 08910d4 and on main bb829f7: B 5 of 10 right (F1 0.744), C 1 of
    # 4 (0.352 / 0.347), no brief on 1 and 2 pages
    "readmore-expander-utc-2016": "the story's second half waits in a box an inline <style> hides until 'Read more' "
                                  "opens it: the dump holds the first four paragraphs, recall 0.25",
    "pt-next-data-body-2017": "the body is only in __NEXT_DATA__ and JSON-LD (a script renders it): the dump holds the "
                              "subtitle, and most-read headlines and the legal note are kept (recall 0.07)",
    "site-index-footer-ambiguous-date-2011": "the photo table's caption between the paragraphs is kept",
    # (ru-h1-logo-nodate-skver-2016, two subheads dropped: right with s13-dumpbody's subheads past furniture lines,
    # a change made before this batch was unsealed)
    "preloader-hidden-page-2018": "the whole page is hidden by an inline #page {display:none} until a script removes "
                                  "the preloader: the dump holds 'Loading...', no brief",
    "tv-tabs-story-hidden-2014": "the story is in a tab an inline <style> hides (the video tab is shown): no brief",
    "js-pagination-pages-hidden-2010": "pages 2 and 3 of the feature carry an inline display:none: the dump holds page "
                                       "1, recall 0.25",
    "pt-consent-wall-hides-main-2019": "a consent dialog's class hides the article until 'Aceitar' is pressed: the dump "
                                       "holds the consent prose, the menu and the footer, no brief",
    # session 14's batch A (s14-corpus, twelve pages written to the sample dumps' line shapes, one text-less), sealed
    # outside the repository until 21:07, first run the same on 4a2525a and on main afe2aaf: 5 of 12 right (F1 0.850;
    # the eleven that hold their article 0.927), no brief on 1
    "cs-zastavky-galerie-perex-2016": "the text stops at a gallery box ('1/12', caption, credit, 'Zobrazit fotogalerii', "
                                      "kept): the last subhead and three paragraphs are dropped, recall 0.786",
    "endless-scroll-second-story-nodate-2017": "two items of a list of four, a subhead and a paragraph after 'RELATED:' "
                                               "are dropped, recall 0.938",
    "id-gulir-berita-berikutnya-2018": "the second full story after 'Berita Berikutnya' is kept, precision 0.813",
    "nextjs-client-body-only-in-state-2019": "the body is only in __NEXT_DATA__'s Apollo state (a script renders it): "
                                             "the dump holds the dek alone, no brief",
    "portal-layout-table-teasers-2009": "the photo table's caption and its 'Staff photo by' credit are kept, precision "
                                        "0.940",
    "ru-div-abzacy-bassein-2015": "the <div> paragraphs come without blank lines: the text stops at the caption after "
                                  "the fourth paragraph, two subheads and seven paragraphs dropped, recall 0.432",
    # (weekly-teaser-runs-around-story-2012, the text stopped at a newsletter box, recall 0.843: right since session
    # 15's sign-up prompts, which start no teaser box for linemodel._cut_marked_box)
    # session 15's batch s15-dates (s15-metadata, thirteen old-style pages of date layouts), first run on main a02947a:
    # 10 of 13 right (F1 0.973), titles 12, dates 11 (13 after the session's date rules)
    "fr-publie-mis-a-jour-2009": "the blog's tagline and the long 'Publié le … – Mis à jour le …' line are kept, "
                                 "precision 0.770",
    "numeric-month-first-nolang-2015": "the text stops before its last paragraph (the 'Back to District News' link "
                                       "and the events column below it), recall 0.795",
    "wp-footer-date-comments-2012": "the headline is taken for a kicker under the blog's name (in the text), and the "
                                    "'This entry was posted on …' footer is kept, precision 0.816",
    # session 15's batch A (s15-corpus, fourteen pages written to the samples' furniture between the article's lines,
    # articles of 390-879 words, two dumps that never print the reference headline), sealed outside the repository
    # until 00:08, first run the same on a02947a and on main 07975f8: 8 of 14 right (F1 0.965)
    "article-content-interrupters-2019": "a caption with its 'Photo by' credit and 'This advertisement has not loaded "
                                         "yet, but your article continues below.' are kept and the last one-sentence "
                                         "paragraph is dropped, precision 0.954",
    "howto-footer-outweighs-intro-2014": "the footer's two paragraphs (about the site, a disclaimer) are kept, and "
                                         "list items and a subhead between the steps dropped, precision 0.827, "
                                         "recall 0.888",
    "liveblog-entry-heading-boxes-2018": "the entries' headings, the list of four rules and the two oldest entries "
                                         "are dropped (a time-and-author line stands over every entry), recall 0.714",
    "pt-subtitulo-campo-br-chapeu-2015": "the subtitle field's two <br> lines (the lead) are dropped, recall 0.967",
    "sports-embedded-tweets-readmore-2017": "the two embedded tweets are kept and the last paragraph dropped, "
                                            "precision 0.923",
    "table-daily-photo-table-related-2008": "the photo table's caption and its 'Staff photo by' credit are kept, "
                                            "precision 0.964",
}

# Pages whose dump gives another title than the headline pages.json holds (strict, as KNOWN).
KNOWN_TITLES = {
    "ru-gazeta-2009": "the weather line is taken",
    # (pt-blogger-2012, movabletype-pre-poem-2006 and blogspot-newer-older-2009, the blog's tagline taken, right
    # since meta._below_page_top; teaser-cards-readmore-2016, its 'Trending Now' ticker line taken, right since
    # the ranker's topic_share feature)
    # session 10's batch B (s10-corpus, sealed until 09:10), first run on main 58f1f93: titles 9 of 10
    "obituary-guestbook-2012": "the funeral home's name in the left column is taken",
    # session 11's batch A (s11-corpus), first run on main 9e9d865: titles 10 of 12
    "react-feature-gdpr-2019": "the consent banner's heading 'We value your privacy' is taken",
    "sport-embedded-tweets-2018": "the kicker line above the headline (the score, 'Dunmore Athletic 2-1 Westcliff "
                                  "United') is taken",
    # session 11's batches B and C (sealed until 12:10), first run on 9e9d865 and main d76f754: titles 8 of 10, 5 of 6
    # (radio-interview-audio-2016, the audio player's short title taken, right since meta._whole_headline)
    "blog-inline-links-quotes-2010": "the blog's name ('County Line') is taken",
    "hardwrapped-br-release-2008": "a 'Recent News' item in the left column is taken",
    # session 12's batch A (s12-corpus), first run on 299db8a: titles 9 of 10; the miss (pt-racionamento-split-2015,
    # the headline's shorter copy in the 'Mais lidas' list taken) right since meta._goes_on
    # session 12's batches B and C (sealed until 15:00), first run on 299db8a and main e0a9867: titles 8 of 10, 3 of 3
    "tv-js-headline-monthfirst-2015": "the headline is not in the dump (a script writes it); the closings ticker's "
                                      "line is taken",
    "react-div-paras-utc-nextday-2019": "the header's links run together ('DonateLog in') are taken",
    # session 13's batches B and C (sealed until 18:00), first run on 08910d4 and main bb829f7: titles 9 of 10, 2 of 4
    "preloader-hidden-page-2018": "no brief: the dump holds 'Loading...' alone",
    "tv-tabs-story-hidden-2014": "no brief: the story's tab is hidden",
    "pt-consent-wall-hides-main-2019": "no brief: the article is hidden behind the consent dialog",
    # session 14's batch A (sealed until 21:07), first run on 4a2525a and main afe2aaf: titles 11 of 12
    "nextjs-client-body-only-in-state-2019": "no brief: the body is only in __NEXT_DATA__",
    # session 15's batch s15-dates, first run on main a02947a: titles 12 of 13
    "wp-footer-date-comments-2012": "the blog's name above its tagline is taken over the post's headline",
    # session 15's batch A (sealed until 00:08), first run on a02947a and main 07975f8: titles 11 of 14
    "id-baca-juga-ogtitle-situs-2017": "the 'TERKINI' ticker line is taken over the <h1> printed under the date line",
    "pt-subtitulo-campo-br-chapeu-2015": "the <h1> alone is taken: the reference (og:title) joins the kicker, which "
                                         "the dump prints on its own line above it",
    "regional-og-headline-reworded-2016": "the printed <h1> ('Bridge closes to cars for good') is taken: the reference "
                                          "is the page's og:title, which the dump never prints",
}


def test_every_transfer_page_has_its_dump_and_its_date():
    cases = {p.parent.name for p in (DATA / "html-transfer").glob("*/source.html")}
    assert cases == set(PAGES) == {p.stem for p in DUMPS.glob("*.txt")}


def test_a_dump_has_its_date_line_unless_pages_json_says_it_was_saved_without():
    """scripts/render_dumps.py writes the `date` line from pages.json, except where the entry says "date_line":
    false (session 13): that dump's date must be read from the page's own text, as the other pages' date still
    is the reference."""
    without = {n for n, info in PAGES.items() if info.get("date_line") is False}
    assert len(without) >= 3
    for name, info in PAGES.items():
        first = (DUMPS / f"{name}.txt").read_text(encoding="utf-8").split("\n", 1)[0]
        assert (first == f"date {info['date']}") == (name not in without), name


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN[n], strict=True)) if n in KNOWN else n
    for n in sorted(PAGES)])
def test_the_dump_gives_the_article_and_nothing_around_it(name):
    article = ingest_file(DUMPS / f"{name}.txt")
    got = score(article_text(article), (DATA / "html-transfer" / name / "expected.txt").read_text(encoding="utf-8"))
    assert got.recall >= RIGHT, f"recall {got.recall:.3f}"
    assert got.precision >= RIGHT, f"precision {got.precision:.3f}"
    assert article.date.date().isoformat() == PAGES[name]["date"]


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN_TITLES[n], strict=True)) if n in KNOWN_TITLES else n
    for n in sorted(PAGES)])
def test_the_dump_s_title_is_the_page_s_headline(name):
    """pages.json's headline was written with each page, before any run (session 10 added this check for every
    transfer page; `python -m tests.quality.transfer_report` gives the count per batch)."""
    from briefgen.ingest.score import same_title

    got = ingest_file(DUMPS / f"{name}.txt").title
    assert same_title(got, PAGES[name]["title"]), f"{got!r}"
