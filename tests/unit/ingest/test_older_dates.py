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
