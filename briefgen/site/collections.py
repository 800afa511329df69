"""Group items (newest first) by day, month, region, theme and region x theme; neighbours in time.

Pure functions over the list `content.load_items` returns: no I/O, so they are easy to test.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from math import ceil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.site.content import Item

log = logging.getLogger(__name__)


@dataclass
class Collections:
    items: list[Item]
    by_day: dict[date, list[Item]] = field(default_factory=dict)
    by_month: dict[tuple[int, int], list[Item]] = field(default_factory=dict)
    by_region: dict[str, list[Item]] = field(default_factory=dict)
    by_theme: dict[str, list[Item]] = field(default_factory=dict)
    by_region_theme: dict[tuple[str, str], list[Item]] = field(default_factory=dict)
    by_country: dict[str, list[Item]] = field(default_factory=dict)   # ISO code (upper case) -> items
    newer: dict[str, Item | None] = field(default_factory=dict)   # by item url
    older: dict[str, Item | None] = field(default_factory=dict)


def group(items: list[Item]) -> Collections:
    """`items` must be sorted newest first; every group keeps that order."""
    day: dict = defaultdict(list)
    month: dict = defaultdict(list)
    region: dict = defaultdict(list)
    theme: dict = defaultdict(list)
    both: dict = defaultdict(list)
    country: dict = defaultdict(list)
    fromkeys = dict.fromkeys
    for it in items:   # the item's labels (the brief's, as filed): no brief is loaded here
        # dict.fromkeys: a brief listing a label twice is still shown once (a label or none: as is;
        # most briefs, and 10,000 dicts less per build)
        countries = it.countries
        for code in (countries if len(countries) < 2 else fromkeys(countries)):
            country[code.upper()].append(it)
        when = it.when
        day[when.date()].append(it)
        month[(when.year, when.month)].append(it)
        themes = it.themes
        if len(themes) > 1:
            themes = fromkeys(themes)
        regions = it.regions
        for r in (regions if len(regions) < 2 else fromkeys(regions)):
            region[r].append(it)
            for t in themes:
                both[(r, t)].append(it)
        for t in themes:
            theme[t].append(it)
    return _collections(items, {"by_day": day, "by_month": month, "by_region": region, "by_theme": theme,
                                "by_region_theme": both, "by_country": country})


# The groups of Collections, in the order group() makes them; those keyed by dates newest first.
GROUPS = ("by_day", "by_month", "by_region", "by_theme", "by_region_theme", "by_country")
_NEWEST_FIRST = {"by_day", "by_month"}


def _collections(items: list[Item], groups: dict[str, dict]) -> Collections:
    """Collections of `items` from its groups in any key order (each group's members in items' order)."""
    c = Collections(items=items, **{name: dict(sorted(groups[name].items(), reverse=name in _NEWEST_FIRST))
                                    for name in GROUPS})
    urls = [it.url for it in items]
    c.newer = dict(zip(urls, [None, *items[:-1]]))
    c.older = dict(zip(urls, [*items[1:], None]))
    return c


# -- the groups kept between builds ---------------------------------------------------------------
# A fresh `briefgen build` grouped every brief again (~0.35 s of CPU at 100,000 briefs) although a
# day's briefs change only the newest end of the list. The groups are kept as the members' positions
# counted from the OLDEST item: items added at the newest end (a day's briefs) leave every kept
# position as it was, so the kept groups serve for as long as the items end with the kept ones.

def pack(c: Collections) -> dict:
    """The groups of `c` as marshal-able data: {group: [(key, positions)]}, each position counted from
    the oldest item (`unpack`), as array('I') bytes; a day's key as its ordinal."""
    from array import array

    last = len(c.items) - 1
    at = {id(it): last - i for i, it in enumerate(c.items)}
    return {name: [(k.toordinal() if name == "by_day" else k, array("I", [at[id(it)] for it in members]).tobytes())
                   for k, members in getattr(c, name).items()]
            for name in GROUPS}


def unpack(packed: dict, items: list[Item], kept: int) -> Collections:
    """What `group(items)` gives, where the last `kept` of `items` are, in order, the items `packed`
    was made from (the caller checks it): their groups taken from `packed`, the newer ones grouped,
    each group's newer members first (as group() meets them in items' order)."""
    from array import array
    from operator import itemgetter

    newer = group(items[:len(items) - kept]) if kept < len(items) else None
    oldest_first = items[len(items) - kept:][::-1]
    groups: dict[str, dict] = {}
    for name in GROUPS:
        found = dict(getattr(newer, name)) if newer is not None else {}
        for k, data in packed[name]:
            positions = array("I")
            positions.frombytes(data)
            members = ([oldest_first[positions[0]]] if len(positions) == 1
                       else list(itemgetter(*positions)(oldest_first)))
            if name == "by_day":
                k = date.fromordinal(k)
            found[k] = found[k] + members if k in found else members
        groups[name] = found
    return _collections(items, groups)


def swap_items(c: Collections, items: list[Item], swaps: list[tuple[Item, Item]]) -> None:
    """`c` (grouped from the items before) made what `group(items)` gives, where `items` is that
    list with each old Item of `swaps` replaced by its new one of the same date, slug, URL and labels
    (the preview's usual save: a title or body edited). Every group keeps its order: only the
    objects change, in place."""
    c.items = items
    for old, new in swaps:
        themes = list(dict.fromkeys(old.themes))
        regions = list(dict.fromkeys(old.regions))
        lists = [c.by_day[old.when.date()], c.by_month[(old.when.year, old.when.month)],
                 *(c.by_region[r] for r in regions), *(c.by_theme[t] for t in themes),
                 *(c.by_region_theme[(r, t)] for r in regions for t in themes),
                 *(c.by_country[code.upper()] for code in dict.fromkeys(old.countries))]
        for members in {id(m): m for m in lists}.values():
            at = -1
            while True:
                try:
                    at = members.index(old, at + 1)
                except ValueError:
                    break
                members[at] = new
    last = len(items) - 1
    for _, new in swaps:
        i = items.index(new)
        for j in range(max(0, i - 1), min(last, i + 1) + 1):
            c.newer[items[j].url] = items[j - 1] if j > 0 else None
            c.older[items[j].url] = items[j + 1] if j < last else None


@dataclass(frozen=True)
class Pager:
    """One page of a listing.

    Listings are split into *stable* archive pages counted from the oldest brief: archive page k
    holds the (k-1)*per_page-th to the k*per_page-th oldest briefs, for ever (until briefs are
    deleted or back-dated). The listing's own URL is its *latest* page: every brief newer than the
    last archive page (per_page to 2*per_page-1 of them). A day's new briefs therefore change the
    latest page and at most the archive page that closes, never the pages a reader bookmarked.
    `number` is None on the latest page; `count` (the whole listing's size, which changes with every
    new brief) is given to the latest page only, so an archive page never shows it."""

    items: list
    number: int | None      # archive page (1 = oldest), None: the listing's latest page
    count: int | None       # briefs in the whole listing (latest page only)
    archives: int           # archive pages before the latest (the latest page: how many exist)

    @property
    def latest(self) -> bool:
        return self.number is None


def archive_count(n: int, per_page: int) -> int:
    """How many archive pages a listing of n briefs has: every full page but the newest one."""
    return max(0, n // per_page - 1)


def archive_path(base: str, number: int | None) -> str:
    return base if number is None else f"{base}archive/{number}/"


def paginate(items: list, per_page: int) -> list[Pager]:
    """`items` newest first -> the latest page, then archive pages from the newest to the oldest."""
    n = len(items)
    archives = archive_count(n, per_page)
    oldest_first = items[::-1]
    latest = oldest_first[archives * per_page:][::-1]
    pagers = [Pager(latest, None, n, archives)]
    for k in range(archives, 0, -1):
        pagers.append(Pager(oldest_first[(k - 1) * per_page:k * per_page][::-1], k, None, 0))
    return pagers


# Listings had offset pages (page/2/, page/3/, …) up to release 0.1.0; 0.2.0 (2026-12-06 11:00 UTC, the
# first release with stable archive pages, commit f3ef29d) redirects them to the listing. A site built
# by an older release can have listed only briefs dated before then: the page/N/ URLs a listing can have
# had are those of its briefs dated before it. Briefs dated later add none (they used to: every
# growth of a listing past a page made a redirect for a URL that never existed, 436 of the 2,505 files
# a day of 1,000 briefs wrote at 100,000).
OFFSET_PAGES_UNTIL = datetime(2026, 12, 6, 11, 0, 28, tzinfo=UTC)


def listed_before(items: list, until: datetime = OFFSET_PAGES_UNTIL) -> int:
    """How many of `items` (newest first, as every group keeps them) are dated before `until`."""
    lo, hi = 0, len(items)
    while lo < hi:                    # the first item dated before `until`
        mid = (lo + hi) // 2
        if items[mid].when < until:
            hi = mid
        else:
            lo = mid + 1
    return len(items) - lo


def old_page_numbers(n: int, per_page: int) -> range:
    """The `page/N/` URLs the former offset pagination gave a listing of n briefs (kept as redirects):
    n is the listing's briefs dated before OFFSET_PAGES_UNTIL (`listed_before`)."""
    return range(2, ceil(n / per_page) + 1)


def group_by_region(items: list[Item], region_order: list[str]) -> list[tuple[str | None, list[Item]]]:
    """A daily edition's items per region, in the site's region order; briefs without one last.

    A brief about two regions shows under each: the edition reads region by region."""
    groups: dict[str | None, list[Item]] = {r: [] for r in region_order}
    for it in items:
        for r in (dict.fromkeys(it.brief.regions) or [None]):
            groups.setdefault(r, []).append(it)
    return [(r, g) for r, g in groups.items() if g]


# -- the edition front page ----------------------------------------------------------------------

def importance(it: Item) -> tuple:
    """Most important first: a brief that concerns more regions and countries, then one with key
    points and a lead, then the newest. A general property of a brief, not of one publisher."""
    b = it.brief
    return (len(set(b.regions)), len(set(b.countries)), bool(b.key_points), bool(b.lead), it.when)


def edition_groups(items: list[Item], by: str = "region") -> list[tuple[str | None, list[Item]]]:
    """A day's briefs, each ONCE, under its first region (or theme, `by="theme"`); its other
    regions show as chips. Groups with more briefs first (then by name); inside a group the most
    important brief first. Briefs without a region (theme) come last, under None."""
    groups: dict[str | None, list[Item]] = {}
    for it in items:
        keys = it.brief.themes if by == "theme" else it.brief.regions
        groups.setdefault(keys[0] if keys else None, []).append(it)
    for members in groups.values():
        members.sort(key=importance, reverse=True)
    return sorted(groups.items(), key=lambda kv: (kv[0] is None, -len(kv[1]), kv[0] or ""))


def edition_summary(items: list[Item], groups: list[tuple[str | None, list[Item]]]) -> dict:
    """Counts for the "in this edition" line: briefs per group, and per theme (a brief counts once
    per theme it has)."""
    themes: dict[str, int] = {}
    for it in items:
        for t in dict.fromkeys(it.brief.themes):
            themes[t] = themes.get(t, 0) + 1
    return {"total": len(items), "groups": [(g, len(members)) for g, members in groups if g],
            "themes": sorted(themes.items(), key=lambda kv: (-kv[1], kv[0]))}
