"""The hand-annotated sample: cleaning 20min-fr-japon-etats-unis.txt must give exactly these fields."""
from __future__ import annotations

import pytest
import yaml

from briefgen.brief.render_md import render
from briefgen.ingest.pipeline import ingest_file
from briefgen.model import Classification
from tests.conftest import SAMPLES

RAW = SAMPLES / "raw" / "20min-fr-japon-etats-unis.txt"
EXPECTED = yaml.safe_load((SAMPLES / "raw" / "20min-fr-japon-etats-unis.expected.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def article():
    return ingest_file(RAW)


@pytest.fixture(scope="module")
def brief(article):
    return render(article, Classification(), "slug")


def test_can_extract_title_kicker_and_lead(article):
    assert article.title == EXPECTED["title"]
    assert article.kicker == EXPECTED["kicker"]
    assert article.lead == EXPECTED["lead"]


def test_can_extract_date_lang_and_translations(article):
    assert article.date.date().isoformat() == EXPECTED["date"]
    assert article.lang == EXPECTED["lang"]
    assert list(article.translations) == EXPECTED["translations_offered"]


def test_can_extract_agency_and_image(article):
    assert article.source.agency == EXPECTED["agency"]
    assert article.source.file == EXPECTED["source_file"]
    assert article.image.caption == EXPECTED["image"]["caption"]
    assert article.image.credit == EXPECTED["image"]["credit"]


def test_body_opens_with_the_localised_date(brief):
    assert brief.body.split("\n", 1)[0] == EXPECTED["date_display_fr"]


def test_body_matches_paragraph_for_paragraph(brief):
    body = brief.body.split("\n\n", 1)[1].strip()
    want = [p.strip() for p in EXPECTED["body_markdown"].split("\n\n")]
    got = [p.strip() for p in body.split("\n\n")]
    assert got == want


@pytest.mark.parametrize("phrase", EXPECTED["must_not_contain"])
def test_body_never_contains_boilerplate(brief, phrase):
    assert phrase not in brief.body


# Sample pages whose header used to come out wrong (a sidebar teaser as title, a widget as lead, a
# kicker glued to its title, a paragraph broken at a link): each stands for a general rule.
PAGES = SAMPLES / "pages"


def test_takes_the_headline_over_the_byline_not_a_sidebar_teaser():
    a = ingest_file(PAGES / "it-corrieredellasera-2025-02-04" / "dump.txt")
    assert a.title.startswith("Giorgia Meloni da Donald Trump a Mar-a-Lago")
    assert a.lead is None or "registrati" not in a.lead.lower()
    assert not any("Salva questo articolo" in b.text for b in a.blocks)


def test_splits_a_glued_kicker_and_title_by_the_page_s_own_punctuation():
    a = ingest_file(PAGES / "de-tagesschau-2023-04-28" / "dump.txt")
    assert a.title == "Ausschuss zur Ahrtal-Flut: Zwei Rücktritte - und viele offene Fragen"
    assert a.kicker == "Ausschuss zur Ahrtal-Flut"


def test_no_paragraph_starts_with_the_fragment_a_link_left():
    a = ingest_file(PAGES / "en-reuters-2024-03-07" / "dump.txt")
    assert not any(b.text[:1].islower() for b in a.blocks if b.kind == "paragraph")
    assert any(b.text.startswith("The report by the Netherlands Organisation") for b in a.blocks)
