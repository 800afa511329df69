"""Snippet accuracy gate ("must contain / must not contain", all or nothing per page) on the 255 sample
pages: briefgen.ingest.snippet_score derives the snippets, tests/quality/snippet_eval.py runs briefgen on
every dump.txt and source.html (the HTML texts are shared with the HTML quality gate in one session).
Floors are pages passed, measured less 3; raised deliberately, never lowered (README "Cleaning quality",
"Snippet accuracy")."""
from __future__ import annotations

import pytest

from tests.quality import html_eval, snippet_eval

# Pages passed of 250 scored (5 pages' dumps hold none of the article's sentences), shipped dump model;
# measured 106 / 83 (dumps) and 148 / 118 (HTML) with briefgen/ingest/furniture.py (before it: 97 / 75 and
# 138 / 108).
DUMP_FLOORS = {"all": 103, "de/fr/it/en": 80}
HTML_FLOORS = {"all": 145, "de/fr/it/en": 115}


def _need_world():
    if html_eval.world_pages() is None:
        pytest.skip("pages-world not found: put the shared folder beside the repository (../shared) "
                    "or set BRIEFGEN_SHARED=/path/to/shared")


def _passed(verdicts) -> dict[str, int]:
    four = [v for c, v in verdicts.items() if c.split("-", 1)[0] in snippet_eval.LANGS]
    return {"all": sum(v.ok for v in verdicts.values()), "de/fr/it/en": sum(v.ok for v in four)}


def test_every_page_but_five_has_snippets():
    _need_world()
    assert len(snippet_eval.scored_cases()) >= 250
    assert sorted(snippet_eval.unscored_cases()) == [
        "de-faz-2023-04-28", "en-mexiconewsdaily-2025-04-16", "es-lavanguardia-2025-01-13",
        "ko-hankookilbo-2026-01-29", "tr-anadoluajansi-2026-04-20"]


def test_dump_snippet_accuracy_stays_above_the_floors():
    _need_world()
    got = _passed(snippet_eval.verdicts(snippet_eval.dump_texts()))
    for k, floor in DUMP_FLOORS.items():
        assert got[k] >= floor, f"dump snippet accuracy {k}: {got[k]} pages passed, floor {floor}"


def test_html_snippet_accuracy_stays_above_the_floors():
    _need_world()
    got = _passed(snippet_eval.verdicts(snippet_eval.html_texts("briefgen")))
    for k, floor in HTML_FLOORS.items():
        assert got[k] >= floor, f"HTML snippet accuracy {k}: {got[k]} pages passed, floor {floor}"
