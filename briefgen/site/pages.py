"""Which pages the site has, what each one shows, and a key for what it shows.

Every page is planned as a `Page`: its output path, its template, a *key* hashing exactly the
inputs it displays (the signatures of the briefs it lists, its pagination, the tree's global
inputs) and a function that builds its template context. The build renders a page only when its
key differs from the last build's; otherwise the previous file is reused as it is.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.site.collections import (
    Pager,
    archive_count,
    archive_path,
    edition_groups,
    edition_summary,
    listed_before,
    old_page_numbers,
    paginate,
)

if TYPE_CHECKING:
    from briefgen.site.collections import Collections
    from briefgen.site.content import Item

log = logging.getLogger(__name__)

HOME_PER_REGION = 3


@dataclass
class Page:
    output: str                        # file below the tree root: "regions/x/index.html"
    url: str                           # its URL path below the tree root: "regions/x/"
    template: str
    key: tuple                         # what the page shows, hashed with the tree's global key
    context: Callable[[], dict]        # built only if the page must be rendered
    owner: str = ""                    # what the page comes from (a brief file), for collision messages
    section: tuple = ("global",)       # what it belongs to (see `item_sections`); "global": planned every build


Want = Callable[[tuple], bool]


def _every(section: tuple) -> bool:
    return True


def _tag(section: tuple, found: Iterator[Page]) -> Iterator[Page]:
    for page in found:
        page.section = section
        yield page


def item_sections(when, url: str, regions, themes, countries) -> list[tuple]:
    """The sections a brief shows on (besides its neighbours' pages, see `dirty_sections`): its own
    page, its month, its day's edition, its region, theme, region x theme and country listings. The
    reverse index: a changed brief re-plans these and leaves every other section as it was."""
    found = [("brief", url), ("month", (when.year, when.month)), ("edition", when.date())]
    for r in dict.fromkeys(regions):
        found.append(("region", r))
        found.extend(("region_theme", (r, t)) for t in dict.fromkeys(themes))
    found.extend(("theme", t) for t in dict.fromkeys(themes))
    found.extend(("country", code.upper()) for code in dict.fromkeys(countries))
    return found


def digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def _sigs(items: list[Item]) -> tuple[str, ...]:
    return tuple([it.sig for it in items])   # a list first: faster than a generator


def _listing(kind: str, name: object, base: str, template: str, items: list[Item], per_page: int,
             extra: dict, facets: dict | None = None, only: Collection[str] | None = None) -> Iterator[Page]:
    """A listing: its latest page at base/, stable archive pages at base/archive/<k>/ (1 = oldest,
    see `Pager`), and redirects from the former offset pages base/page/<n>/ to base/.

    `extra` goes to every page (names: fixed for the listing); `facets` (counts that change with
    every new brief) to the latest page only, so archive pages stay as they are when briefs arrive.
    `only` (see `partial_sections`): just the pages that list one of these URLs; `Added` URLs: the
    latest page, the archive pages those briefs change (`_unchanged_below`) and the redirects."""
    facets = facets or {}
    last = archive_count(len(items), per_page)
    below = 0
    if isinstance(only, Added):
        below, only = _unchanged_below(items, only, per_page), None
    for pager in paginate(items, per_page):
        if pager.number is not None and pager.number < below:
            continue
        if only is not None and not any(it.url in only for it in pager.items):
            continue
        k = pager.number
        url = archive_path(base, k)
        if k is None:
            prev_url, next_url = None, archive_path(base, last) if last else None
        else:
            prev_url = archive_path(base, k + 1) if k < last else base
            next_url = archive_path(base, k - 1) if k > 1 else None
        shown = {**extra, **facets} if k is None else extra

        def context(pager: Pager = pager, prev_url: str | None = prev_url, next_url: str | None = next_url,
                    shown: dict = shown) -> dict:
            return {"kind": kind, "name": name, "pager": pager, "items": pager.items, "list_url": base,
                    "prev_url": prev_url, "next_url": next_url, **shown}

        key = (kind, name, k, pager.count, pager.archives, _sigs(pager.items), prev_url, next_url, repr(shown))
        yield Page(url + "index.html", url, template, key, context)
    if only is None:
        yield from redirects(base, old_page_numbers(listed_before(items), per_page))


class Added(frozenset):
    """The URLs of briefs added to a listing, none removed or moved (see `partial_sections`)."""


def _unchanged_below(items: list[Item], added: Added, per_page: int) -> int:
    """The archive pages numbered below this one are what they were before `added` joined `items`
    (newest first), keys included: archive page k holds the k-th `per_page` of the oldest briefs, so
    a brief added at the oldest-first position j changes the pages from j // per_page + 1 up, and
    the page that was the newest archive page before may gain a link to a newer one. 0: plan every
    page (an added URL is not in `items`)."""
    n, left, deepest = len(items), len(added), -1
    for i, it in enumerate(items):   # the added briefs of a day are the newest: found at the front
        if it.url in added:
            deepest, left = i, left - 1
            if not left:
                break
    if left:
        return 0
    return min((n - 1 - deepest) // per_page + 1, archive_count(n - len(added), per_page))


def redirects(base: str, numbers) -> Iterator[Page]:
    """Static redirect pages for URLs that moved (old bookmarks and links keep working)."""
    for n in numbers:
        url = f"{base}page/{n}/"
        yield Page(url + "index.html", url, "redirect.html", ("redirect", base),
                   lambda base=base: {"target": base})


def brief_pages(c: Collections, want: Want = _every, urls: Collection[str] | None = None) -> Iterator[Page]:
    """The page of every brief `want`s; `urls` (a partial plan: the URLs of the brief sections it
    plans) finds them without asking about each of the 10,000 briefs."""
    for it in _wanted_items(c, urls) if urls is not None else c.items:
        if not want(("brief", it.url)):
            continue
        newer, older = c.newer[it.url], c.older[it.url]

        def context(it: Item = it, newer: Item | None = newer, older: Item | None = older) -> dict:
            return {"item": it, "brief": it.brief, "newer": newer, "older": older}

        key = ("brief", it.sig, newer.sig if newer else None, older.sig if older else None)
        yield Page(it.url + "index.html", it.url, "brief.html", key, context, it.source, ("brief", it.url))


def _wanted_items(c: Collections, urls: Collection[str]) -> list[Item]:
    """The items of `urls` (those still there), in the items' order (newest first, then by slug); every
    item when two share a URL (a clash: which page claims it first must not change)."""
    if len(c.newer) != len(c.items):
        return c.items
    found = []
    for url in urls:
        if url in c.newer:
            newer = c.newer[url]
            it = c.older[newer.url] if newer is not None else c.items[0]
            if it is None or it.url != url:
                return c.items
            found.append(it)
    found.sort(key=lambda it: (-it.when.timestamp(), it.slug))
    return found


def home_page(c: Collections, latest: int, front: str = "latest", group_by: str = "region") -> Iterator[Page]:
    if front == "edition" and c.by_day:
        yield from front_page(c, group_by)
        return
    newest = c.items[:latest]
    regions = [(r, items[:HOME_PER_REGION], len(items)) for r, items in c.by_region.items()]
    themes = [(t, len(items)) for t, items in c.by_theme.items()]
    edition = next(iter(c.by_day), None)
    key = ("home", _sigs(newest), tuple((r, _sigs(i), n) for r, i, n in regions), tuple(themes), edition,
           len(c.items))

    def context() -> dict:
        return {"front": "latest", "items": newest, "regions": regions, "themes": themes, "edition": edition,
                "total": len(c.items)}

    yield Page("index.html", "", "home.html", key, context)


def region_pages(c: Collections, per_page: int, want: Want = _every, partial: dict | None = None) -> Iterator[Page]:
    partial = partial or {}
    for region, items in c.by_region.items():
        if not want(("region", region)):
            continue
        themes = [(t, len(i)) for (r, t), i in c.by_region_theme.items() if r == region]
        yield from _tag(("region", region), _listing("region", region, f"regions/{region}/", "list.html", items,
                                                     per_page, {"region": region, "themes": []}, {"themes": themes},
                                                     partial.get(("region", region))))
    for (region, theme), items in c.by_region_theme.items():
        if want(("region_theme", (region, theme))):
            yield from _tag(("region_theme", (region, theme)), _listing(
                "region_theme", (region, theme), f"regions/{region}/{theme}/", "list.html", items, per_page,
                {"region": region, "theme_id": theme}, None, partial.get(("region_theme", (region, theme)))))
    counts = [(r, len(i)) for r, i in c.by_region.items()]
    yield Page("regions/index.html", "regions/", "terms.html", ("regions", tuple(counts)),
               lambda: {"kind": "regions", "terms": counts})


def theme_pages(c: Collections, per_page: int, want: Want = _every, partial: dict | None = None) -> Iterator[Page]:
    partial = partial or {}
    for theme, items in c.by_theme.items():
        if not want(("theme", theme)):
            continue
        regions = [(r, len(i)) for (r, t), i in c.by_region_theme.items() if t == theme]
        yield from _tag(("theme", theme), _listing("theme", theme, f"themes/{theme}/", "list.html", items, per_page,
                                                   {"theme_id": theme, "regions": []}, {"regions": regions},
                                                   partial.get(("theme", theme))))
    counts = [(t, len(i)) for t, i in c.by_theme.items()]
    yield Page("themes/index.html", "themes/", "terms.html", ("themes", tuple(counts)),
               lambda: {"kind": "themes", "terms": counts})


def archive_pages(c: Collections, per_page: int, map_days: int = 7, want: Want = _every,
                  partial: dict | None = None) -> Iterator[Page]:
    partial = partial or {}
    days_by_month: dict[tuple[int, int], list] = {}
    for day, items in c.by_day.items():
        days_by_month.setdefault((day.year, day.month), []).append((day, len(items)))
    for (year, month), items in c.by_month.items():
        if not want(("month", (year, month))):
            continue
        days = days_by_month.get((year, month), [])
        yield from _tag(("month", (year, month)), _listing(
            "month", (year, month), f"{year:04d}/{month:02d}/", "list.html", items, per_page,
            {"year": year, "month": month, "days": []}, {"days": days}, partial.get(("month", (year, month)))))
    months = [(y, m, len(i)) for (y, m), i in c.by_month.items()]
    counts, days = recent_counts(c, map_days)
    yield Page("archives/index.html", "archives/", "archives.html",
               ("archives", tuple(months), tuple(sorted(counts.items())), days),
               lambda: {"months": months, "map_counts": counts, "map_days": days})


# -- editions: the front page and one page per day (issue 15) --------------------------------------

def _edition_context(c: Collections, day, group_by: str) -> tuple[tuple, Callable[[], dict]]:
    """Key and context of one day's edition: each brief once, grouped, with yesterday and tomorrow."""
    days = list(c.by_day)
    i = days.index(day)
    items = c.by_day[day]
    newer = days[i - 1] if i > 0 else None
    older = days[i + 1] if i + 1 < len(days) else None
    key = ("edition", day, group_by, _sigs(items), newer, older)

    def context() -> dict:
        groups = edition_groups(items, group_by)
        return {"day": day, "groups": groups, "group_by": group_by, "summary": edition_summary(items, groups),
                "total": len(items), "newer_day": newer, "older_day": older, "map_counts": country_counts(items)}

    return key, context


def front_page(c: Collections, group_by: str) -> Iterator[Page]:
    """The home page as today's edition: the newest day that has briefs."""
    day = next(iter(c.by_day))
    key, context = _edition_context(c, day, group_by)

    def front() -> dict:
        return {**context(), "front": "edition"}

    yield Page("index.html", "", "home.html", ("front", *key), front)


def edition_pages(c: Collections, group_by: str = "region", want: Want = _every) -> Iterator[Page]:
    for day in c.by_day:
        if not want(("edition", day)):
            continue
        url = f"editions/{day.isoformat()}/"
        key, context = _edition_context(c, day, group_by)
        yield Page(url + "index.html", url, "edition.html", key, context, section=("edition", day))


def country_counts(items: list[Item]) -> dict[str, int]:
    """Briefs per country code (a brief counts once per country), for the map."""
    counts: dict[str, int] = {}
    for it in items:
        for code in dict.fromkeys(it.countries):
            counts[code.upper()] = counts.get(code.upper(), 0) + 1
    return counts


def recent_counts(c: Collections, days: int) -> tuple[dict[str, int], int]:
    """The map of the archives' home: briefs per country over the last `days` editions' days,
    counted back from the newest day that has briefs (not from the clock: the same input gives
    the same page)."""
    if not c.by_day or days <= 0:
        return {}, days
    newest = next(iter(c.by_day))
    recent = [it for day, items in c.by_day.items() if (newest - day).days < days for it in items]
    return country_counts(recent), days


def country_pages(c: Collections, per_page: int, want: Want = _every, partial: dict | None = None) -> Iterator[Page]:
    """/countries/<code>/ (lower-case ISO code), paginated, and /countries/ listing them all."""
    partial = partial or {}
    for code, items in c.by_country.items():
        if want(("country", code)):
            yield from _tag(("country", code), _listing("country", code, f"countries/{code.lower()}/", "list.html",
                                                        items, per_page, {"country": code}, None,
                                                        partial.get(("country", code))))
    counts = [(code, len(i)) for code, i in c.by_country.items()]
    yield Page("countries/index.html", "countries/", "terms.html", ("countries", tuple(counts)),
               lambda: {"kind": "countries", "terms": counts})


def plain_pages() -> Iterator[Page]:
    yield Page("search/index.html", "search/", "search.html", ("search",), dict)
    yield Page("404.html", "404.html", "404.html", ("404",), dict)


def all_pages(c: Collections, per_page: int, latest: int, front: str = "latest",
              group_by: str = "region", map_days: int = 7, want: Want | None = None,
              sections: Collection[tuple] | None = None, partial: dict | None = None) -> Iterator[Page]:
    """Every HTML page of one locale tree; with `want`, only the sections it wants and the global
    pages (a new page kind: tag its pages with a section `item_sections` knows, or leave them global,
    re-planned on every build). `sections`: those `want` wants, when they can be listed (the
    brief pages are then found from them). `partial` (see `partial_sections`): listing sections of
    which only the pages that list some URLs are wanted -> those URLs."""
    want = want or _every
    yield from home_page(c, latest, front, group_by)
    yield from brief_pages(c, want, None if sections is None else [v for k, v in sections if k == "brief"])
    yield from region_pages(c, per_page, want, partial)
    yield from theme_pages(c, per_page, want, partial)
    yield from archive_pages(c, per_page, map_days, want, partial)
    yield from edition_pages(c, group_by, want)
    yield from country_pages(c, per_page, want, partial)
    yield from plain_pages()


def dirty_sections(c: Collections, changed: list[tuple]) -> set[tuple]:
    """The sections to re-plan after `changed` briefs (each an old and/or new record `(when, slug, url,
    regions, themes, countries)`, None when absent): theirs, and their neighbours' in time (brief
    pages link the newer and older brief; editions the newer and older day), found by position in
    the new order, so a removed or moved brief's old neighbours count too."""
    import bisect

    found: set[tuple] = set()
    days = sorted(c.by_day)

    def order(it: Item) -> tuple:   # the items' order (newest first, then by slug), for bisect
        return -it.when.timestamp(), it.slug

    for record in changed:
        if record is None:
            continue
        when, slug, url, regions, themes, countries = record
        found.update(item_sections(when, url, regions, themes, countries))
        at = bisect.bisect_left(c.items, (-when.timestamp(), slug), key=order)
        found.update(("brief", c.items[i].url) for i in range(at - 1, at + 2) if 0 <= i < len(c.items))
        at = bisect.bisect_left(days, when.date())
        found.update(("edition", days[i]) for i in range(at - 1, at + 2) if 0 <= i < len(days))
    return found


LISTINGS = frozenset({"region", "region_theme", "theme", "country", "month"})   # sections paged by _listing


def partial_sections(changed: list[tuple], dirty: set[tuple],
                     present: Callable[[tuple], bool] | None = None) -> dict[tuple, set[str]]:
    """The listing sections of `dirty` that only some of their pages need planning again for: those
    where every change is a brief whose text alone changed (title, lead, body...: the same record
    `(when, slug, url, regions, themes, countries)` before and after, so `changed` holds it twice) ->
    those briefs' URLs. Such a listing keeps its items, order, pages, counts and redirects: only the
    pages that list one of the briefs show something new (their keys hold the briefs' signatures);
    the others are what the last plan has (an edit at 10,000 briefs keyed ~900 pages of its listings
    to find the ~6 that changed).

    With `present` (is this record a brief of the new site?): also those where every change is a
    brief added (its record once in `changed`, present, and no other record of its URL: not a brief
    moved or renamed) -> `Added` URLs; the archive pages older than the added briefs keep their keys
    (`_unchanged_below`), so a day's briefs key the latest pages of their listings, not all ~6,700
    archive pages of 10,000 briefs."""
    seen: dict[tuple, int] = {}
    urls: dict[str, int] = {}
    for record in changed:
        if record is not None:
            seen[record] = seen.get(record, 0) + 1
            urls[record[2]] = urls.get(record[2], 0) + 1
    full: set[tuple] = set()
    found: dict[tuple, set[str]] = {}
    added: dict[tuple, set[str]] = {}
    for record, n in seen.items():
        when, slug, url, regions, themes, countries = record
        new = n == 1 and urls[url] == 1 and present is not None and present(record)
        for section in item_sections(when, url, regions, themes, countries):
            if section[0] in LISTINGS:
                if n == 2:
                    found.setdefault(section, set()).add(url)
                elif new:
                    added.setdefault(section, set()).add(url)
                else:
                    full.add(section)
    full.update(found.keys() & added.keys())      # edits and additions in one listing: planned whole
    found.update((section, Added(new)) for section, new in added.items())
    return {section: urls for section, urls in found.items() if section not in full and section in dirty}
