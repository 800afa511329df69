"""A website's own cookie and consent notices, by the phrases of data/consent.toml (20 languages, written by
hand; its provenance is in the file): "we use cookies", "by continuing to browse", "vi bruker
informasjonskapsler", "çerezler kullanıyoruz". The HTML path reads them beside the word "cookie" itself
(briefgen/ingest/density.py, html.py); the dump path's line model reads the same file."""
from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

CONSENT_FILE = Path(__file__).parent / "data" / "consent.toml"


@cache
def _data() -> tuple[re.Pattern[str], tuple[str, ...]]:
    data = tomllib.loads(CONSENT_FILE.read_text(encoding="utf-8"))
    phrases = re.compile("|".join(f"(?:{p})" for ps in data["phrases"].values() for p in ps), re.IGNORECASE)
    return phrases, tuple(data["keys"])


def is_consent(text: str) -> bool:
    """The text holds a consent phrase (only a text holding one of the file's keys is searched)."""
    phrases, keys = _data()
    low = text.lower()
    return any(key in low for key in keys) and bool(phrases.search(text))
