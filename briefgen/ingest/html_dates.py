"""Publication and update dates of an HTML page.

The page's own machine-readable time comes first (article:published_time, the JSON-LD of the article
itself, <time datetime>), with the offset it gives. A timestamp in UTC is a moment, not the day the
page shows: when it falls on another day than the date printed on the page (a US evening is the next
day in UTC), the printed date decides the day, and the offset between the two gives the page's time
zone; else the page's other timestamps that carry an offset give it. Numeric dates are read in the
page's locale (`<html lang>`, og:locale) and its own order (dates.page_order).
"""
from __future__ import annotations

import html as htmllib
import json
import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from briefgen.ingest import dates

_FLAGS = re.IGNORECASE | re.DOTALL
_PUB_NAMES = r"article:published_time|og:article:published_time|datePublished|date|dc\.date|publish-date|pubdate"
_UPD_NAMES = r"article:modified_time|og:updated_time|dateModified|last-modified"
META_PUBLISHED = tuple(re.compile(rx, _FLAGS) for rx in (
    rf'<meta[^>]+(?:property|name|itemprop)=["\'](?:{_PUB_NAMES})["\'][^>]*content=["\']([^"\']+)',
    r'<meta[^>]+content=["\']([^"\']+)["\'][^>]*(?:property|name|itemprop)=["\'](?:article:published_time|datePublished)["\']'))
META_UPDATED = tuple(re.compile(rx, _FLAGS) for rx in (
    rf'<meta[^>]+(?:property|name|itemprop)=["\'](?:{_UPD_NAMES})["\'][^>]*content=["\']([^"\']+)',
    r'<meta[^>]+content=["\']([^"\']+)["\'][^>]*(?:property|name|itemprop)=["\'](?:article:modified_time|dateModified)["\']'))
JSONLD = re.compile(r'<script[^>]+type=["\']application/ld\+json["\'][^>]*>(.*?)</script>', _FLAGS)
JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
JSONLD_UPDATED = re.compile(r'"dateModified"\s*:\s*"([^"]+)"')
TIME_ATTR = re.compile(r'<time[^>]+datetime=["\']([^"\']+)', _FLAGS)
# a <time> that says it is the last update (itemprop="dateModified", class="updated"; WordPress's
# "entry-date published updated" names both and is the publication): never the publication. Nor is it read as
# the update (teasers carry such <time>s too: a sample page's sidebar holds one of 2018 beside a 2025 article),
# only as a moment whose offset may give a UTC stamp its local time (local_day)
TIME_TAG = re.compile(r"<time\b[^>]*>", _FLAGS)
TIME_UPDATE = re.compile(r'''(?:itemprop|class)=["'][^"']*\b(?:dateModified|updated|modified)\b''', re.IGNORECASE)
TIME_PUBLISHED = re.compile(r'''(?:itemprop|class)=["'][^"']*\b(?:datePublished|published)\b''', re.IGNORECASE)
HTML_LANG = re.compile(r'<html[^>]*\blang=["\']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)', re.IGNORECASE)
OG_LOCALE = re.compile(r'<meta[^>]+property=["\']og:locale["\'][^>]*content=["\']([A-Za-z]{2,3}(?:[-_][A-Za-z]{2})?)',
                       re.IGNORECASE)
TITLE = re.compile(r"<title[^>]*>(.{0,400}?)</title>", _FLAGS)
OG_TITLE = re.compile(r'<meta[^>]+property=["\']og:title["\'][^>]*content=["\']([^"\']{0,400})', re.IGNORECASE)
# Where pages print their date: <time>, and elements whose class or id names a date, time or byline.
SHOWN_TIME = re.compile(r"<time\b[^>]*>(.{0,300}?)</time>", _FLAGS)
SHOWN_ATTR = re.compile(r"""\b(?:class|id)=["']([^"'<>]{0,200})""")
SHOWN_WORD = re.compile(r"date|time|publi|posted|byline|dateline|meta", re.IGNORECASE)
H1 = re.compile(r"<h1\b", re.IGNORECASE)
SHOWN_BEFORE, SHOWN_AFTER = 20_000, 60_000   # characters around the <h1> searched for the printed date
TAG_NAME = re.compile(r"<(\w+)")
# The page's own address, when it carries the day: ".../2015/02/28/slug", "/2015-02-28/".
PAGE_URL = re.compile(r'<link[^>]+rel=["\']canonical["\'][^>]*href=["\']([^"\']+)|'
                      r'<meta[^>]+property=["\']og:url["\'][^>]*content=["\']([^"\']+)', re.IGNORECASE)
URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-|_)")
TAG = re.compile(r"<[^>]+>")
SHOWN_MAX = 40            # elements read for the printed date
MAX_OFFSET = timedelta(hours=14)


def page_locale(page: str) -> str | None:
    """The page's declared locale ('en-US', 'de', 'pt_BR'), or None."""
    m = HTML_LANG.search(page) or OG_LOCALE.search(page)
    return m.group(1).replace("-", "_") if m else None


@lru_cache(maxsize=2)   # read for the published and again for the updated time of the same page
def _jsonld_items(page: str) -> tuple:
    """The top-level objects of the page's JSON-LD (in @graph too), then their mainEntity: the article's
    own metadata, not that of a reviewed claim, an image or a comment nested inside it."""
    top, nested = [], []
    for m in JSONLD.finditer(page):
        try:
            data = json.loads(m.group(1).strip(), strict=False)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("@graph"), list):
                top += [x for x in item["@graph"] if isinstance(x, dict)]
            elif isinstance(item, dict):
                top.append(item)
    for item in top:
        for key in ("mainEntity", "mainEntityOfPage"):
            if isinstance(item.get(key), dict):
                nested.append(item[key])
    return tuple(top + nested)


def _parse(value: str, lang: str | None, order: str | None) -> datetime | None:
    try:
        return dates.parse(htmllib.unescape(value), lang=lang, order=order)
    except dates.DateError:
        return None


def _machine(page: str, metas, jsonld_key: str, jsonld_rx, lang, order, with_time: bool) -> list[datetime]:
    """Every machine-readable date of one kind, most trusted first."""
    found: list[datetime] = []
    for rx in metas:
        found += [d for m in rx.finditer(page) if (d := _parse(m.group(1), lang, order)) is not None]
    values = [str(item[jsonld_key]) for item in _jsonld_items(page) if item.get(jsonld_key)]
    if not values:   # JSON-LD that does not parse: its values by regex
        values = [m.group(1) for m in jsonld_rx.finditer(page)]
    found += [d for v in values if (d := _parse(v, lang, order)) is not None]
    if with_time:   # <time datetime> around the <h1> first: a teaser's or the site clock's elsewhere
        h1 = H1.search(page)
        times = list(TIME_ATTR.finditer(page))
        if h1:
            times.sort(key=lambda m: not h1.start() - SHOWN_BEFORE <= m.start() <= h1.start() + SHOWN_AFTER)
        found += [d for m in times if not _time_is_update(page, m.start())
                  and (d := _parse(m.group(1), lang, order)) is not None]
    return found


def _time_is_update(page: str, at: int) -> bool:
    tag = TIME_TAG.match(page, at)
    return bool(tag) and bool(TIME_UPDATE.search(tag.group(0))) and not TIME_PUBLISHED.search(tag.group(0))


def _shown_attrs(page: str, lo: int, hi: int):
    """The matches of SHOWN_ATTR.finditer(page, lo, hi), found faster: a match can start only where
    "class=" or "id=" does, and str.find skips to those (the regex alone tries every position)."""
    pos, next_class, next_id = lo, -2, -2
    find, match = page.find, SHOWN_ATTR.match
    while pos < hi:
        if next_class != -1 and next_class < pos:
            next_class = find("class=", pos, hi)
        if next_id != -1 and next_id < pos:
            next_id = find("id=", pos, hi)
        if next_class < 0 and next_id < 0:
            return
        start = next_id if next_class < 0 or 0 <= next_id < next_class else next_class
        m = match(page, start, hi)
        if m:
            yield m
            pos = m.end()
        else:
            pos = start + 1


def shown_texts(page: str) -> list[str]:
    """Texts of the first elements where the page prints a date (<time>, date/byline classes) around
    its <h1> (or at the top), in page order, tags removed."""
    h1 = H1.search(page)
    lo, hi = (max(0, h1.start() - SHOWN_BEFORE), h1.start() + SHOWN_AFTER) if h1 else (0, SHOWN_BEFORE + SHOWN_AFTER)
    found: list[tuple[int, str]] = [(m.start(), m.group(1))
                                    for _, m in zip(range(SHOWN_MAX), SHOWN_TIME.finditer(page, lo, hi))]
    attrs = (m for m in _shown_attrs(page, lo, hi) if SHOWN_WORD.search(m.group(1)))
    for _, m in zip(range(SHOWN_MAX), attrs):
        start = page.rfind("<", 0, m.start())
        name = TAG_NAME.match(page, start) if start >= 0 else None
        end = page.find(">", m.end())
        if name is None or end < 0 or name.group(1).lower() == "time":
            continue
        inner = page[end + 1:end + 301]
        close = inner.lower().find(f"</{name.group(1).lower()}")
        if close >= 0:
            found.append((start, inner[:close]))
    found.sort(key=lambda x: x[0])
    return [" ".join(htmllib.unescape(TAG.sub(" ", text)).split()) for _, text in found[:SHOWN_MAX]]


def shown_dates(page: str, lang: str | None, order: str | None = None,
                texts: list[str] | None = None) -> list[tuple[datetime, bool]]:
    """Dates printed in the page (<time> text, date/byline elements), each with whether it shows a time."""
    out: list[tuple[datetime, bool]] = []
    for text in shown_texts(page) if texts is None else texts:
        if not text or len(text) > 120 or dates.ISO_FULL.search(text):
            continue
        d = _parse(text, lang, order)
        if d is not None:
            out.append((d, dates._find_time(text) is not None))
    return out


def _is_utc(d: datetime) -> bool:
    return d.tzinfo is not None and d.utcoffset() == timedelta(0)


def _has_time(d: datetime) -> bool:
    return d.tzinfo is not None or (d.hour, d.minute, d.second) != (0, 0, 0)


def best_published(found: list[datetime]) -> datetime | None:
    """The most trusted machine date, or the first that gives a time and an offset for the same day
    (a page's bare `date` meta and its JSON-LD's full timestamp say the same, the second more precisely)."""
    if not found:
        return None
    first = found[0]
    if first.tzinfo is None:
        precise = next((d for d in found if d.tzinfo is not None and abs((d.date() - first.date()).days) <= 1),
                       None)
        if precise is not None:
            return precise
    return first


def _same_moment(printed: datetime, published: datetime) -> datetime | None:
    """`published` written with the offset under which it reads as `printed` (a wall-clock date and time),
    when that offset is a whole number of quarter hours (to the minute) within any zone's reach."""
    diff = (printed.replace(tzinfo=None) - published.replace(tzinfo=None)).total_seconds()
    quarters = round(diff / 900) * 900
    if not quarters or abs(diff - quarters) >= 60 or abs(quarters) >= MAX_OFFSET.total_seconds():
        return None
    local = published.astimezone(timezone(timedelta(seconds=quarters)))
    return local if local.date() == printed.date() else None


def local_day(published: datetime, page: str, lang: str | None, order: str | None,
              others: list[datetime], texts: list[str] | None = None, printed=None) -> datetime:
    """A UTC timestamp on the day the page shows. The same moment written with the page's offset
    elsewhere in its metadata gives the local time. Else the printed date (or the day in the page's
    own address, ".../2015/02/28/…") decides: when the page
    shows the UTC day, it stays; when it shows only the day before or after, that day is the date, and
    with a printed time the difference is the page's offset and the moment is kept. Without a printed
    date, a printed time in a zone other than UTC ("9:30 PM EST") gives the zone, else the offset of the
    page's other timestamps (when they agree on one) gives the local day. `printed`, when given, is called
    for the date printed by the headline when no element named for dates shows one (an older page's
    plain "<p><em>February 28, 2015 at 9:30 pm</em></p>")."""
    same = next((d for d in others if d.tzinfo is not None and d.utcoffset() and d == published), None)
    if same is not None:
        return same
    utc_day = published.date()
    shown = [(d, t) for d, t in shown_dates(page, lang, order, texts) + _url_day(page)
             if abs((d.date() - utc_day).days) <= 1]
    if not shown and printed is not None and (extra := printed()) is not None \
            and abs((extra.date() - utc_day).days) <= 1:
        shown = [(extra, _has_time(extra))]
    if shown and (days := plausible_days(published, lang)) is not None:
        # a printed day no clock of the page's language shows at that moment is another date (an
        # unlabelled print edition's next day beside a German afternoon in UTC), not the local day
        shown = [(d, t) for d, t in shown if d.date() == utc_day or d.date() in days]
    # the publication moment printed in the site's own zone ("Posted Nov. 14, 2018 at 9:40 pm" beside
    # 2018-11-15T02:40Z): the first printed date-time, off the UTC day by whole quarter hours to the minute,
    # is that moment, whatever a later printed date on the UTC day says (an update: "Updated Nov. 15")
    first = next((d for d, has_time in shown if has_time), None)
    if first is not None and first.date() != utc_day and (local := _same_moment(first, published)) is not None:
        return local
    if any(d.date() == utc_day for d, _ in shown):
        return published
    if shown:
        day, has_time = shown[0]
        if has_time:
            offset = day.replace(tzinfo=None) - published.replace(tzinfo=None)
            offset = timedelta(minutes=15 * round(offset.total_seconds() / 900))
            if abs(offset) < MAX_OFFSET:
                local = published.astimezone(timezone(offset))
                if local.date() == day.date():
                    return local
        return datetime(day.year, day.month, day.day)
    zone = _printed_zone(shown_texts(page) if texts is None else texts)
    if zone is not None:   # no printed day, but a printed time in the site's zone ("9:30 PM EST")
        return published.astimezone(zone)
    offsets = Counter(d.utcoffset() for d in others if d.tzinfo is not None and d.utcoffset())
    if len(offsets) == 1:
        return published.astimezone(timezone(next(iter(offsets))))
    return published


@lru_cache(maxsize=256)
def _language_zones(lang: str) -> tuple:
    """The time zones of the territories where a language is official (CLDR's territory languages and
    zones, from babel): 'de' gives Germany's, Austria's, Switzerland's, Liechtenstein's, Luxembourg's and
    Belgium's; 'en' nearly every offset. A language official nowhere takes the territories where it is
    an official regional one; () when it has none (then any day is plausible)."""
    from zoneinfo import ZoneInfo

    from babel.core import get_global

    base = lang.replace("-", "_").split("_")[0].lower()
    languages, zones = get_global("territory_languages"), get_global("territory_zones")
    for statuses in (("official", "de_facto_official"), ("official_regional",)):
        territories = [t for t, info in languages.items()
                       if base in info and info[base].get("official_status") in statuses]
        if territories:
            break
    out = []
    for name in sorted({z for t in territories for z in zones.get(t, ())}):
        try:
            out.append(ZoneInfo(name))
        except (ValueError, OSError, LookupError):   # a zone this system's tzdata lacks
            continue
    return tuple(out)


def plausible_days(moment: datetime, lang: str | None):
    """The local days a moment falls on in the zones of the page's language, or None when that says
    nothing: no language, a language without territories, or a bare day stored as midnight UTC."""
    if not lang or moment.tzinfo is None or (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return None
    zones = _language_zones(lang)
    return {moment.astimezone(z).date() for z in zones} if zones else None


def _printed_zone(texts: list[str]):
    """The time zone of a time the page prints by its headline ("Updated 9:30 PM EST", "21:30 MEZ"),
    when it is not UTC itself: the zone the site writes its times in."""
    for text in texts:
        if len(text) <= 120 and dates._find_time(text) and (zone := dates._find_tz(text)) is not None \
                and zone.utcoffset(datetime(2000, 1, 1)) != timedelta(0):
            return zone
    return None


def _url_day(page: str) -> list[tuple[datetime, bool]]:
    """The day in the page's canonical address or og:url, when it has one."""
    m = PAGE_URL.search(page)
    d = URL_DAY.search(m.group(1) or m.group(2)) if m else None
    if d is None:
        return []
    try:
        return [(datetime(int(d.group(1)), int(d.group(2)), int(d.group(3))), False)]
    except ValueError:
        return []


def url_date(page: str) -> datetime | None:
    """The day in the page's canonical address or og:url (".../2011/03/02/slug/"), or None."""
    found = _url_day(page)
    return found[0][0] if found else None


def _title_date(page: str, lang: str | None, order: str | None) -> datetime | None:
    """A date in the document title ("… | DW | 28.04.2023"): the page's own date."""
    for rx in (OG_TITLE, TITLE):
        m = rx.search(page)
        if m and (d := _parse(TAG.sub(" ", m.group(1)), lang, order)) is not None:
            return d
    return None


def page_dates(page: str, fallback: str | None = None, printed=None) -> tuple[datetime | None, datetime | None]:
    """(published, updated) of an HTML page; `fallback` is another extractor's date string; `printed`
    gives the date printed by the headline, read only to put a UTC timestamp on the page's day."""
    lang = page_locale(page)
    texts = shown_texts(page)
    order = dates.page_order(texts)
    published_all = _machine(page, META_PUBLISHED, "datePublished", JSONLD_PUBLISHED, lang, order, True)
    updated_all = _machine(page, META_UPDATED, "dateModified", JSONLD_UPDATED, lang, order, False)
    published = best_published(published_all)
    if published is None:
        published = _title_date(page, lang, order)
    if published is None and fallback:
        published = _parse(fallback, lang, order)
    if published is not None and _is_utc(published):
        update_times = [d for m in TIME_ATTR.finditer(page) if _time_is_update(page, m.start())
                        and (d := _parse(m.group(1), lang, order)) is not None]
        published = local_day(published, page, lang, order, published_all + updated_all + update_times, texts,
                              printed)
    updated = updated_all[0] if updated_all else None
    if updated is not None and published is not None and \
            updated.replace(tzinfo=None) == published.replace(tzinfo=None):
        updated = None
    return published, updated

