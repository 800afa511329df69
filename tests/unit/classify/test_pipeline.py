"""The classifier end to end: the sample brief and Article input. Speed is measured in bench/
(bench/classify_speed.py), not in tests: a timed test fails on a loaded machine."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefgen.classify.pipeline import classify, classify_text, paragraphs_of
from briefgen.model import Article, Block

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
SAMPLE = SAMPLES / "raw" / "20min-fr-japon-etats-unis.expected.yaml"
ALLOWED_THEMES = {"defence", "diplomacy", "trade", "politics"}


@pytest.fixture(scope="module")
def sample() -> dict:
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))


def check_sample_labels(labels) -> None:
    assert sorted(labels.countries) == ["CN", "JP", "TW", "US"]
    assert "KR" not in labels.countries
    assert set(labels.regions) == {"eastern-asia", "northern-america"}
    assert "defence" in labels.themes and set(labels.themes) <= ALLOWED_THEMES


def test_sample_brief_gets_exactly_its_countries_regions_and_themes(sample):
    labels = classify_text(sample["title"], sample["lead"], sample["body_markdown"], "fr", None,
                           kicker=sample["kicker"])
    check_sample_labels(labels)
    assert labels.countries[0] == "JP"
    body = sample["body_markdown"]
    assert 2 <= len(labels.key_points) <= 4 and all(p in body for p in labels.key_points)


def test_sample_classified_from_the_cleaned_raw_article():
    ingest = pytest.importorskip("briefgen.ingest.pipeline")
    article = ingest.ingest_file(SAMPLES / "raw" / "20min-fr-japon-etats-unis.txt")
    check_sample_labels(classify(article, None))


def test_classifies_an_article_record():
    article = Article(title="Sweden tightens gang laws", lang="en", lead="Swedish police get new powers.",
                      blocks=(Block("paragraph", "Stockholm said Swedish gangs recruit children. Sweden's "
                                                 "government will change the law."),
                              Block("heading", "A wave of shootings"),
                              Block("list", items=("More police in Malmö.", "Longer sentences."))))
    labels = classify(article, None)
    assert labels.countries == ("SE",) and labels.regions == ("northern-europe",)
    assert labels.mentions["SE"] >= 4
    assert any(key.startswith("country:SE") for key in labels.explain)


def test_reads_markdown_bodies():
    assert paragraphs_of("## Heading\n\nFirst line\nsame *paragraph*.\n\n- item one\n- [item](http://x) two") == [
        "Heading", "First line same paragraph.", "item one item two"]


def test_a_short_brief_still_gets_its_theme():
    labels = classify_text("Norway boosts Arctic patrols", "Oslo will add two frigates to its northern fleet.",
                           "Norway will station two more frigates in the Arctic, the defence ministry said.", "en",
                           None)
    assert labels.themes[:1] == ("defence",) and labels.countries == ("NO",)

