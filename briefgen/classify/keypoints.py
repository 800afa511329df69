"""Key points: 2–4 sentences copied verbatim from the article that digest it, never its opening.

Sentences are split with the article language's abbreviations in mind (data/sentences.toml) and never
inside quotations (« … », „ … “, “ … ”). Candidates come from the whole body except its first paragraph
(the lead and first paragraph are printed right below the key points); each is scored by centrality
(cosine with the article's content words), less what it only repeats of the opening, and picked by
maximal marginal relevance so the points cover different facts; they are returned in the article's order.
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from functools import lru_cache
from itertools import repeat

from briefgen.classify.lexicon import SHORT_WORDS, TOKEN_RE, Tokens, fold, lang_of, load_toml, word_counts
from briefgen.classify.lexicon import words as text_words

log = logging.getLogger(__name__)

_QUOTES = re.compile("[«„“‹\"]")
_OPEN = "«„“‹"
_CLOSE = "»“”›"
# A boundary: end punctuation (maybe closing quotes) then space then an opening capital, digit or quote.
# Written [.!?…][.!?…]* rather than [.!?…]+: a pattern that opens with a plain character set lets re
# skip to the next punctuation mark in C instead of trying a match at every character (twice as fast).
_BOUNDARY = re.compile(r"([.!?…][.!?…]*(?:[\s\u00a0\u202f]?[\"'»”“)])*)(\s+)(?=[\"'«„“]?[^\W_a-z])")
MIN_WORDS, MAX_WORDS = 6, 35          # a key point is read at a glance: one plain sentence
MAX_PARAGRAPHS = 6                     # long texts: paragraphs sampled evenly across the whole text
POOL = 3                               # candidates per key point that the diversity step weighs
REPEAT_PENALTY = 0.5                   # a sentence made of the opening's words adds little below it
DIVERSITY = 0.6                        # maximal marginal relevance: overlap with a chosen point costs this


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


def opening_end(paragraphs: list[str]) -> int:
    """Index of the first paragraph after the opening one: a short heading or kicker line before the first
    real paragraph ("## Temps de") belongs to the opening too."""
    for i, p in enumerate(paragraphs):
        if len(p.split()) >= MIN_WORDS + 2:
            return i + 1
    return len(paragraphs)


def _candidates(paragraphs: list[str], tokens: list[Tokens], lang: str) -> tuple[list[tuple[int, str]], dict]:
    """Sentences of every paragraph but the first, with their words sliced from the paragraph's tokens.
    Long texts are sampled evenly, so the whole article is in reach and long texts stay fast."""
    body = list(zip(paragraphs, tokens))[opening_end(paragraphs):]
    if len(body) > MAX_PARAGRAPHS:
        step = len(body) / MAX_PARAGRAPHS
        body = [body[int(i * step)] for i in range(MAX_PARAGRAPHS)]
    candidates: list[tuple[int, str]] = []
    known: dict[int, list[str]] = {}           # sentence -> its words, sliced from its paragraph's tokens
    for paragraph, toks in body:
        spans = sentence_spans(paragraph, lang)
        first = 0
        final = len(spans) - 1
        for n, (a, b) in enumerate(spans):
            # Tokens never cross a sentence boundary (only spaces lie between two sentences): count each
            # sentence's and slice the paragraph's; the last sentence takes the rest, uncounted.
            last = first + len(TOKEN_RE.findall(paragraph, a, b)) if n < final else len(toks.low)
            known[len(candidates)] = toks.low[first:last]
            candidates.append((len(candidates), paragraph[a:b].strip()))
            first = last
    return candidates, known


def key_points(title: str, lead: str | None, paragraphs: list[str], lang: str, count: int = 3,
               tokens: list[Tokens] | None = None, counts: Counter | None = None,
               head_words: list[list[str]] | None = None) -> tuple[str, ...]:
    """Up to `count` sentences that digest the article, in reading order; never from the lead or the first
    paragraph, which the reader sees right below them.

    Each sentence of the rest of the body is scored by how central it is (cosine between its content words
    and the article's: body counts, headline and lead words twice), minus how much it only repeats the
    opening (share of its words found in the headline, lead and first paragraph); sentences are then picked
    greedily, each penalised by its overlap with those already picked (maximal marginal relevance), so
    together they cover different facts. Too short, too long (over MAX_WORDS words) and question sentences
    are left out. When the caller has tokenised the article already: `tokens`, each paragraph's Tokens;
    `counts`, the body's word counts; `head_words`, the headline's and lead's words."""
    if count <= 0:
        return ()
    lang = lang_of(lang)
    stop = _stopwords(lang)
    if tokens is None:
        tokens = [Tokens(p) for p in paragraphs]
    candidates, known = _candidates(paragraphs, tokens, lang)
    end = opening_end(paragraphs)
    opening_text = " ".join(filter(None, (lead, *paragraphs[:end])))
    good = [(i, s) for i, s in candidates if _good_sentence(s) and s not in opening_text]
    if not good:
        return ()
    if counts is None:
        counts = word_counts(t.low for t in tokens)
    vectors = {i: set(known[i]) - stop - SHORT_WORDS for i, _ in good}
    # The centroid: body counts, plus twice each headline and lead word.
    head: dict[str, int] = {}
    if head_words is None:
        head_words = [text_words(text) for text in (title, lead or "")]
    for text_low in head_words:
        for w in text_low:
            if len(w) > 3 and w not in stop:
                head[w] = head.get(w, 0) + 2
    opening = set(head).union(*(set(t.low) for t in tokens[:end])) - stop - SHORT_WORDS
    # The centroid's norm over its content words: longer than three letters (SHORT_WORDS holds every token
    # of three letters or fewer) and no stopword. One pass over the counts: two set differences of the
    # whole vocabulary cost twice as much.
    norm_c = math.hypot(*[n for w, n in counts.items() if len(w) > 3 and w not in stop and w not in head],
                        *[counts.get(w, 0) + n for w, n in head.items()]) or 1.0
    score: dict[int, float] = {}
    for i, _ in good:
        vec = vectors[i]
        if not vec:
            continue
        dot = sum(map(counts.get, vec, repeat(0, len(vec))))
        if head:
            dot += sum(map(head.get, vec, repeat(0, len(vec))))
        centrality = dot / (norm_c * math.sqrt(len(vec)))
        score[i] = centrality - REPEAT_PENALTY * centrality * len(vec & opening) / len(vec) \
            + 0.05 / (1 + i * 0.2)
    # Maximal marginal relevance among the best few: each pick lowers the others by their overlap with it.
    pool = sorted(score, key=lambda i: (-score[i], i))[:POOL * count]
    overlap = dict.fromkeys(pool, 0.0)
    chosen: list[int] = []
    while pool and len(chosen) < count:
        best = max(pool, key=lambda i: (score[i] - DIVERSITY * overlap[i], -i))
        chosen.append(best)
        pool.remove(best)
        picked = vectors[best]
        for i in pool:
            vec = vectors[i]
            shared = len(vec & picked)
            if shared:
                overlap[i] = max(overlap[i], shared / (len(vec) + len(picked) - shared))
    text_of = dict(good)
    seen, out = set(), []
    for i in sorted(chosen):
        if text_of[i] not in seen:
            seen.add(text_of[i])
            out.append(text_of[i])
    return tuple(out)
