"""Themes: per-language lexicons, ranking, and the site's changes to the taxonomy."""
from __future__ import annotations

from dataclasses import replace

import pytest

from briefgen.classify.pipeline import classify_text
from briefgen.classify.themes import theme_ids, theme_name
from briefgen.config.schema import ClassifyOptions, Config
from briefgen.errors import ConfigError


def site(**options) -> Config:
    return replace(Config(), classify=replace(ClassifyOptions(), **options))


@pytest.mark.parametrize("lang, title, body, theme", [
    ("fr", "Frappes de missiles sur la ville", ("L'armée a lancé une offensive. Les soldats et l'artillerie "
     "ont bombardé la ligne de front pendant la guerre."), "defence"),
    ("de", "Bundesliga: Bayern gewinnt das Spiel", ("Der Trainer lobte die Mannschaft nach dem Sieg im Stadion. "
     "Die Fans feierten die Spieler und die Tore."), "sport"),
    ("it", "Ondata di calore e siccità", ("Le temperature record e la siccità minacciano il clima. "
     "Gli esperti parlano di riscaldamento globale e di emissioni."), "climate"),
    ("en", "Hospitals brace for flu outbreak", ("Doctors and nurses warn that patients with the virus fill "
     "hospital beds; vaccination is urged by health officials."), "health"),
    ("en", "Tariffs hit exports", ("New tariffs on imports and exports threaten the trade deal and supply chains "
     "of goods."), "trade"),
])
def test_ranks_the_main_theme_first_in_each_language(lang, title, body, theme):
    assert classify_text(title, None, body, lang, None).themes[0] == theme


def test_keeps_at_most_max_themes():
    text = "War, elections, football, oil, hospitals, climate and tariffs. " * 5
    assert len(classify_text("Everything", None, text, "en", site(max_themes=2)).themes) <= 2


def test_can_add_rename_and_drop_themes_and_extend_lexicons():
    config = site(themes={
        "space": {"label": {"en": "Space", "fr": "Espace"}, "terms": {"en": ["rocket*", "orbit", "astronaut*"]}},
        "sport": {"rename": "sports", "terms": {"en": ["curling"]}},
        "science": {"drop": True},
    })
    assert "space" in theme_ids(config) and "sports" in theme_ids(config)
    assert "science" not in theme_ids(config) and "sport" not in theme_ids(config)
    labels = classify_text("Rocket reaches orbit", None, "Astronauts and rockets went to orbit.", "en", config)
    assert labels.themes[0] == "space"
    curling = classify_text("Curling final", None, "The curling final: curling fans cheered.", "en", config)
    assert curling.themes[0] == "sports"
    assert theme_name("space", "fr_CH", config) == "Espace"


def test_names_themes_per_locale():
    assert theme_name("defence", "fr") == "Défense"
    assert theme_name("economy", "de_CH") == "Wirtschaft"
    assert theme_name("climate", "ja") == "Climate and environment"


def test_errors_on_a_malformed_theme_change():
    config = site(themes={"sport": {"terms": ["curling"], "colour": "red"}})
    with pytest.raises(ConfigError) as err:
        classify_text("T", None, "Text.", "en", config)
    assert "classify.themes.sport.terms" in str(err.value) and "classify.themes.sport.colour" in str(err.value)
