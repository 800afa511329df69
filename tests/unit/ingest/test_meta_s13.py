"""Titles and dates of older pages, session 13 (issue 11), on hand-made pages.

An og:title that is the printed headline cut short (a sharing card's length: "Lumo Fold 2 review" beside the
`<h1>` "Lumo Fold 2 review: the sturdiest cheap tablet you can buy") gives way to the headline on a page without
a JSON-LD headline (html._shortened); the cases around it keep what they gave. Written after the rule, from the
general layout (no page's lines): its measured effect is in the README (transfer pages 91 -> 97 HTML titles, the
255 samples and the old-style and title-transfer pages page for page as before)."""
from __future__ import annotations

import json
import os

import pytest

from briefgen.ingest.pipeline import ingest_file
from tests.unit.ingest.test_meta_transfer import MENU, SITE, TEXT

FULL = {"en": "Night buses saved for the winter after petition",
        "de": "Nachtbusse fahren nach Protest auch im Winter weiter"}
SHORT = {"en": "Night buses saved for the winter", "de": "Nachtbusse fahren nach Protest"}


def _ingest(tmp_path, lang: str, og: str | None, h1: str, ld: str | None = None):
    """A 2010s news page: <title> "Headline | Site", og:title, maybe a JSON-LD headline, the site's name and
    menu, the <h1>, a byline, three paragraphs, a footer. Written atomically (a watcher may be looking)."""
    head = f"<title>{FULL[lang]} | {SITE[lang]}</title><meta name='date' content='2015-02-26'>"
    if og:
        head += f"<meta property='og:title' content='{og}'>"
    if ld:
        head += ("<script type='application/ld+json'>"
                 + json.dumps({"@type": "NewsArticle", "headline": ld}) + "</script>")
    menu = "".join(f"<a href='/{n}/'>{m}</a> " for n, m in enumerate(MENU[lang]))
    body = (f"<div id='masthead'><a href='/'>{SITE[lang]}</a></div><div id='nav'>{menu}</div>"
            f"<div class='story'><h1>{h1}</h1><p class='byline'>Ann Carter</p>"
            + "".join(f"<p>{t}</p>" for t in TEXT[lang]) + f"</div><div id='footer'>© 2015 {SITE[lang]}</div>")
    page = tmp_path / "page.html"
    part = tmp_path / "page.html.part"
    part.write_text(f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head>"
                    f"<body>{body}</body></html>", encoding="utf-8")
    os.replace(part, page)
    return ingest_file(page)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_og_title_that_is_the_printed_headline_cut_short_gives_way_to_the_headline(tmp_path, lang):
    assert _ingest(tmp_path, lang, SHORT[lang], FULL[lang]).title == FULL[lang]


def test_with_a_json_ld_headline_as_short_the_og_title_stays(tmp_path):
    # the publisher's structured data names the short form too: the samples' references keep it
    assert _ingest(tmp_path, "en", SHORT["en"], FULL["en"], ld=SHORT["en"]).title == SHORT["en"]


def test_an_h1_that_adds_only_a_date_is_no_longer_headline(tmp_path):
    # "<h1>Headline <span>February 26, 2015</span></h1>" beside og:title "Headline": the headline alone
    got = _ingest(tmp_path, "en", FULL["en"], f"{FULL['en']} <span class='date'>February 26, 2015</span>")
    assert got.title == FULL["en"]


def test_an_og_title_longer_than_the_h1_stays(tmp_path):
    assert _ingest(tmp_path, "en", FULL["en"], SHORT["en"]).title == FULL["en"]


# A relative date in a language the lexicons do not list, on a dump's meta line: counted from noon of the `date`
# line's day ("2 hours ago" stays on it; from midnight it fell on the day before), "yesterday, 14:30" on the
# day before (it was the `date` line's day at 14:30), the printed time kept.
RELATIVE = [
    ("pt", "há 2 horas", "2015-02-26 00:00"),
    ("ru", "2 часа назад", "2015-02-26 00:00"),
    ("cs", "před 2 hodinami", "2015-02-26 00:00"),
    ("ru", "вчера, 14:30", "2015-02-25 14:30"),
    ("pt", "ontem às 14h30", "2015-02-25 14:30"),
    ("es", "ayer, 14:30", "2015-02-25 14:30"),
    ("id", "kemarin, 14:30", "2015-02-25 14:30"),
    ("ru", "сегодня, 14:30", "2015-02-26 14:30"),
    ("pt", "Atualizado às 14h30", "2015-02-26 14:30"),   # a time alone: on the dump's day
    ("en", "Yesterday, 14:30", "2015-02-25 14:30"),        # the lexicons' own, as before
]


@pytest.mark.parametrize("lang, line, want", RELATIVE, ids=[f"{c[0]}-{c[1]}" for c in RELATIVE])
def test_a_relative_date_of_another_language_counts_from_the_dump_s_day(lang, line, want):
    from datetime import date

    from briefgen.ingest import dates

    got = dates.parse(line, date(2015, 2, 26), slow=True, lang=lang)
    assert got is not None and got.strftime("%Y-%m-%d %H:%M") == want


# An old portal or a press release without <h1>, og:title or JSON-LD: its <title> is the site's name and a section
# or place, the same on every page; the headline is the element its class names so (html._named_headline).
PORTAL_TITLE = {"pt": "Jornal do Vale - Notícias", "en": "Eastbrook County, Ohio - News Release"}
PORTAL_HEADLINE = {"pt": "Ônibus noturnos são mantidos no inverno após abaixo-assinado",
                   "en": "Night buses saved for the winter after petition"}


def _portal(tmp_path, lang: str, title: str, headline_html: str, before: str = ""):
    body = (f"<table width='760'><tr><td><img src='/logo.gif' alt='{SITE[lang]}'></td></tr>"
            f"<tr><td>{' | '.join(MENU[lang])}</td></tr><tr><td>{before}{headline_html}"
            f"<div class='data'>26/02/2015</div>" + "".join(f"<p>{t}</p>" for t in TEXT[lang])
            + f"</td></tr><tr><td>© 2015 {SITE[lang]}</td></tr></table>")
    page, part = tmp_path / "page.html", tmp_path / "page.html.part"
    part.write_text(f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title></head>"
                    f"<body>{body}</body></html>", encoding="utf-8")
    os.replace(part, page)
    return ingest_file(page)


@pytest.mark.parametrize("lang, markup", [("pt", "<div class='titulo'>{h}</div>"), ("en", "<h2 class='title'>{h}</h2>"),
                                          ("en", "<td class='contentheading'>{h}</td>")])
def test_a_headline_named_by_its_class_beats_a_title_of_site_and_section(tmp_path, lang, markup):
    h = PORTAL_HEADLINE[lang]
    assert _portal(tmp_path, lang, PORTAL_TITLE[lang], markup.format(h=h)).title == h


def test_a_widget_title_above_the_story_is_no_headline(tmp_path):
    # a sidebar box's heading nearest above the text, the story's headline a plain <b>: the <title> stays
    got = _portal(tmp_path, "en", f"{PORTAL_HEADLINE['en']} - Valley Courier",
                  "<b>Night buses saved for the winter after petition</b>",
                  before="<h3 class='widget-title'>Most read stories this week</h3>")
    assert got.title == PORTAL_HEADLINE["en"]


def test_an_element_that_holds_the_title_and_more_is_no_headline(tmp_path):
    # a forum's topic row "Topic: <title> (Read 412 times)": the <title> is the headline
    h = PORTAL_HEADLINE["en"]
    got = _portal(tmp_path, "en", h, f"<td class='titlebg'>Author Topic: {h} (Read 412 times)</td>")
    assert got.title == h


@pytest.mark.parametrize("line, want", [
    ("Published 11:42 PM ET Tue, March 6, 2018", "2018-03-06 23:42 -0500"),   # a US broadcaster's stamp
    ("14:30 Uhr, 26.02.2015", "2015-02-26 14:30 "),
    ("26.02.2015, 14:30 Uhr", "2015-02-26 14:30 "),                            # the time after, as before
])
def test_a_time_printed_before_the_date_is_the_date_s(line, want):
    from briefgen.ingest import dates

    assert dates.parse(line, lang="en" if "PM" in line else "de").strftime("%Y-%m-%d %H:%M %z") == want


def test_a_utc_stamp_of_the_next_day_beside_a_time_printed_before_the_date(tmp_path):
    # JSON-LD's datePublished in UTC (after midnight) and the stamp "11:42 PM ET Tue, March 6, 2018" under the
    # headline; below the article, the next story of an endless page, stamped March 7: the local day is March 6
    h = FULL["en"]
    head = (f"<title>{h} | {SITE['en']}</title><script type='application/ld+json'>"
            + json.dumps({"@type": "NewsArticle", "headline": h, "datePublished": "2018-03-07T04:42:00Z"})
            + "</script>")
    story = (f"<article><h1>{h}</h1><div class='timestamp'>Published 11:42 PM ET Tue, March 6, 2018</div>"
             + "".join(f"<p>{t}</p>" for t in TEXT["en"]) + "</article>"
             "<article><h1>Police identify woman killed in Highway 9 crash</h1>"
             "<div class='timestamp'>Published 9:15 AM ET Wed, March 7, 2018</div>"
             "<p>The woman who died in a crash on Highway 9 on Tuesday was a nurse from Millbrook, police said.</p>"
             "</article>")
    page, part = tmp_path / "page.html", tmp_path / "page.html.part"
    part.write_text(f"<html lang='en'><head><meta charset='utf-8'>{head}</head><body>"
                    f"<div id='masthead'><a href='/'>{SITE['en']}</a></div>{story}</body></html>", encoding="utf-8")
    os.replace(part, page)
    assert ingest_file(page).date.strftime("%Y-%m-%d") == "2018-03-06"


def _single_h1(tmp_path, h1: str, extra_menu: str = ""):
    """A page without og:title or JSON-LD: an SEO <title> that a teaser box also prints, one short <h1>."""
    seo = "Valley council votes to keep the night buses running through the winter months"
    menu = "".join(f"<a href='/{n}/'>{m}</a> " for n, m in enumerate(MENU["en"])) + extra_menu
    body = (f"<div id='masthead'><a href='/'>{SITE['en']}</a></div><div id='nav'>{menu}</div>"
            f"<div class='story'><h1>{h1}</h1><p class='byline'>Ann Carter</p>"
            + "".join(f"<p>{t}</p>" for t in TEXT["en"]) + "</div>"
            f"<div class='box'><p>Share: <span>{seo}</span></p></div><div id='footer'>© 2015 {SITE['en']}</div>")
    page, part = tmp_path / "page.html", tmp_path / "page.html.part"
    part.write_text(f"<html lang='en'><head><meta charset='utf-8'><title>{seo} | {SITE['en']}</title>"
                    f"<meta name='date' content='2015-02-26'></head><body>{body}</body></html>", encoding="utf-8")
    os.replace(part, page)
    return ingest_file(page)


def test_the_page_s_one_short_h1_is_its_headline_beside_an_seo_title_it_also_prints(tmp_path):
    # a three-word headline sharing no word with the SEO <title>: trafilatura takes it too
    assert _single_h1(tmp_path, "Reprieve at last").title == "Reprieve at last"


def test_a_lone_h1_that_is_a_section_link_is_no_headline(tmp_path):
    # "Local News" is one of the menu's links: a section's heading, the <title> stays
    got = _single_h1(tmp_path, "Local News", extra_menu="<a href='/local/'>Local News</a>")
    assert got.title == "Valley council votes to keep the night buses running through the winter months"
