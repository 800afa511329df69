"""The classifiers' data files (briefgen/classify/data/), read once each.

Apart from lexicon.py so that the site (region and theme names) reads them without importing the
text tools' tables and patterns.
"""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


def _data(name: str):
    return resources.files("briefgen.classify").joinpath("data", *name.split("/"))


@cache
def load_toml(name: str) -> dict:
    with _data(name).open("rb") as fh:
        return tomllib.load(fh)


def has_data(name: str) -> bool:
    return _data(name).is_file()
