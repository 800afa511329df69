from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from briefgen.model import Brief
from briefgen.site.collections import (
    OFFSET_PAGES_UNTIL,
    archive_path,
    group,
    group_by_region,
    listed_before,
    old_page_numbers,
    paginate,
)
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


def test_archive_pages_count_from_the_oldest_and_the_latest_page_takes_the_rest():
    newest_first = list(range(9, -1, -1))            # 10 items, 9 the newest
    pages = paginate(newest_first, 3)
    assert [(p.number, p.items) for p in pages] == [(None, [9, 8, 7, 6]), (2, [5, 4, 3]), (1, [2, 1, 0])]
    assert pages[0].count == 10 and pages[0].archives == 2 and pages[1].count is None
    assert archive_path("regions/x/", None) == "regions/x/" and archive_path("regions/x/", 2) == "regions/x/archive/2/"
    assert len(paginate([], 20)) == 1 and paginate([], 20)[0].latest


def test_new_items_never_change_a_closed_archive_page():
    """What makes a day's briefs cheap: archive pages hold the same briefs whatever comes after."""
    seen: dict[int, list] = {}
    for n in range(1, 60):
        for p in paginate(list(range(n - 1, -1, -1)), 5):
            if p.number is not None:
                assert seen.setdefault(p.number, p.items) == p.items
        assert 5 <= len(paginate(list(range(n)), 5)[0].items) <= 9 or n < 5
    assert list(old_page_numbers(41, 20)) == [2, 3] and list(old_page_numbers(20, 20)) == []


def test_listed_before_counts_the_items_dated_before_the_url_change():
    from datetime import timedelta

    def at(when):
        return Item(brief=Brief(title="t", slug="t", lang="fr", date=when, body=""), sig="", url="", when=when)

    cut = OFFSET_PAGES_UNTIL
    for before in range(6):
        for after in range(6):
            items = [at(cut + timedelta(days=after - i)) for i in range(after)]      # newest first
            items += [at(cut - timedelta(seconds=1 + i)) for i in range(before)]
            assert listed_before(items) == before
            assert listed_before(items, cut + timedelta(days=30)) == before + after
    assert listed_before([at(cut)]) == 0          # dated at the change: listed by the new release only
    assert listed_before([at(cut.astimezone(TZ) - timedelta(hours=1))]) == 1


def test_daily_edition_groups_by_region_in_site_order_with_the_rest_last():
    items = [_item("a", 1, ["z"]), _item("b", 1, []), _item("c", 1, ["y", "z"])]
    groups = group_by_region(items, ["y", "z"])
    assert [(r, [i.brief.slug for i in g]) for r, g in groups] == [("y", ["c"]), ("z", ["a", "c"]), (None, ["b"])]


def test_brief_pages_found_from_their_urls_are_those_asked_about_each_brief():
    """A partial plan finds the brief pages of its sections from their URLs instead of asking about
    every brief: the same pages in the same order, for any set of sections (gone briefs included),
    and with two briefs on one URL (a clash: which claims it first must not change) every brief."""
    import random

    from briefgen.site.pages import brief_pages

    rng = random.Random(7)
    items = [_item(f"s{i:02d}", 1 + i % 5) for i in range(30)] + [_item("same", 2), _item("tie", 2)]
    items.sort(key=lambda it: it.slug)
    items.sort(key=lambda it: it.when, reverse=True)
    c = group(items)
    urls = [it.url for it in items] + ["2026/01/gone/"]
    for _ in range(50):
        wanted = {("brief", u) for u in rng.sample(urls, rng.randint(0, len(urls)))}
        found = [p.output for p in brief_pages(c, wanted.__contains__, [u for _, u in wanted])]
        assert found == [p.output for p in brief_pages(c, wanted.__contains__)]
    clash = group([*items[:3], _item(items[1].brief.slug, items[1].when.day), *items[3:]])
    wanted = {("brief", items[1].url)}
    assert ([p.context()["item"] for p in brief_pages(clash, wanted.__contains__, [items[1].url])]
            == [p.context()["item"] for p in brief_pages(clash, wanted.__contains__)])


def test_groups_kept_as_positions_from_the_oldest_give_the_groups_of_items_added_at_either_end():
    """collections.pack / unpack (issue 16: a day's briefs at 100,000): the kept groups, with any items
    before the ones they were made from grouped anew, are what group() makes of the whole list: the
    same keys in the same order, the same members (the very Items) in the same order, neighbours."""
    import marshal
    import random
    from datetime import timedelta

    from briefgen.site.collections import GROUPS, pack, unpack

    rnd = random.Random(7)

    def made(i: int) -> Item:
        when = datetime(2025, 12, 1, tzinfo=TZ) + timedelta(hours=rnd.randrange(2000))
        labels = (f"s{i}", tuple(rnd.sample(["a-r", "b-r", "c-r"], rnd.randrange(3))),
                  tuple(rnd.sample(["t1", "t2", "t3"], rnd.randrange(3))), tuple(rnd.sample(["fr", "DE", "it"], 2)))
        return Item(None, f"sig{i}", f"u/{i}/", when, labels=labels)

    for _ in range(30):
        old = sorted([made(i) for i in range(rnd.randrange(1, 120))], key=lambda it: it.when, reverse=True)
        kept = marshal.loads(marshal.dumps(pack(group(old))))
        items = [made(1000 + i) for i in range(rnd.randrange(0, 30))] + old
        got, want = unpack(kept, items, len(old)), group(items)
        for name in GROUPS:
            assert list(getattr(got, name)) == list(getattr(want, name)), name
            for key, members in getattr(want, name).items():
                assert [id(it) for it in getattr(got, name)[key]] == [id(it) for it in members], (name, key)
        assert got.items is items and got.newer == want.newer and got.older == want.older
