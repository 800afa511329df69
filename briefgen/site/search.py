"""The client-side search index: JSON files the theme's small script loads (no server, no CDN).

`search.json` lists one shard per month (`search/YYYY-MM.json`), newest first, so editing one
brief rewrites one small shard rather than the whole index. Each document is
[url, title, kicker, date, text]; `text` is already folded (lower case, no accents), so the
script only folds the query the same way and matches word prefixes.
"""
from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

from briefgen.site.text import fold

if TYPE_CHECKING:
    from briefgen.site.content import Item

log = logging.getLogger(__name__)

FIELDS = ["url", "title", "kicker", "date", "text"]


def document(it: Item) -> list:
    b = it.brief
    head = " ".join(x for x in (b.title, b.kicker or "", b.lead or "", *b.key_points, b.source.agency or "",
                                b.source.author or "") if x)
    text = " ".join(dict.fromkeys([*fold(head).split(), *it.words]))
    return [it.url, b.title, b.kicker or "", it.day.isoformat(), text]


def shards(items: list[Item]) -> dict[str, list[Item]]:
    """Items by month ("2026-01"), newest month first (items are newest first already)."""
    found: dict[str, list[Item]] = {}
    for it in items:
        found.setdefault(f"{it.when.year:04d}-{it.when.month:02d}", []).append(it)
    return found


def shard(items: list[Item]) -> str:
    return json.dumps({"docs": [document(it) for it in items]}, ensure_ascii=False, separators=(",", ":"))


def manifest(shard_versions: dict[str, str]) -> str:
    """The index of shards; `v` changes with a shard's content so browsers never use a stale copy."""
    return json.dumps({"version": 2, "fields": FIELDS,
                       "shards": [{"url": f"search/{month}.json", "v": v[:10]} for month, v in shard_versions.items()]},
                      ensure_ascii=False, separators=(",", ":"))
