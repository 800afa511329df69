"""Countries of English web-news texts written and counted by hand before the classifier saw them
(country_texts_s14.py): "about" as issue 12 counts it (every country with two toponyms, plus the most
mentioned) and every country with a toponym."""
from __future__ import annotations

import pytest

from briefgen.classify.pipeline import classify_text
from tests.unit.classify.country_texts_s14 import COUNTRY_TEXTS_S14

# Toponyms briefgen does not count on purpose: Brussels stands for the EU in news (README "Classification").
NOT_COUNTED = {"c14-roundup-europe": {"BE"}}


@pytest.mark.parametrize(("cid", "title", "body", "gold"), COUNTRY_TEXTS_S14, ids=[t[0] for t in COUNTRY_TEXTS_S14])
def test_countries_of_a_web_news_text_match_its_counted_toponyms(cid, title, body, gold):
    got = classify_text(title, None, body, "en", None)
    top = max(gold.values())
    about = {code for code, n in gold.items() if n >= 2 or n == top}
    assert set(got.countries) == about, (got.countries, got.explain)
    assert set(got.mentions) == set(gold) - NOT_COUNTED.get(cid, set()), got.mentions
