"""Fit the theme ranker (data/themes/model.json) on the labelled sample pages, and score it.

    python -m briefgen.classify.themefit            # fit on every labelled page, write model.json, print figures
    python -m briefgen.classify.themefit --check    # figures only (leave-publisher-out), nothing written
    python -m briefgen.classify.themefit --check --body-only    # the same without headlines
    python -m briefgen.classify.themefit --check --body-only --fit-with-headlines
        # body text scored by models fitted on the articles with their headlines (as shipped)

The model is a multinomial logistic regression from the lexicon scores of an article (per theme: its share
of the evidence and log(1 + score), one scale, weight and offset per theme; see fit()) to the annotator's themes: the first theme
weighs 0.6 of the target, the others share the rest. Only articles in a language with a theme lexicon
are used (fr, de, it, en). Every figure is leave-publisher-out: publishers are dealt into FOLDS groups and
each article is ranked by a model fitted without its publisher's articles. The "model" columns are the
ranking briefgen ships (themes.rank_model). Needs numpy (a test
dependency); briefgen itself applies the model in plain Python.
"""
from __future__ import annotations

import argparse
import json
import zlib
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from briefgen.classify import themes as theme_mod
from briefgen.classify.labelled import Labelled, load_all
from briefgen.classify.lexicon import has_data, lang_of
from briefgen.classify.pipeline import _fields, paragraphs_of

FOLDS = 10
L2 = 1.0          # summed over articles: one article's worth of pull towards the lexicon ranking
STEPS = 1500
PRIOR_SCALE = 6.0
FIRST_WEIGHT = 0.6
MODEL_PATH = Path(__file__).parent / "data" / "themes" / "model.json"


def lexicon_scores(item: Labelled) -> dict[str, float]:
    """The lexicon scores of one labelled article, as the pipeline computes them (headline + text)."""
    lang = lang_of(item.lang)
    fields = _fields(item.title, None, None, paragraphs_of(item.text))
    scores, _ = theme_mod.score(fields, theme_mod.lexicon(lang), explain=False)
    return scores


def usable(items: list[Labelled]) -> list[Labelled]:
    """Articles in a language with a theme lexicon, with themes the default taxonomy knows."""
    known = set(theme_mod.theme_ids())
    return [it for it in items if has_data(f"themes/{lang_of(it.lang)}.toml")
            and it.themes and all(t in known for t in it.themes)]


def target(item: Labelled, themes: list[str]) -> list[float]:
    row = [0.0] * len(themes)
    rest = item.themes[1:]
    row[themes.index(item.themes[0])] = FIRST_WEIGHT if rest else 1.0
    for t in rest:
        row[themes.index(t)] += (1 - FIRST_WEIGHT) / len(rest)
    return row


def fit(x, y, l2: float = L2, steps: int = STEPS) -> tuple:
    """Per theme t: logit_t = a_t * log(1 + score_t) + c_t * share_t + b_t, softmax over themes, fitted to
    soft targets by full-batch gradient descent (Nesterov momentum). Every parameter is shrunk by L2
    towards the lexicon ranking (a_t = PRIOR_SCALE, c_t = b_t = 0): a theme seen in few articles keeps the
    lexicon's order. One scale, weight and offset per theme is all 200 articles can support; themes do
    not interact. x: (n, 2k) as themes.model_features gives it."""
    import numpy as np

    n, _d = x.shape
    k = y.shape[1]
    share, logs = x[:, :k], x[:, k:]
    a, c, b = np.full(k, PRIOR_SCALE), np.zeros(k), np.zeros(k)
    va, vc, vb = np.zeros(k), np.zeros(k), np.zeros(k)
    rate, mu = 0.5, 0.9
    for _ in range(steps):
        la, lc, lb = a + mu * va, c + mu * vc, b + mu * vb
        z = logs * la + share * lc + lb
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) / n
        ga = (g * logs).sum(axis=0) + l2 * (la - PRIOR_SCALE) / n
        gc = (g * share).sum(axis=0) + l2 * lc / n
        gb = g.sum(axis=0) + l2 * lb / n
        va, vc, vb = mu * va - rate * ga, mu * vc - rate * gc, mu * vb - rate * gb
        a, c, b = a + va, c + vc, b + vb
    return a, c, b


def as_model(params, themes: list[str], trained_on: int) -> dict:
    a, c, b = params
    return {"themes": themes, "min_evidence": 1.0,
            "scale": [round(float(v), 5) for v in a], "share": [round(float(v), 5) for v in c],
            "bias": [round(float(v), 5) for v in b], "trained_on": trained_on,
            "fitted_by": "python -m briefgen.classify.themefit"}


def _fold(publisher: str) -> int:
    return zlib.crc32(publisher.encode()) % FOLDS


def dataset(items: list[Labelled]):
    import numpy as np

    themes = list(theme_mod.theme_ids())
    scores = [lexicon_scores(it) for it in items]
    x = np.array([theme_mod.model_features(s, tuple(themes)) for s in scores])
    y = np.array([target(it, themes) for it in items])
    return themes, scores, x, y


def cross_validated(items: list[Labelled], data=None, fit_data=None) -> dict[str, dict]:
    """case -> {"scores": lexicon scores, "model": the model of the fold that never saw its publisher}.
    fit_data: fit on these features instead (the same articles in the same order, e.g. with headlines)."""
    themes, scores, x, y = data or dataset(items)
    _, _, fx, fy = fit_data or (themes, scores, x, y)
    folds = [_fold(it.publisher) for it in items]
    out: dict[str, dict] = {}
    for f in sorted(set(folds)):
        train = [i for i, g in enumerate(folds) if g != f]
        model = as_model(fit(fx[train], fy[train]), themes, len(train))
        for i, g in enumerate(folds):
            if g == f:
                out[items[i].case] = {"scores": scores[i], "model": model}
    return out


def figures(items: list[Labelled], data=None, fit_data=None) -> dict[str, dict[str, float]]:
    """Per language and overall: top-1, any-hit and coarse top-1 for the lexicon ranking and the model
    (leave-publisher-out)."""
    cv = cross_validated(items, data, fit_data)
    order = tuple(theme_mod.theme_ids())
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for it in items:
        s = cv[it.case]["scores"]
        ranked = {"lexicon": theme_mod.rank(s, order, 3, 3.0),
                  "model": theme_mod.rank_model(s, order, 3, 3.0, model=cv[it.case]["model"])}
        for key in (lang_of(it.lang), "all"):
            c = counts[key]
            c["n"] += 1
            for name, got in ranked.items():
                c[f"{name}_top1"] += bool(got) and got[0] == it.themes[0]
                c[f"{name}_any"] += bool(got) and got[0] in it.themes
                c[f"{name}_coarse"] += bool(got) and theme_mod.coarse(got[0]) == theme_mod.coarse(it.themes[0])
                c[f"{name}_none"] += not got
    return {k: {m: (v if m == "n" or m.endswith("none") else v / c["n"]) for m, v in c.items()}
            for k, c in counts.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print figures only; do not write model.json")
    parser.add_argument("--body-only", action="store_true",
                        help="with --check: fit and score on the articles without their headlines (body text only)")
    parser.add_argument("--fit-with-headlines", action="store_true",
                        help="with --body-only: the models are fitted on the articles with their headlines")
    args = parser.parse_args(argv)
    items = usable(load_all())
    fit_data = None
    if args.body_only:
        if not args.check:
            parser.error("--body-only measures only: use it with --check")
        if args.fit_with_headlines:
            fit_data = dataset(items)
        items = [replace(it, title="") for it in items]
    data = dataset(items)
    print(f"{len(items)} labelled articles in fr/de/it/en, {len({it.publisher for it in items})} publishers")
    print("language  n    lexicon top-1/any/coarse   model top-1/any/coarse   (leave-publisher-out)")
    for key, f in sorted(figures(items, data, fit_data).items()):
        print(f"{key:8} {int(f['n']):4}   {f['lexicon_top1']:.3f} {f['lexicon_any']:.3f} {f['lexicon_coarse']:.3f}"
              f"        {f['model_top1']:.3f} {f['model_any']:.3f} {f['model_coarse']:.3f}")
    if not args.check:
        themes, _, x, y = data
        MODEL_PATH.write_text(json.dumps(as_model(fit(x, y), themes, len(items)), indent=1) + "\n",
                              encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
