"""Small text helpers the pages and the search index use, kept apart from `markdown` so that a
build that renders no brief body (a title edited, a day's listings) never imports Python-Markdown
or nh3. `briefgen.site.markdown` re-exports them."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit


def safe_url(value: str | None) -> str | None:
    """A URL from a brief (source.url) only if it is http(s): `javascript:` and friends are dropped."""
    if not value:
        return None
    text = str(value).strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    return text if scheme in ("http", "https") and not any(c in text for c in "\"'<> \n\r\t") else None


# Combining marks (accents) left by NFD: the blocks the search script strips too.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower case without accents (é -> e, ß -> ss), as the search script folds queries."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text.casefold()))
