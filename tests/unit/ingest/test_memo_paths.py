"""Memoised helpers answer as the plain functions they wrap, whatever came before (session 10, speed lane)."""
from __future__ import annotations

from datetime import date

import pytest

from briefgen.ingest import dates
from briefgen.ingest import html as H

LINES = ["Updated 3 hours ago", "Mis à jour il y a 2 jours", "vor 3 Tagen", "Publié le 3 févr. 2021",
         "Aggiornato: 12 marzo 2019", "yesterday", "3 hari yang lalu", "not a date at all", "Monday"]


@pytest.mark.parametrize("ref", [date(2024, 3, 1), date(2019, 12, 31), None])
@pytest.mark.parametrize("lang", [None, "en", "fr", "id"])
def test_the_memoised_dateparser_call_is_the_plain_one(ref, lang):
    for _ in range(2):   # the second round answers from the memo
        for line in LINES:
            assert dates._slow(line, ref, lang) == dates._slow.__wrapped__(line, ref, lang), (line, ref, lang)


def test_the_memo_keeps_days_and_languages_apart():
    a = dates._slow("3 hours ago", date(2024, 3, 1), "en")
    b = dates._slow("3 hours ago", date(2020, 1, 5), "en")
    assert a is not None and b is not None and a.date() != b.date()


def test_the_memoised_word_count_is_the_plain_one():
    texts = ["", "one two three", "日本語の文章です", "mixed 日本 text, 12 words?", "a" * 10_000 + " b",
             "Ünïcödé wörds — and ‘quotes’"]
    for _ in range(2):
        for text in texts:
            assert H.word_count(text) == H._word_count(text)
    assert H.word_count("one two three") == 3 and H.word_count("日本語の文章です") == 4
