"""Slugs: the file and URL name of a brief. ASCII, lowercase, hyphens; never a path."""
from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LEN = 80
# Names Windows refuses as files, and names that would hide or clash with tooling.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
             "index", "feed", "feeds", "static", "assets", "search", "sitemap", "robots", "git"}
# Letters NFKD does not decompose into ASCII.
_TRANSLIT = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
                           "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "ð": "d", "ı": "i"})


def slugify(text: str, max_len: int = MAX_LEN) -> str:
    """'Le Japon et les États-Unis…' -> 'le-japon-et-les-etats-unis'. Never empty, never reserved."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] or slug[:max_len]
    if not slug:
        slug = "brief-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if slug in _RESERVED:
        slug += "-brief"
    return slug
