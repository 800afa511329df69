"""Dates of older pages among other dates, both paths: readers' comments and a sidebar of recent posts
never give the article's day, not even through htmldate's guess (its "meta" and "date" elements are
where comments put their stamps). Pages written here in more than one language; no sample page's lines."""
from __future__ import annotations

from datetime import date

import pytest

from briefgen.ingest.pipeline import ingest_file

BODY = {
    "en": "The council met on the evening to discuss the plans for the new bridge across the river. "
          "Residents had asked for a safer crossing for years, and the engineers presented three options. ",
    "de": "Der Gemeinderat hat am Abend über die Pläne für die neue Brücke über den Fluss beraten. "
          "Die Anwohner hatten seit Jahren einen sicheren Übergang gefordert, und die Ingenieure stellten "
          "drei Varianten vor. ",
    "fr": "Le conseil municipal s'est réuni dans la soirée pour discuter des plans du nouveau pont sur la "
          "rivière. Les habitants demandaient depuis des années un passage plus sûr, et les ingénieurs ont "
          "présenté trois options. ",
}
# the article's day is nowhere printed: only in its image's address, where htmldate finds it
IMAGE = "<p><img src='/images/2011/03/03/bridge.jpg' alt=''></p>"


def _date(tmp_path, lang: str, body: str):
    p = tmp_path / "page.html"
    text = BODY[lang] * 2
    p.write_text(f"<html lang='{lang}'><head><meta charset='utf-8'><title>Night buses saved | Courier</title>"
                 f"</head><body>{body.format(text=text)}</body></html>", encoding="utf-8")
    return ingest_file(p).date.date()


@pytest.mark.parametrize("lang, said, stamps", [
    ("en", "said on", ("March 4, 2011 at 8:15 pm", "March 5, 2011 at 9:00 am", "March 8, 2011 at 7:30 pm")),
    ("de", "schrieb am", ("4. März 2011 um 20:15 Uhr", "5. März 2011 um 9:00 Uhr", "8. März 2011 um 19:30 Uhr")),
])
def test_htmldate_s_guess_never_reads_a_reader_s_comment(tmp_path, lang, said, stamps):
    comments = "".join(f"<div class='comment'><p class='comment-meta'>Reader {n} {said} {stamp}</p>"
                       f"<p>Thanks {n}.</p></div>" for n, stamp in enumerate(stamps))
    body = f"<h1>Night buses saved</h1>{IMAGE}<p>{{text}}</p><p>{{text}}</p><h3>3 Comments</h3>{comments}"
    assert _date(tmp_path, lang, body) == date(2011, 3, 3)   # not the first comment's 4 March


@pytest.mark.parametrize("lang, days", [
    ("en", ("March 30, 2011", "March 17, 2011", "March 10, 2011", "March 1, 2011")),
    ("fr", ("30 mars 2011", "17 mars 2011", "10 mars 2011", "1 mars 2011")),
])
def test_a_recent_posts_list_ending_by_the_headline_gives_no_date(tmp_path, lang, days):
    # only the list's last item is among the texts read by the headline: the rest shows it is a list
    side = "<div class='sidebar'><h3>Recent</h3><ul>" + "".join(
        f"<li><a href='/p{n}'>Another story number {n}</a> ({d})</li>" for n, d in enumerate(days)) + "</ul></div>"
    body = f"{side}<div class='logo'>Courier</div><h1>Night buses saved</h1>{IMAGE}<p>{{text}}</p><p>{{text}}</p>"
    assert _date(tmp_path, lang, body) == date(2011, 3, 3)   # not the last item's 1 March


def test_a_post_s_date_below_it_is_kept_beside_the_comments(tmp_path):
    # an old WordPress theme prints the date under the post, right before the comments' heading
    comments = "".join(f"<li><cite>Reader {n}</cite> says:<br><small class='commentmetadata'>March {d}, 2011 "
                       f"at 8:15 pm</small><p>Thanks {n}.</p></li>" for n, d in enumerate((4, 5, 8)))
    body = ("<h2>Night buses saved</h2>" + "<p>{text}</p>" * 24 + "<p class='postmetadata'><small>This entry was "
            "posted on Thursday, March 3rd, 2011 at 10:15 pm and is filed under News.</small></p>"
            f"<h3 id='comments'>3 Responses</h3><ol class='commentlist'>{comments}</ol>")
    assert _date(tmp_path, "en", body) == date(2011, 3, 3)


# Dumps: a date printed without its year, and relative dates
DUMP_BODY = {lang: text * 3 for lang, text in {**BODY, "es": (
    "El ayuntamiento se reunió por la tarde para discutir los planes del nuevo puente sobre el río. Los "
    "vecinos pedían desde hacía años un paso más seguro, y los ingenieros presentaron tres opciones. ")}.items()}


def _dump_dates(dump: str, lang: str):
    from briefgen.ingest.clean import clean_dump
    from briefgen.ingest.meta import find_dates, split_prefix

    ref, _, text = split_prefix(dump)
    return find_dates(clean_dump(text), ref, lang)


def _dump(lang: str, header: str, date_line: str = "", tail: str = "") -> str:
    body = "\n\n".join([DUMP_BODY[lang]] * 4)
    return f"{date_line}Council backs the new river bridge\n\n{header}\n\n{body}\n\n{tail}"


@pytest.mark.parametrize("lang, header", [
    ("en", "Mon 3 Mar 10:15"),
    ("en", "Posted on March 3 by admin"),
    ("en", "By Ann Smith | 3 March"),
    ("de", "3. März, 10:15 Uhr"),
    ("de", "Von Anna Schmidt, 3. März"),
    ("fr", "Publié le 3 mars à 10h15"),
    ("es", "3 de marzo, 10:15"),
])
def test_dump_a_date_without_its_year_takes_the_year_of_the_date_line(lang, header):
    # the page saved days or months later: the last 3 March before the `date` line
    for line in ("date 2011-03-09\n", "date 2011-06-13\n", "date 2012-02-01\n"):
        assert _dump_dates(_dump(lang, header, line), lang)[0].date() == date(2011, 3, 3), line
    assert _dump_dates(_dump(lang, header, "date 2011-02-20\n"), lang)[0].date() == date(2010, 3, 3)
    # two days before the `date` line (the publication day as the collector knows it): the line's day
    assert _dump_dates(_dump(lang, header, "date 2011-03-05\n"), lang)[0].date() == date(2011, 3, 5)


@pytest.mark.parametrize("lang, header", [("en", "Mon 3 Mar 10:15"), ("de", "3. März, 10:15 Uhr"),
                                          ("fr", "Publié le 3 mars à 10h15")])
def test_dump_a_date_without_its_year_takes_it_from_a_comment_below(lang, header):
    # no `date` line: a comment's date below the text is later than the post, so it gives the year
    for stamp, want in (("March 9, 2011 at 8:00 am", date(2011, 3, 3)),
                        ("January 2, 2012 at 8:00 am", date(2011, 3, 3))):
        dump = _dump(lang, header, tail=f"Bob says:\n{stamp}\nGreat news.\n")
        assert _dump_dates(dump, lang)[0].date() == want, stamp
    assert _dump_dates(_dump(lang, header), lang)[0] is None   # nothing gives its year: no date


@pytest.mark.parametrize("lang, relative, day", [
    ("de", "vor 3 Stunden", date(2011, 3, 5)), ("fr", "il y a 2 jours", date(2011, 3, 5)),
    ("en", "2 hours ago", date(2011, 3, 5)), ("es", "hace 3 días", date(2011, 3, 5)),
    ("fr", "il y a 12 jours", date(2011, 2, 21)), ("en", "10 days ago", date(2011, 2, 23)),
])
def test_dump_a_relative_date_counts_from_the_date_line_and_never_beats_a_printed_one(lang, relative, day):
    # counted from the `date` line: a few days before it is the line's day (the publication day as the
    # collector knows it), more is a page copied later
    assert _dump_dates(_dump(lang, relative, "date 2011-03-05\n"), lang)[0].date() == day
    # a printed date beside it, with or without its year, is the page's own word
    for printed in ("1 March 2011", "1 March"):
        dump = _dump(lang, f"{relative}\n\n{printed}", "date 2011-03-05\n")
        assert _dump_dates(dump, lang)[0].date() == date(2011, 3, 1), printed


@pytest.mark.parametrize("lang, line, stamp", [
    ("en", "Posted on March 3 by admin", "Bob said on January 2, 2012 at 8:00 am"),
    ("en", "Mon 3 Mar 10:15", "Bob said on March 9, 2011 at 8:00 am"),
    ("de", "Veröffentlicht am 3. März um 10:15 Uhr", "Bob schrieb am 2. Januar 2012 um 8:00 Uhr"),
])
def test_html_a_date_without_its_year_by_the_headline_takes_it_from_a_comment(tmp_path, lang, line, stamp):
    # the comment's full date is nearer the top than nothing, but the date line by the headline is the
    # post's: its year is the comment's, or the one before (a comment comes after its post)
    body = (f"<h2>Night buses saved</h2><div class='meta'>{line}</div><p>{{text}}</p><p>{{text}}</p>"
            f"<h3>1 Comment</h3><p class='comment-meta'>{stamp}</p><p>Thanks.</p>")
    assert _date(tmp_path, lang, body) == date(2011, 3, 3)


def test_html_a_date_without_its_year_inside_a_sentence_is_no_date_line(tmp_path):
    body = ("<h2>Night buses saved</h2><p class='meta'>Posted on March 3, 2011 by admin</p>"
            "<p>The buses run again from <b>March 9</b> on, the council said.</p><p>{text}</p><p>{text}</p>")
    assert _date(tmp_path, "en", body) == date(2011, 3, 3)


@pytest.mark.parametrize("lang, masthead, link", [
    ("en", "Tuesday, April 13, 2010", "Police log: April 12"),
    ("de", "Dienstag, 13. April 2010", "Polizeibericht vom 12. April"),
])
def test_html_a_link_naming_a_day_without_its_year_is_another_page_s(tmp_path, lang, masthead, link):
    # a "Most read" list after a short story: a headline that names a day is no date line of the article's
    # (the masthead's day is the page's); a link that is the date alone (a permalink) still counts
    side = f"<div class='side'><b>Most Read</b><ol><li><a href='/log'>{link}</a></li><li><a href='/x'>Lakers fall</a></li></ol></div>"
    menu = "<ul><li><a href='/n'>News</a></li><li><a href='/s'>Sport</a></li></ul>"
    body = f"<div class='top'>Courier<br>{masthead}</div>{menu}<h1>Night buses saved</h1><p>{{text}}</p>{side}"
    assert _date(tmp_path, lang, body) == date(2010, 4, 13)
    permalink = "<p class='meta'>Posted on <a href='/p'>April 12</a> by admin</p>"
    body = f"<div class='top'>Courier<br>{masthead}</div>{menu}<h1>Night buses saved</h1>{permalink}<p>{{text}}</p>"
    assert _date(tmp_path, lang, body) == date(2010, 4, 12)
