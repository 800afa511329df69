"""Robustness of dump cleaning on hand-made degraded copies of sample pages.

Furniture that older and smaller sites put around or inside the article, which the 255 sample pages rarely
show: a video player's control and dialog text, a photo gallery of fifty "n/50" slides, a row of teaser
cards (a headline and a one-sentence summary each) between paragraphs, a short readers' comment thread
below the article. Each block is written here by hand (no page's lines) and inserted into a real dump of
tests/data/samples/pages; the shipped model must drop every line of it and keep the article around it.
Limits found this way are listed in README "Cleaning quality" (a long comment thread with no marker above it,
the lead above a gallery on some pages).
"""
from __future__ import annotations

import pytest

from briefgen.ingest import meta
from briefgen.ingest.clean import clean_dump
from briefgen.ingest.score import score
from tests.conftest import SAMPLES

PAGES = ("en-apnews-2024-09-03", "en-restofworld-2025-10-21", "en-techcrunch-2024-05-17",
         "en-theintercept-2024-02-28", "en-voiceofamerica-2024-04-28", "en-washingtonpost-2024-04-26")

VIDEO = ("Play Video\nPlay\nMute\nCurrent Time 0:00\n/\nDuration 2:34\nLoaded: 0%\nStream Type LIVE\n"
         "Remaining Time -2:34\n1x\nPlayback Rate\nChapters\nCaptions\ncaptions off, selected\nFullscreen\n"
         "This is a modal window.\nBeginning of dialog window. Escape will cancel and close the window.\n"
         "End of dialog window.")
CAPTIONS = ("Firefighters at work on the scene on Thursday evening.", "Residents gather outside the building.",
            "A view of the damaged facade from across the street.", "Emergency vehicles line the road.",
            "Neighbours bring blankets and water to the families.", "The mayor speaks to the press on Friday.")
GALLERY = "\n".join(f"{k + 1}/50\n{CAPTIONS[k % 6]} Photo: Jane Roe/Agency" for k in range(50))
CARDS = "\n\n".join(["Related stories"] + [f"{head}\n{summary}" for head, summary in (
    ("Heatwave warning issued for the south as temperatures climb",
     "Forecasters expect the hottest week of the year, with little relief before the weekend."),
    ("City council votes to expand cycle lanes across the centre",
     "The plan, approved by a narrow majority, will add twelve kilometres of protected lanes by next spring."),
    ("Train strike called off after last-minute talks",
     "Unions said the new offer was a step forward but warned that talks were far from over."),
    ("Museum reopens after two years of renovation works",
     "Visitors can again see the collection, now displayed in three new galleries on the ground floor."))])
READERS = (
    ("johnny_b", ("This is exactly what I have been saying for years, nobody in charge ever listens to the "
                  "people who live there.")),
    ("Margaret T.", ("I disagree with most of this. The figures quoted are from last year and the situation "
                     "has changed a lot since then.")),
    ("skeptic42", ("Does anyone know whether the council has published the full report? I could not find it "
                   "on their website.")))
COMMENTS = "\n\n".join(["3 Comments", "Leave a Reply"] + [
    f"{name}\nMarch {k + 3}, 2015 at {k + 9}:15 am\n\n{text}\n\nReply" for k, (name, text) in enumerate(READERS)])


def _page(case: str) -> tuple[str, str]:
    folder = SAMPLES / "pages" / case
    _, _, text = meta.split_prefix((folder / "dump.txt").read_text(encoding="utf-8"))
    return text, (folder / "expected.txt").read_text(encoding="utf-8")


def _insert(text: str, expected: str, after: int, block: str) -> str:
    """The dump with `block` set apart below the reference's paragraph number `after` (-1: the last)."""
    anchor = [p for p in expected.split("\n") if len(p.split()) >= 12][after][:60]
    at = text.index(anchor)
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return f"{text[:end]}\n\n{block}\n{text[end:]}"


def _body(cleaned) -> str:
    return "\n".join(b.text for b in cleaned.blocks)


def _furniture_kept(cleaned, block: str) -> list[str]:
    lines = {ln.strip() for ln in block.split("\n") if len(ln.split()) >= 3}
    return [b.text for b in cleaned.blocks if any(ln in b.text for ln in lines)]


@pytest.mark.parametrize("case", PAGES)
@pytest.mark.parametrize(("name", "after", "block"), [
    ("teaser cards", 2, CARDS), ("comments", -1, COMMENTS)])
def test_inserted_furniture_is_dropped_and_the_article_kept(case, name, after, block):
    text, expected = _page(case)
    before = score(_body(clean_dump(text)), expected)
    cleaned = clean_dump(_insert(text, expected, after, block))
    assert _furniture_kept(cleaned, block) == []
    got = score(_body(cleaned), expected)
    assert got.recall >= before.recall - 0.02, (name, before, got)
    assert got.f1 >= before.f1 - 0.02, (name, before, got)


@pytest.mark.parametrize("case", PAGES)
@pytest.mark.parametrize("block", [GALLERY, VIDEO], ids=["gallery", "video player"])
def test_a_gallery_or_player_is_dropped_and_the_text_below_it_kept(case, block):
    """Fifty slides or a video player right below the opening paragraphs. The text below stays; the
    paragraphs above are lost on some pages (their neighbours below are all rejected, README "Cleaning
    quality")."""
    text, expected = _page(case)
    paragraphs = [p for p in expected.split("\n") if len(p.split()) >= 12]
    below = "\n".join(paragraphs[2:])
    before = score(_body(clean_dump(text)), below)
    cleaned = clean_dump(_insert(text, expected, 1, block))
    assert _furniture_kept(cleaned, block) == []
    assert score(_body(cleaned), below).recall >= before.recall - 0.02
