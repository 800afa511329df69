"""Dates in any order and language, and the article's language in any language (texts written here)."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from briefgen.brief.render_md import date_line
from briefgen.ingest import dates
from briefgen.ingest.clean import clean_dump
from briefgen.ingest.meta import detect_lang, find_dates, split_prefix
from briefgen.site.markdown import drop_date_line


@pytest.mark.parametrize("text, want", [
    ("02.26.2015", date(2015, 2, 26)),          # a second field over 12: month first
    ("11.14.2019 10:42", date(2019, 11, 14)),
    ("26.02.2015", date(2015, 2, 26)),          # a first field over 12: day first
    ("8. 4. 2025 12:38", date(2025, 4, 8)),     # Czech spacing, no locale: day first
    ("2025.05.15 10:32", date(2025, 5, 15)),    # year first (Korean, Hungarian)
    ("2025/01/13", date(2025, 1, 13)),          # year first (Japanese)
    ("2025年1月13日 10:00", date(2025, 1, 13)),
    ("2025년 5월 15일", date(2025, 5, 15)),
])
def test_reads_numeric_dates_in_every_order(text, want):
    assert dates.parse(text).date() == want


def test_a_month_first_page_date_no_longer_fails_the_page():
    raw = "date 2015-02-26\n\nCity council votes on new budget\n\nBy Jane Doe\n02.26.2015\n\n" + \
        "The city council voted on Thursday to approve a budget that raises spending on schools. " * 4
    ref, _, text = split_prefix(raw)
    published, _ = find_dates(clean_dump(text), ref, "en")
    assert published.date() == date(2015, 2, 26)


@pytest.mark.parametrize("lang, want", [
    ("en", date(2015, 3, 4)),      # en (CLDR 'M/d/yy'): March 4
    ("en_US", date(2015, 3, 4)),
    ("en_GB", date(2015, 4, 3)),   # en_GB ('dd/MM/y'): 3 April
    ("de", date(2015, 4, 3)),
    ("fr", date(2015, 4, 3)),
    ("pt", date(2015, 4, 3)),
])
def test_an_ambiguous_date_follows_the_locale_order(lang, want):
    assert dates.parse("03/04/2015", lang=lang).date() == want


def test_locale_orders_come_from_cldr():
    assert dates.locale_order("en") == "mdy"
    assert dates.locale_order("de") == "dmy"
    assert dates.locale_order("ja") == "ymd"
    assert dates.locale_order("xx-unknown") == "dmy"


def test_an_ambiguous_date_follows_the_dump_day_then_the_page_order():
    # within a day of the dump's day wins over the locale
    assert dates.parse("03/04/2015", ref=date(2015, 3, 4), lang="de").date() == date(2015, 3, 4)
    assert dates.parse("03/04/2015", ref=date(2015, 4, 3), lang="en").date() == date(2015, 4, 3)
    # the page's own order (another date on it had a day over 12) wins over the locale
    assert dates.page_order(["12/28/2014", "Updated 03/04/2015"]) == "mdy"
    assert dates.page_order(["28/12/2014"]) == "dmy"
    assert dates.page_order(["28/12/2014", "12/28/2014"]) is None
    assert dates.parse("03/04/2015", lang="de", order="mdy").date() == date(2015, 3, 4)
    # a reading after the dump's day is not the publication date
    assert dates.parse("05/06/2015", ref=date(2015, 5, 20), lang="de").date() == date(2015, 5, 6)


def test_impossible_both_ways_is_still_an_error():
    with pytest.raises(dates.DateError):
        dates.parse("31.02.2024")
    with pytest.raises(dates.DateError):
        dates.parse("13.14.2024")


@pytest.mark.parametrize("text, lang, want", [
    ("14 мая 2025, 10:32", "ru", datetime(2025, 5, 14, 10, 32)),
    ("Aktualizováno 14. května 2025", "cs", datetime(2025, 5, 14)),
    ("14 maja 2025", "pl", datetime(2025, 5, 14)),
    ("Diterbitkan 20 Januari 2026", "id", datetime(2026, 1, 20)),
    ("13 de janeiro de 2025 às 09:15", "pt", datetime(2025, 1, 13, 9, 15)),
    ("13 de enero de 2025", "es", datetime(2025, 1, 13)),
    ("30 Nisan 2024 10:00", "tr", datetime(2024, 4, 30, 10, 0)),
    ("2025. május 15.", "hu", datetime(2025, 5, 15)),
    ("15 Μαΐου 2025", "el", datetime(2025, 5, 15)),
    ("26th of February 2015", "en", datetime(2015, 2, 26)),
])
def test_reads_month_names_of_languages_without_a_lexicon(text, lang, want):
    assert dates.parse(text, lang=lang) == want


def test_a_month_name_shared_by_two_languages_follows_the_page_language():
    # "listopad" is November in Czech and Polish, October in Croatian
    assert dates.parse("3. listopad 2024", lang="cs").month == 11
    assert dates.parse("3. listopad 2024", lang="hr").month == 10
    assert dates.parse("3. listopad 2024", lang="hr-HR").month == 10     # a page locale with its territory
    assert dates.parse("3. listopad 2024").month == 11                   # no language: most languages' month


def test_relative_dates_in_other_languages_go_to_dateparser():
    ref = date(2026, 1, 16)
    assert dates.parse_any("3 дня назад", ref, "ru") == datetime(2026, 1, 13)
    assert dates.parse_any("2 часа назад", ref, "ru") == datetime(2026, 1, 16)
    assert dates.parse_any("12 комментариев", ref, "ru") is None   # a bare number is no date
    assert dates.parse_any("3 дня назад", ref, "xx") is None


def test_a_dump_in_a_language_without_lexicon_takes_its_relative_date():
    raw = ("date 2026-01-16\n\nВласти города утвердили новый бюджет\n\n{}\n\n"
           + "Городской совет в четверг утвердил бюджет, который увеличивает расходы на школы и больницы. " * 4)
    ref, _, text = split_prefix(raw.format("12 дней назад"))
    published, _ = find_dates(clean_dump(text), ref, "ru")
    assert published == datetime(2026, 1, 4)
    # a few days before the `date` line (the publication day as the collector knows it): the line's day
    ref, _, text = split_prefix(raw.format("3 дня назад"))
    published, _ = find_dates(clean_dump(text), ref, "ru")
    assert published == datetime(2026, 1, 16)


def test_a_caption_date_does_not_beat_the_dump_day():
    raw = ("date 2024-08-27\n\nSiedlergewalt im Westjordanland nimmt zu\n\n"
           "Archivbild (16.08.2024): Immer wieder kommt es im Westjordanland zu Gewalt von Siedlern.\n\n"
           "27.08.2024, 12:32 Uhr\n\n"
           + "Die Gewalt radikaler Siedler gegen Palästinenser hat nach Angaben der UN zugenommen. " * 4)
    ref, _, text = split_prefix(raw)
    published, _ = find_dates(clean_dump(text), ref, "de")
    assert published == datetime(2024, 8, 27, 12, 32)


def test_the_date_on_the_dump_day_beats_a_site_clock_a_day_off():
    raw = ("date 2025-06-28\n\nSonntag, 29. Juni 2025\n\nWohnungsmarkt stottert im ersten Quartal\n\n"
           "28. Juni 2025 - 16.03 Uhr\n\n"
           + "Der Wohnungsmarkt ist im ersten Quartal nach Angaben des Statistikamts kaum gewachsen. " * 4)
    ref, _, text = split_prefix(raw)
    published, _ = find_dates(clean_dump(text), ref, "de")
    assert published == datetime(2025, 6, 28, 16, 3)


@pytest.mark.parametrize("text, want", [
    ("Городской совет в четверг утвердил бюджет, который увеличивает расходы на школы и больницы.", "ru"),
    ("Dewan kota pada hari Kamis menyetujui anggaran yang meningkatkan belanja untuk sekolah.", "id"),
    ("Městská rada ve čtvrtek schválila rozpočet, který zvyšuje výdaje na školy a nemocnice.", "cs"),
    ("A câmara municipal aprovou na quinta-feira um orçamento que aumenta os gastos com escolas.", "pt"),
    ("El ayuntamiento aprobó el jueves un presupuesto que aumenta el gasto en escuelas y hospitales.", "es"),
    ("Bystyret vedtok torsdag et budsjett som øker bevilgningene til skoler og sykehus i byen.", "no"),
    ("市議会は木曜日、学校と病院への支出を増やす予算案を可決した。", "ja"),
    ("The city council approved on Thursday a budget that raises spending on schools and hospitals.", "en"),
])
def test_detects_languages_without_a_lexicon(text, want):
    assert detect_lang(text) == want


def test_a_text_too_short_to_tell_falls_back():
    assert detect_lang("12:30", default="fr") == "fr"
    assert detect_lang("", default="de") == "de"


@pytest.mark.parametrize("lang, want", [("ru", "2026"), ("id", "Januari"), ("cs", "ledna"), ("ja", "2026年")])
def test_the_brief_date_line_is_localised_for_any_babel_language(lang, want):
    when = datetime(2026, 1, 16, 9, 41)
    line = date_line(when, lang)
    assert want in line
    # the site shows the date in its header and drops the brief's own date line, in any language
    assert drop_date_line(f"{line}\n\nText of the article.\n", when, lang) == "Text of the article.\n"


def _dates_of(raw: str, lang: str = "en"):
    ref, _, text = split_prefix(raw)
    return find_dates(clean_dump(text), ref, lang)


BODY = "The city council voted on Thursday to approve a budget that raises spending on schools. " * 4


def test_an_impossible_date_line_alone_is_an_error():
    with pytest.raises(dates.DateError):
        _dates_of("Council approves the new budget\n\n31.02.2024\n\n" + BODY)


def test_an_impossible_date_beside_a_real_one_is_ignored():
    published, _ = _dates_of("date 2024-02-20\n\nCouncil approves the new budget\n\n20.02.2024 10:15\n\n"
                             "Ref. 31.02.2024\n\n" + BODY)
    assert published == datetime(2024, 2, 20, 10, 15)


def test_a_date_a_day_off_the_dump_day_never_moves_it():
    # the `date` line is the publication day as the collector knows it, labelled date or not
    unlabelled = _dates_of("date 2024-04-25\n\nCouncil approves the new budget\n\nRadio, 24.04.2024, 15:10\n\n" + BODY)
    assert unlabelled[0] == datetime(2024, 4, 25)
    labelled = _dates_of("date 2024-04-25\n\nCouncil approves the new budget\n\nPublished 24.04.2024, 15:10\n\n"
                         + BODY)
    assert labelled[0] == datetime(2024, 4, 25)
    days = _dates_of("date 2024-04-25\n\nCouncil approves the new budget\n\nPublished 22.04.2024, 15:10\n\n" + BODY)
    assert days[0] == datetime(2024, 4, 25)
    far = _dates_of("date 2024-04-25\n\nCouncil approves the new budget\n\n28.03.2012\n\n" + BODY)
    assert far[0] == datetime(2012, 3, 28)   # an old article keeps the date it shows
