"""Regions: UN M.49 sub-regions, localised names through CLDR, and the site's own regions."""
from __future__ import annotations

from dataclasses import replace

import pytest
from babel import Locale

from briefgen.classify.regions import country_region, m49_table, region_name, region_slugs, regions_for
from briefgen.config.schema import ClassifyOptions, Config
from briefgen.errors import ConfigError


def site(**options) -> Config:
    return replace(Config(), classify=replace(ClassifyOptions(), **options))


def test_maps_countries_to_m49_sub_regions():
    assert [country_region(c) for c in ("JP", "US", "IR", "MX", "IL", "GB", "ET")] == [
        "eastern-asia", "northern-america", "southern-asia", "central-america", "western-asia",
        "northern-europe", "eastern-africa"]


def test_every_country_belongs_to_exactly_one_region():
    seen = [c for v in m49_table().values() for c in v["countries"]]
    assert len(seen) == len(set(seen)) and len(seen) > 240


def test_keeps_the_order_of_the_countries():
    assert regions_for(("JP", "US", "CN", "TW")) == ("eastern-asia", "northern-america")


def test_names_regions_in_the_locale_through_cldr():
    assert region_name("eastern-asia", "fr") == "Asie de l’Est"
    assert region_name("eastern-asia", "de_CH") == "Ostasien"
    assert region_name("northern-america", "it") == Locale.parse("it").territories["021"]
    assert region_name("western-europe", "en") == "Western Europe"


def test_adds_the_sites_own_regions():
    config = site(regions={"dach": ["DE", "AT", "CH"], "indo-pacific": ["JP", "AU", "IN"]},
                  region_names={"dach": {"de": "DACH-Raum", "fr": "Pays germanophones"}})
    assert regions_for(("AT", "JP"), config) == ("western-europe", "eastern-asia", "dach", "indo-pacific")
    assert region_name("dach", "de_CH", config) == "DACH-Raum"
    assert "dach" in region_slugs(config)


def test_replaces_m49_when_asked():
    config = site(regions={"dach": ["DE", "AT", "CH"]}, region_mode="replace")
    assert regions_for(("AT", "JP"), config) == ("dach",)
    assert region_slugs(config) == ["dach"]


def test_errors_on_a_malformed_site_region():
    with pytest.raises(ConfigError, match="classify.regions.dach"):
        regions_for(("DE",), site(regions={"dach": "DE AT CH"}))


def test_region_names_are_the_ones_people_use_and_slugs_stay():
    assert [region_name("northern-america", lang) for lang in ("en", "fr", "de", "it")] == \
        ["North America", "Amérique du Nord", "Nordamerika", "America del Nord"]
    assert region_name("micronesia", "en") == "Micronesia" and region_name("eastern-asia", "en") == "East Asia"
    assert region_name("western-europe", "fr") == "Europe de l’Ouest"          # CLDR where it is fine
    assert "northern-america" in m49_table() and country_region("US") == "northern-america"
