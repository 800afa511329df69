"""Furniture lines, written here by hand in each page's language (no page's lines), inserted into real
dumps of tests/data/samples/pages between two of the article's paragraphs, as older and smaller sites set
them: a "read also" link, a photo credit, a newsletter box, a contributors' line at the end. The full
ingest (line model, then briefgen/ingest/furniture.py) must drop each and keep the article around it."""
from __future__ import annotations

import pytest

from briefgen.ingest.pipeline import ingest_file, ingest_raw
from briefgen.ingest.score import article_text
from briefgen.ingest.snippet_score import joined
from briefgen.model import RawArticle
from tests.conftest import SAMPLES

INSIDE = {
    "de": ["Lesen Sie auch: Warum die Stadtwerke ihre Preise im Herbst erhöhen wollen",
           "Foto: Jana Beispiel/dpa",
           "Sie möchten keine Nachricht verpassen? Dann abonnieren Sie unseren kostenlosen Newsletter."],
    "fr": ["À lire aussi : Pourquoi les régions réclament davantage de moyens à l'État",
           "Crédit photo : Jeanne Exemple / AFP",
           "Vous souhaitez recevoir l'essentiel de l'actualité ? Abonnez-vous à notre newsletter gratuite."],
    "it": ["Leggi anche: Perché i comuni chiedono più fondi allo Stato per le scuole",
           "Foto: Giulia Esempio/ANSA",
           "Vuoi ricevere le notizie del giorno? Iscriviti alla nostra newsletter, la trovi nella tua casella."],
    "en": ["READ MORE: Why the council wants to raise parking fees across the city centre",
           "Photo: Jane Example/Reuters",
           "Want the day's news in your inbox? Sign up to our free morning newsletter."],
}
END = {"de": "Mitarbeit: Jana Beispiel und Tom Muster", "fr": "Traduction : Jeanne Exemple",
       "it": "Traduzione: Giulia Esempio", "en": "Reporting by Jane Example; Editing by John Sample"}
PAGES = ["de-spiegelonline-2023-04-28", "de-zdf-2025-11-07", "fr-lefigaro-2024-04-30", "fr-euronewsfr-2024-04-30",
         "it-ilgiornale-2025-02-04", "it-larepubblica-2025-01-05", "en-apnews-2024-09-03",
         "en-theintercept-2024-02-28"]


def _paragraphs(expected: str) -> list[str]:
    return [p for p in expected.split("\n") if len(p.split()) >= 12]


def _degraded(case: str) -> tuple[str, str, list[str]]:
    folder = SAMPLES / "pages" / case
    dump = (folder / "dump.txt").read_text(encoding="utf-8")
    expected = (folder / "expected.txt").read_text(encoding="utf-8")
    lang = case.split("-", 1)[0]
    paras = _paragraphs(expected)
    for anchor, block in ((paras[1][:60], "\n\n".join(INSIDE[lang])), (paras[-1][-60:], END[lang])):
        at = dump.index(anchor)
        end = dump.find("\n", at)
        end = len(dump) if end < 0 else end
        dump = f"{dump[:end]}\n\n{block}\n{dump[end:]}"
    return dump, expected, INSIDE[lang] + [END[lang]]


@pytest.mark.parametrize("case", PAGES)
def test_inserted_furniture_goes_and_the_article_stays(case):
    if not (SAMPLES / "pages" / case).is_dir():
        pytest.skip(f"{case} not among the sample pages")
    dump, expected, lines = _degraded(case)
    text = article_text(ingest_raw(RawArticle(path=SAMPLES / "pages" / case / "dump.txt", name=case,
                                              kind="dump", text=dump, sha256="")))
    kept = [ln for ln in lines if ln[:40] in text]
    assert not kept, f"{case}: furniture kept: {kept}"
    paras = _paragraphs(expected)
    for p in (paras[0], paras[1], paras[2] if len(paras) > 2 else paras[-1], paras[-1]):
        assert p[:50] in text, f"{case}: article paragraph lost: {p[:80]}"


def _degraded_html(case: str) -> tuple[str, str, list[str]]:
    """The page's HTML with the same lines as <p> elements after the article's 2nd and last paragraphs."""
    import lxml.html

    from briefgen.ingest.readers import read_raw

    folder = SAMPLES / "pages" / case
    doc = lxml.html.document_fromstring(read_raw(folder / "source.html").text)
    expected = (folder / "expected.txt").read_text(encoding="utf-8")
    lang = case.split("-", 1)[0]
    paras = _paragraphs(expected)
    for anchor, lines in ((paras[1][:40], INSIDE[lang]), (paras[-1][-40:], [END[lang]])):
        p = next((el for el in doc.iter("p") if anchor in " ".join(el.text_content().split())), None)
        if p is None:
            pytest.skip(f"{case}: the paragraph is not one <p>")
        for line in reversed(lines):
            new = lxml.html.Element("p")
            new.text = line
            p.addnext(new)
    return lxml.html.tostring(doc, encoding="unicode"), expected, INSIDE[lang] + [END[lang]]


@pytest.mark.parametrize("case", PAGES)
def test_inserted_furniture_goes_from_the_html_path_too(case):
    if not (SAMPLES / "pages" / case).is_dir():
        pytest.skip(f"{case} not among the sample pages")
    html, _expected, lines = _degraded_html(case)
    text = article_text(ingest_raw(RawArticle(path=SAMPLES / "pages" / case / "source.html", name=case,
                                              kind="html", text=html, sha256="")))
    kept = [ln for ln in lines if ln[:40] in text]
    assert not kept, f"{case}: furniture kept: {kept}"
    before = article_text(ingest_file(SAMPLES / "pages" / case / "source.html"))
    assert joined(before) in joined(text), f"{case}: the article as the page gives it is not whole"
