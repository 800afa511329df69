from __future__ import annotations

from datetime import date, datetime

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


def test_errors_on_a_far_future_publication_date_without_a_date_line():
    with pytest.raises(dates.DateError):
        find_dates(clean_dump(PAGE.replace("2026", "2031")), None)
    # with one, the page still gives its brief: the date line's day stands (pipeline: published or ref)
    published = find_dates(clean_dump(PAGE.replace("2026", "2031")), date(2026, 1, 16))[0]
    assert published is None or published == datetime(2026, 1, 16)


@pytest.mark.parametrize("text, lang", [
    ("Le gouvernement a annoncé que les mesures seront prises dans les prochains jours.", "fr"),
    ("Die Regierung hat angekündigt, dass die Massnahmen in den nächsten Tagen kommen.", "de"),
    ("Il governo ha annunciato che le misure saranno prese nei prossimi giorni.", "it"),
    ("The government said that the measures would be taken in the coming days.", "en"),
])
def test_can_detect_the_language_from_the_text(text, lang):
    assert detect_lang(text) == lang


# --- headline over a byline, account widgets, kicker: title, breadcrumbs ---------------------------

BODY = "\n\n".join([P1, P2, P1.replace("Mittwoch", "Donnerstag"), P2.replace("Opposition", "Wirtschaft")])


def _header(page: str):
    return find_header(clean_dump(page))


def test_prefers_the_headline_over_the_byline_to_a_teaser_above_it():
    # (a teaser shaped "Kicker: Title" above would be ranked as a headline: the sample pages' references
    # keep that form of the headline in most pages that show one)
    page = ("Politik\n\nDie meisten Deutschen wollen ein Tempolimit auf der Autobahn\n\n"
            "Artikel merken\n\n"
            "Bundesrat beschliesst nach langem Streit das neue Solar-Gesetz\nvon Anna Muster\n\n" + BODY)
    h = _header(page)
    assert h.title == "Bundesrat beschliesst nach langem Streit das neue Solar-Gesetz"
    assert h.lead != "Artikel merken"


@pytest.mark.parametrize("widget", [
    "Salva questo articolo e leggilo quando vuoi. Il servizio è dedicato agli utenti registrati.",
    "Save this article to read it later. This feature is for registered users.",
    "Sauvegarder cet article pour le lire plus tard : créer un compte gratuitement.",
    "Artikel merken und später lesen: Diese Funktion steht registrierten Nutzern zur Verfügung.",
])
def test_account_widget_text_is_never_the_lead(widget):
    page = f"Menü\n\nBundesrat beschliesst Solar-Gesetz\n\n{widget}\n\n" + BODY
    h = _header(page)
    assert h.lead != widget
    assert widget not in clean_dump(page).blocks[0].text


def test_a_kicker_and_title_copied_as_one_line_take_the_page_s_punctuated_form():
    page = ("Ausschuss zur Ahrtal-Flut: Zwei Rücktritte - und viele offene Fragen | tagesschau.de\n\n"
            "Startseite\n\nAusschuss zur Ahrtal-Flut Zwei Rücktritte - und viele offene Fragen\n\n"
            "Stand: 28.04.2023 17:23 Uhr\n\n" + BODY)
    h = _header(page)
    assert h.title == "Ausschuss zur Ahrtal-Flut: Zwei Rücktritte - und viele offene Fragen"
    assert h.kicker == "Ausschuss zur Ahrtal-Flut"


def test_a_kicker_stands_right_above_the_title_with_no_line_between():
    page = "Sport\nTeilen\nBundesrat beschliesst nach langem Streit das Solar-Gesetz\n\n" + BODY
    assert _header(page).kicker is None
    assert _header(page.replace("Teilen\n", "")).kicker == "Sport"


def test_a_breadcrumb_trail_before_the_headline_is_cut():
    page = "Du befindest dich hier: Home » Gesellschaft » „Unermüdlicher Einsatz“\n\n" + BODY
    assert _header(page).title == "„Unermüdlicher Einsatz“"


def test_finds_a_standfirst_set_apart_by_byline_and_date_lines():
    lead = "Die Regierung will kleine Solaranlagen auf Dächern künftig deutlich stärker fördern."
    page = f"Menü\n\nBundesrat beschliesst Solar-Gesetz\n\nVon Anna Muster\n16. Januar 2026\n\n{lead}\n\n" + BODY
    h = _header(page)
    assert h.title == "Bundesrat beschliesst Solar-Gesetz" and h.lead == lead
