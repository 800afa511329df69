"""classify(article, config) -> Classification: countries, regions, themes and key points.

`classify_text` does the work on plain fields so briefs, raw articles and tests share one path. Each text
is tokenised once; the country and theme lexicons are compiled once per language and cached.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from briefgen.classify import countries as country_mod
from briefgen.classify import themes as theme_mod
from briefgen.classify.keypoints import key_points
from briefgen.classify.lexicon import Tokens, lang_of, word_counts
from briefgen.classify.regions import country_region, regions_for
from briefgen.model import Classification

if TYPE_CHECKING:
    from briefgen.config import Config
    from briefgen.model import Article

log = logging.getLogger(__name__)

DEFAULT_THEME_THRESHOLD = 3.0   # one strong word: short briefs still get their theme
_HEADING = re.compile(r"^#{1,6}\s+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# Inline Markdown a person may type in a brief: emphasis and links keep only their text.
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_BLANK_LINE = re.compile(r"\n\s*\n")


def classify(article: Article, config: Config, explain: bool = True) -> Classification:
    return classify_text(article.title, article.lead, article.body_text, article.lang, config,
                         kicker=article.kicker, explain=explain, source_url=article.source.url)


def paragraphs_of(body: str) -> list[str]:
    """Body text (plain or Markdown) -> paragraphs, headings and list items without their markers."""
    out = []
    for block in _BLANK_LINE.split(body or ""):
        text = block.strip()
        # Most paragraphs are one plain line: the Markdown clean-up runs only where it has work to do.
        if "\n" in text or text[:1] in "#-*+" or text[:1].isdigit():
            lines = [_LIST_ITEM.sub("", _HEADING.sub("", ln)).strip() for ln in text.splitlines()]
            text = " ".join(ln for ln in lines if ln)
        if "[" in text:
            text = _LINK.sub(r"\1", text)
        if "*" in text or "_" in text:
            text = _EMPHASIS.sub(r"\2", text)
        if text:
            out.append(text)
    return out


def _fields(title: str, kicker: str | None, lead: str | None, paragraphs: list[str]) -> list[tuple[str, Tokens]]:
    fields = [("title", Tokens(title or ""))]
    if kicker:
        fields.append(("kicker", Tokens(kicker)))
    if lead:
        fields.append(("lead", Tokens(lead)))
    fields.extend([("body", Tokens(p)) for p in paragraphs])
    return fields


@lru_cache(maxsize=1)
def _default_config() -> Config:
    """The default configuration, made once: building it per call cost about 2% of a classification.
    Config is a frozen dataclass and the classifier only reads it."""
    from briefgen.config.schema import Config as DefaultConfig

    return DefaultConfig()


def _options(config: Config | None):
    if config is None:
        config = _default_config()
    return config, config.classify


def classify_text(title: str, lead: str | None, body: str, lang: str, config: Config | None,
                  kicker: str | None = None, explain: bool = True, source_url: str | None = None) -> Classification:
    """Classify an article given as text fields (body: paragraphs separated by blank lines).

    explain=False skips collecting the evidence for `Classification.explain` (a little faster);
    source_url: the article's address, whose country-code domain is taken when no country is named."""
    config, opts = _options(config)
    lang = lang_of(lang)
    paragraphs = paragraphs_of(body)
    fields = _fields(title, kicker, lead, paragraphs)

    # The body's word counts, made once: themes and key points weigh them, countries take the vocabulary.
    body = [toks for name, toks in fields if name == "body"]
    body_counts = word_counts(toks.low for toks in body)
    vocabulary = body_counts.keys() | {w for name, toks in fields if name != "body" for w in toks.low}

    # Countries: every mention weighed by place and kind; the salient ones kept.
    found = country_mod.score_fields(fields, country_mod.lexicon(lang), opts.country_threshold or None,
                                     explain, source_url, vocabulary)
    regions = regions_for(found.countries, config)

    # Themes: lexicon scores, ranked, the best few kept.
    lex = theme_mod.lexicon(lang, theme_mod._key(config))
    theme_scores, theme_words = theme_mod.score(fields, lex, explain, body_counts, vocabulary)
    threshold = opts.theme_threshold or DEFAULT_THEME_THRESHOLD
    themes = theme_mod.rank_model(theme_scores, lex.order, opts.max_themes, threshold,
                                  renames=theme_mod.renames(config))
    if themes is None:   # a taxonomy the fitted ranker does not know: the lexicon order alone
        themes = theme_mod.rank(theme_scores, lex.order, opts.max_themes, threshold)

    points = key_points(title, lead, paragraphs, lang, opts.key_points, tokens=body, counts=body_counts,
                        head_words=[toks.low for name, toks in fields if name in ("title", "lead")])
    evidence = _explain(found, regions, themes, theme_scores, theme_words) if explain else {}
    return Classification(countries=found.countries, regions=regions, themes=themes, key_points=points,
                          mentions=dict(found.mentions), explain=evidence)


def _explain(found, regions, themes, theme_scores, theme_words) -> dict[str, list[str]]:
    """label -> the evidence that decided it (and the runners-up that did not make it)."""
    out: dict[str, list[str]] = {}
    for code in found.countries:
        out[f"country:{code}"] = [f"score {found.scores.get(code, 0)}"] + found.evidence.get(code, [])
    for code, score in found.scores.items():
        if code not in found.countries:
            out[f"left-out:{code}"] = [f"score {score}"] + found.evidence.get(code, [])[:4]
    for slug in regions:
        out[f"region:{slug}"] = [c for c in found.countries if country_region(c) == slug] or ["site region"]
    for theme in themes:
        out[f"theme:{theme}"] = [f"score {theme_scores[theme]:.1f}"] + theme_words.get(theme, [])
    return out
