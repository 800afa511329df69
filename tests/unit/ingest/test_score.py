"""The quality gates' token overlap (briefgen/ingest/score.py)."""
from __future__ import annotations

import unicodedata

from briefgen.ingest.score import score, tokens


def test_a_word_with_a_combining_accent_is_the_same_word_as_the_precomposed_one():
    # three of the 255 sample references (de-tageszeitung, de-voguede, ko-hankookilbo) are not in NFC, while
    # briefgen writes NFC: without the normalisation their accented words never matched
    decomposed = unicodedata.normalize("NFD", "Die Präsidentin äußerte sich früh")
    composed = unicodedata.normalize("NFC", decomposed)
    assert decomposed != composed
    assert tokens(decomposed) == tokens(composed)
    assert score(composed, decomposed).f1 == 1.0


def test_other_words_still_differ():
    assert score("Präsidentin", "Prasidentin").f1 == 0.0
