"""Token overlap between an extracted text and a reference text (the cleaning quality gate).

Precision, recall and F1 over lowercased word tokens counted as multisets: a word extracted twice but
present once in the reference counts once. Used by tests/quality and by the README's quality table.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def score(extracted: str, reference: str) -> Score:
    got, want = tokens(extracted), tokens(reference)
    overlap = sum((got & want).values())
    p = overlap / sum(got.values()) if got else 0.0
    r = overlap / sum(want.values()) if want else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f)


def mean(scores: list[Score]) -> Score:
    n = len(scores) or 1
    return Score(sum(s.precision for s in scores) / n, sum(s.recall for s in scores) / n,
                 sum(s.f1 for s in scores) / n)
