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
    assert points[0].startswith("The central bank raised")


def test_no_key_points_when_asked_for_none():
    assert key_points("T", None, ["A sentence long enough to count here."], "en", 0) == ()
