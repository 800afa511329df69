"""Fuzzing ingest: the date parser, the dump cleaner, the HTML reader and ingesting one file.

Promise: arbitrary text, bytes and Unicode (RTL, combining marks, emoji, NUL, lone surrogates,
10 MB lines) never crash them: a result, or an error of the tree the caller turns into a report
line (BriefgenError; for the date parser also its documented DateError).
"""
from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.reliability.hostile import BIG_LINE, FUZZ, NASTY_FRAGMENTS, hostile_text, total

dates = pytest.importorskip("briefgen.ingest.dates")

DATE_WORDS = ["il y a", "vor", "fa", "ago", "heute", "hier", "gestern", "oggi", "Uhr", "GMT", "UTC", "CEST",
              "janvier", "März", "MÄRZ", "settembre", "Sept.", "am", "p.m.", "jours", "Stunden", "days"]
date_like = st.lists(st.one_of(st.integers(-10**30, 10**30).map(str), st.sampled_from(DATE_WORDS),
                               st.sampled_from(["+", "-", ":", ".", "/", " ", "\u017f", "\u212a", "\u0130"]),
                               hostile_text), max_size=14).map(" ".join)


def _parse_total(text: str, ref):
    try:
        return dates.parse(text, ref)
    except dates.DateError as exc:  # documented: an impossible or out-of-range date, reported by ingest
        assert str(exc)
        return exc


@FUZZ
@given(st.one_of(hostile_text, date_like), st.one_of(st.none(), st.dates()))
@example("il y a 99999999999999 jours", date(2026, 1, 16))    # timedelta overflow
@example("16.01.2026 10:00 GMT+99", None)                     # offset beyond ±24 h
@example("heute 7:57 GMT-30", date(2026, 1, 16))
@example("16 \u017feptember 2026", None)                        # long s matches 's' under re.I
@example("vor 3 Tagen", date(1, 1, 2))                           # before date.min
def test_date_parser_never_crashes(text, ref):
    result = _parse_total(text, ref)
    if result is not None and not isinstance(result, Exception):
        assert result.year >= 1


@FUZZ
@given(st.one_of(hostile_text, date_like))
def test_date_line_parser_never_crashes(text):
    try:
        dates.parse_date_line(text)
    except dates.DateError:
        pass


def test_date_parser_handles_a_10_mb_line_quickly():
    start = time.monotonic()
    _parse_total(BIG_LINE, date(2026, 1, 16))
    _parse_total("16." * 300_000, date(2026, 1, 16))  # 1 MB of near-dates
    assert time.monotonic() - start < 60  # ~13 s here: regex scans of 20 MB, not a hang


# --- the dump cleaner and ingesting one file -------------------------------------------------------

from briefgen.errors import BriefgenError
from tests.reliability.conftest import SAMPLES

clean = pytest.importorskip("briefgen.ingest.clean")
ingest = pytest.importorskip("briefgen.ingest.pipeline")

_SAMPLE_LINES = [ln for p in sorted((SAMPLES / "pages").glob("*/dump.txt"))[:12]
                 for ln in p.read_text(encoding="utf-8").splitlines()[:80] if ln.strip()]
dump_like = st.builds(
    lambda head, lines: head + "\n".join(lines),
    st.sampled_from(["date 2026-01-16\n", "date 2026-02-30\n", "date \ud800\n", "", "languages de fr\n",
                     "date 2026-01-16\ntranslations: de, fr\n"]),
    st.lists(st.one_of(st.sampled_from(_SAMPLE_LINES), hostile_text, st.sampled_from(NASTY_FRAGMENTS)),
             max_size=40))


def _raw(text: str, kind: str = "dump"):
    from pathlib import Path

    from briefgen.model import RawArticle

    return RawArticle(path=Path(f"hostile.{'txt' if kind == 'dump' else 'html'}"), name="hostile.txt",
                      kind=kind, text=text, sha256="0" * 64)


@FUZZ
@given(st.one_of(hostile_text, dump_like))
def test_dump_cleaner_never_crashes(text):
    cleaned = clean.clean_dump(clean.tidy(text))
    assert all(isinstance(b.text, str) for b in cleaned.blocks)


@FUZZ
@given(st.one_of(hostile_text, dump_like))
def test_ingesting_a_dump_text_never_crashes(text):
    result = total(ingest.article_from_dump, _raw(text))
    if not isinstance(result, BriefgenError):
        assert result.title.strip() and result.date is not None


@FUZZ
@given(st.one_of(st.binary(max_size=600), dump_like.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 dump_like.map(lambda t: t.encode("utf-16", "surrogatepass")),
                 dump_like.map(lambda t: t.encode("cp1252", "replace"))))
def test_ingesting_a_dump_file_of_any_bytes_never_crashes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("raw") / "hostile.txt"
    path.write_bytes(data)
    result = total(ingest.ingest_file, path)
    if isinstance(result, BriefgenError):
        assert result.path == str(path)
    assert path.read_bytes() == data, "a raw file was modified"


@pytest.mark.parametrize("where", ["line", "article"])
def test_dump_ingest_handles_a_10_mb_line(tmp_path, where):
    sample = min((SAMPLES / "pages").glob("fr-*/dump.txt"))
    text = sample.read_text(encoding="utf-8") if sample.exists() else "date 2026-01-16\nTitre\n"
    text = text + "\n" + BIG_LINE if where == "line" else text.replace("\n\n", "\n\n" + BIG_LINE[:200_000], 50)
    path = tmp_path / "big.txt"
    path.write_text(text[: 10 * 1024 * 1024 - 1024], encoding="utf-8", errors="surrogatepass")
    start = time.monotonic()
    total(ingest.ingest_file, path)
    assert time.monotonic() - start < 60, "a 10 MB line must not make ingest crawl"


# --- the HTML reader --------------------------------------------------------------------------------

_SAMPLE_HTML = sorted((SAMPLES / "pages").glob("*/source.html"))
HTML_BITS = ["<html>", "<head>", "<title>", "</title>", "<meta charset='koi8-r'>", "<meta property='og:title' content='",
             "'>", "<body>", "<article>", "<p>", "</p>", "<h1>", "<script>", "</script>", "<!--",
             "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<!DOCTYPE html>", "<svg>", "&#0;", "&#xD800;",
             "&nbsp;", "<time datetime='", "2026-01-16T09:41:00+01:00", "<script type='application/ld+json'>",
             '{"@type": "NewsArticle", "headline": ', '"datePublished": ', "}", "<br>", "<table><tr><td>"]
html_like = st.lists(st.one_of(st.sampled_from(HTML_BITS), hostile_text, st.sampled_from(_SAMPLE_LINES)),
                     max_size=50).map("".join)


@FUZZ
@given(st.one_of(hostile_text, html_like))
# found by this test in session 13: a script's text that lxml's parser keeps but refuses to be given back
@example("<article>BayernWirtschaftVerteidigungSport#FaktenfuchsDein ArgumentKulturNetzweltRatgeberWetter"
         "VerkehrWissenBR24live<script>\x08")
def test_html_reader_never_crashes_on_any_text(text):
    html = needs_html()
    total(html.article_from_html, _raw(text, "html"))


@FUZZ
@given(st.one_of(st.binary(max_size=600), html_like.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 html_like.map(lambda t: t.encode("utf-16", "surrogatepass"))))
def test_ingesting_an_html_file_of_any_bytes_never_crashes(tmp_path_factory, data):
    needs_html()
    path = tmp_path_factory.mktemp("raw") / "hostile.html"
    path.write_bytes(data)
    total(ingest.ingest_file, path)
    assert path.read_bytes() == data


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_html_reader_survives_a_truncated_real_page(cut):
    html = needs_html()
    for page in _SAMPLE_HTML[:10]:
        text = page.read_text(encoding="utf-8")
        total(html.article_from_html, _raw(text[: int(len(text) * cut)], "html"))


def test_html_reader_handles_a_10_mb_line():
    html = needs_html()
    text = "<html><head><title>Big</title></head><body><article><p>" + BIG_LINE + "</p></article></body></html>"
    start = time.monotonic()
    total(html.article_from_html, _raw(text, "html"))
    assert time.monotonic() - start < 60


def needs_html():
    return pytest.importorskip("briefgen.ingest.html", reason="the HTML reader has not landed yet")
