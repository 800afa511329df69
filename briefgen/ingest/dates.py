"""Publication dates: absolute ("16 janvier 2026, 09:41", "16.01.2026 – 10:12", "Jan. 16, 2026") and
relative to the dump's `date` line ("il y a 36 minutes", "vor 2 Stunden"), with the time zone when
the page gives one.

Regexes first: dateparser is slow to import and to call, so it is only tried, lazily, on a line
already known to be a date line (a "Publié"/"Stand" prefix) that the regexes could not read.
"""
from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from briefgen.ingest.patterns import lexicon

log = logging.getLogger(__name__)

# Abbreviations seen on news pages; "ET"/"PT" follow daylight saving time, so they go through zoneinfo.
TZ_ABBR: dict[str, timezone | ZoneInfo] = {
    "UTC": UTC, "GMT": UTC, "Z": UTC,
    "CET": timezone(timedelta(hours=1)), "MEZ": timezone(timedelta(hours=1)),
    "CEST": timezone(timedelta(hours=2)), "MESZ": timezone(timedelta(hours=2)),
    "BST": timezone(timedelta(hours=1)), "WET": UTC, "WEST": timezone(timedelta(hours=1)),
    "EET": timezone(timedelta(hours=2)), "EEST": timezone(timedelta(hours=3)),
    "EST": timezone(timedelta(hours=-5)), "EDT": timezone(timedelta(hours=-4)),
    "CST": timezone(timedelta(hours=-6)), "CDT": timezone(timedelta(hours=-5)),
    "PST": timezone(timedelta(hours=-8)), "PDT": timezone(timedelta(hours=-7)),
    "ET": ZoneInfo("America/New_York"), "PT": ZoneInfo("America/Los_Angeles"),
}
FUTURE_SLACK = timedelta(days=2)   # a page dated after its dump's day (+ time zones) is an error
EARLIEST = datetime(1990, 1, 1)    # before the web news era: a misread, not a publication date


class DateError(ValueError):
    """A date that is impossible (31.02.) or far in the future."""


def _month_rx() -> str:
    names = sorted(lexicon().months, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


_M = _month_rx()
DMY_NUM = re.compile(r"(?<!\d)(\d{1,2})\s?[./]\s?(\d{1,2})\s?[./]\s?((?:19|20)\d{2})")
YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?")
DMY_NAME = re.compile(rf"(?<!\d)(\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+({_M})\.?,?\s+((?:19|20)\d{{2}})", re.IGNORECASE)
MDY_NAME = re.compile(rf"\b({_M})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})", re.IGNORECASE)
TIME = re.compile(r"(?<![\d/])(\d{1,2})\s?[:.h]\s?(\d{2})(?!\d)(?:\s*(a\.?m\.?|p\.?m\.?)(?!\w))?", re.IGNORECASE)
TZ = re.compile(r"\b(?:UTC|GMT)\s?([+-]\s?\d{1,2})(?::?(\d{2}))?|\b(UTC|GMT|CEST|CET|MESZ|MEZ|BST|WEST|WET|EEST|EET"
                r"|EST|EDT|CST|CDT|PST|PDT|ET|PT)\b")
RELATIVE = re.compile(r"(?:il y a|vor|fa|ago|seit)?\s*(\d+)\s*(\w+)\.?\s*(?:ago|fa)?", re.IGNORECASE)
_REL_CONTEXT = re.compile(r"\b(?:il y a|vor|ago|fa)\b", re.IGNORECASE)
TODAY = re.compile(r"\b(?:aujourd'hui|aujourd’hui|heute|today|oggi)\b", re.IGNORECASE)
YESTERDAY = re.compile(r"\b(?:hier|gestern|yesterday|ieri)\b", re.IGNORECASE)


def parse_date_line(value: str) -> date:
    """The dump's `date YYYY-MM-DD` value; raises DateError when it is not a real date."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise DateError(f"date line {value!r} is not a date (YYYY-MM-DD)") from None


def _ymd(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise DateError(f"impossible date {d:02d}.{m:02d}.{y}") from None


def _month(name: str) -> int | None:
    """Month number of a name the regex matched. re.I matches by case folding (long s 'ſ' matches
    's', the Kelvin sign matches 'k'), so a plain .lower() lookup can miss: fall back to casefold."""
    months = lexicon().months
    found = months.get(name.lower())
    if found is None:
        found = {k.casefold(): v for k, v in months.items()}.get(name.casefold())
    return found


def _find_day(text: str) -> tuple[date, int] | None:
    """The first absolute date in the text and where it ends."""
    best: tuple[int, date, int] | None = None
    for rx, order in ((YMD, "ymd"), (DMY_NUM, "dmy"), (DMY_NAME, "dMy"), (MDY_NAME, "Mdy")):
        m = rx.search(text)
        if not m or (best and best[0] <= m.start()):
            continue
        g = m.groups()
        month = _month(g[1] if order == "dMy" else g[0]) if order in ("dMy", "Mdy") else None
        if order in ("dMy", "Mdy") and month is None:
            continue
        if order == "ymd":
            day = _ymd(int(g[0]), int(g[1]), int(g[2]))
        elif order == "dmy":
            day = _ymd(int(g[2]), int(g[1]), int(g[0]))
        elif order == "dMy":
            day = _ymd(int(g[2]), month, int(g[0]))
        else:
            day = _ymd(int(g[2]), month, int(g[1]))
        end = m.end() if order != "ymd" or not g[3] else m.start(4)
        best = (m.start(), day, end)
    return (best[1], best[2]) if best else None


def has_day(text: str) -> bool:
    """True when the text holds a full calendar date (day, month and year)."""
    try:
        return _find_day(text) is not None
    except DateError:
        return True


def _find_time(text: str) -> tuple[int, int] | None:
    m = TIME.search(text)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    ampm = (m.group(3) or "").replace(".", "").lower()
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return None
    return h, mi


def _find_tz(text: str):
    m = TZ.search(text)
    if not m:
        return None
    if m.group(1):
        hours = int(m.group(1).replace(" ", ""))
        minutes = int(m.group(2) or 0) * (1 if hours >= 0 else -1)
        try:
            return timezone(timedelta(hours=hours, minutes=minutes))
        except ValueError:  # "GMT+99": no such offset (timezone() takes only -24 h < offset < 24 h)
            return None
    return TZ_ABBR[m.group(3)]


def _combine(day: date, rest: str) -> datetime:
    hm = _find_time(rest)
    if hm is None:
        return datetime(day.year, day.month, day.day)
    dt = datetime(day.year, day.month, day.day, *hm)
    tz = _find_tz(rest)
    return dt.replace(tzinfo=tz) if tz is not None else dt


def _relative(text: str, ref: date) -> datetime | None:
    """'il y a 36 minutes', 'vor 2 Stunden', '3 days ago', 'heute, 7.57 Uhr' against the dump's day.
    The day line has no time of day, so minutes and hours keep its date."""
    if TODAY.search(text) or YESTERDAY.search(text):
        day = ref - timedelta(days=1) if YESTERDAY.search(text) else ref
        return _combine(day, text)
    if not _REL_CONTEXT.search(text):
        return None
    for m in RELATIVE.finditer(text):
        unit = lexicon().relative.get(m.group(2).lower())
        if unit:
            days = int(m.group(1)) if unit == "days" else 0
            try:
                day = ref - timedelta(days=days)
            except OverflowError:  # "il y a 99999999999 jours": before year 1, not a date
                return None
            return datetime(day.year, day.month, day.day)
    return None


ISO_FULL = re.compile(r"(?<!\d)(?:19|20)\d{2}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


def parse(text: str, ref: date | None = None, slow: bool = False) -> datetime | None:
    """The date in one meta line, or None. `slow` allows dateparser when the regexes find nothing."""
    iso = ISO_FULL.search(text)
    if iso:
        try:
            return datetime.fromisoformat(iso.group(0).replace("Z", "+00:00")).replace(microsecond=0)
        except ValueError:
            raise DateError(f"impossible date {iso.group(0)}") from None
    found = _find_day(text)
    if found:
        day, end = found
        return _combine(day, text[end:])
    if ref is not None:
        rel = _relative(text, ref)
        if rel is not None:
            return rel
        if slow and _find_time(text):
            return _combine(ref, text)   # "Aggiornato alle 02:50": a time on the dump's day
    return _slow(text, ref) if slow else None


def _slow(text: str, ref: date | None) -> datetime | None:
    import dateparser  # slow import: only for date lines the regexes could not read

    text = _strip_label(text)
    base = datetime(ref.year, ref.month, ref.day) if ref else None
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = base
    try:
        return dateparser.parse(text, languages=["fr", "de", "it", "en"], settings=settings)
    except (ValueError, OverflowError):  # dateparser raises on some odd strings; not a date then
        return None


def _strip_label(text: str) -> str:
    """'Publié le 3 févr.' -> '3 févr.': dateparser reads dates, not the labels around them."""
    if ":" in text[:30] and not re.match(r"\s*\d{1,2}:", text):
        text = text.split(":", 1)[1]
    lex = lexicon()
    words = text.split()
    for n in range(min(4, len(words)), 0, -1):
        if " ".join(words[:n]).lower() in lex.published | lex.updated:
            return " ".join(words[n:])
    return text.strip()


def check(dt: datetime, ref: date | None) -> None:
    """Raise DateError for dates before web news or far after the dump's day, or after today."""
    limit = min(ref, date.today()) if ref else date.today()
    naive = dt.replace(tzinfo=None)
    if naive < EARLIEST:
        raise DateError(f"date {dt.isoformat()} is before {EARLIEST.year}")
    if naive.date() > limit + FUTURE_SLACK:
        raise DateError(f"date {dt.isoformat()} is in the future (after {limit.isoformat()})")
