"""Publication dates: absolute ("16 janvier 2026, 09:41", "16.01.2026 – 10:12", "Jan. 16, 2026") and
relative to the dump's `date` line ("il y a 36 minutes", "vor 2 Stunden"), with the time zone when
the page gives one.

Regexes first: dateparser is slow to import and to call, so it is only tried, lazily, on a line
already known to be a date line (a "Publié"/"Stand" prefix) that the regexes could not read.
"""
from __future__ import annotations

import json
import logging
import re
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

from briefgen.ingest.patterns import has_fold, lexicon

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


MONTHS_FILE = Path(__file__).parent / "lang" / "months.json"   # CLDR month names: scripts/build_month_names.py
NAME = r"[^\W\d_]{3,}"    # a word of letters: a month name when a month table knows it
YEAR = r"((?:19|20)\d{2})"
# Numeric day and month in either order ("16.01.2026", "02.26.2015", "8. 4. 2025", "17/12/2024"): which
# field is the day is decided by _numeric_day. The same separator both times.
DMY_NUM = re.compile(r"(?<![\d.])(\d{1,2})\s?([./-])\s?(\d{1,2})\s?\2\s?" + YEAR)
YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?")
# Year first with dots or slashes ("2025.05.15", "2025/01/13", "2025. 5. 15."), or with CJK units.
YMD_NUM = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s?([./])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?![\d/])\.?")
YMD_CJK = re.compile(r"((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
DMY_NAME = re.compile(rf"(?<!\d)(\d{{1,2}})(?:\.|er|st|nd|rd|th|º)?\s+(?:de\s+|of\s+)?({NAME})\.?,?\s+(?:de\s+)?{YEAR}")
MDY_NAME = re.compile(rf"(?<!\w)({NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{YEAR}")
YMD_NAME = re.compile(rf"(?<!\d){YEAR}\.?\s+({NAME})\.?\s+(\d{{1,2}})(?!\d|:\d)")
# A month's name between hyphens, as older CMSs print "%d-%b-%Y" ("26-Feb-2015", "12-Okt-2014", "26-févr-2015")
# and "%b-%d-%Y" ("Feb-26-2015"); not inside a word or a slug ("news-26-feb-2015")
DMY_HYPHEN = re.compile(rf"(?<![\w-])(\d{{1,2}})-({NAME})\.?-{YEAR}(?![\d-])")
MDY_HYPHEN = re.compile(rf"(?<![\w-])({NAME})\.?-(\d{{1,2}})-{YEAR}(?![\d-])")


# A day and a month name without a year ("3 March", "Mon 3 Mar 10:15", "3. März, 10:15 Uhr", "March 3 at
# 10:15 am"): read only against a day that gives the year (the dump's `date` line, another date of the page)
YEARLESS_DMY = re.compile(rf"(?<![\d.,:])(\d{{1,2}})(?:\.|er|st|nd|rd|th|º)?\s+(?:de\s+|of\s+)?({NAME})(?!\w)\.?")
YEARLESS_CJK = re.compile(r"(?<![\d年년])(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
YEARLESS_MDY = re.compile(rf"(?<!\w)({NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,:]\d|\d|\w)")


TIME = re.compile(r"(?<![\d/])(\d{1,2})\s?[:.h]\s?(\d{2})(?!\d)(?:\s*(a\.?m\.?|p\.?m\.?)(?!\w))?", re.IGNORECASE)
TZ = re.compile(r"\b(?:UTC|GMT)\s?([+-]\s?\d{1,2})(?::?(\d{2}))?|\b(UTC|GMT|CEST|CET|MESZ|MEZ|BST|WEST|WET|EEST|EET"
                r"|EST|EDT|CST|CDT|PST|PDT|ET|PT)\b")
RELATIVE = re.compile(r"(?:il y a|vor|fa|ago|seit)?\s*(\d+)\s*(\w+)\.?\s*(?:ago|fa)?", re.IGNORECASE)
_REL_CONTEXT = re.compile(r"\b(?:il y a|vor|ago|fa)\b", re.IGNORECASE)
TODAY = re.compile(r"\b(?:aujourd'hui|aujourd’hui|heute|today|oggi)\b", re.IGNORECASE)
YESTERDAY = re.compile(r"\b(?:hier|gestern|yesterday|ieri)\b", re.IGNORECASE)
# The words of TODAY, YESTERDAY and _REL_CONTEXT in one case-sensitive pattern for a line's lower case, without
# the `\b` before them (the engine then skips ahead to the words' first letters): on a line without FOLDS
# (patterns.has_fold) every match of the three is a match of this one (their letters are the prompts' letters,
# tests/unit/ingest/test_fast_paths.py), so a line it misses holds no relative date (_relative). The three
# case-insensitive searches cost ~10 µs a line with a digit and no year (the distinct dumps' lines); this ~2.5.
_RELATIVE_WORDS = re.compile("(?:" + "|".join(rx.pattern.removeprefix(r"\b(?:").removesuffix(r")\b")
                                             for rx in (TODAY, YESTERDAY, _REL_CONTEXT)) + r")\b")


def parse_date_line(value: str) -> date:
    """The dump's `date YYYY-MM-DD` value; raises DateError when it is not a real date."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise DateError(f"date line {value!r} is not a date (YYYY-MM-DD)") from None


@cache
def _month_tables() -> tuple[dict[str, dict[str, int]], dict[str, int], dict[str, int]]:
    """(per language {name: month}, {name: month} for names that mean the same month in every language
    that has them, {name: month} for the others: the month most languages give the name). The lexicons'
    own names (lang/*.toml) are in the second table whatever CLDR says."""
    per = json.loads(MONTHS_FILE.read_text(encoding="utf-8"))
    seen: dict[str, list[int]] = {}
    for names in per.values():
        for name, month in names.items():
            seen.setdefault(name, []).append(month)
    shared = {name: months[0] for name, months in seen.items() if len(set(months)) == 1}
    shared.update({name.rstrip("."): month for name, month in lexicon().months.items()})
    guess = {name: max(sorted(set(months)), key=months.count) for name, months in seen.items()
             if name not in shared}
    return per, shared, guess


def _month(name: str, lang: str | None = None) -> int | None:
    """Month number of a word: the page language's CLDR names first, then names every language agrees
    on; without a language, a name two languages read differently ("listopad") takes the month most
    give it. re.I matches by case folding (long s 'ſ' matches 's'), so casefold is tried too."""
    per, shared, guess = _month_tables()
    key = name.lower().rstrip(".")
    code = lang.replace("-", "_").split("_")[0].lower() if lang else None
    if code and key in per.get(code, {}):
        return per[code][key]
    found = shared.get(key)
    if found is None and key != key.casefold():
        found = shared.get(key.casefold())
    if found is None and code is None:
        found = guess.get(key)
    return found


@cache
def locale_order(lang: str | None) -> str:
    """'dmy', 'mdy' or 'ymd': the order of a numeric date in the language's CLDR short date pattern
    (babel: en 'M/d/yy', en_GB 'dd/MM/y', de 'dd.MM.yy', ja 'y/MM/dd'); 'dmy' when babel does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        pattern = Locale.parse((lang or "").replace("-", "_")).date_formats["short"].pattern
    except (UnknownLocaleError, ValueError, TypeError, KeyError, AttributeError):
        return "dmy"
    pos = {c: pattern.find(c) for c in "dMy"}
    if min(pos.values()) < 0:
        return "dmy"
    return "".join(sorted(pos, key=pos.get)).lower()


def page_order(texts, lang: str | None = None) -> str | None:
    """'dmy' or 'mdy' when the page's own numeric dates settle it: a first field over 12 is a day
    ("26.02.2015"), a second field over 12 is a day ("02.26.2015"); None when none or both are seen. When
    none is, a date the page writes with its month's name that is one reading of an open numeric date
    ("Published on 11/06/2009" beside a masthead's "Thursday 11 June 2009") settles it the same way."""
    votes: set[str] = set()
    texts = [t for t in texts if _DIGIT.search(t)]
    open_dates = []
    for text in texts:
        for m in DMY_NUM.finditer(text):
            a, b = int(m.group(1)), int(m.group(3))
            if 12 < a <= 31 and 1 <= b <= 12:
                votes.add("dmy")
            elif 12 < b <= 31 and 1 <= a <= 12:
                votes.add("mdy")
            elif a != b and 1 <= a <= 12 and 1 <= b <= 12 and len(m.group(4)) == 4:
                open_dates.append((a, b, int(m.group(4))))
    if not votes and open_dates:
        named = _named_days(texts, lang)
        for a, b, y in open_dates:
            if _valid(y, b, a) in named:
                votes.add("dmy")
            if _valid(y, a, b) in named:
                votes.add("mdy")
    return votes.pop() if len(votes) == 1 else None


NAMED_TEXT = 300   # a text longer than this is no date line, masthead or byline


def _named_days(texts, lang: str | None) -> set[date]:
    """The days the texts write with a month's name ("11 June 2009", "June 11, 2009")."""
    out = set()
    for text in texts:
        if len(text) > NAMED_TEXT:
            continue
        text = DMY_NUM.sub(" ", text)
        for rx, at in ((DMY_NAME, 0), (MDY_NAME, 1)):
            m, month = _named(rx, text, lang, _NAMED_AT[rx])
            if m is not None and (day := _valid(int(m.group(3)), month, int(m.group(at + 1)))):
                out.add(day)
    return out


_DIGIT = re.compile(r"\d")


def _ymd(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise DateError(f"impossible date {d:02d}.{m:02d}.{y}") from None


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _numeric_day(a: int, b: int, y: int, ref: date | None, lang: str | None, order: str | None) -> date:
    """The day of 'a.b.y': a field over 12 is the day; when both readings are real days, the one within a
    day of the dump's date, else the page's own order (page_order), else the one not after the dump's
    date, else the order of the page language's locale (locale_order)."""
    dmy, mdy = _valid(y, b, a), _valid(y, a, b)
    if dmy is None and mdy is None:
        raise DateError(f"impossible date {a:02d}.{b:02d}.{y}")
    if dmy is None or mdy is None or dmy == mdy:
        return dmy or mdy
    if ref is not None:
        near = [d for d in (dmy, mdy) if abs((d - ref).days) <= 1]
        if len(near) == 1:
            return near[0]
    if order in ("dmy", "mdy"):
        return dmy if order == "dmy" else mdy
    if ref is not None:
        possible = [d for d in (dmy, mdy) if d <= ref + FUTURE_SLACK]
        if len(possible) == 1:
            return possible[0]
    return mdy if locale_order(lang) == "mdy" else dmy


def _named(rx: re.Pattern[str], text: str, lang: str | None, month_at: int):
    """The first match of rx whose word is a month name, and that month."""
    for m in rx.finditer(text):
        month = _month(m.group(month_at), lang)
        if month is not None:
            return m, month
    return None, None


def _find_day(text: str, ref: date | None = None, lang: str | None = None,
              order: str | None = None) -> tuple[date, int] | None:
    """The first absolute date in the text and where it ends."""
    found = _find_day_span(text, ref, lang, order)
    return (found[1], found[2]) if found else None


def _find_day_span(text: str, ref: date | None = None, lang: str | None = None,
                   order: str | None = None) -> tuple[int, date, int] | None:
    """The first absolute date in the text: where it starts, the day, where it ends."""
    if not _YEARISH.search(text):
        return None   # every pattern below holds a year; most lines with a digit have none
    best: tuple[int, date, int] | None = None
    for rx in _DAY_PATTERNS:
        pretest = _PRETESTS.get(rx)
        if pretest is not None and pretest.search(text) is None:
            continue
        if rx in _NAMED_AT:
            m, month = _named(rx, text, lang, _NAMED_AT[rx])
        else:
            m, month = rx.search(text), None
        if not m or (best and best[0] <= m.start()):
            continue
        g = m.groups()
        end = m.end()
        if rx is YMD:
            day = _ymd(int(g[0]), int(g[1]), int(g[2]))
            end = m.end() if not g[3] else m.start(4)
        elif rx is YMD_NUM:
            day = _ymd(int(g[0]), int(g[2]), int(g[3]))
        elif rx is YMD_CJK:
            day = _ymd(int(g[0]), int(g[1]), int(g[2]))
        elif rx is DMY_NUM:
            day = _numeric_day(int(g[0]), int(g[2]), int(g[3]), ref, lang, order)
        elif rx is DMY_NAME or rx is DMY_HYPHEN:
            day = _ymd(int(g[2]), month, int(g[0]))
        elif rx is MDY_NAME or rx is MDY_HYPHEN:
            day = _ymd(int(g[2]), month, int(g[1]))
        else:
            day = _ymd(int(g[0]), month, int(g[2]))
        best = (m.start(), day, end)
    return best


_NAMED_AT = {DMY_NAME: 2, MDY_NAME: 1, YMD_NAME: 2, DMY_HYPHEN: 2, MDY_HYPHEN: 1}   # the month name's group
_DAY_PATTERNS = (YMD, YMD_NUM, YMD_CJK, DMY_NUM, DMY_NAME, MDY_NAME, YMD_NAME, DMY_HYPHEN, MDY_HYPHEN)
_YEARISH = re.compile(r"(?:19|20)\d{2}")   # what every match of _DAY_PATTERNS holds
# What every match of a month-name pattern holds from its last digit before the year (or from the year on): the
# pattern without its lookbehinds, opening with a digit, a year or a hyphen, so the engine skips ahead to those
# instead of trying the pattern at every character. A text none of them finds is not searched by the pattern:
# most lines with a year (a sentence's "in 2024") ~19 -> ~7 µs for the five (tests/unit/ingest/test_fast_paths.py)
_PRETESTS = {
    DMY_NAME: re.compile(rf"\d(?:\.|er|st|nd|rd|th|º)?\s+(?:de\s+|of\s+)?{NAME}\.?,?\s+(?:de\s+)?{YEAR}"),
    MDY_NAME: re.compile(rf"\d(?:st|nd|rd|th)?,?\s+{YEAR}"),
    YMD_NAME: re.compile(rf"{YEAR}\.?\s+{NAME}\.?\s+\d"),
    DMY_HYPHEN: re.compile(rf"\d-{NAME}\.?-{YEAR}"),
    MDY_HYPHEN: re.compile(rf"-\d{{1,2}}-{YEAR}"),
}
_WORDISH = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?|\S*\d\S*")


def other_words(text: str) -> int:
    """Words of a text besides its dates and times: words with a digit, month names and words of one or
    two letters ("at", "um", "a.m.") aside. A date line has few ("April 26, 2024 at 11:24 a.m. EDT": 1),
    a caption or sentence that holds a date many."""
    return sum(1 for w in _WORDISH.findall(text)
               if not _DIGIT.search(w) and len(w.replace(".", "")) > 2 and _month(w) is None)


def has_day(text: str) -> bool:
    """True when the text holds a full calendar date (day, month and year)."""
    try:
        return _find_day(text) is not None
    except DateError:
        return True


DATE_LABELS = Path(__file__).parent / "data" / "date_labels.toml"   # written by hand, provenance in the file
LABEL_KINDS = ("member", "edition", "updated", "published")   # a label in two kinds takes the first


@cache
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every label of data/date_labels.toml (and the lexicons' published and updated
    words), longest first, and the kind of each."""
    import tomllib

    data = tomllib.loads(DATE_LABELS.read_text(encoding="utf-8"))
    lex = lexicon()
    kind_of: dict[str, str] = {}
    for kind in LABEL_KINDS:
        words = {w.lower() for table in data.values() for w in table.get(kind, ())}
        words |= {"updated": lex.updated, "published": lex.published}.get(kind, set())
        for w in words:
            kind_of.setdefault(" ".join(w.split()), kind)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(kind_of, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), kind_of


def date_label(text: str) -> str | None:
    """What a text's date is by the label nearest before it: 'published' ("Posted on", "Birt"),
    'updated' ("Akt.", "Atualizado em", "Обновлено"), 'member' (a poster's "Joined: …", "Mitglied
    seit") or 'edition' (a print edition's day: "Ausgabe vom", "Print edition"), from
    data/date_labels.toml; None without a label. The text before the first full date is read, or the
    whole text when it has none ("Aggiornato alle 02:50")."""
    try:
        span = _find_day_span(text)
    except DateError:
        span = None
    prefix = (text[:span[0]] if span else text).lower()
    rx, kind_of = _labels()
    last = None
    for last in rx.finditer(prefix):
        pass
    return kind_of.get(" ".join(last.group(0).split())) if last else None


DATELINE_HEAD = 60   # characters: a dateline's date starts within them ("SALEM, Ore., April 12, 2016 – …")
# after a dateline's date: an agency or wire in brackets or slashes, then a dash ("(AP) —", "/PRNewswire/ --")
DATELINE_END = re.compile(r"\s*(?:\([^()]{1,30}\)\s*|/[^/]{1,30}/\s*)?(?:[–—]|--?)\s")


def dateline(text: str, lang: str | None = None, order: str | None = None) -> datetime | None:
    """The date of a news dateline opening a paragraph: a place and a comma, a full date within the
    first characters and a dash after it ("SALEM, Ore., April 12, 2016 – Greenfield Pumps today
    announced…", "BERLIN, 3. März 2011 (dpa) - …"): the day of a press release or wire story that prints
    no other date; or a publication label and the date glued to the text ("Posted on February 26, 2015.
    The harbour festival…")."""
    try:
        span = _find_day_span(text[:DATELINE_HEAD + 40], None, lang, order)
    except DateError:
        return None
    if span is None or span[0] > DATELINE_HEAD:
        return None
    place = text[:span[0]].strip()
    if _labelled_opening(text, place, span[2]):
        return datetime(span[1].year, span[1].month, span[1].day)
    if not DATELINE_END.match(text, span[2]):
        return None
    if place and not place.endswith(",") and not _place_and_dash(place):
        return None   # "The council met on April 12, 2016 - and…": a sentence, not "PLACE, date –"
    return datetime(span[1].year, span[1].month, span[1].day)


# a wire dateline whose place and agency stand before a dash and the date after it ("WASHINGTON (AP) — Feb.
# 26, 2015 — …", "Berlin (dpa) – 3. März 2011 – …", "NEW YORK — March 3, 2012 — …"): the place's words all
# capitalised, and an agency in brackets or the place in capitals (a sentence's "On Tuesday - April 12" is neither)
PLACE_DASH = re.compile(r"(?P<place>[^\W\d_][^()/–—]{0,40}?)\s*"
                        r"(?P<agency>\([^()]{1,30}\)|/[^/]{1,30}/)?\s*(?:[–—]|--?)$")


def _place_and_dash(place: str) -> bool:
    m = PLACE_DASH.fullmatch(place)
    if not m or not all(w[0].isupper() for w in re.findall(r"[^\W\d_][\w'.-]*", m.group("place"))):
        return False
    return bool(m.group("agency")) or m.group("place").isupper()


# after a labelled opening date: its time, if any, then the end of that sentence or a separator
LABELLED_END = re.compile(r"(?:,?\s*(?:at|um|à|a las|alle|às)?\s*\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?)?\s*(?:[.|–—]|--?)\s",
                          re.IGNORECASE)


def _labelled_opening(text: str, label: str, end: int) -> bool:
    """A paragraph that opens with its publication date under a label, glued to the text ("Posted on
    February 26, 2015. The harbour festival…": a byline line copied together with the text): the label
    alone before the date (a published label of data/date_labels.toml, three other words at most)."""
    return bool(label) and other_words(label) <= 3 and date_label(text[:end]) == "published" \
        and LABELLED_END.match(text, end) is not None


# A count of a post's comments ("3 Comments", "No Comments »", "Comments (4)", "2 Responses", "12 Kommentare",
# "Commentaires (3)", "4 комментария"): a line that holds one beside a date is the post's own footer or
# byline line (an old blog's "Filed under News on 3 May 2013 | 3 Comments"), never one reader's comment.
_COMMENT_NOUNS = (r"comments?|responses?|replies|kommentare?|commentaires?|commenti|comentários?|comentarios?|"
                  r"reacties|kommentarer|komentarze|komentář[eů]?|комментари[йяев]*|yorum(?:lar)?")
COMMENT_COUNT = re.compile(rf"(?<!\w)(?:\d+|no|one|keine|aucun|nessun)\s+(?:{_COMMENT_NOUNS})(?!\w)"
                           rf"|(?<!\w)(?:{_COMMENT_NOUNS})\s*[(\[:]\s*\d+", re.IGNORECASE)


def counts_comments(text: str) -> bool:
    """True when a text counts a post's comments (COMMENT_COUNT)."""
    return COMMENT_COUNT.search(text) is not None


def listed(found: list[tuple[int, date]], reach: int, breaks=(), days: int = 3) -> set[int]:
    """The positions (lines, texts) of the dates that are items of a dated list: a sidebar's recent
    posts, teaser cards, readers' comments. Dates follow each other within `reach` positions, evenly (a
    gap at most one wider than the list's widest so far), with no break between (the headline, a
    paragraph of running text), and give `days` different days or more.
    A byline's date between a sidebar and the comments, with the headline and the text around it, is
    none."""
    out: set[int] = set()
    run: list[tuple[int, date]] = []
    cuts = sorted(breaks)

    def close() -> None:
        if len({d for _, d in run}) >= days:
            out.update(i for i, _ in run)
    for i, d in sorted(found):
        gap = i - run[-1][0] if run else 0
        widest = max((b[0] - a[0] for a, b in pairwise(run)), default=reach)
        if run and (gap > min(reach, widest + 1) or any(run[-1][0] < b < i for b in cuts)):
            close()
            run = []
        run.append((i, d))
    close()
    return out


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


US_ZONES = frozenset(("EST", "EDT", "CST", "CDT", "PST", "PDT", "ET", "PT"))


def zone_order(text: str) -> str | None:
    """The numeric order a time zone beside the date implies: a North American zone name ("11:24 a.m.
    EDT") month first; an offset from UTC+0 to UTC+3 or a European zone name ("13:55 GMT+1", "CET")
    day first, as in every country there; None without a zone, or for plain UTC/GMT (used everywhere)."""
    m = TZ.search(text)
    if not m:
        return None
    if m.group(3):
        return "mdy" if m.group(3) in US_ZONES else None if m.group(3) in ("UTC", "GMT") else "dmy"
    hours = int(m.group(1).replace(" ", ""))
    return "dmy" if 0 <= hours <= 3 else None


def _combine(day: date, rest: str) -> datetime:
    hm = _find_time(rest)
    if hm is None:
        return datetime(day.year, day.month, day.day)
    dt = datetime(day.year, day.month, day.day, *hm)
    tz = _find_tz(rest)
    return dt.replace(tzinfo=tz) if tz is not None else dt


TODAY_WORDS = 4   # "Heute, 7.57 Uhr", "Yesterday": a date line; "hier" or "today" in a sentence is no date


def _relative(text: str, ref: date, lang: str | None = None) -> datetime | None:
    """'il y a 36 minutes', 'vor 2 Stunden', '3 days ago', 'heute, 7.57 Uhr' against the dump's day.
    The day line has no time of day, so minutes and hours keep its date. "Today" and "yesterday" count
    on a short line or with a time of day, and "hier" only in French (German "hier" is "here")."""
    if not has_fold(text) and _RELATIVE_WORDS.search(text.lower()) is None:
        return None   # (most lines: none of the words below)
    day_word = TODAY.search(text) or YESTERDAY.search(text)
    if day_word and lang and not lang.lower().startswith("fr") and day_word.group(0).lower() == "hier":
        day_word = None
    if day_word and (len(text.split()) <= TODAY_WORDS or _find_time(text)):
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


# A numeric date with a two-digit year ("2/26/15", "26.02.15", "26-02-15"): read only where a date line is
# expected (the date readers' callers), never by the cleaner's date tests (their regexes are the line model's).
SHORT_YEAR_NUM = re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{2})(?![\d./-]|\s?[:h]\d)")


def with_full_year(text: str, ref: date | None = None) -> str | None:
    """The text with its numeric date's two-digit year written in full ("2/26/15" -> "2/26/2015"; a year
    after the reference day's, or today's, is of the last century), or None when it has no such date or
    already a full one."""
    m = SHORT_YEAR_NUM.search(text)
    if m is None or has_day(text):
        return None
    yy = int(m.group(4))
    year = 2000 + yy if yy <= (ref or date.today()).year % 100 else 1900 + yy
    sep = m.group(2)
    return f"{text[:m.start()]}{m.group(1)}{sep}{m.group(3)}{sep}{year}{text[m.end():]}"


ISO_FULL = re.compile(r"(?<!\d)(?:19|20)\d{2}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


def parse(text: str, ref: date | None = None, slow: bool = False, lang: str | None = None,
          order: str | None = None, yearless: bool = False) -> datetime | None:
    """The date in one meta line, or None. `slow` allows dateparser when the regexes find nothing.
    `lang` (the page's language) gives month names and the locale's numeric order, `order` the page's own
    numeric order (page_order), `ref` the dump's day: see _numeric_day. With `yearless`, a date without
    its year ("Mon 3 Mar 10:15") is read against `ref` (yearless_date)."""
    # ISO_FULL and every pattern of _find_day_span hold a year (_YEARISH): without one, neither is searched
    # nor the time zone (zone_order) looked for (~6 µs of a line with a digit and no year)
    yearish = _YEARISH.search(text) is not None
    iso = ISO_FULL.search(text) if yearish else None
    if iso:
        try:
            return datetime.fromisoformat(iso.group(0)).replace(microsecond=0)
        except ValueError:
            raise DateError(f"impossible date {iso.group(0)}") from None
    found = _find_day_span(text, ref, lang, order or zone_order(text)) if yearish else None
    if found:
        start, day, end = found
        rest = text[end:]
        if _find_time(rest) is None and _find_time(text[:start]) is not None:
            rest = text[:start]   # the time printed before the date ("11:42 PM ET Tue, March 6, 2018")
        return _combine(day, rest)
    if yearless and ref is not None and (found_yearless := yearless_date(text, ref, lang)) is not None:
        return found_yearless
    if ref is not None:
        rel = _relative(text, ref, lang)
        if rel is not None:
            return rel
        if slow and (rel := _relative_any(text, ref, lang)) is not None:
            return rel
        if slow and _find_time(text):
            return _combine(ref, text)   # "Aggiornato alle 02:50": a time on the dump's day
    return _slow(text, ref, lang) if slow else None


def _relative_any(text: str, ref: date, lang: str | None) -> datetime | None:
    """A relative date in a language the lexicons do not list ("вчера, 14:30", "ontem às 14h30", "há 2 horas"),
    read by dateparser's relative parser alone on the line without its time of day, counted from noon of the
    dump's day (it has no time: hours ago stay on it), the printed time then put on the day found: "yesterday,
    14:30" is the day before, never the dump's day at 14:30."""
    lang = dateparser_code(lang)
    if lang is None:
        return None
    bare = TIME.sub(" ", text).strip(" ,")
    if not bare:
        return None
    found = _relative_day(bare, ref, lang)
    return _combine(found, text) if found is not None else None


@lru_cache(maxsize=1 << 14)
def _relative_day(text: str, ref: date, lang: str) -> date | None:
    import dateparser

    settings = {"RELATIVE_BASE": datetime(ref.year, ref.month, ref.day, 12), "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DATES_FROM": "past", "PARSERS": ["relative-time"]}
    try:
        found = dateparser.parse(text, languages=[lang], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return found.date() if found is not None else None


def yearless_date(text: str, anchor: date, lang: str | None = None, after: bool = False) -> datetime | None:
    """A date printed without its year ("3 March", "Mon 3 Mar 10:15", "March 3 at 10:15 am") read against
    a day that gives the year: the dump's `date` line or a later date of the page (the latest such day
    not after it: a page shows the last 3 March before it was saved; "30 Dec" above a comment of "Jan 2,
    2012" is 2011's) or, with `after`, another date of the page (the nearest such day either way).
    None without one, and None for a text with a full date."""
    if not _DIGIT.search(text) or has_day(text):
        return None
    best = None
    for rx, day_at, month_at in ((YEARLESS_DMY, 1, 2), (YEARLESS_MDY, 2, 1)):
        for m in rx.finditer(text):
            month = _month(m.group(month_at), lang)
            if month is not None and 1 <= int(m.group(day_at)) <= 31:
                # the first; of two readings sharing the day ("Sat 3 Mar": Hausa "Sat" is September)
                # the day-month one
                if best is None or m.end() <= best[0]:
                    best = (m.start(), month, int(m.group(day_at)), m.end())
                break
    if best is None and (m := YEARLESS_CJK.search(text)) and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
        best = (m.start(), int(m.group(1)), int(m.group(2)), m.end())
    if best is None:
        return None
    _, month, day, end = best
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    days = [d for y in years if (d := _valid(y, month, day)) is not None]
    if not after:
        days = [d for d in days if d <= anchor + FUTURE_SLACK]
    if not days:
        return None
    found = min(days, key=lambda d: abs((d - anchor).days))
    return _combine(found, text[end:])


@lru_cache(maxsize=1 << 14)
def _slow(text: str, ref: date | None, lang: str | None = None) -> datetime | None:
    """dateparser on a line the regexes could not read. Memoised by (line, day, language), like the other
    caches keyed by a line's text: a site prints the same "Updated" or relative line on many pages, and
    each call tries every locale given (about 1 ms)."""
    import dateparser  # slow import: only for date lines the regexes could not read

    text = _strip_label(text)
    # counted from noon of the dump's day, as parse_any: from midnight "há 2 horas" fell on the day before
    base = datetime(ref.year, ref.month, ref.day, 12) if ref else None
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = base
    else:   # no day to count from: only a full absolute date ("vor 2 Stunden" is no date; never the clock's)
        settings |= {"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]}
    langs = ["fr", "de", "it", "en"]
    if (code := dateparser_code(lang)) and code not in langs:
        langs = [code] + langs
    try:
        found = dateparser.parse(text, languages=langs, settings=settings)
    except (ValueError, OverflowError):  # dateparser raises on some odd strings; not a date then
        return None
    if found is not None and base is not None and found.time() == base.time() and not _find_time(text):
        return datetime(found.year, found.month, found.day)   # a relative day without a time: not the base's noon
    return found


# Codes a language detector or a page gives that dateparser knows under another one: Norwegian is "no" to
# py3langid and in most pages' lang attribute, Bokmål "nb" to dateparser; "iw" and "in" are the old ISO codes
DATEPARSER_CODES = {"no": "nb", "iw": "he", "in": "id", "ji": "yi"}


def dateparser_code(lang: str | None) -> str | None:
    """The code dateparser knows the language by, or None when it knows none."""
    if not lang:
        return None
    lang = DATEPARSER_CODES.get(lang, lang)
    return lang if _dateparser_knows(lang) else None


@cache
def _dateparser_knows(lang: str) -> bool:
    """lang is one of dateparser's languages: the keys of `default_loader.get_locale_map()` (called without
    languages it maps each of `language_order` to its locale), read from that list: the map itself
    imports and builds all ~200 locales (~60 ms once a run) where a page needs one."""
    from dateparser.data.languages_info import language_order

    return lang in language_order


def parse_any(text: str, ref: date, lang: str) -> datetime | None:
    """A short line the regexes could not read, in any language dateparser knows (about 200): a
    relative date ("2 часа назад", "3 hari yang lalu") against the dump's day, or an absolute date with
    day, month and year. Only dateparser's relative and absolute parsers run: a bare number is no date.
    Minutes and hours ago keep the dump's day (it has no time of day)."""
    lang = dateparser_code(lang)
    if lang is None:
        return None
    import dateparser

    base = datetime(ref.year, ref.month, ref.day, 12)
    settings = {"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past",
                "PARSERS": ["relative-time", "absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        found = dateparser.parse(text, languages=[lang], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if found is None:
        return None
    if not _find_time(text):
        return datetime(found.year, found.month, found.day)   # "2 hours ago", "3 days ago": the day only
    return found.replace(microsecond=0)


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
