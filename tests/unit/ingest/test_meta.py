from __future__ import annotations

from datetime import date

import pytest

from briefgen.ingest import dates
from briefgen.ingest.clean import clean_dump
from briefgen.ingest.meta import detect_lang, find_dates, find_header, split_prefix

P1 = ("Der Bundesrat hat am Mittwoch ein neues Gesetz zur Förderung der erneuerbaren Energien verabschiedet, "
      "das vor allem kleine Solaranlagen auf Dächern betrifft.")
P2 = ("Die Opposition kritisierte das Vorhaben als zu zaghaft und forderte eine deutlich schnellere "
      "Umsetzung der Klimaziele bis zum Ende des Jahrzehnts.")
PAGE = f"""Startseite
Politik
Energiewende
Bundesrat beschliesst Solar-Gesetz
Kleine Anlagen sollen es künftig leichter haben, sagt die Regierung.
Publiziert 16. Januar 2026, 10:12 Uhr
Aktualisiert vor 2 Stunden
Von Anna Muster
{P1}
{P2}
{P1.replace('Mittwoch', 'Donnerstag')}
"""


def test_can_split_the_date_line_and_language_switcher():
    ref, langs, text = split_prefix(" date 2026-01-16 DE\nFR\n\nTitel\n")
    assert ref == date(2026, 1, 16) and langs == ("de", "fr")
    assert text.split("\n")[3] == "Titel" and "date" not in text


def test_errors_on_an_impossible_date_line():
    with pytest.raises(dates.DateError):
        split_prefix("date 2026-02-30\nTitel\n")


def test_can_find_title_kicker_and_lead():
    h = find_header(clean_dump(PAGE))
    assert h.title == "Bundesrat beschliesst Solar-Gesetz"
    assert h.kicker == "Energiewende"
    assert h.lead == "Kleine Anlagen sollen es künftig leichter haben, sagt die Regierung."


def test_can_find_published_and_updated_dates():
    published, updated = find_dates(clean_dump(PAGE), date(2026, 1, 16))
    assert published.isoformat() == "2026-01-16T10:12:00"
    assert updated.date() == date(2026, 1, 16)


def test_errors_on_a_far_future_publication_date():
    with pytest.raises(dates.DateError):
        find_dates(clean_dump(PAGE.replace("2026", "2031")), date(2026, 1, 16))


@pytest.mark.parametrize("text, lang", [
    ("Le gouvernement a annoncé que les mesures seront prises dans les prochains jours.", "fr"),
    ("Die Regierung hat angekündigt, dass die Massnahmen in den nächsten Tagen kommen.", "de"),
    ("Il governo ha annunciato che le misure saranno prese nei prossimi giorni.", "it"),
    ("The government said that the measures would be taken in the coming days.", "en"),
])
def test_can_detect_the_language_from_the_text(text, lang):
    assert detect_lang(text) == lang
