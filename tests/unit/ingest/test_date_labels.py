"""Dates on older and smaller sites, both paths: what a label says a date is (data/date_labels.toml: a
poster's "Joined: …" is never the article's day, an update in a language no lexicon covers gives way),
of two dates printed together the earlier, and US month-first numeric dates on a page that declares no
locale. Pages and dumps written here; no sample page's lines."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefgen.ingest import dates
from briefgen.ingest.clean import clean_dump
from briefgen.ingest.meta import find_dates, split_prefix
from briefgen.ingest.pipeline import ingest_file

OLDSTYLE = Path(__file__).resolve().parents[2] / "data" / "html-oldstyle"
BODY = ("The council met on the evening to discuss the plans for the new bridge across the river. "
        "Residents had asked for a safer crossing for years, and the engineers presented three options. ") * 3


@pytest.mark.parametrize("text, kind", [
    ("Joined: Mon Jan 08, 2007", "member"),
    ("Posts: 812 Joined: Mon Jan 08, 2007", "member"),
    ("Mitglied seit 12.03.2009", "member"),
    ("Зарегистрирован: 12.03.2009", "member"),
    ("by tom » Tue Nov 04, 2014 9:12 am", None),
    ("12.03.2024", None),
    ("Posted on March 3, 2011 by admin", "published"),
    ("Birt 11.3.2024 kl. 9:00", "published"),
    ("Published 11 March 2024, updated 12 March 2024", "published"),   # the label nearest the first date
    ("Uppfært 12.3.2024 kl. 14:00", "updated"),
    ("Akt. 12.03.2024, 14:00", "updated"),
    ("Atualizado em 12/03/2024 14h00", "updated"),
    ("Обновлено 12.03.2024 14:00", "updated"),
    ("Güncelleme: 12.03.2024", "updated"),
    ("Aggiornato alle 02:50", "updated"),   # no full date: the whole text is read
])
def test_a_date_s_label_says_what_it_is(text, kind):
    assert dates.date_label(text) == kind


def _html(tmp_path, body: str, lang: str | None = None, tail: str = ""):
    p = tmp_path / "page.html"
    attr = f" lang='{lang}'" if lang else ""
    p.write_text(f"<html{attr}><head><meta charset='utf-8'><title>Night buses saved | Courier</title></head>"
                 f"<body>{body}<p>{BODY}</p><p>{BODY}</p>{tail}</body></html>", encoding="utf-8")
    return ingest_file(p)


def test_a_forum_post_s_date_is_not_its_poster_s_joined_date():
    assert ingest_file(OLDSTYLE / "forum-post.html").date.date() == date(2014, 11, 4)


def test_a_joined_date_beside_the_headline_is_skipped(tmp_path):
    a = _html(tmp_path, "<h2>Night buses saved</h2><div>Joined: Mon Jan 08, 2007</div>"
                        "<div>by tom » Tue Nov 04, 2014 9:12 am</div>")
    assert a.date.date() == date(2014, 11, 4)


@pytest.mark.parametrize("lang, dateline", [
    ("is", "<div>Uppfært 12.3.2024 kl. 14:00</div><div>Birt 11.3.2024 kl. 9:00</div>"),
    ("de", "<div>Akt. 12.03.2024, 14:00</div><div>11.03.2024, 09:00</div>"),
    ("pt", "<div>Atualizado em 12/03/2024 14h00</div><div>Publicado em 11/03/2024 09h00</div>"),
    ("ru", "<div>Обновлено 12.03.2024 14:00</div><div>11.03.2024 09:00</div>"),
    # a label no data file knows (Estonian): of the two dates printed together, the earlier
    ("et", "<div>Uuendatud 12.03.2024 14:00</div><div>11.03.2024 09:00</div>"),
])
def test_an_update_printed_first_gives_way_to_the_publication_date(tmp_path, lang, dateline):
    a = _html(tmp_path, "<h1>Night buses saved</h1>" + dateline, lang)
    assert a.date.date() == date(2024, 3, 11)


def test_a_lone_date_labelled_as_an_update_is_still_the_date(tmp_path):
    a = _html(tmp_path, "<h1>Night buses saved</h1><div>Uppfært 12.3.2024 kl. 14:00</div>", "is")
    assert a.date.date() == date(2024, 3, 12)


def test_an_undeclared_english_page_writes_numeric_dates_month_first(tmp_path):
    a = _html(tmp_path, "<h2>Night buses saved</h2><div>03/02/2011</div>")
    assert a.date.date() == date(2011, 3, 2)


def test_the_page_s_other_dates_give_the_numeric_order(tmp_path):
    # declared en-GB, but a comment's date "03/15/2011" shows the site writes month first
    a = _html(tmp_path, "<h2>Night buses saved</h2><div>03/02/2011</div>", "en-GB",
              "<h3>2 comments</h3><div>Bob, 03/15/2011 at 8:00 am</div><p>Great news.</p>")
    assert a.date.date() == date(2011, 3, 2)
    b = _html(tmp_path, "<h2>Night buses saved</h2><div>03/02/2011</div>", "en",
              "<h3>2 comments</h3><div>Bob, 15/03/2011 at 8:00 am</div><p>Great news.</p>")
    assert b.date.date() == date(2011, 2, 3)


def _published(dump: str, lang: str):
    ref, _, text = split_prefix(dump)
    return find_dates(clean_dump(text), ref, lang)[0]


@pytest.mark.parametrize("lang, lines", [
    ("de", "Akt. 12.03.2024, 14:00 Uhr\n11.03.2024, 09:00 Uhr"),
    ("is", "Uppfært 12.3.2024 kl. 14:00\nBirt 11.3.2024 kl. 9:00"),
    ("et", "12.03.2024 14:00\n11.03.2024 09:00"),
])
def test_dump_without_a_date_line_takes_the_publication_date_not_the_update(lang, lines):
    dump = "Council backs the new river bridge\n\n" + lines + "\n\n" + BODY
    assert _published(dump, lang).date() == date(2024, 3, 11)


def test_dump_forum_post_skips_the_joined_date():
    dump = ("Council backs the new river bridge\n\ntowpathtom\nPosts: 812\nJoined: Mon Jan 08, 2007\n"
            "by towpathtom » Tue Nov 04, 2014 9:12 am\n\n" + BODY)
    assert _published(dump, "en").date() == date(2014, 11, 4)


@pytest.mark.parametrize("text, want", [
    ("SALEM, Ore., April 12, 2016 – Greenfield Pumps, Inc. today announced a new plant.", date(2016, 4, 12)),
    ("BERLIN, 3. März 2011 (dpa) - Die Regierung hat am Donnerstag beschlossen.", date(2011, 3, 3)),
    ("NEW YORK, April 12, 2016 /PRNewswire/ -- Acme Corp. today said it would grow.", date(2016, 4, 12)),
    ("The council met on April 12, 2016 - and decided nothing at all.", None),   # a sentence, no place
    ("SALEM, Ore. – Greenfield Pumps said on April 12, 2016 that it would grow.", None),
])
def test_a_news_dateline_opening_a_paragraph(text, want):
    got = dates.dateline(text, "en")
    assert (got.date() if got else None) == want


RELEASE = ("SALEM, Ore., April 12, 2016 – Greenfield Pumps, Inc. today announced that it will open a new "
           "assembly plant in Salem, bringing about 240 new jobs to the area over the next three years. " + BODY)


def test_a_press_release_s_dateline_is_its_date_on_both_paths(tmp_path):
    # no date printed by the headline; the archive links' /2016/03/ is no day of the release
    a = _html(tmp_path, "<h1>Night buses saved</h1><p>Company's largest investment in a decade</p>"
                        f"<p>{RELEASE}</p>", "en",
              "<div><a href='/newsroom/2016/03/'>Previous release</a></div>")
    assert a.date.date() == date(2016, 4, 12)
    dump = "Night buses saved\n\nCompany's largest investment in a decade\n\n" + RELEASE + "\n\n" + BODY
    assert _published(dump, "en").date() == date(2016, 4, 12)


RECENT = ("<div class='sidebar'><h3>Recent posts</h3><ul>"
          "<li><a href='/a'>Fair opens on the green</a> (March 30, 2011)</li>"
          "<li><a href='/b'>Road closed for repairs</a> (March 17, 2011)</li>"
          "<li><a href='/c'>School play a success</a> (March 10, 2011)</li>"
          "<li><a href='/d'>New vicar welcomed</a> (March 1, 2011)</li></ul></div>")
COMMENTS = ("<h3>3 Responses</h3>"
            "<div><p class='meta'>Bob said on March 4, 2011 at 8:15 pm</p><p>Thanks for this.</p></div>"
            "<div><p class='meta'>Ann said on March 5, 2011 at 9:00 am</p><p>Good news.</p></div>"
            "<div><p class='meta'>Tom said on March 8, 2011 at 7:30 pm</p><p>About time.</p></div>")


def test_a_sidebar_of_recent_posts_beside_the_headline_is_no_date_of_the_article(tmp_path):
    a = _html(tmp_path, RECENT + "<h2>Night buses saved</h2><p class='x'>By Ann Smith</p>"
                        "<p class='x'>This article was written on the third of March.</p>"
                        "<div>Posted in News | March 3, 2011</div>", "en", COMMENTS)
    assert a.date.date() == date(2011, 3, 3)


def test_dump_recent_posts_and_comments_are_no_dates_of_the_article():
    posts = "".join(f"Another story number {n} (March {d}, 2011)\n" for n, d in enumerate((30, 17, 10, 1)))
    comments = "".join(f"Reader {n} said on March {d}, 2011 at 8:15 pm\nThanks for this.\n\n"
                       for n, d in enumerate((4, 5, 8)))
    dump = f"Recent posts\n{posts}\nCouncil backs the new river bridge\n\nMarch 3, 2011\n\n{BODY}\n\n3 Responses\n\n"
    assert _published(dump + comments, "en").date() == date(2011, 3, 3)
    # a page that prints no date of its own: the lists give none (the `date` line's day, or an error)
    bare = f"Recent posts\n{posts}\nCouncil backs the new river bridge\n\n{BODY}\n\n3 Responses\n\n{comments}"
    assert _published(bare, "en") is None
    assert _published("date 2011-03-03\n" + bare, "en").date() == date(2011, 3, 3)


def test_a_permalink_s_day_comes_before_htmldate_s_guess(tmp_path):
    # no date by the headline; the footer's "generated" day is far below, where htmldate may find it
    footer = "".join(f"<p>Archive link {n}</p>" for n in range(30)) + "<p>Page generated 15 April 2011</p>"
    p = tmp_path / "page.html"
    p.write_text("<html lang='en'><head><meta charset='utf-8'><title>Night buses saved | Courier</title>"
                 "<link rel='canonical' href='https://blog.example.org/2011/03/02/night-buses-saved/'></head>"
                 f"<body><h1>Night buses saved</h1><p>{BODY}</p><p>{BODY}</p>{footer}</body></html>",
                 encoding="utf-8")
    assert ingest_file(p).date.date() == date(2011, 3, 2)


def test_dump_a_bare_slashed_date_line_is_a_date_not_a_credit():
    # the cleaner reads "03/02/2011" alone like "APA/AFP/Name"; for the date it is the header's date
    dump = ("Council backs the new river bridge\n\n03/02/2011\n\n" + BODY
            + "\n\nBob says:\nMarch 9, 2011 at 8:00 am\nGreat news.\n")
    assert _published(dump, "en").date() == date(2011, 3, 2)      # an English page: month first
    assert _published(dump, "en_GB").date() == date(2011, 2, 3)
