"""Country detection: names, inflected forms, demonyms, metonyms, traps and salience, in four languages."""
from __future__ import annotations

import pytest

from briefgen.classify.countries import find_mentions, lexicon, score_fields
from briefgen.classify.lexicon import tokenize


def codes(text: str, lang: str) -> list[str]:
    """Every country mention in a text, in order."""
    return [code for _, _, _, code in find_mentions(tokenize(text), lexicon(lang))]


def salient(title: str, body: str, lang: str, lead: str | None = None) -> tuple[str, ...]:
    fields = [("title", tokenize(title))] + ([("lead", tokenize(lead))] if lead else [])
    fields += [("body", tokenize(p)) for p in body.split("\n\n")]
    return score_fields(fields, lexicon(lang)).countries


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Les États-Unis et la Chine", ["US", "CN"]),
    ("fr", "les etats-unis et la chine", []),                      # names need their capital
    ("de", "Die Regierung der Vereinigten Staaten und Deutschlands", ["US", "DE"]),
    ("de", "in den Niederlanden und in der Türkei", ["NL", "TR"]),
    ("de", "Amerikas Zölle und Großbritanniens Antwort", ["US", "GB"]),
    ("it", "Gli Stati Uniti e la Cina", ["US", "CN"]),
    ("en", "The United Kingdom and Türkiye", ["GB", "TR"]),
    ("en", "Turkey, Burma and the Czech Republic", ["TR", "MM", "CZ"]),   # aliases CLDR lacks
    ("en", "Bosnia and Herzegovina", ["BA"]),
    ("fr", "en Côte d’Ivoire", ["CI"]),
])
def test_can_find_country_names_in_any_inflection(lang, text, expected):
    assert codes(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "l'alliance nippo-américaine", ["JP", "US"]),
    ("fr", "les relations sino-russes", ["CN", "RU"]),
    ("fr", "la diplomatie japonaise et les Allemandes", ["JP", "DE"]),
    ("de", "japanischen Firmen und ein Franzose", ["JP", "FR"]),
    ("de", "die deutsch-französische Freundschaft", ["DE", "FR"]),
    ("it", "i turisti giapponesi e le aziende tedesche", ["JP", "DE"]),
    ("en", "Japanese officials met Ukrainians", ["JP", "UA"]),
])
def test_can_read_demonyms_adjectives_and_compounds(lang, text, expected):
    assert codes(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Pékin a répondu à la Maison-Blanche et à l'Élysée", ["CN", "US", "FR"]),
    ("de", "Der Kreml und das Weiße Haus", ["RU", "US"]),
    ("en", "Downing Street said Tokyo agreed", ["GB", "JP"]),
    ("it", "Il Cremlino e Palazzo Chigi", ["RU", "IT"]),
])
def test_can_read_capitals_and_seats_of_power_as_metonyms(lang, text, expected):
    assert codes(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Voters in New Jersey and New Mexico", ["US", "US"]),
    ("en", "Michael Jordan and Jordan Bardella met Chad Smith", []),
    ("en", "She bought a guinea pig and roast turkey", []),
    ("en", "the Indo-Pacific and Latin America", []),
    ("en", "He says it in English.", []),
    ("de", "Sie spricht fließend Spanisch und liest auf Deutsch", []),
    ("fr", "en Amérique latine, les latino-américains", []),
    ("it", "il Bayern Monaco ha vinto", ["DE"]),
    ("en", "the Paris Agreement on climate", []),
    ("en", "Officials in Atlanta said Georgia will certify the vote", ["US", "US"]),
    ("en", "Georgia and Armenia signed a treaty", ["GE", "AM"]),
    ("fr", "les Bruxellois et la Commission à Bruxelles", []),  # Brussels standing for the EU is no country
    ("en", "the us and them", []),                               # 'US' only in capitals
    ("it", "la relatrice Onu Francesca Albanese ha parlato", []),  # a surname, not Albania
    ("en", "the comedian Dawn French said", []),
])
def test_avoids_traps(lang, text, expected):
    assert codes(text, lang) == expected


def test_keeps_countries_the_story_is_about_and_drops_a_passing_mention():
    body = ("Le Japon et la Chine s'opposent. Tokyo accuse Pékin.\n\n"
            "Les tensions entre le Japon et la Chine montent, Tokyo et Pékin se parlent peu.\n\n"
            "Un diplomate a évoqué un précédent en Norvège.")
    assert salient("Le Japon hausse le ton face à la Chine", body, "fr") == ("JP", "CN")


def test_orders_countries_by_salience():
    body = "Russia attacked. Russian troops advanced. Moscow said Ukraine lost ground near Kharkiv."
    assert salient("Russia claims gains", body, "en")[0] == "RU"


def test_finds_no_country_in_a_text_without_any():
    body = ("Immer mehr Menschen verbringen ihre Abende mit kurzen Videos.\n\n"
            "Forscher warnen, dass die Aufmerksamkeit darunter leidet. Eltern sind ratlos.")
    assert salient("Hilfe, die Videos kommen", body, "de") == ()


def test_a_domestic_story_naming_only_cities_counts_for_its_country():
    body = ("In München und Nürnberg stehen Busse und Bahnen still.\n\n"
            "Die Gewerkschaft fordert mehr Lohn für die Beschäftigten.")
    assert salient("Streik im Nahverkehr", body, "de") == ("DE",)


def test_knows_country_names_in_other_babel_locales():
    assert codes("Japón y Estados Unidos", "es") == ["JP", "US"]


def test_a_leader_stands_for_their_country():
    body = ("Bundeskanzler Olaf Scholz ist zu einem Besuch in China eingetroffen.\n\n"
            "Scholz will über Handel sprechen. Peking erwartet ihn.")
    assert set(salient("Scholz reist nach Peking", body, "de")) == {"CN", "DE"}


def test_georgia_is_the_us_state_when_the_article_says_so_anywhere():
    body = "Voters cast ballots in the Senate runoff. Atlanta saw long lines as Republicans and Democrats campaigned."
    assert salient("Georgia voters head to the polls", body, "en") == ("US",)
    body = "Tens of thousands rallied in Tbilisi. The European Union warned Georgia about the law."
    assert salient("Protests in Georgia over foreign agents law", body, "en") == ("GE",)


def test_names_countries_in_the_locale():
    from briefgen.classify.countries import country_name

    assert country_name("JP", "fr") == "Japon"
    assert country_name("US", "de_CH") == "Vereinigte Staaten"
    assert country_name("ZZX", "en") == "ZZX"


def test_a_story_naming_no_place_counts_for_its_publishers_country():
    from briefgen.classify.countries import publisher_country
    from briefgen.classify.pipeline import classify_text

    assert [publisher_country(u) for u in ("https://www.srf.ch/news/x", "https://www.bbc.co.uk/a",
                                           "https://techcrunch.com/x", "https://x.io/a", None)] == [
        "CH", "GB", None, None, None]
    body = "Die Verbraucherzentrale warnt vor gefälschten Mails. Kunden sollen keine Links anklicken."
    assert classify_text("Neue Phishing-Welle", None, body, "de", None,
                         source_url="https://www.heise.de/news/x.html").countries == ("DE",)
    assert classify_text("Neue Phishing-Welle", None, body, "de", None).countries == ()
