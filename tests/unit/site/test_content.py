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


def test_a_rewritten_cache_shares_equal_labels_and_zones_and_loads_equal_entries(tmp_path):
    # Equal labels and fixed-offset zones are written once each (pickle then refers to them), so the
    # entries load faster; what they hold is unchanged: the same values, the same reprs.
    briefs, cache_dir = _project(tmp_path)
    for i, (regions, themes, date) in enumerate([
            ("[western-europe]", "[economy, politics]", "2026-01-11T10:00:00+01:00"),
            ("[western-europe, northern-africa]", "[economy]", "2026-01-12T10:00:00+01:00"),
            ("[western-europe]", "[economy, politics]", "2026-01-13T10:00:00+02:00"),
            ("[northern-africa]", "[politics]", "2026-01-14T10:00:00+01:00")]):
        (briefs / f"b{i}.md").write_text(brief_text(f"B{i}", f"b{i}", date=date, regions=regions, themes=themes),
                                         encoding="utf-8")
    files = content.brief_files(briefs)
    items, errors, _ = content.load_items(files, content.BriefCache(cache_dir, 400), ZoneInfo("UTC"), 400)
    assert not errors
    # the Items made as the entries are put share them too (the build state's index holds them)
    by_slug = {it.slug: it for it in items}
    assert by_slug["b0"].themes is by_slug["b2"].themes and by_slug["b0"].regions is by_slug["b2"].regions
    content._MEMO.clear()
    loaded = content.BriefCache(cache_dir, 400).entries
    by_name = {path.rsplit("/", 1)[-1]: entry for path, entry in loaded.items()}
    # sharing again changes no value (reprs included)
    assert {k: repr(v) for k, v in content.shared_parts(loaded).items()} == {k: repr(v) for k, v in loaded.items()}
    b0, b2 = by_name["b0.md"], by_name["b2.md"]
    assert b0[11] is b2[11]                                   # equal label tuples: one object
    assert b0[11][0][0] is by_name["b1.md"][11][0][0]         # 'western-europe' in two tuples: one string
    assert by_name["b1.md"][11][0][1] is by_name["b3.md"][11][0][0]
    assert b0[9].tzinfo is by_name["b1.md"][9].tzinfo is by_name["b3.md"][9].tzinfo   # +01:00: one zone
    assert b2[9].tzinfo is not b0[9].tzinfo and b2[9].utcoffset().total_seconds() == 7200
    # loading them again gives the same items
    again, errors, touched = content.load_items(files, content.BriefCache(cache_dir, 400), ZoneInfo("UTC"), 400)
    assert not errors and touched == 0
    assert [(it.url, it.when, it.regions, it.themes, it.sig) for it in again] == \
        [(it.url, it.when, it.regions, it.themes, it.sig) for it in items]


def test_shared_parts_keeps_zones_that_compare_equal_but_print_differently_apart():
    from datetime import datetime, timedelta, timezone

    named, plain = timezone(timedelta(hours=1), "CET"), timezone(timedelta(hours=1))
    entry = (1, 2, "sig", "p.pack", 0, 1, 1, 1, "slug", None, None, (("r",), ("t",), ()), [], (0, 0, "d"))
    entries = {"a": (*entry[:9], datetime(2026, 1, 1, tzinfo=named), *entry[10:]),
               "b": (*entry[:9], datetime(2026, 1, 1, tzinfo=plain), *entry[10:])}
    shared = content.shared_parts(entries)
    assert shared["a"][9].tzname() == "CET" and shared["b"][9].tzname() == "UTC+01:00"
    assert shared["a"][11] is shared["b"][11]
    assert content.shared_parts(shared)["a"] is shared["a"]     # already shared: the same entry object


def test_load_items_makes_the_items_the_item_constructor_makes_and_counts_removals(tmp_path):
    """load_items sets a new Item's slots itself (10,000 calls): each must be the Item that
    `_make_item` (the constructor) makes of the same cache entry, slot for slot; and a brief removed
    since the last load is still counted and forgotten (no set of every path when none was)."""
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    for i, (regions, countries) in enumerate([("[western-europe]", "[FR]"), ("[]", "[JP, KR]"), ("[]", "[]"),
                                              ("[northern-europe, western-europe]", "[NO]")]):
        (briefs / f"b{i}.md").write_text(brief_text(f"Titre {i}", f"b-{i}", regions=regions, extra=f"countries: {countries}\n",
                                                    date=f"2026-01-{10 + i}T0{i}:30:00+0{i}:00",
                                                    body=f"Corps {i}."), encoding="utf-8")
    cache_dir = tmp_path / "cache"
    tz = ZoneInfo("Europe/Zurich")

    def regions_of(countries):
        return ("eastern-asia",) if countries else ()

    for round_ in range(2):    # the first load renders the briefs; the second makes every Item from its entry
        content._ITEMS.clear()
        cache = content.BriefCache(cache_dir, 400)
        files = content.brief_files(briefs)
        items, errors, touched = content.load_items(files, cache, tz, 400, regions_of=regions_of)
        assert not errors and len(items) == 4 and touched == (4 if round_ == 0 else 0)
        packs = str(cache_dir / "bodies")
        for it in items:
            made = content._make_item(it.source, cache.entries[it.source], packs, tz, 400, regions_of, [], None)
            mine, theirs = it.__getstate__(), made.__getstate__()
            mine["_brief"] = theirs["_brief"] = None        # just read in the first round: loaded on demand
            assert mine == theirs
        assert [it.regions for it in items if it.slug == "b-1"] == [("eastern-asia",)]
    (briefs / "b2.md").unlink()
    content._ITEMS.clear()
    cache = content.BriefCache(cache_dir, 400)
    items, errors, touched = content.load_items(content.brief_files(briefs), cache, tz, 400, regions_of=regions_of)
    assert touched == 1 and len(items) == 3 and len(cache.entries) == 3
    assert len(content.BriefCache(cache_dir, 400).entries) == 3


def test_a_last_build_keeps_no_memo_for_a_next_one_and_makes_the_same_items(tmp_path):
    """remember=False (`briefgen build`, whose process ends after it): no memo of the Items or of the
    cache's entries is made for a next call (the preview's), and the Items are the same."""
    briefs, cache_dir = _project(tmp_path)
    (briefs / "b.md").write_text(brief_text("Beta", "beta", date="2026-01-11T10:00:00+01:00"), encoding="utf-8")
    files = content.brief_files(briefs)
    for remember in (True, False, False, True):
        content._ITEMS.clear(), content._LAST.clear(), content._MEMO.clear()
        items, errors, _ = content.load_items(files, content.BriefCache(cache_dir, 400), ZoneInfo("UTC"), 400,
                                              remember=remember)
        assert not errors and [(it.url, it.sig, it.when) for it in items] == [
            ("2026/01/beta/", items[0].sig, items[0].when), ("2026/01/alpha/", items[1].sig, items[1].when)]
        assert bool(content._ITEMS) == bool(content._LAST) == bool(content._MEMO) == remember
