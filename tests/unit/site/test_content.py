"""The brief cache: an older or foreign cache format is discarded, never misread."""
from __future__ import annotations

import pickle
from zoneinfo import ZoneInfo

from briefgen.site import content
from tests.unit.site.conftest import brief_text


def _project(tmp_path):
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "a.md").write_text(brief_text("Alpha", "alpha", body="Un corps de texte."), encoding="utf-8")
    return briefs, tmp_path / "cache"


def test_a_cache_of_an_older_format_is_discarded_not_a_crash(tmp_path):
    briefs, cache_dir = _project(tmp_path)
    cache_dir.mkdir()
    files = content.brief_files(briefs)
    path, mtime, size = files[0]
    # What an older briefgen wrote: another stamp, entries of another shape.
    old = (("4", 400), {path: (mtime, size, "sig", None, "x.pack", 0)})
    (cache_dir / "briefs.pickle").write_bytes(pickle.dumps(old))
    items, errors, touched = content.load_items(files, content.BriefCache(cache_dir, 400), ZoneInfo("UTC"), 400)
    assert not errors and touched == 1 and items[0].brief.title == "Alpha"
    assert "corps" in items[0].html
    # ... and the cache is rewritten in the current format, so the next load hits it.
    again = content.BriefCache(cache_dir, 400)
    assert not again.stale and again.get(path, mtime, size) is not None


def test_an_entry_of_the_wrong_shape_is_a_miss(tmp_path):
    briefs, cache_dir = _project(tmp_path)
    cache_dir.mkdir()
    files = content.brief_files(briefs)
    path, mtime, size = files[0]
    stamp = content.BriefCache(cache_dir, 400).stamp
    (cache_dir / "briefs.pickle").write_bytes(pickle.dumps((stamp, {path: (mtime, size, "sig")})))
    cache = content.BriefCache(cache_dir, 400)
    assert cache.get(path, mtime, size) is None
    items, errors, _ = content.load_items(files, cache, ZoneInfo("UTC"), 400)
    assert not errors and items[0].brief.slug == "alpha"


def test_the_in_process_memo_is_dropped_when_another_process_rewrites_the_cache(tmp_path):
    briefs, cache_dir = _project(tmp_path)
    files = content.brief_files(briefs)
    path, mtime, size = files[0]
    cache = content.BriefCache(cache_dir, 400)
    content.load_items(files, cache, ZoneInfo("UTC"), 400)
    assert content.BriefCache(cache_dir, 400).get(path, mtime, size) is not None   # from the memo
    # Another process compacts the cache without this brief: the memo must not hide that.
    (cache_dir / "briefs.pickle").write_bytes(pickle.dumps((cache.stamp, {})))
    assert content.BriefCache(cache_dir, 400).get(path, mtime, size) is None
