"""Publication date and language of every sample page against its meta.json, per language.

    python -m briefgen.ingest.meta_score            # the README table (both corpora, dumps and HTML)
    python -m briefgen.ingest.meta_score --degraded # the same pages made to look older (below)

`date` is within a day of meta.json's date (a UTC reference date can be one day off the local day the
page prints), `same day` is exact; `lang` is the brief's language code equal to meta.json's. A page
that gives no brief counts as wrong on all. The reference columns: trafilatura's metadata date (its
defaults) and the language the page declares in `<html lang>`; `detector` is briefgen's language
detector run on the reference text itself (title + expected.txt), i.e. with perfect cleaning.
Used by tests/quality/test_meta_quality.py.

`--degraded` measures what older sites give, on our pages made to look like them, briefgen beside
trafilatura's metadata on the very same degraded text: HTML without machine-readable dates (every
date/time `<meta>`, every `<script>` (JSON-LD), `datetime=` and microdata `content=` attributes: the date
must come from the text the page prints), HTML without og:title, twitter:title and JSON-LD (the title from
`<h1>`, `<title>` and the page), and dumps without their first `date YYYY-MM-DD` line (the date from the
page text alone) or with that line 100 days after the article's day (a page saved long after it appeared).
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, replace
from datetime import UTC, date, timedelta
from functools import cache
from pathlib import Path

from briefgen.classify.labelled import ROOT, shared_dir

HTML_LANG = re.compile(r'<html[^>]*\blang=["\']?([A-Za-z]{2,3})', re.IGNORECASE)


@dataclass(frozen=True)
class MetaCase:
    case: str
    lang: str             # meta.json's language (the group)
    brief: bool           # the page gave a brief
    date_ok: bool         # within a day
    same_day: bool
    lang_ok: bool


def corpora() -> dict[str, Path | None]:
    """'pages' (in the repository) and 'pages-world' (in shared/, None when absent)."""
    shared = shared_dir()
    world = shared / "samples" / "pages-world" if shared else None
    return {"pages": ROOT / "tests" / "data" / "samples" / "pages",
            "pages-world": world if world and world.is_dir() else None}


def _cases(folder: Path, name: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if (p / name).is_file() and (p / "meta.json").is_file())


@cache
def evaluate(folder: Path, kind: str) -> tuple[MetaCase, ...]:
    """Every case of one corpus folder, from its dump ('dump') or its HTML page ('html')."""
    from briefgen.errors import BriefgenError
    from briefgen.ingest.pipeline import ingest_file

    name = "dump.txt" if kind == "dump" else "source.html"
    out = []
    for case in _cases(folder, name):
        want = json.loads((case / "meta.json").read_text(encoding="utf-8"))
        day = date.fromisoformat(want["date"])
        try:
            a = ingest_file(case / name)
        except BriefgenError:
            out.append(MetaCase(case.name, want["lang"], False, False, False, False))
            continue
        got = a.date.date()
        out.append(MetaCase(case.name, want["lang"], True, abs((got - day).days) <= 1, got == day,
                            a.lang == want["lang"]))
    return tuple(out)


@cache
def baselines(folder: Path) -> tuple[tuple[str, str, bool, bool, bool, bool], ...]:
    """(case, lang, trafilatura date within a day, same day, <html lang> right, detector right)."""
    import trafilatura

    from briefgen.ingest.meta import detect_lang

    out = []
    for case in _cases(folder, "source.html"):
        want = json.loads((case / "meta.json").read_text(encoding="utf-8"))
        day = date.fromisoformat(want["date"])
        page = (case / "source.html").read_text(encoding="utf-8")
        md = trafilatura.extract_metadata(page)
        try:
            got = date.fromisoformat(md.date[:10]) if md and md.date else None
        except ValueError:
            got = None
        declared = HTML_LANG.search(page)
        text = want["title"] + "\n" + (case / "expected.txt").read_text(encoding="utf-8")
        out.append((case.name, want["lang"], got is not None and abs((got - day).days) <= 1, got == day,
                    bool(declared) and declared.group(1).lower() == want["lang"], detect_lang(text) == want["lang"]))
    return tuple(out)


def by_language(cases) -> dict[str, list]:
    groups: dict[str, list] = {}
    for c in cases:
        groups.setdefault(c[1] if isinstance(c, tuple) else c.lang, []).append(c)
    return dict(sorted(groups.items())) | {"all": list(cases)}


def markdown_table(with_baselines: bool = True) -> str:
    folders = [f for f in corpora().values() if f is not None]
    dump = [c for f in folders for c in evaluate(f, "dump")]
    html = [c for f in folders for c in evaluate(f, "html")]
    base = [b for f in folders for b in baselines(f)] if with_baselines else []
    d, h = by_language(dump), by_language(html)
    b = by_language(base) if base else {}
    head = ("| language | cases | dump briefs | dump date | dump same day | dump lang | HTML briefs | HTML date "
            "| HTML same day | HTML lang |")
    rule = "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    if b:
        head += " trafilatura date | trafilatura same day | `<html lang>` | detector on reference |"
        rule += " --- | --- | --- | --- |"
    rows = [head, rule]
    for lang in d:
        dd, hh = d[lang], h.get(lang, [])
        row = (f"| {lang} | {len(dd)} | {sum(c.brief for c in dd)} | {sum(c.date_ok for c in dd)} | "
               f"{sum(c.same_day for c in dd)} | {sum(c.lang_ok for c in dd)} | {sum(c.brief for c in hh)} | "
               f"{sum(c.date_ok for c in hh)} | {sum(c.same_day for c in hh)} | {sum(c.lang_ok for c in hh)} |")
        if b:
            bb = b.get(lang, [])
            row += " " + " | ".join(str(sum(x[i] for x in bb)) for i in (2, 3, 4, 5)) + " |"
        rows.append(row)
    return "\n".join(rows)


# --- degraded pages: what older sites give ------------------------------------------------------------

_DATE_WORDS = r"date|time|publish|modified|updated|created|issued"
DATE_META = re.compile(r"<meta\b[^>]*\b(?:property|name|itemprop|http-equiv)\s*=\s*[\"']?[^\"'>]*"
                       rf"(?:{_DATE_WORDS})[^>]*>", re.IGNORECASE)
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
DATETIME_ATTR = re.compile(r"\sdatetime\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
# microdata on any element: <span itemprop="datePublished" content="2015-02-26">
ITEMPROP_DATE = re.compile(rf"(<[a-z][^>]*\bitemprop\s*=\s*[\"'][^\"']*(?:{_DATE_WORDS})[^>]*?)\s"
                           r"content\s*=\s*(?:\"[^\"]*\"|'[^']*')", re.IGNORECASE)
TITLE_META = re.compile(r"<meta\b[^>]*\b(?:property|name|itemprop)\s*=\s*[\"']?(?:og:title|twitter:title|"
                        r"title|headline|dc\.title|sailthru\.title|parsely-title)[\"'\s>][^>]*>",
                        re.IGNORECASE)
DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})[^\n]*(?:\n|\Z)")


def without_machine_dates(page: str) -> str:
    """The page without machine-readable dates: date and time <meta> tags, scripts (JSON-LD and the
    data of script-built pages), `datetime=` and the `content=` of date microdata. What is left is what
    the page prints (and its addresses)."""
    page = SCRIPT.sub("", page)
    page = DATE_META.sub("", page)
    page = ITEMPROP_DATE.sub(r"\1", page)
    return DATETIME_ATTR.sub("", page)


def without_meta_titles(page: str) -> str:
    """The page without og:title, twitter:title, title metas and JSON-LD (its headline)."""
    return TITLE_META.sub("", SCRIPT.sub("", page))


SITE_META = re.compile(r"<meta\b[^>]*\b(?:property|name|itemprop)\s*=\s*[\"']?(?:og:site_name|application-name|"
                       r"twitter:site|apple-mobile-web-app-title|publisher)[\"'\s>][^>]*>", re.IGNORECASE)
HOME_HREF = re.compile(r"(<a\b[^>]*?\bhref\s*=\s*)([\"'])(?:https?://[^/\"']+/?|/|\.|\./|/?index\.(?:html?|php))\2",
                       re.IGNORECASE)


def without_site_names(page: str) -> str:
    """The page without its title metas and JSON-LD (without_meta_titles), without the metas that name
    the site (og:site_name, application-name, twitter:site) and with its links to the home page pointing
    nowhere: what names the site is only what it prints (a logo's alt text, a copyright line, its links'
    texts) and its address."""
    return HOME_HREF.sub(r'\1"#"', SITE_META.sub("", without_meta_titles(page)))


BLOG_TAGLINE = "Notes, pictures and news from our corner"   # a blog's tagline under its name
H1_TAG = re.compile(r"<(/?)h1\b", re.IGNORECASE)
TITLE_TAG = re.compile(r"<title\b[^>]*>.*?</title\s*>", re.IGNORECASE | re.DOTALL)
BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def with_blog_layout(page: str, title: str, site: str, title_tag: bool = True, plain: bool = False) -> str:
    """The page as an old blog theme lays it out: no title metas or JSON-LD (without_meta_titles), the
    blog's name as the page's only <h1> (a link to its home page, at the top of the body), the page's
    own <h1>s set as <h2>s, and the document title "Site » Headline" (WordPress) or, without
    `title_tag`, the blog's name alone (themes that print the post's title only in the page). `plain`:
    the blog's name a plain <h1> (no link) above its tagline, the document title "Headline | Site"."""
    import html as htmllib

    page = H1_TAG.sub(r"<\1h2", without_meta_titles(page))
    name = htmllib.escape(site, quote=False)
    head = f"<title>{name} &raquo; {htmllib.escape(title, quote=False)}</title>" if title_tag else f"<title>{name}</title>"
    if plain:
        head = f"<title>{htmllib.escape(title, quote=False)} | {name}</title>"
    m = TITLE_TAG.search(page)
    page = page[:m.start()] + head + page[m.end():] if m else page.replace("</head>", head + "</head>", 1)
    m = BODY_OPEN.search(page)
    logo = f'<div id="blog-header"><h1 id="blog-title"><a href="/">{name}</a></h1></div>'
    if plain:
        logo = f'<div id="header"><h1>{name}</h1><p class="description">{BLOG_TAGLINE}</p></div>'
    return page[:m.end()] + logo + page[m.end():] if m else logo + page


def without_date_line(dump: str) -> str:
    """The dump without its first `date YYYY-MM-DD` line (what follows on that line, a language
    switcher, stays)."""
    m = DATE_LINE.match(dump)
    if not m:
        return dump
    rest = dump[m.start(1) + 10:m.end()].strip()
    return (rest + "\n" if rest else "") + dump[m.end():]


LATER_DAYS = 100   # every sample page is older than today by more than this


def with_later_date_line(dump: str, days: int = LATER_DAYS) -> str:
    """The dump with its `date` line moved `days` later: a page copied long after it appeared."""
    m = DATE_LINE.match(dump)
    if not m:
        return dump
    later = date.fromisoformat(m.group(1)) + timedelta(days=days)
    return dump[:m.start(1)] + later.isoformat() + dump[m.start(1) + 10:]


TEXT = re.compile(r"(>)([^<>]+)(<)")
HREF_DAY = re.compile(r"/(?:19|20)\d{2}[/-]\d{1,2}[/-]\d{1,2}(?=[/_-]|[\"'?#])")
BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)
BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)
HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
CANONICAL = re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical[^>]*>|<meta\b[^>]*\bproperty\s*=\s*[\"']?og:url[^>]*>",
                       re.IGNORECASE)


def without_dates_in(text: str) -> str:
    """The text with every full date briefgen's regexes read taken out (times and relative dates stay)."""
    from briefgen.ingest import dates

    for _ in range(20):
        try:
            span = dates._find_day_span(text)
        except dates.DateError:
            return text
        if span is None:
            return text
        text = text[:span[0]] + text[span[2]:]
    return text


def without_printed_dates(page: str) -> str:
    """The page without machine dates (without_machine_dates), without the full dates it prints, and
    without the days in its addresses ("/2011/03/02/"): a page that says its date nowhere."""
    page = HREF_DAY.sub("", without_machine_dates(page))
    return TEXT.sub(lambda m: m.group(1) + without_dates_in(m.group(2)) + m.group(3), page)


def _long_date(day: date, lang: str) -> str:
    from babel.dates import format_date

    try:
        return format_date(day, "long", locale=lang)
    except Exception:  # noqa: BLE001 - a language babel lacks: English
        return format_date(day, "long", locale="en")


def _after_headline(page: str, html: str) -> str:
    m = H1_END.search(page) or BODY_TAG.search(page)
    return page[:m.end()] + html + page[m.end():] if m else html + page


def with_url_date_only(page: str, day: date, lang: str) -> str:
    """A WordPress-style permalink is the only place the date is: no date printed or in metadata, the
    canonical address `…/2011/03/02/slug/`."""
    page = CANONICAL.sub("", without_printed_dates(page))
    link = f'<link rel="canonical" href="https://blog.example.org/{day:%Y/%m/%d}/the-post/">'
    m = HEAD_END.search(page)
    return page[:m.start()] + link + page[m.start():] if m else link + page


def with_posted_line_only(page: str, day: date, lang: str) -> str:
    """The only date is an old blog's "Posted on <date> by admin" line under the headline."""
    return _after_headline(without_printed_dates(page),
                           f'<p class="postmeta">Posted on {_long_date(day, lang)} by admin</p>')


def with_yearless_posted_line(page: str, day: date, lang: str) -> str:
    """No date printed or in metadata but an old blog's "Posted on <day and month> by admin" line under
    the headline, without the year, and readers' comments below with full dates (1, 2 and 5 days after)."""
    page = _after_headline(without_printed_dates(page),
                           f'<p class="postmeta">Posted on {_yearless_date(day, lang)} by admin</p>')
    return _with_comments(page, day, lang)


def _numeric_date(day: date, lang: str) -> str:
    """The day as the language writes it in digits, with a four-digit year (CLDR's yMd: en "2/26/2015",
    de "26.2.2015", pt "26/02/2015", ja "2015/2/26")."""
    from babel.dates import format_skeleton

    try:
        return format_skeleton("yMd", day, locale=lang)
    except Exception:  # noqa: BLE001 - a language babel lacks: English
        return format_skeleton("yMd", day, locale="en")


LOCALE_DECL = re.compile(r"(<html\b[^>]*?)\s(?:xml:)?lang\s*=\s*[\"']?[\w-]+[\"']?|"
                         r"<meta\b[^>]*\bproperty\s*=\s*[\"']?og:locale[^>]*>", re.IGNORECASE)


def with_numeric_posted_line(page: str, day: date, lang: str) -> str:
    """An older page that declares no language (no `<html lang>`, no og:locale) and whose only date is a
    "Posted on" line with the date in digits as its language writes them ("Posted on 2/26/2015 by
    admin", "Posted on 26.2.2015 by admin"): the order comes from the page's text alone."""
    page = LOCALE_DECL.sub(lambda m: m.group(1) or "", without_printed_dates(page))
    return _after_headline(page, f'<p class="postmeta">Posted on {_numeric_date(day, lang)} by admin</p>')


OFFSET_STAMP = re.compile(r"\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?([+-]\d{2}:?\d{2})\b")


def with_utc_stamps(page: str, day: date, lang: str) -> str:
    """Every machine timestamp with an offset ("2015-02-28T21:30:00-05:00") written as the same moment in
    UTC ("2015-03-01T02:30:00Z"), as many sites' metadata does: the page's printed date is kept."""
    from datetime import datetime

    def utc(m: re.Match) -> str:
        try:
            moment = datetime.fromisoformat(m.group(1) + m.group(2))
        except ValueError:
            return m.group(0)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return OFFSET_STAMP.sub(utc, page)


def with_numeric_byline(dump: str, day: date, lang: str) -> str:
    """A dump with no `date` line whose only full date is a byline above its first paragraph with the
    date in digits as the page's language writes them ("By Jane Doe, 2/26/2015")."""
    lines = [without_dates_in(ln) for ln in without_date_line(dump).split("\n")]
    first = next((n for n, ln in enumerate(lines) if len(ln) >= 150), 0)
    return "\n".join(lines[:first] + [f"By Jane Doe, {_numeric_date(day, lang)}", ""] + lines[first:])


OTHER_DAYS = (30, 14, 7, -2, -9)   # days from the article's: a sidebar's recent posts
COMMENT_DAYS = (1, 2, 5)           # readers' comments after it


def with_other_dates(page: str, day: date, lang: str) -> str:
    """The page without machine dates, its printed date kept, among many other dates: a sidebar of
    recent posts before the headline and readers' comments after the text."""
    page = without_machine_dates(page)
    posts = "".join(f"<li><a href='/p{n}'>Another story number {n}</a> ({_long_date(day + timedelta(days=d), lang)})"
                    "</li>" for n, d in enumerate(OTHER_DAYS))
    m = BODY_TAG.search(page)
    if m:
        page = page[:m.end()] + f"<div class='sidebar'><h3>Recent posts</h3><ul>{posts}</ul></div>" + page[m.end():]
    return _with_comments(page, day, lang)


def _with_comments(page: str, day: date, lang: str) -> str:
    comments = "".join(f"<div class='comment'><p class='comment-meta'>Reader {n} said on "
                       f"{_long_date(day + timedelta(days=d), lang)} at 8:15 pm</p><p>Thanks for this.</p></div>"
                       for n, d in enumerate(COMMENT_DAYS))
    m = BODY_END.search(page)
    block = f"<div class='comments'><h3>{len(COMMENT_DAYS)} Responses</h3>{comments}</div>"
    return page[:m.start()] + block + page[m.start():] if m else page + block


def with_byline_date_only(dump: str, day: date, lang: str) -> str:
    """A dump with no `date` line whose only full date is in a byline above its first paragraph."""
    lines = [without_dates_in(ln) for ln in without_date_line(dump).split("\n")]
    first = next((n for n, ln in enumerate(lines) if len(ln) >= 150), 0)
    return "\n".join(lines[:first] + [f"By Jane Doe, {_long_date(day, lang)}", ""] + lines[first:])


def _yearless_date(day: date, lang: str) -> str:
    from babel.dates import format_skeleton

    try:
        return format_skeleton("MMMMd", day, locale=lang)
    except Exception:  # noqa: BLE001 - a language babel lacks: English
        return format_skeleton("MMMMd", day, locale="en")


def with_yearless_byline(dump: str, day: date, lang: str) -> str:
    """A dump saved 100 days after the article (its `date` line), no full date printed, a byline above
    the first paragraph with the date without its year ("By Jane Doe, 3. März")."""
    later = with_later_date_line(dump)
    m = DATE_LINE.match(later)
    head, rest = (later[:m.end()], later[m.end():]) if m else ("", later)
    lines = [without_dates_in(ln) for ln in rest.split("\n")]
    first = next((n for n, ln in enumerate(lines) if len(ln) >= 150), 0)
    return head + "\n".join(lines[:first] + [f"By Jane Doe, {_yearless_date(day, lang)}", ""] + lines[first:])


def with_other_dump_dates(dump: str, day: date, lang: str) -> str:
    """A dump with no `date` line, its own dates kept, among recent posts above and comments below."""
    posts = "".join(f"Another story number {n} ({_long_date(day + timedelta(days=d), lang)})\n"
                    for n, d in enumerate(OTHER_DAYS))
    comments = "".join(f"Reader {n} said on {_long_date(day + timedelta(days=d), lang)} at 8:15 pm\n"
                       "Thanks for this.\n\n" for n, d in enumerate(COMMENT_DAYS))
    return f"Recent posts\n{posts}\n" + without_date_line(dump) + f"\n\n{len(COMMENT_DAYS)} Responses\n\n{comments}"


@dataclass(frozen=True)
class Degraded:
    case: str
    lang: str
    ours: bool              # briefgen right (same day, or title exact) on the degraded page
    theirs: bool | None     # trafilatura's metadata right on the same degraded page (None: not measured)
    wrong: bool = False     # briefgen gave a wrong value (rather than none)
    htmldate: bool | None = None   # htmldate's find_date (original date) right on the same page (dates)


def _trafilatura_md(page: str):
    import trafilatura

    try:
        return trafilatura.extract_metadata(page)
    except Exception:  # noqa: BLE001 - a failure is no metadata
        return None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@cache
def degraded(folder: Path, kind: str, baselines: bool = True) -> tuple[Degraded, ...]:
    """Each case of a folder under one degradation: 'html-dates', 'html-titles', 'dump-nodate',
    'dump-later' (see the module's docstring), the dated kinds of DATED_KINDS; for 'html-full-titles'
    the page as it is, titles. `baselines=False` leaves trafilatura and htmldate out (the gates)."""
    from briefgen.errors import BriefgenError
    from briefgen.ingest.pipeline import ingest_raw
    from briefgen.ingest.readers import read_raw
    from briefgen.ingest.score import same_title

    name = "dump.txt" if kind.startswith("dump") else "source.html"
    change = {"html-dates": without_machine_dates, "html-titles": without_meta_titles,
              "html-full-titles": lambda x: x, "html-bare-titles": without_site_names,
              "dump-nodate": without_date_line,
              "dump-later": with_later_date_line}.get(kind)
    dated = {"html-url-date": with_url_date_only, "html-posted": with_posted_line_only,
             "html-yearless": with_yearless_posted_line,
             "html-other-dates": with_other_dates, "dump-byline": with_byline_date_only,
             "dump-other-dates": with_other_dump_dates, "dump-yearless": with_yearless_byline,
             "html-numeric": with_numeric_posted_line, "html-utc": with_utc_stamps,
             "dump-numeric": with_numeric_byline}.get(kind)
    blog = {"html-blog-titles": True, "html-blog-name-titles": False, "html-blog-plain-titles": True}.get(kind)
    titles = kind.endswith("titles")
    out = []
    for case in _cases(folder, name):
        want = json.loads((case / "meta.json").read_text(encoding="utf-8"))
        day = date.fromisoformat(want["date"])
        raw = read_raw(case / name)
        if blog is not None:
            site = want.get("publisher") or case.name.split("-")[1]
            raw = replace(raw, text=with_blog_layout(raw.text, want["title"], site, blog,
                                                     plain=kind == "html-blog-plain-titles"))
        else:
            raw = replace(raw, text=change(raw.text) if change else dated(raw.text, day, want["lang"]))
        try:
            a = ingest_raw(raw)
        except BriefgenError:
            a = None
        if titles:
            ours = a is not None and same_title(a.title, want["title"])
        else:
            ours = a is not None and a.date.date() == day
        theirs = found = None
        if kind.startswith("html") and baselines:
            md = _trafilatura_md(raw.text)
            theirs = same_title(md.title, want["title"]) if titles else _day(md.date if md else None) == day
        if kind in HTMLDATE_KINDS and baselines:
            found = _day(_htmldate(raw.text)) == day
        # a brief dated by the file (the page shows no date: ingest_raw's fallback) is no date read: not wrong
        out.append(Degraded(case.name, want["lang"], ours, theirs,
                            wrong=a is not None and not ours and a.date_from is None, htmldate=found))
    return tuple(out)


def _htmldate(page: str) -> str | None:
    from htmldate import find_date

    try:
        return find_date(page, original_date=True)
    except Exception:  # noqa: BLE001 - a failure is no date
        return None


HTMLDATE_KINDS = ("html-url-date", "html-posted", "html-other-dates", "html-yearless", "html-numeric",
                  "html-utc")
DEGRADED_KINDS = {
    "html-full-titles": "HTML title, page as it is",
    "html-titles": "HTML title, no og:title/twitter:title/JSON-LD",
    "html-bare-titles": "HTML title, also no og:site_name and no home links",
    "html-blog-titles": "HTML title, as an old blog: the blog's name the only <h1>, <title> \"Blog » Headline\"",
    "html-blog-name-titles": "HTML title, as an old blog whose <title> is the blog's name alone",
    "html-blog-plain-titles": "HTML title, as an old blog: the blog's name a plain <h1>, <title> \"Headline | Blog\"",
    "html-dates": "HTML date same day, no machine-readable dates",
    "dump-nodate": "dump date same day, no `date` line",
    "dump-later": "dump date same day, `date` line 100 days later",
}


DATED_KINDS = {
    "html-url-date": "HTML, date only in the URL",
    "html-posted": "HTML, date only in a \"Posted on\" line",
    "html-other-dates": "HTML, no machine dates, sidebar and comment dates added",
    "html-yearless": "HTML, date only in a \"Posted on\" line without its year, comments below",
    "dump-byline": "dump, no `date` line, date only in a byline",
    "dump-other-dates": "dump, no `date` line, sidebar and comment dates added",
    "dump-yearless": "dump, `date` line 100 days later, date only in a byline without its year",
    "html-numeric": "HTML, no language declared, date only in a \"Posted on\" line in digits (en 2/26/2015)",
    "html-utc": "HTML, machine timestamps written in UTC, printed date kept",
    "dump-numeric": "dump, no `date` line, date only in a byline in digits (en 2/26/2015)",
}


def degraded_table(kinds: dict[str, str] = DEGRADED_KINDS) -> str:
    """Per language: briefgen right / trafilatura's metadata right (HTML; and htmldate for the dated
    kinds), or briefgen right (wrong dates) for dumps."""
    folders = [f for f in corpora().values() if f is not None]
    results = {k: [c for f in folders for c in degraded(f, k)] for k in kinds}
    langs = by_language(next(iter(results.values())))

    def cols(k: str) -> str:
        return " / trafilatura / htmldate" if k in HTMLDATE_KINDS else \
            " / trafilatura" if k.startswith("html") else " (wrong date)"
    head = "| language | cases | " + " | ".join(f"{kinds[k]}: briefgen{cols(k)}" for k in kinds) + " |"
    rows = [head, "| --- | --- |" + " --- |" * len(kinds)]
    for lang in langs:
        cells = []
        for k in kinds:
            group = [c for c in results[k] if lang == "all" or c.lang == lang]
            ours = sum(c.ours for c in group)
            if k in HTMLDATE_KINDS:
                cells.append(f"{ours} / {sum(bool(c.theirs) for c in group)} / "
                             f"{sum(bool(c.htmldate) for c in group)}")
            elif k.startswith("html"):
                cells.append(f"{ours} / {sum(bool(c.theirs) for c in group)}")
            else:
                cells.append(f"{ours} ({sum(c.wrong for c in group)})")
        rows.append(f"| {lang} | {len(langs[lang])} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _misses(kind: str) -> str:
    folders = [f for f in corpora().values() if f is not None]
    return "\n".join(f"{c.case}: briefgen {'ok' if c.ours else 'WRONG' if c.wrong else 'none'}, "
                     f"trafilatura {c.theirs}, htmldate {c.htmldate}" for f in folders for c in degraded(f, kind)
                     if not c.ours or c.theirs is False)


if __name__ == "__main__":
    if "--dated" in sys.argv:   # the dated variants alone (about 4 minutes)
        print(degraded_table(DATED_KINDS))
        for kind in sys.argv[sys.argv.index("--dated") + 1:]:
            print(f"\n{kind}:\n{_misses(kind)}")
    elif "--degraded" in sys.argv:
        print(degraded_table())
        print()
        print(degraded_table(DATED_KINDS))
        for kind in sys.argv[sys.argv.index("--degraded") + 1:]:
            print(f"\n{kind}:\n{_misses(kind)}")
    else:
        print(markdown_table())
