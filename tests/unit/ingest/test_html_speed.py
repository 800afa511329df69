"""Speed-ups of the HTML path that must not change what is found."""
from __future__ import annotations

from briefgen.ingest import html_dates

TRICKY = [
    '<a class="x class="y" id="z">',
    'subclass="a" class="date" xid="1" -id="time" ID="up"',
    'class="a-id=" id="date"',
    "class=",
    'id="',
    "<div class='" + "a" * 300 + " date'><span id=\"meta\">x</span>",
    '<p class="byline">By A</p><time class="published">1 May</time>',
]


def test_shown_attrs_finds_what_the_regex_finds():
    for page in TRICKY:
        for lo in range(len(page) + 1):
            for hi in range(lo, len(page) + 1):
                want = [m.span() for m in html_dates.SHOWN_ATTR.finditer(page, lo, hi)]
                assert [m.span() for m in html_dates._shown_attrs(page, lo, hi)] == want, (page, lo, hi)


def test_shown_texts_reads_date_elements():
    page = '<h1>T</h1><div class="x"><span class="date">1 May 2024</span></div><p id="byline">By A</p>'
    assert html_dates.shown_texts(page) == ["1 May 2024", "By A"]
