"""Key points: 2–4 sentences copied verbatim from the article, chosen by centroid scoring.

Sentences are split with the article language's abbreviations in mind (data/sentences.toml) and never
inside quotations (« … », „ … “, “ … ”). Each sentence is scored by the cosine between its content words
and the article's centroid (all content words, headline and lead counted twice), plus a small bonus for
coming early; the best ones are returned in the article's order.
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain, repeat

from briefgen.classify.lexicon import SHORT_WORDS, TOKEN_RE, Tokens, fold, lang_of, load_toml
from briefgen.classify.lexicon import words as text_words

log = logging.getLogger(__name__)

_QUOTES = re.compile("[«„“‹\"]")
_OPEN = "«„“‹"
_CLOSE = "»“”›"
# A boundary: end punctuation (maybe closing quotes) then space then an opening capital, digit or quote.
_BOUNDARY = re.compile(r"([.!?…]+(?:[\s\u00a0\u202f]?[\"'»”“)])*)(\s+)(?=[\"'«„“]?[^\W_a-z])")
MIN_WORDS, MAX_WORDS = 6, 60
# News puts what matters first: only the opening sentences are candidates (and long texts stay fast).
MAX_CANDIDATES = 12


@lru_cache(maxsize=16)
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(load_toml("sentences.toml")["abbreviations"].get(lang, []))


@lru_cache(maxsize=16)
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(fold(w).lower() for w in load_toml("sentences.toml")["stopwords"].get(lang, []))


def _quote_depth(text: str) -> int:
    """Open quotations at the end of text; " counts by parity."""
    depth = sum(text.count(c) for c in "«„‹") - sum(text.count(c) for c in "»›")
    # “ opens in English/French and closes in German („…“): count it with the style of the text.
    if "„" in text:
        depth -= text.count("“")
    else:
        depth += text.count("“") - text.count("”")
    return max(0, depth) + text.count('"') % 2


def _is_abbreviation(before: str, lang: str) -> bool:
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.rstrip(".").lstrip("(\"'«„“").lower()
    return (len(word) == 1 and word.isalpha()) or word.isdigit() or word in _abbreviations(lang)


def sentence_spans(paragraph: str, lang: str = "en") -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph (surrounding spaces included)."""
    lang = lang_of(lang)
    out, start = [], 0
    for m in _BOUNDARY.finditer(paragraph):
        end = m.end(1)
        # The word before the full stop is all the abbreviation test needs: no slice from the start.
        if m.group(1) == "." and _is_abbreviation(paragraph[max(start, m.start(1) - 40):m.start(1)], lang):
            continue
        piece = paragraph[start:end]
        if _QUOTES.search(piece) and _quote_depth(piece):
            continue
        out.append((start, end))
        start = m.end()
    out.append((start, len(paragraph)))
    return [(a, b) for a, b in out if not paragraph[a:b].isspace() and a < b]


def split_sentences(paragraph: str, lang: str = "en") -> list[str]:
    """Sentences of one paragraph, verbatim (whitespace inside kept as it is)."""
    return [paragraph[a:b].strip() for a, b in sentence_spans(paragraph, lang)]


def _content_words(text: str, stop: frozenset[str]) -> list[str]:
    return [w for w in text_words(text) if len(w) > 3 and w not in stop]


def _good_sentence(sentence: str) -> bool:
    words = len(sentence.split())
    return (MIN_WORDS <= words <= MAX_WORDS and sentence[-1:] in ".!…»”\"'" and not sentence.endswith("?")
            and not sentence.endswith(":"))


def key_points(title: str, lead: str | None, paragraphs: list[str], lang: str, count: int = 3,
               tokens: list[Tokens] | None = None, counts: Counter | None = None,
               head_words: list[list[str]] | None = None) -> tuple[str, ...]:
    """Up to `count` sentences of the body (the lead when the body has too few), in reading order.

    When the caller has tokenised the article already (saves cutting it twice): `tokens`, each
    paragraph's Tokens; `counts`, the body's word counts; `head_words`, the headline's and lead's words."""
    if count <= 0:
        return ()
    lang = lang_of(lang)
    stop = _stopwords(lang)
    if tokens is None:
        tokens = [Tokens(p) for p in paragraphs]
    candidates: list[tuple[int, str]] = []
    known: dict[int, list[str]] = {}           # sentence -> its words, sliced from its paragraph's tokens
    for paragraph, toks in zip(paragraphs, tokens):
        if len(candidates) >= MAX_CANDIDATES:
            break
        spans = sentence_spans(paragraph, lang)
        if len(spans) == 1:
            known[len(candidates)] = toks.low
            candidates.append((len(candidates), paragraph[spans[0][0]:spans[0][1]].strip()))
            continue
        first = 0
        for a, b in spans:
            # Tokens never cross a sentence boundary: count each sentence's and slice the paragraph's.
            last = first + len(TOKEN_RE.findall(paragraph, a, b))
            known[len(candidates)] = toks.low[first:last]
            candidates.append((len(candidates), paragraph[a:b].strip()))
            first = last
    good = [(i, s) for i, s in candidates if _good_sentence(s)]
    if len(good) < 2 and lead:
        good = [(-1 - i, s) for i, s in enumerate(split_sentences(lead, lang)) if _good_sentence(s)] + good
    if not good:
        return ()
    # Sentences as sets of content words (binary vectors): cosine = sum of centroid weights / norms.
    # Stop words and short words (all kept in SHORT_WORDS by the tokeniser) go in C-level set differences.
    if counts is None:
        counts = Counter(chain.from_iterable(t.low for t in tokens))
    content = counts.keys() - stop - SHORT_WORDS
    vectors = {i: (set(known[i]) - stop - SHORT_WORDS if i in known else set(_content_words(s, stop)))
               for i, s in good}
    # The centroid: body counts, plus twice each headline and lead word.
    head: dict[str, int] = {}
    if head_words is None:
        head_words = [text_words(text) for text in (title, lead or "")]
    for text_low in head_words:
        for w in text_low:
            if len(w) > 3 and w not in stop:
                head[w] = head.get(w, 0) + 2
    norm_c = math.hypot(*map(counts.__getitem__, content.difference(head)),
                        *[counts.get(w, 0) + n for w, n in head.items()]) or 1.0
    scored = []
    for i, sentence in good:
        vec = vectors[i]
        dot = sum(map(counts.get, vec, repeat(0, len(vec))))
        if head:
            dot += sum(map(head.get, vec, repeat(0, len(vec))))
        early = 0.15 / (1 + max(i, 0) * 0.5)
        scored.append((dot / (norm_c * (math.sqrt(len(vec)) or 1.0)) + early, i, sentence))
    best = sorted(scored, key=lambda t: (-t[0], t[1]))[:count]
    seen, out = set(), []
    for _, _, sentence in sorted(best, key=lambda t: t[1]):
        if sentence not in seen:
            seen.add(sentence)
            out.append(sentence)
    return tuple(out)
