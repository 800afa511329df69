"""The cleaning quality gate: lead + body of every sample page against its reference text.

Mean token precision/recall/F1 per language, from the page dumps and from the HTML pages. The floors
are the measured figures less a small margin; raising one is a deliberate commit, lowering one is
not done (README, "Cleaning quality").
"""
from __future__ import annotations

import pytest

from briefgen.ingest.score import by_language, evaluate, evaluate_meta
from tests.conftest import SAMPLES

PAGES = SAMPLES / "pages"

# Pinned floors: (precision, recall, F1) per language. Measured values are in README "Cleaning quality".
FLOORS = {
    "dump": {"de": (0.94, 0.97, 0.95), "en": (0.95, 0.97, 0.96), "fr": (0.93, 0.97, 0.95),
             "it": (0.97, 0.98, 0.98), "all": (0.94, 0.97, 0.96)},
    "html": {"de": (0.95, 0.97, 0.96), "en": (0.96, 0.97, 0.97), "fr": (0.96, 0.97, 0.96),
             "it": (0.98, 0.98, 0.98), "all": (0.95, 0.97, 0.96)},
}


# The HTML half of the gate (both corpora, per language, titles) is tests/quality/test_html_quality.py.
@pytest.fixture(scope="module", params=["dump"])
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


# Metadata against meta.json, over all 49 cases: (title exact match, date within a day, language).
# The title is matched exactly after normalising whitespace, soft hyphens and quotation marks. Where
# meta.json holds the page's SEO title and the page shows another headline, the visible headline is
# what a dump yields and the case counts as a miss: the floor is the honest rate, not 49.
META_FLOORS = {"dump": (36, 49, 49), "html": (41, 49, 49)}
# Chosen before the metadata rules were written and never inspected case by case while writing them:
# their figures are reported separately in README "Cleaning quality".
HOLD_OUT = ("de-diepresse-2025-06-05", "de-hamburgerabendblatt-2025-11-06", "de-mdr-2026-07-08",
            "de-spiegelonline-2023-04-28", "de-tageblatt-2026-01-13", "de-tonline-2026-04-15",
            "en-apnews-2024-09-03", "en-restofworld-2025-10-21", "en-theindependent-2024-11-22",
            "fr-euronewsfr-2024-04-30", "fr-lefigaro-2024-11-22", "it-ilgiornale-2025-02-04")


@pytest.mark.parametrize("kind", ["dump"])
def test_metadata_accuracy_stays_above_the_pinned_floors(kind):
    per_case = evaluate_meta(PAGES, kind)
    got = (sum(m.title_ok for m in per_case.values()), sum(m.date_ok for m in per_case.values()),
           sum(m.lang_ok for m in per_case.values()))
    floors = META_FLOORS[kind]
    missed = [f"{c}: {m.title!r}" for c, m in per_case.items() if not m.title_ok]
    assert all(g >= f for g, f in zip(got, floors)), \
        f"{kind}: title/date/lang {got} below {floors}; titles missed:\n" + "\n".join(missed)
