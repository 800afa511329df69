"""Key points on the labelled sample pages: do they digest the article, or repeat its opening?

For every labelled article in fr, de, it or en (both label files; the pages-world set is read from
shared/ or $BRIEFGEN_SHARED and left out, saying so, when absent), classified from headline + reference
text:
  - repeat: share of key points that lie inside the first paragraph (the standfirst in these texts);
  - opening overlap: share of the key points' content words that also occur in the first paragraph;
  - ROUGE-1 recall against the whole article (clipped unigram counts, content words), beside a
    first-sentences baseline with the same number of sentences (the article's opening sentences);
  - mean length in words, and the share of articles with 2 to 4 key points.
`python -m tests.quality.test_keypoints_eval` prints the README table.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pytest

from briefgen.classify.keypoints import MAX_WORDS, _stopwords, split_sentences
from briefgen.classify.labelled import Labelled, corpus_dirs, load
from briefgen.classify.lexicon import lang_of, words
from briefgen.classify.pipeline import classify_text, paragraphs_of

LANGS = ("fr", "de", "it", "en")


def _items() -> list[Labelled]:
    out = []
    for name, folder in corpus_dirs().items():
        if folder is not None:
            out += [it for it in load(name, folder) if lang_of(it.lang) in LANGS]
    return out


def _content(text: str, lang: str) -> list[str]:
    stop = _stopwords(lang)
    return [w for w in words(text) if len(w) > 3 and w not in stop]


def _rouge1_recall(summary: list[str], article: str, lang: str) -> float:
    ref = Counter(_content(article, lang))
    got = Counter(w for s in summary for w in _content(s, lang))
    return sum(min(n, got[w]) for w, n in ref.items()) / (sum(ref.values()) or 1)


@lru_cache(maxsize=1)
def evaluate() -> dict[str, float]:
    items = _items()
    sums: Counter = Counter()
    n_points = 0
    for it in items:
        lang = lang_of(it.lang)
        paragraphs = paragraphs_of(it.text)
        first = paragraphs[0] if paragraphs else ""
        points = classify_text(it.title, None, it.text, it.lang, None, explain=False).key_points
        opening = [s for p in paragraphs for s in split_sentences(p, lang)][:max(1, len(points) or 3)]
        first_words = set(_content(first, lang))
        n_points += len(points)
        sums["repeat"] += sum(p in first for p in points)
        kp_words = [w for p in points for w in _content(p, lang)]
        sums["overlap"] += sum(w in first_words for w in kp_words) / (len(kp_words) or 1)
        sums["rouge"] += _rouge1_recall(list(points), it.text, lang)
        sums["rouge_first"] += _rouge1_recall(opening, it.text, lang)
        sums["words"] += sum(len(p.split()) for p in points)
        sums["max_words"] = max(sums["max_words"], max((len(p.split()) for p in points), default=0))
        sums["two_to_four"] += 2 <= len(points) <= 4
    n = len(items)
    return {"articles": n, "points": n_points, "repeat": sums["repeat"] / (n_points or 1),
            "overlap": sums["overlap"] / n, "rouge": sums["rouge"] / n, "rouge_first": sums["rouge_first"] / n,
            "mean_words": sums["words"] / (n_points or 1), "max_words": sums["max_words"],
            "two_to_four": sums["two_to_four"] / n}


@pytest.fixture(scope="module")
def figures():
    if corpus_dirs()["pages"] is None:
        pytest.skip("tests/data/samples/pages/labels.jsonl not found")
    return evaluate()


def test_key_points_never_repeat_the_first_paragraph(figures):
    assert figures["repeat"] == 0


def test_key_points_are_short_enough_to_scan(figures):
    assert figures["max_words"] <= MAX_WORDS and figures["mean_words"] <= 26


def test_key_points_cover_the_article_about_as_well_as_its_opening(figures):
    # Measured 2026-12-06 (README "Key points"): ROUGE-1 recall 0.12 vs 0.12 for the first sentences.
    assert figures["rouge"] >= 0.85 * figures["rouge_first"]
    assert figures["overlap"] <= 0.55 and figures["two_to_four"] >= 0.9


def table() -> str:
    f = evaluate()
    return (f"| articles | key points | inside the first paragraph | words shared with the first paragraph | "
            f"ROUGE-1 recall (article) | first sentences' ROUGE-1 | mean words | longest | 2–4 points |\n"
            f"| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
            f"| {f['articles']} | {f['points']} | {f['repeat']:.0%} | {f['overlap']:.0%} | {f['rouge']:.3f} | "
            f"{f['rouge_first']:.3f} | {f['mean_words']:.1f} | {f['max_words']} | {f['two_to_four']:.0%} |")


if __name__ == "__main__":
    print(table())
