from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from briefgen.ingest import dates

REF = date(2026, 1, 16)
CET = timezone(timedelta(hours=1))


@pytest.mark.parametrize("text, want", [
    ("16 janvier 2026, 09:41", datetime(2026, 1, 16, 9, 41)),
    ("16.01.2026 – 10:12", datetime(2026, 1, 16, 10, 12)),
    ("Jan. 16, 2026", datetime(2026, 1, 16)),
    ("Publiziert 17. Dezember 2024, 12:17", datetime(2024, 12, 17, 12, 17)),
    ("Stand: 28.04.2023 17:23 Uhr", datetime(2023, 4, 28, 17, 23)),
    ("Le 17/12/2024 à 12h17", datetime(2024, 12, 17, 12, 17)),
    ("5 gennaio 2025", datetime(2025, 1, 5)),
    ("March 7, 2024 7:55 PM", datetime(2024, 3, 7, 19, 55)),
])
def test_can_parse_absolute_dates(text, want):
    assert dates.parse(text, REF) == want


@pytest.mark.parametrize("text, want", [
    ("Sat 24 Feb 2024 12.42 CET", datetime(2024, 2, 24, 12, 42, tzinfo=CET)),
    ("Publié le 06/01/2026 - 14:16 UTC+1", datetime(2026, 1, 6, 14, 16, tzinfo=CET)),
    ("2024-03-07T08:12:00Z", datetime(2024, 3, 7, 8, 12, tzinfo=UTC)),
    ("March 7, 2024 7:55 AM UTC", datetime(2024, 3, 7, 7, 55, tzinfo=UTC)),
])
def test_keeps_the_time_zone_the_page_gives(text, want):
    got = dates.parse(text, REF)
    assert got == want and got.utcoffset() == want.utcoffset()


@pytest.mark.parametrize("text, want", [
    ("Publié: il y a 36 minutes", datetime(2026, 1, 16)),
    ("vor 2 Stunden", datetime(2026, 1, 16)),
    ("il y a 3 jours", datetime(2026, 1, 13)),
    ("2 days ago", datetime(2026, 1, 14)),
    ("Online seit heute, 7.57 Uhr", datetime(2026, 1, 16, 7, 57)),
    ("gestern, 18:00", datetime(2026, 1, 15, 18, 0)),
])
def test_can_parse_dates_relative_to_the_dump_date(text, want):
    assert dates.parse(text, REF) == want


def test_relative_dates_need_a_reference():
    assert dates.parse("il y a 36 minutes", None) is None


def test_errors_on_impossible_dates():
    with pytest.raises(dates.DateError):
        dates.parse("31.02.2024", REF)
    with pytest.raises(dates.DateError):
        dates.parse_date_line("2026-13-45")


def test_errors_on_far_future_dates():
    with pytest.raises(dates.DateError, match="future"):
        dates.check(datetime(2031, 1, 1), REF)
    dates.check(datetime(2026, 1, 17, 1, 0), REF)   # a time zone ahead: still fine


def test_can_fall_back_to_dateparser_for_odd_date_lines():
    assert dates.parse("Publié il y a une heure", REF) is None      # regexes need digits
    got = dates.parse("Publié il y a une heure", REF, slow=True)
    assert got is not None and got.date() in (date(2026, 1, 15), date(2026, 1, 16))
