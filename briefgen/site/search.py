"""The client-side search index: one JSON file the theme's small script loads (no server, no CDN).

Each document is [url, title, kicker, date, text]: `text` is already folded (lower case, no
accents), so the script only folds the query the same way and matches word prefixes.
"""
from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

from briefgen.site.markdown import fold

if TYPE_CHECKING:
    from briefgen.site.content import Item

log = logging.getLogger(__name__)


def document(it: Item) -> list:
    b = it.brief
    head = " ".join(x for x in (b.title, b.kicker or "", b.lead or "", *b.key_points, b.source.agency or "",
                                b.source.author or "") if x)
    text = " ".join(dict.fromkeys([*fold(head).split(), *it.words]))
    return [it.url, b.title, b.kicker or "", it.day.isoformat(), text]


def index(items: list[Item]) -> str:
    docs = [document(it) for it in items]
    return json.dumps({"version": 1, "fields": ["url", "title", "kicker", "date", "text"], "docs": docs},
                      ensure_ascii=False, separators=(",", ":"))
