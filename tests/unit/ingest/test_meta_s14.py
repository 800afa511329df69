"""Titles and dates, session 14 (issue 11), on hand-made pages.

Titles: og:title is the headline (the convention the real pages' references follow: README, Ingest, "Which
form is the headline"), unless a general test says it is no headline: it is the site's name, one of the
page's section links, the `<title>` with the site's name, or cut short with an ellipsis (then the next form
that goes on from it, JSON-LD or `<h1>`, is the headline). A kicker joined to the headline ("Transport:
Headline") and a reworded og:title stay: on the real sample pages whose og:title and `<h1>` differ, the
references follow og:title.

Dates of dumps without a `date` line: a date line's byline part set apart by bars, a labelled date below the
text against dates inside photo captions, a labelled date line with a two-digit year, Norwegian relative dates.
"""
from __future__ import annotations

import pytest

from tests.unit.ingest.test_meta_s13 import FULL, _ingest
from tests.unit.ingest.test_meta_transfer import FOOTER, HEADLINE, MENU, RELATED, SITE, TEXT

H1 = FULL["en"]   # "Night buses saved for the winter after petition", the page's <h1>


@pytest.mark.parametrize("ld", [None, H1], ids=["no JSON-LD", "JSON-LD"])
@pytest.mark.parametrize("og", [
    pytest.param(SITE["en"], id="the site's name"),
    pytest.param(MENU["en"][1], id="a section link of the page"),
    pytest.param(f"{H1} | {SITE['en']}", id="the <title> with the site's name"),
    pytest.param("Night buses saved for the wi…", id="cut inside a word with an ellipsis"),
    pytest.param("Night buses saved for the winter...", id="cut with three dots"),
])
def test_an_og_title_that_is_no_headline_gives_way_to_the_printed_one(tmp_path, og, ld):
    assert _ingest(tmp_path, "en", og, H1, ld=ld).title == H1


@pytest.mark.parametrize("og", [
    pytest.param(f"Transport: {H1}", id="a kicker joined"),
    pytest.param("Petition keeps night buses running", id="reworded"),
    pytest.param("Winter buses", id="a short title that is no section link of the page"),
])
def test_an_og_title_worded_otherwise_stays_the_headline(tmp_path, og):
    # the real pages' references follow og:title where it and the <h1> differ (34 to 14, and 14 to 5 where the
    # <title> agrees with the <h1>): only a general sign that og:title is no headline sets it aside
    assert _ingest(tmp_path, "en", og, H1).title == og


def test_a_json_ld_headline_cut_with_an_ellipsis_gives_way_to_the_h1(tmp_path):
    assert _ingest(tmp_path, "en", None, H1, ld="Night buses saved for…").title == H1


def test_a_headline_that_ends_in_an_ellipsis_everywhere_stays(tmp_path):
    # a headline that ends so ("And then the lights went out…") in every form is not cut
    head = "And then the lights went out over the harbour…"
    assert _ingest(tmp_path, "en", head, head).title == head


# Dates of dumps without a `date` line (the page's text alone).

BYLINE_LINES = [
    # a two-digit year, a time and a byline in one line, parts set apart by bars; a credit with another day below
    ("de", ["Do 26.02.15 | 14:07 Uhr | Von Eva Muster", "Audio: Radio Talbote | 25.02.2015 | Eva Muster | Bild: dpa"],
     "2015-02-26 14:07"),
    ("en", ["Thu 2/26/15 | 2:07 PM | By Ann Carter"], "2015-02-26 14:07"),   # month first: 26 is no month
]


def _undated_dump(tmp_path, lang: str, above: list[str], middle: list[str] = (), below: list[str] = (),
                  day_line: str | None = None):
    """A dump without its `date` line (or with `day_line` as one: a page saved later): the site's name and menu, the headline, `above`, the first paragraph,
    `middle` (photo captions), the rest of a long text, `below` (a box of the page's data), related links, footer.
    Written atomically (a watcher may be looking)."""
    import os

    from briefgen.ingest.pipeline import ingest_file

    # a long article, its last lines far below its header: the three paragraphs, then each pair of them joined
    # (nine paragraphs, none printed twice: a page that prints each of its paragraphs six times reads to the
    # decoding as one box repeated, linemodel's FILLER_REPEATS, and gives no text where the model doubts them)
    base = list(TEXT[lang])
    paragraphs = [p + "\n" for p in base + [f"{a} {b}" for a in base for b in base if a != b]]
    lines = ([f"date {day_line}"] if day_line else []) + [SITE[lang], *MENU[lang], "", HEADLINE[lang], *above, ""] \
        + paragraphs[:1] \
        + [x for c in middle for x in (c, "")] + paragraphs[1:] \
        + list(below) + ["", *RELATED[lang], "", FOOTER[lang]]
    part, page = tmp_path / "page.txt.part", tmp_path / "page.txt"
    part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(part, page)
    return ingest_file(page)


@pytest.mark.parametrize("lang, above, want", BYLINE_LINES, ids=[c[0] for c in BYLINE_LINES])
def test_a_date_line_with_a_two_digit_year_beside_its_byline_dates_the_page(tmp_path, lang, above, want):
    a = _undated_dump(tmp_path, lang, above)
    assert a.date_from is None and a.date.strftime("%Y-%m-%d %H:%M") == want


def test_a_labelled_date_below_the_text_beats_the_dates_of_photo_captions(tmp_path):
    # no `date` line; the only dates by the header stand in captions ("…, 24. Februar 2015"); the page's data box
    # below the text says "Datum 26.02.2015"
    captions = ["Der Busbahnhof am Markt in der Nacht zum Montag, 24. Februar 2015",
                "Anwohner bei der Übergabe der Unterschriften im Rathaus, 23. Februar 2015"]
    a = _undated_dump(tmp_path, "de", [], middle=captions, below=["", "Datum 26.02.2015", "Autor Eva Muster"])
    assert a.date_from is None and a.date.date().isoformat() == "2015-02-26"


def test_a_caption_date_stays_when_the_page_labels_no_date(tmp_path):
    captions = ["Der Busbahnhof am Markt in der Nacht zum Donnerstag, 26. Februar 2015"]
    a = _undated_dump(tmp_path, "de", [], middle=captions, below=["", "Autor Eva Muster"])
    assert a.date_from is None and a.date.date().isoformat() == "2015-02-26"


# Norwegian is "no" to the language detector and to most pages, "nb" (Bokmål) to dateparser: its relative dates
# were not read at all ("i går 14:30" fell on the dump's day at 14:30).
@pytest.mark.parametrize("line, want", [("i går 14:30", "2015-02-25 14:30"), ("for 2 timer siden", "2015-02-26 00:00"),
                                        ("3 dager siden", "2015-02-23 00:00")])
def test_a_relative_date_in_norwegian_counts_from_the_dump_s_day(line, want):
    from datetime import date

    from briefgen.ingest import dates

    got = dates.parse(line, date(2015, 2, 26), slow=True, lang="no")
    assert got is not None and got.strftime("%Y-%m-%d %H:%M") == want


@pytest.mark.parametrize("lang, line, want", [("de", "Veröffentlicht: 26.02.15, 14:47 Uhr", "2015-02-26 14:47"),
                                              ("en", "Published: 2/26/15 2:47 PM", "2015-02-26 14:47")])
def test_a_labelled_date_with_a_two_digit_year_below_the_text_dates_an_undated_page(tmp_path, lang, line, want):
    # no `date` line and no date by the header: the page's data line below its text ("Publisert: 05.08.24 kl. 14:47")
    a = _undated_dump(tmp_path, lang, [], below=["", line])
    assert a.date_from is None and a.date.strftime("%Y-%m-%d %H:%M") == want


@pytest.mark.parametrize("day_line, want", [("2015-06-06", "2015-02-26"), ("2015-02-27", "2015-02-27")],
                         ids=["saved 100 days later", "saved the next day"])
def test_a_labelled_date_below_the_text_beside_a_later_date_line(tmp_path, day_line, want):
    # a page saved long after it appeared: its `date` line is the day it was saved; the only dates by the header
    # are photo captions', the page's data box below the text says "Datum 26.02.2015". A line a day after the
    # labelled date is the publication day as the collector knows it (as beside a header date)
    captions = ["Der Busbahnhof am Markt in der Nacht zum Montag, 24. Februar 2015"]
    a = _undated_dump(tmp_path, "de", [], middle=captions, below=["", "Datum 26.02.2015", "Autor Eva Muster"],
                      day_line=day_line)
    assert a.date.date().isoformat() == want
