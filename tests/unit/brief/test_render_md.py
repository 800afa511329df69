from __future__ import annotations

from datetime import datetime, timedelta, timezone

from briefgen.brief.frontmatter import dump, load
from briefgen.brief.render_md import date_line, render, render_body
from briefgen.model import Article, Block, Classification, Image, Source

ART = Article(
    title="Le Japon et les Etats-Unis", lang="fr", kicker="Alors que", lead="Tokyo et Washington…",
    date=datetime(2026, 1, 16, 9, 41, tzinfo=timezone(timedelta(hours=1))),
    blocks=(Block("paragraph", "Premier paragraphe."), Block("heading", "Okinawa, un poste"),
            Block("list", items=("un", "deux")), Block("paragraph", "1. Liga bleibt Text.")),
    translations=("de", "fr"), source=Source(file="a.txt", agency="AFP"), image=Image("Légende", "keystone-sda.ch"))


def test_body_opens_with_the_date_in_the_articles_language():
    assert date_line(datetime(2026, 1, 16), "fr") == "vendredi 16 janvier 2026"
    assert date_line(datetime(2026, 1, 16), "de") == "Freitag, 16. Januar 2026"
    assert date_line(datetime(2026, 1, 16), "it") == "venerdì 16 gennaio 2026"
    assert date_line(datetime(2026, 1, 16), "en") == "Friday, January 16, 2026"


def test_can_render_subheads_and_lists():
    body = render_body(ART)
    assert body.split("\n\n") == ["vendredi 16 janvier 2026", "Premier paragraphe.", "## Okinawa, un poste",
                                  "- un\n- deux", "1\\. Liga bleibt Text.\n"]


def test_brief_round_trips_through_the_front_matter():
    labels = Classification(countries=("JP", "US"), regions=("eastern-asia",), themes=("defence",))
    brief = render(ART, labels, "le-japon")
    text = dump(brief)
    again = load(text, "x.md")
    assert again.title == ART.title and again.date == ART.date and again.countries == ("JP", "US")
    assert again.source.agency == "AFP" and again.image.credit == "keystone-sda.ch"
    assert dump(render(ART, labels, "le-japon")) == text   # same input, same bytes


def test_unescape_gives_back_the_text_the_writer_escaped():
    # What classify and key points read from a brief must be the article's own characters.
    from briefgen.brief.render_md import _escape, unescape

    texts = ["arrivée avec [s]on ordre du jour", "a <b>x</b> & y &amp; z", "*a* _b_ `c` {d} \\ e",
             "1. Liga", "# not a heading", "- 5 %", "---", "x&parameter &copy", "&#60; stays text"]
    for text in texts:
        assert unescape(_escape(text)) == text
