"""Dates of older pages, session 8 (issue 11), both paths, two languages or more each: a month's name
between hyphens ("26-Feb-2015", "12-Okt-2014", "26-févr-2015", "26-FEB-2015"), a bare numeric date line
("03/02/2011", which the cleaner reads as a photo credit "APA/AFP/Name"), and a print edition's date
("Ausgabe vom 26.04.2024", "Print edition: April 26, 2024") beside a UTC timestamp of the afternoon
before.

Written before any change for them, from general layouts of older sites (not from any sample page's
lines): see the session report for how many passed as written."""
from __future__ import annotations

from datetime import date

import pytest

from tests.unit.ingest.test_meta_transfer import HEADLINE, _dump, _html

# 1. A month's name between hyphens (an old CMS's "%d-%b-%Y")
HYPHEN = [
    ("en", "26-Feb-2015", date(2015, 2, 26)),
    ("en", "Posted on 26-Feb-2015 by admin", date(2015, 2, 26)),
    ("en", "26-FEB-2015 10:30", date(2015, 2, 26)),
    ("en", "Feb-26-2015", date(2015, 2, 26)),
    ("de", "12-Okt-2014", date(2014, 10, 12)),
    ("de", "Veröffentlicht: 03-Mär-2015", date(2015, 3, 3)),
    ("fr", "26-févr-2015", date(2015, 2, 26)),
    ("pt", "Publicado em 26-fev-2015", date(2015, 2, 26)),
]


@pytest.mark.parametrize("lang, dateline, want", HYPHEN)
def test_dump_a_month_name_between_hyphens_without_a_date_line(tmp_path, lang, dateline, want):
    assert _dump(tmp_path, lang, dateline).date.date() == want


@pytest.mark.parametrize("lang, dateline, want", HYPHEN)
def test_dump_a_month_name_between_hyphens_beside_a_later_date_line(tmp_path, lang, dateline, want):
    # the page saved months later: its own date, not the copy's day
    assert _dump(tmp_path, lang, dateline, "2015-06-05").date.date() == want


@pytest.mark.parametrize("lang, dateline, want", HYPHEN)
def test_html_a_month_name_between_hyphens(tmp_path, lang, dateline, want):
    a = _html(tmp_path, lang, f"<title>{HEADLINE[lang]}</title>",
              f"<h2>{HEADLINE[lang]}</h2><p><small>{dateline}</small></p>", lang)
    assert a.date.date() == want


# 2. A bare numeric date on a line of its own
BARE = [
    ("en", "03/02/2011", date(2011, 3, 2)),     # CLDR en: month first
    ("fr", "03/02/2011", date(2011, 2, 3)),
    ("de", "03.02.2011", date(2011, 2, 3)),
    ("pt", "03/02/2011", date(2011, 2, 3)),
]


@pytest.mark.parametrize("lang, dateline, want", BARE)
def test_dump_a_bare_numeric_date_line_without_a_date_line(tmp_path, lang, dateline, want):
    assert _dump(tmp_path, lang, dateline).date.date() == want


@pytest.mark.parametrize("lang, dateline, want", BARE)
def test_dump_a_bare_numeric_date_line_beside_a_later_date_line(tmp_path, lang, dateline, want):
    assert _dump(tmp_path, lang, dateline, "2011-06-10").date.date() == want


# 3. A print edition's date: the next day's paper, while the article went up the afternoon before
WANT = date(2024, 4, 25)   # (bench/meta_transfer_baselines.py: the day of the tests without a `want`)
EDITION = [
    ("de", "<p>Ausgabe vom 26.04.2024</p>"),
    ("de", "<p><small>Aus der Printausgabe vom 26. April 2024</small></p>"),
    ("en", "<p><small>Print edition: April 26, 2024</small></p>"),
    ("fr", "<p><small>Édition du 26 avril 2024</small></p>"),
]


@pytest.mark.parametrize("lang, line", EDITION)
def test_html_an_edition_date_never_moves_an_afternoon_utc_timestamp(tmp_path, lang, line):
    meta = "<meta property='article:published_time' content='2024-04-25T14:30:00Z'>"
    a = _html(tmp_path, lang, f"<title>{HEADLINE[lang]}</title>{meta}", f"<h1>{HEADLINE[lang]}</h1>{line}", lang)
    assert a.date.date() == WANT


@pytest.mark.parametrize("lang, line", EDITION)
def test_dump_an_edition_date_beside_the_date_line_of_the_day_before(tmp_path, lang, line):
    text = line.replace("<p>", "").replace("</p>", "").replace("<small>", "").replace("</small>", "")
    assert _dump(tmp_path, lang, text, "2024-04-25").date.date() == WANT


# 4. (found on the way, written before the change) No date on the page but a blog's monthly archive
# links: htmldate's guess is the first of a month the page never shows as a day. No date is better.
ARCHIVE = {"en": ("Archives", "February 2015", "January 2015"), "de": ("Archiv", "Februar 2015", "Januar 2015")}


@pytest.mark.parametrize("lang", sorted(ARCHIVE))
def test_html_a_month_archive_is_no_date_of_the_page(tmp_path, lang):
    head, *months = ARCHIVE[lang]
    links = "".join(f"<li><a href='/2015/{2 - n:02d}/'>{m}</a></li>" for n, m in enumerate(months))
    a = _html(tmp_path, lang, f"<title>{HEADLINE[lang]}</title>",
              f"<h2>{HEADLINE[lang]}</h2><div class='widget'><h3>{head}</h3><ul>{links}</ul></div>", lang)
    assert a.date_from == "file"


@pytest.mark.parametrize("lang, line, want", [
    ("en", "<p>The council met on February 26, 2015 to vote.</p>", date(2015, 2, 26)),
    ("de", "<p><small>26.02.2015</small></p>", date(2015, 2, 26))])
def test_html_a_day_the_page_shows_is_kept(tmp_path, lang, line, want):
    a = _html(tmp_path, lang, f"<title>{HEADLINE[lang]}</title>", f"<h2>{HEADLINE[lang]}</h2>{line}", lang)
    assert a.date.date() == want and a.date_from is None
