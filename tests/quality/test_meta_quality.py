"""The date and language gate: publication date within a day and language of every sample page of
both corpora (tests/data/samples/pages and the shared pages-world set), from dumps and from HTML, per
language and overall, against meta.json. A page that gives no brief counts as wrong.

Floors are counts of right pages: the measured figures (README "Cleaning quality", `python -m
briefgen.ingest.meta_score`) less a small margin; they are raised when the figures rise, never lowered.
Nothing here is fitted: the language detector is py3langid's shipped model, dates are rules.
"""
from __future__ import annotations

import json

import pytest

from briefgen.ingest.meta_score import by_language, corpora, evaluate

# (date within a day, language) per language: dumps and HTML over pages + pages-world (255 cases).
FLOORS = {
    "dump": {"all": (247, 247), "de": (103, 103), "en": (80, 80), "fr": (7, 7), "it": (4, 4), "es": (7, 7),
             "no": (5, 5), "sv": (3, 3), "da": (2, 2), "nl": (1, 1), "cs": (3, 3), "tr": (4, 4), "zu": (3, 3),
             "xh": (2, 2), "ru": (2, 2), "pl": (2, 2), "ko": (3, 3), "ja": (8, 8), "zh": (1, 1), "id": (1, 1),
             "ar": (1, 1), "hi": (1, 1), "is": (1, 1), "lt": (1, 1), "sw": (1, 1), "vi": (1, 1)},
    "html": {"all": (250, 252), "de": (104, 105), "en": (81, 81), "fr": (7, 7), "it": (4, 4), "es": (8, 8),
             "no": (5, 5), "sv": (3, 3), "da": (2, 2), "nl": (1, 1), "cs": (3, 3), "tr": (4, 5), "zu": (3, 3),
             "xh": (2, 2), "ru": (2, 2), "pl": (2, 2), "ko": (3, 3), "ja": (8, 8), "zh": (1, 1), "id": (1, 1), "ar": (1, 1),
             "hi": (1, 1), "is": (1, 1), "lt": (1, 1), "sw": (1, 1), "vi": (1, 1)},
}
# Publication date on the very day of meta.json's, all languages (both corpora).
SAME_DAY_FLOORS = {"dump": 249, "html": 249}
# The 49 cases of tests/data/samples/pages alone (always present): (date, language).
PAGES_FLOORS = {"dump": (49, 49), "html": (49, 49)}
DETECTOR_FLOOR = 253   # of 255: the detector on title + reference text (perfect cleaning)


def _world():
    world = corpora()["pages-world"]
    if world is None:
        pytest.skip("samples/pages-world not found: put the shared samples beside the repository "
                    "(../shared/samples) or set BRIEFGEN_SHARED; only the 49 pages in tests/data are gated")
    return world


@pytest.mark.parametrize("kind", ["dump", "html"])
def test_dates_and_languages_of_the_repository_pages(kind):
    cases = evaluate(corpora()["pages"], kind)
    got = (sum(c.date_ok for c in cases), sum(c.lang_ok for c in cases))
    wrong = [f"{c.case}: date {'ok' if c.date_ok else 'WRONG'}, lang {'ok' if c.lang_ok else 'WRONG'}"
             for c in cases if not (c.date_ok and c.lang_ok)]
    assert got >= PAGES_FLOORS[kind], f"{kind}: date/lang {got} below {PAGES_FLOORS[kind]}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("kind", ["dump", "html"])
def test_dates_and_languages_of_both_corpora_per_language(kind):
    world = _world()
    cases = evaluate(corpora()["pages"], kind) + evaluate(world, kind)
    groups = by_language(cases)
    low = []
    for lang, (date_floor, lang_floor) in FLOORS[kind].items():
        group = groups.get(lang, [])
        got = (sum(c.date_ok for c in group), sum(c.lang_ok for c in group))
        if got[0] < date_floor or got[1] < lang_floor:
            wrong = ", ".join(c.case for c in group if not (c.date_ok and c.lang_ok))
            low.append(f"{kind}/{lang}: date {got[0]} (floor {date_floor}), lang {got[1]} (floor {lang_floor}); "
                       f"wrong: {wrong}")
    same = sum(c.same_day for c in cases)
    if same < SAME_DAY_FLOORS[kind]:
        low.append(f"{kind}: same day {same} (floor {SAME_DAY_FLOORS[kind]}); not: "
                   + ", ".join(c.case for c in cases if not c.same_day))
    assert not low, "\n".join(low)


def test_the_language_detector_on_the_reference_texts():
    from briefgen.ingest.meta import detect_lang

    world = _world()
    wrong, n = [], 0
    for folder in (corpora()["pages"], world):
        for case in sorted(p for p in folder.iterdir() if (p / "meta.json").is_file()):
            want = json.loads((case / "meta.json").read_text(encoding="utf-8"))
            text = want["title"] + "\n" + (case / "expected.txt").read_text(encoding="utf-8")
            n += 1
            if (got := detect_lang(text)) != want["lang"]:
                wrong.append(f"{case.name}: {got}")
    assert n - len(wrong) >= DETECTOR_FLOOR, "\n".join(wrong)


# Dumps as older pages come (README "Dates and languages over both corpora", `python -m
# briefgen.ingest.meta_score --degraded`): without their `date` line (measured 195 on the same day, 10
# wrong, 50 without a date on the page) and with it 100 days after the article (195; before the header
# date rules 180 and 148); without it and with the date only in a byline (235, none wrong), or among a
# sidebar's recent posts and readers' comments (195: the lists are no dates of the article); with it 100
# days later and the date only in a byline without its year ("By Jane Doe, 3. März": 232; 1 before dates
# without a year were read).
# Without a `date` line, the date only in a byline in the digits of the page's language ("By Jane Doe,
# 2/26/2015", "26.2.2015", "2015/2/26": 238, none wrong; the misses are bylines inserted outside the meta
# window and pages whose dump holds no article).
# Session 7: without a `date` line and no date by the header, a date line anywhere on the page, the nearest
# to the text's start (an old blog's "This entry was posted on …" below the post): no-date 198 -> 209 (10 -> 16
# wrong: each of the 17 pages that now give a date gave no brief before), byline 235 -> 247, numeric 238 -> 249.
# Session 8 (main at 4807d49 with session 8's date commits): later 196, yearless 233 (17 wrong: the byline
# inserted mid-text or in a sidebar, far from the text's start).
# Session 14: a date line's byline part set apart by bars is not counted, a labelled publication date anywhere beats
# dates inside captions (beside a `date` line when days before it), a labelled two-digit-year line below the text,
# Norwegian read by dateparser as "nb": no-date 209 -> 212 (16 -> 14 wrong), later 197 -> 202 (52 -> 47), lists
# 209 -> 212, yearless 235 -> 236; byline 247, numeric 249 as before.
DEGRADED_DUMP_FLOORS = {"dump-nodate": 212, "dump-later": 202, "dump-byline": 243, "dump-other-dates": 212,
                        "dump-yearless": 236, "dump-numeric": 245}
# HTML pages without machine-readable dates whose only date is an old blog's "Posted on …" line (246), or
# with a sidebar of recent posts and readers' comments added (230; 209 before htmldate's guess was made
# on the page without its dated lists; trafilatura's metadata 177).
# No date printed but a "Posted on" line without its year and readers' comments below (245; 200 before the
# printed date was read by the <h1> printing the title, 76 before such dates were read on the HTML path).
# No language declared and the date only in a "Posted on" line in the language's digits (250; 241 before the
# printed date was read by the <h1> printing the title rather than an earlier copy of it; trafilatura 224).
# Session 8: machine timestamps written in UTC, the printed date kept (248: a print edition's "Ausgabe vom"
# day no longer moves a UTC afternoon to the next day); "Posted on" 249, with lists 233, without its year 245.
# Session 9: html-utc 249 (a printed day no clock of the page's language shows at that moment, an unlabelled
# edition's next day beside a German afternoon, no longer moves the UTC stamp).
DEGRADED_HTML_FLOORS = {"html-posted": 246, "html-other-dates": 230, "html-yearless": 242, "html-numeric": 246,
                        "html-utc": 247}


@pytest.mark.parametrize("kind", sorted(DEGRADED_DUMP_FLOORS))
def test_dump_dates_without_a_trustworthy_date_line(kind):
    from briefgen.ingest.meta_score import degraded

    world = _world()
    cases = degraded(corpora()["pages"], kind) + degraded(world, kind)
    right = sum(c.ours for c in cases)
    assert right >= DEGRADED_DUMP_FLOORS[kind], f"{kind}: {right} same day < {DEGRADED_DUMP_FLOORS[kind]}; " \
        "wrong: " + ", ".join(c.case for c in cases if c.wrong)


@pytest.mark.parametrize("kind", sorted(DEGRADED_HTML_FLOORS))
def test_html_dates_of_older_pages(kind):
    from briefgen.ingest.meta_score import degraded

    world = _world()
    cases = degraded(corpora()["pages"], kind, False) + degraded(world, kind, False)
    right = sum(c.ours for c in cases)
    assert right >= DEGRADED_HTML_FLOORS[kind], f"{kind}: {right} same day < {DEGRADED_HTML_FLOORS[kind]}; " \
        "not: " + ", ".join(c.case for c in cases if not c.ours)


# Session 9: each page laid out as an old blog theme lays it out (meta_score.with_blog_layout: no title
# metas or JSON-LD, the blog's name the only <h1>, a link to its home page, the page's <h1>s set as <h2>s):
# with the document title "Blog » Headline" (measured 250, as main before session 9), and with the blog's
# name alone as the document title (measured 121; main before session 9 18: the text right above the first
# paragraph was a byline, a credit or a share row; now the nearest heading above it that uses two of the
# article's words). trafilatura's metadata takes the blog's name, the only <h1>, on nearly every page.
# Session 10: the blog's name a plain <h1> (no link) above a tagline, the document title "Headline | Blog"
# (html-blog-plain-titles): main before session 10 137, measured 225 (html._h1_is_site); the blog's name alone
# measured 123 (the heading search's full reach).
DEGRADED_TITLE_FLOORS = {"html-blog-titles": 247, "html-blog-name-titles": 120, "html-blog-plain-titles": 222}


@pytest.mark.parametrize("kind", sorted(DEGRADED_TITLE_FLOORS))
def test_html_titles_of_pages_laid_out_as_old_blogs(kind):
    from briefgen.ingest.meta_score import degraded

    world = _world()
    cases = degraded(corpora()["pages"], kind, False) + degraded(world, kind, False)
    right = sum(c.ours for c in cases)
    assert right >= DEGRADED_TITLE_FLOORS[kind], f"{kind}: {right} exact < {DEGRADED_TITLE_FLOORS[kind]}"
