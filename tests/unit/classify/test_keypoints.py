"""Key points: verbatim sentences, a splitter that knows abbreviations and quotes."""
from __future__ import annotations

from briefgen.classify.keypoints import key_points, split_sentences


def test_splits_sentences_but_not_after_abbreviations_or_initials():
    text = "Mr. Smith met Dr. Jones in Washington. J. Biden was there. It rained."
    assert split_sentences(text, "en") == ["Mr. Smith met Dr. Jones in Washington.", "J. Biden was there.",
                                           "It rained."]


def test_does_not_split_a_dateline():
    text = "LA CROSSE, Wis. (AP) — The campaign is over. Voters decide."
    assert split_sentences(text, "en") == ["LA CROSSE, Wis. (AP) — The campaign is over.", "Voters decide."]


def test_does_not_split_german_dates_or_inside_quotes():
    text = "Am 16. Januar sagte er: „Das ist gut. Wir machen weiter.“ Dann ging er."
    assert split_sentences(text, "de") == ["Am 16. Januar sagte er: „Das ist gut. Wir machen weiter.“",
                                           "Dann ging er."]


def test_does_not_split_inside_french_quotes():
    text = "Il a dit « C'est fini. On rentre. » Puis M. Dupont est parti."
    assert split_sentences(text, "fr") == ["Il a dit « C'est fini. On rentre. »", "Puis M. Dupont est parti."]


def test_key_points_are_sentences_copied_from_the_article():
    paragraphs = [
        "The central bank raised interest rates by half a point on Tuesday to fight inflation.",
        "Inflation reached eight percent last month, the highest level in decades, the bank said.",
        "Some economists warned the rate rise could push the economy into recession next year.",
        "The weather was sunny. A dog barked.",
    ]
    points = key_points("Central bank raises rates to fight inflation", None, paragraphs, "en", 3)
    assert 2 <= len(points) <= 3
    text = " ".join(paragraphs)
    assert all(p in text for p in points)
    assert not any(p.startswith("The central bank raised") for p in points)   # the first paragraph
    assert points[0].startswith("Inflation reached")


def test_key_points_digest_the_whole_text_not_its_opening():
    lead = "Parliament passed the budget on Thursday after a night of debate."
    paragraphs = [
        "Parliament passed the budget on Thursday after a night of debate, the speaker announced.",
        "The budget cuts defence spending by two percent and raises the pension age to sixty-eight.",
        "The budget cuts defence spending by two percent, and it raises the pension age to sixty-eight.",
        "Opposition parties said the pension reform would hurt workers in physically demanding jobs.",
        "Pension reform has long divided the governing coalition, and the unions oppose the pension plan.",
        "The sky over the capital stayed grey all day, with light rain falling in the afternoon.",
        "A new bridge over the river opened to cyclists last spring after two years of building work.",
        "The city's museum will show paintings lent by a private collector until the end of the summer.",
        "Unions announced a general strike against the pension reform for the first week of March.",
        ("This sentence is far too long to be read at a glance because it goes on and on about the budget, "
         "the pension age, the defence spending, the unions and the opposition for more than forty words."),
    ]
    points = key_points("Budget passed", lead, paragraphs, "en", 3)
    assert 2 <= len(points) <= 3
    assert all(p not in paragraphs[0] and p not in lead for p in points)
    assert all(len(p.split()) <= 35 for p in points)
    # the two near-identical budget sentences are not both taken; the weather, bridge and museum are not
    # what the article is about
    assert sum(p.startswith("The budget cuts") for p in points) == 1
    assert not any(w in p for p in points for w in ("sky", "bridge", "museum"))


def test_no_key_points_when_asked_for_none():
    assert key_points("T", None, ["A sentence long enough to count here."], "en", 0) == ()


def test_the_sample_briefs_key_points_do_not_repeat_their_opening():
    from pathlib import Path

    from briefgen.brief.frontmatter import read
    from briefgen.classify.command import brief_text
    from briefgen.classify.keypoints import opening_end
    from briefgen.classify.pipeline import paragraphs_of

    briefs = sorted((Path(__file__).resolve().parents[3] / "content" / "briefs").rglob("*.md"))
    assert briefs
    for path in briefs:
        brief = read(path)
        paragraphs = paragraphs_of(brief_text(brief))
        opening = " ".join([brief.lead or "", *paragraphs[:opening_end(paragraphs)]])
        assert 2 <= len(brief.key_points) <= 4, path
        for point in brief.key_points:
            assert point not in opening, (path.name, point)
            assert point in brief_text(brief), (path.name, point)  # copied from the article
