from __future__ import annotations

from briefgen.classify.lexicon import PhraseIndex, Tokens, words


def test_tokens_keep_the_text_around_each_word():
    toks = Tokens("« Le sommet sino-russe », dit-il. Puis Washington  répond")
    assert toks.raw[:4] == ["Le", "sommet", "sino", "russe"]
    assert toks.low[0] == "le" and toks.is_cap(0) and not toks.is_cap(1)
    assert toks.hyphen_after(2) and not toks.hyphen_after(1)
    assert toks.adjacent(0, 1) and not toks.adjacent(3, 4) and not toks.adjacent(0, 2)
    assert toks.starts_sentence(0) and toks.starts_sentence(6) and not toks.starts_sentence(7)
    assert toks.char_after(3) == "»" and toks.char_after(7) == "r" and toks.char_after(8) == ""


def test_words_are_lowercased_and_folded():
    assert words("Élysée, Äußerung, Kraków") == ["elysee", "ausserung", "krakow"]


def test_a_word_that_only_opens_longer_phrases_counts_only_before_its_second_word():
    index = PhraseIndex()
    index.add(("la", "paz"), "BO")
    index.add(("paris",), "FR")
    index.freeze()
    toks = Tokens("La ville de La Paz et la France, Paris")
    assert index.starts(toks) == [3, 8]
    assert index.live_firsts({"la", "ville"}) == frozenset()
    assert index.live_firsts({"la", "paz", "paris"}) == {"la", "paris"}
