"""Regions: UN M.49 sub-regions of the countries (data/m49.toml), and the site's own regions.

Slugs are the English M.49 names in kebab case (`eastern-asia`); display names come from CLDR through
babel (`Locale.parse("fr").territories["030"]` -> "Asie de l’Est"), so every locale babel knows works.
The site may define its own regions in briefgen.toml (`[classify.regions] dach = ["DE", "AT", "CH"]`,
names in `[classify.region_names]`); `region_mode` says whether they complement or replace M.49.
The site engineer imports `region_name`, `region_slugs`, `m49_table` and `country_region`: all cached.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError

from briefgen.classify.data import load_toml
from briefgen.errors import ConfigError

if TYPE_CHECKING:
    from briefgen.config import Config

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def m49_table() -> dict[str, dict]:
    """slug -> {"m49": "030", "countries": [...]} in the order of data/m49.toml."""
    return {slug: {"m49": v["m49"], "countries": list(v["countries"])} for slug, v in load_toml("m49.toml").items()}


@lru_cache(maxsize=1)
def _country_to_region() -> dict[str, str]:
    return {code: slug for slug, v in m49_table().items() for code in v["countries"]}


def country_region(code: str) -> str | None:
    """The M.49 sub-region slug of an ISO alpha-2 code ('JP' -> 'eastern-asia'), or None."""
    return _country_to_region().get(code.upper())


def region_slugs(config: Config | None = None) -> list[str]:
    """Every region slug a brief may carry: M.49 ones (unless replaced) and the site's own."""
    own = list(config.classify.regions) if config is not None else []
    if config is not None and config.classify.region_mode == "replace":
        return own
    return list(m49_table()) + [s for s in own if s not in m49_table()]


@lru_cache(maxsize=512)
def _cldr_region_name(slug: str, locale: str) -> str | None:
    entry = m49_table().get(slug)
    if entry is None:
        return None
    try:
        return Locale.parse(locale.replace("-", "_")).territories.get(entry["m49"])
    except (UnknownLocaleError, ValueError):
        return None


def region_name(slug: str, locale: str = "en", config: Config | None = None) -> str:
    """Display name of a region in a locale: the site's own names first, then the name people use where
    CLDR's is statistical (data/region_names.toml: "North America", not "Northern America"), then CLDR,
    then the slug."""
    if config is not None:
        names = config.classify.region_names.get(slug)
        if isinstance(names, dict):
            lang = locale.replace("-", "_")
            for key in (lang, lang.split("_")[0], "en"):
                if names.get(key):
                    return str(names[key])
        elif isinstance(names, str):
            return names
    spoken = load_toml("region_names.toml").get(slug, {})
    lang = locale.replace("-", "_").split("_")[0]
    name = spoken.get(lang) or _cldr_region_name(slug, locale) or _cldr_region_name(slug, lang)
    return name or slug.replace("-", " ").capitalize()


@lru_cache(maxsize=16)
def _own_regions(regions_key: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The site's regions, checked: slug -> set of ISO codes."""
    regions = json.loads(regions_key)
    problems, out = [], []
    for slug, members in regions.items():
        if not isinstance(members, list) or not all(isinstance(m, str) and len(m) == 2 for m in members):
            problems.append(f'classify.regions.{slug}: expected a list of ISO country codes, e.g. ["DE", "AT"]')
            continue
        out.append((slug, frozenset(m.upper() for m in members)))
    if problems:
        raise ConfigError("; ".join(problems))
    return tuple(out)


def regions_for(countries: tuple[str, ...] | list[str], config: Config | None = None) -> tuple[str, ...]:
    """Region slugs of the countries, in the order the countries come (most salient first)."""
    out: list[str] = []
    mode = config.classify.region_mode if config is not None else "complement"
    if mode != "replace":
        for code in countries:
            slug = country_region(code)
            if slug and slug not in out:
                out.append(slug)
    # No own regions (most sites): no json.dumps per article.
    own = (_own_regions(json.dumps(config.classify.regions, sort_keys=True))
           if config is not None and config.classify.regions else ())
    for code in countries:
        for slug, members in own:
            if code in members and slug not in out:
                out.append(slug)
    return tuple(out)
