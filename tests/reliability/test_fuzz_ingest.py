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
    _parse_total("16." * 3_000_000, date(2026, 1, 16))
    assert time.monotonic() - start < 30
