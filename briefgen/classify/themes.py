"""Themes: score an article against per-language lexicons (data/themes/<lang>.toml) and rank them.

Each lexicon lists words, stems (`milit*`), word endings (`*film`: German compound heads such as
Dokumentarfilm) and phrases per theme at three weights (strong 3, medium 2, weak 1), and under `not` the
words a stem or ending of that theme must not take (`*spieler` is sport, `schauspieler*` is not). briefgen.toml `[classify.themes]` changes the taxonomy:

    [classify.themes.sport]            # extend a lexicon
    terms = { fr = ["pétanque"], de = ["Hornussen"] }
    [classify.themes.culture]          # rename (briefs get the new id) and relabel
    rename = "arts"
    label = { fr = "Arts", en = "Arts" }
    [classify.themes.science]          # drop
    drop = true
    [classify.themes.space]            # add a new theme
    label = { en = "Space", fr = "Espace" }
    terms = { en = ["rocket*", "orbit"], fr = ["fusée*", "orbite"] }

`theme_name(theme_id, locale, config)` and `theme_ids(config)` are for the site (cached).
"""
from __future__ import annotations

import heapq
import json
import logging
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from briefgen.classify.lexicon import Tokens, has_data, lang_of, load_toml, norm, word_counts
# The taxonomy and theme names live in their own module: the site names themes without importing the
# scoring (and lexicon's tables and patterns, ~10 ms of CPU at import); used here, and imported from here.
from briefgen.classify.taxonomy import _changes, _key, _taxonomy, renames, theme_ids, theme_name  # noqa: F401

if TYPE_CHECKING:
    from briefgen.config import Config

log = logging.getLogger(__name__)

LEVELS = {"strong": 3.0, "medium": 2.0, "weak": 1.0}
FIELD_WEIGHT = {"title": 3.0, "kicker": 1.0, "lead": 2.0, "body": 1.0}
MIN_STEM = 3


@dataclass(frozen=True)
class ThemeLexicon:
    exact: dict[str, tuple[tuple[str, float], ...]]              # word -> (theme, weight)
    stems: dict[str, tuple[tuple[str, float], ...]]              # stem -> (theme, weight)
    stem_lengths: tuple[int, ...]
    suffixes: dict[str, tuple[tuple[str, float], ...]]           # "*film": compound heads (Dokumentarfilm)
    suffix_lengths: tuple[int, ...]
    phrases: dict[str, tuple[tuple[tuple[str, ...], str, float, bool], ...]]   # first word -> ...
    order: tuple[str, ...]
    memo: dict                  # word -> its hits, filled on first sight
    misses: set = field(default_factory=set)   # words known to score for no theme (most words)
    # A theme's `not` list: words (exact, stems, endings) its stems and endings must not take.
    unless: tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, frozenset[str]]] = ({}, {}, {})


def _terms(lang: str, changes: dict) -> dict[str, list[tuple[str, float]]]:
    """theme (final id) -> [(term, weight)] for one language; weight 0 marks a `not` term."""
    taxonomy = _taxonomy(json.dumps(changes, sort_keys=True, ensure_ascii=False, default=str))
    base = load_toml(f"themes/{lang}.toml") if has_data(f"themes/{lang}.toml") else {}
    out: dict[str, list[tuple[str, float]]] = {}
    for src, final in taxonomy:
        terms = out.setdefault(final, [])
        for level, weight in LEVELS.items():
            terms.extend((t, weight) for t in base.get(src, {}).get(level, []))
        extra = (changes.get(src, {}).get("terms") or {}).get(lang, [])
        terms.extend((t, LEVELS["medium"]) for t in extra)
        terms.extend((t, 0.0) for t in base.get(src, {}).get("not", []))
    return out


@lru_cache(maxsize=32)
def lexicon(lang: str, changes_key: str = "{}") -> ThemeLexicon:
    """The compiled theme lexicon of a language with the site's changes (cached)."""
    changes = json.loads(changes_key)
    exact, stems, suffixes, phrases = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list)
    terms = _terms(lang_of(lang), changes)
    unless: tuple[dict, dict, dict] = (defaultdict(set), defaultdict(set), defaultdict(set))
    for theme, entries in terms.items():
        for term, weight in entries:
            is_stem = term.endswith("*")
            words = tuple(norm(term.strip("*")).split())
            if not words:
                continue
            if not weight:          # `not`: exact word, stem or ending this theme's stems must not take
                kind = 2 if term.startswith("*") else 1 if is_stem else 0
                unless[kind][" ".join(words)].add(theme)
                continue
            if term.startswith("*") and len(words) == 1 and len(words[0]) >= MIN_STEM:
                suffixes[words[0]].append((theme, weight))
            elif len(words) > 1:
                phrases[words[0]].append((words, theme, weight, is_stem))
            elif is_stem and len(words[0]) >= MIN_STEM:
                stems[words[0]].append((theme, weight))
            else:
                exact[words[0]].append((theme, weight))
    return ThemeLexicon({k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in stems.items()},
                        tuple(sorted({len(s) for s in stems})),
                        {k: tuple(v) for k, v in suffixes.items()}, tuple(sorted({len(s) for s in suffixes})),
                        {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in phrases.items()},
                        tuple(terms), {}, set(),
                        tuple({k: frozenset(v) for k, v in table.items()} for table in unless))


def _word_hits(word: str, lex: ThemeLexicon) -> tuple[tuple[str, float], ...]:
    """Themes one word scores for, its best weight per theme (memoised: vocabularies repeat)."""
    hit = lex.memo.get(word)
    if hit is None:
        best: dict[str, float] = {}
        for theme, weight in lex.exact.get(word, ()):
            best[theme] = max(best.get(theme, 0.0), weight)
        for n in lex.stem_lengths:
            if n > len(word):
                break
            for theme, weight in lex.stems.get(word[:n], ()):
                best[theme] = max(best.get(theme, 0.0), weight)
        for n in lex.suffix_lengths:
            if n >= len(word):
                break
            for theme, weight in lex.suffixes.get(word[-n:], ()):
                best[theme] = max(best.get(theme, 0.0), weight)
        if best and any(lex.unless):
            for theme in _excluded(word, lex):
                if theme in best and not _listed(word, theme, lex):
                    del best[theme]
        hit = tuple(best.items())
        if len(lex.memo) < 200_000:
            lex.memo[word] = hit
            if not hit:
                lex.misses.add(word)
    return hit


def _excluded(word: str, lex: ThemeLexicon) -> set[str]:
    """Themes whose `not` list takes this word (as the exact word, a stem of it or an ending of it)."""
    exact, stems, ends = lex.unless
    out = set(exact.get(word, ()))
    for stem, themes in stems.items():
        if word.startswith(stem):
            out |= themes
    for end, themes in ends.items():
        if word.endswith(end):
            out |= themes
    return out


def _listed(word: str, theme: str, lex: ThemeLexicon) -> bool:
    """The word itself is listed for the theme (a `not` list only restrains stems and endings)."""
    return any(t == theme for t, _ in lex.exact.get(word, ()))


def _phrase_hits(low: list[str], i: int, lex: ThemeLexicon):
    for words, theme, weight, is_stem in lex.phrases.get(low[i], ()):
        k = len(words)
        if i + k > len(low):
            continue
        if tuple(low[i:i + k - 1]) == words[:-1] and (
                low[i + k - 1] == words[-1] or (is_stem and low[i + k - 1].startswith(words[-1]))):
            yield k, theme, weight


def _weighted_words(fields: list[tuple[str, Tokens]]) -> list[tuple[list[str], float]]:
    """(words, weight per occurrence) of the headline, kicker and lead, which weigh more than the body."""
    return [(toks.low, FIELD_WEIGHT.get(fname, 1.0)) for fname, toks in fields if fname != "body"]


def body_weight(n_words: int) -> float:
    """Weight of one body word: a long text has more words of every theme, so each counts for less."""
    return min(1.0, (400 / (n_words or 1)) ** 0.5)


def score(fields: list[tuple[str, Tokens]], lex: ThemeLexicon, explain: bool = True,
          body_counts: Counter | None = None,
          vocabulary: set[str] | None = None) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Theme -> score, and theme -> the words that scored most (for --explain).

    body_counts: the body's word counts when the caller has them (the key points use the same counts);
    vocabulary: every distinct word of the article (body and the other fields), likewise."""
    scores: dict[str, float] = defaultdict(float)
    words: dict[str, dict[str, float]] = defaultdict(dict)
    body = [toks.low for fname, toks in fields if fname == "body"]
    if body_counts is None:
        body_counts = word_counts(body)
    w_body = body_weight(sum(map(len, body)))
    memo, misses = lex.memo, lex.misses
    heads = _weighted_words(fields)
    # Words known to score nothing are dropped: only the rest is looked at. A comprehension, not
    # `body_counts.keys() - misses`: that copies the keys into a set and then walks `misses` (thousands of
    # words a language) to discard them, five times slower (0.057 -> 0.012 ms an article, measured).
    counted = [(word, count * w_body) for word, count in body_counts.items() if word not in misses]
    counted += [(word, w_field) for low, w_field in heads for word in low if word not in misses]
    for word, weight_in_text in counted:
        hits = memo.get(word)
        if hits is None:
            hits = _word_hits(word, lex)
        for theme, weight in hits:
            points = weight * weight_in_text
            scores[theme] += points
            if explain:
                words[theme][word] = words[theme].get(word, 0.0) + points
    counts = vocabulary if vocabulary is not None else body_counts.keys() | {word for low, _ in heads for word in low}
    phrases = lex.phrases
    # Phrases are looked for only when all their words occur in the text (most texts hold none).
    live = {w for w in phrases.keys() & counts
            if any(is_stem or all(x in counts for x in ws[1:]) for ws, _, _, is_stem in phrases[w])}
    if live:
        for low, w_field in heads + [(low, w_body) for low in body]:
            if live.isdisjoint(low):        # most paragraphs open no phrase: one C-level test
                continue
            for i in [i for i, w in enumerate(low) if w in live]:
                for k, theme, weight in _phrase_hits(low, i, lex):
                    scores[theme] += weight * w_field
                    if explain:
                        phrase = " ".join(low[i:i + k])
                        words[theme][phrase] = words[theme].get(phrase, 0.0) + weight * w_field
    evidence = {t: [w for w, _ in heapq.nlargest(8, ws.items(), key=lambda kv: kv[1])] for t, ws in words.items()}
    # Rounded: words are summed in set order, which varies between runs; ties must not.
    return {t: round(v, 9) for t, v in scores.items()}, evidence


def rank(scores: dict[str, float], order: tuple[str, ...], max_themes: int, threshold: float,
         share: float = 0.5) -> tuple[str, ...]:
    """Top themes: above the threshold and within `share` of the best one, ties in taxonomy order."""
    ranked = sorted((t for t in scores if t in order), key=lambda t: (-scores[t], order.index(t)))
    if not ranked or scores[ranked[0]] < threshold:
        return ()
    top = scores[ranked[0]]
    return tuple(t for t in ranked if scores[t] >= max(threshold, share * top))[:max_themes]


# ---- the fitted ranker and the six coarse groups -------------------------------------------------------
#
# Lexicon scores say which themes an article has words of; how those scores compare across themes is
# what a small multinomial logistic regression learns (data/themes/model.json, fitted by
# `python -m briefgen.classify.themefit` on the labelled sample pages, figures reported leave-publisher-out).
# Its features are, per theme, the share of the article's theme evidence and log(1 + score), so it needs no
# word list of its own and works for any language that has a lexicon.

def model_features(scores: dict[str, float], themes: tuple[str, ...]) -> list[float]:
    """Share of the evidence and log(1 + score) per theme, in the model's theme order."""
    values = [max(0.0, scores.get(t, 0.0)) for t in themes]
    total = sum(values)
    shares = [v / total for v in values] if total else [0.0] * len(values)
    return shares + [math.log1p(v) for v in values]


@lru_cache(maxsize=1)
def theme_model() -> dict | None:
    """The fitted ranker (data/themes/model.json), or None when there is none."""
    if not has_data("themes/model.json"):
        return None
    from briefgen.classify.lexicon import _data

    return json.loads(_data("themes/model.json").read_text(encoding="utf-8"))


def probabilities(scores: dict[str, float], model: dict) -> dict[str, float]:
    """theme -> probability of being the article's first theme, from its lexicon scores."""
    themes = tuple(model["themes"])
    x = model_features(scores, themes)
    k = len(themes)
    logits = [a * x[k + j] + c * x[j] + b
              for j, (a, c, b) in enumerate(zip(model["scale"], model["share"], model["bias"]))]
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return {t: e / total for t, e in zip(themes, exps)}


# The fitted ranker may put a theme first only when it has at least this share of the leading theme's
# evidence: a theme with a fraction of the words of another is not what the article is about, whatever the
# per-theme calibration says (chosen among 0, 1/5, 1/4, 1/3, 2/5, 1/2 by the leave-publisher-out figures).
MODEL_MIN_SHARE_OF_TOP = 1 / 3


def rank_model(scores: dict[str, float], order: tuple[str, ...], max_themes: int, threshold: float,
               renames: dict[str, str] | None = None, model: dict | None = None) -> tuple[str, ...] | None:
    """Themes with the first one chosen by the fitted model; None when it does not apply (no model, or a
    taxonomy with themes the model does not know). The first theme needs some evidence (a weak word's
    worth, not a strong word: a short text is still filed) and at least MODEL_MIN_SHARE_OF_TOP of the
    leading theme's; the others are the lexicon's ranking (rank()) without it. renames: default id ->
    the site's id (the model speaks the default ids)."""
    model = model if model is not None else theme_model()
    if model is None:
        return None
    final_of = _final_ids(tuple(model["themes"]), tuple(sorted((renames or {}).items())), order)
    if final_of is None:
        return None
    source = {t: scores.get(f, 0.0) for t, f in final_of.items()}
    present = [t for t, v in source.items() if v > 0]
    if not present or max(source.values()) < model.get("min_evidence", 1.0):
        return ()
    top = max(source.values())
    if len(present) == 1:
        first = present[0]
    else:
        probs = probabilities(source, model)
        first = min((t for t in present if source[t] >= MODEL_MIN_SHARE_OF_TOP * top),
                    key=lambda t: (-probs[t], order.index(final_of[t])))
    rest = [t for t in rank(scores, order, max_themes, threshold) if t != final_of[first]]
    return (final_of[first], *rest)[:max_themes]


@lru_cache(maxsize=64)
def _final_ids(themes: tuple[str, ...], renames: tuple[tuple[str, str], ...],
               order: tuple[str, ...]) -> dict[str, str] | None:
    """The model's theme ids -> the site's ids, or None when the site's taxonomy is not the model's."""
    renamed = dict(renames)
    final_of = {t: renamed.get(t, t) for t in themes}
    return final_of if set(final_of.values()) == set(order) else None


@lru_cache(maxsize=1)
def coarse_groups() -> dict[str, str]:
    """theme id -> one of six coarse groups (data/themes/coarse.toml): economy, sport, politics,
    technology, science, culture — the sections of a general newspaper."""
    return {theme: group for group, members in load_toml("themes/coarse.toml")["groups"].items()
            for theme in members}


def coarse(theme_id: str) -> str | None:
    return coarse_groups().get(theme_id)
