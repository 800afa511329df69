"""The cleaning quality gate: lead + body of every sample page against its reference text.

Mean token precision/recall/F1 per language, from the page dumps and from the HTML pages. The floors
are the measured figures less a small margin; raising one is a deliberate commit, lowering one is
not done (README, "Cleaning quality").
"""
from __future__ import annotations

import pytest

from briefgen.ingest.score import by_language, evaluate
from tests.conftest import SAMPLES

PAGES = SAMPLES / "pages"

# Pinned floors: (precision, recall, F1) per language. Measured values are in README "Cleaning quality".
FLOORS = {
    "dump": {"de": (0.94, 0.97, 0.95), "en": (0.95, 0.97, 0.96), "fr": (0.93, 0.97, 0.95),
             "it": (0.97, 0.98, 0.98), "all": (0.94, 0.97, 0.96)},
    "html": {"de": (0.95, 0.97, 0.96), "en": (0.96, 0.97, 0.97), "fr": (0.96, 0.97, 0.96),
             "it": (0.98, 0.98, 0.98), "all": (0.95, 0.97, 0.96)},
}


@pytest.fixture(scope="module", params=["dump", "html"])
def results(request):
    return request.param, evaluate(PAGES, request.param)


def test_cleaning_quality_stays_above_the_pinned_floors(results):
    kind, per_case = results
    scores = by_language(per_case)
    low = []
    for lang, (p, r, f) in FLOORS[kind].items():
        s = scores[lang]
        if s.precision < p or s.recall < r or s.f1 < f:
            low.append(f"{kind}/{lang}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
                       f"(floors {p}/{r}/{f})")
    assert not low, "cleaning quality dropped:\n" + "\n".join(low)


def test_every_case_yields_an_article(results):
    kind, per_case = results
    zero = [case for case, s in per_case.items() if s.f1 < 0.5]
    assert not zero, f"{kind}: no usable article from {zero}"
