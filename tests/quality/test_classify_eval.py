"""Classifier quality on the hand-labelled sample pages, beside a keyword baseline run by the same code.

Two label files, one annotation guide: `tests/data/samples/pages/labels.jsonl` (49 pages, fr/de/it/en, in
the repository) and `samples/pages-world/labels.jsonl` (206 pages, 23 languages), read from `shared/`
beside the repository or $BRIEFGEN_SHARED; the gates over both are skipped, saying so, when it is absent.
Each article is classified from its headline (meta.json) and reference text (expected.txt), with the page's
address (meta.json `url`) as ingest passes it: a story that makes no country salient counts for the
publisher's country-code domain.

Measures, per language (fr, de, it, en; "other" for the rest, which have no theme lexicon) and overall:
  - themes: top-1 (first theme = the annotator's first), any-hit (first theme among the annotator's),
    coarse top-1 (the same after mapping onto six newspaper sections, data/themes/coarse.toml), and how
    many articles get no theme. The fitted ranker is scored LEAVE-PUBLISHER-OUT: each article's first
    theme comes from a model fitted without its publisher (briefgen.classify.themefit, grouped folds).
  - countries "about" (`countries`) and "mentioned" (`mentions` plus `countries` vs `countries_mentioned`):
    precision, recall, F1, micro-averaged over articles; region F1.
  - the baseline: themes from the lexicon scores alone (no fitted ranker); countries from a plain gazetteer
    of CLDR names (about = named twice or most named), as the issue's reference baseline.
Floors are pinned below a little under the measured figures; raising one is a deliberate commit.
`python -m tests.quality.test_classify_eval [pages|both] [--pipeline] [--body-only]` prints the README tables
(--pipeline: the pipeline's own output, no refitting and no baseline; runs on an older briefgen too;
--body-only: every article classified from its body text alone, no headline, as news classified by
newspaper section often comes; the rankers are still fitted on the articles with their headlines, as shipped).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

import pytest

from briefgen.classify import countries as country_mod
from briefgen.classify import themes as theme_mod
from briefgen.classify.labelled import Labelled, corpus_dirs, load
from briefgen.classify.lexicon import lang_of
from briefgen.classify.pipeline import classify_text, paragraphs_of
from briefgen.classify.regions import regions_for

GROUPS = ("fr", "de", "it", "en", "other", "all")

# Measured 2026-12-06 (README "Classification"); floors a little below (twice_f1 and fr4 mentioned_f1 raised
# to the measured value less 0.001 on 2026-12-07, and again for en, fr4 and all late that day).
FLOORS = {
    "pages": {
        "all": {"about_f1": 0.86, "mentioned_f1": 0.92, "region_f1": 0.88, "top1": 0.80, "any": 0.92},
        "de": {"about_f1": 0.83, "mentioned_f1": 0.91, "region_f1": 0.85, "top1": 0.82, "any": 0.92},
        "en": {"about_f1": 0.86, "mentioned_f1": 0.89, "region_f1": 0.87, "top1": 0.70, "any": 0.85},
        "fr": {"about_f1": 0.80, "mentioned_f1": 0.93, "region_f1": 0.90, "top1": 0.85, "any": 0.85},
        "it": {"about_f1": 0.90, "mentioned_f1": 0.90, "region_f1": 0.90, "top1": 0.50, "any": 0.90},
    },
    # twice_f1: countries against the counted-mentions "about" (two mentions plus the most mentioned).
    "both": {
        "all": {"about_f1": 0.76, "mentioned_f1": 0.88, "region_f1": 0.79, "twice_f1": 0.900},
        "fr4": {"about_f1": 0.80, "mentioned_f1": 0.955, "region_f1": 0.83, "top1": 0.77, "any": 0.91,
                "coarse": 0.85, "twice_f1": 0.925},
        "de": {"about_f1": 0.78, "mentioned_f1": 0.92, "region_f1": 0.81, "top1": 0.76, "any": 0.91, "coarse": 0.86,
               "twice_f1": 0.922},
        "en": {"about_f1": 0.80, "mentioned_f1": 0.92, "region_f1": 0.82, "top1": 0.76, "any": 0.90, "coarse": 0.81,
               "twice_f1": 0.920},
        "other": {"about_f1": 0.52, "mentioned_f1": 0.62},
    },
    # The same articles without their headlines (body text only, as news classified by section comes).
    "both-body": {
        "fr4": {"about_f1": 0.80, "top1": 0.76, "any": 0.91, "coarse": 0.85},
        "de": {"top1": 0.72, "any": 0.91, "coarse": 0.85},
        "en": {"top1": 0.78, "any": 0.91, "coarse": 0.84},
    },
}


def _prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _count(c: dict, prefix: str, gold: set, pred: set) -> None:
    c[f"{prefix}tp"] += len(gold & pred)
    c[f"{prefix}fp"] += len(pred - gold)
    c[f"{prefix}fn"] += len(gold - pred)


@lru_cache(maxsize=1)
def _folds() -> dict:
    """case -> the theme ranker fitted without its publisher (articles in a language with a lexicon)."""
    from briefgen.classify import themefit

    items = []
    for name, folder in corpus_dirs().items():
        if folder is not None:
            items += load(name, folder)
    return themefit.cross_validated(themefit.usable(items))


def _themes(item: Labelled, system: str, folds: dict) -> tuple[str, ...]:
    from briefgen.classify import themefit

    order = tuple(theme_mod.theme_ids())
    fold = folds.get(item.case)
    headline = bool(item.title.strip())
    if fold is None:      # a language without a lexicon, or themes outside the taxonomy: no scores
        scores, _ = theme_mod.score([], theme_mod.lexicon(lang_of(item.lang)), explain=False)
    else:                 # the folds' scores are of the articles with their headlines
        scores = fold["scores"] if headline else themefit.lexicon_scores(item)
    if system == "baseline":
        return theme_mod.rank(scores, order, 3, 3.0)
    if fold is None:
        return theme_mod.rank_model(scores, order, 3, 3.0) or ()
    return theme_mod.rank_model(scores, order, 3, 3.0, model=fold["model"]) or ()


@lru_cache(maxsize=1)
def _coarse() -> dict[str, str]:
    """theme -> six-group section, read from the data file (also usable on an older briefgen tree)."""
    import tomllib
    from pathlib import Path

    import briefgen.classify

    path = Path(briefgen.classify.__file__).parent / "data" / "themes" / "coarse.toml"
    groups = tomllib.loads(path.read_text(encoding="utf-8"))["groups"]
    return {t: g for g, members in groups.items() for t in members}


def _evaluate(items: list[Labelled], pipeline: bool = False,
              body_only: bool = False) -> dict[str, dict[str, dict[str, float]]]:
    """system ("briefgen", "baseline") -> group -> measure -> value. pipeline=True: the themes as the
    pipeline gives them with the shipped model (in-sample for fitted parts), no baseline: for measuring an
    older briefgen with this file (README "Evaluation")."""
    folds = {} if pipeline else _folds()
    counts: dict[str, dict[str, dict[str, float]]] = {s: defaultdict(lambda: defaultdict(float))
                                                      for s in ("briefgen", "baseline", "annotators")}
    coarse = _coarse()
    for item in items:
        if body_only:
            item = replace(item, title="")
        try:
            got = classify_text(item.title, None, item.text, item.lang, None, explain=False,
                                source_url=item.url)
        except TypeError:     # an older briefgen: its classify_text has no source_url
            got = classify_text(item.title, None, item.text, item.lang, None, explain=False)
        lang = lang_of(item.lang)
        groups = (lang if lang in GROUPS else "other", "all") + (("fr4",) if lang in ("fr", "de", "it", "en") else ())
        systems = {"briefgen": (set(got.countries), set(got.mentions) | set(got.countries), set(got.regions))}
        if not pipeline:
            about, named = country_mod.gazetteer_countries([item.title, *paragraphs_of(item.text)], item.lang)
            systems["baseline"] = (set(about), set(named), set(regions_for(about)))
        # "About" as counted mentions define it (the held-out set of issue 12 does: every country with at
        # least two place mentions plus the most mentioned), from the annotated countries_mentioned and
        # briefgen's own mention counts; our annotators' `countries` are what a story is about.
        named_twice = {k: v for k, v in got.mentions.items() if k in item.mentioned}
        twice = {k for k, v in named_twice.items() if v >= 2}
        if named_twice:
            twice.add(max(sorted(named_twice), key=named_twice.get))
        for system, (countries, mentioned, regions) in systems.items():
            themes = got.themes if pipeline else _themes(item, system, folds)
            for g in groups:
                c = counts[system][g]
                c["n"] += 1
                _count(c, "twice_", twice, countries)
                if system == "briefgen":
                    _count(counts["annotators"][g], "twice_", twice, set(item.countries))
                _count(c, "about_", set(item.countries), countries)
                _count(c, "mentioned_", set(item.mentioned), mentioned)
                _count(c, "region_", set(item.regions), regions)
                first = themes[0] if themes else None
                c["top1"] += first == item.themes[0]
                c["any"] += first in item.themes
                c["coarse"] += first is not None and coarse.get(first) == coarse.get(item.themes[0])
                c["none"] += first is None
    out: dict[str, dict[str, dict[str, float]]] = {}
    for system, by_group in counts.items():
        out[system] = {}
        for g, c in by_group.items():
            row = {"n": c["n"], "none": c["none"]}
            for prefix in ("about_", "mentioned_", "region_", "twice_"):
                p, r, f = _prf(c[f"{prefix}tp"], c[f"{prefix}fp"], c[f"{prefix}fn"])
                row.update({f"{prefix}p": p, f"{prefix}r": r, f"{prefix}f1": f})
            row.update({k: c[k] / c["n"] if c["n"] else 0.0 for k in ("top1", "any", "coarse")})
            out[system][g] = row
    return out


@lru_cache(maxsize=8)
def evaluate(which: str, pipeline: bool = False, body_only: bool = False) -> dict[str, dict[str, dict[str, float]]]:
    dirs = corpus_dirs()
    names = ["pages"] if which == "pages" else ["pages", "pages-world"]
    missing = [n for n in names if dirs[n] is None]
    if missing:
        pytest.skip(f"label file(s) {', '.join(missing)} not found: put the shared samples beside the "
                    "repository (../shared/samples) or set BRIEFGEN_SHARED")
    items: list[Labelled] = []
    for n in names:
        items += load(n, dirs[n])
    return _evaluate(items, pipeline, body_only)


@pytest.fixture(autouse=True)
def _needs_numpy():
    pytest.importorskip("numpy", reason="the leave-publisher-out theme figures refit the ranker with numpy "
                                        "(pip install -e '.[test]')")


# The theme figures are leave-publisher-out: each fold's ranker is fitted on the other publishers of
# every labelled page available. The floors were pinned with both label files (about 255 pages); in a
# clone without ../shared the folds would be fitted on the 49 pages alone (about 39 a fold), which
# measures another, weaker model than the one briefgen ships. Those figures are then not gated; the
# country and region figures (nothing fitted) still are.
_THEME_MEASURES = ("top1", "any", "coarse")


def _themes_measurable() -> bool:
    return corpus_dirs()["pages-world"] is not None


@pytest.mark.parametrize(("which", "group"), [(w, g) for w, floors in FLOORS.items() for g in floors])
def test_classification_stays_above_the_pinned_floors(which, group):
    scores = (evaluate("both", body_only=True) if which == "both-body" else evaluate(which))["briefgen"][group]
    floors = {k: v for k, v in FLOORS[which][group].items()
              if _themes_measurable() or k not in _THEME_MEASURES}
    low = {k: round(scores[k], 3) for k, floor in floors.items() if scores[k] < floor}
    assert not low, f"{which}/{group}: below floor {floors}: {low}"


@pytest.mark.parametrize("which", ["pages", "both"])
def test_beats_the_keyword_baseline(which):
    got = evaluate(which)
    for measure in ("about_f1", "mentioned_f1", "top1", "coarse"):
        if measure in _THEME_MEASURES and not _themes_measurable():
            continue
        assert got["briefgen"]["all"][measure] >= got["baseline"]["all"][measure], measure


def test_every_article_in_a_lexicon_language_gets_a_theme():
    assert evaluate("both")["briefgen"]["fr4"]["none"] == 0


def table(which: str = "both", pipeline: bool = False, body_only: bool = False) -> str:
    rows = [("| language | articles | system | about P | about R | about F1 | mentioned F1 | region F1 | "
            "theme top-1 | any-hit | coarse top-1 |"), "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    res = evaluate(which, pipeline, body_only)
    for g in ("fr", "de", "it", "en", "fr4", "other", "all"):
        for system in ("briefgen", "baseline"):
            s = res[system].get(g)
            if s is None:
                continue
            name = {"fr4": "fr+de+it+en"}.get(g, g)
            themes = (f"{s['top1']:.2f} | {s['any']:.2f} | {s['coarse']:.2f}" if g != "other" else "– | – | –")
            rows.append(f"| {name} | {int(s['n'])} | {system} | {s['about_p']:.2f} | {s['about_r']:.2f} | "
                        f"{s['about_f1']:.2f} | {s['mentioned_f1']:.2f} | {s['region_f1']:.2f} | {themes} |")
    return "\n".join(rows)


def twice_table(which: str = "both") -> str:
    """Countries "about" scored against the counted-mentions definition (at least two mentions plus the
    most mentioned, among the annotated countries_mentioned), beside the annotators' own `countries`."""
    rows = ["| language | articles | system | P | R | F1 |", "| --- | --- | --- | --- | --- | --- |"]
    res = evaluate(which)
    for g in ("de", "en", "fr4", "all"):
        for system in ("briefgen", "baseline", "annotators"):
            s = res[system].get(g)
            if s is None:
                continue
            name = {"fr4": "fr+de+it+en"}.get(g, g)
            n = int(res["briefgen"][g]["n"])
            rows.append(f"| {name} | {n} | {system} | {s['twice_p']:.2f} | {s['twice_r']:.2f} | {s['twice_f1']:.2f} |")
    return "\n".join(rows)


if __name__ == "__main__":
    import sys

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--twice" in sys.argv:
        print(twice_table(args[0] if args else "both"))
    else:
        print(table(args[0] if args else "both", "--pipeline" in sys.argv, "--body-only" in sys.argv))
