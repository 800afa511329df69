"""Dates and UI strings in an explicit locale (habit 9): never the process locale.

Dates go through babel with the page's locale; "relative" dates ("il y a 3 jours") are computed
against a pinned build day so the same input gives the same bytes. UI strings come from gettext
catalogs: the project's `locales/` first, the default theme's last.
"""
from __future__ import annotations

import io
import logging
import sys
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale


def _babel_dates_without_pytz() -> None:
    """Import babel.dates with pytz hidden, unless either is imported already. At import, babel.dates
    asks babel.localtime for the machine's time zone, which imports pytz (installed for dateparser)
    and looks the zone up in it: ~12 ms of CPU in every process that renders a page (an edit's build
    at 10,000 briefs is ~0.5 s). briefgen passes its zone (a ZoneInfo) to every babel call and never
    uses babel's local zone, and babel without pytz is a setup babel supports (it then uses zoneinfo
    for the zones it looks up itself): same output. Others still import pytz as usual afterwards."""
    if "babel.dates" in sys.modules or "pytz" in sys.modules:
        return
    sys.modules["pytz"] = None        # `import pytz` raises ModuleNotFoundError, which babel catches
    try:
        import babel.dates  # noqa: F401
    finally:
        if "pytz" in sys.modules and sys.modules["pytz"] is None:
            del sys.modules["pytz"]


_babel_dates_without_pytz()

from babel.dates import format_date, format_datetime, format_skeleton, format_time, format_timedelta
from babel.support import NullTranslations, Translations

from briefgen.errors import BuildError
from briefgen.site.inputs import build_now  # noqa: F401 - its home before inputs.py

log = logging.getLogger(__name__)

DOMAIN = "messages"


@lru_cache(maxsize=64)
def parse_locale(code: str) -> Locale:
    return Locale.parse(str(code).replace("-", "_"))


def ui_lang(code: str) -> str:
    """The language part of a locale (fr_CH -> fr): used for <html lang> and extra-locale trees."""
    return parse_locale(code).language


def html_lang(code: str) -> str:
    """BCP 47 tag for lang/hreflang attributes (fr_CH -> fr-CH)."""
    loc = parse_locale(code)
    return "-".join(p for p in (loc.language, loc.script, loc.territory) if p)


def _catalog(folder: Path, code: str, cache: Path | None = None) -> Translations | None:
    """The catalog for `code` in folder/<lang>/LC_MESSAGES/, most specific first (fr_CH, then fr).

    A .po newer than its .mo wins, compiled in memory, so an edited translation shows without a
    separate compile step; the shipped .mo files serve when the .po is absent. `cache` (the build
    cache): the compiled catalog is kept there by the digest of the .po's bytes (a checkout writes
    the .po after its .mo as often as not, and every rendering build compiled it: ~6 ms of imports
    and ~10 ms of compiling per locale tree)."""
    loc = parse_locale(code)
    for name in dict.fromkeys((str(loc), loc.language)):
        base = folder / name / "LC_MESSAGES" / DOMAIN
        po, mo = base.with_suffix(".po"), base.with_suffix(".mo")
        if po.is_file() and (not mo.is_file() or po.stat().st_mtime_ns > mo.stat().st_mtime_ns):
            return Translations(fp=io.BytesIO(_compiled(po, name, cache)), domain=DOMAIN)
        if mo.is_file():
            with mo.open("rb") as fh:
                return Translations(fp=fh, domain=DOMAIN)
    return None


def _compiled(po: Path, name: str, cache: Path | None) -> bytes:
    """The .mo bytes of a .po, kept in `cache` by the digest of the .po's bytes, its locale name
    and babel's version (what the compiled bytes depend on)."""
    import hashlib

    import babel

    raw = po.read_bytes()
    digest = hashlib.blake2b(b"\0".join([raw, name.encode(), babel.__version__.encode()]), digest_size=16).hexdigest()
    kept = cache / "catalogs" / f"{digest}.mo" if cache is not None else None
    if kept is not None:
        try:
            data = kept.read_bytes()
            Translations(fp=io.BytesIO(data), domain=DOMAIN)     # a damaged copy is compiled again
            return data
        except Exception:  # noqa: BLE001 - OSError, or gettext's errors for a torn file
            log.debug("%s: no usable compiled copy kept; compiling it", po)
    # imported here: the catalog reader and writer (~6 ms of imports) serve only an edited .po
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    try:
        catalog = read_po(io.BytesIO(raw), locale=name)
    except Exception as exc:  # noqa: BLE001 - babel raises several kinds for a bad .po
        raise BuildError(f"not a valid gettext catalog: {exc}", po) from None
    buf = io.BytesIO()
    write_mo(buf, catalog)
    data = buf.getvalue()
    if kept is not None:
        from briefgen.site.templates import keep_cached   # only when compiling
        keep_cached(kept, data)
    return data


def load_translations(folders: list[Path], code: str, cache: Path | None = None) -> NullTranslations:
    """Merge catalogs: `folders` in priority order (project first, theme last); `cache`: see _catalog."""
    merged: NullTranslations | None = None
    for folder in reversed(folders):
        found = _catalog(folder, code, cache) if folder.is_dir() else None
        if found is None:
            continue
        if merged is None:
            merged = found
        else:
            merged.merge(found)
    return merged or NullTranslations()


def localise(value: datetime, tz: ZoneInfo) -> datetime:
    """A brief's date in the site's time zone; a naive date-time is read in that zone (README)."""
    return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)


def _wall(value: datetime) -> tuple:
    """What babel's formatting of an aware date-time in its own zone reads: its wall clock, its
    offset and zone name (two equal aware date-times may differ in all three)."""
    return (value.year, value.month, value.day, value.hour, value.minute, value.second, value.microsecond,
            value.utcoffset(), value.tzname(), value.fold)


class Dates:
    """Jinja date filters bound to one locale, one time zone and one pinned build day."""

    def __init__(self, code: str, tz: ZoneInfo, today: date, gettext) -> None:
        self.locale = parse_locale(code)
        self.tz = tz
        self.today = today
        self._ = gettext
        self._memo: dict[tuple, str] = {}

    def _aware(self, value: datetime | date) -> datetime | date:
        return localise(value, self.tz) if isinstance(value, datetime) else value

    def date(self, value: datetime | date | None, fmt: str = "long") -> str:
        """`full` (jeudi 16 janvier 2026), `long`, `medium`, `short` or a CLDR pattern."""
        if value is None:
            return ""
        day = self._aware(value)
        day = day.date() if isinstance(day, datetime) else day
        found = self._memo.get((fmt, day))
        if found is None:
            found = self._memo[(fmt, day)] = format_date(day, fmt, locale=self.locale)
        return found

    def datetime(self, value: datetime | None, fmt: str = "long") -> str:
        if value is None:
            return ""
        if not isinstance(value, datetime) or (value.tzinfo is None and value.time() == time()):
            return self.date(value, fmt)   # a bare date (2026-01-16) has no hour to show
        value = localise(value, self.tz)
        if fmt not in ("full", "long"):
            key = ("datetime", fmt, *_wall(value))
            found = self._memo.get(key)
            if found is None:
                found = self._memo[key] = format_datetime(value, fmt, tzinfo=self.tz, locale=self.locale)
            return found
        # babel's "long"/"full" date-time adds the zone name; a reader wants the day and the hour.
        return f"{self.date(value, fmt)}, {self._short_time(value)}"

    def clock(self, value: datetime | None) -> str:
        """The hour of a date-time (09:46), in the site's time zone."""
        if not isinstance(value, datetime):
            return ""
        return self._short_time(localise(value, self.tz))

    def _short_time(self, value: datetime) -> str:
        # babel's formatting is slow, and an archive's briefs share a few thousand clock times: each
        # is formatted once, keyed by all that the formatting reads (wall time, offset, zone name).
        key = ("time", *_wall(value)[3:])
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = format_time(value, "short", tzinfo=self.tz, locale=self.locale)
        return found

    def relative(self, value: datetime | date | None) -> str:
        """Days between the build day and `value`: today, yesterday, il y a 3 jours, vor 2 Monaten."""
        if value is None:
            return ""
        day = localise(value, self.tz).date() if isinstance(value, datetime) else value
        # babel's formatting is slow and a listing repeats the same few days: remember them.
        found = self._memo.get(("rel", day))
        if found is None:
            found = self._memo[("rel", day)] = self._relative(day)
        return found

    def _relative(self, day: date) -> str:
        days = (self.today - day).days
        if days == 0:
            return self._("today")
        if days == 1:
            return self._("yesterday")
        return format_timedelta(timedelta(days=-days), granularity="day", add_direction=True,
                                locale=self.locale)

    def iso(self, value: datetime | date | None) -> str:
        if value is None:
            return ""
        return localise(value, self.tz).isoformat() if isinstance(value, datetime) else value.isoformat()

    def month(self, year: int, month: int) -> str:
        """Stand-alone month and year (janvier 2026), as CLDR spells it for the locale."""
        return format_skeleton("yMMMM", date(year, month, 1), locale=self.locale)


@lru_cache(maxsize=1)
def _m49() -> dict[str, str]:
    import json

    data = json.loads((Path(__file__).parent / "data" / "m49.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _fallback_region_name(slug: str, code: str) -> str:
    number = _m49().get(slug)
    name = parse_locale(code).territories.get(number) if number else None
    return name or slug.replace("-", " ").capitalize()


def _fallback_theme_name(theme_id: str, code: str) -> str:
    return theme_id.replace("-", " ").replace("_", " ").capitalize()


def name_functions():
    """(region_name, theme_name), from the classifier when it provides them (issue 3), else CLDR
    sub-region names / the id made readable, so the site builds while the classifier is missing."""
    try:
        from briefgen.classify.regions import region_name
    except ImportError:
        region_name = _fallback_region_name
    try:
        from briefgen.classify.taxonomy import theme_name
    except ImportError:
        theme_name = _fallback_theme_name
    return region_name, theme_name


class Names:
    """Localised display names for one locale: the classifier's (which honour the site's own
    region names and theme labels from the config), else CLDR / the id made readable."""

    def __init__(self, code: str, config=None) -> None:
        self.code = code
        self.config = config
        self.own = config.classify.region_names if config is not None else {}
        self._region, self._theme = name_functions()
        self._cache: dict[tuple[str, str], str] = {}

    def region(self, slug: str) -> str:
        key = ("r", slug)
        if key not in self._cache:
            own = self.own.get(slug)
            lang = ui_lang(self.code)
            if isinstance(own, dict) and (own.get(self.code) or own.get(lang)):
                self._cache[key] = str(own.get(self.code) or own.get(lang))
            else:
                self._cache[key] = self._safe(self._region, slug, _fallback_region_name)
        return self._cache[key]

    def theme(self, theme_id: str) -> str:
        key = ("t", theme_id)
        if key not in self._cache:
            self._cache[key] = self._safe(self._theme, theme_id, _fallback_theme_name)
        return self._cache[key]

    def _safe(self, fn, value: str, fallback) -> str:
        try:
            try:
                found = fn(value, self.code, config=self.config)
            except TypeError:   # a names function without the config parameter
                found = fn(value, self.code)
            return str(found or fallback(value, self.code))
        except Exception:
            log.debug("no name for %r in %s", value, self.code, exc_info=True)
            return fallback(value, self.code)
