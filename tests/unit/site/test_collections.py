from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from briefgen.model import Brief
from briefgen.site.collections import group, group_by_region, paginate
from briefgen.site.content import Item

TZ = ZoneInfo("Europe/Zurich")


def _item(slug: str, day: int, regions=(), themes=()) -> Item:
    when = datetime(2026, 1, day, 12, tzinfo=TZ)
    b = Brief(title=slug, slug=slug, lang="fr", date=when, body="", regions=tuple(regions), themes=tuple(themes))
    return Item(brief=b, sig=slug, url=f"2026/01/{slug}/", when=when)


def test_groups_by_day_month_region_theme_and_crossing_newest_first():
    items = [_item("c", 3, ["a-r"], ["t1"]), _item("b", 2, ["a-r", "b-r"], ["t1", "t2"]), _item("a", 1, [], ["t2"])]
    c = group(items)
    assert [it.brief.slug for it in c.by_region["a-r"]] == ["c", "b"]
    assert list(c.by_region) == ["a-r", "b-r"]
    assert [it.brief.slug for it in c.by_theme["t2"]] == ["b", "a"]
    assert set(c.by_region_theme) == {("a-r", "t1"), ("a-r", "t2"), ("b-r", "t1"), ("b-r", "t2")}
    assert next(iter(c.by_day)) == items[0].day and list(c.by_month) == [(2026, 1)]
    assert c.newer["2026/01/b/"].brief.slug == "c" and c.older["2026/01/b/"].brief.slug == "a"
    assert c.newer["2026/01/c/"] is None and c.older["2026/01/a/"] is None


def test_a_region_listed_twice_shows_the_brief_once():
    c = group([_item("x", 1, ["r", "r"], ["t", "t"])])
    assert len(c.by_region["r"]) == 1 and len(c.by_region_theme[("r", "t")]) == 1


def test_paginates_with_a_last_short_page_and_one_page_when_empty():
    pages = paginate(list(range(5)), 2)
    assert [p.items for p in pages] == [[0, 1], [2, 3], [4]] and pages[2].total == 3 and pages[0].count == 5
    assert pages[0].path("regions/x/", 1) == "regions/x/" and pages[0].path("regions/x/", 3) == "regions/x/page/3/"
    assert len(paginate([], 20)) == 1


def test_daily_edition_groups_by_region_in_site_order_with_the_rest_last():
    items = [_item("a", 1, ["z"]), _item("b", 1, []), _item("c", 1, ["y", "z"])]
    groups = group_by_region(items, ["y", "z"])
    assert [(r, [i.brief.slug for i in g]) for r, g in groups] == [("y", ["c"]), ("z", ["a", "c"]), (None, ["b"])]
