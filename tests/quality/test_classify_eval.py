"""Classifier quality on the 49 labelled sample articles (tests/data/samples/pages/labels.jsonl).

Each article is classified from its headline (meta.json) and reference text (expected.txt). Scores per
language: country precision/recall/F1 (micro-averaged over articles), region F1, and theme top-1 (the
first theme equals the annotator's first theme). Floors are pinned below: a change that lowers a score
fails; raising a floor is a deliberate commit. The README table comes from `python -m
tests.quality.test_classify_eval`.
"""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

from briefgen.classify.pipeline import classify_text

PAGES = Path(__file__).resolve().parents[1] / "data" / "samples" / "pages"

# Measured 2026-11-25: all F1 0.89, region F1 0.92, theme top-1 0.82 (see README "Classification").
FLOORS = {
    "all": {"country_f1": 0.85, "region_f1": 0.87, "theme_top1": 0.78},
    "de": {"country_f1": 0.83, "region_f1": 0.85, "theme_top1": 0.80},
    "en": {"country_f1": 0.84, "region_f1": 0.85, "theme_top1": 0.70},
    "fr": {"country_f1": 0.78, "region_f1": 0.85, "theme_top1": 0.70},
    "it": {"country_f1": 0.90, "region_f1": 0.90, "theme_top1": 0.50},
}


def _f1(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@lru_cache(maxsize=1)
def evaluate() -> dict[str, dict[str, float]]:
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for line in (PAGES / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        case = PAGES / label["case"]
        title = json.loads((case / "meta.json").read_text(encoding="utf-8"))["title"]
        got = classify_text(title, None, (case / "expected.txt").read_text(encoding="utf-8"), label["lang"], None,
                            explain=False)
        for key in (label["lang"], "all"):
            c = counts[key]
            gold, pred = set(label["countries"]), set(got.countries)
            c["tp"] += len(gold & pred)
            c["fp"] += len(pred - gold)
            c["fn"] += len(gold - pred)
            gold_r, pred_r = set(label["regions"]), set(got.regions)
            c["rtp"] += len(gold_r & pred_r)
            c["rfp"] += len(pred_r - gold_r)
            c["rfn"] += len(gold_r - pred_r)
            c["top1"] += bool(got.themes) and got.themes[0] == label["themes"][0]
            c["top1_any"] += bool(got.themes) and got.themes[0] in label["themes"]
            c["n"] += 1
    scores = {}
    for key, c in counts.items():
        p, r, f = _f1(c["tp"], c["fp"], c["fn"])
        scores[key] = {"n": int(c["n"]), "country_p": p, "country_r": r, "country_f1": f,
                       "region_f1": _f1(c["rtp"], c["rfp"], c["rfn"])[2],
                       "theme_top1": c["top1"] / c["n"], "theme_top1_any": c["top1_any"] / c["n"]}
    return scores


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_classification_quality_stays_above_the_pinned_floors(lang):
    scores = evaluate()[lang]
    low = {k: round(scores[k], 3) for k, floor in FLOORS[lang].items() if scores[k] < floor}
    assert not low, f"{lang}: below floor {FLOORS[lang]}: {low}"


def table() -> str:
    rows = [("| language | articles | country P | country R | country F1 | region F1 | theme top-1 | "
            "top theme among labelled |"), "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for key in ("fr", "de", "it", "en", "all"):
        s = evaluate()[key]
        rows.append(f"| {key} | {s['n']} | {s['country_p']:.2f} | {s['country_r']:.2f} | {s['country_f1']:.2f} | "
                    f"{s['region_f1']:.2f} | {s['theme_top1']:.2f} | {s['theme_top1_any']:.2f} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
