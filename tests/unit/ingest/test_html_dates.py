"""Dates of HTML pages: the page's own metadata with its offset, and the day the page shows when the
metadata gives UTC only (pages written for these tests)."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from briefgen.ingest.html_dates import page_dates, page_locale

EST = timezone(timedelta(hours=-5))


def page(head: str = "", body: str = "", lang: str = "en-US") -> str:
    return f'<!doctype html><html lang="{lang}"><head><title>A page</title>{head}</head><body>{body}</body></html>'


UTC_META = '<meta property="article:published_time" content="2015-03-01T02:30:00Z">'


def test_keeps_the_offset_the_page_gives():
    got, _ = page_dates(page('<meta property="article:published_time" content="2015-02-28T21:30:00-05:00">'))
    assert got == datetime(2015, 2, 28, 21, 30, tzinfo=EST) and got.utcoffset() == timedelta(hours=-5)


def test_a_utc_timestamp_on_the_next_day_takes_the_day_and_time_the_page_shows():
    got, _ = page_dates(page(UTC_META, '<p class="byline-date">Feb. 28, 2015 9:30 p.m.</p>'))
    assert got.date().isoformat() == "2015-02-28"
    assert got == datetime(2015, 3, 1, 2, 30, tzinfo=UTC)          # the same moment
    assert got.utcoffset() == timedelta(hours=-5)


def test_a_utc_timestamp_printed_as_local_time_wins_over_an_update_printed_on_the_utc_day():
    meta = '<span class="timestamp">Posted Feb. 28, 2015 at 9:30 pm</span> ' \
           '<span class="updated">Updated March 1, 2015 at 9:05 am</span>'
    got, _ = page_dates(page(UTC_META, meta))
    assert got.date().isoformat() == "2015-02-28"
    assert got == datetime(2015, 3, 1, 2, 30, tzinfo=UTC) and got.utcoffset() == timedelta(hours=-5)


def test_a_first_printed_time_that_is_not_the_same_moment_leaves_the_utc_day_to_the_page():
    # 9:47 pm is no whole number of quarter hours off 02:30 UTC: not the stamp's moment, and the page
    # shows the UTC day too, so the stamp stays as it was
    meta = '<span class="timestamp">Feb. 28, 2015 at 9:47 pm</span> <span class="updated">March 1, 2015</span>'
    got, _ = page_dates(page(UTC_META, meta))
    assert got == datetime(2015, 3, 1, 2, 30, tzinfo=UTC) and got.utcoffset() == timedelta(0)


def test_a_utc_timestamp_on_the_next_day_takes_the_day_the_page_shows():
    got, _ = page_dates(page(UTC_META, '<time>February 28, 2015</time>'))
    assert got == datetime(2015, 2, 28)


def test_a_utc_timestamp_stays_when_the_page_shows_its_day():
    got, _ = page_dates(page(UTC_META, '<span class="date">March 1, 2015</span>'))
    assert got == datetime(2015, 3, 1, 2, 30, tzinfo=UTC) and got.utcoffset() == timedelta(0)


def test_a_utc_timestamp_takes_the_offset_of_the_same_moment_elsewhere_in_the_page():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2015-02-28T21:30:00-05:00"}' \
         '</script>'
    got, _ = page_dates(page(UTC_META + ld))
    assert got == datetime(2015, 2, 28, 21, 30, tzinfo=EST) and got.utcoffset() == timedelta(hours=-5)


def test_without_a_shown_date_the_page_s_other_offsets_give_the_local_day():
    modified = '<meta property="article:modified_time" content="2015-03-01T08:00:00-05:00">'
    got, updated = page_dates(page(UTC_META + modified))
    assert got.date().isoformat() == "2015-02-28" and got == datetime(2015, 3, 1, 2, 30, tzinfo=UTC)
    assert updated == datetime(2015, 3, 1, 8, 0, tzinfo=EST)


def test_the_article_s_json_ld_date_wins_over_a_nested_claim_s():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": '
          '"ClaimReview", "itemReviewed": {"@type": "Claim", "datePublished": "2026-05-07"}, '
          '"datePublished": "2026-05-13 15:44"}]}</script>')
    got, _ = page_dates(page(ld, lang="de"))
    assert got == datetime(2026, 5, 13, 15, 44)


def test_a_date_in_the_document_title_comes_before_other_extractors():
    html = '<html lang="de"><head><title>Gegenoffensive: Ziele und Risiken | DW | 28.04.2023</title></head>' \
           '<body><span class="date">24.04.2023</span></body></html>'
    got, _ = page_dates(html, fallback="2023-04-24")
    assert got == datetime(2023, 4, 28)


def test_numeric_dates_follow_the_page_locale():
    meta = '<meta name="date" content="03/04/2015">'
    assert page_dates(page(meta, lang="en-US"))[0] == datetime(2015, 3, 4)
    assert page_dates(page(meta, lang="en-GB"))[0] == datetime(2015, 4, 3)
    # the page's own month-first date elsewhere settles it whatever the locale says
    assert page_dates(page(meta, '<span class="date">12/28/2014</span>', lang="en-GB"))[0] == datetime(2015, 3, 4)


def test_page_locale():
    assert page_locale(page(lang="pt-BR")) == "pt_BR"
    assert page_locale('<html><head><meta property="og:locale" content="en_GB"></head></html>') == "en_GB"
    assert page_locale("<html><body></body></html>") is None


def test_the_time_element_by_the_headline_beats_the_site_clock():
    clock = '<header><time datetime="2024-05-03">Friday 3 May</time></header>' + "<nav>" + "x" * 30_000 + "</nav>"
    article = '<h1>Headline</h1><time datetime="2024-05-01T10:00:00+02:00">1 May 2024</time>'
    got, _ = page_dates(page(body=clock + article, lang="en-GB"))
    assert got.date().isoformat() == "2024-05-01"


def test_a_utc_timestamp_takes_the_day_of_the_page_s_own_address():
    canonical = '<link rel="canonical" href="https://example.com/news/2015/02/28/council-budget/">'
    got, _ = page_dates(page(UTC_META + canonical))
    assert got == datetime(2015, 2, 28)
    same = '<link rel="canonical" href="https://example.com/news/2015/03/01/council-budget/">'
    assert page_dates(page(UTC_META + same))[0] == datetime(2015, 3, 1, 2, 30, tzinfo=UTC)
