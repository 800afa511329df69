"""Group items (newest first) by day, month, region, theme and region x theme; neighbours in time.

Pure functions over the list `content.load_items` returns: no I/O, so they are easy to test.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
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
    for it in items:
        for code in dict.fromkeys(it.brief.countries):
            country[code.upper()].append(it)
        day[it.day].append(it)
        month[(it.when.year, it.when.month)].append(it)
        # dict.fromkeys: a brief listing a region twice is still shown once
        for r in dict.fromkeys(it.brief.regions):
            region[r].append(it)
            for t in dict.fromkeys(it.brief.themes):
                both[(r, t)].append(it)
        for t in dict.fromkeys(it.brief.themes):
            theme[t].append(it)
    c = Collections(items=items, by_day=dict(sorted(day.items(), reverse=True)),
                    by_month=dict(sorted(month.items(), reverse=True)),
                    by_region=dict(sorted(region.items())), by_theme=dict(sorted(theme.items())),
                    by_region_theme=dict(sorted(both.items())), by_country=dict(sorted(country.items())))
    for i, it in enumerate(items):
        c.newer[it.url] = items[i - 1] if i > 0 else None
        c.older[it.url] = items[i + 1] if i + 1 < len(items) else None
    return c


@dataclass(frozen=True)
class Pager:
    """One page of a listing: its items, its number (1-based) and where its siblings are."""

    items: list
    number: int
    total: int
    count: int          # items in the whole listing

    def path(self, base: str, number: int) -> str:
        return base if number == 1 else f"{base}page/{number}/"


def paginate(items: list, per_page: int) -> list[Pager]:
    total = max(1, ceil(len(items) / per_page))
    return [Pager(items[(n - 1) * per_page:n * per_page], n, total, len(items)) for n in range(1, total + 1)]


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
