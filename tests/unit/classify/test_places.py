"""Places named without their country (cities, provinces, states) count for it, in every language, and
people or words that look like those places do not. Texts written for these tests."""
from __future__ import annotations

import pytest

from briefgen.classify.pipeline import classify_text

# (id, lang, body (no headline), countries that must be found, countries that must not be named at all)
CASES = [
    ("en-iraq", "en", ("Government forces pushed into western Mosul on Tuesday. Aid groups in Erbil said "
     "thousands had fled towards Kirkuk, and fuel convoys left Basra for the north."), {"IQ"}, set()),
    ("en-gaza", "en", ("Strikes hit Rafah and Khan Younis overnight, and families fled north towards Deir "
     "al-Balah. Hospitals in Jenin and Nablus also reported raids."), {"PS"}, set()),
    ("en-india", "en", ("Heavy rain flooded parts of Kerala and Tamil Nadu, while Maharashtra braced for "
     "more. Flights from Pune and Ahmedabad were cancelled."), {"IN"}, set()),
    ("en-people", "en", ("Austin Butler and Orlando Bloom joined Joaquin Phoenix on the red carpet. Memphis "
     "Depay watched from the front row as the film's director thanked the crew."), set(),
     {"US", "NL"}),
    ("en-sinai", "en", ("Doctors at Mount Sinai in New York said the new treatment had helped dozens of "
     "patients in Manhattan and Brooklyn."), {"US"}, {"EG"}),
    ("de-nahost", "de", ("In Rafah und Chan Junis wurden in der Nacht Luftangriffe gemeldet. Tausende "
     "Menschen flohen Richtung Deir al-Balah, berichteten Helfer aus Dschenin."), {"PS"}, set()),
    ("de-loewen", "de", ("Die Löwen gewannen am Samstag mit 2:0. Der Trainer lobte die Abwehr, die "
     "Fans in München feierten bis in die Nacht."), {"DE"}, {"BE"}),
    ("fr-russie", "fr", ("Des drones ont visé Sotchi et Krasnodar dans la nuit, selon les autorités "
     "locales. À Kazan, l'aéroport a été fermé plusieurs heures."), {"RU"}, set()),
    ("it-spagna", "it", ("Turisti bloccati a Tenerife e Gran Canaria per lo sciopero dei controllori. "
     "Disagi anche ad Alicante e a Palma de Mallorca."), {"ES"}, set()),
]


@pytest.mark.parametrize(("cid", "lang", "body", "required", "forbidden"), CASES, ids=[c[0] for c in CASES])
def test_places_count_for_their_country(cid, lang, body, required, forbidden):
    got = classify_text("", None, body, lang, None)
    assert required <= set(got.countries), (cid, got.countries, got.mentions)
    assert not forbidden & (set(got.countries) | set(got.mentions)), (cid, got.mentions)


def test_a_word_of_another_language_is_no_place():
    got = classify_text("", None, "Nära tusen människor samlades i Göteborg på lördagen, medan polisen "
                        "spärrade av centrum.", "sv", None)
    assert "JP" not in got.mentions and "ID" not in got.mentions, got.mentions
