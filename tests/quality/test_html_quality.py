"""The HTML quality gate: briefgen's article from every source.html of the 49 development pages
(tests/data/samples/pages) and of the world set (../shared/samples/pages-world, 206 pages in 23
languages), against the reference text and meta.json.

Body: mean token F1 (briefgen.ingest.score) per language and overall. Metadata: title exact
(score.same_title), date within a day, language. Floors are the measured figures less a small margin
(README "Cleaning quality"); raising one is a deliberate commit, lowering one is not done. Each page is
ingested once per test session (tests/quality/html_eval.py caches the Articles).
"""
from __future__ import annotations

import json
from datetime import date as Date

import pytest

from briefgen.ingest.score import by_language, same_title, score
from briefgen.model import Article
from tests.quality import html_eval

# Pinned F1 floors per language (languages with 3 pages or more) and overall, per corpus: the figures measured
# in session 9 (README "Cleaning quality", HTML pages; scripts/html_per_page.py) less 0.001, cut to three
# decimals; less 0.01 for Japanese and Korean, whose token count depends on how the scorer splits CJK text.
# (Until session 8: measured less 0.01.) Session 10 (steps rejoin and agreed_end): world de 0.9787, en 0.9713.
# Session 12 (furniture phrases, step boxes): dev en 0.9881, all 0.9850; world en 0.9738, all 0.9699; step
# continued: world en 0.9790, all 0.9717. Session 14 (step script_body anchored on the headline: ko-hankookilbo's
# article from its state, 0 -> 0.972 with its captions gone): world ko 0.9788, all 0.9765. Session 15 (step gaps
# across boxes): world de 0.9809.
F1_FLOORS = {
    "dev": {"de": 0.975, "en": 0.987, "fr": 0.979, "it": 0.994, "all": 0.984},
    "world": {"de": 0.979, "en": 0.978, "es": 0.985, "ja": 0.926, "no": 0.948, "tr": 0.982, "ko": 0.968,
              "cs": 0.963, "sv": 0.975, "zu": 0.995, "all": 0.975},
}
# Pinned counts: (title exact, date within a day, language) per corpus; measured 42/49/49 and 178/203/205;
# session 11: world titles 179 (a kicker the <h1> prints kept: html._strip_site(printed=…)), floor 179.
META_FLOORS = {"dev": (41, 48, 48), "world": (179, 200, 202)}
# Titles exact when the page's og:title, twitter:title and JSON-LD headline are ignored (older sites have
# none): the <h1>, headings, <title>, home links, menu links and shown texts alone. Measured 37/49 and
# 159/206 (before: 30 and 148; 36 and 156 before the menu-section, long-<h1> and shown-part rules).
# Session 13: world 160 (the page's one short <h1> beside an SEO <title> it also prints: ru-kommersant), dev 36.
BARE_TITLE_FLOORS = {"dev": 36, "world": 160}
# Body F1 of the pages as older markup (html_eval.old_markup: no class, id, role, data-, aria- or microdata
# attribute, HTML5 sectioning elements made <div>s), through the furniture filter as the pages as they are:
# measured 0.9646 (dev) and 0.9589 (world) in session 10 (steps rejoin and agreed_end), pinned less 0.001
# (session 9: 0.9600 and 0.9552; session 7: 0.9547 and 0.9496, pinned less 0.01).
# Session 11 (pages composed before the steps, rejoin first): world 0.9597, dev 0.9646. Session 12 (furniture
# phrases, step boxes): world 0.9614, dev 0.9681. Session 14 (ko-hankookilbo read from its state): world 0.9665.
# Session 15 (step gaps across boxes): dev 0.9696, world 0.9690.
OLD_MARKUP_FLOORS = {"dev": 0.968, "world": 0.968}
# Pages that give no brief, each with its reason (every other page must give one). (ko-hankookilbo-2026-01-29,
# whose article exists only in a script's state, gives one since session 14's headline anchor of step script_body.)
NO_ARTICLE: dict[str, str] = {}


def _corpus(name: str) -> list:
    if name == "world" and html_eval.world_pages() is None:
        pytest.skip("pages-world not found: put the shared folder beside the repository (../shared) "
                    "or set BRIEFGEN_SHARED=/path/to/shared")
    return html_eval.cases(name)


@pytest.fixture(scope="module", params=["dev", "world"])
def corpus(request):
    paths = _corpus(request.param)
    return request.param, paths, html_eval.articles(request.param)


def test_html_body_f1_stays_above_the_pinned_floors(corpus):
    name, paths, articles = corpus
    texts = html_eval.cached("briefgen", name)
    per_case = {p.name: score(texts[p.name], (p / "expected.txt").read_text(encoding="utf-8")) for p in paths}
    table = by_language(per_case)
    low = [f"{name}/{lang}: F1={table[lang].f1:.3f} < {floor}" for lang, floor in F1_FLOORS[name].items()
           if table[lang].f1 < floor]
    assert not low, "HTML cleaning quality dropped:\n" + "\n".join(low)


def test_html_body_f1_on_older_markup_stays_above_the_pinned_floor(corpus):
    name, paths, _ = corpus
    texts = html_eval.old_markup_texts(name)
    f1 = sum(score(texts[p.name], (p / "expected.txt").read_text(encoding="utf-8")).f1 for p in paths) / len(paths)
    assert f1 >= OLD_MARKUP_FLOORS[name], f"{name}: F1 as older markup {f1:.3f} < {OLD_MARKUP_FLOORS[name]}"


def test_every_page_with_an_article_gives_a_brief(corpus):
    name, paths, articles = corpus
    refused = {case: str(a) for case, a in articles.items() if not isinstance(a, Article)}
    unexpected = {c: why for c, why in refused.items() if c not in NO_ARTICLE}
    assert not unexpected, f"{name}: pages with an article gave no brief:\n" + "\n".join(
        f"{c}: {why}" for c, why in unexpected.items())


def test_html_metadata_stays_above_the_pinned_floors(corpus):
    name, paths, articles = corpus
    titles = dates = langs = 0
    missed = []
    for p in paths:
        want = json.loads((p / "meta.json").read_text(encoding="utf-8"))
        a = articles[p.name]
        if not isinstance(a, Article):
            missed.append(f"{p.name}: no article")
            continue
        ok = same_title(a.title, want["title"])
        titles += ok
        if not ok:
            missed.append(f"{p.name}: {a.title!r} (want {want['title']!r})")
        dates += a.date is not None and abs((a.date.date() - Date.fromisoformat(want["date"])).days) <= 1
        langs += a.lang == want["lang"]
    floors = META_FLOORS[name]
    got = (titles, dates, langs)
    assert all(g >= f for g, f in zip(got, floors)), \
        f"{name}: title/date/lang {got} below {floors}; titles missed:\n" + "\n".join(missed)


def test_titles_without_og_title_or_json_ld_stay_above_the_pinned_floors(corpus):
    name, paths, _ = corpus
    titles = html_eval.titles_without_meta(name)
    missed, right = [], 0
    for p in paths:
        want = json.loads((p / "meta.json").read_text(encoding="utf-8"))["title"]
        ok = same_title(titles[p.name], want)
        right += ok
        if not ok:
            missed.append(f"{p.name}: {titles[p.name]!r} (want {want!r})")
    assert right >= BARE_TITLE_FLOORS[name], \
        f"{name}: {right} titles without og/JSON-LD < {BARE_TITLE_FLOORS[name]}:\n" + "\n".join(missed)
