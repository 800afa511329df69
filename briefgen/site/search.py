"""The client-side search index: JSON files the theme's small script loads (no server, no CDN).

`search.json` lists one shard per month (`search/YYYY-MM.json`), newest first, so editing one
brief rewrites one small shard rather than the whole index. Each document is
[url, title, kicker, date, text]; `text` is already folded (lower case, no accents), so the
script only folds the query the same way and matches word prefixes.
"""
from __future__ import annotations

import json
import logging
import os
import pickle
import zlib
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


def shard(items: list[Item], memo: str | None = None, stamp: object = None, write: bool = True) -> str:
    """A month's shard. `memo` (a file in the build cache; incremental builds): the documents of the
    shard's last rendering, by (signature, URL, day): a brief whose file did not change keeps its
    document, so an edit reads one brief rather than the month's ~400 from the packs. `stamp`: what
    else the documents depend on (render version, search words); another stamp, another memo.
    The memo this process used last is kept in memory too (the preview builds again and again);
    `write=False` (the preview): the file is not rewritten for each save (a pickle and a write of
    ~0.5 MB, ~4 ms of a save's ~50 ms of CPU at 10,000 briefs); documents are keyed by what they
    show, so a memo file left behind only costs its later reader the documents that changed."""
    # Each document is kept as its JSON text, and the shard is those texts joined: the very bytes
    # json.dumps({"docs": docs}) gives, without encoding a month's ~400 documents again for one edit.
    if memo is None:
        texts = [_json(document(it)) for it in items]
    else:
        stamp = (MEMO_FORMAT, stamp)
        held = _HELD.pop(memo, None)
        kept = held[1] if held is not None and held[0] == stamp else _load_memo(memo, stamp)
        found, fresh = {}, False
        for it in items:
            key = (it.sig, it.url, it.day)
            text = kept.get(key)
            if text is None:
                text, fresh = _json(document(it)), True
            found[key] = text
        written = held is None or held[0] != stamp or held[2]    # the file holds `kept`
        if fresh or len(found) != len(kept) or not written:
            written = write and _save_memo(memo, stamp, found)
        while len(_HELD) >= HELD_MEMOS:
            del _HELD[next(iter(_HELD))]
        _HELD[memo] = (stamp, found, written)
        texts = found.values()
    return '{"docs":[' + ",".join(texts) + "]}"


MEMO_FORMAT = "json"    # a memo keeps each document's JSON text (an older memo, lists, is not used)
HELD_MEMOS = 2          # memos kept in memory (an edit touches one month, a move two)
_HELD: dict[str, tuple] = {}   # memo file -> (stamp, documents, whether the file holds them) as last used


def forget_memos() -> None:
    """Forget the memos held in memory (build --clean)."""
    _HELD.clear()


def _json(doc: list) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _load_memo(path: str, stamp: object) -> dict:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        if len(data) < 4 or zlib.crc32(data[4:]) != int.from_bytes(data[:4], "little"):
            return {}
        found_stamp, docs = pickle.loads(data[4:])
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError,
            IndexError):
        return {}
    return docs if found_stamp == stamp and isinstance(docs, dict) else {}


def _save_memo(path: str, stamp: object, docs: dict) -> bool:
    data = pickle.dumps((stamp, docs), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(zlib.crc32(data).to_bytes(4, "little") + data)
        os.replace(tmp, path)
    except OSError as exc:   # only a memo: the shard is right without it
        log.debug("search memo %s not written: %s", path, exc)
        return False
    return True


def manifest(shard_versions: dict[str, str]) -> str:
    """The index of shards; `v` changes with a shard's content so browsers never use a stale copy."""
    return json.dumps({"version": 2, "fields": FIELDS,
                       "shards": [{"url": f"search/{month}.json", "v": v[:10]} for month, v in shard_versions.items()]},
                      ensure_ascii=False, separators=(",", ":"))
